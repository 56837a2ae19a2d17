//! The TUI as a state machine: [`App::update`] takes a [`Msg`] (a key, a
//! loaded conversation, a sent request's exchange, a tick) and returns the
//! [`Effect`]s the shell must perform (load, send, re-read, copy, quit). It
//! does no I/O and knows no terminal, so every flow is unit-tested by feeding
//! messages and reading state and effects.

mod derive;
mod edit;
pub mod input;
pub mod keymap;
pub mod keys;
mod nav;
pub mod picker;
pub mod presenter;
pub mod replay;
mod scroll;
mod search;
mod send;
#[cfg(test)]
mod tests;
pub mod textarea;
pub mod view;
pub mod workbench;

/// The call fixture as `GET /conversations/{id}` returns it (tests only).
#[cfg(test)]
pub(crate) fn call_fixture() -> Conversation {
    let text = include_str!("../../assets/fixtures/call-billing-dispute.json");
    let mut value: serde_json::Value = serde_json::from_str(text).expect("the fixture is JSON");
    if let Some(object) = value.as_object_mut() {
        object.remove("_sim");
    }
    serde_json::from_value(value).expect("the fixture is a Conversation")
}

/// The four simulator fixtures as rows, the call first.
#[cfg(test)]
pub(crate) fn fixture_rows() -> Vec<ConversationRow> {
    [
        include_str!("../../assets/fixtures/call-billing-dispute.json"),
        include_str!("../../assets/fixtures/callback-appointment.json"),
        include_str!("../../assets/fixtures/email-warranty-claim.json"),
        include_str!("../../assets/fixtures/webmessage-order-status.json"),
    ]
    .into_iter()
    .map(|text| {
        let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
        value.as_object_mut().unwrap().remove("_sim");
        let conversation: Conversation = serde_json::from_value(value).unwrap();
        ConversationRow::of(&conversation, Origin::Fixture)
    })
    .collect()
}

use std::time::Duration;

pub use derive::{DiffShape, Keyed, Measures, Memo, SendTarget};
pub use input::TextInput;
pub use keymap::Keymap;
pub use keys::{Key, KeyCode};
pub use picker::{ConversationRow, Origin, Query};
pub use replay::{Change, Replay, Step};
pub use scroll::{DEFAULT_PAGE, Jump, Scroll};
pub use search::Search;
pub use send::{MAY_HAVE_APPLIED, Observed, ResponseView, SendDialog, planned_request};
pub use textarea::TextArea;
pub use view::{Area, Layout, ListAt, Mouse, MouseKind, PaneAt, ViewOptions};
pub use workbench::{BenchField, BenchTab, CheckItem, Marked, Workbench};

pub use crate::api::{Exchange, Outcome, RawRequest};
use crate::genesys::Verb;
use crate::genesys::{Conversation, ConversationSecureAttributes};
use crate::payload::Edits;
pub use crate::usecase::RouteChoice;
// The trainer's data the presenter shows (the runner itself stays in `train`).
pub use crate::train::scenario::EditOn;
pub use crate::train::{Prediction, StepRequest, StepRun};
use crate::usecase::{EditTarget, Preview, Sent};
use keymap::Context;

/// How often time passes for the app ([`Msg::Tick`]) while a request is in
/// flight: the spinner turns, the elapsed time counts.
pub const TICK: Duration = Duration::from_millis(120);

/// The most messages the log keeps; the oldest go first.
pub const MAX_MESSAGES: usize = 200;

/// Where the app is connected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The embedded simulator.
    Simulator,
    /// A live org.
    Live {
        /// Region label, e.g. `eu-west-1`.
        region: String,
        /// Profile name, if the credentials came from one.
        profile: Option<String>,
    },
}

