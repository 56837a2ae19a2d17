//! The picker's list: the conversations offered (this target's recent ones,
//! then the simulator's fixtures), each a [`ConversationRow`] that says what
//! it is; what the field holds filters them (over id, media and names, any
//! case), and the selection stays on a row that is shown.

use super::{App, Effect};
pub use crate::usecase::summary::{ConversationRow, Origin};

/// What the picker's field holds, as the list reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Nothing: every row is listed.
    Empty,
    /// A conversation id, a UUID (typed, or inside a pasted URL): Enter
    /// opens it; only its row is listed, if it is offered.
    Id(String),
    /// Words that filter the rows. When none is listed, Enter opens the
    /// text as an id if it can be one (a simulator's own id such as `c-1`).
    Words(String),
}

impl App {
    /// What the picker's field holds.
    #[must_use]
    pub fn picker_query(&self) -> Query {
        let typed = self.picker.text().trim();
        if typed.is_empty() {
            Query::Empty
        } else if let Some(id) =
            crate::usecase::extract_id(typed).filter(|id| crate::lint::is_uuid(id))
        {
            Query::Id(id.to_ascii_lowercase())
        } else {
            Query::Words(typed.to_owned())
        }
    }

    /// The rows the picker lists now, in order.
    #[must_use]
    pub fn picker_rows(&self) -> Vec<&ConversationRow> {
        match self.picker_query() {
            Query::Empty => self.suggestions.iter().collect(),
            Query::Id(id) => self.suggestions.iter().filter(|r| r.id == id).collect(),
            Query::Words(words) => self
                .suggestions
                .iter()
                .filter(|r| r.matches(&words))
                .collect(),
        }
    }

    /// The selected row of those listed, if any is listed.
    #[must_use]
    pub fn picker_selected(&self) -> Option<&ConversationRow> {
        self.picker_rows().get(self.picker_row).copied()
    }

    /// Moves the picker's selection by `delta` rows within those listed.
    pub(super) fn move_picker(&mut self, delta: isize) {
        let last = self.picker_rows().len().saturating_sub(1);
        self.picker_row = self.picker_row.saturating_add_signed(delta).min(last);
    }

    /// Runs `change` (a key, a paste); when it changed the picker's field,
    /// the selection stays on the row it was on if that row is still listed,
    /// else goes to the first one listed.
    pub(super) fn keeping_pick(
        &mut self,
        change: impl FnOnce(&mut App) -> Vec<Effect>,
    ) -> Vec<Effect> {
        let text = self.picker.text().to_owned();
        let picked = self.picker_selected().map(|r| r.id.clone());
        let effects = change(self);
        if self.picker.text() != text {
            self.picker_row = picked
                .and_then(|id| self.picker_rows().iter().position(|r| r.id == id))
                .unwrap_or(0);
        }
        effects
    }

    /// Adds rows after those offered; a row already offered only fills in
    /// what its read showed, when it knew only its id.
    pub(super) fn offer(&mut self, rows: Vec<ConversationRow>) {
        for row in rows {
            match self.suggestions.iter_mut().find(|s| s.id == row.id) {
                Some(known) if known.details.is_none() => known.details = row.details,
                Some(_) => {}
                None => self.suggestions.push(row),
            }
        }
    }

    /// A conversation just loaded goes first, as a recent one, selected;
    /// the field is empty after a load, so every row is listed.
    pub(super) fn offer_loaded(&mut self, conversation: &crate::genesys::Conversation, id: &str) {
        let mut row = ConversationRow::of(conversation, Origin::Recent);
        if row.id.is_empty() {
            id.clone_into(&mut row.id);
        }
        self.suggestions.retain(|s| !s.id.eq_ignore_ascii_case(id));
        self.suggestions.insert(0, row);
        self.picker_row = 0;
    }
}
