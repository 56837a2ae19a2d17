//! The client-credentials token endpoint.

use gc_attrs::genesys::AuthErrorResponse;
use gc_attrs::sim::SimConfig;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::*;

#[tokio::test]
async fn a_token_for_good_credentials() {
    let h = Harness::start(config()).await;
    let answer = token_request(
        &h.http,
        &h.sim.base_url(),
        "demo-client",
        "demo-secret",
        "client_credentials",
    )
    .await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert!(answer.headers().contains_key("inin-correlation-id"));
    assert_eq!(answer.headers()["cache-control"], "no-store");
    let body: Value = answer.json().await.unwrap();
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(body["expires_in"], 86_400);
    assert!(body["access_token"].as_str().unwrap().len() >= 32);
    assert_ne!(
        body["access_token"],
        h.token.as_str(),
        "each login issues a new token"
    );
}

#[tokio::test]
async fn wrong_credentials_and_grants_get_the_oauth_error_shape() {
    let h = Harness::start(config()).await;
    let base = h.sim.base_url();
    let cases = [
        (
            "demo-client",
            "wrong-secret",
            "client_credentials",
            401,
            "invalid_client",
        ),
        (
            "other-client",
            "demo-secret",
            "client_credentials",
            401,
            "invalid_client",
        ),
        (
            "demo-client",
            "demo-secret",
            "password",
            400,
            "unsupported_grant_type",
        ),
    ];
    for (id, secret, grant, status, error) in cases {
        let answer = token_request(&h.http, &base, id, secret, grant).await;
        assert_eq!(answer.status().as_u16(), status, "{id}/{grant}");
        let text = answer.text().await.unwrap();
        assert!(!text.contains(secret), "the secret is echoed: {text}");
        let body: AuthErrorResponse = serde_json::from_str(&text).unwrap();
        assert_eq!(body.error.as_deref(), Some(error));
        assert!(body.description.is_some() && body.error_description.is_some());
    }
    // No Basic header at all, and a JSON body instead of a form.
    let answer = h
        .http
        .post(format!("{base}/oauth/token"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::UNAUTHORIZED);
    let answer = h
        .http
        .post(format!("{base}/oauth/token"))
        .basic_auth("demo-client", Some("demo-secret"))
        .json(&json!({"grant_type": "client_credentials"}))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
    let body: AuthErrorResponse = answer.json().await.unwrap();
    assert_eq!(body.error.as_deref(), Some("invalid_request"));
}

#[tokio::test]
async fn custom_credentials_and_token_lifetime() {
    let h = Harness::start(SimConfig {
        client_id: "trainer".into(),
        client_secret: "s3cret".into(),
        token_ttl: std::time::Duration::from_secs(300),
        ..config()
    })
    .await;
    let answer = token_request(
        &h.http,
        &h.sim.base_url(),
        "trainer",
        "s3cret",
        "client_credentials",
    )
    .await;
    let body: Value = answer.json().await.unwrap();
    assert_eq!(body["expires_in"], 300);
    let answer = token_request(
        &h.http,
        &h.sim.base_url(),
        "demo-client",
        "demo-secret",
        "client_credentials",
    )
    .await;
    assert_eq!(answer.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_longest_token_lifetime_still_issues_tokens() {
    // 48 h, the cap of --token-ttl (§4); longer lifetimes are refused, so an
    // expiry instant never overflows.
    let h = Harness::start(SimConfig {
        token_ttl: gc_attrs::sim::MAX_TOKEN_TTL,
        ..config()
    })
    .await;
    let answer = token_request(
        &h.http,
        &h.sim.base_url(),
        "demo-client",
        "demo-secret",
        "client_credentials",
    )
    .await;
    let body: Value = answer.json().await.unwrap();
    assert_eq!(body["expires_in"], 172_800);
    let answer = h.get(&format!("/api/v2/conversations/{CALL}")).await;
    assert_eq!(answer.status(), StatusCode::OK);
    let too_long = SimConfig {
        token_ttl: std::time::Duration::from_secs(u64::MAX),
        ..config()
    };
    let err = gc_attrs::sim::start(too_long, "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("172800"), "{err}");
}
