//! Picker, participants, the attribute form, help and quitting.

use super::*;

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
    assert!(app.picker.text().ends_with("q?") && !app.help_open() && !app.quitting);
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
    assert_eq!(app.suggestions[0].id, id());
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
    assert!(app.prompt().is_none() && app.dialog().is_none() && !app.help_open());
    let plan = workspace(&app).derived.plan.clone();
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
    let plan = workspace(&app).derived.plan.clone();
    assert!(plan.unremovable().contains(&first), "{plan:?}");
    assert_eq!(plan.unremovable().len(), 2);
    assert!(app.status.as_ref().unwrap().text.contains("cannot remove"));

    // Revert the deleted row, then everything.
    keys(&mut app, &[Key::char('u')]);
    assert_eq!(workspace(&app).derived.plan.unremovable().len(), 1);
    keys(&mut app, &[Key::char('U'), Key::char('y')]);
    assert_eq!(workspace(&app).edits.edited(), original);
    assert!(workspace(&app).derived.plan.patch_is_empty());
}

#[test]
fn esc_clears_a_prompt_then_cancels_it_and_errors_show_in_the_status() {
    let mut app = loaded(Mode::Simulator);
    let before = workspace(&app).edits.clone();
    keys(&mut app, &[Key::char('e')]);
    typed(&mut app, "zzz");
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert_eq!(
        app.prompt().map(|p| p.input.text()),
        Some(""),
        "the first Esc clears"
    );
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert!(app.prompt().is_none(), "the second cancels");
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
    assert!(!derived.diff.is_empty());
}

#[test]
fn help_opens_anywhere_and_ctrl_c_always_quits() {
    let mut app = App::new(Mode::Simulator, Vec::new());
    keys(&mut app, &[Key::plain(KeyCode::F(1))]);
    assert!(app.help_open());
    keys(&mut app, &[Key::char('x'), Key::plain(KeyCode::Esc)]);
    assert!(!app.help_open());
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('?')]);
    assert!(app.help_open());
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('a')]);
    assert_eq!(
        keys(&mut app, &[Key::ctrl('c')]),
        [Effect::Quit],
        "even inside a prompt"
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
        crate::usecase::extract_id("conversationId=3C3F4A8E-7D0C-4B8E-9A56-0F1E2D3C4B5A&x=1")
            .as_deref(),
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
    app.update(Msg::Viewport {
        scroll_limit: 12,
        page: 10,
        jump: None,
    });
    assert_eq!(app.scroll.payload, 12);
    keys(&mut app, &[Key::plain(KeyCode::PageUp)]);
    assert_eq!(
        app.scroll.payload, 2,
        "one PageUp from the end moves at once"
    );
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

#[test]
fn reload_and_open_refuse_to_drop_unsent_edits() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('d')]);
    assert_eq!(keys(&mut app, &[Key::char('R')]), []);
    assert!(app.status.as_ref().unwrap().text.contains("unsent edits"));
    keys(&mut app, &[Key::char('o')]);
    typed(&mut app, "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14");
    assert_eq!(keys(&mut app, &[enter()]), []);
    assert!(
        workspace(&app).edits.is_dirty(),
        "the edits are still there"
    );
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert_eq!(
        (app.focus, app.picker.text()),
        (Focus::Picker, ""),
        "Esc clears the typed id first"
    );
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert_eq!(app.focus, Focus::Participants);
}

#[test]
fn leaving_secure_attributes_keeps_unsent_secure_edits() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('S')]);
    let secure = crate::genesys::ConversationSecureAttributes {
        attributes: Some(Attributes::from([("pin".to_owned(), "1234".to_owned())])),
        version: Some(1),
    };
    app.update(Msg::SecureLoaded {
        result: Ok(secure),
        exchange: None,
    });
    keys(&mut app, &[Key::char('d'), Key::char('P')]);
    assert_eq!(workspace(&app).target, SendTarget::SecureAttributes);
    assert!(app.status.as_ref().unwrap().error);
}

