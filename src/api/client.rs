//! The client: login and token cache, raw sends, typed reads and writes.

use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::Value;
use tokio::sync::Mutex;
use tokio_util::sync::CancellationToken;

use super::exchange::{
    Exchange, FailureKind, Outcome, RateLimit, Timings, redact_header, redact_token_body,
};
use super::{Credentials, Secret};
use crate::genesys::{AuthErrorResponse, AuthResponse, ErrorBody, Target};

/// How the client connects and behaves.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Region or explicit base URL.
    pub target: Target,
    /// How to authenticate.
    pub credentials: Credentials,
    /// Timeout of one attempt (connect, send and read).
    pub timeout: Duration,
    /// How many times a read answered 429 is retried after `Retry-After`.
    /// Writes are never retried.
    pub read_retries: u32,
    /// A `Retry-After` longer than this is not waited for: the 429 is returned.
    pub max_retry_after: Duration,
    /// The largest answer body read, in bytes; a larger one fails the
    /// exchange, so that memory stays bounded (the token answer too).
    pub max_body: usize,
}

/// The default [`ClientConfig::max_body`]: 16 MiB.
pub const DEFAULT_MAX_BODY: usize = 16 * 1024 * 1024;

impl ClientConfig {
    /// Defaults: 30 s timeout, 2 read retries, at most 30 s of `Retry-After`,
    /// bodies of at most 16 MiB.
    #[must_use]
    pub fn new(target: Target, credentials: Credentials) -> Self {
        Self {
            target,
            credentials,
            timeout: Duration::from_secs(30),
            read_retries: 2,
            max_retry_after: Duration::from_secs(30),
            max_body: DEFAULT_MAX_BODY,
        }
    }
}

/// A request exactly as the user wants it sent, right or wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRequest {
    /// Any verb, e.g. `PATCH` or `PUT`.
    pub method: String,
    /// A path under the base URL (`/api/v2/…`), or a full URL.
    pub path: String,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, if any.
    pub body: Option<String>,
}

impl RawRequest {
    /// A GET with no body.
    #[must_use]
    pub fn get(path: impl Into<String>) -> Self {
        Self {
            method: "GET".into(),
            path: path.into(),
            content_type: None,
            body: None,
        }
    }

    /// A request with a JSON body and `Content-Type: application/json`.
    #[must_use]
    pub fn json(method: &str, path: impl Into<String>, body: &Value) -> Self {
        Self {
            method: method.to_owned(),
            path: path.into(),
            content_type: Some("application/json".into()),
            body: Some(body.to_string()),
        }
    }
}

/// What stops a call from giving the caller what it asked for.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The HTTP client could not be built.
    #[error("could not set up the HTTP client: {0}")]
    Setup(String),
    /// The pre-set access token was refused, and it cannot be renewed.
    #[error(
        "the pre-set access token was refused and cannot be renewed; get a new one \
         (GENESYSCLOUD_ACCESS_TOKEN) or use client credentials"
    )]
    TokenRefused,
    /// No token could be had.
    #[error("login failed: {message}")]
    Login {
        /// What went wrong, with the next step.
        message: String,
        /// The token request and its answer (redacted).
        exchange: Box<Exchange>,
    },
    /// The API answered, but not with a 2xx.
    #[error("{method} {url} answered {status}", method = exchange.method, url = exchange.url, status = status_text(exchange))]
    Status {
        /// The call and its answer.
        exchange: Box<Exchange>,
    },
    /// The answer was a 2xx but its body did not decode.
    #[error("the answer of {url} did not decode: {message}", url = exchange.url)]
    Decode {
        /// serde's message.
        message: String,
        /// The call and its answer.
        exchange: Box<Exchange>,
    },
}

fn status_text(exchange: &Exchange) -> String {
    match &exchange.outcome {
        Outcome::Answer { status, .. } => status.to_string(),
        other => other.to_string(),
    }
}

impl ApiError {
    /// The exchange behind the error, if one was made.
    #[must_use]
    pub fn exchange(&self) -> Option<&Exchange> {
        match self {
            Self::Setup(_) | Self::TokenRefused => None,
            Self::Login { exchange, .. }
            | Self::Status { exchange }
            | Self::Decode { exchange, .. } => Some(exchange),
        }
    }
}

struct CachedToken {
    token: Secret,
    expires_at: Option<Instant>,
}

