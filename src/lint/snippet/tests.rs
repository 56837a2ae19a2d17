use super::*;

fn at(text: &str) -> Vec<(&'static str, Verdict, usize, usize)> {
    claims(text)
        .iter()
        .map(|c| (c.rule, c.verdict, c.line, c.column))
        .collect()
}

fn verdicts_of(text: &str) -> Vec<(String, Verdict)> {
    claims(text)
        .into_iter()
        .map(|c| (c.matched, c.verdict))
        .collect()
}

#[test]
fn a_forum_answer_is_checked_claim_by_claim() {
    let answer = "import genesyscloud\n\
        api.update_conversation_participant_attributes(cid, pid, body)\n\
        # needs scope conversation:participant:write\n\
        body = ConversationParticipantUpdate(type='contact')\n\
        requests.put(f'{base}/api/v2/conversations/voice/{cid}/participants/{pid}', headers={'Content-Type': 'application/json-patch+json'})\n";
    let found: Vec<(&str, usize, usize)> = check_snippet(answer)
        .iter()
        .map(|f| match f.location {
            Location::LineColumn { line, column } => (f.rule, line, column),
            _ => panic!("no line"),
        })
        .collect();
    assert_eq!(
        found,
        [
            ("claim/invented-package", 1, 8),
            ("claim/invented-sdk-method", 2, 5),
            ("claim/invented-scope", 3, 15),
            ("claim/invented-model", 4, 8),
            ("claim/invented-field", 4, 38),
            ("claim/invented-route", 5, 29),
            ("claim/json-patch", 5, 103),
        ]
    );
}

#[test]
fn the_real_names_pass() {
    let good = "pip install PureCloudPlatformClientV2 genesyscloudcli\n\
        import PureCloudPlatformClientV2\n\
        api.patch_conversation_participant_attributes(cid, pid, PureCloudPlatformClientV2.ParticipantAttributes(attributes={'a': '1'}))\n\
        api.patch_conversations_call_participant(cid, pid, body)\n\
        api.put_conversation_participant_flaggedreason(cid, pid)\n\
        # scope: conversations; permission conversation:participant:attributesedit\n\
        PATCH /api/v2/conversations/calls/{cid}/participants/{pid}/attributes\n";
    assert_eq!(check_snippet(good), []);
}

#[test]
fn the_right_names_are_true_claims_never_false() {
    let text = "await new platformClient.ConversationsApi().patchConversationParticipantAttributes(cid, pid, {attributes: {a: '1'}});\n\
        api.patch_conversation_participant_attributes(cid, pid, ParticipantAttributes(attributes={'a': '1'}))\n\
        PatchConversationsCallParticipantAttributes(cid, pid, platformclientv2.Participantattributes{Attributes: &attrs})\n\
        npm install purecloud-platform-client-v2\n\
        POST https://login.mypurecloud.ie/oauth/token\n\
        Content-Type: application/json\n\
        The PATCH answers 202 Accepted. Use PATCH, not PUT, for attributes.\n";
    let verdicts = verdicts_of(text);
    assert!(
        verdicts.iter().all(|(_, v)| *v == Verdict::True),
        "{verdicts:#?}"
    );
    for name in [
        "patchConversationParticipantAttributes",
        "patch_conversation_participant_attributes",
        "ParticipantAttributes",
        "PatchConversationsCallParticipantAttributes",
        "Participantattributes",
        "ConversationsApi",
        "purecloud-platform-client-v2",
        "https://login.mypurecloud.ie/oauth/token",
        "application/json",
        "202 Accepted",
        "PUT",
    ] {
        assert!(
            verdicts.iter().any(|(m, _)| m == name),
            "{name} not judged: {verdicts:#?}"
        );
    }
}

#[test]
fn the_participant_patch_sent_attributes_is_a_real_method_for_the_wrong_job() {
    let py = claims("api.patch_conversation_participant(cid, pid, {'attributes': {'a': '1'}})");
    assert_eq!(py[0].rule, "claim/wrong-method");
    assert_eq!(py[0].verdict, Verdict::False);
    assert!(py[0].truth.contains("is real"), "{}", py[0].truth);
    assert!(
        py[0]
            .fix
            .contains("patch_conversation_participant_attributes"),
        "{}",
        py[0].fix
    );
    let js = claims("await api.patchConversationParticipant(cid, pid, {attributes: {a: '1'}})");
    assert_eq!(
        (js[0].rule, js[0].verdict),
        ("claim/wrong-method", Verdict::False)
    );
    assert!(js[0].fix.contains("patchConversationParticipantAttributes"));
    // Without attributes it is the right call for wrap-up or state.
    let state = claims(
        "api.patch_conversation_participant(cid, pid, MediaParticipantRequest(state='disconnected'))",
    );
    assert_eq!(state[0].verdict, Verdict::True);
}

#[test]
fn a_method_outside_the_inventory_is_unconfirmed_and_update_is_false() {
    assert_eq!(
        at("api.get_conversation_participant_attributes(cid, pid)"),
        [("claim/sdk-method", Verdict::Unconfirmed, 1, 5)]
    );
    assert_eq!(
        at("api.updateConversationParticipantAttributes(cid, pid, body)"),
        [("claim/invented-sdk-method", Verdict::False, 1, 5)]
    );
    assert_eq!(
        at("api.patch_conversations_chat_participant_attributes(cid, pid, body)"),
        [("claim/invented-sdk-method", Verdict::False, 1, 5)]
    );
}

