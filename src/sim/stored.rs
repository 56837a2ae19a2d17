//! One conversation as the simulator stores it: what a GET shows, the
//! participant-attribute writes accepted but not yet visible, the secure
//! attributes, and the flow's scheduled write-backs ([`super::flow`]), with
//! the rule that applies them all in due order.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::time::{Instant, SystemTime};

use super::flow::{Flow, WriteBack};
use crate::genesys::{Attributes, Conversation, Participant};

/// The size of an attribute map as [`super::SimConfig::max_stored_attributes`]
/// counts it: the bytes of its keys and values.
pub(crate) fn attributes_size(attributes: &Attributes) -> usize {
    attributes.iter().map(|(k, v)| k.len() + v.len()).sum()
}

/// The size `current` would have with `update` merged in per key.
pub(crate) fn merged_size(current: &Attributes, update: &Attributes) -> usize {
    let mut size = attributes_size(current);
    for (key, value) in update {
        match current.get(key) {
            Some(old) => size = size - old.len() + value.len(),
            None => size += key.len() + value.len(),
        }
    }
    size
}

/// A conversation's secure attributes (§1.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Secure {
    pub attributes: Attributes,
    pub version: i64,
}

/// A participant-attribute write accepted with 202 but not yet visible.
#[derive(Debug, Clone)]
struct Pending {
    due: Instant,
    participant_id: String,
    /// The whole map the write shows.
    attributes: Attributes,
    /// The keys the write set itself (a merge); `None` when it sets the
    /// whole map (a replacement).
    own: Option<BTreeSet<String>>,
}

impl Pending {
    /// Takes in a flow's write-back that happened after this write was
    /// accepted and before it shows: the flow's values hold for the keys
    /// this write did not set itself.
    fn absorb(&mut self, write_back: &WriteBack) {
        if self.participant_id != write_back.participant_id {
            return;
        }
        if let Some(own) = &self.own {
            for (key, value) in &write_back.attributes {
                if !own.contains(key) {
                    self.attributes.insert(key.clone(), value.clone());
                }
            }
        }
    }
}

/// The most writes of one conversation that wait for the visibility delay
/// at once; each holds a whole attribute map.
pub(crate) const MAX_PENDING: usize = 64;

/// One conversation as stored.
#[derive(Debug, Clone)]
pub(crate) struct Stored {
    /// What a GET shows.
    pub conversation: Conversation,
    /// Writes waiting for the visibility delay, oldest first.
    pending: Vec<Pending>,
    /// The secure attributes.
    pub secure: Secure,
    /// The flow that holds some participants, and its scheduled write-backs.
    flow: Flow,
    /// Write-backs applied and not yet logged by the state
    /// ([`Stored::take_applied`]).
    flow_applied: Vec<WriteBack>,
}

impl Stored {
    pub fn new(conversation: Conversation, secure: Attributes) -> Self {
        Self {
            flow: Flow::of(&conversation),
            conversation,
            pending: Vec::new(),
            secure: Secure {
                attributes: secure,
                version: 1,
            },
            flow_applied: Vec::new(),
        }
    }

    /// How many flow write-backs wait.
    #[cfg(test)]
    pub fn scheduled_write_backs(&self) -> usize {
        self.flow.scheduled_len()
    }

    /// The write-backs applied since the last call, oldest first.
    pub fn take_applied(&mut self) -> Vec<WriteBack> {
        std::mem::take(&mut self.flow_applied)
    }

    /// Makes every write whose delay has passed visible, and applies every
    /// flow write-back that is due, all in due order.
    pub fn flush(&mut self, now: Instant) {
        // The common case, on every request: nothing is waiting.
        if self.pending.is_empty() && self.flow.idle() {
            return;
        }
        let mut shows = self.take_due_writes(now);
        for write_back in self.flow.take_due(now) {
            while shows.front().is_some_and(|w| w.due <= write_back.due) {
                if let Some(write) = shows.pop_front() {
                    self.show(write);
                }
            }
            for later in &mut shows {
                later.absorb(&write_back);
            }
            self.apply_write_back(write_back);
        }
        for write in shows {
            self.show(write);
        }
    }

