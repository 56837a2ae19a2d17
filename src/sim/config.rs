//! The simulator's configuration: credentials, limits, the assumed behaviours
//! that flags switch, and the fault injection.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use super::SimError;

/// The longest token lifetime an OAuth client can have: 48 h (§4, [TF]:
/// "5 min to 48 h"). Longer lifetimes are refused, so an expiry instant
/// always fits.
pub const MAX_TOKEN_TTL: Duration = Duration::from_secs(172_800);

/// How a simulator behaves. [`SimConfig::default`] is the strict, realistic
/// default; `docs/simulator.md` labels each behaviour documented or assumed.
#[derive(Clone, PartialEq)]
pub struct SimConfig {
    /// The OAuth client id the token endpoint accepts. Default `demo-client`.
    pub client_id: String,
    /// The OAuth client secret. Default `demo-secret`. `Debug` never shows it.
    pub client_secret: String,
    /// Lifetime of an issued token. Default 86400 s, the per-client default
    /// (§4); at most [`MAX_TOKEN_TTL`] (48 h). Shorter than the documented
    /// 5-minute minimum is allowed, for demonstrations of expiry.
    pub token_ttl: Duration,
    /// Requests per 60-second window per client. Default 300, the
    /// community-cited value (§4, unconfirmed: §6 7).
    pub rate_limit: u32,
    /// Accept and ignore unknown body keys and non-string attribute values
    /// instead of rejecting them (§6 4 leaves the server's handling open).
    pub lenient: bool,
    /// PATCH of participant attributes replaces the whole map instead of
    /// merging per key (merge vs replace is unconfirmed: §6 3).
    pub replace_on_patch: bool,
    /// Added to every response.
    pub latency: Duration,
    /// Chance (0.0 to 1.0) that an API call answers 503 `service.unavailable`.
    pub fail_rate: f64,
    /// Chance (0.0 to 1.0) that an API call answers 429 `too.many.requests`.
    pub throttle_rate: f64,
    /// How long after a 202 a participant-attribute change shows in a GET
    /// (undocumented: §6 8). At most [`MAX_SIM_DELAY`].
    pub visibility_delay: Duration,
    /// When set, a flow that holds the PATCHed participant writes its own
    /// values back this long after the PATCH shows (§12: "when the flow ends
    /// the value set by the flow overwrites the value in the cloud"; the
    /// delay and which participants a flow holds are assumed: see
    /// `docs/simulator.md`). Default `None`: no flow ends. At most
    /// [`MAX_SIM_DELAY`].
    pub flow_writeback: Option<Duration>,
    /// A folder whose `*.json` conversations load in addition to the
    /// embedded fixtures; one with the id of an embedded fixture replaces it.
    pub fixtures_dir: Option<PathBuf>,
    /// Seeds the fault RNG, so that fault injection repeats exactly.
    pub seed: Option<u64>,
    /// The largest request body read, in bytes; a longer one is answered 413
    /// (the simulator's own bound: REST payload limits are unconfirmed, §6 5).
    /// Default [`DEFAULT_MAX_REQUEST_BODY`].
    pub max_request_body: usize,
    /// The largest total size (bytes of keys and values) of one participant's
    /// attributes, and of one conversation's secure attributes; a write that
    /// would store more is refused with 400 and stores nothing (assumed: no
    /// REST limit is documented, §6 5). Default [`DEFAULT_MAX_STORED_ATTRIBUTES`].
    pub max_stored_attributes: usize,
    /// How long a connection may take to send a request's headers, counted
    /// from when the server waits for them (so it also bounds a connection
    /// that sends nothing); then the server closes it. Default 10 s.
    pub header_timeout: Duration,
    /// How long a connection may move no byte in either direction (a body
    /// that trickles, an answer nobody reads) before the server closes it.
    /// Default 60 s.
    pub idle_timeout: Duration,
}

/// The longest visibility delay or flow write-back delay: 24 h, the
/// simulator's own bound (a demonstration waits seconds; an unbounded delay
/// would overflow the instant it is due at).
pub const MAX_SIM_DELAY: Duration = Duration::from_secs(86_400);

/// The behaviours a trainer's step may switch while the simulator runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimSettings {
    /// As [`SimConfig::lenient`].
    pub lenient: bool,
    /// As [`SimConfig::replace_on_patch`].
    pub replace_on_patch: bool,
    /// As [`SimConfig::visibility_delay`]; a change applies to the writes
    /// accepted after it.
    pub visibility_delay: Duration,
    /// As [`SimConfig::throttle_rate`].
    pub throttle_rate: f64,
    /// As [`SimConfig::flow_writeback`]; a change applies to the PATCHes
    /// accepted after it (write-backs already scheduled keep their time).
    pub flow_writeback: Option<Duration>,
}

