//! `gc-attrs explain [FILE|-] [--status CODE]`: decodes an error answer
//! pasted from anywhere (raw JSON, a log line, an SDK exception print, text
//! around JSON, HTML from a proxy) with [`crate::lint::explain::explain`] and
//! prints each error as a tree (code, status, filled message, what it means,
//! the next step, contextId, details), then notes on the body itself.
//! Reads FILE, or standard input for `-` or no FILE.
//!
//! Exit codes: 0 (it explains, whatever the text), 2 for an unreadable file.
//!
//! `--json` prints the Explanation: `{"status": 400|null, "form":
//! "empty"|"error-body"|"oauth-error"|"other-json"|"truncated-json"|"html"|"text",
//! "errors": [{"depth", "code", "status", "message", "explanation",
//! "next_step", "evidence": {kind, section}, "context_id", "details":
//! [{errorCode?, fieldName?, entityId?, entityName?}], "limit": {key?,
//! namespace?, value?}|null}], "notes": ["…"]}`.

use super::ExplainArgs;
use super::common::{self, CliError, Output, explanation_text};
use crate::lint::explain::explain;

/// Runs `explain`.
///
/// # Errors
/// A usage error when the text cannot be read.
pub fn run(args: &ExplainArgs, out: Output) -> Result<u8, CliError> {
    let text = common::read_input(args.file.as_deref())?;
    let explanation = explain(args.status, &text);
    if out.json {
        common::print_json(&serde_json::to_value(&explanation).unwrap_or_default());
    } else {
        common::print(&explanation_text(&explanation, out));
    }
    Ok(0)
}
