//! A lint finding or a decoded error answer as labelled parts. The words
//! (labels and texts) are made here once; the CLI prints each part as
//! `label: text` and the TUI styles it by its label, so both say the same.

use std::sync::Arc;

use serde_json::Value;

use crate::genesys::{Detail, Limit};
use crate::lint::explain::ExplainedError;
use crate::lint::{Finding, TextClaim, Unlisted, Verdict};
use crate::usecase::check::{CheckedRequest, Summary};

/// What a part of a finding or of a decoded error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The finding's message, or the error's message (shown without a label).
    Message,
    /// Why the server would reject it.
    Why,
    /// What to do instead.
    Fix,
    /// The verb the fix sends with.
    FixedVerb,
    /// The route the fix sends to.
    FixedRoute,
    /// The content type the fix sends.
    FixedContentType,
    /// The body the fix sends (pretty JSON).
    FixedBody,
    /// The fix sends the corrected body already shown above (the findings
    /// of one request share one corrected body).
    SameFixedBody,
    /// What an error code means.
    Means,
    /// What to do about an error.
    NextStep,
    /// The error's correlation id.
    ContextId,
    /// One of the error's `details`.
    Detail,
    /// The error's `limit`.
    Limit,
    /// Whether the claim is documented or assumed, and where.
    Evidence,
    /// What is true instead (a claim found in a text).
    Truth,
}

impl Label {
    /// The label as both faces print it.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Message => "message",
            Self::Why => "why",
            Self::Fix => "fix",
            Self::FixedVerb => "fixed verb",
            Self::FixedRoute => "fixed route",
            Self::FixedContentType => "fixed content type",
            Self::FixedBody | Self::SameFixedBody => "fixed body",
            Self::Means => "means",
            Self::NextStep => "next step",
            Self::ContextId => "contextId",
            Self::Detail => "detail",
            Self::Limit => "limit",
            Self::Evidence => "evidence",
            Self::Truth => "truth",
        }
    }
}

/// One labelled part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// What it is.
    pub label: Label,
    /// The text (may hold several lines for a fixed body).
    pub text: String,
}

fn part(label: Label, text: impl Into<String>) -> Part {
    Part {
        label,
        text: text.into(),
    }
}

/// The lint verdict of one request, as every face says it
/// ([`super::verdict::summary`]): `✓ no findings`, or the findings counted
/// by severity with the rules that predict a rejection named.
#[must_use]
pub fn verdict(findings: &[Finding]) -> String {
    super::verdict::summary(findings)
}

/// `… and 3,980 more of body/value-not-string`: the line both faces print,
/// after a listing's findings, for the findings of a rule it leaves out
/// ([`crate::lint::listing`]).
#[must_use]
pub fn unlisted_line(unlisted: &Unlisted) -> String {
    format!(
        "… and {} more of {}",
        thousands(unlisted.count),
        unlisted.rule
    )
}

/// `3990` as `3,990`.
pub(super) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The corrected bodies a listing has shown so far. The findings of one
/// request share one corrected body ([`crate::lint::Fix::body`]); it is
/// printed in full at the first finding and named at the others
/// ([`Label::SameFixedBody`]), so that a listing prints it once.
#[derive(Debug, Default)]
pub struct ShownBodies(Vec<Arc<Value>>);

impl ShownBodies {
    /// Whether `body` was shown before; records it as shown.
    fn seen(&mut self, body: &Arc<Value>) -> bool {
        if self.0.iter().any(|shown| Arc::ptr_eq(shown, body)) {
            return true;
        }
        self.0.push(Arc::clone(body));
        false
    }
}

/// A finding's parts after its heading (severity, rule, location): message,
/// why, fix, and the fix's verb, route, content type and body, evidence. A
/// body already in `shown` is named (`fixed body: the same as above`), not
/// repeated.
#[must_use]
pub fn finding_parts(finding: &Finding, shown: &mut ShownBodies) -> Vec<Part> {
    let mut parts = vec![
        part(Label::Message, finding.message.clone()),
        part(Label::Why, finding.explanation.clone()),
    ];
    if let Some(fix) = &finding.fix {
        parts.push(part(Label::Fix, fix.summary.clone()));
        if let Some(verb) = &fix.verb {
            parts.push(part(Label::FixedVerb, verb.as_str()));
        }
        if let Some(path) = &fix.path {
            parts.push(part(Label::FixedRoute, path.clone()));
        }
        if let Some(content_type) = &fix.content_type {
            parts.push(part(Label::FixedContentType, content_type.clone()));
        }
        if let Some(body) = &fix.body {
            if shown.seen(body) {
                parts.push(part(Label::SameFixedBody, "the same as above"));
            } else {
                parts.push(part(
                    Label::FixedBody,
                    serde_json::to_string_pretty(body.as_ref()).unwrap_or_default(),
                ));
            }
        }
    }
    parts.push(part(Label::Evidence, finding.evidence.to_string()));
    parts
}

