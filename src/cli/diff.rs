//! `gc-attrs diff CONVERSATION PARTICIPANT --set K=V … --unset K …
//! --rename OLD=NEW …`: reads the participant (one GET; nothing is written),
//! applies the edits ([`Edits`]), and shows the PATCH body, the PUT-style
//! body (no PUT route exists for participant attributes, §1.4: it is shown
//! for contrast), their diff, the predicted attributes after each, the keys
//! a PATCH cannot remove, and the lint findings of both requests.
//!
//! Edits apply in this order: every `--rename`, then every `--unset`, then
//! every `--set` (which changes an existing key or adds a new one). The
//! edit parsing and the GET are shared with `send`.
//!
//! `--json` prints:
//!
//! ```json
//! {
//!   "conversationId": "…", "participantId": "…",
//!   "before": {"key": "value"},
//!   "patch": {"verb": "PATCH", "path": "/api/v2/…/attributes", "body": {"attributes": {}},
//!             "findings": [Finding], "unlisted": [{"rule": "…", "count": 1}]},
//!   "put":   {"verb": "PUT",   "path": "/api/v2/…/attributes", "body": {"attributes": {}},
//!             "findings": [Finding], "unlisted": []},
//!   "diff": {"lines": [{"tag": "equal|insert|delete", "old_line": 1, "new_line": 1,
//!                       "mark": "changed|added|untouched|null",
//!                       "segments": [{"text": "…", "emphasized": false}],
//!                       "new_text": "…"}],
//!            "summary": {"added": [], "changed": [], "removed": [], "unchanged": []},
//!            "keys": {"changed": ["key"], "added": ["key"], "untouched": ["key"]}},
//!   "afterPatch": {"key": "value"}, "afterPut": {"key": "value"},
//!   "unremovable": ["key"]
//! }
//! ```
//!
//! `diff` is PUT-style body (old side) against PATCH body (new side), as in
//! the TUI, paired by key: a key both bodies carry is one `equal` line (its
//! `segments` as the PUT-style body writes it, `new_text` only where the
//! PATCH body's line differs, which is by its trailing comma), so no key
//! shows as a delete and an insert that differ by a comma. `mark` says what
//! the PATCH does to the line's key (`null` on a line that is no key):
//! `changed` (the attributes had it), `added`, or `untouched` (only in the
//! PUT-style body: PATCH leaves it); `keys` lists the keys by mark.
//! `summary` compares the two bodies' leaves as RFC 6901 pointers. A Finding is `{rule, severity, location: {kind, …}, message,
//! explanation, fix: {summary, verb?, path?, content_type?, body?}|null,
//! evidence: {kind, section}}`. `findings` lists at most
//! [`LISTED_PER_RULE`](crate::lint::LISTED_PER_RULE) per rule; `unlisted`
//! counts the rest per rule, as in `lint --json`.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::common::{
    self, CliError, Output, Paint, Session, diff_text, findings_text, indented, table, verdict,
    verdict_line,
};
use super::{ConnectArgs, EditArgs, RouteArg};
use crate::genesys::{Attributes, Participant, Verb};
use crate::lint::listing;
use crate::payload::Edits;
use crate::usecase::participant::media_route;
use crate::usecase::{EditTarget, Preview, PreviewRequest, RouteChoice};

/// One edit from the command line, with the flag as typed for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Op {
    /// The flag as typed, e.g. `--unset nope`.
    flag: String,
    kind: OpKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum OpKind {
    Set(String, String),
    Unset(String),
    Rename(String, String),
}

/// Reads `--rename`, `--unset` and `--set`, in the order they apply.
///
/// # Errors
/// A usage error for a `KEY=VALUE` or `OLD=NEW` without `=`.
pub fn parse_ops(args: &EditArgs) -> Result<Vec<Op>, CliError> {
    let pair = |flag: &str, text: &str, shape: &str| {
        text.split_once('=')
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .ok_or_else(|| {
                CliError::usage(format!("{flag} {}: expected {shape}", common::clean(text)))
            })
    };
    let mut ops = Vec::new();
    for text in &args.rename {
        let (old, new) = pair("--rename", text, "OLD=NEW")?;
        ops.push(Op {
            flag: format!("--rename {text}"),
            kind: OpKind::Rename(old, new),
        });
    }
    for key in &args.unset {
        ops.push(Op {
            flag: format!("--unset {key}"),
            kind: OpKind::Unset(key.clone()),
        });
    }
    for text in &args.set {
        let (key, value) = pair("--set", text, "KEY=VALUE")?;
        ops.push(Op {
            flag: format!("--set {text}"),
            kind: OpKind::Set(key, value),
        });
    }
    Ok(ops)
}

