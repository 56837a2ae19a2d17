//! Error answers: every 4xx and 5xx of the API is an `ErrorBody` (§2) whose
//! integer `status` is the HTTP code and whose `contextId` is the response's
//! `ININ-Correlation-Id`. The codes come from `genesys::error_codes` through
//! the constants below, so an undeclared code does not compile; a code the
//! fact sheet declares without a status (the null-map code) answers
//! `error_codes::ASSUMED_STATUS` (assumed). The message texts are the
//! simulator's own except where the spec gives one (`invalid.value`,
//! `too.many.requests`, the null-map code).

use std::collections::BTreeMap;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::genesys::error_codes::{ErrorCode, declared};
use crate::genesys::{Detail, ErrorBody, Limit};

// Every code the simulator answers. `declared` runs at compile time: a name
// missing from `ERROR_CODES` fails the build.
const BAD_REQUEST: &ErrorCode = declared("bad.request");
const INVALID_VALUE: &ErrorCode = declared("invalid.value");
const AUTHENTICATION_REQUIRED: &ErrorCode = declared("authentication.required");
const BAD_CREDENTIALS: &ErrorCode = declared("bad.credentials");
const NOT_FOUND: &ErrorCode = declared("not.found");
const UNSUPPORTED_MEDIA_TYPE: &ErrorCode = declared("unsupported.media.type");
const TOO_MANY_REQUESTS: &ErrorCode = declared("too.many.requests");
const INTERNAL_SERVER_ERROR: &ErrorCode = declared("internal.server.error");
const SERVICE_UNAVAILABLE: &ErrorCode = declared("service.unavailable");
const ATTRIBUTE_NULL: &ErrorCode = declared("conversation.error.participant.attribute.null");
const NOT_PARTICIPANT: &ErrorCode = declared("conversation.error.not.conversation.participant");

/// Every code constant above, for the tests.
#[cfg(test)]
const ANSWERED: &[&ErrorCode] = &[
    BAD_REQUEST,
    INVALID_VALUE,
    AUTHENTICATION_REQUIRED,
    BAD_CREDENTIALS,
    NOT_FOUND,
    UNSUPPORTED_MEDIA_TYPE,
    TOO_MANY_REQUESTS,
    INTERNAL_SERVER_ERROR,
    SERVICE_UNAVAILABLE,
    ATTRIBUTE_NULL,
    NOT_PARTICIPANT,
];

/// The longest JSON text of a rejected value quoted in a message.
const QUOTE_MAX: usize = 120;

/// An error answer waiting for the correlation id of its response.
#[derive(Debug, Clone)]
pub(crate) struct ErrorAnswer {
    /// The HTTP status.
    pub status: StatusCode,
    /// The body; `contextId` is filled by [`ErrorAnswer::render`]. Boxed, so
    /// `Result<_, ErrorAnswer>` stays small.
    pub body: Box<ErrorBody>,
    /// `Retry-After` in seconds, for a 429.
    pub retry_after: Option<u64>,
}

impl ErrorAnswer {
    /// An error whose message is `template` with each `{name}` filled from
    /// `params`. With parameters, `messageWithParams` keeps the template.
    fn new(code: &ErrorCode, template: &str, params: &[(&str, String)]) -> Self {
        let status =
            StatusCode::from_u16(code.status_or_assumed()).unwrap_or(StatusCode::BAD_REQUEST);
        let mut message = template.to_owned();
        for (name, value) in params {
            message = message.replace(&format!("{{{name}}}"), value);
        }
        let message_params: BTreeMap<String, String> = params
            .iter()
            .map(|(name, value)| ((*name).to_owned(), value.clone()))
            .collect();
        Self {
            status,
            body: Box::new(ErrorBody {
                message: Some(message),
                code: Some(code.code.to_owned()),
                status: Some(i32::from(status.as_u16())),
                message_with_params: (!params.is_empty()).then(|| template.to_owned()),
                message_params: Some(message_params),
                details: Some(Vec::new()),
                errors: Some(Vec::new()),
                ..ErrorBody::default()
            }),
            retry_after: None,
        }
    }

