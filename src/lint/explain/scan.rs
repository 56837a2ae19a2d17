//! Text-level scanning for the explainer: HTML pages, an HTTP status or a
//! correlation id printed in text, and the repair of JSON that ends early.

use std::collections::VecDeque;

use serde_json::Value;

use super::MAX_TEXT_MESSAGE;

/// How many cut points a truncated body is repaired at, newest first.
const MAX_REPAIRS: usize = 64;
/// serde_json's own nesting limit; deeper text cannot parse anyway.
const MAX_NESTING: usize = 128;

/// The byte offset of a serde_json error (its column counts bytes).
pub(super) fn error_offset(body: &str, e: &serde_json::Error) -> usize {
    let line_start: usize = body
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let mut offset = (line_start + e.column().saturating_sub(1)).min(body.len());
    while !body.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Parse JSON that ends early by closing what is open, at the end or at an
/// earlier cut point (after a value, before a comma), newest first.
pub(super) fn repair(text: &str) -> Option<Value> {
    let mut open: Vec<u8> = Vec::new();
    let mut cuts: VecDeque<(usize, Vec<u8>)> = VecDeque::new();
    let (mut in_string, mut escaped) = (false, false);
    let mut cut = |at: usize, open: &[u8]| {
        if cuts.len() == MAX_REPAIRS {
            cuts.pop_front();
        }
        cuts.push_back((at, open.to_vec()));
    };
    for (i, byte) in text.bytes().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
                cut(i + 1, &open);
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                open.push(if byte == b'{' { b'}' } else { b']' });
                if open.len() > MAX_NESTING {
                    return None;
                }
                cut(i + 1, &open);
            }
            b'}' | b']' => {
                open.pop();
                cut(i + 1, &open);
            }
            b',' => cut(i, &open),
            _ => {}
        }
    }
    let close = |prefix: &str, open: &[u8], quote: bool| {
        let mut s = String::with_capacity(prefix.len() + open.len() + 1);
        s.push_str(prefix);
        if quote {
            s.push('"');
        }
        s.extend(open.iter().rev().map(|&b| char::from(b)));
        serde_json::from_str::<Value>(&s).ok()
    };
    let at_end = if in_string {
        close(
            if escaped {
                &text[..text.len() - 1]
            } else {
                text
            },
            &open,
            true,
        )
    } else if text.ends_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+')) {
        None // a number or literal may be cut short: do not trust it
    } else {
        close(text, &open, false)
    };
    at_end.or_else(|| {
        cuts.iter()
            .rev()
            .find_map(|(at, open)| close(&text[..*at], open, false))
    })
}

pub(super) fn is_html(body: &str) -> bool {
    let head: String = body
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    body.starts_with('<') && (head.starts_with("<!doctype") || head.contains("<html"))
}

pub(super) fn html_title(body: &str) -> Option<String> {
    let lower = body.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open = start + lower[start..].find('>')? + 1;
    let close = open + lower[open..].find("</title")?;
    let title = body[open..close]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!title.is_empty()).then(|| title.chars().take(MAX_TEXT_MESSAGE).collect())
}

/// The first HTTP status in text: `(400)`, `HTTP 400`, `HTTP/1.1 400`,
/// `status 400`, `status: 400`, `status_code=400`, `<title>400`, `<h1>400`.
pub(super) fn status_in_text(text: &str) -> Option<u16> {
    let lower = text.to_ascii_lowercase();
    let b = lower.as_bytes();
    (0..b.len()).find_map(|i| status_at(b, i))
}

fn status_at(b: &[u8], i: usize) -> Option<u16> {
    let rest = &b[i..];
    if rest.starts_with(b"(") {
        let status = three_digits(b, i + 1)?;
        return (b.get(i + 4) == Some(&b')')).then_some(status);
    }
    if rest.starts_with(b"<title>") {
        return three_digits(b, skip(b, i + 7, b" \t\r\n"));
    }
    if rest.starts_with(b"<h1>") {
        return three_digits(b, skip(b, i + 4, b" \t\r\n"));
    }
    if i > 0 && b[i - 1].is_ascii_alphanumeric() {
        return None;
    }
    if rest.starts_with(b"http") {
        let mut j = i + 4;
        if b.get(j) == Some(&b'/') {
            j = skip(b, j + 1, b"0123456789.");
        }
        let k = skip(b, j, b" :");
        return if k == j { None } else { three_digits(b, k) };
    }
    if rest.starts_with(b"status") {
        const SEP: &[u8] = b" \t:=\"'_-";
        let mut j = skip(b, i + 6, SEP);
        if b[j..].starts_with(b"code") {
            j = skip(b, j + 4, SEP);
        }
        return three_digits(b, j);
    }
    None
}

fn skip(b: &[u8], mut j: usize, set: &[u8]) -> usize {
    while b.get(j).is_some_and(|c| set.contains(c)) {
        j += 1;
    }
    j
}

fn three_digits(b: &[u8], j: usize) -> Option<u16> {
    let digits = b.get(j..j + 3)?;
    if !digits.iter().all(u8::is_ascii_digit) || b.get(j + 3).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let status = digits
        .iter()
        .fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
    (100..=599).contains(&status).then_some(status)
}

/// An `ININ-Correlation-Id` header value printed in the text (§4), e.g. in
/// a Python SDK exception's `HTTPHeaderDict`.
pub(super) fn correlation_id(text: &str) -> Option<String> {
    let start =
        text.to_ascii_lowercase().find("inin-correlation-id")? + "inin-correlation-id".len();
    let rest = text[start..].trim_start_matches(['"', '\'', ':', ' ', '=', '\t']);
    let id: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    (id.len() >= 8).then_some(id)
}
