//! `ErrorBody` (§2): the schema of every 4xx and 5xx answer.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Extra;

/// The error body of the API. `status` is an **integer** (the HTTP code), not
/// a reason phrase; `errors` nests `ErrorBody` recursively.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// Human-readable message.
    pub message: Option<String>,
    /// Error code, e.g. `bad.request`.
    pub code: Option<String>,
    /// The HTTP status as an integer.
    pub status: Option<i32>,
    /// Entity id.
    pub entity_id: Option<String>,
    /// Entity name.
    pub entity_name: Option<String>,
    /// The message with `{param}` placeholders.
    pub message_with_params: Option<String>,
    /// Values for the placeholders of `messageWithParams`.
    pub message_params: Option<BTreeMap<String, String>>,
    /// The correlation id; the Go SDK fills it from `Inin-Correlation-Id`.
    pub context_id: Option<String>,
    /// Details.
    pub details: Option<Vec<Detail>>,
    /// Nested errors.
    pub errors: Option<Vec<ErrorBody>>,
    /// The limit that was hit (newer field).
    pub limit: Option<Limit>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `Detail` of an [`ErrorBody`].
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Detail {
    /// Error code of the detail.
    pub error_code: Option<String>,
    /// The field it concerns.
    pub field_name: Option<String>,
    /// Entity id.
    pub entity_id: Option<String>,
    /// Entity name.
    pub entity_name: Option<String>,
}

/// `Limit` of an [`ErrorBody`].
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limit {
    /// The limit's key.
    pub key: Option<String>,
    /// The limit's namespace.
    pub namespace: Option<String>,
    /// The limit's value.
    pub value: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_error_body_round_trips() {
        let text = r#"{
          "message": "Value [abc] is not valid for field type [int]. Allowable values are: x",
          "code": "invalid.value", "status": 400,
          "messageWithParams": "Value [{value}] is not valid for field type [{type}]. Allowable values are: {allowed}",
          "messageParams": {"value": "abc", "type": "int", "allowed": "x"},
          "contextId": "5e3c1c0e-8d5a-4a39-9b2f-1d2a0c9e7f10",
          "details": [{"errorCode": "invalid.value", "fieldName": "attributes.a"}],
          "errors": [{"code": "bad.request", "status": 400, "errors": [{"code": "not.found", "status": 404}]}],
          "limit": {"key": "k", "namespace": "n", "value": 300},
          "somethingNew": [1, 2]
        }"#;
        let body: ErrorBody = serde_json::from_str(text).unwrap();
        assert_eq!(body.status, Some(400));
        let nested = &body.errors.as_ref().unwrap()[0];
        assert_eq!(
            nested.errors.as_ref().unwrap()[0].code.as_deref(),
            Some("not.found")
        );
        let back = serde_json::to_value(&body).unwrap();
        let original: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(back, original);
    }

    #[test]
    fn string_status_is_not_an_error_body() {
        // A forum invention (§5): status as the reason phrase.
        assert!(serde_json::from_str::<ErrorBody>(r#"{"status":"Bad Request"}"#).is_err());
    }
}
