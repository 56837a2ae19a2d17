//! The help overlay: every key, grouped by pane, as the app's keymap has
//! them (so a remapped key shows here too). One binding a line when the
//! screen is tall enough; otherwise each group's bindings flow as a
//! paragraph, so that all of them fit at 80×24.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::text::{Break, fit, width, wrap};
use super::{overlay, theme};
use crate::app::App;
use crate::app::keymap::{Action, Context, HelpGroup, Shown};

/// Narrowest column.
const MIN_COLUMN: usize = 34;
/// Space between columns.
const GAP: usize = 2;

/// Draws the overlay over the body.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let close: Vec<String> = app
        .keymap
        .keys(Context::Help, Action::Close)
        .iter()
        .map(ToString::to_string)
        .collect();
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border(true))
        .title(Span::styled(" Keys ", theme::title(true)))
        .title_bottom(
            Line::styled(format!(" {} close ", close.join(" ")), theme::dim()).right_aligned(),
        );
    let inner = overlay(frame, area, block).inner(Margin::new(1, 0));
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let room = usize::from(inner.width);
    let height = usize::from(inner.height);
    let columns = (room / MIN_COLUMN).clamp(1, 3);
    let column_w = (room - (columns - 1) * GAP) / columns;
    // The keys of the pane under the help come first.
    let mut groups = app.keymap.help();
    let here = app.help_contexts();
    groups.sort_by_key(|g| !g.contexts.iter().any(|c| here.first() == Some(c)));
    let key_w = groups
        .iter()
        .flat_map(|g| g.entries.iter())
        .map(|e| width(&e.keys))
        .max()
        .unwrap_or(0)
        + 2;
    let aligned_groups: Vec<Vec<Line<'static>>> = groups
        .iter()
        .map(|group| aligned(group, key_w, column_w))
        .collect();
    let flowed_groups: Vec<Vec<Line<'static>>> =
        groups.iter().map(|group| flowed(group, column_w)).collect();
    // The roomiest layout that fits: aligned, then flowing, then without
    // blank lines between groups.
    let fits = |laid: &Vec<Vec<Line<'static>>>| laid.iter().all(|c| c.len() <= height);
    let laid = [
        balance(&aligned_groups, columns, true),
        balance(&flowed_groups, columns, true),
        balance(&flowed_groups, columns, false),
    ]
    .into_iter()
    .find(fits)
    .unwrap_or_else(|| split(&flowed_groups, height));
    let cut = laid.len() > columns;
    let mut laid: Vec<Vec<Line<'static>>> = laid.into_iter().take(columns).collect();
    if cut {
        if let Some(last) = laid.last_mut() {
            last.truncate(height.saturating_sub(1));
            last.push(Line::styled(
                "… more keys: enlarge the terminal",
                theme::dim(),
            ));
        }
    }
    for (i, column) in laid.into_iter().enumerate() {
        let x = inner.x + u16::try_from(i * (column_w + GAP)).unwrap_or(0);
        let w = u16::try_from(column_w).unwrap_or(0);
        frame.render_widget(
            Paragraph::new(column),
            Rect::new(x, inner.y, w, inner.height),
        );
    }
}

fn title(text: &str) -> Line<'static> {
    Line::styled(text.to_owned(), theme::heading())
}

/// One binding a line, keys aligned, long actions wrapped under themselves.
/// `key_w` is the widest keys of every group, plus two.
fn aligned(group: &HelpGroup, key_w: usize, room: usize) -> Vec<Line<'static>> {
    let mut out = vec![title(group.title)];
    for Shown { keys: key, label } in &group.entries {
        let first = [Span::styled(fit(&format!(" {key}"), key_w), theme::key())];
        let rest = [Span::raw(" ".repeat(key_w))];
        out.extend(wrap(
            &[Span::raw(*label)],
            room,
            &first,
            &rest,
            Break::Words,
        ));
    }
    out
}

/// Bindings flowing as a paragraph, split inside a binding only when one
/// alone is wider than the column.
fn flowed(group: &HelpGroup, room: usize) -> Vec<Line<'static>> {
    let mut out = vec![title(group.title)];
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for Shown {
        keys: key,
        label: action,
    } in &group.entries
    {
        let cost = width(key) + 1 + width(action);
        if !line.is_empty() && used + 3 + cost > room {
            out.push(Line::from(std::mem::take(&mut line)));
        }
        if line.is_empty() && 1 + cost > room {
            let item = [
                Span::styled(key.clone(), theme::key()),
                Span::raw(format!(" {action}")),
            ];
            out.extend(wrap(
                &item,
                room,
                &[Span::raw(" ")],
                &[Span::raw("   ")],
                Break::Words,
            ));
            continue;
        }
        let sep = if line.is_empty() { " " } else { " · " };
        used = if line.is_empty() { 0 } else { used } + width(sep) + cost;
        line.push(Span::raw(sep));
        line.push(Span::styled(key.clone(), theme::key()));
        line.push(Span::raw(format!(" {action}")));
    }
    if !line.is_empty() {
        out.push(Line::from(line));
    }
    out
}

/// Every line in columns of `height`, a group split where it must be (never
/// right after its title): the last resort on a short screen.
fn split(groups: &[Vec<Line<'static>>], height: usize) -> Vec<Vec<Line<'static>>> {
    let mut laid: Vec<Vec<Line<'static>>> = vec![Vec::new()];
    for group in groups {
        for (i, line) in group.iter().enumerate() {
            let column = laid.len() - 1;
            // A title needs its first binding below it in the same column.
            let need = if i == 0 { 2 } else { 1 };
            if laid[column].len() + need > height && !laid[column].is_empty() {
                laid.push(Vec::new());
                if i > 0 {
                    let name = group[0].to_string();
                    laid[column + 1].push(title(&format!("{name} (continued)")));
                }
            }
            let column = laid.len() - 1;
            laid[column].push(line.clone());
        }
    }
    laid
}

/// Groups in order over at most `columns` columns, split where the tallest
/// column is lowest, with a blank line between groups when `spaced`.
fn balance(groups: &[Vec<Line<'static>>], columns: usize, spaced: bool) -> Vec<Vec<Line<'static>>> {
    let gap = usize::from(spaced);
    let heights: Vec<usize> = groups.iter().map(Vec::len).collect();
    let column_height = |range: &[usize]| -> usize {
        range.iter().sum::<usize>() + gap * range.len().saturating_sub(1)
    };
    // Every way to cut the groups into up to three runs (there are few groups).
    let n = groups.len();
    let mut best: (usize, Vec<usize>) = (column_height(&heights), vec![n]);
    for first in 1..n {
        let mut cuts = vec![vec![first, n]];
        if columns >= 3 {
            cuts.extend((first + 1..n).map(|second| vec![first, second, n]));
        }
        for ends in cuts.into_iter().filter(|_| columns >= 2) {
            let mut start = 0;
            let mut tallest = 0;
            for &end in &ends {
                tallest = tallest.max(column_height(&heights[start..end]));
                start = end;
            }
            if tallest < best.0 {
                best = (tallest, ends);
            }
        }
    }
    let mut laid = Vec::new();
    let mut start = 0;
    for end in best.1 {
        let mut column: Vec<Line<'static>> = Vec::new();
        for group in &groups[start..end] {
            if spaced && !column.is_empty() {
                column.push(Line::raw(""));
            }
            column.extend(group.iter().cloned());
        }
        laid.push(column);
        start = end;
    }
    laid
}