/// Everything that can happen.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A key press.
    Key(Key),
    /// A click or a turn of the wheel.
    Mouse(Mouse),
    /// Where the panes are on the screen on show, read off the renderer
    /// before a mouse event is applied.
    Layout(Layout),
    /// Pasted text.
    Paste(String),
    /// Time passes (drives the spinner).
    Tick,
    /// A conversation load finished.
    Loaded {
        /// The id asked for.
        id: String,
        /// The conversation, or what went wrong.
        result: Result<Conversation, String>,
        /// The exchange, when a request was made.
        exchange: Option<Exchange>,
    },
    /// The secure attributes of the loaded conversation arrived.
    SecureLoaded {
        /// The attributes and version, or what went wrong.
        result: Result<ConversationSecureAttributes, String>,
        /// The exchange, when a request was made.
        exchange: Option<Exchange>,
    },
    /// A send finished (with an answer, a failure or a cancellation).
    Sent(Result<Exchange, String>),
    /// What the history recorder has to say, as one sentence: the history
    /// could not be written, or its folder is open to other users.
    HistoryNote(String),
    /// Conversations to offer on the picker (this target's recent ones,
    /// the simulator's fixtures), read after the first frame: each is added
    /// after those already offered, unless it is one of them.
    Suggestions(Vec<ConversationRow>),
    /// What the workbench shows on this screen: its text area scrolls to
    /// keep the cursor in view, its list pane's scroll stays within its lines.
    BenchView {
        /// Lines of the text area in view.
        height: u16,
        /// Lines the list pane can scroll up from its selection.
        up: u16,
        /// Lines it can scroll down from its selection.
        down: u16,
    },
    /// What the screen, as drawn next, lets the panes show.
    Viewport {
        /// The largest useful scroll of the pane shown on the right.
        scroll_limit: u16,
        /// The lines a page of it holds.
        page: u16,
        /// The line of the pending [`Jump`] in the payload pane, if found.
        jump: Option<u16>,
    },
    /// The external editor ([`Effect::OpenEditor`]) closed.
    Edited {
        /// The key whose value was edited.
        key: String,
        /// The text as saved, or why there is none.
        result: Result<String, String>,
    },
    /// How many pages the help takes on this screen: its page stays within.
    HelpPages(u16),
    /// The lines of the payload or response pane, as drawn on this screen,
    /// that hold the search's text.
    SearchHits(Vec<u16>),
    /// The save of this session's exchanges ([`Effect::SaveRecording`])
    /// finished: what was saved, or why not.
    RecordingSaved(Result<String, String>),
    /// A re-read after a 2xx finished.
    Reread {
        /// Which attempt this was (1-based).
        attempt: u32,
        /// The conversation as read, or what went wrong.
        result: Result<Conversation, String>,
        /// The exchange.
        exchange: Option<Exchange>,
    },
}

/// The I/O the shell performs for the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// `GET /api/v2/conversations/{id}`, answered by [`Msg::Loaded`].
    Load {
        /// The conversation id.
        conversation_id: String,
    },
    /// `GET …/secureattributes`, answered by [`Msg::SecureLoaded`].
    LoadSecure {
        /// The conversation id.
        conversation_id: String,
    },
    /// Send a request, answered by [`Msg::Sent`].
    Send(RawRequest),
    /// Wait, then re-read the conversation, answered by [`Msg::Reread`].
    Reread {
        /// The conversation id.
        conversation_id: String,
        /// Which attempt this is (1-based).
        attempt: u32,
        /// How long to wait first.
        after: Duration,
    },
    /// Cancel the request in flight.
    Cancel,
    /// Append an exchange to the history file; a failure comes back as
    /// [`Msg::HistoryNote`].
    Record(Box<Exchange>),
    /// Save these exchanges, redacted as the history is, to a new file at
    /// `path`; answered by [`Msg::RecordingSaved`].
    SaveRecording {
        /// The file, as typed.
        path: String,
        /// This session's exchanges, oldest first.
        exchanges: Vec<Exchange>,
    },
    /// Copy text to the clipboard (OSC 52).
    Copy(String),
    /// Capture the mouse (true: clicks and the wheel come to the app) or
    /// give it back to the terminal (false: its text selection works).
    CaptureMouse(bool),
    /// Give the terminal to the user's editor (`$VISUAL`, else `$EDITOR`)
    /// on `text`, and take it back after; answered by [`Msg::Edited`].
    OpenEditor {
        /// The key whose value is edited.
        key: String,
        /// The value now.
        text: String,
    },
    /// Leave the app.
    Quit,
}

/// Which part of the screen has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The conversation picker.
    Picker,
    /// The participants table.
    Participants,
    /// The attribute form.
    Attributes,
    /// The payload pane (bodies, diff, lint).
    Payload,
    /// The response pane.
    Response,
    /// The request workbench.
    Workbench,
}

/// What is being typed, and what Enter will do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editing {
    /// A new key (then its value).
    NewKey,
    /// The value of a new key.
    NewValue {
        /// The key being added.
        key: String,
    },
    /// A new value for an existing key.
    Value {
        /// The key.
        key: String,
    },
    /// A search of the focused pane ([`App::search`]).
    Search,
    /// A new name for an existing key.
    Rename {
        /// The key now.
        key: String,
    },
    /// The file to save this session's exchanges to.
    SaveRecording,
}

/// A modal text field over the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What Enter does.
    pub editing: Editing,
    /// The field.
    pub input: TextInput,
}

