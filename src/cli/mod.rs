//! Command-line parsing (clap) and the runners: without a subcommand the TUI
//! (on the embedded simulator unless credentials are found); with one, a
//! headless command for scripts and on-call (`get`, `diff`, `lint`,
//! `explain`, `send`, `export`) or the standalone simulator (`sim`).
//!
//! Exit codes of the headless commands: 0 success; 1 `lint` found a
//! (likely) rejection; 2 usage error or unreadable input; 3 the API answered
//! 4xx; 4 the API answered 5xx or could not be reached.

mod common;
mod diff;
mod explain;
mod export;
mod get;
mod lint;
mod send;
mod sim;

pub use sim::{SimArgs, run_sim};

use clap::{Args, Parser, Subcommand};
use color_eyre::eyre::WrapErr;

/// `gc-attrs`: a terminal debugger for Genesys Cloud participant attributes.
///
/// Without a subcommand it opens the TUI: on a live org when credentials are
/// found (flags, then GENESYSCLOUD_* variables, then a profile of
/// config.toml, then the gc CLI's ~/.gc/config.toml), else on the embedded
/// simulator.
#[derive(Parser)]
#[command(name = "gc-attrs", version, about)]
pub struct Cli {
    /// What to do; without one, open the TUI.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Print stable, documented JSON instead of text (headless commands).
    #[arg(long, global = true)]
    pub json: bool,
    /// Where the TUI connects, and what it opens.
    #[command(flatten)]
    pub connect: ConnectArgs,
}

/// Flags that choose the connection and what the TUI opens first.
#[derive(Args, Debug, Default)]
pub struct ConnectArgs {
    /// Open on the embedded simulator, whatever credentials are set.
    #[arg(long, global = true)]
    pub sim: bool,
    /// Region (us-east-1, eu-west-1, mypurecloud.ie, …) or API base URL.
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// OAuth client id (client credentials).
    #[arg(long, global = true, value_name = "ID")]
    pub client_id: Option<String>,
    /// OAuth client secret (prefer GENESYSCLOUD_OAUTHCLIENT_SECRET: flags show in `ps`).
    #[arg(long, global = true, value_name = "SECRET", hide_env_values = true)]
    pub client_secret: Option<String>,
    /// A profile of config.toml (or of the gc CLI's file).
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// Open this conversation at start (an id or a Genesys URL holding one).
    #[arg(long, value_name = "ID")]
    pub conversation: Option<String>,
    /// Select this participant of the conversation.
    #[arg(long, value_name = "ID", requires = "conversation")]
    pub participant: Option<String>,
}

impl ConnectArgs {
    /// The flags the configuration resolver takes.
    #[must_use]
    pub fn flags(&self) -> crate::config::Flags {
        crate::config::Flags {
            sim: self.sim,
            region: self.region.clone(),
            client_id: self.client_id.clone(),
            client_secret: self.client_secret.clone().map(crate::api::Secret::new),
            profile: self.profile.clone(),
        }
    }
}

/// The subcommands.
#[derive(Subcommand)]
pub enum Command {
    /// Show a conversation, its participants and their attributes.
    Get(GetArgs),
    /// Show the PATCH and PUT-style bodies of an edit, their diff, the
    /// predicted attributes after each, and lint findings; sends nothing.
    Diff(EditArgs),
    /// Explain a request body before sending it (exit 1 on a predicted rejection).
    Lint(LintArgs),
    /// Decode an error answer pasted from anywhere: raw JSON, a log line, an SDK exception.
    Explain(ExplainArgs),
    /// Send an edit, print the exchange with decoded errors, then re-read and
    /// print the observed change.
    Send(SendArgs),
    /// Print past exchanges from the history, redacted.
    Export(ExportArgs),
    /// Serve the embedded Genesys Cloud simulator until Ctrl-C.
    Sim(SimArgs),
}

/// `gc-attrs get`.
#[derive(Args, Debug)]
pub struct GetArgs {
    /// Conversation id (or a Genesys URL holding one).
    pub conversation: String,
    /// Show only this participant.
    #[arg(long, value_name = "ID")]
    pub participant: Option<String>,
}

/// The edit of `diff` and `send`: which participant, and what to change.
#[derive(Args, Debug)]
pub struct EditArgs {
    /// Conversation id (or a Genesys URL holding one).
    pub conversation: String,
    /// Participant id.
    pub participant: String,
    /// Set KEY=VALUE (add or change); repeatable.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Delete KEY; repeatable. A PATCH cannot remove it (shown).
    #[arg(long = "unset", value_name = "KEY")]
    pub unset: Vec<String>,
    /// Rename OLD=NEW; repeatable.
    #[arg(long = "rename", value_name = "OLD=NEW")]
    pub rename: Vec<String>,
    /// The generic route, or the participant's media route.
    #[arg(long, value_name = "ROUTE", value_enum, default_value_t = RouteArg::Generic)]
    pub route: RouteArg,
}

/// `--route`: which participant-attribute route (§1.1).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteArg {
    /// `/api/v2/conversations/{id}/participants/{pid}/attributes`: every media.
    Generic,
    /// The route of the participant's first media that has one (calls,
    /// callbacks, emails, messages; co-browse is deprecated).
    Media,
}