    /// The due writes, removed, in due order: of each participant only the
    /// newest due one (its map includes the older ones'), the older ones,
    /// due or not, dropped with it. (With the visibility delay switched
    /// while writes wait, a newer write can be due before an older one.)
    fn take_due_writes(&mut self, now: Instant) -> VecDeque<Pending> {
        let mut newest: HashMap<&str, usize> = HashMap::new();
        for (index, write) in self.pending.iter().enumerate() {
            if write.due <= now {
                newest.insert(&write.participant_id, index);
            }
        }
        if newest.is_empty() {
            return VecDeque::new();
        }
        let newest: HashMap<String, usize> = newest
            .into_iter()
            .map(|(id, index)| (id.to_owned(), index))
            .collect();
        let mut shows = Vec::new();
        let mut waiting = Vec::new();
        for (index, write) in self.pending.drain(..).enumerate() {
            match newest.get(&write.participant_id) {
                Some(&last) if index == last => shows.push(write),
                Some(&last) if index < last => {}
                _ => waiting.push(write),
            }
        }
        self.pending = waiting;
        shows.sort_by_key(|w| w.due);
        shows.into()
    }

    fn show(&mut self, write: Pending) {
        if let Some(participant) = self.participant_mut(&write.participant_id) {
            participant.attributes = Some(write.attributes);
        }
    }

    /// Writes a flow's values over the participant's visible attributes
    /// and into its writes still waiting, and keeps it for the log.
    fn apply_write_back(&mut self, write_back: WriteBack) {
        for later in &mut self.pending {
            later.absorb(&write_back);
        }
        if let Some(participant) = self.participant_mut(&write_back.participant_id) {
            participant
                .attributes
                .get_or_insert_default()
                .extend(write_back.attributes.clone());
        }
        self.flow_applied.push(write_back);
    }

    /// The keys a PATCH of `update` changes that the flow would write back:
    /// none unless a flow holds the participant; else the keys it sets and,
    /// when it replaces, the keys it removes.
    pub fn keys_for_flow(
        &self,
        participant_id: &str,
        update: &Attributes,
        replace: bool,
    ) -> Vec<String> {
        if !self.flow.holds(participant_id) {
            return Vec::new();
        }
        let mut keys: Vec<String> = update.keys().cloned().collect();
        if replace && let Some(current) = self.latest(participant_id) {
            keys.extend(current.keys().filter(|k| !update.contains_key(*k)).cloned());
        }
        keys
    }

