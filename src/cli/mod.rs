//! Command-line parsing (clap) and the runners: without a subcommand the TUI
//! (on the embedded simulator unless credentials are found); with one, a
//! headless command for scripts and on-call (`get`, `diff`, `lint`,
//! `explain`, `check`, `send`, `export`, `code`, `whoami`), the TUI recording its
//! exchanges (`record FILE`) or replaying a recording (`replay FILE`), or the
//! standalone simulator (`sim`).
//!
//! Exit codes of the headless commands: 0 success; 1 `lint` found a
//! (likely) rejection, or `check` a false claim or a rejected request; 2 usage error or unreadable input; 3 the API answered
//! 4xx; 4 the API answered 5xx or could not be reached.

mod check;
pub mod choices;
mod code;
mod common;
mod diff;
mod explain;
mod export;
mod get;
mod lint;
mod replay;
mod send;
mod sim;
mod train;
mod whoami;

pub use replay::{RecordArgs, ReplayArgs};
pub use sim::{SimArgs, run_sim};

use clap::{Args, Parser, Subcommand};

use choices::{ExportFormat, RouteArg, VerbChoice};
use color_eyre::eyre::WrapErr;

use common::CliError;

/// `gc-attrs`: a terminal debugger for Genesys Cloud participant attributes.
///
/// Without a subcommand it opens the TUI: on a live org when credentials are
/// found (flags, then GENESYSCLOUD_* variables, then a profile of
/// config.toml, then the gc CLI's ~/.gc/config.toml), else on the embedded
/// simulator.
///
/// The connection flags belong to the commands that connect (the TUI, `get`,
/// `diff`, `send`); `--json` to the headless commands that print. Both may
/// also come before the subcommand (`gc-attrs --sim --json get …`).
#[derive(Parser)]
#[command(name = "gc-attrs", version, about)]
pub struct Cli {
    /// What to do; without one, open the TUI.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// `--json` before a headless command (`gc-attrs --json get …`).
    #[arg(long, hide = true)]
    pub json: bool,
    /// Where the TUI connects (or, given before it, a subcommand that connects).
    #[command(flatten)]
    pub connect: ConnectArgs,
    /// What the TUI opens first.
    #[command(flatten)]
    pub tui: TuiArgs,
}

/// Flags that choose the connection.
#[derive(Args, Debug, Default, Clone)]
#[command(next_help_heading = "Connection")]
pub struct ConnectArgs {
    /// Use the embedded simulator, whatever credentials are set.
    #[arg(long)]
    pub sim: bool,
    /// Region (us-east-1, eu-west-1, mypurecloud.ie, …) or API base URL.
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// OAuth client id (client credentials).
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// OAuth client secret (prefer GENESYSCLOUD_OAUTHCLIENT_SECRET: flags show in `ps`).
    #[arg(long, value_name = "SECRET", hide_env_values = true)]
    pub client_secret: Option<String>,
    /// A profile of config.toml (or of the gc CLI's file).
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// The largest answer body read: bytes, or with KiB, MiB or GiB (default 16MiB).
    #[arg(long, value_name = "SIZE", value_parser = byte_size)]
    pub max_body: Option<usize>,
    /// Also append every exchange, redacted as the history is, to FILE
    /// (created 0600; `gc-attrs replay FILE` replays it).
    #[arg(long, value_name = "FILE", help_heading = "Recording")]
    pub record: Option<std::path::PathBuf>,
}

impl ConnectArgs {
    /// The client configuration for a target, with `--max-body`.
    #[must_use]
    pub fn client_config(
        &self,
        target: crate::genesys::Target,
        credentials: crate::api::Credentials,
    ) -> crate::api::ClientConfig {
        let mut config = crate::api::ClientConfig::new(target, credentials);
        config.max_body = self.max_body.unwrap_or(crate::api::DEFAULT_MAX_BODY);
        config
    }
}

/// `--max-body`: `1048576`, `512KiB`, `16MiB`, `1GiB` (at least 1 KiB).
pub(crate) fn byte_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &text[digits.len()..];
    let scale: usize = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "`{unit}` is not a unit: use KiB, MiB or GiB (e.g. 16MiB)"
            ));
        }
    };
    let number: usize = digits
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a size: give bytes, or e.g. 512KiB, 16MiB"))?;
    let bytes = number
        .checked_mul(scale)
        .ok_or_else(|| format!("`{text}` is too large"))?;
    if bytes < 1 << 10 {
        return Err(format!("`{text}` is below 1KiB: no answer would fit"));
    }
    Ok(bytes)
}

