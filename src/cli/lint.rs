//! `gc-attrs lint [FILE|-] --verb VERB --route PATH [--content-type TYPE]`:
//! explains a request body before it is sent ([`crate::lint::lint`]). Needs
//! no credentials and no network. The body is read from FILE, or from
//! standard input for `-` or no FILE; an empty body is linted as none.
//! `--route` takes `/api/v2/…` or a full URL.
//!
//! Exit codes: 0 when no finding is `reject` or `likely-reject`, 1 when one
//! is, 2 for a usage error or an unreadable file.
//!
//! `--json` prints `{"findings": [Finding], "unlisted": [{rule, count}],
//! "rejects": bool}`: at most [`LISTED_PER_RULE`] findings per rule, and for
//! each rule with more, how many more (`unlisted`, empty when none is left
//! out); `rejects` counts every finding. A Finding is `{rule, severity: "info"|"warning"|"likely-reject"|"reject",
//! location: {kind: "verb"|"route"|"content-type"|"pointer"|"line-column",
//! pointer?, line?, column?}, message, explanation, fix: {summary, verb?,
//! path?, content_type?, body?}|null, evidence: {kind: "documented"|"assumed",
//! section}}`, the most severe first. The findings that correct the body
//! carry the same corrected body.

use serde_json::json;

use super::LintArgs;
use super::common::{self, CliError, Output, REJECTS, findings_text, verdict};
use crate::genesys::secure::is_secure_path;
#[cfg(doc)]
use crate::lint::LISTED_PER_RULE;
use crate::lint::{Request, lint, listing, masked};

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
    // The secure attributes' values are secrets: never printed in clear.
    let secure = is_secure_path(&args.route);
    let findings = if secure {
        masked(&findings, &body)
    } else {
        findings
    };
    if out.json {
        let listing = listing(&findings);
        common::print_json(&json!({
            "findings": listing.findings,
            "unlisted": listing.unlisted,
            "rejects": rejects,
        }));
    } else {
        let note = if secure {
            "secure attribute values are masked (they are secrets)\n"
        } else {
            ""
        };
        common::print(&format!(
            "{note}{}{}\n",
            findings_text(&findings, true, out),
            verdict(&findings, out)
        ));
    }
    Ok(if rejects { REJECTS } else { 0 })
}
