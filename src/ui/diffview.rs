//! A [`JsonDiff`] as lines: unified (old and new line numbers, then the
//! line's sign: `-`/`+`, or for attribute bodies the key's mark `~`/`+`/`=`)
//! or side by side under a header row, with the changed words emphasized.
//! Long lines wrap, each continuation marked `↪` in the gutter; with
//! wrapping off, unchanged, untouched and plainly removed lines are cut to
//! one line with "…", and added and changed lines still wrap, so that nothing
//! new is ever hidden. Side by side, the left column takes half the width and
//! the right one the rest, whatever width the pane gets. A [`View`] formats
//! only the rows in a window, so that a long diff costs its visible rows per
//! frame (the heights of wrapped rows are counted, not formatted).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use std::sync::Arc;

use super::text::{Break, truncate_spans, width, wrap, wrapped_height, wrapped_height_str};
use super::theme;
use crate::app::{DiffLayout, DiffShape, Keyed};
use crate::diff::{DiffLine, JsonDiff, LineTag, Mark, UNTOUCHED};

/// The diff laid out for `width` cells, long lines wrapped or cut.
#[must_use]
pub fn lines(diff: &JsonDiff, layout: DiffLayout, width: usize, wrap: bool) -> Vec<Line<'static>> {
    let shape = shape(diff);
    let view = View::new(diff, &shape, layout, width, wrap);
    view.lines(0, view.height())
}

/// What starts each continuation of a wrapped line, under a gutter of
/// `gutter` cells that ends with the sign and a space: `↪` in the sign's place.
fn continuation(gutter: usize) -> Span<'static> {
    Span::styled(
        format!("{}↪ ", " ".repeat(gutter.saturating_sub(2))),
        theme::dim(),
    )
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

/// A line's colour: its key's mark's (a changed key warns, an added one is
/// new, an untouched one is dim: the PATCH does nothing to it), else its tag's.
fn base(line: &DiffLine) -> Style {
    match (line.mark, line.tag) {
        (Some(Mark::Untouched), _) => theme::dim(),
        (Some(Mark::Changed), _) => theme::warning(),
        (Some(Mark::Added), _) | (None, LineTag::Insert) => theme::diff_insert(),
        (None, LineTag::Equal) => theme::plain(),
        (None, LineTag::Delete) => theme::diff_delete(),
    }
}

/// The line's spans on one side: the new side shows the new text when
/// it differs (a trailing comma).
fn text_spans(line: &DiffLine, old: bool) -> Vec<Span<'static>> {
    let style = base(line);
    if let (false, Some(text)) = (old, &line.new_text) {
        return vec![Span::styled(text.clone(), style)];
    }
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

/// One diff line with its gutter: wrapped, or (unchanged, without `wrap`)
/// cut to one line.
/// `old`: the line as the old (PUT-style) side writes it, else as the new.
fn with_gutter(
    line: &DiffLine,
    gutter: String,
    room: usize,
    old: bool,
    wrapping: bool,
) -> Vec<Line<'static>> {
    let style = base(line);
    let gutter_width = width(&gutter);
    let first = vec![Span::styled(gutter, theme::dim().patch(sign_style(style)))];
    let spans = text_spans(line, old);
    // Anything new or changed wraps.
    if one_line(line) && !wrapping {
        let mut all = first;
        let body_room = room.saturating_sub(gutter_width);
        all.extend(truncate_spans(spans, body_room));
        return vec![Line::from(all)];
    }
    wrap(
        &spans,
        room,
        &first,
        &[continuation(gutter_width)],
        // Between words and after slashes where it can: an id or a URL's
        // segment stays whole when it fits on a line.
        Break::Path,
    )
}

fn sign_style(style: Style) -> Style {
    if style == theme::plain() {
        theme::dim()
    } else {
        style
    }
}

/// Whether a line takes one line whatever the width: unchanged lines (not
/// a changed or added key), and removed or untouched lines with no changed
/// words (their text is whole elsewhere).
fn one_line(line: &DiffLine) -> bool {
    match (line.mark, line.tag) {
        (None | Some(Mark::Untouched), LineTag::Equal) => true,
        (_, LineTag::Delete) => !line.segments.iter().any(|s| s.emphasized),
        (_, LineTag::Insert | LineTag::Equal) => false,
    }
}

fn unified_gutter(line: &DiffLine, d: usize) -> String {
    format!(
        "{} {} {} ",
        number(line.old_line, d),
        number(line.new_line, d),
        line.marker()
    )
}

/// The width of the left column of a side-by-side view `room` cells wide;
/// a `│` follows it and the right column takes the rest.
fn left_width(room: usize) -> usize {
    room.saturating_sub(1) / 2
}

