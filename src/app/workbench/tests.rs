//! The workbench as messages in, state and effects out.

use super::super::tests::{enter, exchange, id, keys, loaded, typed, workspace};
use super::*;
use crate::app::{KeyCode, Msg};
use crate::usecase::workbench::Mark;

fn curl(path: &str, body: &str) -> String {
    format!(
        "curl -X PATCH \\\r  \u{201c}https://api.mypurecloud.com{path}\u{201d} \\\r  -H \u{201c}Authorization: Bearer abcdefgh12345678\u{201d} \\\r  -H \u{201c}Content-Type: application/json\u{201d} \\\r  -d \u{2018}{body}\u{2019}"
    )
}

fn participant(app: &App) -> String {
    workspace(app).selected().unwrap().id.clone().unwrap()
}

fn attributes_path(conversation: &str, participant: &str) -> String {
    format!("/api/v2/conversations/{conversation}/participants/{participant}/attributes")
}

fn ctrl(c: char) -> Key {
    Key::ctrl(c)
}

fn rules(app: &App) -> Vec<&'static str> {
    app.workbench
        .findings
        .iter()
        .map(|m| m.finding.rule)
        .collect()
}

#[test]
fn a_forum_curl_pasted_with_cr_line_breaks_becomes_the_request_as_written() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('b')]);
    assert_eq!(app.focus, Focus::Workbench);
    let path = attributes_path(&id(), &participant(&app));
    app.update(Msg::Paste(curl(
        &path,
        "{\u{201c}attributes\u{201d}: {\u{201c}escalationLevel\u{201d}: 3}}",
    )));
    let bench = &app.workbench;
    assert_eq!(bench.verb.text(), "PATCH");
    assert_eq!(
        bench.target.text(),
        format!("https://api.mypurecloud.com{path}")
    );
    assert_eq!(bench.content_type.text(), "application/json");
    assert_eq!(
        bench.body.text(),
        "{\"attributes\": {\"escalationLevel\": 3}}"
    );
    assert!(
        bench.notes.iter().any(|n| n.contains("Authorization")),
        "the dropped token is said: {:?}",
        bench.notes
    );
    let number = bench
        .findings
        .iter()
        .find(|m| m.finding.rule == "body/value-not-string")
        .expect("the number is found");
    assert_eq!(
        number.mark,
        Some(Mark::Body {
            line: 1,
            column: 17
        })
    );
}

#[test]
fn a_curl_pasted_on_the_picker_opens_the_workbench_and_loads_its_conversation() {
    let mut app = App::new(Mode::Simulator, vec![]);
    let path = format!(
        "/api/v2/conversations/{}/participants/{{{{participantId}}}}/attributes",
        id()
    );
    let effects = app.update(Msg::Paste(curl(&path, "{\"attributes\": {\"a\": \"1\"}}")));
    assert_eq!(app.focus, Focus::Workbench);
    assert_eq!(
        effects,
        [Effect::Load {
            conversation_id: id()
        }]
    );
    assert!(
        app.workbench
            .notes
            .iter()
            .any(|n| n.contains("{{participantId}}")),
        "{:?}",
        app.workbench.notes
    );
    assert!(rules(&app).contains(&"route/unexpanded-template"));
    app.update(Msg::Loaded {
        id: id(),
        result: Ok(super::super::call_fixture()),
        exchange: None,
    });
    assert_eq!(app.focus, Focus::Workbench, "the load keeps the workbench");
    keys(&mut app, &[ctrl('o')]);
    let filled = app.workbench.target.text().to_owned();
    assert!(
        filled.ends_with(&attributes_path(&id(), &participant(&app))),
        "{filled}"
    );
    assert!(!rules(&app).contains(&"route/unexpanded-template"));
}

