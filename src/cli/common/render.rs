//! Text and JSON output of the headless commands: stdout writing that
//! survives a closed pipe, ANSI colour (only on a terminal, never with
//! `NO_COLOR` or `--json`), aligned tables, and the text forms of lint
//! findings and decoded errors (their words from [`crate::usecase::words`]),
//! exchanges and JSON diffs. Text from the server
//! or the user is [`clean`]ed, so that it cannot drive the terminal.

use std::fmt::Write as _;
use std::io::{IsTerminal as _, Write as _};

use serde_json::Value;
use unicode_width::UnicodeWidthStr as _;

use crate::api::{Exchange, Outcome};
use crate::diff::{JsonDiff, LineTag, Mark};
use crate::lint::explain::Explanation;
use crate::lint::{Finding, Severity, listing};
use crate::usecase::words::{self, Label, Part, ShownBodies, error_parts, finding_parts};

/// How to print: JSON or text, and whether text may be coloured.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// `--json`.
    pub json: bool,
    /// ANSI colour on stdout.
    pub colour: bool,
}

/// The colours used.
#[derive(Debug, Clone, Copy)]
pub enum Paint {
    /// Headings.
    Bold,
    /// Secondary text.
    Dim,
    /// Rejections, deleted lines.
    Red,
    /// Success, inserted lines.
    Green,
    /// Warnings.
    Yellow,
    /// Information.
    Cyan,
}

