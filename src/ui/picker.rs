//! The conversation picker: a field for an id, a Genesys URL or words that
//! filter, and the list of this target's recent conversations (from the
//! history) and, on the simulator, its fixtures, each in two lines: its id,
//! origin and start; its media, attribute count and participants.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, List, ListItem, ListState, Paragraph, Wrap};

use super::split::{self, Part};
use super::text::truncate_spans;
use super::{key, pane_block, prompt, theme, title_span};
use crate::app::keymap::{Action, Context};
use crate::app::{App, ConversationRow, Mode, Query};

/// Draws the picker in the body area.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let rows = app.picker_rows();
    // Two lines a row; the list scrolls past eight.
    let listed = u16::try_from(rows.len().clamp(1, 8) * 2).unwrap_or(16);
    let area = super::centered(area, 96, listed + 10);
    let block = pane_block(Line::from(title_span("Open a conversation", true)), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = inner.inner(ratatui::layout::Margin::new(1, 0));
    let [field_area, _, heading, list_area, hint_area] = split::vertical(
        inner,
        [
            Part::Len(3),
            Part::Len(1),
            Part::Len(1),
            Part::Fill,
            Part::Len(2),
        ],
    );

    let field_block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border(true))
        .title(Span::styled(
            " Conversation id, Genesys URL, or words to filter ",
            theme::title(true),
        ));
    let field_inner = field_block.inner(field_area);
    frame.render_widget(field_block, field_area);
    let input = Rect::new(
        field_inner.x + 1,
        field_inner.y,
        field_inner.width.saturating_sub(2),
        field_inner.height.min(1),
    );
    let placeholder = "e.g. 6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14, or a URL from Genesys Cloud";
    // Only the topmost layer owns the terminal cursor: help may cover the picker.
    prompt::field(frame, input, &app.picker, placeholder, !app.help_open());

    let query = app.picker_query();
    let source = match app.mode {
        Mode::Simulator => "Recent on the simulator, then its fixtures",
        Mode::Live { .. } => "Recent on this org (from the history)",
    };
    let mut heading_spans = vec![Span::styled(source, theme::heading())];
    if query != Query::Empty {
        heading_spans.push(Span::styled(
            format!(" · {} of {} match", rows.len(), app.suggestions.len()),
            theme::dim(),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(heading_spans)), heading);

    let room = usize::from(list_area.width).saturating_sub(2);
    let items: Vec<ListItem> = rows.iter().map(|row| item(row, room)).collect();
    if items.is_empty() {
        let (text, style) = if app.suggestions.is_empty() {
            (
                "None yet: the conversations you open are kept in the history and listed here.",
                theme::dim(),
            )
        } else {
            (
                "No conversation listed matches (by id, media or name).",
                theme::warning(),
            )
        };
        frame.render_widget(Paragraph::new(Line::styled(text, style)), list_area);
    } else {
        let list = List::new(items)
            .highlight_symbol("▶ ")
            .highlight_style(theme::selected(true));
        let mut state = ListState::default().with_selected(Some(app.picker_row));
        frame.render_stateful_widget(list, list_area, &mut state);
    }

    let hint = hint(app, query, rows.is_empty());
    frame.render_widget(
        Paragraph::new(Line::from(hint)).wrap(Wrap { trim: true }),
        hint_area,
    );
}

/// The line under the list: what Enter does with what the field holds.
fn hint(app: &App, query: Query, none_listed: bool) -> Vec<Span<'static>> {
    let context = app.contexts().last().copied().unwrap_or(Context::Start);
    let load = key(app, context, Action::Load);
    let choose = format!(
        "{}{}",
        key(app, context, Action::Up),
        key(app, context, Action::Down)
    );
    match query {
        Query::Empty => vec![
            Span::styled(load.clone(), theme::key()),
            Span::styled(" opens the selected one; ", theme::dim()),
            Span::styled(choose, theme::key()),
            Span::styled(
                " choose; type to filter, or paste an id or a URL. A pasted curl or HTTP \
                 request opens in the workbench (",
                theme::dim(),
            ),
            Span::styled(key(app, context, Action::Workbench), theme::key()),
            Span::styled(").", theme::dim()),
        ],
        Query::Id(id) => vec![
            Span::styled(load, theme::key()),
            Span::styled(" opens ", theme::dim()),
            Span::styled(id, theme::bold()),
        ],
        // Enter tries one word as an id (a simulator may use any).
        Query::Words(text) if none_listed && !text.trim().contains(char::is_whitespace) => vec![
            Span::styled("Nothing listed matches: ", theme::warning()),
            Span::styled(load.clone(), theme::key()),
            Span::styled(
                " tries it as a conversation id (usually a UUID, or a URL that contains one).",
                theme::warning(),
            ),
        ],
        Query::Words(_) if none_listed => vec![Span::styled(
            "Nothing listed matches, and this is no conversation id (a UUID, or a URL that contains one).",
            theme::warning(),
        )],
        Query::Words(_) => vec![
            Span::styled(load, theme::key()),
            Span::styled(" opens the selected match; ", theme::dim()),
            Span::styled(choose, theme::key()),
            Span::styled(" choose; Esc clears the filter.", theme::dim()),
        ],
    }
}

/// A row in two lines: id, origin and start; media, attribute count and
/// participants (cut at the end, where the names are).
fn item(row: &ConversationRow, room: usize) -> ListItem<'static> {
    let origin_style = match row.origin {
        crate::app::Origin::Recent => theme::good(),
        crate::app::Origin::Fixture => theme::key(),
    };
    let mut first = vec![
        Span::styled(row.id.clone(), theme::bold()),
        Span::raw("  "),
        Span::styled(row.origin.word(), origin_style),
    ];
    let start = row.start();
    if !start.is_empty() {
        first.push(Span::styled(format!("  {start}"), theme::dim()));
    }
    let facts: Vec<String> = [row.media(), row.attributes()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    let mut second = vec![Span::raw("  ")];
    if !facts.is_empty() {
        second.push(Span::styled(facts.join(" · "), theme::plain()));
        second.push(Span::styled(" · ", theme::dim()));
    }
    second.push(Span::styled(row.participants(), theme::dim()));
    ListItem::new(vec![
        Line::from(truncate_spans(first, room)),
        Line::from(truncate_spans(second, room)),
    ])
}
