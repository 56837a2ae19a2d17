//! What a step will send and what the tool predicts, before anything is
//! sent: the same preview, lint and check the TUI and the other commands
//! use (one implementation), applied to the step's request.

use crate::genesys::{Attributes, Verb};
use crate::lint::Finding;
use crate::payload::{EditError, Edits};
use crate::usecase::check::check;
use crate::usecase::workbench::Draft;
use crate::usecase::{EditTarget, Preview, RouteChoice, verdict};

use super::scenario::{CheckStep, EditOn, EditRequest, RawStep};

/// The request a step sends, ready for the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// The verb, upper-cased.
    pub method: String,
    /// The path from `/api/v2`.
    pub path: String,
    /// The `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The body, if any.
    pub body: Option<String>,
}

/// What the tool says before sending.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// The verdict line, e.g. `PUT ✖ 1 reject (route/put-on-attributes)`,
    /// in the words the payload pane and `gc-attrs lint` print.
    pub verdict: String,
    /// Whether a finding predicts a rejection (or a claim is false).
    pub rejects: bool,
    /// The rules of the findings and the false or doubtful claims, each once.
    pub rules: Vec<String>,
    /// The findings, most severe first (a check's requests' findings too).
    pub findings: Vec<Finding>,
    /// The attributes predicted after the request, for a form edit.
    pub expected: Option<Attributes>,
    /// The request to send; `None` for a check or a read.
    pub request: Option<Planned>,
}

fn rules_of<'a>(rules: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for rule in rules {
        if !out.iter().any(|r| r == rule) {
            out.push(rule.to_owned());
        }
    }
    out
}

/// `{conversationId}` and `{participantId}` replaced by the step's ids.
#[must_use]
pub fn fill(text: &str, conversation_id: &str, participant_id: &str) -> String {
    text.replace("{conversationId}", conversation_id)
        .replace("{participantId}", participant_id)
}

/// The edits of a form step over the attributes as read: every `unset`,
/// then every `set` (a change of a key the attributes have, else an add).
///
/// # Errors
/// The first edit that cannot apply (e.g. `unset` of a key not there).
pub fn edits_of(edit: &EditRequest, original: Attributes) -> Result<Edits, EditError> {
    let mut edits = Edits::new(original);
    for key in &edit.unset {
        edits.delete(key)?;
    }
    for (key, value) in &edit.set {
        if edits.edited().contains_key(key) {
            edits.set_value(key, value)?;
        } else {
            edits.add(key, value)?;
        }
    }
    Ok(edits)
}

/// The prediction of a form edit, previewed as the payload pane does.
/// `version` is the secure attributes' version just read (PUT sends it
/// unless the step gives its own).
#[must_use]
pub fn edit(
    edit: &EditRequest,
    edits: &Edits,
    conversation_id: &str,
    participant_id: &str,
    route: RouteChoice,
    version: Option<i64>,
) -> Prediction {
    let verb = if edit.verb.eq_ignore_ascii_case("PUT") {
        Verb::Put
    } else {
        Verb::Patch
    };
    let target = match edit.on {
        EditOn::Participant => EditTarget::ParticipantAttributes {
            conversation_id: conversation_id.to_owned(),
            participant_id: participant_id.to_owned(),
        },
        EditOn::Secure => EditTarget::SecureAttributes {
            conversation_id: conversation_id.to_owned(),
            version: edit.version.or(version),
        },
    };
    let preview = Preview::of(&target, edits, verb, route);
    let chosen = preview.chosen();
    Prediction {
        verdict: verdict::line(verb.as_str(), &chosen.findings),
        rejects: chosen.rejected(),
        rules: rules_of(chosen.findings.iter().map(|f| f.rule)),
        findings: chosen.findings.clone(),
        expected: Some(preview.expected(verb).clone()),
        request: Some(Planned {
            method: verb.as_str().to_owned(),
            path: chosen.path.clone(),
            content_type: Some(chosen.content_type.to_owned()),
            body: Some(chosen.body.to_string()),
        }),
    }
}

/// The prediction of a raw request, linted as written (the workbench's
/// lint); the request keeps its verb, content type and body as written.
///
/// # Errors
/// A verb that is no verb or a path that is no path.
pub fn raw(
    raw: &RawStep,
    conversation_id: &str,
    participant_id: &str,
) -> Result<Prediction, String> {
    let draft = Draft {
        verb: raw.method.clone(),
        target: fill(&raw.path, conversation_id, participant_id),
        content_type: raw.content_type.clone(),
        body: fill(&raw.body, conversation_id, participant_id),
    };
    let findings = draft.lint();
    let outgoing = draft.outgoing()?;
    Ok(Prediction {
        verdict: verdict::line(&outgoing.verb, &findings),
        rejects: findings.iter().any(|f| f.severity.rejects()),
        rules: rules_of(findings.iter().map(|f| f.rule)),
        findings,
        expected: None,
        request: Some(Planned {
            method: outgoing.verb,
            path: outgoing.path,
            content_type: outgoing.content_type,
            body: outgoing.body,
        }),
    })
}

/// The prediction of a text judged by `check`: its false and doubtful
/// claims and its requests' findings.
///
/// # Errors
/// A text too large to check.
pub fn checked(step: &CheckStep) -> Result<Prediction, String> {
    let checked = check(&step.text).map_err(|e| e.to_string())?;
    let findings: Vec<Finding> = checked
        .requests
        .iter()
        .flat_map(|r| r.findings.iter().cloned())
        .collect();
    let claim_rules = checked
        .claims
        .iter()
        .filter(|c| !matches!(c.verdict, crate::lint::Verdict::True))
        .map(|c| c.rule);
    let summary = checked.summary;
    let verdict = if checked.fails() {
        format!(
            "✖ {} false claim(s), {} request(s) predicted rejected, of {} claim(s) and {} request(s)",
            summary.false_claims, summary.rejected, summary.claims, summary.requests
        )
    } else {
        format!(
            "✓ no false claim, no rejected request ({} claim(s), {} request(s))",
            summary.claims, summary.requests
        )
    };
    Ok(Prediction {
        verdict,
        rejects: checked.fails(),
        rules: rules_of(claim_rules.chain(findings.iter().map(|f| f.rule))),
        findings,
        expected: None,
        request: None,
    })
}
