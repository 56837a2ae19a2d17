//! The help overlay: every key, grouped by pane, as the app's keymap has
//! them (so a remapped key shows here too). One binding a line when the
//! screen is tall enough; otherwise each group's bindings flow as a
//! paragraph; and when even that does not fit, the columns go on over
//! pages (PgDn/PgUp), so that every key can be read on any screen.

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

/// The help's columns on a body of this size: every column, how many show
/// on one page, and their width.
fn laid(app: &App, inner: Rect) -> (Vec<Vec<Line<'static>>>, usize, usize) {
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
    // blank lines between groups; else pages of columns.
    let fits = |laid: &Vec<Vec<Line<'static>>>| laid.iter().all(|c| c.len() <= height);
    let laid = [
        balance(&aligned_groups, columns, true),
        balance(&flowed_groups, columns, true),
        balance(&flowed_groups, columns, false),
    ]
    .into_iter()
    .find(fits)
    .unwrap_or_else(|| split(&flowed_groups, height));
    (laid, columns, column_w)
}

/// The overlay's inside, on the body.
fn inside(area: Rect) -> Rect {
    Block::bordered().inner(area).inner(Margin::new(1, 0))
}

/// How many pages the help takes on this body (at least one).
#[must_use]
pub fn pages(app: &App, area: Rect) -> u16 {
    let inner = inside(area);
    if inner.width == 0 || inner.height == 0 {
        return 1;
    }
    let (laid, columns, _) = laid(app, inner);
    u16::try_from(laid.len().div_ceil(columns).max(1)).unwrap_or(u16::MAX)
}

/// Draws the overlay over the body: the page of columns [`App::help_page`]
/// says, when every key does not fit on one.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let keys = |context, action| -> String {
        app.keymap
            .keys(context, action)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let pages = pages(app, area);
    let page = app.help_page.min(pages - 1);
    let mut bottom = format!(" {} close ", keys(Context::Help, Action::Close));
    if pages > 1 {
        let turn = if page + 1 < pages {
            format!("{} more", app.keymap.first(Context::Help, Action::PageDown))
        } else {
            format!("{} back", app.keymap.first(Context::Help, Action::PageUp))
        };
        bottom = format!(" page {} of {pages} · {turn} ·{bottom}", page + 1);
    }
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border(true))
        .title(Span::styled(" Keys ", theme::title(true)))
        .title_bottom(Line::styled(bottom, theme::dim()).right_aligned());
    let inner = overlay(frame, area, block).inner(Margin::new(1, 0));
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let (laid, columns, column_w) = laid(app, inner);
    let first = usize::from(page) * columns;
    for (i, column) in laid.into_iter().skip(first).take(columns).enumerate() {
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
                // A binding wrapped over lines moves whole: the lines of it
                // above this one go along (unless they are all the column has).
                let mut start = laid[column].len();
                if continues(line) {
                    while start > 1 && continues(&laid[column][start - 1]) {
                        start -= 1;
                    }
                    start -= 1;
                }
                let moved = if start > 1 {
                    laid[column].split_off(start)
                } else {
                    Vec::new()
                };
                laid.push(Vec::new());
                if i > 0 {
                    let name = group[0].to_string();
                    laid[column + 1].push(title(&format!("{name} (continued)")));
                }
                laid[column + 1].extend(moved);
            }
            let column = laid.len() - 1;
            laid[column].push(line.clone());
        }
    }
    laid
}

/// Whether a line goes on with the binding above it (a wrapped one is
/// indented under its keys).
fn continues(line: &Line<'_>) -> bool {
    line.to_string().starts_with("   ")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{App, Mode};

    /// The words of a text, one space apart.
    fn words(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn every_key_of_the_help_is_on_one_of_its_pages_at_any_size() {
        let app = App::new(Mode::Simulator, Vec::new());
        for (w, h) in [(60, 16), (80, 24), (100, 30), (200, 60)] {
            let body = Rect::new(0, 1, w, h - 2);
            let (laid, columns, _) = laid(&app, inside(body));
            assert_eq!(usize::from(pages(&app, body)), laid.len().div_ceil(columns));
            // Each column read top to bottom, as the pages show them.
            let text = words(
                &laid
                    .iter()
                    .flatten()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            for group in app.keymap.help() {
                for entry in &group.entries {
                    let shown = words(&format!("{} {}", entry.keys, entry.label));
                    assert!(text.contains(&shown), "{w}x{h}: `{shown}` missing");
                }
            }
            for column in &laid {
                assert!(column.len() <= usize::from(inside(body).height), "{w}x{h}");
            }
        }
    }
}
