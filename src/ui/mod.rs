//! Drawing: [`render`] paints the whole screen from `&App` and nothing else.
//! It never mutates state and does no I/O; each pane has its own file. A
//! frame costs what is on screen, not the size of the map: long panes (the
//! form, the diff, the predicted maps) format only their visible rows, and
//! whole-map sizes are measured once per edit ([`crate::app::Measures`]).
//!
//! Screen: a top bar (mode badge, conversation, spinner), the body (the
//! picker, or the workspace: conversation and attribute form on the left, the
//! payload or response pane on the right), a footer (keys of the focused
//! pane, status line), then any overlay (prompt, send dialog, history, help).

mod bar;
mod conversation;
mod dialog;
mod diffview;
mod findings;
mod form;
mod help;
mod history;
mod payload;
mod picker;
pub mod presenter;
mod prompt;
mod replay;
mod response;
mod split;
mod text;
mod theme;
mod workbench;

pub use workbench::{editor_height, list_room};

#[cfg(test)]
mod tests;

use ratatui::Frame;
use ratatui::layout::{Alignment, Margin, Rect};

use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
use split::Part;

use crate::app::keymap::{Action, Context};
use crate::app::{App, Area, Focus, Layout, ListAt, Overlay, PaneAt, Workspace};

/// The smallest screen the layout is drawn on.
pub const MIN_WIDTH: u16 = 60;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 16;

/// Draws the whole screen for the app's state.
pub fn render(frame: &mut Frame, app: &App) {
    theme::set_colour(app.colour);
    draw(frame, app);
    highlight_search(frame, app);
    for cell in &mut frame.buffer_mut().content {
        if !app.colour {
            // Every colour goes; the modifiers (bold, reverse) stay.
            cell.set_fg(ratatui::style::Color::Reset);
            cell.set_bg(ratatui::style::Color::Reset);
        }
        // Terminals disagree on how wide a character with variation
        // selector 16 is (`⚠️`: one cell in tmux 3.3, two for ratatui), which
        // shifts the rest of the row. Drawn without it, the character is one
        // cell everywhere, in the two cells ratatui left it.
        if cell.symbol().contains(VS16) {
            let symbol: String = cell.symbol().chars().filter(|&c| c != VS16).collect();
            cell.set_symbol(if symbol.is_empty() { " " } else { &symbol });
        }
    }
}

/// Variation selector 16 (emoji presentation).
const VS16: char = '\u{FE0F}';

fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let [top, body, foot] = rows(area);
    if let Some(replay) = &app.replay {
        replay::render(frame, top, body, app, replay);
    } else {
        bar::top(frame, top, app);
    }
    match &app.workspace {
        _ if app.replay.is_some() => {}
        // Zoomed, the response takes the body, whatever it answers.
        _ if app.zoomed() && app.focus == Focus::Response => response::render(frame, body, app),
        _ if shows_workbench(app) => workbench::render(frame, body, app),
        // A failed load's answer, read where the picker was.
        _ if app.focus == Focus::Response && app.response_from_load() => {
            response::render(frame, body, app);
        }
        Some(workspace) if app.focus != Focus::Picker => {
            workspace_view(frame, body, app, workspace);
        }
        _ => picker::render(frame, body, app),
    }
    bar::footer(frame, foot, app);

    match &app.overlay {
        Some(Overlay::Prompt(prompt)) => prompt::render(frame, body, app, prompt),
        Some(Overlay::Dialog(dialog)) => dialog::render(frame, body, app, dialog),
        Some(Overlay::History { selected }) => history::render(frame, body, app, *selected),
        Some(Overlay::Help) => help::render(frame, body, app),
        Some(Overlay::Messages { scroll }) => dialog::messages(frame, body, app, *scroll),
        Some(Overlay::QuitConfirm { edits }) => {
            dialog::quit_confirm(frame, body, app, *edits, false);
        }
        Some(Overlay::RevertConfirm { edits }) => {
            dialog::quit_confirm(frame, body, app, *edits, true);
        }
        Some(Overlay::Code { selected }) => dialog::code_picker(frame, body, app, *selected),
        Some(Overlay::BenchConfirm {
            request,
            confirmation,
            resend,
        }) => dialog::bench_confirm(frame, body, app, request, confirmation, *resend),
        None => {}
    }
}

/// Whether the body shows the workbench: it has the keys, or the answer
/// to its send does.
fn shows_workbench(app: &App) -> bool {
    app.focus == Focus::Workbench || (app.focus == Focus::Response && app.response_from_bench())
}

