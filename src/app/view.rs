//! How the workspace is looked at: the focused pane zoomed to the whole
//! body, long body and response lines wrapped or cut, and the mouse. A
//! captured mouse focuses the pane it clicks and selects the row under it,
//! and its wheel scrolls the pane under it; released, the terminal's own
//! text selection works. The app knows where the panes are from the
//! [`Layout`] the shell reads off the renderer ([`Msg::Layout`](super::Msg)).

use super::keymap::{Action, Context};
use super::{App, Effect, Focus};

/// Lines the wheel scrolls a text pane per notch.
pub const WHEEL_LINES: u16 = 3;

/// How the workspace is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewOptions {
    /// The focused workspace pane takes the whole body (see [`App::zoomed`]).
    pub zoom: bool,
    /// Long body and response lines wrap (on by default: the body about to
    /// be sent is read whole); off, they are cut to one line with `…`.
    pub wrap: bool,
    /// The mouse is captured (on by default); off, the terminal has it.
    pub mouse: bool,
}

impl Default for ViewOptions {
    fn default() -> Self {
        Self {
            zoom: false,
            wrap: true,
            mouse: true,
        }
    }
}

/// A mouse event, as the shell translates the terminal's: cells from the
/// screen's top-left corner (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    /// The column.
    pub column: u16,
    /// The row.
    pub row: u16,
    /// What happened there.
    pub kind: MouseKind,
}

/// What the mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    /// The left button went down.
    Click,
    /// The wheel turned away from the user (scroll up).
    WheelUp,
    /// The wheel turned towards the user (scroll down).
    WheelDown,
}

/// A rectangle of screen cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Area {
    /// Left column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

impl Area {
    /// Whether the cell at `column`, `row` is inside.
    #[must_use]
    pub fn contains(self, column: u16, row: u16) -> bool {
        column >= self.x
            && row >= self.y
            && u32::from(column) < u32::from(self.x) + u32::from(self.width)
            && u32::from(row) < u32::from(self.y) + u32::from(self.height)
    }
}

/// A pane on the screen, or a part of one that means a pane (a tab).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneAt {
    /// The pane a click there focuses.
    pub pane: Focus,
    /// Where it is.
    pub area: Area,
    /// Its list of rows, for a pane that selects one (participants, form).
    pub list: Option<ListAt>,
}

/// Where a pane's list rows are: one row a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListAt {
    /// The screen row of the first row shown.
    pub top: u16,
    /// The index of the first row shown.
    pub first: usize,
    /// How many rows are shown.
    pub shown: usize,
}

impl ListAt {
    /// The index of the row drawn on screen row `row`, if one is.
    #[must_use]
    pub fn index(self, row: u16) -> Option<usize> {
        let offset = usize::from(row.checked_sub(self.top)?);
        (offset < self.shown).then_some(self.first + offset)
    }
}

/// Where the panes of the screen on show are; the first that holds a cell
/// is the one there (a tab before the pane it sits on).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The panes, tabs first.
    pub panes: Vec<PaneAt>,
}

impl Layout {
    /// The pane at a cell, if any.
    #[must_use]
    pub fn at(&self, column: u16, row: u16) -> Option<&PaneAt> {
        self.panes.iter().find(|p| p.area.contains(column, row))
    }
}

impl App {
    /// Whether the focused pane takes the whole body: zoom is on and a
    /// workspace pane has the keys.
    #[must_use]
    pub fn zoomed(&self) -> bool {
        self.view.zoom
            && matches!(
                self.focus,
                Focus::Participants | Focus::Attributes | Focus::Payload | Focus::Response
            )
    }

    /// `z`: the focused pane takes the whole body, or gives it back.
    pub(super) fn toggle_zoom(&mut self) {
        self.view.zoom = !self.zoomed();
    }

