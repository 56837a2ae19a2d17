//! The request workbench: a request as the user wrote it (verb, path or
//! full URL, content type, body), linted as written, each finding placed at
//! a line and column of the body, a finding's fix applied, and the request
//! the connected target receives. Pure: the TUI's workbench keeps the text,
//! this module says what it means (the same lint `gc-attrs lint` runs).

use serde_json::Value;

use super::import::{Imported, Source};
use crate::lint::{Finding, Fix, Location, Request, lint};

/// A request as written in the workbench.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// The verb as typed (any text: a wrong one is linted, not refused).
    pub verb: String,
    /// The path (`/api/v2/…`) or a full URL.
    pub target: String,
    /// The `Content-Type`; empty for none.
    pub content_type: String,
    /// The body as typed; empty for none.
    pub body: String,
}

/// Where a finding points in the workbench.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The verb field.
    Verb,
    /// The path field.
    Target,
    /// The content-type field.
    ContentType,
    /// A place in the body (1-based line and column, in characters).
    Body {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
}

/// The request the connected target receives: the path only, never another
/// host, so that a pasted URL of another org or region cannot carry the
/// token there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// The verb, upper-cased.
    pub verb: String,
    /// The path and query, from `/`.
    pub path: String,
    /// The `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The body, if any.
    pub body: Option<String>,
    /// The host of a pasted full URL, which is not used.
    pub dropped_host: Option<String>,
}

impl Draft {
    /// The draft of an imported request. A bare JSON body takes
    /// `fallback_path` (the selected participant's attributes path), if any.
    #[must_use]
    pub fn from_imported(imported: &Imported, fallback_path: Option<&str>) -> Self {
        let target = match (&imported.target, imported.source) {
            (Some(target), _) => target.clone(),
            (None, Source::Json) => fallback_path.unwrap_or_default().to_owned(),
            (None, _) => String::new(),
        };
        Self {
            verb: imported.verb.clone(),
            target,
            content_type: imported.content_type.clone().unwrap_or_default(),
            body: imported.body.clone(),
        }
    }

    /// The draft as the lint reads it.
    #[must_use]
    pub fn request(&self) -> Request<'_> {
        Request {
            verb: self.verb.trim(),
            path: self.target.trim(),
            content_type: Some(self.content_type.trim()).filter(|t| !t.is_empty()),
            body: &self.body,
        }
    }

    /// Every finding of the draft as written, the most severe first.
    #[must_use]
    pub fn lint(&self) -> Vec<Finding> {
        lint(&self.request())
    }

    /// The draft with a fix applied: its verb, path, content type and body,
    /// each where the fix gives one (a body pretty-printed).
    #[must_use]
    pub fn fixed(&self, fix: &Fix) -> Self {
        let mut out = self.clone();
        if let Some(verb) = fix.verb {
            verb.as_str().clone_into(&mut out.verb);
        }
        if let Some(path) = &fix.path {
            out.target = replace_path(&self.target, path);
        }
        if let Some(content_type) = &fix.content_type {
            out.content_type.clone_from(content_type);
        }
        if let Some(body) = &fix.body {
            out.body = pretty(body);
        }
        out
    }

    /// What would be sent: the verb upper-cased, the path without any host.
    ///
    /// # Errors
    /// When there is no verb, or the target is neither a path from `/` nor
    /// an `http(s)://` URL.
    pub fn outgoing(&self) -> Result<Outgoing, String> {
        let verb = self.verb.trim().to_ascii_uppercase();
        if verb.is_empty() || !verb.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(format!(
                "`{}` is not a verb: type one such as PATCH",
                self.verb.trim()
            ));
        }
        let target = self.target.trim();
        let (path, dropped_host) = match split_url(target) {
            Some((host, path)) => (path.to_owned(), Some(host.to_owned())),
            None if target.starts_with('/') => (target.to_owned(), None),
            None => {
                return Err(
                    "the path must start with /api/v2/ (or be a full https:// URL)".to_owned(),
                );
            }
        };
        let path = if path.is_empty() {
            "/".to_owned()
        } else {
            path
        };
        let content_type = Some(self.content_type.trim().to_owned()).filter(|t| !t.is_empty());
        let body = Some(self.body.clone()).filter(|b| !b.is_empty());
        Ok(Outgoing {
            verb,
            path,
            content_type,
            body,
            dropped_host,
        })
    }
}

