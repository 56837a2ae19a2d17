//! The participant writers: the attribute PATCH on the generic route and on
//! each media route (§1.1), and the participant PATCH (`MediaParticipantRequest`,
//! §1.2).
//!
//! - Generic attribute route: 202 with an empty body (documented).
//! - Media attribute routes: 202 with a `ParticipantAttributes` body; its
//!   content (the participant's attributes after the update) is assumed.
//! - Per-key merge is assumed (§6 3); `replace_on_patch` replaces instead.
//!   A body without `attributes` changes nothing in either mode.
//! - With `flow_writeback` set, a PATCH to a participant a flow holds is
//!   reverted, for the keys the flow had set, when the flow ends (§12;
//!   timing and held-participant rule assumed: see `flow`).
//! - Which of these behaviours apply is read from the live settings
//!   ([`SimState::settings`]) once per request.
//! - A write after which the participant's attributes would take more than
//!   `max_stored_attributes` bytes (keys and values) is 400 `bad.request`
//!   naming the cap, and stores nothing (assumed: no REST limit is
//!   documented, §6 5; the cap bounds the simulator's memory).
//! - The participant PATCH checks its body's keys and types against
//!   `MediaParticipantRequest` (which has no `attributes` field) and then
//!   answers 202 without changing anything: participant state is not simulated.
//!   An unknown key is 400 `bad.request` (strict) or dropped (lenient), as in
//!   the attribute bodies; a value of the wrong type is 400 `invalid.value`
//!   naming the field, as a non-string attribute value is (both assumed).

use std::time::{Instant, SystemTime};

use axum::Json;
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::body;
use super::conversations::with_stored;
use super::errors::ErrorAnswer;
use super::state::{SimState, Stored};
use super::views::{conversation_has_media, has_media};
use crate::genesys::{
    CommunicationState, Media, MediaParticipantRequest, ParticipantAttributes, PathParams, Route,
    WrapupInput,
};

const ATTRIBUTES_MODEL: &str = "ParticipantAttributes";
const PARTICIPANT_MODEL: &str = "MediaParticipantRequest";
const WRAPUP_MODEL: &str = "WrapupInput";

/// The JSON names of `WrapupInput`'s fields (§2).
const WRAPUP_FIELDS: &[&str] = &[
    "code",
    "name",
    "notes",
    "tags",
    "durationSeconds",
    "endTime",
    "provisional",
    "disableEndTimeUpdates",
];

/// `PATCH …/participants/{participantId}/attributes`, generic or per media.
pub(crate) fn patch_attributes(
    state: &SimState,
    route: &Route,
    params: &PathParams,
    headers: &HeaderMap,
    bytes: &Bytes,
) -> Result<Response, ErrorAnswer> {
    let config = &state.config;
    // Read once: a switch mid-request applies from the next one.
    let settings = state.settings();
    let update = match body::json_object(headers, bytes, ATTRIBUTES_MODEL, route.body_required)? {
        None => None,
        Some(mut map) => {
            body::unknown_keys(
                &mut map,
                &["attributes"],
                ATTRIBUTES_MODEL,
                settings.lenient,
            )?;
            let value = map.remove("attributes");
            // The one documented server message about attribute values (§2),
            // declared in 2018 for the participant PATCH; answering it here,
            // and with 400 (§2 gives it no status), is assumed.
            if matches!(value, Some(Value::Null)) {
                return Err(ErrorAnswer::null_attribute_map());
            }
            body::attribute_map(value, settings.lenient)?
        }
    };
    let (conversation_id, participant_id) = ids(params);
    let (now, wall) = (Instant::now(), SystemTime::now());
    let delay = settings.visibility_delay;
    let visible_at = (!delay.is_zero()).then(|| now + delay);
    let media_route = route.media.is_some();
    let after = with_stored(state, conversation_id, |stored| {
        check_participant(stored, conversation_id, participant_id, route.media)?;
        if let Some(update) = update {
            let replace = settings.replace_on_patch;
            let flow_keys = match settings.flow_writeback {
                Some(_) => stored.keys_for_flow(participant_id, &update, replace),
                None => Vec::new(),
            };
            stored
                .update_attributes(
                    participant_id,
                    update,
                    replace,
                    visible_at,
                    config.max_stored_attributes,
                )
                .map_err(|size| {
                    ErrorAnswer::attributes_too_large(
                        "attributes",
                        config.max_stored_attributes,
                        size,
                    )
                })?;
            // The flow writes back once the PATCH shows, then after its delay (assumed).
            if let Some(wait) = settings.flow_writeback
                && !flow_keys.is_empty()
            {
                let due = now + delay + wait;
                stored.schedule_write_back(participant_id, &flow_keys, due, wall + delay + wait);
            }
        }
        // Only the media routes answer the attributes (§1.1).
        Ok(media_route.then(|| stored.latest_attributes(participant_id)))
    })?;
    let Some(after) = after else {
        return Ok(StatusCode::ACCEPTED.into_response());
    };
    let body = ParticipantAttributes {
        attributes: Some(after),
    };
    Ok((StatusCode::ACCEPTED, Json(body)).into_response())
}

