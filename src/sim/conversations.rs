//! The conversation reads (§1.3): `GET /api/v2/conversations/{id}` answers
//! the stored `Conversation`; the media views derive from it (`views`). A
//! media view of a conversation without that media is 404 `not.found`
//! (assumed).

use axum::Json;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::errors::ErrorAnswer;
use super::state::{SimState, Stored, lock};
use super::views;
use crate::genesys::Media;

/// Runs `f` on the stored conversation, after making due writes visible and
/// applying due flow write-backs; logs the write-backs applied.
pub(crate) fn with_stored<R>(
    state: &SimState,
    conversation_id: &str,
    f: impl FnOnce(&mut Stored) -> Result<R, ErrorAnswer>,
) -> Result<R, ErrorAnswer> {
    let mut store = lock(&state.store);
    let stored = store
        .get_mut(conversation_id)
        .ok_or_else(|| ErrorAnswer::conversation_not_found(conversation_id))?;
    stored.flush(std::time::Instant::now());
    let result = f(stored);
    state.log_flow_writes(conversation_id, stored);
    result
}

/// `GET /api/v2/conversations/{id}`, or the view of `media`.
pub(crate) fn get(
    state: &SimState,
    media: Option<Media>,
    conversation_id: &str,
) -> Result<Response, ErrorAnswer> {
    with_stored(state, conversation_id, |stored| {
        let Some(media) = media else {
            return Ok(Json(&stored.conversation).into_response());
        };
        match views::media_view(&stored.conversation, media) {
            Ok(Some(view)) => {
                Ok(([(header::CONTENT_TYPE, "application/json")], view).into_response())
            }
            Ok(None) => Err(ErrorAnswer::media_not_found(
                conversation_id,
                media.segment(),
            )),
            Err(err) => Err(ErrorAnswer::fixture_mismatch(conversation_id, &err)),
        }
    })
}
