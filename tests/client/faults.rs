//! Rate limits, throttling, server failures, latency, timeouts, cancellation, visibility delay.

use super::support::*;

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
    assert_eq!(last.status(), Some(429));
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
        (read.status(), read.attempts),
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
    assert_eq!((write.status(), write.attempts), (Some(429), 1));
    sim.shutdown().await;
}

#[tokio::test]
async fn server_failures_come_back_as_exchanges_after_the_read_retries() {
    let sim = start(SimConfig {
        fail_rate: 1.0,
        ..SimConfig::default()
    })
    .await;
    let client = client_for(&sim, SECRET);
    let id = sim.conversation_ids()[0].clone();
    let write = client
        .send(&RawRequest::json(
            "PATCH",
            format!("/api/v2/conversations/{id}/participants/x/attributes"),
            &json!({"attributes": {}}),
        ))
        .await
        .unwrap();
    assert_eq!(
        (write.status(), write.attempts),
        (Some(503), 1),
        "a write is never retried"
    );
    let exchange = client
        .send(&RawRequest::get(format!("/api/v2/conversations/{id}")))
        .await
        .unwrap();
    assert_eq!(
        (exchange.status(), exchange.attempts),
        (Some(503), 3),
        "a 5xx read is retried as a 429 is: two retries, then the answer"
    );
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
            assert_eq!(exchange.failure().unwrap().kind, FailureKind::Timeout);
        }
        other => panic!("the login should time out: {other:?}"),
    }

    // An API call that times out after a successful login: a pre-set token
    // skips the (slow) login, so only the GET meets the 300 ms timeout.
    let token = fetch_token(&sim).await;
    let mut config = ClientConfig::new(
        Target::parse(&sim.base_url()).unwrap(),
        Credentials::AccessToken(Secret::new(token)),
    );
    config.timeout = Duration::from_millis(300);
    let hasty_call = Client::new(config).unwrap();
    let exchange = hasty_call.send(&RawRequest::get(&path)).await.unwrap();
    assert_eq!(
        exchange.failure().map(|f| f.kind),
        Some(FailureKind::Timeout)
    );
    assert_eq!(exchange.status(), None);

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
    assert_eq!(exchange.outcome, Outcome::Cancelled);
    assert!(
        exchange.failure().is_none(),
        "a cancellation is not a failure"
    );
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
    assert_eq!(exchange.failure().unwrap().kind, FailureKind::Connect);
    assert_eq!(exchange.status(), None);
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
    let delay = Duration::from_millis(600);
    let sent = std::time::Instant::now();
    assert_eq!(
        client
            .patch_attributes(route, &cid, &pid, &attrs(&[("late", "1")]))
            .await
            .unwrap()
            .status(),
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
    let first = client.get_conversation(&cid).await.unwrap().0;
    // Only a read that finished inside the delay must show the old value; on
    // a slow machine the delay may already have passed (no upper bound on time).
    if sent.elapsed() < delay {
        assert!(!seen(&first), "not visible at once");
    }
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
