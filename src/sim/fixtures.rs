//! Fixture conversations: the ones embedded in the binary from
//! `assets/fixtures/` (so the app runs from any directory), then every
//! `*.json` of `--fixtures DIR`.
//!
//! A fixture file is a `Conversation` as `GET /api/v2/conversations/{id}`
//! returns it, plus one optional top-level key the simulator removes on
//! load: `"_sim": {"secureAttributes": {…}}`, the conversation's initial
//! secure attributes (version 1). A malformed file becomes a warning
//! `FILE:LINE:COLUMN: message` and the others still load.
//!
//! A file is parsed to a JSON value first (a syntax error has serde_json's
//! position), then `_sim` is taken out and the rest is read as a
//! `Conversation`. A schema error carries no position there, so the value is
//! searched for the field that causes it (see [`culprit`]) and the field is
//! found in the text (see [`locate`]): the warning gives the line of the
//! offending key, or of the object that lacks a required field.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::SimError;
use crate::genesys::{Attributes, Conversation};

/// The embedded fixtures: (path shown in warnings, text).
const EMBEDDED: &[(&str, &str)] = &[
    (
        "assets/fixtures/call-billing-dispute.json",
        include_str!("../../assets/fixtures/call-billing-dispute.json"),
    ),
    (
        "assets/fixtures/webmessage-order-status.json",
        include_str!("../../assets/fixtures/webmessage-order-status.json"),
    ),
    (
        "assets/fixtures/email-warranty-claim.json",
        include_str!("../../assets/fixtures/email-warranty-claim.json"),
    ),
    (
        "assets/fixtures/callback-appointment.json",
        include_str!("../../assets/fixtures/callback-appointment.json"),
    ),
];

/// One loaded conversation.
#[derive(Debug, Clone)]
pub(crate) struct Fixture {
    pub id: String,
    pub conversation: Conversation,
    pub secure: Attributes,
}

/// What loading produced.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    /// In load order; a later one with the same id replaces an earlier one.
    pub conversations: Vec<Fixture>,
    pub warnings: Vec<String>,
}