/// `PATCH …/participants/{participantId}` (`MediaParticipantRequest`).
pub(crate) fn patch_participant(
    state: &SimState,
    route: &Route,
    params: &PathParams,
    headers: &HeaderMap,
    bytes: &Bytes,
) -> Result<Response, ErrorAnswer> {
    if let Some(map) = body::json_object(headers, bytes, PARTICIPANT_MODEL, route.body_required)? {
        check_participant_request(map, state.settings().lenient)?;
    }
    let (conversation_id, participant_id) = ids(params);
    with_stored(state, conversation_id, |stored| {
        check_participant(stored, conversation_id, participant_id, route.media)
    })?;
    Ok(StatusCode::ACCEPTED.into_response())
}

/// Checks a `MediaParticipantRequest` field by field: unknown keys (also
/// inside `wrapup`) as [`body::unknown_keys`] does, then each value's type;
/// every wrong type is one `invalid.value` naming the field.
fn check_participant_request(
    mut map: Map<String, Value>,
    lenient: bool,
) -> Result<(), ErrorAnswer> {
    body::unknown_keys(
        &mut map,
        MediaParticipantRequest::FIELDS,
        PARTICIPANT_MODEL,
        lenient,
    )?;
    let mut problems = Vec::new();
    for (key, value) in map {
        if key == "wrapup"
            && let Value::Object(mut wrapup) = value
        {
            body::unknown_keys_at("wrapup.", &mut wrapup, WRAPUP_FIELDS, WRAPUP_MODEL, lenient)?;
            for (inner, value) in wrapup {
                if !fits::<WrapupInput>(&inner, &value) {
                    problems.push(wrong_type(&format!("wrapup.{inner}"), &value));
                }
            }
        } else if !fits::<MediaParticipantRequest>(&key, &value) {
            problems.push(wrong_type(&key, &value));
        }
    }
    ErrorAnswer::combine(problems).map_or(Ok(()), Err)
}

/// Whether `{key: value}` alone deserializes as `T` (whose fields are all
/// optional), i.e. whether the value has the field's type.
fn fits<T: DeserializeOwned>(key: &str, value: &Value) -> bool {
    let mut one = Map::new();
    one.insert(key.to_owned(), value.clone());
    serde_json::from_value::<T>(Value::Object(one)).is_ok()
}

/// `invalid.value` for a participant-request field, with its §2 type.
fn wrong_type(field: &str, value: &Value) -> ErrorAnswer {
    let (kind, allowed) = field_type(field);
    ErrorAnswer::invalid_value(field, value, kind, &allowed)
}

/// The type (§2) of a `MediaParticipantRequest` field, `wrapup.` fields
/// included, and the values it allows, for `invalid.value`.
fn field_type(field: &str) -> (&'static str, String) {
    let (kind, allowed) = match field {
        "wrapup" => ("WrapupInput", "a JSON object (WrapupInput)"),
        "state" => {
            let known = CommunicationState::KNOWN.join(", ");
            return ("string", format!("a JSON string, e.g. one of: {known}"));
        }
        "recording"
        | "muted"
        | "confined"
        | "held"
        | "wrapupSkipped"
        | "wrapup.provisional"
        | "wrapup.disableEndTimeUpdates" => ("boolean", "true, false"),
        "resumeTime" | "wrapup.endTime" => ("date-time", "an ISO-8601 date-time string"),
        "wrapup.code" | "wrapup.name" | "wrapup.notes" => ("string", "any JSON string"),
        "wrapup.tags" => ("array<string>", "a JSON array of strings"),
        "wrapup.durationSeconds" => ("integer", "a whole number"),
        _ => ("unknown", "see MediaParticipantRequest"),
    };
    (kind, allowed.to_owned())
}

