//! `gc-attrs get CONVERSATION [--participant P]`: the conversation (id,
//! start, end or active, media kinds), its participants (id, purpose, name,
//! state, media) and each one's attributes, read with one
//! `GET /api/v2/conversations/{id}` (§1.3; there is no GET on the
//! attributes themselves). CONVERSATION may be a URL holding the id.
//!
//! `--json` prints:
//!
//! ```json
//! {
//!   "conversation": {"id": "…", "startTime": "…", "endTime": "…"|null, "media": ["calls"]},
//!   "participants": [
//!     {"id": "…", "purpose": "customer"|null, "name": "…"|null, "state": "connected"|null,
//!      "media": ["calls"], "attributes": {"key": "value"}}
//!   ]
//! }
//! ```
//!
//! `state` is the state of the participant's first communication; `media`
//! names its communication arrays (`calls`, `messages`, …). An unknown
//! `--participant` is a usage error (exit 2) listing the ids.

use std::fmt::Write as _;

use serde_json::json;

use super::common::{self, CliError, Output, Paint, Session, table};
use super::{ConnectArgs, GetArgs};
use crate::genesys::{Conversation, Participant};
use crate::usecase::participant_state;

/// The media kinds of the conversation: every participant's, in order of
/// first appearance.
fn media(conversation: &Conversation) -> Vec<&'static str> {
    let mut kinds = Vec::new();
    for participant in &conversation.participants {
        for kind in participant.media_kinds() {
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
    }
    kinds
}

fn participant_json(p: &Participant) -> serde_json::Value {
    json!({
        "id": p.id,
        "purpose": p.purpose,
        "name": p.name,
        "state": participant_state(p),
        "media": p.media_kinds(),
        "attributes": p.attributes.clone().unwrap_or_default(),
    })
}

fn text(conversation: &Conversation, participants: &[&Participant], out: Output) -> String {
    let or_none = |value: Option<&str>| value.unwrap_or("—").to_owned();
    let kinds = media(conversation);
    let header = vec![
        vec![
            "conversation".to_owned(),
            or_none(conversation.id.as_deref()),
        ],
        vec!["start".to_owned(), conversation.start_time.clone()],
        vec![
            "end".to_owned(),
            conversation
                .end_time
                .clone()
                .unwrap_or_else(|| "active".to_owned()),
        ],
        vec!["media".to_owned(), kinds.join(", ")],
    ];
    // The header is a table without a heading row.
    let header = table(0, &["", ""], &header, out);
    let mut text = header
        .split_once('\n')
        .map_or_else(String::new, |(_, rest)| rest.to_owned());
    let rows: Vec<Vec<String>> = participants
        .iter()
        .map(|p| {
            vec![
                or_none(p.id.as_deref()),
                or_none(p.purpose.as_deref()),
                or_none(p.name.as_deref()),
                participant_state(p).unwrap_or("—").to_owned(),
                p.media_kinds().join(","),
                p.attributes
                    .as_ref()
                    .map_or(0, std::collections::BTreeMap::len)
                    .to_string(),
            ]
        })
        .collect();
    _ = write!(
        text,
        "\n{}",
        table(
            0,
            &[
                "PARTICIPANT",
                "PURPOSE",
                "NAME",
                "STATE",
                "MEDIA",
                "ATTRIBUTES"
            ],
            &rows,
            out
        )
    );
    for p in participants {
        let attributes = p.attributes.clone().unwrap_or_default();
        let title = format!(
            "{} ({}, {})",
            or_none(p.id.as_deref()),
            or_none(p.purpose.as_deref()),
            common::clean(p.name.as_deref().unwrap_or("no name"))
        );
        _ = writeln!(text, "\n{}", out.paint(&title, Paint::Bold));
        if attributes.is_empty() {
            text.push_str("  (no attributes)\n");
        } else {
            let rows: Vec<Vec<String>> = attributes
                .into_iter()
                .map(|(key, value)| vec![key, value])
                .collect();
            text.push_str(&table(2, &["KEY", "VALUE"], &rows, out));
        }
    }
    text
}

/// Runs `get`.
///
/// # Errors
/// Usage (no id, unknown participant), or the GET's refusal or failure.
pub async fn run(args: &GetArgs, connect: &ConnectArgs, out: Output) -> Result<u8, CliError> {
    let mut session = Session::connect(connect).await?;
    let conversation = session.conversation(&args.conversation).await?;
    let participants: Vec<&Participant> = match &args.participant {
        Some(id) => vec![common::participant(&conversation, id)?],
        None => conversation.participants.iter().collect(),
    };
    if out.json {
        common::print_json(&json!({
            "conversation": {
                "id": conversation.id,
                "startTime": conversation.start_time,
                "endTime": conversation.end_time,
                "media": media(&conversation),
            },
            "participants": participants.iter().map(|p| participant_json(p)).collect::<Vec<_>>(),
        }));
    } else {
        common::print(&text(&conversation, &participants, out));
    }
    Ok(0)
}