/// The header row of a side-by-side view: the two columns' names over
/// their columns, as wide as the rows below.
#[must_use]
pub fn header(left: &str, right: &str, room: usize) -> Line<'static> {
    let half = left_width(room);
    let right_room = room.saturating_sub(half + 1);
    Line::from(vec![
        Span::styled(super::text::fit(left, half), theme::heading()),
        Span::styled("│", theme::dim()),
        Span::styled(super::text::truncate(right, right_room), theme::heading()),
    ])
}

/// The diff's layout that no width changes: which lines may wrap, and the
/// side-by-side pairs (measured once per edit for the payload pane).
#[must_use]
pub fn shape(diff: &JsonDiff) -> DiffShape {
    let pairs = diff.side_by_side_indices();
    let wraps = |i: Option<usize>| i.is_some_and(|i| !one_line(&diff.lines[i]));
    DiffShape {
        digits: digits(diff),
        wrapping: (0..diff.lines.len()).filter(|&i| wraps(Some(i))).collect(),
        pair_wrapping: (0..pairs.len())
            .filter(|&i| wraps(pairs[i].0) || wraps(pairs[i].1))
            .collect(),
        pairs,
        wrapped: Keyed::default(),
    }
}

/// A diff laid out for a width, drawn a window at a time: most rows take
/// one line at any width, and only those that may wrap are measured, so
/// that a frame costs the rows on screen and the wrapping ones.
pub struct View<'a> {
    diff: &'a JsonDiff,
    shape: &'a DiffShape,
    layout: DiffLayout,
    room: usize,
    /// Every long line wraps (else unchanged ones are cut).
    wrap: bool,
    /// The rows that take more than one line, in order, with their height
    /// at this width.
    wrapping: Arc<Vec<(usize, usize)>>,
}

impl<'a> View<'a> {
    /// The diff laid out for `room` cells, every long line wrapped when
    /// `wrap`; `shape` is [`shape`] of `diff`.
    #[must_use]
    pub fn new(
        diff: &'a JsonDiff,
        shape: &'a DiffShape,
        layout: DiffLayout,
        room: usize,
        wrap: bool,
    ) -> Self {
        let mut view = Self {
            diff,
            shape,
            layout,
            room,
            wrap,
            wrapping: Arc::default(),
        };
        if wrap {
            // Every row may wrap: counted once per width and edit (the
            // shape is measured once per edit), not on every frame.
            view.wrapping = shape.wrapped.get_or_init((room, layout), || {
                (0..view.rows())
                    .map(|row| (row, view.row_height(row)))
                    .filter(|&(_, height)| height > 1)
                    .collect()
            });
            return view;
        }
        let rows = match layout {
            DiffLayout::Unified => &shape.wrapping,
            DiffLayout::SideBySide => &shape.pair_wrapping,
        };
        view.wrapping = Arc::new(rows.iter().map(|&row| (row, view.row(row).len())).collect());
        view
    }

    /// How many lines a row takes with every long line wrapped, counted
    /// without formatting it.
    fn row_height(&self, row: usize) -> usize {
        let digits = self.shape.digits;
        let line = |index: usize, gutter: usize, room: usize, old: bool| {
            let line = &self.diff.lines[index];
            match (&line.new_text, old, line.segments.as_slice()) {
                (Some(text), false, _) => {
                    wrapped_height_str(text, room, gutter, gutter, Break::Path)
                }
                // Most lines are one segment: measured where they are.
                (_, _, [one]) => wrapped_height_str(&one.text, room, gutter, gutter, Break::Path),
                _ => {
                    let text: Vec<char> =
                        line.segments.iter().flat_map(|s| s.text.chars()).collect();
                    wrapped_height(&text, room, gutter, gutter, Break::Path)
                }
            }
        };
        match self.layout {
            // The gutters: `{old} {new} {sign} ` and `{n} {sign} `.
            DiffLayout::Unified => line(row, 2 * digits + 4, self.room, true),
            DiffLayout::SideBySide => {
                let (left, right) = self.shape.pairs[row];
                let half = left_width(self.room);
                let rest = self.room.saturating_sub(half + 1);
                let left = left.map_or(1, |i| line(i, digits + 3, half, true));
                let right = right.map_or(1, |i| line(i, digits + 3, rest, false));
                left.max(right)
            }
        }
    }

    fn rows(&self) -> usize {
        match self.layout {
            DiffLayout::Unified => self.diff.lines.len(),
            DiffLayout::SideBySide => self.shape.pairs.len(),
        }
    }

