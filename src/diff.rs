//! JSON diff (pure): two values -> canonical text -> `similar` line diff with
//! word-level emphasis, a leaf summary as RFC 6901 pointers, and the plain and
//! side-by-side layouts the UI and CLI draw from.

use std::cmp::Ordering;
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Value, json};

use crate::genesys::Attributes;
use similar::{Algorithm, ChangeTag, InlineChangeMode, InlineChangeOptions, TextDiffConfig};

/// A line diff of two canonical JSON texts and a summary of their leaves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsonDiff {
    /// Every line of both texts, in diff order.
    pub lines: Vec<DiffLine>,
    /// Leaves added, changed, removed and unchanged.
    pub summary: KeySummary,
}

/// What happened to one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineTag {
    /// The line is in both texts.
    Equal,
    /// The line is only in the new text.
    Insert,
    /// The line is only in the old text.
    Delete,
}

/// One line of the diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    /// Equal, insert or delete.
    pub tag: LineTag,
    /// 1-based line number in the old text, if the line is there.
    pub old_line: Option<usize>,
    /// 1-based line number in the new text, if the line is there.
    pub new_line: Option<usize>,
    /// The line's text (without its newline), split where emphasis changes.
    pub segments: Vec<Segment>,
}

/// A run of a line's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The text of the run.
    pub text: String,
    /// Whether this run is the part that changed inside a changed line.
    pub emphasized: bool,
}

/// Leaves (scalars, empty objects and empty arrays) as sorted RFC 6901 pointers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KeySummary {
    /// Leaves only in the new value.
    pub added: Vec<String>,
    /// Leaves whose value or type differs (a type change is reported once, at
    /// the shallowest pointer).
    pub changed: Vec<String>,
    /// Leaves only in the old value.
    pub removed: Vec<String>,
    /// Leaves equal in both.
    pub unchanged: Vec<String>,
}

/// One row of a side-by-side view: old text on the left, new on the right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SideBySideRow {
    /// The old-side line (an equal or deleted line), if any.
    pub left: Option<DiffLine>,
    /// The new-side line (an equal or inserted line), if any.
    pub right: Option<DiffLine>,
}

/// Canonical pretty JSON: object keys sorted bytewise at every depth, 2-space
/// indent, ending with a newline.
#[must_use]
pub fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out.push('\n');
    out
}

fn write_value(out: &mut String, value: &Value, depth: usize) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            // Sorted here, not by the map, so that `preserve_order` anywhere in
            // the build cannot change the output.
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                newline(out, i, depth + 1);
                write_string(out, key);
                out.push_str(": ");
                write_value(out, item, depth + 1);
            }
            newline(out, 0, depth);
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                newline(out, i, depth + 1);
                write_value(out, item, depth + 1);
            }
            newline(out, 0, depth);
            out.push(']');
        }
        scalar => write_scalar(out, scalar),
    }
}

/// Ends the previous item (with a comma unless it is the first) and indents.
fn newline(out: &mut String, index: usize, depth: usize) {
    out.push_str(if index == 0 { "\n" } else { ",\n" });
    out.extend(std::iter::repeat_n("  ", depth));
}

fn write_scalar(out: &mut String, scalar: &Value) {
    match scalar {
        Value::String(text) => write_string(out, text),
        // Numbers, booleans and null print the same compact or pretty, and
        // writing to a String cannot fail.
        other => _ = write!(out, "{other}"),
    }
}

/// Writes `text` as a JSON string: most values need no escaping and are
/// copied as they are (much faster); the rest go through serde_json, which
/// escapes every control character, so a canonical line never holds a newline.
fn write_string(out: &mut String, text: &str) {
    if text.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        _ = write!(out, "{}", Value::from(text));
    }
}

/// Line diff of `canonical(old)` against `canonical(new)` with word-level
/// emphasis. Hunt-Szymanski, because every line of a canonical object is
/// unique: on a PUT-style body against a much shorter PATCH body it is about
/// ten times faster than `similar`'s Patience, whose anchor pass is a Myers
/// diff costing O(N·D) (measured: 0.2 ms against 2 ms at 1,000 keys). No
/// deadline, so the output is deterministic.
#[must_use]
pub fn diff(old: &Value, new: &Value) -> JsonDiff {
    let lines = line_diff(&canonical(old), &canonical(new));
    let mut summary = KeySummary::default();
    walk(&mut String::new(), (Some(old), Some(new)), &mut summary);
    summary.added.sort_unstable();
    summary.changed.sort_unstable();
    summary.removed.sort_unstable();
    summary.unchanged.sort_unstable();
    JsonDiff { lines, summary }
}

