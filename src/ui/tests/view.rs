//! Zoom, wrapping and the mouse on screen: snapshots at 100×30 and 80×24,
//! and the layout the mouse reads agrees with what is drawn.

use insta::assert_snapshot;
use ratatui::layout::Rect;

use super::*;
use crate::app::{Focus, Mouse, MouseKind};

const SIZES: [(u16, u16); 2] = [(100, 30), (80, 24)];

fn zoomed_payload() -> App {
    let mut app = edited(Mode::Simulator);
    press(&mut app, &[code(KeyCode::Tab), Key::char('z')]);
    assert!(app.zoomed());
    app
}

#[test]
fn the_zoomed_payload_takes_the_whole_body() {
    let app = zoomed_payload();
    for (width, height) in SIZES {
        let screen = draw(&app, width, height);
        assert!(!screen.contains("Conversation"), "{screen}");
        assert!(screen.contains("z/Esc zoom off"), "{screen}");
        assert_snapshot!(format!("zoomed_payload_{width}x{height}"), screen);
    }
}

#[test]
fn the_zoomed_form_takes_the_whole_body() {
    let mut app = edited(Mode::Simulator);
    press(&mut app, &[Key::char('z')]);
    for (width, height) in SIZES {
        let screen = draw(&app, width, height);
        assert!(!screen.contains("Payload"), "{screen}");
        assert_snapshot!(format!("zoomed_form_{width}x{height}"), screen);
    }
}

#[test]
fn cut_lines_end_with_an_ellipsis_and_wrapped_ones_continue_with_a_marker() {
    let mut app = edited(Mode::Simulator);
    press(&mut app, &[code(KeyCode::Tab)]);
    let wrapped = draw(&app, 100, 30);
    assert!(wrapped.contains("↪ duplicate charge"), "{wrapped}");
    press(&mut app, &[Key::char('w')]);
    assert!(!app.view.wrap);
    for (width, height) in SIZES {
        let screen = draw(&app, width, height);
        assert!(screen.contains("\"caseSummary\": \"Customer"), "{screen}");
        assert!(!screen.contains("↪ duplicate"), "{screen}");
        assert_snapshot!(format!("payload_lines_cut_{width}x{height}"), screen);
    }
}

#[test]
fn the_wrapped_response_body_marks_its_continuations() {
    let mut app = rejected();
    scroll_to(&mut app, "── Body", 0);
    for (width, height) in SIZES {
        let screen = draw(&app, width, height);
        assert!(screen.contains('↪'), "{screen}");
        assert_snapshot!(format!("response_body_wrapped_{width}x{height}"), screen);
    }
}

#[test]
fn a_released_mouse_is_offered_back_in_the_footer() {
    let mut app = loaded(Mode::Simulator);
    press(&mut app, &[Key::char('m')]);
    assert!(draw(&app, 100, 30).contains("m takes the mouse back"));
    // Once the status has gone, the footer still says it.
    press(&mut app, &[Key::char('j')]);
    for (width, height) in SIZES {
        let screen = draw(&app, width, height);
        assert!(screen.contains("m take the mouse"), "{screen}");
        assert_snapshot!(format!("mouse_released_{width}x{height}"), screen);
    }
}

/// The row of the first line on screen holding `needle` in the left
/// column, if one does.
fn row_of(app: &App, width: u16, height: u16, needle: &str) -> Option<u16> {
    let screen = draw(app, width, height);
    let half = usize::from(width) * 45 / 100;
    let row = screen
        .lines()
        .position(|l| l.chars().take(half).collect::<String>().contains(needle))?;
    u16::try_from(row).ok()
}

fn click_on(app: &mut App, width: u16, height: u16, column: u16, row: u16) {
    let layout = crate::ui::layout(app, Rect::new(0, 0, width, height));
    app.update(Msg::Layout(layout));
    app.update(Msg::Mouse(Mouse {
        column,
        row,
        kind: MouseKind::Click,
    }));
}

#[test]
fn a_click_on_a_drawn_row_selects_that_row_at_every_size() {
    for (width, height) in [(100, 30), (80, 24), (60, 16), (120, 50)] {
        let mut app = loaded(Mode::Simulator);
        // The form's rows, top to bottom, as drawn.
        let count = app.workspace.as_ref().unwrap().edits.rows().len();
        for index in (0..count).rev() {
            let key = app.workspace.as_ref().unwrap().edits.rows()[index]
                .key
                .clone();
            let Some(row) = draw(&app, width, height)
                .lines()
                .position(|l| l.contains(&format!(" {key} ")))
            else {
                continue;
            };
            click_on(&mut app, width, height, 8, u16::try_from(row).unwrap());
            assert_eq!(app.focus, Focus::Attributes, "{width}x{height}");
            assert_eq!(
                app.workspace.as_ref().unwrap().row,
                index,
                "{width}x{height}: clicked `{key}`"
            );
        }
        // A participant, where the table has room for more than one.
        if let Some(row) = row_of(&app, width, height, "Jana Müller") {
            click_on(&mut app, width, height, 5, row);
            assert_eq!(app.focus, Focus::Participants, "{width}x{height}");
            assert_eq!(app.workspace.as_ref().unwrap().participant, 3);
        } else {
            assert_eq!((width, height), (60, 16), "four participants show");
        }
    }
}

#[test]
fn a_click_selects_a_row_of_the_zoomed_form_and_the_tab_shows_the_response() {
    let mut app = loaded(Mode::Simulator);
    press(&mut app, &[enter(), Key::char('z')]);
    let row = row_of(&app, 100, 30, "sentiment").unwrap();
    click_on(&mut app, 100, 30, 40, row);
    let workspace = app.workspace.as_ref().unwrap();
    assert_eq!(workspace.edits.rows()[workspace.row].key, "sentiment");
    for (width, height) in SIZES {
        assert_snapshot!(
            format!("zoomed_form_clicked_{width}x{height}"),
            draw(&app, width, height)
        );
    }
    // Zoomed on the payload, its Response tab.
    press(&mut app, &[code(KeyCode::Tab)]);
    assert_eq!(app.focus, Focus::Payload);
    click_on(&mut app, 100, 30, 14, 1);
    assert_eq!(app.focus, Focus::Response);
    assert!(app.zoomed());
}

#[test]
fn under_an_overlay_or_on_the_picker_no_pane_is_clickable() {
    let mut app = loaded(Mode::Simulator);
    let screen = Rect::new(0, 0, 100, 30);
    assert!(!crate::ui::layout(&app, screen).panes.is_empty());
    press(&mut app, &[Key::char('?')]);
    assert!(crate::ui::layout(&app, screen).panes.is_empty());
    press(&mut app, &[code(KeyCode::Esc), Key::char('o')]);
    assert!(crate::ui::layout(&app, screen).panes.is_empty());
}
