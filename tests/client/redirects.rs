//! No redirect is followed on a write; a read follows them on its own origin
//! only, and the exchange records the URL that answered.

use std::sync::atomic::Ordering;

use super::hostile::redirector;
use super::support::*;

fn client(base: &str) -> Client {
    Client::new(ClientConfig::new(
        Target::parse(base).unwrap(),
        Credentials::AccessToken(Secret::new("pre-set")),
    ))
    .unwrap()
}

#[tokio::test]
async fn a_write_is_never_redirected_and_its_3xx_is_the_answer() {
    let server = redirector();
    let client = client(&server.base);
    for verb in ["PATCH", "PUT", "POST", "DELETE"] {
        let request = RawRequest::json(verb, "/api/v2/write", &json!({"attributes": {"a": "1"}}));
        let exchange = client.send(&request).await.unwrap();
        assert_eq!(exchange.status(), Some(307), "{verb}");
        assert!(!exchange.is_success());
        assert!(exchange.url.ends_with("/api/v2/write"), "{}", exchange.url);
    }
    // A 303 would have turned the PATCH into a GET answered 200.
    let request = RawRequest::json("PATCH", "/api/v2/see-other", &json!({"attributes": {}}));
    assert_eq!(client.send(&request).await.unwrap().status(), Some(303));
    assert_eq!(
        server.other_hits.load(Ordering::SeqCst),
        0,
        "no body went elsewhere"
    );
}

#[tokio::test]
async fn a_read_follows_redirects_on_its_own_origin_only() {
    let server = redirector();
    let client = client(&server.base);
    let moved = client
        .send(&RawRequest::get("/api/v2/moved"))
        .await
        .unwrap();
    assert_eq!(moved.status(), Some(200));
    assert!(
        moved.url.ends_with("/api/v2/landing"),
        "the final URL: {}",
        moved.url
    );
    let away = client.send(&RawRequest::get("/api/v2/away")).await.unwrap();
    assert_eq!(away.status(), Some(302), "not followed to another host");
    assert_eq!(server.other_hits.load(Ordering::SeqCst), 0);
}