#[test]
fn a_bare_body_pasted_into_an_empty_workbench_takes_the_selected_participants_route() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::plain(KeyCode::F(2))]);
    // `b` on an empty workbench takes the form's edit: clear it first.
    app.workbench = Workbench {
        back: Focus::Attributes,
        ..Workbench::default()
    };
    app.update(Msg::Paste("{\"attributes\": {\"a\": \"1\"}}".into()));
    assert_eq!(
        app.workbench.target.text(),
        attributes_path(&id(), &participant(&app))
    );
    assert_eq!(app.workbench.verb.text(), "PATCH");
    assert!(
        app.workbench
            .notes
            .iter()
            .any(|n| n.contains("selected participant")),
        "{:?}",
        app.workbench.notes
    );
}

#[test]
fn a_fix_is_applied_with_one_key_and_undone_with_another() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('b')]);
    let path = attributes_path(&id(), &participant(&app));
    app.update(Msg::Paste(curl(
        &path,
        "{\"attributes\": {\"escalationLevel\": 3}}",
    )));
    assert!(rules(&app).contains(&"body/value-not-string"));
    keys(&mut app, &[ctrl('f')]);
    let body: serde_json::Value = serde_json::from_str(&app.workbench.body.text()).unwrap();
    assert_eq!(body["attributes"]["escalationLevel"], "3");
    assert!(!rules(&app).iter().any(|r| r.starts_with("body/")));
    assert!(app.takes_undo_key());
    keys(&mut app, &[ctrl('z')]);
    assert_eq!(
        app.workbench.body.text(),
        "{\"attributes\": {\"escalationLevel\": 3}}"
    );
    assert!(rules(&app).contains(&"body/value-not-string"));
}

#[test]
fn typing_in_the_body_relints_as_it_goes() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('B')]);
    assert!(!rules(&app).contains(&"body/value-not-string"));
    app.workbench.body = TextArea::with("{\"attributes\": {\"n\": }}");
    app.workbench.body.go_to(1, 22);
    typed(&mut app, "42");
    assert_eq!(app.workbench.body.text(), "{\"attributes\": {\"n\": 42}}");
    assert!(
        rules(&app).contains(&"body/value-not-string"),
        "{:?}",
        rules(&app)
    );
}

#[test]
fn the_forms_edit_opens_in_the_workbench_as_the_preview_would_send_it() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('a')]);
    typed(&mut app, "queue");
    keys(&mut app, &[enter()]);
    typed(&mut app, "billing");
    keys(&mut app, &[enter(), Key::char('B')]);
    assert_eq!(app.focus, Focus::Workbench);
    let bench = &app.workbench;
    assert_eq!(bench.verb.text(), "PATCH");
    assert_eq!(
        bench.target.text(),
        attributes_path(&id(), &participant(&app))
    );
    let body: serde_json::Value = serde_json::from_str(&bench.body.text()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"attributes": {"queue": "billing"}})
    );
    assert_eq!(bench.back, Focus::Attributes);
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert_eq!(
        app.focus,
        Focus::Attributes,
        "Esc goes back where it came from"
    );
}

#[test]
fn send_as_is_on_the_simulator_sends_the_path_alone_and_the_answer_returns_to_the_workbench() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('b')]);
    let path = attributes_path(&id(), &participant(&app));
    app.update(Msg::Paste(curl(
        &path,
        "{\"attributes\": {\"escalationLevel\": 3}}",
    )));
    let effects = keys(&mut app, &[ctrl('s')]);
    let [Effect::Send(request)] = effects.as_slice() else {
        panic!("one send: {effects:?}");
    };
    assert_eq!(request.method, "PATCH");
    assert_eq!(request.path, path, "never the pasted host");
    assert_eq!(
        request.body.as_deref(),
        Some("{\"attributes\": {\"escalationLevel\": 3}}"),
        "sent as it is"
    );
    assert!(
        app.workbench
            .notes
            .iter()
            .any(|n| n.contains("not to api.mypurecloud.com")),
        "{:?}",
        app.workbench.notes
    );
    let body = r#"{"message":"Value [3] is not valid for field type [string].","code":"invalid.value","status":400}"#;
    let effects = app.update(Msg::Sent(Ok(exchange(400, body))));
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Reread { .. })),
        "a request as written has no prediction to re-read against"
    );
    assert_eq!(app.focus, Focus::Response);
    let view = app.response.as_ref().unwrap();
    assert!(view.from_bench);
    assert_eq!(
        view.explanation.as_ref().unwrap().errors[0].code.as_deref(),
        Some("invalid.value")
    );
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert_eq!(app.focus, Focus::Workbench);
}

