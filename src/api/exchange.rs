//! One recorded request and its answer, redacted at the source.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::genesys::{ErrorBody, secure};

/// One request and its outcome (an answer, a failure before any answer, or
/// a cancellation), as recorded for display, history and export. No secret
/// is ever stored here: the `Authorization` header and token fields of bodies
/// are redacted before an `Exchange` is built. Secure-attribute values are
/// kept in memory (a re-send must carry them) and masked on every way out:
/// the history, the exports, a copied curl and the screen ([`Exchange::masked`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "wire::Exchange")]
pub struct Exchange {
    /// The verb as sent (any text, so that wrong verbs can be reproduced).
    pub method: String,
    /// The full URL.
    pub url: String,
    /// Request headers, `Authorization` redacted.
    pub request_headers: Vec<(String, String)>,
    /// The request body, if any.
    pub request_body: Option<String>,
    /// How it ended. In JSON its fields sit beside the others:
    /// `"outcome": "answer", "status": 202, "reason": "Accepted"`.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// Response headers.
    pub response_headers: Vec<(String, String)>,
    /// The response body (token fields redacted).
    pub response_body: String,
    /// The decoded error body of a 4xx or 5xx answer, when it parses.
    pub error_body: Option<ErrorBody>,
    /// `ININ-Correlation-Id` of the answer, else `contextId` of its error body.
    pub correlation_id: Option<String>,
    /// Rate-limit state from the answer's headers.
    pub rate_limit: RateLimit,
    /// How long it took.
    pub timings: Timings,
    /// How many attempts were made (more than one after a re-login or a
    /// retried read).
    pub attempts: u32,
    /// When the request was sent (its last attempt), RFC 3339 in UTC with
    /// milliseconds. `None` for an exchange made up in a test, and for
    /// history lines written before it was kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// The current time, RFC 3339 in UTC with milliseconds.
#[must_use]
pub fn now() -> String {
    humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string()
}

/// How an exchange ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Outcome {
    /// The server answered.
    Answer {
        /// The HTTP status.
        status: u16,
        /// The reason phrase of the status (from the code, not the wire).
        reason: String,
    },
    /// No (complete) answer came.
    Failed {
        /// Why.
        failure: Failure,
    },
    /// The user cancelled before an answer came.
    Cancelled,
}

impl Outcome {
    /// An answer with this status, its reason phrase from the code.
    #[must_use]
    pub fn answer(status: u16) -> Self {
        let reason = reqwest::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or_default()
            .to_owned();
        Self::Answer { status, reason }
    }

    /// A failure before any answer.
    #[must_use]
    pub fn failed(kind: FailureKind, message: impl Into<String>) -> Self {
        Self::Failed {
            failure: Failure {
                kind,
                message: message.into(),
            },
        }
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Answer { status, reason } if reason.is_empty() => write!(f, "{status}"),
            Self::Answer { status, reason } => write!(f, "{status} {reason}"),
            Self::Failed { failure } => f.write_str(&failure.message),
            Self::Cancelled => f.write_str("cancelled before an answer came"),
        }
    }
}

impl Exchange {
    /// A request to `url` that ended with `outcome`, with nothing else
    /// recorded yet.
    #[must_use]
    pub fn new(method: impl Into<String>, url: impl Into<String>, outcome: Outcome) -> Self {
        Self {
            method: method.into(),
            url: url.into(),
            request_headers: Vec::new(),
            request_body: None,
            outcome,
            response_headers: Vec::new(),
            response_body: String::new(),
            error_body: None,
            correlation_id: None,
            rate_limit: RateLimit::default(),
            timings: Timings::default(),
            attempts: 1,
            at: None,
        }
    }

    /// The same exchange stamped with the current time (see [`Exchange::at`]).
    #[must_use]
    pub fn stamped(self) -> Self {
        Self {
            at: Some(now()),
            ..self
        }
    }

    /// [`Exchange::at`] as `17:42:05` (UTC), the short form a row shows;
    /// `None` when it is unknown or not RFC 3339.
    #[must_use]
    pub fn clock(&self) -> Option<&str> {
        let at = self.at.as_deref()?;
        (at.as_bytes().get(10) == Some(&b'T')).then(|| at.get(11..19))?
    }

