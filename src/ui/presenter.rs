//! The presenter's screen (`gc-attrs train NAME`), drawn for a projector:
//! the narration on top, the step's request and the prediction on the left,
//! the real answer and the observed state on the right once revealed, the
//! lesson under them, the keys at the bottom.

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::text::{prose, short_ids, truncate};
use super::theme;
use crate::app::presenter::{KEYS, Presenter, Stage};
use crate::app::{Exchange, Prediction, StepRequest, StepRun};

/// At most this many lines of narration or lesson (the rest is cut, marked).
const MAX_PROSE: usize = 6;

/// Draws the presenter.
pub fn render(frame: &mut Frame, presenter: &Presenter) {
    theme::set_colour(presenter.colour);
    let area = frame.area();
    let Some(step) = presenter.scenario.steps.get(presenter.step) else {
        return;
    };
    let inner = area.width.saturating_sub(4) as usize;
    let narration = paragraph_lines(&step.narration, inner);
    let lesson_text = match presenter.stage() {
        Some(Stage::Revealed(_)) => step.lesson.as_str(),
        _ => "",
    };
    let lesson = paragraph_lines(lesson_text, inner);
    let [header, narration_area, middle, lesson_area, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(height(&narration)),
        Constraint::Min(6),
        Constraint::Length(height(&lesson).max(3)),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header_line(presenter, header.width)), header);
    let title = format!(
        " {}/{} {} ",
        presenter.step + 1,
        presenter.scenario.steps.len(),
        step.title
    );
    frame.render_widget(
        Paragraph::new(narration).block(block(&title, true)),
        narration_area,
    );
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(middle);
    let width = left.width.saturating_sub(2) as usize;
    frame.render_widget(
        Paragraph::new(request_lines(presenter, width))
            .block(block(" Request and prediction ", false)),
        left,
    );
    let width = right.width.saturating_sub(2) as usize;
    frame.render_widget(
        Paragraph::new(answer_lines(presenter, width))
            .block(block(" Answer and observed state ", false)),
        right,
    );
    let lesson = if lesson_text.is_empty() {
        vec![Line::styled(
            "The lesson shows once the answer is in.",
            theme::dim(),
        )]
    } else {
        lesson
    };
    frame.render_widget(
        Paragraph::new(lesson).block(block(" Lesson ", false)),
        lesson_area,
    );
    frame.render_widget(Paragraph::new(footer_line(presenter, footer.width)), footer);
}

fn block(title: &str, focused: bool) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(focused))
        .title(Span::styled(title.to_owned(), theme::title(focused)))
}

fn height(lines: &[Line<'_>]) -> u16 {
    u16::try_from(lines.len().clamp(1, MAX_PROSE) + 2).unwrap_or(3)
}

/// Prose of a scenario file: single line breaks joined, blank lines kept as
/// paragraph breaks, wrapped; past [`MAX_PROSE`] lines cut with `…`.
fn paragraph_lines(text: &str, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (n, paragraph) in text.trim().split("\n\n").enumerate() {
        if n > 0 {
            lines.push(Line::default());
        }
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        lines.extend(prose(&joined, theme::plain(), width, 0));
    }
    if lines.len() > MAX_PROSE {
        lines.truncate(MAX_PROSE);
        if let Some(last) = lines.last_mut() {
            last.push_span(Span::styled(" …", theme::dim()));
        }
    }
    lines
}

fn header_line(presenter: &Presenter, width: u16) -> Line<'static> {
    let revealed = presenter
        .stages
        .iter()
        .filter(|s| matches!(s, Some(Stage::Revealed(_))))
        .count();
    let text = format!(
        " gc-attrs train · {} · {} sent, {} as expected, of {} · simulator",
        presenter.scenario.title,
        revealed,
        presenter.passed(),
        presenter.scenario.steps.len(),
    );
    Line::styled(truncate(&text, width as usize), theme::heading())
}

fn footer_line(presenter: &Presenter, width: u16) -> Line<'static> {
    let mut spans = Vec::new();
    for (_, _, key, label) in KEYS {
        spans.push(Span::styled(format!(" {key}"), theme::key()));
        spans.push(Span::raw(format!(" {label} ")));
    }
    // What just happened matters more than the keys, which stay on screen.
    if let Some(note) = &presenter.note {
        spans.insert(0, Span::styled(format!(" {note} │"), theme::warning()));
    }
    Line::from(super::text::truncate_spans(spans, width as usize))
}

/// The prediction's verdict, coloured by whether it predicts a rejection.
fn verdict_line(prediction: &Prediction) -> Line<'static> {
    let style = if prediction.rejects {
        theme::error()
    } else {
        theme::good()
    };
    Line::from(vec![
        Span::styled("predicted: ", theme::bold()),
        Span::styled(prediction.verdict.clone(), style),
    ])
}

