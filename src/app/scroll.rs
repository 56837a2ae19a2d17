//! The scroll of the payload and response panes: each keeps its own, so
//! that focus can leave a pane and come back to the same place; a page is
//! what the renderer last said fits; `f` and `F` jump the payload pane to
//! the findings, or to the selected row's finding, at the line the renderer
//! finds for them.

use super::{App, Focus};

/// How many lines a page is until the renderer has said ([`super::Msg::Viewport`]).
pub const DEFAULT_PAGE: u16 = 10;

/// Each pane's scroll, in lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// The payload pane's.
    pub payload: u16,
    /// The response pane's.
    pub response: u16,
}

/// Where the payload pane is to scroll to, once the renderer has found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Jump {
    /// The findings' heading.
    Findings,
    /// The first finding about this attribute key.
    Finding(String),
}

impl App {
    /// Whether the right-hand column shows the response (else the payload).
    fn shows_response(&self) -> bool {
        self.focus == Focus::Response
    }

    /// The scroll of the pane the right-hand column shows.
    #[must_use]
    pub fn shown_scroll(&self) -> u16 {
        if self.shows_response() {
            self.scroll.response
        } else {
            self.scroll.payload
        }
    }

    fn shown_scroll_mut(&mut self) -> &mut u16 {
        if self.shows_response() {
            &mut self.scroll.response
        } else {
            &mut self.scroll.payload
        }
    }

    /// Moves the shown pane by `lines` (negative: up); the next viewport
    /// clamps it to what can be shown.
    pub(super) fn scroll_by(&mut self, lines: i32) {
        let scroll = self.shown_scroll_mut();
        let moved = i32::from(*scroll).saturating_add(lines);
        *scroll = u16::try_from(moved.max(0)).unwrap_or(u16::MAX);
    }

    /// A page, up (`-1`) or down (`1`).
    pub(super) fn scroll_page(&mut self, direction: i32) {
        self.scroll_by(direction * i32::from(self.page.max(1)));
    }

    /// The top (`false`) or the bottom (`true`) of the shown pane.
    pub(super) fn scroll_end(&mut self, bottom: bool) {
        *self.shown_scroll_mut() = if bottom { u16::MAX } else { 0 };
    }

    /// `f`: the payload pane at its findings.
    pub(super) fn jump_to_findings(&mut self) {
        if self.workspace.is_none() {
            return;
        }
        self.focus = Focus::Payload;
        self.jump = Some(Jump::Findings);
    }

    /// `F`: the payload pane at the first finding about the form's
    /// selected key, or a status saying it has none.
    pub(super) fn jump_to_row_finding(&mut self) {
        let Some(workspace) = self.workspace.as_ref() else {
            return;
        };
        let Some(key) = workspace
            .edits
            .rows()
            .get(workspace.row)
            .map(|row| row.key.clone())
        else {
            self.set_status("no row selected: the form is empty", false);
            return;
        };
        if !workspace.derived.by_key.contains_key(&key) {
            self.set_status(format!("`{key}` has no finding"), false);
            return;
        }
        self.focus = Focus::Payload;
        self.jump = Some(Jump::Finding(key));
    }

    /// What the renderer says of the screen: the largest useful scroll of
    /// the shown pane, the lines a page holds, and the line of the pending
    /// jump (if one is pending and found).
    pub(super) fn viewport(&mut self, scroll_limit: u16, page: u16, jump: Option<u16>) {
        self.page = page.max(1);
        if self.jump.take().is_some() {
            if let Some(line) = jump {
                self.scroll.payload = line;
            }
        }
        let scroll = self.shown_scroll_mut();
        *scroll = (*scroll).min(scroll_limit);
    }
}