#[test]
fn send_as_is_to_a_live_org_waits_for_a_typed_yes() {
    let mut app = loaded(Mode::Live {
        region: "eu-west-1".into(),
        profile: None,
    });
    keys(&mut app, &[Key::char('B')]);
    assert!(keys(&mut app, &[ctrl('s')]).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::BenchConfirm { .. })));
    assert!(keys(&mut app, &[enter()]).is_empty(), "not without yes");
    typed(&mut app, "yes");
    let effects = keys(&mut app, &[enter()]);
    assert!(
        matches!(effects.as_slice(), [Effect::Send(_)]),
        "{effects:?}"
    );
    assert_eq!(app.overlay, None);
}

#[test]
fn a_request_that_cannot_be_sent_is_not_sent_and_says_why() {
    let mut app = App::new(Mode::Simulator, vec![]);
    keys(&mut app, &[Key::plain(KeyCode::F(2))]);
    typed(&mut app, "{}");
    let effects = keys(&mut app, &[ctrl('s')]);
    assert!(effects.is_empty());
    let status = app.status.as_ref().unwrap();
    assert!(
        status.error && status.text.contains("/api/v2/"),
        "{status:?}"
    );
}

#[test]
fn next_finding_moves_the_cursor_to_where_it_points() {
    let mut app = App::new(Mode::Simulator, vec![]);
    keys(&mut app, &[Key::plain(KeyCode::F(2))]);
    let path = "/api/v2/conversations/3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a/participants/b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e/attributes";
    app.update(Msg::Paste(format!(
        "PUT {path} HTTP/1.1\nContent-Type: application/json\n\n{{\n  \"attributes\": {{\n    \"a\": true\n  }}\n}}"
    )));
    assert_eq!(app.workbench.verb.text(), "PUT");
    let marks: Vec<Option<Mark>> = app.workbench.findings.iter().map(|m| m.mark).collect();
    assert!(marks.contains(&Some(Mark::Verb)), "{marks:?}");
    let body_at = app
        .workbench
        .findings
        .iter()
        .position(|m| matches!(m.mark, Some(Mark::Body { .. })))
        .expect("a body finding");
    app.workbench.selected = body_at.wrapping_sub(1) % app.workbench.findings.len();
    keys(&mut app, &[ctrl('n')]);
    assert_eq!(app.workbench.selected, body_at);
    assert_eq!(app.workbench.field, BenchField::Body);
    assert_eq!(app.workbench.body.cursor(), (2, 4));
}

#[test]
fn an_error_pasted_on_the_explain_tab_is_decoded_like_an_answer() {
    let mut app = App::new(Mode::Simulator, vec![]);
    keys(&mut app, &[Key::plain(KeyCode::F(2)), ctrl('t')]);
    assert_eq!(app.workbench.tab, BenchTab::Explain);
    app.update(Msg::Paste(
        "ApiException: (400)\nHTTP response body: {\"code\":\"invalid.value\",\"status\":400,\"message\":\"Value [3] is not valid\",\"contextId\":\"c0ffee00-0000-4000-8000-000000000001\"}".into(),
    ));
    let explanation = app.workbench.explanation.as_ref().expect("decoded");
    assert_eq!(explanation.status, Some(400));
    assert_eq!(explanation.errors[0].code.as_deref(), Some("invalid.value"));
    assert_eq!(
        explanation.errors[0].context_id.as_deref(),
        Some("c0ffee00-0000-4000-8000-000000000001")
    );
    assert_eq!(app.workbench.body.text(), "", "the request is left alone");
}