/// The lines of two texts diffed, with word-level emphasis.
fn line_diff(old_text: &str, new_text: &str) -> Vec<DiffLine> {
    let text_diff = TextDiffConfig::default()
        .algorithm(Algorithm::Hunt)
        .diff_lines(old_text, new_text);
    let mut options = InlineChangeOptions::new();
    options
        .algorithm(Algorithm::Patience)
        .mode(InlineChangeMode::Words);
    text_diff
        .iter_all_inline_changes_with_options_deadline(options, None)
        .map(|change| DiffLine {
            tag: match change.tag() {
                ChangeTag::Equal => LineTag::Equal,
                ChangeTag::Insert => LineTag::Insert,
                ChangeTag::Delete => LineTag::Delete,
            },
            old_line: change.old_index().map(|i| i + 1),
            new_line: change.new_index().map(|i| i + 1),
            segments: segments(change.values()),
        })
        .collect()
}

/// The diff of two attribute bodies, `{"attributes": old}` (with `"version":
/// version` when given) against `{"attributes": new}`: what [`diff`] of the
/// two values gives, made without writing either text whole when `new` is
/// a part of `old` (each of its keys is in `old` with the same value, as the
/// PATCH body is of the PUT-style one). Every line of such a pair is unique
/// on its side and the lines both sides share come in the same order, so
/// they are paired by key in one pass, and only the few lines between two
/// pairs (where a comma moved) are diffed as text. Otherwise the two values
/// are built and diffed.
#[must_use]
pub fn diff_attribute_bodies(old: &Attributes, version: Option<i64>, new: &Attributes) -> JsonDiff {
    attribute_bodies(old, version, new, &mut Pool::default())
}

/// [`diff_attribute_bodies`] written over `diff`, reusing its allocations
/// (its lines' text and its pointers): an edit's new diff is mostly the old
/// one's lines, so it is written with next to no allocation.
pub fn rediff_attribute_bodies(
    diff: &mut JsonDiff,
    old: &Attributes,
    version: Option<i64>,
    new: &Attributes,
) {
    let spent = std::mem::replace(
        diff,
        JsonDiff {
            lines: Vec::new(),
            summary: KeySummary::default(),
        },
    );
    let summary = spent.summary;
    // Popped from the end: reversed, the lines come back in their order, so
    // each is mostly rewritten with its own text, in place.
    let mut lines = spent.lines;
    lines.reverse();
    let mut pool = Pool {
        lines,
        pointers: [
            summary.added,
            summary.changed,
            summary.removed,
            summary.unchanged,
        ]
        .concat(),
    };
    pool.pointers.reverse();
    *diff = attribute_bodies(old, version, new, &mut pool);
}

/// The allocations of a spent diff, for the next one to write into.
#[derive(Default)]
struct Pool {
    lines: Vec<DiffLine>,
    pointers: Vec<String>,
}

impl Pool {
    /// A whole line, nothing emphasized.
    fn line(
        &mut self,
        tag: LineTag,
        old_line: Option<usize>,
        new_line: Option<usize>,
        body: &BodyLine,
    ) -> DiffLine {
        let mut line = self.lines.pop().unwrap_or_else(|| DiffLine {
            tag,
            old_line,
            new_line,
            segments: Vec::with_capacity(1),
        });
        (line.tag, line.old_line, line.new_line) = (tag, old_line, new_line);
        line.segments.truncate(1);
        if line.segments.is_empty() {
            line.segments.push(Segment {
                text: String::new(),
                emphasized: false,
            });
        }
        let segment = &mut line.segments[0];
        segment.emphasized = false;
        segment.text.clear();
        body.write(&mut segment.text);
        line
    }

    /// An empty string to write a pointer in.
    fn pointer(&mut self) -> String {
        let mut pointer = self.pointers.pop().unwrap_or_default();
        pointer.clear();
        pointer
    }
}

