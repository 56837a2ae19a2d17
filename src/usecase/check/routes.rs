//! The routes a text names (`PATCH /api/v2/conversations/…`, a bare
//! `/api/v2/conversations/…` path, a URL), judged against the route list
//! (§7) by lint's route rules, and the sample ids placeholders are linted
//! as.

use std::sync::LazyLock;

use regex::Regex;

use crate::genesys::routes::inventory::inventory;
use crate::genesys::{Lifecycle, Verb};
use crate::lint::{Finding, Request, Severity, TextClaim, Verdict, lint};

/// The sample ids a placeholder is linted as, by the segment before it.
const SAMPLE_CONVERSATION: &str = "c0ffee00-0000-4000-8000-00000000c0c0";
const SAMPLE_PARTICIPANT: &str = "ba5e0000-0000-4000-8000-0000000000b0";
const SAMPLE_OTHER: &str = "0dd00000-0000-4000-8000-0000000000d0";

/// A path with its placeholders replaced by sample ids, and the way back.
pub(super) struct Filled {
    /// The path to lint.
    pub path: String,
    back: Vec<(&'static str, String)>,
}

/// Whether a path segment stands for an id rather than being one.
fn is_placeholder(segment: &str) -> bool {
    let braced = (segment.starts_with('{') && segment.ends_with('}'))
        || (segment.starts_with('<') && segment.ends_with('>'))
        || segment.starts_with("%7B")
        || segment.starts_with("%7b");
    let shell = segment.starts_with('$') && segment.len() > 1;
    let colon = segment.starts_with(':') && segment.len() > 1;
    let shouted = segment.len() > 2
        && segment.chars().all(|c| c.is_ascii_uppercase() || c == '_')
        && segment.contains('_');
    let elided = matches!(segment, "…" | "..." | "xxx" | "XXX");
    braced || shell || colon || shouted || elided
}

impl Filled {
    /// `path` with each placeholder segment replaced by a sample id; a
    /// template host (`{{baseUrl}}/api/v2/…`) is dropped.
    pub fn new(path: &str) -> Self {
        let trimmed = match path.find("/api/v2/") {
            Some(at) if !path[..at].contains("://") => &path[at..],
            _ => path,
        };
        let (head, rest) = match trimmed.find("://") {
            Some(at) => {
                let host_end = trimmed[at + 3..]
                    .find('/')
                    .map_or(trimmed.len(), |i| at + 3 + i);
                trimmed.split_at(host_end)
            }
            None => ("", trimmed),
        };
        let (rest, query) = match rest.find(['?', '#']) {
            Some(at) => rest.split_at(at),
            None => (rest, ""),
        };
        let mut back: Vec<(&'static str, String)> = Vec::new();
        let mut previous = "";
        let mut segments = Vec::new();
        for segment in rest.split('/') {
            if is_placeholder(segment) {
                let sample = match previous {
                    "participants" => SAMPLE_PARTICIPANT,
                    "conversations" | "calls" | "callbacks" | "emails" | "messages" | "chats"
                    | "cobrowsesessions" | "socials" | "videos" | "screenshares" => {
                        SAMPLE_CONVERSATION
                    }
                    _ => SAMPLE_OTHER,
                };
                if !back.iter().any(|(s, _)| *s == sample) {
                    back.push((sample, segment.to_owned()));
                }
                segments.push(sample);
            } else {
                segments.push(segment);
            }
            previous = segment;
        }
        Self {
            path: format!("{head}{}{query}", segments.join("/")),
            back,
        }
    }

    /// Whether a placeholder was replaced.
    pub fn changed(&self) -> bool {
        !self.back.is_empty()
    }

    /// `text` with the sample ids named by their placeholders again.
    pub fn restore(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for (sample, original) in &self.back {
            out = out.replace(sample, original);
        }
        out
    }

    /// The finding's words and fix with the placeholders again.
    pub fn restore_finding(&self, finding: &mut Finding) {
        if !self.changed() {
            return;
        }
        finding.message = self.restore(&finding.message);
        finding.explanation = self.restore(&finding.explanation);
        if let Some(fix) = &mut finding.fix {
            fix.summary = self.restore(&fix.summary);
            if let Some(path) = &mut fix.path {
                *path = self.restore(path);
            }
        }
    }
}

static ROUTE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?:\b(?P<verb>GET|PUT|PATCH|POST|DELETE)\b(?:\s+(?:request\s+)?(?:to|on|at)\b)?\s+`?)?(?P<path>(?:https?://[A-Za-z0-9.-]+(?::\d+)?)?(?:/api/v2)?/conversations(?:/[^\s`'\x22()\[\],;|]*)?)",
    )
    .ok()
});

/// A verb and path mentioned in a line.
pub(super) struct Mention<'a> {
    /// Byte range of the whole mention (verb included).
    pub start: usize,
    /// End of the path.
    pub end: usize,
    /// The verb, if one is said.
    pub verb: Option<&'a str>,
    /// The path as written, trailing punctuation dropped.
    pub path: &'a str,
}

