//! `update` tests: messages in, state and effects out, for every flow.

use std::time::Duration;

use serde_json::json;

use super::*;
use crate::api::{Exchange, RateLimit};
use crate::genesys::{Attributes, Verb};

fn conversation() -> Conversation {
    call_fixture()
}

fn id() -> String {
    conversation().id.unwrap()
}

fn keys(app: &mut App, keys: &[Key]) -> Vec<Effect> {
    keys.iter().flat_map(|k| app.update(Msg::Key(*k))).collect()
}

fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| app.update(Msg::Key(Key::char(c))))
        .collect()
}

fn enter() -> Key {
    Key::plain(KeyCode::Enter)
}

/// An app with the call fixture loaded, focus on the attribute form.
fn loaded(mode: Mode) -> App {
    let mut app = App::new(mode, vec![id()]);
    app.update(Msg::Loaded {
        id: id(),
        result: Ok(conversation()),
        exchange: None,
    });
    keys(&mut app, &[enter()]);
    assert_eq!(app.focus, Focus::Attributes);
    app
}

fn workspace(app: &App) -> &Workspace {
    app.workspace.as_ref().unwrap()
}

fn exchange(status: u16, body: &str) -> Exchange {
    Exchange {
        method: "PATCH".into(),
        url: "http://127.0.0.1:1/api/v2/x".into(),
        status: Some(status),
        response_body: body.into(),
        correlation_id: Some("5e3c1c0e-8d5a-4a39-9b2f-1d2a0c9e7f10".into()),
        request_headers: vec![("Authorization".into(), "Bearer <redacted>".into())],
        error_body: serde_json::from_str(body).ok().filter(|_| status >= 400),
        ..Exchange::default()
    }
}

#[test]
fn the_picker_loads_a_typed_id_a_url_or_a_suggestion() {
    let mut app = App::new(
        Mode::Simulator,
        vec!["a4c6e8f0-2b4d-4f6a-8c0e-1d3f5b7a9c2e".into()],
    );
    typed(
        &mut app,
        "https://apps.mypurecloud.ie/directory/#/engage/admin/interactions/6A1E3B52-9C4D-4F7A-8E21-5B0C7D9E2F14",
    );
    let effects = keys(&mut app, &[enter()]);
    assert_eq!(
        effects,
        [Effect::Load {
            conversation_id: "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14".into()
        }]
    );
    assert!(app.in_flight.is_some());
    assert_eq!(app.picker.text(), "");

    let mut app = App::new(Mode::Simulator, vec!["first".into(), "second".into()]);
    let effects = keys(&mut app, &[Key::plain(KeyCode::Down), enter()]);
    assert_eq!(
        effects,
        [Effect::Load {
            conversation_id: "second".into()
        }]
    );

    let mut app = App::new(Mode::Simulator, Vec::new());
    typed(&mut app, "not an id");
    assert_eq!(keys(&mut app, &[enter()]), []);
    assert!(app.status.as_ref().unwrap().error);
    // Letters type in the picker: q and ? are text here.
    typed(&mut app, "q?");
    assert!(app.picker.text().ends_with("q?") && !app.help && !app.quitting);
}

#[test]
fn a_load_fills_the_workspace_or_reports_the_error() {
    let mut app = App::new(Mode::Simulator, Vec::new());
    app.update(Msg::Loaded {
        id: id(),
        result: Ok(conversation()),
        exchange: Some(exchange(200, "{}")),
    });
    let w = workspace(&app);
    assert_eq!(w.selected().unwrap().purpose.as_deref(), Some("customer"));
    assert_eq!(app.focus, Focus::Participants);
    assert_eq!(app.suggestions[0], id());
    assert_eq!(app.history.len(), 1);

    let mut app = App::new(Mode::Simulator, Vec::new());
    app.update(Msg::Loaded {
        id: "x".into(),
        result: Err("404 not.found".into()),
        exchange: None,
    });
    assert!(app.workspace.is_none());
    assert_eq!(app.focus, Focus::Picker);
    assert!(app.status.as_ref().unwrap().text.contains("404"));
}

