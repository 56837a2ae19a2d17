//! The HTTP client for the Genesys Cloud Platform API (reqwest with rustls).
//!
//! It logs in with client credentials at the region's login host (or uses a
//! pre-set access token), keeps the token until it expires, and records every
//! call as an [`Exchange`]: what was sent and received, redacted at the
//! source, with the decoded error body, correlation id, rate-limit state and
//! timings. It can send any verb, path, content type and body, so a wrong
//! request can be reproduced on purpose.

mod calls;
mod client;
mod exchange;

pub use client::{ApiError, Client, ClientConfig, DEFAULT_MAX_BODY, RawRequest, TokenState};

pub use exchange::{
    Exchange, Failure, FailureKind, Outcome, RateLimit, Timings, now, redact_header, to_curl,
};

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

/// Names of the environment variables the Genesys CLI and Terraform provider use.
pub const ENV_CLIENT_ID: &str = "GENESYSCLOUD_OAUTHCLIENT_ID";
/// See [`ENV_CLIENT_ID`].
pub const ENV_CLIENT_SECRET: &str = "GENESYSCLOUD_OAUTHCLIENT_SECRET";
/// See [`ENV_CLIENT_ID`].
pub const ENV_ACCESS_TOKEN: &str = "GENESYSCLOUD_ACCESS_TOKEN";

/// Credentials set only in part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{set} is set but {missing} is not: set both, or set {ENV_ACCESS_TOKEN} instead")]
pub struct IncompleteCredentials {
    /// The variable that is set.
    pub set: &'static str,
    /// The variable that is missing.
    pub missing: &'static str,
}

impl Credentials {
    /// Credentials from variables read by `lookup` (e.g. `std::env::var`):
    /// a pre-set `GENESYSCLOUD_ACCESS_TOKEN` wins, as the more explicit choice;
    /// else the client-credentials pair; `None` when nothing is set. Empty
    /// values count as unset.
    ///
    /// # Errors
    /// [`IncompleteCredentials`] when only one of the pair is set.
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<Self>, IncompleteCredentials> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        if let Some(token) = get(ENV_ACCESS_TOKEN) {
            return Ok(Some(Self::AccessToken(Secret::new(token.trim()))));
        }
        match (get(ENV_CLIENT_ID), get(ENV_CLIENT_SECRET)) {
            (Some(client_id), Some(secret)) => Ok(Some(Self::ClientCredentials {
                client_id: client_id.trim().to_owned(),
                client_secret: Secret::new(secret),
            })),
            (Some(_), None) => Err(IncompleteCredentials {
                set: ENV_CLIENT_ID,
                missing: ENV_CLIENT_SECRET,
            }),
            (None, Some(_)) => Err(IncompleteCredentials {
                set: ENV_CLIENT_SECRET,
                missing: ENV_CLIENT_ID,
            }),
            (None, None) => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(pairs: &[(&str, &str)]) -> Result<Option<Credentials>, IncompleteCredentials> {
        Credentials::from_lookup(|name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn credentials_come_from_the_genesys_variable_names() {
        assert_eq!(from(&[]), Ok(None));
        assert_eq!(
            from(&[(ENV_CLIENT_ID, "abc"), (ENV_CLIENT_SECRET, "s3cret")]),
            Ok(Some(Credentials::ClientCredentials {
                client_id: "abc".into(),
                client_secret: Secret::new("s3cret")
            }))
        );
        assert_eq!(
            from(&[
                (ENV_ACCESS_TOKEN, "tok"),
                (ENV_CLIENT_ID, "abc"),
                (ENV_CLIENT_SECRET, "s")
            ]),
            Ok(Some(Credentials::AccessToken(Secret::new("tok"))))
        );
        assert_eq!(
            from(&[(ENV_ACCESS_TOKEN, "  "), (ENV_CLIENT_ID, "abc")])
                .unwrap_err()
                .missing,
            ENV_CLIENT_SECRET
        );
        let err = from(&[(ENV_CLIENT_SECRET, "s")]).unwrap_err().to_string();
        assert!(
            err.contains(ENV_CLIENT_ID) && !err.contains("\"s\""),
            "{err}"
        );
    }

    #[test]
    fn secrets_never_print() {
        let credentials = Credentials::ClientCredentials {
            client_id: "abc".into(),
            client_secret: Secret::new("s3cret"),
        };
        let printed = format!("{credentials:?} {}", Secret::new("s3cret"));
        assert!(!printed.contains("s3cret"), "{printed}");
    }
}
