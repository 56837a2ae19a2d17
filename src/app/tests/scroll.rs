//! The payload and response panes: a page is what the renderer says fits,
//! Home/End and g/G go to either end, each pane keeps its own scroll, and
//! f/F jump the payload pane to the findings or the selected row's finding.

use super::*;
use crate::app::Jump;

fn viewport(app: &mut App, scroll_limit: u16, page: u16, jump: Option<u16>) {
    app.update(Msg::Viewport {
        scroll_limit,
        page,
        jump,
    });
}

fn payload(mode: Mode) -> App {
    let mut app = loaded(mode);
    keys(&mut app, &[Key::plain(KeyCode::Tab)]);
    assert_eq!(app.focus, Focus::Payload);
    app
}

#[test]
fn page_down_and_up_move_by_the_page_the_renderer_said() {
    let mut app = payload(Mode::Simulator);
    viewport(&mut app, 200, 23, None);
    keys(&mut app, &[Key::plain(KeyCode::PageDown)]);
    assert_eq!(app.scroll.payload, 23);
    keys(&mut app, &[Key::plain(KeyCode::PageDown)]);
    assert_eq!(app.scroll.payload, 46);
    keys(&mut app, &[Key::plain(KeyCode::PageUp)]);
    assert_eq!(app.scroll.payload, 23);
    viewport(&mut app, 200, 7, None);
    keys(&mut app, &[Key::plain(KeyCode::PageUp)]);
    assert_eq!(app.scroll.payload, 16);
}

#[test]
fn end_and_capital_g_go_to_the_bottom_home_and_g_to_the_top() {
    let mut app = payload(Mode::Simulator);
    for (bottom, top) in [
        (Key::plain(KeyCode::End), Key::plain(KeyCode::Home)),
        (Key::char('G'), Key::char('g')),
    ] {
        keys(&mut app, &[bottom]);
        viewport(&mut app, 40, 20, None);
        assert_eq!(app.scroll.payload, 40, "{bottom}: the last full page");
        keys(&mut app, &[Key::char('k')]);
        assert_eq!(app.scroll.payload, 39, "one line up from the bottom");
        keys(&mut app, &[top]);
        assert_eq!(app.scroll.payload, 0, "{top}");
    }
}

#[test]
fn each_pane_keeps_its_scroll_when_focus_leaves_and_comes_back() {
    let mut app = payload(Mode::Simulator);
    app.response = Some(crate::app::ResponseView::of(exchange(200, "{}"), false));
    keys(&mut app, &[Key::char('j'), Key::char('j'), Key::char('j')]);
    keys(&mut app, &[Key::plain(KeyCode::Tab)]);
    assert_eq!(app.focus, Focus::Response);
    keys(&mut app, &[Key::char('j')]);
    assert_eq!((app.scroll.payload, app.scroll.response), (3, 1));
    // Round the panes and back to the payload.
    for _ in 0..3 {
        keys(&mut app, &[Key::plain(KeyCode::Tab)]);
    }
    assert_eq!(app.focus, Focus::Payload);
    assert_eq!(app.shown_scroll(), 3, "the payload pane where it was left");
    keys(&mut app, &[Key::plain(KeyCode::Tab)]);
    assert_eq!(app.shown_scroll(), 1, "the response pane where it was left");
    // A viewport clamps the shown pane only.
    viewport(&mut app, 0, 20, None);
    assert_eq!((app.scroll.payload, app.scroll.response), (3, 0));
}

#[test]
fn f_jumps_the_payload_pane_to_the_findings_from_any_pane() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('f')]);
    assert_eq!(app.focus, Focus::Payload);
    assert_eq!(app.jump, Some(Jump::Findings));
    viewport(&mut app, 90, 20, Some(57));
    assert_eq!(app.scroll.payload, 57);
    assert_eq!(app.jump, None, "done once");
    keys(&mut app, &[Key::char('j')]);
    viewport(&mut app, 90, 20, Some(57));
    assert_eq!(app.scroll.payload, 58, "no jump pending: the scroll stays");
    // A line past the end goes as far as the pane scrolls.
    keys(&mut app, &[Key::char('f')]);
    viewport(&mut app, 30, 20, Some(57));
    assert_eq!(app.scroll.payload, 30);
}

#[test]
fn capital_f_jumps_to_the_selected_rows_finding_or_says_it_has_none() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('F')]);
    let status = app.status.clone().map(|s| s.text).unwrap_or_default();
    assert!(status.ends_with("has no finding"), "{status}");
    assert_eq!((app.focus, app.jump.as_ref()), (Focus::Attributes, None));
    // A key with white space around it is a finding.
    keys(&mut app, &[Key::char('a')]);
    typed(&mut app, " intent");
    keys(&mut app, &[enter()]);
    typed(&mut app, "refund");
    keys(&mut app, &[enter()]);
    let w = workspace(&app);
    assert_eq!(
        w.edits.rows()[w.row].key,
        " intent",
        "the new row is selected"
    );
    keys(&mut app, &[Key::char('F')]);
    assert_eq!(app.focus, Focus::Payload);
    assert_eq!(app.jump, Some(Jump::Finding(" intent".to_owned())));
    viewport(&mut app, 200, 20, Some(81));
    assert_eq!(app.scroll.payload, 81);
}