impl Output {
    /// Colour only for text on a terminal, and never with `NO_COLOR` set.
    #[must_use]
    pub fn new(json: bool) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            json,
            colour: !json && !no_color && std::io::stdout().is_terminal(),
        }
    }

    /// The same output without colour (for stderr).
    #[must_use]
    pub fn plain(self) -> Self {
        Self {
            colour: false,
            ..self
        }
    }

    /// `text` in a colour, when colour is on.
    #[must_use]
    pub fn paint(self, text: &str, paint: Paint) -> String {
        if !self.colour {
            return text.to_owned();
        }
        let code = match paint {
            Paint::Bold => "1",
            Paint::Dim => "2",
            Paint::Red => "31",
            Paint::Green => "32",
            Paint::Yellow => "33",
            Paint::Cyan => "36",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    /// A severity's label in its colour.
    #[must_use]
    pub fn severity(self, severity: Severity) -> String {
        let paint = match severity {
            Severity::Reject => Paint::Red,
            Severity::LikelyReject | Severity::Warning => Paint::Yellow,
            Severity::Info => Paint::Cyan,
        };
        self.paint(severity.label(), paint)
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
pub fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

/// Prints a JSON value, pretty, on stdout.
pub fn print_json(value: &Value) {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    print(&format!("{text}\n"));
}

/// Text from the server or the user made safe for a terminal: control
/// characters (newlines, escapes) are shown escaped.
#[must_use]
pub fn clean(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// An aligned table indented by `indent` spaces: a bold header row, then the
/// rows; cells are [`clean`]ed; the last column is not padded.
#[must_use]
pub fn table(indent: usize, headers: &[&str], rows: &[Vec<String>], out: Output) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|c| clean(c)).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let line = |cells: &[String], head: bool| {
        let mut text = " ".repeat(indent);
        for (i, cell) in cells.iter().enumerate() {
            let last = i + 1 == cells.len();
            let pad = if last {
                0
            } else {
                widths[i] - cell.width() + 2
            };
            let cell = if head && !cell.is_empty() {
                out.paint(cell, Paint::Bold)
            } else {
                cell.clone()
            };
            _ = write!(text, "{cell}{}", " ".repeat(pad));
        }
        text.truncate(text.trim_end().len());
        text.push('\n');
        text
    };
    let head: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
    let mut text = line(&head, true);
    for row in &rows {
        text.push_str(&line(row, false));
    }
    text
}

/// `text` with every line indented by `indent` spaces.
#[must_use]
pub fn indented(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        _ = writeln!(out, "{pad}{line}");
    }
    out
}

/// One line: no findings, or the findings counted by severity with the
/// rules that predict a rejection named
/// ([`verdict::summary`](crate::usecase::verdict::summary)), coloured.
#[must_use]
pub fn verdict(findings: &[Finding], out: Output) -> String {
    paint_verdict(words::verdict(findings), findings, out)
}

/// [`verdict`] after the request's verb
/// ([`verdict::line`](crate::usecase::verdict::line)): `PUT ✖ 1 reject
/// (route/put-on-attributes)`.
#[must_use]
pub fn verdict_line(verb: &str, findings: &[Finding], out: Output) -> String {
    paint_verdict(crate::usecase::verdict::line(verb, findings), findings, out)
}

fn paint_verdict(text: String, findings: &[Finding], out: Output) -> String {
    if findings.is_empty() {
        out.paint(&text, Paint::Green)
    } else if findings.iter().any(|f| f.severity.rejects()) {
        out.paint(&text, Paint::Red)
    } else {
        text
    }
}

/// The findings as listed ([`listing`]: at most
/// [`LISTED_PER_RULE`](crate::lint::LISTED_PER_RULE) per rule), one block
/// each: severity, rule, location, message and fix summary; `full` adds every
/// other part ([`finding_parts`]): why, the fixed verb, route, content type
/// and body (printed once, named at the other findings sharing it), and the
/// evidence. Then one line per rule with findings left out
/// ([`words::unlisted_line`]).
#[must_use]
pub fn findings_text(findings: &[Finding], full: bool, out: Output) -> String {
    let mut text = String::new();
    let listing = listing(findings);
    let mut shown = ShownBodies::default();
    for finding in listing.findings {
        let head = format!(
            "{} {} at {}",
            out.severity(finding.severity),
            out.paint(finding.rule, Paint::Bold),
            finding.location
        );
        _ = writeln!(text, "{head}");
        for part in finding_parts(finding, &mut shown) {
            if full || matches!(part.label, Label::Message | Label::Fix) {
                part_text(&part, "  ", false, &mut text);
            }
        }
    }
    for unlisted in &listing.unlisted {
        _ = writeln!(
            text,
            "{}",
            out.paint(&words::unlisted_line(unlisted), Paint::Dim)
        );
    }
    text
}

/// One part as `label: text` (a body below its label, indented); the
/// message has no label unless `label_message`.
fn part_text(part: &Part, pad: &str, label_message: bool, text: &mut String) {
    match part.label {
        Label::Message if !label_message => _ = writeln!(text, "{pad}{}", clean(&part.text)),
        Label::FixedBody => {
            _ = write!(
                text,
                "{pad}{}:\n{}",
                part.label.word(),
                indented(&part.text, pad.len() + 2)
            );
        }
        label => _ = writeln!(text, "{pad}{}: {}", label.word(), clean(&part.text)),
    }
}

/// A decoded error answer as an indented tree, then its notes.
#[must_use]
pub fn explanation_text(explanation: &Explanation, out: Output) -> String {
    let form = serde_json::to_value(explanation.form).unwrap_or_default();
    let status = explanation
        .status
        .map_or_else(|| "unknown".to_owned(), |s| s.to_string());
    let mut text = format!(
        "status {status}, body: {}\n",
        form.as_str().unwrap_or_default()
    );
    for error in &explanation.errors {
        let pad = " ".repeat(2 * error.depth);
        let code = error.code.as_deref().unwrap_or("(no code)");
        let status = error.status.map(|s| format!(" ({s})")).unwrap_or_default();
        _ = writeln!(
            text,
            "{pad}- {}{status}",
            out.paint(&clean(code), Paint::Red)
        );
        let inner = format!("{pad}    ");
        for part in error_parts(error) {
            part_text(&part, &inner, true, &mut text);
        }
    }
    if !explanation.notes.is_empty() {
        text.push_str("notes:\n");
        for note in &explanation.notes {
            _ = writeln!(text, "  - {}", clean(note));
        }
    }
    text
}

/// An exchange: status line (status, reason, latency, correlation id, rate
/// limit), request line, and the response body (pretty when JSON).
#[must_use]
pub fn exchange_text(exchange: &Exchange, out: Output) -> String {
    let mut head = match &exchange.outcome {
        Outcome::Answer { .. } if exchange.is_success() => {
            out.paint(&exchange.outcome.to_string(), Paint::Green)
        }
        Outcome::Answer { .. } => out.paint(&exchange.outcome.to_string(), Paint::Red),
        Outcome::Failed { failure } => {
            out.paint(&format!("no answer: {}", failure.message), Paint::Red)
        }
        Outcome::Cancelled => out.paint(&exchange.outcome.to_string(), Paint::Yellow),
    };
    _ = write!(head, " · {} ms", exchange.timings.total.as_millis());
    let id = exchange.correlation_id.as_deref().unwrap_or("none");
    _ = write!(head, " · correlation id {}", clean(id));
    let limit = &exchange.rate_limit;
    if let (Some(count), Some(allowed)) = (limit.count, limit.allowed) {
        _ = write!(head, " · rate limit {count}/{allowed}");
        if let Some(reset) = limit.reset_seconds {
            _ = write!(head, " (resets in {reset} s)");
        }
    }
    if let Some(retry) = limit.retry_after_seconds {
        _ = write!(head, " · retry after {retry} s");
    }
    let body = match serde_json::from_str::<Value>(&exchange.response_body) {
        Ok(value) => serde_json::to_string_pretty(&value).unwrap_or_default(),
        Err(_) if exchange.response_body.is_empty() => "(empty)".to_owned(),
        Err(_) => clean(&exchange.response_body),
    };
    format!(
        "{head}\n{} {}\nresponse body:\n{}",
        exchange.method,
        exchange.url,
        indented(&body, 2)
    )
}

/// A JSON diff: coloured lines when colour is on, else
/// [`JsonDiff::render_plain`].
#[must_use]
pub fn diff_text(diff: &JsonDiff, out: Output) -> String {
    if !out.colour {
        return diff.render_plain();
    }
    let mut text = String::new();
    for line in &diff.lines {
        let paint = match (line.mark, line.tag) {
            (Some(Mark::Untouched), _) | (None, LineTag::Equal) => Paint::Dim,
            (Some(Mark::Changed), _) => Paint::Yellow,
            (Some(Mark::Added), _) | (None, LineTag::Insert) => Paint::Green,
            (None, LineTag::Delete) => Paint::Red,
        };
        let marker = line.marker();
        text.push_str(&out.paint(&format!("{marker} "), paint));
        for segment in &line.segments {
            let painted = out.paint(&segment.text, paint);
            if segment.emphasized {
                text.push_str(&out.paint(&painted, Paint::Bold));
            } else {
                text.push_str(&painted);
            }
        }
        text.push('\n');
    }
    text
}