#[test]
fn the_participant_asked_for_is_selected_when_the_load_lands() {
    let agent = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    let mut app = App::new(Mode::Simulator, vec![id()]);
    app.select_after_load = Some(agent.to_owned());
    let exchange = exchange(200, "{}");
    let effects = app.update(Msg::Loaded {
        id: id(),
        result: Ok(conversation()),
        exchange: Some(exchange.clone()),
    });
    assert_eq!(
        effects,
        [Effect::Record(Box::new(exchange))],
        "the read is recorded"
    );
    let selected = workspace(&app).selected().and_then(|p| p.id.clone());
    assert_eq!(selected.as_deref(), Some(agent));
    assert_eq!(app.focus, Focus::Attributes);
    assert!(
        app.select_after_load.is_none(),
        "only the first load selects"
    );
}

#[test]
fn q_quits_from_a_pane_and_asks_first_when_edits_are_unsent() {
    let mut app = loaded(Mode::Simulator);
    assert_eq!(
        keys(&mut app, &[Key::char('q')]),
        [Effect::Quit],
        "nothing to lose"
    );
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('d'), Key::char('j'), Key::char('d')]);
    assert_eq!(keys(&mut app, &[Key::char('q')]), []);
    assert_eq!(app.overlay, Some(Overlay::QuitConfirm { edits: 2 }));
    assert_eq!(keys(&mut app, &[Key::char('n')]), []);
    assert_eq!(app.overlay, None);
    assert!(workspace(&app).edits.is_dirty(), "the edits are kept");
    keys(&mut app, &[Key::char('q')]);
    assert_eq!(keys(&mut app, &[Key::char('y')]), [Effect::Quit]);
}

#[test]
fn on_the_first_screen_question_mark_is_help_until_something_is_typed() {
    let mut app = App::new(Mode::Simulator, vec![id()]);
    keys(&mut app, &[Key::char('?')]);
    assert!(app.help_open());
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert!(!app.help_open() && app.overlay.is_none());
    typed(&mut app, "ab?");
    assert_eq!(app.picker.text(), "ab?", "then it types");
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert!(
        !app.quitting && app.picker.text().is_empty(),
        "Esc clears the field first"
    );
    assert_eq!(
        keys(&mut app, &[Key::plain(KeyCode::Esc)]),
        [Effect::Quit],
        "then quits"
    );
}

#[test]
fn a_failed_load_is_read_decoded_and_esc_goes_back_to_the_picker() {
    let mut app = App::new(Mode::Simulator, vec![]);
    keys(&mut app, &[Key::plain(KeyCode::F(4))]);
    assert!(
        app.history_selected().is_some(),
        "the history is reachable from the picker"
    );
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    let body = r#"{"message":"Conversation not found","code":"not.found","status":404,"contextId":"c0ffee00-0000-4000-8000-000000000002"}"#;
    app.update(Msg::Loaded {
        id: id(),
        result: Err("404 Not Found".into()),
        exchange: Some(crate::app::tests::exchange(404, body)),
    });
    assert_eq!(app.focus, Focus::Response);
    let view = app.response.as_ref().unwrap();
    assert!(view.from_load);
    let error = &view.explanation.as_ref().unwrap().errors[0];
    assert_eq!(error.code.as_deref(), Some("not.found"));
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert_eq!(app.focus, Focus::Picker);
    // A failure with no answer (refused, timed out) stays on the picker.
    app.update(Msg::Loaded {
        id: id(),
        result: Err("connection refused".into()),
        exchange: None,
    });
    assert_eq!(app.focus, Focus::Picker);
}

#[test]
fn a_reload_keeps_the_selected_participant_the_pane_and_the_last_answer() {
    let mut app = loaded(Mode::Simulator);
    keys(
        &mut app,
        &[Key::plain(KeyCode::Esc), Key::char('j'), Key::char('j')],
    );
    assert_eq!(app.focus, Focus::Participants);
    let chosen = workspace(&app).selected().unwrap().id.clone();
    app.response = Some(ResponseView::of(
        crate::app::tests::exchange(202, ""),
        false,
    ));
    let effects = keys(&mut app, &[Key::char('R')]);
    assert!(
        matches!(effects.as_slice(), [Effect::Load { .. }]),
        "{effects:?}"
    );
    app.update(Msg::Loaded {
        id: id(),
        result: Ok(conversation()),
        exchange: None,
    });
    assert_eq!(workspace(&app).selected().unwrap().id, chosen);
    assert_eq!(app.focus, Focus::Participants);
    assert!(app.response.is_some(), "the last answer stays");
}

