//! The request workbench: on the left the request as written (verb, path,
//! content type, and the body with line numbers, JSON colouring and a
//! marker where each finding points), or on the Explain tab the pasted
//! error text; on the right the findings with their fixes, the decoded
//! error, or the answer to the send (the response pane).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthChar;

use super::payload::section;
use super::split::{self, Part};
use super::text::{prose, truncate, visible, wrap};
use super::{findings, key, pane_block, prompt, response, scrolled, theme};
use crate::app::keymap::{Action, Context};
use crate::app::{App, BenchField, BenchTab, CheckItem, Focus, TextArea};
use crate::lint::Verdict;
use crate::usecase::words::{ShownBodies, unlisted_line};
use crate::usecase::words::{check_summary, claim_heading, claim_parts, request_heading, verdict};
use crate::usecase::workbench::Mark;

/// The editor's and the right pane's areas of the workbench's body.
#[must_use]
pub fn columns(area: Rect) -> [Rect; 2] {
    split::horizontal(
        area,
        [Part::Len(split::percent(area.width, 55)), Part::Fill],
    )
}

/// The lines the workbench's text area shows on a screen of this size
/// (for [`crate::app::Msg::BenchView`]).
#[must_use]
pub fn editor_height(app: &App, screen: Rect) -> u16 {
    let [_, body, _] = super::rows(screen);
    let [left, _] = columns(body);
    let inner = pane_block(Line::raw(""), true).inner(left);
    match app.workbench.tab {
        BenchTab::Request => inner.height.saturating_sub(4),
        BenchTab::Explain | BenchTab::Check => inner.height,
    }
}

/// Draws the workbench (and, after a send from it, its answer).
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let bench = &app.workbench;
    let [left, right] = columns(area);
    let keys_here = app.focus == Focus::Workbench;
    // The text has the keys, or the list on the right does.
    let editing = keys_here && bench.field != BenchField::List;
    let listing = keys_here && bench.field == BenchField::List;
    let mut block = pane_block(tabs(bench.tab, editing), editing);
    let (row, column) = match bench.tab {
        BenchTab::Request => bench.body.cursor(),
        BenchTab::Explain => bench.error_text.cursor(),
        BenchTab::Check => bench.check_text.cursor(),
    };
    block = block.title_bottom(
        Line::styled(format!(" {}:{} ", row + 1, column + 1), theme::dim()).right_aligned(),
    );
    let inner = block.inner(left);
    frame.render_widget(block, left);
    match bench.tab {
        BenchTab::Request => request(frame, inner, app, editing),
        BenchTab::Explain => {
            let hint = "Paste an error here: a log line, an SDK exception, an answer's JSON, an HTML page.";
            editor(frame, inner, &bench.error_text, &[], editing, hint, false);
        }
        BenchTab::Check => {
            let hint = "Paste a whole text: a forum answer, a code file, a chat transcript.";
            let marks = check_marks(app);
            editor(
                frame,
                inner,
                &bench.check_text,
                &marks,
                editing,
                hint,
                false,
            );
        }
    }
    if app.focus == Focus::Response {
        response::render(frame, right, app);
        return;
    }
    let room = usize::from(pane_block(Line::raw(""), false).inner(right).width);
    let pane = list_pane(app, room);
    let block = pane_block(Line::from(super::title_span(pane.title, listing)), listing);
    let visible = usize::from(block.inner(right).height);
    let scroll = pane.scroll(app, visible);
    scrolled(frame, right, block, pane.lines, scroll);
}

/// The right pane of a tab: its title, its lines, and the line where its
/// selection starts.
struct ListPane {
    title: &'static str,
    lines: Vec<Line<'static>>,
    base: usize,
}

impl ListPane {
    /// The scroll: the selection's line moved by the user's own scrolling,
    /// within the lines.
    fn scroll(&self, app: &App, visible: usize) -> u16 {
        let max = self.lines.len().saturating_sub(visible);
        let at =
            i64::try_from(self.base).unwrap_or(i64::MAX) + i64::from(app.workbench.pane_scroll);
        let at = usize::try_from(at.max(0)).unwrap_or(0).min(max);
        u16::try_from(at).unwrap_or(u16::MAX)
    }
}