fn attribute_bodies(
    old: &Attributes,
    version: Option<i64>,
    new: &Attributes,
    pool: &mut Pool,
) -> JsonDiff {
    let part = new
        .iter()
        .all(|(key, value)| old.get(key).is_some_and(|old| old == value));
    if !part {
        let mut old_body = json!({ "attributes": old });
        if let Some(version) = version {
            old_body["version"] = json!(version);
        }
        return diff(&old_body, &json!({ "attributes": new }));
    }
    let (old_lines, new_lines) = (body_lines(old, version), body_lines(new, None));
    let mut lines = Vec::with_capacity(old_lines.len() + 2);
    let (mut i, mut j) = (0, 0);
    // The lines of each side since the last pair.
    let (mut gap_i, mut gap_j) = (0, 0);
    loop {
        let order = match (old_lines.get(i), new_lines.get(j)) {
            (None, None) => break,
            (Some(x), Some(y)) => x.position().cmp(&y.position()),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
        };
        match order {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal if old_lines[i] != new_lines[j] => (i, j) = (i + 1, j + 1),
            Ordering::Equal => {
                gap(
                    &old_lines[gap_i..i],
                    &new_lines[gap_j..j],
                    (gap_i, gap_j),
                    pool,
                    &mut lines,
                );
                let line = &old_lines[i];
                lines.push(pool.line(LineTag::Equal, Some(i + 1), Some(j + 1), line));
                (i, j) = (i + 1, j + 1);
                (gap_i, gap_j) = (i, j);
            }
        }
    }
    gap(
        &old_lines[gap_i..],
        &new_lines[gap_j..],
        (gap_i, gap_j),
        pool,
        &mut lines,
    );
    JsonDiff {
        lines,
        summary: attribute_summary(old, version, new, pool),
    }
}

/// One line of the canonical text of an attribute body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyLine<'a> {
    /// `{`
    Open,
    /// `  "attributes": {`, or `  "attributes": {}` for an empty map, with a
    /// comma when `version` follows.
    Header { empty: bool, comma: bool },
    /// `    "key": "value"`, with a comma unless it is the last.
    Entry {
        key: &'a str,
        value: &'a str,
        comma: bool,
    },
    /// `  }` after a map that is not empty, with a comma when `version` follows.
    Close { comma: bool },
    /// `  "version": n`
    Version(i64),
    /// `}`
    End,
}

impl BodyLine<'_> {
    /// Where the line comes in either text: lines at the same position are
    /// the same line or two versions of it.
    fn position(&self) -> (u8, &str) {
        match self {
            Self::Open => (0, ""),
            Self::Header { .. } => (1, ""),
            Self::Entry { key, .. } => (2, key),
            Self::Close { .. } => (3, ""),
            Self::Version(_) => (4, ""),
            Self::End => (5, ""),
        }
    }

    /// The text, as [`canonical`] writes it.
    fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// Appends the text to `out`.
    fn write(&self, out: &mut String) {
        let comma = match *self {
            Self::Open => {
                out.push('{');
                false
            }
            Self::Header { empty, comma } => {
                out.push_str(if empty {
                    "  \"attributes\": {}"
                } else {
                    "  \"attributes\": {"
                });
                comma
            }
            Self::Entry { key, value, comma } => {
                // Indent, two quoted strings, `: ` and the comma: exactly, so
                // that no line is reallocated (a diff holds one per key).
                out.reserve_exact(key.len() + value.len() + 11);
                out.push_str("    ");
                write_string(out, key);
                out.push_str(": ");
                write_string(out, value);
                comma
            }
            Self::Close { comma } => {
                out.push_str("  }");
                comma
            }
            Self::Version(version) => {
                _ = write!(out, "  \"version\": {version}");
                false
            }
            Self::End => {
                out.push('}');
                false
            }
        };
        if comma {
            out.push(',');
        }
    }
}

/// The lines of `canonical({"attributes": map, "version": version})`.
fn body_lines(map: &Attributes, version: Option<i64>) -> Vec<BodyLine<'_>> {
    let comma = version.is_some();
    let mut lines = Vec::with_capacity(map.len() + 5);
    lines.push(BodyLine::Open);
    lines.push(BodyLine::Header {
        empty: map.is_empty(),
        comma: comma && map.is_empty(),
    });
    let last = map.len().saturating_sub(1);
    lines.extend(
        map.iter()
            .enumerate()
            .map(|(i, (key, value))| BodyLine::Entry {
                key,
                value,
                comma: i < last,
            }),
    );
    if !map.is_empty() {
        lines.push(BodyLine::Close { comma });
    }
    lines.extend(version.map(BodyLine::Version));
    lines.push(BodyLine::End);
    lines
}

