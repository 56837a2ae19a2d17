//! Error-answer explainer: turns whatever a failed request returned (an
//! ErrorBody, an OAuth error, other JSON, a proxy's HTML page, an empty or
//! cut-off body, an SDK exception print or a log line with JSON inside) into
//! [`ExplainedError`]s, each with what its code means and what to do next.
//!
//! The body is read through `serde_json::Value` and mapped by hand, so drift
//! such as `status` sent as a string (§2 says it is an integer) is reported in
//! a note instead of failing the decoding. Pure: no I/O; never panics.

mod codes;
mod scan;
#[cfg(test)]
mod tests;
mod walk;

use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use serde_json::{Map, Value};

use super::Evidence;
use crate::genesys::{Detail, Limit, error_codes};
use scan::{correlation_id, error_offset, html_title, is_html, repair, status_in_text};
use walk::{nested_error, text, walk};

/// Nested `errors` deeper than this are not walked (hostile input).
const MAX_DEPTH: usize = 32;
/// How many `{` of a text are tried as the start of a JSON object.
const MAX_CANDIDATES: usize = 64;
/// Longest message taken from a text or HTML body.
const MAX_TEXT_MESSAGE: usize = 200;

/// Keys that make a JSON object look like an ErrorBody (§2).
const ERROR_KEYS: [&str; 6] = [
    "code",
    "message",
    "status",
    "errors",
    "messageWithParams",
    "contextId",
];

/// What the body was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyForm {
    /// Nothing, or only whitespace.
    Empty,
    /// A JSON object shaped like `ErrorBody` (§2).
    ErrorBody,
    /// A token-endpoint error `{error, description, error_description}` (§4).
    #[serde(rename = "oauth-error")]
    OAuthError,
    /// JSON that is neither of the above.
    OtherJson,
    /// JSON that ends early; `errors` holds what parsed before the cut.
    TruncatedJson,
    /// An HTML page: a proxy or load balancer answered, not the API.
    Html,
    /// Text, possibly with a JSON object inside (an SDK exception print, a
    /// log line); `errors` holds what that object says.
    Text,
}

/// A decoded error answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The given status, else the body's `status`, else one found in the text.
    pub status: Option<u16>,
    /// What the body was.
    pub form: BodyForm,
    /// The top-level error first, then nested `errors` depth-first.
    pub errors: Vec<ExplainedError>,
    /// Remarks about the body itself (drift from §2, truncation, HTML, ...).
    pub notes: Vec<String>,
}

/// One error of the answer, explained.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedError {
    /// 0 for the top-level error, n for an error nested n levels deep.
    pub depth: usize,
    /// The `code`, e.g. `bad.request` (for an OAuth error, its `error`).
    pub code: Option<String>,
    /// The error's `status`; for an error built without an ErrorBody (an
    /// OAuth error, HTML, text, an empty body), the HTTP status.
    pub status: Option<i64>,
    /// `messageWithParams` filled from `messageParams` when both exist
    /// (unknown placeholders kept as is), else `message`.
    pub message: Option<String>,
    /// What the code means.
    pub explanation: String,
    /// What to do now.
    pub next_step: String,
    /// Documented (a code of §2) or assumed (generic text).
    pub evidence: Evidence,
    /// The correlation id (`contextId`).
    pub context_id: Option<String>,
    /// The error's `details`.
    pub details: Vec<Detail>,
    /// The limit that was hit, if the body names one.
    pub limit: Option<Limit>,
}