fn list_pane(app: &App, room: usize) -> ListPane {
    let bench = &app.workbench;
    // The first item keeps the heading lines above it in view.
    let base = |starts: &[usize], selected: usize| {
        if selected == 0 {
            0
        } else {
            starts.get(selected).copied().unwrap_or(0)
        }
    };
    match bench.tab {
        BenchTab::Request => {
            let (starts, lines) = lint_doc(app, room);
            ListPane {
                title: "Lint",
                base: base(&starts, bench.selected),
                lines,
            }
        }
        BenchTab::Explain => ListPane {
            title: "Decoded",
            lines: explain_lines(app, room),
            base: 0,
        },
        BenchTab::Check => {
            let (starts, lines) = check_doc(app, room);
            ListPane {
                title: "Claims and requests",
                base: base(&starts, bench.item),
                lines,
            }
        }
    }
}

/// The list pane's scroll as the app keeps it: the lines from its
/// selection's line it may move (up, down), for [`crate::app::Msg::BenchView`].
#[must_use]
pub fn list_room(app: &App, screen: Rect) -> (u16, u16) {
    let [_, body, _] = super::rows(screen);
    let [_, right] = columns(body);
    let inner = pane_block(Line::raw(""), false).inner(right);
    let pane = list_pane(app, usize::from(inner.width));
    let max = pane.lines.len().saturating_sub(usize::from(inner.height));
    let up = pane.base.min(max);
    let down = max.saturating_sub(pane.base);
    (
        u16::try_from(up).unwrap_or(u16::MAX),
        u16::try_from(down).unwrap_or(u16::MAX),
    )
}

/// `Request │ Explain`, the shown one highlighted.
fn tabs(shown: BenchTab, focused: bool) -> Line<'static> {
    let mut spans = vec![Span::styled(" Workbench ", theme::title(focused))];
    for tab in BenchTab::all() {
        let name = tab.name();
        spans.push(Span::styled("│", theme::dim()));
        let style = if tab == shown {
            theme::title(focused).add_modifier(Modifier::REVERSED)
        } else {
            theme::dim()
        };
        spans.push(Span::styled(format!(" {name} "), style));
    }
    Line::from(spans)
}

/// Whether the body's string values are masked: the request goes to the
/// secure attributes and the user has not opted in.
fn masks(app: &App) -> bool {
    !app.show_secure && crate::genesys::secure::is_secure_path(app.workbench.target.text().trim())
}

fn request(frame: &mut Frame, area: Rect, app: &App, editing: bool) {
    let bench = &app.workbench;
    if area.height < 5 || area.width < 10 {
        return;
    }
    let marked = |wanted: Mark| bench.findings.iter().any(|m| m.mark == Some(wanted));
    let fields = [
        (
            "verb",
            BenchField::Verb,
            &bench.verb,
            "none: type one, e.g. PATCH",
            Mark::Verb,
        ),
        (
            "path",
            BenchField::Target,
            &bench.target,
            "/api/v2/conversations/…",
            Mark::Target,
        ),
        (
            "type",
            BenchField::ContentType,
            &bench.content_type,
            "none (a body needs application/json)",
            Mark::ContentType,
        ),
    ];
    for (i, (label, field, input, placeholder, mark)) in fields.into_iter().enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        let style = if marked(mark) {
            theme::error()
        } else {
            theme::dim()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!("{label:<5}"), style)),
            Rect::new(area.x, y, 5, 1),
        );
        let focused = editing && bench.field == field;
        prompt::field(
            frame,
            Rect::new(area.x + 5, y, area.width - 5, 1),
            input,
            placeholder,
            focused,
        );
    }
    let room = usize::from(area.width);
    let heading = if bench.body.is_empty() {
        "body (none)"
    } else {
        "body"
    };
    frame.render_widget(
        Paragraph::new(section(heading, room)),
        Rect::new(area.x, area.y + 3, area.width, 1),
    );
    let body_area = Rect::new(area.x, area.y + 4, area.width, area.height - 4);
    let marks: Vec<(usize, usize, bool)> = bench
        .findings
        .iter()
        .enumerate()
        .filter_map(|(i, m)| match m.mark {
            Some(Mark::Body { line, column }) => Some((line, column, i == bench.selected)),
            _ => None,
        })
        .collect();
    let hint = "Type or paste a body, or paste a whole curl command or HTTP request.";
    editor(
        frame,
        body_area,
        &bench.body,
        &marks,
        editing && bench.field == BenchField::Body,
        hint,
        masks(app),
    );
}

