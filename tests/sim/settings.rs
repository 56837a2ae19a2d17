//! Settings switched while the simulator runs (`RunningSim::set_settings`)
//! and `RunningSim::reset`: the next request sees the change.

use std::time::{Duration, Instant};

use gc_attrs::sim::{SimConfig, SimSettings};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::*;

#[tokio::test]
async fn switching_lenient_replace_and_throttle_applies_to_the_next_request() {
    let h = Harness::start(config()).await;
    let start = h.sim.settings();
    assert_eq!(start, config().settings());
    let path = attributes_path(CALL, CALL_CUSTOMER);
    let unknown = json!({"attributes": {"a": "1"}, "extra": true});

    expect_error(h.patch(&path, &unknown).await, 400, "bad.request").await;
    h.sim
        .set_settings(SimSettings {
            lenient: true,
            ..start
        })
        .unwrap();
    assert_eq!(
        h.patch(&path, &unknown).await.status(),
        StatusCode::ACCEPTED
    );

    h.sim
        .set_settings(SimSettings {
            replace_on_patch: true,
            ..start
        })
        .unwrap();
    let answer = h
        .patch(&path, &json!({"attributes": {"only": "this"}}))
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    assert_eq!(
        h.attributes(CALL, CALL_CUSTOMER).await,
        json!({"only": "this"})
    );
    // Back to strict merge: the unknown key is refused again, and a PATCH merges.
    h.sim.set_settings(start).unwrap();
    expect_error(h.patch(&path, &unknown).await, 400, "bad.request").await;
    let answer = h.patch(&path, &json!({"attributes": {"more": "x"}})).await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    assert_eq!(
        h.attributes(CALL, CALL_CUSTOMER).await,
        json!({"only": "this", "more": "x"})
    );

    let conversation = format!("/api/v2/conversations/{CALL}");
    h.sim
        .set_settings(SimSettings {
            throttle_rate: 1.0,
            ..start
        })
        .unwrap();
    expect_error(h.get(&conversation).await, 429, "too.many.requests").await;
    h.sim.set_settings(start).unwrap();
    assert_eq!(h.get(&conversation).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn switching_the_flow_write_back_on_applies_to_the_next_patch() {
    let h = Harness::start(config()).await;
    let path = attributes_path(CALL, CALL_CUSTOMER);
    let answer = h
        .patch(&path, &json!({"attributes": {"callReason": "before"}}))
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    h.sim
        .set_settings(SimSettings {
            flow_writeback: Some(Duration::from_millis(200)),
            ..h.sim.settings()
        })
        .unwrap();
    // The PATCH accepted before the switch has no write-back.
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        h.attributes(CALL, CALL_CUSTOMER).await["callReason"],
        "before"
    );
    let answer = h
        .patch(&path, &json!({"attributes": {"callReason": "after"}}))
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    let deadline = Instant::now() + Duration::from_secs(10);
    while h.attributes(CALL, CALL_CUSTOMER).await["callReason"] != "billing-dispute" {
        assert!(Instant::now() < deadline, "never written back");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(h.sim.flow_writes().len(), 1);
}

#[tokio::test]
async fn bad_settings_are_refused_and_change_nothing() {
    let h = Harness::start(config()).await;
    let before = h.sim.settings();
    for bad in [
        SimSettings {
            throttle_rate: -0.5,
            ..before
        },
        SimSettings {
            flow_writeback: Some(Duration::from_secs(86_401)),
            ..before
        },
        SimSettings {
            visibility_delay: Duration::MAX,
            ..before
        },
    ] {
        assert!(h.sim.set_settings(bad).is_err(), "{bad:?}");
        assert_eq!(h.sim.settings(), before);
    }
}

#[tokio::test]
async fn reset_brings_back_the_fixtures_the_secure_version_and_the_settings() {
    let h = Harness::start(SimConfig {
        flow_writeback: Some(Duration::from_secs(600)),
        ..config()
    })
    .await;
    let loaded = h.attributes(CALL, CALL_CUSTOMER).await;
    let secure_path = format!("/api/v2/conversations/{CALL}/secureattributes");
    let secure_at_start: Value = h.get(&secure_path).await.json().await.unwrap();
    assert_eq!(secure_at_start["version"], 1);

    let answer = h
        .patch(
            &attributes_path(CALL, CALL_CUSTOMER),
            &json!({"attributes": {"callReason": "changed"}}),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    let answer = h
        .put(
            &secure_path,
            &json!({"attributes": {"pin": "0000"}, "version": 1}),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    h.sim
        .set_settings(SimSettings {
            lenient: true,
            ..h.sim.settings()
        })
        .unwrap();
    assert_ne!(h.attributes(CALL, CALL_CUSTOMER).await, loaded);

    h.sim.reset();
    // The same token still works: tokens are kept.
    assert_eq!(h.attributes(CALL, CALL_CUSTOMER).await, loaded);
    let secure: Value = h.get(&secure_path).await.json().await.unwrap();
    assert_eq!(secure, secure_at_start);
    assert!(!h.sim.settings().lenient, "settings back to the config's");
    assert_eq!(
        h.sim.settings().flow_writeback,
        Some(Duration::from_secs(600))
    );
    assert!(h.sim.flow_writes().is_empty());
}