    /// Schedules the flow's write-back of those of `keys` it set, due at
    /// `due` (`at` on the wall clock); nothing when it set none. Past
    /// [`super::flow::MAX_WRITEBACKS`] the oldest applies now.
    pub fn schedule_write_back(
        &mut self,
        participant_id: &str,
        keys: &[String],
        due: Instant,
        at: SystemTime,
    ) {
        let attributes = self
            .flow
            .values_of(participant_id, keys.iter().map(String::as_str));
        if attributes.is_empty() {
            return;
        }
        let evicted = self.flow.schedule(WriteBack {
            due,
            at,
            participant_id: participant_id.to_owned(),
            attributes,
        });
        if let Some(oldest) = evicted {
            self.apply_write_back(oldest);
        }
    }

    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.conversation.participant(id)
    }

    fn participant_mut(&mut self, id: &str) -> Option<&mut Participant> {
        self.conversation
            .participants
            .iter_mut()
            .find(|p| p.id.as_deref() == Some(id))
    }

    /// A participant's attributes after every accepted write, visible or not.
    pub fn latest_attributes(&self, participant_id: &str) -> Attributes {
        self.latest(participant_id).cloned().unwrap_or_default()
    }

    fn latest(&self, participant_id: &str) -> Option<&Attributes> {
        self.pending
            .iter()
            .rev()
            .find(|p| p.participant_id == participant_id)
            .map(|p| &p.attributes)
            .or_else(|| {
                self.participant(participant_id)
                    .and_then(|p| p.attributes.as_ref())
            })
    }

    /// Merges `update` into a participant's attributes per key, or replaces
    /// them with it, unless the result would be larger than `cap` bytes
    /// ([`attributes_size`]): then nothing changes and the error is that size.
    pub fn update_attributes(
        &mut self,
        participant_id: &str,
        update: Attributes,
        replace: bool,
        visible_at: Option<Instant>,
        cap: usize,
    ) -> Result<(), usize> {
        let current = self.latest(participant_id);
        let size = match (replace, current) {
            (false, Some(current)) => merged_size(current, &update),
            _ => attributes_size(&update),
        };
        if size > cap {
            return Err(size);
        }
        let waiting = self
            .pending
            .iter()
            .any(|p| p.participant_id == participant_id);
        if visible_at.is_none() && !waiting {
            // The common case, merged in place: no copy of the whole map.
            if let Some(participant) = self.participant_mut(participant_id) {
                match (&mut participant.attributes, replace) {
                    (Some(current), false) => current.extend(update),
                    (slot, _) => *slot = Some(update),
                }
            }
            return Ok(());
        }
        let (next, own) = if replace {
            (update, None)
        } else {
            let own = update.keys().cloned().collect();
            let mut merged = current.cloned().unwrap_or_default();
            merged.extend(update);
            (merged, Some(own))
        };
        self.record(participant_id, next, own, visible_at);
        Ok(())
    }

    /// Records a participant's new attributes: at once, or at `visible_at`.
    #[cfg(test)]
    pub fn write_attributes(
        &mut self,
        participant_id: &str,
        attributes: Attributes,
        visible_at: Option<Instant>,
    ) {
        self.record(participant_id, attributes, None, visible_at);
    }

    /// As [`Stored::write_attributes`], with the keys the write sets itself
    /// when it is a merge.
    fn record(
        &mut self,
        participant_id: &str,
        attributes: Attributes,
        own: Option<BTreeSet<String>>,
        visible_at: Option<Instant>,
    ) {
        match visible_at {
            Some(due) => {
                // Bounded: past the cap the oldest waiting write shows now
                // (its delay cut short) rather than memory growing with
                // every write a client sends in the delay.
                if self.pending.len() >= MAX_PENDING {
                    let oldest = self.pending.remove(0);
                    if let Some(participant) = self.participant_mut(&oldest.participant_id) {
                        participant.attributes = Some(oldest.attributes);
                    }
                }
                self.pending.push(Pending {
                    due,
                    participant_id: participant_id.to_owned(),
                    attributes,
                    own,
                });
            }
            None => {
                if let Some(participant) = self.participant_mut(participant_id) {
                    participant.attributes = Some(attributes);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn stored() -> Stored {
        let conversation: Conversation = serde_json::from_str(
            r#"{"id":"c","startTime":"2026-11-20T14:02:11.482Z",
                "participants":[{"id":"p","attributes":{"a":"1"}}]}"#,
        )
        .unwrap();
        Stored::new(conversation, Attributes::new())
    }

    #[test]
    fn delayed_writes_past_the_cap_show_the_oldest_early_and_keep_the_latest() {
        let mut stored = stored();
        let later = Instant::now() + Duration::from_secs(60);
        for n in 0..MAX_PENDING + 10 {
            let mut next = Attributes::new();
            next.insert("a".into(), n.to_string());
            stored.write_attributes("p", next, Some(later));
        }
        assert_eq!(stored.pending.len(), MAX_PENDING);
        // The ten oldest showed early, in order: the tenth is visible.
        let visible = stored.participant("p").unwrap().attributes.clone().unwrap();
        assert_eq!(visible["a"], "9");
        assert_eq!(
            stored.latest_attributes("p")["a"],
            (MAX_PENDING + 9).to_string()
        );
    }

    #[test]
    fn a_delayed_write_shows_only_when_due() {
        let mut stored = stored();
        let now = Instant::now();
        let mut next = Attributes::new();
        next.insert("a".into(), "2".into());
        stored.write_attributes("p", next.clone(), Some(now + Duration::from_secs(5)));
        stored.flush(now);
        assert_eq!(
            stored
                .participant("p")
                .unwrap()
                .attributes
                .as_ref()
                .unwrap()["a"],
            "1"
        );
        assert_eq!(stored.latest_attributes("p"), next);
        stored.flush(now + Duration::from_secs(6));
        assert_eq!(
            stored.participant("p").unwrap().attributes.as_ref(),
            Some(&next)
        );
    }

    #[test]
    fn an_update_past_the_cap_changes_nothing() {
        let mut stored = stored();
        let update = |k: &str, v: &str| Attributes::from([(k.to_owned(), v.to_owned())]);
        // "a":"1" is 2 bytes; "b":"xyz" makes 6.
        assert_eq!(
            stored.update_attributes("p", update("b", "xyz"), false, None, 6),
            Ok(())
        );
        assert_eq!(attributes_size(&stored.latest_attributes("p")), 6);
        // Replacing "b"'s value counts the new value only once.
        assert_eq!(
            stored.update_attributes("p", update("b", "wxyz"), false, None, 6),
            Err(7)
        );
        assert_eq!(stored.latest_attributes("p")["b"], "xyz");
        // A replacement counts only itself.
        assert_eq!(
            stored.update_attributes("p", update("c", "12345"), true, None, 6),
            Ok(())
        );
        assert_eq!(stored.latest_attributes("p"), update("c", "12345"));
        // A delayed write is checked against the latest attributes too.
        let later = Some(Instant::now() + Duration::from_secs(60));
        assert_eq!(
            stored.update_attributes("p", update("d", "e"), false, later, 6),
            Err(8)
        );
        assert_eq!(
            stored.update_attributes("p", update("c", "1"), false, later, 6),
            Ok(())
        );
        assert_eq!(stored.latest_attributes("p"), update("c", "1"));
    }
}
