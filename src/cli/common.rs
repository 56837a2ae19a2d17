//! What the headless commands share: the exit codes and the error that
//! carries one, connecting (credentials resolved as the TUI does, or the
//! embedded simulator with `--sim`, never silently), the history, reading an
//! input file or standard input, and ([`render`]) the text rendering of
//! tables, lint findings, decoded errors, exchanges and diffs.
//!
//! On failure a command prints `gc-attrs: MESSAGE` (and any decoded error)
//! on stderr; with `--json` it also prints
//! `{"error": {"exit": N, "message": "…", "explanation": Explanation|null}}`
//! on stdout.

mod render;

pub use render::{
    Output, Paint, clean, diff_text, exchange_text, explanation_text, findings_text, indented,
    print, print_json, table, verdict, verdict_line,
};

use std::io::Read as _;
use std::path::Path;

use serde_json::json;

use super::ConnectArgs;
use crate::api::{ApiError, Client, Credentials, Exchange, Outcome, RawRequest, Secret};
use crate::config::Connection;
use crate::genesys::{Conversation, Participant, Target};
use crate::history::{Place, Recorder};
use crate::lint::explain::{Explanation, explain};
use crate::sim::{self, RunningSim, SimConfig};

/// Exit code: lint predicts a rejection.
pub const REJECTS: u8 = 1;
/// Exit code: usage error or unreadable input.
pub const USAGE: u8 = 2;
/// Exit code: the API answered 4xx.
pub const CLIENT_ERROR: u8 = 3;
/// Exit code: the API answered 5xx, or could not be reached.
pub const SERVER_ERROR: u8 = 4;

/// Said when neither `--sim` nor credentials are given.
const NO_CREDENTIALS: &str = "no credentials found: pass --sim for the embedded simulator, or set \
     GENESYSCLOUD_OAUTHCLIENT_ID/SECRET (or --client-id/--client-secret, or a profile)";

/// Why a command stopped: its exit code, a message, and the decoded error
/// answer behind it, if any.
#[derive(Debug)]
pub struct CliError {
    /// The exit code.
    pub exit: u8,
    /// One line, without the `gc-attrs:` prefix.
    pub message: String,
    /// The decoded error answer, when the API gave one.
    pub explanation: Option<Explanation>,
}

impl CliError {
    /// A usage error (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            exit: USAGE,
            message: message.into(),
            explanation: None,
        }
    }

    /// A call that did not give what was asked: 3 for a 4xx (a refused login
    /// included), 4 for a 5xx, no answer, or an answer that did not decode.
    pub fn api(error: &ApiError) -> Self {
        let (exit, explanation) = match error {
            ApiError::Setup(_) | ApiError::Decode { .. } => (SERVER_ERROR, None),
            ApiError::TokenRefused => (CLIENT_ERROR, None),
            // A login answered 2xx without a usable token is still a refusal.
            ApiError::Login { exchange, .. } => match exit_code(exchange) {
                0 => (CLIENT_ERROR, decoded(exchange)),
                exit => (exit, decoded(exchange)),
            },
            ApiError::Status { exchange } => (exit_code(exchange), decoded(exchange)),
        };
        let message = match error {
            ApiError::Status { exchange } => match &exchange.outcome {
                Outcome::Answer { .. } => format!(
                    "{} {} answered {}",
                    exchange.method, exchange.url, exchange.outcome
                ),
                other => format!("{} {}: no answer: {other}", exchange.method, exchange.url),
            },
            _ => error.to_string(),
        };
        Self {
            exit,
            message,
            explanation,
        }
    }
}

/// The exit code an exchange's outcome maps to: 0 for a 2xx, 3 for a 4xx,
/// 4 for anything else (5xx, no answer).
#[must_use]
pub fn exit_code(exchange: &Exchange) -> u8 {
    match exchange.status() {
        Some(200..=299) => 0,
        Some(400..=499) => CLIENT_ERROR,
        _ => SERVER_ERROR,
    }
}

/// The decoded error answer of a 4xx or 5xx exchange.
#[must_use]
pub fn decoded(exchange: &Exchange) -> Option<Explanation> {
    exchange
        .status()
        .filter(|s| *s >= 400)
        .map(|status| explain(Some(status), &exchange.response_body))
}

/// Reports a command's outcome and returns its exit code.
#[must_use]
pub fn finish(result: Result<u8, CliError>, out: Output) -> u8 {
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("gc-attrs: {}", error.message);
            if out.json {
                print_json(&json!({"error": {
                    "exit": error.exit,
                    "message": error.message,
                    "explanation": error.explanation,
                }}));
            } else if let Some(explanation) = &error.explanation {
                eprint!("{}", explanation_text(explanation, out.plain()));
            }
            error.exit
        }
    }
}

/// The text of a file, or of standard input for `-` or no file.
///
/// # Errors
/// A usage error naming the file when it cannot be read.
pub fn read_input(file: Option<&Path>) -> Result<String, CliError> {
    if let Some(path) = file.filter(|f| f.as_os_str() != "-") {
        return std::fs::read_to_string(path)
            .map_err(|e| CliError::usage(format!("cannot read {}: {e}", path.display())));
    }
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| CliError::usage(format!("cannot read standard input: {e}")))?;
    Ok(text)
}