/// Decode an error answer from a status (if known) and the raw response body
/// text, which may be anything.
#[must_use]
pub fn explain(status: Option<u16>, raw: &str) -> Explanation {
    let start = raw.trim_start_matches('\u{feff}').trim_start();
    let lead = raw.len() - start.len();
    let body = start.trim_end();
    let mut notes = Notes::default();
    let (form, value) = decode(body, raw.len(), lead, &mut notes);

    let mut errors = Vec::new();
    match &value {
        Some(Value::Object(map)) => match kind(map) {
            Kind::Error => walk(map, 0, &mut errors, &mut notes),
            Kind::OAuth => errors.push(oauth_error(map, status)),
            Kind::Other => match nested_error(map) {
                Some((pointer, inner)) => {
                    notes.push(format!("an ErrorBody nested at {pointer} was decoded"));
                    walk(inner, 0, &mut errors, &mut notes);
                }
                None if form != BodyForm::TruncatedJson => {
                    notes.push(
                        "JSON, but not an ErrorBody: no code, message, status or errors (§2)",
                    );
                }
                None => {}
            },
        },
        Some(_) if form != BodyForm::TruncatedJson => {
            notes.push("JSON, but not an object; an ErrorBody is an object (§2)");
        }
        _ => {}
    }

    let body_status = errors
        .first()
        .filter(|_| form != BodyForm::OAuthError)
        .and_then(|e| e.status);
    let valid = body_status
        .and_then(|s| u16::try_from(s).ok())
        .filter(|s| (100..=599).contains(s));
    if let (Some(s), None) = (body_status, valid) {
        notes.push(format!("status {s} is not an HTTP status code"));
    }
    if let (Some(given), Some(said)) = (status, valid) {
        if given != said {
            notes.push(format!(
                "the HTTP status ({given}) and the body's status ({said}) differ; the HTTP status is used"
            ));
        }
    }
    let found = if form == BodyForm::Empty {
        None
    } else {
        status_in_text(body)
    };
    let status = status.or(valid).or(found);

    if errors.is_empty() && (status.is_some() || form == BodyForm::Text) {
        errors.push(bare_error(status, text_message(form, body)));
    }
    if let Some(id) = correlation_id(body) {
        match errors.first_mut() {
            Some(top) if top.context_id.is_none() => {
                top.context_id = Some(id);
                notes.push("contextId taken from the ININ-Correlation-Id header in the text");
            }
            Some(_) => {}
            None => notes.push(format!("ININ-Correlation-Id in the text: {id}")),
        }
    }
    fill_explanations(&mut errors, status);
    Explanation {
        status,
        form,
        errors,
        notes: notes.0,
    }
}

/// Notes without repeats.
#[derive(Default)]
struct Notes(Vec<String>);

impl Notes {
    fn push(&mut self, note: impl Into<String>) {
        let note = note.into();
        if !self.0.contains(&note) {
            self.0.push(note);
        }
    }
}

/// What a JSON object looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Error,
    OAuth,
    Other,
}

fn kind(map: &Map<String, Value>) -> Kind {
    let oauth_described = map.contains_key("error_description") || map.contains_key("description");
    let error_keys = ERROR_KEYS.iter().any(|k| map.contains_key(*k));
    if map.get("error").is_some_and(Value::is_string)
        && !map.contains_key("code")
        && (oauth_described || !error_keys)
    {
        Kind::OAuth
    } else if error_keys {
        Kind::Error
    } else {
        Kind::Other
    }
}

fn form_of(value: &Value) -> BodyForm {
    match value {
        Value::Object(map) => match kind(map) {
            Kind::Error => BodyForm::ErrorBody,
            Kind::OAuth => BodyForm::OAuthError,
            Kind::Other => BodyForm::OtherJson,
        },
        _ => BodyForm::OtherJson,
    }
}

fn starts_json(body: &str) -> bool {
    body.starts_with('{') || body.starts_with('[')
}

/// The body's form and the JSON value to read errors from, if any.
fn decode(body: &str, raw_len: usize, lead: usize, notes: &mut Notes) -> (BodyForm, Option<Value>) {
    if body.is_empty() {
        notes.push(if raw_len == 0 {
            "empty body"
        } else {
            "empty body (whitespace only)"
        });
        return (BodyForm::Empty, None);
    }
    if is_html(body) {
        notes.push("an HTML page: a proxy or load balancer answered, not the API");
        if let Some(title) = html_title(body) {
            notes.push(format!("page title: {title}"));
        }
        return (BodyForm::Html, None);
    }
    match serde_json::from_str::<Value>(body) {
        Ok(Value::String(inner)) => match serde_json::from_str::<Value>(inner.trim()) {
            Ok(value @ Value::Object(_)) => {
                notes.push("the body is a JSON string holding JSON (encoded twice)");
                (form_of(&value), Some(value))
            }
            _ => (BodyForm::OtherJson, Some(Value::String(inner))),
        },
        Ok(value) => (form_of(&value), Some(value)),
        Err(e) if starts_json(body) && e.classify() == Category::Eof => {
            notes.push(format!("the body was cut off at byte {raw_len}"));
            let value = repair(body);
            note_repair(value.as_ref(), notes);
            (BodyForm::TruncatedJson, value)
        }
        Err(e) => embedded(body, raw_len, lead, &e, notes),
    }
}

fn note_repair(value: Option<&Value>, notes: &mut Notes) {
    notes.push(if value.is_some() {
        "decoded what parsed before the cut; the last value may be incomplete"
    } else {
        "nothing could be decoded before the cut"
    });
}

