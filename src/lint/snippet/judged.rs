//! Claims judged by looking a name up: an SDK method against the route
//! inventory (§7), including a real method used for a job it does not do;
//! a token URL against the regions (§4); "a PUT exists" against §1.4,
//! minding a negation ("there is no PUT").

use std::sync::LazyLock;

use regex::Regex;

use super::{Hit, TextClaim, Verdict};
use crate::genesys::routes::inventory::{ApiRoute, inventory};
use crate::genesys::{Lifecycle, REGIONS};

static METHOD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:(?:get|head|patch|post|put|delete|update)_conversations?(?:_[a-z0-9]+)*|(?:get|head|patch|post|put|delete|update|Get|Head|Patch|Post|Put|Delete|Update)Conversations?(?:[A-Z][a-z0-9]*)*)\b",
    )
    .ok()
});

/// An `update_*` / `updateX` call about participants or attributes that
/// names no conversation (`update_participant_attributes(`): no SDK has an
/// update method (§5 a). Only a call, so a variable such as `update_count`
/// is left alone.
static UPDATE_CALL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(?:update_[a-z0-9_]*(?:participant|attribute)[a-z0-9_]*|update[A-Z][A-Za-z0-9]*(?:Participant|Attribute)[A-Za-z0-9]*)\s*\(").ok()
});

static TOKEN_URL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bhttps?://(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:/api/v2)?/oauth/token\b",
    )
    .ok()
});

static PUT: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\bPUT\b").ok());

/// Finds the judged claims in one line.
pub(super) fn find(line_index: usize, line: &str, out: &mut Vec<TextClaim>) {
    methods(line_index, line, out);
    token_urls(line_index, line, out);
    put_exists(line_index, line, out);
}

/// `patchConversationParticipantAttributes` and
/// `PatchConversationParticipantAttributes` as
/// `patch_conversation_participant_attributes`.
#[must_use]
pub(crate) fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The inventory's route for a Python (or camel-cased) SDK method name.
#[must_use]
pub fn route_of_method(name: &str) -> Option<&'static ApiRoute> {
    let snake = snake(name);
    inventory().routes().iter().find(|r| r.python == snake)
}

/// An `update_*` / `updateX` method: none exists in any SDK (§5 a).
fn invented_update(hit: &Hit<'_>) -> TextClaim {
    hit.claim(
        Verdict::False,
        "claim/invented-sdk-method",
        (
            "does not exist",
            "No SDK has an update_* (updateX) method: the Python prefixes are delete, get, head, patch, post and put, and no PUT exists on participant attributes.".to_owned(),
            "Use patch_conversation_participant_attributes / patchConversationParticipantAttributes.".to_owned(),
            "§5 a",
        ),
    )
}

fn update_calls(line_index: usize, line: &str, out: &mut Vec<TextClaim>) {
    let Some(regex) = UPDATE_CALL.as_ref() else {
        return;
    };
    for m in regex.find_iter(line) {
        let name = m
            .as_str()
            .trim_end_matches(|c: char| c == '(' || c.is_whitespace());
        let start = m.start();
        // A conversation method is judged with the others.
        if name.to_ascii_lowercase().contains("conversation") {
            continue;
        }
        let hit = Hit {
            line_index,
            line,
            start,
            end: start + name.len(),
        };
        out.push(invented_update(&hit));
    }
}

fn methods(line_index: usize, line: &str, out: &mut Vec<TextClaim>) {
    update_calls(line_index, line, out);
    let Some(regex) = METHOD.as_ref() else { return };
    for m in regex.find_iter(line) {
        let name = m.as_str();
        let snake = snake(name);
        let hit = Hit {
            line_index,
            line,
            start: m.start(),
            end: m.end(),
        };
        let rest = &line[m.end()..];
        let claim = if snake.starts_with("update_") {
            invented_update(&hit)
        } else if snake.contains("_chat_") || snake.contains("_chats_") || snake.ends_with("_chat")
        {
            hit.claim(
                Verdict::False,
                "claim/invented-sdk-method",
                (
                    "was removed",
                    "The chats operations were removed from the JavaScript (259.0.0) and Python (269.0.0) SDKs.".to_owned(),
                    "Use the generic patch_conversation_participant_attributes, which works for every media.".to_owned(),
                    "§1.1",
                ),
            )
        } else if let Some(route) = route_of_method(name) {
            judge_real(&hit, name, route, rest)
        } else {
            hit.claim(
                Verdict::Unconfirmed,
                "claim/sdk-method",
                (
                    "is not in the inventory",
                    "Not among the SDK methods of the 318 routes under /api/v2/conversations: it may belong to another API, or not exist.".to_owned(),
                    "Check the name in the SDK's ConversationsApi docs.".to_owned(),
                    "§7",
                ),
            )
        };
        out.push(claim);
    }
}

