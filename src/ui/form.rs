//! The attribute form: one row per attribute with its edit status and lint
//! marker, long values cut with "…", and the selected row in full below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, HighlightSpacing, Paragraph, Row, Table, TableState};

use super::text::{Break, truncate, visible, width, wrap};
use super::{key, pane_block, theme, title_span};
use crate::app::keymap::{Action, Context};
use crate::app::{App, Focus, Measures, SendTarget, Workspace};
use crate::genesys::secure::MASK;
use crate::lint::Finding;
use crate::payload::{Row as EditRow, RowStatus};

/// A key with leading and trailing whitespace made visible as `␣`; the
/// empty key as `""`.
#[must_use]
pub fn shown_key(key: &str) -> String {
    if key.is_empty() {
        return "\"\"".to_owned();
    }
    let key = visible(key);
    let trimmed = key.trim_matches(' ');
    if trimmed.len() == key.len() {
        return key;
    }
    let lead = key.len() - key.trim_start_matches(' ').len();
    let trail = key.len() - key.trim_end_matches(' ').len();
    if trimmed.is_empty() {
        return "␣".repeat(key.len());
    }
    format!("{}{trimmed}{}", "␣".repeat(lead), "␣".repeat(trail))
}

/// The width of [`shown_key`], without making it when the key is printable
/// ASCII (a space shows as `␣`, one cell too).
fn shown_key_width(key: &str) -> usize {
    if !key.is_empty() && key.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        key.len()
    } else {
        width(&shown_key(key))
    }
}

/// The pane's title, from the most to the least detailed: which attributes
/// are edited.
fn titles(workspace: &Workspace) -> Vec<String> {
    match workspace.target {
        SendTarget::ParticipantAttributes => {
            let (name, purpose) = workspace.selected().map_or((None, None), |p| {
                (p.name.clone(), p.purpose.clone().or_else(|| p.id.clone()))
            });
            let mut out = Vec::new();
            for head in ["Participant attributes", "Attributes"] {
                match (&name, &purpose) {
                    (Some(name), Some(purpose)) => {
                        out.push(format!("{head} — {name} ({purpose})"));
                        out.push(format!("{head} — {name}"));
                    }
                    (Some(who), None) | (None, Some(who)) => out.push(format!("{head} — {who}")),
                    (None, None) => out.push(head.to_owned()),
                }
            }
            out
        }
        SendTarget::SecureAttributes => {
            let version = workspace
                .secure_version
                .map(|v| format!(" v{v}"))
                .unwrap_or_default();
            vec![
                format!("Secure attributes (conversation){version}"),
                format!("Secure attributes{version}"),
            ]
        }
    }
}