impl Loaded {
    /// Records a warning with its control characters escaped: a file name
    /// (or a quoted value of the file) holding an escape sequence is printed
    /// as text, never acted on by the terminal that shows the warning.
    fn warn(&mut self, text: &str) {
        let printable = if text.chars().any(char::is_control) {
            text.chars()
                .map(|c| {
                    if c.is_control() {
                        c.escape_default().to_string()
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        } else {
            text.to_owned()
        };
        self.warnings.push(printable);
    }
}

/// The simulator's own top-level key of a fixture file.
const SIM_KEY: &str = "_sim";

/// The content of `_sim`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SimMeta {
    #[serde(default)]
    secure_attributes: Attributes,
}

/// Loads the embedded fixtures, then those of `dir`.
pub(crate) fn load(dir: Option<&Path>) -> Result<Loaded, SimError> {
    let mut loaded = Loaded::default();
    for (name, text) in EMBEDDED {
        add(&mut loaded, name, text);
    }
    if let Some(dir) = dir {
        let io_error = |source| SimError::FixturesDir {
            path: dir.to_owned(),
            source,
        };
        let mut files = Vec::new();
        for entry in fs::read_dir(dir).map_err(io_error)? {
            let path = entry.map_err(io_error)?.path();
            if path.is_file() && path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
        files.sort();
        for path in files {
            let name = path.display().to_string();
            match read_capped(&path) {
                Ok(text) => add(&mut loaded, &name, &text),
                Err(err) => loaded.warn(&format!("{name}:0:0: cannot read: {err}")),
            }
        }
    }
    Ok(loaded)
}

/// The largest fixture file read: a conversation is kilobytes; a bigger
/// file (a wrong folder, a link to a device) is skipped with a warning.
const MAX_FIXTURE_BYTES: u64 = 8 * 1024 * 1024;

/// A fixture file's text, read no further than [`MAX_FIXTURE_BYTES`].
fn read_capped(path: &Path) -> std::io::Result<String> {
    use std::io::Read as _;
    let mut text = String::new();
    fs::File::open(path)?
        .take(MAX_FIXTURE_BYTES + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > MAX_FIXTURE_BYTES {
        return Err(std::io::Error::other(format!(
            "larger than {MAX_FIXTURE_BYTES} bytes, not a conversation: skipped"
        )));
    }
    Ok(text)
}

/// Parses one file into `loaded`, or records why it could not.
fn add(loaded: &mut Loaded, name: &str, text: &str) {
    match parse(text) {
        Ok(fixture) => {
            loaded.conversations.retain(|f| f.id != fixture.id);
            loaded.conversations.push(fixture);
        }
        Err(ParseError::Json(err)) => {
            let message = err.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            loaded.warn(&format!(
                "{name}:{}:{}: {message}",
                err.line(),
                err.column()
            ));
        }
        Err(ParseError::Schema {
            line,
            column,
            field,
            message,
        }) => {
            let at = if field.is_empty() {
                String::new()
            } else {
                format!("{field}: ")
            };
            loaded.warn(&format!("{name}:{line}:{column}: {at}{message}"));
        }
        Err(ParseError::NoId) => loaded.warn(&format!("{name}:1:1: the conversation has no `id`")),
    }
}

enum ParseError {
    /// Not JSON: serde_json's own position.
    Json(serde_json::Error),
    /// JSON that does not fit the model, at the offending field.
    Schema {
        line: usize,
        column: usize,
        /// The field's path, e.g. `participants[1].purpose`; empty for the
        /// whole document.
        field: String,
        message: String,
    },
    NoId,
}

fn parse(text: &str) -> Result<Fixture, ParseError> {
    let mut root: Value = serde_json::from_str(text).map_err(ParseError::Json)?;
    let meta = match root.as_object_mut().and_then(|o| o.remove(SIM_KEY)) {
        Some(value) => read::<Option<SimMeta>>(&value, &[Step::Key(SIM_KEY.to_owned())], text)?,
        None => None,
    };
    let conversation: Conversation = read(&root, &[], text)?;
    let id = conversation
        .id
        .clone()
        .filter(|id| !id.is_empty())
        .ok_or(ParseError::NoId)?;
    Ok(Fixture {
        id,
        conversation,
        secure: meta.map(|s| s.secure_attributes).unwrap_or_default(),
    })
}

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// `a.b[2].c`.
fn display_path(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) if out.is_empty() => out.push_str(key),
            Step::Key(key) => {
                out.push('.');
                out.push_str(key);
            }
            Step::Index(i) => {
                let _ = write!(out, "[{i}]");
            }
        }
    }
    out
}

/// Reads `value` (found at `base` in `text`) as `T`; a schema error names
/// the offending field and its position in `text`.
fn read<T: DeserializeOwned>(value: &Value, base: &[Step], text: &str) -> Result<T, ParseError> {
    let error = match T::deserialize(value) {
        Ok(read) => return Ok(read),
        Err(error) => error.to_string(),
    };
    let mut path = base.to_vec();
    path.extend(culprit::<T>(value, &error));
    let (line, column) = locate(text, &path).unwrap_or((1, 1));
    Err(ParseError::Schema {
        line,
        column,
        field: display_path(&path),
        message: error,
    })
}

/// The error `T` gives for `value`, if any.
fn error_of<T: DeserializeOwned>(value: &Value) -> Option<String> {
    T::deserialize(value).err().map(|e| e.to_string())
}

/// The path (inside `root`) of what causes `error` when reading `root` as
/// `T`.
///
/// - "missing field `f`": the first object, in document order, lacking `f`
///   where adding `"f": null` changes the error (`null` fits every optional
///   field, so only an object that requires `f` reacts).
/// - Any other error: serde stops at the first bad value, visiting entries in
///   the value's order. So, level by level, the culprit is the first child
///   such that keeping the children up to it (and dropping the rest)
///   reproduces the error; when keeping none already does, the container
///   itself is the culprit.
fn culprit<T: DeserializeOwned>(root: &Value, error: &str) -> Vec<Step> {
    if let Some(field) = error
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        return objects(root, &mut Vec::new())
            .into_iter()
            .find(|path| {
                let mut probe = root.clone();
                let lacks = node_mut(&mut probe, path)
                    .and_then(Value::as_object_mut)
                    .filter(|object| !object.contains_key(field))
                    .map(|object| object.insert(field.to_owned(), Value::Null))
                    .is_some();
                lacks && error_of::<T>(&probe).as_deref() != Some(error)
            })
            .unwrap_or_default();
    }
    // What serde visits after the culprit is dropped as the search goes
    // down, so a later value with the same message cannot answer for it.
    let mut pruned = root.clone();
    let mut path = Vec::new();
    loop {
        let children: Vec<Step> = match node(&pruned, &path) {
            Some(Value::Object(map)) => map.keys().cloned().map(Step::Key).collect(),
            Some(Value::Array(items)) => (0..items.len()).map(Step::Index).collect(),
            _ => return path,
        };
        let found = (0..=children.len()).find(|&keep| {
            let mut probe = pruned.clone();
            if let Some(container) = node_mut(&mut probe, &path) {
                keep_first(container, keep);
            }
            error_of::<T>(&probe).as_deref() == Some(error)
        });
        match found {
            Some(keep) if keep > 0 => {
                if let Some(container) = node_mut(&mut pruned, &path) {
                    keep_first(container, keep);
                }
                path.push(children[keep - 1].clone());
            }
            _ => return path,
        }
    }
}