/// The lines between two pairs, diffed as text (as [`diff`] diffs them: a
/// replacement's words are emphasized), numbered from `at`.
fn gap(
    old: &[BodyLine],
    new: &[BodyLine],
    at: (usize, usize),
    pool: &mut Pool,
    out: &mut Vec<DiffLine>,
) {
    if old.is_empty() && new.is_empty() {
        return;
    }
    // Lines on one side only are whole lines, with nothing emphasized; so
    // are the lines of a replacement whose sides differ too much in length
    // for their words to be diffed (similar's quick ratio, 2·min/total,
    // under the default minimum of 0.5: the lines of every key but one
    // against one line when nothing is edited).
    #[allow(clippy::cast_precision_loss)]
    let ratio = 2.0 * old.len().min(new.len()) as f32 / (old.len() + new.len()) as f32;
    let lopsided = ratio < 0.5;
    if lopsided {
        for (i, line) in old.iter().enumerate() {
            out.push(pool.line(LineTag::Delete, Some(at.0 + i + 1), None, line));
        }
        for (i, line) in new.iter().enumerate() {
            out.push(pool.line(LineTag::Insert, None, Some(at.1 + i + 1), line));
        }
        return;
    }
    let text = |lines: &[BodyLine]| {
        let mut text = String::new();
        for line in lines {
            text.push_str(&line.text());
            text.push('\n');
        }
        text
    };
    let (old_text, new_text) = (text(old), text(new));
    out.extend(line_diff(&old_text, &new_text).into_iter().map(|mut line| {
        line.old_line = line.old_line.map(|n| n + at.0);
        line.new_line = line.new_line.map(|n| n + at.1);
        line
    }));
}

/// [`diff`]'s summary of the two attribute bodies, `new` being a part of `old`.
fn attribute_summary(
    old: &Attributes,
    version: Option<i64>,
    new: &Attributes,
    pool: &mut Pool,
) -> KeySummary {
    let mut summary = KeySummary {
        unchanged: Vec::with_capacity(new.len()),
        removed: Vec::with_capacity(old.len().saturating_sub(new.len()) + 1),
        ..KeySummary::default()
    };
    if old.is_empty() && new.is_empty() {
        summary.unchanged.push("/attributes".to_owned());
    }
    let mut escaped = false;
    // Both maps are sorted: walk `new` beside `old` instead of looking each key up.
    let mut in_new = new.keys().peekable();
    for key in old.keys() {
        let mut pointer = pool.pointer();
        pointer.reserve_exact(key.len() + 12);
        pointer.push_str("/attributes/");
        if key.contains(['~', '/']) {
            escaped = true;
            pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
        } else {
            pointer.push_str(key);
        }
        if in_new.next_if(|k| *k == key).is_some() {
            summary.unchanged.push(pointer);
        } else {
            summary.removed.push(pointer);
        }
    }
    // Pointers are sorted as text: keys are, unless an escape moved one.
    if escaped {
        summary.unchanged.sort_unstable();
        summary.removed.sort_unstable();
    }
    if version.is_some() {
        summary.removed.push("/version".to_owned());
    }
    summary
}

/// Joins similar's `(emphasized, text)` runs of one line into segments,
/// dropping the newline; indentation is layout, so it is never emphasized.
fn segments(values: &[(bool, &str)]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(values.len());
    for &(emphasized, text) in values {
        let text = text.strip_suffix('\n').unwrap_or(text);
        let (indent, text) = match text.find(|c: char| !c.is_ascii_whitespace()) {
            Some(at) if emphasized && out.is_empty() => text.split_at(at),
            _ => ("", text),
        };
        for (emphasized, text) in [(false, indent), (emphasized, text)] {
            match out.last_mut() {
                _ if text.is_empty() => {}
                Some(last) if last.emphasized == emphasized => last.text.push_str(text),
                _ => out.push(Segment {
                    text: text.to_owned(),
                    emphasized,
                }),
            }
        }
    }
    out
}

