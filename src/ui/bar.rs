//! The top bar (name, mode badge, conversation, spinner) and the footer (the
//! keys that act now, from the app's keymap, and the status line).

use ratatui::Frame;
use ratatui::layout::Rect;

use super::split::{self, Part};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{short_ids, truncate_spans, width};
use super::theme;
use crate::app::{App, Mode};

fn spans_width(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

/// The one-line bar at the top.
pub fn top(frame: &mut Frame, area: Rect, app: &App) {
    let name = Span::styled(
        " gc-attrs ",
        Style::new()
            .fg(Color::Black)
            .bg(theme::ACCENT)
            .add_modifier(Modifier::BOLD),
    );
    let badge = match &app.mode {
        Mode::Simulator => Span::styled(
            " SIMULATOR ",
            Style::new()
                .fg(Color::Black)
                .bg(Color::Green)
                .add_modifier(Modifier::BOLD),
        ),
        Mode::Live { region, profile } => {
            let label = match profile {
                Some(profile) => format!(" LIVE {region} · {profile} "),
                None => format!(" LIVE {region} "),
            };
            Span::styled(
                label,
                Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
            )
        }
    };
    let mut left = vec![name, Span::raw(" "), badge];
    let essential = spans_width(&left);
    if let Some(id) = app
        .workspace
        .as_ref()
        .and_then(|w| w.conversation.id.as_deref())
    {
        left.push(Span::styled("  conversation ", theme::dim()));
        left.push(Span::styled(id.to_owned(), theme::bold()));
    }
    let mut right = Vec::new();
    if let Some(flight) = &app.in_flight {
        let label = if flight.cancelling {
            "cancelling…".to_owned()
        } else {
            format!(
                "{} · {:.1} s",
                short_ids(&flight.label).replacen("/api/v2", "", 1),
                flight.elapsed().as_secs_f32()
            )
        };
        right.push(Span::styled(
            format!("{} ", theme::spinner(flight.ticks)),
            theme::heading(),
        ));
        right.push(Span::styled(label, theme::warning()));
        right.push(Span::raw(" "));
    }
    let total = usize::from(area.width);
    // The spinner's label gets what the left side leaves, or half the bar.
    let left_full = spans_width(&left);
    let room = total
        .saturating_sub(left_full + 2)
        .max(total / 2)
        .min(total.saturating_sub(essential + 2));
    let right = truncate_spans(right, room);
    let right_width = spans_width(&right);
    let left = truncate_spans(left, total.saturating_sub(right_width + 1));
    let [l, r] = split::horizontal(
        area,
        [
            Part::Fill,
            Part::Len(u16::try_from(right_width).unwrap_or(0)),
        ],
    );
    frame.render_widget(Paragraph::new(Line::from(left)), l);
    frame.render_widget(Paragraph::new(Line::from(right)), r);
}

/// The one-line footer: keys on the left, the status on the right; the
/// status wins when both do not fit.
pub fn footer(frame: &mut Frame, area: Rect, app: &App) {
    let total = usize::from(area.width);
    let status: Vec<Span<'static>> = match &app.status {
        Some(status) if status.error => vec![
            Span::styled("✖ ", theme::error()),
            Span::styled(status.text.clone(), theme::error()),
        ],
        Some(status) => vec![Span::styled(
            status.text.clone(),
            Style::new().fg(Color::Gray),
        )],
        None => Vec::new(),
    };
    // An error stays until it is read: the keys keep most of the line, and
    // a long one is cut here and read in full in the message log.
    let cap = if app.status.as_ref().is_some_and(|s| s.error) {
        (total * 11 / 20).max(20)
    } else {
        total
    };
    let status = truncate_spans(status, cap.min(total.saturating_sub(1)));
    let status_width = spans_width(&status);
    let room = if status_width == 0 {
        total
    } else {
        total.saturating_sub(status_width + 3)
    };
    let mut keys_line: Vec<Span<'static>> = vec![Span::raw(" ")];
    let mut used = 1;
    for shown in app.footer() {
        // The log's entry counts what is unread.
        let label = if shown.label == crate::app::keymap::MESSAGES_LABEL {
            format!("{} ({})", shown.label, app.unread)
        } else {
            shown.label.to_owned()
        };
        let cost = width(&shown.keys) + 1 + width(&label) + 2;
        if used + cost > room {
            break;
        }
        keys_line.push(Span::styled(shown.keys, theme::key()));
        keys_line.push(Span::styled(format!(" {label}  "), theme::dim()));
        used += cost;
    }
    if used == 1 {
        keys_line.clear();
        used = 0;
    }
    let [l, r] = split::horizontal(
        area,
        [Part::Len(u16::try_from(used).unwrap_or(0)), Part::Fill],
    );
    frame.render_widget(Paragraph::new(Line::from(keys_line)), l);
    let mut status = status;
    status.push(Span::raw(" "));
    frame.render_widget(Paragraph::new(Line::from(status).right_aligned()), r);
}

/// A title like `Payload │ Response` with the shown one highlighted.
#[must_use]
pub fn tabs(shown: usize, focused: bool) -> Line<'static> {
    let names = ["Payload", "Response"];
    let mut spans = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("│", theme::dim()));
        }
        let style = if i == shown {
            theme::title(focused).add_modifier(Modifier::REVERSED)
        } else {
            theme::dim()
        };
        spans.push(Span::styled(format!(" {name} "), style));
    }
    Line::from(spans)
}
