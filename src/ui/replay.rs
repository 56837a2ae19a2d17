//! The replay view (`gc-attrs replay FILE`): a header line naming the file
//! and the step, the recorded exchanges listed on the left, and the one
//! shown on the right as the response pane shows a live answer (status,
//! request line, decoded errors by the same code), with the request's
//! headers and body, the observed change of a read after a write, and the
//! answer's headers and body.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::payload::section;
use super::split::{self, Part};
use super::text::{prose, truncate, truncate_middle, width};
use super::{diffview, pane_block, response, scrolled, theme, title_span};
use crate::app::{App, Replay, Step};
use crate::diff::{JsonDiff, LineTag};

/// Draws the replay's header in `top` and its body in `body`.
pub fn render(frame: &mut Frame, top: Rect, body: Rect, app: &App, replay: &Replay) {
    frame.render_widget(Paragraph::new(header(replay, usize::from(top.width))), top);
    let Some(step) = replay.step() else {
        let block = pane_block(Line::from(title_span("Replay", true)), true);
        let room = usize::from(block.inner(body).width);
        let text = prose(
            "The recording holds no exchange (the message log says what was skipped).",
            theme::dim(),
            room,
            0,
        );
        frame.render_widget(Paragraph::new(text).block(block), body);
        return;
    };
    let [left, right] = columns(body);
    list(frame, left, replay);
    let title = format!("Exchange {} of {}", replay.at + 1, replay.steps.len());
    let mut block = pane_block(Line::from(title_span(&title, true)), true);
    if right.width >= 40 {
        block = block.title(
            Line::styled(
                format!(" {} ", response::status_text(&step.view)),
                theme::http_status(step.view.exchange.status()),
            )
            .right_aligned(),
        );
    }
    let room = usize::from(block.inner(right).width);
    scrolled(
        frame,
        right,
        block,
        lines(app, step, room),
        app.scroll.response,
    );
}

/// How far the shown exchange can scroll in a body of this size.
#[must_use]
pub fn scroll_limit(app: &App, replay: &Replay, body: Rect) -> u16 {
    let Some(step) = replay.step() else {
        return 0;
    };
    let inner = Block::bordered().inner(columns(body)[1]);
    let total = lines(app, step, usize::from(inner.width)).len();
    u16::try_from(total.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
}

/// The list on the left, the exchange on the right.
fn columns(body: Rect) -> [Rect; 2] {
    let list = (body.width * 3 / 10).clamp(28, 36);
    split::horizontal(body, [Part::Len(list), Part::Fill])
}

/// `replay of FILE · n/N · recorded <time> · no network`.
fn header(replay: &Replay, room: usize) -> Line<'static> {
    let badge = Span::styled(
        " REPLAY ",
        Style::new()
            .fg(Color::Black)
            .bg(Color::Magenta)
            .add_modifier(Modifier::BOLD),
    );
    let at = |short: bool| {
        let recorded = replay
            .step()
            .map(|s| format!(" · recorded {}", clock(&s.time, short)))
            .unwrap_or_default();
        format!(
            " · {}/{}{recorded} · no network",
            (replay.at + 1).min(replay.steps.len()),
            replay.steps.len()
        )
    };
    let fixed = |text: &str| width(" REPLAY ") + width(" replay of ") + width(text);
    // On a narrow screen the day goes before the file's name is cut short.
    let mut position = at(false);
    if room.saturating_sub(fixed(&position)) < 24 {
        position = at(true);
    }
    let file = truncate_middle(&replay.file, room.saturating_sub(fixed(&position)).max(8));
    Line::from(vec![
        badge,
        Span::styled(" replay of ", theme::dim()),
        Span::styled(file, theme::bold()),
        Span::styled(position, theme::dim()),
    ])
}

/// An RFC 3339 time as `2026-12-03 10:16:47 UTC` (`short`: `10:16:47 UTC`);
/// anything else as it is.
fn clock(time: &str, short: bool) -> String {
    match (time.get(..10), time.get(11..19)) {
        (Some(_), Some(second)) if short && time.ends_with('Z') => format!("{second} UTC"),
        (Some(day), Some(second)) if time.ends_with('Z') => format!("{day} {second} UTC"),
        _ => time.to_owned(),
    }
}

/// What a request went to, in a word: `conversation`, `attributes`,
/// `secureattributes`, `token`.
fn target(url: &str) -> String {
    let route = super::history::route(url);
    match route.strip_prefix("/conversations/") {
        Some(rest) if !rest.contains('/') => "conversation".to_owned(),
        _ => route.rsplit('/').next().unwrap_or(&route).to_owned(),
    }
}