/// Tokens are renewed this long before they expire (at most a tenth of
/// their lifetime, so short-lived tokens are still used).
const EXPIRY_MARGIN: Duration = Duration::from_secs(60);

/// What the client knows of its token, never the token itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenState {
    /// Client credentials, and no token fetched yet.
    NotYet,
    /// A client-credentials token, renewed this long from now: its
    /// `expires_in` less a safety margin (zero once due).
    ClientCredentials {
        /// Time until the client logs in again.
        renews_in: Duration,
    },
    /// A pre-set access token: the client cannot know when it expires.
    AccessToken,
}

/// Redirects a read may follow, all on its own origin.
const MAX_READ_REDIRECTS: usize = 5;

/// Scheme, host and port of a URL.
fn origin(url: &url::Url) -> (String, Option<String>, Option<u16>) {
    (
        url.scheme().to_owned(),
        url.host_str().map(str::to_ascii_lowercase),
        url.port_or_known_default(),
    )
}

/// Whether every URL the client can reach is plain `http://`: the API and
/// the login base both are, and a redirect is followed on its own origin
/// (scheme included) only, so no TLS connection can be made.
fn plain_http_only(target: &Target) -> bool {
    [target.api_base(), target.login_base()].iter().all(|base| {
        base.get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
    })
}

