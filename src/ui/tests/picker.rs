//! The picker's rows, its filter and the history's times, at 100×30 and
//! 80×24.

use insta::assert_snapshot;

use super::*;
use crate::app::{ConversationRow, Origin};

/// A live picker: one recent conversation read before, one known only by id.
fn live_picker() -> App {
    let mut app = App::new(live(), Vec::new());
    let mut rows = vec![
        ConversationRow::of(&conversation(), Origin::Recent),
        ConversationRow::bare("11111111-2222-4333-8444-555555555555", Origin::Recent),
    ];
    rows.extend(
        crate::app::fixture_rows()
            .into_iter()
            .skip(1)
            .take(1)
            .map(|row| ConversationRow {
                origin: Origin::Recent,
                ..row
            }),
    );
    app.update(Msg::Suggestions(rows));
    app
}

#[test]
fn picker_rows_at_80x24() {
    let mut app = picker(Mode::Simulator);
    press(&mut app, &[code(KeyCode::Down)]);
    assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn picker_filtered_by_a_name() {
    let mut app = picker(Mode::Simulator);
    typed(&mut app, "agent mehmet");
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn picker_filtered_to_nothing_at_80x24() {
    let mut app = picker(Mode::Simulator);
    typed(&mut app, "no such name");
    assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn picker_on_a_live_org_lists_its_recent_conversations() {
    let app = live_picker();
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn picker_on_a_live_org_at_80x24() {
    let mut app = live_picker();
    typed(&mut app, "call");
    assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn history_rows_show_their_time_at_80x24() {
    let mut app = accepted(true);
    press(&mut app, &[Key::char('H')]);
    assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn a_history_entry_opened_says_which_it_is() {
    let mut app = accepted(true);
    press(&mut app, &[Key::char('H'), code(KeyCode::Up), enter()]);
    let status = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        status.starts_with("history entry 2 of 3, 17:42:05 UTC: PATCH "),
        "{status}"
    );
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn one_word_that_matches_nothing_says_enter_tries_it_as_an_id() {
    let mut app = picker(Mode::Simulator);
    typed(&mut app, "k-999");
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("Nothing listed matches: Enter tries it as a conversation id"),
        "{screen}"
    );
    assert!(!screen.contains("this is no conversation id"), "{screen}");
}