#[test]
fn masked_secure_values_are_not_put_in_the_workbench() {
    let mut app = loaded(Mode::Simulator);
    app.update(Msg::SecureLoaded {
        result: Ok(crate::genesys::ConversationSecureAttributes {
            attributes: Some(
                [("pin".to_owned(), "4321".to_owned())]
                    .into_iter()
                    .collect(),
            ),
            version: Some(1),
        }),
        exchange: None,
    });
    keys(&mut app, &[Key::char('B')]);
    assert_ne!(app.focus, Focus::Workbench);
    assert!(app.workbench.body.text().is_empty());
    assert!(app.status.as_ref().unwrap().text.contains("--show-secure"));
}

const FORUM: &str = "Use update_conversation_participant_attributes for this.\n\nSend a PUT to /api/v2/conversations/{conversationId}/participants/{participantId}/attributes with:\n\n```json\n{\"customAttributes\": {\"escalationLevel\": 3}}\n```\n\nThe real one is patch_conversation_participant_attributes.\n";

#[test]
fn a_forum_answer_pasted_on_the_check_tab_lists_its_claims_and_requests_in_text_order() {
    let mut app = App::new(Mode::Simulator, vec![]);
    keys(&mut app, &[Key::plain(KeyCode::F(2)), ctrl('t'), ctrl('t')]);
    assert_eq!(app.workbench.tab, BenchTab::Check);
    app.update(Msg::Paste(FORUM.into()));
    let Some(Ok(checked)) = &app.workbench.checked else {
        panic!("checked: {:?}", app.workbench.checked);
    };
    assert!(checked.fails());
    assert_eq!(checked.requests.len(), 1);
    let lines: Vec<usize> = app
        .workbench
        .items
        .iter()
        .map(|item| match item {
            CheckItem::Claim(i) => checked.claims[*i].line,
            CheckItem::Request(i) => checked.requests[*i].line,
        })
        .collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
    assert!(
        checked
            .claims
            .iter()
            .any(|c| c.matched == "patch_conversation_participant_attributes"
                && c.verdict == crate::lint::Verdict::True),
        "the real method stays unflagged"
    );
}

#[test]
fn enter_on_a_checked_request_opens_it_in_the_request_tab() {
    let mut app = App::new(Mode::Simulator, vec![]);
    keys(&mut app, &[Key::plain(KeyCode::F(2)), ctrl('t'), ctrl('t')]);
    app.update(Msg::Paste(FORUM.into()));
    let request_at = app
        .workbench
        .items
        .iter()
        .position(|item| matches!(item, CheckItem::Request(_)))
        .expect("a request item");
    keys(&mut app, &[Key::plain(KeyCode::Tab)]);
    assert_eq!(app.workbench.field, BenchField::List);
    for _ in 0..request_at {
        keys(&mut app, &[Key::plain(KeyCode::Down)]);
    }
    keys(&mut app, &[enter()]);
    let bench = &app.workbench;
    assert_eq!(bench.tab, BenchTab::Request);
    assert_eq!(bench.verb.text(), "PUT");
    assert!(bench.target.text().ends_with("/attributes"));
    assert_eq!(
        bench.body.text(),
        "{\"customAttributes\": {\"escalationLevel\": 3}}"
    );
    assert!(
        rules(&app).contains(&"route/put-on-attributes"),
        "{:?}",
        rules(&app)
    );
    assert!(
        rules(&app).contains(&"body/unknown-key"),
        "{:?}",
        rules(&app)
    );
}

#[test]
fn on_the_findings_list_enter_applies_the_selected_fix() {
    let mut app = App::new(Mode::Simulator, vec![]);
    keys(&mut app, &[Key::plain(KeyCode::F(2))]);
    let path = "/api/v2/conversations/3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a/participants/b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e/attributes";
    app.update(Msg::Paste(curl(path, "{\"attributes\": {\"n\": 3}}")));
    keys(&mut app, &[Key::plain(KeyCode::Tab)]);
    assert_eq!(app.workbench.field, BenchField::List);
    typed(&mut app, "x");
    assert_eq!(
        app.workbench.body.text(),
        "{\"attributes\": {\"n\": 3}}",
        "the list takes no text"
    );
    keys(&mut app, &[enter()]);
    assert_eq!(
        app.workbench.body.text(),
        "{\n  \"attributes\": {\n    \"n\": \"3\"\n  }\n}"
    );
}

