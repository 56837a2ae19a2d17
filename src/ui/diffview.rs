//! A [`JsonDiff`] as lines: unified (old and new line numbers, -/+) or side by
//! side, with the changed words emphasized. Unchanged and plainly removed
//! lines are cut to one line with "…"; added and changed lines wrap under an
//! empty gutter, so that nothing new is ever hidden.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::text::{Break, truncate_spans, width, wrap};
use super::theme;
use crate::app::DiffLayout;
use crate::diff::{DiffLine, JsonDiff, LineTag};

/// The diff laid out for `width` cells.
#[must_use]
pub fn lines(diff: &JsonDiff, layout: DiffLayout, width: usize) -> Vec<Line<'static>> {
    match layout {
        DiffLayout::Unified => unified(diff, width),
        DiffLayout::SideBySide => side_by_side(diff, width),
    }
}

fn digits(diff: &JsonDiff) -> usize {
    let most = diff
        .lines
        .iter()
        .flat_map(|l| [l.old_line, l.new_line])
        .flatten()
        .max()
        .unwrap_or(1);
    most.to_string().len()
}

fn base(tag: LineTag) -> Style {
    match tag {
        LineTag::Equal => theme::plain(),
        LineTag::Delete => theme::diff_delete(),
        LineTag::Insert => theme::diff_insert(),
    }
}

fn sign(tag: LineTag) -> &'static str {
    match tag {
        LineTag::Equal => " ",
        LineTag::Delete => "-",
        LineTag::Insert => "+",
    }
}

fn text_spans(line: &DiffLine) -> Vec<Span<'static>> {
    let style = base(line.tag);
    line.segments
        .iter()
        .map(|s| {
            let style = if s.emphasized {
                theme::emphasis(style)
            } else {
                style
            };
            Span::styled(s.text.clone(), style)
        })
        .collect()
}

fn number(n: Option<usize>, digits: usize) -> String {
    n.map_or_else(|| " ".repeat(digits), |n| format!("{n:>digits$}"))
}

/// One diff line with its gutter: one line when unchanged, wrapped otherwise.
fn with_gutter(line: &DiffLine, gutter: String, room: usize) -> Vec<Line<'static>> {
    let style = base(line.tag);
    let blank = " ".repeat(width(&gutter));
    let first = vec![Span::styled(gutter, theme::dim().patch(sign_style(style)))];
    let spans = text_spans(line);
    // Unchanged lines, and removed lines with no changed words (their text
    // is whole elsewhere), take one line; anything new or changed wraps.
    let changed = line.segments.iter().any(|s| s.emphasized);
    if line.tag == LineTag::Equal || (line.tag == LineTag::Delete && !changed) {
        let mut all = first;
        let body_room = room.saturating_sub(width(&blank));
        all.extend(truncate_spans(spans, body_room));
        return vec![Line::from(all)];
    }
    wrap(&spans, room, &first, &[Span::raw(blank)], Break::Anywhere)
}

fn sign_style(style: Style) -> Style {
    if style == theme::plain() {
        theme::dim()
    } else {
        style
    }
}

fn unified(diff: &JsonDiff, room: usize) -> Vec<Line<'static>> {
    let d = digits(diff);
    diff.lines
        .iter()
        .flat_map(|line| {
            let gutter = format!(
                "{} {} {} ",
                number(line.old_line, d),
                number(line.new_line, d),
                sign(line.tag)
            );
            with_gutter(line, gutter, room)
        })
        .collect()
}

fn side_by_side(diff: &JsonDiff, room: usize) -> Vec<Line<'static>> {
    let d = digits(diff);
    let half = room.saturating_sub(1) / 2;
    let side = |line: Option<&DiffLine>, old: bool| -> Vec<Line<'static>> {
        match line {
            Some(line) => {
                let n = if old { line.old_line } else { line.new_line };
                with_gutter(line, format!("{} {} ", number(n, d), sign(line.tag)), half)
            }
            None => vec![Line::raw("")],
        }
    };
    let mut out = Vec::new();
    for row in diff.side_by_side() {
        let left = side(row.left.as_ref(), true);
        let right = side(row.right.as_ref(), false);
        for i in 0..left.len().max(right.len()) {
            let mut spans: Vec<Span<'static>> =
                left.get(i).map(|l| l.spans.clone()).unwrap_or_default();
            let used: usize = spans.iter().map(|s| width(&s.content)).sum();
            spans.push(Span::raw(" ".repeat(half.saturating_sub(used))));
            spans.push(Span::styled("│", theme::dim()));
            spans.extend(right.get(i).map(|l| l.spans.clone()).unwrap_or_default());
            out.push(Line::from(spans));
        }
    }
    out
}
