//! The send dialog: verb, route, the exact request, what it changes, the lint
//! verdict for the verb, and the confirmation (one key on the simulator; on a
//! live org a warning naming region and keys, and a typed `yes`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::form::shown_key;
use super::text::{Break, short_id, short_path, truncate_spans, wrap};
use super::{centered, key, overlay, prompt, theme};
use crate::app::keymap::{Action, Context};
use crate::app::{App, Mode, RouteChoice, SendDialog, SendTarget, Workspace, planned_request};
use crate::genesys::Verb;

/// Width of the label column.
const LABEL: usize = 9;

fn labelled(label: &str, value: Vec<Span<'static>>, room: usize) -> Vec<Line<'static>> {
    let mut spans = vec![Span::styled(format!("{label:<LABEL$}"), theme::dim())];
    spans.extend(value);
    wrap(
        &spans,
        room,
        &[],
        &[Span::raw(" ".repeat(LABEL))],
        Break::Words,
    )
}

fn route_name(route: RouteChoice) -> &'static str {
    match route {
        RouteChoice::Generic => "generic",
        RouteChoice::Media(media) => media.segment(),
    }
}

fn keys(list: &[String]) -> String {
    list.iter()
        .map(|k| shown_key(k))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Draws the dialog centred over the body.
pub fn render(frame: &mut Frame, area: Rect, app: &App, dialog: &SendDialog) {
    let Some(workspace) = &app.workspace else {
        return;
    };
    let width = area.width.saturating_sub(4).min(90);
    let room = usize::from(width.saturating_sub(4));
    let (mut lines, confirm_row) = content(app, workspace, dialog, room);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, width, height);
    let live = matches!(app.mode, Mode::Live { .. });
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(if live {
            theme::error()
        } else {
            theme::border(true)
        })
        .title(Span::styled(" Send ", theme::title(true)))
        .title_bottom(
            Line::styled(
                format!(
                    " {} verb · {}{} route · {} cancel ",
                    app.keymap
                        .keys(Context::Dialog, Action::ToggleVerb)
                        .iter()
                        .map(ToString::to_string)
                        .collect::<String>(),
                    key(app, Context::Dialog, Action::Up),
                    key(app, Context::Dialog, Action::Down),
                    key(app, Context::Dialog, Action::Cancel),
                ),
                theme::dim(),
            )
            .right_aligned(),
        );
    let inner = overlay(frame, rect, block);
    let inner = inner.inner(ratatui::layout::Margin::new(1, 0));
    let visible = usize::from(inner.height);
    // When the screen is short, keep the confirmation in view: drop detail lines above it.
    let mut field_row = confirm_row;
    if lines.len() > visible {
        let excess = lines.len() - visible;
        let cut_from = 4.min(lines.len());
        let cut = excess.min(confirm_row.unwrap_or(lines.len()).saturating_sub(cut_from));
        lines.drain(cut_from..cut_from + cut);
        field_row = confirm_row.map(|r| r - cut);
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let (Some(row), Some(live_input)) = (field_row, live.then_some(&dialog.confirmation)) {
        confirm_field(frame, inner, row, app, live_input, !app.help_open());
    }
}

/// The field for the typed `yes`, after the confirmation's prompt on line
/// `row` of `inner`.
fn confirm_field(
    frame: &mut Frame,
    inner: Rect,
    row: usize,
    app: &App,
    input: &crate::app::TextInput,
    focused: bool,
) {
    let row = u16::try_from(row).unwrap_or(u16::MAX);
    if row < inner.height {
        let x = inner.x + u16::try_from(super::text::width(&confirm_text(app))).unwrap_or(0);
        let field = Rect::new(
            x,
            inner.y + row,
            inner.width.saturating_sub(x - inner.x).min(12),
            1,
        );
        prompt::field(frame, field, input, "", focused);
    }
}

/// The prompt before the typed confirmation.
fn confirm_text(app: &App) -> String {
    format!(
        "Type yes and press {}: ",
        key(app, Context::Dialog, Action::Confirm)
    )
}

/// The dialog's lines, and the row of the confirmation field (live only).
fn content(
    app: &App,
    workspace: &Workspace,
    dialog: &SendDialog,
    room: usize,
) -> (Vec<Line<'static>>, Option<usize>) {
    let mut out = request_lines(app, workspace, dialog, room);
    let plan = Some(&workspace.derived.plan);
    let changes = Changes {
        added: plan.map(|p| keys(&p.added)).unwrap_or_default(),
        changed: plan.map(|p| keys(&p.changed)).unwrap_or_default(),
        removed: plan.map(|p| keys(p.unremovable())).unwrap_or_default(),
    };
    out.extend(change_lines(app, workspace, dialog, &changes, room));
    out.push(Line::raw(""));
    let mut confirm_row = None;
    match &app.mode {
        Mode::Simulator => out.push(Line::from(vec![
            Span::styled(key(app, Context::Dialog, Action::Confirm), theme::key()),
            Span::raw(" to send, "),
            Span::styled(key(app, Context::Dialog, Action::Cancel), theme::key()),
            Span::raw(" to cancel  "),
            Span::styled("(simulator: nothing real is written)", theme::dim()),
        ])),
        Mode::Live { region, profile } => {
            let org = match profile {
                Some(profile) => format!("{region} (profile {profile})"),
                None => region.clone(),
            };
            out.extend(live_warning(&org, dialog.verb, &changes, room));
            confirm_row = Some(out.len());
            out.push(Line::from(vec![Span::styled(confirm_text(app), danger())]));
        }
    }
    (out, confirm_row)
}

/// The keys a send touches, as shown (whitespace made visible).
struct Changes {
    added: String,
    changed: String,
    removed: String,
}

fn danger() -> Style {
    Style::new()
        .fg(ratatui::style::Color::Red)
        .add_modifier(Modifier::BOLD)
}

/// Verb, routes, the exact request and its target.
fn request_lines(
    app: &App,
    workspace: &Workspace,
    dialog: &SendDialog,
    room: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let chip = |verb: Verb| {
        let text = format!(" {} ", verb.as_str());
        if verb == dialog.verb {
            Span::styled(text, theme::heading().add_modifier(Modifier::REVERSED))
        } else {
            Span::styled(text, theme::dim())
        }
    };
    out.extend(labelled(
        "Verb",
        vec![chip(Verb::Patch), Span::raw(" "), chip(Verb::Put)],
        room,
    ));
    for (i, route) in dialog.routes.iter().enumerate() {
        let chosen = *route == dialog.route;
        // Only the path of each route: the preview is computed on a change, not here.
        let (_, path) = workspace.edit_target().route(dialog.verb, *route);
        let path = short_path(&path).replacen("/api/v2/conversations/", "…/", 1);
        let style = if chosen { theme::bold() } else { theme::dim() };
        let spans = vec![
            Span::styled(
                format!("{:<LABEL$}", if i == 0 { "Route" } else { "" }),
                theme::dim(),
            ),
            Span::styled(if chosen { "▶ " } else { "  " }, theme::heading()),
            Span::styled(format!("{:<8} ", route_name(*route)), style),
            Span::styled(path, style),
        ];
        out.push(Line::from(truncate_spans(spans, room)));
    }
    if let Some(request) = planned_request(app, dialog) {
        let spans = [
            Span::styled(format!("{:<LABEL$}", "Request"), theme::dim()),
            Span::styled(format!("{} ", request.method), theme::bold()),
            Span::raw(request.path),
        ];
        out.extend(wrap(
            &spans,
            room,
            &[],
            &[Span::raw(" ".repeat(LABEL))],
            Break::Path,
        ));
    }
    let conversation = workspace
        .conversation
        .id
        .as_deref()
        .map_or_else(String::new, short_id);
    let target = match workspace.target {
        SendTarget::ParticipantAttributes => {
            let who = workspace.selected().map_or_else(String::new, |p| {
                format!(
                    "{} ({})",
                    p.name.clone().unwrap_or_default(),
                    p.purpose.clone().unwrap_or_default()
                )
            });
            format!("conversation {conversation}, participant {who}")
        }
        SendTarget::SecureAttributes => format!(
            "conversation {conversation}, secure attributes{}",
            workspace
                .secure_version
                .map(|v| format!(" v{v}"))
                .unwrap_or_default()
        ),
    };
    out.extend(labelled("Target", vec![Span::raw(target)], room));
    out
}

/// The keys added, changed and kept or removed, and the lint verdict.
fn change_lines(
    app: &App,
    workspace: &Workspace,
    dialog: &SendDialog,
    changes: &Changes,
    room: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut row = |label: &str, text: String, style: Style| {
        out.extend(labelled(label, vec![Span::styled(text, style)], room));
    };
    if !changes.added.is_empty() {
        row("Adds", changes.added.clone(), theme::diff_insert());
    }
    if !changes.changed.is_empty() {
        row("Changes", changes.changed.clone(), theme::warning());
    }
    if !changes.removed.is_empty() {
        if dialog.verb == Verb::Patch {
            let text = format!("{} (PATCH cannot remove)", changes.removed);
            row("Keeps", text, theme::diff_delete());
        } else {
            row("Removes", changes.removed.clone(), theme::diff_delete());
        }
    }
    if changes.added.is_empty() && changes.changed.is_empty() && changes.removed.is_empty() {
        row("Changes", "nothing: no edits".to_owned(), theme::dim());
    }
    let planned = if dialog.verb == Verb::Put {
        &workspace.derived.put
    } else {
        &workspace.derived.patch
    };
    let said = crate::usecase::verdict::summary(&planned.findings);
    let verdict = match planned.worst() {
        None => vec![Span::styled(said, theme::good())],
        Some(severity) => {
            let mut spans = vec![Span::styled(
                said,
                theme::severity(severity).add_modifier(Modifier::BOLD),
            )];
            if let Some(first) = planned.findings.first() {
                // A message that quotes a masked secure value does not show it.
                let message = crate::genesys::secure::scrub(&first.message, &app.masked_values());
                spans.push(Span::styled(
                    format!(": {message}"),
                    theme::severity(severity),
                ));
            }
            spans
        }
    };
    out.extend(labelled("Lint", verdict, room));
    out
}

/// The red warning of a live send, naming the org and the keys.
fn live_warning(org: &str, verb: Verb, changes: &Changes, room: usize) -> Vec<Line<'static>> {
    let mut what = [changes.added.as_str(), changes.changed.as_str()]
        .into_iter()
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if what.is_empty() {
        "no key".clone_into(&mut what);
    }
    if verb == Verb::Put && !changes.removed.is_empty() {
        what = format!("{what} and removes {}", changes.removed);
    }
    let warning = format!(
        " {org}: this {} writes {what} to a real conversation.",
        verb.as_str()
    );
    let badge = Style::new()
        .fg(ratatui::style::Color::White)
        .bg(ratatui::style::Color::Red)
        .add_modifier(Modifier::BOLD);
    let spans = [
        Span::styled(" LIVE ORG ", badge),
        Span::styled(warning, danger()),
    ];
    wrap(&spans, room, &[], &[Span::raw("  ")], Break::Words)
}