    /// The HTTP status, if an answer came.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        match self.outcome {
            Outcome::Answer { status, .. } => Some(status),
            Outcome::Failed { .. } | Outcome::Cancelled => None,
        }
    }

    /// Why no answer came, if none did (a cancellation is not a failure).
    #[must_use]
    pub fn failure(&self) -> Option<&Failure> {
        match &self.outcome {
            Outcome::Failed { failure } => Some(failure),
            Outcome::Answer { .. } | Outcome::Cancelled => None,
        }
    }

    /// Whether a write got no answer after its request may have left: it
    /// was cancelled, or timed out, or failed on the way back (not a failure
    /// to connect, where nothing left). The server may have applied it.
    #[must_use]
    pub fn may_have_applied(&self) -> bool {
        let write = !matches!(self.method.as_str(), "GET" | "HEAD" | "OPTIONS");
        write
            && match &self.outcome {
                Outcome::Cancelled => true,
                Outcome::Failed { failure } => failure.kind != FailureKind::Connect,
                Outcome::Answer { .. } => false,
            }
    }

    /// Whether the answer is a 2xx.
    #[must_use]
    pub fn is_success(&self) -> bool {
        self.status().is_some_and(|s| (200..300).contains(&s))
    }

    /// The request as a curl command line; see [`to_curl`].
    #[must_use]
    pub fn to_curl(&self) -> String {
        to_curl(self)
    }

    /// Whether this is an exchange of the conversation's secure attributes,
    /// whose bodies carry secret values.
    #[must_use]
    pub fn is_secure(&self) -> bool {
        secure::is_secure_path(&self.url)
    }

    /// The exchange with its secure-attribute values masked (see
    /// [`crate::genesys::secure`]): on the secure path, the values of both
    /// bodies' `attributes`, and every quote of them in the bodies and the
    /// decoded error. Any other exchange is returned as it is.
    #[must_use]
    pub fn masked(&self) -> Exchange {
        if !self.is_secure() {
            return self.clone();
        }
        let mut secrets = self
            .request_body
            .as_deref()
            .map(secure::values_in)
            .unwrap_or_default();
        secrets.extend(secure::values_in(&self.response_body));
        let error_body = self.error_body.as_ref().and_then(|error| {
            let mut value = serde_json::to_value(error).ok()?;
            secure::mask_attributes(&mut value, None);
            secure::scrub_json(&mut value, &secrets);
            serde_json::from_value(value).ok()
        });
        Exchange {
            request_body: self
                .request_body
                .as_deref()
                .map(|body| secure::mask_text(body, &secrets)),
            response_body: secure::mask_text(&self.response_body, &secrets),
            error_body,
            ..self.clone()
        }
    }

    /// A response header by name, case-insensitively.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.response_headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// How an exchange is read back from a history written by this version or
/// by one before the [`Outcome`] (which had `status`, `reason` and a
/// `failure` beside each other): old lines stay readable.
mod wire {
    use serde::Deserialize;

    use super::{Failure, FailureKind, Outcome, RateLimit, Timings};
    use crate::genesys::ErrorBody;

    #[derive(Deserialize)]
    pub(super) struct Exchange {
        method: String,
        url: String,
        #[serde(default)]
        request_headers: Vec<(String, String)>,
        request_body: Option<String>,
        outcome: Option<String>,
        status: Option<u16>,
        reason: Option<String>,
        failure: Option<WireFailure>,
        #[serde(default)]
        response_headers: Vec<(String, String)>,
        #[serde(default)]
        response_body: String,
        error_body: Option<ErrorBody>,
        correlation_id: Option<String>,
        #[serde(default)]
        rate_limit: RateLimit,
        #[serde(default)]
        timings: Timings,
        #[serde(default = "one")]
        attempts: u32,
        at: Option<String>,
    }

    fn one() -> u32 {
        1
    }

    #[derive(Deserialize)]
    struct WireFailure {
        kind: String,
        message: String,
    }

    impl From<Exchange> for super::Exchange {
        fn from(wire: Exchange) -> Self {
            let failure = wire.failure.map(|f| {
                let kind = match f.kind.as_str() {
                    "connect" => FailureKind::Connect,
                    "timeout" => FailureKind::Timeout,
                    _ => FailureKind::Other,
                };
                (
                    f.kind,
                    Failure {
                        kind,
                        message: f.message,
                    },
                )
            });
            let outcome = match (wire.outcome.as_deref(), wire.status, failure) {
                (Some("cancelled"), _, _) => Outcome::Cancelled,
                (Some("answer") | None, Some(status), _) => Outcome::Answer {
                    status,
                    reason: wire.reason.unwrap_or_default(),
                },
                // Older lines marked a cancellation as a failure of kind `cancelled`.
                (_, _, Some((kind, _))) if kind == "cancelled" => Outcome::Cancelled,
                (_, _, Some((_, failure))) => Outcome::Failed { failure },
                (_, _, None) => Outcome::failed(FailureKind::Other, "no answer was recorded"),
            };
            Self {
                method: wire.method,
                url: wire.url,
                request_headers: wire.request_headers,
                request_body: wire.request_body,
                outcome,
                response_headers: wire.response_headers,
                response_body: wire.response_body,
                error_body: wire.error_body,
                correlation_id: wire.correlation_id,
                rate_limit: wire.rate_limit,
                timings: wire.timings,
                attempts: wire.attempts,
                at: wire.at,
            }
        }
    }
}

