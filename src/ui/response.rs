//! The response pane: status, latency, correlation id, rate limit, the
//! request line; the decoded errors as a tree; what the re-read observed;
//! the response headers and the pretty-printed body.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::payload::section;
use super::text::{Break, prose, truncate, visible, width, wrap};
use super::{bar, diffview, key, pane_block, scrolled, theme};
use crate::app::keymap::{Action, Context};
use crate::app::{App, Focus, Observed, Outcome, ResponseView};
use crate::lint::explain::ExplainedError;
use crate::usecase::Observation;
use crate::usecase::words::{Label, error_parts};

/// Draws the response pane.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Focus::Response;
    // Beside the workbench there is no payload to switch to.
    let title = if app.response_from_bench() || app.response_from_load() {
        Line::from(super::title_span("Response", focused))
    } else {
        bar::tabs(1, focused)
    };
    let mut block = pane_block(title, focused);
    if let Some(view) = app.response.as_ref().filter(|_| area.width >= 50) {
        block = block.title(
            Line::styled(
                format!(" {} ", status_text(view)),
                theme::http_status(view.exchange.status()),
            )
            .right_aligned(),
        );
        // An answer opened from the history says which one it is.
        if let Some(entry) = &view.history_entry {
            block = block.title_bottom(
                Line::styled(format!(" history {entry} "), theme::dim()).right_aligned(),
            );
        }
    }
    let room = usize::from(block.inner(area).width);
    scrolled(frame, area, block, lines(app, room), app.scroll.response);
}

pub(super) fn status_text(view: &ResponseView) -> String {
    let exchange = &view.exchange;
    match &exchange.outcome {
        Outcome::Answer { .. } => exchange.outcome.to_string().trim_end().to_owned(),
        Outcome::Failed { .. } => "no answer".to_owned(),
        Outcome::Cancelled => "cancelled".to_owned(),
    }
}

fn ms(duration: Duration) -> String {
    format!("{} ms", duration.as_millis())
}

