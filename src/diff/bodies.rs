//! The PUT-style body against the PATCH body, paired by attribute key: each
//! key both bodies carry is one line (however its trailing comma differs),
//! marked with what the PATCH does to it: `~` changed, `+` added, `=`
//! untouched (the key is only in the PUT-style body: a PATCH leaves it as
//! it is). No text diff runs over the bodies, so no key can show as removed
//! and added because a comma moved, and an edited key never reads as
//! unchanged.

use std::cmp::Ordering;

use serde::Serialize;

use super::{DiffLine, JsonDiff, KeySummary, LineTag, Segment, line_diff, write_string};
use crate::genesys::Attributes;

/// The legend of the key marks, as both faces print it.
pub const LEGEND: &str = "~ changed · + added · = PATCH leaves these untouched";

/// What the right-hand column of a side-by-side row says for a key only
/// the PUT-style body carries.
pub const UNTOUCHED: &str = "untouched by PATCH";

/// What a PATCH does to one attribute key of the PUT-style body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// The PATCH carries the key, which the attributes had: its value changes.
    Changed,
    /// The PATCH carries the key, which the attributes did not have.
    Added,
    /// Only the PUT-style body carries the key: the PATCH leaves it as it is.
    Untouched,
}

impl Mark {
    /// `~`, `+` or `=`.
    #[must_use]
    pub fn glyph(self) -> char {
        match self {
            Self::Changed => '~',
            Self::Added => '+',
            Self::Untouched => '=',
        }
    }
}

/// The attribute keys of the two bodies by mark, each list sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KeyMarks {
    /// Keys the PATCH carries that the attributes had.
    pub changed: Vec<String>,
    /// Keys the PATCH carries that the attributes did not have.
    pub added: Vec<String>,
    /// Keys only the PUT-style body carries: the PATCH leaves them.
    pub untouched: Vec<String>,
}

/// `{"attributes": put}` (with `"version": version` when given) against
/// `{"attributes": patch}`, paired by key; `original` (the attributes as
/// read) tells a changed key from an added one. Lines are those of
/// [`canonical`](super::canonical) of each body, numbered on each side; a
/// line both bodies carry is one [`LineTag::Equal`] line whose
/// [`DiffLine::new_text`] holds the PATCH body's text when it differs (by
/// its trailing comma only). A key in both with different values (never
/// so for a plan's bodies) is a delete and an insert, its words emphasized.
/// The summary is that of [`diff`](super::diff) of the two bodies.
#[must_use]
pub fn diff_attribute_bodies(
    put: &Attributes,
    version: Option<i64>,
    patch: &Attributes,
    original: &Attributes,
) -> JsonDiff {
    Writer::new(Pool::default()).bodies(put, version, patch, original)
}

/// [`diff_attribute_bodies`] written over `diff`, reusing its allocations:
/// an edit's new diff is mostly the old one's lines, so it is written with
/// next to no allocation.
pub fn rediff_attribute_bodies(
    diff: &mut JsonDiff,
    put: &Attributes,
    version: Option<i64>,
    patch: &Attributes,
    original: &Attributes,
) {
    let spent = std::mem::take(diff);
    let summary = spent.summary;
    let marks = spent.keys.unwrap_or_default();
    // Popped from the end: reversed, the lines come back in their order, so
    // each is mostly rewritten with its own text, in place.
    let mut lines = spent.lines;
    lines.reverse();
    let lists = [
        summary.added,
        summary.changed,
        summary.removed,
        summary.unchanged,
        marks.changed,
        marks.added,
        marks.untouched,
    ];
    // Moved, not cloned (`concat` would copy every string).
    let mut strings = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    for list in lists {
        strings.extend(list);
    }
    strings.reverse();
    *diff = Writer::new(Pool { lines, strings }).bodies(put, version, patch, original);
}

