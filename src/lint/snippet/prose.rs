//! Claims with a shape rather than a fixed name: statements in prose
//! ("the PATCH merges", "values must be strings", "tokens expire after one
//! hour"), status codes said of the attribute PATCH, code shapes
//! (`Configuration(host=…)`, `type: "contact"`, `"status": "Bad Request"`),
//! and the documented odd-looking values (`number:1090.56`), which are legal.
//!
//! A pattern's group `m`, when it has one, is the claim's text and column.

use std::sync::LazyLock;

use regex::Regex;

use super::{Hit, TextClaim, Verdict};

struct Entry {
    pattern: &'static str,
    verdict: Verdict,
    rule: &'static str,
    says: &'static str,
    truth: &'static str,
    fix: &'static str,
    evidence: &'static str,
    /// The line must hold one of these (ASCII case ignored); empty: any line.
    requires: &'static [&'static str],
    /// The claim is not made when the line holds one of these (case ignored).
    unless: &'static [&'static str],
}

const ABOUT_ATTRIBUTES: &[&str] = &["attribute", "patch", "participant data"];
const OTHER_APIS: &[&str] = &[
    "secureattributes",
    "customattributes",
    "flaggedreason",
    "uuidata",
];

const ENTRIES: &[Entry] = &[
    Entry {
        pattern: r"(?i)\b(?P<m>merges?|merged|merging|replaces?|replaced|replacing|overwrites?|overwritten|overwriting)\b",
        verdict: Verdict::Unconfirmed,
        rule: "claim/merge-or-replace",
        says: "is not confirmed",
        truth: "The spec does not say whether the attribute PATCH merges per key or replaces the map, and documents no way to delete a key (per-key merge is the best evidence). Separately, a flow's Set Participant Data can overwrite a value when the flow ends (§12).",
        fix: "Treat a merge as expected, not promised: re-read the participant after the 202 to see what stuck.",
        evidence: "§3, §5 m",
        requires: ABOUT_ATTRIBUTES,
        unless: OTHER_APIS,
    },
    Entry {
        pattern: r"(?i)(?P<m>\bvalues?\b[^.]{0,40}?\b(?:must|have to|has to|need to|needs to|should|can only|may only)\s+be\s+(?:an?\s+)?strings?\b|\bnested\s+(?:objects?|json|maps?|values?)\b[^.]{0,40}?\b(?:rejected|not\s+(?:allowed|supported|accepted)|fail\w*)|\b(?:numbers?|booleans?|integers?)\b[^.]{0,30}?\b(?:are|is|get|gets|will\s+be)\s+rejected\b)",
        verdict: Verdict::Partly,
        rule: "claim/string-values",
        says: "is only partly right",
        truth: "Strings-only is true of the schema (map<string,string> in every SDK); whether the server rejects or coerces numbers, booleans or nested objects is not documented.",
        fix: "Send every value as a string (\"42\", \"true\"), and do not rely on a rejection either way.",
        evidence: "§5 k, §3",
        requires: &[],
        unless: &[],
    },
    Entry {
        pattern: r"(?i)\bscopes?\b\W{0,5}(?P<m>conversations)(?:[\s,.;)`'\x22]|$)",
        verdict: Verdict::Unconfirmed,
        rule: "claim/scope",
        says: "is not confirmed",
        truth: "The attribute PATCH's scope is very probably conversations, but no stored spec shows it. Client-credentials clients are authorized by roles, not scopes.",
        fix: "With client credentials, give the client a role; with another grant, request the conversations scope.",
        evidence: "§4, §6",
        requires: &[],
        unless: &[],
    },
    Entry {
        pattern: r"(?i)\b(?P<m>(?:409|422)(?:\s+(?:conflict|unprocessable(?:\s+entity)?))?)\b",
        verdict: Verdict::False,
        rule: "claim/wrong-status",
        says: "is not declared",
        truth: "The attribute PATCH declares no 409 or 422: it answers 202 Accepted, and its declared errors are 400, 401, 403, 404, 415, 429, 500, 503 and 504.",
        fix: "Expect 202 on success; read a 4xx's code (bad.request, not.found, …) from the error body.",
        evidence: "§2, §13",
        requires: ABOUT_ATTRIBUTES,
        unless: &[],
    },
    Entry {
        pattern: r"(?i)\b(?:returns?|returned|responds?(?:\s+with)?|answers?(?:\s+with)?|gets?|got|status(?:\s+code)?\s*(?:is|of|:)?)\s+(?:an?\s+|with\s+)?(?P<m>(?:200|204)(?:\s+(?:OK|No Content))?)\b",
        verdict: Verdict::False,
        rule: "claim/wrong-status",
        says: "is not what the attribute PATCH answers",
        truth: "The attribute PATCH answers 202 Accepted: with no body on the generic route, with ParticipantAttributes on the media routes.",
        fix: "Expect 202 Accepted.",
        evidence: "§1.1",
        requires: &["patch"],
        unless: &["get ", "communications", "uuidata"],
    },
    Entry {
        pattern: r"(?i)\b(?P<m>202(?:\s+Accepted)?)\b",
        verdict: Verdict::True,
        rule: "claim/status",
        says: "is right",
        truth: "The attribute PATCH answers 202 Accepted (no body on the generic route, ParticipantAttributes on the media routes); the change may not show in an immediate GET.",
        fix: "Nothing to change.",
        evidence: "§1.1, §3",
        requires: ABOUT_ATTRIBUTES,
        unless: &[],
    },
    Entry {
        pattern: r"(?i)\btokens?\b[^.]{0,60}?\b(?:expires?|expiring|valid|lasts?|lifetime|lives?)\b[^.]{0,30}?\b(?P<m>one hour|an hour|1 hour|1h|60 minutes|3600 seconds|3600s?)\b",
        verdict: Verdict::False,
        rule: "claim/token-lifetime",
        says: "is not the token lifetime",
        truth: "The token lifetime is set per OAuth client, from 5 minutes to 48 hours; the default is 86400 s (24 h).",
        fix: "Read expires_in from the token answer and renew before it runs out.",
        evidence: "§4, §13",
        requires: &[],
        unless: &[],
    },
    Entry {
        pattern: r"(?i)(?P<m>\b30[- ]?min(?:ute)?s?\b[^.]{0,30}?\b(?:channel\s+(?:ttl|lifetime)|channel|ttl|lifetime)\b|\b(?:channel|ttl)\b[^.]{0,30}?\b30[- ]?min(?:ute)?s?\b)",
        verdict: Verdict::False,
        rule: "claim/invented-notifications",
        says: "is not documented",
        truth: "No 30-minute channel TTL is documented: the channel lifetime is unconfirmed (community: 24 h); trust Channel.expires.",
        fix: "Read Channel.expires and re-create the channel before then.",
        evidence: "§8, §13",
        requires: &[],
        unless: &[],
    },
    Entry {
        pattern: r"\b(?P<m>Configuration\(\s*[A-Za-z_]\w*\s*=)",
        verdict: Verdict::False,
        rule: "claim/configuration-arguments",
        says: "is not how the SDK is configured",
        truth: "PureCloudPlatformClientV2.Configuration() takes no arguments: code passing host=…, client_id=… is invented.",
        fix: "PureCloudPlatformClientV2.configuration.host = <api base>; api_client = PureCloudPlatformClientV2.api_client.ApiClient().get_client_credentials_token(id, secret)",
        evidence: "§11",
        requires: &[],
        unless: &[],
    },
    Entry {
        pattern: r#"(?P<m>["']?\btype\b["']?\s*[:=]\s*["']contact["'])"#,
        verdict: Verdict::False,
        rule: "claim/invented-field",
        says: "does not exist",
        truth: "No type field exists in ParticipantAttributes or MediaParticipantRequest, and none is required.",
        fix: "{\"attributes\": {\"key\": \"value\"}}",
        evidence: "§5 d",
        requires: &[],
        unless: &[],
    },
    Entry {
        pattern: r#"(?P<m>["']customAttributes["']\s*:)"#,
        verdict: Verdict::False,
        rule: "claim/invented-field",
        says: "is not a key of this body",
        truth: "ParticipantAttributes has only attributes; customAttributes belongs to the separate conversation custom-attributes API (/customattributes).",
        fix: "{\"attributes\": {\"key\": \"value\"}}",
        evidence: "§5 c, §1.5",
        requires: &[],
        unless: &[
            "/customattributes",
            "custom attributes api",
            "customattributespatchrequest",
            "customattributesupdaterequest",
        ],
    },
    Entry {
        pattern: r#"(?P<m>["']status["']\s*:\s*["']Bad Request["'])"#,
        verdict: Verdict::False,
        rule: "claim/status-string",
        says: "is not how the error says it",
        truth: "ErrorBody.status is an integer, the HTTP code (400); the reason phrase is not in the body.",
        fix: "\"status\": 400",
        evidence: "§2, §13",
        requires: &[],
        unless: &[],
    },
    Entry {
        pattern: r#"["'](?P<m>(?:number|date|datetime|checkbox|enum|identifier|integer|longtext):)"#,
        verdict: Verdict::True,
        rule: "claim/display-prefix",
        says: "is right",
        truth: "A documented display-type prefix of an attribute value (Architect's custom conversation attributes): legal, not an error.",
        fix: "Nothing to change.",
        evidence: "§12",
        requires: &[],
        unless: &[],
    },
];