#[test]
fn each_invention_of_section_13_is_false() {
    for (text, rule) in [
        (
            "scopes: conversations:participant:write",
            "claim/invented-scope",
        ),
        (
            "add conversation:read and conversation:view",
            "claim/invented-scope",
        ),
        (
            "webchat:write websocket:read notification:read",
            "claim/invented-scope",
        ),
        ("role needs analytics:detail:read", "claim/invented-scope"),
        (
            "pip install genesys-cloud-purecloud-sdk",
            "claim/invented-package",
        ),
        (
            "npm i @genesyscloud/purecloud-platform-client-v2",
            "claim/invented-package",
        ),
        (
            "from genesyscloud import ConversationsApi",
            "claim/invented-import",
        ),
        ("api = ConversationApi(client)", "claim/invented-import"),
        (
            "POST https://api.mypurecloud.com/oauth/token",
            "claim/token-url",
        ),
        (
            "curl https://myorg.mypurecloud.com/oauth/token",
            "claim/token-url",
        ),
        ("POST /api/v2/oauth/token", "claim/token-url"),
        (
            "Tokens expire after one hour, so refresh often.",
            "claim/token-lifetime",
        ),
        (
            r#"you get {"code": "invalid_request_body"}"#,
            "claim/invented-error-code",
        ),
        (r#"{"status": "Bad Request"}"#, "claim/status-string"),
        (
            "The attribute PATCH returns 409 Conflict on a race.",
            "claim/wrong-status",
        ),
        (
            "wss://api.mypurecloud.com/api/v2/notifications/stream",
            "claim/invented-notifications",
        ),
        (
            "channels have a 30-minute channel TTL",
            "claim/invented-notifications",
        ),
        (
            "use the SetParticipantAttribute block",
            "claim/invented-flow-action",
        ),
        (
            "config = PureCloudPlatformClientV2.Configuration(host='https://api.mypurecloud.com')",
            "claim/configuration-arguments",
        ),
    ] {
        let found = claims(text);
        assert!(
            found
                .iter()
                .any(|c| c.rule == rule && c.verdict == Verdict::False),
            "{rule} not found in {text}: {found:#?}"
        );
    }
}

#[test]
fn the_documented_odd_looking_keys_and_values_are_legal() {
    let text = r#"{"attributes": {"conversationDetails.participantData.amount": "number:1090.56", "due": "date:2026-12-01", "ok": "checkbox:true"}}"#;
    let found = claims(text);
    assert!(
        found.iter().all(|c| c.verdict == Verdict::True),
        "{found:#?}"
    );
    assert!(found.iter().any(|c| c.rule == "claim/participant-data-key"));
    assert_eq!(
        found
            .iter()
            .filter(|c| c.rule == "claim/display-prefix")
            .count(),
        3
    );
    assert_eq!(check_snippet(text), []);
}

#[test]
fn merge_replace_is_unconfirmed_and_strings_only_is_partly() {
    assert_eq!(
        at("The PATCH merges your attributes into the existing map."),
        [("claim/merge-or-replace", Verdict::Unconfirmed, 1, 11)]
    );
    assert_eq!(
        at("Attribute values must be strings; nested objects are rejected."),
        [
            ("claim/string-values", Verdict::Partly, 1, 11),
            ("claim/string-values", Verdict::Partly, 1, 35),
        ]
    );
}

#[test]
fn a_put_said_to_exist_is_false_and_a_put_denied_is_true() {
    assert_eq!(
        at("Use PUT to replace all participant attributes at once."),
        [
            ("claim/put-exists", Verdict::False, 1, 5),
            ("claim/merge-or-replace", Verdict::Unconfirmed, 1, 12),
        ]
    );
    assert_eq!(
        at("There is no PUT for participant attributes."),
        [("claim/put-exists", Verdict::True, 1, 13)]
    );
    assert_eq!(
        at("The PATCH does not delete keys; send a PUT of the attributes."),
        [("claim/put-exists", Verdict::False, 1, 40),]
    );
}

#[test]
fn every_pattern_compiles_and_every_false_claim_is_a_catalogued_rule() {
    let (compiled, all) = prose::compiled_count();
    assert_eq!(compiled, all, "a prose pattern does not compile");
    for (rule, verdict) in table::rules().into_iter().chain(prose::rules()) {
        if verdict == Verdict::False {
            assert!(Rule::by_id(rule).is_some(), "{rule} is not in rules::ALL");
        }
    }
}

#[test]
fn an_update_call_without_conversation_in_its_name_is_still_invented() {
    let found = at(
        "api.update_participant_attributes(cid, pid, body)\nawait api.updateParticipantAttributes(c, p, b);\nupdate_count = 3\n",
    );
    assert_eq!(
        found,
        [
            ("claim/invented-sdk-method", Verdict::False, 1, 5),
            ("claim/invented-sdk-method", Verdict::False, 2, 11),
        ]
    );
}
