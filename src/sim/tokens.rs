//! `GET /api/v2/tokens/me` (§10): what the simulator knows of the caller's
//! token, as a `TokenInfo`. The route needs no permission (§10); the bearer
//! check of every `/api/v2` call (401) has already passed.
//!
//! The organization is a fixed demo one and the OAuth client is the one the
//! simulator has (`--client-id`), named after it: both assumed values.
//! `authorizedScope` is empty: client-credentials tokens carry roles, not
//! scopes (§4); whether the server sends `[]` or leaves the field out is
//! assumed. `dateTokenIdles` ("when token is due to expire", [PY269]) is the
//! token's own expiry.

use std::time::{Instant, SystemTime};

use axum::Json;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use super::auth;
use super::errors::ErrorAnswer;
use super::state::SimState;
use crate::genesys::{NamedEntity, TokenInfo};

/// The demo organization's id (assumed, fixed so that runs compare).
pub(crate) const ORGANIZATION_ID: &str = "5b9b3c2e-6f1a-4d8e-9c7b-0a1e2f3d4c5b";
/// The demo organization's name (assumed).
pub(crate) const ORGANIZATION_NAME: &str = "gc-attrs simulator";

/// The OAuth client's name (assumed).
pub(crate) const CLIENT_NAME: &str = "simulated OAuth client";

/// `GET /api/v2/tokens/me`.
pub(crate) fn me(state: &SimState, headers: &HeaderMap) -> Result<Response, ErrorAnswer> {
    let expires_at =
        auth::bearer_expiry(state, headers).ok_or_else(ErrorAnswer::bad_credentials)?;
    let left = expires_at.saturating_duration_since(Instant::now());
    let idles = SystemTime::now()
        .checked_add(left)
        .map(|at| humantime::format_rfc3339_millis(at).to_string());
    let named = |id: &str, name: &str| NamedEntity {
        id: Some(id.to_owned()),
        name: Some(name.to_owned()),
        ..NamedEntity::default()
    };
    let client_id = &state.config.client_id;
    let info = TokenInfo {
        organization: Some(named(ORGANIZATION_ID, ORGANIZATION_NAME)),
        home_organization: Some(named(ORGANIZATION_ID, ORGANIZATION_NAME)),
        authorized_scope: Some(Vec::new()),
        oauth_client: Some(named(client_id, CLIENT_NAME)),
        date_token_idles: idles,
        ..TokenInfo::default()
    };
    Ok(Json(info).into_response())
}
