//! A hostile login host for the tests: it answers every `POST /oauth/token`
//! with one fixed status, content type and body (a captive portal's page,
//! garbage, a token answer with no usable token). Shared by the client and
//! CLI test binaries.

use std::future::Future;
use std::net::SocketAddr;

use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

/// Serves the router `make` builds on a free 127.0.0.1 port, from a thread
/// and runtime of its own (so that blocking tests can use it too); returns
/// the base URL.
fn serve<F, Fut>(make: F) -> String
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = axum::Router>,
{
    let (tx, rx) = std::sync::mpsc::channel::<SocketAddr>();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let app = make().await;
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    format!("http://{}", rx.recv().unwrap())
}

/// Serves the answer on every `POST /oauth/token`; returns the base URL.
pub fn token_host(status: u16, content_type: &'static str, body: &'static str) -> String {
    serve(move || async move {
        let answer = move || async move {
            (
                StatusCode::from_u16(status).unwrap(),
                [(header::CONTENT_TYPE, content_type)],
                body,
            )
                .into_response()
        };
        axum::Router::new().route("/oauth/token", axum::routing::post(answer))
    })
}

/// Answers a login host may give with status 200 and no usable token:
/// (what it is, content type, body).
pub const NO_TOKEN: &[(&str, &str, &str)] = &[
    (
        "a captive portal's page",
        "text/html",
        "<html><head><title>Hotel Wi-Fi: accept the terms</title></head></html>",
    ),
    ("garbage", "application/octet-stream", "\u{1}\u{2}garbage"),
    (
        "an empty access_token",
        "application/json",
        r#"{"access_token":"","token_type":"bearer","expires_in":86400}"#,
    ),
    (
        "expires_in 0",
        "application/json",
        r#"{"access_token":"t0k3n","token_type":"bearer","expires_in":0}"#,
    ),
    (
        "no expires_in",
        "application/json",
        r#"{"access_token":"t0k3n","token_type":"bearer"}"#,
    ),
    (
        "a negative expires_in",
        "application/json",
        r#"{"access_token":"t0k3n","token_type":"bearer","expires_in":-5}"#,
    ),
];

/// A server that redirects, and a second one that counts what reaches it.
pub struct Redirector {
    /// The redirecting server's base URL.
    pub base: String,
    /// How many requests reached the other host.
    pub other_hits: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

/// Serves, on 127.0.0.1: `…/write` answers 307 to the other host;
/// `…/see-other` answers 303 to `/landing`; GET `…/moved` answers 302 to
/// `/landing` on the same host; GET `…/away` answers 302 to the other host;
/// `/landing` answers 200 `{"ok":true}`.
pub fn redirector() -> Redirector {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let hits = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&hits);
    let base = serve(move || async move {
        let other = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let other_addr = other.local_addr().unwrap();
        let count = move || {
            let counted = Arc::clone(&counted);
            async move {
                counted.fetch_add(1, Ordering::SeqCst);
                "reached the other host"
            }
        };
        let other_app = axum::Router::new().fallback(count);
        tokio::spawn(async move { axum::serve(other, other_app).await.unwrap() });
        let away = format!("http://{other_addr}/api/v2/landing");
        let redirect = |status: u16, to: String| {
            move || async move {
                (
                    StatusCode::from_u16(status).unwrap(),
                    [(header::LOCATION, to)],
                    "",
                )
                    .into_response()
            }
        };
        axum::Router::new()
            .route(
                "/api/v2/write",
                axum::routing::any(redirect(307, away.clone())),
            )
            .route(
                "/api/v2/see-other",
                axum::routing::any(redirect(303, "/api/v2/landing".into())),
            )
            .route(
                "/api/v2/moved",
                axum::routing::get(redirect(302, "/api/v2/landing".into())),
            )
            .route("/api/v2/away", axum::routing::get(redirect(302, away)))
            .route(
                "/api/v2/landing",
                axum::routing::get(|| async {
                    (
                        [(header::CONTENT_TYPE, "application/json")],
                        r#"{"ok":true}"#,
                    )
                }),
            )
    });
    Redirector {
        base,
        other_hits: hits,
    }
}

/// Serves GET `/api/v2/endless` (64 KiB chunks, never ending), GET
/// `/api/v2/declared` (2 MiB, with its Content-Length) and GET
/// `/api/v2/small` (128 KiB, chunked) on 127.0.0.1; returns the base URL.
pub fn big_bodies() -> String {
    serve(|| async {
        let chunks = |limit: Option<usize>| {
            futures_util::stream::unfold(0usize, move |sent| async move {
                if limit.is_some_and(|l| sent >= l) {
                    return None;
                }
                let chunk = axum::body::Bytes::from(vec![b'x'; 64 * 1024]);
                Some((Ok::<_, std::io::Error>(chunk), sent + 64 * 1024))
            })
        };
        axum::Router::new()
            .route(
                "/api/v2/endless",
                axum::routing::get(
                    move || async move { axum::body::Body::from_stream(chunks(None)) },
                ),
            )
            .route(
                "/api/v2/small",
                axum::routing::get(move || async move {
                    axum::body::Body::from_stream(chunks(Some(128 * 1024)))
                }),
            )
            .route(
                "/api/v2/declared",
                axum::routing::get(|| async { vec![b'y'; 2 * 1024 * 1024] }),
            )
    })
}

/// Serves a host that echoes the credentials it is sent: `POST /oauth/token`
/// answers a token with the Basic credential quoted in a header and in the
/// body; any other request answers 400 with a Genesys error body whose
/// message quotes the `Authorization` header, the same header echoed in
/// `x-echo-authorization`, and a body that repeats it. Returns the base URL.
pub fn echoer() -> String {
    use axum::http::HeaderMap;

    serve(|| async {
        let auth = |headers: &HeaderMap| {
            headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let token = move |headers: HeaderMap| async move {
            let sent = auth(&headers);
            let body = serde_json::json!({
                "access_token": "fresh-token-from-the-echoer",
                "token_type": "bearer",
                "expires_in": 86400,
                "debug": format!("you sent {sent}"),
            });
            (
                [
                    (header::CONTENT_TYPE, "application/json".to_owned()),
                    (
                        header::HeaderName::from_static("x-echo-authorization"),
                        sent,
                    ),
                ],
                body.to_string(),
            )
                .into_response()
        };
        let other = move |headers: HeaderMap| async move {
            let sent = auth(&headers);
            let body = serde_json::json!({
                "message": format!("the credential {sent} is not accepted here"),
                "code": "bad.request",
                "status": 400,
                "messageParams": {"echo": sent},
                "contextId": "echo-context",
                "details": [],
                "errors": [],
            });
            (
                StatusCode::BAD_REQUEST,
                [
                    (header::CONTENT_TYPE, "application/json".to_owned()),
                    (
                        header::HeaderName::from_static("x-echo-authorization"),
                        sent,
                    ),
                ],
                body.to_string(),
            )
                .into_response()
        };
        axum::Router::new()
            .route("/oauth/token", axum::routing::post(token))
            .fallback(other)
    })
}