    /// Adds a `details[]` entry for a field.
    pub fn with_field(mut self, field: &str) -> Self {
        let detail = Detail {
            error_code: self.body.code.clone(),
            field_name: Some(field.to_owned()),
            ..Detail::default()
        };
        self.body.details.get_or_insert_with(Vec::new).push(detail);
        self
    }

    /// Names the entity the error is about.
    pub fn with_entity(mut self, id: &str, name: &str) -> Self {
        self.body.entity_id = Some(id.to_owned());
        self.body.entity_name = Some(name.to_owned());
        self
    }

    /// Folds several errors into the first: its `details` gain theirs, and
    /// `errors` lists each one when there is more than one.
    pub fn combine(mut problems: Vec<Self>) -> Option<Self> {
        if problems.len() <= 1 {
            return problems.pop();
        }
        let mut first = problems[0].clone();
        let details = problems
            .iter()
            .flat_map(|p| p.body.details.clone().unwrap_or_default())
            .collect();
        first.body.details = Some(details);
        first.body.errors = Some(problems.into_iter().map(|p| *p.body).collect());
        Some(first)
    }

    /// The answer, with `contextId` set to the response's correlation id.
    pub fn render(mut self, correlation_id: &str) -> Response {
        self.body.context_id = Some(correlation_id.to_owned());
        for nested in self.body.errors.iter_mut().flatten() {
            nested.context_id = Some(correlation_id.to_owned());
        }
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }

    // The errors the simulator answers, one constructor each.

    pub fn authentication_required() -> Self {
        Self::new(
            AUTHENTICATION_REQUIRED,
            "No authentication bearer token specified in authorization header.",
            &[],
        )
    }

    pub fn bad_credentials() -> Self {
        Self::new(
            BAD_CREDENTIALS,
            "Invalid login credentials: the bearer token is unknown or expired.",
            &[],
        )
    }

    pub fn unknown_route(method: &str, path: &str) -> Self {
        Self::new(
            NOT_FOUND,
            "No route matches [{method}] [{path}].",
            &[("method", method.to_owned()), ("path", path.to_owned())],
        )
    }

    /// A real route (§7) that the simulator does not serve. The 404 is the
    /// simulator's own limit, not the server's answer.
    pub fn not_simulated(method: &str, path: &str) -> Self {
        Self::new(
            NOT_FOUND,
            "[{method}] [{path}] is a real route, but the simulator does not serve it.",
            &[("method", method.to_owned()), ("path", path.to_owned())],
        )
    }

    pub fn wrong_verb(method: &str, path: &str, allowed: &[&str]) -> Self {
        Self::new(
            NOT_FOUND,
            "No [{method}] route exists for [{path}]; this path has: {allowed}.",
            &[
                ("method", method.to_owned()),
                ("path", path.to_owned()),
                ("allowed", allowed.join(", ")),
            ],
        )
    }

    pub fn conversation_not_found(conversation_id: &str) -> Self {
        Self::new(
            NOT_FOUND,
            "Conversation [{conversationId}] was not found.",
            &[("conversationId", conversation_id.to_owned())],
        )
        .with_entity(conversation_id, "conversation")
    }

    pub fn media_not_found(conversation_id: &str, media: &str) -> Self {
        Self::new(
            NOT_FOUND,
            "Conversation [{conversationId}] has no [{media}] media.",
            &[
                ("conversationId", conversation_id.to_owned()),
                ("media", media.to_owned()),
            ],
        )
        .with_entity(conversation_id, "conversation")
    }

    pub fn not_participant(conversation_id: &str, participant_id: &str) -> Self {
        Self::new(
            NOT_PARTICIPANT,
            "Participant [{participantId}] is not a participant of conversation [{conversationId}].",
            &[
                ("participantId", participant_id.to_owned()),
                ("conversationId", conversation_id.to_owned()),
            ],
        )
        .with_entity(participant_id, "participant")
    }

