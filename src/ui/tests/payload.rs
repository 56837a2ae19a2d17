//! The payload pane's keys as the shell drives them: after each batch of
//! keys the renderer says what fits ([`Msg::Viewport`]), then draws. The
//! verdict comes first, `f` and `F` jump to the findings, PgDn moves a
//! page, and side by side has column headers at every width.

use insta::assert_snapshot;

use super::*;

/// What the shell does before a frame of `width`×`height`.
fn settle(app: &mut App, width: u16, height: u16) {
    let screen = ratatui::layout::Rect::new(0, 0, width, height);
    app.update(Msg::Viewport {
        scroll_limit: crate::ui::scroll_limit(app, screen),
        page: crate::ui::page_length(screen),
        jump: crate::ui::jump_line(app, screen),
    });
}

/// The payload pane's first line inside its border, on a drawn screen.
fn top_line(screen: &str) -> String {
    let row = screen.lines().nth(2).unwrap_or_default();
    row.split('│').nth(3).unwrap_or(row).to_owned()
}

#[test]
fn f_brings_the_findings_heading_to_the_top_at_both_sizes() {
    for (width, height) in [(100, 30), (80, 24)] {
        let mut app = with_lint();
        press(&mut app, &[Key::char('f')]);
        settle(&mut app, width, height);
        let screen = draw(&app, width, height);
        assert!(top_line(&screen).contains("── Lint"), "{screen}");
        assert_snapshot!(format!("f_jumps_to_the_findings_{width}x{height}"), screen);
    }
}

#[test]
fn capital_f_brings_the_selected_rows_finding_to_the_top_at_both_sizes() {
    for (width, height) in [(100, 30), (80, 24)] {
        let mut app = with_lint();
        select(&mut app, " intent");
        press(&mut app, &[Key::char('F')]);
        settle(&mut app, width, height);
        let screen = draw(&app, width, height);
        assert!(
            top_line(&screen).contains("body/key-whitespace"),
            "{screen}"
        );
        assert_snapshot!(
            format!("capital_f_jumps_to_the_rows_finding_{width}x{height}"),
            screen
        );
    }
}

#[test]
fn page_down_moves_a_whole_pane_height_and_tab_away_and_back_keeps_it() {
    for (width, height) in [(100, 30), (80, 24)] {
        let mut app = with_lint();
        press(&mut app, &[code(KeyCode::Tab)]);
        settle(&mut app, width, height);
        press(&mut app, &[code(KeyCode::PageDown)]);
        settle(&mut app, width, height);
        let page = height - 1 - 1 - 2;
        assert_eq!(app.scroll.payload, page, "{width}x{height}");
        let paged = draw(&app, width, height);
        for _ in 0..4 {
            press(&mut app, &[code(KeyCode::Tab)]);
            settle(&mut app, width, height);
        }
        assert_eq!(
            draw(&app, width, height),
            paged,
            "the same place after a round"
        );
        assert_snapshot!(format!("payload_after_page_down_{width}x{height}"), paged);
    }
}

#[test]
fn side_by_side_has_column_headers_at_80x24() {
    let mut app = edited(Mode::Simulator);
    press(&mut app, &[code(KeyCode::Tab), Key::char('v')]);
    // Down to the diff, below the verdict and the note at this size.
    for _ in 0..9 {
        press(&mut app, &[Key::char('j')]);
    }
    settle(&mut app, 80, 24);
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("│PUT-style"), "{screen}");
    assert!(screen.contains("untouched by PATCH"), "{screen}");
    assert_snapshot!(screen);
}
