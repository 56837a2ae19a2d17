//! Zoom, wrapping and the mouse: keys and mouse events in, view state and
//! effects out.

use super::*;

fn esc() -> Key {
    Key::plain(KeyCode::Esc)
}

fn footer_has(app: &App, keys: &str, label: &str) -> bool {
    app.footer()
        .iter()
        .any(|s| s.keys == keys && s.label == label)
}

fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    app.update(Msg::Mouse(Mouse {
        column,
        row,
        kind: MouseKind::Click,
    }))
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let kind = if down {
        MouseKind::WheelDown
    } else {
        MouseKind::WheelUp
    };
    app.update(Msg::Mouse(Mouse { column, row, kind }));
}

fn area(x: u16, y: u16, width: u16, height: u16) -> Area {
    Area {
        x,
        y,
        width,
        height,
    }
}

/// A screen of three panes: participants at the top left (rows from y 4),
/// the form below (rows from y 12, the list scrolled to its third row),
/// the payload on the right with its tabs.
fn layout() -> Layout {
    Layout {
        panes: vec![
            PaneAt {
                pane: Focus::Payload,
                area: area(45, 1, 9, 1),
                list: None,
            },
            PaneAt {
                pane: Focus::Response,
                area: area(55, 1, 10, 1),
                list: None,
            },
            PaneAt {
                pane: Focus::Payload,
                area: area(44, 1, 56, 28),
                list: None,
            },
            PaneAt {
                pane: Focus::Participants,
                area: area(0, 1, 44, 9),
                list: Some(ListAt {
                    top: 4,
                    first: 0,
                    shown: 4,
                }),
            },
            PaneAt {
                pane: Focus::Attributes,
                area: area(0, 10, 44, 19),
                list: Some(ListAt {
                    top: 12,
                    first: 2,
                    shown: 6,
                }),
            },
        ],
    }
}

#[test]
fn z_zooms_the_focused_pane_z_or_esc_gives_the_others_back_and_the_footer_says_so() {
    let mut app = loaded(Mode::Simulator);
    assert!(!app.zoomed());
    assert!(
        !footer_has(&app, "z/Esc", "zoom off"),
        "not offered unzoomed"
    );
    keys(&mut app, &[Key::char('z')]);
    assert!(app.zoomed());
    assert!(footer_has(&app, "z/Esc", "zoom off"), "{:?}", app.footer());
    keys(&mut app, &[Key::char('z')]);
    assert!(!app.zoomed());
    // Esc: out of the zoom first, then back a pane as ever.
    keys(&mut app, &[Key::char('z'), esc()]);
    assert!(!app.zoomed());
    assert_eq!(app.focus, Focus::Attributes, "Esc only gave the panes back");
    keys(&mut app, &[esc()]);
    assert_eq!(app.focus, Focus::Participants);
    // Zoomed, Tab shows the next pane zoomed; the picker is never zoomed.
    keys(&mut app, &[Key::char('z'), Key::plain(KeyCode::Tab)]);
    assert_eq!(app.focus, Focus::Attributes);
    assert!(app.zoomed());
    keys(&mut app, &[Key::char('o')]);
    assert_eq!(app.focus, Focus::Picker);
    assert!(!app.zoomed());
}

#[test]
fn w_cuts_long_lines_and_wraps_them_again_saying_which() {
    let mut app = loaded(Mode::Simulator);
    assert!(app.view.wrap, "wrapped by default");
    keys(&mut app, &[Key::char('w')]);
    assert!(!app.view.wrap);
    let status = app.status.clone().unwrap().text;
    assert!(
        status.contains("cut") && status.contains("w wraps"),
        "{status}"
    );
    keys(&mut app, &[Key::char('w')]);
    assert!(app.view.wrap);
    assert!(app.status.clone().unwrap().text.contains("↪"));
}