/// What covers the screen and takes the keys: one at a time, so that two
/// can never be open together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Every key, by pane.
    Help,
    /// The history of this run, with its selected row.
    History {
        /// Index into [`App::history`].
        selected: usize,
    },
    /// The send dialog.
    Dialog(SendDialog),
    /// A text field over the form.
    Prompt(Prompt),
    /// The message log, newest first, scrolled by this many lines.
    Messages {
        /// The scroll, in lines.
        scroll: u16,
    },
    /// Revert every edit? (how many would be lost).
    RevertConfirm {
        /// The edits.
        edits: usize,
    },
    /// Quit with unsent edits? (how many would be lost).
    QuitConfirm {
        /// The unsent edits.
        edits: usize,
    },
    /// The language picker of the code to copy: the selected index into
    /// [`crate::usecase::code::Lang::ALL`].
    Code {
        /// The language selected.
        selected: usize,
    },
    /// The typed confirmation of a workbench send, or of a re-send from
    /// the history, to a live org.
    BenchConfirm {
        /// What would be sent.
        request: RawRequest,
        /// The user types `yes` here.
        confirmation: TextInput,
        /// A re-send from the history (else the workbench's request).
        resend: bool,
    },
}

/// A loaded conversation and the edits in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Workspace {
    /// The conversation as last read.
    pub conversation: Conversation,
    /// Index into `conversation.participants`.
    pub participant: usize,
    /// Participant attributes or the conversation's secure attributes.
    pub target: SendTarget,
    /// The edits of the current target.
    pub edits: Edits,
    /// The secure attributes' version, once loaded.
    pub secure_version: Option<i64>,
    /// The key whose secure value the user revealed (see [`App::revealed`]).
    pub revealed: Option<String>,
    /// Selected row of the form.
    pub row: usize,
    /// The verb the send dialog last chose (PATCH by default).
    pub verb: Verb,
    /// The route the send dialog last chose (the generic one by default).
    pub route: RouteChoice,
    /// Both requests on the chosen route, their lint, the diff and the
    /// predicted end states, for the current edits.
    pub derived: Preview,
    /// Whole-map sizes for drawing, measured on first use after each derive.
    pub measures: Memo<Measures>,
    /// The edits were sent and answered 2xx, but no re-read has shown them
    /// yet (a 202 is asynchronous, §6 8): they are kept, marked "sent, not
    /// visible yet", and the reload key re-reads instead of dropping them.
    pub unseen: bool,
}

/// How the diff is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffLayout {
    /// One column with -/+ lines.
    Unified,
    /// Old left, new right.
    SideBySide,
}

/// What the request in flight is, with what its answer needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flight {
    /// A conversation load, answered by [`Msg::Loaded`].
    Load,
    /// The secure attributes' load, answered by [`Msg::SecureLoaded`].
    LoadSecure,
    /// A send, answered by [`Msg::Sent`]. A send of a participant's edits
    /// carries what its answer is compared with; secure attributes (re-loaded
    /// whole instead) and re-sends from the history carry nothing.
    Send(Option<Sent>),
    /// A send from the workbench, answered by [`Msg::Sent`]: the request as
    /// the user wrote it, with nothing to compare its answer with.
    BenchSend,
    /// The re-read after a 2xx, answered by [`Msg::Reread`]: which attempt.
    Reread {
        /// The attempt in flight (1-based).
        attempt: u32,
    },
}

/// The one request in flight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InFlight {
    /// What it is.
    pub flight: Flight,
    /// What is being done, e.g. "PATCH …/attributes".
    pub label: String,
    /// Ticks since it started (for the spinner).
    pub ticks: u32,
    /// Esc was pressed; waiting for the cancellation to land.
    pub cancelling: bool,
}

impl InFlight {
    /// About how long it has been in flight (the ticks counted).
    #[must_use]
    pub fn elapsed(&self) -> Duration {
        TICK * self.ticks
    }

    /// A request that starts now.
    #[must_use]
    pub fn new(flight: Flight, label: impl Into<String>) -> Self {
        Self {
            flight,
            label: label.into(),
            ticks: 0,
            cancelling: false,
        }
    }
}

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Whether it reports an error.
    pub error: bool,
}