/// The allocations of a spent diff, for the next one to write into.
#[derive(Default)]
struct Pool {
    lines: Vec<DiffLine>,
    strings: Vec<String>,
}

impl Pool {
    /// A line holding `text` whole, nothing emphasized.
    fn line(
        &mut self,
        tag: LineTag,
        mark: Option<Mark>,
        text: impl FnOnce(&mut String),
    ) -> DiffLine {
        let mut line = self.lines.pop().unwrap_or_else(|| DiffLine {
            tag,
            old_line: None,
            new_line: None,
            mark,
            segments: Vec::with_capacity(1),
            new_text: None,
        });
        (line.tag, line.mark, line.new_text) = (tag, mark, None);
        (line.old_line, line.new_line) = (None, None);
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
        text(&mut segment.text);
        line
    }

    fn string(&mut self) -> String {
        let mut string = self.strings.pop().unwrap_or_default();
        string.clear();
        string
    }
}

/// The diff as it is written: lines numbered on each side.
struct Writer {
    pool: Pool,
    lines: Vec<DiffLine>,
    /// The last line number on each side.
    at: (usize, usize),
}

impl Writer {
    fn new(pool: Pool) -> Self {
        Self {
            pool,
            lines: Vec::new(),
            at: (0, 0),
        }
    }

    /// A line of the PUT-style body (`old`), the PATCH body (`new`) or
    /// both: one line when their texts are equal or differ by a trailing
    /// comma, else a delete and an insert with the changed words emphasized.
    fn pair(&mut self, old: Option<&Text>, new: Option<&Text>, mark: Option<Mark>) {
        match (old, new) {
            (Some(old), Some(new)) if old.body == new.body => {
                let mut line = self.pool.line(LineTag::Equal, mark, |out| old.write(out));
                if old.comma != new.comma {
                    let mut text = self.pool.string();
                    new.write(&mut text);
                    line.new_text = Some(text);
                }
                self.at = (self.at.0 + 1, self.at.1 + 1);
                (line.old_line, line.new_line) = (Some(self.at.0), Some(self.at.1));
                self.lines.push(line);
            }
            (Some(old), Some(new)) => {
                let (mut a, mut b) = (String::new(), String::new());
                old.write(&mut a);
                new.write(&mut b);
                a.push('\n');
                b.push('\n');
                for mut line in line_diff(&a, &b) {
                    line.mark = mark;
                    if line.old_line.is_some() {
                        self.at.0 += 1;
                        line.old_line = Some(self.at.0);
                    }
                    if line.new_line.is_some() {
                        self.at.1 += 1;
                        line.new_line = Some(self.at.1);
                    }
                    self.lines.push(line);
                }
            }
            (Some(old), None) => {
                let mut line = self.pool.line(LineTag::Delete, mark, |out| old.write(out));
                self.at.0 += 1;
                line.old_line = Some(self.at.0);
                self.lines.push(line);
            }
            (None, Some(new)) => {
                let mut line = self.pool.line(LineTag::Insert, mark, |out| new.write(out));
                self.at.1 += 1;
                line.new_line = Some(self.at.1);
                self.lines.push(line);
            }
            (None, None) => {}
        }
    }