impl SimSettings {
    /// Checks the values a simulator cannot run with: a throttle rate
    /// outside 0.0 to 1.0, a delay longer than [`MAX_SIM_DELAY`].
    ///
    /// # Errors
    ///
    /// [`SimError::InvalidConfig`] naming the first bad value.
    pub fn validate(&self) -> Result<(), SimError> {
        if !(0.0..=1.0).contains(&self.throttle_rate) {
            return Err(SimError::InvalidConfig(format!(
                "the throttle rate must be between 0.0 and 1.0, not {}",
                self.throttle_rate
            )));
        }
        for (name, delay) in [
            ("visibility delay", Some(self.visibility_delay)),
            ("flow write-back delay", self.flow_writeback),
        ] {
            if let Some(delay) = delay
                && delay > MAX_SIM_DELAY
            {
                return Err(SimError::InvalidConfig(format!(
                    "the {name} must be at most {} ms (24 h), not {} ms",
                    MAX_SIM_DELAY.as_millis(),
                    delay.as_millis()
                )));
            }
        }
        Ok(())
    }
}

/// The default of [`SimConfig::max_request_body`]: 1 MiB.
pub const DEFAULT_MAX_REQUEST_BODY: usize = 1 << 20;

/// The default of [`SimConfig::max_stored_attributes`]: 1 MiB.
pub const DEFAULT_MAX_STORED_ATTRIBUTES: usize = 1 << 20;

impl Default for SimConfig {
    fn default() -> Self {
        Self {
            client_id: "demo-client".to_owned(),
            client_secret: "demo-secret".to_owned(),
            token_ttl: Duration::from_secs(86_400),
            rate_limit: 300,
            lenient: false,
            replace_on_patch: false,
            latency: Duration::ZERO,
            fail_rate: 0.0,
            throttle_rate: 0.0,
            visibility_delay: Duration::ZERO,
            flow_writeback: None,
            fixtures_dir: None,
            seed: None,
            max_request_body: DEFAULT_MAX_REQUEST_BODY,
            max_stored_attributes: DEFAULT_MAX_STORED_ATTRIBUTES,
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
        }
    }
}

impl fmt::Debug for SimConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SimConfig")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("token_ttl", &self.token_ttl)
            .field("rate_limit", &self.rate_limit)
            .field("lenient", &self.lenient)
            .field("replace_on_patch", &self.replace_on_patch)
            .field("latency", &self.latency)
            .field("fail_rate", &self.fail_rate)
            .field("throttle_rate", &self.throttle_rate)
            .field("visibility_delay", &self.visibility_delay)
            .field("flow_writeback", &self.flow_writeback)
            .field("fixtures_dir", &self.fixtures_dir)
            .field("seed", &self.seed)
            .field("max_request_body", &self.max_request_body)
            .field("max_stored_attributes", &self.max_stored_attributes)
            .field("header_timeout", &self.header_timeout)
            .field("idle_timeout", &self.idle_timeout)
            .finish()
    }
}

impl SimConfig {
    /// The switchable behaviours as this configuration starts them.
    #[must_use]
    pub fn settings(&self) -> SimSettings {
        SimSettings {
            lenient: self.lenient,
            replace_on_patch: self.replace_on_patch,
            visibility_delay: self.visibility_delay,
            throttle_rate: self.throttle_rate,
            flow_writeback: self.flow_writeback,
        }
    }

    /// Checks the values a simulator cannot run with.
    ///
    /// # Errors
    ///
    /// [`SimError::InvalidConfig`] naming the first bad value.
    pub fn validate(&self) -> Result<(), SimError> {
        let invalid = |message: String| Err(SimError::InvalidConfig(message));
        if self.client_id.is_empty() || self.client_id.contains(':') {
            return invalid("the client id must be non-empty and contain no ':'".to_owned());
        }
        if self.client_secret.is_empty() {
            return invalid("the client secret must be non-empty".to_owned());
        }
        if self.token_ttl.is_zero() {
            return invalid("the token lifetime must be above zero".to_owned());
        }
        if self.token_ttl > MAX_TOKEN_TTL {
            return invalid(format!(
                "the token lifetime must be at most {} s (48 h, the longest an OAuth client allows), not {} s",
                MAX_TOKEN_TTL.as_secs(),
                self.token_ttl.as_secs()
            ));
        }
        if self.rate_limit == 0 {
            return invalid("the rate limit must be at least 1 request per minute".to_owned());
        }
        if self.max_request_body == 0 || self.max_stored_attributes == 0 {
            return invalid(
                "the request body limit and the stored-attributes cap must be above zero"
                    .to_owned(),
            );
        }
        if self.header_timeout.is_zero() || self.idle_timeout.is_zero() {
            return invalid("the header and idle timeouts must be above zero".to_owned());
        }
        if !(0.0..=1.0).contains(&self.fail_rate) {
            return invalid(format!(
                "the fail rate must be between 0.0 and 1.0, not {}",
                self.fail_rate
            ));
        }
        self.settings().validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let config = SimConfig {
            client_secret: "hunter2-very-secret".to_owned(),
            ..SimConfig::default()
        };
        let printed = format!("{config:?}");
        assert!(!printed.contains("hunter2"), "{printed}");
        assert!(printed.contains("demo-client"));
    }

