//! The keymap: the default table is sound, keys parse and print, remaps
//! from `[keys]` change the handling, and bad remaps are reported with
//! their origin while the defaults stay.

use std::fmt::Write as _;

use super::*;
use crate::app::keymap::{Action, Context, Remap, TABLE};

fn remap(action: &str, keys: &[&str]) -> Remap {
    Remap {
        action: action.to_owned(),
        keys: keys.iter().map(|k| (*k).to_owned()).collect(),
        origin: "config.toml:2:1".to_owned(),
    }
}

fn remapped(remaps: &[Remap]) -> (App, Vec<String>) {
    let (keymap, problems) = Keymap::with_remaps(remaps);
    let mut app = loaded(Mode::Simulator);
    app.keymap = keymap;
    (app, problems)
}

#[test]
fn the_default_table_has_no_clash() {
    assert_eq!(Keymap::default().clash(), None);
}

#[test]
fn every_action_is_bound_and_every_name_reads_back() {
    for action in Action::ALL {
        assert!(
            TABLE.iter().any(|row| row.action == *action),
            "{} has no row",
            action.name()
        );
        assert_eq!(Action::from_name(action.name()), Some(*action));
    }
}

#[test]
fn every_default_binding_has_a_key_that_does_not_type_where_a_field_types() {
    for row in TABLE.iter().filter(|r| r.context.has_text_field()) {
        assert!(
            row.keys.iter().any(|k| !k.types()),
            "{} in {:?} would only type",
            row.action.name(),
            row.context
        );
    }
}

#[test]
fn keys_parse_from_config_names_and_print_as_shown() {
    let cases = [
        ("x", "x"),
        ("X", "X"),
        ("?", "?"),
        ("ctrl-x", "Ctrl-X"),
        ("Ctrl+X", "Ctrl-X"),
        ("alt-v", "Alt-v"),
        ("enter", "Enter"),
        ("Esc", "Esc"),
        ("shift-tab", "Shift-Tab"),
        ("pgdn", "PgDn"),
        ("PageUp", "PgUp"),
        ("del", "Del"),
        ("left", "←"),
        ("space", "Space"),
        ("f12", "F12"),
    ];
    for (text, shown) in cases {
        let key = Key::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(key.to_string(), shown, "{text}");
    }
    for bad in ["", "ctrl-", "f13", "shift", "xy", "ctrlx"] {
        let error = Key::parse(bad).unwrap_err();
        assert!(error.contains("is not a key"), "{bad}: {error}");
    }
}

#[test]
fn a_remapped_send_key_opens_the_dialog_and_the_old_key_does_not() {
    let (mut app, problems) = remapped(&[remap("send", &["x"])]);
    assert_eq!(problems, Vec::<String>::new());
    keys(&mut app, &[Key::char('s')]);
    assert!(app.dialog().is_none(), "s no longer sends");
    keys(&mut app, &[Key::char('x')]);
    assert!(app.dialog().is_some(), "x sends");
}

#[test]
fn a_remapped_letter_still_types_in_the_prompt_and_the_picker() {
    let (mut app, _) = remapped(&[remap("send", &["x"]), remap("add", &["ctrl-n"])]);
    keys(&mut app, &[Key::ctrl('n')]);
    assert!(app.prompt().is_some(), "Ctrl-N adds");
    typed(&mut app, "xs");
    assert_eq!(app.prompt().unwrap().input.text(), "xs");
    keys(
        &mut app,
        &[
            Key::plain(KeyCode::Esc),
            Key::plain(KeyCode::Esc),
            Key::char('o'),
        ],
    );
    assert_eq!(app.focus, Focus::Picker);
    typed(&mut app, "x?q");
    assert_eq!(app.picker.text(), "x?q");
    assert!(app.overlay.is_none() && !app.quitting);
}

#[test]
fn two_actions_may_swap_keys() {
    let (mut app, problems) = remapped(&[remap("add", &["s"]), remap("send", &["a"])]);
    assert_eq!(problems, Vec::<String>::new());
    keys(&mut app, &[Key::char('a')]);
    assert!(app.dialog().is_some(), "a sends");
    keys(&mut app, &[Key::plain(KeyCode::Esc), Key::char('s')]);
    assert!(app.prompt().is_some(), "s adds");
}

#[test]
fn a_clashing_remap_is_reported_with_its_origin_and_the_default_kept() {
    let (mut app, problems) = remapped(&[remap("send", &["a"])]);
    let [problem] = problems.as_slice() else {
        panic!("{problems:?}")
    };
    assert!(
        problem.starts_with("config.toml:2:1: `a` for send clashes with add in the attribute form")
            && problem.ends_with("send keeps s"),
        "{problem}"
    );
    keys(&mut app, &[Key::char('s')]);
    assert!(app.dialog().is_some(), "s still sends");
}

#[test]
fn unknown_actions_and_bad_keys_are_reported_and_change_nothing() {
    let (keymap, problems) = Keymap::with_remaps(&[
        remap("sned", &["x"]),
        remap("send", &["ctrl-"]),
        remap("reload", &["ctrl-c"]),
        remap("history", &[]),
    ]);
    assert_eq!(keymap, Keymap::default());
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(problems[0].contains("unknown action `sned`") && problems[0].contains("send, history"));
    assert!(problems[1].contains("`ctrl-` is not a key") && problems[1].ends_with("send keeps s"));
    assert!(problems[2].contains("Ctrl-C always quits"));
    assert!(problems[3].contains("give at least one key"));
    assert!(problems.iter().all(|p| p.starts_with("config.toml:2:1: ")));
}