/// A styled line wrapped at words to `width`.
fn prose_line(line: &Line<'static>, width: usize) -> Vec<Line<'static>> {
    super::text::wrap(
        &line.spans,
        width,
        &[],
        &[Span::raw("  ")],
        super::text::Break::Words,
    )
}

fn request_lines(presenter: &Presenter, width: usize) -> Vec<Line<'static>> {
    let Some(step) = presenter.scenario.steps.get(presenter.step) else {
        return Vec::new();
    };
    let prediction = match presenter.stage() {
        None | Some(Stage::Predicting) => {
            return vec![Line::styled("predicting…", theme::dim())];
        }
        Some(Stage::Told(p) | Stage::Running(p)) => p.as_ref(),
        Some(Stage::Revealed(run)) => run.prediction.as_ref(),
    };
    let prediction = match prediction {
        Ok(prediction) => prediction,
        Err(error) => {
            return prose(
                &format!("cannot predict: {error}"),
                theme::error(),
                width,
                2,
            );
        }
    };
    // The prediction first: on a small screen the body is what is cut.
    let mut lines = prose_line(&verdict_line(prediction), width);
    for finding in prediction.findings.iter().take(3) {
        let glyph = crate::usecase::verdict::glyph(finding.severity);
        lines.extend(prose(
            &short_ids(&format!("{glyph} {}: {}", finding.rule, finding.message)),
            theme::severity(finding.severity),
            width,
            2,
        ));
    }
    let secure = match &step.request {
        StepRequest::Edit(edit) => edit.on == crate::app::EditOn::Secure,
        StepRequest::Raw(raw) => raw.path.contains("/secureattributes"),
        _ => false,
    };
    match (&step.request, &prediction.request) {
        (StepRequest::Check(check), _) => {
            lines.push(Line::styled("gc-attrs check, on this text:", theme::bold()));
            for line in check.text.trim().lines() {
                lines.push(Line::raw(truncate(line, width)));
            }
        }
        (_, None) => lines.extend(prose(
            "GET the conversation: what a read shows now",
            theme::bold(),
            width,
            2,
        )),
        (_, Some(request)) => {
            let target = format!("{} {}", request.method, short_ids(&request.path));
            lines.extend(super::text::wrap(
                &[Span::styled(target, theme::bold())],
                width,
                &[],
                &[Span::raw("  ")],
                super::text::Break::Path,
            ));
            if let Some(kind) = request
                .content_type
                .as_deref()
                .filter(|k| *k != "application/json")
            {
                lines.push(Line::styled(
                    format!("Content-Type: {kind}"),
                    theme::warning(),
                ));
            }
            let body = request.body.as_deref().unwrap_or_default();
            let shown = if secure {
                crate::lint::masked_body(body)
            } else {
                serde_json::from_str::<serde_json::Value>(body).map_or_else(
                    |_| body.to_owned(),
                    |value| crate::usecase::workbench::pretty(&value),
                )
            };
            for line in shown.lines() {
                lines.push(Line::raw(truncate(line, width)));
            }
        }
    }
    if step.wait_ms > 0 {
        lines.push(Line::styled(
            format!("waits {} ms before it runs", step.wait_ms),
            theme::dim(),
        ));
    }
    lines
}

fn answer_lines(presenter: &Presenter, width: usize) -> Vec<Line<'static>> {
    let run = match presenter.stage() {
        Some(Stage::Revealed(run)) => run,
        Some(Stage::Running(_)) => {
            return prose(
                "sending… (the step's wait included)",
                theme::dim(),
                width,
                0,
            );
        }
        _ => {
            return prose(
                "not sent yet: Enter sends it and shows what the server answers",
                theme::dim(),
                width,
                0,
            );
        }
    };
    let mut lines = Vec::new();
    if let Some(exchange) = &run.exchange {
        lines.extend(exchange_lines(exchange, width));
    }
    if let Some(error) = &run.error {
        lines.extend(prose(error, theme::error(), width, 2));
    }
    lines.extend(observed_lines(run, width));
    if !run.comparisons.is_empty() {
        lines.push(Line::styled("expected:", theme::bold()));
    }
    for c in &run.comparisons {
        let (mark, style) = if c.ok {
            ("✓", theme::good())
        } else {
            ("✗", theme::error())
        };
        let text = if c.ok {
            format!("{mark} {} {}", c.what, c.actual)
        } else {
            format!(
                "{mark} {}: expected {}, got {}",
                c.what, c.expected, c.actual
            )
        };
        lines.extend(prose(&text, style, width, 2));
    }
    lines
}

fn exchange_lines(exchange: &Exchange, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        exchange.outcome.to_string(),
        theme::http_status(exchange.status()).add_modifier(ratatui::style::Modifier::BOLD),
    )];
    if let Some(body) = &exchange.error_body {
        let code = body.code.as_deref().unwrap_or("(no code)");
        let message = body.message.as_deref().unwrap_or_default();
        lines.extend(prose(
            &short_ids(&format!("{code}: {message}")),
            theme::error(),
            width,
            2,
        ));
    }
    let limit = &exchange.rate_limit;
    if let Some(seconds) = limit.retry_after_seconds {
        let text = format!(
            "Retry-After: {seconds} s · inin-ratelimit {}/{} · reset {} s",
            shown(limit.count),
            shown(limit.allowed),
            shown(limit.reset_seconds)
        );
        lines.extend(prose(&text, theme::warning(), width, 2));
    }
    lines
}

fn shown(value: Option<u64>) -> String {
    value.map_or_else(|| "?".to_owned(), |v| v.to_string())
}

/// What changed between the read before and the read after, key by key.
fn observed_lines(run: &StepRun, width: usize) -> Vec<Line<'static>> {
    let (Some(before), Some(after)) = (&run.before, &run.after) else {
        return Vec::new();
    };
    let value = |v: &str| {
        if run.secure {
            "••••".to_owned()
        } else {
            format!("{v:?}")
        }
    };
    let keys: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let mut lines = vec![Line::styled("observed after (a GET):", theme::bold())];
    let mut changed = 0;
    for key in keys {
        let text = match (before.get(key), after.get(key)) {
            (None, Some(new)) => format!("+ {key} = {}", value(new)),
            (Some(_), None) => format!("- {key} (gone)"),
            (Some(old), Some(new)) if old != new => {
                format!("~ {key}: {} → {}", value(old), value(new))
            }
            _ => continue,
        };
        changed += 1;
        lines.extend(prose(&text, theme::plain(), width, 2));
    }
    if changed == 0 {
        lines.push(Line::styled("no attribute changed", theme::dim()));
    }
    lines
}