/// The rate-limit headers of an answer (§4).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateLimit {
    /// `inin-ratelimit-count`: requests used in the window.
    pub count: Option<u64>,
    /// `inin-ratelimit-allowed`: requests allowed in the window.
    pub allowed: Option<u64>,
    /// `inin-ratelimit-reset`: seconds until the window resets.
    pub reset_seconds: Option<u64>,
    /// `Retry-After` (seconds), on a 429.
    pub retry_after_seconds: Option<u64>,
}

impl RateLimit {
    /// Reads the rate-limit headers, case-insensitively.
    #[must_use]
    pub fn from_headers(headers: &[(String, String)]) -> Self {
        let number = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .and_then(|(_, v)| v.trim().parse().ok())
        };
        Self {
            count: number("inin-ratelimit-count"),
            allowed: number("inin-ratelimit-allowed"),
            reset_seconds: number("inin-ratelimit-reset"),
            retry_after_seconds: number("retry-after"),
        }
    }

    /// Requests left in the window, when both count and allowed are known.
    #[must_use]
    pub fn remaining(&self) -> Option<u64> {
        Some(self.allowed?.saturating_sub(self.count?))
    }
}

/// How long an exchange took. reqwest does not expose the connect time, so
/// only the time to the response headers and the total are measured.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timings {
    /// From sending to the response headers (about the first byte).
    pub to_headers: Option<Duration>,
    /// From sending to the end of the body (of the last attempt).
    pub total: Duration,
}

/// Why an exchange has no answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// What kind of failure.
    pub kind: FailureKind,
    /// What happened, in words.
    pub message: String,
}

/// The kinds of [`Failure`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailureKind {
    /// No connection could be made.
    Connect,
    /// The request or the answer took longer than the timeout.
    Timeout,
    /// Anything else (TLS, protocol, a body that could not be read).
    Other,
}

/// The exchange's request as a curl command line. The token is never in an
/// exchange; the command reads it from `$GENESYS_TOKEN` instead.
#[must_use]
pub fn to_curl(exchange: &Exchange) -> String {
    let quote = |text: &str| format!("'{}'", text.replace('\'', "'\\''"));
    let mut parts = vec![
        "curl".to_owned(),
        "-sS".to_owned(),
        "-i".to_owned(),
        "-X".to_owned(),
        quote(&exchange.method),
        quote(&exchange.url),
    ];
    for (name, value) in &exchange.request_headers {
        parts.push("-H".to_owned());
        if name.eq_ignore_ascii_case("authorization") && value.starts_with("Bearer") {
            parts.push("\"Authorization: Bearer $GENESYS_TOKEN\"".to_owned());
        } else if name.eq_ignore_ascii_case("authorization") {
            parts.push("\"Authorization: Basic $GENESYS_BASIC_AUTH\"".to_owned());
        } else {
            parts.push(quote(&format!("{name}: {value}")));
        }
    }
    if let Some(body) = &exchange.request_body {
        parts.push("--data-raw".to_owned());
        parts.push(quote(body));
    }
    parts.join(" ")
}

/// A header value as it may be recorded: `Authorization` keeps only its scheme.
#[must_use]
pub fn redact_header(name: &str, value: &str) -> String {
    if name.eq_ignore_ascii_case("authorization")
        || name.eq_ignore_ascii_case("proxy-authorization")
    {
        let scheme = value.split_whitespace().next().unwrap_or("");
        format!("{scheme} <redacted>").trim_start().to_owned()
    } else {
        value.to_owned()
    }
}