#[test]
fn a_letter_alone_is_refused_where_a_text_field_would_take_it() {
    let (keymap, problems) = Keymap::with_remaps(&[remap("load", &["o"])]);
    assert_eq!(keymap, Keymap::default());
    assert!(
        problems.len() == 1 && problems[0].contains("in the picker a text field takes typed"),
        "{problems:?}"
    );
    let (keymap, problems) = Keymap::with_remaps(&[remap("up", &["up", "x"])]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        keymap.action(Context::Participants, Key::char('x')),
        Some(Action::Up)
    );
}

#[test]
fn ctrl_c_quits_whatever_the_keymap() {
    let (mut app, _) = remapped(&[remap("quit", &["ctrl-q"])]);
    keys(&mut app, &[Key::char('a')]);
    assert_eq!(keys(&mut app, &[Key::ctrl('c')]), [Effect::Quit]);
}

/// How the README names a context.
fn where_(context: Context) -> &'static str {
    match context {
        Context::Global => "any pane",
        Context::Request => "a request in flight",
        Context::Start | Context::Picker => "picker",
        Context::Participants => "participants",
        Context::Form => "form",
        Context::Panes => "payload/response",
        Context::Dialog => "send dialog",
        Context::History => "history",
        Context::Help => "help",
        Context::Prompt => "prompt",
        Context::Workbench => "workbench",
        Context::Code => "code picker",
        Context::QuitConfirm => "quit question",
        Context::RevertConfirm => "revert-all question",
        Context::Messages => "message log",
        Context::Replay => "replay",
    }
}

/// The README's table of actions, as the default keymap has them.
fn readme_table() -> String {
    let mut out = String::from("| action | default keys, where |\n|---|---|\n");
    for action in Action::ALL {
        // (keys, places) runs, in table order, places merged per key list.
        let mut runs: Vec<(String, Vec<&str>)> = Vec::new();
        for row in TABLE.iter().filter(|r| r.action == *action) {
            let keys = row
                .keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ");
            let place = where_(row.context);
            match runs.iter_mut().find(|(k, _)| *k == keys) {
                Some((_, places)) if places.contains(&place) => {}
                Some((_, places)) => places.push(place),
                None => runs.push((keys, vec![place])),
            }
        }
        let cells: Vec<String> = runs
            .iter()
            .map(|(keys, places)| format!("`{keys}` ({})", places.join(", ")))
            .collect();
        let _ = writeln!(out, "| `{}` | {} |", action.name(), cells.join(" · "));
    }
    out
}

#[test]
fn the_readme_lists_every_action_with_its_default_keys() {
    let readme = include_str!("../../../README.md");
    let table = readme_table();
    let begin = "<!-- keys:begin (generated from the keymap; a test compares) -->\n";
    let block = readme
        .split_once(begin)
        .and_then(|(_, rest)| rest.split_once("<!-- keys:end -->"))
        .map(|(block, _)| block);
    assert_eq!(
        block,
        Some(table.as_str()),
        "README.md's keys table is out of date; between the markers it should read:\n{begin}{table}<!-- keys:end -->"
    );
}

#[test]
fn an_open_overlay_keeps_the_keys_and_help_opens_over_it_and_gives_it_back() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('s')]);
    assert!(app.dialog().is_some());
    keys(&mut app, &[Key::char('H'), Key::char('?')]);
    assert!(app.dialog().is_some(), "the dialog is still the overlay");
    keys(&mut app, &[Key::plain(KeyCode::F(1))]);
    assert!(app.help_open(), "F1 opens the help over the dialog");
    assert_eq!(app.help_contexts(), [Context::Dialog], "its keys first");
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert!(
        app.dialog().is_some(),
        "closing the help gives the dialog back"
    );
    keys(&mut app, &[Key::plain(KeyCode::Esc), Key::char('H')]);
    assert!(app.history_selected().is_some());
    keys(&mut app, &[Key::char('?'), Key::char('s')]);
    assert!(
        app.help_open() && app.dialog().is_none(),
        "s does nothing under the help"
    );
    keys(&mut app, &[Key::char('?')]);
    assert!(app.history_selected().is_some());
}

#[test]
fn a_start_up_warning_stays_until_the_log_is_read_and_is_kept_there_in_full() {
    let mut app = App::new(Mode::Simulator, vec![id()]);
    app.notify("config.toml:3:1: unknown action `sned` in [keys]", true);
    let effects = app.open(&id());
    assert_eq!(effects.len(), 1);
    app.update(Msg::Loaded {
        id: id(),
        result: Ok(conversation()),
        exchange: None,
    });
    let status = app.status.clone().unwrap();
    assert!(status.error && status.text.contains("sned"), "{status:?}");
    keys(&mut app, &[Key::plain(KeyCode::Down)]);
    assert_eq!(
        app.status.as_ref(),
        Some(&status),
        "a key does not clear an error"
    );
    assert_eq!(app.unread, 1);
    assert!(
        app.footer().iter().any(|s| s.label == "messages"),
        "the log is offered"
    );
    keys(&mut app, &[Key::char('M')]);
    assert_eq!(app.overlay, Some(Overlay::Messages { scroll: 0 }));
    assert_eq!(
        (app.unread, app.status.as_ref()),
        (0, None),
        "read: dismissed"
    );
    assert_eq!(app.messages, [status], "kept in full");
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert_eq!(app.overlay, None);
    assert!(!app.footer().iter().any(|s| s.label == "messages"));
}