#[test]
fn m_releases_the_mouse_and_takes_it_back_through_the_shell() {
    let mut app = loaded(Mode::Simulator);
    assert!(app.view.mouse, "captured at start");
    assert!(!footer_has(&app, "m", "take the mouse"));
    assert_eq!(
        keys(&mut app, &[Key::char('m')]),
        [Effect::CaptureMouse(false)]
    );
    assert!(!app.view.mouse);
    let status = app.status.clone().unwrap().text;
    assert!(
        status.contains("released") && status.contains("m takes"),
        "{status}"
    );
    assert!(
        footer_has(&app, "m", "take the mouse"),
        "{:?}",
        app.footer()
    );
    // Released, a stray event changes nothing.
    app.update(Msg::Layout(layout()));
    click(&mut app, 10, 5);
    assert_eq!(app.focus, Focus::Attributes);
    assert_eq!(
        keys(&mut app, &[Key::char('m')]),
        [Effect::CaptureMouse(true)]
    );
    assert!(app.view.mouse);
    assert!(!footer_has(&app, "m", "take the mouse"));
}

#[test]
fn a_click_focuses_the_pane_under_it_and_selects_the_row_it_is_on() {
    let mut app = loaded(Mode::Simulator);
    app.update(Msg::Layout(layout()));
    // The form's list starts at its third row on screen row 12.
    click(&mut app, 10, 14);
    assert_eq!(app.focus, Focus::Attributes);
    assert_eq!(workspace(&app).row, 4);
    // Below the last row shown, or on the header: focus only.
    click(&mut app, 10, 11);
    assert_eq!(workspace(&app).row, 4);
    // The participants: the third one.
    click(&mut app, 10, 6);
    assert_eq!(app.focus, Focus::Participants);
    assert_eq!(workspace(&app).participant, 2);
    // The payload, then its Response tab.
    click(&mut app, 70, 10);
    assert_eq!(app.focus, Focus::Payload);
    click(&mut app, 58, 1);
    assert_eq!(app.focus, Focus::Response);
    click(&mut app, 46, 1);
    assert_eq!(app.focus, Focus::Payload);
    // Outside every pane (the footer): nothing.
    click(&mut app, 10, 29);
    assert_eq!(app.focus, Focus::Payload);
}

#[test]
fn a_click_on_another_participant_keeps_unsent_edits_as_a_key_would() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('d')]);
    app.update(Msg::Layout(layout()));
    click(&mut app, 10, 6);
    assert_eq!(workspace(&app).participant, 0, "not switched");
    assert!(app.status.clone().unwrap().error);
}

#[test]
fn the_wheel_scrolls_the_pane_under_it_and_leaves_the_keys_where_they_are() {
    let mut app = loaded(Mode::Simulator);
    app.update(Msg::Layout(layout()));
    wheel(&mut app, 70, 10, true);
    wheel(&mut app, 70, 10, true);
    assert_eq!(app.scroll.payload, 2 * crate::app::view::WHEEL_LINES);
    wheel(&mut app, 70, 10, false);
    assert_eq!(app.scroll.payload, crate::app::view::WHEEL_LINES);
    assert_eq!(app.focus, Focus::Attributes);
    // Over the form, a row a notch.
    wheel(&mut app, 10, 15, true);
    assert_eq!(workspace(&app).row, 1);
    // Over the participants, the next one; the form keeps the keys.
    wheel(&mut app, 10, 5, true);
    assert_eq!(workspace(&app).participant, 1);
    assert_eq!(app.focus, Focus::Attributes);
}

#[test]
fn under_an_overlay_the_mouse_does_nothing() {
    let mut app = loaded(Mode::Simulator);
    app.update(Msg::Layout(layout()));
    keys(&mut app, &[Key::char('?')]);
    click(&mut app, 70, 10);
    wheel(&mut app, 70, 10, true);
    assert!(app.help_open());
    assert_eq!(app.focus, Focus::Attributes);
    assert_eq!(app.scroll, crate::app::Scroll::default());
}
