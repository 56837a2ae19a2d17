//! OAuth client credentials (§4) and the bearer check of every `/api/v2` call.
//!
//! `POST /oauth/token` sits on the same address as the API: SDKs whose host
//! has no `api.` prefix post there. Client authentication is HTTP Basic
//! (`base64(id:secret)`) with the form body `grant_type=client_credentials`.
//! Errors use the OAuth shape `{error, description, error_description}` with
//! the RFC 6749 names; the names and statuses are assumed (§4 gives the shape
//! only). Neither the secret nor a token is ever logged.

use std::time::Instant;

use axum::Json;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::body::media_type_is;
use super::errors::ErrorAnswer;
use super::limits::Bucket;
use super::seconds_rounded_up;
use super::state::{SimState, lock};
use crate::genesys::{AuthErrorResponse, AuthResponse};

/// An issued token's expiry. The token itself is the map key; every token
/// belongs to the one OAuth client the simulator has.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub expires_at: Instant,
}

/// The path of the token endpoint.
pub(crate) const TOKEN_PATH: &str = "/oauth/token";

/// `POST /oauth/token`.
pub(crate) fn token(state: &SimState, headers: &HeaderMap, body: &[u8]) -> Response {
    match issue(state, headers, body) {
        Ok(answer) => {
            let mut response = Json(answer).into_response();
            // RFC 6749 §5.1: token answers must not be cached.
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(error) => error.into_response(),
    }
}

/// The bucket of a token request: the client's login bucket when it carries
/// the client's valid credentials, else the anonymous login bucket.
pub(crate) fn login_bucket(state: &SimState, headers: &HeaderMap) -> Bucket {
    match basic_credentials(headers) {
        Some((id, secret))
            if id == state.config.client_id && secret == state.config.client_secret =>
        {
            Bucket::Login
        }
        _ => Bucket::AnonymousLogin,
    }
}

/// An OAuth error answer.
struct OauthError {
    status: StatusCode,
    error: &'static str,
    description: &'static str,
}

impl IntoResponse for OauthError {
    fn into_response(self) -> Response {
        let body = AuthErrorResponse {
            error: Some(self.error.to_owned()),
            description: Some(self.description.to_owned()),
            error_description: Some(self.description.to_owned()),
        };
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"oauth\""),
            );
        }
        response
    }
}

fn issue(state: &SimState, headers: &HeaderMap, body: &[u8]) -> Result<AuthResponse, OauthError> {
    let config = &state.config;
    let (id, secret) = basic_credentials(headers).ok_or(OauthError {
        description: "Client authentication failed: send Authorization: Basic base64(client_id:client_secret).",
        ..invalid_client_error()
    })?;
    if id != config.client_id || secret != config.client_secret {
        return Err(OauthError {
            description: "Client authentication failed: unknown client id or wrong secret.",
            ..invalid_client_error()
        });
    }
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| media_type_is(v, "application/x-www-form-urlencoded"));
    if !form {
        return Err(OauthError {
            status: StatusCode::BAD_REQUEST,
            error: "invalid_request",
            description: "Send the body as application/x-www-form-urlencoded: grant_type=client_credentials.",
        });
    }
    let grant = url::form_urlencoded::parse(body)
        .find(|(key, _)| key == "grant_type")
        .map(|(_, value)| value.into_owned());
    match grant.as_deref() {
        Some("client_credentials") => {}
        None => {
            return Err(OauthError {
                status: StatusCode::BAD_REQUEST,
                error: "invalid_request",
                description: "The form body has no grant_type; send grant_type=client_credentials.",
            });
        }
        Some(_) => {
            return Err(OauthError {
                status: StatusCode::BAD_REQUEST,
                error: "unsupported_grant_type",
                description: "This simulator supports only grant_type=client_credentials.",
            });
        }
    }
    let access_token = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    let now = Instant::now();
    // `SimConfig::validate` caps the lifetime at 48 h (§4), so the sum fits;
    // the fallback keeps even an unvalidated lifetime from panicking.
    let expires_at = now
        .checked_add(config.token_ttl)
        .unwrap_or_else(|| now + super::MAX_TOKEN_TTL);
    let mut tokens = lock(&state.tokens);
    tokens.retain(|_, token| token.expires_at > now);
    tokens.insert(access_token.clone(), Token { expires_at });
    Ok(AuthResponse {
        access_token,
        token_type: "bearer".to_owned(),
        expires_in: seconds_rounded_up(config.token_ttl),
        refresh_token: None,
    })
}

fn invalid_client_error() -> OauthError {
    OauthError {
        status: StatusCode::UNAUTHORIZED,
        error: "invalid_client",
        description: "Client authentication failed.",
    }
}

/// The (id, secret) of an `Authorization: Basic …` header.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// Checks the request's bearer token (§2): no bearer ->
/// `authentication.required`; an unknown or expired one -> `bad.credentials`.
pub(crate) fn bearer(state: &SimState, headers: &HeaderMap) -> Result<(), ErrorAnswer> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .filter(|token| !token.is_empty())
        .ok_or_else(ErrorAnswer::authentication_required)?;
    let tokens = lock(&state.tokens);
    match tokens.get(token) {
        Some(found) if found.expires_at > Instant::now() => Ok(()),
        _ => Err(ErrorAnswer::bad_credentials()),
    }
}

/// The expiry of the request's bearer token, if it is one the simulator
/// issued and it has not expired.
pub(crate) fn bearer_expiry(state: &SimState, headers: &HeaderMap) -> Option<Instant> {
    let token = headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .trim()
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))?
        .1
        .trim();
    let now = Instant::now();
    lock(&state.tokens)
        .get(token)
        .map(|found| found.expires_at)
        .filter(|at| *at > now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_credentials_are_decoded() {
        let mut headers = HeaderMap::new();
        let value = format!("Basic {}", STANDARD.encode("demo-client:pa:ss"));
        headers.insert(header::AUTHORIZATION, value.parse().unwrap());
        assert_eq!(
            basic_credentials(&headers),
            Some(("demo-client".into(), "pa:ss".into()))
        );
        headers.insert(header::AUTHORIZATION, "Bearer abc".parse().unwrap());
        assert_eq!(basic_credentials(&headers), None);
    }
}
