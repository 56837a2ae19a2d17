//! Forum-style texts written for these tests: each claim of fact sheet §5
//! and §13, each kind of embedded request, and a right answer that must stay
//! unflagged.

use super::*;

fn checked(text: &str) -> Checked {
    check(text).expect("checks")
}

fn claim<'a>(checked: &'a Checked, matched: &str) -> &'a TextClaim {
    checked
        .claims
        .iter()
        .find(|c| c.matched == matched)
        .unwrap_or_else(|| panic!("no claim on `{matched}`: {:#?}", checked.claims))
}

const WRONG_ANSWER: &str = "\
Answer (accepted):
You need the genesyscloud package and the scope conversation:participant:write (or conversation:write / conversation:modify).
Call api.update_conversation_participant_attributes(cid, pid, body) which does a PUT, or put_conversation_participant.
The body is a ConversationParticipantUpdate with type: \"contact\" and customAttributes:
  {\"customAttributes\": {\"tier\": \"gold\"}}
For voice use /api/v2/conversations/voice/{cid}/participants/{pid} and set Content-Type: application/json-patch+json.
patch_conversation_call_participant also accepts attributes.
Values must be strings, nested objects are rejected.
The PATCH merges the keys you send.
";

/// Each claim of §5 in WRONG_ANSWER: its text, rule, verdict, line and evidence.
const SECTION_5: &[(&str, &str, Verdict, usize, &str)] = &[
    (
        "genesyscloud",
        "claim/invented-package",
        Verdict::False,
        2,
        "§5 l",
    ),
    (
        "conversation:participant:write",
        "claim/invented-scope",
        Verdict::False,
        2,
        "§5 j",
    ),
    (
        "conversation:write",
        "claim/invented-scope",
        Verdict::False,
        2,
        "§5 j",
    ),
    (
        "conversation:modify",
        "claim/invented-scope",
        Verdict::False,
        2,
        "§5 j",
    ),
    (
        "update_conversation_participant_attributes",
        "claim/invented-sdk-method",
        Verdict::False,
        3,
        "§5 a",
    ),
    ("PUT", "claim/put-exists", Verdict::False, 3, "§1.4"),
    (
        "put_conversation_participant",
        "claim/invented-sdk-method",
        Verdict::False,
        3,
        "§5 e",
    ),
    (
        "ConversationParticipantUpdate",
        "claim/invented-model",
        Verdict::False,
        4,
        "§5 f",
    ),
    (
        "type: \"contact\"",
        "claim/invented-field",
        Verdict::False,
        4,
        "§5 d",
    ),
    (
        "\"customAttributes\":",
        "claim/invented-field",
        Verdict::False,
        5,
        "§5 c, §1.5",
    ),
    (
        "/api/v2/conversations/voice/{cid}/participants/{pid}",
        "route/invented-path",
        Verdict::False,
        6,
        "§5 h",
    ),
    (
        "application/json-patch+json",
        "claim/json-patch",
        Verdict::False,
        6,
        "§5 i",
    ),
    (
        "patch_conversation_call_participant",
        "claim/invented-sdk-method",
        Verdict::False,
        7,
        "§5 g",
    ),
    (
        "Values must be strings",
        "claim/string-values",
        Verdict::Partly,
        8,
        "§5 k, §3",
    ),
    (
        "merges",
        "claim/merge-or-replace",
        Verdict::Unconfirmed,
        9,
        "§3, §5 m",
    ),
];

#[test]
fn each_claim_of_section_5_is_judged_where_it_stands() {
    let checked = checked(WRONG_ANSWER);
    for &(matched, rule, verdict, line, evidence) in SECTION_5 {
        let found = claim(&checked, matched);
        assert_eq!(
            (found.rule, found.verdict, found.line, found.evidence),
            (rule, verdict, line, evidence),
            "{matched}"
        );
        assert!(
            !found.truth.is_empty() && !found.fix.is_empty(),
            "{matched}"
        );
    }
    assert_eq!(claim(&checked, "genesyscloud").column, 14);
    assert!(checked.fails());
}

const SECTION_13: &str = "\
pip install genesys-cloud-purecloud-sdk   # or: npm i @genesyscloud/purecloud-platform-client-v2
from genesyscloud import ConversationsApi
api = ConversationApi(client)
Scopes: conversations:participant:write conversation:read conversation:view webchat:write websocket:read notification:read analytics:detail:read
Get a token from https://api.mypurecloud.com/oauth/token (or POST /api/v2/oauth/token); tokens expire after one hour.
On a bad body you get {\"code\": \"invalid_request_body\", \"status\": \"Bad Request\"}; the attribute PATCH can also answer 409 Conflict.
Live updates: wss://api.mypurecloud.com/api/v2/notifications/stream, with a 30-minute channel TTL.
In Architect use the SetParticipantAttribute block.
cfg = PureCloudPlatformClientV2.Configuration(host='https://api.mypurecloud.com', client_id=cid)
";

#[test]
fn each_invention_of_section_13_is_false() {
    let checked = checked(SECTION_13);
    for (matched, rule) in [
        ("genesys-cloud-purecloud-sdk", "claim/invented-package"),
        (
            "@genesyscloud/purecloud-platform-client-v2",
            "claim/invented-package",
        ),
        ("from genesyscloud import", "claim/invented-import"),
        ("ConversationApi", "claim/invented-import"),
        ("conversations:participant:write", "claim/invented-scope"),
        ("conversation:read", "claim/invented-scope"),
        ("conversation:view", "claim/invented-scope"),
        ("webchat:write", "claim/invented-scope"),
        ("websocket:read", "claim/invented-scope"),
        ("notification:read", "claim/invented-scope"),
        ("analytics:detail:read", "claim/invented-scope"),
        ("https://api.mypurecloud.com/oauth/token", "claim/token-url"),
        ("/api/v2/oauth/token", "claim/token-url"),
        ("one hour", "claim/token-lifetime"),
        ("invalid_request_body", "claim/invented-error-code"),
        ("\"status\": \"Bad Request\"", "claim/status-string"),
        ("409 Conflict", "claim/wrong-status"),
        (
            "/api/v2/notifications/stream",
            "claim/invented-notifications",
        ),
        ("30-minute channel TTL", "claim/invented-notifications"),
        ("SetParticipantAttribute", "claim/invented-flow-action"),
        ("Configuration(host=", "claim/configuration-arguments"),
    ] {
        let found = claim(&checked, matched);
        assert_eq!(
            (found.rule, found.verdict),
            (rule, Verdict::False),
            "{matched}"
        );
    }
    // The token URL's fix names the region's login host.
    assert!(
        claim(&checked, "https://api.mypurecloud.com/oauth/token")
            .fix
            .contains("https://login.mypurecloud.com/oauth/token")
    );
}

const RIGHT_ANSWER: &str = "\
Install the SDK: pip install PureCloudPlatformClientV2 (npm: purecloud-platform-client-v2).
There is no PUT for participant attributes: send a PATCH to /api/v2/conversations/{conversationId}/participants/{participantId}/attributes with:

```json
{\"attributes\": {\"conversationDetails.participantData.amount\": \"number:1090.56\", \"tier\": \"gold\"}}
```

The PATCH answers 202 Accepted. In Python:

    body = PureCloudPlatformClientV2.ParticipantAttributes(attributes={'tier': 'gold'})
    api.patch_conversation_participant_attributes(conversation_id, participant_id, body)

In JavaScript: await new platformClient.ConversationsApi().patchConversationParticipantAttributes(cid, pid, {attributes: {tier: 'gold'}});
The token comes from POST https://login.mypurecloud.ie/oauth/token with Content-Type: application/x-www-form-urlencoded.
";

#[test]
fn a_right_answer_has_no_false_claim_and_no_rejected_request() {
    let checked = checked(RIGHT_ANSWER);
    let wrong: Vec<&TextClaim> = checked
        .claims
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::False | Verdict::Partly))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
    for matched in [
        "PureCloudPlatformClientV2",
        "purecloud-platform-client-v2",
        "PUT",
        "ParticipantAttributes",
        "patch_conversation_participant_attributes",
        "patchConversationParticipantAttributes",
        "202 Accepted",
        "https://login.mypurecloud.ie/oauth/token",
    ] {
        assert_eq!(claim(&checked, matched).verdict, Verdict::True, "{matched}");
    }
    let rejected: Vec<&CheckedRequest> = checked.requests.iter().filter(|r| r.rejects).collect();
    assert!(rejected.is_empty(), "{rejected:#?}");
    let sources: Vec<RequestSource> = checked.requests.iter().map(|r| r.source).collect();
    assert_eq!(sources, [RequestSource::Prose, RequestSource::Sdk]);
    assert!(!checked.fails());
}