/// Draws a text area with line numbers and JSON colouring; `marks` are
/// (line, column, selected), 1-based; `mask`: string values drawn as dots.
fn editor(
    frame: &mut Frame,
    area: Rect,
    text: &TextArea,
    marks: &[(usize, usize, bool)],
    focused: bool,
    hint: &str,
    mask: bool,
) {
    if area.height == 0 || area.width < 6 {
        return;
    }
    let lines = text.lines();
    let height = usize::from(area.height);
    let (row, column) = text.cursor();
    // The view keeps the cursor in it, whatever the last BenchView said.
    let mut top = text.top();
    if row < top {
        top = row;
    } else if row >= top + height {
        top = row + 1 - height;
    }
    let gutter = lines.len().to_string().len().max(2) + 1;
    let room = usize::from(area.width).saturating_sub(gutter);
    // The whole view scrolls sideways when the cursor passes its right edge.
    let left = column.saturating_sub(room.saturating_sub(1));
    let mut out = Vec::new();
    if text.is_empty() {
        out.push(Line::from(vec![
            Span::styled(format!("{:>w$} ", 1, w = gutter - 1), theme::dim()),
            Span::styled(truncate(hint, room), theme::dim()),
        ]));
    } else {
        for (i, line) in lines.iter().enumerate().skip(top).take(height) {
            let here: Vec<(usize, bool)> = marks
                .iter()
                .filter(|(l, _, _)| *l == i + 1)
                .map(|(_, c, selected)| (*c, *selected))
                .collect();
            let number_style = if here.is_empty() {
                theme::dim()
            } else {
                theme::error()
            };
            let mut spans = vec![Span::styled(
                format!("{:>w$} ", i + 1, w = gutter - 1),
                number_style,
            )];
            spans.extend(colored(line, &here, left, room, mask));
            out.push(Line::from(spans));
        }
    }
    frame.render_widget(Paragraph::new(out), area);
    if focused {
        let before: usize = lines.get(row).map_or(0, |l| {
            l.chars()
                .skip(left)
                .take(column - left)
                .map(|c| UnicodeWidthChar::width(c).unwrap_or(0))
                .sum()
        });
        let x = area.x + u16::try_from(gutter + before).unwrap_or(0);
        let y = area.y + u16::try_from(row - top).unwrap_or(0);
        if x < area.x + area.width && y < area.y + area.height {
            frame.set_cursor_position(Position::new(x, y));
        }
    }
}

/// What a character of a JSON line is, for its colour.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    Key,
    Text,
    Number,
    Word,
    Punct,
}

fn token_style(token: Token) -> Style {
    match token {
        Token::Key => theme::heading(),
        Token::Text => theme::good(),
        Token::Number => theme::warning(),
        Token::Word => theme::bold(),
        Token::Punct => theme::plain(),
    }
}

/// Each character of a line with what it is: strings (a key when a `:`
/// follows), numbers, `true`/`false`/`null`, the rest.
fn tokens(line: &str) -> Vec<(char, Token)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(chars.len());
            let next = chars[end..].iter().find(|c| !c.is_whitespace());
            let token = if next == Some(&':') {
                Token::Key
            } else {
                Token::Text
            };
            out.extend(chars[i..end].iter().map(|c| (*c, token)));
            i = end;
        } else if c == '-' || c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && (chars[j].is_ascii_alphanumeric() || "+-.".contains(chars[j]))
            {
                j += 1;
            }
            out.extend(chars[i..j].iter().map(|c| (*c, Token::Number)));
            i = j;
        } else if c.is_ascii_alphabetic() {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_alphanumeric() {
                j += 1;
            }
            out.extend(chars[i..j].iter().map(|c| (*c, Token::Word)));
            i = j;
        } else {
            out.push((c, Token::Punct));
            i += 1;
        }
    }
    out
}

