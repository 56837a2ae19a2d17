//! `gc-attrs check [FILE|-]`: judges a whole text (a forum answer, a code
//! file, a chat transcript) with [`crate::usecase::check`]: every claim the
//! fact sheet can judge, at line and column, with its verdict, truth, fix
//! and evidence; every request it holds (curl, raw HTTP, a verb and path in
//! prose with a JSON body, an SDK call with a body literal), linted on its
//! route. Needs no credentials and no network. Reads FILE, or standard input
//! for `-` or no FILE, at most [`MAX_CHECK`] bytes.
//!
//! Exit codes: 0 when no claim is false and no request is predicted to be
//! rejected, 1 when one is, 2 for a usage error (unreadable, too large or
//! not UTF-8 input).
//!
//! `--json` prints `{"claims": [{"line", "column", "match", "verdict":
//! "false"|"partly"|"unconfirmed"|"true", "rule", "truth", "fix",
//! "evidence"}], "requests": [{"line", "source":
//! "curl"|"http"|"prose"|"sdk", "verb", "path", "content_type", "body",
//! "findings": [Finding], "unlisted": [{rule, count}], "rejects", "notes"}],
//! "summary": {"claims", "false", "partly", "unconfirmed", "true",
//! "requests", "rejected"}, "fails"}`; a Finding is as in `lint --json`.

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::Path;

use serde_json::json;

use super::CheckArgs;
use super::common::{self, CliError, Output, Paint, REJECTS, clean, findings_text, verdict_line};
use crate::lint::{Verdict, listing};
use crate::usecase::check::{Checked, MAX_CHECK, check};
use crate::usecase::words::{self, Label};

/// Runs `check`.
///
/// # Errors
/// A usage error when the text cannot be read, is too large or is not UTF-8.
pub fn run(args: &CheckArgs, out: Output) -> Result<u8, CliError> {
    let text = read_capped(args.file.as_deref())?;
    let checked = check(&text).map_err(|e| CliError::usage(e.to_string()))?;
    if out.json {
        common::print_json(&json_of(&checked));
    } else {
        common::print(&text_of(&checked, out));
    }
    Ok(if checked.fails() { REJECTS } else { 0 })
}

/// The text of FILE (or standard input), refused past [`MAX_CHECK`] bytes
/// without reading further.
fn read_capped(file: Option<&Path>) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_CHECK).unwrap_or(u64::MAX) + 1;
    let (name, result) = match file.filter(|f| f.as_os_str() != "-") {
        Some(path) => (
            path.display().to_string(),
            std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes)),
        ),
        None => (
            "standard input".to_owned(),
            std::io::stdin().lock().take(limit).read_to_end(&mut bytes),
        ),
    };
    result.map_err(|e| CliError::usage(format!("cannot read {name}: {e}")))?;
    if bytes.len() > MAX_CHECK {
        return Err(CliError::usage(format!(
            "{name} is larger than the {MAX_CHECK} bytes check reads: check the answer or file alone"
        )));
    }
    String::from_utf8(bytes)
        .map_err(|_| CliError::usage(format!("{name} is not UTF-8 text: check reads text")))
}

fn json_of(checked: &Checked) -> serde_json::Value {
    let requests: Vec<serde_json::Value> = checked
        .requests
        .iter()
        .map(|r| {
            let listing = listing(&r.findings);
            json!({
                "line": r.line,
                "source": r.source.name(),
                "verb": r.verb,
                "path": r.path,
                "content_type": r.content_type,
                "body": r.body,
                "findings": listing.findings,
                "unlisted": listing.unlisted,
                "rejects": r.rejects,
                "notes": r.notes,
            })
        })
        .collect();
    json!({
        "claims": checked.claims,
        "requests": requests,
        "summary": checked.summary,
        "fails": checked.fails(),
    })
}

fn text_of(checked: &Checked, out: Output) -> String {
    let mut text = String::new();
    if !checked.claims.is_empty() {
        _ = writeln!(text, "{}", out.paint("claims", Paint::Bold));
    }
    for claim in &checked.claims {
        let paint = match claim.verdict {
            Verdict::False => Paint::Red,
            Verdict::Partly | Verdict::Unconfirmed => Paint::Yellow,
            Verdict::True => Paint::Green,
        };
        let heading = words::claim_heading(claim);
        _ = writeln!(
            text,
            "  {} `{}`",
            out.paint(&heading, paint),
            clean(&claim.matched)
        );
        for part in words::claim_parts(claim) {
            let line = format!("    {}: {}", part.label.word(), clean(&part.text));
            let line = if part.label == Label::Evidence {
                out.paint(&line, Paint::Dim)
            } else {
                line
            };
            _ = writeln!(text, "{line}");
        }
    }
    if !checked.requests.is_empty() {
        _ = writeln!(text, "{}", out.paint("requests", Paint::Bold));
    }
    for request in &checked.requests {
        _ = writeln!(
            text,
            "  {}",
            out.paint(&clean(&words::request_heading(request)), Paint::Bold)
        );
        for note in &request.notes {
            _ = writeln!(
                text,
                "    {}",
                out.paint(&format!("note: {}", clean(note)), Paint::Dim)
            );
        }
        text.push_str(&common::indented(
            &findings_text(&request.findings, false, out),
            4,
        ));
        _ = writeln!(
            text,
            "    {}",
            verdict_line(&clean(&request.verb), &request.findings, out)
        );
    }
    let summary = words::check_summary(&checked.summary);
    let summary = if checked.fails() {
        out.paint(&summary, Paint::Red)
    } else {
        out.paint(&summary, Paint::Green)
    };
    _ = writeln!(text, "{summary}");
    text
}
