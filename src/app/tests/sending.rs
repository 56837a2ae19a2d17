//! The send dialog, answers, re-reads, history and secure attributes.

use super::*;
use crate::usecase::Observation;

#[test]
fn send_on_the_simulator_takes_one_key_and_esc_cancels() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('a')]);
    typed(&mut app, "outcome");
    keys(&mut app, &[enter()]);
    typed(&mut app, "resolved");
    keys(&mut app, &[enter()]);
    keys(&mut app, &[Key::char('s')]);
    assert!(app.dialog().is_some());
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
    let dialog = app.dialog().cloned().unwrap();
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
    assert!(app.dialog().is_none());
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

/// Adds `outcome = resolved` in the form and sends it with PATCH.
fn add_outcome_and_send(app: &mut App) {
    keys(app, &[Key::char('a')]);
    typed(app, "outcome");
    keys(app, &[enter()]);
    typed(app, "resolved");
    keys(app, &[enter(), Key::char('s'), enter()]);
}

/// The call fixture as read after `outcome: resolved` reached this participant.
fn resolved(participant: usize) -> Conversation {
    let mut changed = conversation();
    changed.participants[participant]
        .attributes
        .as_mut()
        .unwrap()
        .insert("outcome".into(), "resolved".into());
    changed
}

#[test]
fn a_202_is_followed_by_rereads_until_the_change_shows() {
    let mut app = loaded(Mode::Simulator);
    add_outcome_and_send(&mut app);
    let effects = app.update(Msg::Sent(Ok(exchange(202, ""))));
    let [
        Effect::Record(_),
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
    let changed = resolved(workspace(&app).participant);
    assert_eq!(
        app.update(Msg::Reread {
            attempt: 2,
            result: Ok(changed),
            exchange: Some(exchange(200, "{}"))
        }),
        [Effect::Record(Box::new(exchange(200, "{}")))],
        "done re-reading: only the read is recorded"
    );
    let Observed::Done(observation @ Observation::AsPredicted { .. }) =
        &app.response.as_ref().unwrap().observed
    else {
        panic!("{:?}", app.response.as_ref().unwrap().observed)
    };
    assert_eq!(observation.diff().summary.added, ["/outcome"]);
    assert!(
        !workspace(&app).edits.is_dirty(),
        "the form starts over from the server's state"
    );
    assert_eq!(app.history.len(), 2);
}

#[test]
fn no_change_after_every_reread_is_reported() {
    let mut app = loaded(Mode::Simulator);
    add_outcome_and_send(&mut app);
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
    let Observed::Done(observation) = &app.response.as_ref().unwrap().observed else {
        panic!("the re-reads are over");
    };
    assert_eq!(
        (observation.kind(), observation.attempts()),
        ("not-visible-yet", 5)
    );
}

#[test]
fn a_400_is_decoded_with_its_nested_errors() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('s'), enter()]);
    let body = r#"{"message":"Value [42] is not valid for field type [string]","code":"invalid.value","status":400,
        "contextId":"5e3c1c0e-8d5a-4a39-9b2f-1d2a0c9e7f10",
        "errors":[{"code":"bad.request","status":400,"message":"attributes.score must be a string"}]}"#;
    assert_eq!(
        app.update(Msg::Sent(Ok(exchange(400, body)))),
        [Effect::Record(Box::new(exchange(400, body)))],
        "a 4xx is recorded, and not re-read"
    );
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
        attempt: 1,
        result: Err("offline".into()),
        exchange: None,
    });
    assert!(app.in_flight.is_none(), "a failed re-read ends the chain");
    keys(&mut app, &[Key::char('H')]);
    assert_eq!(app.history_selected(), Some(0));
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
    assert!(app.history_selected().is_none());
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
    let request = planned_request(&app, app.dialog().unwrap()).unwrap();
    assert!(request.path.ends_with("/secureattributes"));
    let body: serde_json::Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    assert_eq!(body, json!({"attributes": {"pin": "1234"}, "version": 3}));
    let effects = keys(&mut app, &[enter()]);
    assert!(matches!(effects.as_slice(), [Effect::Send(_)]));
    let effects = app.update(Msg::Sent(Ok(exchange(202, "\"4\""))));
    assert_eq!(
        effects,
        [
            Effect::Record(Box::new(exchange(202, "\"4\""))),
            Effect::LoadSecure {
                conversation_id: id()
            }
        ]
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
fn edits_made_during_the_reread_are_kept() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('a')]);
    typed(&mut app, "sent");
    keys(&mut app, &[enter()]);
    typed(&mut app, "now");
    keys(&mut app, &[enter(), Key::char('s'), enter()]);
    app.update(Msg::Sent(Ok(exchange(202, ""))));
    // The user goes back to the form and edits again before the re-read lands
    // (Esc would cancel the re-read: it is the request in flight).
    keys(&mut app, &[Key::plain(KeyCode::Left), Key::char('a')]);
    typed(&mut app, "later");
    keys(&mut app, &[enter()]);
    typed(&mut app, "edit");
    keys(&mut app, &[enter()]);
    let mut changed = conversation();
    let index = workspace(&app).participant;
    changed.participants[index]
        .attributes
        .as_mut()
        .unwrap()
        .insert("x".into(), "1".into());
    app.update(Msg::Reread {
        attempt: 1,
        result: Ok(changed),
        exchange: None,
    });
    assert!(matches!(
        app.response.as_ref().unwrap().observed,
        Observed::Done(Observation::Differs { .. })
    ));
    assert_eq!(
        workspace(&app)
            .edits
            .edited()
            .get("later")
            .map(String::as_str),
        Some("edit")
    );
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("newer edits are kept")
    );
}