static COMPILED: LazyLock<Vec<(Regex, &'static Entry)>> = LazyLock::new(|| {
    ENTRIES
        .iter()
        .filter_map(|e| Regex::new(e.pattern).ok().map(|r| (r, e)))
        .collect()
});

fn holds_any(lower: &str, words: &[&str]) -> bool {
    words.iter().any(|w| lower.contains(w))
}

/// Finds the shaped claims in one line.
pub(super) fn find(line_index: usize, line: &str, out: &mut Vec<TextClaim>) {
    let lower = line.to_ascii_lowercase();
    for (regex, entry) in COMPILED.iter() {
        if (!entry.requires.is_empty() && !holds_any(&lower, entry.requires))
            || holds_any(&lower, entry.unless)
        {
            continue;
        }
        for captures in regex.captures_iter(line) {
            let Some(m) = captures.name("m").or_else(|| captures.get(0)) else {
                continue;
            };
            let hit = Hit {
                line_index,
                line,
                start: m.start(),
                end: m.end(),
            };
            out.push(hit.claim(
                entry.verdict,
                entry.rule,
                (
                    entry.says,
                    entry.truth.to_owned(),
                    entry.fix.to_owned(),
                    entry.evidence,
                ),
            ));
        }
    }
}

#[cfg(test)]
pub(super) fn compiled_count() -> (usize, usize) {
    (COMPILED.len(), ENTRIES.len())
}

#[cfg(test)]
pub(super) fn rules() -> Vec<(&'static str, Verdict)> {
    ENTRIES.iter().map(|e| (e.rule, e.verdict)).collect()
}