/// The whole state of the TUI.
#[derive(Debug, Clone, PartialEq)]
pub struct App {
    /// Where it is connected.
    pub mode: Mode,
    /// Who has the keys.
    pub focus: Focus,
    /// The picker's field.
    pub picker: TextInput,
    /// Selected row among those the picker lists ([`App::picker_rows`]).
    pub picker_row: usize,
    /// Conversations offered by the picker: recent ones first, then the
    /// simulator's fixtures.
    pub suggestions: Vec<ConversationRow>,
    /// The loaded conversation, if any.
    pub workspace: Option<Workspace>,
    /// The overlay over the screen, if one is open (at most one is).
    pub overlay: Option<Overlay>,
    /// Every exchange of this run, oldest first.
    pub history: Vec<Exchange>,
    /// The request in flight, if any.
    pub in_flight: Option<InFlight>,
    /// The last response.
    pub response: Option<ResponseView>,
    /// Diff layout of the payload pane.
    pub diff_layout: DiffLayout,
    /// Scroll of the payload and response panes, each its own, in lines.
    pub scroll: Scroll,
    /// The lines a page of them holds, as the renderer last said.
    pub page: u16,
    /// Where the payload pane is to scroll once the renderer finds it.
    pub jump: Option<Jump>,
    /// The status line.
    pub status: Option<Status>,
    /// Set once Quit was returned.
    pub quitting: bool,
    /// The participant (by id) to select once a conversation is loaded
    /// (`--participant`).
    pub select_after_load: Option<String>,
    /// The keys in force.
    pub keymap: Keymap,
    /// The request workbench, as it was left.
    pub workbench: Workbench,
    /// The overlay the help was opened over, given back when it closes.
    pub under_help: Option<Box<Overlay>>,
    /// The search of the panes (`/`), while one is set.
    pub search: Option<search::Search>,
    /// The help's page, when its keys take more than one
    /// ([`Msg::HelpPages`] keeps it within them).
    pub help_page: u16,
    /// Every error and warning of this run, oldest first (at most
    /// [`MAX_MESSAGES`]), to be read in full.
    pub messages: Vec<Status>,
    /// Messages not seen in the log yet.
    pub unread: usize,
    /// Secure-attribute values are shown in clear on screen and in a copied
    /// curl: the explicit opt-in (`--show-secure`, or `show_secure = true`
    /// under `[display]` in `config.toml`). Off by default: they are masked.
    /// The history and the exports mask them whatever this says.
    pub show_secure: bool,
    /// Whether the screen uses colour: not under `NO_COLOR`, where focus and
    /// the selected row show by reverse video instead.
    pub colour: bool,
    /// Zoom, wrapping and the mouse.
    pub view: ViewOptions,
    /// Where the panes are on the screen, for the mouse.
    pub layout: Layout,
    /// The recorded session shown instead of a connection
    /// (`gc-attrs replay FILE`), if any.
    pub replay: Option<Replay>,
}

impl App {
    /// A new app on the picker. `ids` are conversations to offer by id
    /// alone (rows that say what they are come with [`Msg::Suggestions`]).
    #[must_use]
    pub fn new(mode: Mode, ids: Vec<String>) -> Self {
        let suggestions = ids
            .into_iter()
            .map(|id| ConversationRow::bare(&id, Origin::Recent))
            .collect();
        Self {
            mode,
            focus: Focus::Picker,
            picker: TextInput::default(),
            picker_row: 0,
            suggestions,
            workspace: None,
            overlay: None,
            history: Vec::new(),
            in_flight: None,
            response: None,
            diff_layout: DiffLayout::Unified,
            scroll: Scroll::default(),
            page: DEFAULT_PAGE,
            jump: None,
            status: None,
            quitting: false,
            select_after_load: None,
            keymap: Keymap::default(),
            workbench: Workbench::default(),
            under_help: None,
            help_page: 0,
            search: None,
            messages: Vec::new(),
            unread: 0,
            show_secure: false,
            colour: true,
            view: ViewOptions::default(),
            layout: Layout::default(),
            replay: None,
        }
    }

    /// Whether the response shown answers a workbench send.
    #[must_use]
    pub fn response_from_bench(&self) -> bool {
        self.response.as_ref().is_some_and(|r| r.from_bench)
    }

    /// Whether the response shown is a failed conversation load.
    #[must_use]
    pub fn response_from_load(&self) -> bool {
        self.response.as_ref().is_some_and(|r| r.from_load)
    }

    /// Whether the form's values are secure ones shown masked: the target is
    /// the secure attributes and the user has not opted in.
    #[must_use]
    pub fn masks_secure(&self) -> bool {
        !self.show_secure
            && self
                .workspace
                .as_ref()
                .is_some_and(|w| w.target == SendTarget::SecureAttributes)
    }

    /// The form's edits were sent, answered 2xx, and are not visible on the
    /// server yet after every re-read ([`Workspace::unseen`]); no edit was
    /// made since.
    #[must_use]
    pub fn sent_unseen(&self) -> bool {
        let (Some(workspace), Some(view)) = (&self.workspace, &self.response) else {
            return false;
        };
        workspace.unseen
            && view
                .compare
                .as_ref()
                .is_some_and(|c| c.edited == workspace.edits.edited())
    }

    /// Whether time must pass for the screen ([`Msg::Tick`]): a request is
    /// in flight (the spinner, the elapsed time), or a 429's Retry-After is
    /// counting down.
    #[must_use]
    pub fn wants_ticks(&self) -> bool {
        self.in_flight.is_some()
            || self
                .response
                .as_ref()
                .and_then(ResponseView::retry_in)
                .is_some()
    }

