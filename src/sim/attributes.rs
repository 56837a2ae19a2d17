//! The participant writers: the attribute PATCH on the generic route and on
//! each media route (§1.1), and the participant PATCH (`MediaParticipantRequest`,
//! §1.2).
//!
//! - Generic attribute route: 202 with an empty body (documented).
//! - Media attribute routes: 202 with a `ParticipantAttributes` body; its
//!   content (the participant's attributes after the update) is assumed.
//! - Per-key merge is assumed (§6 3); `replace_on_patch` replaces instead.
//!   A body without `attributes` changes nothing in either mode.
//! - The participant PATCH checks its body's keys and types against
//!   `MediaParticipantRequest` (which has no `attributes` field) and then
//!   answers 202 without changing anything: participant state is not simulated.

use std::time::Instant;

use axum::Json;
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::body;
use super::conversations::with_stored;
use super::errors::ApiError;
use super::state::{SimState, Stored};
use super::views::{conversation_has_media, has_media};
use crate::genesys::{Media, MediaParticipantRequest, ParticipantAttributes, PathParams, Route};

const ATTRIBUTES_MODEL: &str = "ParticipantAttributes";
const PARTICIPANT_MODEL: &str = "MediaParticipantRequest";

/// `PATCH …/participants/{participantId}/attributes`, generic or per media.
pub(crate) fn patch_attributes(
    state: &SimState,
    route: &Route,
    params: &PathParams,
    headers: &HeaderMap,
    bytes: &Bytes,
) -> Result<Response, ApiError> {
    let config = &state.config;
    let update = match body::json_object(headers, bytes, ATTRIBUTES_MODEL, route.body_required)? {
        None => None,
        Some(mut map) => {
            body::unknown_keys(&mut map, &["attributes"], ATTRIBUTES_MODEL, config.lenient)?;
            let value = map.remove("attributes");
            // The one documented server message about attribute values (§2).
            if matches!(value, Some(Value::Null)) {
                return Err(ApiError::null_attribute_map());
            }
            body::attribute_map(value, config.lenient)?
        }
    };
    let (conversation_id, participant_id) = ids(params);
    let visible_at =
        (!config.visibility_delay.is_zero()).then(|| Instant::now() + config.visibility_delay);
    let after = with_stored(state, conversation_id, |stored| {
        check_participant(stored, conversation_id, participant_id, route.media)?;
        let current = stored.latest_attributes(participant_id);
        let Some(update) = update else {
            return Ok(current);
        };
        let next = if config.replace_on_patch {
            update
        } else {
            let mut merged = current;
            merged.extend(update);
            merged
        };
        stored.write_attributes(participant_id, next.clone(), visible_at);
        Ok(next)
    })?;
    if route.media.is_none() {
        return Ok(StatusCode::ACCEPTED.into_response());
    }
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
) -> Result<Response, ApiError> {
    let lenient = state.config.lenient;
    if let Some(mut map) =
        body::json_object(headers, bytes, PARTICIPANT_MODEL, route.body_required)?
    {
        body::unknown_keys(
            &mut map,
            MediaParticipantRequest::FIELDS,
            PARTICIPANT_MODEL,
            lenient,
        )?;
        serde_json::from_value::<MediaParticipantRequest>(Value::Object(map))
            .map_err(|err| ApiError::invalid_body(PARTICIPANT_MODEL, &err))?;
    }
    let (conversation_id, participant_id) = ids(params);
    with_stored(state, conversation_id, |stored| {
        check_participant(stored, conversation_id, participant_id, route.media)
    })?;
    Ok(StatusCode::ACCEPTED.into_response())
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
) -> Result<(), ApiError> {
    if let Some(media) = media
        && !conversation_has_media(&stored.conversation, media)
    {
        return Err(ApiError::media_not_found(conversation_id, media.segment()));
    }
    let not_participant = || ApiError::not_participant(conversation_id, participant_id);
    let participant = stored
        .participant(participant_id)
        .ok_or_else(not_participant)?;
    match media {
        Some(media) if !has_media(participant, media) => Err(not_participant()),
        _ => Ok(()),
    }
}