/// The Genesys Cloud client.
pub struct Client {
    /// For reads: follows redirects on the same origin only.
    http: reqwest::Client,
    /// For writes (and the login): follows no redirect; a 3xx is the answer.
    http_write: reqwest::Client,
    config: ClientConfig,
    token: Mutex<Option<CachedToken>>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("target", &self.config.target)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Builds a client; nothing is sent yet.
    ///
    /// # Errors
    /// [`ApiError::Setup`] when the TLS or HTTP stack cannot be built.
    pub fn new(config: ClientConfig) -> Result<Self, ApiError> {
        let plain = plain_http_only(&config.target);
        let builder = || {
            let builder = reqwest::Client::builder()
                .timeout(config.timeout)
                .connect_timeout(config.timeout.min(Duration::from_secs(10)))
                .user_agent(concat!("gc-attrs/", env!("CARGO_PKG_VERSION")));
            // Reading the system's roots (a file per certificate) is most of
            // the cost of a client; a target reached over plain HTTP only
            // (the simulator) never needs them.
            if plain {
                builder.tls_certs_only(std::iter::empty())
            } else {
                builder
            }
        };
        // A redirected write would re-send its body elsewhere, or turn into a
        // GET (303) that reports 200: the 3xx is shown instead. A read may
        // follow a few redirects on its own origin.
        let same_origin = reqwest::redirect::Policy::custom(|attempt| {
            let first = attempt.previous().first().map(origin);
            if attempt.previous().len() < MAX_READ_REDIRECTS && first == Some(origin(attempt.url()))
            {
                attempt.follow()
            } else {
                attempt.stop()
            }
        });
        let http = builder()
            .redirect(same_origin)
            .build()
            .map_err(|e| ApiError::Setup(e.to_string()))?;
        let http_write = builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| ApiError::Setup(e.to_string()))?;
        let token = match &config.credentials {
            Credentials::AccessToken(token) => Some(CachedToken {
                token: token.clone(),
                expires_at: None,
            }),
            Credentials::ClientCredentials { .. } => None,
        };
        Ok(Self {
            http,
            http_write,
            config,
            token: Mutex::new(token),
        })
    }

    /// Where requests go.
    #[must_use]
    pub fn target(&self) -> &Target {
        &self.config.target
    }

    /// What the client knows of its token now.
    pub async fn token_state(&self) -> TokenState {
        let cache = self.token.lock().await;
        match (&self.config.credentials, cache.as_ref()) {
            (Credentials::AccessToken(_), _) => TokenState::AccessToken,
            (Credentials::ClientCredentials { .. }, None) => TokenState::NotYet,
            (Credentials::ClientCredentials { .. }, Some(cached)) => {
                TokenState::ClientCredentials {
                    renews_in: cached.expires_at.map_or(Duration::ZERO, |at| {
                        at.saturating_duration_since(Instant::now())
                    }),
                }
            }
        }
    }

    /// Logs in with client credentials and caches the token.
    ///
    /// # Errors
    /// [`ApiError::Login`] with the (redacted) token exchange when the login
    /// server refuses or cannot be reached; [`ApiError::TokenRefused`] when the
    /// client has only a pre-set token, which cannot be renewed.
    pub async fn login(&self) -> Result<Exchange, ApiError> {
        let mut cache = self.token.lock().await;
        let (token, exchange) = self.fetch_token().await?;
        *cache = Some(token);
        Ok(exchange)
    }

    /// Asks the login host for a token; touches no cache.
    async fn fetch_token(&self) -> Result<(CachedToken, Exchange), ApiError> {
        let Credentials::ClientCredentials {
            client_id,
            client_secret,
        } = &self.config.credentials
        else {
            return Err(ApiError::TokenRefused);
        };
        let url = format!("{}/oauth/token", self.config.target.login_base());
        let basic = base64::engine::general_purpose::STANDARD
            .encode(format!("{client_id}:{}", client_secret.expose()));
        let headers = vec![
            ("Authorization".to_owned(), format!("Basic {basic}")),
            (
                "Content-Type".to_owned(),
                "application/x-www-form-urlencoded".to_owned(),
            ),
            ("Accept".to_owned(), "application/json".to_owned()),
        ];
        let (mut exchange, body) = self
            .attempt(
                "POST",
                &url,
                headers,
                Some("grant_type=client_credentials".into()),
            )
            .await;
        exchange.response_body = redact_token_body(&body);
        if !exchange.is_success() {
            let message = login_failure(&exchange, &body, &url);
            return Err(ApiError::Login {
                message,
                exchange: Box::new(exchange),
            });
        }
        let answer = match serde_json::from_str::<AuthResponse>(&body) {
            Ok(answer) if answer.access_token.trim().is_empty() => {
                return Err(no_token(exchange, &body, &url, "its access_token is empty"));
            }
            Ok(answer) if answer.expires_in == 0 => {
                return Err(no_token(exchange, &body, &url, "its expires_in is 0"));
            }
            Ok(answer) => answer,
            Err(e) => {
                let what = format!("it is not a token answer ({e})");
                return Err(no_token(exchange, &body, &url, &what));
            }
        };
        let lifetime = Duration::from_secs(answer.expires_in);
        let margin = EXPIRY_MARGIN.min(lifetime / 10);
        let expires_at = Instant::now().checked_add(lifetime.saturating_sub(margin));
        Ok((
            CachedToken {
                token: Secret::new(answer.access_token),
                expires_at,
            },
            exchange,
        ))
    }

    /// A valid token: the cached one, or a new one. The lock is held across
    /// the login, so concurrent calls wait for one login instead of each
    /// starting their own.
    async fn bearer(&self) -> Result<Secret, ApiError> {
        let mut cache = self.token.lock().await;
        if let Some(cached) = cache.as_ref() {
            if cached.expires_at.is_none_or(|at| Instant::now() < at) {
                return Ok(cached.token.clone());
            }
        }
        let (token, _) = self.fetch_token().await?;
        let secret = token.token.clone();
        *cache = Some(token);
        Ok(secret)
    }

    /// Forgets the cached token, if it is still the one the server refused
    /// (another call may have renewed it meanwhile).
    async fn forget(&self, refused: &Secret) {
        let mut cache = self.token.lock().await;
        if cache
            .as_ref()
            .is_some_and(|cached| &cached.token == refused)
        {
            *cache = None;
        }
    }

    /// Whether a URL is on the target's API origin (scheme, host and port):
    /// the bearer token goes nowhere else.
    fn is_target_origin(&self, url: &str) -> bool {
        let origin = |text: &str| {
            url::Url::parse(text).ok().map(|u| {
                (
                    u.scheme().to_owned(),
                    u.host_str().map(str::to_ascii_lowercase),
                    u.port_or_known_default(),
                )
            })
        };
        origin(url).is_some_and(|o| Some(o) == origin(&self.config.target.api_base()))
    }

    /// Sends a request as given, with the bearer token. A 401 `bad.credentials`
    /// triggers one re-login and one retry (client credentials only); a read
    /// answered 429 or 5xx (but 501) is retried after `Retry-After` (1 s
    /// without one), a bounded number of times;
    /// writes are never retried otherwise. HTTP errors and network failures
    /// come back inside the [`Exchange`].
    ///
    /// # Errors
    /// [`ApiError::Login`] when no token can be had.
    pub async fn send(&self, request: &RawRequest) -> Result<Exchange, ApiError> {
        let url = self.url(&request.path);
        if !self.is_target_origin(&url) {
            let api = self.config.target.api_base();
            let outcome = Outcome::failed(
                FailureKind::Other,
                format!("not sent: the URL is not on {api}, and the token goes to no other host"),
            );
            return Ok(Exchange {
                request_body: request.body.clone(),
                attempts: 0,
                ..Exchange::new(request.method.clone(), url, outcome).stamped()
            });
        }
        let is_read = request.method.eq_ignore_ascii_case("GET");
        let mut token = self.bearer().await?;
        let mut relogged = false;
        let mut read_retries = 0;
        let mut attempts = 0;
        loop {
            attempts += 1;
            let (mut exchange, _) = self
                .attempt(
                    &request.method,
                    &url,
                    Self::headers(request, &token),
                    request.body.clone(),
                )
                .await;
            exchange.attempts = attempts;
            let code = exchange.error_body.as_ref().and_then(|e| e.code.as_deref());
            if exchange.status() == Some(401)
                && code == Some("bad.credentials")
                && !relogged
                && matches!(
                    self.config.credentials,
                    Credentials::ClientCredentials { .. }
                )
            {
                relogged = true;
                self.forget(&token).await;
                token = self.bearer().await?;
                continue;
            }
            // A read answered 429, or 5xx but 501, is tried again as the Go
            // SDK's retry configuration does (§4); a write never is.
            let retried = exchange
                .status()
                .is_some_and(|s| s == 429 || (500..=599).contains(&s) && s != 501);
            if retried && is_read && read_retries < self.config.read_retries {
                let wait =
                    Duration::from_secs(exchange.rate_limit.retry_after_seconds.unwrap_or(1));
                if wait <= self.config.max_retry_after {
                    read_retries += 1;
                    tokio::time::sleep(wait).await;
                    continue;
                }
            }
            return Ok(exchange);
        }
    }

    /// [`Client::send`] that stops when `cancel` fires; the exchange's
    /// outcome is then [`Outcome::Cancelled`].
    ///
    /// # Errors
    /// As [`Client::send`].
    pub async fn send_cancellable(
        &self,
        request: &RawRequest,
        cancel: &CancellationToken,
    ) -> Result<Exchange, ApiError> {
        let started = Instant::now();
        tokio::select! {
            () = cancel.cancelled() => Ok(Exchange {
                request_body: request.body.clone(),
                timings: Timings { to_headers: None, total: started.elapsed() },
                ..Exchange::new(request.method.clone(), self.url(&request.path), Outcome::Cancelled).stamped()
            }),
            result = self.send(request) => result,
        }
    }

    pub(super) fn url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            path.to_owned()
        } else {
            let slash = if path.starts_with('/') { "" } else { "/" };
            format!("{}{slash}{path}", self.config.target.api_base())
        }
    }

    fn headers(request: &RawRequest, token: &Secret) -> Vec<(String, String)> {
        let mut headers = vec![
            (
                "Authorization".to_owned(),
                format!("Bearer {}", token.expose()),
            ),
            ("Accept".to_owned(), "application/json".to_owned()),
        ];
        if let Some(content_type) = &request.content_type {
            headers.push(("Content-Type".to_owned(), content_type.clone()));
        }
        headers
    }

    /// One attempt. The exchange records the headers redacted; the raw
    /// response body is returned beside it for the login to read its token.
    async fn attempt(
        &self,
        method: &str,
        url: &str,
        headers: Vec<(String, String)>,
        body: Option<String>,
    ) -> (Exchange, String) {
        // Until an answer is read whole, the outcome is "no answer".
        let mut exchange = Exchange {
            request_headers: headers
                .iter()
                .map(|(n, v)| (n.clone(), redact_header(n, v)))
                .collect(),
            request_body: body.clone(),
            ..Exchange::new(
                method,
                url,
                Outcome::failed(FailureKind::Other, "no answer came"),
            )
            .stamped()
        };
        let secrets = self.carried_secrets(&headers);
        let started = Instant::now();
        let fail = |mut exchange: Exchange, kind, message: String| {
            exchange.timings.total = started.elapsed();
            exchange.outcome = Outcome::failed(kind, message);
            (exchange, String::new())
        };
        let Ok(verb) = reqwest::Method::from_bytes(method.as_bytes()) else {
            return fail(
                exchange,
                FailureKind::Other,
                format!("`{method}` cannot be sent as an HTTP method"),
            );
        };
        let http = if matches!(verb, reqwest::Method::GET | reqwest::Method::HEAD) {
            &self.http
        } else {
            &self.http_write
        };
        let mut builder = http.request(verb, url);
        for (name, value) in &headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = body {
            builder = builder.body(body);
        }
        let response = match builder.send().await {
            Ok(response) => response,
            Err(e) => return fail(exchange, failure_kind(&e), describe(&e, url)),
        };
        exchange.timings.to_headers = Some(started.elapsed());
        // After redirects (reads only), the URL that answered.
        response.url().as_str().clone_into(&mut exchange.url);
        let status = response.status();
        // A server may echo the credentials it was sent (a debug header, an
        // error message quoting the token): they are scrubbed at the source.
        exchange.response_headers = scrubbed_headers(&response, &secrets);
        let text = match read_capped(response, self.config.max_body).await {
            Ok(text) => scrub(&text, &secrets),
            Err(BodyError::TooLarge) => {
                let cap = self.config.max_body;
                return fail(
                    exchange,
                    FailureKind::Other,
                    format!(
                        "the answer ({status}) is larger than {cap} bytes: not read further \
                         (--max-body raises the cap)"
                    ),
                );
            }
            Err(BodyError::Read(e)) => {
                return fail(
                    exchange,
                    failure_kind(&e),
                    format!(
                        "the answer ({status}) came, but its body could not be read: {}",
                        describe(&e, url)
                    ),
                );
            }
        };
        exchange.timings.total = started.elapsed();
        exchange.outcome = Outcome::Answer {
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or_default().to_owned(),
        };
        exchange.rate_limit = RateLimit::from_headers(&exchange.response_headers);
        if status.is_client_error() || status.is_server_error() {
            exchange.error_body = serde_json::from_str::<ErrorBody>(&text).ok();
        }
        exchange.correlation_id = exchange
            .header("inin-correlation-id")
            .map(str::to_owned)
            .or_else(|| {
                exchange
                    .error_body
                    .as_ref()
                    .and_then(|e| e.context_id.clone())
            });
        exchange.response_body.clone_from(&text);
        (exchange, text)
    }
}