    fn bodies(
        mut self,
        put: &Attributes,
        version: Option<i64>,
        patch: &Attributes,
        original: &Attributes,
    ) -> JsonDiff {
        // A line a key, and a few more: grown once, not by doubling.
        self.lines.reserve(put.len().max(patch.len()) + 8);
        let open = Text::of(Body::Raw("{"), false);
        self.pair(Some(&open), Some(&open), None);
        let header = |map: &Attributes, comma: bool| {
            let body = if map.is_empty() {
                "  \"attributes\": {}"
            } else {
                "  \"attributes\": {"
            };
            Text::of(Body::Raw(body), comma && map.is_empty())
        };
        let has_version = version.is_some();
        self.pair(
            Some(&header(put, has_version)),
            Some(&header(patch, false)),
            None,
        );
        let mut marks = KeyMarks {
            changed: Vec::new(),
            added: Vec::new(),
            untouched: Vec::with_capacity(put.len().saturating_sub(patch.len())),
        };
        let mut summary = KeySummary {
            unchanged: Vec::with_capacity(patch.len()),
            removed: Vec::with_capacity(put.len().saturating_sub(patch.len()) + 1),
            ..KeySummary::default()
        };
        if put.is_empty() && patch.is_empty() {
            summary.unchanged.push("/attributes".to_owned());
        }
        let escaped = self.entries(put, patch, original, &mut marks, &mut summary);
        let close = |map: &Attributes, comma: bool| {
            (!map.is_empty()).then(|| Text::of(Body::Raw("  }"), comma))
        };
        self.pair(
            close(put, has_version).as_ref(),
            close(patch, false).as_ref(),
            None,
        );
        if let Some(version) = version {
            self.pair(Some(&Text::of(Body::Version(version), false)), None, None);
            summary.removed.push("/version".to_owned());
        }
        let end = Text::of(Body::Raw("}"), false);
        self.pair(Some(&end), Some(&end), None);
        // Pointers are sorted as text: keys are, unless an escape moved one.
        if escaped {
            for list in [
                &mut summary.added,
                &mut summary.changed,
                &mut summary.removed,
                &mut summary.unchanged,
            ] {
                list.sort_unstable();
            }
        }
        JsonDiff {
            lines: self.lines,
            summary,
            keys: Some(marks),
        }
    }

    /// The lines of the keys, merged by key (both maps are sorted), and
    /// each key's mark and summary pointer; whether a pointer was escaped.
    fn entries(
        &mut self,
        put: &Attributes,
        patch: &Attributes,
        original: &Attributes,
        marks: &mut KeyMarks,
        summary: &mut KeySummary,
    ) -> bool {
        let (mut olds, mut news) = (put.iter().peekable(), patch.iter().peekable());
        let (mut old_at, mut new_at) = (0, 0);
        let mut escaped = false;
        loop {
            let order = match (olds.peek(), news.peek()) {
                (None, None) => break,
                (Some(old), Some(new)) => old.0.cmp(new.0),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
            };
            let in_put = olds.next_if(|_| order.is_le());
            let in_patch = news.next_if(|_| order.is_ge());
            let old = in_put.map(|(key, value)| {
                old_at += 1;
                Text::of(Body::Entry(key, value), old_at < put.len())
            });
            let new = in_patch.map(|(key, value)| {
                new_at += 1;
                Text::of(Body::Entry(key, value), new_at < patch.len())
            });
            let Some((key, _)) = in_put.or(in_patch) else {
                break;
            };
            let mark = match (in_put, in_patch) {
                (Some(_), None) => Mark::Untouched,
                _ if original.contains_key(key) => Mark::Changed,
                _ => Mark::Added,
            };
            let mut name = self.pool.string();
            name.push_str(key);
            match mark {
                Mark::Changed => marks.changed.push(name),
                Mark::Added => marks.added.push(name),
                Mark::Untouched => marks.untouched.push(name),
            }
            let mut pointer = self.pool.string();
            pointer.reserve_exact(key.len() + 12);
            pointer.push_str("/attributes/");
            if key.contains(['~', '/']) {
                escaped = true;
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            } else {
                pointer.push_str(key);
            }
            let list = match (in_put, in_patch) {
                (Some(old), Some(new)) if old.1 == new.1 => &mut summary.unchanged,
                (Some(_), Some(_)) => &mut summary.changed,
                (Some(_), None) => &mut summary.removed,
                (None, _) => &mut summary.added,
            };
            list.push(pointer);
            self.pair(old.as_ref(), new.as_ref(), Some(mark));
        }
        escaped
    }
}

/// A line's text without its trailing comma.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Body<'a> {
    Raw(&'static str),
    /// `    "key": "value"`
    Entry(&'a str, &'a str),
    /// `  "version": n`
    Version(i64),
}