/// The recorded exchanges, the one shown marked, kept in view.
fn list(frame: &mut Frame, area: Rect, replay: &Replay) {
    let mut block = pane_block(Line::from(title_span("Recorded", false)), false);
    if replay.steps.iter().any(|s| s.change.is_some()) {
        block = block.title_bottom(Line::styled(" Δ change observed ", theme::dim()));
    }
    let inner = block.inner(area);
    let visible = usize::from(inner.height).max(1);
    let total = replay.steps.len();
    let first = replay
        .at
        .saturating_sub(visible / 2)
        .min(total.saturating_sub(visible));
    let room = usize::from(inner.width);
    let rows: Vec<Line<'static>> = replay
        .steps
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, step)| row(i, total, step, i == replay.at, room))
        .collect();
    frame.render_widget(Paragraph::new(rows).block(block), area);
}

fn row(index: usize, total: usize, step: &Step, selected: bool, room: usize) -> Line<'static> {
    let exchange = &step.view.exchange;
    let status = exchange
        .status()
        .map_or_else(|| "—".to_owned(), |s| s.to_string());
    let digits = total.to_string().len();
    let head = format!(
        "{}{:>digits$} {:<5} ",
        if selected { "▶" } else { " " },
        index + 1,
        truncate(&exchange.method, 5)
    );
    let path_room = room.saturating_sub(width(&head) + 6);
    let path = truncate(&target(&exchange.url), path_room);
    let mut spans = vec![
        Span::styled(head, theme::dim()),
        Span::styled(
            format!("{status:<3} "),
            theme::http_status(exchange.status()),
        ),
        Span::raw(path),
    ];
    if step.change.is_some() {
        spans.push(Span::styled(" Δ", theme::warning()));
    }
    let line = Line::from(spans);
    if selected {
        line.style(theme::selected(false))
    } else {
        line
    }
}

/// Every line of the exchange shown, for a width.
fn lines(app: &App, step: &Step, room: usize) -> Vec<Line<'static>> {
    let view = &step.view;
    let shown = app.shown_exchange(&view.exchange);
    let exchange = shown.as_ref();
    let mut out = response::summary(view, room);
    out.extend(response::no_answer(app, exchange, room));
    out.extend(response::decoded(view, room));
    out.extend(observed(app, step, room));
    out.extend(response::headers(
        "Request headers",
        &exchange.request_headers,
        room,
    ));
    if let Some(request) = exchange.request_body.as_deref().filter(|b| !b.is_empty()) {
        out.push(Line::raw(""));
        out.push(section("Request body", room));
        out.extend(response::body(request, room, app.view.wrap));
    }
    out.extend(response::headers(
        "Response headers",
        &exchange.response_headers,
        room,
    ));
    out.push(Line::raw(""));
    out.push(section("Body", room));
    out.extend(response::body(&exchange.response_body, room, app.view.wrap));
    out
}

/// The observed change of a read after a write.
fn observed(app: &App, step: &Step, room: usize) -> Vec<Line<'static>> {
    let Some(change) = &step.change else {
        return Vec::new();
    };
    let mut out = vec![Line::raw(""), section("Observed changes", room)];
    out.extend(prose(
        &format!(
            "participant {}: as read in exchange {}, before the write in exchange {}, \
             against this read (unchanged keys left out)",
            change.participant_id,
            change.before + 1,
            change.write + 1
        ),
        theme::dim(),
        room,
        0,
    ));
    let summary = &change.diff.summary;
    if summary.added.is_empty() && summary.changed.is_empty() && summary.removed.is_empty() {
        out.extend(prose(
            "… no change visible: the attributes are as read before the write",
            theme::warning(),
            room,
            0,
        ));
        return out;
    }
    out.extend(prose(
        &format!(
            "{} changed · {} added · {} removed",
            summary.changed.len(),
            summary.added.len(),
            summary.removed.len()
        ),
        theme::good().add_modifier(Modifier::BOLD),
        room,
        0,
    ));
    out.push(Line::styled("before (−) vs after (+)", theme::dim()));
    out.extend(diffview::lines(
        &changes_only(&change.diff),
        app.diff_layout,
        room,
        app.view.wrap,
    ));
    out
}

/// The diff's changed lines, each with the line before and after it: a
/// participant's other attributes are left out.
fn changes_only(diff: &JsonDiff) -> JsonDiff {
    let changed: Vec<bool> = diff.lines.iter().map(|l| l.tag != LineTag::Equal).collect();
    let near = |i: usize| {
        changed[i.saturating_sub(1)..=(i + 1).min(changed.len().saturating_sub(1))]
            .iter()
            .any(|c| *c)
    };
    JsonDiff {
        lines: diff
            .lines
            .iter()
            .enumerate()
            .filter(|(i, _)| near(*i))
            .map(|(_, line)| line.clone())
            .collect(),
        ..diff.clone()
    }
}
