//! Reading a write's body the way the server is modelled to: content type
//! first (only `application/json`, §3), then JSON syntax, then the schema of
//! the body model from `genesys` (unknown keys, value types).
//!
//! How the server treats unknown keys and non-string values is undocumented
//! (§6 4): strict (the default) rejects them naming the field; lenient drops
//! them and goes on.

use axum::http::{HeaderMap, header};
use serde_json::{Map, Value};

use super::errors::ErrorAnswer;
use crate::genesys::Attributes;

/// The type named in `invalid.value` messages for an attribute value.
const STRING: &str = "string";
const ANY_STRING: &str = "any JSON string (quote numbers and booleans)";

/// Whether a `Content-Type` value names `expected`, whatever its case and
/// parameters (`application/json; charset=UTF-8` is `application/json`).
pub(crate) fn media_type_is(value: &str, expected: &str) -> bool {
    value
        .split(';')
        .next()
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case(expected))
}

/// The JSON object of a write's body; `None` when the body is empty and the
/// route does not require one.
pub(crate) fn json_object(
    headers: &HeaderMap,
    body: &[u8],
    model: &str,
    required: bool,
) -> Result<Option<Map<String, Value>>, ErrorAnswer> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap_or("(not text)"));
    let is_json = content_type.is_some_and(|v| media_type_is(v, "application/json"));
    if let Some(content_type) = content_type
        && !is_json
    {
        return Err(ErrorAnswer::unsupported_media_type(content_type));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return if required {
            Err(ErrorAnswer::body_required(model))
        } else {
            Ok(None)
        };
    }
    if content_type.is_none() {
        return Err(ErrorAnswer::unsupported_media_type("(none)"));
    }
    match serde_json::from_slice(body) {
        Ok(Value::Object(map)) => Ok(Some(map)),
        Ok(other) => Err(ErrorAnswer::not_an_object(model, &other)),
        Err(err) => Err(ErrorAnswer::malformed_json(&err)),
    }
}

/// Rejects (strict) or drops (lenient) the keys the model does not have.
pub(crate) fn unknown_keys(
    map: &mut Map<String, Value>,
    allowed: &[&str],
    model: &str,
    lenient: bool,
) -> Result<(), ErrorAnswer> {
    unknown_keys_at("", map, allowed, model, lenient)
}

/// [`unknown_keys`] of an object nested at `prefix` (e.g. `wrapup.`), whose
/// field names the errors give in full.
pub(crate) fn unknown_keys_at(
    prefix: &str,
    map: &mut Map<String, Value>,
    allowed: &[&str],
    model: &str,
    lenient: bool,
) -> Result<(), ErrorAnswer> {
    let unknown: Vec<String> = map
        .keys()
        .filter(|key| !allowed.contains(&key.as_str()))
        .cloned()
        .collect();
    if lenient {
        for key in &unknown {
            map.remove(key);
        }
        return Ok(());
    }
    let problems = unknown
        .iter()
        .map(|key| ErrorAnswer::unknown_field(&format!("{prefix}{key}"), model, allowed))
        .collect();
    ErrorAnswer::combine(problems).map_or(Ok(()), Err)
}

/// The attribute map of a body (`map<string,string>`, §2). Absent or `null`
/// gives `None`; callers that must refuse `null` check it first. A value that
/// is not a string is rejected (strict) or dropped (lenient); a map that is
/// not an object is rejected in both modes.
pub(crate) fn attribute_map(
    value: Option<Value>,
    lenient: bool,
) -> Result<Option<Attributes>, ErrorAnswer> {
    let map = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(map)) => map,
        Some(other) => {
            return Err(ErrorAnswer::invalid_value(
                "attributes",
                &other,
                "map<string,string>",
                "a JSON object whose values are strings",
            ));
        }
    };
    let mut attributes = Attributes::new();
    let mut problems = Vec::new();
    for (key, value) in map {
        match value {
            Value::String(text) => {
                attributes.insert(key, text);
            }
            _ if lenient => {}
            other => problems.push(ErrorAnswer::invalid_value(
                &format!("attributes.{key}"),
                &other,
                STRING,
                ANY_STRING,
            )),
        }
    }
    match ErrorAnswer::combine(problems) {
        Some(error) => Err(error),
        None => Ok(Some(attributes)),
    }
}

/// The `version` of a secure-attributes body: an integer, or absent/`null`.
pub(crate) fn version(value: Option<&Value>) -> Result<Option<i64>, ErrorAnswer> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(number) => number.as_i64().map(Some).ok_or_else(|| {
            ErrorAnswer::invalid_value("version", number, "integer", "a whole number")
        }),
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;
    use serde_json::json;

    use super::*;

    fn json_headers() -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=UTF-8"),
        );
        headers
    }

    #[test]
    fn media_types_ignore_case_and_parameters() {
        assert!(media_type_is("application/json", "application/json"));
        assert!(media_type_is(
            " Application/JSON ; charset=UTF-8",
            "application/json"
        ));
        assert!(!media_type_is(
            "application/json-patch+json",
            "application/json"
        ));
        assert!(!media_type_is("", "application/json"));
        assert!(media_type_is(
            "application/x-www-form-urlencoded;charset=utf-8",
            "application/x-www-form-urlencoded"
        ));
    }

    #[test]
    fn content_type_and_syntax_come_first() {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        let err = json_object(&headers, b"{}", "M", true).unwrap_err();
        assert_eq!(err.status, 415);
        let err = json_object(&HeaderMap::new(), b"{}", "M", true).unwrap_err();
        assert_eq!(err.status, 415);
        let err = json_object(&json_headers(), b"{\n \"a\": }", "M", true).unwrap_err();
        assert_eq!(err.body.message_params.unwrap()["line"], "2");
        assert!(
            json_object(&json_headers(), b"  ", "M", false)
                .unwrap()
                .is_none()
        );
        assert_eq!(
            json_object(&json_headers(), b"", "M", true)
                .unwrap_err()
                .status,
            400
        );
        let err = json_object(&json_headers(), b"[1]", "M", true).unwrap_err();
        assert!(err.body.message.unwrap().contains("[1]"));
    }

    #[test]
    fn strict_rejects_and_lenient_drops() {
        let mut map = json!({"attributes": {}, "type": "contact"})
            .as_object()
            .cloned()
            .unwrap();
        let err = unknown_keys(&mut map, &["attributes"], "M", false).unwrap_err();
        assert_eq!(
            err.body.details.unwrap()[0].field_name.as_deref(),
            Some("type")
        );
        unknown_keys(&mut map, &["attributes"], "M", true).unwrap();
        assert!(!map.contains_key("type"));

        let value = json!({"a": "1", "b": 2, "c": null});
        let err = attribute_map(Some(value.clone()), false).unwrap_err();
        assert_eq!(err.body.code.as_deref(), Some("invalid.value"));
        assert_eq!(err.body.errors.unwrap().len(), 2);
        let kept = attribute_map(Some(value), true).unwrap().unwrap();
        assert_eq!(kept.len(), 1);
        assert!(attribute_map(Some(json!("x")), true).is_err());
        assert_eq!(attribute_map(Some(Value::Null), false).unwrap(), None);
    }

    #[test]
    fn versions_are_integers() {
        assert_eq!(version(Some(&json!(3))).unwrap(), Some(3));
        assert_eq!(version(None).unwrap(), None);
        assert!(version(Some(&json!("3"))).is_err());
    }
}