/// A text claim's heading: `2:14 false claim/invented-package` (the
/// matched text follows it, quoted by each face its own way).
#[must_use]
pub fn claim_heading(claim: &TextClaim) -> String {
    format!(
        "{}:{} {} {}",
        claim.line,
        claim.column,
        claim.verdict.label(),
        claim.rule
    )
}

/// A text claim's parts after its heading: truth, fix (none for a true
/// claim), evidence.
#[must_use]
pub fn claim_parts(claim: &TextClaim) -> Vec<Part> {
    let mut parts = vec![part(Label::Truth, claim.truth.clone())];
    if claim.verdict != Verdict::True && !claim.fix.is_empty() {
        parts.push(part(Label::Fix, claim.fix.clone()));
    }
    parts.push(part(
        Label::Evidence,
        format!("fact sheet {}", claim.evidence),
    ));
    parts
}

/// A checked request's heading: `line 12, curl: PUT https://…`.
#[must_use]
pub fn request_heading(request: &CheckedRequest) -> String {
    format!(
        "line {}, {}: {} {}",
        request.line,
        request.source.name(),
        request.verb,
        request.path
    )
}

/// The verdict of a whole text: `9 claims (5 false, 1 partly, 1
/// unconfirmed, 2 true); 2 requests, 1 predicted to be rejected`.
#[must_use]
pub fn check_summary(summary: &Summary) -> String {
    let plural = |n: usize, one: &str, many: &str| {
        format!("{} {}", thousands(n), if n == 1 { one } else { many })
    };
    format!(
        "{} ({} false, {} partly, {} unconfirmed, {} true); {}, {} predicted to be rejected",
        plural(summary.claims, "claim", "claims"),
        thousands(summary.false_claims),
        thousands(summary.partly),
        thousands(summary.unconfirmed),
        thousands(summary.true_claims),
        plural(summary.requests, "request", "requests"),
        thousands(summary.rejected)
    )
}

/// A decoded error's parts after its heading (code, status): message,
/// means, next step, contextId, each detail, the limit, evidence.
#[must_use]
pub fn error_parts(error: &ExplainedError) -> Vec<Part> {
    let mut parts = Vec::new();
    if let Some(message) = error.message.as_deref().filter(|m| !m.is_empty()) {
        parts.push(part(Label::Message, message));
    }
    parts.push(part(Label::Means, error.explanation.clone()));
    parts.push(part(Label::NextStep, error.next_step.clone()));
    if let Some(context) = error.context_id.as_deref().filter(|c| !c.is_empty()) {
        parts.push(part(Label::ContextId, context));
    }
    for detail in &error.details {
        let text = detail_text(detail);
        if !text.is_empty() {
            parts.push(part(Label::Detail, text));
        }
    }
    if let Some(limit) = &error.limit {
        parts.push(part(Label::Limit, limit_text(limit)));
    }
    parts.push(part(Label::Evidence, error.evidence.to_string()));
    parts
}

/// `errorCode X · fieldName Y · entityId Z · entityName W`, the fields present.
#[must_use]
pub fn detail_text(detail: &Detail) -> String {
    [
        ("errorCode", &detail.error_code),
        ("fieldName", &detail.field_name),
        ("entityId", &detail.entity_id),
        ("entityName", &detail.entity_name),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.as_ref().map(|v| format!("{name} {v}")))
    .collect::<Vec<_>>()
    .join(" · ")
}