    pub fn unsupported_media_type(content_type: &str) -> Self {
        Self::new(
            UNSUPPORTED_MEDIA_TYPE,
            "Content type [{contentType}] is not supported; this operation consumes application/json.",
            &[("contentType", content_type.to_owned())],
        )
    }

    pub fn malformed_json(error: &serde_json::Error) -> Self {
        let text = error.to_string();
        let reason = text.split(" at line ").next().unwrap_or(&text).to_owned();
        Self::new(
            BAD_REQUEST,
            "The request body is not valid JSON: {error} at line {line} column {column}.",
            &[
                ("error", reason),
                ("line", error.line().to_string()),
                ("column", error.column().to_string()),
            ],
        )
    }

    pub fn body_required(model: &str) -> Self {
        Self::new(
            BAD_REQUEST,
            "A request body ({model}) is required.",
            &[("model", model.to_owned())],
        )
    }

    /// A body longer than the simulator reads. The fact sheet declares no
    /// code for 413: the status (the HTTP one for a body too large) and the
    /// generic `bad.request` code with it are assumed, and no code is invented.
    pub fn body_too_large(limit: usize) -> Self {
        let mut error = Self::new(
            BAD_REQUEST,
            "The request body is larger than the limit of {limit} bytes.",
            &[("limit", limit.to_string())],
        );
        error.status = StatusCode::PAYLOAD_TOO_LARGE;
        error.body.status = Some(i32::from(StatusCode::PAYLOAD_TOO_LARGE.as_u16()));
        error
    }

    /// A body that ended before its declared length or whose chunked
    /// framing is broken.
    pub fn body_unreadable() -> Self {
        Self::new(
            BAD_REQUEST,
            "The request body could not be read to its end.",
            &[],
        )
    }

    /// A write that would store more attributes than the cap (assumed: no
    /// REST limit is documented, §6 5).
    pub fn attributes_too_large(field: &str, cap: usize, size: usize) -> Self {
        Self::new(
            BAD_REQUEST,
            "The attributes would take {size} bytes (keys and values), above the cap of {limit} bytes; nothing was stored.",
            &[("size", size.to_string()), ("limit", cap.to_string())],
        )
        .with_field(field)
    }

    pub fn not_an_object(model: &str, value: &serde_json::Value) -> Self {
        Self::new(
            BAD_REQUEST,
            "The request body must be a JSON object ({model}), not {value}.",
            &[("model", model.to_owned()), ("value", quote(value))],
        )
    }

    pub fn unknown_field(field: &str, model: &str, allowed: &[&str]) -> Self {
        Self::new(
            BAD_REQUEST,
            "Unrecognized field [{field}]: {model} has only: {allowed}.",
            &[
                ("field", field.to_owned()),
                ("model", model.to_owned()),
                ("allowed", allowed.join(", ")),
            ],
        )
        .with_field(field)
    }

    pub fn invalid_value(
        field: &str,
        value: &serde_json::Value,
        kind: &str,
        allowed: &str,
    ) -> Self {
        // The spec's message: "Value [%s] is not valid for field type [%s].
        // Allowable values are: %s" (§2).
        Self::new(
            INVALID_VALUE,
            "Value [{value}] is not valid for field type [{type}]. Allowable values are: {allowed}",
            &[
                ("value", quote(value)),
                ("type", kind.to_owned()),
                ("allowed", allowed.to_owned()),
            ],
        )
        .with_field(field)
    }

    pub fn null_attribute_map() -> Self {
        Self::new(
            ATTRIBUTE_NULL,
            "Cannot update participant attribute map to a null value.",
            &[],
        )
        .with_field("attributes")
    }

    pub fn stale_version(sent: i64, current: i64) -> Self {
        Self::new(
            BAD_REQUEST,
            "Version [{version}] does not match the current version [{currentVersion}] of the secure attributes; GET them and send the current version.",
            &[
                ("version", sent.to_string()),
                ("currentVersion", current.to_string()),
            ],
        )
        .with_field("version")
    }

