//! Every error answer: bearer, lookups, body checks, routes; strict and lenient.

use std::time::Duration;

use gc_attrs::sim::SimConfig;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::*;

#[tokio::test]
async fn the_bearer_is_required_and_checked() {
    let h = Harness::start(config()).await;
    let url = h.url(&format!("/api/v2/conversations/{CALL}"));
    let answer = h.http.get(&url).send().await.unwrap();
    expect_error(answer, 401, "authentication.required").await;
    let answer = h
        .http
        .get(&url)
        .basic_auth("demo-client", Some("demo-secret"))
        .send()
        .await
        .unwrap();
    expect_error(answer, 401, "authentication.required").await;
    let answer = h
        .http
        .get(&url)
        .bearer_auth("made-up-token")
        .send()
        .await
        .unwrap();
    let text = {
        assert_eq!(answer.status(), StatusCode::UNAUTHORIZED);
        assert!(answer.headers().get("inin-ratelimit-count").is_none());
        answer.text().await.unwrap()
    };
    assert!(
        text.contains("bad.credentials") && !text.contains("made-up-token"),
        "{text}"
    );
    let answer = h
        .http
        .get(&url)
        .bearer_auth("made-up-token")
        .send()
        .await
        .unwrap();
    expect_error(answer, 401, "bad.credentials").await;
}

