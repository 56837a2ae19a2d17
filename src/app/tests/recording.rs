//! The save key: this session's exchanges handed to the shell for a file
//! named in a prompt, its default stamped with the last exchange's time.

use super::*;

#[test]
fn the_save_key_asks_for_a_file_and_hands_over_every_exchange() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('W')]);
    assert!(app.prompt().is_none(), "nothing to save yet");
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("nothing to save")
    );
    let mut sent = exchange(202, "");
    sent.at = Some("2026-12-03T10:16:47.120Z".into());
    app.history = vec![exchange(400, "{}"), sent];
    keys(&mut app, &[Key::char('W')]);
    let prompt = app.prompt().expect("the save prompt");
    assert_eq!(prompt.editing, Editing::SaveRecording);
    assert_eq!(
        prompt.input.text(),
        "gc-attrs-session-20261203-101647.jsonl"
    );
    let effects = keys(&mut app, &[enter()]);
    let [Effect::SaveRecording { path, exchanges }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(path, "gc-attrs-session-20261203-101647.jsonl");
    assert_eq!(exchanges, &app.history);
    assert!(app.overlay.is_none());
    app.update(Msg::RecordingSaved(Err("it exists already".into())));
    let status = app.status.clone().unwrap();
    assert!(status.error && status.text == "not saved: it exists already");
}

#[test]
fn an_empty_file_name_saves_nothing() {
    let mut app = loaded(Mode::Simulator);
    app.history = vec![exchange(202, "")];
    keys(&mut app, &[Key::char('W'), Key::ctrl('u')]);
    assert_eq!(app.prompt().unwrap().input.text(), "");
    assert_eq!(keys(&mut app, &[enter()]), []);
    assert!(app.status.as_ref().unwrap().error);
}
