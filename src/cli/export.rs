//! `gc-attrs export [--last N] --format curl|json`: the latest exchanges of
//! the history ([`crate::history`]), redacted, for a script or a hand-over.
//! Secure-attribute values are masked in every format, with no opt-in: the
//! history never holds them, and a line of an older file that does is masked
//! here ([`crate::api::Exchange::masked`]).
//!
//! - `curl`: per entry, a comment line `# <time> <method> <url> -> <status>`
//!   (or `-> no answer (<kind>: <message>)`), then the request as one curl
//!   command line ([`to_curl`]) reading the token from `$GENESYS_TOKEN`.
//! - `json`: a JSON array of entries, oldest first, each
//!   `{"time", "source", "exchange": {"method", "url", "request_headers",
//!   "request_body", "status", "reason", "response_headers", "response_body",
//!   "error_body", "correlation_id", "rate_limit", "timings", "attempts",
//!   "failure"}}` (the shape of [`crate::history::Entry`]).
//!
//! `--format` decides the output; the global `--json` flag does not change
//! it. With `--json`, an error also prints
//! `{"error": {"exit", "message", "explanation": null}}` on stdout, as the
//! other commands do ([`super::common::finish`]).
//!
//! Exit codes: 0 printed; 2 when `--last` is 0, the history is empty or
//! missing ("no exchanges recorded yet in <path>"), or cannot be read, with
//! `gc-attrs: MESSAGE` on stderr.
//! Lines of the history that cannot be decoded (a line cut by a crash) are
//! skipped with a warning on stderr.

use std::fmt::Write as _;
use std::io::Write as _;

use super::common::{CliError, Output, finish};
use crate::api::{Outcome, to_curl};
use crate::history::{Entry, History};

/// Runs `export`; returns the exit code. `json` is the global `--json` flag:
/// it shapes the errors only.
#[must_use]
pub fn run(args: &super::ExportArgs, json: bool) -> u8 {
    finish(export(args), Output::new(json))
}

fn export(args: &super::ExportArgs) -> Result<u8, CliError> {
    if args.last == 0 {
        return Err(CliError::usage("--last must be at least 1"));
    }
    let history = History::reader_default().map_err(|e| CliError::usage(e.to_string()))?;
    let (entries, skipped) = history
        .last(args.last)
        .map_err(|e| CliError::usage(e.to_string()))?;
    if skipped > 0 {
        eprintln!(
            "gc-attrs export: skipped {skipped} unreadable line(s) in {}",
            history.path().display()
        );
    }
    if entries.is_empty() {
        return Err(CliError::usage(format!(
            "no exchanges recorded yet in {}",
            history.path().display()
        )));
    }
    // The history stores no secure-attribute value; a file written by an
    // older version may, so they are masked again on the way out.
    let entries: Vec<Entry> = entries
        .into_iter()
        .map(|entry| Entry {
            exchange: entry.exchange.masked(),
            ..entry
        })
        .collect();
    let text = if args.format == super::choices::ExportFormat::Json {
        serde_json::to_string_pretty(&entries)
            .map(|text| text + "\n")
            .map_err(|e| CliError::usage(format!("cannot encode the entries: {e}")))?
    } else {
        curl_lines(&entries)
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::usage(format!("cannot write the output: {error}")))
        }
        _ => Ok(0),
    }
}

/// The curl form: a comment line and a command line per entry.
fn curl_lines(entries: &[Entry]) -> String {
    let mut text = String::new();
    for entry in entries {
        let exchange = &entry.exchange;
        let outcome = match &exchange.outcome {
            Outcome::Answer { status, .. } => status.to_string(),
            Outcome::Failed { failure } => {
                let kind = serde_json::to_value(failure.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                format!("no answer ({kind}: {})", one_line(&failure.message))
            }
            Outcome::Cancelled => "cancelled".to_owned(),
        };
        let _ = writeln!(
            text,
            "# {} {} {} -> {outcome}\n{}",
            entry.time,
            one_line(&exchange.method),
            one_line(&exchange.url),
            to_curl(exchange)
        );
    }
    text
}

/// Text safe inside a `#` comment line: line breaks become spaces.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}
