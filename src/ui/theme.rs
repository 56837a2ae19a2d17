//! Colours, glyphs and badges shared by every pane, so that one meaning has
//! one look: a severity, an edit status, an HTTP status class, focus.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

use crate::lint::Severity;
use crate::payload::RowStatus;

thread_local! {
    /// Whether this frame is drawn in colour (see [`set_colour`]).
    static COLOUR: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Sets whether the frame drawn next on this thread uses colour; without
/// it, what colour alone would tell (focus, the selected row) is shown by
/// reverse video. [`crate::ui::render`] sets it from the app each frame.
pub fn set_colour(on: bool) {
    COLOUR.with(|c| c.set(on));
}

fn colour() -> bool {
    COLOUR.with(std::cell::Cell::get)
}

/// The accent colour (focus, titles, keys).
pub const ACCENT: Color = Color::Cyan;

/// Braille spinner frames, one per tick.
const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// The spinner frame for a tick count.
#[must_use]
pub fn spinner(ticks: u32) -> &'static str {
    SPINNER[usize::try_from(ticks).unwrap_or(0) % SPINNER.len()]
}

/// Plain text.
#[must_use]
pub fn plain() -> Style {
    Style::new()
}

/// Secondary text: labels, explanations, gutters.
#[must_use]
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// Bold text.
#[must_use]
pub fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// A key name in the footer and the help.
#[must_use]
pub fn key() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// A section heading inside a pane.
#[must_use]
pub fn heading() -> Style {
    Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)
}

/// An error message.
#[must_use]
pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// A warning.
#[must_use]
pub fn warning() -> Style {
    Style::new().fg(Color::Yellow)
}

/// Something that went well.
#[must_use]
pub fn good() -> Style {
    Style::new().fg(Color::Green)
}

/// A pane's border: accented when the pane has the keys.
#[must_use]
pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(ACCENT)
    } else {
        dim()
    }
}

/// A pane's title.
#[must_use]
pub fn title(focused: bool) -> Style {
    match (focused, colour()) {
        (true, true) => Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
        (true, false) => Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        (false, _) => bold(),
    }
}

/// The selected row of a table or list.
#[must_use]
pub fn selected(focused: bool) -> Style {
    match (focused, colour()) {
        (true, true) => Style::new()
            .bg(Color::Blue)
            .fg(Color::White)
            .add_modifier(Modifier::BOLD),
        (true, false) => Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        // The row keeps its `▶` mark.
        (false, true) => Style::new().bg(Color::DarkGray),
        (false, false) => Style::new(),
    }
}

/// A table header row.
#[must_use]
pub fn table_header() -> Style {
    Style::new()
        .fg(Color::Gray)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// The colour of a severity.
#[must_use]
pub fn severity(severity: Severity) -> Style {
    match severity {
        Severity::Reject => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        Severity::LikelyReject => Style::new().fg(Color::LightRed),
        Severity::Warning => Style::new().fg(Color::Yellow),
        Severity::Info => Style::new().fg(Color::Blue),
    }
}

/// A one-cell glyph for a severity, for rows and summaries.
#[must_use]
pub fn severity_glyph(severity: Severity) -> &'static str {
    crate::usecase::verdict::glyph(severity)
}

/// A severity as a fixed-width badge, e.g. `✖ REJECT`.
#[must_use]
pub fn severity_badge(severity: Severity) -> Span<'static> {
    let label = match severity {
        Severity::Reject => "✖ REJECT",
        Severity::LikelyReject => "✗ LIKELY REJECT",
        Severity::Warning => "! WARNING",
        Severity::Info => "i INFO",
    };
    Span::styled(label, self::severity(severity).add_modifier(Modifier::BOLD))
}

/// The marker and style of an edited row.
#[must_use]
pub fn row_status(status: RowStatus) -> (&'static str, Style) {
    match status {
        RowStatus::Unchanged => (" ", plain()),
        RowStatus::Changed => ("~", Style::new().fg(Color::Yellow)),
        RowStatus::Renamed => ("→", Style::new().fg(Color::Magenta)),
        RowStatus::Added => ("+", Style::new().fg(Color::Green)),
        RowStatus::Deleted => (
            "−",
            Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT),
        ),
    }
}

/// The colour of an HTTP status by class.
#[must_use]
pub fn http_status(status: Option<u16>) -> Style {
    let colour = match status {
        Some(200..=299) => Color::Green,
        Some(300..=399) => Color::Cyan,
        Some(400..=499) => Color::Yellow,
        Some(_) => Color::Red,
        None => Color::Magenta,
    };
    Style::new().fg(colour).add_modifier(Modifier::BOLD)
}

/// A diff line's colour: removed red, added green, equal plain.
#[must_use]
pub fn diff_delete() -> Style {
    Style::new().fg(Color::Red)
}

/// See [`diff_delete`].
#[must_use]
pub fn diff_insert() -> Style {
    Style::new().fg(Color::Green)
}

/// The part of a changed line that changed.
#[must_use]
pub fn emphasis(base: Style) -> Style {
    base.add_modifier(Modifier::REVERSED | Modifier::BOLD)
}
