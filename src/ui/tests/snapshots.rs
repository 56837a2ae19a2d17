//! One snapshot per meaningful state, at 100×30 unless named otherwise.

use insta::assert_snapshot;

use super::*;

#[test]
fn picker_lists_recent_and_simulator_conversations() {
    let mut app = picker(Mode::Simulator);
    press(&mut app, &[code(KeyCode::Down)]);
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn conversation_view_with_participants_focused() {
    let app = loaded(Mode::Simulator);
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn form_while_editing_a_value() {
    let mut app = loaded(Mode::Simulator);
    press(&mut app, &[enter()]);
    select(&mut app, "customerName");
    press(
        &mut app,
        &[Key::char('e'), code(KeyCode::Left), code(KeyCode::Left)],
    );
    typed(&mut app, "様");
    assert!(app.prompt().is_some());
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn payload_diff_with_a_deletion() {
    let mut app = edited(Mode::Simulator);
    press(&mut app, &[code(KeyCode::Tab)]);
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn payload_diff_side_by_side() {
    let mut app = edited(Mode::Simulator);
    press(&mut app, &[code(KeyCode::Tab), Key::char('v')]);
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn lint_findings_in_the_payload_pane() {
    let mut app = with_lint();
    // Select the new row, so that the form shows its findings too.
    select(&mut app, " intent");
    press(&mut app, &[code(KeyCode::Tab)]);
    scroll_to(&mut app, "── Lint", 0);
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn send_confirmation_for_a_live_org() {
    let mut app = edited(live());
    press(&mut app, &[Key::char('s')]);
    typed(&mut app, "ye");
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn accepted_202_with_the_observed_diff() {
    let app = accepted(true);
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn rejected_400_with_nested_errors() {
    let mut app = rejected();
    let top = draw(&app, 100, 30);
    assert!(
        top.contains("400 Bad Request") && top.contains("── Decoded errors"),
        "{top}"
    );
    // Scrolled to the nested errors, the end of the top-level one still in view.
    scroll_to(&mut app, "└ invalid.value", 3);
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn rate_limited_429_with_the_retry_hint() {
    let app = rate_limited();
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn history_of_this_run() {
    let mut app = accepted(true);
    press(&mut app, &[Key::char('H')]);
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn help_lists_keys_by_pane() {
    let mut app = loaded(Mode::Simulator);
    press(&mut app, &[Key::char('?')]);
    assert!(app.help_open());
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn too_small_notice() {
    let app = loaded(Mode::Simulator);
    assert_snapshot!(draw(&app, 20, 5));
}

#[test]
fn workspace_at_80x24() {
    let app = edited(Mode::Simulator);
    assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn help_at_80x24() {
    let mut app = edited(Mode::Simulator);
    press(&mut app, &[Key::char('?')]);
    assert_snapshot!(draw(&app, 80, 24));
    // The rest of the keys on the next page.
    press(&mut app, &[code(KeyCode::PageDown)]);
    assert_eq!(app.help_page, 1);
    assert_snapshot!("help_at_80x24_page_2", draw(&app, 80, 24));
}

#[test]
fn live_send_confirmation_at_80x24() {
    let mut app = edited(live());
    press(&mut app, &[Key::char('s')]);
    assert_snapshot!(draw(&app, 80, 24));
}

#[test]
fn the_code_picker_over_the_form() {
    let mut app = edited(Mode::Simulator);
    press(&mut app, &[Key::char('y'), code(KeyCode::Down)]);
    assert_snapshot!(draw(&app, 100, 30));
}

#[test]
fn the_empty_key_is_shown_as_two_quotes() {
    assert_eq!(crate::ui::form::shown_key(""), "\"\"");
    assert_eq!(crate::ui::form::shown_key(" a"), "␣a");
}
