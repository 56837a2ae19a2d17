//! The flow write-back: an Architect flow that holds a participant writes
//! its own values back when it ends, over an accepted PATCH (§12, behaviour
//! documented: "when the flow ends the value set by the flow overwrites the
//! value in the cloud"). Off unless `flow_writeback` is set.
//!
//! The rest is assumed (the sheet gives no timing, and no way to tell from a
//! conversation which participants a flow holds):
//! - A conversation with a participant of purpose `ivr` runs a flow; the
//!   flow holds that participant and every participant of purpose
//!   `customer`. Among the fixtures only the billing-dispute call has one.
//! - The flow's values are a held participant's attributes as the fixture
//!   loads them.
//! - An accepted attribute PATCH (generic or media route) to a held
//!   participant schedules one write-back, due `flow_writeback` after the
//!   PATCH shows in a GET (its visibility delay, then the write-back delay).
//!   It writes the flow's values of the keys the PATCH changed (the keys it
//!   set and, with `replace_on_patch`, the keys it removed) that the flow
//!   had set; every other key stays as PATCHed. A PATCH that changes no key
//!   the flow set schedules nothing.
//! - Write-backs are kept per conversation, at most [`MAX_WRITEBACKS`]; past
//!   that the oldest applies at once. They apply lazily, in due order, when
//!   the conversation is next read or written, interleaved with the delayed
//!   writes by due time.
//! - Each applied write-back is logged ([`FlowWrite`], the last
//!   [`MAX_FLOW_WRITES`]), so a watcher can show it as someone else's write.

use std::time::{Instant, SystemTime};

use crate::genesys::{Attributes, Conversation};

/// The most write-backs one conversation holds scheduled at once.
pub(crate) const MAX_WRITEBACKS: usize = 64;

/// The most applied write-backs the log keeps; older ones are dropped.
pub(crate) const MAX_FLOW_WRITES: usize = 256;

/// A write-back a flow made: when, to which participant, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowWrite {
    /// When the flow wrote: the write-back's due time (it is applied at the
    /// conversation's next read or write, but shows as written then).
    pub at: SystemTime,
    /// The conversation.
    pub conversation_id: String,
    /// The participant written to.
    pub participant_id: String,
    /// The keys written and the flow's values for them.
    pub attributes: Attributes,
}

/// A scheduled write-back.
#[derive(Debug, Clone)]
pub(crate) struct WriteBack {
    pub due: Instant,
    /// `due` on the wall clock, for the log.
    pub at: SystemTime,
    pub participant_id: String,
    pub attributes: Attributes,
}

/// One conversation's flow: the participants it holds with its values, and
/// the write-backs scheduled.
#[derive(Debug, Clone, Default)]
pub(crate) struct Flow {
    /// (participant id, the flow's values), as loaded.
    held: Vec<(String, Attributes)>,
    /// Oldest first (by scheduling, not necessarily by due time).
    scheduled: Vec<WriteBack>,
}

impl Flow {
    /// The flow of `conversation` by the held-participant rule above: none
    /// without an `ivr` participant.
    pub fn of(conversation: &Conversation) -> Self {
        let purpose = |p: &crate::genesys::Participant| p.purpose.as_deref() == Some("ivr");
        if !conversation.participants.iter().any(purpose) {
            return Self::default();
        }
        let held = conversation
            .participants
            .iter()
            .filter(|p| matches!(p.purpose.as_deref(), Some("ivr" | "customer")))
            .filter_map(|p| {
                let values = p.attributes.clone().unwrap_or_default();
                p.id.clone().map(|id| (id, values))
            })
            .collect();
        Self {
            held,
            scheduled: Vec::new(),
        }
    }

    /// Whether the flow holds the participant.
    pub fn holds(&self, participant_id: &str) -> bool {
        self.held.iter().any(|(id, _)| id == participant_id)
    }

    /// The flow's values of those of `keys` it set, for a participant it
    /// holds; empty when it holds none or set none of them.
    pub fn values_of<'k>(
        &self,
        participant_id: &str,
        keys: impl IntoIterator<Item = &'k str>,
    ) -> Attributes {
        let Some((_, values)) = self.held.iter().find(|(id, _)| id == participant_id) else {
            return Attributes::new();
        };
        keys.into_iter()
            .filter_map(|key| values.get_key_value(key))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// Whether no write-back waits.
    pub fn idle(&self) -> bool {
        self.scheduled.is_empty()
    }

    /// Schedules a write-back; past [`MAX_WRITEBACKS`] the oldest one is
    /// returned, to be applied now.
    pub fn schedule(&mut self, write_back: WriteBack) -> Option<WriteBack> {
        let evicted = (self.scheduled.len() >= MAX_WRITEBACKS).then(|| self.scheduled.remove(0));
        self.scheduled.push(write_back);
        evicted
    }

    /// The write-backs due at `now`, removed, in due order.
    pub fn take_due(&mut self, now: Instant) -> Vec<WriteBack> {
        if self.scheduled.is_empty() {
            return Vec::new();
        }
        let (mut due, waiting): (Vec<_>, Vec<_>) =
            self.scheduled.drain(..).partition(|w| w.due <= now);
        self.scheduled = waiting;
        // Stable: two due at the same instant apply in scheduling order.
        due.sort_by_key(|w| w.due);
        due
    }

    /// How many write-backs wait.
    #[cfg(test)]
    pub fn scheduled_len(&self) -> usize {
        self.scheduled.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conversation(participants: &str) -> Conversation {
        serde_json::from_str(&format!(
            r#"{{"id":"c","startTime":"2026-11-20T14:02:11.482Z","participants":[{participants}]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn a_flow_holds_the_customer_and_the_ivr_only_when_an_ivr_is_there() {
        let with_ivr = conversation(
            r#"{"id":"cu","purpose":"customer","attributes":{"a":"1"}},
               {"id":"iv","purpose":"ivr"},
               {"id":"ag","purpose":"agent","attributes":{"a":"2"}}"#,
        );
        let flow = Flow::of(&with_ivr);
        assert!(flow.holds("cu") && flow.holds("iv") && !flow.holds("ag"));
        assert_eq!(
            flow.values_of("cu", ["a", "b"]),
            Attributes::from([("a".to_owned(), "1".to_owned())])
        );
        assert!(flow.values_of("ag", ["a"]).is_empty());
        let without = conversation(
            r#"{"id":"cu","purpose":"customer","attributes":{"a":"1"}},
               {"id":"ag","purpose":"agent"}"#,
        );
        assert!(!Flow::of(&without).holds("cu"));
    }
}