#[test]
fn a_resend_from_the_history_does_not_start_a_reread() {
    let mut app = loaded(Mode::Simulator);
    app.history.push(exchange(202, ""));
    keys(&mut app, &[Key::char('H')]);
    let effects = keys(&mut app, &[Key::char('r')]);
    assert!(matches!(effects.as_slice(), [Effect::Send(_)]));
    assert_eq!(
        app.update(Msg::Sent(Ok(exchange(202, "")))),
        [Effect::Record(Box::new(exchange(202, "")))]
    );
    assert_eq!(
        app.response.as_ref().unwrap().observed,
        Observed::NotApplicable
    );
}

#[test]
fn nothing_replaces_the_workspace_while_a_send_is_in_flight() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('s'), enter()]);
    assert!(app.in_flight.is_some());
    assert_eq!(
        keys(&mut app, &[Key::char('R')]),
        [],
        "no reload over a send"
    );
    assert_eq!(
        keys(&mut app, &[Key::char('S')]),
        [],
        "no target switch over a send"
    );
    keys(&mut app, &[Key::char('o')]);
    typed(&mut app, "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14");
    assert_eq!(keys(&mut app, &[enter()]), [], "no open over a send");
    assert!(app.status.as_ref().unwrap().text.contains("in flight"));
}

#[test]
fn the_rereads_are_the_request_in_flight_until_they_end() {
    let mut app = loaded(Mode::Simulator);
    add_outcome_and_send(&mut app);
    app.update(Msg::Sent(Ok(exchange(202, ""))));
    assert!(matches!(
        app.in_flight.as_ref().map(|f| &f.flight),
        Some(Flight::Reread { attempt: 1 })
    ));
    // Nothing else starts meanwhile: no second send, no reload.
    assert_eq!(keys(&mut app, &[Key::char('s')]), []);
    assert!(app.dialog().is_none());
    assert_eq!(keys(&mut app, &[Key::char('R')]), []);
    // A stale answer (another attempt) changes nothing.
    app.update(Msg::Reread {
        attempt: 3,
        result: Ok(conversation()),
        exchange: None,
    });
    assert_eq!(
        app.response.as_ref().unwrap().observed,
        Observed::Pending { attempt: 1 }
    );
    // Esc cancels the re-reads; their cancelled answer ends the chain.
    assert_eq!(
        keys(&mut app, &[Key::plain(KeyCode::Esc)]),
        [Effect::Cancel]
    );
    app.update(Msg::Reread {
        attempt: 1,
        result: Err("cancelled".into()),
        exchange: None,
    });
    assert!(app.in_flight.is_none());
    assert_eq!(
        app.response.as_ref().unwrap().observed,
        Observed::Failed("cancelled".into())
    );
}

#[test]
fn the_reread_judges_the_participant_sent_to_even_if_another_is_selected() {
    let mut app = loaded(Mode::Simulator);
    add_outcome_and_send(&mut app);
    app.update(Msg::Sent(Ok(exchange(202, ""))));
    let sent_to = workspace(&app).participant;
    // The user selects another participant while the re-read runs.
    app.workspace.as_mut().unwrap().participant = (sent_to + 1) % 4;
    let mut changed = conversation();
    changed.participants[sent_to]
        .attributes
        .as_mut()
        .unwrap()
        .insert("outcome".into(), "resolved".into());
    app.update(Msg::Reread {
        attempt: 1,
        result: Ok(changed),
        exchange: None,
    });
    assert!(
        matches!(
            app.response.as_ref().unwrap().observed,
            Observed::Done(Observation::AsPredicted { .. })
        ),
        "{:?}",
        app.response.as_ref().unwrap().observed
    );
}