#[test]
fn participants_are_selected_and_unsent_edits_are_protected() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert_eq!(app.focus, Focus::Participants);
    let first = workspace(&app).participant;
    keys(&mut app, &[Key::char('j')]);
    assert_eq!(workspace(&app).participant, first + 1);
    keys(
        &mut app,
        &[
            Key::char('k'),
            enter(),
            Key::char('d'),
            Key::plain(KeyCode::Esc),
            Key::char('j'),
        ],
    );
    assert_eq!(
        workspace(&app).participant,
        first,
        "dirty edits keep the participant"
    );
    assert!(app.status.as_ref().unwrap().error);
}

#[test]
fn the_form_adds_edits_renames_deletes_and_reverts() {
    let mut app = loaded(Mode::Simulator);
    let original = workspace(&app).edits.original().clone();
    // Add: key, then value. Letters, including s, q and ?, type in the prompt.
    keys(&mut app, &[Key::char('a')]);
    typed(&mut app, "callbackWindow");
    keys(&mut app, &[enter()]);
    typed(&mut app, "18:00-20:00 sq?");
    keys(&mut app, &[enter()]);
    assert!(app.prompt.is_none() && app.dialog.is_none() && !app.help);
    let plan = workspace(&app).derived.plan.clone().unwrap();
    assert_eq!(
        plan.patch.get("callbackWindow").map(String::as_str),
        Some("18:00-20:00 sq?")
    );

    // Edit the first row's value.
    keys(&mut app, &[Key::plain(KeyCode::Home)]);
    app.workspace.as_mut().unwrap().row = 0;
    let first = workspace(&app).edits.rows()[0].key.clone();
    keys(&mut app, &[Key::char('e'), Key::ctrl('u')]);
    typed(&mut app, "changed");
    keys(&mut app, &[enter()]);
    assert_eq!(workspace(&app).edits.edited()[&first], "changed");

    // Rename, then delete another row: PATCH cannot remove the old keys.
    keys(&mut app, &[Key::char('r'), Key::ctrl('u')]);
    typed(&mut app, "renamed");
    keys(&mut app, &[enter(), Key::char('j'), Key::char('d')]);
    let plan = workspace(&app).derived.plan.clone().unwrap();
    assert!(plan.unremovable().contains(&first), "{plan:?}");
    assert_eq!(plan.unremovable().len(), 2);
    assert!(app.status.as_ref().unwrap().text.contains("cannot remove"));

    // Revert the deleted row, then everything.
    keys(&mut app, &[Key::char('u')]);
    assert_eq!(
        workspace(&app)
            .derived
            .plan
            .as_ref()
            .unwrap()
            .unremovable()
            .len(),
        1
    );
    keys(&mut app, &[Key::char('U')]);
    assert_eq!(workspace(&app).edits.edited(), original);
    assert!(
        workspace(&app)
            .derived
            .plan
            .as_ref()
            .unwrap()
            .patch_is_empty()
    );
}

#[test]
fn esc_cancels_a_prompt_and_errors_show_in_the_status() {
    let mut app = loaded(Mode::Simulator);
    let before = workspace(&app).edits.clone();
    keys(&mut app, &[Key::char('e')]);
    typed(&mut app, "zzz");
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert_eq!(workspace(&app).edits, before);
    let existing = workspace(&app).edits.rows()[0].key.clone();
    keys(&mut app, &[Key::char('a')]);
    typed(&mut app, &existing);
    keys(&mut app, &[enter()]);
    assert!(
        app.status.as_ref().unwrap().error && app.status.as_ref().unwrap().text.contains("exists")
    );
}

#[test]
fn lint_findings_land_on_the_rows_and_put_is_flagged() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('a')]);
    typed(&mut app, " intent");
    keys(&mut app, &[enter()]);
    typed(&mut app, "x");
    keys(&mut app, &[enter()]);
    let derived = &workspace(&app).derived;
    let on_row = &derived.by_key[" intent"];
    assert!(
        on_row.iter().any(|f| f.rule == "body/key-whitespace"),
        "{on_row:?}"
    );
    assert!(
        derived
            .put
            .findings
            .iter()
            .any(|f| f.rule == "route/put-on-attributes")
    );
    assert!(derived.diff.as_ref().is_some_and(|d| !d.is_empty()));
}

