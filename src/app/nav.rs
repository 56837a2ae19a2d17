//! Routing keys to the part of the screen that has them: the keymap names
//! the action a key has in the contexts the app is in, and each context's
//! handler performs it.

use super::keymap::{Action, Context, Shown, TEXT_EDITING};
use super::{
    App, DiffLayout, Editing, Effect, Flight, Focus, InFlight, Key, Mode, Overlay, SendTarget,
};
use crate::genesys::Attributes;

impl App {
    /// The keymap's contexts the app is in, in lookup order: the open
    /// overlay alone; else the request in flight, the focused pane, and in
    /// a workspace pane the global bindings.
    #[must_use]
    pub fn contexts(&self) -> Vec<Context> {
        let overlay = match &self.overlay {
            Some(Overlay::Help) => Some(Context::Help),
            Some(Overlay::History { .. }) => Some(Context::History),
            Some(Overlay::Dialog(_) | Overlay::BenchConfirm { .. }) => Some(Context::Dialog),
            Some(Overlay::Prompt(_)) => Some(Context::Prompt),
            Some(Overlay::Code { .. }) => Some(Context::Code),
            Some(Overlay::QuitConfirm { .. }) => Some(Context::QuitConfirm),
            Some(Overlay::RevertConfirm { .. }) => Some(Context::RevertConfirm),
            Some(Overlay::Messages { .. }) => Some(Context::Messages),
            None => None,
        };
        if let Some(context) = overlay {
            return vec![context];
        }
        self.pane_contexts()
    }

    /// The contexts of the focused pane, whatever overlay is open (the help
    /// lists their keys first).
    #[must_use]
    pub fn pane_contexts(&self) -> Vec<Context> {
        let mut contexts = Vec::new();
        if self.replay.is_some() {
            return vec![Context::Replay];
        }
        if self.in_flight.is_some() {
            contexts.push(Context::Request);
        }
        match self.focus {
            Focus::Picker if self.workspace.is_some() => contexts.push(Context::Picker),
            Focus::Picker => contexts.push(Context::Start),
            Focus::Participants => contexts.extend([Context::Participants, Context::Global]),
            Focus::Attributes => contexts.extend([Context::Form, Context::Global]),
            Focus::Payload | Focus::Response => contexts.extend([Context::Panes, Context::Global]),
            Focus::Workbench => contexts.push(Context::Workbench),
        }
        contexts
    }

    /// Whether a text field has focus (the picker, the prompt, the live
    /// send dialog's confirmation): typed characters go to it.
    #[must_use]
    pub fn typing(&self) -> bool {
        match &self.overlay {
            Some(Overlay::Prompt(_) | Overlay::BenchConfirm { .. }) => true,
            Some(Overlay::Dialog(_)) => matches!(self.mode, Mode::Live { .. }),
            Some(
                Overlay::Help
                | Overlay::History { .. }
                | Overlay::Code { .. }
                | Overlay::QuitConfirm { .. }
                | Overlay::RevertConfirm { .. }
                | Overlay::Messages { .. },
            ) => false,
            None if self.replay.is_some() => false,
            None => matches!(self.focus, Focus::Picker | Focus::Workbench),
        }
    }

    /// The footer's entries: the keys that act now, most useful first (the
    /// footer drops from the end).
    #[must_use]
    pub fn footer(&self) -> Vec<Shown> {
        let mut shown = self.keymap.footer(&self.contexts(), self.typing());
        // Reveal does something only while secure values are masked.
        if !self.masks_secure() {
            shown.retain(|s| s.label != super::keymap::REVEAL_LABEL);
        }
        // The log is offered while messages are unread, with their count.
        if self.unread == 0 {
            shown.retain(|s| s.label != super::keymap::MESSAGES_LABEL);
        }
        // Zoom is shown while on, with the other way back; the mouse while released.
        if !self.zoomed() {
            shown.retain(|s| s.label != super::keymap::ZOOM_LABEL);
        }
        let back = self.key_for(Context::Panes, Action::Back);
        for entry in shown
            .iter_mut()
            .filter(|s| s.label == super::keymap::ZOOM_LABEL)
        {
            entry.keys = format!("{}/{back}", entry.keys);
        }
        if self.view.mouse {
            shown.retain(|s| s.label != super::keymap::MOUSE_LABEL);
        }
        // The workbench's keys that act on the Request tab only.
        if self.focus == Focus::Workbench && self.overlay.is_none() {
            let request_only: &[&str] = match self.workbench.tab {
                super::BenchTab::Request => &[],
                super::BenchTab::Explain => &["send as is", "apply fix", "finding", "fill ids"],
                super::BenchTab::Check => &["send as is", "apply fix", "fill ids"],
            };
            shown.retain(|s| !request_only.contains(&s.label));
        }
        if self.prompt().is_some() {
            shown.extend(TEXT_EDITING.iter().take(1).map(|(keys, label)| Shown {
                keys: (*keys).to_owned(),
                label,
            }));
        }
        shown
    }

