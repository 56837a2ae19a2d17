//! Text helpers measured in terminal cells (display width), never bytes or
//! chars: truncation with "…", padding, wrapping styled spans with a hanging
//! indent, and short forms of ids, paths and times.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of a text, in cells.
#[must_use]
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// The text with control characters made visible: a line break as `↵`, a tab
/// as `⇥`, anything else as `�`, so that one value stays on one line.
#[must_use]
pub fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' => '↵',
            '\t' => '⇥',
            c if c.is_control() => '�',
            c => c,
        })
        .collect()
}

/// The text cut to at most `max` cells, ending with "…" when cut.
#[must_use]
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The text cut in the middle to at most `max` cells, keeping both ends (for
/// paths, whose tail tells most).
#[must_use]
pub fn truncate_middle(text: &str, max: usize) -> String {
    if width(text) <= max || max < 5 {
        return truncate(text, max);
    }
    let tail_room = (max - 1) / 2;
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = char_width(c);
        if used + w > tail_room {
            break;
        }
        used += w;
        tail.push(c);
    }
    let head = truncate(text, max - used);
    head + &tail.iter().rev().collect::<String>()
}

/// The text truncated or padded with spaces to exactly `cells` cells.
#[must_use]
pub fn fit(text: &str, cells: usize) -> String {
    let mut out = truncate(text, cells);
    let pad = cells.saturating_sub(width(&out));
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// Spans cut to at most `max` cells in total, the last one ending with "…".
#[must_use]
pub fn truncate_spans(spans: Vec<Span<'static>>, max: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| width(&s.content)).sum();
    if total <= max {
        return spans;
    }
    let mut out = Vec::new();
    let mut left = max;
    for span in spans {
        let w = width(&span.content);
        if w < left {
            left -= w;
            out.push(span);
        } else {
            out.push(Span::styled(truncate(&span.content, left), span.style));
            break;
        }
    }
    out
}

/// How [`wrap`] breaks lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Break {
    /// At spaces where possible (prose).
    Words,
    /// At any character (JSON, ids, values).
    Anywhere,
    /// After a `/` or a space where possible, so that a URL's ids stay whole
    /// (a segment longer than the line breaks anywhere).
    Path,
}

/// Wraps styled spans to `width` cells. The first line starts with `first`,
/// every next line with `rest` (a hanging indent or an empty gutter).
#[must_use]
pub fn wrap(
    spans: &[Span<'_>],
    width_cells: usize,
    first: &[Span<'static>],
    rest: &[Span<'static>],
    mode: Break,
) -> Vec<Line<'static>> {
    let cells: Vec<(char, Style)> = spans
        .iter()
        .flat_map(|s| {
            let style = s.style;
            s.content.chars().map(move |c| (c, style))
        })
        .collect();
    let chars: Vec<char> = cells.iter().map(|&(c, _)| c).collect();
    let widths = [first, rest].map(|p| p.iter().map(|s| width(&s.content)).sum::<usize>());
    let mut lines = Vec::new();
    for (start, end) in breaks(&chars, width_cells, widths, mode) {
        let prefix = if lines.is_empty() { first } else { rest };
        let mut line: Vec<Span<'static>> = prefix.to_vec();
        line.extend(group(&cells[start..end]));
        lines.push(Line::from(line));
    }
    lines
}

/// How many lines [`wrap`] makes of `text` (without making them): the
/// first line's prefix is `first` cells wide, every next one's `rest`.
#[must_use]
pub fn wrapped_height(
    text: &[char],
    width_cells: usize,
    first: usize,
    rest: usize,
    mode: Break,
) -> usize {
    let mut lines = 0;
    each_line(text, width_cells, [first, rest], mode, |_, _| lines += 1);
    lines
}

/// [`wrapped_height`] of a text as a string: a printable ASCII text (most
/// bodies) is measured on its bytes, with nothing allocated.
#[must_use]
pub fn wrapped_height_str(
    text: &str,
    width_cells: usize,
    first: usize,
    rest: usize,
    mode: Break,
) -> usize {
    let mut lines = 0;
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        each_line(text.as_bytes(), width_cells, [first, rest], mode, |_, _| {
            lines += 1;
        });
    } else {
        let chars: Vec<char> = text.chars().collect();
        each_line(&chars, width_cells, [first, rest], mode, |_, _| lines += 1);
    }
    lines
}

/// What a text is broken into lines by: a character, or the byte of a
/// printable ASCII text (one cell each).
trait Unit: Copy {
    fn cells(self) -> usize;
    fn is(self, c: char) -> bool;
}

impl Unit for char {
    fn cells(self) -> usize {
        char_width(self)
    }
    fn is(self, c: char) -> bool {
        self == c
    }
}

impl Unit for u8 {
    fn cells(self) -> usize {
        1
    }
    fn is(self, c: char) -> bool {
        u32::from(self) == u32::from(c)
    }
}

/// Where [`wrap`] breaks `chars`: each line's range.
fn breaks(
    chars: &[char],
    width_cells: usize,
    prefixes: [usize; 2],
    mode: Break,
) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    each_line(chars, width_cells, prefixes, mode, |start, end| {
        lines.push((start, end));
    });
    lines
}