/// What the TUI opens at start.
#[derive(Args, Debug, Default)]
#[command(next_help_heading = "Opening")]
pub struct TuiArgs {
    /// Open this conversation at start (an id or a Genesys URL holding one).
    #[arg(long, value_name = "ID")]
    pub conversation: Option<String>,
    /// Select this participant of the conversation.
    #[arg(long, value_name = "ID", requires = "conversation")]
    pub participant: Option<String>,
    /// Show secure-attribute values in clear on screen and in a copied curl
    /// (a trainer's demo; default: masked). The history and exports mask them
    /// still.
    #[arg(long)]
    pub show_secure: bool,
}

/// `--json`, on the headless commands that print.
#[derive(Args, Debug, Default, Clone, Copy)]
#[command(next_help_heading = "Output")]
pub struct JsonArg {
    /// Print stable, documented JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

impl ConnectArgs {
    /// These flags, each taken from `before` (the flags given before the
    /// subcommand) when not given here.
    #[must_use]
    pub fn or(&self, before: &Self) -> Self {
        Self {
            sim: self.sim || before.sim,
            region: self.region.clone().or_else(|| before.region.clone()),
            client_id: self.client_id.clone().or_else(|| before.client_id.clone()),
            client_secret: self
                .client_secret
                .clone()
                .or_else(|| before.client_secret.clone()),
            profile: self.profile.clone().or_else(|| before.profile.clone()),
            max_body: self.max_body.or(before.max_body),
            record: self.record.clone().or_else(|| before.record.clone()),
        }
    }

    /// The first flag given, as typed (for a message).
    #[must_use]
    pub fn first_given(&self) -> Option<&'static str> {
        [
            (self.sim, "--sim"),
            (self.region.is_some(), "--region"),
            (self.client_id.is_some(), "--client-id"),
            (self.client_secret.is_some(), "--client-secret"),
            (self.profile.is_some(), "--profile"),
            (self.max_body.is_some(), "--max-body"),
        ]
        .into_iter()
        .find_map(|(given, name)| given.then_some(name))
    }

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
    Diff(DiffArgs),
    /// Explain a request body before sending it (exit 1 on a predicted rejection).
    Lint(LintArgs),
    /// Decode an error answer pasted from anywhere: raw JSON, a log line, an SDK exception.
    Explain(ExplainArgs),
    /// Check a whole text (a forum answer, a code file): its claims against
    /// the fact sheet, and its requests linted (exit 1 on a false claim or a
    /// predicted rejection).
    Check(CheckArgs),
    /// Send an edit, print the exchange with decoded errors, then re-read and
    /// print the observed change.
    Send(SendArgs),
    /// Print past exchanges from the history, redacted.
    Export(ExportArgs),
    /// Print a program that makes this edit with the official tool of a
    /// language (curl, Python, JavaScript, Java, C#, Go, gc).
    Code(CodeArgs),
    /// Serve the embedded Genesys Cloud simulator until Ctrl-C.
    Sim(SimArgs),
    /// Trainer scenarios: list them, check them (--check), or present one.
    Train(TrainArgs),
    /// Open the TUI as usual, also appending every exchange, redacted, to FILE.
    Record(RecordArgs),
    /// Step through a recording in the TUI, with no network.
    Replay(ReplayArgs),
    /// Show who the connection is: organization, OAuth client, session
    /// kind, scopes and token expiry (`GET /api/v2/tokens/me`).
    Whoami(WhoamiArgs),
}

/// `gc-attrs whoami`.
#[derive(Args, Debug)]
pub struct WhoamiArgs {
    /// Where to connect.
    #[command(flatten)]
    pub connect: ConnectArgs,
    /// Text or JSON.
    #[command(flatten)]
    pub output: JsonArg,
}

/// `gc-attrs get`.
#[derive(Args, Debug)]
pub struct GetArgs {
    /// Conversation id (or a Genesys URL holding one).
    pub conversation: String,
    /// Show only this participant.
    #[arg(long, value_name = "ID")]
    pub participant: Option<String>,
    /// Where to connect.
    #[command(flatten)]
    pub connect: ConnectArgs,
    /// Text or JSON.
    #[command(flatten)]
    pub output: JsonArg,
}