    /// The first key of `action` in `context` as text, for a message that
    /// names the key to press.
    fn key_for(&self, context: Context, action: Action) -> String {
        self.keymap.first(context, action)
    }
}

pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    // `?` on the first screen is help while nothing is typed.
    if key == Key::char('?')
        && app.overlay.is_none()
        && app.focus == Focus::Picker
        && app.picker.text().is_empty()
    {
        app.open_help();
        return Vec::new();
    }
    // Esc on a one-line field with text clears it first.
    if key == Key::plain(super::KeyCode::Esc) && clear_field(app) {
        return Vec::new();
    }
    let typing = app.typing();
    // While a text field has focus, a typed character is text, whatever it
    // is bound to.
    if typing && key.types() {
        type_into(app, key);
        return Vec::new();
    }
    let found = app
        .contexts()
        .into_iter()
        .find_map(|context| app.keymap.action(context, key).map(|a| (context, a)));
    if let Some((context, action)) = found {
        return act(app, context, action);
    }
    if typing {
        type_into(app, key);
    }
    Vec::new()
}

/// Clears the focused one-line field if it holds text (the picker, a
/// prompt, a typed confirmation); whether it did.
fn clear_field(app: &mut App) -> bool {
    let field = match &mut app.overlay {
        Some(Overlay::Prompt(prompt)) => Some(&mut prompt.input),
        Some(Overlay::Dialog(dialog)) => Some(&mut dialog.confirmation),
        Some(Overlay::BenchConfirm { confirmation, .. }) => Some(confirmation),
        None if app.focus == Focus::Picker => Some(&mut app.picker),
        _ => None,
    };
    match field {
        Some(field) if !field.text().is_empty() => {
            *field = super::TextInput::default();
            true
        }
        _ => false,
    }
}

/// A key the bindings leave to the focused text field.
fn type_into(app: &mut App, key: Key) {
    match &mut app.overlay {
        Some(Overlay::Prompt(prompt)) => {
            prompt.input.handle(key);
        }
        Some(Overlay::Dialog(dialog)) => {
            dialog.confirmation.handle(key);
        }
        Some(Overlay::BenchConfirm { confirmation, .. }) => {
            confirmation.handle(key);
        }
        Some(_) => {}
        None if app.focus == Focus::Workbench => super::workbench::type_into(app, key),
        None => {
            app.picker.handle(key);
        }
    }
}

fn act(app: &mut App, context: Context, action: Action) -> Vec<Effect> {
    match context {
        // Zoomed, Esc gives the other panes back before it goes back a pane.
        Context::Participants | Context::Form | Context::Panes
            if action == Action::Back && app.zoomed() =>
        {
            app.view.zoom = false;
        }
        Context::Prompt
            if action == Action::Save
                && app
                    .prompt()
                    .is_some_and(|p| p.editing == Editing::SaveRecording) =>
        {
            return app.commit_save_recording();
        }
        Context::Prompt if action == Action::Save => app.commit_prompt(),
        _ if action == Action::Help && context != Context::Help => app.open_help(),
        Context::Help => match action {
            Action::PageDown | Action::Down => app.help_page = app.help_page.saturating_add(1),
            Action::PageUp | Action::Up => app.help_page = app.help_page.saturating_sub(1),
            _ => app.close_help(),
        },
        // Prompt: cancel.
        Context::Prompt => app.overlay = None,
        _ if action == Action::Messages => app.open_messages(),
        Context::Messages => messages(app, action),
        Context::RevertConfirm => {
            app.overlay = None;
            if action == Action::Confirm {
                app.revert(true);
            } else {
                app.set_status("nothing reverted: the edits are kept", false);
            }
        }
        Context::QuitConfirm if action == Action::Confirm => return app.quit(),
        Context::QuitConfirm => {
            app.overlay = None;
            app.set_status("still here: the edits are kept", false);
        }
        Context::Dialog if matches!(app.overlay, Some(Overlay::BenchConfirm { .. })) => {
            return app.bench_confirm(action);
        }
        Context::Dialog => return super::send::dialog_action(app, action),
        Context::History => return super::send::history_action(app, action),
        Context::Request => {
            if let Some(flight) = &mut app.in_flight {
                flight.cancelling = true;
            }
            return vec![Effect::Cancel];
        }
        Context::Start | Context::Picker => return picker(app, action),
        Context::Global => return global(app, action),
        Context::Participants => participants(app, action),
        Context::Form => return attributes(app, action),
        Context::Panes => return panes(app, action),
        Context::Workbench => return super::workbench::act(app, action),
        Context::Code => return super::send::code_action(app, action),
        Context::Replay => return super::replay::act(app, action),
    }
    Vec::new()
}

