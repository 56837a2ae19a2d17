//! A login that yields no token is a failure, whatever its status.

use super::hostile::{NO_TOKEN, token_host};
use super::support::*;

#[tokio::test]
async fn a_2xx_login_answer_without_a_usable_token_is_a_login_failure_naming_what_came() {
    for (what, content_type, body) in NO_TOKEN {
        let base = token_host(200, content_type, body);
        let client = Client::new(ClientConfig::new(
            Target::parse(&base).unwrap(),
            Credentials::ClientCredentials {
                client_id: "id".into(),
                client_secret: Secret::new("secret"),
            },
        ))
        .unwrap();
        let error = client.login().await.unwrap_err();
        let ApiError::Login { message, exchange } = &error else {
            panic!("{what}: {error:?}");
        };
        assert_eq!(exchange.status(), Some(200), "{what}");
        for expected in ["200 OK", content_type, "no usable token", "captive portal"] {
            assert!(
                message.contains(expected),
                "{what}: {expected:?} missing in {message}"
            );
        }
        assert!(
            !message.contains("t0k3n"),
            "{what}: the token is not shown: {message}"
        );
        if *what == "a captive portal's page" {
            assert!(
                message.contains("Hotel Wi-Fi"),
                "the answer's first bytes: {message}"
            );
        }
    }
}