#[test]
fn a_multi_line_curl_with_curly_quotes_is_extracted_and_linted() {
    let text = "Try this:\n\
        curl -X PUT \u{201c}https://api.mypurecloud.com/api/v2/conversations/{conversationId}/participants/{participantId}/attributes\u{201d} \\\n\
        \x20 -H \u{201c}Authorization: Bearer $TOKEN\u{201d} \\\n\
        \x20 -H \u{201c}Content-Type: application/json\u{201d} \\\n\
        \x20 -d \u{2018}{\"attributes\": {\"escalationLevel\": 3}}\u{2019}\n\
        That should work.\n";
    let checked = checked(text);
    assert_eq!(checked.requests.len(), 1, "{:#?}", checked.requests);
    let request = &checked.requests[0];
    assert_eq!((request.line, request.last_line), (2, 5));
    assert_eq!(request.source, RequestSource::Curl);
    assert_eq!(request.verb, "PUT");
    assert_eq!(request.body, r#"{"attributes": {"escalationLevel": 3}}"#);
    let rules: Vec<&str> = request.findings.iter().map(|f| f.rule).collect();
    assert!(rules.contains(&"route/put-on-attributes"), "{rules:?}");
    assert!(rules.contains(&"body/value-not-string"), "{rules:?}");
    assert!(
        !rules.contains(&"route/unexpanded-template"),
        "placeholders are samples: {rules:?}"
    );
    assert!(request.rejects);
    assert!(checked.fails());
}

#[test]
fn a_raw_http_request_is_extracted_with_its_headers_and_body() {
    let text = "Here is what I send:\n\n\
        PATCH /api/v2/conversations/{cid}/participants/{pid}/attributes HTTP/1.1\n\
        Host: api.mypurecloud.de\n\
        Content-Type: application/json-patch+json\n\
        \n\
        [{\"op\": \"replace\", \"path\": \"/attributes/tier\", \"value\": \"gold\"}]\n\
        and it fails.\n";
    let checked = checked(text);
    let request = &checked.requests[0];
    assert_eq!(
        (request.line, request.last_line, request.source),
        (3, 7, RequestSource::Http)
    );
    assert_eq!(
        request.content_type.as_deref(),
        Some("application/json-patch+json")
    );
    let rules: Vec<&str> = request.findings.iter().map(|f| f.rule).collect();
    assert!(rules.contains(&"content-type/json-patch"), "{rules:?}");
    assert!(rules.contains(&"body/json-patch-array"), "{rules:?}");
}

#[test]
fn a_verb_and_path_in_prose_with_a_fenced_body_is_a_request_on_the_participant_patch() {
    let text = "Send a PATCH to /api/v2/conversations/{conversationId}/participants/{participantId} with:\n\
        \n\
        ```json\n\
        {\n  \"attributes\": {\"tier\": \"gold\"}\n}\n\
        ```\n";
    let checked = checked(text);
    let request = &checked.requests[0];
    assert_eq!(
        (request.line, request.last_line, request.source),
        (1, 6, RequestSource::Prose)
    );
    assert_eq!(request.verb, "PATCH");
    let finding = request
        .findings
        .iter()
        .find(|f| f.rule == "participant/attributes-field")
        .unwrap_or_else(|| panic!("{:#?}", request.findings));
    let fix = finding
        .fix
        .as_ref()
        .and_then(|f| f.path.clone())
        .unwrap_or_default();
    assert!(
        fix.ends_with("/participants/{participantId}/attributes"),
        "the fix names the placeholder again: {fix}"
    );
    assert!(request.rejects);
}

#[test]
fn an_inline_prose_body_is_read_on_its_line() {
    let text = "Just POST /api/v2/conversations/{id}/participants/{pid}/attributes with `{\"attributes\": {\"a\": \"1\"}}`.";
    let checked = checked(text);
    let request = &checked.requests[0];
    assert_eq!(
        (request.source, request.verb.as_str()),
        (RequestSource::Prose, "POST")
    );
    assert_eq!(request.body, r#"{"attributes": {"a": "1"}}"#);
    assert!(
        request
            .findings
            .iter()
            .any(|f| f.rule == "route/wrong-verb")
    );
}

#[test]
fn sdk_calls_with_a_body_literal_are_requests_on_their_route() {
    let text = "api.patch_conversation_participant_attributes('c1', participant_id,\n\
        \x20   ParticipantAttributes(attributes={'escalationLevel': 3}))\n\
        await api.patchConversationsCallParticipantAttributes(cid, pid, {attributes: {tier: 'gold', vip: true}});\n\
        api.patch_conversation_participant(cid, pid, {'attributes': {'a': '1'}})\n";
    let checked = checked(text);
    let summary: Vec<(usize, &str, &str)> = checked
        .requests
        .iter()
        .map(|r| (r.line, r.verb.as_str(), r.path.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                1,
                "PATCH",
                "/api/v2/conversations/c1/participants/{participant_id}/attributes"
            ),
            (
                3,
                "PATCH",
                "/api/v2/conversations/calls/{cid}/participants/{pid}/attributes"
            ),
            (4, "PATCH", "/api/v2/conversations/{cid}/participants/{pid}"),
        ]
    );
    assert!(
        checked
            .requests
            .iter()
            .all(|r| r.source == RequestSource::Sdk)
    );
    assert_eq!(
        checked.requests[0].body,
        r#"{"attributes":{"escalationLevel":3}}"#
    );
    assert_eq!(
        checked.requests[1].body,
        r#"{"attributes":{"tier":"gold","vip":true}}"#
    );
    let rules = |i: usize| -> Vec<&str> {
        checked.requests[i]
            .findings
            .iter()
            .map(|f| f.rule)
            .collect()
    };
    assert!(rules(0).contains(&"body/value-not-string"));
    assert!(rules(1).contains(&"body/value-not-string"));
    assert!(rules(3 - 1).contains(&"participant/attributes-field"));
    // The real method used for the wrong job is said so, not called invented.
    let wrong = claim(&checked, "patch_conversation_participant");
    assert_eq!(
        (wrong.rule, wrong.verdict),
        ("claim/wrong-method", Verdict::False)
    );
}

#[test]
fn routes_named_in_prose_are_judged_on_the_route_list() {
    let text = "Use PUT /api/v2/conversations/{id}/participants/{pid}/attributes to replace them all.\n\
        GET /api/v2/conversations/{conversationId} gives the participants.\n\
        The endpoint /api/v2/conversations/{id}/participant/{pid}/attributes is wrong too.\n\
        The old chat route was PATCH /api/v2/conversations/chats/{id}/participants/{pid}/attributes.\n";
    let checked = checked(text);
    let at = |line: usize| {
        checked
            .claims
            .iter()
            .find(|c| c.line == line && c.rule != "claim/merge-or-replace")
            .unwrap_or_else(|| panic!("line {line}: {:#?}", checked.claims))
    };
    assert_eq!(
        (at(1).rule, at(1).verdict),
        ("route/put-on-attributes", Verdict::False)
    );
    assert_eq!((at(2).rule, at(2).verdict), ("claim/route", Verdict::True));
    assert_eq!(
        (at(3).rule, at(3).verdict),
        ("route/no-such-route", Verdict::False)
    );
    assert_eq!(
        (at(4).rule, at(4).verdict),
        ("route/removed-chats", Verdict::False)
    );
    assert!(
        !at(1).truth.contains("c0ffee00"),
        "placeholders named again: {}",
        at(1).truth
    );
}

#[test]
fn a_text_over_the_cap_is_refused() {
    let text = "a".repeat(MAX_CHECK + 1);
    assert_eq!(check(&text), Err(CheckError::TooLarge(MAX_CHECK + 1)));
    assert!(check(&"a".repeat(MAX_CHECK)).is_ok());
}

#[test]
fn the_summary_counts_each_verdict_and_the_rejected_requests() {
    let checked = checked(WRONG_ANSWER);
    let s = checked.summary;
    assert_eq!(s.claims, checked.claims.len());
    assert_eq!(
        s.false_claims + s.partly + s.unconfirmed + s.true_claims,
        s.claims
    );
    assert_eq!(s.partly, 2);
    assert_eq!(s.requests, checked.requests.len());
}

#[test]
fn a_request_to_the_secure_attributes_is_reported_with_its_values_masked() {
    let text = "Try this:\n\ncurl -X PUT https://api.mypurecloud.com/api/v2/conversations/3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a/secureattributes -H 'Content-Type: application/json' -d '{\"attributes\": {\"pin\": 98765, \"cardToken\": \"tok_secret_4242\"}, \"version\": 2}'\n";
    let checked = check(text).unwrap();
    assert_eq!(checked.requests.len(), 1);
    let request = &checked.requests[0];
    let shown = format!(
        "{} {}",
        request.body,
        serde_json::to_string(&request.findings).unwrap()
    );
    assert!(!request.findings.is_empty());
    for secret in ["98765", "tok_secret_4242"] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
}

/// The other inventions §5 lists under its table, and the other wrapper
/// keys of §5 c, in a text written for this test.
const OTHER_INVENTIONS: &str = "\
Tried everything. In JS I call platformClient.conversations.updateConversationParticipant(cid, pid, body).
Some say use {\"participantAttributes\": {\"a\": \"1\"}} or {\"custom_attributes\": {\"a\": \"1\"}} or an externalAttributes field.
The error body has \"status\": \"Bad Request\" and sometimes a 409 Conflict on the attribute update.
I get my token from https://mycompany.mypurecloud.com/oauth/token first.
";

#[test]
fn the_other_inventions_of_section_5_are_false_at_their_place() {
    let checked = checked(OTHER_INVENTIONS);
    for (matched, rule, line) in [
        (
            "updateConversationParticipant",
            "claim/invented-sdk-method",
            1,
        ),
        ("participantAttributes", "claim/invented-field", 2),
        ("custom_attributes", "claim/invented-field", 2),
        ("externalAttributes", "claim/invented-field", 2),
        ("\"status\": \"Bad Request\"", "claim/status-string", 3),
        ("409 Conflict", "claim/wrong-status", 3),
        (
            "https://mycompany.mypurecloud.com/oauth/token",
            "claim/token-url",
            4,
        ),
    ] {
        let found = claim(&checked, matched);
        assert_eq!(
            (found.rule, found.verdict, found.line),
            (rule, Verdict::False, line),
            "{matched}"
        );
    }
}
