//! `gc-attrs send CONVERSATION PARTICIPANT --set … [--unset …] [--rename …]
//! [--verb PATCH|PUT] [--route generic|media] [--yes]`: reads the
//! participant, builds the body as `diff` does (PATCH: the changed keys; PUT:
//! the full map, to see what the server answers, since no PUT route exists,
//! §1.4), prints the lint verdict, sends, prints the exchange with decoded
//! errors, and after a 2xx re-reads the participant to show what changed.
//!
//! - `--route media` uses the participant's media route (calls, callbacks,
//!   emails, messages, cobrowsesessions); a participant without one is a
//!   usage error.
//! - On a live org nothing is written without `--yes` or a person typing
//!   `yes` at a prompt on a terminal; without either it exits 2.
//! - A 202 is asynchronous (§6 8): the re-read follows the shared
//!   [`RereadPolicy`] (up to 5 reads, after 250 ms, then twice as long each
//!   time) until the attributes are as predicted or changed.
//!
//! Exit codes: 0 for a 2xx, 3 for a 4xx, 4 for a 5xx or no answer, 2 for
//! usage (also: nothing to change, or no confirmation).
//!
//! `--json` prints:
//!
//! ```json
//! {
//!   "request": {"verb": "PATCH", "path": "/api/v2/…", "body": {"attributes": {}},
//!               "findings": [Finding], "unlisted": [{"rule", "count"}]},
//!   "exchange": {"method", "url", "request_headers": [[name, value]], "request_body",
//!                "outcome": "answer"|"failed"|"cancelled", "status", "reason" (answer),
//!                "failure": {kind, message} (failed),
//!                "response_headers", "response_body", "error_body",
//!                "correlation_id", "rate_limit": {count, allowed, reset_seconds, retry_after_seconds},
//!                "timings": {"to_headers": {secs, nanos}|null, "total": {secs, nanos}},
//!                "attempts"},
//!   "explanation": Explanation|null,
//!   "observed": {"verdict": "as-predicted"|"differs"|"not-visible-yet", "before": {}, "after": {},
//!                "changed": true, "asPredicted": true, "attempts": 1}|null
//! }
//! ```
//!
//! The exchange is redacted at the source: no token or secret is printed.

use std::fmt::Write as _;
use std::io::{BufRead as _, IsTerminal as _, Write as _};

use serde_json::{Value, json};

use super::common::{
    self, CliError, Output, Paint, Session, decoded, diff_text, exchange_text, explanation_text,
};
use super::diff::{self as edit, Prepared, request_json, request_text};
use super::{ConnectArgs, SendArgs};
use crate::api::{Exchange, RawRequest};
use crate::genesys::Verb;
use crate::usecase::{Observation, RereadPolicy, RereadStep};

/// On a live org: `--yes`, or `yes` typed at a terminal.
fn confirm(live: &str, yes: bool, summary: &str) -> Result<(), CliError> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError::usage(format!(
            "refusing to write to the live org {live} without confirmation: pass --yes \
             (no terminal to ask on); nothing was sent"
        )));
    }
    eprint!("This writes to the LIVE org {live}: {summary}.\nType yes to send: ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    if answer.trim().eq_ignore_ascii_case("yes") {
        Ok(())
    } else {
        Err(CliError::usage("not confirmed; nothing was sent"))
    }
}

/// Re-reads the participant on the shared policy until it is as predicted,
/// changed, or the attempts run out.
async fn reread(
    session: &mut Session,
    prepared: &Prepared,
    verb: Verb,
) -> Result<Observation, CliError> {
    let policy = RereadPolicy::DEFAULT;
    let before = prepared.edits.original();
    let expected = prepared.preview.expected(verb);
    let mut attempt = 1;
    let mut wait = policy.delay(1);
    loop {
        tokio::time::sleep(wait).await;
        let conversation = session.conversation(&prepared.conversation_id).await?;
        let after = common::participant(&conversation, prepared.participant_id())?
            .attributes
            .clone()
            .unwrap_or_default();
        match policy.judge(attempt, before, expected, after) {
            RereadStep::Again {
                attempt: next,
                after,
            } => {
                attempt = next;
                wait = after;
            }
            RereadStep::Done(observation) => return Ok(observation),
        }
    }
}

