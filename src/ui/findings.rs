//! A lint finding as lines: verb, severity badge, rule, location; then its
//! parts in the words every face uses ([`crate::usecase::words`]): the
//! message, why, the fix (with its corrected request) and the evidence.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::text::{Break, prose, truncate, visible, width, wrap};
use super::theme;
use crate::genesys::secure;
use crate::lint::{EvidenceKind, Finding, Location};
use crate::usecase::words::{Label, ShownBodies, finding_parts};

/// Most lines of a fix's corrected body shown.
const MAX_BODY_LINES: usize = 12;

/// A part's text with the masked secure values blanked: a fixed body has
/// its attribute values masked too.
fn without_secrets(label: Label, text: String, secrets: &[String]) -> String {
    if secrets.is_empty() {
        return text;
    }
    if label == Label::FixedBody {
        if let Ok(mut body) = serde_json::from_str::<serde_json::Value>(&text) {
            secure::mask_attributes(&mut body, None);
            secure::scrub_json(&mut body, secrets);
            return serde_json::to_string_pretty(&body).unwrap_or_default();
        }
    }
    secure::scrub(&text, secrets)
}

/// The lines of one finding of the request sent with `verb`; `secrets` are
/// the secure values masked now, blanked wherever the finding quotes one; a
/// corrected body already in `shown` is named, not repeated.
#[must_use]
pub fn lines(
    verb: &str,
    finding: &Finding,
    secrets: &[String],
    room: usize,
    shown: &mut ShownBodies,
) -> Vec<Line<'static>> {
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
    let detail = room.saturating_sub(6);
    for mut part in finding_parts(finding, shown) {
        part.text = without_secrets(part.label, std::mem::take(&mut part.text), secrets);
        match part.label {
            Label::Message => out.extend(prose(
                &part.text,
                theme::plain().add_modifier(Modifier::BOLD),
                room,
                2,
            )),
            Label::Fix => out.extend(labelled(
                (part.label, theme::good().add_modifier(Modifier::BOLD)),
                (part.text, theme::good()),
                "       ",
                room,
            )),
            Label::FixedBody => {
                out.push(fix_line(part.label.word(), "", detail));
                let body_lines: Vec<&str> = part.text.lines().collect();
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
            Label::FixedVerb
            | Label::FixedRoute
            | Label::FixedContentType
            | Label::SameFixedBody => {
                out.push(fix_line(part.label.word(), &part.text, detail));
            }
            Label::Evidence => {
                let style = match finding.evidence.kind {
                    EvidenceKind::Documented => theme::dim(),
                    EvidenceKind::Assumed => theme::warning(),
                };
                out.push(Line::styled(
                    truncate(&format!("  {}: {}", part.label.word(), part.text), room),
                    style.add_modifier(Modifier::ITALIC),
                ));
            }
            label => out.extend(labelled(
                (label, theme::dim()),
                (part.text, theme::plain()),
                "  ",
                room,
            )),
        }
    }
    out
}

/// `  label: text`, wrapped, the next lines indented by `rest`.
fn labelled(
    (label, label_style): (Label, Style),
    (text, text_style): (String, Style),
    rest: &'static str,
    room: usize,
) -> Vec<Line<'static>> {
    let spans = [
        Span::styled(format!("{}: ", label.word()), label_style),
        Span::styled(text, text_style),
    ];
    wrap(
        &spans,
        room,
        &[Span::raw("  ")],
        &[Span::raw(rest)],
        Break::Words,
    )
}

/// Where a finding points, with spaces inside a JSON pointer made visible so
/// that a key with whitespace reads as one.
fn location(location: &Location) -> String {
    match location {
        Location::Pointer { pointer } if !pointer.is_empty() => visible(pointer).replace(' ', "␣"),
        other => other.to_string(),
    }
}

/// `     → label: text`, one line, under the fix.
fn fix_line(label: &str, text: &str, room: usize) -> Line<'static> {
    let label = format!("{label}: ");
    let rest = room.saturating_sub(label.len());
    Line::from(vec![
        Span::styled("     → ", theme::dim()),
        Span::styled(label, theme::dim()),
        Span::styled(truncate(&visible(text), rest), theme::good()),
    ])
}
