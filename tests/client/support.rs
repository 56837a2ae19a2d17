//! Shared helpers: a simulator with a known secret, a client for it, fixture lookups.

pub use std::time::Duration;

pub use gc_attrs::api::{
    ApiError, Client, ClientConfig, Credentials, Exchange, FailureKind, Outcome, RawRequest, Secret,
};
pub use gc_attrs::genesys::{
    Attributes, CallConversation, CallbackConversation, Conversation, ConversationSecureAttributes,
    EmailConversation, Media, MessageConversation, Route, Target, Verb,
};
pub use gc_attrs::sim::{self, RunningSim, SimConfig};
pub use serde_json::json;

pub const SECRET: &str = "s3cr3t-Zq8vX1-known-to-the-test";

pub async fn start(config: SimConfig) -> RunningSim {
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

pub fn client_for(sim: &RunningSim, secret: &str) -> Client {
    let target = Target::parse(&sim.base_url()).unwrap();
    let credentials = Credentials::ClientCredentials {
        client_id: sim.client_id().to_owned(),
        client_secret: Secret::new(secret),
    };
    Client::new(ClientConfig::new(target, credentials)).unwrap()
}

/// A conversation with a participant that has attributes, and the media of that participant.
pub async fn pick(client: &Client, sim: &RunningSim, media: &str) -> (Conversation, String) {
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

pub fn attrs(pairs: &[(&str, &str)]) -> Attributes {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// Sends a raw request and returns the exchange, checking the ErrorBody shape.
pub async fn raw_error(client: &Client, request: RawRequest, status: u16, code: &str) -> Exchange {
    let exchange = client.send(&request).await.unwrap();
    assert_eq!(
        exchange.status(),
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

/// A token obtained outside any client under test, as a user would.
pub async fn fetch_token(sim: &RunningSim) -> String {
    reqwest::Client::new()
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
        .to_owned()
}
