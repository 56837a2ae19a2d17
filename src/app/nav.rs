//! Routing keys to the part of the screen that has them.

use super::{App, DiffLayout, Editing, Effect, Focus, InFlight, Key, KeyCode, Overlay, SendTarget};
use crate::genesys::Attributes;

/// How many lines PageUp/PageDown scroll.
const PAGE: u16 = 10;

pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    match &mut app.overlay {
        Some(Overlay::Help) => {
            if matches!(
                key.code,
                KeyCode::Esc | KeyCode::Char('q' | '?') | KeyCode::F(1)
            ) {
                app.overlay = None;
            }
            return Vec::new();
        }
        Some(Overlay::Prompt(prompt)) => {
            match key.code {
                KeyCode::Esc => app.overlay = None,
                KeyCode::Enter => app.commit_prompt(),
                _ => {
                    prompt.input.handle(key);
                }
            }
            return Vec::new();
        }
        Some(Overlay::Dialog(_)) => return super::send::dialog_key(app, key),
        Some(Overlay::History { .. }) => return super::send::history_key(app, key),
        None => {}
    }
    if app.in_flight.is_some() && key.code == KeyCode::Esc {
        if let Some(flight) = &mut app.in_flight {
            flight.cancelling = true;
        }
        return vec![Effect::Cancel];
    }
    if key.code == KeyCode::F(1) || (key.code == KeyCode::Char('?') && app.focus != Focus::Picker) {
        app.overlay = Some(Overlay::Help);
        return Vec::new();
    }
    match app.focus {
        Focus::Picker => picker(app, key),
        Focus::Participants => participants(app, key),
        Focus::Attributes => attributes(app, key),
        Focus::Payload | Focus::Response => panes(app, key),
    }
}

fn cycle(app: &mut App, back: bool) {
    if app.workspace.is_none() {
        return;
    }
    let order = [
        Focus::Participants,
        Focus::Attributes,
        Focus::Payload,
        Focus::Response,
    ];
    let at = order.iter().position(|f| *f == app.focus).unwrap_or(0);
    let next = if back {
        (at + order.len() - 1) % order.len()
    } else {
        (at + 1) % order.len()
    };
    app.focus = order[next];
    app.scroll = 0;
}

/// Keys every workspace pane shares; `None` when the key is not one of them.
fn common(app: &mut App, key: Key) -> Option<Vec<Effect>> {
    match key.code {
        KeyCode::Tab => cycle(app, false),
        KeyCode::BackTab => cycle(app, true),
        KeyCode::Char('s') if !key.ctrl => return Some(super::send::open_dialog(app)),
        KeyCode::Char('H') => {
            app.overlay = Some(Overlay::History {
                selected: app.history.len().saturating_sub(1),
            });
        }
        KeyCode::Char('v') => {
            app.diff_layout = match app.diff_layout {
                DiffLayout::Unified => DiffLayout::SideBySide,
                DiffLayout::SideBySide => DiffLayout::Unified,
            };
        }
        KeyCode::Char('o') => app.focus = Focus::Picker,
        KeyCode::Char('R') => return Some(reload(app)),
        KeyCode::Char('S') => return Some(secure(app)),
        KeyCode::Char('P') => participant_target(app),
        _ => return None,
    }
    Some(Vec::new())
}

/// Why the workspace may not be replaced now, if it may not.
fn busy_or_dirty(app: &App) -> Option<&'static str> {
    if app.in_flight.is_some() {
        return Some("a request is in flight: wait, or Esc to cancel it");
    }
    app.workspace
        .as_ref()
        .filter(|w| w.edits.is_dirty())
        .map(|_| "unsent edits: send them, or revert all (U), first")
}

fn reload(app: &mut App) -> Vec<Effect> {
    read_conversation(app, |id| {
        (
            format!("GET conversation {id}"),
            Effect::Load {
                conversation_id: id,
            },
        )
    })
}

fn secure(app: &mut App) -> Vec<Effect> {
    read_conversation(app, |id| {
        (
            "GET secureattributes".to_owned(),
            Effect::LoadSecure {
                conversation_id: id,
            },
        )
    })
}

/// Starts a read of the loaded conversation (`effect` gets its id), unless a
/// request is in flight or unsent edits would be replaced.
fn read_conversation(
    app: &mut App,
    effect: impl FnOnce(String) -> (String, Effect),
) -> Vec<Effect> {
    if let Some(reason) = busy_or_dirty(app) {
        app.set_status(reason, true);
        return Vec::new();
    }
    let Some(id) = app
        .workspace
        .as_ref()
        .and_then(|w| w.conversation.id.clone())
    else {
        return Vec::new();
    };
    let (label, effect) = effect(id);
    app.in_flight = Some(InFlight {
        label,
        ticks: 0,
        cancelling: false,
    });
    vec![effect]
}