/// One value on each side; `None` means absent on that side.
type Pair<'a> = (Option<&'a Value>, Option<&'a Value>);

/// Classifies the leaves under `pointer`.
fn walk(pointer: &mut String, (old, new): Pair, out: &mut KeySummary) {
    let branch = |v: Option<&Value>| match v {
        Some(Value::Object(map)) => !map.is_empty(),
        Some(Value::Array(items)) => !items.is_empty(),
        _ => false,
    };
    // Only containers of the same type are compared child by child; anything
    // else (scalars, a type change, two empty containers) is a single leaf.
    let same_kind = match (old, new) {
        (Some(x), Some(y)) => std::mem::discriminant(x) == std::mem::discriminant(y),
        _ => true,
    };
    if !same_kind || !(branch(old) || branch(new)) {
        let list = match (old, new) {
            (Some(x), Some(y)) if x == y => &mut out.unchanged,
            (Some(_), Some(_)) => &mut out.changed,
            (Some(_), None) => &mut out.removed,
            (None, Some(_)) => &mut out.added,
            (None, None) => return,
        };
        list.push(pointer.clone());
        return;
    }
    // Merge the key lists, sorted (linear when a map already is): looking each
    // key up in the other map costs O(n log n) cache-missing comparisons.
    let (mut a, mut b) = (entries(old).peekable(), entries(new).peekable());
    loop {
        let order = match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some(x), Some(y)) => x.0.cmp(y.0),
            (_, None) => Ordering::Less,
            (None, _) => Ordering::Greater,
        };
        let (x, y) = (a.next_if(|_| order.is_le()), b.next_if(|_| order.is_ge()));
        if let Some((key, _)) = x.or(y) {
            descend(pointer, key, (x.map(|e| e.1), y.map(|e| e.1)), out);
        }
    }
    let len = |v: Option<&Value>| v.and_then(Value::as_array).map_or(0, Vec::len);
    for i in 0..len(old).max(len(new)) {
        let (x, y) = (old.and_then(|o| o.get(i)), new.and_then(|n| n.get(i)));
        descend(pointer, &i.to_string(), (x, y), out);
    }
}

/// An object's entries sorted by key; not an object: none.
fn entries(value: Option<&Value>) -> std::vec::IntoIter<(&String, &Value)> {
    let mut entries: Vec<_> = value
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    entries.into_iter()
}

fn descend(pointer: &mut String, key: &str, pair: Pair, out: &mut KeySummary) {
    let len = pointer.len();
    pointer.push('/');
    if key.contains(['~', '/']) {
        pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
    } else {
        pointer.push_str(key);
    }
    walk(pointer, pair, out);
    pointer.truncate(len);
}

impl DiffLine {
    /// The line's full text, without emphasis.
    #[must_use]
    pub fn text(&self) -> String {
        self.segments.iter().map(|s| s.text.as_str()).collect()
    }
}

