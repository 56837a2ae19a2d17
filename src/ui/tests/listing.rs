//! The payload pane lists at most `LISTED_PER_RULE` findings per rule and
//! request, then says how many more, in the words the CLI prints.

use super::*;
use crate::lint::{LISTED_PER_RULE, Unlisted};
use crate::usecase::words::unlisted_line;

/// The call loaded, then 25 keys with a leading space added in the form.
fn with_25_stray_spaces() -> App {
    let mut app = loaded(Mode::Simulator);
    press(&mut app, &[enter()]);
    for i in 0..25 {
        press(&mut app, &[Key::char('a')]);
        typed(&mut app, &format!(" pad{i:02}"));
        press(&mut app, &[enter()]);
        typed(&mut app, "x");
        press(&mut app, &[enter()]);
    }
    press(&mut app, &[code(KeyCode::Tab)]);
    app
}

#[test]
fn the_payload_pane_lists_20_stray_space_findings_per_request_and_counts_5_more() {
    let app = with_25_stray_spaces();
    let derived = &app.workspace.as_ref().unwrap().derived;
    assert_eq!(derived.patch.findings.len(), 25);
    assert!(
        (0..25).all(|i| derived.by_key.contains_key(&format!(" pad{i:02}"))),
        "every row keeps its own finding, listed or not"
    );
    let screen = draw(&app, 100, 1_200);
    let more = unlisted_line(&Unlisted {
        rule: "body/key-whitespace",
        count: 25 - LISTED_PER_RULE,
    });
    assert_eq!(more, "… and 5 more of body/key-whitespace");
    for verb in ["PATCH", "PUT-style"] {
        let line = format!("{verb} {more}");
        assert_eq!(
            screen.lines().filter(|l| l.contains(&line)).count(),
            1,
            "{line}\n{screen}"
        );
        let listed = screen
            .lines()
            .filter(|l| l.contains(&format!("{verb} ! WARNING  body/key-whitespace")))
            .count();
        assert_eq!(listed, LISTED_PER_RULE, "{verb}\n{screen}");
    }
    // Each request's corrected body is drawn once; the other findings name it.
    assert_eq!(
        screen.matches("→ fixed body: the same as above").count(),
        2 * (LISTED_PER_RULE - 1),
        "{screen}"
    );
}
