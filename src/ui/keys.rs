//! The key bindings as the footer and the help overlay list them. They mirror
//! `app::nav` (and the dialog and history handlers in `app::send`): when a
//! binding changes there, change it here.

use crate::app::{App, Focus, Mode};

/// A key (or keys) and what it does.
pub type Binding = (&'static str, &'static str);

/// The help overlay's groups, in order.
pub const HELP: &[(&str, &[Binding])] = &[
    (
        "Global",
        &[
            ("Ctrl-C", "quit"),
            ("F1 ?", "help"),
            ("Tab Shift-Tab", "next / previous pane"),
            ("s", "send…"),
            ("H", "history"),
            ("v", "diff layout"),
            ("o", "open a conversation"),
            ("R", "reload"),
            ("S", "secure attributes (PUT + PATCH)"),
            ("P", "participant attributes"),
            ("Esc", "cancel a request in flight"),
        ],
    ),
    (
        "Picker",
        &[
            ("type, paste", "an id or a Genesys URL"),
            ("↑ ↓", "choose"),
            ("Enter", "open"),
            ("Esc Tab", "back to the conversation"),
            ("Esc", "quit, if none is open"),
        ],
    ),
    (
        "Participants",
        &[
            ("↑ ↓ j k", "select"),
            ("Enter → l", "its attributes"),
            ("Esc q", "picker"),
        ],
    ),
    (
        "Attribute form",
        &[
            ("↑ ↓ j k", "select"),
            ("a", "add"),
            ("e Enter", "edit value"),
            ("r", "rename key"),
            ("d Del", "delete"),
            ("u U", "revert row / all"),
            ("→ l", "payload"),
            ("Esc ← h q", "participants"),
        ],
    ),
    (
        "Payload and response",
        &[
            ("↑ ↓ j k", "scroll"),
            ("PgUp PgDn", "page"),
            ("Home", "top"),
            ("c", "copy correlation id"),
            ("C", "copy curl"),
            ("Esc ← h q", "form"),
        ],
    ),
    (
        "Send dialog",
        &[
            ("← →", "PATCH / PUT"),
            ("↑ ↓", "route"),
            ("Enter", "send (live: type yes first)"),
            ("Esc", "cancel"),
        ],
    ),
    (
        "History",
        &[
            ("↑ ↓ j k", "select"),
            ("Enter", "open"),
            ("r", "re-send"),
            ("C", "copy curl"),
            ("Esc q H", "close"),
        ],
    ),
    (
        "Text fields",
        &[
            ("← → Home End", "move"),
            ("Ctrl-A Ctrl-E", "start / end"),
            ("Ctrl-U", "delete to start"),
            ("Enter Esc", "save / cancel"),
        ],
    ),
];

/// The keys that act now, most useful first (the footer drops from the end).
#[must_use]
pub fn footer(app: &App) -> Vec<Binding> {
    if app.help_open() {
        return vec![("Esc", "close help")];
    }
    if app.prompt().is_some() {
        return vec![
            ("Enter", "save"),
            ("Esc", "cancel"),
            ("←→", "move"),
            ("Ctrl-U", "clear to start"),
        ];
    }
    if app.dialog().is_some() {
        let enter = if matches!(app.mode, Mode::Live { .. }) {
            ("yes Enter", "send")
        } else {
            ("Enter", "send")
        };
        return vec![enter, ("Esc", "cancel"), ("←→", "verb"), ("↑↓", "route")];
    }
    if app.history_selected().is_some() {
        return vec![
            ("Enter", "open"),
            ("r", "re-send"),
            ("C", "copy curl"),
            ("Esc", "close"),
            ("↑↓", "select"),
        ];
    }
    let mut keys = Vec::new();
    if app.in_flight.is_some() {
        keys.push(("Esc", "cancel request"));
    }
    let workspace = app.workspace.is_some();
    match app.focus {
        _ if !workspace => keys.extend([
            ("Enter", "open"),
            ("↑↓", "choose"),
            ("F1", "help"),
            ("Esc", "quit"),
        ]),
        Focus::Picker => keys.extend([
            ("Enter", "open"),
            ("↑↓", "choose"),
            ("Esc", "back"),
            ("F1", "help"),
        ]),
        Focus::Participants => keys.extend([
            ("↑↓", "select"),
            ("Enter", "attributes"),
            ("s", "send"),
            ("S", "secure attrs"),
            ("H", "history"),
            ("Tab", "pane"),
            ("o", "open"),
            ("?", "help"),
        ]),
        Focus::Attributes => keys.extend([
            ("a", "add"),
            ("e", "edit"),
            ("r", "rename"),
            ("d", "delete"),
            ("u/U", "revert"),
            ("s", "send"),
            ("Tab", "pane"),
            ("?", "help"),
        ]),
        Focus::Payload => keys.extend([
            ("j/k", "scroll"),
            ("v", "diff layout"),
            ("s", "send"),
            ("PgUp/PgDn", "page"),
            ("Tab", "pane"),
            ("?", "help"),
        ]),
        Focus::Response => keys.extend([
            ("j/k", "scroll"),
            ("c", "copy id"),
            ("C", "curl"),
            ("H", "history"),
            ("s", "send"),
            ("Tab", "pane"),
            ("?", "help"),
        ]),
    }
    keys
}