fn labelled(label: &str, value: Vec<Span<'static>>, room: usize) -> Vec<Line<'static>> {
    let mut spans = vec![Span::styled(format!("{label:<12}"), theme::dim())];
    spans.extend(value);
    // A URL wraps between its segments; words elsewhere. A one-word value
    // (an id) that would be cut goes whole to the next line when it fits there.
    let mode = if label == "request" {
        Break::Path
    } else {
        Break::Words
    };
    let value_width: usize = spans[1..].iter().map(|s| width(&s.content)).sum();
    let one_word = spans[1..].iter().all(|s| !s.content.contains(' '));
    if mode == Break::Words && one_word && 12 + value_width > room && value_width + 2 <= room {
        let mut value = vec![Span::raw("  ")];
        value.extend(spans.drain(1..));
        return vec![Line::from(spans), Line::from(value)];
    }
    // A URL whose longest segment (an id) would not fit beside the label
    // goes on under it from the pane's edge instead, so that no id is cut.
    let text: String = spans[1..].iter().map(|s| s.content.as_ref()).collect();
    let longest = text
        .split(['/', '?', '&', ' '])
        .map(|segment| width(segment) + 1)
        .max()
        .unwrap_or(0);
    let hang = if mode == Break::Path && 12 + longest > room {
        2
    } else {
        12
    };
    wrap(&spans, room, &[], &[Span::raw(" ".repeat(hang))], mode)
}

/// Every line of the pane for a width.
#[must_use]
pub fn lines(app: &App, room: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(flight) = &app.in_flight {
        let what = if flight.cancelling {
            "cancelling…".to_owned()
        } else {
            format!(
                "{} · {:.1} s · {} cancels",
                flight.label,
                flight.elapsed().as_secs_f32(),
                key(app, Context::Request, Action::CancelRequest)
            )
        };
        out.extend(wrap(
            &[
                Span::styled(
                    format!("{} ", theme::spinner(flight.ticks)),
                    theme::heading(),
                ),
                Span::styled(what, theme::warning()),
            ],
            room,
            &[],
            &[Span::raw("  ")],
            Break::Anywhere,
        ));
        out.push(Line::raw(""));
    }
    let Some(view) = &app.response else {
        if app.in_flight.is_none() {
            out.push(Line::styled("Nothing sent yet.", theme::bold()));
            out.extend(prose(
                &format!(
                    "Press {} to open the send dialog: choose PATCH or PUT and a route, then {}. \
                     The answer shows here with its errors decoded, the correlation id and the \
                     rate limit; after a 2xx the participant is re-read to show what really \
                     changed.",
                    key(app, Context::Global, Action::Send),
                    key(app, Context::Dialog, Action::Confirm),
                ),
                theme::dim(),
                room,
                0,
            ));
        }
        return out;
    };
    out.extend(summary(view, room));
    // Secure values are masked in the bodies unless the user opted in.
    let shown = app.shown_exchange(&view.exchange);
    let exchange = shown.as_ref();
    out.extend(no_answer(app, exchange, room));
    out.extend(decoded(view, room));
    out.extend(observed(app, view, room));
    out.extend(headers(
        "Response headers",
        &exchange.response_headers,
        room,
    ));
    out.push(Line::raw(""));
    out.push(section("Body", room));
    out.extend(body(&exchange.response_body, room, app.view.wrap));
    if let Some(request) = exchange.request_body.as_deref().filter(|b| !b.is_empty()) {
        out.push(Line::raw(""));
        out.push(section("Request body", room));
        out.extend(body(request, room, app.view.wrap));
    }
    out
}

/// The decoded errors of an error answer, under their heading.
pub(super) fn decoded(view: &ResponseView, room: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(explanation) = &view.explanation {
        out.push(Line::raw(""));
        out.push(section("Decoded errors", room));
        for error in &explanation.errors {
            out.extend(error_lines(error, room));
        }
        for note in &explanation.notes {
            out.extend(prose(&format!("note: {note}"), theme::warning(), room, 2));
        }
    }
    out
}

/// Headers under a heading (nothing when there are none).
pub(super) fn headers(
    heading: &str,
    headers: &[(String, String)],
    room: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if headers.is_empty() {
        return out;
    }
    out.push(Line::raw(""));
    out.push(section(heading, room));
    for (name, value) in headers {
        out.extend(wrap(
            &[
                Span::styled(format!("{name}: "), theme::dim()),
                Span::raw(visible(value)),
            ],
            room,
            &[],
            &[Span::raw("  ")],
            // A correlation id or a URL moves to the next line whole.
            Break::Path,
        ));
    }
    out
}

/// Why there is no answer, and what a write without one may have done.
pub(super) fn no_answer(
    app: &App,
    exchange: &crate::app::Exchange,
    room: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(failure) = exchange.failure() {
        out.push(Line::raw(""));
        out.push(section("No answer", room));
        let kind = serde_json::to_value(failure.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        out.extend(prose(
            &format!("{kind}: {}", failure.message),
            theme::error(),
            room,
            2,
        ));
    }
    if exchange.may_have_applied() {
        out.extend(prose(
            &format!(
                "No answer, yet {}: {} re-reads the conversation before you send again.",
                crate::app::MAY_HAVE_APPLIED,
                key(app, Context::Global, Action::Reload)
            ),
            theme::warning(),
            room,
            2,
        ));
    }
    out
}

/// Status, latency, the request line, correlation id and rate limit.
pub(super) fn summary(view: &ResponseView, room: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let exchange = &view.exchange;
    let mut head = vec![Span::styled(
        status_text(view),
        theme::http_status(exchange.status()),
    )];
    head.push(Span::styled("  ", theme::dim()));
    head.push(Span::raw(ms(exchange.timings.total)));
    if let Some(headers) = exchange.timings.to_headers {
        head.push(Span::styled(
            format!(" (headers {})", ms(headers)),
            theme::dim(),
        ));
    }
    if exchange.attempts > 1 {
        head.push(Span::styled(
            format!(" · {} attempts", exchange.attempts),
            theme::dim(),
        ));
    }
    out.extend(wrap(&head, room, &[], &[Span::raw("  ")], Break::Words));
    out.extend(labelled(
        "request",
        vec![
            Span::styled(format!("{} ", exchange.method), theme::bold()),
            Span::raw(exchange.url.clone()),
        ],
        room,
    ));
    if let Some(id) = &exchange.correlation_id {
        out.extend(labelled(
            "correlation",
            vec![Span::styled(id.clone(), theme::bold())],
            room,
        ));
    }
    out.extend(rate_limit(view, room));
    out
}

fn rate_limit(view: &ResponseView, room: usize) -> Vec<Line<'static>> {
    let limit = &view.exchange.rate_limit;
    let mut parts = Vec::new();
    match (limit.remaining(), limit.allowed) {
        (Some(remaining), Some(allowed)) => {
            parts.push(format!("remaining {remaining} of {allowed}"));
        }
        (None, Some(allowed)) => parts.push(format!("{allowed} allowed")),
        _ => {}
    }
    if let Some(reset) = limit.reset_seconds {
        parts.push(format!("resets in {reset}s"));
    }
    let mut value = vec![Span::raw(parts.join(", "))];
    if let Some(retry) = limit.retry_after_seconds {
        let sep = if parts.is_empty() { "" } else { " · " };
        // Counted down from when the answer came.
        let left = match view.retry_in() {
            Some(left) => format!(
                ", {} s left",
                left.as_secs() + u64::from(left.subsec_nanos() > 0)
            ),
            None => ", passed: you may send again".to_owned(),
        };
        value.push(Span::styled(
            format!("{sep}retry after {retry}s (Retry-After){left}"),
            theme::warning().add_modifier(Modifier::BOLD),
        ));
    } else if parts.is_empty() {
        return Vec::new();
    }
    labelled("rate limit", value, room)
}

/// One decoded error, indented by its depth in the `errors` tree.
pub(super) fn error_lines(error: &ExplainedError, room: usize) -> Vec<Line<'static>> {
    let indent = "  ".repeat(error.depth.min(8));
    let branch = if error.depth > 0 { "└ " } else { "" };
    let first = vec![Span::styled(format!("{indent}{branch}"), theme::dim())];
    let rest_indent = format!("{indent}{}", if error.depth > 0 { "  " } else { "" });
    let rest = vec![Span::raw(format!("{rest_indent}  "))];
    let mut head = vec![Span::styled(
        error.code.clone().unwrap_or_else(|| "(no code)".into()),
        theme::error(),
    )];
    if let Some(status) = error.status {
        head.push(Span::styled(format!(" {status}"), theme::dim()));
    }
    if let Some(message) = &error.message {
        head.push(Span::raw(format!("  {}", visible(message))));
    }
    let mut out = wrap(&head, room, &first, &rest, Break::Words);
    for part in error_parts(error) {
        let style = match part.label {
            // The message is on the head line already.
            Label::Message => continue,
            Label::NextStep => theme::good(),
            Label::ContextId => theme::bold(),
            Label::Limit => theme::warning(),
            Label::Evidence => theme::dim(),
            _ => theme::plain(),
        };
        let spans = [
            Span::styled(format!("{}: ", part.label.word()), theme::dim()),
            Span::styled(part.text, style),
        ];
        out.extend(wrap(&spans, room, &rest, &rest, Break::Words));
    }
    out
}