#[test]
fn a_pasted_python_sdk_call_becomes_its_request_with_the_ids_to_fill() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::plain(KeyCode::F(2))]);
    app.update(Msg::Paste(
        "api.patch_conversation_participant_attributes(conversation_id, participant_id, ParticipantAttributes(attributes={\"escalationLevel\": 3}))".into(),
    ));
    let bench = &app.workbench;
    assert_eq!(bench.verb.text(), "PATCH");
    assert!(
        bench
            .target
            .text()
            .ends_with("/participants/{participant_id}/attributes"),
        "{}",
        bench.target.text()
    );
    assert!(
        rules(&app).contains(&"body/value-not-string"),
        "{:?}",
        rules(&app)
    );
    keys(&mut app, &[ctrl('o')]);
    assert_eq!(
        app.workbench.target.text(),
        attributes_path(&id(), &participant(&app))
    );
}

#[test]
fn a_pasted_javascript_sdk_call_becomes_its_request() {
    let mut app = App::new(Mode::Simulator, vec![]);
    keys(&mut app, &[Key::plain(KeyCode::F(2))]);
    app.update(Msg::Paste(
        "await apiInstance.patchConversationParticipantAttributes(conversationId, participantId, { attributes: { queue: 'billing' } });".into(),
    ));
    let bench = &app.workbench;
    assert_eq!(bench.verb.text(), "PATCH");
    let body: serde_json::Value = serde_json::from_str(&bench.body.text()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"attributes": {"queue": "billing"}})
    );
}

#[test]
fn a_curl_that_cannot_be_read_is_reported_and_nothing_is_typed_in() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('b')]);
    let before = app.workbench.draft();
    app.update(Msg::Paste(
        "curl -X PATCH 'https://api.mypurecloud.com/api/v2/x -H 'Authorization: Bearer BROKENSECRET777'".into(),
    ));
    assert_eq!(
        app.workbench.draft(),
        before,
        "the request is left as it was"
    );
    let status = app.status.as_ref().unwrap();
    assert!(status.error && status.text.contains("quote"), "{status:?}");
    assert!(!status.text.contains("BROKENSECRET777"));
}

#[test]
fn credentials_pasted_on_the_explain_and_check_tabs_are_replaced() {
    let mut app = App::new(Mode::Simulator, vec![]);
    keys(&mut app, &[Key::plain(KeyCode::F(2)), ctrl('t')]);
    app.update(Msg::Paste(
        "ApiException: (401) headers {'Authorization': 'Bearer eyJhbGciOi.SECRETxyz'} body {\"code\":\"bad.credentials\",\"status\":401}".into(),
    ));
    assert!(!app.workbench.error_text.text().contains("SECRETxyz"));
    assert!(app.workbench.error_text.text().contains("<redacted>"));
    keys(&mut app, &[ctrl('t')]);
    app.update(Msg::Paste(
        "curl -H 'Authorization: Bearer SECRETforumTOKEN99' https://api.mypurecloud.com/api/v2/conversations/x".into(),
    ));
    assert!(
        !app.workbench
            .check_text
            .text()
            .contains("SECRETforumTOKEN99")
    );
}