fn ids(params: &PathParams) -> (&str, &str) {
    (
        params.conversation_id.as_deref().unwrap_or_default(),
        params.participant_id.as_deref().unwrap_or_default(),
    )
}

/// The conversation has the route's media (else 404 `not.found`, assumed),
/// and the participant is in it with that media (else 404
/// `conversation.error.not.conversation.participant`).
fn check_participant(
    stored: &Stored,
    conversation_id: &str,
    participant_id: &str,
    media: Option<Media>,
) -> Result<(), ErrorAnswer> {
    if let Some(media) = media
        && !conversation_has_media(&stored.conversation, media)
    {
        return Err(ErrorAnswer::media_not_found(
            conversation_id,
            media.segment(),
        ));
    }
    let not_participant = || ErrorAnswer::not_participant(conversation_id, participant_id);
    let participant = stored
        .participant(participant_id)
        .ok_or_else(not_participant)?;
    match media {
        Some(media) if !has_media(participant, media) => Err(not_participant()),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn every_participant_field_has_its_type() {
        for field in MediaParticipantRequest::FIELDS {
            assert_ne!(field_type(field).0, "unknown", "{field}");
        }
        for field in WRAPUP_FIELDS {
            assert_ne!(
                field_type(&format!("wrapup.{field}")).0,
                "unknown",
                "{field}"
            );
        }
        // WRAPUP_FIELDS is exactly WrapupInput.
        let full = WrapupInput {
            code: Some(String::new()),
            name: Some(String::new()),
            notes: Some(String::new()),
            tags: Some(Vec::new()),
            duration_seconds: Some(0),
            end_time: Some(String::new()),
            provisional: Some(false),
            disable_end_time_updates: Some(false),
        };
        let value = serde_json::to_value(full).unwrap();
        let mut names: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = WRAPUP_FIELDS.to_vec();
        names.sort_unstable();
        expected.sort_unstable();
        assert_eq!(names, expected);
    }

    #[test]
    fn wrong_types_are_invalid_values_naming_the_field() {
        let body = |v: Value| v.as_object().cloned().unwrap();
        let err = check_participant_request(body(json!({"held": "yes"})), false).unwrap_err();
        assert_eq!(err.status, StatusCode::BAD_REQUEST);
        assert_eq!(err.body.code.as_deref(), Some("invalid.value"));
        let params = err.body.message_params.clone().unwrap();
        assert_eq!(
            (params["value"].as_str(), params["type"].as_str()),
            ("yes", "boolean")
        );
        assert_eq!(
            err.body.details.unwrap()[0].field_name.as_deref(),
            Some("held")
        );

        let err = check_participant_request(
            body(json!({"muted": 1, "wrapup": {"durationSeconds": "10", "code": "c"}})),
            false,
        )
        .unwrap_err();
        let fields: Vec<_> = err
            .body
            .details
            .unwrap()
            .into_iter()
            .filter_map(|d| d.field_name)
            .collect();
        assert_eq!(fields, ["muted", "wrapup.durationSeconds"]);

        let err =
            check_participant_request(body(json!({"wrapup": {"cod": "c"}})), false).unwrap_err();
        assert_eq!(err.body.code.as_deref(), Some("bad.request"));
        assert_eq!(err.body.message_params.unwrap()["field"], "wrapup.cod");
        assert!(check_participant_request(body(json!({"wrapup": {"cod": "c"}})), true).is_ok());
        assert!(
            check_participant_request(
                body(json!({"state": "connected", "wrapup": {"tags": ["a"]}, "held": null})),
                false
            )
            .is_ok()
        );
        // Lenient mode drops unknown keys only: a wrong type stays an error.
        assert!(check_participant_request(body(json!({"held": "yes"})), true).is_err());
    }
}
