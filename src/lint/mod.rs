//! Lint: predict what the server would reject, and explain it, before
//! anything is sent. Also decodes error answers after the fact ([`explain`]).
//!
//! [`lint`] takes a request as a person would write it (verb, path, content
//! type, raw body text) and returns [`Finding`]s. Each finding names its
//! [`Rule`], where in the request it is, what is wrong, why, how to fix it
//! (a corrected body or route where one can be given), and whether the fact
//! sheet documents the failure or gc-attrs assumes it.
//!
//! Lint stays linear in the size of the body: the findings of one request
//! whose fix changes the body share one corrected body ([`Fix::body`], an
//! [`Arc`]), computed once, and both faces list at most
//! [`LISTED_PER_RULE`] findings per rule, counting the rest ([`listing`]).
//!
//! Pure: no I/O. The simulator does not call this module to decide what to
//! reject (it shares the schema in [`crate::genesys`], not these verdicts).

mod body;
pub mod explain;
mod inventory;
mod listing;
mod masked;
mod participant;
mod request;
mod route;
pub mod rules;
mod snippet;

use std::fmt;
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use crate::genesys::{BodyModel, Route, Verb};
pub use body::kept_case_collisions;
use inventory::Resolved;
pub use listing::{LISTED_PER_RULE, Listing, Unlisted, listing};
pub use masked::{masked, masked_body, secure_values};
use request::{Body, Shape};
pub use request::{Request, is_uuid};
pub use snippet::{TextClaim, Verdict, check_snippet, claims, keep_first, route_of_method};

/// How sure gc-attrs is that the server rejects the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Worth knowing; nothing fails.
    Info,
    /// Works, but probably not as meant.
    Warning,
    /// Fails under the simulator's strict, assumed behaviour (the fact sheet
    /// leaves the server's behaviour unconfirmed).
    LikelyReject,
    /// Documented to fail.
    Reject,
}

impl Severity {
    /// The label used in text output.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::LikelyReject => "likely-reject",
            Self::Reject => "reject",
        }
    }

    /// Whether this severity predicts a rejection.
    #[must_use]
    pub fn rejects(self) -> bool {
        matches!(self, Self::LikelyReject | Self::Reject)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Whether the fact sheet documents a behaviour or marks it unconfirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// Traces to the fact sheet or the SDK docs it cites.
    Documented,
    /// The fact sheet says *unconfirmed*; gc-attrs assumes the behaviour.
    Assumed,
}

/// The evidence behind a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Evidence {
    /// Documented or assumed.
    pub kind: EvidenceKind,
    /// The fact-sheet section, e.g. `§1.4`.
    pub section: &'static str,
}

impl Evidence {
    /// Documented in this section.
    #[must_use]
    pub const fn documented(section: &'static str) -> Self {
        Self {
            kind: EvidenceKind::Documented,
            section,
        }
    }

    /// Assumed; the section says unconfirmed.
    #[must_use]
    pub const fn assumed(section: &'static str) -> Self {
        Self {
            kind: EvidenceKind::Assumed,
            section,
        }
    }
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            EvidenceKind::Documented => "documented",
            EvidenceKind::Assumed => "assumed",
        };
        write!(f, "{kind}, fact sheet {}", self.section)
    }
}

/// Where in the request (or text) a finding points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Location {
    /// The verb.
    Verb,
    /// The path.
    Route,
    /// The content type.
    ContentType,
    /// A JSON pointer into the body (`""` is the whole body).
    Pointer {
        /// RFC 6901 pointer.
        pointer: String,
    },
    /// A line and column (1-based) of the body or text, e.g. for malformed JSON.
    LineColumn {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
}

impl Location {
    /// A JSON pointer built from path segments (escaped per RFC 6901).
    #[must_use]
    pub fn pointer<S: AsRef<str>>(segments: &[S]) -> Self {
        let mut pointer = String::new();
        for segment in segments {
            pointer.push('/');
            pointer.push_str(&segment.as_ref().replace('~', "~0").replace('/', "~1"));
        }
        Self::Pointer { pointer }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Verb => f.write_str("verb"),
            Self::Route => f.write_str("route"),
            Self::ContentType => f.write_str("content type"),
            Self::Pointer { pointer } if pointer.is_empty() => f.write_str("body"),
            Self::Pointer { pointer } => write!(f, "body {pointer}"),
            Self::LineColumn { line, column } => write!(f, "line {line}, column {column}"),
        }
    }
}

/// A concrete fix: the parts of the request to change. Parts left `None`
/// stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Fix {
    /// What to do, in one sentence.
    pub summary: String,
    /// The verb to use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verb: Option<Verb>,
    /// The path to use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The content type to use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// The corrected body. Every finding of one request that corrects the
    /// body holds the same one (one allocation, cloned by reference), so a
    /// body with thousands of findings is stored once, not once per finding.
    /// The participant PATCH's `participant/attributes-field` fix is the exception:
    /// it is a different request (the attributes route), with its own body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<Arc<Value>>,
}

/// A lint rule: its id, default severity and evidence.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// Stable id, e.g. `body/unknown-key`.
    pub id: &'static str,
    /// Severity of its findings.
    pub severity: Severity,
    /// Evidence for the rule.
    pub evidence: Evidence,
    /// One line: what the rule looks for.
    pub title: &'static str,
}

