//! A [`JsonDiff`] as lines: unified (old and new line numbers, -/+) or side by
//! side, with the changed words emphasized. Unchanged and plainly removed
//! lines are cut to one line with "…"; added and changed lines wrap under an
//! empty gutter, so that nothing new is ever hidden. A [`View`] formats only
//! the rows in a window, so that a long diff costs its visible rows per frame.

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
    // Anything new or changed wraps.
    if one_line(line) {
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

/// Whether a line takes one line whatever the width: unchanged lines, and
/// removed lines with no changed words (their text is whole elsewhere).
fn one_line(line: &DiffLine) -> bool {
    line.tag == LineTag::Equal
        || (line.tag == LineTag::Delete && !line.segments.iter().any(|s| s.emphasized))
}

fn unified_gutter(line: &DiffLine, d: usize) -> String {
    format!(
        "{} {} {} ",
        number(line.old_line, d),
        number(line.new_line, d),
        sign(line.tag)
    )
}

fn unified(diff: &JsonDiff, room: usize) -> Vec<Line<'static>> {
    let view = View::new(diff, DiffLayout::Unified, room);
    view.lines(0, view.height())
}

fn side_by_side(diff: &JsonDiff, room: usize) -> Vec<Line<'static>> {
    let view = View::new(diff, DiffLayout::SideBySide, room);
    view.lines(0, view.height())
}

/// A diff laid out for a width, drawn a window at a time: the height of each
/// row is known up front (one line for most, measured for those that wrap),
/// so that only the rows on screen are formatted.
pub struct View<'a> {
    diff: &'a JsonDiff,
    layout: DiffLayout,
    room: usize,
    digits: usize,
    /// Side by side: each row's old and new line (indices into the diff).
    pairs: Vec<(Option<usize>, Option<usize>)>,
    /// The height of each row, in lines.
    heights: Vec<usize>,
}

impl<'a> View<'a> {
    /// The diff laid out for `room` cells.
    #[must_use]
    pub fn new(diff: &'a JsonDiff, layout: DiffLayout, room: usize) -> Self {
        let mut view = Self {
            diff,
            layout,
            room,
            digits: digits(diff),
            pairs: Vec::new(),
            heights: Vec::new(),
        };
        view.heights = match layout {
            DiffLayout::Unified => diff.lines.iter().map(|l| view.unified_height(l)).collect(),
            DiffLayout::SideBySide => {
                view.pairs = diff.side_by_side_indices();
                view.pairs
                    .iter()
                    .map(|&(left, right)| {
                        let side = |i: Option<usize>, old| {
                            i.map_or(1, |i| view.side_height(&diff.lines[i], old))
                        };
                        side(left, true).max(side(right, false))
                    })
                    .collect()
            }
        };
        view
    }

    /// Lines in all.
    #[must_use]
    pub fn height(&self) -> usize {
        self.heights.iter().sum()
    }

    fn unified_height(&self, line: &DiffLine) -> usize {
        if one_line(line) {
            1
        } else {
            self.unified_row(line).len()
        }
    }

    fn unified_row(&self, line: &DiffLine) -> Vec<Line<'static>> {
        with_gutter(line, unified_gutter(line, self.digits), self.room)
    }

    fn half(&self) -> usize {
        self.room.saturating_sub(1) / 2
    }

    fn side(&self, line: &DiffLine, old: bool) -> Vec<Line<'static>> {
        let n = if old { line.old_line } else { line.new_line };
        let gutter = format!("{} {} ", number(n, self.digits), sign(line.tag));
        with_gutter(line, gutter, self.half())
    }

    fn side_height(&self, line: &DiffLine, old: bool) -> usize {
        if one_line(line) {
            1
        } else {
            self.side(line, old).len()
        }
    }

    fn side_row(&self, (left, right): (Option<usize>, Option<usize>)) -> Vec<Line<'static>> {
        let half = self.half();
        let side = |i: Option<usize>, old: bool| -> Vec<Line<'static>> {
            match i {
                Some(i) => self.side(&self.diff.lines[i], old),
                None => vec![Line::raw("")],
            }
        };
        let left = side(left, true);
        let right = side(right, false);
        let mut out = Vec::new();
        for i in 0..left.len().max(right.len()) {
            let mut spans: Vec<Span<'static>> =
                left.get(i).map(|l| l.spans.clone()).unwrap_or_default();
            let used: usize = spans.iter().map(|s| width(&s.content)).sum();
            spans.push(Span::raw(" ".repeat(half.saturating_sub(used))));
            spans.push(Span::styled("│", theme::dim()));
            spans.extend(right.get(i).map(|l| l.spans.clone()).unwrap_or_default());
            out.push(Line::from(spans));
        }
        out
    }

    fn row(&self, index: usize) -> Vec<Line<'static>> {
        match self.layout {
            DiffLayout::Unified => self.unified_row(&self.diff.lines[index]),
            DiffLayout::SideBySide => self.side_row(self.pairs[index]),
        }
    }

    /// At most `count` lines from line `from` on.
    #[must_use]
    pub fn lines(&self, from: usize, count: usize) -> Vec<Line<'static>> {
        let mut out = Vec::with_capacity(count.min(self.height()));
        let mut top = 0;
        for (index, &height) in self.heights.iter().enumerate() {
            if out.len() >= count {
                break;
            }
            if top + height > from {
                let skip = from.saturating_sub(top);
                let left = count - out.len();
                out.extend(self.row(index).into_iter().skip(skip).take(left));
            }
            top += height;
        }
        out
    }
}
