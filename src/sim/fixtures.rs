//! Fixture conversations: the ones embedded in the binary from
//! `assets/fixtures/` (so the app runs from any directory), then every
//! `*.json` of `--fixtures DIR`.
//!
//! A fixture file is a `Conversation` as `GET /api/v2/conversations/{id}`
//! returns it, plus one optional top-level key the simulator removes on
//! load: `"_sim": {"secureAttributes": {…}}`, the conversation's initial
//! secure attributes (version 1). A malformed file becomes a warning
//! `FILE:LINE:COLUMN: message` and the others still load.

use std::fs;
use std::path::Path;

use serde::Deserialize;

use super::SimError;
use crate::genesys::{Attributes, Conversation};

/// The embedded fixtures: (path shown in warnings, text).
const EMBEDDED: &[(&str, &str)] = &[
    (
        "assets/fixtures/call-billing-dispute.json",
        include_str!("../../assets/fixtures/call-billing-dispute.json"),
    ),
    (
        "assets/fixtures/webmessage-order-status.json",
        include_str!("../../assets/fixtures/webmessage-order-status.json"),
    ),
    (
        "assets/fixtures/email-warranty-claim.json",
        include_str!("../../assets/fixtures/email-warranty-claim.json"),
    ),
    (
        "assets/fixtures/callback-appointment.json",
        include_str!("../../assets/fixtures/callback-appointment.json"),
    ),
];

/// One loaded conversation.
#[derive(Debug, Clone)]
pub(crate) struct Fixture {
    pub id: String,
    pub conversation: Conversation,
    pub secure: Attributes,
}

/// What loading produced.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    /// In load order; a later one with the same id replaces an earlier one.
    pub conversations: Vec<Fixture>,
    pub warnings: Vec<String>,
}

/// The file format: a Conversation plus the simulator's own `_sim` key.
#[derive(Deserialize)]
struct FixtureFile {
    #[serde(rename = "_sim", default)]
    sim: Option<SimMeta>,
    #[serde(flatten)]
    conversation: Conversation,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SimMeta {
    #[serde(default)]
    secure_attributes: Attributes,
}

/// Loads the embedded fixtures, then those of `dir`.
pub(crate) fn load(dir: Option<&Path>) -> Result<Loaded, SimError> {
    let mut loaded = Loaded::default();
    for (name, text) in EMBEDDED {
        add(&mut loaded, name, text);
    }
    if let Some(dir) = dir {
        let io_error = |source| SimError::FixturesDir {
            path: dir.to_owned(),
            source,
        };
        let mut files = Vec::new();
        for entry in fs::read_dir(dir).map_err(io_error)? {
            let path = entry.map_err(io_error)?.path();
            if path.is_file() && path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
        files.sort();
        for path in files {
            let name = path.display().to_string();
            match fs::read_to_string(&path) {
                Ok(text) => add(&mut loaded, &name, &text),
                Err(err) => loaded
                    .warnings
                    .push(format!("{name}:0:0: cannot read: {err}")),
            }
        }
    }
    Ok(loaded)
}

/// Parses one file into `loaded`, or records why it could not.
fn add(loaded: &mut Loaded, name: &str, text: &str) {
    match parse(text) {
        Ok(fixture) => {
            loaded.conversations.retain(|f| f.id != fixture.id);
            loaded.conversations.push(fixture);
        }
        Err(ParseError::Json(err)) => {
            let message = err.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            loaded
                .warnings
                .push(format!("{name}:{}:{}: {message}", err.line(), err.column()));
        }
        Err(ParseError::NoId) => loaded
            .warnings
            .push(format!("{name}:1:1: the conversation has no `id`")),
    }
}

enum ParseError {
    Json(serde_json::Error),
    NoId,
}

fn parse(text: &str) -> Result<Fixture, ParseError> {
    let file: FixtureFile = serde_json::from_str(text).map_err(ParseError::Json)?;
    let id = file
        .conversation
        .id
        .clone()
        .filter(|id| !id.is_empty())
        .ok_or(ParseError::NoId)?;
    Ok(Fixture {
        id,
        conversation: file.conversation,
        secure: file.sim.map(|s| s.secure_attributes).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_fixtures_all_load() {
        let loaded = load(None).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.conversations.len(), EMBEDDED.len());
        for fixture in &loaded.conversations {
            assert!(!fixture.secure.is_empty(), "{}", fixture.id);
            assert!(!fixture.conversation.extra.contains_key("_sim"));
            for participant in &fixture.conversation.participants {
                assert!(participant.id.is_some());
                assert!(!participant.media_kinds().is_empty());
            }
        }
    }

    #[test]
    fn a_malformed_file_is_a_warning_with_its_position() {
        let mut loaded = Loaded::default();
        add(
            &mut loaded,
            "bad.json",
            "{\n  \"id\": \"x\",\n  \"startTime\": 5\n}",
        );
        add(&mut loaded, "broken.json", "{\n  \"id\": \n");
        add(
            &mut loaded,
            "noid.json",
            r#"{"startTime":"t","participants":[]}"#,
        );
        assert!(loaded.conversations.is_empty());
        assert!(
            loaded.warnings[0].starts_with("bad.json:4:"),
            "{:?}",
            loaded.warnings
        );
        assert!(
            loaded.warnings[1].starts_with("broken.json:3:"),
            "{:?}",
            loaded.warnings
        );
        assert!(loaded.warnings[2].contains("no `id`"));
    }
}