/// `key K · namespace N · value V`, the fields present.
#[must_use]
pub fn limit_text(limit: &Limit) -> String {
    [
        limit.key.as_ref().map(|k| format!("key {k}")),
        limit.namespace.as_ref().map(|n| format!("namespace {n}")),
        limit.value.map(|v| format!("value {v}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::explain::explain;

    #[test]
    fn a_claim_says_line_column_verdict_truth_fix_and_evidence() {
        let checked =
            crate::usecase::check::check("x\nimport genesyscloud\nParticipantAttributes").unwrap();
        let false_claim = &checked.claims[0];
        assert_eq!(
            claim_heading(false_claim),
            "2:8 false claim/invented-package"
        );
        let labels: Vec<&str> = claim_parts(false_claim)
            .iter()
            .map(|p| p.label.word())
            .collect();
        assert_eq!(labels, ["truth", "fix", "evidence"]);
        assert_eq!(claim_parts(false_claim)[2].text, "fact sheet §5 l");
        // A true claim has nothing to fix.
        let labels: Vec<&str> = claim_parts(&checked.claims[1])
            .iter()
            .map(|p| p.label.word())
            .collect();
        assert_eq!(labels, ["truth", "evidence"]);
        assert_eq!(
            check_summary(&checked.summary),
            "2 claims (1 false, 0 partly, 0 unconfirmed, 1 true); 0 requests, 0 predicted to be rejected"
        );
    }

    #[test]
    fn a_decoded_error_says_means_and_next_step() {
        let body = r#"{"message":"Invalid value","code":"invalid.value","status":400,
            "contextId":"c0ffee","details":[{"errorCode":"x.y","fieldName":"attributes.n"}],
            "limit":{"key":"k","value":3}}"#;
        let explanation = explain(Some(400), body);
        let parts = error_parts(&explanation.errors[0]);
        let labels: Vec<&str> = parts.iter().map(|p| p.label.word()).collect();
        assert_eq!(
            labels,
            [
                "message",
                "means",
                "next step",
                "contextId",
                "detail",
                "limit",
                "evidence"
            ]
        );
        assert_eq!(parts[4].text, "errorCode x.y · fieldName attributes.n");
        assert_eq!(parts[5].text, "key k · value 3");
    }

    #[test]
    fn the_verdict_counts_and_names_the_rejecting_rules() {
        assert_eq!(verdict(&[]), "✓ no findings");
        let put = crate::lint::lint(&crate::lint::Request {
            verb: "PUT",
            path: "/api/v2/conversations/3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a/participants/b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e/attributes",
            content_type: Some("application/json"),
            body: r#"{"attributes":{"a":"1"}}"#,
        });
        let text = verdict(&put);
        assert!(
            text.contains("✖ 1 reject (route/put-on-attributes)"),
            "{text}"
        );
    }

    fn numbers(n: usize) -> Vec<Finding> {
        let map: serde_json::Map<String, Value> = (0..n)
            .map(|i| (format!("n{i:04}"), serde_json::json!(i)))
            .collect();
        crate::lint::lint(&crate::lint::Request {
            verb: "PATCH",
            path: "/api/v2/conversations/3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a/participants/b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e/attributes",
            content_type: Some("application/json"),
            body: &serde_json::json!({ "attributes": map }).to_string(),
        })
    }

    #[test]
    fn the_unlisted_line_counts_with_thousands_separators() {
        let line = |count| {
            unlisted_line(&Unlisted {
                rule: "body/value-not-string",
                count,
            })
        };
        assert_eq!(line(3_980), "… and 3,980 more of body/value-not-string");
        assert_eq!(line(7), "… and 7 more of body/value-not-string");
        assert_eq!(
            line(1_234_567),
            "… and 1,234,567 more of body/value-not-string"
        );
        assert_eq!(line(100), "… and 100 more of body/value-not-string");
    }

    #[test]
    fn the_verdict_of_4000_findings_names_their_rule_once() {
        assert_eq!(
            verdict(&numbers(4_000)),
            "✗ 4,000 likely rejects (body/value-not-string)"
        );
    }

    #[test]
    fn a_shared_corrected_body_is_written_out_once_then_named() {
        let findings = numbers(3);
        let mut shown = ShownBodies::default();
        let bodies: Vec<Vec<Part>> = findings
            .iter()
            .map(|f| finding_parts(f, &mut shown))
            .map(|parts| {
                parts
                    .into_iter()
                    .filter(|p| matches!(p.label, Label::FixedBody | Label::SameFixedBody))
                    .collect()
            })
            .collect();
        assert_eq!(bodies[0][0].label, Label::FixedBody);
        assert!(
            bodies[0][0].text.contains("\"n0002\": \"2\""),
            "{}",
            bodies[0][0].text
        );
        for later in &bodies[1..] {
            assert_eq!(later[0].label, Label::SameFixedBody);
            assert_eq!(
                format!("{}: {}", later[0].label.word(), later[0].text),
                "fixed body: the same as above"
            );
        }
    }

    #[test]
    fn a_finding_lists_its_fix_and_evidence() {
        let findings = crate::lint::lint(&crate::lint::Request {
            verb: "PUT",
            path: "/api/v2/conversations/3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a/participants/b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e/attributes",
            content_type: Some("application/json"),
            body: r#"{"attributes":{"a":"1"}}"#,
        });
        let parts = finding_parts(&findings[0], &mut ShownBodies::default());
        assert_eq!(parts[0].label, Label::Message);
        assert!(
            parts
                .iter()
                .any(|p| p.label == Label::FixedVerb && p.text == "PATCH")
        );
        assert_eq!(parts.last().map(|p| p.label), Some(Label::Evidence));
    }
}
