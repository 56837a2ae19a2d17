//! Error answers: every 4xx and 5xx of the API is an `ErrorBody` (§2) whose
//! integer `status` is the HTTP code and whose `contextId` is the response's
//! `ININ-Correlation-Id`. The codes come from `genesys::error_codes`; the
//! message texts are the simulator's own except where the spec gives one
//! (`invalid.value`, `too.many.requests`, the null-map code).

use std::collections::BTreeMap;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::genesys::error_codes;
use crate::genesys::{Detail, ErrorBody, Limit};

/// The longest JSON text of a rejected value quoted in a message.
const QUOTE_MAX: usize = 120;

/// An error answer waiting for the correlation id of its response.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The body; `contextId` is filled by [`ApiError::render`]. Boxed, so
    /// `Result<_, ApiError>` stays small.
    pub body: Box<ErrorBody>,
    /// `Retry-After` in seconds, for a 429.
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// An error whose message is `template` with each `{name}` filled from
    /// `params`. With parameters, `messageWithParams` keeps the template.
    pub fn new(code: &str, template: &str, params: &[(&str, String)]) -> Self {
        let status = error_codes::lookup(code).map_or(400, |c| c.status);
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
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
                code: Some(code.to_owned()),
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
            "authentication.required",
            "No authentication bearer token specified in authorization header.",
            &[],
        )
    }

    pub fn bad_credentials() -> Self {
        Self::new(
            "bad.credentials",
            "Invalid login credentials: the bearer token is unknown or expired.",
            &[],
        )
    }

    pub fn unknown_route(method: &str, path: &str) -> Self {
        Self::new(
            "not.found",
            "No route matches [{method}] [{path}].",
            &[("method", method.to_owned()), ("path", path.to_owned())],
        )
    }

    pub fn wrong_verb(method: &str, path: &str, allowed: &[&str]) -> Self {
        Self::new(
            "not.found",
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
            "not.found",
            "Conversation [{conversationId}] was not found.",
            &[("conversationId", conversation_id.to_owned())],
        )
        .with_entity(conversation_id, "conversation")
    }

    pub fn media_not_found(conversation_id: &str, media: &str) -> Self {
        Self::new(
            "not.found",
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
            "conversation.error.not.conversation.participant",
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
            "unsupported.media.type",
            "Content type [{contentType}] is not supported; this operation consumes application/json.",
            &[("contentType", content_type.to_owned())],
        )
    }

    pub fn malformed_json(error: &serde_json::Error) -> Self {
        let text = error.to_string();
        let reason = text.split(" at line ").next().unwrap_or(&text).to_owned();
        Self::new(
            "bad.request",
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
            "bad.request",
            "A request body ({model}) is required.",
            &[("model", model.to_owned())],
        )
    }

    pub fn body_too_large(limit: usize) -> Self {
        Self::new(
            "bad.request",
            "The simulator reads request bodies of at most {limit} bytes.",
            &[("limit", limit.to_string())],
        )
    }

    pub fn not_an_object(model: &str, value: &serde_json::Value) -> Self {
        Self::new(
            "bad.request",
            "The request body must be a JSON object ({model}), not {value}.",
            &[("model", model.to_owned()), ("value", quote(value))],
        )
    }

    pub fn unknown_field(field: &str, model: &str, allowed: &[&str]) -> Self {
        Self::new(
            "bad.request",
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
            "invalid.value",
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
            "conversation.error.participant.attribute.null",
            "Cannot update participant attribute map to a null value.",
            &[],
        )
        .with_field("attributes")
    }

    pub fn stale_version(sent: i64, current: i64) -> Self {
        Self::new(
            "bad.request",
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
            "too.many.requests",
            "Rate limit exceeded the maximum [{limit}] requests within [{seconds}] seconds",
            &[
                ("limit", allowed.to_string()),
                ("seconds", window_seconds.to_string()),
            ],
        );
        // The limit's key is the one the community source names (§4).
        error.body.limit = Some(Limit {
            key: Some("client.credentials.token.rate.per.minute".to_owned()),
            namespace: None,
            value: Some(i64::from(allowed)),
        });
        error.retry_after = Some(retry_after);
        error
    }

    pub fn invalid_body(model: &str, error: &serde_json::Error) -> Self {
        Self::new(
            "bad.request",
            "The request body does not fit {model}: {error}.",
            &[("model", model.to_owned()), ("error", error.to_string())],
        )
    }

    pub fn fixture_mismatch(conversation_id: &str, error: &serde_json::Error) -> Self {
        Self::new(
            "internal.server.error",
            "The fixture of conversation [{conversationId}] does not fit the media view model: {error}.",
            &[
                ("conversationId", conversation_id.to_owned()),
                ("error", error.to_string()),
            ],
        )
    }

    pub fn service_unavailable() -> Self {
        Self::new(
            "service.unavailable",
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
        let error = ApiError::too_many_requests(3, 60, 12);
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
            ApiError::invalid_value("attributes.a", &serde_json::json!(1), "string", "a string");
        let b = ApiError::invalid_value(
            "attributes.b",
            &serde_json::json!(true),
            "string",
            "a string",
        );
        let both = ApiError::combine(vec![a, b]).unwrap();
        assert_eq!(both.body.details.as_ref().unwrap().len(), 2);
        assert_eq!(both.body.errors.as_ref().unwrap().len(), 2);
        assert_eq!(both.body.message_params.unwrap()["value"], "1");
    }

    #[test]
    fn long_values_are_shortened() {
        let long = serde_json::Value::String("x".repeat(500));
        assert_eq!(quote(&long).chars().count(), QUOTE_MAX + 1);
    }
}
