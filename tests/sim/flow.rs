//! The flow write-back (§12): a flow that holds the PATCHed participant
//! writes its values back when it ends. Which participants a flow holds
//! (the customer and the ivr of a conversation with an ivr participant) and
//! the delay are assumed.

use std::time::{Duration, Instant};

use gc_attrs::sim::SimConfig;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::*;

const DELAY: Duration = Duration::from_millis(1500);

fn with_flow() -> SimConfig {
    SimConfig {
        flow_writeback: Some(DELAY),
        ..config()
    }
}

/// Polls the participant's attribute `key` until it is `want`; fails after
/// ten seconds.
async fn wait_for(h: &Harness, conversation: &str, participant: &str, key: &str, want: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if h.attributes(conversation, participant).await[key] == want {
            return;
        }
        assert!(Instant::now() < deadline, "{key} never became {want}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_patch_to_the_flow_held_customer_is_accepted_shown_then_written_back() {
    let h = Harness::start(with_flow()).await;
    let sent = Instant::now();
    let answer = h
        .patch(
            &attributes_path(CALL, CALL_CUSTOMER),
            &json!({"attributes": {"callReason": "refund", "ticket": "T-9"}}),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    let seen = h.attributes(CALL, CALL_CUSTOMER).await;
    if sent.elapsed() < DELAY {
        assert_eq!(seen["callReason"], "refund", "the PATCH shows at once");
    }
    assert!(h.sim.flow_writes().is_empty() || sent.elapsed() >= DELAY);
    wait_for(&h, CALL, CALL_CUSTOMER, "callReason", "billing-dispute").await;
    assert!(sent.elapsed() >= DELAY, "written back too early");
    let after = h.attributes(CALL, CALL_CUSTOMER).await;
    assert_eq!(after["ticket"], "T-9", "a key the flow never set stays");
    assert_eq!(after["ivrPath"], "main>billing>dispute>agent");

    let writes = h.sim.flow_writes();
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert_eq!(writes[0].conversation_id, CALL);
    assert_eq!(writes[0].participant_id, CALL_CUSTOMER);
    assert_eq!(
        writes[0].attributes.iter().collect::<Vec<_>>(),
        [(&"callReason".to_owned(), &"billing-dispute".to_owned())]
    );
}

#[tokio::test]
async fn a_patch_on_the_media_route_is_written_back_too() {
    let h = Harness::start(with_flow()).await;
    let answer = h
        .patch(
            &media_attributes_path("calls", CALL, CALL_CUSTOMER),
            &json!({"attributes": {"greeting": "hello"}}),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    let body: Value = answer.json().await.unwrap();
    assert_eq!(body["attributes"]["greeting"], "hello");
    wait_for(
        &h,
        CALL,
        CALL_CUSTOMER,
        "greeting",
        "お電話ありがとうございます。ご用件をお伺いします。",
    )
    .await;
}

#[tokio::test]
async fn a_participant_no_flow_holds_is_never_written_back() {
    let h = Harness::start(with_flow()).await;
    for (conversation, participant) in [(CALL, CALL_AGENT), (MESSAGE, MESSAGE_CUSTOMER)] {
        let answer = h
            .patch(
                &attributes_path(conversation, participant),
                &json!({"attributes": {"callReason": "mine"}}),
            )
            .await;
        assert_eq!(answer.status(), StatusCode::ACCEPTED);
    }
    tokio::time::sleep(DELAY + Duration::from_millis(500)).await;
    assert_eq!(h.attributes(CALL, CALL_AGENT).await["callReason"], "mine");
    assert_eq!(
        h.attributes(MESSAGE, MESSAGE_CUSTOMER).await["callReason"],
        "mine"
    );
    assert!(h.sim.flow_writes().is_empty());
}

#[tokio::test]
async fn without_the_setting_no_flow_writes_back() {
    let h = Harness::start(config()).await;
    let answer = h
        .patch(
            &attributes_path(CALL, CALL_CUSTOMER),
            &json!({"attributes": {"callReason": "kept"}}),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        h.attributes(CALL, CALL_CUSTOMER).await["callReason"],
        "kept"
    );
    assert!(h.sim.flow_writes().is_empty());
}
