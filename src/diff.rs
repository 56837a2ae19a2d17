//! JSON diff (pure): two values -> canonical text -> `similar` line diff with
//! word-level emphasis, a leaf summary as RFC 6901 pointers, and the plain and
//! side-by-side layouts the UI and CLI draw from.

mod bodies;

use std::cmp::Ordering;
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

pub use bodies::{
    KeyMarks, LEGEND, Mark, UNTOUCHED, diff_attribute_bodies, rediff_attribute_bodies,
};
use similar::{Algorithm, ChangeTag, InlineChangeMode, InlineChangeOptions, TextDiffConfig};

/// A line diff of two canonical JSON texts and a summary of their leaves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct JsonDiff {
    /// Every line of both texts, in diff order.
    pub lines: Vec<DiffLine>,
    /// Leaves added, changed, removed and unchanged.
    pub summary: KeySummary,
    /// Of two attribute bodies ([`diff_attribute_bodies`]): their keys by
    /// what the PATCH does to each.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keys: Option<KeyMarks>,
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
    /// Of two attribute bodies, on a key's line: what the PATCH does to it.
    pub mark: Option<Mark>,
    /// The line's text (without its newline), split where emphasis changes;
    /// the old text's when the line is in both.
    pub segments: Vec<Segment>,
    /// The new text's line when it differs from `segments` (in an attribute
    /// bodies' diff, by its trailing comma only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_text: Option<String>,
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
    JsonDiff {
        lines,
        summary,
        keys: None,
    }
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
            mark: None,
            segments: segments(change.values()),
            new_text: None,
        })
        .collect()
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
    /// The line's full text, without emphasis (the old text's when the line
    /// is in both).
    #[must_use]
    pub fn text(&self) -> String {
        self.segments.iter().map(|s| s.text.as_str()).collect()
    }

    /// The line's sign: its key's [`Mark`] on a line both attribute bodies
    /// carry or only the PUT-style one does (`~`, `+`, `=`), else ` `, `-`
    /// or `+` for an equal, deleted or inserted line.
    #[must_use]
    pub fn marker(&self) -> char {
        match (self.mark, self.tag) {
            (Some(mark), LineTag::Equal) | (Some(mark @ Mark::Untouched), _) => mark.glyph(),
            (_, LineTag::Equal) => ' ',
            (_, LineTag::Delete) => '-',
            (_, LineTag::Insert) => '+',
        }
    }

    /// Whether the line is a key only the PUT-style body carries.
    #[must_use]
    pub fn untouched(&self) -> bool {
        self.mark == Some(Mark::Untouched)
    }
}

impl JsonDiff {
    /// True when the two values render identically (no inserted or deleted line).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.tag == LineTag::Equal)
    }

    /// Unified text, one line per [`DiffLine`]: marker ([`DiffLine::marker`]), old and
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
            let (open, close) = match line.tag {
                LineTag::Equal => ("", ""),
                LineTag::Delete => ("[-", "-]"),
                LineTag::Insert => ("{+", "+}"),
            };
            let marker = line.marker();
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
    /// extra lines stand alone); equal lines appear on both sides. A key only
    /// the PUT-style body carries ([`Mark::Untouched`]) stands alone: the
    /// PATCH has nothing in its place.
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
        let mut runs = self
            .lines
            .chunk_by(|a, b| (a.tag, a.untouched()) == (b.tag, b.untouched()))
            .peekable();
        let mut at = 0;
        while let Some(run) = runs.next() {
            let start = at;
            at += run.len();
            let (left, right) = match run[0].tag {
                LineTag::Equal => (start..at, start..at),
                LineTag::Insert => (start..start, start..at),
                LineTag::Delete if run[0].untouched() => (start..at, start..start),
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
    use crate::genesys::Attributes;
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

    fn map(value: Value) -> Attributes {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn snapshot_put_body_vs_patch_body() {
        let put = map(attributes(true));
        let patch = map(json!({"callbackWindow": "18:00-20:00", "intent": "billing-dispute"}));
        let d = diff_attribute_bodies(&put, None, &patch, &map(attributes(false)));
        insta::assert_snapshot!("put_body_vs_patch_body", d.render_plain());
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
