//! The workbench drawn: a pasted forum curl with its findings marked, the
//! answer to its send beside it, a decoded error on the Explain tab, and a
//! body to the secure attributes with its values masked.

use insta::assert_snapshot;

use super::*;

/// The classic: a forum curl (curly quotes, a placeholder, a number value).
pub(super) fn forum_curl() -> String {
    format!(
        "curl -X PATCH \\\n  \u{201c}https://api.mypurecloud.com/api/v2/conversations/{}/participants/{{participantId}}/attributes\u{201d} \\\n  -H \u{201c}Authorization: Bearer abcdefgh12345678\u{201d} \\\n  -H \u{201c}Content-Type: application/json\u{201d} \\\n  -d \u{2018}{{\u{201c}attributes\u{201d}: {{\u{201c}escalationLevel\u{201d}: 3, \u{201c}queue\u{201d}: \u{201c}billing\u{201d}}}}}\u{2019}",
        id()
    )
}

/// The call loaded, the forum curl pasted into the workbench, its
/// placeholder filled.
pub(super) fn pasted() -> App {
    let mut app = loaded(Mode::Simulator);
    press(&mut app, &[code(KeyCode::F(2))]);
    app.update(Msg::Paste(forum_curl()));
    press(&mut app, &[Key::ctrl('o')]);
    app
}

#[test]
fn a_pasted_forum_curl_with_its_findings_marked() {
    let app = pasted();
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("body/value-not-string"), "{screen}");
    assert!(
        !screen.contains("abcdefgh12345678"),
        "the pasted token is never shown"
    );
    assert_snapshot!(screen);
}

#[test]
fn the_workbench_at_80x24() {
    assert_snapshot!(draw(&pasted(), 80, 24));
}

#[test]
fn the_answer_to_a_send_as_is_beside_the_workbench() {
    let mut app = pasted();
    let effects = press(&mut app, &[Key::ctrl('s')]);
    let [Effect::Send(request)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let body = r#"{"message":"Value [3] is not valid for field type [string]. Allowable values are: any JSON string","code":"invalid.value","status":400,"messageWithParams":"Value [{value}] is not valid for field type [{type}]. Allowable values are: {allowed}","messageParams":{"value":"3","type":"string","allowed":"any JSON string"},"contextId":"ab12cd34-0000-4000-8000-000000000001","details":[],"errors":[]}"#;
    app.update(Msg::Sent(Ok(answer(
        request,
        400,
        "Bad Request",
        body,
        &[],
    ))));
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn an_error_decoded_on_the_explain_tab() {
    let mut app = picker(Mode::Simulator);
    press(&mut app, &[code(KeyCode::F(2)), Key::ctrl('t')]);
    app.update(Msg::Paste(
        "2026-12-02T09:14:03Z ERROR attrs-sync PATCH failed: HTTP 400 {\"message\":\"Unrecognized field \\\"customAttributes\\\"\",\"code\":\"bad.request\",\"status\":400,\"contextId\":\"0d1e2f3a-4b5c-4d6e-8f70-819203a4b5c6\",\"errors\":[]}".into(),
    ));
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn secure_values_pasted_into_the_workbench_are_masked() {
    let mut app = picker(Mode::Simulator);
    press(&mut app, &[code(KeyCode::F(2))]);
    app.update(Msg::Paste(format!(
        "PATCH /api/v2/conversations/{}/secureattributes HTTP/1.1\nContent-Type: application/json\n\n{{\"attributes\": {{\"cardToken\": \"tok_4242424242\", \"pin\": 98765}}, \"version\": 2}}",
        id()
    )));
    let screen = draw(&app, 100, 30);
    assert!(!screen.contains("tok_4242424242"), "{screen}");
    assert!(
        !screen.contains("98765"),
        "a number sent by mistake is a secret too:\n{screen}"
    );
    assert_snapshot!(screen);
}

#[test]
fn a_forum_answer_checked_on_the_check_tab() {
    let mut app = picker(Mode::Simulator);
    press(
        &mut app,
        &[code(KeyCode::F(2)), Key::ctrl('t'), Key::ctrl('t')],
    );
    app.update(Msg::Paste(
        "You need the conversations:participant:update scope, then call\nupdate_conversation_participant_attributes.\n\nSend a PUT to /api/v2/conversations/{conversationId}/participants/{participantId}/attributes with:\n\n```json\n{\"customAttributes\": {\"escalationLevel\": 3}}\n```\n".into(),
    ));
    assert_snapshot!(draw(&app, 100, 30));
}