/// The search's text, reversed wherever the focused pane shows it (drawn
/// over the frame: every pane's text is found the same way).
fn highlight_search(frame: &mut Frame, app: &App) {
    let Some(search) = app.search.as_ref().filter(|_| app.overlay.is_none()) else {
        return;
    };
    let area = frame.area();
    let Some(pane) = layout(app, area)
        .panes
        .into_iter()
        .rev()
        .find(|p| p.pane == app.focus)
    else {
        return;
    };
    let inner = Block::bordered().inner(Rect::new(
        pane.area.x,
        pane.area.y,
        pane.area.width,
        pane.area.height,
    ));
    let query: Vec<char> = search.query.to_lowercase().chars().collect();
    if query.is_empty() {
        return;
    }
    let buffer = frame.buffer_mut();
    for y in inner.top()..inner.bottom() {
        // The row's characters with the cell each starts in (a wide one
        // takes two cells, the second drawn empty).
        let mut cells: Vec<(char, u16)> = Vec::new();
        for x in inner.left()..inner.right() {
            let symbol = buffer[(x, y)].symbol();
            for c in symbol.chars().flat_map(char::to_lowercase) {
                cells.push((c, x));
            }
        }
        let mut start = 0;
        while start + query.len() <= cells.len() {
            if cells[start..start + query.len()]
                .iter()
                .map(|(c, _)| *c)
                .eq(query.iter().copied())
            {
                let from = cells[start].1;
                let to = cells[start + query.len() - 1].1;
                for x in from..=to {
                    let cell = &mut buffer[(x, y)];
                    cell.set_style(
                        cell.style()
                            .add_modifier(ratatui::style::Modifier::REVERSED),
                    );
                }
                start += query.len();
            } else {
                start += 1;
            }
        }
    }
}

/// The lines of the payload or response pane that hold the search's text,
/// as the pane is drawn on a screen of this size; `None` without a search,
/// or when the focus is not on one of those panes.
#[must_use]
pub fn search_hits(app: &App, screen: Rect) -> Option<Vec<u16>> {
    let search = app.search.as_ref().filter(|s| s.pending.is_some())?;
    if !matches!(app.focus, Focus::Payload | Focus::Response)
        || screen.width < MIN_WIDTH
        || screen.height < MIN_HEIGHT
    {
        return None;
    }
    let [_, body, _] = rows(screen);
    let lines = if app.focus == Focus::Response {
        let pane = if app.zoomed() || app.response_from_load() {
            body
        } else if shows_workbench(app) {
            workbench::columns(body)[1]
        } else {
            columns(body)[1]
        };
        response::lines(app, usize::from(Block::bordered().inner(pane).width))
    } else {
        let workspace = app.workspace.as_ref()?;
        let pane = panes(app, workspace, body)
            .right
            .unwrap_or_else(|| columns(body)[1]);
        let room = usize::from(Block::bordered().inner(pane).width);
        return Some(payload::matching(app, workspace, room, |line| {
            search.matches(line)
        }));
    };
    Some(
        lines
            .iter()
            .enumerate()
            .filter(|(_, line)| search.matches(&line.to_string()))
            .map(|(i, _)| u16::try_from(i).unwrap_or(u16::MAX))
            .collect(),
    )
}

/// How many pages the help overlay takes on a screen of this size.
#[must_use]
pub fn help_pages(app: &App, screen: Rect) -> u16 {
    let [_, body, _] = rows(screen);
    help::pages(app, body)
}

/// How far the payload or response pane can scroll on a screen of this
/// size: lines beyond what fits. The shell may clamp `App::scroll` to it, so
/// that scrolling back up after overshooting the end takes no extra keys.
#[must_use]
pub fn scroll_limit(app: &App, screen: Rect) -> u16 {
    if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
        return 0;
    }
    if let Some(replay) = &app.replay {
        return replay::scroll_limit(app, replay, rows(screen)[1]);
    }
    if app.focus == Focus::Response && (app.response_from_load() || app.zoomed()) {
        let [_, body, _] = rows(screen);
        let inner = Block::bordered().inner(body);
        let total = response::lines(app, usize::from(inner.width)).len();
        let excess = total.saturating_sub(usize::from(inner.height));
        return u16::try_from(excess).unwrap_or(u16::MAX);
    }
    if shows_workbench(app) {
        if app.focus != Focus::Response {
            return u16::MAX;
        }
        let [_, body, _] = rows(screen);
        let [_, right] = workbench::columns(body);
        let inner = Block::bordered().inner(right);
        let total = response::lines(app, usize::from(inner.width)).len();
        let excess = total.saturating_sub(usize::from(inner.height));
        return u16::try_from(excess).unwrap_or(u16::MAX);
    }
    let Some(workspace) = app
        .workspace
        .as_ref()
        .filter(|_| app.focus != Focus::Picker)
    else {
        return 0;
    };
    if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
        return 0;
    }
    let [_, body, _] = rows(screen);
    // Zoomed on a list, the payload keeps the scroll it has beside it.
    let right = panes(app, workspace, body)
        .right
        .unwrap_or_else(|| columns(body)[1]);
    let inner = Block::bordered().inner(right);
    let room = usize::from(inner.width);
    let total = if app.focus == Focus::Response {
        response::lines(app, room).len()
    } else {
        payload::height(app, workspace, room)
    };
    let excess = total.saturating_sub(usize::from(inner.height));
    u16::try_from(excess).unwrap_or(u16::MAX)
}

