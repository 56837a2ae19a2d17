//! What follows from the edits: both bodies, both predicted end states, the
//! lint of each request, and the PUT-vs-PATCH diff. Recomputed once per edit,
//! never during drawing.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::Workspace;
use crate::diff::{JsonDiff, diff};
use crate::lint::{Finding, Location, Request, Severity, lint};
use crate::payload::Plan;

/// What the form edits and the send dialog writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendTarget {
    /// A participant's attributes: PATCH only (no PUT route exists).
    ParticipantAttributes,
    /// The conversation's secure attributes: a real PUT (replace) and PATCH (amend).
    SecureAttributes,
}

/// A request as the dialog would send it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Planned {
    /// `PATCH` or `PUT`.
    pub verb: &'static str,
    /// The path.
    pub path: String,
    /// The body.
    pub body: Value,
    /// Lint findings for exactly this request.
    pub findings: Vec<Finding>,
}

impl Planned {
    fn new(verb: &'static str, path: String, body: Value) -> Self {
        let text = body.to_string();
        let findings = lint(&Request {
            verb,
            path: &path,
            content_type: Some("application/json"),
            body: &text,
        });
        Self {
            verb,
            path,
            body,
            findings,
        }
    }

    /// The most severe finding's severity, if any.
    #[must_use]
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

/// Everything the payload pane shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Derived {
    /// Bodies and predicted end states.
    pub plan: Option<Plan>,
    /// The PATCH request.
    pub patch: Planned,
    /// The PUT-style request.
    pub put: Planned,
    /// PUT-style body (old side) against PATCH body (new side).
    pub diff: Option<JsonDiff>,
    /// Findings that point at one attribute key, by key, most severe first.
    pub by_key: BTreeMap<String, Vec<Finding>>,
}

impl Derived {
    /// Computes everything for the workspace's current edits.
    #[must_use]
    pub fn compute(workspace: &Workspace) -> Self {
        let plan = Plan::of(&workspace.edits);
        let conversation_id = workspace.conversation.id.clone().unwrap_or_default();
        let (patch, put) = match workspace.target {
            SendTarget::ParticipantAttributes => {
                let participant_id = workspace
                    .selected()
                    .and_then(|p| p.id.clone())
                    .unwrap_or_default();
                let path = format!(
                    "/api/v2/conversations/{conversation_id}/participants/{participant_id}/attributes"
                );
                (
                    Planned::new("PATCH", path.clone(), plan.patch_body()),
                    Planned::new("PUT", path, plan.put_body()),
                )
            }
            SendTarget::SecureAttributes => {
                let path = format!("/api/v2/conversations/{conversation_id}/secureattributes");
                let mut put_body = plan.put_body();
                if let Some(version) = workspace.secure_version {
                    put_body["version"] = json!(version);
                }
                (
                    Planned::new("PATCH", path.clone(), plan.patch_body()),
                    Planned::new("PUT", path, put_body),
                )
            }
        };
        let mut by_key: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
        for finding in patch.findings.iter().chain(&put.findings) {
            if let Location::Pointer { pointer } = &finding.location {
                if let Some(key) = pointer.strip_prefix("/attributes/") {
                    let key = key.replace("~1", "/").replace("~0", "~");
                    let list = by_key.entry(key).or_default();
                    if !list.iter().any(|f| f.rule == finding.rule) {
                        list.push(finding.clone());
                    }
                }
            }
        }
        let diff = Some(diff(&put.body, &patch.body));
        Self {
            plan: Some(plan),
            patch,
            put,
            diff,
            by_key,
        }
    }
}