    pub fn too_many_requests(allowed: u32, window_seconds: u64, retry_after: u64) -> Self {
        let mut error = Self::new(
            TOO_MANY_REQUESTS,
            "Rate limit exceeded the maximum [{limit}] requests within [{seconds}] seconds",
            &[
                ("limit", allowed.to_string()),
                ("seconds", window_seconds.to_string()),
            ],
        );
        // Assumed: §2 declares `limit` in ErrorBody but no stored source shows
        // a 429 filling it; the key is the limit the community source names (§4).
        error.body.limit = Some(Limit {
            key: Some("client.credentials.token.rate.per.minute".to_owned()),
            namespace: None,
            value: Some(i64::from(allowed)),
        });
        error.retry_after = Some(retry_after);
        error
    }

    pub fn fixture_mismatch(conversation_id: &str, error: &serde_json::Error) -> Self {
        Self::new(
            INTERNAL_SERVER_ERROR,
            "The fixture of conversation [{conversationId}] does not fit the media view model: {error}.",
            &[
                ("conversationId", conversation_id.to_owned()),
                ("error", error.to_string()),
            ],
        )
    }

    pub fn service_unavailable() -> Self {
        Self::new(
            SERVICE_UNAVAILABLE,
            "The service is temporarily unavailable (simulated fault).",
            &[],
        )
    }
}

/// The JSON text of a value, shortened for a message.
fn quote(value: &serde_json::Value) -> String {
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if text.chars().count() <= QUOTE_MAX {
        text
    } else {
        let short: String = text.chars().take(QUOTE_MAX).collect();
        format!("{short}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_fill_the_message_and_keep_the_template() {
        let error = ErrorAnswer::too_many_requests(3, 60, 12);
        assert_eq!(error.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            error.body.message.as_deref(),
            Some("Rate limit exceeded the maximum [3] requests within [60] seconds")
        );
        assert!(
            error
                .body
                .message_with_params
                .unwrap()
                .contains("[{limit}]")
        );
        assert_eq!(error.body.status, Some(429));
    }

    #[test]
    fn combined_errors_keep_every_detail() {
        let a =
            ErrorAnswer::invalid_value("attributes.a", &serde_json::json!(1), "string", "a string");
        let b = ErrorAnswer::invalid_value(
            "attributes.b",
            &serde_json::json!(true),
            "string",
            "a string",
        );
        let both = ErrorAnswer::combine(vec![a, b]).unwrap();
        assert_eq!(both.body.details.as_ref().unwrap().len(), 2);
        assert_eq!(both.body.errors.as_ref().unwrap().len(), 2);
        assert_eq!(both.body.message_params.unwrap()["value"], "1");
    }

    #[test]
    fn every_answered_code_is_declared_with_its_status() {
        use crate::genesys::error_codes::{ERROR_CODES, lookup};
        for code in ANSWERED {
            assert_eq!(lookup(code.code), Some(*code), "{}", code.code);
            let answer = ErrorAnswer::new(code, "m", &[]);
            assert_eq!(answer.status.as_u16(), code.status_or_assumed());
            assert_eq!(answer.body.code.as_deref(), Some(code.code));
            assert_eq!(
                answer.body.status,
                Some(i32::from(code.status_or_assumed()))
            );
        }
        assert!(ANSWERED.len() < ERROR_CODES.len());
        // The null-map code has no status in the fact sheet: 400 is assumed.
        let null_map = ErrorAnswer::null_attribute_map();
        assert!(ATTRIBUTE_NULL.status_is_assumed());
        assert_eq!(null_map.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            ErrorAnswer::not_participant("c", "p").status,
            StatusCode::NOT_FOUND
        );
    }

    #[test]
    fn a_body_too_large_is_413_with_the_generic_code_and_names_the_limit() {
        let error = ErrorAnswer::body_too_large(1024);
        assert_eq!(error.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(error.body.status, Some(413));
        assert_eq!(error.body.code.as_deref(), Some("bad.request"));
        assert_eq!(error.body.message_params.unwrap()["limit"], "1024");
    }

    #[test]
    fn long_values_are_shortened() {
        let long = serde_json::Value::String("x".repeat(500));
        assert_eq!(quote(&long).chars().count(), QUOTE_MAX + 1);
    }
}