/// Applies the edits to the original attributes.
///
/// # Errors
/// A usage error naming the first edit that cannot apply.
pub fn apply(ops: &[Op], original: Attributes) -> Result<Edits, CliError> {
    let mut edits = Edits::new(original);
    for op in ops {
        let result = match &op.kind {
            OpKind::Rename(old, new) => edits.rename(old, new),
            OpKind::Unset(key) => edits.delete(key),
            OpKind::Set(key, value) if edits.edited().contains_key(key) => {
                edits.set_value(key, value)
            }
            OpKind::Set(key, value) => edits.add(key, value),
        };
        result.map_err(|e| {
            CliError::usage(format!(
                "{}: {}",
                common::clean(&op.flag),
                common::clean(&e.to_string())
            ))
        })?;
    }
    Ok(edits)
}

/// A participant read from the API, the edits applied to it, and their
/// preview on the chosen verb and route.
pub struct Prepared {
    /// The conversation's id.
    pub conversation_id: String,
    /// The participant as read.
    pub participant: Participant,
    /// The edits over its attributes.
    pub edits: Edits,
    /// Both requests on the chosen route, their lint, the diff and the
    /// predicted end states.
    pub preview: Preview,
}

impl Prepared {
    /// The participant's id.
    #[must_use]
    pub fn participant_id(&self) -> &str {
        self.participant.id.as_deref().unwrap_or_default()
    }
}

/// Reads the participant, applies the edits, and previews them for `verb`
/// on `--route`.
///
/// # Errors
/// As [`Session::conversation`], [`common::participant`] and [`apply`]; a
/// usage error for `--route media` on a participant with no media route.
pub async fn prepare(
    session: &mut Session,
    args: &EditArgs,
    ops: &[Op],
    verb: Verb,
) -> Result<Prepared, CliError> {
    let conversation = session.conversation(&args.conversation).await?;
    let participant = common::participant(&conversation, &args.participant)?.clone();
    let edits = apply(ops, participant.attributes.clone().unwrap_or_default())?;
    let conversation_id = conversation
        .id
        .clone()
        .or_else(|| crate::usecase::extract_id(&args.conversation))
        .unwrap_or_default();
    let route = match args.route {
        RouteArg::Generic => RouteChoice::Generic,
        RouteArg::Media => media_route(&participant).ok_or_else(|| {
            CliError::usage(format!(
                "--route media: participant {} has media [{}], none with a participant-attribute \
                 route (§1.1); use --route generic",
                participant.id.as_deref().unwrap_or_default(),
                participant.media_kinds().join(", ")
            ))
        })?,
    };
    let target = EditTarget::ParticipantAttributes {
        conversation_id: conversation_id.clone(),
        participant_id: participant.id.clone().unwrap_or_default(),
    };
    let preview = Preview::of(&target, &edits, verb, route);
    Ok(Prepared {
        conversation_id,
        participant,
        edits,
        preview,
    })
}

/// `{verb, path, body, findings, unlisted}`: the findings as listed
/// ([`listing`]).
#[must_use]
pub fn request_json(request: &PreviewRequest) -> Value {
    let listing = listing(&request.findings);
    json!({
        "verb": request.verb,
        "path": request.path,
        "body": request.body,
        "findings": listing.findings,
        "unlisted": listing.unlisted,
    })
}

/// A request as text: the request line, the pretty body, the lint verdict
/// and the findings (short form).
#[must_use]
pub fn request_text(request: &PreviewRequest, out: Output) -> String {
    let pretty = serde_json::to_string_pretty(&request.body).unwrap_or_default();
    format!(
        "{}\n{}lint: {}\n{}",
        out.paint(&format!("{} {}", request.verb, request.path), Paint::Bold),
        indented(&pretty, 2),
        verdict(&request.findings, out),
        indented(&findings_text(&request.findings, false, out), 2)
    )
}

/// Attributes after a request against the original: `+` added, `~`
/// changed, `-` removed, blank unchanged.
fn after_table(original: &Attributes, after: &Attributes, out: Output) -> String {
    let mut rows: Vec<Vec<String>> = after
        .iter()
        .map(|(key, value)| {
            let mark = match original.get(key) {
                None => "+",
                Some(old) if old != value => "~",
                Some(_) => "",
            };
            vec![mark.to_owned(), key.clone(), value.clone()]
        })
        .collect();
    for (key, value) in original.iter().filter(|(k, _)| !after.contains_key(*k)) {
        rows.push(vec![
            "-".to_owned(),
            key.clone(),
            format!("{value} (removed)"),
        ]);
    }
    rows.sort_by(|a, b| a[1].cmp(&b[1]));
    table(2, &["", "KEY", "VALUE"], &rows, out)
}

