//! The default bindings, one row per action and context, in the order the
//! help overlay lists them; rows of one context with the same label show as
//! one entry (`↑/↓ select`).

use super::{Action, Context};
use crate::app::{Key, KeyCode};

/// One binding.
#[derive(Debug, PartialEq, Eq)]
pub struct Row {
    /// Where it applies.
    pub context: Context,
    /// What it does.
    pub action: Action,
    /// Its default keys, the first one shown in the footer.
    pub keys: &'static [Key],
    /// The footer's word for it.
    pub label: &'static str,
    /// The help overlay's words for it; empty: not listed there (another
    /// group lists it).
    pub help: &'static str,
    /// Where the footer offers it: lower first, 0 not at all. The footer
    /// drops entries from the end when the line is full.
    pub footer: u8,
}

const fn k(code: KeyCode) -> Key {
    Key::plain(code)
}

const fn c(ch: char) -> Key {
    Key::char(ch)
}

const UP: Key = k(KeyCode::Up);
const DOWN: Key = k(KeyCode::Down);
const LEFT: Key = k(KeyCode::Left);
const RIGHT: Key = k(KeyCode::Right);
const ENTER: Key = k(KeyCode::Enter);
const ESC: Key = k(KeyCode::Esc);
const TAB: Key = k(KeyCode::Tab);
const BACKTAB: Key = k(KeyCode::BackTab);
const F1: Key = k(KeyCode::F(1));
const F2: Key = k(KeyCode::F(2));

const fn ctrl(ch: char) -> Key {
    Key::ctrl(ch)
}

const fn row(
    context: Context,
    action: Action,
    keys: &'static [Key],
    label: &'static str,
    help: &'static str,
    footer: u8,
) -> Row {
    Row {
        context,
        action,
        keys,
        label,
        help,
        footer,
    }
}

/// The footer's word for [`Action::Messages`], offered only while some
/// are unread.
pub const MESSAGES_LABEL: &str = "messages";

/// The footer's word for [`Action::Mouse`], offered only while the mouse
/// is released.
pub const MOUSE_LABEL: &str = "take the mouse";

/// The footer's word for [`Action::Zoom`], offered only while zoomed.
pub const ZOOM_LABEL: &str = "zoom off";

/// The footer's word for [`Action::Reveal`], offered only while secure
/// values are masked.
pub const REVEAL_LABEL: &str = "reveal";

use Action as A;
use Context as X;

