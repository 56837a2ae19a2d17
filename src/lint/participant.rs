//! Rules on the participant PATCH body, `MediaParticipantRequest`, which has
//! no `attributes` field.

use std::sync::Arc;

use serde_json::{Map, Value, json};

use super::body::{kind, stringify};
use super::request::Ids;
use super::{Finding, Fix, Location, rules};
use crate::genesys::{
    AttributeRoute, CommunicationState, Media, MediaParticipantRequest, Verb, WrapupInput,
};

pub(crate) fn check(body: Option<&Value>, ids: &Ids, out: &mut Vec<Finding>) {
    let Some(Value::Object(object)) = body else {
        return;
    };
    // One corrected body, shared by every fix of this request's fields.
    let corrected = Arc::new(Value::Object(corrected(object)));
    let fix = |summary: String| {
        Some(Fix {
            summary,
            body: Some(Arc::clone(&corrected)),
            ..Fix::default()
        })
    };
    for (key, value) in object {
        if key == "attributes" {
            attributes(value, ids, out);
        } else if !MediaParticipantRequest::FIELDS.contains(&key.as_str()) {
            let suggestion = suggestion(key);
            let hint = suggestion.map_or_else(
                || {
                    format!(
                        "Its fields are {}.",
                        MediaParticipantRequest::FIELDS.join(", ")
                    )
                },
                |s| format!("Did you mean `{s}`?"),
            );
            out.push(rules::PARTICIPANT_UNKNOWN_FIELD.finding(
                Location::pointer(&[key]),
                format!("unknown field `{key}`"),
                format!(
                    "MediaParticipantRequest has no field `{key}`. {hint} Fields are camelCase; how the \
                     server treats unknown fields is not documented (the simulator rejects them)."
                ),
                fix(suggestion.map_or_else(|| format!("Remove `{key}`."), |s| format!("Use `{s}`."))),
            ));
        } else if let Some(problem) = invalid(key, value) {
            out.push(rules::PARTICIPANT_INVALID_VALUE.finding(
                Location::pointer(&[key]),
                format!("`{key}` {problem}"),
                "A value of the wrong type or outside the enum gets 400 (invalid.value: \"Value [%s] is \
                 not valid for field type [%s]. Allowable values are: %s\")."
                    .into(),
                fix(format!("Correct or remove `{key}`.")),
            ));
        }
    }
}

fn attributes(value: &Value, ids: &Ids, out: &mut Vec<Finding>) {
    let attributes: Map<String, Value> = value
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), Value::String(stringify(v))))
                .collect()
        })
        .unwrap_or_default();
    // The media's own attribute route when it has a current one, else the generic one.
    let media = ids
        .media
        .as_deref()
        .and_then(Media::from_segment)
        .filter(|m| m.attribute_route() == AttributeRoute::Available);
    let path = ids.attributes_path(media);
    out.push(rules::PARTICIPANT_ATTRIBUTES.finding(
        Location::pointer(&["attributes"]),
        "the participant PATCH has no attributes field".into(),
        "PATCH …/participants/{participantId} takes MediaParticipantRequest (wrapup, state, recording, \
         muted, confined, held, wrapupSkipped, resumeTime): there is no attributes field, so the \
         attributes are not updated, whatever the status. patch_conversation_call_participant does not \
         exist and patch_conversations_call_participant does not take attributes (§5 g). Attributes go \
         to …/participants/{participantId}/attributes."
            .into(),
        Some(Fix {
            summary: "Send the attributes to the attributes route.".into(),
            verb: Some(Verb::Patch),
            path: Some(path),
            body: Some(Arc::new(json!({ "attributes": attributes }))),
            ..Fix::default()
        }),
    ));
}

/// The camelCase field a misspelt key most likely means.
fn suggestion(key: &str) -> Option<&'static str> {
    let folded: String = key
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .collect::<String>()
        .to_ascii_lowercase();
    if folded.starts_with("wrapup") && folded != "wrapupskipped" {
        return Some("wrapup");
    }
    MediaParticipantRequest::FIELDS
        .iter()
        .copied()
        .find(|f| f.to_ascii_lowercase() == folded)
}

fn invalid(key: &str, value: &Value) -> Option<String> {
    match key {
        "recording" | "muted" | "confined" | "held" | "wrapupSkipped" if !value.is_boolean() => {
            Some(format!("is {}, not a boolean", kind(value)))
        }
        "state" => match value.as_str() {
            None => Some(format!("is {}, not a string", kind(value))),
            Some(state) if !CommunicationState::from_wire(state).is_known() => Some(format!(
                "`{state}` is not a communication state ({}); the description says \"connected\" or \"disconnected\"",
                CommunicationState::KNOWN.join(", ")
            )),
            Some(_) => None,
        },
        "resumeTime" if !value.is_string() => Some(format!(
            "is {}, not an ISO-8601 date-time string",
            kind(value)
        )),
        "wrapup" => serde_json::from_value::<WrapupInput>(value.clone())
            .err()
            .map(|e| format!("is not a WrapupInput: {e}")),
        _ => None,
    }
}

/// The body with attributes removed, misspelt fields renamed, unknown ones dropped.
fn corrected(object: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    for (key, value) in object {
        if key == "attributes" {
            continue;
        }
        if MediaParticipantRequest::FIELDS.contains(&key.as_str()) {
            if invalid(key, value).is_none() {
                out.insert(key.clone(), value.clone());
            }
        } else if let Some(field) = suggestion(key) {
            let value = if field == "wrapup" && !value.is_object() {
                json!({ "code": stringify(value) })
            } else {
                value.clone()
            };
            if invalid(field, &value).is_none() {
                out.insert(field.to_owned(), value);
            }
        }
    }
    out
}
