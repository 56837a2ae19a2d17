//! Helpers: fixture ids, a started simulator with a token, raw requests, and
//! the checks every error answer must pass.

use gc_attrs::genesys::ErrorBody;
use gc_attrs::sim::{self, RunningSim, SimConfig};
use reqwest::{Method, Response, StatusCode};
use serde_json::Value;

/// The call with customer, ivr, acd and agent participants.
pub const CALL: &str = "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14";
pub const CALL_CUSTOMER: &str = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
pub const CALL_AGENT: &str = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
/// The web message conversation (with a co-browse session).
pub const MESSAGE: &str = "8b2f4d6a-1c3e-4a5b-9d7f-0e2a4c6b8d10";
pub const MESSAGE_CUSTOMER: &str = "4c6e8a0b-2d4f-4b1c-9e3a-5f7b9d1c3e20";
pub const MESSAGE_ACD: &str = "c2e4a6b8-0d2f-4a5b-9c6d-4e5f6a7b8c86";
/// The email.
pub const EMAIL: &str = "a4c6e8f0-2b4d-4f6a-8c0e-1d3f5b7a9c2e";
pub const EMAIL_CUSTOMER: &str = "b5d7f9a1-3c5e-4a7b-9d1f-2e4a6c8b0d3f";
/// The callback (whose customer and agent also have the dialled call).
pub const CALLBACK: &str = "4e6a8c0d-2f4b-4d6e-8a0c-3b5d7f9e1a2c";
pub const CALLBACK_CUSTOMER: &str = "5f7b9d1e-3a5c-4e7f-9b1d-4c6e8a0f2b3d";
pub const CALLBACK_ACD: &str = "0e2a4c6d-8f0b-4dce-8a6c-9b1d3f5e7a82";

/// A seeded default configuration.
pub fn config() -> SimConfig {
    SimConfig {
        seed: Some(42),
        ..SimConfig::default()
    }
}

/// A running simulator and a token for it.
pub struct Harness {
    pub sim: RunningSim,
    pub http: reqwest::Client,
    pub token: String,
}

impl Harness {
    /// Starts a simulator with `config` and logs in.
    pub async fn start(config: SimConfig) -> Self {
        let secret = config.client_secret.clone();
        let sim = sim::start(config, "127.0.0.1:0".parse().unwrap())
            .await
            .expect("simulator starts");
        let http = reqwest::Client::new();
        let answer = token_request(
            &http,
            &sim.base_url(),
            sim.client_id(),
            &secret,
            "client_credentials",
        )
        .await;
        assert_eq!(answer.status(), StatusCode::OK);
        let body: Value = answer.json().await.unwrap();
        let token = body["access_token"].as_str().unwrap().to_owned();
        Self { sim, http, token }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sim.base_url())
    }

    /// A request with the bearer, an optional content type and a body.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: &str,
    ) -> Response {
        let mut request = self
            .http
            .request(method, self.url(path))
            .bearer_auth(&self.token)
            .body(body.to_owned());
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        request.send().await.unwrap()
    }

    pub async fn get(&self, path: &str) -> Response {
        self.send(Method::GET, path, None, "").await
    }

    pub async fn patch(&self, path: &str, body: &Value) -> Response {
        self.send(
            Method::PATCH,
            path,
            Some("application/json"),
            &body.to_string(),
        )
        .await
    }

    pub async fn put(&self, path: &str, body: &Value) -> Response {
        self.send(
            Method::PUT,
            path,
            Some("application/json"),
            &body.to_string(),
        )
        .await
    }

    /// The participant's attributes as `GET /api/v2/conversations/{id}` shows them.
    pub async fn attributes(&self, conversation: &str, participant: &str) -> Value {
        let answer = self
            .get(&format!("/api/v2/conversations/{conversation}"))
            .await;
        assert_eq!(answer.status(), StatusCode::OK);
        let body: Value = answer.json().await.unwrap();
        body["participants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == participant)
            .map(|p| p["attributes"].clone())
            .expect("participant present")
    }
}

/// `POST /oauth/token` with Basic credentials and a grant.
pub async fn token_request(
    http: &reqwest::Client,
    base: &str,
    id: &str,
    secret: &str,
    grant: &str,
) -> Response {
    http.post(format!("{base}/oauth/token"))
        .basic_auth(id, Some(secret))
        .form(&[("grant_type", grant)])
        .send()
        .await
        .unwrap()
}

pub fn attributes_path(conversation: &str, participant: &str) -> String {
    format!("/api/v2/conversations/{conversation}/participants/{participant}/attributes")
}

pub fn media_attributes_path(media: &str, conversation: &str, participant: &str) -> String {
    format!("/api/v2/conversations/{media}/{conversation}/participants/{participant}/attributes")
}

/// Checks an error answer: HTTP status, `code`, integer `status`, `contextId`
/// equal to `ININ-Correlation-Id`, and a `message` with its parameters filled.
pub async fn expect_error(answer: Response, status: u16, code: &str) -> ErrorBody {
    assert_eq!(answer.status().as_u16(), status, "HTTP status");
    let correlation = answer
        .headers()
        .get("ININ-Correlation-Id")
        .expect("correlation header")
        .to_str()
        .unwrap()
        .to_owned();
    assert!(uuid_like(&correlation), "{correlation}");
    let raw: Value = answer.json().await.unwrap();
    assert!(raw["status"].is_i64(), "status must be an integer: {raw}");
    let body: ErrorBody = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(body.code.as_deref(), Some(code), "{raw}");
    assert_eq!(body.status, Some(i32::from(status)));
    assert_eq!(body.context_id.as_deref(), Some(correlation.as_str()));
    let message = body.message.clone().expect("message");
    if let Some(template) = &body.message_with_params {
        let params = body.message_params.clone().unwrap_or_default();
        assert!(!params.is_empty(), "{raw}");
        let mut filled = template.clone();
        for (name, value) in &params {
            assert!(
                template.contains(&format!("{{{name}}}")),
                "{template} lacks {name}"
            );
            filled = filled.replace(&format!("{{{name}}}"), value);
        }
        assert_eq!(filled, message);
    }
    body
}

pub fn uuid_like(text: &str) -> bool {
    text.len() == 36 && text.split('-').map(str::len).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
}