/// The lines a page of the payload or response pane holds on a screen of
/// this size: the body's height inside the pane's borders.
#[must_use]
pub fn page_length(screen: Rect) -> u16 {
    let [_, body, _] = rows(screen);
    body.height.saturating_sub(2).max(1)
}

/// The line of the payload pane the app's pending jump goes to on a screen
/// of this size, if one is pending and found.
#[must_use]
pub fn jump_line(app: &App, screen: Rect) -> Option<u16> {
    let jump = app.jump.as_ref()?;
    let workspace = app.workspace.as_ref()?;
    if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
        return None;
    }
    let [_, body, _] = rows(screen);
    // The payload pane as drawn: beside the lists, or zoomed.
    let right = panes(app, workspace, body)
        .right
        .unwrap_or_else(|| columns(body)[1]);
    let room = usize::from(Block::bordered().inner(right).width);
    let line = payload::jump_line(app, workspace, room, jump)?;
    Some(u16::try_from(line).unwrap_or(u16::MAX))
}

/// Top bar, body, footer.
fn rows(area: Rect) -> [Rect; 3] {
    split::vertical(area, [Part::Len(1), Part::Fill, Part::Len(1)])
}

/// The workspace's left (conversation, form) and right (payload, response) columns.
fn columns(body: Rect) -> [Rect; 2] {
    split::horizontal(
        body,
        [Part::Len(split::percent(body.width, 45)), Part::Fill],
    )
}

/// Where the workspace's panes are drawn: the conversation and the form on
/// the left, the payload or response on the right; zoomed, the focused one
/// alone takes the body.
#[derive(Default)]
struct Panes {
    conversation: Option<Rect>,
    form: Option<Rect>,
    right: Option<Rect>,
}

fn panes(app: &App, workspace: &Workspace, body: Rect) -> Panes {
    if app.zoomed() {
        return match app.focus {
            Focus::Participants => Panes {
                conversation: Some(body),
                ..Panes::default()
            },
            Focus::Attributes => Panes {
                form: Some(body),
                ..Panes::default()
            },
            _ => Panes {
                right: Some(body),
                ..Panes::default()
            },
        };
    }
    let [left, right] = columns(body);
    let wanted = conversation::height(workspace, left.width);
    // The form keeps at least eight lines: three rows, its header and detail.
    let conversation_height = wanted.min(left.height.saturating_sub(8)).max(5);
    let [top, bottom] = split::vertical(left, [Part::Len(conversation_height), Part::Fill]);
    Panes {
        conversation: Some(top),
        form: Some(bottom),
        right: Some(right),
    }
}

fn workspace_view(frame: &mut Frame, area: Rect, app: &App, workspace: &Workspace) {
    let panes = panes(app, workspace, area);
    if let Some(top) = panes.conversation {
        conversation::render(frame, top, app, workspace);
    }
    if let Some(bottom) = panes.form {
        form::render(frame, bottom, app, workspace);
    }
    match panes.right {
        Some(right) if app.focus == Focus::Response => response::render(frame, right, app),
        Some(right) => payload::render(frame, right, app, workspace),
        None => {}
    }
}

/// Where the panes of the screen on show are, for the mouse: what
/// [`render`] would draw at this size. Under an overlay, on the picker and
/// in the workbench there is none.
#[must_use]
pub fn layout(app: &App, screen: Rect) -> Layout {
    let mut out = Layout::default();
    if screen.width < MIN_WIDTH
        || screen.height < MIN_HEIGHT
        || app.overlay.is_some()
        || app.replay.is_some()
    {
        return out;
    }
    let [_, body, _] = rows(screen);
    if app.focus == Focus::Response && (app.zoomed() || app.response_from_load()) {
        // The title names the response alone when it answers a load.
        if !app.response_from_load() && !app.response_from_bench() {
            out.panes.extend(tabs_at(body));
        }
        out.panes.push(pane_at(Focus::Response, body, None));
        return out;
    }
    if shows_workbench(app) {
        return out;
    }
    let Some(workspace) = app
        .workspace
        .as_ref()
        .filter(|_| app.focus != Focus::Picker)
    else {
        return out;
    };
    let panes = panes(app, workspace, body);
    if let Some(right) = panes.right {
        out.panes.extend(tabs_at(right));
        let shown = if app.focus == Focus::Response {
            Focus::Response
        } else {
            Focus::Payload
        };
        out.panes.push(pane_at(shown, right, None));
    }
    if let Some(top) = panes.conversation {
        let list = conversation::list_at(workspace, top);
        out.panes.push(pane_at(Focus::Participants, top, list));
    }
    if let Some(bottom) = panes.form {
        let list = form::list_at(app, workspace, bottom);
        out.panes.push(pane_at(Focus::Attributes, bottom, list));
    }
    out
}