/// Keeps the first `keep` entries of an object or array.
fn keep_first(container: &mut Value, keep: usize) {
    match container {
        Value::Object(map) => {
            let kept: Map<String, Value> = std::mem::take(map).into_iter().take(keep).collect();
            *map = kept;
        }
        Value::Array(items) => items.truncate(keep),
        _ => {}
    }
}

/// The paths of every object in `value`, in document order (parents first).
fn objects(value: &Value, path: &mut Vec<Step>) -> Vec<Vec<Step>> {
    let mut found = Vec::new();
    match value {
        Value::Object(map) => {
            found.push(path.clone());
            for (key, child) in map {
                path.push(Step::Key(key.clone()));
                found.extend(objects(child, path));
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                path.push(Step::Index(i));
                found.extend(objects(child, path));
                path.pop();
            }
        }
        _ => {}
    }
    found
}

fn node<'v>(mut value: &'v Value, path: &[Step]) -> Option<&'v Value> {
    for step in path {
        value = match step {
            Step::Key(key) => value.get(key)?,
            Step::Index(i) => value.get(i)?,
        };
    }
    Some(value)
}

fn node_mut<'v>(mut value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    for step in path {
        value = match step {
            Step::Key(key) => value.get_mut(key)?,
            Step::Index(i) => value.get_mut(i)?,
        };
    }
    Some(value)
}

/// The 1-based (line, column) in `text` (valid JSON) of the value at
/// `path`: of its key for an object member, of the value itself otherwise.
/// Columns count characters. A key given twice is found at its last
/// occurrence, the one the parsed value keeps.
fn locate(text: &str, path: &[Step]) -> Option<(usize, usize)> {
    let mut scanner = Scanner { text, pos: 0 };
    let offset = scanner.find(path)?;
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Some((line, text[line_start..offset].chars().count() + 1))
}

/// A cursor over JSON text already known to be valid.
struct Scanner<'t> {
    text: &'t str,
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    /// Consumes `byte` (after spaces), or fails.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_space();
        (self.peek() == Some(byte)).then(|| self.pos += 1)
    }

    /// The byte offset of the value at `path`, from the cursor.
    fn find(&mut self, path: &[Step]) -> Option<usize> {
        self.skip_space();
        let Some((step, rest)) = path.split_first() else {
            return Some(self.pos);
        };
        match step {
            Step::Key(wanted) => {
                self.expect(b'{')?;
                let mut last = None;
                loop {
                    self.skip_space();
                    if self.peek() == Some(b'}') {
                        break;
                    }
                    let key_at = self.pos;
                    let key = self.string()?;
                    self.expect(b':')?;
                    self.skip_space();
                    if key == *wanted {
                        last = Some((key_at, self.pos));
                    }
                    self.skip_value()?;
                    if self.expect(b',').is_none() {
                        break;
                    }
                }
                let (key_at, value_at) = last?;
                if rest.is_empty() {
                    return Some(key_at);
                }
                self.pos = value_at;
                self.find(rest)
            }
            Step::Index(wanted) => {
                self.expect(b'[')?;
                for _ in 0..*wanted {
                    self.skip_value()?;
                    self.expect(b',')?;
                }
                self.find(rest)
            }
        }
    }

    /// Reads a string literal at the cursor and decodes it.
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        (self.peek() == Some(b'"')).then_some(())?;
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return serde_json::from_str(&self.text[start..self.pos]).ok();
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Moves the cursor past the value at it.
    fn skip_value(&mut self) -> Option<()> {
        self.skip_space();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0_usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests;
