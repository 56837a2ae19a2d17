//! The search: its prompt names the pane, and the focused pane shows each
//! match reversed.

use insta::assert_snapshot;
use ratatui::style::Modifier;

use super::*;

/// The cells drawn reversed in columns `xs`, row by row, as text.
fn reversed(app: &App, width: u16, height: u16, xs: std::ops::Range<u16>) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| super::super::render(frame, app))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            xs.clone()
                .filter(|&x| buffer[(x, y)].modifier.contains(Modifier::REVERSED))
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

#[test]
fn the_search_prompt_names_the_pane_it_searches() {
    let mut app = loaded(Mode::Simulator);
    press(&mut app, &[enter(), Key::char('/')]);
    typed(&mut app, "billing");
    assert_snapshot!(draw(&app, 100, 30));
    assert_snapshot!("search_prompt_at_80x24", draw(&app, 80, 24));
}

#[test]
fn each_match_in_the_focused_pane_is_reversed_and_nowhere_else() {
    let mut app = loaded(Mode::Simulator);
    press(&mut app, &[enter(), Key::char('/')]);
    typed(&mut app, "DISPUTE");
    press(&mut app, &[enter()]);
    // The left column (45 of 100), and the right one, where the payload
    // pane's own tab is drawn reversed as its title.
    let marked = reversed(&app, 100, 30, 0..45);
    assert!(
        reversed(&app, 100, 30, 45..100)
            .iter()
            .all(|row| !row.to_lowercase().contains("dispute")),
        "the payload is not searched"
    );
    assert!(!marked.is_empty(), "the form shows matches");
    // The selected row is reversed whole under NO_COLOR only; in colour,
    // what is reversed is the matches.
    for row in &marked {
        assert!(
            row.to_lowercase().split("dispute").all(str::is_empty),
            "only the text searched for: {row:?}"
        );
    }
    // Every line of the form that shows it is marked.
    let screen = draw(&app, 100, 30);
    let in_form = screen
        .lines()
        .filter(|l| l.split("││").next().unwrap_or("").contains("dispute"))
        .count();
    assert_eq!(marked.len(), in_form, "{screen}");
    assert_snapshot!(screen);
}
