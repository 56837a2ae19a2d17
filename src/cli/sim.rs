//! `gc-attrs sim`: the standalone simulator, its flags and its banner.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use color_eyre::eyre::WrapErr;

use super::common::clean;
use crate::sim::{self, SimConfig};
use crate::usecase::summary::{ConversationRow, Origin};

/// `gc-attrs sim`: where to listen, the demo credentials, and the switches of
/// the assumed behaviours and faults (see docs/simulator.md).
#[derive(Args)]
pub struct SimArgs {
    /// Address to listen on; port 0 picks a free one.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8787")]
    pub listen: SocketAddr,
    /// OAuth client id the token endpoint accepts.
    #[arg(long, value_name = "ID", default_value = "demo-client", value_parser = client_id)]
    pub client_id: String,
    /// OAuth client secret the token endpoint accepts.
    #[arg(long, value_name = "SECRET", default_value = "demo-secret", value_parser = non_empty)]
    pub client_secret: String,
    /// Also load every *.json conversation in this folder.
    #[arg(long, value_name = "DIR")]
    pub fixtures: Option<PathBuf>,
    /// Lifetime of issued tokens, in seconds: 1 to 172800 (48 h, the longest an OAuth client allows).
    #[arg(long, value_name = "SECS", default_value_t = 86_400, value_parser = token_ttl)]
    pub token_ttl: u64,
    /// Requests per minute per client before 429 too.many.requests.
    #[arg(long, value_name = "N", default_value_t = 300,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub rate_limit: u32,
    /// Accept and drop unknown body keys and non-string attribute values.
    #[arg(long)]
    pub lenient: bool,
    /// PATCH of participant attributes replaces the whole map (default: merge per key).
    #[arg(long)]
    pub replace_on_patch: bool,
    /// Delay added to every response, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub latency: u64,
    /// Chance (0.0 to 1.0) of a 503 service.unavailable on an API call.
    #[arg(long, value_name = "0.x", default_value_t = 0.0, value_parser = probability)]
    pub fail_rate: f64,
    /// Chance (0.0 to 1.0) of a 429 too.many.requests on an API call.
    #[arg(long, value_name = "0.x", default_value_t = 0.0, value_parser = probability)]
    pub throttle_rate: f64,
    /// How long after a 202 an attribute change shows in GET, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub visibility_delay: u64,
    /// A flow holding the PATCHed participant (the customer of a conversation
    /// with an ivr participant: assumed) writes its values back this long
    /// after the PATCH shows, in milliseconds (0 to 86400000). Default: off.
    #[arg(long, value_name = "MS", value_parser = flow_writeback)]
    pub flow_writeback: Option<u64>,
    /// Seed for the fault RNG, for repeatable runs.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// The largest request body read (413 past it): bytes, or with KiB, MiB or GiB.
    #[arg(long, value_name = "SIZE", default_value = "1MiB", value_parser = super::byte_size)]
    pub max_request_body: usize,
    /// The most bytes (keys and values) one participant's attributes, or one
    /// conversation's secure attributes, may take; a write past it is refused.
    #[arg(long, value_name = "SIZE", default_value = "1MiB", value_parser = super::byte_size)]
    pub max_stored_attributes: usize,
    /// How long a connection may take to send a request's headers, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 10_000,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout: u64,
    /// How long a connection may stay silent before it is closed, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 60_000,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub idle_timeout: u64,
}

impl SimArgs {
    /// The simulator configuration these flags describe.
    #[must_use]
    pub fn config(&self) -> SimConfig {
        SimConfig {
            client_id: self.client_id.clone(),
            client_secret: self.client_secret.clone(),
            token_ttl: Duration::from_secs(self.token_ttl),
            rate_limit: self.rate_limit,
            lenient: self.lenient,
            replace_on_patch: self.replace_on_patch,
            latency: Duration::from_millis(self.latency),
            fail_rate: self.fail_rate,
            throttle_rate: self.throttle_rate,
            visibility_delay: Duration::from_millis(self.visibility_delay),
            flow_writeback: self.flow_writeback.map(Duration::from_millis),
            fixtures_dir: self.fixtures.clone(),
            seed: self.seed,
            max_request_body: self.max_request_body,
            max_stored_attributes: self.max_stored_attributes,
            header_timeout: Duration::from_millis(self.header_timeout),
            idle_timeout: Duration::from_millis(self.idle_timeout),
        }
    }
}