#[test]
fn the_dialog_lints_the_request_on_the_route_it_will_use() {
    // A customer who also has a (deprecated) co-browse session.
    let mut conversation = conversation();
    let index = crate::usecase::default_participant(&conversation);
    conversation.participants[index].cobrowsesessions = Some(vec![json!({"state": "connected"})]);
    let mut app = App::new(Mode::Simulator, vec![id()]);
    app.update(Msg::Loaded {
        id: id(),
        result: Ok(conversation),
        exchange: None,
    });
    keys(&mut app, &[enter(), Key::char('s')]);
    let routes = app.dialog().unwrap().routes.clone();
    let cobrowse = RouteChoice::Media(crate::genesys::Media::Cobrowsesessions);
    assert!(routes.contains(&cobrowse), "{routes:?}");
    let rules = |app: &App| -> Vec<&'static str> {
        workspace(app)
            .derived
            .patch
            .findings
            .iter()
            .map(|f| f.rule)
            .collect()
    };
    assert!(!rules(&app).contains(&"route/deprecated"), "generic first");
    while app.dialog().unwrap().route != cobrowse {
        keys(&mut app, &[Key::plain(KeyCode::Down)]);
    }
    assert!(
        workspace(&app)
            .derived
            .patch
            .path
            .contains("/cobrowsesessions/")
    );
    assert!(
        rules(&app).contains(&"route/deprecated"),
        "the dialog's verdict is the chosen route's: {:?}",
        rules(&app)
    );
}

#[test]
fn a_redirect_answer_to_a_send_says_it_was_not_followed_and_where_it_pointed() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('s'), enter()]);
    let mut answer = exchange(307, "");
    answer.response_headers = vec![("Location".into(), "https://elsewhere.example/x".into())];
    app.update(Msg::Sent(Ok(answer)));
    let status = app.status.clone().unwrap();
    assert!(status.error);
    assert!(
        status.text.contains("not followed") && status.text.contains("https://elsewhere.example/x"),
        "{}",
        status.text
    );
    assert!(app.in_flight.is_none(), "no re-read after a 3xx");
}

#[test]
fn each_history_note_is_shown_as_the_recorder_words_it_beside_earlier_warnings() {
    let mut app = loaded(Mode::Simulator);
    app.set_status("config.toml:3:1: unknown key", true);
    app.update(Msg::HistoryNote(
        "the history folder /d is open to other users".into(),
    ));
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "config.toml:3:1: unknown key; the history folder /d is open to other users"
    );
    // A later failure is a different thing, and is shown too.
    app.update(Msg::HistoryNote(
        "not recorded in the history: disk full".into(),
    ));
    let text = &app.status.as_ref().unwrap().text;
    assert!(
        text.ends_with("; not recorded in the history: disk full"),
        "{text}"
    );
}

#[test]
fn copy_code_copies_the_program_of_the_chosen_language_for_the_forms_edit() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('a')]);
    typed(&mut app, "queue");
    keys(&mut app, &[enter()]);
    typed(&mut app, "billing");
    keys(&mut app, &[enter(), Key::char('y')]);
    assert_eq!(app.overlay, Some(Overlay::Code { selected: 0 }));
    let effects = keys(&mut app, &[Key::char('j'), enter()]);
    let [Effect::Copy(program)] = effects.as_slice() else {
        panic!("one copy: {effects:?}");
    };
    let workspace = workspace(&app);
    let expected = crate::usecase::code::for_preview(
        crate::usecase::code::Lang::Python,
        &id(),
        workspace.selected().unwrap().id.as_deref().unwrap(),
        &workspace.derived,
    )
    .unwrap();
    assert_eq!(
        program, &expected,
        "the same program `gc-attrs code --lang python` prints"
    );
    assert!(
        program.contains("patch_conversation_participant_attributes"),
        "{program}"
    );
    assert!(program.contains("billing"), "{program}");
    assert_eq!(app.overlay, None);
    assert!(app.status.as_ref().unwrap().text.contains("python"));
}

