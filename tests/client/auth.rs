//! Login, tokens, re-login, and the redaction guarantee.

use super::support::*;

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
    assert_eq!(exchange.status(), Some(401), "invalid_client answers 401");
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
    let token = fetch_token(&sim).await;
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
    assert_eq!(exchange.status(), Some(401));
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
    assert_eq!(exchange.status(), Some(200));
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
        (exchange.status(), exchange.attempts),
        (Some(200), 1),
        "renewed before sending, not after a 401"
    );
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
    let token = fetch_token(&sim).await;
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

#[tokio::test]
async fn the_token_goes_to_no_other_host() {
    let sim = start(SimConfig::default()).await;
    // A second server that would see any Authorization header sent to it.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let other = listener.local_addr().unwrap();
    let seen = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = std::sync::Arc::clone(&seen);
    tokio::spawn(async move {
        if let Ok((mut socket, _)) = listener.accept().await {
            use tokio::io::AsyncReadExt as _;
            let mut buffer = vec![0u8; 4096];
            let n = socket.read(&mut buffer).await.unwrap_or(0);
            if String::from_utf8_lossy(&buffer[..n])
                .to_ascii_lowercase()
                .contains("authorization")
            {
                flag.store(true, std::sync::atomic::Ordering::SeqCst);
            }
        }
    });
    let client = client_for(&sim, SECRET);
    let exchange = client
        .send(&RawRequest::get(format!(
            "http://{other}/api/v2/conversations/x"
        )))
        .await
        .unwrap();
    let failure = exchange.failure().unwrap();
    assert!(
        failure.message.contains("token goes to no other host"),
        "{}",
        failure.message
    );
    assert_eq!(exchange.attempts, 0);
    assert!(!seen.load(std::sync::atomic::Ordering::SeqCst));
    // A full URL on the target's own origin is sent as usual.
    let own = format!(
        "{}/api/v2/conversations/{}",
        sim.base_url(),
        sim.conversation_ids()[0]
    );
    assert_eq!(
        client.send(&RawRequest::get(own)).await.unwrap().status(),
        Some(200)
    );
    // A path whose query holds a URL is still a path.
    let path = format!(
        "/api/v2/conversations/{}?next=https://example.test/",
        sim.conversation_ids()[0]
    );
    assert_eq!(
        client.send(&RawRequest::get(path)).await.unwrap().status(),
        Some(200)
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn concurrent_first_calls_all_succeed_on_their_first_attempt() {
    let sim = start(SimConfig::default()).await;
    let client = std::sync::Arc::new(client_for(&sim, SECRET));
    let id = sim.conversation_ids()[0].clone();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (client, id) = (std::sync::Arc::clone(&client), id.clone());
        tasks.push(tokio::spawn(async move {
            client.get_conversation(&id).await.map(|(_, e)| e.attempts)
        }));
    }
    for task in tasks {
        assert_eq!(
            task.await.unwrap().unwrap(),
            1,
            "every call succeeds on its first attempt"
        );
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn a_pre_set_token_cannot_log_in_again_and_says_so_without_an_exchange() {
    let target = Target::parse("http://127.0.0.1:9").unwrap();
    let client = Client::new(ClientConfig::new(
        target,
        Credentials::AccessToken(Secret::new("pre-set")),
    ))
    .unwrap();
    let error = client.login().await.unwrap_err();
    assert!(matches!(error, ApiError::TokenRefused), "{error:?}");
    assert!(
        error.exchange().is_none(),
        "no empty exchange stands for it"
    );
    assert!(
        error.to_string().contains("GENESYSCLOUD_ACCESS_TOKEN"),
        "{error}"
    );
}
