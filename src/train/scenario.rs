//! A training scenario as its file says it (`assets/scenarios/*.toml`; the
//! format is documented in `assets/scenarios/README.md`): a title, the
//! audience, the conversation and participant it works on, and steps. Each
//! step has the narration shown to the class, one request (a form edit, a
//! raw request, a text to `check`, or a read), the simulator settings for
//! that step, the expected outcome and the lesson.
//!
//! Parsing is strict: an unknown key is an error, so a typo in a lesson is
//! caught, and every error names the file and the line.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The longest wait a step may ask for before its request, in ms: a lesson
/// runs in front of a class, and `--check` runs in CI.
pub const MAX_WAIT_MS: u64 = 10_000;

/// The largest scenario file read, in bytes.
pub const MAX_FILE_BYTES: usize = 256 * 1024;

/// A scenario: a lesson of several steps over one participant.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The name it is run by (the file name without `.toml`); not in the file.
    #[serde(skip_deserializing)]
    pub name: String,
    /// The title shown to the class.
    pub title: String,
    /// Who the lesson is for.
    pub audience: String,
    /// The conversation every step works on (an embedded fixture's id).
    pub conversation: String,
    /// The participant every step works on, unless the step names another.
    pub participant: String,
    /// The steps, in order.
    #[serde(rename(deserialize = "step", serialize = "steps"))]
    pub steps: Vec<Step>,
}

/// One step of a scenario.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// A few words, shown as the step's heading.
    pub title: String,
    /// What the trainer says before the request: shown to the class.
    pub narration: String,
    /// Why it came out as it did: shown once the answer is in.
    pub lesson: String,
    /// How long to wait before the request, in ms (at most [`MAX_WAIT_MS`]).
    #[serde(default)]
    pub wait_ms: u64,
    /// What the step sends.
    pub request: StepRequest,
    /// The simulator's behaviour during the step; what is not given is the
    /// simulator's strict, realistic default.
    #[serde(default)]
    pub sim: StepSim,
    /// What must come out.
    #[serde(default)]
    pub expect: Expect,
}

/// What a step sends.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum StepRequest {
    /// An edit made in the form: the tool builds the body.
    Edit(EditRequest),
    /// A request written out, as a forum answer or a pasted curl has it.
    Raw(RawStep),
    /// A text (pasted code, a forum answer) judged by `gc-attrs check`;
    /// nothing is sent.
    Check(CheckStep),
    /// A read of the conversation only: what a GET shows now.
    Read(ReadStep),
}

/// Which attributes an edit writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EditOn {
    /// The participant's attributes (PATCH only, §1.4).
    #[default]
    Participant,
    /// The conversation's secure attributes (PUT and PATCH, §1.5).
    Secure,
}

/// Which route a participant edit goes to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RouteKind {
    /// `/api/v2/conversations/{id}/participants/{pid}/attributes`.
    #[default]
    Generic,
    /// The participant's media route (calls, callbacks, emails, messages, …).
    Media,
}

/// An edit made in the form.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EditRequest {
    /// `PATCH` (the default) or `PUT`.
    #[serde(default = "patch")]
    pub verb: String,
    /// The participant's attributes or the conversation's secure ones.
    #[serde(default)]
    pub on: EditOn,
    /// The generic route or the media route.
    #[serde(default)]
    pub route: RouteKind,
    /// Another participant than the scenario's.
    pub participant: Option<String>,
    /// Keys to delete (applied first).
    #[serde(default)]
    pub unset: Vec<String>,
    /// Keys to add or change.
    #[serde(default)]
    pub set: BTreeMap<String, String>,
    /// The `version` a secure PUT sends instead of the one just read (a
    /// stale version, for the conflict lesson).
    pub version: Option<i64>,
}

fn patch() -> String {
    "PATCH".to_owned()
}

/// A request written out. `{conversationId}` and `{participantId}` in the
/// path and the body stand for the scenario's ids.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// The verb, as written (a wrong one is the lesson).
    pub method: String,
    /// The path from `/api/v2`.
    pub path: String,
    /// The `Content-Type`; default `application/json`, `""` for none.
    #[serde(default = "json_type")]
    pub content_type: String,
    /// The body as written; empty for none.
    #[serde(default)]
    pub body: String,
}

fn json_type() -> String {
    "application/json".to_owned()
}

/// A text for `check`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckStep {
    /// The text, as a forum or a code file has it.
    pub text: String,
}

/// A read: nothing but the observation.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReadStep {}

/// PATCH merges per key or replaces the map (§6 3: unconfirmed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PatchMode {
    /// Per-key merge: the simulator's default.
    Merge,
    /// The whole map replaced.
    Replace,
}

/// How unknown body keys and non-string values are treated (§6 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Values {
    /// Rejected: the simulator's default.
    Strict,
    /// Dropped.
    Lenient,
}

