//! Answer bodies are read with a cap: past it the exchange fails with
//! "larger than N", and no more is read.

use super::hostile::big_bodies;
use super::support::*;

fn capped(base: &str, max_body: usize) -> Client {
    let mut config = ClientConfig::new(
        Target::parse(base).unwrap(),
        Credentials::AccessToken(Secret::new("pre-set")),
    );
    config.max_body = max_body;
    config.timeout = Duration::from_secs(20);
    Client::new(config).unwrap()
}

#[tokio::test]
async fn an_endless_or_oversized_body_fails_at_the_cap_and_a_smaller_one_is_read() {
    let base = big_bodies();
    let client = capped(&base, 1024 * 1024);
    for path in ["/api/v2/endless", "/api/v2/declared"] {
        let exchange = client.send(&RawRequest::get(path)).await.unwrap();
        let failure = exchange
            .failure()
            .unwrap_or_else(|| panic!("{path}: {:?}", exchange.outcome));
        assert!(
            failure.message.contains("larger than 1048576 bytes")
                && failure.message.contains("--max-body"),
            "{path}: {}",
            failure.message
        );
        assert!(
            exchange.response_body.is_empty(),
            "{path}: nothing past the cap is kept"
        );
    }
    let small = client
        .send(&RawRequest::get("/api/v2/small"))
        .await
        .unwrap();
    assert_eq!(small.status(), Some(200));
    assert_eq!(small.response_body.len(), 128 * 1024);
}