/// A token answer's body with `access_token` and `refresh_token` redacted.
pub(crate) fn redact_token_body(body: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(mut object)) => {
            for key in ["access_token", "refresh_token"] {
                if let Some(value) = object.get_mut(key) {
                    *value = serde_json::Value::String("<redacted>".into());
                }
            }
            serde_json::Value::Object(object).to_string()
        }
        // Not JSON: it cannot be told apart from a token, so none of it is kept.
        _ if body.is_empty() => String::new(),
        Ok(_) | Err(_) => "<not JSON; not recorded>".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorization_keeps_only_its_scheme() {
        assert_eq!(
            redact_header("Authorization", "Bearer abc.def"),
            "Bearer <redacted>"
        );
        assert_eq!(
            redact_header("authorization", "Basic ZGVtbzpzZWNyZXQ="),
            "Basic <redacted>"
        );
        assert_eq!(
            redact_header("Content-Type", "application/json"),
            "application/json"
        );
    }

    #[test]
    fn token_bodies_lose_their_tokens() {
        let body = r#"{"access_token":"t0k3n","token_type":"bearer","expires_in":86400}"#;
        let redacted = redact_token_body(body);
        assert!(
            !redacted.contains("t0k3n") && redacted.contains("86400"),
            "{redacted}"
        );
        assert_eq!(redact_token_body("t0k3n"), "<not JSON; not recorded>");
    }

    #[test]
    fn curl_reads_the_token_from_the_environment() {
        let exchange = Exchange {
            request_headers: vec![
                ("Authorization".into(), "Bearer <redacted>".into()),
                ("Content-Type".into(), "application/json".into()),
            ],
            request_body: Some(r#"{"attributes":{"note":"it's"}}"#.into()),
            ..Exchange::new(
                "PATCH",
                "https://api.mypurecloud.ie/api/v2/conversations/c/participants/p/attributes",
                Outcome::answer(202),
            )
        };
        assert_eq!(
            to_curl(&exchange),
            "curl -sS -i -X 'PATCH' 'https://api.mypurecloud.ie/api/v2/conversations/c/participants/p/attributes' \
             -H \"Authorization: Bearer $GENESYS_TOKEN\" -H 'Content-Type: application/json' \
             --data-raw '{\"attributes\":{\"note\":\"it'\\''s\"}}'"
        );
    }

    #[test]
    fn masked_hides_secure_values_in_both_bodies_and_the_error_only_on_the_secure_path() {
        let url = "https://api.mypurecloud.ie/api/v2/conversations/c-1/secureattributes";
        let error =
            r#"{"message":"Value [tok_4417_9b2e] is not valid","code":"bad.request","status":400}"#;
        let exchange = Exchange {
            request_body: Some(
                r#"{"attributes":{"paymentToken":"tok_4417_9b2e","pin":"4711"},"version":2}"#
                    .into(),
            ),
            response_body: error.into(),
            error_body: serde_json::from_str(error).ok(),
            ..Exchange::new("PUT", url, Outcome::answer(400))
        };
        let masked = exchange.masked();
        let text = serde_json::to_string(&masked).unwrap();
        for secret in ["tok_4417_9b2e", "4711"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        let body = masked.request_body.clone().unwrap_or_default();
        assert!(
            body.contains("paymentToken") && body.contains("\"version\":2"),
            "{body}"
        );
        assert_eq!(masked.url, url);
        // Elsewhere, an `attributes` map is no secret.
        let participant = Exchange {
            url: "https://x/api/v2/conversations/c-1/participants/p/attributes".into(),
            ..exchange.clone()
        };
        assert_eq!(participant.masked(), participant);
    }

    #[test]
    fn exchanges_round_trip_and_old_history_lines_stay_readable() {
        for outcome in [
            Outcome::answer(202),
            Outcome::failed(FailureKind::Timeout, "timed out"),
            Outcome::Cancelled,
        ] {
            let exchange = Exchange::new("PATCH", "https://x/y", outcome);
            let text = serde_json::to_string(&exchange).unwrap();
            assert_eq!(
                serde_json::from_str::<Exchange>(&text).unwrap(),
                exchange,
                "{text}"
            );
        }
        // The shape before the outcome: status, reason and failure side by side.
        let old = r#"{"method":"GET","url":"u","status":404,"reason":"Not Found","failure":null}"#;
        let read: Exchange = serde_json::from_str(old).unwrap();
        assert_eq!(read.outcome, Outcome::answer(404));
        let old = r#"{"method":"GET","url":"u","status":null,"failure":{"kind":"cancelled","message":"m"}}"#;
        let read: Exchange = serde_json::from_str(old).unwrap();
        assert_eq!(read.outcome, Outcome::Cancelled);
    }

    #[test]
    fn rate_limit_headers_are_read_case_insensitively() {
        let headers = vec![
            ("Inin-Ratelimit-Count".to_owned(), "12".to_owned()),
            ("inin-ratelimit-allowed".to_owned(), "300".to_owned()),
            ("ININ-RATELIMIT-RESET".to_owned(), "41".to_owned()),
        ];
        let limit = RateLimit::from_headers(&headers);
        assert_eq!(limit.remaining(), Some(288));
        assert_eq!(limit.reset_seconds, Some(41));
        assert_eq!(limit.retry_after_seconds, None);
    }
}
