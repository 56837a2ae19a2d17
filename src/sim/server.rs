//! The HTTP face: the router and the one handler every request passes
//! (correlation id, latency, whole-body read, rate limit), which answers the
//! token endpoint itself and matches `/api/v2` paths against the route table
//! of `genesys` (`ROUTES`).
//!
//! Every request's body is read to its end (up to the limit, and drained a
//! while past it) before anything is answered: an answer given while a body
//! is still arriving makes hyper close the connection, and the client, still
//! writing, sees it reset instead of reading the answer (issue 9, item 8e).
//!
//! Order of checks: rate limit (429) on the request's bucket (see `limits`),
//! then the body limit (413), then for an `/api/v2` call: bearer (401),
//! injected faults (429, 503), route (404 for an unknown path or a verb the
//! path does not have), then the route's own checks: content type (415),
//! JSON syntax and body schema (400), conversation and participant (404),
//! the stored-attributes cap (400).

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, header};
use axum::response::Response;
use futures_util::StreamExt;

use super::errors::ErrorAnswer;
use super::limits::{self, Bucket, WINDOW};
use super::state::{SimState, lock};
use super::{attributes, auth, conversations, routing, secure, tokens};
use crate::genesys::routes::inventory::inventory;
use crate::genesys::{Route, RouteKind, Verb};

/// The correlation id header every answer carries (§4); hyper writes header
/// names in lower case, and clients match them case-insensitively.
const CORRELATION: HeaderName = HeaderName::from_static("inin-correlation-id");

/// `Retry-After` of an injected (random) 429, in seconds.
const THROTTLE_RETRY_AFTER: u64 = 1;

/// How far past the body limit a body is still read (and thrown away), so
/// that its 413 reaches the client on a connection that stays usable.
/// Longer bodies get their 413 at once, with `Connection: close`.
const DRAIN_PAST_LIMIT: usize = 16 << 20;

/// The simulator as an axum [`Router`] over `state`: serve it with
/// `axum::serve` on any listener (a benchmark can do so in-process).
/// [`super::start`] builds the state, binds and serves this router with the
/// configured connection timeouts.
pub fn router(state: Arc<SimState>) -> Router {
    Router::new()
        .fallback(handle)
        // The handler reads bodies itself, with the configured limit.
        .layer(DefaultBodyLimit::disable())
        .with_state(state)
}

/// A fresh correlation id: a uuid v4, hyphenated, in lower case. It names an
/// exchange, it guards nothing, so a fast thread-local generator serves
/// (tokens use the OS's). Written into a buffer of its own, not a `String`:
/// one allocation less on every request.
fn correlation_id() -> CorrelationId {
    let mut text = [0u8; uuid::fmt::Hyphenated::LENGTH];
    uuid::Builder::from_random_bytes(fastrand::u128(..).to_le_bytes())
        .into_uuid()
        .hyphenated()
        .encode_lower(&mut text);
    CorrelationId(text)
}

/// A correlation id's text.
struct CorrelationId([u8; uuid::fmt::Hyphenated::LENGTH]);

impl CorrelationId {
    fn as_str(&self) -> &str {
        // Always ASCII: hex digits and hyphens.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// Why a body was not read.
enum Unread {
    /// Longer than the limit; `drained` when it was read to its end anyway.
    TooLarge { drained: bool },
    /// The connection failed or the framing was broken mid-body.
    Broken,
}

/// The whole body, if it fits in `limit` bytes. A body that does not is
/// still read and dropped up to [`DRAIN_PAST_LIMIT`] past the limit.
async fn read_body(body: Body, headers: &HeaderMap, limit: usize) -> Result<Bytes, Unread> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let drain_limit = limit.saturating_add(DRAIN_PAST_LIMIT);
    if declared.is_some_and(|length| length > drain_limit) {
        return Err(Unread::TooLarge { drained: false });
    }
    let mut stream = body.into_data_stream();
    let mut first: Option<Bytes> = None;
    let mut rest: Vec<u8> = Vec::new();
    let mut seen = 0usize;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| Unread::Broken)?;
        seen = seen.saturating_add(chunk.len());
        if seen > drain_limit {
            return Err(Unread::TooLarge { drained: false });
        }
        if seen > limit {
            // Keep draining, keep nothing.
            first = None;
            rest = Vec::new();
            continue;
        }
        match &first {
            None if rest.is_empty() => first = Some(chunk),
            _ => {
                if let Some(head) = first.take() {
                    rest.extend_from_slice(&head);
                }
                rest.extend_from_slice(&chunk);
            }
        }
    }
    if seen > limit {
        return Err(Unread::TooLarge { drained: true });
    }
    Ok(first.unwrap_or_else(|| Bytes::from(rest)))
}