/// A body as the workbench shows it: JSON pretty-printed.
#[must_use]
pub fn pretty(body: &Value) -> String {
    serde_json::to_string_pretty(body).unwrap_or_default()
}

/// `(host, path)` of an `http://` or `https://` URL.
fn split_url(target: &str) -> Option<(&str, &str)> {
    let rest = target
        .strip_prefix("https://")
        .or_else(|| target.strip_prefix("http://"))?;
    let at = rest.find('/').unwrap_or(rest.len());
    Some((&rest[..at], &rest[at..]))
}

/// A fix's path in place of the target's, keeping the host of a full URL.
fn replace_path(target: &str, path: &str) -> String {
    let target = target.trim();
    match split_url(target) {
        Some((host, _)) => {
            let scheme = if target.starts_with("https://") {
                "https"
            } else {
                "http"
            };
            format!("{scheme}://{host}{path}")
        }
        None => path.to_owned(),
    }
}

/// Where a finding points in the workbench: a field, or a body position (a
/// JSON pointer found in the body text). `None` when the pointer is not in
/// the text (a finding about what the body lacks points at its start).
#[must_use]
pub fn mark(finding: &Finding, body: &str) -> Option<Mark> {
    match &finding.location {
        Location::Verb => Some(Mark::Verb),
        Location::Route => Some(Mark::Target),
        Location::ContentType => Some(Mark::ContentType),
        Location::LineColumn { line, column } => Some(Mark::Body {
            line: *line,
            column: *column,
        }),
        Location::Pointer { pointer } => {
            let (line, column) = locate(body, pointer)?;
            Some(Mark::Body { line, column })
        }
    }
}

/// The 1-based line and column (in characters) where `pointer` points in a
/// JSON text: an object member at its key, an array element at its value,
/// the whole body (`""`) at its first value. `None` when the text is not
/// JSON that far, or has no such member.
#[must_use]
pub fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut at = skip_space(bytes, 0);
    let mut mark = at;
    if !pointer.is_empty() {
        for segment in pointer.strip_prefix('/')?.split('/') {
            let segment = segment.replace("~1", "/").replace("~0", "~");
            let (key, value) = match bytes.get(at)? {
                b'{' => member(bytes, at, &segment)?,
                b'[' => {
                    let index = segment.parse::<usize>().ok()?;
                    let value = element(bytes, at, index)?;
                    (value, value)
                }
                _ => return None,
            };
            mark = key;
            at = value;
        }
    }
    Some(line_column(text, mark))
}

fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// The end of the string starting at `at` (just after its closing quote).
fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The end of the value starting at `at`.
fn value_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => string_end(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            loop {
                match bytes.get(i)? {
                    b'"' => {
                        i = string_end(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = at;
            while bytes
                .get(i)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                i += 1;
            }
            (i > at).then_some(i)
        }
    }
}

/// `(key start, value start)` of the member `name` of the object at `at`.
fn member(bytes: &[u8], at: usize, name: &str) -> Option<(usize, usize)> {
    let mut i = skip_space(bytes, at + 1);
    loop {
        if *bytes.get(i)? != b'"' {
            return None;
        }
        let key_end = string_end(bytes, i)?;
        let key: String = serde_json::from_slice(&bytes[i..key_end]).ok()?;
        let colon = skip_space(bytes, key_end);
        if *bytes.get(colon)? != b':' {
            return None;
        }
        let value = skip_space(bytes, colon + 1);
        if key == name {
            return Some((i, value));
        }
        let next = skip_space(bytes, value_end(bytes, value)?);
        if *bytes.get(next)? != b',' {
            return None;
        }
        i = skip_space(bytes, next + 1);
    }
}

/// The start of element `index` of the array at `at`.
fn element(bytes: &[u8], at: usize, index: usize) -> Option<usize> {
    let mut i = skip_space(bytes, at + 1);
    for _ in 0..index {
        let next = skip_space(bytes, value_end(bytes, i)?);
        if *bytes.get(next)? != b',' {
            return None;
        }
        i = skip_space(bytes, next + 1);
    }
    (*bytes.get(i)? != b']').then_some(i)
}

#[cfg(test)]
mod tests;