impl Client {
    /// The secrets a request carries, which no answer may echo into an
    /// exchange: the credential of its `Authorization` header, the client
    /// secret (alone and as `id:secret`), and a pre-set token.
    fn carried_secrets(&self, headers: &[(String, String)]) -> Vec<String> {
        let mut secrets: Vec<String> = headers
            .iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case("authorization"))
            .filter_map(|(_, value)| value.split_once(' ').map(|(_, credential)| credential))
            .map(|credential| credential.trim().to_owned())
            .collect();
        match &self.config.credentials {
            Credentials::ClientCredentials {
                client_id,
                client_secret,
            } => {
                secrets.push(format!("{client_id}:{}", client_secret.expose()));
                secrets.push(client_secret.expose().to_owned());
            }
            Credentials::AccessToken(token) => secrets.push(token.expose().to_owned()),
        }
        secrets
    }
}

/// The answer's headers, as text, with the secrets scrubbed.
fn scrubbed_headers(response: &reqwest::Response, secrets: &[String]) -> Vec<(String, String)> {
    response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                scrub(&String::from_utf8_lossy(v.as_bytes()), secrets),
            )
        })
        .collect()
}

/// The shortest secret [`scrub`] looks for: a shorter one would match
/// ordinary text (real tokens and client secrets are far longer).
const MIN_SCRUBBED: usize = 8;

