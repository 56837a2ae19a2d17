//! Text fields: the prompt overlay over the form ("New key", "Value of `k`",
//! "Rename `k`"), and the one-line field drawing shared with the picker and
//! the send dialog (horizontal scroll that keeps the cursor in view).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};
use unicode_width::UnicodeWidthChar;

use super::text::{truncate, visible, width};
use super::{centered, key, overlay, theme};
use crate::app::keymap::{Action, Context};
use crate::app::{App, Editing, Prompt, TextInput};

/// Draws a one-line field in `area` (one row), with the cursor shown as a
/// reversed cell and placed as the terminal cursor when `focused`.
pub fn field(frame: &mut Frame, area: Rect, input: &TextInput, placeholder: &str, focused: bool) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let room = usize::from(area.width);
    let chars: Vec<char> = visible(input.text()).chars().collect();
    let cursor = input.cursor().min(chars.len());
    if chars.is_empty() && !placeholder.is_empty() {
        let line = Line::from(vec![
            Span::styled(" ", cursor_style(focused)),
            Span::styled(truncate(placeholder, room.saturating_sub(1)), theme::dim()),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        place_cursor(frame, area, 0, focused);
        return;
    }
    let cell = |c: &char| UnicodeWidthChar::width(*c).unwrap_or(0);
    // Scroll so that the text before the cursor and the cursor cell fit.
    let mut start = 0;
    let lead = |start: usize| usize::from(start > 0);
    while start < cursor
        && lead(start) + chars[start..cursor].iter().map(cell).sum::<usize>() + 1 > room
    {
        start += 1;
    }
    let mut spans = Vec::new();
    if start > 0 {
        spans.push(Span::styled("…", theme::dim()));
    }
    let before: String = chars[start..cursor].iter().collect();
    let at: String = chars.get(cursor).map_or(" ".to_owned(), char::to_string);
    let after: String = chars.get(cursor + 1..).unwrap_or_default().iter().collect();
    let column = lead(start) + width(&before);
    spans.push(Span::raw(before));
    spans.push(Span::styled(at, cursor_style(focused)));
    spans.push(Span::raw(after));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    place_cursor(frame, area, column, focused);
}

fn cursor_style(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new()
    }
}

fn place_cursor(frame: &mut Frame, area: Rect, column: usize, focused: bool) {
    if focused {
        let x = area.x + u16::try_from(column).unwrap_or(0).min(area.width - 1);
        frame.set_cursor_position(Position::new(x, area.y));
    }
}

/// What the prompt edits, in words.
fn title(app: &App, prompt: &Prompt) -> String {
    match &prompt.editing {
        Editing::Search => match app.focus {
            crate::app::Focus::Participants => "Search the participants".to_owned(),
            crate::app::Focus::Attributes => "Search the form (keys, values shown)".to_owned(),
            crate::app::Focus::Response => "Search the response".to_owned(),
            _ => "Search the payload".to_owned(),
        },
        Editing::NewKey => "New key".to_owned(),
        Editing::NewValue { key } => format!("Value of new key `{}`", visible(key)),
        Editing::Value { key } => format!("Value of `{}`", visible(key)),
        Editing::Rename { key } => format!("Rename `{}`", visible(key)),
        Editing::SaveRecording => "Save this session's exchanges to a new file".to_owned(),
    }
}

/// The prompt overlay, centred over the screen's body.
pub fn render(frame: &mut Frame, area: Rect, app: &App, prompt: &Prompt) {
    let width = area.width.saturating_sub(4).min(72);
    let rect = centered(area, width, 5);
    let save = key(app, Context::Prompt, Action::Save);
    let cancel = key(app, Context::Prompt, Action::Cancel);
    let hint = match prompt.editing {
        Editing::NewKey => format!(" {save} next: the value · {cancel} cancel "),
        Editing::Search => format!(" {save} search · {cancel} cancel "),
        _ => format!(" {save} save · {cancel} cancel "),
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border(true))
        .title(Span::styled(
            format!(
                " {} ",
                truncate(&title(app, prompt), usize::from(width).saturating_sub(4))
            ),
            theme::title(true),
        ))
        .title_bottom(Line::styled(hint, theme::dim()).right_aligned());
    let inner = overlay(frame, rect, block);
    if inner.height == 0 {
        return;
    }
    let field_area = Rect::new(inner.x + 1, inner.y, inner.width.saturating_sub(2), 1);
    if masked(app, prompt) {
        let placeholder = if matches!(prompt.editing, Editing::Value { .. }) {
            "hidden: type the new value (Enter with nothing keeps it; * reveals it first)"
        } else {
            ""
        };
        field(frame, field_area, &prompt.input.masked(), placeholder, true);
    } else {
        field(frame, field_area, &prompt.input, "", true);
    }
    if inner.height >= 3 {
        let note = note(app, prompt);
        let line = Line::styled(
            truncate(&note, usize::from(inner.width).saturating_sub(2)),
            theme::dim(),
        );
        let row = Rect::new(inner.x + 1, inner.y + 2, inner.width.saturating_sub(2), 1);
        frame.render_widget(Paragraph::new(line), row);
    }
}

/// Whether the prompt types a secure value that is not revealed: drawn as
/// one `•` a character.
fn masked(app: &App, prompt: &Prompt) -> bool {
    match &prompt.editing {
        Editing::Value { key } | Editing::NewValue { key } => !app.shows_value(key),
        Editing::NewKey | Editing::Rename { .. } | Editing::Search | Editing::SaveRecording => {
            false
        }
    }
}

/// A line under the field: the length typed, and the original for an edit.
fn note(app: &App, prompt: &Prompt) -> String {
    let count = match prompt.input.text().chars().count() {
        1 => "1 char".to_owned(),
        n => format!("{n} chars"),
    };
    let original = match &prompt.editing {
        Editing::Value { key } | Editing::Rename { key } => app
            .workspace
            .as_ref()
            .and_then(|w| w.edits.original().get(key).map(|v| (key, v))),
        _ => None,
    };
    match (&prompt.editing, original) {
        (Editing::Value { .. }, Some((key, value))) => format!(
            "{count} · was: {}",
            super::form::shown_value(app, key, value)
        ),
        (Editing::Search, _) => format!(
            "without regard to case · {}/{} next/previous · empty: no search",
            key(app, Context::Global, Action::SearchNext),
            key(app, Context::Global, Action::SearchPrevious)
        ),
        (Editing::SaveRecording, _) => format!(
            "{} exchanges, redacted as the history is · gc-attrs replay FILE replays them",
            app.history.len()
        ),
        (Editing::Rename { .. }, Some((key, _))) => {
            format!("{count} · a PATCH cannot remove `{}`", visible(key))
        }
        _ => count,
    }
}
