//! Every rule: a realistic bad request that triggers it, and the corrected
//! request that lints clean. Applying the finding's own fix must clear it.

use super::*;

const C: &str = "3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a";
const P: &str = "b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
const JSON: Option<&str> = Some("application/json");

struct Req {
    verb: &'static str,
    path: String,
    content_type: Option<&'static str>,
    body: String,
}

impl Req {
    fn lint(&self) -> Vec<Finding> {
        lint(&Request {
            verb: self.verb,
            path: &self.path,
            content_type: self.content_type,
            body: &self.body,
        })
    }

    /// The request with a fix applied.
    fn fixed(&self, fix: &Fix) -> Req {
        Req {
            verb: fix.verb.map_or(self.verb, Verb::as_str),
            path: fix.path.clone().unwrap_or_else(|| self.path.clone()),
            content_type: if fix.content_type.is_some() {
                JSON
            } else {
                self.content_type
            },
            body: fix
                .body
                .as_ref()
                .map_or_else(|| self.body.clone(), Value::to_string),
        }
    }
}

fn req(verb: &'static str, path: &str, content_type: Option<&'static str>, body: &str) -> Req {
    Req {
        verb,
        path: path.replace("{C}", C).replace("{P}", P),
        content_type,
        body: body.to_owned(),
    }
}

fn patch(path: &str, body: &str) -> Req {
    req("PATCH", path, JSON, body)
}

const ATTRS: &str = "/api/v2/conversations/{C}/participants/{P}/attributes";
const GOOD: &str = r#"{"attributes": {"intent": "billing"}}"#;

