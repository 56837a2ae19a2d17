//! `gc-attrs lint [FILE|-] --verb VERB --route PATH [--content-type TYPE]`:
//! explains a request body before it is sent ([`crate::lint::lint`]). Needs
//! no credentials and no network. The body is read from FILE, or from
//! standard input for `-` or no FILE; an empty body is linted as none.
//! `--route` takes `/api/v2/…` or a full URL.
//!
//! Exit codes: 0 when no finding is `reject` or `likely-reject`, 1 when one
//! is, 2 for a usage error or an unreadable file.
//!
//! `--json` prints `{"findings": [Finding], "rejects": bool}`, where a
//! Finding is `{rule, severity: "info"|"warning"|"likely-reject"|"reject",
//! location: {kind: "verb"|"route"|"content-type"|"pointer"|"line-column",
//! pointer?, line?, column?}, message, explanation, fix: {summary, verb?,
//! path?, content_type?, body?}|null, evidence: {kind: "documented"|"assumed",
//! section}}`, the most severe first.

use serde_json::json;

use super::LintArgs;
use super::common::{self, CliError, Output, REJECTS, findings_text, verdict};
use crate::lint::{Request, lint};

/// Runs `lint`.
///
/// # Errors
/// A usage error when the body cannot be read.
pub fn run(args: &LintArgs, out: Output) -> Result<u8, CliError> {
    let body = common::read_input(args.file.as_deref())?;
    let findings = lint(&Request {
        verb: &args.verb,
        path: &args.route,
        content_type: Some(&args.content_type),
        body: &body,
    });
    let rejects = findings.iter().any(|f| f.severity.rejects());
    if out.json {
        common::print_json(&json!({"findings": findings, "rejects": rejects}));
    } else {
        common::print(&format!(
            "{}{}\n",
            findings_text(&findings, true, out),
            verdict(&findings, out)
        ));
    }
    Ok(if rejects { REJECTS } else { 0 })
}