/// A body line coloured, from character `left`, at most `room` cells; the
/// marked columns (1-based) underlined in red, the selected one reversed.
fn colored(
    line: &str,
    marks: &[(usize, bool)],
    left: usize,
    room: usize,
    mask: bool,
) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (i, (c, token)) in tokens(line).into_iter().enumerate().skip(left) {
        let c = match c {
            '\t' => ' ',
            c if c.is_control() => '·',
            c if mask && (token == Token::Text && c != '"' || token == Token::Number) => '•',
            c => c,
        };
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        let mut style = token_style(token);
        if let Some((_, selected)) = marks.iter().find(|(column, _)| *column == i + 1) {
            style = theme::error().add_modifier(Modifier::UNDERLINED);
            if *selected {
                style = style.add_modifier(Modifier::REVERSED);
            }
        }
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push(c),
            _ => spans.push(Span::styled(c.to_string(), style)),
        }
    }
    spans
}

/// The secure values the lint pane must not show: the body's attribute
/// values, when they are masked.
fn secrets(app: &App) -> Vec<String> {
    if !masks(app) {
        return Vec::new();
    }
    crate::lint::secure_values(&app.workbench.body.text())
}

/// The line where each listed finding starts, and all the lines.
fn lint_doc(app: &App, room: usize) -> (Vec<usize>, Vec<Line<'static>>) {
    let bench = &app.workbench;
    let mut out = Vec::new();
    let style = if bench.findings.iter().any(|m| m.finding.severity.rejects()) {
        theme::error()
    } else {
        theme::good()
    };
    out.extend(prose(&bench.verdict, style, room, 0));
    if masks(app) {
        out.extend(prose(
            "secure values are masked (--show-secure shows them)",
            theme::dim(),
            room,
            2,
        ));
    }
    if bench.findings.is_empty() {
        out.extend(start_lines(app, room));
        out.extend(note_lines(app, room));
        return (Vec::new(), out);
    }
    let verb = visible(bench.verb.text().trim());
    let secrets = secrets(app);
    // A secure body's values are masked in the findings too.
    let listed: Vec<crate::lint::Finding> =
        bench.findings.iter().map(|m| m.finding.clone()).collect();
    let listed = if masks(app) {
        crate::lint::masked(&listed, &bench.body.text())
    } else {
        listed
    };
    let mut shown = ShownBodies::default();
    let mut starts = Vec::new();
    for (i, finding) in listed.iter().enumerate() {
        out.push(Line::raw(""));
        starts.push(out.len());
        let lines = findings::lines(&verb, finding, &secrets, room.saturating_sub(2), &mut shown);
        out.extend(led(lines.into_iter(), i == bench.selected));
    }
    for unlisted in &bench.unlisted {
        out.extend(prose(&unlisted_line(unlisted), theme::dim(), room, 0));
    }
    out.extend(note_lines(app, room));
    (starts, out)
}

/// An item's lines indented by two cells, the selected one's marked there
/// (`▶` on its first line, `┃` on the others).
fn led(
    lines: impl Iterator<Item = Line<'static>>,
    selected: bool,
) -> impl Iterator<Item = Line<'static>> {
    lines.enumerate().map(move |(n, line)| {
        let lead = match (selected, n) {
            (true, 0) => Span::styled("▶ ", theme::key()),
            (true, _) => Span::styled("┃ ", theme::key()),
            _ => Span::raw("  "),
        };
        let mut spans = vec![lead];
        spans.extend(line.spans);
        Line::from(spans)
    })
}

/// What the workbench is for, while it has nothing to say of a request.
fn start_lines(app: &App, room: usize) -> Vec<Line<'static>> {
    let bench = &app.workbench;
    let send = key(app, Context::Workbench, Action::SendAsIs);
    let text = if bench.body.is_empty() && bench.target.text().trim().is_empty() {
        format!(
            "Paste what you have: a curl command, an HTTP request (PATCH /api/v2/… HTTP/1.1, \
             headers, a blank line, the body), a Python or JavaScript SDK call, or a JSON body. \
             It is linted as you type, each finding marked where it points; {fix} applies the \
             selected finding's fix and {send} sends the request as it is, to reproduce its \
             answer. {edit} in the form puts the form's edit here; {tab} switches to Explain \
             (decode a pasted error) and Check (judge a whole forum answer).",
            fix = key(app, Context::Workbench, Action::ApplyFix),
            edit = key(app, Context::Global, Action::EditInWorkbench),
            tab = key(app, Context::Workbench, Action::SwitchTab),
        )
    } else {
        format!("{send} sends it as it is; the answer shows here.")
    };
    let mut out = vec![Line::raw("")];
    out.extend(prose(&text, theme::dim(), room, 0));
    out
}