    #[test]
    fn defaults_are_the_documented_ones() {
        let config = SimConfig::default();
        assert_eq!(config.rate_limit, 300);
        assert_eq!(config.client_id, "demo-client");
        assert_eq!(config.client_secret, "demo-secret");
        assert_eq!(config.token_ttl, Duration::from_secs(86_400));
        assert!(!config.lenient, "strict by default");
        assert!(!config.replace_on_patch, "merge by default");
        assert_eq!(config.latency, Duration::ZERO);
        assert_eq!(config.visibility_delay, Duration::ZERO);
        assert_eq!(config.flow_writeback, None, "no flow ends by default");
        assert!(config.fail_rate.abs() < f64::EPSILON);
        assert!(config.throttle_rate.abs() < f64::EPSILON);
        assert_eq!((config.fixtures_dir, config.seed), (None, None));
        assert_eq!(config.max_request_body, 1 << 20);
        assert_eq!(config.max_stored_attributes, 1 << 20);
        assert_eq!(config.header_timeout, Duration::from_secs(10));
        assert_eq!(config.idle_timeout, Duration::from_secs(60));
    }

    #[test]
    fn token_lifetimes_are_capped_at_48_hours() {
        let at_most = SimConfig {
            token_ttl: MAX_TOKEN_TTL,
            ..SimConfig::default()
        };
        assert!(at_most.validate().is_ok());
        assert_eq!(MAX_TOKEN_TTL.as_secs(), 172_800);
        for too_long in [MAX_TOKEN_TTL + Duration::from_secs(1), Duration::MAX] {
            let config = SimConfig {
                token_ttl: too_long,
                ..SimConfig::default()
            };
            let err = config.validate().unwrap_err().to_string();
            assert!(err.contains("172800"), "{err}");
        }
    }

    #[test]
    fn validation_names_the_bad_value() {
        assert!(SimConfig::default().validate().is_ok());
        let bad = SimConfig {
            fail_rate: 2.0,
            ..SimConfig::default()
        };
        let err = bad.validate().unwrap_err().to_string();
        assert!(err.contains("fail rate") && err.contains('2'), "{err}");
        let bad = SimConfig {
            throttle_rate: f64::NAN,
            ..SimConfig::default()
        };
        assert!(bad.validate().is_err());
        let bad = SimConfig {
            rate_limit: 0,
            ..SimConfig::default()
        };
        assert!(bad.validate().is_err());
        for bad in [
            SimConfig {
                max_request_body: 0,
                ..SimConfig::default()
            },
            SimConfig {
                max_stored_attributes: 0,
                ..SimConfig::default()
            },
            SimConfig {
                header_timeout: Duration::ZERO,
                ..SimConfig::default()
            },
            SimConfig {
                idle_timeout: Duration::ZERO,
                ..SimConfig::default()
            },
        ] {
            assert!(bad.validate().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn settings_come_from_the_config_fields() {
        let config = SimConfig {
            lenient: true,
            replace_on_patch: false,
            visibility_delay: Duration::from_millis(7),
            throttle_rate: 0.5,
            flow_writeback: Some(Duration::from_millis(9)),
            ..SimConfig::default()
        };
        assert_eq!(
            config.settings(),
            SimSettings {
                lenient: true,
                replace_on_patch: false,
                visibility_delay: Duration::from_millis(7),
                throttle_rate: 0.5,
                flow_writeback: Some(Duration::from_millis(9)),
            }
        );
        let replace = SimConfig {
            replace_on_patch: true,
            ..SimConfig::default()
        };
        assert!(replace.settings().replace_on_patch && !replace.settings().lenient);
    }

    #[test]
    fn settings_refuse_a_bad_throttle_rate_or_an_overlong_delay() {
        let good = SimConfig::default().settings();
        assert!(good.validate().is_ok());
        let at_most = SimSettings {
            visibility_delay: MAX_SIM_DELAY,
            flow_writeback: Some(MAX_SIM_DELAY),
            throttle_rate: 1.0,
            ..good
        };
        assert!(at_most.validate().is_ok());
        for (bad, named) in [
            (
                SimSettings {
                    throttle_rate: 1.5,
                    ..good
                },
                "throttle rate",
            ),
            (
                SimSettings {
                    throttle_rate: f64::NAN,
                    ..good
                },
                "throttle rate",
            ),
            (
                SimSettings {
                    visibility_delay: MAX_SIM_DELAY + Duration::from_millis(1),
                    ..good
                },
                "visibility delay",
            ),
            (
                SimSettings {
                    flow_writeback: Some(Duration::MAX),
                    ..good
                },
                "flow write-back delay",
            ),
        ] {
            let err = bad.validate().unwrap_err().to_string();
            assert!(err.contains(named), "{err}");
        }
        // The config refuses what its settings refuse.
        let config = SimConfig {
            flow_writeback: Some(Duration::from_secs(86_401)),
            ..SimConfig::default()
        };
        assert!(config.validate().is_err());
    }
}
