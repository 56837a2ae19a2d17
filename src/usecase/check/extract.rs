//! The requests a text holds, found line by line: a curl command (its `\`
//! continuations and open quotes joined), a raw HTTP request, a verb and
//! path in prose followed by a JSON body (inline, or on the next lines,
//! fenced or not), and an SDK call with a body literal. Each is read with
//! [`crate::usecase::import`].

use std::sync::LazyLock;

use regex::Regex;

use super::RequestSource;
use super::routes::mentions;
use crate::usecase::import::{Imported, Source, import, sdk};

/// The most lines one request may span.
const MAX_LINES: usize = 400;

/// A request found in the text.
pub(super) struct Found {
    /// 1-based first line.
    pub line: usize,
    /// 1-based last line.
    pub last_line: usize,
    /// What it was read from.
    pub source: RequestSource,
    /// The request.
    pub imported: Imported,
}

static REQUEST_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\s+(\S+)(\s+HTTP/\d(\.\d)?)?\s*$").ok()
});

static HEADER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z][A-Za-z0-9-]*:\s*\S").ok());

/// A line without a shell prompt or a quote marker in front.
fn bare(line: &str) -> &str {
    let line = line.trim_start();
    for prompt in ["$ ", "> ", "% ", "# "] {
        if let Some(rest) = line.strip_prefix(prompt) {
            return rest.trim_start();
        }
    }
    line
}

fn is_fence(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("```") || line.starts_with("~~~")
}

/// Every request of the text, in order.
pub(super) fn requests(text: &str) -> Vec<Found> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let found = curl_at(&lines, i)
            .or_else(|| http_at(&lines, i))
            .or_else(|| prose_at(&lines, i))
            .or_else(|| sdk_at(&lines, i));
        match found {
            Some(found) => {
                i = found.last_line;
                out.push(found);
            }
            None => i += 1,
        }
    }
    out
}

fn found(first: usize, last: usize, source: RequestSource, imported: Imported) -> Found {
    Found {
        line: first + 1,
        last_line: last + 1,
        source,
        imported,
    }
}

/// Whether a quote is open at the end of `text`, as a shell reads it
/// (curly quotes count as straight ones).
fn quote_open(text: &str) -> bool {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in text.chars() {
        let c = match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201a}' => '\'',
            c => c,
        };
        if escaped {
            escaped = false;
            continue;
        }
        match (quote, c) {
            (Some('\''), '\'') | (Some('"'), '"') => quote = None,
            (Some('"') | None, '\\') => escaped = true,
            (None, '\'' | '"') => quote = Some(c),
            _ => {}
        }
    }
    quote.is_some()
}

fn curl_at(lines: &[&str], i: usize) -> Option<Found> {
    let first = bare(lines[i]);
    let word = first.split_whitespace().next()?;
    if !(word == "curl" || word == "curl.exe" || word.ends_with("/curl")) {
        return None;
    }
    let mut block = first.to_owned();
    let mut last = i;
    loop {
        let end = block.trim_end();
        let continued = end.ends_with('\\') || end.ends_with('^') || end.ends_with('`');
        if !(continued || quote_open(&block)) || last + 1 >= lines.len() || last - i >= MAX_LINES {
            break;
        }
        if is_fence(lines[last + 1]) && !quote_open(&block) {
            break;
        }
        last += 1;
        block.push('\n');
        block.push_str(lines[last]);
    }
    let imported = import(&block).ok().filter(|r| r.source == Source::Curl)?;
    Some(found(i, last, RequestSource::Curl, imported))
}