/// `gc-attrs diff`.
#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The edit.
    #[command(flatten)]
    pub edit: EditArgs,
    /// Where to connect.
    #[command(flatten)]
    pub connect: ConnectArgs,
    /// Text or JSON.
    #[command(flatten)]
    pub output: JsonArg,
}

/// `gc-attrs code`.
#[derive(Args, Debug)]
pub struct CodeArgs {
    /// The language of the program.
    #[arg(long, value_name = "LANG", value_enum)]
    pub lang: choices::LangChoice,
    /// The edit.
    #[command(flatten)]
    pub edit: EditArgs,
    /// Where to connect (to read the participant).
    #[command(flatten)]
    pub connect: ConnectArgs,
    /// Text or JSON.
    #[command(flatten)]
    pub output: JsonArg,
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
    #[arg(long, value_name = "ROUTE", value_enum, default_value = "generic")]
    pub route: RouteArg,
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
    /// Text or JSON.
    #[command(flatten)]
    pub output: JsonArg,
}

/// `gc-attrs explain`.
#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The answer: a file, or - (or nothing) for standard input.
    pub file: Option<std::path::PathBuf>,
    /// The HTTP status, when the text does not say it.
    #[arg(long, value_name = "CODE")]
    pub status: Option<u16>,
    /// Text or JSON.
    #[command(flatten)]
    pub output: JsonArg,
}

/// `gc-attrs check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The text: a file, or - (or nothing) for standard input.
    pub file: Option<std::path::PathBuf>,
    /// Text or JSON.
    #[command(flatten)]
    pub output: JsonArg,
}

/// `gc-attrs train`.
#[derive(Args, Debug)]
pub struct TrainArgs {
    /// A scenario's name (`gc-attrs train` lists them) or a scenario file
    /// (`.toml`); without one, every embedded scenario.
    pub scenario: Option<String>,
    /// Run every step against a fresh embedded simulator and compare what
    /// came out with what the scenario expects (exit 1 on a difference).
    #[arg(long)]
    pub check: bool,
    /// Text or JSON.
    #[command(flatten)]
    pub output: JsonArg,
}

/// `gc-attrs send`.
#[derive(Args, Debug)]
pub struct SendArgs {
    /// The edit.
    #[command(flatten)]
    pub edit: EditArgs,
    /// PATCH (the real route) or PUT (to see what the server answers).
    #[arg(
        long,
        value_name = "VERB",
        value_enum,
        ignore_case = true,
        default_value = "PATCH"
    )]
    pub verb: VerbChoice,
    /// Write to a live org without asking.
    #[arg(long)]
    pub yes: bool,
    /// Where to connect.
    #[command(flatten)]
    pub connect: ConnectArgs,
    /// Text or JSON.
    #[command(flatten)]
    pub output: JsonArg,
}

/// `gc-attrs export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// How many of the latest exchanges.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub last: usize,
    /// curl command lines, or JSON.
    #[arg(long, value_name = "FORMAT", value_enum)]
    pub format: ExportFormat,
    /// With --json, an error is printed as JSON too.
    #[command(flatten)]
    pub output: JsonArg,
}

