//! The real PUT/PATCH pair: `…/conversations/{id}/secureattributes`.

use gc_attrs::genesys::ConversationSecureAttributes;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::*;

async fn read(h: &Harness, conversation: &str) -> ConversationSecureAttributes {
    let answer = h
        .get(&format!(
            "/api/v2/conversations/{conversation}/secureattributes"
        ))
        .await;
    assert_eq!(answer.status(), StatusCode::OK);
    answer.json().await.unwrap()
}

async fn written(answer: reqwest::Response) -> String {
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    assert!(
        answer.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let body: Value = answer.json().await.unwrap();
    body.as_str().expect("a JSON string").to_owned()
}

#[tokio::test]
async fn put_replaces_and_checks_the_version_patch_amends() {
    let h = Harness::start(config()).await;
    let path = format!("/api/v2/conversations/{CALL}/secureattributes");
    let start = read(&h, CALL).await;
    assert_eq!(start.version, Some(1));
    assert!(
        start
            .attributes
            .as_ref()
            .unwrap()
            .contains_key("verifiedPin")
    );

    // PUT with the current version replaces the whole map.
    let version = written(
        h.put(&path, &json!({"attributes": {"pin": "0000"}, "version": 1}))
            .await,
    )
    .await;
    assert_eq!(version, "2");
    let now = read(&h, CALL).await;
    assert_eq!(now.version, Some(2));
    assert_eq!(
        now.attributes.unwrap().into_iter().collect::<Vec<_>>(),
        [("pin".to_owned(), "0000".to_owned())]
    );

    // A stale version is refused, naming both versions; nothing changes.
    let answer = h
        .put(&path, &json!({"attributes": {"x": "y"}, "version": 1}))
        .await;
    let error = expect_error(answer, 400, "bad.request").await;
    let params = error.message_params.unwrap();
    assert_eq!(
        (
            params["version"].as_str(),
            params["currentVersion"].as_str()
        ),
        ("1", "2")
    );
    assert_eq!(
        error.details.unwrap()[0].field_name.as_deref(),
        Some("version")
    );
    assert_eq!(read(&h, CALL).await.version, Some(2));

    // PATCH merges and ignores the version, stale or not.
    let version = written(
        h.patch(&path, &json!({"attributes": {"extra": "ß"}, "version": 1}))
            .await,
    )
    .await;
    assert_eq!(version, "3");
    let now = read(&h, CALL).await;
    let attributes = now.attributes.unwrap();
    assert_eq!(
        (attributes["pin"].as_str(), attributes["extra"].as_str()),
        ("0000", "ß")
    );

    // PUT without a version replaces unchecked.
    let version = written(h.put(&path, &json!({"attributes": {"fresh": "1"}})).await).await;
    assert_eq!(version, "4");
    assert_eq!(read(&h, CALL).await.attributes.unwrap().len(), 1);
}

#[tokio::test]
async fn secure_bodies_are_checked_like_the_others() {
    let h = Harness::start(config()).await;
    let path = format!("/api/v2/conversations/{EMAIL}/secureattributes");
    let answer = h
        .put(&path, &json!({"attributes": {"a": 1}, "version": 1}))
        .await;
    expect_error(answer, 400, "invalid.value").await;
    let answer = h
        .put(&path, &json!({"attributes": {}, "version": "1"}))
        .await;
    expect_error(answer, 400, "invalid.value").await;
    let answer = h.patch(&path, &json!({"secureAttributes": {}})).await;
    expect_error(answer, 400, "bad.request").await;
    let answer = h.send(reqwest::Method::DELETE, &path, None, "").await;
    let error = expect_error(answer, 404, "not.found").await;
    assert_eq!(error.message_params.unwrap()["allowed"], "GET, PUT, PATCH");
    let answer = h
        .get("/api/v2/conversations/00000000-0000-4000-8000-000000000000/secureattributes")
        .await;
    expect_error(answer, 404, "not.found").await;
    assert_eq!(
        read(&h, EMAIL).await.version,
        Some(1),
        "no rejected write counts"
    );
}
