//! `gc-attrs code --lang LANG CONVERSATION PARTICIPANT --set K=V … --unset K …
//! --rename OLD=NEW … [--route generic|media]`: reads the participant (one
//! GET; nothing is written), applies the edits as `diff` does, and prints a
//! complete program that sends exactly that PATCH with the official tool of
//! the language ([`crate::usecase::code`]).
//!
//! `--json` prints `{"lang", "verb", "path", "testedHere", "program"}`.
//! Exit codes as `diff`: 0 printed, 2 for usage errors, 3 when the read
//! failed.

use serde_json::json;

use super::common::{CliError, Output, Session};
use super::diff::{parse_ops, prepare};
use super::{CodeArgs, ConnectArgs};
use crate::genesys::Verb;
use crate::usecase::code::for_preview;

/// Runs `code`; returns the exit code.
///
/// # Errors
/// As `diff`'s read and edit.
pub async fn run(args: &CodeArgs, connect: &ConnectArgs, out: Output) -> Result<u8, CliError> {
    let ops = parse_ops(&args.edit)?;
    let mut session = Session::connect(connect).await?;
    let prepared = prepare(&mut session, &args.edit, &ops, Verb::Patch).await?;
    let patch = &prepared.preview.patch;
    let lang = args.lang.lang();
    let text = for_preview(
        lang,
        &prepared.conversation_id,
        prepared.participant_id(),
        &prepared.preview,
    )
    .map_err(CliError::usage)?;
    if out.json {
        super::common::print_json(&json!({
            "lang": lang.name(),
            "verb": "PATCH",
            "path": patch.path,
            "testedHere": lang.is_tested_here(),
            "program": text,
        }));
    } else {
        print!("{text}");
    }
    Ok(0)
}