/// Draws the form.
pub fn render(frame: &mut Frame, area: Rect, app: &App, workspace: &Workspace) {
    let focused = app.focus == Focus::Attributes;
    let rows = workspace.edits.rows();
    let &Measures { keys, edits, .. } = measures(workspace);
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let counter = match edits {
        0 => format!(" {} · no edits ", plural(keys, "key")),
        // Sent and answered, not shown by the server yet: not undone either.
        // The longest form that fits.
        n if app.sent_unseen() => {
            let reload = key(app, Context::Global, Action::Reload);
            [
                format!(
                    " {} · {} sent, not visible yet ({reload} re-reads) ",
                    plural(keys, "key"),
                    plural(n, "edit")
                ),
                format!(" {} sent, not visible yet ({reload}) ", plural(n, "edit")),
                " sent, not visible yet ".to_owned(),
            ]
            .into_iter()
            .find(|c| width(c) + 2 <= usize::from(area.width))
            .unwrap_or_default()
        }
        n => format!(" {} · {} ", plural(keys, "key"), plural(n, "edit")),
    };
    // The most detailed title that fits.
    let room = usize::from(area.width).saturating_sub(4);
    let titles = titles(workspace);
    let title = titles
        .iter()
        .find(|t| width(t) + 2 <= room)
        .cloned()
        .unwrap_or_else(|| {
            truncate(
                titles.last().map_or("", String::as_str),
                room.saturating_sub(2),
            )
        });
    let block = pane_block(Line::from(title_span(&title, focused)), focused)
        .title_bottom(Line::styled(counter, theme::dim()).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    if rows.is_empty() {
        let empty = Paragraph::new(vec![
            Line::styled("No attributes.", theme::dim()),
            Line::from(vec![
                Span::styled("a", theme::key()),
                Span::styled(" adds one.", theme::dim()),
            ]),
        ]);
        frame.render_widget(empty, inner);
        return;
    }
    let room = usize::from(inner.width);
    let detail = detail(app, workspace, room);
    // The table keeps its header and at least three rows.
    let most = inner.height.saturating_sub(4).min(inner.height / 2).max(1);
    let detail_height = u16::try_from(detail.len()).unwrap_or(u16::MAX).min(most);
    let mut table_height = inner.height - detail_height;
    let rows_height = u16::try_from(rows.len() + 1).unwrap_or(u16::MAX);
    if table_height > rows_height {
        // Room to spare: a rule between the table and the detail.
        table_height -= 1;
        frame.render_widget(
            Paragraph::new(Line::styled(
                "─".repeat(usize::from(inner.width)),
                theme::dim(),
            )),
            Rect::new(inner.x, inner.y + table_height, inner.width, 1),
        );
    }
    table(
        frame,
        Rect::new(inner.x, inner.y, inner.width, table_height),
        app,
        workspace,
    );
    let mut detail = detail;
    let keep = usize::from(detail_height);
    if detail.len() > keep && keep > 0 {
        detail.truncate(keep);
        if let Some(last) = detail.last_mut() {
            last.spans.push(Span::styled("…", theme::dim()));
        }
    }
    frame.render_widget(
        Paragraph::new(detail),
        Rect::new(
            inner.x,
            inner.y + inner.height - detail_height,
            inner.width,
            detail_height,
        ),
    );
}

/// A value as the form shows it: as is, or [`MASK`] for a secure value
/// that is not revealed.
pub fn shown_value(app: &App, key: &str, value: &str) -> String {
    if app.shows_value(key) {
        visible(value)
    } else {
        MASK.to_owned()
    }
}

/// The rows of the table that show in `height` lines under its header, as
/// ratatui's `Table` scrolls a fresh state: from the top, or so that the
/// selected row is the last one. Returns the first row's index and the
/// selection's index within the shown rows.
fn window(count: usize, selected: usize, height: usize) -> (std::ops::Range<usize>, Option<usize>) {
    if count == 0 || height == 0 {
        return (0..0, None);
    }
    let selected = selected.min(count - 1);
    let start = (selected + 1).saturating_sub(height);
    let end = (start + height).min(count);
    (start..end, Some(selected - start))
}

fn table(frame: &mut Frame, area: Rect, app: &App, workspace: &Workspace) {
    let focused = app.focus == Focus::Attributes;
    let rows = workspace.edits.rows();
    let room = usize::from(area.width);
    let key_w = measures(workspace)
        .form_key_width
        .clamp(3, (room * 2 / 5).max(3));
    // The selection mark (2), the status and lint columns, and three gaps.
    let value_w = room.saturating_sub(key_w + 7);
    // Only the rows that show are made: the header takes one line.
    let (shown, selected) = window(
        rows.len(),
        workspace.row,
        usize::from(area.height.saturating_sub(1)),
    );
    let table_rows: Vec<Row> = rows[shown]
        .iter()
        .map(|row| {
            let key = &key_cell(workspace, row);
            let status = workspace.edits.status(row);
            let (marker, style) = theme::row_status(status);
            let lint = worst(workspace.derived.by_key.get(&row.key), row);
            let text_style = if status == RowStatus::Deleted {
                theme::dim().add_modifier(Modifier::CROSSED_OUT)
            } else {
                theme::plain()
            };
            Row::new(vec![
                Cell::from(Span::styled(
                    marker,
                    style.remove_modifier(Modifier::CROSSED_OUT),
                )),
                Cell::from(
                    lint.map_or(Span::raw(" "), |(glyph, style)| Span::styled(glyph, style)),
                ),
                Cell::from(Span::styled(
                    truncate(key, key_w),
                    text_style.patch(style).add_modifier(Modifier::BOLD),
                )),
                Cell::from(Span::styled(
                    truncate(&shown_value(app, &row.key, &row.value), value_w),
                    text_style,
                )),
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(u16::try_from(key_w).unwrap_or(0)),
        Constraint::Fill(1),
    ];
    let header = Row::new(["", "", "key", "value"]).style(theme::table_header());
    let table = Table::new(table_rows, widths)
        .header(header)
        .column_spacing(1)
        .highlight_symbol("▶ ")
        .highlight_spacing(HighlightSpacing::Always)
        .row_highlight_style(theme::selected(focused));
    let mut state = TableState::default().with_selected(selected);
    frame.render_stateful_widget(table, area, &mut state);
}

/// The workspace's [`Measures`], measured on the first frame after an edit.
#[must_use]
pub fn measures(workspace: &Workspace) -> &Measures {
    workspace.measures.get_or_init(|| {
        let edits = &workspace.edits;
        let rows = edits.rows();
        let plan = &workspace.derived.plan;
        let widest = |keys: &mut dyn Iterator<Item = &String>| {
            keys.map(|k| shown_key_width(k)).max().unwrap_or(0)
        };
        let removed = plan.unremovable();
        Measures {
            keys: rows.iter().filter(|r| !r.deleted).count(),
            edits: edits
                .statuses()
                .filter(|(_, status)| *status != RowStatus::Unchanged)
                .count(),
            form_key_width: rows
                .iter()
                .map(|r| match &r.origin {
                    Some(origin) if !r.deleted && *origin != r.key => {
                        width(&key_cell(workspace, r))
                    }
                    _ => shown_key_width(&r.key),
                })
                .max()
                .unwrap_or(0),
            after_patch_key_width: widest(&mut plan.after_patch.keys().chain(removed)),
            after_put_key_width: widest(&mut plan.after_put().keys().chain(removed)),
            diff: super::diffview::shape(&workspace.derived.diff),
        }
    })
}

/// The key column: the key, or `origin → key` for a rename.
fn key_cell(workspace: &Workspace, row: &EditRow) -> String {
    match (&row.origin, workspace.edits.status(row)) {
        (Some(origin), RowStatus::Renamed) => {
            format!("{} → {}", shown_key(origin), shown_key(&row.key))
        }
        _ => shown_key(&row.key),
    }
}

/// The worst lint finding on a live row, as a glyph and its style.
fn worst(
    findings: Option<&Vec<Finding>>,
    row: &EditRow,
) -> Option<(&'static str, ratatui::style::Style)> {
    if row.deleted {
        return None;
    }
    let severity = findings?.iter().map(|f| f.severity).max()?;
    Some((theme::severity_glyph(severity), theme::severity(severity)))
}

/// The selected row in full: its lint findings, its edit, its whole value.
fn detail(app: &App, workspace: &Workspace, room: usize) -> Vec<Line<'static>> {
    let Some(row) = workspace.edits.rows().get(workspace.row) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if !row.deleted {
        for finding in workspace.derived.by_key.get(&row.key).into_iter().flatten() {
            let spans = vec![
                Span::styled(
                    format!("{} ", theme::severity_glyph(finding.severity)),
                    theme::severity(finding.severity),
                ),
                Span::styled(finding.message.clone(), theme::severity(finding.severity)),
            ];
            lines.extend(
                wrap(&spans, room, &[], &[Span::raw("  ")], Break::Words)
                    .into_iter()
                    .take(2),
            );
        }
    }
    let status = workspace.edits.status(row);
    let original = row
        .origin
        .as_ref()
        .and_then(|o| workspace.edits.original().get(o));
    let note = match (status, &row.origin) {
        (RowStatus::Renamed, Some(origin)) => Some(format!(
            "renamed from {} · a PATCH keeps the old key",
            quoted(origin)
        )),
        (RowStatus::Deleted, _) => Some("deleted · a PATCH cannot remove it".to_owned()),
        (RowStatus::Changed, _) => {
            original.map(|v| format!("was: {}", shown_value(app, &row.key, v)))
        }
        (RowStatus::Added, _) => Some("new key".to_owned()),
        _ => None,
    };
    let note = match note {
        Some(note) if app.sent_unseen() => Some(format!("sent, not visible yet · {note}")),
        note => note,
    };
    if let Some(note) = note {
        let (_, style) = theme::row_status(status);
        let style = style.remove_modifier(Modifier::CROSSED_OUT);
        lines.push(Line::styled(truncate(&note, room), style));
    }
    let shown = shown_value(app, &row.key, &row.value);
    let value = format!("{} = {shown}", quoted(&row.key));
    // Prose wraps at words; a value without spaces wraps anywhere, so that
    // it starts on the key's line.
    let mode = if shown.contains(' ') {
        Break::Words
    } else {
        Break::Anywhere
    };
    let pad = [Span::raw("  ")];
    lines.extend(wrap(&[Span::raw(value)], room, &[], &pad, mode));
    lines
}

/// A key as JSON text when it needs quoting to be seen exactly, else as is.
fn quoted(key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'));
    if plain {
        key.to_owned()
    } else {
        serde_json::to_string(key).unwrap_or_else(|_| key.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::widgets::StatefulWidget;

    use super::*;

    /// The rows a ratatui `Table` of all `count` rows shows under its header
    /// in `height` lines, from a fresh state selecting `selected`.
    fn shown_by_ratatui(count: usize, selected: usize, height: u16) -> Vec<String> {
        let rows = (0..count).map(|i| Row::new([format!("r{i}")]));
        let table = Table::new(rows, [Constraint::Length(6)]).header(Row::new(["head"]));
        let area = Rect::new(0, 0, 6, height + 1);
        let mut buffer = Buffer::empty(area);
        let mut state = TableState::default().with_selected(Some(selected));
        StatefulWidget::render(table, area, &mut buffer, &mut state);
        (1..area.height)
            .map(|y| {
                (0..6)
                    .map(|x| buffer.cell((x, y)).map_or(" ", |c| c.symbol()))
                    .collect::<String>()
                    .trim_end()
                    .to_owned()
            })
            .filter(|s| !s.is_empty())
            .collect()
    }

    #[test]
    fn the_table_window_is_the_one_ratatui_scrolls_to() {
        for count in [1, 3, 10, 40] {
            for height in [1, 2, 5, 12] {
                for selected in 0..count + 2 {
                    let (range, at) = window(count, selected, usize::from(height));
                    let ours: Vec<String> = range.clone().map(|i| format!("r{i}")).collect();
                    assert_eq!(
                        ours,
                        shown_by_ratatui(count, selected, height),
                        "{count} rows, {height} lines, row {selected} selected"
                    );
                    assert_eq!(
                        at.map(|at| range.start + at),
                        Some(selected.min(count - 1)),
                        "the selection stays on its row"
                    );
                }
            }
        }
        assert_eq!(window(0, 0, 5), (0..0, None));
        assert_eq!(window(5, 2, 0), (0..0, None));
    }
}