/// Every request: a fresh correlation id (header and `contextId`), the
/// configured latency, the whole body, and the rate limit, whose three
/// headers every answer carries (issue 3), 401s, the token endpoint and
/// unknown routes included.
async fn handle(State(state): State<Arc<SimState>>, request: Request) -> Response {
    let id = correlation_id();
    let id = id.as_str();
    if !state.config.latency.is_zero() {
        tokio::time::sleep(state.config.latency).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = read_body(body, &parts.headers, state.config.max_request_body).await;
    let path = parts.uri.path();
    let token_path = path == auth::TOKEN_PATH;
    let caller = if token_path {
        None
    } else {
        Some(auth::bearer(&state, &parts.headers))
    };
    let bucket = match &caller {
        None => auth::login_bucket(&state, &parts.headers),
        Some(Ok(())) => Bucket::Client,
        Some(Err(_)) => Bucket::Anonymous,
    };
    let rate = limits::hit(
        &mut lock(&state.windows),
        bucket,
        state.config.rate_limit,
        Instant::now(),
    );
    let mut close = false;
    let mut response = if rate.exceeded() {
        ErrorAnswer::too_many_requests(rate.allowed, WINDOW.as_secs(), rate.reset_seconds)
            .render(id)
    } else {
        match bytes {
            Err(Unread::TooLarge { drained }) => {
                close = !drained;
                ErrorAnswer::body_too_large(state.config.max_request_body).render(id)
            }
            Err(Unread::Broken) => {
                close = true;
                ErrorAnswer::body_unreadable().render(id)
            }
            Ok(bytes) if token_path => {
                if parts.method == Method::POST {
                    auth::token(&state, &parts.headers, &bytes)
                } else {
                    ErrorAnswer::wrong_verb(parts.method.as_str(), path, &["POST"]).render(id)
                }
            }
            Ok(bytes) => dispatch(&state, &parts, caller, &bytes, id),
        }
    };
    rate.apply(response.headers_mut());
    if let Ok(value) = HeaderValue::from_str(id) {
        response.headers_mut().insert(CORRELATION, value);
    }
    if close {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// Every request but the token endpoint.
fn dispatch(
    state: &SimState,
    parts: &Parts,
    caller: Option<Result<(), ErrorAnswer>>,
    bytes: &Bytes,
    id: &str,
) -> Response {
    let path = parts.uri.path();
    if !path.starts_with("/api/v2/") {
        return ErrorAnswer::unknown_route(parts.method.as_str(), path).render(id);
    }
    if let Some(Err(error)) = caller {
        return error.render(id);
    }
    match api_call(state, parts, bytes) {
        Ok(response) => response,
        Err(error) => error.render(id),
    }
}

fn api_call(state: &SimState, parts: &Parts, bytes: &Bytes) -> Result<Response, ErrorAnswer> {
    let (throttle, fail) = state.draw_faults();
    if throttle {
        return Err(ErrorAnswer::too_many_requests(
            state.config.rate_limit,
            WINDOW.as_secs(),
            THROTTLE_RETRY_AFTER,
        ));
    }
    if fail {
        return Err(ErrorAnswer::service_unavailable());
    }
    let path = parts.uri.path();
    let method = parts.method.as_str();
    // A route removed from the spec (chats) is served as if it never existed.
    let mut routes = routing::routes_for(path);
    // The few routes outside /api/v2/conversations (`OTHER_ROUTES`), e.g. tokens/me.
    if let Some(other) = method
        .parse::<Verb>()
        .ok()
        .and_then(|verb| Route::outside_conversations(verb, path))
    {
        routes.push(other);
    }
    let Some((route, params)) = routes
        .iter()
        .find(|(route, _)| route.verb.as_str() == method)
    else {
        // The complete route list (§7) knows the path's real verbs, also of
        // the routes the simulator does not serve.
        return Err(match inventory().lookup(path) {
            Some(real) if real.verbs().iter().any(|v| v.as_str() == method) => {
                ErrorAnswer::not_simulated(method, path)
            }
            Some(real) => {
                let verbs: Vec<&str> = real.verbs().into_iter().map(Verb::as_str).collect();
                ErrorAnswer::wrong_verb(method, path, &verbs)
            }
            None => ErrorAnswer::unknown_route(method, path),
        });
    };
    let conversation_id = params.conversation_id.as_deref().unwrap_or_default();
    match route.kind {
        RouteKind::Conversation => conversations::get(state, route.media, conversation_id),
        RouteKind::ParticipantAttributes => {
            attributes::patch_attributes(state, route, params, &parts.headers, bytes)
        }
        RouteKind::Participant => {
            attributes::patch_participant(state, route, params, &parts.headers, bytes)
        }
        RouteKind::SecureAttributes => {
            secure::handle(state, route.verb, conversation_id, &parts.headers, bytes)
        }
        RouteKind::TokenInfo => tokens::me(state, &parts.headers),
    }
}
