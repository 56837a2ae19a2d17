//! The observation after a 2xx: a 202 does not promise that an immediate GET
//! shows the change, and the delay is undocumented (§3, §6 8). So both faces
//! re-read the participant on one policy and judge what they read the same way.

use std::time::Duration;

use crate::diff::{JsonDiff, diff};
use crate::genesys::Attributes;

/// How often, and after how long, the participant is re-read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RereadPolicy {
    /// How many reads at most.
    pub attempts: u32,
    /// The wait before the first read; each next wait is twice as long.
    pub first_delay: Duration,
}

impl RereadPolicy {
    /// Five reads, after 250 ms, 500 ms, 1 s, 2 s and 4 s (7.75 s in all).
    pub const DEFAULT: Self = Self {
        attempts: 5,
        first_delay: Duration::from_millis(250),
    };

    /// The wait before read `attempt` (1-based).
    #[must_use]
    pub fn delay(&self, attempt: u32) -> Duration {
        let doublings = attempt.saturating_sub(1).min(16);
        self.first_delay.saturating_mul(1 << doublings)
    }
}

impl Default for RereadPolicy {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// What the re-reads found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Observation {
    /// The attributes read are the ones predicted.
    AsPredicted {
        /// Before the send.
        before: Attributes,
        /// As read.
        after: Attributes,
        /// Reads made.
        attempts: u32,
    },
    /// The attributes changed, but not as predicted.
    Differs {
        /// Before the send.
        before: Attributes,
        /// As read.
        after: Attributes,
        /// As predicted.
        expected: Attributes,
        /// Reads made.
        attempts: u32,
    },
    /// Every read still showed the state before the send.
    NotVisibleYet {
        /// Before the send (and as read).
        before: Attributes,
        /// Reads made.
        attempts: u32,
    },
}

impl Observation {
    /// The attributes before and as last read.
    #[must_use]
    pub fn before_after(&self) -> (&Attributes, &Attributes) {
        match self {
            Self::AsPredicted { before, after, .. } | Self::Differs { before, after, .. } => {
                (before, after)
            }
            Self::NotVisibleYet { before, .. } => (before, before),
        }
    }

    /// Reads made.
    #[must_use]
    pub fn attempts(&self) -> u32 {
        match self {
            Self::AsPredicted { attempts, .. }
            | Self::Differs { attempts, .. }
            | Self::NotVisibleYet { attempts, .. } => *attempts,
        }
    }

    /// Before against as read.
    #[must_use]
    pub fn diff(&self) -> JsonDiff {
        let (before, after) = self.before_after();
        diff(&serde_json::json!(before), &serde_json::json!(after))
    }

    /// The verdict in words, as both faces say it.
    #[must_use]
    pub fn verdict(&self) -> String {
        let reads = match self.attempts() {
            1 => "1 re-read".to_owned(),
            n => format!("{n} re-reads"),
        };
        match self {
            Self::AsPredicted { .. } => format!("as predicted, after {reads}"),
            Self::Differs { .. } => format!("changed, but NOT as predicted, after {reads}"),
            Self::NotVisibleYet { .. } => format!(
                "no change visible yet after {reads}: a 202 is asynchronous and the delay is \
                 undocumented (§6 8); read it again later (reload the conversation, or gc-attrs get)"
            ),
        }
    }

    /// The same observation with every value masked (secure attributes): a
    /// value read as it was before shows as the mask, one that changed as
    /// the mask marked changed, so the before/after diff still says which
    /// keys changed without saying to what.
    #[must_use]
    pub fn masked(&self) -> Self {
        use crate::genesys::secure::MASK;
        let blank = |map: &Attributes| -> Attributes {
            map.keys().map(|k| (k.clone(), MASK.to_owned())).collect()
        };
        let against = |before: &Attributes, map: &Attributes| -> Attributes {
            map.iter()
                .map(|(k, v)| {
                    let shown = match before.get(k) {
                        Some(old) if old != v => format!("{MASK} (changed)"),
                        _ => MASK.to_owned(),
                    };
                    (k.clone(), shown)
                })
                .collect()
        };
        match self {
            Self::AsPredicted {
                before,
                after,
                attempts,
            } => Self::AsPredicted {
                before: blank(before),
                after: against(before, after),
                attempts: *attempts,
            },
            Self::Differs {
                before,
                after,
                expected,
                attempts,
            } => Self::Differs {
                before: blank(before),
                after: against(before, after),
                expected: against(before, expected),
                attempts: *attempts,
            },
            Self::NotVisibleYet { before, attempts } => Self::NotVisibleYet {
                before: blank(before),
                attempts: *attempts,
            },
        }
    }