fn observed(app: &App, view: &ResponseView, room: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if view.observed == Observed::NotApplicable {
        return out;
    }
    out.push(Line::raw(""));
    let what = if view
        .compare
        .as_ref()
        .is_some_and(|c| c.participant_id.is_empty())
    {
        "Observed after re-reading the secure attributes"
    } else {
        "Observed after re-reading the participant"
    };
    out.push(section(what, room));
    match &view.observed {
        Observed::NotApplicable => {}
        Observed::Pending { attempt } => out.push(Line::styled(
            format!("re-reading… (attempt {attempt})"),
            theme::warning(),
        )),
        Observed::Done(observation) => {
            let (glyph, style) = match observation {
                Observation::AsPredicted { .. } => {
                    ("✓", theme::good().add_modifier(Modifier::BOLD))
                }
                Observation::Differs { .. } => ("✗", theme::error()),
                Observation::NotVisibleYet { .. } => ("…", theme::warning()),
            };
            out.extend(prose(
                &format!("{glyph} {}", observation.verdict()),
                style,
                room,
                0,
            ));
            if app.sent_unseen() {
                out.extend(prose(
                    &format!(
                        "Your edits are kept in the form, marked \"sent, not visible yet\": {} \
                         re-reads again.",
                        key(app, Context::Global, Action::Reload)
                    ),
                    theme::warning(),
                    room,
                    0,
                ));
            }
            if !matches!(observation, Observation::NotVisibleYet { .. }) {
                out.push(Line::styled("before (−) vs after (+)", theme::dim()));
                out.extend(diffview::lines(
                    &observation.diff(),
                    app.diff_layout,
                    room,
                    app.view.wrap,
                ));
            }
        }
        Observed::Failed(message) => out.extend(prose(
            &format!("the re-read failed: {message}"),
            theme::error(),
            room,
            0,
        )),
    }
    out
}

/// A body: pretty JSON when it parses, else the text as is; a long line
/// wraps under its indent, each continuation marked `↪`, or is cut with `…`.
pub(super) fn body(raw: &str, room: usize, wrapping: bool) -> Vec<Line<'static>> {
    if raw.trim().is_empty() {
        return vec![Line::styled("(empty)", theme::dim())];
    }
    let text = serde_json::from_str::<serde_json::Value>(raw)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| raw.to_owned());
    text.lines()
        .flat_map(|line| {
            if !wrapping {
                return vec![Line::raw(truncate(&visible(line), room))];
            }
            let indent = line.len() - line.trim_start().len();
            let hang = (indent + 2).min(room / 2);
            let marker = format!("{}↪ ", " ".repeat(hang.saturating_sub(2)));
            wrap(
                &[Span::raw(visible(line))],
                room,
                &[],
                &[Span::styled(marker, theme::dim())],
                // An id or a URL's segment stays whole when it fits a line.
                Break::Path,
            )
        })
        .collect()
}