#[test]
fn send_on_the_simulator_takes_one_key_and_esc_cancels() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('a')]);
    typed(&mut app, "outcome");
    keys(&mut app, &[enter()]);
    typed(&mut app, "resolved");
    keys(&mut app, &[enter()]);
    keys(&mut app, &[Key::char('s')]);
    assert!(app.dialog.is_some());
    let effects = keys(&mut app, &[enter()]);
    let [Effect::Send(request)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(request.method, "PATCH");
    assert!(request.path.ends_with("/attributes") && !request.path.contains("/calls/"));
    let body: serde_json::Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    assert_eq!(body, json!({"attributes": {"outcome": "resolved"}}));
    assert!(app.in_flight.is_some());
    assert_eq!(
        keys(&mut app, &[Key::plain(KeyCode::Esc)]),
        [Effect::Cancel]
    );
    assert!(app.in_flight.as_ref().unwrap().cancelling);
    assert_eq!(
        keys(&mut app, &[Key::char('s')]),
        [],
        "no second send while one is in flight"
    );
}

#[test]
fn the_dialog_switches_verb_and_route() {
    let mut app = loaded(Mode::Simulator);
    keys(
        &mut app,
        &[
            Key::char('s'),
            Key::plain(KeyCode::Right),
            Key::plain(KeyCode::Down),
        ],
    );
    let dialog = app.dialog.clone().unwrap();
    assert_eq!(dialog.verb, Verb::Put);
    assert_eq!(
        dialog.route,
        RouteChoice::Media(crate::genesys::Media::Calls)
    );
    let request = planned_request(&app, &dialog).unwrap();
    assert_eq!(request.method, "PUT");
    assert!(
        request.path.contains("/conversations/calls/"),
        "{}",
        request.path
    );
    let body: serde_json::Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    let full: Attributes = workspace(&app).edits.edited();
    assert_eq!(
        body,
        json!({ "attributes": full }),
        "PUT carries the whole map"
    );
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert!(app.dialog.is_none());
}

#[test]
fn a_live_org_needs_a_typed_confirmation() {
    let mut app = loaded(Mode::Live {
        region: "eu-west-1".into(),
        profile: Some("prod".into()),
    });
    keys(&mut app, &[Key::char('s')]);
    assert_eq!(keys(&mut app, &[enter()]), []);
    assert!(app.status.as_ref().unwrap().text.contains("type yes"));
    typed(&mut app, "yes");
    let effects = keys(&mut app, &[enter()]);
    assert!(
        matches!(effects.as_slice(), [Effect::Send(_)]),
        "{effects:?}"
    );
}

#[test]
fn a_202_is_followed_by_rereads_until_the_change_shows() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('a')]);
    typed(&mut app, "outcome");
    keys(&mut app, &[enter()]);
    typed(&mut app, "resolved");
    keys(&mut app, &[enter(), Key::char('s'), enter()]);
    let effects = app.update(Msg::Sent(Ok(exchange(202, ""))));
    let [
        Effect::Reread {
            attempt: 1, after, ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(*after, Duration::from_millis(250));
    assert_eq!(app.focus, Focus::Response);
    // Not visible yet: read again, later.
    let effects = app.update(Msg::Reread {
        attempt: 1,
        result: Ok(conversation()),
        exchange: None,
    });
    let [
        Effect::Reread {
            attempt: 2, after, ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(*after, Duration::from_millis(500));
    // Visible: the observed diff, checked against the prediction.
    let mut changed = conversation();
    let index = workspace(&app).participant;
    changed.participants[index]
        .attributes
        .as_mut()
        .unwrap()
        .insert("outcome".into(), "resolved".into());
    assert_eq!(
        app.update(Msg::Reread {
            attempt: 2,
            result: Ok(changed),
            exchange: Some(exchange(200, "{}"))
        }),
        []
    );
    let Observed::Seen {
        as_predicted, diff, ..
    } = &app.response.as_ref().unwrap().observed
    else {
        panic!()
    };
    assert!(as_predicted);
    assert_eq!(diff.summary.added, ["/outcome"]);
    assert!(
        !workspace(&app).edits.is_dirty(),
        "the form starts over from the server's state"
    );
    assert_eq!(app.history.len(), 2);
}

#[test]
fn no_change_after_every_reread_is_reported() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('s'), enter()]);
    app.update(Msg::Sent(Ok(exchange(202, ""))));
    for attempt in 1..5 {
        assert_eq!(
            app.update(Msg::Reread {
                attempt,
                result: Ok(conversation()),
                exchange: None
            })
            .len(),
            1
        );
    }
    assert_eq!(
        app.update(Msg::Reread {
            attempt: 5,
            result: Ok(conversation()),
            exchange: None
        }),
        []
    );
    assert_eq!(
        app.response.as_ref().unwrap().observed,
        Observed::Unchanged { attempts: 5 }
    );
}