/// Calls `line` with each line's range, as [`wrap`] breaks `chars`.
fn each_line<U: Unit>(
    chars: &[U],
    width_cells: usize,
    [first, rest]: [usize; 2],
    mode: Break,
    mut line: impl FnMut(usize, usize),
) {
    let mut count = 0;
    let mut start = 0;
    loop {
        let prefix_width = if count == 0 { first } else { rest };
        let avail = width_cells.saturating_sub(prefix_width).max(1);
        let mut end = start;
        let mut used = 0;
        while end < chars.len() {
            let w = chars[end].cells();
            if used + w > avail && end > start {
                break;
            }
            used += w;
            end += 1;
        }
        let mut next = end;
        if end < chars.len() && mode == Break::Words {
            if let Some(space) = (start + 1..end).rev().find(|&i| chars[i].is(' ')) {
                end = space;
                next = space + 1;
            }
        }
        if end < chars.len() && mode == Break::Path {
            // Break after the separator: it ends the line, the next starts
            // clean; never after the indent alone, which would leave the line empty.
            let lead = (start..end).find(|&i| !chars[i].is(' ')).unwrap_or(end);
            if let Some(at) = (lead + 2..end).rev().find(|&i| {
                let c = chars[i - 1];
                c.is('/') || c.is(' ') || c.is('?') || c.is('&')
            }) {
                end = at;
                next = at;
            }
        }
        line(start, end);
        count += 1;
        start = next;
        if mode == Break::Words {
            while start < chars.len() && chars[start].is(' ') && start > 0 {
                start += 1;
            }
        }
        if start >= chars.len() {
            break;
        }
    }
}

/// Consecutive cells of one style as one span.
fn group(cells: &[(char, Style)]) -> Vec<Span<'static>> {
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style = None;
    for &(c, s) in cells {
        if style.is_some_and(|st| st != s) {
            out.push(Span::styled(
                std::mem::take(&mut text),
                style.unwrap_or_default(),
            ));
        }
        style = Some(s);
        text.push(c);
    }
    if let Some(style) = style {
        out.push(Span::styled(text, style));
    }
    out
}

/// Prose wrapped at words with a hanging indent of `indent` spaces.
#[must_use]
pub fn prose(text: &str, style: Style, width_cells: usize, indent: usize) -> Vec<Line<'static>> {
    let pad = vec![Span::raw(" ".repeat(indent))];
    wrap(
        &[Span::styled(visible(text), style)],
        width_cells,
        &pad,
        &pad,
        Break::Words,
    )
}

/// A UUID shortened to its first block and "…"; other text as is.
#[must_use]
pub fn short_id(id: &str) -> String {
    if is_uuid(id) {
        format!("{}…", &id[..8])
    } else {
        id.to_owned()
    }
}

fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// The text with every UUID in it shortened (see [`short_id`]).
#[must_use]
pub fn short_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let candidate = rest.get(..36).filter(|s| is_uuid(s));
        let boundary = !out
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_hexdigit())
            && !rest
                .get(36..)
                .and_then(|r| r.chars().next())
                .is_some_and(|n| n.is_ascii_hexdigit());
        match candidate {
            Some(id) if boundary => {
                out.push_str(&short_id(id));
                rest = &rest[36..];
            }
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// A URL or path without scheme and host, every UUID in it shortened.
#[must_use]
pub fn short_path(url: &str) -> String {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.find('/').map_or("/", |i| &rest[i..]));
    path.split('/').map(short_id).collect::<Vec<_>>().join("/")
}