/// Runs the command line on a fresh tokio runtime: a single-threaded one for
/// the TUI, whose worker threads would otherwise start before its first
/// frame (its blocking work, the history and the TLS roots, still runs on
/// the blocking pool), a multi-threaded one for the other commands.
///
/// # Errors
///
/// Whatever stopped the command, with context.
pub fn run(cli: Cli) -> color_eyre::Result<u8> {
    let tui = matches!(
        cli.command,
        None | Some(Command::Record(_) | Command::Replay(_))
    );
    let runtime = if tui {
        tokio::runtime::Builder::new_current_thread()
    } else {
        tokio::runtime::Builder::new_multi_thread()
    }
    .enable_all()
    .build()
    .wrap_err("cannot start the async runtime")?;
    let before = &cli.connect;
    let json = |arg: JsonArg| cli.json || arg.json;
    if let Some(misplaced) = misplaced(&cli) {
        let out = common::Output::new(cli.json);
        return Ok(common::finish(Err(CliError::usage(misplaced)), out));
    }
    let (result, out) = match &cli.command {
        Some(Command::Sim(_) | Command::Record(_) | Command::Replay(_)) | None => {
            (None, common::Output::new(false))
        }
        Some(Command::Get(args)) => {
            let out = common::Output::new(json(args.output));
            let connect = args.connect.or(before);
            (Some(runtime.block_on(get::run(args, &connect, out))), out)
        }
        Some(Command::Whoami(args)) => {
            let out = common::Output::new(json(args.output));
            let connect = args.connect.or(before);
            (
                Some(runtime.block_on(whoami::run(args, &connect, out))),
                out,
            )
        }
        Some(Command::Diff(args)) => {
            let out = common::Output::new(json(args.output));
            let connect = args.connect.or(before);
            let result = runtime.block_on(diff::run(&args.edit, &connect, out));
            (Some(result), out)
        }
        Some(Command::Send(args)) => {
            let out = common::Output::new(json(args.output));
            let connect = args.connect.or(before);
            (Some(runtime.block_on(send::run(args, &connect, out))), out)
        }
        Some(Command::Code(args)) => {
            let out = common::Output::new(json(args.output));
            let connect = args.connect.or(before);
            (Some(runtime.block_on(code::run(args, &connect, out))), out)
        }
        Some(Command::Lint(args)) => {
            let out = common::Output::new(json(args.output));
            (Some(lint::run(args, out)), out)
        }
        Some(Command::Explain(args)) => {
            let out = common::Output::new(json(args.output));
            (Some(explain::run(args, out)), out)
        }
        Some(Command::Check(args)) => {
            let out = common::Output::new(json(args.output));
            (Some(check::run(args, out)), out)
        }
        Some(Command::Export(args)) => {
            let json = json(args.output);
            (Some(Ok(export::run(args, json))), common::Output::new(json))
        }
        Some(Command::Train(args)) => {
            let out = common::Output::new(json(args.output));
            match runtime.block_on(train::run(args, out)) {
                Some(result) => (Some(result), out),
                None => (Some(runtime.block_on(present(args))), out),
            }
        }
    };
    if let Some(result) = result {
        return Ok(common::finish(result, out));
    }
    match cli.command {
        Some(Command::Sim(args)) => runtime.block_on(run_sim(args)).map(|()| 0),
        Some(Command::Record(args)) => {
            let mut connect = args.connect.or(before);
            connect.record = Some(args.file);
            runtime.block_on(run_tui(&connect, &args.tui))
        }
        Some(Command::Replay(args)) => runtime.block_on(replay::run(&args, cli.tui.show_secure)),
        _ => runtime.block_on(run_tui(&cli.connect, &cli.tui)),
    }
}

/// `gc-attrs train NAME`: the presenter on a fresh embedded simulator.
async fn present(args: &TrainArgs) -> Result<u8, CliError> {
    let name = args.scenario.as_deref().unwrap_or_default();
    let scenario = train::load(name)?;
    let ended = crate::tui::present(scenario).await.map_err(|e| CliError {
        exit: common::SERVER_ERROR,
        message: format!("the terminal cannot be used: {e}"),
        explanation: None,
    })?;
    if let crate::tui::Ended::Unconnected(message) = &ended {
        eprintln!("gc-attrs: {message}");
    }
    Ok(ended.exit_code())
}

/// A flag given before a subcommand it does not apply to: what to do instead.
fn misplaced(cli: &Cli) -> Option<String> {
    let command = match &cli.command {
        None
        | Some(
            Command::Get(_)
            | Command::Diff(_)
            | Command::Send(_)
            | Command::Code(_)
            | Command::Whoami(_)
            | Command::Record(_),
        ) => None,
        Some(Command::Sim(_)) => Some("sim"),
        Some(Command::Replay(_)) => Some("replay"),
        Some(Command::Lint(_)) => Some("lint"),
        Some(Command::Explain(_)) => Some("explain"),
        Some(Command::Check(_)) => Some("check"),
        Some(Command::Export(_)) => Some("export"),
        Some(Command::Train(_)) => Some("train"),
    };
    let tui = match (&cli.tui.conversation, &cli.command) {
        (Some(_), Some(_)) => Some("--conversation"),
        _ => None,
    };
    if let (Some(flag), Some(name)) = (tui, cli.command.as_ref().map(Command::name)) {
        return Some(format!(
            "{flag} opens a conversation in the TUI and does not apply to `gc-attrs {name}`; \
             give the conversation as the command's argument"
        ));
    }
    let replay = matches!(cli.command, Some(Command::Replay(_)));
    if let (true, Some(name), false) = (
        cli.tui.show_secure,
        cli.command.as_ref().map(Command::name),
        replay,
    ) {
        return Some(format!(
            "--show-secure shows secure-attribute values in the TUI and does not apply to \
             `gc-attrs {name}`, which prints none: drop it"
        ));
    }
    let command = command?;
    if cli.connect.record.is_some() {
        return Some(format!(
            "--record records the exchanges of a command that makes some, and \
             `gc-attrs {command}` makes none: drop it"
        ));
    }
    if let Some(flag) = cli.connect.first_given() {
        return Some(format!(
            "{flag} chooses a connection, and `gc-attrs {command}` does not connect anywhere: \
             drop it (see gc-attrs {command} --help)"
        ));
    }
    (cli.json && command == "sim").then(|| {
        "--json does not apply to `gc-attrs sim`, which prints a banner and serves: drop it"
            .to_owned()
    })
}