#[test]
fn a_400_is_decoded_with_its_nested_errors() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('s'), enter()]);
    let body = r#"{"message":"Value [42] is not valid for field type [string]","code":"invalid.value","status":400,
        "contextId":"5e3c1c0e-8d5a-4a39-9b2f-1d2a0c9e7f10",
        "errors":[{"code":"bad.request","status":400,"message":"attributes.score must be a string"}]}"#;
    assert_eq!(app.update(Msg::Sent(Ok(exchange(400, body)))), []);
    let view = app.response.as_ref().unwrap();
    let explanation = view.explanation.as_ref().unwrap();
    let codes: Vec<_> = explanation
        .errors
        .iter()
        .map(|e| (e.depth, e.code.clone().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [(0, "invalid.value".into()), (1, "bad.request".into())]
    );
    assert_eq!(view.observed, Observed::NotApplicable);
    assert!(app.status.as_ref().unwrap().error);
}

#[test]
fn a_429_shows_the_retry_hint() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('s'), enter()]);
    let mut throttled = exchange(
        429,
        r#"{"code":"too.many.requests","status":429,"message":"Rate limit exceeded the maximum [300] requests within [60] seconds"}"#,
    );
    throttled.rate_limit = RateLimit {
        count: Some(300),
        allowed: Some(300),
        reset_seconds: Some(41),
        retry_after_seconds: Some(41),
    };
    app.update(Msg::Sent(Ok(throttled)));
    let view = app.response.as_ref().unwrap();
    assert!(
        view.explanation.as_ref().unwrap().errors[0]
            .next_step
            .contains("Retry-After")
    );
    assert_eq!(view.exchange.rate_limit.retry_after_seconds, Some(41));
}

#[test]
fn history_opens_copies_curl_and_resends() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('s'), enter()]);
    app.update(Msg::Sent(Ok(exchange(202, ""))));
    app.update(Msg::Reread {
        attempt: 5,
        result: Err("offline".into()),
        exchange: None,
    });
    keys(&mut app, &[Key::char('H')]);
    assert_eq!(app.history_open, Some(0));
    let effects = keys(&mut app, &[Key::char('C')]);
    let [Effect::Copy(curl)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(
        curl.contains("$GENESYS_TOKEN") && !curl.contains("<redacted>"),
        "{curl}"
    );
    let effects = keys(&mut app, &[Key::char('r')]);
    assert!(
        matches!(effects.as_slice(), [Effect::Send(r)] if r.method == "PATCH"),
        "{effects:?}"
    );
    app.update(Msg::Sent(Ok(exchange(202, ""))));
    keys(
        &mut app,
        &[Key::char('H'), Key::plain(KeyCode::Up), enter()],
    );
    assert_eq!(app.focus, Focus::Response);
    assert!(app.history_open.is_none());
}

#[test]
fn help_opens_anywhere_and_ctrl_c_always_quits() {
    let mut app = App::new(Mode::Simulator, Vec::new());
    keys(&mut app, &[Key::plain(KeyCode::F(1))]);
    assert!(app.help);
    keys(&mut app, &[Key::char('x'), Key::plain(KeyCode::Esc)]);
    assert!(!app.help);
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('?')]);
    assert!(app.help);
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('a')]);
    assert_eq!(
        keys(&mut app, &[Key::ctrl('c')]),
        [Effect::Quit],
        "even inside a prompt"
    );
}