    /// Lines in all.
    #[must_use]
    pub fn height(&self) -> usize {
        let extra: usize = self
            .wrapping
            .iter()
            .map(|&(_, h)| h.saturating_sub(1))
            .sum();
        self.rows() + extra
    }

    fn unified_row(&self, line: &DiffLine) -> Vec<Line<'static>> {
        let gutter = unified_gutter(line, self.shape.digits);
        with_gutter(line, gutter, self.room, true, self.wrap)
    }

    fn side(&self, line: &DiffLine, old: bool) -> Vec<Line<'static>> {
        let (n, room) = if old {
            (line.old_line, left_width(self.room))
        } else {
            (
                line.new_line,
                self.room.saturating_sub(left_width(self.room) + 1),
            )
        };
        let gutter = format!("{} {} ", number(n, self.shape.digits), line.marker());
        with_gutter(line, gutter, room, old, self.wrap)
    }

    fn side_row(&self, (left, right): (Option<usize>, Option<usize>)) -> Vec<Line<'static>> {
        let half = left_width(self.room);
        let untouched = left.is_some_and(|i| self.diff.lines[i].untouched());
        let side = |i: Option<usize>, old: bool| -> Vec<Line<'static>> {
            match i {
                Some(i) => self.side(&self.diff.lines[i], old),
                // The PATCH has nothing in an untouched key's place: it says so.
                None if untouched => {
                    let room = self.room.saturating_sub(half + 1);
                    let gap = " ".repeat(self.shape.digits + 1);
                    vec![Line::styled(
                        super::text::truncate(&format!("{gap}{UNTOUCHED}"), room),
                        theme::dim(),
                    )]
                }
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
            DiffLayout::SideBySide => self.side_row(self.shape.pairs[index]),
        }
    }

    /// The row holding line `line`, and how many of its lines come before it.
    fn locate(&self, line: usize) -> (usize, usize) {
        // Rows before the next wrapping one take one line each.
        let (mut row, mut top) = (0, 0);
        for &(wrapping, height) in self.wrapping.iter() {
            if line < top + (wrapping - row) {
                break;
            }
            top += wrapping - row;
            if line < top + height {
                return (wrapping, line - top);
            }
            top += height;
            row = wrapping + 1;
        }
        (row + (line - top), 0)
    }

    /// At most `count` lines from line `from` on.
    #[must_use]
    pub fn lines(&self, from: usize, count: usize) -> Vec<Line<'static>> {
        let mut out = Vec::with_capacity(count.min(self.height()));
        let (mut row, mut skip) = self.locate(from);
        while out.len() < count && row < self.rows() {
            let left = count - out.len();
            out.extend(self.row(row).into_iter().skip(skip).take(left));
            skip = 0;
            row += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::DiffLayout;

    #[test]
    fn wrapped_rows_are_counted_as_tall_as_they_are_drawn_with_a_marker_on_each_continuation() {
        let old = serde_json::json!({"attributes": {
            "caseSummary": "Customer reports a duplicate charge of 49.90 EUR on the invoice",
            "greeting": "お電話ありがとうございます。ご用件をお伺いします。",
            "related": "https://example.com/api/v2/conversations/6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14",
            "same": "x",
        }});
        let mut new = old.clone();
        new["attributes"]["added"] = serde_json::json!("y".repeat(90));
        let diff = crate::diff::diff(&old, &new);
        let shape = shape(&diff);
        for layout in [DiffLayout::Unified, DiffLayout::SideBySide] {
            for room in [20, 37, 53, 80] {
                let view = View::new(&diff, &shape, layout, room, true);
                let mut total = 0;
                for row in 0..view.rows() {
                    let drawn = view.row(row);
                    assert_eq!(
                        view.row_height(row),
                        drawn.len(),
                        "{layout:?} {room} row {row}"
                    );
                    for line in drawn.iter().skip(1) {
                        assert!(line.to_string().contains('↪'), "{line}");
                    }
                    total += drawn.len();
                }
                assert_eq!(view.height(), total, "{layout:?} {room}");
                assert!(view.lines(0, total).iter().all(|l| l.width() <= room));
            }
        }
        // The URL's id stays on one line.
        let view = View::new(&diff, &shape, DiffLayout::Unified, 53, true);
        let text: Vec<String> = view
            .lines(0, view.height())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            text.iter()
                .any(|l| l.contains("6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14")),
            "{text:#?}"
        );
        // Cut, an unchanged line takes one line.
        let cut = View::new(&diff, &shape, DiffLayout::Unified, 53, false);
        assert!(cut.height() < view.height());
    }
}