/// Find a JSON object inside text: the first with a `code`, else the first
/// that looks like an error, else the first object. A cut-off object that
/// starts before it wins.
fn embedded(
    body: &str,
    raw_len: usize,
    lead: usize,
    whole: &serde_json::Error,
    notes: &mut Notes,
) -> (BodyForm, Option<Value>) {
    let mut first: Option<(usize, Value)> = None;
    let mut errorish: Option<(usize, Value)> = None;
    let mut truncated_at = None;
    for (tries, (pos, _)) in body.match_indices('{').enumerate() {
        if tries == MAX_CANDIDATES {
            notes.push(format!(
                "stopped looking for JSON after {MAX_CANDIDATES} '{{' characters"
            ));
            break;
        }
        let rest = &body[pos..];
        match Value::deserialize(&mut serde_json::Deserializer::from_str(rest)) {
            Ok(Value::Object(map)) => {
                let has_code = map.get("code").is_some_and(Value::is_string);
                let kind = kind(&map);
                let value = Value::Object(map);
                if has_code && kind == Kind::Error {
                    errorish = Some((pos, value));
                    break;
                }
                if kind != Kind::Other && errorish.is_none() {
                    errorish = Some((pos, value));
                } else if first.is_none() {
                    first = Some((pos, value));
                }
            }
            Err(e)
                if e.classify() == Category::Eof
                    && truncated_at.is_none()
                    && rest[1..].trim_start().starts_with('"') =>
            {
                truncated_at = Some(pos);
            }
            _ => {}
        }
    }
    let chosen = errorish.or(first);
    if let Some(cut) = truncated_at.filter(|t| chosen.as_ref().is_none_or(|(pos, _)| t < pos)) {
        notes.push(format!(
            "text around JSON: the JSON at byte {} was cut off at byte {raw_len}",
            lead + cut
        ));
        let value = repair(&body[cut..]);
        note_repair(value.as_ref(), notes);
        return (BodyForm::TruncatedJson, value);
    }
    if let Some((pos, value)) = chosen {
        notes.push(format!(
            "text around JSON: decoded the JSON object at byte {}",
            lead + pos
        ));
        return (BodyForm::Text, Some(value));
    }
    if starts_json(body) {
        notes.push(format!("starts like JSON but is malformed: {whole}"));
        let value = repair(&body[..error_offset(body, whole)])
            .filter(|v| matches!(v, Value::Object(m) if kind(m) != Kind::Other));
        if value.is_some() {
            notes.push("decoded what parsed before the error");
        }
        return (BodyForm::Text, value);
    }
    notes.push("plain text, no JSON object found");
    (BodyForm::Text, None)
}

fn oauth_error(map: &Map<String, Value>, status: Option<u16>) -> ExplainedError {
    let field = |name: &str| map.get(name).and_then(text);
    let code = field("error");
    let (explanation, next_step) = codes::oauth(code.as_deref());
    ExplainedError {
        depth: 0,
        message: field("error_description").or_else(|| field("description")),
        code,
        status: status.map(i64::from),
        explanation,
        next_step: next_step.to_owned(),
        evidence: Evidence::assumed("§4"),
        context_id: None,
        details: Vec::new(),
        limit: None,
    }
}

/// An error with no body to read: only the status and maybe a text line.
fn bare_error(status: Option<u16>, message: Option<String>) -> ExplainedError {
    ExplainedError {
        depth: 0,
        code: None,
        status: status.map(i64::from),
        message,
        explanation: String::new(),
        next_step: String::new(),
        evidence: Evidence::assumed("§2"),
        context_id: None,
        details: Vec::new(),
        limit: None,
    }
}

/// Attach explanations; an error without a status inherits its parent's.
fn fill_explanations(errors: &mut [ExplainedError], status: Option<u16>) {
    let mut by_depth: Vec<Option<i64>> = Vec::new();
    for error in errors {
        by_depth.truncate(error.depth);
        let inherited = by_depth.last().copied().flatten().or(status.map(i64::from));
        let effective = error.status.or(inherited);
        by_depth.push(effective);
        if !error.explanation.is_empty() {
            continue; // an OAuth error, already explained
        }
        let declared = error
            .code
            .as_deref()
            .filter(|c| error_codes::lookup(c).is_some());
        let (explanation, next_step) = match declared.and_then(codes::for_code) {
            Some(text) => {
                error.evidence = Evidence::documented("§2");
                text
            }
            None => codes::for_status(effective),
        };
        error.explanation = explanation.to_owned();
        error.next_step = next_step.to_owned();
        let fields: Vec<&str> = error
            .details
            .iter()
            .filter_map(|d| d.field_name.as_deref())
            .collect();
        if !fields.is_empty() {
            error.next_step.push_str(" Fields named in details: ");
            error.next_step.push_str(&fields.join(", "));
            error.next_step.push('.');
        }
    }
}

/// A message for an error with no JSON: the page title or the first line.
fn text_message(form: BodyForm, body: &str) -> Option<String> {
    match form {
        BodyForm::Html => html_title(body),
        BodyForm::Text => body
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(|l| l.chars().take(MAX_TEXT_MESSAGE).collect()),
        _ => None,
    }
}