/// `gc-attrs lint`.
#[derive(Args, Debug)]
pub struct LintArgs {
    /// The body: a file, or - (or nothing) for standard input.
    pub file: Option<std::path::PathBuf>,
    /// The HTTP verb, e.g. PATCH.
    #[arg(long, value_name = "VERB")]
    pub verb: String,
    /// The path (/api/v2/…) or the full URL.
    #[arg(long, value_name = "PATH")]
    pub route: String,
    /// The Content-Type header.
    #[arg(long, value_name = "TYPE", default_value = "application/json")]
    pub content_type: String,
}

/// `gc-attrs explain`.
#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The answer: a file, or - (or nothing) for standard input.
    pub file: Option<std::path::PathBuf>,
    /// The HTTP status, when the text does not say it.
    #[arg(long, value_name = "CODE")]
    pub status: Option<u16>,
}

/// `gc-attrs send`.
#[derive(Args, Debug)]
pub struct SendArgs {
    /// The edit.
    #[command(flatten)]
    pub edit: EditArgs,
    /// PATCH (the real route) or PUT (to see what the server answers).
    #[arg(long, value_name = "VERB", default_value = "PATCH", value_parser = ["PATCH", "PUT", "patch", "put"])]
    pub verb: String,
    /// Write to a live org without asking.
    #[arg(long)]
    pub yes: bool,
}

/// `gc-attrs export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// How many of the latest exchanges.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub last: usize,
    /// curl command lines, or JSON.
    #[arg(long, value_name = "FORMAT", value_parser = ["curl", "json"])]
    pub format: String,
}

/// Runs the command line on a fresh tokio runtime.
///
/// # Errors
///
/// Whatever stopped the command, with context.
pub fn run(cli: Cli) -> color_eyre::Result<u8> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .wrap_err("cannot start the async runtime")?;
    let out = common::Output::new(cli.json);
    let connect = &cli.connect;
    let result = match &cli.command {
        Some(Command::Sim(_)) | None => None,
        Some(Command::Get(args)) => Some(runtime.block_on(get::run(args, connect, out))),
        Some(Command::Diff(args)) => Some(runtime.block_on(diff::run(args, connect, out))),
        Some(Command::Send(args)) => Some(runtime.block_on(send::run(args, connect, out))),
        Some(Command::Lint(args)) => Some(lint::run(args, out)),
        Some(Command::Explain(args)) => Some(explain::run(args, out)),
        Some(Command::Export(args)) => Some(Ok(export::run(args, cli.json))),
    };
    if let Some(result) = result {
        return Ok(common::finish(result, out));
    }
    match cli.command {
        Some(Command::Sim(args)) => runtime.block_on(run_sim(args)).map(|()| 0),
        _ => runtime.block_on(run_tui(&cli.connect)).map(|()| 0),
    }
}

/// The TUI: resolves the connection, starts the embedded simulator when no
/// credentials are found, and runs until the user quits. Configuration
/// problems are shown in the TUI, not fatal.
///
/// # Errors
///
/// When the simulator cannot start or the terminal cannot be used.
pub async fn run_tui(args: &ConnectArgs) -> color_eyre::Result<()> {
    use crate::api::{Client, ClientConfig};
    use crate::app::{App, Mode};
    use crate::config::Connection;

    let resolution = crate::config::load(&args.flags());
    // The picker offers the conversations of the latest exchanges, newest
    // first; a history that cannot be read offers none.
    let recent = crate::history::History::open_default()
        .and_then(|history| history.last(200))
        .map(|(entries, _)| crate::history::recent_conversation_ids(&entries, 20))
        .unwrap_or_default();
    let mut simulator = None;
    let (client, mode, suggestions) = match resolution.connection {
        Connection::Simulator => {
            let (running, target, credentials) = common::embedded_simulator()
                .await
                .map_err(|message| color_eyre::eyre::eyre!(message))?;
            let client =
                Client::new(ClientConfig::new(target, credentials)).wrap_err("HTTP client")?;
            // The recent ids first, then the fixtures not already listed.
            let mut ids = recent;
            for id in running.conversation_ids() {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            simulator = Some(running);
            (client, Mode::Simulator, ids)
        }
        Connection::Live {
            target,
            credentials,
            region_label,
            profile,
            ..
        } => {
            let client =
                Client::new(ClientConfig::new(target, credentials)).wrap_err("HTTP client")?;
            (
                client,
                Mode::Live {
                    region: region_label,
                    profile,
                },
                recent,
            )
        }
    };
    let mut app = App::new(mode, suggestions);
    app.select_after_load.clone_from(&args.participant);
    if !resolution.warnings.is_empty() {
        app.notify(resolution.warnings.join("; "), true);
    }
    let initial = match &args.conversation {
        Some(text) => app.open(text),
        None => Vec::new(),
    };
    let result = crate::tui::run(app, client, initial).await;
    if let Some(running) = simulator {
        running.shutdown().await;
    }
    result.wrap_err("the terminal failed")
}