#[test]
fn a_patch_that_changes_nothing_is_not_re_read() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('s'), enter()]);
    let effects = app.update(Msg::Sent(Ok(exchange(202, ""))));
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Reread { .. })),
        "{effects:?}"
    );
    assert!(app.in_flight.is_none());
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("changed nothing")
    );
}

#[test]
fn a_live_resend_of_a_write_asks_for_the_typed_yes() {
    let mut app = loaded(Mode::Live {
        region: "eu-west-1".into(),
        profile: None,
    });
    app.history.push(exchange(202, ""));
    keys(&mut app, &[Key::char('H'), Key::char('r')]);
    assert!(matches!(
        app.overlay,
        Some(Overlay::BenchConfirm { resend: true, .. })
    ));
    assert!(keys(&mut app, &[enter()]).is_empty(), "not without yes");
    typed(&mut app, "yes");
    let effects = keys(&mut app, &[enter()]);
    assert!(
        matches!(effects.as_slice(), [Effect::Send(_)]),
        "{effects:?}"
    );
    assert!(matches!(
        app.in_flight.as_ref().map(|f| &f.flight),
        Some(Flight::Send(None))
    ));
}

#[test]
fn the_verb_stays_while_the_live_confirmation_is_typed() {
    let mut app = loaded(Mode::Live {
        region: "eu-west-1".into(),
        profile: None,
    });
    keys(&mut app, &[Key::char('s')]);
    typed(&mut app, "ye");
    let verb = app.dialog().unwrap().verb;
    keys(&mut app, &[Key::plain(KeyCode::Right)]);
    assert_eq!(app.dialog().unwrap().verb, verb);
    assert!(app.status.as_ref().unwrap().error);
}

/// The secure attributes `{pin: 1234}` v3 loaded, the form on them.
fn on_secure_attributes(app: &mut App) {
    keys(app, &[Key::char('S')]);
    app.update(Msg::SecureLoaded {
        result: Ok(crate::genesys::ConversationSecureAttributes {
            attributes: Some(Attributes::from([("pin".to_owned(), "1234".to_owned())])),
            version: Some(3),
        }),
        exchange: None,
    });
}

#[test]
fn a_secure_send_answers_in_the_response_pane_with_the_masked_observed_diff() {
    let mut app = loaded(Mode::Simulator);
    on_secure_attributes(&mut app);
    keys(&mut app, &[Key::char('e'), Key::ctrl('u')]);
    typed(&mut app, "9911");
    keys(&mut app, &[enter(), Key::char('s'), enter()]);
    app.update(Msg::Sent(Ok(exchange(202, "\"4\""))));
    assert_eq!(app.focus, Focus::Response);
    assert_eq!(
        app.response.as_ref().unwrap().observed,
        Observed::Pending { attempt: 1 }
    );
    app.update(Msg::SecureLoaded {
        result: Ok(crate::genesys::ConversationSecureAttributes {
            attributes: Some(Attributes::from([("pin".to_owned(), "9911".to_owned())])),
            version: Some(4),
        }),
        exchange: None,
    });
    assert_eq!(app.focus, Focus::Response, "the answer stays in view");
    let Observed::Done(observation) = &app.response.as_ref().unwrap().observed else {
        panic!("{:?}", app.response.as_ref().unwrap().observed)
    };
    assert_eq!(observation.kind(), "as-predicted");
    assert_eq!(observation.diff().summary.changed, ["/pin"]);
    let shown = format!("{observation:?}");
    assert!(
        !shown.contains("1234") && !shown.contains("9911"),
        "masked: {shown}"
    );
    assert_eq!(workspace(&app).secure_version, Some(4));
    assert!(app.status.as_ref().unwrap().text.contains("version 4"));
}

#[test]
fn a_cancelled_write_says_the_server_may_have_applied_it_and_r_re_reads() {
    let mut app = loaded(Mode::Simulator);
    add_outcome_and_send(&mut app);
    let cancelled = Exchange::new(
        "PATCH",
        "http://127.0.0.1:1/api/v2/x",
        crate::api::Outcome::Cancelled,
    );
    assert!(cancelled.may_have_applied());
    app.update(Msg::Sent(Ok(cancelled)));
    let status = app.status.clone().unwrap();
    assert!(status.error, "{status:?}");
    assert_eq!(
        status.text,
        "PATCH cancelled before an answer came; the server may have applied it: R re-reads \
         the conversation before you send again"
    );
    // The edits are unsent as far as the app knows: R says so rather than
    // dropping them.
    keys(&mut app, &[Key::char('R')]);
    assert!(app.status.as_ref().unwrap().text.contains("unsent edits"));
    let read = Exchange::new(
        "GET",
        "http://127.0.0.1:1/api/v2/x",
        crate::api::Outcome::Cancelled,
    );
    assert!(!read.may_have_applied(), "a read changes nothing");
    let refused = Exchange::new(
        "PATCH",
        "http://127.0.0.1:1/api/v2/x",
        crate::api::Outcome::failed(crate::api::FailureKind::Connect, "refused"),
    );
    assert!(
        !refused.may_have_applied(),
        "nothing left without a connection"
    );
}

