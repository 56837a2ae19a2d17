//! A server that echoes the credentials it was sent (in a header, an error
//! message, a body) never gets them into an exchange: the client scrubs them
//! at the source, so neither the screen nor the history sees them.

use base64::Engine as _;

use super::hostile::echoer;
use super::support::*;

const TOKEN: &str = "pre-set-token-0123456789abcdef";
const SECRET: &str = "client-secret-do-not-echo";

fn assert_clean(exchange: &Exchange, secrets: &[&str]) {
    let text = serde_json::to_string(exchange).unwrap();
    for secret in secrets {
        assert!(!text.contains(secret), "{secret} leaked into {text}");
    }
}

#[tokio::test]
async fn a_bearer_token_echoed_in_headers_bodies_and_error_bodies_is_redacted() {
    let base = echoer();
    let client = Client::new(ClientConfig::new(
        Target::parse(&base).unwrap(),
        Credentials::AccessToken(Secret::new(TOKEN)),
    ))
    .unwrap();
    let exchange = client
        .send(&RawRequest::get("/api/v2/conversations/x"))
        .await
        .unwrap();
    assert_eq!(exchange.status(), Some(400));
    assert_clean(&exchange, &[TOKEN]);
    // What was echoed is still there, redacted, so the user sees the echo.
    assert_eq!(
        exchange.header("x-echo-authorization"),
        Some("Bearer <redacted>")
    );
    let error = exchange
        .error_body
        .as_ref()
        .expect("the error body decodes");
    assert_eq!(
        error.message.as_deref(),
        Some("the credential Bearer <redacted> is not accepted here")
    );
}

#[tokio::test]
async fn client_credentials_echoed_by_the_login_host_are_redacted() {
    let base = echoer();
    let client = Client::new(ClientConfig::new(
        Target::parse(&base).unwrap(),
        Credentials::ClientCredentials {
            client_id: "the-client-id".into(),
            client_secret: Secret::new(SECRET),
        },
    ))
    .unwrap();
    let login = client.login().await.unwrap();
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("the-client-id:{SECRET}"));
    assert_clean(&login, &[SECRET, &basic]);
    // The token the login gave is used, and its echo is scrubbed too.
    let exchange = client
        .send(&RawRequest::get("/api/v2/conversations/x"))
        .await
        .unwrap();
    assert_clean(&exchange, &["fresh-token-from-the-echoer", SECRET, &basic]);
}