/// How the last paste was read.
fn note_lines(app: &App, room: usize) -> Vec<Line<'static>> {
    let notes = &app.workbench.notes;
    if notes.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Line::raw(""), section("How it was read", room)];
    for note in notes {
        out.extend(prose(&format!("• {note}"), theme::warning(), room, 2));
    }
    out
}

fn explain_lines(app: &App, room: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let Some(explanation) = &app.workbench.explanation else {
        out.extend(prose(
            "The pasted text is decoded here as an answer is: each error's code, its message \
             with the parameters filled in, what it means, the next step, the contextId and the \
             nested errors.",
            theme::dim(),
            room,
            0,
        ));
        return out;
    };
    let form = serde_json::to_value(explanation.form)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let status = explanation
        .status
        .map_or_else(|| "no status".to_owned(), |s| format!("status {s}"));
    out.extend(wrap(
        &[
            Span::styled(format!("{status} · "), theme::bold()),
            Span::styled(form, theme::dim()),
        ],
        room,
        &[],
        &[],
        super::text::Break::Words,
    ));
    if !explanation.errors.is_empty() {
        out.push(Line::raw(""));
        out.push(section("Decoded errors", room));
        for error in &explanation.errors {
            out.extend(response::error_lines(error, room));
        }
    }
    for note in &explanation.notes {
        out.extend(prose(&format!("note: {note}"), theme::warning(), room, 2));
    }
    out
}

/// Where the Check tab's claims and requests are in its text (the false and
/// partly-true claims, and the requests predicted to be rejected, marked).
fn check_marks(app: &App) -> Vec<(usize, usize, bool)> {
    let bench = &app.workbench;
    let Some(Ok(checked)) = &bench.checked else {
        return Vec::new();
    };
    bench
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let selected = i == bench.item;
            match item {
                CheckItem::Claim(c) => checked
                    .claims
                    .get(*c)
                    .filter(|c| matches!(c.verdict, Verdict::False | Verdict::Partly) || selected)
                    .map(|c| (c.line, c.column, selected)),
                CheckItem::Request(r) => checked
                    .requests
                    .get(*r)
                    .filter(|r| r.rejects || selected)
                    .map(|r| (r.line, 1, selected)),
            }
        })
        .collect()
}

fn verdict_style(verdict: Verdict) -> Style {
    match verdict {
        Verdict::False => theme::error(),
        Verdict::Partly | Verdict::Unconfirmed => theme::warning(),
        Verdict::True => theme::good(),
    }
}

/// The most Check items drawn at once, around the selection.
const CHECK_WINDOW: usize = 200;

