//! The history overlay: this run's exchanges (when, method, status, path,
//! correlation id, total time), the selected one highlighted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Cell, Paragraph, Row, Table, TableState};

use super::text::{short_id, short_path, truncate_middle};
use super::{centered, key, overlay, theme};
use crate::app::keymap::{Action, Context};
use crate::app::{App, Outcome};

/// Draws the overlay over the body.
pub fn render(frame: &mut Frame, area: Rect, app: &App, selected: usize) {
    let rows = u16::try_from(app.history.len()).unwrap_or(u16::MAX);
    let width = area.width.saturating_sub(2).min(120);
    let height = rows
        .saturating_add(4)
        .max(6)
        .min(area.height.saturating_sub(2));
    let rect = centered(area, width, height);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border(true))
        .title(Span::styled(
            format!(" History · {} exchanges ", app.history.len()),
            theme::title(true),
        ))
        .title_bottom(
            Line::styled(
                format!(
                    " {} open · {} re-send · {} copy curl · {} close ",
                    key(app, Context::History, Action::Show),
                    key(app, Context::History, Action::Resend),
                    key(app, Context::History, Action::CopyCurl),
                    key(app, Context::History, Action::Close),
                ),
                theme::dim(),
            )
            .right_aligned(),
        );
    let inner = overlay(frame, rect, block);
    if app.history.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("No requests yet in this run.", theme::dim())),
            inner.inner(ratatui::layout::Margin::new(1, 0)),
        );
        return;
    }
    let area = inner;
    // #, time, method, status, correlation and ms are fixed (with 6 gaps);
    // the path takes the rest.
    let path_w = usize::from(area.width)
        .saturating_sub(4 + 8 + 6 + 6 + 11 + 5 + 6)
        .max(8);
    let selected = selected.min(app.history.len() - 1);
    let table_rows: Vec<Row> = app
        .history
        .iter()
        .enumerate()
        .map(|(i, exchange)| {
            let status = match &exchange.outcome {
                Outcome::Answer { status, .. } => status.to_string(),
                Outcome::Failed { .. } => "fail".to_owned(),
                Outcome::Cancelled => "cancel".to_owned(),
            };
            let correlation = exchange
                .correlation_id
                .as_deref()
                .map_or_else(|| "—".to_owned(), short_id);
            Row::new(vec![
                Cell::from(
                    Line::styled(
                        format!("{}{:>3}", if i == selected { "▶" } else { " " }, i + 1),
                        theme::dim(),
                    )
                    .right_aligned(),
                ),
                Cell::from(Span::styled(
                    exchange.clock().unwrap_or("—").to_owned(),
                    theme::dim(),
                )),
                Cell::from(Span::styled(exchange.method.clone(), theme::bold())),
                Cell::from(Span::styled(status, theme::http_status(exchange.status()))),
                Cell::from(truncate_middle(&route(&exchange.url), path_w)),
                Cell::from(Span::styled(correlation, theme::dim())),
                Cell::from(
                    Line::raw(exchange.timings.total.as_millis().to_string()).right_aligned(),
                ),
            ])
        })
        .collect();
    let (widths, header) = columns();
    let table = Table::new(table_rows, widths)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(theme::selected(true));
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The columns' widths and header row.
fn columns() -> ([Constraint; 7], Row<'static>) {
    let widths = [
        Constraint::Length(4),
        Constraint::Length(8),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Fill(1),
        Constraint::Length(11),
        Constraint::Length(5),
    ];
    let header = Row::new(vec![
        Cell::from(Line::raw("#").right_aligned()),
        Cell::from("UTC"),
        Cell::from("method"),
        Cell::from("status"),
        Cell::from("path"),
        Cell::from("correlation"),
        Cell::from(Line::raw("ms").right_aligned()),
    ])
    .style(theme::table_header());
    (widths, header)
}

/// A URL as a short path: no host, no `/api/v2`, ids shortened.
pub(super) fn route(url: &str) -> String {
    let path = short_path(url);
    match path.strip_prefix("/api/v2") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => path,
    }
}
