//! The HTTP client for the Genesys Cloud Platform API (reqwest with rustls).
//!
//! It logs in with client credentials at the region's login host (or uses a
//! pre-set access token), keeps the token until it expires, and records every
//! call as an [`Exchange`]: what was sent and received, redacted at the
//! source, with the decoded error body, correlation id, rate-limit state and
//! timings. It can send any verb, path, content type and body, so a wrong
//! request can be reproduced on purpose.

mod client;
mod exchange;

pub use client::{ApiError, Client, ClientConfig, RawRequest};
pub use exchange::{Exchange, Failure, FailureKind, RateLimit, Timings, redact_header};

use std::fmt;

/// A secret (client secret, access token). `Debug` and `Display` never show
/// it; [`Secret::expose`] is the one way to read it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    #[must_use]
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, for the one place that must send it.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// How the client authenticates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// OAuth client credentials (the `GENESYSCLOUD_OAUTHCLIENT_ID` / `_SECRET` pair).
    ClientCredentials {
        /// The OAuth client id (not a secret).
        client_id: String,
        /// The OAuth client secret.
        client_secret: Secret,
    },
    /// A token obtained elsewhere (`GENESYSCLOUD_ACCESS_TOKEN`); it cannot be
    /// renewed, so a 401 is returned as it is.
    AccessToken(Secret),
}
