//! Check a whole text (a forum answer, a code file, a chat transcript):
//! every claim the fact sheet can judge, at its line and column, with a
//! verdict ([`crate::lint::claims`], plus the routes the text names), and
//! every request the text holds (a curl command, a raw HTTP request, a verb
//! and path in prose followed by a JSON body, an SDK call with a body
//! literal), each read with [`crate::usecase::import`] and linted on its
//! route. Pure: the text in, plain data out, for the CLI's `check` and a
//! TUI screen alike (their words in [`crate::usecase::words`]).
//!
//! Placeholders in a path (`{conversationId}`, `<pid>`, `:id`,
//! `CONVERSATION_ID`) are linted as sample ids, so that a forum's template
//! is judged on its route, not on the placeholder; the findings name the
//! placeholder again.

mod extract;
mod routes;

use serde::Serialize;

use crate::lint::{
    Finding, Request, TextClaim, Verdict, claims, keep_first, lint, masked, masked_body,
};
use crate::usecase::import::MAX_IMPORT;

/// The largest text checked, in bytes (as for a paste, 1 MiB).
pub const MAX_CHECK: usize = MAX_IMPORT;

/// Why a text was not checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    /// Larger than [`MAX_CHECK`].
    #[error(
        "the text is {0} bytes, more than the {MAX_CHECK} bytes check reads: check the answer or file alone"
    )]
    TooLarge(usize),
}

/// Where in the text a request was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RequestSource {
    /// A curl command (one line or several joined by `\`).
    Curl,
    /// A raw HTTP request: request line, headers, blank line, body.
    Http,
    /// A verb and path in prose, followed by a JSON body.
    Prose,
    /// An SDK call with a body literal.
    Sdk,
}

impl RequestSource {
    /// The lowercase name, as in `--json`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Curl => "curl",
            Self::Http => "http",
            Self::Prose => "prose",
            Self::Sdk => "sdk",
        }
    }
}

/// A request found in the text, linted on its route.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedRequest {
    /// The 1-based line it starts on.
    pub line: usize,
    /// The 1-based line it ends on.
    pub last_line: usize,
    /// What it was read from.
    pub source: RequestSource,
    /// The verb as written.
    pub verb: String,
    /// The path or URL as written (placeholders kept).
    pub path: String,
    /// The content type it would be sent with, if any.
    pub content_type: Option<String>,
    /// The body as it would be sent.
    pub body: String,
    /// The lint findings, the most severe first.
    pub findings: Vec<Finding>,
    /// Whether a finding predicts a rejection.
    pub rejects: bool,
    /// How the text was read where it may surprise.
    pub notes: Vec<String>,
}

/// How many of each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Every claim.
    pub claims: usize,
    /// Claims the fact sheet says are false.
    #[serde(rename = "false")]
    pub false_claims: usize,
    /// Claims partly right.
    pub partly: usize,
    /// Claims the fact sheet leaves unconfirmed.
    pub unconfirmed: usize,
    /// Claims the fact sheet confirms.
    #[serde(rename = "true")]
    pub true_claims: usize,
    /// Requests found.
    pub requests: usize,
    /// Requests predicted to be rejected.
    pub rejected: usize,
}

/// What a text holds, judged.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The claims, in text order.
    pub claims: Vec<TextClaim>,
    /// The requests, in text order.
    pub requests: Vec<CheckedRequest>,
    /// The counts.
    pub summary: Summary,
}

impl Checked {
    /// Whether a claim is false or a request is predicted to be rejected.
    #[must_use]
    pub fn fails(&self) -> bool {
        self.summary.false_claims > 0 || self.summary.rejected > 0
    }
}

/// Checks a text: its claims and its requests.
///
/// # Errors
/// When the text is larger than [`MAX_CHECK`].
pub fn check(text: &str) -> Result<Checked, CheckError> {
    if text.len() > MAX_CHECK {
        return Err(CheckError::TooLarge(text.len()));
    }
    let found = extract::requests(text);
    let mut requests = Vec::with_capacity(found.len());
    for request in found {
        requests.push(lint_found(request));
    }
    let inside = |line: usize| {
        requests
            .iter()
            .any(|r| (r.line..=r.last_line).contains(&line))
    };
    let mut all = claims(text);
    all.extend(
        routes::claims(text)
            .into_iter()
            .filter(|claim| !inside(claim.line)),
    );
    let claims = keep_first(all);
    let summary = summarize(&claims, &requests);
    Ok(Checked {
        claims,
        requests,
        summary,
    })
}

fn lint_found(found: extract::Found) -> CheckedRequest {
    let extract::Found {
        line,
        last_line,
        source,
        imported,
    } = found;
    let path = imported.target.clone().unwrap_or_default();
    let filled = routes::Filled::new(&path);
    let mut findings = lint(&Request {
        verb: &imported.verb,
        path: &filled.path,
        content_type: imported.content_type.as_deref(),
        body: &imported.body,
    });
    for finding in &mut findings {
        filled.restore_finding(finding);
    }
    let rejects = findings.iter().any(|f| f.severity.rejects());
    let mut notes = imported.notes;
    // A request to the secure attributes carries secrets: masked at the source.
    let mut body = imported.body;
    if crate::genesys::secure::is_secure_path(&path) {
        findings = masked(&findings, &body);
        body = masked_body(&body);
        notes.push("secure attribute values are masked (they are secrets)".to_owned());
    }
    if filled.changed() {
        notes.push(
            "placeholders in the path were linted as sample ids: fill in the real ones".to_owned(),
        );
    }
    CheckedRequest {
        line,
        last_line,
        source,
        verb: imported.verb,
        path,
        content_type: imported.content_type,
        body,
        findings,
        rejects,
        notes,
    }
}

fn summarize(claims: &[TextClaim], requests: &[CheckedRequest]) -> Summary {
    let count = |v: Verdict| claims.iter().filter(|c| c.verdict == v).count();
    Summary {
        claims: claims.len(),
        false_claims: count(Verdict::False),
        partly: count(Verdict::Partly),
        unconfirmed: count(Verdict::Unconfirmed),
        true_claims: count(Verdict::True),
        requests: requests.len(),
        rejected: requests.iter().filter(|r| r.rejects).count(),
    }
}

#[cfg(test)]
mod tests;
