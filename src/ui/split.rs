//! Splitting an area into fixed lengths and one remainder, by arithmetic.
//!
//! Every layout of this UI is a few fixed lengths and one part that takes
//! the rest. ratatui's `Layout` solves such constraints with a general
//! solver whose first use was the largest single cost of drawing the first
//! frame (measured 2026-12-02: the first frame's four layouts took about
//! 0.11 ms of the 1 ms from `main` to the frame); these few lines give the
//! same rectangles (tested against `Layout` below).

use ratatui::layout::Rect;

/// One part of a split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Exactly this many cells, or what is left when there are fewer.
    Len(u16),
    /// What the lengths leave (at most one per split).
    Fill,
}

/// `area` cut into rows, top to bottom.
#[must_use]
pub fn vertical<const N: usize>(area: Rect, parts: [Part; N]) -> [Rect; N] {
    let sizes = sizes(area.height, parts);
    let mut y = area.y;
    sizes.map(|height| {
        let row = Rect::new(area.x, y, area.width, height);
        y = y.saturating_add(height);
        row
    })
}

/// `area` cut into columns, left to right.
#[must_use]
pub fn horizontal<const N: usize>(area: Rect, parts: [Part; N]) -> [Rect; N] {
    let sizes = sizes(area.width, parts);
    let mut x = area.x;
    sizes.map(|width| {
        let column = Rect::new(x, area.y, width, area.height);
        x = x.saturating_add(width);
        column
    })
}

/// `percent` of `total`, rounded to the nearest cell.
#[must_use]
pub fn percent(total: u16, percent: u16) -> u16 {
    let share = (u32::from(total) * u32::from(percent.min(100)) + 50) / 100;
    u16::try_from(share).unwrap_or(total)
}

/// Each part's size along an axis of `total` cells: the lengths in order
/// while there is room, then the fill gets the rest.
fn sizes<const N: usize>(total: u16, parts: [Part; N]) -> [u16; N] {
    let fixed: u16 = parts
        .iter()
        .map(|part| match part {
            Part::Len(n) => *n,
            Part::Fill => 0,
        })
        .fold(0, u16::saturating_add);
    let mut fill = total.saturating_sub(fixed);
    let mut left = total;
    parts.map(|part| {
        let want = match part {
            Part::Len(n) => n,
            Part::Fill => std::mem::take(&mut fill),
        };
        let size = want.min(left);
        left -= size;
        size
    })
}

#[cfg(test)]
mod tests {
    use ratatui::layout::{Constraint, Layout};

    use super::{Part, horizontal, percent, vertical};
    use ratatui::layout::Rect;

    fn constraint(part: Part) -> Constraint {
        match part {
            Part::Len(n) => Constraint::Length(n),
            Part::Fill => Constraint::Fill(1),
        }
    }

    #[test]
    fn splits_give_the_rectangles_ratatuis_layout_gives_whenever_the_lengths_fit() {
        let shapes: [[Part; 5]; 3] = [
            [
                Part::Len(3),
                Part::Len(1),
                Part::Len(1),
                Part::Fill,
                Part::Len(2),
            ],
            [
                Part::Fill,
                Part::Len(0),
                Part::Len(7),
                Part::Len(1),
                Part::Len(1),
            ],
            [
                Part::Len(1),
                Part::Len(1),
                Part::Len(1),
                Part::Len(1),
                Part::Fill,
            ],
        ];
        for shape in shapes {
            let fixed: u16 = shape
                .iter()
                .map(|part| match part {
                    Part::Len(n) => *n,
                    Part::Fill => 0,
                })
                .sum();
            for size in [7, 8, 9, 12, 30, 100].into_iter().filter(|&s| s >= fixed) {
                let area = Rect::new(2, 3, size, size);
                let ours = vertical(area, shape);
                let theirs: [Rect; 5] = Layout::vertical(shape.map(constraint)).areas(area);
                assert_eq!(ours, theirs, "vertical {shape:?} in {size}");
                let ours = horizontal(area, shape);
                let theirs: [Rect; 5] = Layout::horizontal(shape.map(constraint)).areas(area);
                assert_eq!(ours, theirs, "horizontal {shape:?} in {size}");
            }
        }
    }

    #[test]
    fn lengths_that_do_not_fit_are_cut_from_the_last_and_the_fill_gets_nothing() {
        let area = Rect::new(0, 0, 10, 5);
        let rows = vertical(area, [Part::Len(3), Part::Fill, Part::Len(4)]);
        assert_eq!(rows.map(|r| r.height), [3, 0, 2]);
        assert_eq!(rows.map(|r| r.y), [0, 3, 3]);
        assert!(
            rows.iter()
                .all(|r| area.contains(r.as_position()) || r.height == 0)
        );
    }

    #[test]
    fn a_percentage_rounds_to_the_nearest_cell_as_ratatuis_layout_does() {
        for total in [0, 1, 63, 80, 99, 100, 101, 120, 233] {
            for share in [45, 55] {
                let area = Rect::new(0, 0, total, 1);
                let [theirs, _] =
                    Layout::horizontal([Constraint::Percentage(share), Constraint::Fill(1)])
                        .areas(area);
                assert_eq!(percent(total, share), theirs.width, "{share}% of {total}");
            }
        }
    }
}