    /// The key of the current target whose value is revealed now: the
    /// selected row, after the reveal key, and only while it stays selected.
    #[must_use]
    pub fn revealed(&self) -> Option<&str> {
        let workspace = self.workspace.as_ref()?;
        let key = workspace.revealed.as_deref()?;
        let row = workspace.edits.rows().get(workspace.row)?;
        (row.key == key).then_some(key)
    }

    /// Whether the value of `key` of the current target may be shown in
    /// clear: any participant attribute; a secure one with the opt-in, or
    /// when it is the one revealed.
    #[must_use]
    pub fn shows_value(&self, key: &str) -> bool {
        !self.masks_secure() || self.revealed() == Some(key)
    }

    /// The secure values masked now (every value of the secure target, as
    /// read and as edited, but the one revealed), for the screen to blank
    /// wherever a text quotes one; empty when nothing is masked.
    #[must_use]
    pub fn masked_values(&self) -> Vec<String> {
        let Some(workspace) = self.workspace.as_ref().filter(|_| self.masks_secure()) else {
            return Vec::new();
        };
        let revealed = self.revealed();
        let original = workspace.edits.original().iter();
        let rows = workspace.edits.rows().iter().map(|r| (&r.key, &r.value));
        original
            .chain(rows)
            .filter(|(key, _)| Some(key.as_str()) != revealed)
            .map(|(_, value)| value.clone())
            .collect()
    }

