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
use crate::genesys::{Route, Verb};
use crate::usecase::code::{CodeRequest, program};

/// Runs `code`; returns the exit code.
///
/// # Errors
/// As `diff`'s read and edit.
pub async fn run(args: &CodeArgs, connect: &ConnectArgs, out: Output) -> Result<u8, CliError> {
    let ops = parse_ops(&args.edit)?;
    let mut session = Session::connect(connect).await?;
    let prepared = prepare(&mut session, &args.edit, &ops, Verb::Patch).await?;
    let patch = &prepared.preview.patch;
    let route = Route::find(Verb::Patch, &patch.path)
        .map(|(route, _)| route)
        .ok_or_else(|| {
            CliError::usage(format!(
                "no PATCH route matches {}; this is a gc-attrs bug, please report it",
                patch.path
            ))
        })?;
    let lang = args.lang.lang();
    let text = program(
        lang,
        &CodeRequest {
            conversation_id: &prepared.conversation_id,
            participant_id: prepared.participant_id(),
            route,
            attributes: &prepared.preview.plan.patch,
            unremovable: prepared.preview.unremovable(),
        },
    );
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
