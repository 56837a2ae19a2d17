//! One remapped key, `send = "x"`, changes the handling, the footer and the
//! help overlay together: all three read the app's one keymap.

use super::*;
use crate::app::Keymap;
use crate::app::keymap::Remap;

fn footer(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

#[test]
fn a_remapped_send_key_changes_handling_footer_and_help_together() {
    let mut app = loaded(Mode::Simulator);
    let before = draw(&app, 100, 30);
    assert!(footer(&before).contains(" s send "), "{before}");

    let (keymap, problems) = Keymap::with_remaps(&[Remap {
        action: "send".into(),
        keys: vec!["x".into()],
        origin: "config.toml:2:1".into(),
    }]);
    assert!(problems.is_empty(), "{problems:?}");
    app.keymap = keymap;

    let screen = draw(&app, 100, 30);
    let line = footer(&screen);
    assert!(
        line.contains(" x send ") && !line.contains(" s send "),
        "{line}"
    );

    press(&mut app, &[Key::char('?')]);
    let help = draw(&app, 100, 30);
    assert!(
        help.contains("x send…") && !help.contains("s send…"),
        "{help}"
    );

    press(&mut app, &[code(KeyCode::Esc), Key::char('s')]);
    assert!(app.dialog().is_none(), "s no longer opens the dialog");
    press(&mut app, &[Key::char('x')]);
    assert!(app.dialog().is_some(), "x opens it");
    let dialog = draw(&app, 100, 30);
    assert!(footer(&dialog).contains("Enter send"), "{dialog}");
}