    /// An exchange as the screen and a copied curl may show it: with its
    /// secure-attribute values masked, unless the user opted in.
    #[must_use]
    pub fn shown_exchange<'a>(&self, exchange: &'a Exchange) -> std::borrow::Cow<'a, Exchange> {
        if self.show_secure || !exchange.is_secure() {
            std::borrow::Cow::Borrowed(exchange)
        } else {
            std::borrow::Cow::Owned(exchange.masked())
        }
    }

    /// Applies a message; returns the effects to perform.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Key(key) if key.is_quit() => self.quit(),
            Msg::Key(key) => {
                // A status speaks of the last action; the next key starts a
                // new one. An error stays until another status replaces it or
                // the log is opened.
                if !self.status.as_ref().is_some_and(|s| s.error) {
                    self.status = None;
                }
                self.keeping_pick(|app| nav::key(app, key))
            }
            Msg::Mouse(mouse) => self.mouse_event(mouse),
            Msg::Layout(layout) => {
                self.layout = layout;
                Vec::new()
            }
            Msg::Paste(text) => self.keeping_pick(|app| app.paste(&text)),
            Msg::Tick => {
                if let Some(flight) = &mut self.in_flight {
                    flight.ticks = flight.ticks.wrapping_add(1);
                }
                if let Some(view) = &mut self.response {
                    view.ticks = view.ticks.saturating_add(1);
                }
                Vec::new()
            }
            Msg::Loaded {
                id,
                result,
                exchange,
            } => self.loaded(&id, result, exchange),
            Msg::SecureLoaded { result, exchange } => self.secure_loaded(result, exchange),
            Msg::Sent(result) => send::sent(self, result),
            Msg::SearchHits(hits) => {
                self.search_hits(hits);
                Vec::new()
            }
            Msg::HelpPages(pages) => {
                self.help_page = self.help_page.min(pages.saturating_sub(1));
                Vec::new()
            }
            Msg::Edited { key, result } => {
                self.edited(&key, result);
                Vec::new()
            }
            Msg::Reread {
                attempt,
                result,
                exchange,
            } => send::reread(self, attempt, result, exchange),
            Msg::RecordingSaved(result) => {
                match result {
                    Ok(saved) => self.set_status(saved, false),
                    Err(why) => self.set_status(format!("not saved: {why}"), true),
                }
                Vec::new()
            }
            Msg::Suggestions(rows) => {
                self.offer(rows);
                Vec::new()
            }
            Msg::HistoryNote(note) => {
                // The history is a help, never a reason to stop; the recorder
                // says each thing once. Start-up warnings stay readable beside it.
                let text = match &self.status {
                    Some(Status {
                        text: earlier,
                        error: true,
                    }) => format!("{earlier}; {note}"),
                    _ => note,
                };
                self.set_status(text, true);
                Vec::new()
            }
            Msg::Viewport {
                scroll_limit,
                page,
                jump,
            } => {
                self.viewport(scroll_limit, page, jump);
                Vec::new()
            }
            Msg::BenchView { height, up, down } => {
                let bench = &mut self.workbench;
                let height = usize::from(height);
                bench.body.follow(height);
                bench.error_text.follow(height);
                bench.check_text.follow(height);
                bench.pane_scroll = bench.pane_scroll.clamp(-i32::from(up), i32::from(down));
                Vec::new()
            }
        }
    }

    /// Shows a message in the status line (e.g. configuration warnings).
    pub fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.set_status(text, error);
    }

    /// Opens a conversation by id or by a URL holding one (for
    /// `--conversation`); returns the load to perform.
    pub fn open(&mut self, text: &str) -> Vec<Effect> {
        let Some(id) = crate::usecase::extract_id(text) else {
            self.set_status(format!("`{text}` holds no conversation id"), true);
            return Vec::new();
        };
        self.start_load(id)
    }

    /// Starts the load of a conversation: the request in flight and its effect.
    fn start_load(&mut self, id: String) -> Vec<Effect> {
        self.in_flight = Some(InFlight::new(
            Flight::Load,
            format!("GET conversation {id}"),
        ));
        vec![Effect::Load {
            conversation_id: id,
        }]
    }

    fn quit(&mut self) -> Vec<Effect> {
        self.quitting = true;
        vec![Effect::Quit]
    }

    /// `q`: quits, unless edits are unsent; then asks first.
    fn quit_asking(&mut self) -> Vec<Effect> {
        let edits = self.unsent_edits();
        if edits > 0 {
            self.overlay = Some(Overlay::QuitConfirm { edits });
            return Vec::new();
        }
        self.quit()
    }

    /// How many edits of the form are not sent.
    #[must_use]
    pub fn unsent_edits(&self) -> usize {
        self.workspace.as_ref().map_or(0, |w| {
            w.edits
                .rows()
                .iter()
                .filter(|row| w.edits.status(row) != crate::payload::RowStatus::Unchanged)
                .count()
        })
    }

    /// Opens the message log: every message is read now.
    fn open_messages(&mut self) {
        self.overlay = Some(Overlay::Messages { scroll: 0 });
        self.unread = 0;
        if self.status.as_ref().is_some_and(|s| s.error) {
            self.status = None;
        }
    }

    /// Opens the help over what is open (given back when it closes).
    fn open_help(&mut self) {
        let under = self.overlay.take().filter(|o| *o != Overlay::Help);
        self.under_help = under.map(Box::new);
        self.overlay = Some(Overlay::Help);
        self.help_page = 0;
    }

    /// Closes the help, giving back what it was opened over.
    fn close_help(&mut self) {
        self.overlay = self.under_help.take().map(|o| *o);
    }

    /// The contexts whose keys the help lists first: the overlay it was
    /// opened over, else the focused pane's.
    #[must_use]
    pub fn help_contexts(&self) -> Vec<Context> {
        match self.under_help.as_deref() {
            Some(Overlay::Dialog(_) | Overlay::BenchConfirm { .. }) => vec![Context::Dialog],
            Some(Overlay::History { .. }) => vec![Context::History],
            Some(Overlay::Prompt(_)) => vec![Context::Prompt],
            Some(Overlay::Code { .. }) => vec![Context::Code],
            Some(Overlay::QuitConfirm { .. }) => vec![Context::QuitConfirm],
            Some(Overlay::RevertConfirm { .. }) => vec![Context::RevertConfirm],
            Some(Overlay::Messages { .. }) => vec![Context::Messages],
            Some(Overlay::Help) | None => self.pane_contexts(),
        }
    }

    /// The text field over the form, if it is open.
    #[must_use]
    pub fn prompt(&self) -> Option<&Prompt> {
        match &self.overlay {
            Some(Overlay::Prompt(prompt)) => Some(prompt),
            _ => None,
        }
    }

    /// The send dialog, if it is open.
    #[must_use]
    pub fn dialog(&self) -> Option<&SendDialog> {
        match &self.overlay {
            Some(Overlay::Dialog(dialog)) => Some(dialog),
            _ => None,
        }
    }

    /// The selected row of the history overlay, if it is open.
    #[must_use]
    pub fn history_selected(&self) -> Option<usize> {
        match self.overlay {
            Some(Overlay::History { selected }) => Some(selected),
            _ => None,
        }
    }

    /// Whether the help overlay is open.
    #[must_use]
    pub fn help_open(&self) -> bool {
        self.overlay == Some(Overlay::Help)
    }

    fn paste(&mut self, text: &str) -> Vec<Effect> {
        // Terminals paste line breaks as CR.
        let text = &text.replace("\r\n", "\n").replace('\r', "\n");
        match &mut self.overlay {
            Some(Overlay::Prompt(prompt)) => prompt.input.insert(text),
            Some(Overlay::Dialog(dialog)) => dialog.confirmation.insert(text),
            Some(Overlay::BenchConfirm { confirmation, .. }) => confirmation.insert(text),
            None if self.focus == Focus::Workbench => self.paste_into_workbench(text),
            None if self.focus == Focus::Picker => return self.paste_into_picker(text),
            _ => {}
        }
        Vec::new()
    }

    /// A paste on the picker: a whole request (curl, HTTP) opens in the
    /// workbench, and the conversation its path names is loaded beside it;
    /// anything else is typed into the field (an id, a URL).
    fn paste_into_picker(&mut self, text: &str) -> Vec<Effect> {
        let imported = match crate::usecase::import::import(text) {
            Ok(imported) if imported.source != crate::usecase::import::Source::Json => imported,
            // A request gc-attrs could not read is said so, not typed in.
            Err(error) if workbench::looks_like_request(text) => {
                self.set_status(format!("not read: {error}"), true);
                return Vec::new();
            }
            _ => {
                let (clean, _) = crate::usecase::import::redact_text(text.trim());
                self.picker.insert(&clean);
                return Vec::new();
            }
        };
        let id = imported
            .target
            .as_deref()
            .and_then(crate::usecase::extract_id);
        self.take_import(&imported);
        let loaded = self
            .workspace
            .as_ref()
            .and_then(|w| w.conversation.id.clone());
        let Some(id) = id.filter(|id| Some(id) != loaded.as_ref()) else {
            return Vec::new();
        };
        // Never replace unsent edits, nor start a second request.
        if self.in_flight.is_some() || self.workspace.as_ref().is_some_and(|w| w.edits.is_dirty()) {
            return Vec::new();
        }
        self.start_load(id)
    }

    fn set_status(&mut self, text: impl Into<String>, error: bool) {
        let status = Status {
            text: text.into(),
            error,
        };
        // Errors and warnings are kept, to be read in full in the log.
        if error && self.messages.last() != Some(&status) {
            if self.messages.len() == MAX_MESSAGES {
                self.messages.remove(0);
            }
            self.messages.push(status.clone());
            self.unread = (self.unread + 1).min(MAX_MESSAGES);
        }
        self.status = Some(status);
    }

    /// Keeps an exchange in this run's history and asks the shell to append
    /// it to the history file.
    fn record(&mut self, exchange: Option<Exchange>) -> Vec<Effect> {
        let Some(exchange) = exchange else {
            return Vec::new();
        };
        self.history.push(exchange.clone());
        vec![Effect::Record(Box::new(exchange))]
    }

    fn loaded(
        &mut self,
        id: &str,
        result: Result<Conversation, String>,
        exchange: Option<Exchange>,
    ) -> Vec<Effect> {
        self.in_flight = None;
        let answered = exchange.clone().filter(|e| e.status().is_some());
        let effects = self.record(exchange);
        match result {
            Ok(conversation) => {
                self.offer_loaded(&conversation, id);
                // A reload of the open conversation keeps its participant,
                // the pane and the last answer.
                let reload = self
                    .workspace
                    .as_ref()
                    .filter(|w| w.conversation.id.as_deref() == Some(id));
                let kept = reload.and_then(|w| w.selected()).and_then(|p| p.id.clone());
                let reload = reload.is_some();
                // The participant asked for (`--participant`), else the one to
                // show first: one workspace is derived, not two.
                let wanted = self.select_after_load.take();
                let explicit = wanted.is_some();
                let wanted = wanted.or(kept);
                let asked = wanted.as_deref().and_then(|id| {
                    conversation
                        .participants
                        .iter()
                        .position(|p| p.id.as_deref() == Some(id))
                });
                let participant =
                    asked.unwrap_or_else(|| crate::usecase::default_participant(&conversation));
                self.workspace = Some(Workspace::new(conversation, participant));
                if !reload {
                    self.scroll.payload = 0;
                }
                let focus = if reload && !matches!(self.focus, Focus::Picker | Focus::Workbench) {
                    self.focus
                } else if asked.is_some() && explicit {
                    Focus::Attributes
                } else {
                    Focus::Participants
                };
                // A load started from the workbench (a pasted request) stays there.
                if self.focus == Focus::Workbench {
                    self.workbench.back = focus;
                } else {
                    self.focus = focus;
                }
                // A failed load's answer and its error are over once a load
                // succeeds (they stay in the history and the message log).
                let failed_load = self.response.as_ref().is_some_and(|r| r.from_load);
                if !reload || failed_load {
                    self.response = None;
                }
                // A start-up warning (configuration, `[keys]`) stays until a key is pressed.
                if failed_load || !self.status.as_ref().is_some_and(|s| s.error) {
                    self.set_status(format!("loaded conversation {id}"), false);
                }
                if let (Some(wanted), None) = (wanted, asked) {
                    // Not in this conversation: says so.
                    self.select_participant_by_id(&wanted);
                }
            }
            Err(message) => {
                self.set_status(format!("could not load {id}: {message}"), true);
                // An answer (a 404, a 429, a 5xx) is read decoded, as a
                // failed write's is; Esc goes back to the picker.
                if let Some(exchange) = answered {
                    let mut view = ResponseView::of(exchange, self.show_secure);
                    view.from_load = true;
                    self.response = Some(view);
                    self.focus = Focus::Response;
                    self.scroll.response = 0;
                } else {
                    self.focus = Focus::Picker;
                }
            }
        }
        effects
    }

    fn secure_loaded(
        &mut self,
        result: Result<ConversationSecureAttributes, String>,
        exchange: Option<Exchange>,
    ) -> Vec<Effect> {
        self.in_flight = None;
        let effects = self.record(exchange);
        // After a secure send, this read is its re-read: the answer stays in
        // the response pane, with what the read shows against the prediction.
        let after_send = self.response.as_mut().filter(|view| {
            view.observed == Observed::Pending { attempt: 1 }
                && view
                    .compare
                    .as_ref()
                    .is_some_and(|c| c.participant_id.is_empty())
        });
        match (result, self.workspace.as_mut()) {
            (Ok(secure), Some(workspace)) => {
                let attributes = secure.attributes.unwrap_or_default();
                let row = workspace.selected_key();
                if let Some(view) = after_send {
                    // The secure attributes are read once.
                    let policy = crate::usecase::RereadPolicy {
                        attempts: 1,
                        ..crate::usecase::RereadPolicy::DEFAULT
                    };
                    if let Some(compare) = &view.compare
                        && let crate::usecase::RereadStep::Done(observation) =
                            policy.judge(1, &compare.before, &compare.expected, attributes.clone())
                    {
                        // Its values are secret: kept masked unless the user opted in.
                        view.observed = Observed::Done(if self.show_secure {
                            observation
                        } else {
                            observation.masked()
                        });
                    }
                }
                workspace.secure_version = secure.version;
                workspace.set_target(SendTarget::SecureAttributes, attributes);
                if self.focus == Focus::Response {
                    workspace.select_key(row.as_deref());
                    self.set_status(
                        format!(
                            "secure attributes read again (version {})",
                            secure
                                .version
                                .map_or_else(|| "unknown".to_owned(), |v| v.to_string())
                        ),
                        false,
                    );
                } else {
                    self.focus = Focus::Attributes;
                    self.set_status(
                        "editing the conversation's secure attributes (a real PUT/PATCH pair)",
                        false,
                    );
                }
            }
            (Err(message), _) => {
                if let Some(view) = after_send {
                    view.observed = Observed::Failed(message.clone());
                }
                self.set_status(
                    format!("could not load the secure attributes: {message}"),
                    true,
                );
            }
            (Ok(_), None) => {}
        }
        effects
    }
}