fn http_at(lines: &[&str], i: usize) -> Option<Found> {
    let first = bare(lines[i]);
    let captures = REQUEST_LINE.as_ref()?.captures(first)?;
    let versioned = captures.get(3).is_some();
    let header = |line: &str| HEADER.as_ref().is_some_and(|h| h.is_match(line.trim()));
    let next_is_header = lines.get(i + 1).is_some_and(|l| header(l));
    if !versioned && !next_is_header {
        return None;
    }
    let mut text = first.to_owned();
    let mut last = i;
    while let Some(line) = lines.get(last + 1).filter(|l| header(l)) {
        text.push('\n');
        text.push_str(line.trim());
        last += 1;
    }
    let mut body_start = last + 1;
    while lines.get(body_start).is_some_and(|l| l.trim().is_empty()) {
        body_start += 1;
    }
    if let Some((body, body_last)) = json_block(lines, body_start) {
        text.push_str("\n\n");
        text.push_str(&body);
        last = body_last;
    }
    let imported = import(&text).ok().filter(|r| r.source == Source::Http)?;
    Some(found(i, last, RequestSource::Http, imported))
}

/// The JSON value starting at line `start` (its first non-space character
/// is `{` or `[`), up to the line its brackets close on (or, unclosed, up
/// to a fence or a blank line).
fn json_block(lines: &[&str], start: usize) -> Option<(String, usize)> {
    let first = lines.get(start)?.trim_start();
    if !(first.starts_with('{') || first.starts_with('[')) {
        return None;
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut body = String::new();
    for (offset, line) in lines[start..].iter().enumerate().take(MAX_LINES) {
        if offset > 0 && (is_fence(line) || line.trim().is_empty()) && depth > 0 && !in_string {
            return Some((body, start + offset - 1));
        }
        if offset > 0 {
            body.push('\n');
        }
        for (at, c) in line.char_indices() {
            if escaped {
                escaped = false;
            } else if in_string {
                match c {
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
            } else {
                match c {
                    '"' => in_string = true,
                    '{' | '[' => depth += 1,
                    '}' | ']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            body.push_str(&line[..at + c.len_utf8()]);
                            return Some((body.trim().to_owned(), start + offset));
                        }
                    }
                    _ => {}
                }
            }
        }
        body.push_str(line);
    }
    Some((body, (start + MAX_LINES).min(lines.len()) - 1))
}

/// A verb and path said in prose, then a JSON body: on the same line, or
/// after blank lines and a fence opener.
fn prose_at(lines: &[&str], i: usize) -> Option<Found> {
    let line = lines[i];
    let mention = mentions(line).into_iter().find(|m| m.verb.is_some())?;
    let verb = mention.verb?.to_owned();
    let path = mention.path.to_owned();
    let after = &line[mention.end..];
    let (body, last) = if let Some(at) = after.find(['{', '[']) {
        let inline = after[at..].trim_end_matches(['`', '.', ' ']);
        let lines = [inline];
        let (body, _) = json_block(&lines, 0)?;
        (body, i)
    } else {
        let mut next = i + 1;
        let mut skipped = 0;
        while lines
            .get(next)
            .is_some_and(|l| l.trim().is_empty() || is_fence(l))
            && skipped < 4
        {
            next += 1;
            skipped += 1;
        }
        json_block(lines, next)?
    };
    let imported = Imported {
        source: Source::Json,
        verb,
        target: Some(path),
        headers: Vec::new(),
        content_type: Some("application/json".to_owned()),
        body,
        notes: vec![
            "a verb and path in prose with a JSON body: linted as sent with application/json"
                .to_owned(),
        ],
    };
    Some(found(i, last, RequestSource::Prose, imported))
}

/// An SDK call of a known method starting on this line, with a body
/// literal (the call may run over the next lines).
fn sdk_at(lines: &[&str], i: usize) -> Option<Found> {
    let (start, _) = sdk::next_method(lines[i])?;
    let end = (i + MAX_LINES).min(lines.len());
    let rest = std::iter::once(&lines[i][start..])
        .chain(lines[i + 1..end].iter().copied())
        .collect::<Vec<_>>()
        .join("\n");
    let imported = sdk::call_at(&rest)?;
    // The call's last line: where its parentheses close.
    let mut depth = 0usize;
    let mut last = i;
    'lines: for (offset, line) in rest.lines().enumerate() {
        for c in line.chars() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        last = i + offset;
                        break 'lines;
                    }
                }
                _ => {}
            }
        }
    }
    Some(found(i, last, RequestSource::Sdk, imported))
}