fn probability(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number; give a chance from 0.0 to 1.0"))?;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!(
            "{value} is outside 0.0 to 1.0 (0.1 means one call in ten)"
        ))
    }
}

/// `--token-ttl`: capped at the longest lifetime an OAuth client can have
/// (48 h, §4), so that an expiry is always a representable instant.
fn token_ttl(text: &str) -> Result<u64, String> {
    let max = sim::MAX_TOKEN_TTL.as_secs();
    let out_of_range = || {
        format!(
            "`{text}` is not a number of seconds from 1 to {max} (48 h, the longest token lifetime an OAuth client can have)"
        )
    };
    match text.trim().parse::<u64>() {
        Ok(seconds) if (1..=max).contains(&seconds) => Ok(seconds),
        _ => Err(out_of_range()),
    }
}

/// `--flow-writeback`: milliseconds, at most [`sim::MAX_SIM_DELAY`] (24 h).
fn flow_writeback(text: &str) -> Result<u64, String> {
    let max = u64::try_from(sim::MAX_SIM_DELAY.as_millis()).unwrap_or(u64::MAX);
    match text.trim().parse::<u64>() {
        Ok(ms) if ms <= max => Ok(ms),
        _ => Err(format!(
            "`{text}` is not a number of milliseconds from 0 to {max} (24 h): the delay before a flow writes its values back"
        )),
    }
}

fn non_empty(text: &str) -> Result<String, String> {
    if text.is_empty() {
        Err("must not be empty".to_owned())
    } else {
        Ok(text.to_owned())
    }
}

fn client_id(text: &str) -> Result<String, String> {
    if text.contains(':') {
        return Err("a client id cannot contain ':' (Basic auth joins id:secret)".to_owned());
    }
    non_empty(text)
}

/// `gc-attrs sim`: starts the simulator, prints its base URL, the demo
/// credentials (the one place a secret is printed: the simulator's own) and
/// the conversation ids, then serves until Ctrl-C.
///
/// # Errors
///
/// When the simulator cannot start or Ctrl-C cannot be awaited.
pub async fn run_sim(args: SimArgs) -> color_eyre::Result<()> {
    let config = args.config();
    // Install the handlers before the banner: a script that reads the base
    // URL and at once sends SIGINT must find them in place.
    let stop = stop_signal().wrap_err("cannot listen for Ctrl-C")?;
    let sim = sim::start(config.clone(), args.listen)
        .await
        .wrap_err("cannot start the simulator")?;
    let base = sim.base_url();
    println!("gc-attrs simulator {}", env!("CARGO_PKG_VERSION"));
    println!("base URL: {base}");
    println!("token URL: {base}/oauth/token");
    println!("client id: {}", config.client_id);
    println!("client secret: {}", config.client_secret);
    println!(
        "behaviour: {}, {} on PATCH, {} requests/min, latency {} ms, fail rate {}, throttle rate {}, visibility delay {} ms, flow write-back {}, bodies up to {} bytes, attributes up to {} bytes, header timeout {} ms, idle timeout {} ms",
        if config.lenient { "lenient" } else { "strict" },
        if config.replace_on_patch {
            "replace"
        } else {
            "merge"
        },
        config.rate_limit,
        config.latency.as_millis(),
        config.fail_rate,
        config.throttle_rate,
        config.visibility_delay.as_millis(),
        config
            .flow_writeback
            .map_or_else(|| "off".to_owned(), |d| format!("{} ms", d.as_millis())),
        config.max_request_body,
        config.max_stored_attributes,
        config.header_timeout.as_millis(),
        config.idle_timeout.as_millis(),
    );
    println!("conversations:");
    // Ids, names and warnings come from fixture files: no control character
    // of theirs reaches the terminal raw. Each row says what the TUI's
    // picker says of it.
    for conversation in sim.conversations() {
        let row = ConversationRow::of(&conversation, Origin::Fixture);
        println!("  {}  {}", clean(&row.id), clean(&row.words()));
    }
    for warning in sim.fixture_warnings() {
        eprintln!("warning: fixture not loaded: {}", clean(warning));
    }
    // The command that points the TUI (or any headless command) at it.
    println!(
        "connect the TUI: gc-attrs --region {base} --client-id {} --client-secret {}",
        shell_word(&config.client_id),
        shell_word(&config.client_secret)
    );
    println!("serving; press Ctrl-C to stop");
    stop.await;
    println!("stopping");
    sim.shutdown().await;
    Ok(())
}

