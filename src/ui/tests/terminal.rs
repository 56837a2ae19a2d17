//! What every terminal draws the same: under `NO_COLOR` the screen has no
//! colour at all, and what colour alone told (which pane has the keys, which
//! row is selected) shows by reverse video; a character with variation
//! selector 16 is drawn without it.

use ratatui::style::{Color, Modifier};

use super::*;

fn buffer(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| super::super::render(frame, app))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The cells of the first occurrence of `text` on the screen.
fn cells_of<'a>(buffer: &'a Buffer, text: &str) -> Vec<&'a ratatui::buffer::Cell> {
    let width = usize::from(buffer.area.width);
    let screen = screen(buffer);
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains(text))
        .unwrap_or_else(|| panic!("`{text}` is not on the screen:\n{screen}"));
    let column = line[..line.find(text).unwrap()].chars().count();
    (column..column + text.chars().count())
        .map(|x| &buffer.content[row * width + x])
        .collect()
}

fn reversed(cells: &[&ratatui::buffer::Cell]) -> bool {
    cells
        .iter()
        .all(|c| c.modifier.contains(Modifier::REVERSED))
}

#[test]
fn without_colour_no_cell_has_a_colour_and_the_focused_pane_title_is_reversed() {
    let mut app = loaded(Mode::Simulator);
    app.colour = false;
    for focus_key in [None, Some(Key::plain(KeyCode::Tab))] {
        if let Some(key) = focus_key {
            press(&mut app, &[key]);
        }
        let buffer = buffer(&app, 100, 30);
        assert!(
            buffer
                .content
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
            "a colour is left"
        );
        let conversation = reversed(&cells_of(&buffer, " Conversation "));
        let attributes = reversed(&cells_of(&buffer, " Participant attributes"));
        assert_ne!(
            conversation, attributes,
            "exactly one of the two panes shows focus (focus {:?})",
            app.focus
        );
        // The selected row of the focused table is reversed too.
        if conversation {
            assert!(reversed(&cells_of(&buffer, "Yamada Taro      connected")));
        }
    }
}

#[test]
fn with_colour_focus_is_coloured_and_nothing_is_reversed() {
    let app = loaded(Mode::Simulator);
    let buffer = buffer(&app, 100, 30);
    assert!(!reversed(&cells_of(&buffer, " Conversation ")));
    assert!(buffer.content.iter().any(|c| c.fg != Color::Reset));
}

#[test]
fn a_character_with_variation_selector_16_is_drawn_one_cell_wide_in_the_two_cells_it_was_given() {
    let mut app = loaded(Mode::Simulator);
    press(&mut app, &[Key::plain(KeyCode::Tab), Key::char('a')]);
    typed(&mut app, "warn");
    press(&mut app, &[enter()]);
    typed(&mut app, "⚠\u{FE0F} check ⚠\u{FE0F} twice");
    press(&mut app, &[enter()]);
    let buffer = buffer(&app, 100, 30);
    assert!(
        !buffer
            .content
            .iter()
            .any(|c| c.symbol().contains('\u{FE0F}')),
        "no cell keeps the selector"
    );
    let screen = screen(&buffer);
    // The selector's cell stays, blank: the row keeps its width in any terminal.
    assert!(screen.contains("⚠  check ⚠  twice"), "{screen}");
}
