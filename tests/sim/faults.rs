//! Rate limits, fault injection, delayed visibility, and fixture folders.

use std::time::{Duration, Instant};

use gc_attrs::sim::{self, SimConfig};
use reqwest::StatusCode;
use serde_json::json;

use crate::support::*;

fn header(answer: &reqwest::Response, name: &str) -> Option<u64> {
    answer.headers().get(name)?.to_str().ok()?.parse().ok()
}

#[tokio::test]
async fn the_rate_limit_counts_per_client_and_refuses_past_it() {
    let h = Harness::start(SimConfig {
        rate_limit: 3,
        ..config()
    })
    .await;
    let path = format!("/api/v2/conversations/{CALL}");
    for n in 1..=3 {
        let answer = h.get(&path).await;
        assert_eq!(answer.status(), StatusCode::OK);
        assert_eq!(header(&answer, "inin-ratelimit-count"), Some(n));
        assert_eq!(header(&answer, "inin-ratelimit-allowed"), Some(3));
        let reset = header(&answer, "inin-ratelimit-reset").unwrap();
        assert!((1..=60).contains(&reset));
    }
    let answer = h.get(&path).await;
    assert_eq!(header(&answer, "inin-ratelimit-count"), Some(4));
    assert_eq!(header(&answer, "inin-ratelimit-allowed"), Some(3));
    let reset = header(&answer, "inin-ratelimit-reset").unwrap();
    let retry = header(&answer, "retry-after").unwrap();
    assert!((1..=60).contains(&retry) && retry == reset);
    let error = expect_error(answer, 429, "too.many.requests").await;
    assert_eq!(
        error.message.as_deref(),
        Some("Rate limit exceeded the maximum [3] requests within [60] seconds")
    );
    let params = error.message_params.unwrap();
    assert_eq!(
        (params["limit"].as_str(), params["seconds"].as_str()),
        ("3", "60")
    );
    assert_eq!(error.limit.unwrap().value, Some(3));
    // Writes count too; a login counts against the client's login bucket
    // (the harness's login was its first request), not its API calls' one.
    let answer = h
        .patch(
            &attributes_path(CALL, CALL_CUSTOMER),
            &json!({"attributes": {"a": "b"}}),
        )
        .await;
    expect_error(answer, 429, "too.many.requests").await;
    let answer = token_request(
        &h.http,
        &h.sim.base_url(),
        "demo-client",
        "demo-secret",
        "client_credentials",
    )
    .await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert_eq!(header(&answer, "inin-ratelimit-count"), Some(2));
}

#[tokio::test]
async fn latency_delays_every_answer() {
    let h = Harness::start(SimConfig {
        latency: Duration::from_millis(250),
        ..config()
    })
    .await;
    let started = Instant::now();
    let answer = h.get(&format!("/api/v2/conversations/{CALL}")).await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(250));
    let started = Instant::now();
    let answer = token_request(
        &h.http,
        &h.sim.base_url(),
        "demo-client",
        "demo-secret",
        "client_credentials",
    )
    .await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(250));
}

#[tokio::test]
async fn fail_rate_one_answers_503() {
    let h = Harness::start(SimConfig {
        fail_rate: 1.0,
        ..config()
    })
    .await;
    for path in [
        format!("/api/v2/conversations/{CALL}"),
        attributes_path(CALL, CALL_CUSTOMER),
    ] {
        let answer = h.patch(&path, &json!({"attributes": {"a": "b"}})).await;
        assert!(answer.headers().contains_key("inin-ratelimit-count"));
        expect_error(answer, 503, "service.unavailable").await;
    }
}

#[tokio::test]
async fn throttle_rate_one_answers_429_with_retry_after() {
    let h = Harness::start(SimConfig {
        throttle_rate: 1.0,
        ..config()
    })
    .await;
    let answer = h.get(&format!("/api/v2/conversations/{CALL}")).await;
    assert!(header(&answer, "retry-after").unwrap() >= 1);
    expect_error(answer, 429, "too.many.requests").await;
}