fn cycle(app: &mut App, back: bool) {
    // The answer to a workbench send and the workbench take turns.
    if app.focus == Focus::Response && app.response_from_bench() {
        app.focus = Focus::Workbench;
        return;
    }
    if app.focus == Focus::Response && app.response_from_load() {
        app.focus = Focus::Picker;
        return;
    }
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
    app.focus = if app.focus == Focus::Picker {
        Focus::Participants
    } else {
        order[next]
    };
}

/// The bindings every workspace pane shares.
fn global(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => return app.quit_asking(),
        Action::NextPane => cycle(app, false),
        Action::PreviousPane => cycle(app, true),
        Action::Send => return super::send::open_dialog(app),
        Action::History => {
            app.overlay = Some(Overlay::History {
                selected: app.history.len().saturating_sub(1),
            });
        }
        Action::DiffLayout => {
            app.diff_layout = match app.diff_layout {
                DiffLayout::Unified => DiffLayout::SideBySide,
                DiffLayout::SideBySide => DiffLayout::Unified,
            };
        }
        Action::OpenPicker => app.focus = Focus::Picker,
        Action::Reload => return reload(app),
        Action::SecureAttributes => return secure(app),
        Action::ParticipantAttributes => participant_target(app),
        Action::Workbench => app.open_workbench_key(),
        Action::EditInWorkbench => app.edit_in_workbench(),
        Action::CopyCode => super::send::open_code(app),
        Action::SaveRecording => app.open_save_recording(),
        Action::Search => app.open_prompt(Editing::Search),
        Action::SearchNext => app.search_step(true),
        Action::SearchPrevious => app.search_step(false),
        Action::Zoom => app.toggle_zoom(),
        Action::Wrap => app.toggle_wrap(),
        Action::Mouse => return app.toggle_mouse(),
        Action::JumpFindings => app.jump_to_findings(),
        Action::JumpFinding => app.jump_to_row_finding(),
        _ => {}
    }
    Vec::new()
}

/// Why the workspace may not be replaced now, if it may not.
fn busy_or_dirty(app: &App) -> Option<String> {
    if app.in_flight.is_some() {
        let cancel = app.key_for(Context::Request, Action::CancelRequest);
        return Some(format!(
            "a request is in flight: wait, or {cancel} to cancel it"
        ));
    }
    let revert = app.key_for(Context::Form, Action::RevertAll);
    app.workspace
        .as_ref()
        .filter(|w| w.edits.is_dirty())
        .map(|_| format!("unsent edits: send them, or revert all ({revert}), first"))
}