#[test]
fn the_request_in_flight_counts_its_time() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('R')]);
    for _ in 0..10 {
        app.update(Msg::Tick);
    }
    assert_eq!(app.in_flight.as_ref().unwrap().elapsed(), TICK * 10);
}

#[test]
fn revert_all_asks_first_naming_how_many_edits() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('U')]);
    assert_eq!(app.overlay, None, "nothing to revert: nothing to ask");
    keys(&mut app, &[Key::char('d'), Key::char('j'), Key::char('d')]);
    keys(&mut app, &[Key::char('U')]);
    assert_eq!(app.overlay, Some(Overlay::RevertConfirm { edits: 2 }));
    keys(&mut app, &[Key::char('n')]);
    assert!(
        app.overlay.is_none() && workspace(&app).edits.is_dirty(),
        "kept"
    );
    keys(&mut app, &[Key::char('U'), Key::char('y')]);
    assert!(!workspace(&app).edits.is_dirty(), "reverted");
}

#[test]
fn a_case_collision_is_marked_on_the_new_key_and_on_the_key_it_collides_with() {
    let mut app = loaded(Mode::Simulator);
    let existing = workspace(&app).edits.rows()[0].key.clone();
    let variant = existing.to_uppercase();
    assert_ne!(variant, existing, "the fixture key has lower-case letters");
    keys(&mut app, &[Key::char('a')]);
    typed(&mut app, &variant);
    keys(&mut app, &[enter()]);
    typed(&mut app, "x");
    keys(&mut app, &[enter()]);
    let derived = &workspace(&app).derived;
    for key in [&variant, &existing] {
        let on_row = derived.by_key.get(key).cloned().unwrap_or_default();
        assert!(
            on_row.iter().any(|f| f.rule == "body/key-case-collision"),
            "`{key}`: {on_row:?}"
        );
    }
}

#[test]
fn a_rename_that_makes_a_case_collision_is_a_finding_of_the_patch_too() {
    let mut app = loaded(Mode::Simulator);
    let rows = workspace(&app).edits.rows().to_vec();
    assert!(rows.len() >= 2, "the fixture has two keys");
    let (kept, renamed) = (rows[0].key.clone(), rows[1].key.clone());
    let variant = kept.to_uppercase();
    app.workspace.as_mut().unwrap().row = 1;
    keys(&mut app, &[Key::char('r'), Key::ctrl('u')]);
    typed(&mut app, &variant);
    keys(&mut app, &[enter()]);
    let derived = &workspace(&app).derived;
    assert!(
        derived.plan.patch.contains_key(&variant),
        "{:?}",
        derived.plan
    );
    assert!(!derived.plan.put.contains_key(&renamed));
    // PATCH keeps `kept`: the end state holds both spellings.
    assert!(
        derived
            .patch
            .findings
            .iter()
            .any(|f| f.rule == "body/key-case-collision" && f.message.contains(&variant)),
        "{:?}",
        derived.patch.findings
    );
    let on_row = derived.by_key.get(&variant).cloned().unwrap_or_default();
    assert!(on_row.iter().any(|f| f.rule == "body/key-case-collision"));
}

#[test]
fn e_hands_the_selected_value_to_the_editor_and_its_text_becomes_the_edit() {
    let mut app = loaded(Mode::Simulator);
    app.workspace.as_mut().unwrap().row = 1;
    let key = workspace(&app).edits.rows()[1].key.clone();
    let value = workspace(&app).edits.value(&key).unwrap().to_owned();
    let effects = keys(&mut app, &[Key::char('E')]);
    assert_eq!(
        effects,
        [Effect::OpenEditor {
            key: key.clone(),
            text: value
        }]
    );
    // Meanwhile the cursor moved: the edit still lands on the key edited.
    app.workspace.as_mut().unwrap().row = 0;
    app.update(Msg::Edited {
        key: key.clone(),
        result: Ok("a long\nvalue from the editor".into()),
    });
    assert_eq!(
        workspace(&app).edits.edited()[&key],
        "a long\nvalue from the editor"
    );
    assert_eq!(workspace(&app).row, 1, "the edited row is selected");
    assert_eq!(
        app.status.as_ref().unwrap().text,
        format!("changed `{key}` in the editor")
    );
    assert!(workspace(&app).derived.plan.patch.contains_key(&key));
}