/// A real method: right, or (the participant PATCH given attributes) used
/// for a job it does not do.
fn judge_real(hit: &Hit<'_>, name: &str, route: &ApiRoute, rest: &str) -> TextClaim {
    let camel = name.chars().any(|c| c.is_ascii_uppercase());
    if route.body_model == Some("MediaParticipantRequest") && rest.contains("attributes") {
        let attributes = if camel {
            format!("{name}Attributes")
        } else {
            format!("{name}_attributes")
        };
        return hit.claim(
            Verdict::False,
            "claim/wrong-method",
            (
                "does not set attributes",
                format!(
                    "{name} is real, but it is the participant PATCH ({} {}) for wrap-up, state, recording, mute and hold: its body, MediaParticipantRequest, has no attributes field.",
                    route.verb, route.template
                ),
                format!(
                    "Call {attributes} (PATCH …/participants/{{participantId}}/attributes) with ParticipantAttributes: {{\"attributes\": {{...}}}}."
                ),
                "§1.2, §2",
            ),
        );
    }
    let body = route
        .body_model
        .map(|m| format!(", body {m}"))
        .unwrap_or_default();
    let returns = route.returns.map_or_else(
        || ", returns nothing".to_owned(),
        |r| format!(", returns {r}"),
    );
    let lifecycle = match route.lifecycle {
        Lifecycle::Deprecated => " It is deprecated.",
        Lifecycle::Preview => " It is a preview.",
        Lifecycle::Current | Lifecycle::Removed => "",
    };
    let evidence = if route.body_model == Some("ParticipantAttributes") {
        "§1.1, §5 b"
    } else {
        "§7"
    };
    hit.claim(
        Verdict::True,
        "claim/sdk-method",
        (
            "is right",
            format!(
                "A real SDK method: {} {}{body}{returns}.{lifecycle}",
                route.verb, route.template
            ),
            "Nothing to change.".to_owned(),
            evidence,
        ),
    )
}

fn token_urls(line_index: usize, line: &str, out: &mut Vec<TextClaim>) {
    let Some(regex) = TOKEN_URL.as_ref() else {
        return;
    };
    for captures in regex.captures_iter(line) {
        let (Some(all), Some(host)) = (captures.get(0), captures.name("host")) else {
            continue;
        };
        let host = host.as_str().to_ascii_lowercase();
        let hit = Hit {
            line_index,
            line,
            start: all.start(),
            end: all.end(),
        };
        let login = host.strip_prefix("login.");
        let known = login.is_some_and(|env| REGIONS.iter().any(|r| r.env == env));
        let claim = if known && !all.as_str().contains("/api/v2") {
            hit.claim(
                Verdict::True,
                "claim/token-url",
                (
                    "is right",
                    "The client-credentials token URL: POST https://login.<env>/oauth/token, Basic client id and secret, grant_type=client_credentials.".to_owned(),
                    "Nothing to change.".to_owned(),
                    "§4",
                ),
            )
        } else {
            let env = login
                .or_else(|| host.strip_prefix("api."))
                .filter(|env| REGIONS.iter().any(|r| r.env == *env));
            let fix = env.map_or_else(
                || "POST https://login.<env>/oauth/token, e.g. https://login.mypurecloud.com/oauth/token".to_owned(),
                |env| format!("POST https://login.{env}/oauth/token"),
            );
            hit.claim(
                Verdict::False,
                "claim/token-url",
                (
                    "is not the token URL",
                    "The token URL is on the login host of the region, login.<env>/oauth/token: not api.<env>, not the org's domain, not under /api/v2.".to_owned(),
                    fix,
                    "§4, §13",
                ),
            )
        };
        out.push(claim);
    }
}

/// Said before PUT, these make "PUT" a denial: "there is no PUT".
const NEGATIONS: [&str; 8] = [
    "no ",
    "not ",
    "n't ",
    "never ",
    "without ",
    "nor ",
    "neither ",
    "instead of ",
];

fn put_exists(line_index: usize, line: &str, out: &mut Vec<TextClaim>) {
    let lower = line.to_ascii_lowercase();
    let about = lower.contains("attribute") || lower.contains("participant");
    let other = [
        "secureattributes",
        "customattributes",
        "flaggedreason",
        "uuidata",
        "-x ",
        "--request",
        "curl",
    ]
    .iter()
    .any(|w| lower.contains(w));
    if !about || other {
        return;
    }
    let Some(regex) = PUT.as_ref() else { return };
    for m in regex.find_iter(line) {
        // `PUT /api/v2/…` is a route, judged on the route list by check.
        let next = line[m.end()..].trim_start().trim_start_matches('`');
        if next.starts_with('/') || next.starts_with("http") {
            continue;
        }
        // `PUT /api/v2/…` is a route, judged on the route list by check.
        let next = line[m.end()..].trim_start().trim_start_matches('`');
        if next.starts_with('/') || next.starts_with("http") {
            continue;
        }
        let from = lower[..m.start()]
            .char_indices()
            .rev()
            .nth(39)
            .map_or(0, |(i, _)| i);
        // Only the clause PUT is in: "does not merge; use PUT" is no denial.
        let clause = lower[from..m.start()]
            .rfind([';', '.', ',', ':', '!', '?'])
            .map_or(from, |i| from + i + 1);
        let before = &lower[clause..m.start()];
        let denied = NEGATIONS.iter().any(|n| before.contains(n));
        let hit = Hit {
            line_index,
            line,
            start: m.start(),
            end: m.end(),
        };
        let claim = if denied {
            hit.claim(
                Verdict::True,
                "claim/put-exists",
                (
                    "is right",
                    "Right: no PUT exists on a participant or its attributes (only PUT flaggedreason and a call communication's uuidata are under a participant).".to_owned(),
                    "Nothing to change.".to_owned(),
                    "§1.4",
                ),
            )
        } else {
            hit.claim(
                Verdict::False,
                "claim/put-exists",
                (
                    "does not exist here",
                    "No PUT exists on a participant or its attributes: the only PUTs under a participant are flaggedreason and a call communication's uuidata. A full replace cannot be sent.".to_owned(),
                    "PATCH /api/v2/conversations/{conversationId}/participants/{participantId}/attributes with only the keys to add or change.".to_owned(),
                    "§1.4",
                ),
            )
        };
        out.push(claim);
    }
}
