//! The HTTP face: the router, the layer every request passes (correlation
//! id, latency, rate limit), and the dispatcher that matches `/api/v2` paths
//! against the route table of `genesys` (`ROUTES`).
//!
//! Order of checks: rate limit (429) on the request's bucket (the client of a
//! valid bearer, else the anonymous one), then for an `/api/v2` call: bearer
//! (401), injected faults (429, 503), route (404 for an unknown path or a
//! verb the path does not have), then the route's own checks: content type
//! (415), JSON syntax and body schema (400), conversation and participant
//! (404).

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::post;

use super::errors::ErrorAnswer;
use super::limits::{self, Bucket, WINDOW};
use super::state::{SimState, lock};
use super::{attributes, auth, body, conversations, secure};
use crate::genesys::routes::inventory::inventory;
use crate::genesys::{Lifecycle, Route, RouteKind, Verb};

/// The correlation id header every answer carries (§4); hyper writes header
/// names in lower case, and clients match them case-insensitively.
const CORRELATION: HeaderName = HeaderName::from_static("inin-correlation-id");

/// `Retry-After` of an injected (random) 429, in seconds.
const THROTTLE_RETRY_AFTER: u64 = 1;

/// The correlation id of one request, set by the layer before any handler.
#[derive(Debug, Clone)]
struct CorrelationId(String);

/// The layer's bearer check of one request: the token's client, or why
/// there is none.
#[derive(Debug, Clone)]
struct Caller(Result<String, ErrorAnswer>);

/// The simulator as an axum [`Router`] over `state`, with every layer: serve
/// it with `axum::serve` on any listener (a benchmark can do so in-process).
/// [`super::start`] builds the state, binds and serves this router.
pub fn router(state: Arc<SimState>) -> Router {
    Router::new()
        .route(
            "/oauth/token",
            post(auth::token).fallback(auth::token_wrong_verb),
        )
        .fallback(dispatch)
        .layer(middleware::from_fn_with_state(
            Arc::clone(&state),
            correlate,
        ))
        .with_state(state)
}

/// The correlation id the layer gave this request.
pub(crate) fn correlation_id(request: &Request) -> String {
    request
        .extensions()
        .get::<CorrelationId>()
        .map_or_else(|| uuid::Uuid::new_v4().to_string(), |id| id.0.clone())
}

/// Every request passes here: a fresh correlation id (header and
/// `contextId`), the configured latency, and the rate limit, whose three
/// headers every answer carries (issue 3), 401s, the token endpoint and
/// unknown routes included.
async fn correlate(
    State(state): State<Arc<SimState>>,
    mut request: Request,
    next: Next,
) -> Response {
    let id = uuid::Uuid::new_v4().to_string();
    request.extensions_mut().insert(CorrelationId(id.clone()));
    if !state.config.latency.is_zero() {
        tokio::time::sleep(state.config.latency).await;
    }
    let caller = auth::bearer(&state, request.headers());
    let bucket = match &caller {
        Ok(client) => Bucket::Client(client.clone()),
        Err(_) => Bucket::Anonymous,
    };
    let rate = limits::hit(
        &mut lock(&state.windows),
        bucket,
        state.config.rate_limit,
        Instant::now(),
    );
    let mut response = if rate.exceeded() {
        ErrorAnswer::too_many_requests(rate.allowed, WINDOW.as_secs(), rate.reset_seconds)
            .render(&id)
    } else {
        request.extensions_mut().insert(Caller(caller));
        next.run(request).await
    };
    rate.apply(response.headers_mut());
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(CORRELATION, value);
    }
    response
}

/// Every request but the token endpoint.
async fn dispatch(State(state): State<Arc<SimState>>, request: Request) -> Response {
    let id = correlation_id(&request);
    let (mut parts, body) = request.into_parts();
    let path = parts.uri.path().to_owned();
    if !path.starts_with("/api/v2/") {
        return ErrorAnswer::unknown_route(parts.method.as_str(), &path).render(&id);
    }
    let caller = parts
        .extensions
        .remove::<Caller>()
        .map_or_else(|| auth::bearer(&state, &parts.headers), |caller| caller.0);
    if let Err(error) = caller {
        return error.render(&id);
    }
    match api_call(&state, &parts, body).await {
        Ok(response) => response,
        Err(error) => error.render(&id),
    }
}

async fn api_call(
    state: &SimState,
    parts: &Parts,
    body: axum::body::Body,
) -> Result<Response, ErrorAnswer> {
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
    let routes: Vec<_> = Route::for_path(path)
        .into_iter()
        .filter(|(route, _)| route.lifecycle != Lifecycle::Removed)
        .collect();
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
    let bytes = axum::body::to_bytes(body, body::MAX_BODY)
        .await
        .map_err(|_| ErrorAnswer::body_too_large(body::MAX_BODY))?;
    let conversation_id = params.conversation_id.as_deref().unwrap_or_default();
    match route.kind {
        RouteKind::Conversation => conversations::get(state, route.media, conversation_id),
        RouteKind::ParticipantAttributes => {
            attributes::patch_attributes(state, route, params, &parts.headers, &bytes)
        }
        RouteKind::Participant => {
            attributes::patch_participant(state, route, params, &parts.headers, &bytes)
        }
        RouteKind::SecureAttributes => {
            secure::handle(state, route.verb, conversation_id, &parts.headers, &bytes)
        }
    }
}