    /// `w`: long body and response lines wrap, or are cut with `…`.
    pub(super) fn toggle_wrap(&mut self) {
        self.view.wrap = !self.view.wrap;
        let key = self.keymap.first(Context::Global, Action::Wrap);
        let text = if self.view.wrap {
            format!("long lines wrap, each continuation marked ↪; {key} cuts them to one line")
        } else {
            format!("long lines are cut to one line with …; {key} wraps them whole")
        };
        self.set_status(text, false);
    }

    /// `m`: the mouse is given to the terminal (its text selection works),
    /// or taken back; the shell does it.
    pub(super) fn toggle_mouse(&mut self) -> Vec<Effect> {
        self.view.mouse = !self.view.mouse;
        let key = self.keymap.first(Context::Global, Action::Mouse);
        let text = if self.view.mouse {
            format!(
                "mouse on: a click focuses a pane and selects a row, the wheel scrolls; {key} releases it"
            )
        } else {
            format!("mouse released: the terminal selects text; {key} takes the mouse back")
        };
        self.set_status(text, false);
        vec![Effect::CaptureMouse(self.view.mouse)]
    }

    /// A click or a turn of the wheel, on the panes of [`App::layout`].
    /// Over an overlay, the picker or the workbench it does nothing.
    pub(super) fn mouse_event(&mut self, mouse: Mouse) -> Vec<Effect> {
        if self.overlay.is_some() || !self.view.mouse {
            return Vec::new();
        }
        // The replay has one pane that scrolls: the wheel scrolls it.
        if self.replay.is_some() {
            let lines = i32::from(WHEEL_LINES);
            match mouse.kind {
                MouseKind::WheelUp => self.scroll_by(-lines),
                MouseKind::WheelDown => self.scroll_by(lines),
                MouseKind::Click => {}
            }
            return Vec::new();
        }
        let Some(at) = self.layout.at(mouse.column, mouse.row).cloned() else {
            return Vec::new();
        };
        if !self.status.as_ref().is_some_and(|s| s.error) {
            self.status = None;
        }
        match mouse.kind {
            MouseKind::Click => self.click(&at, mouse.row),
            MouseKind::WheelUp => self.wheel(at.pane, -1),
            MouseKind::WheelDown => self.wheel(at.pane, 1),
        }
        Vec::new()
    }

    fn click(&mut self, at: &PaneAt, row: u16) {
        // Each of the payload and response panes keeps its own scroll.
        self.focus = at.pane;
        let Some(index) = at.list.and_then(|list| list.index(row)) else {
            return;
        };
        match at.pane {
            Focus::Participants => {
                let current = self.workspace.as_ref().map_or(0, |w| w.participant);
                let delta = isize::try_from(index).unwrap_or(isize::MAX)
                    - isize::try_from(current).unwrap_or(isize::MAX);
                self.select_participant(delta);
            }
            Focus::Attributes => self.select_row(index),
            _ => {}
        }
    }

    fn wheel(&mut self, pane: Focus, notches: isize) {
        match pane {
            Focus::Participants => {
                // The wheel scrolls what is under it; the keys stay where they are.
                let focus = self.focus;
                self.select_participant(notches);
                self.focus = focus;
            }
            Focus::Attributes => {
                let row = self.workspace.as_ref().map_or(0, |w| w.row);
                self.select_row(row.saturating_add_signed(notches));
            }
            // The right-hand column shows one of them: the one it scrolls.
            Focus::Payload | Focus::Response => {
                let lines = i32::from(WHEEL_LINES);
                self.scroll_by(if notches < 0 { -lines } else { lines });
            }
            Focus::Picker | Focus::Workbench => {}
        }
    }

    /// Selects a row of the form (the last one past the end); a revealed
    /// value is masked again when the selection moves.
    fn select_row(&mut self, index: usize) {
        if let Some(w) = self.workspace.as_mut() {
            let index = index.min(w.edits.rows().len().saturating_sub(1));
            if index != w.row {
                w.row = index;
                w.revealed = None;
            }
        }
    }
}