impl JsonDiff {
    /// True when the two values render identically (no inserted or deleted line).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.tag == LineTag::Equal)
    }

    /// Unified text, one line per [`DiffLine`]: marker (` `, `-`, `+`), old and
    /// new line numbers right-aligned to a common width, `|`, then the text with
    /// emphasis as `[-text-]` on deleted lines and `{+text+}` on inserted ones.
    #[must_use]
    pub fn render_plain(&self) -> String {
        let widest = self
            .lines
            .iter()
            .filter_map(|l| l.old_line.max(l.new_line))
            .max();
        let width = widest.unwrap_or(0).to_string().len();
        let number = |n: Option<usize>| n.map_or_else(String::new, |n| n.to_string());
        let mut out = String::new();
        for line in &self.lines {
            let (marker, open, close) = match line.tag {
                LineTag::Equal => (' ', "", ""),
                LineTag::Delete => ('-', "[-", "-]"),
                LineTag::Insert => ('+', "{+", "+}"),
            };
            let (old, new) = (number(line.old_line), number(line.new_line));
            _ = write!(out, "{marker} {old:>width$} {new:>width$} | ");
            for segment in &line.segments {
                let (open, close) = [("", ""), (open, close)][usize::from(segment.emphasized)];
                _ = write!(out, "{open}{}{close}", segment.text);
            }
            out.push('\n');
        }
        out
    }

    /// Rows for a two-column view: each run of deleted lines is paired row by
    /// row with the run of inserted lines that follows it (the longer run's
    /// extra lines stand alone); equal lines appear on both sides.
    #[must_use]
    pub fn side_by_side(&self) -> Vec<SideBySideRow> {
        self.side_by_side_indices()
            .into_iter()
            .map(|(left, right)| SideBySideRow {
                left: left.map(|i| self.lines[i].clone()),
                right: right.map(|i| self.lines[i].clone()),
            })
            .collect()
    }

    /// The rows of [`Self::side_by_side`] as indices into `lines`, so that a
    /// view of a long diff pairs its lines without copying them.
    #[must_use]
    pub fn side_by_side_indices(&self) -> Vec<(Option<usize>, Option<usize>)> {
        let mut rows = Vec::with_capacity(self.lines.len());
        let mut runs = self.lines.chunk_by(|a, b| a.tag == b.tag).peekable();
        let mut at = 0;
        while let Some(run) = runs.next() {
            let start = at;
            at += run.len();
            let (left, right) = match run[0].tag {
                LineTag::Equal => (start..at, start..at),
                LineTag::Insert => (start..start, start..at),
                LineTag::Delete => {
                    let inserts = runs.next_if(|next| next[0].tag == LineTag::Insert);
                    let after = at;
                    at += inserts.map_or(0, <[DiffLine]>::len);
                    (start..after, after..at)
                }
            };
            for i in 0..left.len().max(right.len()) {
                let pick = |side: &std::ops::Range<usize>| (i < side.len()).then(|| side.start + i);
                rows.push((pick(&left), pick(&right)));
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn canonical_sorts_nested_keys_and_is_stable() {
        let value = json!({"z": [{"y": 1, "x": null}], "b": {}, "a/~": "é\n", "c": [], "B": 1.5});
        let expected = "{\n  \"B\": 1.5,\n  \"a/~\": \"é\\n\",\n  \"b\": {},\n  \"c\": [],\n  \"z\": [\n    {\n      \"x\": null,\n      \"y\": 1\n    }\n  ]\n}\n";
        assert_eq!(canonical(&value), expected);
        let reparsed: Value = serde_json::from_str(expected).unwrap();
        assert_eq!(canonical(&reparsed), expected, "stable");
        let odd = "\u{0}\u{1f}\u{7f}\u{8}\u{c}\t\r\n\"\\/é\u{2028}😀";
        assert_eq!(canonical(&json!(odd)), json!(odd).to_string() + "\n");
    }

    #[test]
    fn equal_values_give_an_empty_diff() {
        let values = json!([null, {}, [], [1, {"a": "b"}], {"k": {"n": [2], "m": "x"}}]);
        for value in values.as_array().unwrap() {
            let (d, unchanged) = (diff(value, value), canonical(value).lines().count());
            assert!(d.is_empty() && d.lines.len() == unchanged);
            let s = &d.summary;
            assert!(s.added.is_empty() && s.changed.is_empty() && s.removed.is_empty());
        }
    }

    #[test]
    fn key_summary_classifies_leaves() {
        // Each row: [old, new, added, changed, removed, unchanged].
        let rows = [
            r#"[{"a": 1, "b": 2, "c": 3}, {"a": 1, "b": "2", "d": 4}, ["/d"], ["/b"], ["/c"], ["/a"]]"#,
            r#"[{"x": {"y": 1, "z": 2}}, {"x": {"y": 1, "z": 3, "w": []}}, ["/x/w"], ["/x/z"], [], ["/x/y"]]"#,
            r#"[{"l": [1, 2, [3]]}, {"l": [1, 9]}, [], ["/l/1"], ["/l/2/0"], ["/l/0"]]"#,
            r#"[{"t": {"d": {"e": 1}}, "u": [1], "v": {}}, {"t": "x", "u": {"0": 1}, "v": []}, [], ["/t", "/u", "/v"], [], []]"#,
            r#"[{"a/b": 1, "m~n": {"~1": 2}}, {"a/b": 2, "m~n": {"~1": 2}}, [], ["/a~1b"], [], ["/m~0n/~01"]]"#,
            r#"[{"e": {}, "f": {"g": 1}}, {"e": {"h": {"i": null}}, "f": {}}, ["/e/h/i"], [], ["/f/g"], []]"#,
            r#"[{"n": 1}, {"n": 1.0}, [], ["/n"], [], []]"#,
            r#"[1, [], [], [""], [], []]"#,
        ];
        for row in rows {
            let cells: Vec<Value> = serde_json::from_str(row).unwrap();
            let got = serde_json::to_value(diff(&cells[0], &cells[1]).summary).unwrap();
            let want = json!({"added": cells[2], "changed": cells[3], "removed": cells[4], "unchanged": cells[5]});
            assert_eq!(got, want, "{row}");
        }
    }

    #[test]
    fn line_numbers_and_plain_rendering() {
        let d = diff(
            &json!({"a": 1, "b": 2, "c": 3}),
            &json!({"a": 1, "c": 3, "d": 4}),
        );
        let expected = "  1 1 | {\n  2 2 |   \"a\": 1,\n- 3   |   \"b\": 2,\n- 4   |   \"c\": 3\n\
                        +   3 |   \"c\": 3,\n+   4 |   \"d\": 4\n  5 5 | }\n";
        assert_eq!(d.render_plain(), expected);
        let numbers: Vec<_> = d.lines.iter().map(|l| (l.old_line, l.new_line)).collect();
        assert_eq!(numbers[3..5], [(Some(4), None), (None, Some(3))]);
    }

    #[test]
    fn emphasis_marks_only_the_changed_word() {
        // Rows: old value | new value | expected delete line | expected insert line.
        let rows = [
            r#"billing|billing-dispute|"intent": [-"billing",-]|"intent": {+"billing-dispute",+}"#,
            r#"after six today|after seven today|"intent": "after [-six-] today",|"intent": "after {+seven+} today","#,
            r#"こんにちは 1|こんにちは 2|"intent": "こんにちは [-1",-]|"intent": "こんにちは {+2",+}"#,
        ];
        for row in rows {
            let cells: Vec<_> = row.split('|').collect();
            let old = json!({"intent": cells[0], "z": 0});
            let plain = diff(&old, &json!({"intent": cells[1], "z": 0})).render_plain();
            let changed: Vec<_> = plain.lines().filter(|l| !l.starts_with(' ')).collect();
            let expected = [
                format!("- 2   |   {}", cells[2]),
                format!("+   2 |   {}", cells[3]),
            ];
            assert_eq!(changed, expected);
        }
    }

    #[test]
    fn side_by_side_pairs_runs() {
        // Each row: [old, new, rows as "old line/new line"].
        let rows = [
            r#"[{"a": 1, "b": 2, "c": 3}, {"a": 1, "c": 3, "d": 4}, "1/1 2/2 3/3 4/4 5/5"]"#,
            r#"[{"a": 1, "b": 2, "c": 3}, {"a": 9}, "1/1 2/2 3/ 4/ 5/3"]"#,
            r#"[{"a": 1}, {"a": 1, "b": 2}, "1/1 2/2 /3 3/4"]"#,
            r#"[{"a": 1, "m": 0, "n": 0}, {"m": 0, "n": 0, "z": 1}, "1/1 2/ 3/2 4/3 /4 5/5"]"#,
        ];
        let number = |n: Option<usize>| n.map_or(String::new(), |n| n.to_string());
        for row in rows {
            let cells: Vec<Value> = serde_json::from_str(row).unwrap();
            let sides = diff(&cells[0], &cells[1])
                .side_by_side()
                .into_iter()
                .map(|r| {
                    let (old, new) = (
                        r.left.and_then(|l| l.old_line),
                        r.right.and_then(|l| l.new_line),
                    );
                    format!("{}/{}", number(old), number(new))
                });
            assert_eq!(sides.collect::<Vec<_>>().join(" "), cells[2], "{row}");
        }
    }

    fn object(depth: u32) -> BoxedStrategy<Value> {
        let leaf = prop_oneof![
            Just(json!(null)),
            any::<bool>().prop_map(Value::from),
            (0..3).prop_map(Value::from),
            "[a é~/]{0,3}".prop_map(Value::from)
        ];
        let value = if depth == 0 {
            leaf.boxed()
        } else {
            prop_oneof![3 => leaf, 1 => object(depth - 1), 1 => prop::collection::vec(object(depth - 1), 0..3).prop_map(Value::Array)].boxed()
        };
        prop::collection::btree_map("[ab/~]{1,2}", value, 0..5)
            .prop_map(|m| Value::Object(m.into_iter().collect()))
            .boxed()
    }

    proptest! {
        #[test]
        fn replaying_the_diff_rebuilds_both_sides(a in object(2), b in object(2), same in any::<bool>()) {
            let b = if same { a.clone() } else { b };
            let d = diff(&a, &b);
            let side = |keep| d.lines.iter().filter(|l| [LineTag::Equal, keep].contains(&l.tag)).map(|l| l.text() + "\n").collect::<String>();
            prop_assert_eq!(side(LineTag::Delete), canonical(&a));
            prop_assert_eq!(side(LineTag::Insert), canonical(&b));
            // Side by side shows every old line on the left and every new one on the right, in order.
            let rows = d.side_by_side();
            let without = |tag| d.lines.iter().filter(|l| l.tag != tag).cloned().collect::<Vec<_>>();
            prop_assert_eq!(rows.iter().filter_map(|r| r.left.clone()).collect::<Vec<_>>(), without(LineTag::Insert));
            prop_assert_eq!(rows.iter().filter_map(|r| r.right.clone()).collect::<Vec<_>>(), without(LineTag::Delete));
            let s = &d.summary;
            prop_assert_eq!(s.added.is_empty() && s.changed.is_empty() && s.removed.is_empty(), a == b);
        }
    }

    fn attribute_map() -> impl Strategy<Value = Attributes> {
        prop::collection::btree_map("[ab/~\"é\n]{0,2}", "[a-c ]{0,5}", 0..7)
    }

    proptest! {
        #[test]
        fn pairing_attribute_bodies_by_key_gives_the_text_diff(
            old in attribute_map(),
            keep in prop::collection::vec(any::<bool>(), 7),
            version in prop::option::of(0..3i64),
            other in attribute_map(),
            part in any::<bool>(),
        ) {
            // Mostly a part of `old` (the PATCH body of a PUT-style one), else any map.
            let new: Attributes = if part {
                old.iter().zip(&keep).filter(|(_, keep)| **keep).map(|((k, v), _)| (k.clone(), v.clone())).collect()
            } else {
                other
            };
            let mut old_body = json!({ "attributes": old });
            if let Some(version) = version {
                old_body["version"] = json!(version);
            }
            let expected = diff(&old_body, &json!({ "attributes": new }));
            prop_assert_eq!(&diff_attribute_bodies(&old, version, &new), &expected);
            // Written over another diff, reusing its allocations: the same.
            let mut reused = diff_attribute_bodies(&new, None, &Attributes::new());
            rediff_attribute_bodies(&mut reused, &old, version, &new);
            prop_assert_eq!(reused, expected);
        }
    }

    const NOTES: &str = "Caller disputes the March invoice: the roaming charge of 42.80 EUR was applied twice after the plan change on 3 March. Second contact this week about it. Prefers a callback in the evening, then email confirmation. Quote reference INV-2291-07 and do not offer the standard goodwill credit again; supervisor approval is pending.";

    fn attributes(edited: bool) -> Value {
        let mut v = json!({"accountNumber": "884-221", "greeting": "こんにちは、ようこそ", "intent": "billing", "language": "en-US", "notes": NOTES, "priority": "2"});
        if edited {
            v["intent"] = json!("billing-dispute");
            v["callbackWindow"] = json!("18:00-20:00");
            v.as_object_mut().unwrap().remove("priority");
        }
        v
    }

    #[test]
    fn snapshot_put_body_vs_patch_body() {
        let put = json!({"attributes": attributes(true)});
        let patch =
            json!({"attributes": {"callbackWindow": "18:00-20:00", "intent": "billing-dispute"}});
        insta::assert_snapshot!("put_body_vs_patch_body", diff(&put, &patch).render_plain());
    }

    #[test]
    fn snapshot_original_vs_edited_attributes() {
        let d = diff(&attributes(false), &attributes(true));
        let s = &d.summary;
        assert_eq!(
            [&s.added, &s.changed, &s.removed],
            [&["/callbackWindow"], &["/intent"], &["/priority"]]
        );
        insta::assert_snapshot!("original_vs_edited_attributes", d.render_plain());
    }
}