/// Every default binding. Ctrl-C (always quits) and the text fields' own
/// editing keys ([`TEXT_EDITING`]) are not in it: they cannot be remapped.
pub const TABLE: &[Row] = &[
    // Global: in every workspace pane.
    row(X::Global, A::Help, &[F1, c('?')], "help", "help", 9),
    // Listed early so that the help still shows them at 80x24.
    row(
        X::Global,
        A::Zoom,
        &[c('z')],
        ZOOM_LABEL,
        "zoom the pane (again or Esc: back)",
        1,
    ),
    row(
        X::Global,
        A::Wrap,
        &[c('w')],
        "wrap lines",
        "wrap long lines / cut them",
        0,
    ),
    row(
        X::Global,
        A::Mouse,
        &[c('m')],
        MOUSE_LABEL,
        "release the mouse to select text / take it",
        1,
    ),
    row(
        X::Global,
        A::Search,
        &[c('/')],
        "search",
        "search the pane (rows, text)",
        0,
    ),
    row(
        X::Global,
        A::SearchNext,
        &[c('n')],
        "next match",
        "next / previous match",
        0,
    ),
    row(
        X::Global,
        A::SearchPrevious,
        &[c('N')],
        "previous match",
        "next / previous match",
        0,
    ),
    row(
        X::Global,
        A::Quit,
        &[c('q')],
        "quit",
        "quit (asks first if edits are unsent)",
        11,
    ),
    row(
        X::Global,
        A::NextPane,
        &[TAB],
        "pane",
        "next / previous pane",
        8,
    ),
    row(
        X::Global,
        A::PreviousPane,
        &[BACKTAB],
        "pane",
        "next / previous pane",
        0,
    ),
    row(X::Global, A::Send, &[c('s')], "send", "send…", 5),
    row(X::Global, A::History, &[c('H')], "history", "history", 7),
    row(
        X::Global,
        A::DiffLayout,
        &[c('v')],
        "diff layout",
        "diff layout",
        0,
    ),
    row(
        X::Global,
        A::OpenPicker,
        &[c('o')],
        "open",
        "open a conversation",
        10,
    ),
    row(X::Global, A::Reload, &[c('R')], "reload", "reload", 0),
    row(
        X::Global,
        A::JumpFindings,
        &[c('f')],
        "findings",
        "payload: jump to the findings",
        0,
    ),
    row(
        X::Global,
        A::JumpFinding,
        &[c('F')],
        "row's finding",
        "payload: jump to the selected row's finding",
        0,
    ),
    row(
        X::Global,
        A::Messages,
        &[c('M'), k(KeyCode::F(3))],
        MESSAGES_LABEL,
        "messages (errors, warnings) in full",
        1,
    ),
    row(
        X::Global,
        A::SaveRecording,
        &[c('W')],
        "save session",
        "save the session to a file, to replay",
        0,
    ),
    row(
        X::Global,
        A::Workbench,
        &[c('b'), F2],
        "workbench",
        "request workbench",
        9,
    ),
    row(
        X::Global,
        A::CopyCode,
        &[c('y')],
        "copy code",
        "copy the edit as code (curl, Python, …)",
        0,
    ),
    row(
        X::Global,
        A::EditInWorkbench,
        &[c('B')],
        "edit in workbench",
        "the form's edit in the workbench",
        0,
    ),
    row(
        X::Global,
        A::SecureAttributes,
        &[c('S')],
        "secure attrs",
        "secure attributes (PUT + PATCH)",
        10,
    ),
    row(
        X::Global,
        A::ParticipantAttributes,
        &[c('P')],
        "participant attrs",
        "participant attributes",
        0,
    ),
    row(
        X::Request,
        A::CancelRequest,
        &[ESC],
        "cancel request",
        "cancel a request in flight",
        1,
    ),
    // The picker over an open conversation, then with none.
    row(X::Picker, A::Up, &[UP], "choose", "choose", 3),
    row(X::Picker, A::Down, &[DOWN], "choose", "choose", 3),
    row(X::Picker, A::Load, &[ENTER], "open", "open", 2),
    row(
        X::Picker,
        A::Back,
        &[ESC],
        "back",
        "back to the conversation",
        4,
    ),
    row(
        X::Picker,
        A::NextPane,
        &[TAB],
        "back",
        "back to the conversation",
        0,
    ),
    // Listed once, with Global's Shift-Tab.
    row(X::Picker, A::PreviousPane, &[BACKTAB], "back", "", 0),
    row(X::Picker, A::Help, &[F1], "help", "", 5),
    row(X::Picker, A::Workbench, &[F2], "workbench", "", 6),
    row(
        X::Picker,
        A::Messages,
        &[k(KeyCode::F(3))],
        MESSAGES_LABEL,
        "",
        1,
    ),
    row(X::Picker, A::History, &[k(KeyCode::F(4))], "history", "", 7),
    row(X::Start, A::Up, &[UP], "choose", "choose", 3),
    row(X::Start, A::Down, &[DOWN], "choose", "choose", 3),
    row(X::Start, A::Load, &[ENTER], "open", "open", 2),
    row(X::Start, A::Help, &[F1], "help", "", 4),
    row(X::Start, A::Workbench, &[F2], "workbench", "", 6),
    row(
        X::Start,
        A::Messages,
        &[k(KeyCode::F(3))],
        MESSAGES_LABEL,
        "",
        1,
    ),
    row(X::Start, A::History, &[k(KeyCode::F(4))], "history", "", 7),
    row(
        X::Start,
        A::Quit,
        &[ESC],
        "quit",
        "quit, if none is open",
        5,
    ),
    // Participants.
    row(X::Participants, A::Up, &[UP, c('k')], "select", "select", 2),
    row(
        X::Participants,
        A::Down,
        &[DOWN, c('j')],
        "select",
        "select",
        2,
    ),
    row(
        X::Participants,
        A::Forward,
        &[ENTER, RIGHT, c('l')],
        "attributes",
        "its attributes",
        2,
    ),
    row(X::Participants, A::Back, &[ESC], "picker", "picker", 0),
    // The attribute form.
    row(X::Form, A::Up, &[UP, c('k')], "select", "select", 0),
    row(X::Form, A::Down, &[DOWN, c('j')], "select", "select", 0),
    // Listed early so that the help still fits at 80x24.
    row(X::Form, A::Reveal, &[c('*')], REVEAL_LABEL, "reveal", 3),
    row(X::Form, A::Add, &[c('a')], "add", "add", 2),
    row(X::Form, A::Edit, &[c('e'), ENTER], "edit", "edit value", 2),
    row(
        X::Form,
        A::EditInEditor,
        &[c('E')],
        "$EDITOR",
        "edit value in $EDITOR",
        0,
    ),
    row(X::Form, A::Rename, &[c('r')], "rename", "rename key", 2),
    row(
        X::Form,
        A::Delete,
        &[c('d'), k(KeyCode::Delete)],
        "delete",
        "delete",
        2,
    ),
    row(
        X::Form,
        A::Revert,
        &[c('u')],
        "revert",
        "revert row / all",
        2,
    ),
    row(
        X::Form,
        A::RevertAll,
        &[c('U')],
        "revert all",
        "revert row / all",
        0,
    ),
    row(
        X::Form,
        A::Forward,
        &[RIGHT, c('l')],
        "payload",
        "payload",
        0,
    ),
    row(
        X::Form,
        A::Back,
        &[ESC, LEFT, c('h')],
        "participants",
        "participants",
        0,
    ),
    // The payload and response panes.
    row(X::Panes, A::Up, &[UP, c('k')], "scroll", "scroll", 2),
    row(X::Panes, A::Down, &[DOWN, c('j')], "scroll", "scroll", 2),
    row(
        X::Panes,
        A::PageUp,
        &[k(KeyCode::PageUp)],
        "page",
        "page",
        6,
    ),
    row(
        X::Panes,
        A::PageDown,
        &[k(KeyCode::PageDown)],
        "page",
        "page",
        6,
    ),
    row(
        X::Panes,
        A::Top,
        &[k(KeyCode::Home), c('g')],
        "top",
        "top",
        0,
    ),
    row(
        X::Panes,
        A::Bottom,
        &[k(KeyCode::End), c('G')],
        "bottom",
        "bottom",
        0,
    ),
    row(
        X::Panes,
        A::CopyCorrelation,
        &[c('c')],
        "copy id",
        "copy correlation id",
        2,
    ),
    row(X::Panes, A::CopyCurl, &[c('C')], "curl", "copy curl", 2),
    row(X::Panes, A::Back, &[ESC, LEFT, c('h')], "form", "form", 0),
    // The send dialog.
    row(
        X::Dialog,
        A::ToggleVerb,
        &[LEFT, RIGHT],
        "verb",
        "PATCH / PUT",
        4,
    ),
    row(X::Dialog, A::Up, &[UP], "route", "route", 5),
    row(X::Dialog, A::Down, &[DOWN], "route", "route", 5),
    row(
        X::Dialog,
        A::Confirm,
        &[ENTER],
        "send",
        "send (live: type yes first)",
        2,
    ),
    row(X::Dialog, A::Cancel, &[ESC], "cancel", "cancel", 3),
    row(X::Dialog, A::Help, &[F1], "help", "help", 6),
    // The history.
    row(X::History, A::Up, &[UP, c('k')], "select", "select", 6),
    row(X::History, A::Down, &[DOWN, c('j')], "select", "select", 6),
    row(X::History, A::Show, &[ENTER], "open", "open", 2),
    row(X::History, A::Resend, &[c('r')], "re-send", "re-send", 3),
    row(
        X::History,
        A::CopyCurl,
        &[c('C')],
        "copy curl",
        "copy curl",
        4,
    ),
    row(
        X::History,
        A::Close,
        &[ESC, c('q'), c('H')],
        "close",
        "close",
        5,
    ),
    row(X::History, A::Help, &[F1, c('?')], "help", "help", 7),
    // The help overlay (its title lists the keys).
    row(
        X::Help,
        A::Close,
        &[ESC, c('?'), F1, c('q')],
        "close help",
        "",
        2,
    ),
    row(
        X::Help,
        A::PageDown,
        &[k(KeyCode::PageDown), DOWN, c('j')],
        "more keys",
        "",
        0,
    ),
    row(
        X::Help,
        A::PageUp,
        &[k(KeyCode::PageUp), UP, c('k')],
        "back",
        "",
        0,
    ),
    // The request workbench.
    row(
        X::Workbench,
        A::SendAsIs,
        &[ctrl('s')],
        "send as is",
        "send the request as it is",
        2,
    ),
    row(
        X::Workbench,
        A::ApplyFix,
        &[ctrl('f')],
        "apply fix",
        "apply the selected finding's fix (Check: open it)",
        3,
    ),
    row(
        X::Workbench,
        A::NextFinding,
        &[ctrl('n')],
        "finding",
        "next / previous finding",
        4,
    ),
    row(
        X::Workbench,
        A::PreviousFinding,
        &[ctrl('p')],
        "finding",
        "next / previous finding",
        0,
    ),
    row(
        X::Workbench,
        A::NextPane,
        &[TAB],
        "field",
        "next / previous field",
        5,
    ),
    row(
        X::Workbench,
        A::PreviousPane,
        &[BACKTAB],
        "field",
        "next / previous field",
        0,
    ),
    row(
        X::Workbench,
        A::SwitchTab,
        &[ctrl('t')],
        "tab",
        "Request / Explain / Check tab",
        6,
    ),
    row(
        X::Workbench,
        A::Undo,
        &[ctrl('z')],
        "undo",
        "undo / redo",
        8,
    ),
    row(
        X::Workbench,
        A::Redo,
        &[ctrl('y')],
        "redo",
        "undo / redo",
        0,
    ),
    row(
        X::Workbench,
        A::FillPlaceholders,
        &[ctrl('o')],
        "fill ids",
        "fill {conversationId}… from the open conversation",
        9,
    ),
    row(X::Workbench, A::Help, &[F1], "help", "help", 7),
    row(X::Workbench, A::Back, &[ESC], "back", "back", 10),
    // The code picker.
    row(X::Code, A::Up, &[UP, c('k')], "language", "language", 3),
    row(X::Code, A::Down, &[DOWN, c('j')], "language", "language", 3),
    row(X::Code, A::Confirm, &[ENTER], "copy", "copy", 2),
    row(X::Code, A::Cancel, &[ESC, c('q')], "cancel", "cancel", 4),
    row(X::Code, A::Help, &[F1, c('?')], "help", "help", 5),
    // The message log.
    row(X::Messages, A::Up, &[UP, c('k')], "scroll", "scroll", 2),
    row(X::Messages, A::Down, &[DOWN, c('j')], "scroll", "scroll", 2),
    row(
        X::Messages,
        A::Close,
        &[ESC, c('q'), c('M'), k(KeyCode::F(3))],
        "close",
        "close",
        3,
    ),
    row(X::Messages, A::Help, &[F1, c('?')], "help", "help", 4),
    // A recorded session replayed.
    row(
        X::Replay,
        A::ReplayPrevious,
        &[LEFT, c('p'), c('h')],
        "step",
        "previous / next exchange",
        1,
    ),
    row(
        X::Replay,
        A::ReplayNext,
        &[RIGHT, c('n'), c('l'), c(' ')],
        "step",
        "previous / next exchange",
        1,
    ),
    row(
        X::Replay,
        A::ReplayFirst,
        &[k(KeyCode::Home), c('g')],
        "first/last",
        "first / last exchange",
        3,
    ),
    row(
        X::Replay,
        A::ReplayLast,
        &[k(KeyCode::End), c('G')],
        "first/last",
        "first / last exchange",
        3,
    ),
    row(X::Replay, A::Up, &[UP, c('k')], "scroll", "scroll", 2),
    row(X::Replay, A::Down, &[DOWN, c('j')], "scroll", "scroll", 2),
    row(
        X::Replay,
        A::PageUp,
        &[k(KeyCode::PageUp)],
        "page",
        "page",
        4,
    ),
    row(
        X::Replay,
        A::PageDown,
        &[k(KeyCode::PageDown)],
        "page",
        "page",
        4,
    ),
    row(
        X::Replay,
        A::Wrap,
        &[c('w')],
        "wrap lines",
        "wrap long lines / cut them",
        0,
    ),
    row(
        X::Replay,
        A::Messages,
        &[c('M'), k(KeyCode::F(3))],
        MESSAGES_LABEL,
        "messages (errors, warnings) in full",
        1,
    ),
    row(X::Replay, A::Help, &[F1, c('?')], "help", "help", 9),
    row(X::Replay, A::Quit, &[c('q'), ESC], "quit", "quit", 11),
    // Reverting every edit.
    row(
        X::RevertConfirm,
        A::Confirm,
        &[c('y')],
        "revert all",
        "revert all",
        2,
    ),
    row(
        X::RevertConfirm,
        A::Cancel,
        &[c('n'), ESC],
        "keep",
        "keep the edits",
        3,
    ),
    // Quitting with unsent edits.
    row(
        X::QuitConfirm,
        A::Confirm,
        &[c('y'), c('q')],
        "quit",
        "quit",
        2,
    ),
    row(X::QuitConfirm, A::Cancel, &[c('n'), ESC], "stay", "stay", 3),
    // The text prompt.
    row(X::Prompt, A::Save, &[ENTER], "save", "save", 2),
    row(
        X::Prompt,
        A::Cancel,
        &[ESC],
        "cancel",
        "clear, then cancel",
        3,
    ),
    row(X::Prompt, A::Help, &[F1], "help", "help", 5),
];

/// The keys every text field handles itself (not remappable), for the help
/// and the footer of the prompt.
pub const TEXT_EDITING: &[(&str, &str)] = &[
    ("← → Home End", "move"),
    ("Ctrl-A Ctrl-E", "start / end"),
    ("Ctrl-U Ctrl-K", "delete to start / end"),
    ("Ctrl-W Alt-⌫", "delete a word"),
];