/// The simulator's behaviour during one step. Each step starts from the
/// defaults: nothing carries over from the step before, so a step reads
/// alone.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StepSim {
    /// Merge or replace on PATCH.
    pub patch: Option<PatchMode>,
    /// Strict or lenient body checks.
    pub values: Option<Values>,
    /// How long after a 202 a change shows in a GET, in ms.
    pub visibility_delay_ms: Option<u64>,
    /// How long after a PATCH a flow writes its own values back, in ms.
    pub flow_writeback_ms: Option<u64>,
    /// The chance (0.0 to 1.0) that a call answers 429.
    pub throttle_rate: Option<f64>,
}

/// What the lint or `check` predicts, before anything is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Predict {
    /// No finding predicts a rejection.
    Accept,
    /// A finding predicts a rejection (or `check` finds a false claim).
    Reject,
}

/// What must come out of a step. Only what is given is checked.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The prediction before sending.
    pub predict: Option<Predict>,
    /// Rules that must be among the prediction's findings or claims.
    #[serde(default)]
    pub rules: Vec<String>,
    /// The answer's status.
    pub status: Option<u16>,
    /// The answer's error code (`code` of its error body).
    pub code: Option<String>,
    /// Attributes the participant must have afterwards, as a GET shows them.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    /// Keys the participant must not have afterwards.
    #[serde(default)]
    pub absent: Vec<String>,
}

/// A scenario that could not be read: `FILE:LINE:COLUMN: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// The file, as named to the user.
    pub file: String,
    /// 1-based line and column, when the error has a place.
    pub at: Option<(usize, usize)>,
    /// What is wrong, and what to do.
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ScenarioError {}

/// 1-based line and column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The line of the `n`th (0-based) `[[step]]` header, for errors found
/// after parsing.
fn step_line(text: &str, n: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[step]]"))
        .nth(n)
        .map(|(i, _)| i + 1)
}

impl Scenario {
    /// Reads a scenario file's text; `file` names it in errors, and its
    /// stem (`assets/scenarios/no-put.toml` → `no-put`) is the name.
    ///
    /// # Errors
    /// A [`ScenarioError`] with the file and, where it has one, the line:
    /// bad TOML, an unknown or missing key, a step without a request, a
    /// wait too long, a rate out of range.
    pub fn parse(file: &str, text: &str) -> Result<Self, ScenarioError> {
        let error = |at, message: String| ScenarioError {
            file: file.to_owned(),
            at,
            message,
        };
        if text.len() > MAX_FILE_BYTES {
            return Err(error(
                None,
                format!(
                    "the file is {} bytes, more than a scenario may be ({MAX_FILE_BYTES}); split it",
                    text.len()
                ),
            ));
        }
        let mut scenario: Self = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|span| line_column(text, span.start));
            error(at, e.message().trim_end().to_owned())
        })?;
        scenario.name = name_of(file);
        if scenario.steps.is_empty() {
            return Err(error(
                None,
                "a scenario needs at least one [[step]]".to_owned(),
            ));
        }
        for (n, step) in scenario.steps.iter().enumerate() {
            let at = step_line(text, n).map(|line| (line, 1));
            step.validate()
                .map_err(|message| error(at, format!("step {}: {message}", n + 1)))?;
        }
        Ok(scenario)
    }
}

impl Step {
    fn validate(&self) -> Result<(), String> {
        if self.wait_ms > MAX_WAIT_MS {
            return Err(format!(
                "wait_ms is {}, more than {MAX_WAIT_MS} (10 s): a class should not wait longer",
                self.wait_ms
            ));
        }
        if let Some(rate) = self.sim.throttle_rate
            && !(0.0..=1.0).contains(&rate)
        {
            return Err(format!(
                "sim.throttle_rate is {rate}: give a chance between 0.0 and 1.0"
            ));
        }
        for (name, ms) in [
            ("visibility_delay_ms", self.sim.visibility_delay_ms),
            ("flow_writeback_ms", self.sim.flow_writeback_ms),
        ] {
            if ms.is_some_and(|ms| ms > MAX_WAIT_MS) {
                return Err(format!("sim.{name} is more than {MAX_WAIT_MS} (10 s)"));
            }
        }
        match &self.request {
            StepRequest::Edit(edit) => {
                let verb = edit.verb.to_ascii_uppercase();
                if verb != "PATCH" && verb != "PUT" {
                    return Err(format!(
                        "an edit is sent as PATCH or PUT, not `{}`; write a raw request for another verb",
                        edit.verb
                    ));
                }
                if edit.set.is_empty() && edit.unset.is_empty() {
                    return Err("an edit needs `set` or `unset`".to_owned());
                }
            }
            StepRequest::Check(_) if self.expect.status.is_some() || self.expect.code.is_some() => {
                return Err(
                    "a check sends nothing: expect `predict` and `rules`, not a status or code"
                        .to_owned(),
                );
            }
            StepRequest::Raw(_) | StepRequest::Check(_) | StepRequest::Read(_) => {}
        }
        Ok(())
    }
}

/// The name a scenario file is run by: its file name without `.toml`.
#[must_use]
pub fn name_of(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.strip_suffix(".toml").unwrap_or(base).to_owned()
}
