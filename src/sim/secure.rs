//! The real PUT/PATCH pair (§1.5): `GET|PUT|PATCH
//! /api/v2/conversations/{id}/secureattributes`, body
//! `ConversationSecureAttributes {attributes, version}`.
//!
//! Each conversation starts at version 1 and every accepted write adds one.
//! PUT checks `version` ("used to detect conflicting updates when using PUT",
//! documented); a version other than the current one is 400 `bad.request`
//! naming both (assumed: no conflict code is declared), and a PUT without a
//! version is not checked (assumed). PATCH ignores `version` (documented:
//! "Not used for PATCH"). That PUT replaces the whole map and PATCH merges
//! per key is this simulator's design (assumed: §1.5 says only how `version`
//! is used). Writes answer 202 with a JSON string, the new version (the SDKs
//! return `str`; the content and the 202 are assumed). Absent or `null`
//! `attributes` means none: PUT then empties the map (assumed). A write after
//! which the map would take more than `max_stored_attributes` bytes (keys and
//! values) is 400 `bad.request` naming the cap and changes nothing, version
//! included (assumed, as for participant attributes).

use axum::Json;
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::body;
use super::conversations::with_stored;
use super::errors::ErrorAnswer;
use super::state::{SimState, attributes_size, merged_size};
use crate::genesys::{ConversationSecureAttributes, Verb};

const MODEL: &str = "ConversationSecureAttributes";

/// Any verb of the secure-attributes path.
pub(crate) fn handle(
    state: &SimState,
    verb: Verb,
    conversation_id: &str,
    headers: &HeaderMap,
    bytes: &Bytes,
) -> Result<Response, ErrorAnswer> {
    if verb == Verb::Get {
        return with_stored(state, conversation_id, |stored| {
            let body = ConversationSecureAttributes {
                attributes: Some(stored.secure.attributes.clone()),
                version: Some(stored.secure.version),
            };
            Ok(Json(body).into_response())
        });
    }
    let lenient = state.settings().lenient;
    let mut map = body::json_object(headers, bytes, MODEL, true)?.unwrap_or_default();
    body::unknown_keys(&mut map, &["attributes", "version"], MODEL, lenient)?;
    let version = body::version(map.get("version"))?;
    let attributes = body::attribute_map(map.remove("attributes"), lenient)?;
    let cap = state.config.max_stored_attributes;
    with_stored(state, conversation_id, |stored| {
        let secure = &mut stored.secure;
        if verb == Verb::Put
            && let Some(sent) = version
            && sent != secure.version
        {
            return Err(ErrorAnswer::stale_version(sent, secure.version));
        }
        let attributes = attributes.unwrap_or_default();
        let size = if verb == Verb::Put {
            attributes_size(&attributes)
        } else {
            merged_size(&secure.attributes, &attributes)
        };
        if size > cap {
            return Err(ErrorAnswer::attributes_too_large("attributes", cap, size));
        }
        if verb == Verb::Put {
            secure.attributes = attributes;
        } else {
            secure.attributes.extend(attributes);
        }
        secure.version += 1;
        Ok((StatusCode::ACCEPTED, Json(secure.version.to_string())).into_response())
    })
}
