//! A lint finding as lines: verb, severity badge, rule, location; the
//! message, the explanation, the fix (with its corrected request) and the
//! evidence behind it.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::text::{Break, prose, truncate, visible, width, wrap};
use super::theme;
use crate::lint::{EvidenceKind, Finding, Location};

/// Most lines of a fix's corrected body shown.
const MAX_BODY_LINES: usize = 12;

/// The lines of one finding of the request sent with `verb`.
#[must_use]
pub fn lines(verb: &str, finding: &Finding, room: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut head = vec![
        Span::styled(format!("{verb} "), theme::bold()),
        theme::severity_badge(finding.severity),
        Span::raw("  "),
        Span::styled(finding.rule.to_owned(), theme::heading()),
    ];
    // The location follows the rule when it fits, else it has its own line.
    let at = location(&finding.location);
    let head_width: usize = head.iter().map(|s| width(&s.content)).sum();
    if head_width + 3 + width(&at) <= room {
        head.push(Span::styled(format!(" · {at}"), theme::dim()));
        out.extend(wrap(&head, room, &[], &[Span::raw("  ")], Break::Words));
    } else {
        out.extend(wrap(&head, room, &[], &[Span::raw("  ")], Break::Words));
        out.extend(wrap(
            &[Span::styled(format!("at {at}"), theme::dim())],
            room,
            &[Span::raw("  ")],
            &[Span::raw("  ")],
            Break::Anywhere,
        ));
    }
    out.extend(prose(
        &finding.message,
        theme::plain().add_modifier(Modifier::BOLD),
        room,
        2,
    ));
    out.extend(prose(&finding.explanation, theme::plain(), room, 2));
    if let Some(fix) = &finding.fix {
        let spans = [
            Span::styled("fix: ", theme::good().add_modifier(Modifier::BOLD)),
            Span::styled(fix.summary.clone(), theme::good()),
        ];
        out.extend(wrap(
            &spans,
            room,
            &[Span::raw("  ")],
            &[Span::raw("       ")],
            Break::Words,
        ));
        let detail = room.saturating_sub(6);
        match (&fix.verb, &fix.path) {
            (Some(verb), Some(path)) => out.push(fix_line(&format!("{verb} {path}"), detail)),
            (Some(verb), None) => out.push(fix_line(&format!("verb {verb}"), detail)),
            (None, Some(path)) => out.push(fix_line(&format!("path {path}"), detail)),
            (None, None) => {}
        }
        if let Some(content_type) = &fix.content_type {
            out.push(fix_line(&format!("Content-Type: {content_type}"), detail));
        }
        if let Some(body) = &fix.body {
            let pretty = serde_json::to_string_pretty(body).unwrap_or_default();
            let body_lines: Vec<&str> = pretty.lines().collect();
            for line in body_lines.iter().take(MAX_BODY_LINES) {
                out.push(Line::from(vec![
                    Span::raw("       "),
                    Span::styled(
                        truncate(&visible(line), detail.saturating_sub(1)),
                        theme::good(),
                    ),
                ]));
            }
            if body_lines.len() > MAX_BODY_LINES {
                out.push(Line::styled(
                    format!("       … {} more lines", body_lines.len() - MAX_BODY_LINES),
                    theme::dim(),
                ));
            }
        }
    }
    let evidence = match finding.evidence.kind {
        EvidenceKind::Documented => theme::dim(),
        EvidenceKind::Assumed => theme::warning(),
    };
    out.push(Line::styled(
        truncate(&format!("  {}", finding.evidence), room),
        evidence.add_modifier(Modifier::ITALIC),
    ));
    out
}

/// Where a finding points, with spaces inside a JSON pointer made visible so
/// that a key with whitespace reads as one.
fn location(location: &Location) -> String {
    match location {
        Location::Pointer { pointer } if !pointer.is_empty() => visible(pointer).replace(' ', "␣"),
        other => other.to_string(),
    }
}

fn fix_line(text: &str, room: usize) -> Line<'static> {
    Line::from(vec![
        Span::styled("     → ", theme::dim()),
        Span::styled(truncate(&visible(text), room), theme::good()),
    ])
}
