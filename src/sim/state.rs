//! The simulator's in-memory state: the conversations (with the writes not
//! yet visible and the flows' scheduled write-backs), their secure
//! attributes, the live settings, the issued tokens, the rate-limit windows,
//! the fault RNG and the log of flow write-backs. Locks are never held
//! across an `.await`; when two are held, the store's is taken first.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use super::config::{SimConfig, SimSettings};
use super::fixtures;
use super::flow::{FlowWrite, MAX_FLOW_WRITES};
use super::limits::Windows;
pub(crate) use super::stored::{Stored, attributes_size, merged_size};
use super::{SimError, auth::Token};
use crate::genesys::Conversation;

/// Everything a running simulator holds. Build it with [`SimState::new`] and
/// serve it with [`super::router`].
pub struct SimState {
    pub(crate) config: SimConfig,
    /// The switchable behaviours now; they start as the config's.
    settings: Mutex<SimSettings>,
    pub(crate) store: Mutex<HashMap<String, Stored>>,
    /// The store as loaded, for [`SimState::reset`].
    initial: HashMap<String, Stored>,
    /// The applied flow write-backs, oldest first, at most [`MAX_FLOW_WRITES`].
    flow_log: Mutex<VecDeque<FlowWrite>>,
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
            .field("settings", &self.settings())
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
        let store: HashMap<String, Stored> = loaded
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
            settings: Mutex::new(config.settings()),
            config,
            initial: store.clone(),
            store: Mutex::new(store),
            flow_log: Mutex::new(VecDeque::new()),
            tokens: Mutex::new(HashMap::new()),
            windows: Mutex::new(Windows::default()),
            rng: Mutex::new(rng),
            warnings: loaded.warnings,
        })
    }

    /// The configuration the simulator started with; the switchable
    /// behaviours now are [`SimState::settings`].
    #[must_use]
    pub fn config(&self) -> &SimConfig {
        &self.config
    }

    /// The switchable behaviours now.
    #[must_use]
    pub fn settings(&self) -> SimSettings {
        *lock(&self.settings)
    }

    /// Switches the behaviours; the next request uses them. Writes and
    /// write-backs already accepted keep the time they were given.
    ///
    /// # Errors
    ///
    /// [`SimError::InvalidConfig`] when `settings` does not validate; the
    /// settings then stay as they were.
    pub fn set_settings(&self, settings: SimSettings) -> Result<(), SimError> {
        settings.validate()?;
        *lock(&self.settings) = settings;
        Ok(())
    }

    /// Back to the state at start: the conversations, their attributes,
    /// secure attributes and versions as loaded (the fixtures folder is not
    /// read again), no write waiting, no write-back scheduled or logged, and
    /// the config's settings. Tokens, rate-limit windows and the fault RNG
    /// are kept.
    pub fn reset(&self) {
        lock(&self.store).clone_from(&self.initial);
        lock(&self.flow_log).clear();
        *lock(&self.settings) = self.config.settings();
    }

    /// The flow write-backs applied so far (the last 256),
    /// oldest first, after applying every one that is due now.
    #[must_use]
    pub fn flow_writes(&self) -> Vec<FlowWrite> {
        let mut store = lock(&self.store);
        let now = Instant::now();
        for (id, stored) in store.iter_mut() {
            stored.flush(now);
            self.log_flow_writes(id, stored);
        }
        drop(store);
        lock(&self.flow_log).iter().cloned().collect()
    }

    /// Moves the write-backs `stored` applied into the log.
    pub(crate) fn log_flow_writes(&self, conversation_id: &str, stored: &mut Stored) {
        let applied = stored.take_applied();
        if applied.is_empty() {
            return;
        }
        let mut log = lock(&self.flow_log);
        for write in applied {
            if log.len() >= MAX_FLOW_WRITES {
                log.pop_front();
            }
            log.push_back(FlowWrite {
                at: write.at,
                conversation_id: conversation_id.to_owned(),
                participant_id: write.participant_id,
                attributes: write.attributes,
            });
        }
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
        let mut store = lock(&self.store);
        let now = Instant::now();
        for (id, stored) in store.iter_mut() {
            stored.flush(now);
            self.log_flow_writes(id, stored);
        }
        let mut ids: Vec<&String> = store.keys().collect();
        ids.sort();
        ids.into_iter()
            .map(|id| store[id].conversation.clone())
            .collect()
    }

    /// Draws the two fault decisions of one API call: (throttle, fail).
    pub(crate) fn draw_faults(&self) -> (bool, bool) {
        let throttle_rate = self.settings().throttle_rate;
        let mut rng = lock(&self.rng);
        // Both draws happen on every call, so a seed gives the same sequence
        // whatever the rates.
        let throttle = rng.f64() < throttle_rate;
        let fail = rng.f64() < self.config.fail_rate;
        (throttle, fail)
    }
}