#[tokio::test]
async fn an_expired_token_is_bad_credentials() {
    let h = Harness::start(SimConfig {
        token_ttl: Duration::from_millis(300),
        ..config()
    })
    .await;
    assert_eq!(
        h.get(&format!("/api/v2/conversations/{CALL}"))
            .await
            .status(),
        StatusCode::OK
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    let answer = h.get(&format!("/api/v2/conversations/{CALL}")).await;
    expect_error(answer, 401, "bad.credentials").await;
}

#[tokio::test]
async fn unknown_conversations_and_participants() {
    let h = Harness::start(config()).await;
    let missing = "00000000-0000-4000-8000-000000000000";
    for path in [
        format!("/api/v2/conversations/{missing}"),
        format!("/api/v2/conversations/calls/{missing}"),
        attributes_path(missing, CALL_CUSTOMER),
    ] {
        let answer = if path.ends_with("attributes") {
            h.patch(&path, &json!({"attributes": {"a": "b"}})).await
        } else {
            h.get(&path).await
        };
        let error = expect_error(answer, 404, "not.found").await;
        assert_eq!(error.message_params.unwrap()["conversationId"], missing);
        assert_eq!(error.entity_id.as_deref(), Some(missing));
    }
    // A participant of another conversation.
    let answer = h
        .patch(
            &attributes_path(CALL, EMAIL_CUSTOMER),
            &json!({"attributes": {"a": "b"}}),
        )
        .await;
    let error = expect_error(
        answer,
        404,
        "conversation.error.not.conversation.participant",
    )
    .await;
    let params = error.message_params.unwrap();
    assert_eq!(
        (
            params["participantId"].as_str(),
            params["conversationId"].as_str()
        ),
        (EMAIL_CUSTOMER, CALL)
    );
}

#[tokio::test]
async fn malformed_json_names_line_and_column() {
    let h = Harness::start(config()).await;
    let body = "{\n  \"attributes\": {\"a\": \"b\",}\n}";
    let answer = h
        .send(
            Method::PATCH,
            &attributes_path(CALL, CALL_CUSTOMER),
            Some("application/json"),
            body,
        )
        .await;
    let error = expect_error(answer, 400, "bad.request").await;
    let params = error.message_params.unwrap();
    assert_eq!(params["line"], "2");
    assert!(params["column"].parse::<u32>().unwrap() > 20);
    assert!(error.message.unwrap().contains("line 2 column"));
    // A JSON value that is not an object (a JSON Patch array, say).
    let answer = h
        .send(
            Method::PATCH,
            &attributes_path(CALL, CALL_CUSTOMER),
            Some("application/json"),
            r#"[{"op":"add","path":"/a","value":"b"}]"#,
        )
        .await;
    expect_error(answer, 400, "bad.request").await;
}

#[tokio::test]
async fn only_application_json_is_accepted() {
    let h = Harness::start(config()).await;
    let body = r#"{"attributes":{"a":"b"}}"#;
    for content_type in [
        Some("application/json-patch+json"),
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let answer = h
            .send(
                Method::PATCH,
                &attributes_path(CALL, CALL_CUSTOMER),
                content_type,
                body,
            )
            .await;
        let error = expect_error(answer, 415, "unsupported.media.type").await;
        let expected = content_type.unwrap_or("(none)");
        assert_eq!(error.message_params.unwrap()["contentType"], expected);
    }
    let answer = h
        .send(
            Method::PATCH,
            &attributes_path(CALL, CALL_CUSTOMER),
            Some("application/json; charset=UTF-8"),
            body,
        )
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
}

#[tokio::test]
async fn unknown_keys_and_non_string_values_are_rejected_by_default() {
    let h = Harness::start(config()).await;
    let path = attributes_path(CALL, CALL_CUSTOMER);
    let before = h.attributes(CALL, CALL_CUSTOMER).await;
    let answer = h
        .patch(&path, &json!({"customAttributes": {"a": "b"}}))
        .await;
    let error = expect_error(answer, 400, "bad.request").await;
    assert_eq!(error.message_params.unwrap()["field"], "customAttributes");
    assert_eq!(
        error.details.unwrap()[0].field_name.as_deref(),
        Some("customAttributes")
    );

    let answer = h
        .patch(
            &path,
            &json!({"attributes": {"count": 42, "ok": "fine", "flag": true}}),
        )
        .await;
    let error = expect_error(answer, 400, "invalid.value").await;
    // Keys come in order: `count` first.
    assert_eq!(
        error.message.as_deref(),
        Some(
            "Value [42] is not valid for field type [string]. Allowable values are: any JSON string (quote numbers and booleans)"
        )
    );
    let fields: Vec<_> = error
        .details
        .unwrap()
        .into_iter()
        .filter_map(|d| d.field_name)
        .collect();
    assert_eq!(fields, ["attributes.count", "attributes.flag"]);
    assert_eq!(error.errors.unwrap().len(), 2);

    let answer = h.patch(&path, &json!({"attributes": null})).await;
    let error = expect_error(answer, 400, "conversation.error.participant.attribute.null").await;
    assert_eq!(
        error.message.as_deref(),
        Some("Cannot update participant attribute map to a null value.")
    );
    let answer = h.patch(&path, &json!({"attributes": "a=b"})).await;
    expect_error(answer, 400, "invalid.value").await;
    assert_eq!(
        h.attributes(CALL, CALL_CUSTOMER).await,
        before,
        "no rejected write applies"
    );
}

#[tokio::test]
async fn lenient_mode_drops_what_strict_mode_rejects() {
    let h = Harness::start(SimConfig {
        lenient: true,
        ..config()
    })
    .await;
    let path = attributes_path(CALL, CALL_CUSTOMER);
    let answer = h
        .patch(
            &path,
            &json!({"attributes": {"count": 42, "ok": "fine", "gone": null}, "type": "contact"}),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    let after = h.attributes(CALL, CALL_CUSTOMER).await;
    assert_eq!(after["ok"], "fine");
    assert!(after.get("count").is_none() && after.get("gone").is_none());
    // A null map stays a (documented) error.
    let answer = h.patch(&path, &json!({"attributes": null})).await;
    expect_error(answer, 400, "conversation.error.participant.attribute.null").await;
    // The participant PATCH drops `attributes` too.
    let answer = h
        .patch(
            &format!("/api/v2/conversations/{CALL}/participants/{CALL_AGENT}"),
            &json!({"attributes": {"a": "b"}}),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
}

#[tokio::test]
async fn unknown_routes_and_missing_verbs_are_404() {
    let h = Harness::start(config()).await;
    for path in [
        "/api/v2/conversations/voice/123/participants/456/attributes",
        "/api/v2/nothing",
        "/api/v2/conversations/participants/attributes/search",
    ] {
        let answer = h.get(path).await;
        let error = expect_error(answer, 404, "not.found").await;
        assert_eq!(error.message_params.unwrap()["path"], path);
    }
    let answer = h.get("/not-api").await;
    expect_error(answer, 404, "not.found").await;

    let path = attributes_path(CALL, CALL_CUSTOMER);
    for method in [Method::PUT, Method::GET, Method::POST, Method::DELETE] {
        let answer = h
            .send(
                method.clone(),
                &path,
                Some("application/json"),
                r#"{"attributes":{"a":"b"}}"#,
            )
            .await;
        let error = expect_error(answer, 404, "not.found").await;
        let params = error.message_params.unwrap();
        assert_eq!(params["method"], method.as_str());
        assert_eq!(params["allowed"], "PATCH");
    }
    let answer = h
        .send(
            Method::PUT,
            &format!("/api/v2/conversations/{CALL}/participants/{CALL_AGENT}"),
            Some("application/json"),
            "{}",
        )
        .await;
    expect_error(answer, 404, "not.found").await;
    let answer = h.http.get(h.url("/oauth/token")).send().await.unwrap();
    let error = expect_error(answer, 404, "not.found").await;
    assert_eq!(error.message_params.unwrap()["allowed"], "POST");
}

#[tokio::test]
async fn every_answer_has_a_fresh_correlation_id() {
    let h = Harness::start(config()).await;
    let mut seen = std::collections::HashSet::new();
    for _ in 0..5 {
        let answer = h.get(&format!("/api/v2/conversations/{CALL}")).await;
        let id = answer.headers()["inin-correlation-id"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(uuid_like(&id));
        assert!(seen.insert(id));
    }
}
