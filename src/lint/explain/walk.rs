//! Reading an ErrorBody (§2) by hand from a `serde_json::Value`, leniently:
//! nested `errors` depth-first, `details`, `limit`, the filled message, and a
//! `status` that is not an integer.

use std::collections::VecDeque;

use serde_json::{Map, Value};

use super::{Evidence, ExplainedError, Kind, MAX_DEPTH, Notes, kind};
use crate::genesys::{Detail, Limit};

/// An object with a string `code` inside a JSON value that is not itself an
/// error (a structured log line), breadth-first, and its JSON pointer.
pub(super) fn nested_error(map: &Map<String, Value>) -> Option<(String, &Map<String, Value>)> {
    const MAX_VISITS: usize = 1024;
    let mut queue: VecDeque<(String, &Value)> = map.iter().map(|(k, v)| (segment(k), v)).collect();
    for _ in 0..MAX_VISITS {
        let (pointer, value) = queue.pop_front()?;
        match value {
            Value::Object(inner)
                if inner.get("code").is_some_and(Value::is_string)
                    && kind(inner) == Kind::Error =>
            {
                return Some((pointer, inner));
            }
            Value::Object(inner) => {
                queue.extend(
                    inner
                        .iter()
                        .map(|(k, v)| (pointer.clone() + &segment(k), v)),
                );
            }
            Value::Array(items) => {
                queue.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| (format!("{pointer}/{i}"), v)),
                );
            }
            _ => {}
        }
    }
    None
}

/// One RFC 6901 pointer segment.
fn segment(key: &str) -> String {
    format!("/{}", key.replace('~', "~0").replace('/', "~1"))
}

/// Walk an ErrorBody and its nested `errors`, depth-first.
pub(super) fn walk(
    map: &Map<String, Value>,
    depth: usize,
    out: &mut Vec<ExplainedError>,
    notes: &mut Notes,
) {
    let at = if depth == 0 {
        String::new()
    } else {
        format!("nested error at depth {depth}: ")
    };
    let status = read_status(map.get("status"), &at, notes);
    let template = map.get("messageWithParams").and_then(text);
    let message = match (template, map.get("messageParams")) {
        (Some(t), Some(Value::Object(params))) => Some(fill(&t, params)),
        (t, _) => map.get("message").and_then(text).or(t),
    };
    let details = match map.get("details") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_object)
            .map(detail)
            .collect(),
        _ => Vec::new(),
    };
    out.push(ExplainedError {
        depth,
        code: map.get("code").and_then(text),
        status,
        message,
        explanation: String::new(),
        next_step: String::new(),
        evidence: Evidence::assumed("§2"),
        context_id: map.get("contextId").and_then(text),
        details,
        limit: map.get("limit").and_then(Value::as_object).map(limit),
    });
    if let Some(Value::Array(children)) = map.get("errors") {
        if depth + 1 > MAX_DEPTH {
            notes.push(format!(
                "errors nested deeper than {MAX_DEPTH} levels were not read"
            ));
            return;
        }
        for child in children.iter().filter_map(Value::as_object) {
            walk(child, depth + 1, out, notes);
        }
    }
}

/// A string, or a number or boolean as text.
pub(super) fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(_) | Value::Bool(_) => Some(value.to_string()),
        _ => None,
    }
}

fn detail(map: &Map<String, Value>) -> Detail {
    let field = |name: &str| map.get(name).and_then(text);
    Detail {
        error_code: field("errorCode"),
        field_name: field("fieldName"),
        entity_id: field("entityId"),
        entity_name: field("entityName"),
    }
}

fn limit(map: &Map<String, Value>) -> Limit {
    Limit {
        key: map.get("key").and_then(text),
        namespace: map.get("namespace").and_then(text),
        value: map
            .get("value")
            .and_then(|v| v.as_i64().or_else(|| v.as_str()?.trim().parse().ok())),
    }
}

/// Fill `{name}` placeholders from `params`; unknown ones stay as they are.
fn fill(template: &str, params: &Map<String, Value>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(['{', '}']) {
            Some(close) if after[close..].starts_with('}') => {
                let name = &after[..close];
                if let Some(value) = params.get(name).and_then(text) {
                    out.push_str(&value);
                } else {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Read `status` leniently: an integer per §2, else a numeric string or a
/// reason phrase, with a note.
fn read_status(value: Option<&Value>, at: &str, notes: &mut Notes) -> Option<i64> {
    match value? {
        Value::Null => None,
        Value::Number(n) => n.as_i64().or_else(|| {
            notes.push(format!(
                "{at}status is the number {n}; the real API sends an integer (§2)"
            ));
            n.as_f64().and_then(|f| format!("{f}").parse().ok())
        }),
        Value::String(s) => {
            notes.push(format!(
                "{at}status is the string {}; the real API sends an integer (§2)",
                Value::String(s.clone())
            ));
            let digits: String = s.trim().chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok().or_else(|| reason_status(s.trim()))
        }
        other => {
            let kind = match other {
                Value::Bool(_) => "a boolean",
                Value::Array(_) => "an array",
                _ => "an object",
            };
            notes.push(format!(
                "{at}status is {kind}; the real API sends an integer (§2)"
            ));
            None
        }
    }
}

/// The status of a standard HTTP reason phrase.
fn reason_status(phrase: &str) -> Option<i64> {
    const REASONS: [(i64, &str); 14] = [
        (400, "bad request"),
        (401, "unauthorized"),
        (403, "forbidden"),
        (404, "not found"),
        (405, "method not allowed"),
        (408, "request timeout"),
        (409, "conflict"),
        (415, "unsupported media type"),
        (422, "unprocessable entity"),
        (429, "too many requests"),
        (500, "internal server error"),
        (502, "bad gateway"),
        (503, "service unavailable"),
        (504, "gateway timeout"),
    ];
    REASONS
        .iter()
        .find(|(_, r)| r.eq_ignore_ascii_case(phrase))
        .map(|&(s, _)| s)
}