/// Starts the embedded simulator (its default configuration, on a free
/// loopback port) and gives the target and credentials to reach it: the one
/// start-up of the TUI and of `--sim`.
///
/// # Errors
/// Why it could not start, in words.
pub async fn embedded_simulator() -> Result<(RunningSim, Target, Credentials), String> {
    let config = SimConfig::default();
    let loopback = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
    let running = sim::start(config.clone(), loopback)
        .await
        .map_err(|e| format!("cannot start the embedded simulator: {e}"))?;
    let target = Target::parse(&running.base_url())
        .map_err(|e| format!("the embedded simulator's address: {e}"))?;
    let credentials = Credentials::ClientCredentials {
        client_id: config.client_id,
        client_secret: Secret::new(config.client_secret),
    };
    Ok((running, target, credentials))
}

/// A connection for one command: the client, whether it is a live org, the
/// simulator it runs on (if any) and the history its exchanges go to.
pub struct Session {
    /// The API client.
    pub client: Client,
    /// The badge of a live org (`eu-west-1 · environment`); `None` on the simulator.
    pub live: Option<String>,
    /// Keeps the embedded simulator serving until the command ends.
    _simulator: Option<RunningSim>,
    history: Recorder,
}

impl Session {
    /// Connects as the TUI would, but never falls back to the simulator
    /// without `--sim`. A client-credentials login happens here, so that its
    /// (redacted) exchange is recorded too.
    ///
    /// # Errors
    /// Usage (no credentials, unknown region) or the login's failure.
    pub async fn connect(args: &ConnectArgs) -> Result<Self, CliError> {
        if let (false, Some(region)) = (args.sim, &args.region) {
            Target::parse(region).map_err(|e| CliError::usage(format!("--region: {e}")))?;
        }
        let resolution = crate::config::load(&args.flags());
        for warning in &resolution.warnings {
            eprintln!("warning: {warning}");
        }
        let recording = match args.record.as_deref() {
            Some(path) => Some(
                crate::history::recording::Recording::open(path)
                    .map_err(|e| CliError::usage(format!("--record: {e}")))?,
            ),
            None => None,
        };
        let badge = resolution.connection.badge();
        let (target, credentials, live, simulator) = match resolution.connection {
            Connection::Simulator if !args.sim => return Err(CliError::usage(NO_CREDENTIALS)),
            Connection::Simulator => {
                let (running, target, credentials) =
                    embedded_simulator().await.map_err(|message| CliError {
                        exit: SERVER_ERROR,
                        message,
                        explanation: None,
                    })?;
                (target, credentials, None, Some(running))
            }
            Connection::Live {
                target,
                credentials,
                ..
            } => (target, credentials, Some(badge), None),
        };
        let login = matches!(credentials, Credentials::ClientCredentials { .. });
        let place = if simulator.is_some() {
            Place::Simulator
        } else {
            Place::org(&target.api_base(), &credentials)
        };
        let client =
            Client::new(args.client_config(target, credentials)).map_err(|e| CliError::api(&e))?;
        let mut session = Self {
            client,
            live,
            _simulator: simulator,
            history: Recorder::new("cli").at(Some(place)).also(recording),
        };
        if login {
            let result = session.client.login().await;
            session.record_result(&result);
            result.map_err(|e| CliError::api(&e))?;
        }
        Ok(session)
    }

    /// Appends an exchange to the history; a failure is a warning, once.
    pub fn record(&mut self, exchange: &Exchange) {
        if let Some(error) = self.history.record(exchange) {
            eprintln!("warning: {error}");
        }
    }

    fn record_result(&mut self, result: &Result<Exchange, ApiError>) {
        match result {
            Ok(exchange) => self.record(exchange),
            Err(error) => {
                if let Some(exchange) = error.exchange() {
                    self.record(exchange);
                }
            }
        }
    }

    /// Sends a request and records its exchange, whatever the answer.
    ///
    /// # Errors
    /// When no token could be had.
    pub async fn send(&mut self, request: &RawRequest) -> Result<Exchange, CliError> {
        let result = self.client.send(request).await;
        self.record_result(&result);
        result.map_err(|e| CliError::api(&e))
    }

    /// `GET /api/v2/conversations/{id}` for an id or a URL holding one.
    ///
    /// # Errors
    /// Usage when no id is found; else the API's refusal or failure.
    pub async fn conversation(&mut self, text: &str) -> Result<Conversation, CliError> {
        let id = crate::usecase::extract_id(text)
            .ok_or_else(|| CliError::usage(format!("no conversation id in `{}`", clean(text))))?;
        let result = self.client.get_conversation(&id).await;
        match result {
            Ok((conversation, exchange)) => {
                self.record(&exchange);
                Ok(conversation)
            }
            Err(error) => {
                if let Some(exchange) = error.exchange() {
                    self.record(exchange);
                }
                Err(CliError::api(&error))
            }
        }
    }
}

/// The participant with this id (case-insensitive).
///
/// # Errors
/// A usage error listing the participant ids of the conversation.
pub fn participant<'a>(
    conversation: &'a Conversation,
    id: &str,
) -> Result<&'a Participant, CliError> {
    let id = id.trim();
    conversation
        .participants
        .iter()
        .find(|p| p.id.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(id)))
        .ok_or_else(|| {
            let known: Vec<String> = conversation
                .participants
                .iter()
                .map(|p| {
                    let id = p.id.as_deref().unwrap_or("(no id)");
                    format!("{id} ({})", p.purpose.as_deref().unwrap_or("?"))
                })
                .collect();
            CliError::usage(format!(
                "no participant `{}` in conversation {}; its participants: {}",
                clean(id),
                conversation.id.as_deref().unwrap_or("?"),
                known.join(", ")
            ))
        })
}