fn observed_json(observed: Option<&Observation>) -> Value {
    observed.map_or(Value::Null, |o| {
        let (before, after) = o.before_after();
        json!({
            "verdict": o.kind(),
            "before": before,
            "after": after,
            "changed": before != after,
            "asPredicted": matches!(o, Observation::AsPredicted { .. }),
            "attempts": o.attempts(),
        })
    })
}

fn observed_text(observed: &Observation, out: Output) -> String {
    let verdict = match observed {
        Observation::AsPredicted { .. } => out.paint(&observed.verdict(), Paint::Green),
        Observation::Differs { .. } | Observation::NotVisibleYet { .. } => {
            out.paint(&observed.verdict(), Paint::Yellow)
        }
    };
    if let Observation::NotVisibleYet { .. } = observed {
        return format!("observed: {verdict}\n");
    }
    format!(
        "observed: {verdict}\n{}",
        common::indented(&diff_text(&observed.diff(), out), 2)
    )
}

/// Runs `send`.
///
/// # Errors
/// Usage, a refused or failed read, or a login failure; an answered send
/// is never an error (its status decides the exit code).
pub async fn run(args: &SendArgs, connect: &ConnectArgs, out: Output) -> Result<u8, CliError> {
    let ops = edit::parse_ops(&args.edit)?;
    let verb: Verb = args.verb.verb();
    let mut session = Session::connect(connect).await?;
    let prepared = edit::prepare(&mut session, &args.edit, &ops, verb).await?;
    if !prepared.edits.is_dirty() {
        return Err(CliError::usage(
            "nothing to change: give --set KEY=VALUE, --unset KEY or --rename OLD=NEW",
        ));
    }
    let request = prepared.preview.chosen();
    let body = &request.body;
    if !out.json {
        let mut text = request_text(request, out);
        if verb == Verb::Patch && !prepared.preview.unremovable().is_empty() {
            _ = writeln!(
                text,
                "note: PATCH cannot remove {} (no documented way to delete a key, §3)",
                prepared.preview.unremovable().join(", ")
            );
        }
        common::print(&text);
    }
    if let Some(live) = &session.live {
        let keys: Vec<&String> = body["attributes"]
            .as_object()
            .map(|m| m.keys().collect())
            .unwrap_or_default();
        let summary = format!(
            "{verb} keys [{}] of participant {}",
            keys.iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            prepared.participant_id()
        );
        confirm(live, args.yes, &summary)?;
    }
    let exchange: Exchange = session
        .send(&RawRequest::json(verb.as_str(), request.path.clone(), body))
        .await?;
    let explanation = decoded(&exchange);
    let mut observed = None;
    if exchange.is_success() {
        match reread(&mut session, &prepared, verb).await {
            Ok(found) => observed = Some(found),
            Err(e) => eprintln!("warning: the re-read failed: {}", e.message),
        }
    }
    if out.json {
        common::print_json(&json!({
            "request": request_json(request),
            "exchange": exchange,
            "explanation": explanation,
            "observed": observed_json(observed.as_ref()),
        }));
    } else {
        let mut text = format!("\n{}", exchange_text(&exchange, out));
        if let Some(300..=399) = exchange.status() {
            let to = exchange.header("location").unwrap_or("nowhere given");
            _ = writeln!(
                text,
                "not followed: a write is never redirected (its body would go elsewhere); \
                 Location: {}",
                common::clean(to)
            );
        }
        if let Some(explanation) = &explanation {
            _ = write!(
                text,
                "decoded error:\n{}",
                common::indented(&explanation_text(explanation, out), 2)
            );
        }
        if let Some(observed) = &observed {
            text.push_str(&observed_text(observed, out));
        }
        common::print(&text);
    }
    Ok(common::exit_code(&exchange))
}
