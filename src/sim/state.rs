//! The simulator's in-memory state: the conversations (with the writes not
//! yet visible), their secure attributes, the issued tokens, the rate-limit
//! windows and the fault RNG. Locks are never held across an `.await`.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use super::config::SimConfig;
use super::fixtures;
use super::limits::Windows;
use super::{SimError, auth::Token};
use crate::genesys::{Attributes, Conversation, Participant};

/// Everything a running simulator holds. Build it with [`SimState::new`] and
/// serve it with [`super::router`].
pub struct SimState {
    pub(crate) config: SimConfig,
    pub(crate) store: Mutex<HashMap<String, Stored>>,
    pub(crate) tokens: Mutex<HashMap<String, Token>>,
    pub(crate) windows: Mutex<Windows>,
    rng: Mutex<fastrand::Rng>,
    warnings: Vec<String>,
}

impl std::fmt::Debug for SimState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // No tokens: they are secrets.
        f.debug_struct("SimState")
            .field("config", &self.config)
            .field("conversations", &self.conversation_ids())
            .field("warnings", &self.warnings)
            .finish_non_exhaustive()
    }
}

impl SimState {
    /// Validates the configuration and loads the embedded fixtures, then those
    /// of `config.fixtures_dir`.
    ///
    /// # Errors
    ///
    /// [`SimError::InvalidConfig`] for a value the simulator cannot run with,
    /// [`SimError::FixturesDir`] when the folder cannot be read. A malformed
    /// fixture file is not an error: it becomes a warning.
    pub fn new(config: SimConfig) -> Result<Self, SimError> {
        config.validate()?;
        let loaded = fixtures::load(config.fixtures_dir.as_deref())?;
        let store = loaded
            .conversations
            .into_iter()
            .map(|fixture| {
                (
                    fixture.id.clone(),
                    Stored::new(fixture.conversation, fixture.secure),
                )
            })
            .collect();
        let rng = config
            .seed
            .map_or_else(fastrand::Rng::new, fastrand::Rng::with_seed);
        Ok(Self {
            config,
            store: Mutex::new(store),
            tokens: Mutex::new(HashMap::new()),
            windows: Mutex::new(Windows::default()),
            rng: Mutex::new(rng),
            warnings: loaded.warnings,
        })
    }

    /// The configuration the simulator runs with.
    #[must_use]
    pub fn config(&self) -> &SimConfig {
        &self.config
    }

    /// `FILE:LINE:COLUMN: message` for each fixture file that did not load.
    #[must_use]
    pub fn fixture_warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The ids of the loaded conversations, sorted.
    #[must_use]
    pub fn conversation_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = lock(&self.store).keys().cloned().collect();
        ids.sort();
        ids
    }

    /// The loaded conversations as a GET shows them now, sorted by id.
    #[must_use]
    pub fn conversations(&self) -> Vec<Conversation> {
        let store = lock(&self.store);
        let mut ids: Vec<&String> = store.keys().collect();
        ids.sort();
        ids.into_iter()
            .map(|id| store[id].conversation.clone())
            .collect()
    }

    /// Draws the two fault decisions of one API call: (throttle, fail).
    pub(crate) fn draw_faults(&self) -> (bool, bool) {
        let mut rng = lock(&self.rng);
        // Both draws happen on every call, so a seed gives the same sequence
        // whatever the rates.
        let throttle = rng.f64() < self.config.throttle_rate;
        let fail = rng.f64() < self.config.fail_rate;
        (throttle, fail)
    }
}

/// Locks a mutex; a panic elsewhere while holding it leaves data that is
/// still consistent for the simulator's purposes, so poisoning is ignored.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The size of an attribute map as [`SimConfig::max_stored_attributes`]
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
    attributes: Attributes,
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
}

impl Stored {
    pub fn new(conversation: Conversation, secure: Attributes) -> Self {
        Self {
            conversation,
            pending: Vec::new(),
            secure: Secure {
                attributes: secure,
                version: 1,
            },
        }
    }

    /// Makes every write whose delay has passed visible.
    pub fn flush(&mut self, now: Instant) {
        // The common case, on every request: nothing is waiting.
        if self.pending.is_empty() {
            return;
        }
        let (due, waiting): (Vec<_>, Vec<_>) = self.pending.drain(..).partition(|p| p.due <= now);
        self.pending = waiting;
        for write in due {
            if let Some(participant) = self.participant_mut(&write.participant_id) {
                participant.attributes = Some(write.attributes);
            }
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
        let next = if replace {
            update
        } else {
            let mut merged = current.cloned().unwrap_or_default();
            merged.extend(update);
            merged
        };
        self.write_attributes(participant_id, next, visible_at);
        Ok(())
    }

    /// Records a participant's new attributes: at once, or at `visible_at`.
    pub fn write_attributes(
        &mut self,
        participant_id: &str,
        attributes: Attributes,
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

    #[test]
    fn a_seed_repeats_the_fault_draws() {
        let config = SimConfig {
            seed: Some(7),
            fail_rate: 0.5,
            throttle_rate: 0.5,
            ..SimConfig::default()
        };
        let a = SimState::new(config.clone()).unwrap();
        let b = SimState::new(config).unwrap();
        let draws = |s: &SimState| (0..32).map(|_| s.draw_faults()).collect::<Vec<_>>();
        assert_eq!(draws(&a), draws(&b));
    }
}