#[test]
fn secure_attributes_are_a_second_target_with_a_real_put() {
    let mut app = loaded(Mode::Simulator);
    let effects = keys(&mut app, &[Key::char('S')]);
    assert_eq!(
        effects,
        [Effect::LoadSecure {
            conversation_id: id()
        }]
    );
    let secure = crate::genesys::ConversationSecureAttributes {
        attributes: Some(Attributes::from([("pin".to_owned(), "1234".to_owned())])),
        version: Some(3),
    };
    app.update(Msg::SecureLoaded {
        result: Ok(secure),
        exchange: None,
    });
    assert_eq!(workspace(&app).target, SendTarget::SecureAttributes);
    assert!(
        workspace(&app).derived.put.findings.is_empty(),
        "PUT is real here"
    );
    keys(&mut app, &[Key::char('s'), Key::plain(KeyCode::Right)]);
    let request = planned_request(&app, app.dialog.as_ref().unwrap()).unwrap();
    assert!(request.path.ends_with("/secureattributes"));
    let body: serde_json::Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    assert_eq!(body, json!({"attributes": {"pin": "1234"}, "version": 3}));
    let effects = keys(&mut app, &[enter()]);
    assert!(matches!(effects.as_slice(), [Effect::Send(_)]));
    let effects = app.update(Msg::Sent(Ok(exchange(202, "\"4\""))));
    assert_eq!(
        effects,
        [Effect::LoadSecure {
            conversation_id: id()
        }]
    );
    keys(&mut app, &[Key::plain(KeyCode::Esc), Key::char('P')]);
    assert_eq!(workspace(&app).target, SendTarget::ParticipantAttributes);
}

#[test]
fn the_correlation_id_is_copied_and_ticks_drive_the_spinner() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('s'), enter()]);
    app.update(Msg::Tick);
    app.update(Msg::Tick);
    assert_eq!(app.in_flight.as_ref().unwrap().ticks, 2);
    app.update(Msg::Sent(Ok(exchange(
        400,
        r#"{"code":"bad.request","status":400}"#,
    ))));
    assert_eq!(
        keys(&mut app, &[Key::char('c')]),
        [Effect::Copy("5e3c1c0e-8d5a-4a39-9b2f-1d2a0c9e7f10".into())]
    );
}

#[test]
fn a_pasted_url_lands_in_the_picker() {
    let mut app = App::new(Mode::Simulator, Vec::new());
    app.update(Msg::Paste(" 6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14\n".into()));
    assert_eq!(
        keys(&mut app, &[enter()]),
        [Effect::Load {
            conversation_id: "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14".into()
        }]
    );
    assert_eq!(
        extract_id("conversationId=3C3F4A8E-7D0C-4B8E-9A56-0F1E2D3C4B5A&x=1").as_deref(),
        Some("3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a")
    );
}

#[test]
fn a_status_lasts_until_the_next_key() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('d')]);
    assert!(app.status.is_some());
    keys(&mut app, &[Key::char('j')]);
    assert!(app.status.is_none());
}

#[test]
fn scroll_is_clamped_to_what_the_screen_can_show() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::plain(KeyCode::Tab)]);
    for _ in 0..50 {
        keys(&mut app, &[Key::plain(KeyCode::PageDown)]);
    }
    app.clamp_scroll(12);
    assert_eq!(app.scroll, 12);
    keys(&mut app, &[Key::plain(KeyCode::PageUp)]);
    assert_eq!(app.scroll, 2, "one PageUp from the end moves at once");
}

#[test]
fn a_participant_named_at_start_is_selected() {
    let mut app = App::new(Mode::Simulator, Vec::new());
    assert_eq!(
        app.open("see 6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14"),
        [Effect::Load {
            conversation_id: id()
        }]
    );
    app.update(Msg::Loaded {
        id: id(),
        result: Ok(conversation()),
        exchange: None,
    });
    let agent = conversation()
        .participants
        .iter()
        .find(|p| p.purpose.as_deref() == Some("agent"))
        .unwrap()
        .id
        .clone()
        .unwrap();
    assert!(app.select_participant_by_id(&agent));
    assert_eq!(
        workspace(&app).selected().unwrap().id.as_deref(),
        Some(agent.as_str())
    );
    assert_eq!(app.focus, Focus::Attributes);
    assert!(!app.select_participant_by_id("00000000-0000-4000-8000-000000000000"));
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("not in this conversation")
    );
}