impl Command {
    /// The subcommand's name, as typed.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::Get(_) => "get",
            Self::Diff(_) => "diff",
            Self::Lint(_) => "lint",
            Self::Explain(_) => "explain",
            Self::Check(_) => "check",
            Self::Send(_) => "send",
            Self::Code(_) => "code",
            Self::Export(_) => "export",
            Self::Sim(_) => "sim",
            Self::Train(_) => "train",
            Self::Record(_) => "record",
            Self::Replay(_) => "replay",
            Self::Whoami(_) => "whoami",
        }
    }
}

/// Whether the TUI shows secure-attribute values in clear: only when the
/// user opted in, by `--show-secure` or `[display] show_secure = true`.
#[must_use]
pub fn show_secure(open: &TuiArgs, display: crate::config::display::Display) -> bool {
    open.show_secure || display.show_secure
}

/// The TUI: resolves the connection and runs until the user quits or a
/// signal ends it. Only the configuration is read before the first frame; the
/// history's recent ids, the embedded simulator (when no credentials are
/// found) and the HTTP client (whose TLS roots are read from disk, on a live
/// org only: the simulator is plain HTTP) are made after it. Configuration
/// problems are shown in the TUI, not fatal. Returns the exit status
/// ([`crate::tui::Ended::exit_code`]).
///
/// # Errors
///
/// When the simulator cannot start, the HTTP client cannot be built, or the
/// terminal cannot be used.
pub async fn run_tui(args: &ConnectArgs, open: &TuiArgs) -> color_eyre::Result<u8> {
    use crate::app::{App, Mode};
    use crate::config::Connection;

    let resolution = crate::config::load(&args.flags());
    // A live org asked for by flag is never replaced by the simulator
    // without a word: why it cannot be reached is the answer, before the
    // terminal is touched.
    let asked_live = !args.sim
        && (args.region.is_some()
            || args.client_id.is_some()
            || args.client_secret.is_some()
            || args.profile.is_some());
    if asked_live && matches!(resolution.connection, Connection::Simulator) {
        if let Some(Err(error)) = args.region.as_deref().map(crate::genesys::Target::parse) {
            eprintln!("gc-attrs: --region: {error}");
        }
        for warning in &resolution.warnings {
            eprintln!("gc-attrs: {warning}");
        }
        eprintln!(
            "gc-attrs: the live org asked for cannot be reached as given; fix the flags above, \
             or add --sim to open the simulator"
        );
        return Ok(2);
    }
    let (mode, live) = match resolution.connection {
        Connection::Simulator => (Mode::Simulator, None),
        Connection::Live {
            target,
            credentials,
            region_label,
            profile,
            ..
        } => (
            Mode::Live {
                region: region_label,
                profile,
            },
            Some((target, credentials)),
        ),
    };
    let mut app = App::new(mode, Vec::new());
    app.select_after_load.clone_from(&open.participant);
    // `[keys]` is read whatever the connection; a bad remap keeps its default.
    let (remaps, read_problems) = crate::config::load_keys(&crate::config::Paths::discover());
    let (keymap, remap_problems) = crate::app::Keymap::with_remaps(&remaps);
    app.keymap = keymap;
    let (display, display_problems) =
        crate::config::load_display(&crate::config::Paths::discover());
    app.show_secure = show_secure(open, display);
    // https://no-color.org: set and not empty.
    app.colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut warnings = resolution.warnings;
    for problem in read_problems
        .into_iter()
        .chain(remap_problems)
        .chain(display_problems)
    {
        if !warnings.contains(&problem) {
            warnings.push(problem);
        }
    }
    if !warnings.is_empty() {
        app.notify(warnings.join("; "), true);
    }
    let initial = match &open.conversation {
        Some(text) => app.open(text),
        None => Vec::new(),
    };
    // A file that cannot be recorded to is said before the terminal is touched.
    let recording = match args
        .record
        .as_deref()
        .map(crate::history::recording::Recording::open)
    {
        Some(Err(error)) => {
            eprintln!("gc-attrs: --record: {error}");
            return Ok(2);
        }
        other => other.and_then(Result::ok),
    };
    let (simulator_tx, simulator_rx) = tokio::sync::oneshot::channel();
    let connect = connect_tui(args.clone(), live, simulator_tx);
    let ended = crate::tui::run_recording(app, connect, initial, recording).await;
    if let Ok(running) = simulator_rx.await {
        running.shutdown().await;
    }
    match ended.wrap_err("the terminal failed")? {
        crate::tui::Ended::Unconnected(message) => Err(color_eyre::eyre::eyre!(message)),
        ended => Ok(ended.exit_code()),
    }
}

