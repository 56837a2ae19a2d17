//! The table: for each rule, a realistic bad request and its correction.

use super::{ATTRS, GOOD, JSON, P, Req, patch, req};

/// (rule, bad request, corrected request)
#[allow(clippy::too_many_lines)] // one table row per case
pub(super) fn cases() -> Vec<(&'static str, Req, Req)> {
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
            "route/wrong-verb",
            req(
                "PATCH",
                "/api/v2/conversations/{C}",
                JSON,
                r#"{"state": "disconnected"}"#,
            ),
            req("GET", "/api/v2/conversations/{C}", None, ""),
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
                "/api/v2/conversations/internalmessages/{C}/participants/{P}/attributes",
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
            "route/removed-chats",
            req("GET", "/api/v2/conversations/chats/{C}", None, ""),
            req("GET", "/api/v2/conversations/{C}", None, ""),
        ),
        (
            "route/deprecated",
            patch(
                "/api/v2/conversations/cobrowsesessions/{C}/participants/{P}/attributes",
                GOOD,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "route/deprecated",
            req(
                "GET",
                "/api/v2/conversations/cobrowsesessions/{C}/participants/{P}/wrapup",
                None,
                "",
            ),
            req(
                "GET",
                "/api/v2/conversations/calls/{C}/participants/{P}/wrapup",
                None,
                "",
            ),
        ),
        (
            "route/preview",
            req(
                "GET",
                "/api/v2/conversations/{C}/accessattributes",
                None,
                "",
            ),
            req("GET", "/api/v2/conversations/{C}", None, ""),
        ),
        (
            "route/body-not-checked",
            req(
                "PUT",
                "/api/v2/conversations/{C}/customattributes",
                JSON,
                r#"{"customAttributes": {"intent": "billing"}}"#,
            ),
            patch(ATTRS, GOOD),
        ),
        (
            "route/no-such-route",
            patch("/api/v2/conversations/{C}/participant/{P}/attributes", GOOD),
            patch(ATTRS, GOOD),
        ),
        (
            "route/no-such-route",
            patch("/api/v2/conversations/participants/{P}", GOOD),
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
            req(
                "GET",
                "/api/v2/analytics/conversations/{C}/details",
                None,
                "",
            ),
            req("GET", "/api/v2/conversations/{C}", None, ""),
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
#[allow(clippy::too_many_lines)] // one table row per case
pub(super) fn snippet_cases() -> Vec<(&'static str, &'static str, &'static str)> {
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
            "pip install genesyscloud",
            "pip install PureCloudPlatformClientV2",
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
            "claim/invented-import",
            "api = ConversationApi(client)",
            "api = ConversationsApi(client)",
        ),
        (
            "claim/invented-package",
            "npm install @genesyscloud/purecloud-platform-client-v2",
            "npm install purecloud-platform-client-v2",
        ),
        (
            "claim/wrong-status",
            "The attribute PATCH can fail with 409 Conflict.",
            "The attribute PATCH answers 202 Accepted.",
        ),
        (
            "claim/invented-error-code",
            r#"{"code": "invalid_request_body", "status": 400}"#,
            r#"{"code": "bad.request", "status": 400}"#,
        ),
        (
            "claim/wrong-method",
            "api.patch_conversation_participant(cid, pid, {'attributes': {'a': '1'}})",
            "api.patch_conversation_participant_attributes(cid, pid, {'attributes': {'a': '1'}})",
        ),
        (
            "claim/put-exists",
            "Send a PUT with every participant attribute to replace them.",
            "Send a PATCH; there is no PUT on participant attributes.",
        ),
        (
            "claim/token-url",
            "token = post('https://api.mypurecloud.de/oauth/token', data)",
            "token = post('https://login.mypurecloud.de/oauth/token', data)",
        ),
        (
            "claim/token-lifetime",
            "The access token is valid for 1 hour.",
            "The access token is valid for expires_in seconds.",
        ),
        (
            "claim/invented-notifications",
            "connect to wss://api.mypurecloud.com/api/v2/notifications/stream",
            "open the channel's connectUri",
        ),
        (
            "claim/configuration-arguments",
            "cfg = PureCloudPlatformClientV2.Configuration(host=base, client_id=cid)",
            "PureCloudPlatformClientV2.configuration.host = base",
        ),
        (
            "claim/invented-flow-action",
            "In Architect, add a SetParticipantAttribute block.",
            "In Architect, add a Set Participant Data action.",
        ),
        (
            "claim/status-string",
            r#"{"status": "Bad Request", "code": "bad.request"}"#,
            r#"{"status": 400, "code": "bad.request"}"#,
        ),
    ]
}