/// (rule, bad request, corrected request)
#[allow(clippy::too_many_lines)] // one table row per case
fn cases() -> Vec<(&'static str, Req, Req)> {
    let long = "x".repeat(300);
    vec![
        (
            "route/put-on-attributes",
            req("PUT", ATTRS, JSON, GOOD),
            patch(ATTRS, GOOD),
        ),
        (
            "route/put-on-participant",
            req(
                "PUT",
                "/api/v2/conversations/{C}/participants/{P}",
                JSON,
                r#"{"wrapupSkipped": true}"#,
            ),
            patch(
                "/api/v2/conversations/{C}/participants/{P}",
                r#"{"wrapupSkipped": true}"#,
            ),
        ),
        (
            "route/wrong-verb",
            req("GET", ATTRS, None, ""),
            req("GET", "/api/v2/conversations/{C}", None, ""),
        ),
        (
            "route/wrong-verb",
            req("UPDATE", ATTRS, JSON, GOOD),
            patch(ATTRS, GOOD),
        ),
        (
            "route/wrong-verb",
            req("DELETE", ATTRS, None, ""),
            patch(ATTRS, GOOD),
        ),
        (
            "route/invented-path",
            patch(
                "/api/v2/conversations/voice/{C}/participants/{P}/attributes",
                GOOD,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "route/invented-path",
            patch(
                "/api/v2/conversations/web/{C}/participants/{P}/attributes",
                GOOD,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "route/media-without-attributes",
            patch(
                "/api/v2/conversations/videos/{C}/participants/{P}/attributes",
                GOOD,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "route/media-without-attributes",
            patch(
                "/api/v2/conversations/socials/{C}/participants/{P}/attributes",
                GOOD,
            ),
            patch(
                "/api/v2/conversations/messages/{C}/participants/{P}/attributes",
                GOOD,
            ),
        ),
        (
            "route/removed-chats",
            patch(
                "/api/v2/conversations/chats/{C}/participants/{P}/attributes",
                GOOD,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "route/deprecated-cobrowse",
            patch(
                "/api/v2/conversations/cobrowsesessions/{C}/participants/{P}/attributes",
                GOOD,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "route/missing-api-prefix",
            patch("/conversations/{C}/participants/{P}/attributes", GOOD),
            patch(ATTRS, GOOD),
        ),
        (
            "route/unexpanded-template",
            patch(
                "https://api.mypurecloud.com/api/v2/conversations/{{conversationId}}/participants/{participantId}/attributes",
                GOOD,
            ),
            patch(&format!("https://api.mypurecloud.com{ATTRS}"), GOOD),
        ),
        (
            "route/id-not-uuid",
            patch(
                "/api/v2/conversations/{C}/participants/tel:+13175550123/attributes",
                GOOD,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "route/unknown",
            patch("/api/v2/conversations/{C}/participant/{P}/attributes", GOOD),
            patch(ATTRS, GOOD),
        ),
        (
            "content-type/json-patch",
            req("PATCH", ATTRS, Some("application/json-patch+json"), GOOD),
            patch(ATTRS, GOOD),
        ),
        (
            "content-type/not-json",
            req("PATCH", ATTRS, Some("text/plain; charset=utf-8"), GOOD),
            req(
                "PATCH",
                ATTRS,
                Some("application/json; charset=utf-8"),
                GOOD,
            ),
        ),
        (
            "content-type/missing",
            req("PATCH", ATTRS, None, GOOD),
            patch(ATTRS, GOOD),
        ),
        (
            "body/malformed-json",
            patch(ATTRS, "{\n  \"attributes\": {\"intent\": \"billing\",}\n}"),
            patch(ATTRS, GOOD),
        ),
        (
            "body/malformed-json",
            patch(ATTRS, "{'attributes': {'intent': 'billing'}}"),
            patch(ATTRS, GOOD),
        ),
        ("body/missing", patch(ATTRS, ""), patch(ATTRS, GOOD)),
        (
            "body/no-op",
            patch(ATTRS, r#"{"attributes": {}}"#),
            patch(ATTRS, GOOD),
        ),
        ("body/no-op", patch(ATTRS, "{}"), patch(ATTRS, GOOD)),
        (
            "body/no-op",
            patch(
                "/api/v2/conversations/messages/{C}/participants/{P}/attributes",
                "",
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "body/json-patch-array",
            patch(
                ATTRS,
                r#"[{"op": "replace", "path": "/attributes/intent", "value": "billing"}, {"op": "remove", "path": "/attributes/priority"}]"#,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "body/not-an-object",
            patch(ATTRS, r#""intent=billing""#),
            patch(ATTRS, GOOD),
        ),
        (
            "body/not-an-object",
            patch(ATTRS, r#"[["intent", "billing"]]"#),
            patch(ATTRS, GOOD),
        ),
        (
            "body/not-wrapped",
            patch(ATTRS, r#"{"intent": "billing", "priority": "2"}"#),
            patch(
                ATTRS,
                r#"{"attributes": {"intent": "billing", "priority": "2"}}"#,
            ),
        ),
        (
            "body/unknown-key",
            patch(ATTRS, r#"{"customAttributes": {"intent": "billing"}}"#),
            patch(ATTRS, GOOD),
        ),
        (
            "body/unknown-key",
            patch(ATTRS, r#"{"custom_attributes": {"intent": "billing"}}"#),
            patch(ATTRS, GOOD),
        ),
        (
            "body/unknown-key",
            patch(ATTRS, r#"{"participantAttributes": {"intent": "billing"}}"#),
            patch(ATTRS, GOOD),
        ),
        (
            "body/unknown-key",
            patch(
                ATTRS,
                r#"{"type": "contact", "attributes": {"intent": "billing"}}"#,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "body/unknown-key",
            patch(ATTRS, r#"{"data": {"intent": "billing"}}"#),
            patch(ATTRS, GOOD),
        ),
        (
            "body/unknown-key",
            patch(
                ATTRS,
                r#"{"attributes": {"intent": "billing"}, "version": 4}"#,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "body/unknown-key",
            patch(
                ATTRS,
                r#"{"attributes": {"intent": "billing"}, "participantId": "b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e"}"#,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "body/whole-participant",
            patch(
                ATTRS,
                &format!(
                    r#"{{"id": "{P}", "purpose": "customer", "state": "connected", "wrapup": {{"code": "x"}}, "routing": {{}}, "attributes": {{"intent": "billing"}}}}"#
                ),
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "body/attributes-null",
            patch(ATTRS, r#"{"attributes": null}"#),
            patch(ATTRS, GOOD),
        ),
        (
            "body/attributes-not-object",
            patch(
                ATTRS,
                r#"{"attributes": [{"name": "intent", "value": "billing"}]}"#,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "body/attributes-not-object",
            patch(ATTRS, r#"{"attributes": "intent=billing"}"#),
            patch(ATTRS, GOOD),
        ),
        (
            "body/value-not-string",
            patch(
                ATTRS,
                r#"{"attributes": {"score": 42, "vip": true, "cart": {"items": 2}, "tags": ["a", "b"]}}"#,
            ),
            patch(
                ATTRS,
                r#"{"attributes": {"score": "42", "vip": "true", "cart": "{\"items\":2}", "tags": "[\"a\",\"b\"]"}}"#,
            ),
        ),
        (
            "body/value-null",
            patch(
                ATTRS,
                r#"{"attributes": {"intent": "billing", "priority": null}}"#,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "body/key-empty",
            patch(
                ATTRS,
                r#"{"attributes": {"": "orphan", "intent": "billing"}}"#,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "body/key-whitespace",
            patch(ATTRS, r#"{"attributes": {" intent ": "billing"}}"#),
            patch(ATTRS, GOOD),
        ),
        (
            "body/key-case-collision",
            patch(
                ATTRS,
                r#"{"attributes": {"Intent": "billing", "intent": "billing"}}"#,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "body/value-long",
            patch(
                ATTRS,
                &format!(r#"{{"attributes": {{"notes": "{long}"}}}}"#),
            ),
            patch(
                ATTRS,
                r#"{"attributes": {"notes": "caller asked for a callback"}}"#,
            ),
        ),
        (
            "participant/attributes-field",
            patch(
                "/api/v2/conversations/calls/{C}/participants/{P}",
                r#"{"attributes": {"intent": "billing"}}"#,
            ),
            patch(
                "/api/v2/conversations/calls/{C}/participants/{P}/attributes",
                GOOD,
            ),
        ),
        (
            "participant/unknown-field",
            patch(
                "/api/v2/conversations/{C}/participants/{P}",
                r#"{"wrapup_code": "8c4e1a52-2a41-4b8e-8a4b-7f0c1b2d3e4f"}"#,
            ),
            patch(
                "/api/v2/conversations/{C}/participants/{P}",
                r#"{"wrapup": {"code": "8c4e1a52-2a41-4b8e-8a4b-7f0c1b2d3e4f"}}"#,
            ),
        ),
        (
            "participant/unknown-field",
            patch(
                "/api/v2/conversations/{C}/participants/{P}",
                r#"{"wrapup_skipped": true}"#,
            ),
            patch(
                "/api/v2/conversations/{C}/participants/{P}",
                r#"{"wrapupSkipped": true}"#,
            ),
        ),
        (
            "participant/invalid-value",
            patch(
                "/api/v2/conversations/{C}/participants/{P}",
                r#"{"state": "hold", "held": "true"}"#,
            ),
            patch(
                "/api/v2/conversations/{C}/participants/{P}",
                r#"{"held": true}"#,
            ),
        ),
        (
            "participant/invalid-value",
            patch(
                "/api/v2/conversations/{C}/participants/{P}",
                r#"{"wrapup": {"code": 17}}"#,
            ),
            patch(
                "/api/v2/conversations/{C}/participants/{P}",
                r#"{"wrapup": {"code": "17"}}"#,
            ),
        ),
        (
            "secure/put-without-version",
            req(
                "PUT",
                "/api/v2/conversations/{C}/secureattributes",
                JSON,
                r#"{"attributes": {"pin": "4711"}}"#,
            ),
            req(
                "PUT",
                "/api/v2/conversations/{C}/secureattributes",
                JSON,
                r#"{"attributes": {"pin": "4711"}, "version": 3}"#,
            ),
        ),
        (
            "secure/patch-version-ignored",
            patch(
                "/api/v2/conversations/{C}/secureattributes",
                r#"{"attributes": {"pin": "4711"}, "version": 3}"#,
            ),
            patch(
                "/api/v2/conversations/{C}/secureattributes",
                r#"{"attributes": {"pin": "4711"}}"#,
            ),
        ),
    ]
}

/// (rule, bad text, corrected text) for the claims found in code or prose.
fn snippet_cases() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        (
            "claim/invented-sdk-method",
            "api.update_conversation_participant_attributes(cid, pid, body)",
            "api.patch_conversation_participant_attributes(cid, pid, body)",
        ),
        (
            "claim/invented-sdk-method",
            "api.put_conversation_participant(cid, pid, body)",
            "api.patch_conversation_participant(cid, pid, body)",
        ),
        (
            "claim/invented-sdk-method",
            "api.patch_conversation_call_participant(cid, pid, {'attributes': a})",
            "api.patch_conversations_call_participant_attributes(cid, pid, body)",
        ),
        (
            "claim/invented-sdk-method",
            "platformClient.conversations.updateConversationParticipant(id, pid, body)",
            "apiInstance.patchConversationParticipantAttributes(id, pid, body)",
        ),
        (
            "claim/invented-model",
            "body = ParticipantPatchRequest(attributes=a)",
            "body = ParticipantAttributes(attributes=a)",
        ),
        (
            "claim/invented-model",
            "ConversationParticipantPatch p = new ConversationParticipantPatch();",
            "ParticipantAttributes p = new ParticipantAttributes();",
        ),
        (
            "claim/invented-scope",
            "Scopes: conversation:write, conversation:modify",
            "Scope: conversations",
        ),
        (
            "claim/invented-package",
            "from genesyscloud import ConversationsApi",
            "from PureCloudPlatformClientV2 import ConversationsApi",
        ),
        (
            "claim/invented-route",
            "PATCH /api/v2/conversations/interactions/{id}/attributes",
            "PATCH /api/v2/conversations/{id}/participants/{pid}/attributes",
        ),
        (
            "claim/json-patch",
            "Content-Type: application/json-patch+json",
            "Content-Type: application/json",
        ),
        (
            "claim/invented-field",
            r#"{"externalAttributes": {"a": "1"}}"#,
            r#"{"attributes": {"a": "1"}}"#,
        ),
        (
            "claim/status-string",
            r#"{"status": "Bad Request", "code": "bad.request"}"#,
            r#"{"status": 400, "code": "bad.request"}"#,
        ),
    ]
}

fn rules_of(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.rule).collect()
}

#[test]
fn each_bad_request_triggers_its_rule_and_the_corrected_one_is_clean() {
    for (rule, bad, good) in cases() {
        let found = bad.lint();
        assert!(
            rules_of(&found).contains(&rule),
            "{rule}: {} {} {}\n got {:#?}",
            bad.verb,
            bad.path,
            bad.body,
            rules_of(&found)
        );
        let clean = good.lint();
        assert!(
            clean.is_empty(),
            "{rule}: corrected {} {} {} still has {clean:#?}",
            good.verb,
            good.path,
            good.body
        );
    }
}

#[test]
fn applying_a_findings_fix_clears_that_finding() {
    for (rule, bad, _) in cases() {
        for finding in bad.lint().iter().filter(|f| f.rule == rule) {
            let Some(fix) = &finding.fix else { continue };
            if fix.verb.is_none()
                && fix.path.is_none()
                && fix.content_type.is_none()
                && fix.body.is_none()
            {
                continue; // advice only, e.g. "replace the placeholder with the real id"
            }
            let after = bad.fixed(fix).lint();
            assert!(
                !after
                    .iter()
                    .any(|f| f.rule == rule && f.location == finding.location),
                "{rule}: the fix {fix:#?} leaves {after:#?}"
            );
        }
    }
}

#[test]
fn each_snippet_claim_is_found_and_the_corrected_text_is_clean() {
    for (rule, bad, good) in snippet_cases() {
        assert!(
            rules_of(&check_snippet(bad)).contains(&rule),
            "{rule}: {bad}"
        );
        assert_eq!(check_snippet(good), [], "{rule}: {good}");
    }
}

#[test]
fn every_rule_has_a_case() {
    let mut covered: Vec<&str> = cases().iter().map(|(rule, _, _)| *rule).collect();
    covered.extend(snippet_cases().iter().map(|(rule, _, _)| *rule));
    for rule in rules::ALL {
        assert!(covered.contains(&rule.id), "no test case for {}", rule.id);
        assert_eq!(Rule::by_id(rule.id), Some(*rule));
    }
}

#[test]
fn findings_carry_severity_location_evidence_and_fix() {
    let bad = patch(ATTRS, r#"{"customAttributes": {"score": 42}}"#);
    let found = bad.lint();
    let unknown = found.iter().find(|f| f.rule == "body/unknown-key").unwrap();
    assert_eq!(unknown.severity, Severity::LikelyReject);
    assert_eq!(
        unknown.location,
        Location::Pointer {
            pointer: "/customAttributes".into()
        }
    );
    assert_eq!(unknown.evidence, Evidence::assumed("§6.4"));
    assert!(
        unknown.explanation.contains("/customattributes"),
        "{}",
        unknown.explanation
    );
    assert!(unknown.message.contains("customAttributes"));
    assert_eq!(
        unknown.fix.as_ref().unwrap().body,
        Some(serde_json::json!({"attributes": {"score": "42"}}))
    );

    let put = req("PUT", ATTRS, JSON, GOOD).lint();
    assert_eq!(put[0].severity, Severity::Reject);
    assert_eq!(put[0].evidence.to_string(), "documented, fact sheet §1.4");

    let Location::LineColumn { line, column } =
        patch(ATTRS, "{\n  \"attributes\": {\"a\": \"1\",}\n}").lint()[0].location
    else {
        panic!("no line/column");
    };
    assert_eq!((line, column), (2, 27));
}

#[test]
fn findings_are_sorted_most_severe_first() {
    let found = req(
        "PUT",
        "/api/v2/conversations/{C}/participants/{P}/attributes",
        None,
        r#"{"attributes": {"a": 1, " b": "x"}}"#,
    )
    .lint();
    let severities: Vec<Severity> = found.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(severities, sorted);
    assert_eq!(found.len(), 4, "{:#?}", rules_of(&found));
}

#[test]
fn nothing_panics_on_odd_input() {
    for body in [
        "",
        " ",
        "null",
        "0",
        "[]",
        "[1]",
        "{\"attributes\":{\"\":null}}",
        "\u{feff}{}",
        "{\"a\":",
        "}{",
    ] {
        for path in [
            "",
            "/",
            "https://",
            "/api/v2/conversations//participants//attributes",
            "::",
            "/api/v2/conversations/x/participants",
        ] {
            for verb in ["PATCH", "PUT", "GET", "", "patch"] {
                let _ = lint(&Request {
                    verb,
                    path,
                    content_type: Some(""),
                    body,
                });
            }
        }
    }
}
