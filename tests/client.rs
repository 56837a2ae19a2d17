//! The client against the simulator on 127.0.0.1:0: every route, error case
//! and fault flag, through `gc_attrs::api`, plus the redaction guarantee.

// Helpers of a test crate may unwrap like the tests themselves.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use gc_attrs::api::{
    ApiError, Client, ClientConfig, Credentials, Exchange, FailureKind, RawRequest, Secret,
};
use gc_attrs::genesys::{
    Attributes, CallConversation, CallbackConversation, Conversation, ConversationSecureAttributes,
    EmailConversation, Media, MessageConversation, Route, Target, Verb,
};
use gc_attrs::sim::{self, RunningSim, SimConfig};
use serde_json::json;

const SECRET: &str = "s3cr3t-Zq8vX1-known-to-the-test";

async fn start(config: SimConfig) -> RunningSim {
    sim::start(
        SimConfig {
            client_secret: SECRET.into(),
            seed: Some(7),
            ..config
        },
        "127.0.0.1:0".parse().unwrap(),
    )
    .await
    .expect("simulator starts")
}

fn client_for(sim: &RunningSim, secret: &str) -> Client {
    let target = Target::parse(&sim.base_url()).unwrap();
    let credentials = Credentials::ClientCredentials {
        client_id: sim.client_id().to_owned(),
        client_secret: Secret::new(secret),
    };
    Client::new(ClientConfig::new(target, credentials)).unwrap()
}

/// A conversation with a participant that has attributes, and the media of that participant.
async fn pick(client: &Client, sim: &RunningSim, media: &str) -> (Conversation, String) {
    for id in sim.conversation_ids() {
        let (conversation, _) = client.get_conversation(&id).await.unwrap();
        let found = conversation.participants.iter().find(|p| {
            p.media_kinds().contains(&media) && p.attributes.as_ref().is_some_and(|a| !a.is_empty())
        });
        if let Some(participant) = found {
            let pid = participant.id.clone().unwrap();
            return (conversation, pid);
        }
    }
    panic!("no fixture has a {media} participant with attributes");
}

