//! The conversation header (id, start, end or active, media) and the
//! participants table (purpose, name, state, media, number of attributes).

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, HighlightSpacing, Paragraph, Row, Table, TableState};

use super::text::{minute, truncate, truncate_spans, width};
use super::{pane_block, theme, title_span};
use crate::app::{App, Focus, ListAt, Workspace};
use crate::genesys::Participant;
use crate::usecase::participant_state;

/// Lines the pane wants at `width` columns: borders, the header lines (the
/// id's only where it fits whole), the table's header and rows.
#[must_use]
pub fn height(workspace: &Workspace, width: u16) -> u16 {
    let rows = u16::try_from(workspace.conversation.participants.len()).unwrap_or(u16::MAX);
    let room = usize::from(width.saturating_sub(2));
    let id_line = workspace
        .conversation
        .id
        .as_deref()
        .is_none_or(|id| super::text::width(id) + 3 <= room);
    rows.saturating_add(if id_line { 5 } else { 4 })
}

/// A media array's name as a word: `calls` -> `call`.
fn media_word(kind: &str) -> &str {
    kind.strip_suffix('s').unwrap_or(kind)
}

/// The participant's media kinds, e.g. `call` or `call,email`.
fn media(participant: &Participant) -> String {
    participant
        .media_kinds()
        .iter()
        .map(|k| media_word(k))
        .collect::<Vec<_>>()
        .join(",")
}

fn state_style(state: &str) -> ratatui::style::Style {
    match state {
        "connected" | "dialing" | "contacting" => theme::good(),
        "alerting" | "offering" | "scheduled" => theme::warning(),
        _ => theme::dim(),
    }
}

/// The header lines: id, then start → end (or active) · media.
fn header(workspace: &Workspace, room: usize) -> Vec<Line<'static>> {
    let conversation = &workspace.conversation;
    let id = conversation.id.clone().unwrap_or_else(|| "(no id)".into());
    let start = minute(&conversation.start_time);
    let end = match &conversation.end_time {
        Some(end) => {
            let end = minute(end);
            let same_day = end.get(..10) == start.get(..10);
            let end = if same_day {
                end.get(11..).unwrap_or(&end).to_owned()
            } else {
                end
            };
            Span::styled(format!("ended {end}"), theme::dim())
        }
        None => Span::styled("active", theme::good()),
    };
    let mut kinds: Vec<&str> = Vec::new();
    for participant in &conversation.participants {
        for kind in participant.media_kinds() {
            let word = media_word(kind);
            if !kinds.contains(&word) {
                kinds.push(word);
            }
        }
    }
    let media = if kinds.is_empty() {
        "no media".to_owned()
    } else {
        kinds.join(", ")
    };
    let mut lines = Vec::with_capacity(2);
    // An id is never cut: one that does not fit is left to the top bar.
    if width(&id) + 3 <= room {
        lines.push(Line::from(vec![
            Span::styled("id ", theme::dim()),
            Span::styled(id, theme::bold()),
        ]));
    }
    lines.push(Line::from(truncate_spans(
        vec![
            Span::raw(start),
            Span::styled(" → ", theme::dim()),
            end,
            Span::styled(" · ", theme::dim()),
            Span::raw(media),
        ],
        room,
    )));
    lines
}

