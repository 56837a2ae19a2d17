//! Every error answer: bearer, lookups, body checks, routes; strict and lenient.

use std::time::{Duration, Instant};

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
        assert_rate_limit_headers(&answer);
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
    // No upper bound on how fast the machine is: the token is issued after
    // `before` and by the time `start` returns, so it is valid until at least
    // `before + ttl` and expired from `issued + ttl` on.
    let ttl = Duration::from_secs(3);
    let before = Instant::now();
    let h = Harness::start(SimConfig {
        token_ttl: ttl,
        ..config()
    })
    .await;
    let issued = Instant::now();
    let path = format!("/api/v2/conversations/{CALL}");
    let answer = h.get(&path).await;
    if before.elapsed() < ttl {
        assert_eq!(answer.status(), StatusCode::OK, "a fresh token works");
    }
    tokio::time::sleep(
        (issued + ttl + Duration::from_millis(200)).saturating_duration_since(Instant::now()),
    )
    .await;
    let answer = h.get(&path).await;
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
async fn a_real_route_the_simulator_does_not_serve_says_so_and_wrong_verbs_name_the_real_ones() {
    let h = Harness::start(config()).await;
    // DELETE /conversations/{id} exists in the API (§7); the simulator serves only the GET.
    let conversation = format!("/api/v2/conversations/{CALL}");
    let answer = h.send(Method::DELETE, &conversation, None, "").await;
    let error = expect_error(answer, 404, "not.found").await;
    assert!(
        error
            .message
            .as_deref()
            .unwrap_or_default()
            .contains("does not serve"),
        "{error:?}"
    );
    let answer = h
        .send(Method::PUT, &conversation, Some("application/json"), "{}")
        .await;
    let error = expect_error(answer, 404, "not.found").await;
    assert_eq!(error.message_params.unwrap()["allowed"], "GET, DELETE");
    // The call listing is a literal, not the conversation `calls`.
    let answer = h.get("/api/v2/conversations/calls").await;
    let error = expect_error(answer, 404, "not.found").await;
    assert!(
        error
            .message
            .as_deref()
            .unwrap_or_default()
            .contains("does not serve"),
        "{error:?}"
    );
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
    assert_rate_limit_headers(&answer);
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

/// The three `inin-ratelimit-*` headers, as numbers.
fn assert_rate_limit_headers(answer: &reqwest::Response) -> [u64; 3] {
    let number = |name: &str| -> u64 {
        answer
            .headers()
            .get(name)
            .unwrap_or_else(|| panic!("{name} missing on a {}", answer.status()))
            .to_str()
            .unwrap()
            .parse()
            .unwrap()
    };
    [
        number("inin-ratelimit-count"),
        number("inin-ratelimit-allowed"),
        number("inin-ratelimit-reset"),
    ]
}

#[tokio::test]
async fn rate_limit_headers_are_on_every_answer() {
    let h = Harness::start(SimConfig {
        rate_limit: 50,
        ..config()
    })
    .await;
    let base = h.sim.base_url();
    // The harness's login was the login bucket's first request.
    let answer = token_request(
        &h.http,
        &base,
        "demo-client",
        "demo-secret",
        "client_credentials",
    )
    .await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert_eq!(assert_rate_limit_headers(&answer)[..2], [2, 50]);
    // A refused login counts in the anonymous login bucket; a 401 and an
    // unknown route, without a valid bearer, in the anonymous one.
    let answer = token_request(&h.http, &base, "demo-client", "wrong", "client_credentials").await;
    assert_eq!(answer.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(assert_rate_limit_headers(&answer)[..2], [1, 50]);
    let url = h.url(&format!("/api/v2/conversations/{CALL}"));
    let answer = h.http.get(&url).send().await.unwrap();
    let [count, allowed, reset] = assert_rate_limit_headers(&answer);
    assert_eq!((count, allowed), (1, 50));
    assert!((1..=60).contains(&reset), "{reset}");
    expect_error(answer, 401, "authentication.required").await;
    let answer = h
        .http
        .get(&url)
        .bearer_auth("made-up-token")
        .send()
        .await
        .unwrap();
    assert_eq!(assert_rate_limit_headers(&answer)[0], 2);
    expect_error(answer, 401, "bad.credentials").await;
    for path in ["/nowhere", "/api/v2/nothing"] {
        let answer = h.http.get(h.url(path)).send().await.unwrap();
        assert_rate_limit_headers(&answer);
        assert_eq!(
            answer.status().as_u16(),
            if path == "/nowhere" { 404 } else { 401 }
        );
    }
    // A GET of the token endpoint has no credentials: anonymous login.
    let answer = h.http.get(h.url("/oauth/token")).send().await.unwrap();
    assert_eq!(assert_rate_limit_headers(&answer)[0], 2);
    expect_error(answer, 404, "not.found").await;
    // The authenticated client has its own bucket: one request so far.
    let answer = h.get("/api/v2/nothing").await;
    assert_eq!(assert_rate_limit_headers(&answer)[..2], [1, 50]);
    expect_error(answer, 404, "not.found").await;
}

#[tokio::test]
async fn requests_without_a_valid_token_share_one_anonymous_bucket() {
    let h = Harness::start(SimConfig {
        rate_limit: 3,
        ..config()
    })
    .await;
    // Three requests without a bearer reach the limit; the fourth is past it.
    let url = h.url(&format!("/api/v2/conversations/{CALL}"));
    for _ in 0..3 {
        let answer = h.http.get(&url).send().await.unwrap();
        expect_error(answer, 401, "authentication.required").await;
    }
    let answer = h
        .http
        .get(&url)
        .bearer_auth("made-up")
        .send()
        .await
        .unwrap();
    let [count, allowed, reset] = assert_rate_limit_headers(&answer);
    assert_eq!((count, allowed), (4, 3));
    let retry: u64 = answer.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(retry, reset);
    expect_error(answer, 429, "too.many.requests").await;
    let answer = h.http.get(h.url("/nowhere")).send().await.unwrap();
    expect_error(answer, 429, "too.many.requests").await;
    // Logins have buckets of their own: the harness's was the first.
    let answer = token_request(
        &h.http,
        &h.sim.base_url(),
        "demo-client",
        "demo-secret",
        "client_credentials",
    )
    .await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert_eq!(assert_rate_limit_headers(&answer)[..2], [2, 3]);
    // The client's own bucket is untouched.
    let answer = h.get(&format!("/api/v2/conversations/{CALL}")).await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert_eq!(assert_rate_limit_headers(&answer)[..2], [1, 3]);
}