fn attrs(pairs: &[(&str, &str)]) -> Attributes {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[tokio::test]
async fn reads_every_conversation_and_media_view() {
    let sim = start(SimConfig::default()).await;
    let client = client_for(&sim, SECRET);
    let ids = sim.conversation_ids();
    assert!(ids.len() >= 4, "{ids:?}");
    let mut seen = Vec::new();
    for id in &ids {
        let (conversation, exchange) = client.get_conversation(id).await.unwrap();
        assert_eq!(exchange.status, Some(200));
        assert!(
            exchange.correlation_id.is_some(),
            "every answer carries ININ-Correlation-Id"
        );
        assert!(exchange.rate_limit.allowed.is_some());
        for participant in &conversation.participants {
            for kind in participant.media_kinds() {
                seen.push(kind);
            }
        }
        let path = |media: &str| format!("/api/v2/conversations/{media}/{id}");
        let kinds: Vec<&str> = conversation
            .participants
            .iter()
            .flat_map(gc_attrs::genesys::Participant::media_kinds)
            .collect();
        if kinds.contains(&"calls") {
            let (view, _) = client
                .get_json::<CallConversation>(&path("calls"))
                .await
                .unwrap();
            assert!(!view.participants.unwrap_or_default().is_empty());
        }
        if kinds.contains(&"messages") {
            let (view, _) = client
                .get_json::<MessageConversation>(&path("messages"))
                .await
                .unwrap();
            assert!(!view.participants.unwrap_or_default().is_empty());
        }
        if kinds.contains(&"emails") {
            let (view, _) = client
                .get_json::<EmailConversation>(&path("emails"))
                .await
                .unwrap();
            assert!(!view.participants.unwrap_or_default().is_empty());
        }
        if kinds.contains(&"callbacks") {
            let (view, _) = client
                .get_json::<CallbackConversation>(&path("callbacks"))
                .await
                .unwrap();
            assert!(!view.participants.unwrap_or_default().is_empty());
        }
    }
    for media in ["calls", "messages", "emails", "callbacks"] {
        assert!(seen.contains(&media), "no fixture has {media}");
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn patches_attributes_on_the_generic_and_every_media_route() {
    let sim = start(SimConfig::default()).await;
    let client = client_for(&sim, SECRET);
    for (media, segment) in [
        (None, "calls"),
        (Some(Media::Calls), "calls"),
        (Some(Media::Callbacks), "callbacks"),
        (Some(Media::Emails), "emails"),
        (Some(Media::Messages), "messages"),
    ] {
        let (conversation, pid) = pick(&client, &sim, segment).await;
        let cid = conversation.id.clone().unwrap();
        let before = conversation
            .participant(&pid)
            .unwrap()
            .attributes
            .clone()
            .unwrap();
        let (kept, _) = before.iter().next().unwrap();
        let route = Route::attributes_for(media).unwrap();
        let exchange = client
            .patch_attributes(route, &cid, &pid, &attrs(&[("gcAttrsTest", "merged ✓")]))
            .await
            .unwrap();
        assert_eq!(
            exchange.status,
            Some(202),
            "{media:?}: {}",
            exchange.response_body
        );
        // The generic route answers 202 with no body; the media routes with ParticipantAttributes.
        if media.is_none() {
            assert_eq!(exchange.response_body, "");
        } else {
            let body: serde_json::Value = serde_json::from_str(&exchange.response_body).unwrap();
            assert_eq!(body["attributes"]["gcAttrsTest"], "merged ✓");
        }
        let (after, _) = client.get_conversation(&cid).await.unwrap();
        let after = after.participant(&pid).unwrap().attributes.clone().unwrap();
        assert_eq!(
            after.get("gcAttrsTest").map(String::as_str),
            Some("merged ✓")
        );
        assert_eq!(
            after.get(kept),
            before.get(kept),
            "per-key merge keeps the other keys"
        );
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn replace_on_patch_drops_the_other_keys() {
    let sim = start(SimConfig {
        replace_on_patch: true,
        ..SimConfig::default()
    })
    .await;
    let client = client_for(&sim, SECRET);
    let (conversation, pid) = pick(&client, &sim, "calls").await;
    let cid = conversation.id.unwrap();
    let route = Route::attributes_for(None).unwrap();
    let exchange = client
        .patch_attributes(route, &cid, &pid, &attrs(&[("only", "this")]))
        .await
        .unwrap();
    assert_eq!(exchange.status, Some(202));
    let (after, _) = client.get_conversation(&cid).await.unwrap();
    assert_eq!(
        after.participant(&pid).unwrap().attributes,
        Some(attrs(&[("only", "this")]))
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn secure_attributes_put_replaces_and_checks_the_version_patch_amends() {
    let sim = start(SimConfig::default()).await;
    let client = client_for(&sim, SECRET);
    let cid = &sim.conversation_ids()[0];
    let (start_state, _) = client.get_secure_attributes(cid).await.unwrap();
    let version = start_state.version.unwrap();
    let put = ConversationSecureAttributes {
        attributes: Some(attrs(&[("pin", "4711")])),
        version: Some(version),
    };
    let exchange = client
        .write_secure_attributes(Verb::Put, cid, &put)
        .await
        .unwrap();
    assert!(exchange.is_success(), "{}", exchange.response_body);
    let (after_put, _) = client.get_secure_attributes(cid).await.unwrap();
    assert_eq!(after_put.attributes, Some(attrs(&[("pin", "4711")])));
    // The same version again is now stale.
    let stale = client
        .write_secure_attributes(Verb::Put, cid, &put)
        .await
        .unwrap();
    assert_eq!(stale.status, Some(400));
    assert!(stale.error_body.is_some());
    let patch = ConversationSecureAttributes {
        attributes: Some(attrs(&[("tier", "gold")])),
        version: None,
    };
    assert!(
        client
            .write_secure_attributes(Verb::Patch, cid, &patch)
            .await
            .unwrap()
            .is_success()
    );
    let (after_patch, _) = client.get_secure_attributes(cid).await.unwrap();
    assert_eq!(
        after_patch.attributes,
        Some(attrs(&[("pin", "4711"), ("tier", "gold")]))
    );
    sim.shutdown().await;
}

/// Sends a raw request and returns the exchange, checking the ErrorBody shape.
async fn raw_error(client: &Client, request: RawRequest, status: u16, code: &str) -> Exchange {
    let exchange = client.send(&request).await.unwrap();
    assert_eq!(
        exchange.status,
        Some(status),
        "{} {}: {}",
        request.method,
        request.path,
        exchange.response_body
    );
    let error = exchange
        .error_body
        .clone()
        .unwrap_or_else(|| panic!("no ErrorBody: {}", exchange.response_body));
    assert_eq!(
        error.code.as_deref(),
        Some(code),
        "{}",
        exchange.response_body
    );
    assert_eq!(error.status, Some(i32::from(status)));
    assert_eq!(
        error.context_id, exchange.correlation_id,
        "contextId equals ININ-Correlation-Id"
    );
    exchange
}

#[tokio::test]
async fn every_error_case_comes_back_decoded() {
    let sim = start(SimConfig::default()).await;
    let client = client_for(&sim, SECRET);
    let (conversation, pid) = pick(&client, &sim, "calls").await;
    let cid = conversation.id.unwrap();
    let attributes = format!("/api/v2/conversations/{cid}/participants/{pid}/attributes");
    let good = json!({"attributes": {"a": "1"}});
    let missing = "00000000-0000-4000-8000-000000000000";

    raw_error(
        &client,
        RawRequest::get(format!("/api/v2/conversations/{missing}")),
        404,
        "not.found",
    )
    .await;
    raw_error(
        &client,
        RawRequest::json(
            "PATCH",
            format!("/api/v2/conversations/{cid}/participants/{missing}/attributes"),
            &good,
        ),
        404,
        "conversation.error.not.conversation.participant",
    )
    .await;
    let malformed = RawRequest {
        body: Some("{\"attributes\": {\"a\": \"1\",}}".into()),
        ..RawRequest::json("PATCH", &attributes, &good)
    };
    raw_error(&client, malformed, 400, "bad.request").await;
    let json_patch = RawRequest {
        content_type: Some("application/json-patch+json".into()),
        ..RawRequest::json("PATCH", &attributes, &good)
    };
    raw_error(&client, json_patch, 415, "unsupported.media.type").await;
    let unknown = raw_error(
        &client,
        RawRequest::json(
            "PATCH",
            &attributes,
            &json!({"customAttributes": {"a": "1"}}),
        ),
        400,
        "bad.request",
    )
    .await;
    assert!(
        unknown.response_body.contains("customAttributes"),
        "the message names the field"
    );
    let number = raw_error(
        &client,
        RawRequest::json("PATCH", &attributes, &json!({"attributes": {"score": 42}})),
        400,
        "invalid.value",
    )
    .await;
    assert!(number.error_body.unwrap().message_params.is_some());
    raw_error(
        &client,
        RawRequest::json("PATCH", &attributes, &json!({"attributes": null})),
        400,
        "conversation.error.participant.attribute.null",
    )
    .await;
    raw_error(
        &client,
        RawRequest::get("/api/v2/conversations/voice/x/participants/y/attributes"),
        404,
        "not.found",
    )
    .await;
    raw_error(
        &client,
        RawRequest::json("PUT", &attributes, &good),
        404,
        "not.found",
    )
    .await;
    sim.shutdown().await;
}

#[tokio::test]
async fn lenient_mode_accepts_what_strict_mode_rejects() {
    let sim = start(SimConfig {
        lenient: true,
        ..SimConfig::default()
    })
    .await;
    let client = client_for(&sim, SECRET);
    let (conversation, pid) = pick(&client, &sim, "calls").await;
    let cid = conversation.id.unwrap();
    let attributes = format!("/api/v2/conversations/{cid}/participants/{pid}/attributes");
    let body = json!({"type": "contact", "attributes": {"kept": "yes", "score": 42}});
    let exchange = client
        .send(&RawRequest::json("PATCH", &attributes, &body))
        .await
        .unwrap();
    assert_eq!(exchange.status, Some(202), "{}", exchange.response_body);
    let (after, _) = client.get_conversation(&cid).await.unwrap();
    let after = after.participant(&pid).unwrap().attributes.clone().unwrap();
    assert_eq!(after.get("kept").map(String::as_str), Some("yes"));
    sim.shutdown().await;
}

#[tokio::test]
async fn wrong_credentials_fail_login_with_the_oauth_error_and_no_secret() {
    let sim = start(SimConfig::default()).await;
    let client = client_for(&sim, "not-the-secret");
    let err = client
        .get_conversation(&sim.conversation_ids()[0])
        .await
        .unwrap_err();
    let ApiError::Login { message, exchange } = &err else {
        panic!("{err}")
    };
    assert!(message.contains("invalid_client"), "{message}");
    assert!(exchange.status.is_some_and(|s| s == 400 || s == 401));
    let recorded = serde_json::to_string(exchange).unwrap();
    assert!(
        !recorded.contains("not-the-secret") && recorded.contains("Basic <redacted>"),
        "{recorded}"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn a_pre_set_token_works_and_a_missing_or_bad_one_gets_401() {
    let sim = start(SimConfig::default()).await;
    let target = Target::parse(&sim.base_url()).unwrap();
    // Get a token the way a user would, outside this client.
    let login = reqwest::Client::new()
        .post(format!("{}/oauth/token", sim.base_url()))
        .basic_auth(sim.client_id(), Some(SECRET))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    let token = login.json::<serde_json::Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let client = Client::new(ClientConfig::new(
        target.clone(),
        Credentials::AccessToken(Secret::new(token)),
    ))
    .unwrap();
    let (_, exchange) = client
        .get_conversation(&sim.conversation_ids()[0])
        .await
        .unwrap();
    assert_eq!(
        exchange
            .request_headers
            .iter()
            .find(|(n, _)| n == "Authorization")
            .unwrap()
            .1,
        "Bearer <redacted>"
    );

    let bad = Client::new(ClientConfig::new(
        target,
        Credentials::AccessToken(Secret::new("forged")),
    ))
    .unwrap();
    let exchange = bad
        .send(&RawRequest::get(format!(
            "/api/v2/conversations/{}",
            sim.conversation_ids()[0]
        )))
        .await
        .unwrap();
    assert_eq!(exchange.status, Some(401));
    assert_eq!(
        exchange.error_body.unwrap().code.as_deref(),
        Some("bad.credentials")
    );

    let anonymous = reqwest::get(format!(
        "{}/api/v2/conversations/{}",
        sim.base_url(),
        sim.conversation_ids()[0]
    ))
    .await
    .unwrap();
    assert_eq!(anonymous.status(), 401);
    assert!(
        anonymous
            .text()
            .await
            .unwrap()
            .contains("authentication.required")
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn a_token_the_server_no_longer_knows_triggers_one_relogin() {
    // Two simulators on the same address, one after the other: the second
    // does not know the first one's token, as after a revocation.
    let first = start(SimConfig::default()).await;
    let addr = first.base_url();
    let client = client_for(&first, SECRET);
    let id = first.conversation_ids()[0].clone();
    client.get_conversation(&id).await.unwrap();
    first.shutdown().await;
    let second = sim::start(
        SimConfig {
            client_secret: SECRET.into(),
            ..SimConfig::default()
        },
        addr.trim_start_matches("http://").parse().unwrap(),
    )
    .await
    .unwrap();
    let (_, exchange) = client.get_conversation(&id).await.unwrap();
    assert_eq!(exchange.status, Some(200));
    assert_eq!(
        exchange.attempts, 2,
        "one 401 bad.credentials, one re-login, one retry"
    );
    second.shutdown().await;
}

#[tokio::test]
async fn an_expired_token_is_renewed_before_use() {
    let sim = start(SimConfig {
        token_ttl: Duration::from_secs(1),
        ..SimConfig::default()
    })
    .await;
    let client = client_for(&sim, SECRET);
    let id = sim.conversation_ids()[0].clone();
    client.get_conversation(&id).await.unwrap();
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    let (_, exchange) = client.get_conversation(&id).await.unwrap();
    assert_eq!(
        (exchange.status, exchange.attempts),
        (Some(200), 1),
        "renewed before sending, not after a 401"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn rate_limit_headers_and_a_429_past_the_limit() {
    let sim = start(SimConfig {
        rate_limit: 3,
        ..SimConfig::default()
    })
    .await;
    let mut config = ClientConfig::new(
        Target::parse(&sim.base_url()).unwrap(),
        Credentials::ClientCredentials {
            client_id: sim.client_id().to_owned(),
            client_secret: Secret::new(SECRET),
        },
    );
    config.max_retry_after = Duration::ZERO; // do not wait out the 60 s window
    let client = Client::new(config).unwrap();
    let path = format!("/api/v2/conversations/{}", sim.conversation_ids()[0]);
    let mut last = None;
    for _ in 0..4 {
        last = Some(client.send(&RawRequest::get(&path)).await.unwrap());
    }
    let last = last.unwrap();
    assert_eq!(last.status, Some(429));
    assert_eq!(
        last.error_body.as_ref().and_then(|e| e.code.as_deref()),
        Some("too.many.requests")
    );
    assert_eq!(last.rate_limit.allowed, Some(3));
    assert!(last.rate_limit.retry_after_seconds.is_some());
    assert_eq!(
        last.attempts, 1,
        "a Retry-After over the bound is not waited for"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn throttled_reads_are_retried_and_writes_are_not() {
    let sim = start(SimConfig {
        throttle_rate: 1.0,
        ..SimConfig::default()
    })
    .await;
    let client = client_for(&sim, SECRET);
    let id = sim.conversation_ids()[0].clone();
    let read = client
        .send(&RawRequest::get(format!("/api/v2/conversations/{id}")))
        .await
        .unwrap();
    assert_eq!(
        (read.status, read.attempts),
        (Some(429), 3),
        "two retries, then the 429"
    );
    let write = client
        .send(&RawRequest::json(
            "PATCH",
            format!("/api/v2/conversations/{id}/participants/x/attributes"),
            &json!({"attributes": {}}),
        ))
        .await
        .unwrap();
    assert_eq!((write.status, write.attempts), (Some(429), 1));
    sim.shutdown().await;
}

#[tokio::test]
async fn server_failures_come_back_as_exchanges() {
    let sim = start(SimConfig {
        fail_rate: 1.0,
        ..SimConfig::default()
    })
    .await;
    let client = client_for(&sim, SECRET);
    let exchange = client
        .send(&RawRequest::get(format!(
            "/api/v2/conversations/{}",
            sim.conversation_ids()[0]
        )))
        .await
        .unwrap();
    assert_eq!(exchange.status, Some(503));
    assert_eq!(
        exchange.error_body.unwrap().code.as_deref(),
        Some("service.unavailable")
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn latency_timeouts_and_cancellation() {
    let sim = start(SimConfig {
        latency: Duration::from_millis(1_500),
        ..SimConfig::default()
    })
    .await;
    let target = Target::parse(&sim.base_url()).unwrap();
    let credentials = Credentials::ClientCredentials {
        client_id: sim.client_id().to_owned(),
        client_secret: Secret::new(SECRET),
    };
    let patient = Client::new(ClientConfig::new(target.clone(), credentials.clone())).unwrap();
    let path = format!("/api/v2/conversations/{}", sim.conversation_ids()[0]);
    let (_, exchange) = patient.get_json::<Conversation>(&path).await.unwrap();
    assert!(
        exchange.timings.total >= Duration::from_millis(1_500),
        "{:?}",
        exchange.timings
    );
    assert!(exchange.timings.to_headers.is_some());

    let mut config = ClientConfig::new(target, credentials);
    config.timeout = Duration::from_millis(300);
    let hasty = Client::new(config).unwrap();
    match hasty.send(&RawRequest::get(&path)).await {
        Err(ApiError::Login { exchange, .. }) => {
            assert_eq!(exchange.failure.unwrap().kind, FailureKind::Timeout);
        }
        other => panic!("the login should time out: {other:?}"),
    }

    let cancel = tokio_util::sync::CancellationToken::new();
    let trigger = cancel.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        trigger.cancel();
    });
    let exchange = patient
        .send_cancellable(&RawRequest::get(&path), &cancel)
        .await
        .unwrap();
    assert_eq!(exchange.failure.unwrap().kind, FailureKind::Cancelled);
    sim.shutdown().await;
}

#[tokio::test]
async fn an_unreachable_host_is_a_connect_failure() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let target = Target::parse(&format!("http://{addr}")).unwrap();
    let client = Client::new(ClientConfig::new(
        target,
        Credentials::AccessToken(Secret::new("t")),
    ))
    .unwrap();
    let exchange = client
        .send(&RawRequest::get("/api/v2/conversations/x"))
        .await
        .unwrap();
    assert_eq!(exchange.failure.unwrap().kind, FailureKind::Connect);
    assert_eq!(exchange.status, None);
}

#[tokio::test]
async fn visibility_delay_shows_the_change_only_later() {
    let sim = start(SimConfig {
        visibility_delay: Duration::from_millis(600),
        ..SimConfig::default()
    })
    .await;
    let client = client_for(&sim, SECRET);
    let (conversation, pid) = pick(&client, &sim, "calls").await;
    let cid = conversation.id.unwrap();
    let route = Route::attributes_for(None).unwrap();
    assert_eq!(
        client
            .patch_attributes(route, &cid, &pid, &attrs(&[("late", "1")]))
            .await
            .unwrap()
            .status,
        Some(202)
    );
    let seen = |c: &Conversation| {
        c.participant(&pid)
            .unwrap()
            .attributes
            .as_ref()
            .unwrap()
            .contains_key("late")
    };
    assert!(
        !seen(&client.get_conversation(&cid).await.unwrap().0),
        "not visible at once"
    );
    let mut visible = false;
    for _ in 0..40 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if seen(&client.get_conversation(&cid).await.unwrap().0) {
            visible = true;
            break;
        }
    }
    assert!(visible, "visible after the delay");
    sim.shutdown().await;
}

#[tokio::test]
async fn no_secret_or_token_is_recorded_anywhere() {
    let sim = start(SimConfig::default()).await;
    // Through login: the secret goes out only inside the Basic header, and the
    // token answer is recorded with its token redacted.
    let client = client_for(&sim, SECRET);
    let login = client.login().await.unwrap();
    let answer: serde_json::Value = serde_json::from_str(&login.response_body).unwrap();
    assert_eq!(answer["access_token"], "<redacted>");
    let failed = client_for(&sim, &format!("{SECRET}-wrong"))
        .login()
        .await
        .unwrap_err();

    // With a token the test knows, so it can look for it.
    let token = reqwest::Client::new()
        .post(format!("{}/oauth/token", sim.base_url()))
        .basic_auth(sim.client_id(), Some(SECRET))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let target = Target::parse(&sim.base_url()).unwrap();
    let with_token = Client::new(ClientConfig::new(
        target,
        Credentials::AccessToken(Secret::new(token.clone())),
    ))
    .unwrap();
    let (conversation, pid) = pick(&with_token, &sim, "calls").await;
    let cid = conversation.id.unwrap();
    let ok = with_token
        .send(&RawRequest::get(format!("/api/v2/conversations/{cid}")))
        .await
        .unwrap();
    let bad = with_token
        .send(&RawRequest::json(
            "PUT",
            format!("/api/v2/conversations/{cid}/participants/{pid}/attributes"),
            &json!({}),
        ))
        .await
        .unwrap();

    let mut recorded = vec![
        format!("{login:?}"),
        serde_json::to_string(&login).unwrap(),
        format!("{client:?}"),
    ];
    recorded.extend([
        failed.to_string(),
        format!("{failed:?}"),
        format!("{with_token:?}"),
    ]);
    for exchange in [&ok, &bad] {
        recorded.push(format!("{exchange:?}"));
        recorded.push(serde_json::to_string(exchange).unwrap());
    }
    let text = recorded.join("\n");
    assert!(!text.contains(SECRET), "the client secret leaked");
    assert!(!text.contains(&token), "the token leaked");
    assert!(
        text.contains("Bearer <redacted>") && text.contains("Basic <redacted>"),
        "{text}"
    );
    sim.shutdown().await;
}