/// `text` with every occurrence of each secret (as sent, JSON-escaped or
/// percent-encoded) replaced by `<redacted>`.
fn scrub(text: &str, secrets: &[String]) -> String {
    let mut text = text.to_owned();
    for secret in secrets.iter().filter(|s| s.len() >= MIN_SCRUBBED) {
        let escaped = secret.replace('/', "\\/");
        let encoded: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
        for form in [secret.as_str(), escaped.as_str(), encoded.as_str()] {
            if text.contains(form) {
                text = text.replace(form, "<redacted>");
            }
        }
    }
    text
}

fn failure_kind(error: &reqwest::Error) -> FailureKind {
    if error.is_timeout() {
        FailureKind::Timeout
    } else if error.is_connect() {
        FailureKind::Connect
    } else {
        FailureKind::Other
    }
}

/// Why a body was not read whole.
enum BodyError {
    /// It is larger than the cap.
    TooLarge,
    /// Reading failed (a timeout, a reset).
    Read(reqwest::Error),
}

/// Reads a body chunk by chunk, never holding more than `cap` bytes.
async fn read_capped(mut response: reqwest::Response, cap: usize) -> Result<String, BodyError> {
    if response
        .content_length()
        .is_some_and(|length| length > u64::try_from(cap).unwrap_or(u64::MAX))
    {
        return Err(BodyError::TooLarge);
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Read)? {
        if bytes.len() + chunk.len() > cap {
            return Err(BodyError::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A 2xx from the login host that carries no usable token (a captive portal,
/// a proxy's page, a wrong host): a login failure naming what came back.
fn no_token(exchange: Exchange, body: &str, url: &str, what: &str) -> ApiError {
    let content_type = exchange.header("content-type").unwrap_or("no content type");
    // A JSON answer is shown with its token fields redacted; any other with
    // its long token-like runs redacted.
    let shown = if serde_json::from_str::<Value>(body).is_ok() {
        exchange.response_body.as_str()
    } else {
        body
    };
    let message = format!(
        "{url} answered {} ({content_type}, {} bytes) but gave no usable token: {what}; the \
         answer begins `{}`. Is this a Genesys Cloud login host (login.<region>), or did a \
         captive portal or proxy answer?",
        exchange.outcome,
        body.len(),
        first_bytes(shown)
    );
    ApiError::Login {
        message,
        exchange: Box::new(exchange),
    }
}

/// The first characters of an answer, for a message: control characters
/// dropped, and any long run of token-like characters redacted (the answer
/// may hold a token that was refused for another reason).
fn first_bytes(body: &str) -> String {
    let head: String = body
        .chars()
        .take(80)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.chars().count() >= 16 {
            out.push_str("<redacted>");
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in head.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~' | '+' | '/' | '=') {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// reqwest's message with its causes; it names the URL, never a header.
fn describe(error: &reqwest::Error, url: &str) -> String {
    let mut message = match failure_kind(error) {
        FailureKind::Timeout => format!("no answer from {url} in time"),
        FailureKind::Connect => format!("could not connect to {url}"),
        FailureKind::Other => format!("request to {url} failed"),
    };
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

/// Explains a refused login, from the OAuth error shape when there is one.
fn login_failure(exchange: &Exchange, body: &str, url: &str) -> String {
    if let Some(failure) = exchange.failure() {
        return format!(
            "{}; check the region (the login host is login.<region env>)",
            failure.message
        );
    }
    let status = exchange.status().unwrap_or_default();
    let said = serde_json::from_str::<AuthErrorResponse>(body)
        .ok()
        .and_then(|e| {
            let text = e.error_description.or(e.description).unwrap_or_default();
            e.error.map(|error| {
                if text.is_empty() {
                    error
                } else {
                    format!("{error}: {text}")
                }
            })
        })
        .unwrap_or_else(|| format!("HTTP {status}"));
    format!(
        "{url} refused the client credentials ({said}); check the client id and secret, and that \
         the OAuth client belongs to this region's org"
    )
}

#[cfg(test)]
mod tls_roots_tests {
    use super::plain_http_only;
    use crate::genesys::Target;

    #[test]
    fn only_a_target_reached_over_plain_http_alone_skips_the_tls_roots() {
        let target = |text: &str| Target::parse(text).expect("a target");
        assert!(plain_http_only(&target("http://127.0.0.1:8787")));
        assert!(plain_http_only(&target("HTTP://localhost:1")));
        assert!(!plain_http_only(&target("https://api.mypurecloud.com")));
        assert!(!plain_http_only(&target("us-east-1")));
        assert!(!plain_http_only(&target("https://127.0.0.1:8787")));
        // A login base on HTTPS needs the roots even when the API is plain.
        let mixed = Target::Custom {
            api_base: "http://127.0.0.1:8787".into(),
            login_base: "https://login.example.test".into(),
        };
        assert!(!plain_http_only(&mixed));
    }
}