/// The typed confirmation of a workbench send to a live org: the request as
/// it is, the org, and the field for `yes`.
pub fn bench_confirm(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    request: &crate::app::RawRequest,
    confirmation: &crate::app::TextInput,
    resend: bool,
) {
    let Mode::Live { region, profile } = &app.mode else {
        return;
    };
    let org = match profile {
        Some(profile) => format!("{region} (profile {profile})"),
        None => region.clone(),
    };
    let width = area.width.saturating_sub(4).min(90);
    let room = usize::from(width.saturating_sub(4));
    let mut lines = labelled(
        "request",
        vec![Span::styled(
            format!("{} {}", request.method, short_path(&request.path)),
            theme::bold(),
        )],
        room,
    );
    lines.extend(wrap(
        &[Span::styled(
            if resend {
                format!("This sends the history's request again to the live org {org}, as it was.")
            } else {
                format!(
                    "This writes to the live org {org}, exactly as written in the workbench \
                     (the lint's findings are not fixed for you)."
                )
            },
            danger(),
        )],
        room,
        &[],
        &[],
        Break::Words,
    ));
    lines.push(Line::raw(""));
    let row = lines.len();
    lines.push(Line::from(vec![Span::styled(confirm_text(app), danger())]));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, width, height);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::error())
        .title(Span::styled(
            if resend { " Re-send " } else { " Send as is " },
            theme::title(true),
        ))
        .title_bottom(
            Line::styled(
                format!(" {} cancel ", key(app, Context::Dialog, Action::Cancel)),
                theme::dim(),
            )
            .right_aligned(),
        );
    let inner = overlay(frame, rect, block).inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(Paragraph::new(lines), inner);
    confirm_field(frame, inner, row, app, confirmation, true);
}