impl Workspace {
    /// A workspace on a participant's attributes.
    #[must_use]
    pub fn new(conversation: Conversation, participant: usize) -> Self {
        let attributes = conversation
            .participants
            .get(participant)
            .and_then(|p| p.attributes.clone())
            .unwrap_or_default();
        let mut edits = Edits::new(attributes);
        let target = EditTarget::ParticipantAttributes {
            conversation_id: conversation.id.clone().unwrap_or_default(),
            participant_id: conversation
                .participants
                .get(participant)
                .and_then(|p| p.id.clone())
                .unwrap_or_default(),
        };
        let derived = Preview::of(&target, &edits, Verb::Patch, RouteChoice::Generic);
        // The preview is of these edits: the next refresh follows what changes.
        edits.take_changes();
        Self {
            conversation,
            participant,
            target: SendTarget::ParticipantAttributes,
            edits,
            secure_version: None,
            revealed: None,
            row: 0,
            verb: Verb::Patch,
            route: RouteChoice::Generic,
            derived,
            measures: Memo::default(),
            unseen: false,
        }
    }

    /// Switches the edit target, starting over from `original`.
    pub fn set_target(&mut self, target: SendTarget, original: crate::genesys::Attributes) {
        self.target = target;
        self.edits = Edits::new(original);
        self.revealed = None;
        self.row = 0;
        self.route = RouteChoice::Generic;
        self.refresh();
    }

    /// Makes the derived payloads follow the edits (and the verb, route and
    /// target): per key changed, or from scratch when more changed.
    pub fn refresh(&mut self) {
        let changes = self.edits.take_changes();
        let target = self.edit_target();
        self.derived
            .follow(&target, &self.edits, self.verb, self.route, &changes);
        self.measures = Memo::default();
        self.row = self.row.min(self.edits.rows().len().saturating_sub(1));
    }

    /// The key of the selected row, if any.
    #[must_use]
    pub fn selected_key(&self) -> Option<String> {
        self.edits.rows().get(self.row).map(|r| r.key.clone())
    }

    /// Selects the row of `key`, when there is one.
    pub fn select_key(&mut self, key: Option<&str>) {
        if let Some(index) = key.and_then(|k| self.edits.row_of(k)) {
            self.row = index;
        }
    }

    /// The selected participant.
    #[must_use]
    pub fn selected(&self) -> Option<&crate::genesys::Participant> {
        self.conversation.participants.get(self.participant)
    }
}