/// The TUI's connection, made after its first frame: the recent
/// conversations of this target in the history, the embedded simulator
/// unless `live` is given (handed to `simulator` to be shut down at the end),
/// and the HTTP client.
async fn connect_tui(
    args: ConnectArgs,
    live: Option<(crate::genesys::Target, crate::api::Credentials)>,
    simulator: tokio::sync::oneshot::Sender<crate::sim::RunningSim>,
) -> Result<crate::tui::Connected, String> {
    use crate::history::Place;
    use crate::usecase::summary::{ConversationRow, Origin};
    let place = match &live {
        Some((target, credentials)) => Place::org(&target.api_base(), credentials),
        None => Place::Simulator,
    };
    // The picker offers the conversations of the latest exchanges on this
    // target, newest first; a history that cannot be read offers none.
    let here = place.clone();
    let recent = tokio::task::spawn_blocking(move || {
        crate::history::History::reader_default()
            .and_then(|history| history.last(200))
            .map(|(entries, _)| crate::history::recent_conversations(&entries, &here, 20))
            .unwrap_or_default()
    });
    let (target, credentials, fixtures) = if let Some((target, credentials)) = live {
        (target, credentials, Vec::new())
    } else {
        let (running, target, credentials) = common::embedded_simulator().await?;
        let conversations = running.conversations();
        let _ = simulator.send(running);
        (target, credentials, conversations)
    };
    let config = args.client_config(target, credentials);
    // Building a client for a live org reads the TLS roots from disk.
    let client = tokio::task::spawn_blocking(move || crate::api::Client::new(config))
        .await
        .map_err(|e| format!("HTTP client: {e}"))?
        .map_err(|e| format!("HTTP client: {e}"))?;
    // The recent ones first, then the fixtures not already listed.
    let mut suggestions: Vec<ConversationRow> = recent
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|recent| match &recent.conversation {
            Some(conversation) => ConversationRow::of(conversation, Origin::Recent),
            None => ConversationRow::bare(&recent.id, Origin::Recent),
        })
        .collect();
    for conversation in &fixtures {
        let row = ConversationRow::of(conversation, Origin::Fixture);
        match suggestions.iter_mut().find(|s| s.id == row.id) {
            // A recent one the history holds no read of: the fixture says what it is.
            Some(recent) if recent.details.is_none() => recent.details = row.details,
            Some(_) => {}
            None => suggestions.push(row),
        }
    }
    Ok(crate::tui::Connected {
        client,
        suggestions,
        place,
    })
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::{Cli, show_secure};
    use crate::config::display::Display;

    #[test]
    fn the_tui_shows_secure_values_only_with_show_secure_or_the_config_setting() {
        let parse = |args: &[&str]| Cli::try_parse_from(args).expect("parses");
        let plain = parse(&["gc-attrs", "--sim"]);
        assert!(
            !show_secure(&plain.tui, Display::default()),
            "masked by default"
        );
        let flag = parse(&["gc-attrs", "--sim", "--show-secure"]);
        assert!(show_secure(&flag.tui, Display::default()));
        assert!(show_secure(&plain.tui, Display { show_secure: true }));
        // A subcommand prints no secure value: the flag is refused there.
        let misplaced = super::misplaced(&parse(&["gc-attrs", "--show-secure", "get", "c-1"]));
        assert!(
            misplaced.is_some_and(|m| m.starts_with("--show-secure shows secure-attribute values")),
        );
    }
}