/// Runs `diff`.
///
/// # Errors
/// Usage, or the GET's refusal or failure.
pub async fn run(args: &EditArgs, connect: &ConnectArgs, out: Output) -> Result<u8, CliError> {
    let ops = parse_ops(args)?;
    let mut session = Session::connect(connect).await?;
    let prepared = prepare(&mut session, args, &ops, Verb::Patch).await?;
    let preview = &prepared.preview;
    let plan = &preview.plan;
    let original = prepared.edits.original();
    if out.json {
        common::print_json(&json!({
            "conversationId": prepared.conversation_id,
            "participantId": prepared.participant_id(),
            "before": original,
            "patch": request_json(&preview.patch),
            "put": request_json(&preview.put),
            "diff": preview.diff,
            "afterPatch": plan.after_patch,
            "afterPut": plan.after_put(),
            "unremovable": preview.unremovable(),
        }));
        return Ok(0);
    }
    let p = &prepared.participant;
    let mut text = format!(
        "participant {} ({}, {}) of conversation {}\n",
        prepared.participant_id(),
        p.purpose.as_deref().unwrap_or("?"),
        common::clean(p.name.as_deref().unwrap_or("no name")),
        prepared.conversation_id
    );
    // The verdict first, one line per request, as the payload pane opens.
    for (verb, request) in [("PATCH", &preview.patch), ("PUT", &preview.put)] {
        let mut line = verdict_line(verb, &request.findings, out);
        if verb == "PATCH" {
            line = crate::usecase::verdict::with_unremovable(line, preview.plan.unremovable());
        }
        _ = writeln!(text, "{line}");
    }
    text.push('\n');
    text.push_str(&request_text(&preview.patch, out));
    _ = writeln!(
        text,
        "\n{}",
        out.paint(
            "PUT-style body (no PUT route exists for participant attributes; shown for contrast):",
            Paint::Dim
        )
    );
    text.push_str(&request_text(&preview.put, out));
    _ = write!(
        text,
        "\n{}\n{}{}",
        out.paint("diff, PUT-style body -> PATCH body:", Paint::Bold),
        indented(crate::diff::LEGEND, 2),
        indented(&diff_text(&preview.diff, out), 2)
    );
    _ = write!(
        text,
        "\n{}\n{}",
        out.paint(
            "after PATCH (expected: per-key merge, unconfirmed §3):",
            Paint::Bold
        ),
        after_table(original, &plan.after_patch, out)
    );
    _ = write!(
        text,
        "\n{}\n{}",
        out.paint("after PUT-style (full replacement):", Paint::Bold),
        after_table(original, plan.after_put(), out)
    );
    let unremovable = preview.unremovable();
    _ = writeln!(
        text,
        "\nPATCH cannot remove: {}",
        if unremovable.is_empty() {
            "nothing (no key is removed)".to_owned()
        } else {
            unremovable.join(", ")
        }
    );
    common::print(&text);
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(set: &[&str], unset: &[&str], rename: &[&str]) -> EditArgs {
        let owned = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
        EditArgs {
            conversation: "c".into(),
            participant: "p".into(),
            set: owned(set),
            unset: owned(unset),
            rename: owned(rename),
            route: RouteArg::Generic,
        }
    }

    fn original() -> Attributes {
        [("a", "1"), ("b", "2")]
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn edits_apply_rename_then_unset_then_set() {
        let ops = parse_ops(&args(&["c=3", "a=x=y"], &["b"], &["a=z"])).unwrap();
        let edits = apply(&ops, original()).unwrap();
        let edited = edits.edited();
        assert_eq!(edited.get("z").map(String::as_str), Some("1"));
        assert_eq!(edited.get("a").map(String::as_str), Some("x=y"));
        assert_eq!(edited.get("c").map(String::as_str), Some("3"));
        assert!(!edited.contains_key("b"));
    }

    #[test]
    fn bad_edits_name_the_flag() {
        let err = parse_ops(&args(&["novalue"], &[], &[])).unwrap_err();
        assert_eq!(
            (err.exit, err.message.as_str()),
            (2, "--set novalue: expected KEY=VALUE")
        );
        let ops = parse_ops(&args(&[], &["nope"], &[])).unwrap();
        let err = apply(&ops, original()).unwrap_err();
        assert!(
            err.message.starts_with("--unset nope: no attribute `nope`"),
            "{}",
            err.message
        );
        let ops = parse_ops(&args(&[], &[], &["a=b"])).unwrap();
        assert!(
            apply(&ops, original())
                .unwrap_err()
                .message
                .contains("exists already")
        );
    }
}
