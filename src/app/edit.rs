//! The attribute form: prompts for add, edit, rename; delete and revert.

use super::keymap::{Action, Context};
use super::{App, Editing, Effect, Focus, Overlay, Prompt, SendTarget, TextInput};
use crate::payload::RowStatus;

impl App {
    /// The key of the selected row, and whether that row is deleted.
    fn selected_row(&self) -> Option<(String, bool)> {
        let workspace = self.workspace.as_ref()?;
        let row = workspace.edits.rows().get(workspace.row)?;
        Some((row.key.clone(), row.deleted))
    }

    pub(super) fn open_prompt(&mut self, editing: Editing) {
        let text = match &editing {
            // A masked secure value is not put in the field: its dots would
            // tell its length. The field starts empty, and an empty entry
            // keeps the value ([`App::commit_prompt`]); `*` reveals it first
            // to edit it in place.
            Editing::Value { key } if !self.shows_value(key) => String::new(),
            Editing::Value { key } => self
                .workspace
                .as_ref()
                .and_then(|w| w.edits.value(key).map(str::to_owned))
                .unwrap_or_default(),
            Editing::Rename { key } => key.clone(),
            Editing::SaveRecording => self.default_recording_name(),
            // A new search starts empty (the last one is in the status line).
            Editing::NewKey | Editing::Search | Editing::NewValue { .. } => String::new(),
        };
        self.overlay = Some(Overlay::Prompt(Prompt {
            editing,
            input: TextInput::with(&text),
        }));
    }

    /// Opens the prompt that edits the selected row's value.
    pub(super) fn edit_selected(&mut self, rename: bool) {
        let restore = self.keymap.first(Context::Form, Action::Revert);
        let add = self.keymap.first(Context::Form, Action::Add);
        match self.selected_row() {
            Some((key, false)) => self.open_prompt(if rename {
                Editing::Rename { key }
            } else {
                Editing::Value { key }
            }),
            Some((key, true)) => self.set_status(
                format!("`{key}` is deleted: press {restore} to restore it first"),
                true,
            ),
            None => self.set_status(
                format!("no attribute selected: press {add} to add one"),
                true,
            ),
        }
    }

    /// `E`: the selected value, handed to the user's editor. A secure
    /// value is never written to a file for it, revealed or not.
    pub(super) fn edit_in_editor(&mut self) -> Vec<Effect> {
        let edit = self.keymap.first(Context::Form, Action::Edit);
        let restore = self.keymap.first(Context::Form, Action::Revert);
        let add = self.keymap.first(Context::Form, Action::Add);
        let Some(workspace) = self.workspace.as_ref() else {
            return Vec::new();
        };
        if workspace.target == SendTarget::SecureAttributes {
            self.set_status(
                format!(
                    "a secure value is not written to a file for an editor: press {edit} to type it here"
                ),
                true,
            );
            return Vec::new();
        }
        match self.selected_row() {
            Some((key, false)) => {
                let text = workspace.edits.value(&key).unwrap_or_default().to_owned();
                vec![Effect::OpenEditor { key, text }]
            }
            Some((key, true)) => {
                self.set_status(
                    format!("`{key}` is deleted: press {restore} to restore it first"),
                    true,
                );
                Vec::new()
            }
            None => {
                self.set_status(
                    format!("no attribute selected: press {add} to add one"),
                    true,
                );
                Vec::new()
            }
        }
    }

    /// The editor closed: its text becomes the key's new value, unless it is
    /// the value already or the editor gave nothing back.
    pub(super) fn edited(&mut self, key: &str, result: Result<String, String>) {
        let text = match result {
            Ok(text) => text,
            Err(message) => {
                self.set_status(format!("`{key}` unchanged: {message}"), true);
                return;
            }
        };
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        if workspace.edits.value(key) == Some(text.as_str()) {
            self.set_status(
                format!("`{key}` unchanged: the editor saved the same value"),
                false,
            );
            return;
        }
        let result = workspace.edits.set_value(key, &text);
        workspace.refresh();
        if let Some(index) = workspace.edits.row_of(key) {
            workspace.row = index;
        }
        match result {
            Ok(()) => self.set_status(format!("changed `{key}` in the editor"), false),
            Err(error) => self.set_status(error.to_string(), true),
        }
    }