fn reload(app: &mut App) -> Vec<Effect> {
    if app.sent_unseen() && app.in_flight.is_none() {
        return super::send::reread_again(app);
    }
    read_conversation(app, |id| {
        (
            Flight::Load,
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
            Flight::LoadSecure,
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
    effect: impl FnOnce(String) -> (Flight, String, Effect),
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
    let (flight, label, effect) = effect(id);
    app.in_flight = Some(InFlight::new(flight, label));
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
        let revert = app.keymap.first(Context::Form, Action::RevertAll);
        app.set_status(
            format!("unsent secure-attribute edits: send them, or revert all ({revert}), first"),
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

fn picker(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Load => return load_typed(app),
        Action::Up => app.move_picker(-1),
        Action::Down => app.move_picker(1),
        Action::Back | Action::NextPane | Action::PreviousPane if app.workspace.is_some() => {
            app.focus = Focus::Participants;
        }
        Action::Quit => return app.quit(),
        Action::Workbench => app.open_workbench_key(),
        Action::History => {
            app.overlay = Some(Overlay::History {
                selected: app.history.len().saturating_sub(1),
            });
        }
        _ => {}
    }
    Vec::new()
}

/// Opens the typed id (or the one in a pasted URL), else the selected row
/// of those the field's words filter.
fn load_typed(app: &mut App) -> Vec<Effect> {
    let typed = app.picker.text().trim().to_owned();
    let query = app.picker_query();
    let chosen = match &query {
        super::Query::Id(id) => Some(id.clone()),
        super::Query::Empty => app.picker_selected().map(|row| row.id.clone()),
        super::Query::Words(_) => app
            .picker_selected()
            .map(|row| row.id.clone())
            .or_else(|| crate::usecase::extract_id(&typed)),
    };
    if let Some(reason) = busy_or_dirty(app) {
        let back = app.key_for(Context::Picker, Action::Back);
        app.set_status(
            format!("{reason} ({back} goes back to the conversation)"),
            true,
        );
        return Vec::new();
    }
    let Some(id) = chosen else {
        let text = if query == super::Query::Empty {
            "no conversation to open: type or paste an id or a Genesys URL".to_owned()
        } else {
            format!(
                "no conversation listed matches `{typed}`, and it holds no conversation id (a UUID such as 3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a)"
            )
        };
        app.set_status(text, true);
        return Vec::new();
    };
    app.in_flight = Some(InFlight::new(
        Flight::Load,
        format!("GET conversation {id}"),
    ));
    app.picker = super::TextInput::default();
    vec![Effect::Load {
        conversation_id: id,
    }]
}

fn participants(app: &mut App, action: Action) {
    match action {
        Action::Up => app.select_participant(-1),
        Action::Down => app.select_participant(1),
        Action::Forward => app.focus = Focus::Attributes,
        Action::Back => app.focus = Focus::Picker,
        _ => {}
    }
}

fn attributes(app: &mut App, action: Action) -> Vec<Effect> {
    let rows = app.workspace.as_ref().map_or(0, |w| w.edits.rows().len());
    match action {
        // A revealed value is masked again as soon as the selection moves.
        Action::Up => {
            if let Some(w) = app.workspace.as_mut() {
                w.row = w.row.saturating_sub(1);
                w.revealed = None;
            }
        }
        Action::Down => {
            if let Some(w) = app.workspace.as_mut() {
                w.row = (w.row + 1).min(rows.saturating_sub(1));
                w.revealed = None;
            }
        }
        Action::Reveal => reveal(app),
        Action::Add => app.open_prompt(Editing::NewKey),
        Action::Edit => app.edit_selected(false),
        Action::EditInEditor => return app.edit_in_editor(),
        Action::Rename => app.edit_selected(true),
        Action::Delete => app.delete_selected(),
        Action::Revert => app.revert(false),
        // Every edit is a lot to lose: asked first.
        Action::RevertAll => match app.unsent_edits() {
            0 => app.set_status("no edit to revert", false),
            edits => app.overlay = Some(Overlay::RevertConfirm { edits }),
        },
        Action::Back => app.focus = Focus::Participants,
        Action::Forward => app.focus = Focus::Payload,
        _ => {}
    }
    Vec::new()
}

/// Reveals the selected secure value, or masks it again.
fn reveal(app: &mut App) {
    if !app.masks_secure() {
        let why = if app.show_secure {
            "secure values are shown: show_secure is on"
        } else {
            "only secure attribute values are masked"
        };
        app.set_status(why, false);
        return;
    }
    let again = app.key_for(Context::Form, Action::Reveal);
    let was_revealed = app.revealed().is_some();
    let Some(workspace) = app.workspace.as_mut() else {
        return;
    };
    let Some(key) = workspace
        .edits
        .rows()
        .get(workspace.row)
        .map(|r| r.key.clone())
    else {
        return;
    };
    let status = if was_revealed {
        workspace.revealed = None;
        format!("masked `{key}`")
    } else {
        workspace.revealed = Some(key.clone());
        format!("revealed `{key}` while it is selected ({again} masks it)")
    };
    app.set_status(status, false);
}

fn panes(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up => app.scroll_by(-1),
        Action::Down => app.scroll_by(1),
        Action::PageUp => app.scroll_page(-1),
        Action::PageDown => app.scroll_page(1),
        Action::Top => app.scroll_end(false),
        Action::Bottom => app.scroll_end(true),
        Action::CopyCorrelation => return super::send::copy_correlation(app),
        Action::CopyCurl => return super::send::copy_curl(app, None),
        // The answer to a workbench send goes back to the workbench.
        Action::Back if app.focus == Focus::Response && app.response_from_bench() => {
            app.focus = Focus::Workbench;
        }
        Action::Back if app.focus == Focus::Response && app.response_from_load() => {
            app.focus = Focus::Picker;
        }
        Action::Back => app.focus = Focus::Attributes,
        _ => {}
    }
    Vec::new()
}

/// A key in the message log.
fn messages(app: &mut App, action: Action) {
    let Some(Overlay::Messages { scroll }) = app.overlay else {
        return;
    };
    app.overlay = match action {
        Action::Up => Some(Overlay::Messages {
            scroll: scroll.saturating_sub(1),
        }),
        Action::Down => Some(Overlay::Messages {
            scroll: scroll.saturating_add(1),
        }),
        _ => None,
    };
}