#[test]
fn a_202_not_visible_after_every_reread_keeps_the_edits_marked_and_r_reads_again() {
    let mut app = loaded(Mode::Simulator);
    add_outcome_and_send(&mut app);
    app.update(Msg::Sent(Ok(exchange(202, ""))));
    for attempt in 1..=5 {
        app.update(Msg::Reread {
            attempt,
            result: Ok(conversation()),
            exchange: None,
        });
    }
    assert!(app.sent_unseen());
    assert_eq!(
        workspace(&app).edits.value("outcome"),
        Some("resolved"),
        "the edit is not shown as gone"
    );
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .starts_with("sent, not visible yet after 5 re-reads")
    );
    // R re-reads (at once) instead of refusing over "unsent" edits.
    let effects = keys(&mut app, &[Key::char('R')]);
    let [
        Effect::Reread {
            attempt: 1, after, ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(*after, Duration::ZERO);
    let changed = resolved(workspace(&app).participant);
    app.update(Msg::Reread {
        attempt: 1,
        result: Ok(changed),
        exchange: None,
    });
    assert!(!app.sent_unseen());
    assert!(
        !workspace(&app).edits.is_dirty(),
        "now read from the server"
    );
    // A newer edit is not "sent": the mark goes.
    let mut app = loaded(Mode::Simulator);
    add_outcome_and_send(&mut app);
    app.update(Msg::Sent(Ok(exchange(202, ""))));
    for attempt in 1..=5 {
        app.update(Msg::Reread {
            attempt,
            result: Ok(conversation()),
            exchange: None,
        });
    }
    app.focus = Focus::Attributes;
    keys(&mut app, &[Key::char('a')]);
    typed(&mut app, "another");
    keys(&mut app, &[enter()]);
    typed(&mut app, "one");
    keys(&mut app, &[enter()]);
    assert!(!app.sent_unseen());
}

#[test]
fn after_a_send_the_form_keeps_the_row_that_was_selected() {
    let mut app = loaded(Mode::Simulator);
    app.workspace.as_mut().unwrap().row = 2;
    let key = workspace(&app).edits.rows()[2].key.clone();
    keys(&mut app, &[Key::char('e'), Key::ctrl('u')]);
    typed(&mut app, "changed");
    keys(&mut app, &[enter(), Key::char('s'), enter()]);
    app.update(Msg::Sent(Ok(exchange(202, ""))));
    let mut changed = conversation();
    let index = workspace(&app).participant;
    changed.participants[index]
        .attributes
        .as_mut()
        .unwrap()
        .insert(key.clone(), "changed".into());
    app.update(Msg::Reread {
        attempt: 1,
        result: Ok(changed),
        exchange: None,
    });
    assert!(!workspace(&app).edits.is_dirty());
    assert_eq!(workspace(&app).edits.rows()[workspace(&app).row].key, key);
}

#[test]
fn a_429s_retry_after_counts_down_on_ticks_and_then_says_send_again() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('s'), enter()]);
    let mut throttled = exchange(429, r#"{"code":"too.many.requests","status":429}"#);
    throttled.rate_limit.retry_after_seconds = Some(2);
    app.update(Msg::Sent(Ok(throttled)));
    assert!(app.wants_ticks(), "the countdown needs time to pass");
    let left = |app: &App| app.response.as_ref().unwrap().retry_in();
    assert_eq!(left(&app), Some(Duration::from_secs(2)));
    for _ in 0..5 {
        app.update(Msg::Tick);
    }
    assert_eq!(left(&app), Duration::from_secs(2).checked_sub(TICK * 5));
    for _ in 0..20 {
        app.update(Msg::Tick);
    }
    assert_eq!(left(&app), None);
    assert!(!app.wants_ticks(), "no ticks once it has passed");
}