/// A future that completes on Ctrl-C (SIGINT) or SIGTERM. The handlers are
/// installed when this is called, not when the future is first polled.
#[cfg(unix)]
fn stop_signal() -> std::io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

/// A future that completes on Ctrl-C.
#[cfg(not(unix))]
fn stop_signal() -> std::io::Result<impl Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}

/// A word as a POSIX shell reads it back: as it is when it is plain, else
/// in single quotes.
fn shell_word(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:/@%+=".contains(c))
    {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    #[test]
    fn sim_flags_parse_into_a_config() {
        let cli = Cli::try_parse_from([
            "gc-attrs",
            "sim",
            "--listen",
            "127.0.0.1:0",
            "--fail-rate",
            "0.25",
            "--latency",
            "40",
            "--replace-on-patch",
            "--seed",
            "9",
        ])
        .unwrap();
        let Some(Command::Sim(args)) = cli.command else {
            panic!("not the sim command");
        };
        let config = args.config();
        assert!((config.fail_rate - 0.25).abs() < f64::EPSILON);
        assert_eq!(config.latency, Duration::from_millis(40));
        assert!(config.replace_on_patch && !config.lenient);
        assert_eq!(config.seed, Some(9));
        assert_eq!(config.client_id, "demo-client");
        assert!(config.validate().is_ok());
    }

    /// The config of `gc-attrs sim ARGS…`.
    fn sim_config(flags: &[&str]) -> (SimArgs, SimConfig) {
        let mut command_line = vec!["gc-attrs", "sim"];
        command_line.extend_from_slice(flags);
        let cli = Cli::try_parse_from(command_line).unwrap();
        let Some(Command::Sim(args)) = cli.command else {
            panic!("not the sim command");
        };
        let config = args.config();
        (args, config)
    }

    #[test]
    fn every_sim_flag_lands_in_its_own_field() {
        // Each flag gets a value no other flag has, so a swap of two fields
        // (throttle and fail rate, latency and visibility delay, …) fails.
        let (args, config) = sim_config(&[
            "--listen",
            "127.0.0.1:4321",
            "--client-id",
            "flag-client",
            "--client-secret",
            "flag-secret",
            "--fixtures",
            "/tmp/flag-fixtures",
            "--token-ttl",
            "1234",
            "--rate-limit",
            "77",
            "--lenient",
            "--replace-on-patch",
            "--latency",
            "11",
            "--fail-rate",
            "0.25",
            "--throttle-rate",
            "0.75",
            "--visibility-delay",
            "22",
            "--flow-writeback",
            "55",
            "--seed",
            "99",
            "--max-request-body",
            "64KiB",
            "--max-stored-attributes",
            "2MiB",
            "--header-timeout",
            "33",
            "--idle-timeout",
            "44",
        ]);
        assert_eq!(args.listen, "127.0.0.1:4321".parse().unwrap());
        assert_eq!(
            config,
            SimConfig {
                client_id: "flag-client".to_owned(),
                client_secret: "flag-secret".to_owned(),
                token_ttl: Duration::from_secs(1234),
                rate_limit: 77,
                lenient: true,
                replace_on_patch: true,
                latency: Duration::from_millis(11),
                fail_rate: 0.25,
                throttle_rate: 0.75,
                visibility_delay: Duration::from_millis(22),
                flow_writeback: Some(Duration::from_millis(55)),
                fixtures_dir: Some(PathBuf::from("/tmp/flag-fixtures")),
                seed: Some(99),
                max_request_body: 64 << 10,
                max_stored_attributes: 2 << 20,
                header_timeout: Duration::from_millis(33),
                idle_timeout: Duration::from_millis(44),
            }
        );
        // The two switches, one at a time, so they cannot be swapped either.
        let (_, lenient) = sim_config(&["--lenient"]);
        assert!(lenient.lenient && !lenient.replace_on_patch);
        let (_, replace) = sim_config(&["--replace-on-patch"]);
        assert!(replace.replace_on_patch && !replace.lenient);
        // No flag: the simulator's own defaults.
        let (args, config) = sim_config(&[]);
        assert_eq!(args.listen, "127.0.0.1:8787".parse().unwrap());
        assert_eq!(config, SimConfig::default());
    }

    #[test]
    fn a_token_lifetime_past_48_hours_is_a_usage_error() {
        let (_, config) = sim_config(&["--token-ttl", "172800"]);
        assert_eq!(config.token_ttl, sim::MAX_TOKEN_TTL);
        assert!(config.validate().is_ok());
        for bad in [
            "172801",
            "18446744073709551615",
            "99999999999999999999",
            "0",
        ] {
            let err = Cli::try_parse_from(["gc-attrs", "sim", "--token-ttl", bad])
                .err()
                .unwrap_or_else(|| panic!("{bad} accepted"));
            assert_eq!(err.exit_code(), 2, "{bad}");
            let text = err.to_string();
            assert!(text.contains("172800") && text.contains("48 h"), "{text}");
        }
    }

    #[test]
    fn the_flow_writeback_flag_takes_milliseconds_up_to_24_hours() {
        let (_, config) = sim_config(&["--flow-writeback", "0"]);
        assert_eq!(config.flow_writeback, Some(Duration::ZERO));
        let (_, config) = sim_config(&["--flow-writeback", "86400000"]);
        assert_eq!(config.flow_writeback, Some(sim::MAX_SIM_DELAY));
        assert!(config.validate().is_ok());
        for bad in ["86400001", "-1", "3s", "", "18446744073709551616"] {
            let flag = format!("--flow-writeback={bad}");
            let err = Cli::try_parse_from(["gc-attrs", "sim", flag.as_str()])
                .err()
                .unwrap_or_else(|| panic!("{bad:?} accepted"));
            assert_eq!(err.exit_code(), 2, "{bad:?}");
            let text = err.to_string();
            assert!(
                text.contains("milliseconds from 0 to 86400000")
                    && text.contains("--flow-writeback"),
                "{text}"
            );
        }
    }

    #[test]
    fn bad_flags_are_usage_errors() {
        for bad in [
            &["--fail-rate", "2"][..],
            &["--throttle-rate", "-0.1"],
            &["--rate-limit", "0"],
            &["--client-id", "a:b"],
            &["--listen", "nowhere"],
            &["--max-request-body", "12"],
            &["--max-stored-attributes", "1TB"],
            &["--header-timeout", "0"],
            &["--idle-timeout", "0"],
        ] {
            let mut argv = vec!["gc-attrs", "sim"];
            argv.extend_from_slice(bad);
            let err = Cli::try_parse_from(argv).err().unwrap();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
        }
        assert!(Cli::try_parse_from(["gc-attrs"]).unwrap().command.is_none());
        let participant_alone = Cli::try_parse_from(["gc-attrs", "--participant", "p"])
            .err()
            .unwrap();
        assert_eq!(participant_alone.exit_code(), 2);
        let cli = Cli::try_parse_from([
            "gc-attrs",
            "--sim",
            "--conversation",
            "c",
            "--participant",
            "p",
        ])
        .unwrap();
        assert!(cli.connect.flags().sim);
        assert_eq!(cli.tui.participant.as_deref(), Some("p"));
    }
}