/// One line of a body's canonical text.
struct Text<'a> {
    body: Body<'a>,
    comma: bool,
}

impl<'a> Text<'a> {
    fn of(body: Body<'a>, comma: bool) -> Self {
        Self { body, comma }
    }

    fn write(&self, out: &mut String) {
        match self.body {
            Body::Raw(text) => out.push_str(text),
            Body::Entry(key, value) => {
                // Indent, two quoted strings, `: ` and the comma: exactly,
                // so that no line is reallocated (a diff holds one per key).
                out.reserve_exact(key.len() + value.len() + 11);
                out.push_str("    ");
                write_string(out, key);
                out.push_str(": ");
                write_string(out, value);
            }
            Body::Version(version) => {
                use std::fmt::Write as _;
                _ = write!(out, "  \"version\": {version}");
            }
        }
        if self.comma {
            out.push(',');
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;
    use crate::diff::{canonical, diff};

    fn map(pairs: &[(&str, &str)]) -> Attributes {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    /// Each line as `mark tag old/new text`, for a table to read.
    fn rows(diff: &JsonDiff) -> Vec<String> {
        let n = |n: Option<usize>| n.map_or(String::new(), |n| n.to_string());
        diff.lines
            .iter()
            .map(|l| {
                let mark = l.mark.map_or(' ', Mark::glyph);
                let tag = match l.tag {
                    LineTag::Equal => '=',
                    LineTag::Delete => '-',
                    LineTag::Insert => '+',
                };
                format!(
                    "{mark}{tag} {}/{} {}",
                    n(l.old_line),
                    n(l.new_line),
                    l.text().trim()
                )
            })
            .collect()
    }

    #[test]
    fn an_edited_key_first_in_the_put_style_body_is_one_changed_line() {
        // The bug: "a" has a comma in the PUT-style body and none in the
        // PATCH, so a line diff showed it removed and added.
        let original = map(&[("a", "1"), ("b", "2")]);
        let put = map(&[("a", "x"), ("b", "2")]);
        let patch = map(&[("a", "x")]);
        let d = diff_attribute_bodies(&put, None, &patch, &original);
        assert_eq!(
            rows(&d),
            [
                " = 1/1 {",
                " = 2/2 \"attributes\": {",
                "~= 3/3 \"a\": \"x\",",
                "=- 4/ \"b\": \"2\"",
                " = 5/4 }",
                " = 6/5 }",
            ]
        );
        assert_eq!(d.lines[2].new_text.as_deref(), Some("    \"a\": \"x\""));
        let keys = d.keys.unwrap();
        assert_eq!(
            (keys.changed, keys.added, keys.untouched),
            (vec!["a".to_owned()], vec![], vec!["b".to_owned()])
        );
    }

    #[test]
    fn an_edited_key_that_is_not_last_is_marked_changed_not_unchanged() {
        let original = map(&[("a", "1"), ("b", "2"), ("c", "3")]);
        let put = map(&[("a", "1"), ("b", "x"), ("c", "3"), ("d", "new")]);
        let patch = map(&[("b", "x"), ("d", "new")]);
        let d = diff_attribute_bodies(&put, None, &patch, &original);
        assert_eq!(
            rows(&d)[2..6],
            [
                "=- 3/ \"a\": \"1\",",
                "~= 4/3 \"b\": \"x\",",
                "=- 5/ \"c\": \"3\",",
                "+= 6/4 \"d\": \"new\"",
            ]
        );
        assert!(d.lines.iter().all(|l| l.tag != LineTag::Insert));
    }

    #[test]
    fn secure_attributes_put_carries_its_version_on_the_left_only() {
        let d = diff_attribute_bodies(&map(&[("k", "v")]), Some(3), &map(&[]), &map(&[]));
        assert_eq!(
            rows(&d),
            [
                " = 1/1 {",
                " - 2/ \"attributes\": {",
                " + /2 \"attributes\": {}",
                "=- 3/ \"k\": \"v\"",
                " - 4/ },",
                " - 5/ \"version\": 3",
                " = 6/3 }",
            ]
        );
        assert_eq!(d.summary.removed, ["/attributes/k", "/version"]);
    }

    #[test]
    fn a_key_whose_values_differ_is_a_delete_and_an_insert_with_the_word_emphasized() {
        let d = diff_attribute_bodies(
            &map(&[("a", "one two")]),
            None,
            &map(&[("a", "one three")]),
            &map(&[("a", "0")]),
        );
        let changed: Vec<_> = d.lines.iter().filter(|l| l.tag != LineTag::Equal).collect();
        assert_eq!(changed.len(), 2);
        assert!(changed.iter().all(|l| l.mark == Some(Mark::Changed)));
        assert!(
            changed[1]
                .segments
                .iter()
                .any(|s| s.emphasized && s.text.contains("three"))
        );
    }

    fn attribute_map() -> impl Strategy<Value = Attributes> {
        prop::collection::btree_map("[ab/~\"é\n]{0,2}", "[a-c ]{0,5}", 0..7)
    }

    proptest! {
        #[test]
        fn the_key_paired_diff_rebuilds_both_bodies_and_never_splits_a_key_on_a_comma(
            put in attribute_map(),
            keep in prop::collection::vec(any::<bool>(), 7),
            version in prop::option::of(0..3i64),
            other in attribute_map(),
            original in attribute_map(),
            part in any::<bool>(),
        ) {
            // Mostly a part of `put` (the PATCH body of a PUT-style one), else any map.
            let patch: Attributes = if part {
                put.iter().zip(&keep).filter(|(_, keep)| **keep).map(|((k, v), _)| (k.clone(), v.clone())).collect()
            } else {
                other
            };
            let d = diff_attribute_bodies(&put, version, &patch, &original);
            let mut put_body = json!({ "attributes": put });
            if let Some(version) = version {
                put_body["version"] = json!(version);
            }
            let patch_body = json!({ "attributes": patch });
            let old: String = d.lines.iter().filter(|l| l.old_line.is_some()).map(|l| l.text() + "\n").collect();
            let new: String = d.lines.iter().filter(|l| l.new_line.is_some())
                .map(|l| l.new_text.clone().unwrap_or_else(|| l.text()) + "\n").collect();
            prop_assert_eq!(old, canonical(&put_body));
            prop_assert_eq!(new, canonical(&patch_body));
            // A delete followed by an insert never differs by a comma only.
            for pair in d.lines.windows(2) {
                let strip = |l: &DiffLine| l.text().trim_end_matches(',').to_owned();
                prop_assert!(!(pair[0].tag == LineTag::Delete && pair[1].tag == LineTag::Insert
                    && strip(&pair[0]) == strip(&pair[1])), "{:?}", pair);
            }
            // Each key once in the marks, by what PATCH does to it.
            let keys = d.keys.clone().unwrap();
            for key in put.keys().chain(patch.keys()) {
                let want = if !patch.contains_key(key) { &keys.untouched }
                    else if original.contains_key(key) { &keys.changed } else { &keys.added };
                prop_assert!(want.contains(key), "{key:?} in {keys:?}");
            }
            prop_assert_eq!(keys.changed.len() + keys.added.len() + keys.untouched.len(),
                put.keys().chain(patch.keys().filter(|k| !put.contains_key(*k))).count());
            prop_assert_eq!(&d.summary, &diff(&put_body, &patch_body).summary);
            // Written over another diff, reusing its allocations: the same.
            let mut reused = diff_attribute_bodies(&patch, None, &Attributes::new(), &put);
            rediff_attribute_bodies(&mut reused, &put, version, &patch, &original);
            prop_assert_eq!(reused, d);
        }
    }
}