/// The language picker of the code to copy: each language with whether its
/// program is run by the tests here.
pub fn code_picker(frame: &mut Frame, area: Rect, app: &App, selected: usize) {
    use crate::usecase::code::Lang;
    let width = area.width.saturating_sub(4).min(64);
    let height = u16::try_from(Lang::ALL.len() + 4).unwrap_or(u16::MAX);
    let rect = centered(area, width, height);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border(true))
        .title(Span::styled(" Copy the edit as code ", theme::title(true)))
        .title_bottom(
            Line::styled(
                format!(
                    " {} copy · {} cancel ",
                    key(app, Context::Code, Action::Confirm),
                    key(app, Context::Code, Action::Cancel)
                ),
                theme::dim(),
            )
            .right_aligned(),
        );
    let inner = overlay(frame, rect, block).inner(ratatui::layout::Margin::new(1, 0));
    let mut lines = vec![Line::styled(
        "A complete program that sends this PATCH (fact sheet §11):",
        theme::dim(),
    )];
    for (i, lang) in Lang::ALL.iter().enumerate() {
        let tested = if lang.is_tested_here() {
            Span::styled("run against the simulator in CI", theme::good())
        } else {
            Span::styled("to the SDK docs, not run here", theme::dim())
        };
        let style = if i == selected {
            theme::selected(true)
        } else {
            theme::plain()
        };
        let lead = if i == selected { "▶" } else { " " };
        lines.push(Line::from(vec![
            Span::styled(format!("{lead} {:<12}", lang.name()), style),
            Span::raw(" "),
            tested,
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The question before quitting with unsent edits, or before reverting
/// every edit (`revert`), naming how many.
pub fn quit_confirm(frame: &mut Frame, area: Rect, app: &App, edits: usize, revert: bool) {
    let width = area.width.saturating_sub(4).min(60);
    let rect = centered(area, width, 5);
    let (title, context, verb) = if revert {
        (" Revert all? ", Context::RevertConfirm, " reverts · ")
    } else {
        (" Quit? ", Context::QuitConfirm, " quits · ")
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::warning())
        .title(Span::styled(title, theme::title(true)));
    let inner = overlay(frame, rect, block).inner(ratatui::layout::Margin::new(1, 0));
    let plural = if edits == 1 { "edit" } else { "edits" };
    let lines = vec![
        Line::styled(
            if revert {
                format!("{edits} {plural} would be reverted.")
            } else {
                format!("{edits} unsent {plural} would be lost.")
            },
            theme::warning(),
        ),
        Line::raw(""),
        Line::from(vec![
            Span::styled(key(app, context, Action::Confirm), theme::key()),
            Span::raw(verb),
            Span::styled(key(app, context, Action::Cancel), theme::key()),
            Span::raw(if revert { " keeps them" } else { " stays" }),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The message log over the body: every error and warning of the run, in
/// full, the newest first.
pub fn messages(frame: &mut Frame, area: Rect, app: &App, scroll: u16) {
    let close = key(app, Context::Messages, Action::Close);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border(true))
        .title(Span::styled(
            format!(" Messages ({}) ", app.messages.len()),
            theme::title(true),
        ))
        .title_bottom(Line::styled(format!(" {close} close "), theme::dim()).right_aligned());
    let inner = overlay(frame, area, block).inner(ratatui::layout::Margin::new(1, 0));
    let room = usize::from(inner.width);
    let mut lines = Vec::new();
    if app.messages.is_empty() {
        lines.push(Line::styled(
            "No errors or warnings in this run.",
            theme::dim(),
        ));
    }
    for (i, message) in app.messages.iter().enumerate().rev() {
        let style = if message.error {
            theme::error()
        } else {
            theme::plain()
        };
        lines.extend(wrap(
            &[
                Span::styled(format!("{:>3} ", i + 1), theme::dim()),
                Span::styled(super::text::visible(&message.text), style),
            ],
            room,
            &[],
            &[Span::raw("    ")],
            Break::Words,
        ));
    }
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let offset = usize::from(scroll).min(max);
    let shown: Vec<Line<'static>> = lines.into_iter().skip(offset).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