#[tokio::test]
async fn a_seed_repeats_the_faults() {
    let statuses = |seed| async move {
        let h = Harness::start(SimConfig {
            seed: Some(seed),
            fail_rate: 0.5,
            ..config()
        })
        .await;
        let mut out = Vec::new();
        for _ in 0..16 {
            out.push(
                h.get(&format!("/api/v2/conversations/{CALL}"))
                    .await
                    .status()
                    .as_u16(),
            );
        }
        out
    };
    let first = statuses(7).await;
    assert_eq!(first, statuses(7).await);
    assert!(first.contains(&200) && first.contains(&503), "{first:?}");
}

#[tokio::test]
async fn a_202_shows_in_get_only_after_the_visibility_delay() {
    let delay = Duration::from_millis(1500);
    let h = Harness::start(SimConfig {
        visibility_delay: delay,
        ..config()
    })
    .await;
    let old = h.attributes(CALL, CALL_CUSTOMER).await["callReason"].clone();
    let sent = Instant::now();
    let answer = h
        .patch(
            &media_attributes_path("calls", CALL, CALL_CUSTOMER),
            &json!({"attributes": {"callReason": "late"}}),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    let body: serde_json::Value = answer.json().await.unwrap();
    assert_eq!(
        body["attributes"]["callReason"], "late",
        "the 202 answers the state after the write"
    );
    let seen = h.attributes(CALL, CALL_CUSTOMER).await["callReason"].clone();
    if sent.elapsed() < delay {
        assert_eq!(seen, old, "visible before the delay");
    }
    let mut attempts = 0;
    loop {
        let seen = h.attributes(CALL, CALL_CUSTOMER).await["callReason"].clone();
        if seen == "late" {
            assert!(sent.elapsed() >= delay, "visible too early");
            break;
        }
        attempts += 1;
        assert!(attempts < 100, "never became visible");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_fixtures_folder_adds_conversations_and_reports_malformed_files() {
    let dir = std::env::temp_dir().join(format!("gc-attrs-sim-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = json!({
        "id": "11111111-2222-4333-8444-555555555555",
        "startTime": "2026-11-21T08:00:00.000Z",
        "participants": [{"id": "p-1", "purpose": "customer", "attributes": {"k": "v"},
                          "calls": [{"state": "connected", "id": "call-1"}]}]
    });
    std::fs::write(dir.join("good.json"), good.to_string()).unwrap();
    std::fs::write(
        dir.join("bad.json"),
        "{\n  \"id\": \"x\",\n  \"startTime\": \"t\"\n  \"participants\": []\n}\n",
    )
    .unwrap();
    // Valid JSON, wrong schema: `purpose` (line 6) is a number.
    std::fs::write(
        dir.join("typed.json"),
        "{\n  \"id\": \"t\",\n  \"startTime\": \"t\",\n  \"participants\": [\n    {\"id\": \"p\",\n     \"purpose\": 3}\n  ]\n}\n",
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
    let config = SimConfig {
        fixtures_dir: Some(dir.clone()),
        ..config()
    };
    let running = sim::start(config.clone(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let warnings = running.fixture_warnings().to_vec();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    let bad = dir.join("bad.json").display().to_string();
    assert!(
        warnings[0].starts_with(&format!("{bad}:4:")),
        "{}",
        warnings[0]
    );
    let typed = dir.join("typed.json").display().to_string();
    assert_eq!(
        warnings[1],
        format!(
            "{typed}:6:6: participants[0].purpose: invalid type: integer `3`, expected a string"
        )
    );
    let ids = running.conversation_ids();
    assert_eq!(ids.len(), 5);
    assert!(ids.contains(&"11111111-2222-4333-8444-555555555555".to_owned()));
    running.shutdown().await;

    let h = Harness::start(config).await;
    let answer = h
        .get("/api/v2/conversations/calls/11111111-2222-4333-8444-555555555555")
        .await;
    assert_eq!(answer.status(), StatusCode::OK);
    std::fs::remove_dir_all(&dir).unwrap();
    let missing = SimConfig {
        fixtures_dir: Some(dir),
        ..SimConfig::default()
    };
    assert!(
        sim::start(missing, "127.0.0.1:0".parse().unwrap())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn shutdown_stops_serving() {
    let h = Harness::start(config()).await;
    let url = h.url(&format!("/api/v2/conversations/{CALL}"));
    let http = reqwest::Client::new();
    h.sim.shutdown().await;
    assert!(http.get(&url).send().await.is_err());
}