fn participant_target(app: &mut App) {
    let Some(workspace) = app.workspace.as_mut() else {
        return;
    };
    if workspace.target == SendTarget::ParticipantAttributes {
        return;
    }
    if workspace.edits.is_dirty() {
        app.set_status(
            "unsent secure-attribute edits: send them, or revert all (U), first",
            true,
        );
        return;
    }
    let attributes: Attributes = workspace
        .selected()
        .and_then(|p| p.attributes.clone())
        .unwrap_or_default();
    workspace.set_target(SendTarget::ParticipantAttributes, attributes);
    app.set_status("editing participant attributes again", false);
}

fn picker(app: &mut App, key: Key) -> Vec<Effect> {
    match key.code {
        KeyCode::Enter => {
            let typed = app.picker.text().trim().to_owned();
            let chosen = if typed.is_empty() {
                app.suggestions.get(app.picker_row).cloned()
            } else {
                extract_id(&typed)
            };
            if let Some(reason) = busy_or_dirty(app) {
                app.set_status(
                    format!("{reason} (Esc goes back to the conversation)"),
                    true,
                );
                return Vec::new();
            }
            let Some(id) = chosen else {
                app.set_status(
                    format!("`{typed}` holds no conversation id (a UUID such as 3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a)"),
                    true,
                );
                return Vec::new();
            };
            app.in_flight = Some(InFlight {
                label: format!("GET conversation {id}"),
                ticks: 0,
                cancelling: false,
            });
            app.picker = super::TextInput::default();
            vec![Effect::Load {
                conversation_id: id,
            }]
        }
        KeyCode::Up => {
            app.picker_row = app.picker_row.saturating_sub(1);
            Vec::new()
        }
        KeyCode::Down => {
            app.picker_row = (app.picker_row + 1).min(app.suggestions.len().saturating_sub(1));
            Vec::new()
        }
        KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab if app.workspace.is_some() => {
            app.focus = Focus::Participants;
            Vec::new()
        }
        KeyCode::Esc => app.quit(),
        _ => {
            app.picker.handle(key);
            Vec::new()
        }
    }
}

/// The conversation id in typed or pasted text: a bare id, or a Genesys URL
/// that contains one. A conversation id is the first UUID in the text.
#[must_use]
pub fn extract_id(text: &str) -> Option<String> {
    let is_hex = |c: char| c.is_ascii_hexdigit();
    text.split(|c: char| !(is_hex(c) || c == '-'))
        .find(|part| crate::lint::is_uuid(part))
        .map(str::to_ascii_lowercase)
        .or_else(|| {
            let plain = text.trim();
            (!plain.is_empty() && !plain.contains(['/', ' ', '?', '#'])).then(|| plain.to_owned())
        })
}

fn participants(app: &mut App, key: Key) -> Vec<Effect> {
    if let Some(effects) = common(app, key) {
        return effects;
    }
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => app.select_participant(-1),
        KeyCode::Down | KeyCode::Char('j') => app.select_participant(1),
        KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => app.focus = Focus::Attributes,
        KeyCode::Esc | KeyCode::Char('q') => app.focus = Focus::Picker,
        _ => {}
    }
    Vec::new()
}

fn attributes(app: &mut App, key: Key) -> Vec<Effect> {
    if let Some(effects) = common(app, key) {
        return effects;
    }
    let rows = app.workspace.as_ref().map_or(0, |w| w.edits.rows().len());
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => {
            if let Some(w) = app.workspace.as_mut() {
                w.row = w.row.saturating_sub(1);
            }
        }
        KeyCode::Down | KeyCode::Char('j') => {
            if let Some(w) = app.workspace.as_mut() {
                w.row = (w.row + 1).min(rows.saturating_sub(1));
            }
        }
        KeyCode::Char('a') => app.open_prompt(Editing::NewKey),
        KeyCode::Enter | KeyCode::Char('e') => app.edit_selected(false),
        KeyCode::Char('r') => app.edit_selected(true),
        KeyCode::Char('d') | KeyCode::Delete => app.delete_selected(),
        KeyCode::Char('u') => app.revert(false),
        KeyCode::Char('U') => app.revert(true),
        KeyCode::Esc | KeyCode::Left | KeyCode::Char('h' | 'q') => app.focus = Focus::Participants,
        KeyCode::Right | KeyCode::Char('l') => app.focus = Focus::Payload,
        _ => {}
    }
    Vec::new()
}

fn panes(app: &mut App, key: Key) -> Vec<Effect> {
    if let Some(effects) = common(app, key) {
        return effects;
    }
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => app.scroll = app.scroll.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => app.scroll = app.scroll.saturating_add(1),
        KeyCode::PageUp => app.scroll = app.scroll.saturating_sub(PAGE),
        KeyCode::PageDown => app.scroll = app.scroll.saturating_add(PAGE),
        KeyCode::Home => app.scroll = 0,
        KeyCode::Char('c') => return super::send::copy_correlation(app),
        KeyCode::Char('C') => return super::send::copy_curl(app, None),
        KeyCode::Esc | KeyCode::Left | KeyCode::Char('h' | 'q') => app.focus = Focus::Attributes,
        _ => {}
    }
    Vec::new()
}
