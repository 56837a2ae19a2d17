//! `GET /api/v2/tokens/me` (§10): what the simulator knows of the caller's token.

use std::time::{Duration, SystemTime};

use gc_attrs::genesys::TokenInfo;
use gc_attrs::sim::SimConfig;
use reqwest::{Method, StatusCode};

use crate::support::*;

#[tokio::test]
async fn tokens_me_names_the_demo_org_the_configured_client_and_no_scopes() {
    let h = Harness::start(SimConfig {
        client_id: "whoami-client".to_owned(),
        token_ttl: Duration::from_secs(600),
        ..config()
    })
    .await;
    let answer = h.get("/api/v2/tokens/me").await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert!(answer.headers().contains_key("inin-correlation-id"));
    let text = answer.text().await.unwrap();
    assert!(!text.contains(&h.token), "the token is never echoed");
    let info: TokenInfo = serde_json::from_str(&text).unwrap();
    let org = info.organization.unwrap();
    assert_eq!(org.name.as_deref(), Some("gc-attrs simulator"));
    assert!(uuid_like(org.id.as_deref().unwrap()));
    assert_eq!(
        info.oauth_client.unwrap().id.as_deref(),
        Some("whoami-client")
    );
    assert_eq!(
        info.authorized_scope,
        Some(Vec::new()),
        "roles, not scopes (§4)"
    );
    let idles = humantime::parse_rfc3339(&info.date_token_idles.unwrap()).unwrap();
    let left = idles.duration_since(SystemTime::now()).unwrap();
    assert!(left <= Duration::from_secs(600), "{left:?}");
    assert!(left > Duration::from_secs(590), "{left:?}");
}

#[tokio::test]
async fn tokens_me_without_a_good_token_is_401_like_every_call() {
    let h = Harness::start(config()).await;
    let url = h.url("/api/v2/tokens/me");
    let bare = h.http.get(&url).send().await.unwrap();
    expect_error(bare, 401, "authentication.required").await;
    let wrong = h
        .http
        .get(&url)
        .bearer_auth("not-a-token")
        .send()
        .await
        .unwrap();
    expect_error(wrong, 401, "bad.credentials").await;
}

#[tokio::test]
async fn only_get_is_served_on_tokens_me() {
    let h = Harness::start(config()).await;
    let answer = h.send(Method::POST, "/api/v2/tokens/me", None, "").await;
    assert_eq!(answer.status(), StatusCode::NOT_FOUND);
}