/// An ISO-8601 timestamp as `2026-11-20 14:02`, or as given when it is not one.
#[must_use]
pub fn minute(timestamp: &str) -> String {
    match (timestamp.get(..10), timestamp.get(11..16)) {
        (Some(date), Some(time)) if timestamp.as_bytes().get(10) == Some(&b'T') => {
            format!("{date} {time}")
        }
        _ => timestamp.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_wraps_after_its_slashes_so_that_no_id_is_cut() {
        let path = "PATCH /api/v2/conversations/6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14/participants/c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f/attributes";
        let lines = wrap(&[Span::raw(path)], 60, &[], &[Span::raw("  ")], Break::Path);
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "PATCH /api/v2/conversations/",
                "  6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14/participants/",
                "  c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f/attributes",
            ]
        );
        assert_eq!(text.concat().replace("  ", ""), path.replace("  ", ""));
        // A segment longer than the line still wraps, anywhere.
        let long = wrap(
            &[Span::raw("a/".repeat(2) + &"b".repeat(30))],
            10,
            &[],
            &[],
            Break::Path,
        );
        assert!(long.iter().all(|l| l.width() <= 10), "{long:?}");
        // An indented line is never broken after its indent alone.
        let json = wrap(
            &[Span::raw("    \"accountNumber\": \"884-221-0097\",")],
            24,
            &[],
            &[],
            Break::Path,
        );
        let text: Vec<String> = json.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["    \"accountNumber\": ", "\"884-221-0097\","]);
        assert_eq!(
            wrapped_height(
                &"    \"accountNumber\": \"884-221-0097\","
                    .chars()
                    .collect::<Vec<_>>(),
                24,
                0,
                0,
                Break::Path
            ),
            2
        );
    }

    #[test]
    fn widths_count_cells_not_bytes() {
        assert_eq!(width("山田 太郎"), 9);
        assert_eq!(truncate("山田 太郎", 6), "山田 …");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("abcd", 0), "");
        assert_eq!(fit("😟→🙂", 7), "😟→🙂  ");
        assert_eq!(
            truncate_middle("/a/bcdefgh/attributes", 15),
            "/a/bcde…ributes"
        );
        assert_eq!(width(&truncate_middle("山田太郎山田太郎", 9)), 9);
        assert_eq!(visible("a\nb\tc"), "a↵b⇥c");
    }

    #[test]
    fn wrapping_keeps_the_gutter_and_breaks_at_words() {
        let lines = wrap(
            &[Span::raw("alpha beta gamma")],
            8,
            &[Span::raw("> ")],
            &[Span::raw("  ")],
            Break::Words,
        );
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["> alpha", "  beta", "  gamma"]);
        let lines = wrap(&[Span::raw("山田太郎")], 3, &[], &[], Break::Anywhere);
        assert_eq!(lines.len(), 4, "a wide char never splits: {lines:?}");
        assert_eq!(wrap(&[], 0, &[], &[], Break::Words).len(), 1);
    }

    #[test]
    fn ids_paths_and_times_shorten() {
        assert_eq!(
            short_path(
                "http://127.0.0.1:1/api/v2/conversations/6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14/x"
            ),
            "/api/v2/conversations/6a1e3b52…/x"
        );
        assert_eq!(
            short_ids("GET conversation 6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14 (山田)"),
            "GET conversation 6a1e3b52… (山田)"
        );
        assert_eq!(minute("2026-11-20T14:02:11.482Z"), "2026-11-20 14:02");
        assert_eq!(minute("soon"), "soon");
    }

    #[test]
    fn a_string_is_measured_as_its_characters_are_ascii_or_not() {
        for text in [
            "    \"accountNumber\": \"884-221-0097\",",
            "    \"url\": \"https://example.com/a/b?c=d&e=f\",",
            "    \"greeting\": \"お電話ありがとうございます\",",
            "tab\there",
        ] {
            let chars: Vec<char> = text.chars().collect();
            for room in [8, 13, 24, 53] {
                for mode in [Break::Path, Break::Words, Break::Anywhere] {
                    assert_eq!(
                        wrapped_height_str(text, room, 4, 6, mode),
                        wrapped_height(&chars, room, 4, 6, mode),
                        "{text:?} at {room} {mode:?}"
                    );
                }
            }
        }
    }
}