fn pane_at(pane: Focus, area: Rect, list: Option<ListAt>) -> PaneAt {
    PaneAt {
        pane,
        area: cells(area),
        list,
    }
}

fn cells(area: Rect) -> Area {
    Area {
        x: area.x,
        y: area.y,
        width: area.width,
        height: area.height,
    }
}

/// The `Payload` and `Response` tabs in the title of a pane at `area`
/// ([`bar::tabs`], drawn after the corner).
fn tabs_at(area: Rect) -> Vec<PaneAt> {
    let mut x = area.x.saturating_add(1);
    let mut out = Vec::new();
    for (pane, name) in [(Focus::Payload, "Payload"), (Focus::Response, "Response")] {
        let width = u16::try_from(name.len() + 2).unwrap_or(0);
        if x.saturating_add(width) >= area.x.saturating_add(area.width) {
            break;
        }
        out.push(pane_at(pane, Rect::new(x, area.y, width, 1), None));
        // The separator between the tabs.
        x = x.saturating_add(width + 1);
    }
    out
}

fn too_small(frame: &mut Frame, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let notice = format!(
        "gc-attrs needs at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}): enlarge the terminal",
        area.width, area.height
    );
    let lines = text::prose(&notice, theme::warning(), usize::from(area.width), 0);
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(area.height);
    let y = area.y + (area.height - height) / 2;
    let paragraph = Paragraph::new(lines).alignment(Alignment::Center);
    frame.render_widget(paragraph, Rect::new(area.x, y, area.width, height));
}

/// The key the app's keymap gives `action` in `context`, for a hint.
fn key(app: &App, context: Context, action: Action) -> String {
    app.keymap.first(context, action)
}

/// A bordered pane block with a title, accented when focused.
fn pane_block(title: Line<'_>, focused: bool) -> Block<'_> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border(focused))
        .title(title)
}

/// A title span with a space on each side.
fn title_span(text: &str, focused: bool) -> Span<'static> {
    Span::styled(format!(" {text} "), theme::title(focused))
}

/// Draws pre-wrapped lines in a block, scrolled by `scroll` (clamped so the
/// last page stays full), with a scrollbar and the position in the bottom
/// border when the lines do not fit.
fn scrolled(
    frame: &mut Frame,
    area: Rect,
    block: Block<'_>,
    lines: Vec<Line<'static>>,
    scroll: u16,
) {
    let total = lines.len();
    scrolled_with(frame, area, block, total, scroll, |from, count| {
        lines.into_iter().skip(from).take(count).collect()
    });
}

/// [`scrolled`] for `total` lines of which only the window on screen is
/// made: `window(from, count)` gives at most `count` lines from line `from`.
fn scrolled_with(
    frame: &mut Frame,
    area: Rect,
    block: Block<'_>,
    total: usize,
    scroll: u16,
    window: impl FnOnce(usize, usize) -> Vec<Line<'static>>,
) {
    let inner = block.inner(area);
    let visible = usize::from(inner.height);
    let max = total.saturating_sub(visible);
    let offset = usize::from(scroll).min(max);
    let mut block = block;
    if total > visible && visible > 0 {
        let last = (offset + visible).min(total);
        block = block.title_bottom(
            Line::styled(format!(" {}–{last} of {total} ", offset + 1), theme::dim())
                .right_aligned(),
        );
    }
    frame.render_widget(Paragraph::new(window(offset, visible)).block(block), area);
    if total > visible && visible > 0 {
        let mut state = ScrollbarState::new(max + 1).position(offset);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("│"))
                .track_style(theme::dim())
                .thumb_symbol("┃"),
            area.inner(Margin::new(0, 1)),
            &mut state,
        );
    }
}

/// A centred rectangle of at most `width`×`height` inside `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Clears an overlay's area and draws its frame; returns the inside.
fn overlay(frame: &mut Frame, area: Rect, block: Block<'_>) -> Rect {
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    inner
}