#[test]
fn an_editor_that_fails_or_saves_the_same_text_changes_nothing_and_says_so() {
    let mut app = loaded(Mode::Simulator);
    let key = workspace(&app).edits.rows()[0].key.clone();
    let value = workspace(&app).edits.value(&key).unwrap().to_owned();
    app.update(Msg::Edited {
        key: key.clone(),
        result: Err("the editor `vim` ended with exit status: 1".into()),
    });
    let status = app.status.clone().unwrap();
    assert!(status.error, "{status:?}");
    assert_eq!(
        status.text,
        format!("`{key}` unchanged: the editor `vim` ended with exit status: 1")
    );
    assert!(app.messages.iter().any(|m| m.text == status.text), "logged");
    app.update(Msg::Edited {
        key: key.clone(),
        result: Ok(value),
    });
    assert!(workspace(&app).derived.plan.patch_is_empty());
    assert!(app.status.as_ref().unwrap().text.contains("same value"));
}

#[test]
fn a_secure_value_is_never_handed_to_an_editor() {
    let mut app = loaded(Mode::Simulator);
    app.show_secure = true;
    keys(&mut app, &[Key::char('S')]);
    app.update(Msg::SecureLoaded {
        result: Ok(crate::genesys::ConversationSecureAttributes {
            attributes: Some(Attributes::from([("pin".to_owned(), "1234".to_owned())])),
            version: Some(3),
        }),
        exchange: None,
    });
    app.focus = Focus::Attributes;
    assert_eq!(keys(&mut app, &[Key::char('E')]), []);
    let status = app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("not written to a file"),
        "{status:?}"
    );
}

#[test]
fn e_on_a_deleted_row_says_to_restore_it_first() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('d')]);
    assert_eq!(keys(&mut app, &[Key::char('E')]), []);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("restore it first")
    );
}

#[test]
fn the_help_turns_its_pages_and_stays_within_the_pages_it_has() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('?')]);
    assert_eq!(app.help_page, 0);
    keys(&mut app, &[Key::plain(KeyCode::PageDown), Key::char('j')]);
    assert_eq!(app.help_page, 2);
    // The screen says it has two pages: the page stays on the last.
    app.update(Msg::HelpPages(2));
    assert_eq!(app.help_page, 1);
    assert!(app.help_open(), "turning pages keeps the help open");
    keys(&mut app, &[Key::plain(KeyCode::PageUp), Key::char('k')]);
    assert_eq!(app.help_page, 0);
    keys(&mut app, &[Key::plain(KeyCode::PageDown)]);
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert!(!app.help_open());
    keys(&mut app, &[Key::plain(KeyCode::F(1))]);
    assert_eq!(app.help_page, 0, "it opens on its first page");
}

#[test]
fn a_load_that_succeeds_ends_the_failed_loads_answer_and_its_error() {
    // The open conversation, then a failed load of another id, then the
    // open one again.
    let mut app = loaded(Mode::Simulator);
    let body = r#"{"message":"Conversation not found","code":"not.found","status":404}"#;
    app.update(Msg::Loaded {
        id: "12345678-0000-4000-8000-000000000000".into(),
        result: Err("404 Not Found".into()),
        exchange: Some(crate::app::tests::exchange(404, body)),
    });
    assert!(app.response.as_ref().unwrap().from_load);
    assert!(app.status.as_ref().unwrap().error);
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    app.update(Msg::Loaded {
        id: id(),
        result: Ok(conversation()),
        exchange: None,
    });
    assert!(app.response.is_none(), "Tab can no longer reach the 404");
    let status = app.status.clone().unwrap();
    assert!(
        !status.error && status.text.starts_with("loaded conversation"),
        "{status:?}"
    );
    // The error is still in the log.
    assert!(app.messages.iter().any(|m| m.text.contains("404")));
}