    /// A short name for `--json`: `as-predicted`, `differs`, `not-visible-yet`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::AsPredicted { .. } => "as-predicted",
            Self::Differs { .. } => "differs",
            Self::NotVisibleYet { .. } => "not-visible-yet",
        }
    }
}

/// What to do after read `attempt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RereadStep {
    /// Read again.
    Again {
        /// The next attempt (1-based).
        attempt: u32,
        /// Wait this long first.
        after: Duration,
    },
    /// Stop: this is what was seen.
    Done(Observation),
}

impl RereadPolicy {
    /// Judges read `attempt` (1-based): done when the attributes read are
    /// the predicted ones, or changed at all, or no attempt is left.
    #[must_use]
    pub fn judge(
        &self,
        attempt: u32,
        before: &Attributes,
        expected: &Attributes,
        after: Attributes,
    ) -> RereadStep {
        if after == *expected {
            return RereadStep::Done(Observation::AsPredicted {
                before: before.clone(),
                after,
                attempts: attempt,
            });
        }
        if after != *before {
            return RereadStep::Done(Observation::Differs {
                before: before.clone(),
                after,
                expected: expected.clone(),
                attempts: attempt,
            });
        }
        if attempt < self.attempts {
            return RereadStep::Again {
                attempt: attempt + 1,
                after: self.delay(attempt + 1),
            };
        }
        RereadStep::Done(Observation::NotVisibleYet {
            before: before.clone(),
            attempts: attempt,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> Attributes {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_delays_double_from_the_first() {
        let policy = RereadPolicy::DEFAULT;
        let delays: Vec<u128> = (1..=5).map(|n| policy.delay(n).as_millis()).collect();
        assert_eq!(delays, [250, 500, 1000, 2000, 4000]);
        assert_eq!(policy.delay(0), policy.first_delay);
        assert!(
            policy.delay(u32::MAX) > Duration::from_secs(60),
            "saturates, no overflow"
        );
    }

    #[test]
    fn an_unchanged_read_is_retried_until_the_attempts_run_out() {
        let policy = RereadPolicy::DEFAULT;
        let (before, expected) = (map(&[("a", "1")]), map(&[("a", "2")]));
        assert_eq!(
            policy.judge(1, &before, &expected, before.clone()),
            RereadStep::Again {
                attempt: 2,
                after: Duration::from_millis(500)
            }
        );
        let RereadStep::Done(last) = policy.judge(5, &before, &expected, before.clone()) else {
            panic!("the fifth read is the last");
        };
        assert_eq!(last.kind(), "not-visible-yet");
        assert!(last.verdict().contains("5 re-reads"), "{}", last.verdict());
    }

    #[test]
    fn a_read_is_judged_against_the_prediction() {
        let policy = RereadPolicy::DEFAULT;
        let before = map(&[("a", "1")]);
        let expected = map(&[("a", "2")]);
        let RereadStep::Done(seen) = policy.judge(2, &before, &expected, expected.clone()) else {
            panic!("a predicted read ends the re-reads");
        };
        assert_eq!(seen.kind(), "as-predicted");
        let RereadStep::Done(other) = policy.judge(1, &before, &expected, map(&[])) else {
            panic!("a change ends the re-reads");
        };
        assert_eq!(other.kind(), "differs");
        assert_eq!(other.diff().summary.removed, ["/a"]);
    }

    #[test]
    fn a_prediction_of_no_change_is_met_at_once() {
        // A PATCH that only deletes keys changes nothing (§3): that is the prediction.
        let before = map(&[("a", "1")]);
        let step = RereadPolicy::DEFAULT.judge(1, &before, &before, before.clone());
        assert!(matches!(
            step,
            RereadStep::Done(Observation::AsPredicted { attempts: 1, .. })
        ));
    }
}