/// The Check tab's list: the summary, then each claim and request in text
/// order (in the words `gc-attrs check` prints); the line each item starts.
fn check_doc(app: &App, room: usize) -> (Vec<usize>, Vec<Line<'static>>) {
    let bench = &app.workbench;
    let mut out = Vec::new();
    let checked = match &bench.checked {
        None => {
            out.extend(prose(
                "Paste a forum answer, a code file or a chat transcript: every claim the fact \
                 sheet can judge (SDK methods, models, packages, scopes, routes, body keys, \
                 content types, codes, \"a PUT exists\") is listed at its line and column with a \
                 verdict, and every request in it (curl, HTTP, a verb and path with a body, an \
                 SDK call) is linted on its route; Enter on a request opens it in the Request tab.",
                theme::dim(),
                room,
                0,
            ));
            return (Vec::new(), out);
        }
        Some(Err(message)) => {
            out.extend(prose(message, theme::error(), room, 0));
            return (Vec::new(), out);
        }
        Some(Ok(checked)) => checked,
    };
    let style = if checked.fails() {
        theme::error()
    } else {
        theme::good()
    };
    out.extend(prose(&check_summary(&checked.summary), style, room, 0));
    if bench.stale {
        let tab = key(app, Context::Workbench, Action::NextPane);
        out.extend(prose(
            &format!("the text changed since it was checked: {tab} to the list checks it again"),
            theme::warning(),
            room,
            0,
        ));
    }
    // A long text's items are drawn around the selection only.
    let first = bench.item.saturating_sub(CHECK_WINDOW / 4);
    let last = (first + CHECK_WINDOW).min(bench.items.len());
    if first > 0 {
        out.extend(prose(
            &format!("… {first} earlier item(s)"),
            theme::dim(),
            room,
            0,
        ));
    }
    let mut starts = vec![0; first];
    for (i, item) in bench.items.iter().enumerate().take(last).skip(first) {
        out.push(Line::raw(""));
        starts.push(out.len());
        let mut lines: Vec<Line<'static>> = Vec::new();
        let inner = room.saturating_sub(2);
        match item {
            CheckItem::Claim(c) => {
                if let Some(claim) = checked.claims.get(*c) {
                    lines = claim_lines(claim, inner);
                }
            }
            CheckItem::Request(r) => {
                if let Some(request) = checked.requests.get(*r) {
                    lines = request_lines(request, inner);
                }
            }
        }
        out.extend(led(lines.into_iter(), i == bench.item));
    }
    if last < bench.items.len() {
        out.push(Line::raw(""));
        out.extend(prose(
            &format!(
                "… {} more item(s): select on to reach them, or run gc-attrs check",
                bench.items.len() - last
            ),
            theme::dim(),
            room,
            0,
        ));
    }
    (starts, out)
}

/// A claim of the Check tab: heading, the matched text, its parts.
fn claim_lines(claim: &crate::lint::TextClaim, room: usize) -> Vec<Line<'static>> {
    let mut lines = wrap(
        &[
            Span::styled(claim_heading(claim), verdict_style(claim.verdict)),
            Span::styled(format!("  “{}”", visible(&claim.matched)), theme::bold()),
        ],
        room,
        &[],
        &[Span::raw("  ")],
        super::text::Break::Words,
    );
    for part in claim_parts(claim) {
        lines.extend(wrap(
            &[
                Span::styled(format!("{}: ", part.label.word()), theme::dim()),
                Span::raw(part.text),
            ],
            room,
            &[Span::raw("  ")],
            &[Span::raw("  ")],
            super::text::Break::Words,
        ));
    }
    lines
}

/// Findings of a checked request listed in the Check tab; the rest are
/// read in the Request tab.
const REQUEST_FINDINGS: usize = 8;

/// A request of the Check tab: heading, verdict, its findings in one line each.
fn request_lines(
    request: &crate::usecase::check::CheckedRequest,
    room: usize,
) -> Vec<Line<'static>> {
    let style = if request.rejects {
        theme::error()
    } else {
        theme::good()
    };
    let mut lines = wrap(
        &[Span::styled(visible(&request_heading(request)), style)],
        room,
        &[],
        &[Span::raw("  ")],
        super::text::Break::Anywhere,
    );
    lines.extend(prose(&verdict(&request.findings), style, room, 2));
    for finding in request.findings.iter().take(REQUEST_FINDINGS) {
        lines.extend(wrap(
            &[
                theme::severity_badge(finding.severity),
                Span::raw(format!(" {} ", finding.rule)),
                Span::styled(visible(&finding.message), theme::dim()),
            ],
            room,
            &[Span::raw("  ")],
            &[Span::raw("    ")],
            super::text::Break::Words,
        ));
    }
    if request.findings.len() > REQUEST_FINDINGS {
        lines.extend(prose(
            &format!(
                "… {} more: Enter opens it in the Request tab",
                request.findings.len() - REQUEST_FINDINGS
            ),
            theme::dim(),
            room,
            2,
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> String {
        tokens(line)
            .into_iter()
            .map(|(_, t)| match t {
                Token::Key => 'k',
                Token::Text => 's',
                Token::Number => 'n',
                Token::Word => 'w',
                Token::Punct => '.',
            })
            .collect()
    }

    #[test]
    fn a_json_line_is_coloured_by_what_each_part_is() {
        assert_eq!(
            kinds(r#"  "a\"b": "x:", "n" : -1.5e3, true]"#),
            "..kkkkkk..ssss..kkk...nnnnnn..wwww."
        );
    }
}