/// Draws the conversation header and the participants table.
pub fn render(frame: &mut Frame, area: Rect, app: &App, workspace: &Workspace) {
    let focused = app.focus == Focus::Participants;
    let participants = &workspace.conversation.participants;
    let count = participants.len();
    let mut block = pane_block(Line::from(title_span("Conversation", focused)), focused);
    if area.width >= 36 {
        block = block.title(
            Line::styled(
                format!(" {count} participant{} ", if count == 1 { "" } else { "s" }),
                theme::dim(),
            )
            .right_aligned(),
        );
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (head, head_area, table_area) = parts(workspace, inner);
    frame.render_widget(Paragraph::new(head), head_area);
    table(frame, table_area, workspace, focused);
}

/// The header lines, where they go and where the table goes, inside the
/// pane's borders.
fn parts(workspace: &Workspace, inner: Rect) -> (Vec<Line<'static>>, Rect, Rect) {
    let room = usize::from(inner.width);
    let mut head = header(workspace, room);
    // Short of room, the id goes first: the top bar shows it too.
    let wanted = head.len() + 1 + workspace.conversation.participants.len();
    if usize::from(inner.height) < wanted && head.len() > 1 {
        head.remove(0);
    }
    let head_height = u16::try_from(head.len()).unwrap_or(0).min(inner.height);
    let head_area = Rect::new(inner.x, inner.y, inner.width, head_height);
    let table_area = Rect::new(
        inner.x,
        inner.y + head_height,
        inner.width,
        inner.height - head_height,
    );
    (head, head_area, table_area)
}

/// Where the pane at `area` draws its participants, one a line under the
/// table's header.
#[must_use]
pub fn list_at(workspace: &Workspace, area: Rect) -> Option<ListAt> {
    let inner = pane_block(Line::raw(""), false).inner(area);
    let (_, _, table) = parts(workspace, inner);
    let lines = usize::from(table.height.checked_sub(1)?);
    let (shown, _) = super::form::window(
        workspace.conversation.participants.len(),
        workspace.participant,
        lines,
    );
    Some(ListAt {
        top: table.y + 1,
        first: shown.start,
        shown: shown.len(),
    })
}

/// The participants table; columns drop out (media, then state) before
/// the names are cut.
fn table(frame: &mut Frame, area: Rect, workspace: &Workspace, focused: bool) {
    let participants = &workspace.conversation.participants;
    let room = usize::from(area.width);

    let rows_text: Vec<[String; 5]> = participants
        .iter()
        .map(|p| {
            [
                p.purpose.clone().unwrap_or_else(|| "—".into()),
                p.name.clone().unwrap_or_else(|| "—".into()),
                participant_state(p).unwrap_or("—").to_owned(),
                media(p),
                p.attributes.as_ref().map_or(0, BTreeMap::len).to_string(),
            ]
        })
        .collect();
    let widest = |i: usize, min: usize, max: usize| {
        let w = rows_text.iter().map(|r| width(&r[i])).max().unwrap_or(0);
        w.clamp(min, max)
    };
    let purpose = widest(0, 7, 12);
    let state_w = widest(2, 5, 12);
    let media_w = widest(3, 5, 14);
    let count_w = widest(4, 2, 4);
    // The selection mark, three columns and three gaps.
    let fixed = 2 + purpose + count_w + 2;
    // The name matters more than the state, the state more than the media:
    // the state shows only beside whole names (up to 20 columns of them).
    let name_full = widest(1, 6, 20);
    let show_state = room >= fixed + state_w + 1 + name_full;
    let fixed = fixed + if show_state { state_w + 1 } else { 0 };
    let mixed = rows_text.windows(2).any(|w| w[0][3] != w[1][3]);
    let show_media = show_state && room >= fixed + media_w + 1 + if mixed { 8 } else { 16 };
    let name_w = room.saturating_sub(fixed + if show_media { media_w + 1 } else { 0 });

    let as_u16 = |n: usize| u16::try_from(n).unwrap_or(0);
    let mut widths = vec![
        Constraint::Length(as_u16(purpose)),
        Constraint::Length(as_u16(name_w)),
    ];
    let mut titles = vec!["purpose", "name"];
    if show_state {
        widths.push(Constraint::Length(as_u16(state_w)));
        titles.push("state");
    }
    if show_media {
        widths.push(Constraint::Length(as_u16(media_w)));
        titles.push("media");
    }
    widths.push(Constraint::Length(as_u16(count_w)));
    titles.push("#");
    let rows: Vec<Row> = rows_text
        .iter()
        .map(|r| {
            let mut cells = vec![
                Cell::from(truncate(&r[0], purpose)),
                Cell::from(Span::styled(truncate(&r[1], name_w), theme::bold())),
            ];
            if show_state {
                cells.push(Cell::from(Span::styled(
                    truncate(&r[2], state_w),
                    state_style(&r[2]),
                )));
            }
            if show_media {
                cells.push(Cell::from(truncate(&r[3], media_w)));
            }
            cells.push(Cell::from(Line::raw(r[4].clone()).right_aligned()));
            Row::new(cells)
        })
        .collect();
    let header = Row::new(titles.into_iter().map(Cell::from)).style(theme::table_header());
    let table = Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .highlight_symbol("▶ ")
        .highlight_spacing(HighlightSpacing::Always)
        .row_highlight_style(theme::selected(focused));
    let mut state = TableState::default().with_selected(Some(workspace.participant));
    frame.render_stateful_widget(table, area, &mut state);
}