    /// Enter in the prompt.
    pub(super) fn commit_prompt(&mut self) {
        let Some(Overlay::Prompt(prompt)) = self.overlay.take() else {
            return;
        };
        let text = prompt.input.text().to_owned();
        if prompt.editing == Editing::Search {
            self.start_search(&text);
            return;
        }
        // A masked secure value's prompt starts empty ([`App::open_prompt`]).
        let masked = match &prompt.editing {
            Editing::Value { key } => !self.shows_value(key),
            _ => false,
        };
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        // The row to select afterwards: the one whose key was edited.
        let selected_key = match &prompt.editing {
            Editing::NewValue { key } | Editing::Value { key } => key.clone(),
            Editing::Rename { .. } | Editing::NewKey | Editing::Search | Editing::SaveRecording => {
                text.clone()
            }
        };
        let result = match prompt.editing {
            // Handled above, or by its own commit (`App::commit_save_recording`).
            Editing::Search | Editing::SaveRecording => return,
            Editing::NewKey => {
                if workspace.edits.value(&text).is_some() {
                    Err(format!(
                        "attribute `{text}` exists already: edit it, or choose another key"
                    ))
                } else {
                    self.overlay = Some(Overlay::Prompt(Prompt {
                        editing: Editing::NewValue { key: text },
                        input: TextInput::default(),
                    }));
                    return;
                }
            }
            Editing::NewValue { key } => workspace
                .edits
                .add(&key, &text)
                .map(|()| format!("added `{key}`"))
                .map_err(|e| e.to_string()),
            Editing::Value { key } if text.is_empty() && masked => {
                Ok(format!("`{key}` kept: nothing was typed"))
            }
            Editing::Value { key } => workspace
                .edits
                .set_value(&key, &text)
                .map(|()| format!("changed `{key}`"))
                .map_err(|e| e.to_string()),
            Editing::Rename { key } => workspace
                .edits
                .rename(&key, &text)
                .map(|()| format!("renamed `{key}` to `{text}`"))
                .map_err(|e| e.to_string()),
        };
        workspace.refresh();
        if let Some(index) = workspace.edits.row_of(&selected_key) {
            workspace.row = index;
        }
        match result {
            Ok(message) => self.set_status(message, false),
            Err(message) => self.set_status(message, true),
        }
    }

    /// d: delete the selected row.
    pub(super) fn delete_selected(&mut self) {
        let Some((key, deleted)) = self.selected_row() else {
            return;
        };
        if deleted {
            return;
        }
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let result = workspace.edits.delete(&key);
        workspace.refresh();
        match result {
            Ok(()) => {
                let note = if workspace.edits.original().contains_key(&key) {
                    " (a PATCH cannot remove it: see the payload pane)"
                } else {
                    ""
                };
                self.set_status(format!("deleted `{key}`{note}"), false);
            }
            Err(e) => self.set_status(e.to_string(), true),
        }
    }

    /// u: revert the selected row; U: revert all.
    pub(super) fn revert(&mut self, all: bool) {
        let selected = self.selected_row();
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let result = if all {
            workspace.edits.revert_all();
            Ok("reverted every edit".to_owned())
        } else if let Some((key, _)) = selected {
            let origin = workspace
                .edits
                .rows()
                .get(workspace.row)
                .and_then(|r| r.origin.clone());
            let row = workspace.edits.rows().get(workspace.row).cloned();
            let unchanged = row.is_some_and(|r| workspace.edits.status(&r) == RowStatus::Unchanged);
            if unchanged {
                Ok(format!("`{key}` has no edit"))
            } else {
                let lookup = if workspace.edits.rows()[workspace.row].deleted {
                    origin.unwrap_or(key.clone())
                } else {
                    key.clone()
                };
                workspace
                    .edits
                    .revert(&lookup)
                    .map(|()| format!("reverted `{key}`"))
                    .map_err(|e| e.to_string())
            }
        } else {
            Ok(String::new())
        };
        workspace.refresh();
        match result {
            Ok(message) if !message.is_empty() => self.set_status(message, false),
            Ok(_) => {}
            Err(message) => self.set_status(message, true),
        }
    }

    /// Selects another participant, unless edits would be lost.
    pub(super) fn select_participant(&mut self, delta: isize) {
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let count = workspace.conversation.participants.len();
        if count == 0 {
            return;
        }
        let next = workspace
            .participant
            .saturating_add_signed(delta)
            .min(count - 1);
        if next == workspace.participant {
            return;
        }
        if workspace.edits.is_dirty() {
            let revert = self.keymap.first(Context::Form, Action::RevertAll);
            self.set_status(
                format!(
                    "this participant has unsent edits: send them, or revert all ({revert}) first"
                ),
                true,
            );
            return;
        }
        // The conversation moves to the new workspace: the old one, with its
        // copies of the map, is gone before the new one is derived.
        if let Some(old) = self.workspace.take() {
            self.workspace = Some(super::Workspace::new(old.conversation, next));
        }
        self.focus = Focus::Participants;
    }
}

impl App {
    /// Selects the participant with this id (for `--participant`); returns
    /// whether it exists. Does nothing while edits are unsent.
    pub fn select_participant_by_id(&mut self, id: &str) -> bool {
        let Some(workspace) = self.workspace.as_ref() else {
            return false;
        };
        let Some(index) = workspace
            .conversation
            .participants
            .iter()
            .position(|p| p.id.as_deref() == Some(id))
        else {
            self.set_status(
                format!("participant {id} is not in this conversation"),
                true,
            );
            return false;
        };
        if workspace.edits.is_dirty() {
            return false;
        }
        // The conversation moves to the new workspace: the old one, with its
        // copies of the map, is gone before the new one is derived.
        if let Some(old) = self.workspace.take() {
            self.workspace = Some(super::Workspace::new(old.conversation, index));
        }
        self.focus = Focus::Attributes;
        true
    }
}