/// Locks a mutex; a panic elsewhere while holding it leaves data that is
/// still consistent for the simulator's purposes, so poisoning is ignored.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use super::*;
    use crate::genesys::Attributes;
    use crate::sim::flow::MAX_WRITEBACKS;

    /// The billing-dispute call: the only fixture with an ivr participant.
    const CALL: &str = "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14";
    const CUSTOMER: &str = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
    const AGENT: &str = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

    fn attrs(pairs: &[(&str, &str)]) -> Attributes {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn visible(stored: &Stored, participant: &str) -> Attributes {
        stored
            .participant(participant)
            .and_then(|p| p.attributes.clone())
            .unwrap_or_default()
    }

    /// A PATCH as `patch_attributes` records it: the update, then the
    /// write-back of the keys the flow set, due at `due`.
    fn patch(
        stored: &mut Stored,
        participant: &str,
        update: Attributes,
        replace: bool,
        visible_at: Option<Instant>,
        due: Instant,
    ) {
        let keys = stored.keys_for_flow(participant, &update, replace);
        stored
            .update_attributes(participant, update, replace, visible_at, usize::MAX)
            .unwrap();
        stored.schedule_write_back(participant, &keys, due, SystemTime::now());
    }

    #[test]
    fn a_write_back_applies_when_due_to_the_keys_the_flow_set_only() {
        let state = SimState::new(SimConfig::default()).unwrap();
        let mut store = lock(&state.store);
        let stored = store.get_mut(CALL).unwrap();
        let now = Instant::now();
        let update = attrs(&[("callReason", "refund"), ("ticket", "T-1")]);
        patch(
            stored,
            CUSTOMER,
            update,
            false,
            None,
            now + Duration::from_secs(5),
        );
        assert_eq!(stored.scheduled_write_backs(), 1);
        stored.flush(now + Duration::from_secs(4));
        assert_eq!(
            visible(stored, CUSTOMER)["callReason"],
            "refund",
            "not due yet"
        );
        assert!(stored.take_applied().is_empty());
        stored.flush(now + Duration::from_secs(5));
        let after = visible(stored, CUSTOMER);
        assert_eq!(after["callReason"], "billing-dispute", "the flow's value");
        assert_eq!(after["ticket"], "T-1", "a key the flow never set stays");
        assert_eq!(after["ivrPath"], "main>billing>dispute>agent");
        let applied = stored.take_applied();
        assert_eq!(applied.len(), 1);
        assert_eq!(
            applied[0].attributes,
            attrs(&[("callReason", "billing-dispute")])
        );
        assert_eq!(stored.scheduled_write_backs(), 0);
    }

    #[test]
    fn a_participant_no_flow_holds_gets_no_write_back() {
        let state = SimState::new(SimConfig::default()).unwrap();
        let mut store = lock(&state.store);
        let stored = store.get_mut(CALL).unwrap();
        let update = attrs(&[("callReason", "x")]);
        assert!(stored.keys_for_flow(AGENT, &update, false).is_empty());
        // Asked to anyway, the flow has no values of the agent to write.
        let now = Instant::now();
        stored.schedule_write_back(AGENT, &["callReason".to_owned()], now, SystemTime::now());
        assert_eq!(stored.scheduled_write_backs(), 0);
        // Nor does a PATCH of only keys the flow never set schedule one.
        patch(
            stored,
            CUSTOMER,
            attrs(&[("ticket", "T-1")]),
            false,
            None,
            now,
        );
        assert_eq!(stored.scheduled_write_backs(), 0);
        // The web message conversation has no ivr: no flow holds its customer.
        let message = store
            .get_mut("8b2f4d6a-1c3e-4a5b-9d7f-0e2a4c6b8d10")
            .unwrap();
        let customer = "4c6e8a0b-2d4f-4b1c-9e3a-5f7b9d1c3e20";
        let key = visible(message, customer).into_keys().next().unwrap();
        assert!(
            message
                .keys_for_flow(customer, &attrs(&[(&key, "x")]), false)
                .is_empty()
        );
    }

    #[test]
    fn a_replacing_patch_gets_back_the_keys_it_removed_that_the_flow_set() {
        let state = SimState::new(SimConfig::default()).unwrap();
        let mut store = lock(&state.store);
        let stored = store.get_mut(CALL).unwrap();
        let loaded = visible(stored, CUSTOMER);
        let now = Instant::now();
        patch(
            stored,
            CUSTOMER,
            attrs(&[("only", "this")]),
            true,
            None,
            now,
        );
        stored.flush(now);
        let mut expected = loaded;
        expected.insert("only".to_owned(), "this".to_owned());
        assert_eq!(visible(stored, CUSTOMER), expected);
    }

    #[test]
    fn a_write_waiting_to_show_keeps_the_flows_values_for_keys_it_did_not_set() {
        let state = SimState::new(SimConfig::default()).unwrap();
        let mut store = lock(&state.store);
        let stored = store.get_mut(CALL).unwrap();
        let t = Instant::now();
        let at = |s| t + Duration::from_secs(s);
        // Shows at 1; the flow writes back at 3.
        patch(
            stored,
            CUSTOMER,
            attrs(&[("callReason", "refund")]),
            false,
            Some(at(1)),
            at(3),
        );
        // Accepted at 2 (its map has callReason=refund), shows at 10.
        stored.flush(at(2));
        patch(
            stored,
            CUSTOMER,
            attrs(&[("greeting", "hi")]),
            false,
            Some(at(10)),
            at(20),
        );
        stored.flush(at(4));
        assert_eq!(visible(stored, CUSTOMER)["callReason"], "billing-dispute");
        stored.flush(at(11));
        let shown = visible(stored, CUSTOMER);
        assert_eq!(
            (shown["callReason"].as_str(), shown["greeting"].as_str()),
            ("billing-dispute", "hi"),
            "the later write shows its own key, the flow's value for the other"
        );
        stored.flush(at(20));
        assert_ne!(
            visible(stored, CUSTOMER)["greeting"],
            "hi",
            "its own write-back"
        );
    }

    #[test]
    fn a_write_back_due_with_its_write_applies_after_it() {
        let state = SimState::new(SimConfig::default()).unwrap();
        let mut store = lock(&state.store);
        let stored = store.get_mut(CALL).unwrap();
        let due = Instant::now() + Duration::from_secs(1);
        patch(
            stored,
            CUSTOMER,
            attrs(&[("callReason", "refund")]),
            false,
            Some(due),
            due,
        );
        stored.flush(due);
        assert_eq!(visible(stored, CUSTOMER)["callReason"], "billing-dispute");
    }

    #[test]
    fn write_backs_past_the_bound_apply_the_oldest_early_and_the_log_is_bounded() {
        let state = SimState::new(SimConfig::default()).unwrap();
        let later = Instant::now() + Duration::from_secs(600);
        {
            let mut store = lock(&state.store);
            let stored = store.get_mut(CALL).unwrap();
            for n in 0..MAX_WRITEBACKS + 3 {
                patch(
                    stored,
                    CUSTOMER,
                    attrs(&[("callReason", &n.to_string())]),
                    false,
                    None,
                    later,
                );
            }
            assert_eq!(stored.scheduled_write_backs(), MAX_WRITEBACKS);
            // The three oldest applied at once: the flow's value shows.
            assert_eq!(stored.take_applied().len(), 3);
            assert_eq!(visible(stored, CUSTOMER)["callReason"], "billing-dispute");
        }
        let epoch = SystemTime::UNIX_EPOCH;
        {
            let mut store = lock(&state.store);
            let stored = store.get_mut(CALL).unwrap();
            for n in 0..MAX_FLOW_WRITES + 10 {
                let keys = ["callReason".to_owned()];
                let at = epoch + Duration::from_secs(n as u64);
                stored.schedule_write_back(CUSTOMER, &keys, Instant::now(), at);
                stored.flush(Instant::now());
                state.log_flow_writes(CALL, stored);
            }
        }
        let log = state.flow_writes();
        assert_eq!(log.len(), MAX_FLOW_WRITES);
        assert_eq!(
            log[0].at,
            epoch + Duration::from_secs(10),
            "the oldest dropped"
        );
        assert_eq!(
            (
                log[0].conversation_id.as_str(),
                log[0].participant_id.as_str()
            ),
            (CALL, CUSTOMER)
        );
    }

    #[test]
    fn reset_restores_the_fixtures_and_the_settings_and_drops_write_backs() {
        let state = SimState::new(SimConfig::default()).unwrap();
        let loaded = state.conversations();
        let now = Instant::now();
        {
            let mut store = lock(&state.store);
            let stored = store.get_mut(CALL).unwrap();
            patch(
                stored,
                CUSTOMER,
                attrs(&[("callReason", "x")]),
                false,
                None,
                now,
            );
            patch(
                stored,
                CUSTOMER,
                attrs(&[("greeting", "y")]),
                false,
                None,
                now + Duration::from_secs(600),
            );
            stored.secure.version += 5;
        }
        let switched = SimSettings {
            lenient: true,
            ..state.settings()
        };
        state.set_settings(switched).unwrap();
        assert_eq!(state.flow_writes().len(), 1);
        state.reset();
        assert_eq!(state.conversations(), loaded);
        assert_eq!(state.settings(), SimConfig::default().settings());
        assert!(state.flow_writes().is_empty());
        let store = lock(&state.store);
        assert_eq!(store[CALL].secure.version, 1);
        assert_eq!(store[CALL].scheduled_write_backs(), 0);
    }

    #[test]
    fn bad_settings_are_refused_and_change_nothing() {
        let state = SimState::new(SimConfig::default()).unwrap();
        let before = state.settings();
        let bad = SimSettings {
            throttle_rate: 2.0,
            lenient: true,
            ..before
        };
        assert!(state.set_settings(bad).is_err());
        assert_eq!(state.settings(), before);
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
