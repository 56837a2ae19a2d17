//! The conversation picker: a field for an id or a Genesys URL, and the list
//! of recent conversations (from the history) and, on the simulator, its
//! fixtures.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, List, ListItem, ListState, Paragraph, Wrap};

use super::split::{self, Part};
use super::text::truncate;
use super::{key, pane_block, prompt, theme, title_span};
use crate::app::keymap::{Action, Context};
use crate::app::{App, Mode};
use crate::usecase::extract_id;

/// Draws the picker in the body area.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let listed = u16::try_from(app.suggestions.len().clamp(1, 12)).unwrap_or(12);
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
            " Conversation id or Genesys URL ",
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

    let source = match app.mode {
        Mode::Simulator => "Recent conversations (from the history), then the simulator's fixtures",
        Mode::Live { .. } => "Recent conversations (from the history)",
    };
    frame.render_widget(
        Paragraph::new(Line::styled(source, theme::heading())),
        heading,
    );

    let typed = app.picker.text().trim();
    let room = usize::from(list_area.width).saturating_sub(2);
    let items: Vec<ListItem> = app
        .suggestions
        .iter()
        .map(|id| ListItem::new(Line::raw(truncate(id, room))))
        .collect();
    if items.is_empty() {
        let empty = Paragraph::new(Line::styled(
            "None yet: the conversations you open are kept in the history and listed here.",
            theme::dim(),
        ));
        frame.render_widget(empty, list_area);
    } else {
        let list = List::new(items)
            .highlight_symbol("▶ ")
            .highlight_style(theme::selected(typed.is_empty()));
        let mut state = ListState::default().with_selected(Some(app.picker_row));
        frame.render_stateful_widget(list, list_area, &mut state);
    }

    let context = app.contexts().last().copied().unwrap_or(Context::Start);
    let load = key(app, context, Action::Load);
    let hint = if typed.is_empty() {
        vec![
            Span::styled(load.clone(), theme::key()),
            Span::styled(" opens the selected conversation; ", theme::dim()),
            Span::styled(
                format!(
                    "{}{}",
                    key(app, context, Action::Up),
                    key(app, context, Action::Down)
                ),
                theme::key(),
            ),
            Span::styled(
                " choose; or type or paste an id or a Genesys URL. Paste a curl or HTTP \
                 request to open it in the workbench (",
                theme::dim(),
            ),
            Span::styled(key(app, context, Action::Workbench), theme::key()),
            Span::styled(").", theme::dim()),
        ]
    } else {
        match extract_id(typed) {
            Some(id) => vec![
                Span::styled(load, theme::key()),
                Span::styled(" opens ", theme::dim()),
                Span::styled(id, theme::bold()),
            ],
            None => vec![Span::styled(
                "No conversation id in this text yet (a UUID, or a URL that contains one).",
                theme::warning(),
            )],
        }
    };
    frame.render_widget(
        Paragraph::new(Line::from(hint)).wrap(Wrap { trim: true }),
        hint_area,
    );
}
