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
//! - A 202 is asynchronous (§6 8): the re-read tries up to 5 times, waiting
//!   250 ms, then twice as long each time, until the attributes differ.
//!
//! Exit codes: 0 for a 2xx, 3 for a 4xx, 4 for a 5xx or no answer, 2 for
//! usage (also: nothing to change, or no confirmation).
//!
//! `--json` prints:
//!
//! ```json
//! {
//!   "request": {"verb": "PATCH", "path": "/api/v2/…", "body": {"attributes": {}}, "findings": [Finding]},
//!   "exchange": {"method", "url", "request_headers": [[name, value]], "request_body",
//!                "status", "reason", "response_headers", "response_body", "error_body",
//!                "correlation_id", "rate_limit": {count, allowed, reset_seconds, retry_after_seconds},
//!                "timings": {"to_headers": {secs, nanos}|null, "total": {secs, nanos}},
//!                "attempts", "failure": {kind, message}|null},
//!   "explanation": Explanation|null,
//!   "observed": {"before": {}, "after": {}, "changed": true, "asPredicted": true, "attempts": 1}|null
//! }
//! ```
//!
//! The exchange is redacted at the source: no token or secret is printed.

use std::fmt::Write as _;
use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::time::Duration;

use serde_json::{Value, json};

use super::common::{
    self, CliError, Output, Paint, Session, decoded, diff_text, exchange_text, explanation_text,
};
use super::diff::{self as edit, Prepared, lint_json, request_json, request_text};
use super::{ConnectArgs, SendArgs};
use crate::api::{Exchange, RawRequest};
use crate::genesys::{AttributeRoute, Attributes, Media, Route, Verb};

/// How many times the re-read looks for the change.
const REREAD_ATTEMPTS: u32 = 5;
/// The first re-read waits this long; each next one twice as long.
const REREAD_FIRST_DELAY: Duration = Duration::from_millis(250);

/// What the re-read found.
struct Observed {
    before: Attributes,
    after: Attributes,
    as_predicted: bool,
    attempts: u32,
}

/// The path for `--route`.
fn path(prepared: &Prepared, route: &str) -> Result<String, CliError> {
    if route == "generic" {
        return Ok(prepared.generic_path());
    }
    let kinds = prepared.participant.media_kinds();
    let media = kinds
        .iter()
        .filter_map(|kind| Media::from_participant_array(kind))
        .find(|m| {
            matches!(
                m.attribute_route(),
                AttributeRoute::Available | AttributeRoute::Deprecated
            )
        });
    let route = media
        .and_then(|m| Route::attributes_for(Some(m)))
        .ok_or_else(|| {
            CliError::usage(format!(
                "--route media: participant {} has media [{}], none with a participant-attribute \
             route (§1.1); use --route generic",
                prepared.participant_id(),
                kinds.join(", ")
            ))
        })?;
    Ok(route.path(&prepared.conversation_id, prepared.participant_id()))
}

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

/// Re-reads the participant until its attributes differ from `before`.
async fn reread(
    session: &mut Session,
    prepared: &Prepared,
    expected: &Attributes,
) -> Result<Observed, CliError> {
    let before = prepared.edits.original().clone();
    let mut after = before.clone();
    let mut attempts = 0;
    while attempts < REREAD_ATTEMPTS {
        tokio::time::sleep(REREAD_FIRST_DELAY * 2u32.pow(attempts)).await;
        attempts += 1;
        let conversation = session.conversation(&prepared.conversation_id).await?;
        after = common::participant(&conversation, prepared.participant_id())?
            .attributes
            .clone()
            .unwrap_or_default();
        if after != before {
            break;
        }
    }
    Ok(Observed {
        as_predicted: after == *expected,
        before,
        after,
        attempts,
    })
}

fn observed_json(observed: Option<&Observed>) -> Value {
    observed.map_or(Value::Null, |o| {
        json!({
            "before": o.before,
            "after": o.after,
            "changed": o.before != o.after,
            "asPredicted": o.as_predicted,
            "attempts": o.attempts,
        })
    })
}

fn observed_text(observed: &Observed, out: Output) -> String {
    let attempts = format!("{} re-read(s)", observed.attempts);
    if observed.before == observed.after {
        return format!(
            "observed: no change after {attempts} (a 202 is asynchronous; the delay is undocumented, §6 8)\n"
        );
    }
    let verdict = if observed.as_predicted {
        out.paint("as predicted", Paint::Green)
    } else {
        out.paint("NOT as predicted", Paint::Yellow)
    };
    let diff = crate::diff::diff(&json!(observed.before), &json!(observed.after));
    format!(
        "observed after {attempts}: {verdict}\n{}",
        common::indented(&diff_text(&diff, out), 2)
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
    let prepared = edit::prepare(&mut session, &args.edit, &ops).await?;
    if !prepared.edits.is_dirty() {
        return Err(CliError::usage(
            "nothing to change: give --set KEY=VALUE, --unset KEY or --rename OLD=NEW",
        ));
    }
    let plan = &prepared.plan;
    let (body, expected) = match verb {
        Verb::Put => (plan.put_body(), plan.after_put().clone()),
        _ => (plan.patch_body(), plan.after_patch.clone()),
    };
    let path = path(&prepared, args.route.as_str())?;
    let findings = lint_json(verb.as_str(), &path, &body);
    if !out.json {
        let mut text = request_text(verb.as_str(), &path, &body, &findings, out);
        if verb == Verb::Patch && !plan.unremovable().is_empty() {
            _ = writeln!(
                text,
                "note: PATCH cannot remove {} (no documented way to delete a key, §3)",
                plan.unremovable().join(", ")
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
        .send(&RawRequest::json(verb.as_str(), path.clone(), &body))
        .await?;
    let explanation = decoded(&exchange);
    let mut observed = None;
    if exchange.is_success() {
        match reread(&mut session, &prepared, &expected).await {
            Ok(found) => observed = Some(found),
            Err(e) => eprintln!("warning: the re-read failed: {}", e.message),
        }
    }
    if out.json {
        common::print_json(&json!({
            "request": request_json(verb.as_str(), &path, &body, &findings),
            "exchange": exchange,
            "explanation": explanation,
            "observed": observed_json(observed.as_ref()),
        }));
    } else {
        let mut text = format!("\n{}", exchange_text(&exchange, out));
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
