//! Long maps: the form and the payload pane format only the rows on screen;
//! what they draw is what drawing every line and scrolling would show.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::*;
use crate::app::{DiffLayout, Focus};

/// The call loaded with 151 attributes, the form focused, and every kind of
/// edit: changed values (long ones, one with spaces), deletions, additions
/// and a rename.
fn long() -> App {
    let mut conversation = conversation();
    let attributes = conversation.participants[0].attributes.as_mut().unwrap();
    attributes.clear();
    for i in 0..150 {
        attributes.insert(format!("attribute{i:03}"), format!("value {i}"));
    }
    // Unchanged and last: the PATCH body's last line (no comma) differs from
    // the PUT-style body's, so that the diff has changed lines that wrap.
    attributes.insert("zzz final".into(), "unchanged".into());
    let mut app = picker(Mode::Simulator);
    app.update(Msg::Loaded {
        id: id(),
        result: Ok(conversation),
        exchange: None,
    });
    press(&mut app, &[enter()]);
    let workspace = app.workspace.as_mut().unwrap();
    let edits = &mut workspace.edits;
    for i in (0..150).step_by(9) {
        edits
            .set_value(&format!("attribute{i:03}"), &format!("value {i} changed"))
            .unwrap();
    }
    edits
        .set_value("attribute010", &"long value ".repeat(30))
        .unwrap();
    edits.set_value("attribute011", &"x".repeat(200)).unwrap();
    for i in [3, 50, 51, 149] {
        edits.delete(&format!("attribute{i:03}")).unwrap();
    }
    edits.add("added", "new").unwrap();
    edits.add("zz last", &"y".repeat(120)).unwrap();
    edits.rename("attribute100", "renamed").unwrap();
    workspace.refresh();
    assert_eq!(app.focus, Focus::Attributes);
    app
}

/// The cells of `area` in a buffer, as text and style.
fn cells(buffer: &Buffer, area: Rect) -> Vec<String> {
    let mut out = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            out.push(format!(
                "{}{:?}{:?}{:?}",
                cell.symbol(),
                cell.fg,
                cell.bg,
                cell.modifier
            ));
        }
    }
    out
}

#[test]
fn the_payload_pane_draws_the_window_of_its_whole_text() {
    let (width, height) = (100, 30);
    let mut app = long();
    press(&mut app, &[code(KeyCode::Tab)]);
    assert_eq!(app.focus, Focus::Payload);
    for (layout, wrap) in [
        (DiffLayout::Unified, true),
        (DiffLayout::SideBySide, true),
        (DiffLayout::Unified, false),
        (DiffLayout::SideBySide, false),
    ] {
        app.diff_layout = layout;
        app.view.wrap = wrap;
        let [_, body, _] = crate::ui::rows(Rect::new(0, 0, width, height));
        let [_, right] = crate::ui::columns(body);
        let inner = Block::bordered().inner(right);
        let workspace = app.workspace.as_ref().unwrap();
        let shape = &crate::ui::form::measures(workspace).diff;
        assert!(
            !shape.wrapping.is_empty() && !shape.pair_wrapping.is_empty(),
            "some diff rows wrap: {shape:?}"
        );
        let all = crate::ui::payload::lines(&app, workspace, usize::from(inner.width));
        assert!(all.len() > 400, "a long pane: {} lines", all.len());
        let last = all.len() - usize::from(inner.height);
        for offset in [0, 1, 2, 7, 30, 151, 160, 200, 333, last - 1, last] {
            app.scroll.payload = u16::try_from(offset).unwrap();
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal
                .draw(|frame| crate::ui::render(frame, &app))
                .unwrap();
            let mut expected = Buffer::empty(inner);
            Paragraph::new(all.clone())
                .scroll((app.scroll.payload, 0))
                .render(inner, &mut expected);
            assert_eq!(
                cells(terminal.backend().buffer(), inner),
                cells(&expected, inner),
                "{layout:?} (wrap {wrap}) at line {offset}"
            );
        }
    }
}

#[test]
fn the_form_keeps_the_selected_row_in_view_down_a_long_map() {
    let mut app = long();
    let count = app.workspace.as_ref().unwrap().edits.rows().len();
    for row in 0..count {
        let workspace = app.workspace.as_ref().unwrap();
        // A renamed row's cell starts with its old key.
        let edit_row = &workspace.edits.rows()[row];
        let key = crate::ui::form::shown_key(edit_row.origin.as_ref().unwrap_or(&edit_row.key));
        let screen = draw(&app, 100, 30);
        let selected = screen
            .lines()
            .rfind(|l| l.contains('▶'))
            .unwrap_or_else(|| panic!("no selected row at {row}:\n{screen}"));
        assert!(selected.contains(&key), "row {row} `{key}`:\n{screen}");
        press(&mut app, &[code(KeyCode::Down)]);
    }
}