#[test]
fn undo_brings_back_the_whole_request_a_fix_changed() {
    let mut app = App::new(Mode::Simulator, vec![]);
    keys(&mut app, &[Key::plain(KeyCode::F(2))]);
    let path = "/api/v2/conversations/3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a/participants/b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e/attributes";
    app.update(Msg::Paste(format!(
        "PUT {path} HTTP/1.1\nContent-Type: text/plain\n\n{{\"attributes\": {{\"a\": \"1\"}}}}"
    )));
    let pasted = app.workbench.draft();
    let verb_fix = app
        .workbench
        .findings
        .iter()
        .position(|m| m.finding.fix.as_ref().is_some_and(|f| f.verb.is_some()))
        .expect("a verb fix");
    app.workbench.selected = verb_fix;
    keys(&mut app, &[ctrl('f')]);
    assert_eq!(app.workbench.verb.text(), "PATCH");
    keys(&mut app, &[ctrl('z')]);
    assert_eq!(app.workbench.draft(), pasted, "the verb is back too");
    keys(&mut app, &[ctrl('y')]);
    assert_eq!(app.workbench.verb.text(), "PATCH");
    // Typing in a one-line field is undone as one step.
    app.workbench.field = BenchField::ContentType;
    keys(&mut app, &[Key::ctrl('u')]);
    typed(&mut app, "application/json");
    keys(&mut app, &[ctrl('z')]);
    assert_eq!(app.workbench.content_type.text(), "", "the typing run");
    keys(&mut app, &[ctrl('z')]);
    assert_eq!(
        app.workbench.content_type.text(),
        "text/plain",
        "the Ctrl-U"
    );
    keys(&mut app, &[ctrl('z')]);
    assert_eq!(app.workbench.draft(), pasted, "then the fix");
}

#[test]
fn send_as_is_sends_nothing_from_the_explain_and_check_tabs() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('B'), ctrl('t')]);
    assert!(keys(&mut app, &[ctrl('s')]).is_empty());
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("nothing was sent")
    );
    keys(&mut app, &[ctrl('t')]);
    assert!(keys(&mut app, &[ctrl('s')]).is_empty());
    let shown: Vec<&str> = app.footer().iter().map(|s| s.label).collect();
    assert!(!shown.contains(&"send as is"), "{shown:?}");
}

#[test]
fn the_placeholder_finding_is_fixed_by_filling_the_ids() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('b')]);
    let path = format!(
        "/api/v2/conversations/{}/participants/{{{{participantId}}}}/attributes",
        id()
    );
    app.update(Msg::Paste(curl(&path, "{\"attributes\": {\"a\": \"1\"}}")));
    app.workbench.selected = app
        .workbench
        .findings
        .iter()
        .position(|m| m.finding.rule == "route/unexpanded-template")
        .expect("the placeholder is found");
    keys(&mut app, &[ctrl('f')]);
    assert!(
        !rules(&app).contains(&"route/unexpanded-template"),
        "{:?}",
        rules(&app)
    );
}

#[test]
fn the_list_pane_scrolls_by_page_within_what_the_screen_allows() {
    let mut app = App::new(Mode::Simulator, vec![]);
    keys(&mut app, &[Key::plain(KeyCode::F(2)), ctrl('t')]);
    app.update(Msg::Paste(
        "{\"code\":\"bad.request\",\"status\":400}".into(),
    ));
    keys(&mut app, &[Key::plain(KeyCode::Tab)]);
    assert_eq!(app.workbench.field, BenchField::List);
    keys(
        &mut app,
        &[Key::plain(KeyCode::PageDown), Key::plain(KeyCode::PageDown)],
    );
    assert_eq!(app.workbench.pane_scroll, 20);
    app.update(Msg::BenchView {
        height: 20,
        up: 0,
        down: 7,
    });
    assert_eq!(
        app.workbench.pane_scroll, 7,
        "no further than the last line"
    );
    keys(&mut app, &[Key::plain(KeyCode::PageUp)]);
    assert_eq!(app.workbench.pane_scroll, -3);
}

#[test]
fn a_broken_curl_pasted_on_the_picker_is_reported_not_typed() {
    let mut app = App::new(Mode::Simulator, vec![]);
    let effects = app.update(Msg::Paste(
        "curl -H 'Authorization: Bearer PICKERSECRET99 https://api.mypurecloud.com/api/v2/x".into(),
    ));
    assert!(effects.is_empty());
    assert_eq!(app.picker.text(), "");
    assert!(app.status.as_ref().unwrap().error);
}