/// The verbs and paths a line names.
pub(super) fn mentions(line: &str) -> Vec<Mention<'_>> {
    let Some(regex) = ROUTE.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for captures in regex.captures_iter(line) {
        let (Some(all), Some(path)) = (captures.get(0), captures.name("path")) else {
            continue;
        };
        // `/analytics/conversations/…` is another API.
        let before = line[..path.start()].chars().next_back();
        if captures.name("verb").is_none()
            && before
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '_' | '}'))
        {
            continue;
        }
        let text = path
            .as_str()
            .trim_end_matches(['.', ':', '!', '?', '>', '*']);
        out.push(Mention {
            start: all.start(),
            end: path.start() + text.len(),
            verb: captures.name("verb").map(|v| v.as_str()),
            path: text,
        });
    }
    out
}

/// The route rules that judge whether a verb and path exist.
fn judges_route(finding: &Finding) -> bool {
    finding.rule.starts_with("route/")
        && !matches!(
            finding.rule,
            "route/unexpanded-template"
                | "route/id-not-uuid"
                | "route/body-not-checked"
                | "route/unknown"
        )
}

/// The claims of the routes a text names: false when lint's route rules
/// reject the verb and path, partly for a deprecated or preview route,
/// true for a real one (a bare path is only judged false or not at all).
pub(super) fn claims(text: &str) -> Vec<TextClaim> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        for mention in mentions(line) {
            if let Some(claim) = judge(index, line, &mention) {
                out.push(claim);
            }
        }
    }
    out
}

fn judge(index: usize, line: &str, mention: &Mention<'_>) -> Option<TextClaim> {
    let filled = Filled::new(mention.path);
    let normal = crate::lint::Request {
        verb: mention.verb.unwrap_or("GET"),
        path: &filled.path,
        content_type: None,
        body: "",
    };
    let matched = &line[mention.start..mention.end];
    let claim = |verdict, rule, says, truth: String, fix: String, evidence| TextClaim {
        line: index + 1,
        column: line[..mention.start].chars().count() + 1,
        matched: matched.to_owned(),
        verdict,
        rule,
        truth: filled.restore(&truth),
        fix: filled.restore(&fix),
        evidence,
        says,
        width: matched.chars().count(),
    };
    let path_only = crate::lint::normalized_path(&filled.path);
    let Some(verb) = mention.verb else {
        // A bare path: only a path that matches no route is a claim.
        if !path_only.starts_with("/api/v2/conversations")
            || inventory().lookup(&path_only).is_some()
        {
            return None;
        }
        let finding = lint(&normal).into_iter().find(judges_route)?;
        return Some(claim(
            Verdict::False,
            finding.rule,
            "does not exist",
            format!("{} {}", finding.message, finding.explanation),
            finding.fix.map(|f| fix_text(&f)).unwrap_or_default(),
            finding.evidence.section,
        ));
    };
    let findings: Vec<Finding> = lint(&Request { ..normal })
        .into_iter()
        .filter(judges_route)
        .collect();
    if let Some(finding) = findings.iter().find(|f| f.severity.rejects()) {
        return Some(claim(
            Verdict::False,
            finding.rule,
            "does not exist",
            format!("{} {}", finding.message, finding.explanation),
            finding.fix.as_ref().map(fix_text).unwrap_or_default(),
            finding.evidence.section,
        ));
    }
    let route = verb
        .parse::<Verb>()
        .ok()
        .and_then(|v| inventory().find(v, &path_only))?;
    let lifecycle = match route.lifecycle {
        Lifecycle::Deprecated => Some("deprecated"),
        Lifecycle::Preview => Some("a preview"),
        Lifecycle::Current | Lifecycle::Removed => None,
    };
    let truth = format!(
        "A real route: {} {} ({}{}).",
        route.verb,
        route.template,
        route.python,
        route
            .body_model
            .map(|m| format!(", body {m}"))
            .unwrap_or_default()
    );
    let evidence = if route.body_model == Some("ParticipantAttributes") {
        "§1.1, §5 b"
    } else {
        "§7"
    };
    Some(match lifecycle {
        Some(state) => claim(
            Verdict::Partly,
            "claim/route",
            "is real but not current",
            format!("{truth} It is {state}."),
            findings
                .iter()
                .find(|f| f.severity == Severity::Warning)
                .and_then(|f| f.fix.as_ref().map(fix_text))
                .unwrap_or_default(),
            "§7",
        ),
        None => claim(
            Verdict::True,
            "claim/route",
            "is right",
            truth,
            "Nothing to change.".to_owned(),
            evidence,
        ),
    })
}

fn fix_text(fix: &crate::lint::Fix) -> String {
    match (&fix.verb, &fix.path) {
        (Some(verb), Some(path)) => format!("{} ({verb} {path})", fix.summary),
        (None, Some(path)) => format!("{} ({path})", fix.summary),
        (Some(verb), None) => format!("{} (verb {verb})", fix.summary),
        (None, None) => fix.summary.clone(),
    }
}