/// One problem found in a request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule's id.
    pub rule: &'static str,
    /// How sure the rejection is.
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// One line.
    pub message: String,
    /// Why, with the fact behind it.
    pub explanation: String,
    /// How to fix it, where a fix can be given.
    pub fix: Option<Fix>,
    /// Documented or assumed, and where.
    pub evidence: Evidence,
}

impl Rule {
    /// A finding of this rule.
    #[must_use]
    pub fn finding(
        &self,
        location: Location,
        message: String,
        explanation: String,
        fix: Option<Fix>,
    ) -> Finding {
        Finding {
            rule: self.id,
            severity: self.severity,
            location,
            message,
            explanation,
            fix,
            evidence: self.evidence,
        }
    }

    /// The rule with this id.
    #[must_use]
    pub fn by_id(id: &str) -> Option<&'static Rule> {
        rules::ALL.iter().copied().find(|rule| rule.id == id)
    }
}

/// Lints a request: every finding, the most severe first.
#[must_use]
pub fn lint(request: &Request<'_>) -> Vec<Finding> {
    let body = request::parse_body(request.body);
    let body = match &body {
        Body::Empty => BodyRef::Empty,
        Body::Json(value) => BodyRef::Json(value),
        Body::Malformed {
            message,
            line,
            column,
        } => BodyRef::Malformed {
            message,
            line: *line,
            column: *column,
        },
    };
    lint_parts(request.verb, request.path, request.content_type, &body)
}

/// Lints a request whose body is already JSON, `body`: the same findings as
/// [`lint`] of the request with `body.to_string()` as its text (what the
/// server would read), without writing the text and reading it back. The
/// preview's bodies, which gc-attrs builds itself, are linted this way.
#[must_use]
pub fn lint_json(verb: &str, path: &str, content_type: Option<&str>, body: &Value) -> Vec<Finding> {
    lint_parts(verb, path, content_type, &BodyRef::Json(body))
}

/// A body as read: none, JSON, or not JSON (with serde's message and where).
enum BodyRef<'a> {
    Empty,
    Json(&'a Value),
    Malformed {
        message: &'a str,
        line: usize,
        column: usize,
    },
}

fn lint_parts(
    raw_verb: &str,
    path: &str,
    content_type: Option<&str>,
    body: &BodyRef<'_>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let verb = request::parse_verb(raw_verb);
    route::check_verb(raw_verb, verb, &mut out);
    let normal = request::normalize_path(path);
    route::check_path(path, &normal, &mut out);
    let shape = request::shape(&normal.path);
    route::check_ids(&shape, &mut out);

    let sends_body = !matches!(verb, Some(Verb::Get | Verb::Delete));
    let parsed = match body {
        BodyRef::Json(value) => Some(*value),
        BodyRef::Empty | BodyRef::Malformed { .. } => None,
    };
    let resolved = verb.map_or(Resolved::Unresolved, |verb| {
        inventory::check_route(verb, &normal.path, &shape, parsed, sends_body, &mut out)
    });
    let route = match resolved {
        Resolved::Modelled(route) => Some(route),
        Resolved::Unmodelled | Resolved::Unresolved => None,
    };
    if sends_body && !matches!(body, BodyRef::Empty) {
        route::check_content_type(content_type, &mut out);
    }
    if let BodyRef::Malformed {
        message,
        line,
        column,
    } = body
    {
        out.push(
            rules::MALFORMED_JSON.finding(
                Location::LineColumn {
                    line: *line,
                    column: *column,
                },
                format!("the body is not valid JSON: {message}"),
                "The server cannot read the body. Expect a 400: bad.request is the code the spec \
             declares for a bad request (§2), though its exact answer to malformed JSON is not \
             documented. Common causes: a trailing comma, single quotes, an unquoted key, or a \
             body cut off when it was pasted."
                    .into(),
                None,
            ),
        );
    }
    let json = parsed;
    // A real route gc-attrs does not model has said so (route/body-not-checked).
    let checks_body = !matches!(resolved, Resolved::Unmodelled);
    if checks_body && sends_body && !matches!(body, BodyRef::Malformed { .. }) {
        match &shape {
            Shape::Attributes(_) => {
                // The route decides whether a body is required; a wrong route is linted as the generic one.
                let required = route
                    .is_none_or(|r| r.body_required || r.body != BodyModel::ParticipantAttributes);
                body::check_attributes(json, required, &mut out);
            }
            Shape::Participant(ids) => participant::check(json, ids, &mut out),
            Shape::Secure if matches!(verb, Some(Verb::Put | Verb::Patch)) => {
                body::check_secure(json, verb == Some(Verb::Put), &mut out);
            }
            Shape::Secure | Shape::Other => {}
        }
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

/// A path or full URL as lint reads it: no host, query or trailing `/`,
/// `/api/v2` in front.
#[must_use]
pub fn normalized_path(path: &str) -> String {
    request::normalize_path(path).path
}

/// The route a request would hit, if the verb and path match one.
#[must_use]
pub fn route_of(request: &Request<'_>) -> Option<&'static Route> {
    let verb = request::parse_verb(request.verb)?;
    Route::find(verb, &request::normalize_path(request.path).path).map(|(route, _)| route)
}

#[cfg(test)]
mod tests;
