//! The one keymap: a table of bindings (context, keys, action, labels) that
//! drives key handling ([`super::App::update`]), the footer and the help
//! overlay. The keymap is data: [`TABLE`] holds the defaults, a
//! [`Keymap`] holds the keys in force (the defaults with the remaps of
//! `config.toml`'s `[keys]` table applied, see [`Keymap::with_remaps`]).
//!
//! A key is looked up in the contexts the app is in, first match wins
//! ([`super::App::contexts`]): the open overlay alone; else the request in
//! flight, then the focused pane, then (in a workspace pane) [`Context::Global`].
//! While a text field has focus, a typed character goes to the field
//! whatever it is bound to; Ctrl-C always quits and is not in the table.

mod remap;
mod table;

pub use remap::Remap;
pub use table::{MESSAGES_LABEL, MOUSE_LABEL, REVEAL_LABEL, Row, TABLE, TEXT_EDITING, ZOOM_LABEL};

use super::Key;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// Any workspace pane (participants, form, payload, response).
    Global,
    /// While a request is in flight (under any overlay's keys).
    Request,
    /// The picker with no conversation open.
    Start,
    /// The picker over an open conversation.
    Picker,
    /// The participants table.
    Participants,
    /// The attribute form.
    Form,
    /// The payload and response panes.
    Panes,
    /// The send dialog.
    Dialog,
    /// The history overlay.
    History,
    /// The help overlay.
    Help,
    /// The text prompt over the form.
    Prompt,
    /// The request workbench (its fields and body take typed characters).
    Workbench,
    /// The language picker of the code to copy.
    Code,
    /// The question before quitting with unsent edits.
    QuitConfirm,
    /// The question before reverting every edit.
    RevertConfirm,
    /// The message log.
    Messages,
    /// A recorded session replayed (`gc-attrs replay FILE`).
    Replay,
}

impl Context {
    /// How messages name the context.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Global => "the workspace panes",
            Self::Request => "a request in flight",
            Self::Start | Self::Picker => "the picker",
            Self::Participants => "the participants table",
            Self::Form => "the attribute form",
            Self::Panes => "the payload and response panes",
            Self::Dialog => "the send dialog",
            Self::History => "the history",
            Self::Help => "the help overlay",
            Self::Prompt => "the text prompt",
            Self::Workbench => "the workbench",
            Self::Code => "the code picker",
            Self::QuitConfirm => "the quit question",
            Self::RevertConfirm => "the revert-all question",
            Self::Messages => "the message log",
            Self::Replay => "the replay",
        }
    }

    /// Whether a text field may have focus in this context (so that typed
    /// characters go to it): the picker, the prompt, the live send dialog.
    #[must_use]
    pub fn has_text_field(self) -> bool {
        matches!(
            self,
            Self::Start | Self::Picker | Self::Prompt | Self::Dialog | Self::Workbench
        )
    }

    /// The contexts whose keys are live together; a key may mean one action
    /// only in each.
    pub(crate) const TOGETHER: &[&[Self]] = &[
        &[Self::Start],
        &[Self::Picker],
        &[Self::Participants, Self::Global],
        &[Self::Form, Self::Global],
        &[Self::Panes, Self::Global],
        &[Self::Dialog],
        &[Self::History],
        &[Self::Help],
        &[Self::Prompt],
        &[Self::Workbench],
        &[Self::Code],
        &[Self::QuitConfirm],
        &[Self::RevertConfirm],
        &[Self::Messages],
        &[Self::Request],
        &[Self::Replay],
    ];
}

macro_rules! actions {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// What a key does. Its name is what `config.toml`'s `[keys]` table
        /// remaps (`send = "x"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $($(#[$doc])* $variant,)*
        }

        impl Action {
            /// Every action, in the order the README lists them.
            pub const ALL: &[Self] = &[$(Self::$variant,)*];

            /// The name `[keys]` uses.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }
        }
    };
}

actions! {
    /// Open the help overlay.
    Help = "help",
    /// Focus the next pane (from the picker: back to the conversation).
    NextPane = "next_pane",
    /// Focus the previous pane (from the picker: back to the conversation).
    PreviousPane = "previous_pane",
    /// Open the send dialog.
    Send = "send",
    /// Open the history overlay.
    History = "history",
    /// Switch the diff between unified and side by side.
    DiffLayout = "diff_layout",
    /// Zoom the focused pane to the whole body, or give the others back.
    Zoom = "zoom",
    /// Wrap long body and response lines, or cut them to one line.
    Wrap = "wrap",
    /// Release the mouse to the terminal (text selection), or take it back.
    Mouse = "mouse",
    /// Go to the picker to open another conversation.
    OpenPicker = "open_picker",
    /// Re-read the conversation.
    Reload = "reload",
    /// Edit the conversation's secure attributes.
    SecureAttributes = "secure_attributes",
    /// Edit the participant's attributes again.
    ParticipantAttributes = "participant_attributes",
    /// Cancel the request in flight.
    CancelRequest = "cancel_request",
    /// Open the typed or chosen conversation.
    Load = "load",
    /// Select or scroll up.
    Up = "up",
    /// Select or scroll down.
    Down = "down",
    /// Leave the app (from the picker with nothing open).
    Quit = "quit",
    /// Go back a pane.
    Back = "back",
    /// Go forward a pane.
    Forward = "forward",
    /// Add an attribute.
    Add = "add",
    /// Edit the selected value.
    Edit = "edit",
    /// Edit the selected value in the user's editor.
    EditInEditor = "edit_in_editor",
    /// Rename the selected key.
    Rename = "rename",
    /// Delete the selected attribute.
    Delete = "delete",
    /// Revert the selected row.
    Revert = "revert",
    /// Revert every edit.
    RevertAll = "revert_all",
    /// Show the selected secure value in clear, or mask it again.
    Reveal = "reveal",
    /// Scroll a page up.
    PageUp = "page_up",
    /// Scroll a page down.
    PageDown = "page_down",
    /// Scroll to the top.
    Top = "top",
    /// Scroll to the bottom.
    Bottom = "bottom",
    /// Scroll the payload pane to the lint findings.
    JumpFindings = "jump_findings",
    /// Scroll the payload pane to the selected row's finding.
    JumpFinding = "jump_finding",
    /// Copy the last response's correlation id.
    CopyCorrelation = "copy_correlation",
    /// Copy a request as a curl command.
    CopyCurl = "copy_curl",
    /// Switch the dialog between PATCH and PUT.
    ToggleVerb = "toggle_verb",
    /// Send from the dialog.
    Confirm = "confirm",
    /// Close a dialog or prompt without acting.
    Cancel = "cancel",
    /// Save the prompt's text.
    Save = "save",
    /// Close the help or the history.
    Close = "close",
    /// Show the selected history entry in the response pane.
    Show = "show",
    /// Send the selected history entry again.
    Resend = "resend",
    /// Open the request workbench as it was left.
    Workbench = "workbench",
    /// Open the workbench on the form's current edit.
    EditInWorkbench = "edit_in_workbench",
    /// Send the workbench's request as it is.
    SendAsIs = "send_as_is",
    /// Switch the workbench between its Request and Explain tabs.
    SwitchTab = "switch_tab",
    /// Undo the last edit of the text.
    Undo = "undo",
    /// Redo the last undone edit.
    Redo = "redo",
    /// Apply the selected finding's fix.
    ApplyFix = "apply_fix",
    /// Select the next finding.
    NextFinding = "next_finding",
    /// Select the previous finding.
    PreviousFinding = "previous_finding",
    /// Fill `{conversationId}`-style placeholders from the loaded conversation.
    FillPlaceholders = "fill_placeholders",
    /// Copy a program that performs the edit, after a language picker.
    CopyCode = "copy_code",
    /// Open the message log (every error and warning, in full).
    Messages = "messages",
    /// Search the focused pane.
    Search = "search",
    /// The next match of the search.
    SearchNext = "search_next",
    /// The previous match of the search.
    SearchPrevious = "search_previous",
    /// Save this session's exchanges to a file, to replay.
    SaveRecording = "save_recording",
    /// The replay's next exchange.
    ReplayNext = "replay_next",
    /// The replay's previous exchange.
    ReplayPrevious = "replay_previous",
    /// The replay's first exchange.
    ReplayFirst = "replay_first",
    /// The replay's last exchange.
    ReplayLast = "replay_last",
}

impl Action {
    /// The action called `name` in `[keys]`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.name() == name)
    }
}

/// Keys and what they do, as the footer or the help shows one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The keys, as text (`↑ ↓ k j`).
    pub keys: String,
    /// What they do.
    pub label: &'static str,
}

/// A titled group of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpGroup {
    /// The group's title.
    pub title: &'static str,
    /// Its entries.
    pub entries: Vec<Shown>,
    /// The contexts whose keys it lists.
    pub contexts: &'static [Context],
}

/// The keys in force: one list of keys per row of [`TABLE`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            keys: TABLE.iter().map(|row| row.keys.to_vec()).collect(),
        }
    }
}

impl Keymap {
    /// The action `key` has in `context`, if any.
    #[must_use]
    pub fn action(&self, context: Context, key: Key) -> Option<Action> {
        self.rows()
            .find(|(row, keys)| row.context == context && keys.contains(&key))
            .map(|(row, _)| row.action)
    }

    /// The keys of `action` in `context` (empty when it is not bound there).
    #[must_use]
    pub fn keys(&self, context: Context, action: Action) -> &[Key] {
        self.rows()
            .find(|(row, _)| row.context == context && row.action == action)
            .map_or(&[], |(_, keys)| keys)
    }

    /// The first key of `action` in `context`, as text, for a message
    /// ("revert all (U)"); `?` when it has none.
    #[must_use]
    pub fn first(&self, context: Context, action: Action) -> String {
        self.keys(context, action)
            .iter()
            .find(|k| !context.has_text_field() || !k.types())
            .map_or_else(|| "?".to_owned(), ToString::to_string)
    }

    /// The table's rows with the keys in force.
    pub fn rows(&self) -> impl Iterator<Item = (&'static Row, &[Key])> {
        TABLE.iter().zip(self.keys.iter().map(Vec::as_slice))
    }

    /// The footer's entries for these contexts, by the rows' footer rank
    /// (ties in lookup order); rows of one context with the same label are
    /// one entry. Each row shows its first key, and after an arrow the arrows
    /// that follow it (`←/→`). `typing`: a text field has focus, so keys
    /// that type are left out.
    #[must_use]
    pub fn footer(&self, contexts: &[Context], typing: bool) -> Vec<Shown> {
        let mut ranked: Vec<(u8, Shown)> = Vec::new();
        for context in contexts {
            let mut last: Option<&'static str> = None;
            for (row, keys) in self.rows() {
                if row.context != *context || row.footer == 0 {
                    continue;
                }
                let usable: Vec<Key> = keys
                    .iter()
                    .filter(|k| !(typing && k.types()))
                    .copied()
                    .collect();
                let Some(first) = usable.first() else {
                    continue;
                };
                let mut text = first.to_string();
                if first.is_arrow() {
                    for key in usable[1..].iter().take_while(|k| k.is_arrow()) {
                        text = format!("{text}/{key}");
                    }
                }
                match ranked.last_mut() {
                    Some((_, entry)) if last == Some(row.label) => {
                        entry.keys = format!("{}/{text}", entry.keys);
                    }
                    _ => ranked.push((
                        row.footer,
                        Shown {
                            keys: text,
                            label: row.label,
                        },
                    )),
                }
                last = Some(row.label);
            }
        }
        ranked.sort_by_key(|(rank, _)| *rank);
        ranked.into_iter().map(|(_, shown)| shown).collect()
    }

    /// The help overlay's groups: every binding, by pane.
    #[must_use]
    pub fn help(&self) -> Vec<HelpGroup> {
        // Title, lines that are not bindings (listed first), contexts.
        type Group = (
            &'static str,
            &'static [(&'static str, &'static str)],
            &'static [Context],
        );
        const GROUPS: [Group; 13] = [
            (
                "Global",
                &[
                    ("Ctrl-C", "quit"),
                    ("Ctrl-Z", "suspend (workbench: undo)"),
                    ("click", "focus a pane, select a row"),
                    ("wheel", "scroll the pane under it"),
                ],
                &[Context::Global, Context::Request],
            ),
            (
                "Picker",
                &[("type, paste", "an id or a Genesys URL")],
                &[Context::Picker, Context::Start],
            ),
            ("Participants", &[], &[Context::Participants]),
            ("Attribute form", &[], &[Context::Form]),
            ("Payload and response", &[], &[Context::Panes]),
            ("Send dialog", &[], &[Context::Dialog]),
            ("History", &[], &[Context::History]),
            (
                "Workbench",
                &[("paste", "a curl, HTTP request or body")],
                &[Context::Workbench],
            ),
            ("Copy code", &[], &[Context::Code]),
            ("Quit with unsent edits", &[], &[Context::QuitConfirm]),
            ("Revert every edit", &[], &[Context::RevertConfirm]),
            ("Messages", &[], &[Context::Messages]),
            ("Replay", &[], &[Context::Replay]),
        ];
        let mut out: Vec<HelpGroup> = GROUPS
            .iter()
            .map(|(title, lines, contexts)| {
                let mut entries: Vec<Shown> = lines.iter().map(|(k, l)| fixed(k, l)).collect();
                self.help_entries(contexts, &mut entries);
                HelpGroup {
                    title,
                    entries,
                    contexts,
                }
            })
            .collect();
        let mut text = Vec::new();
        self.help_entries(&[Context::Prompt], &mut text);
        text.extend(TEXT_EDITING.iter().map(|(k, l)| fixed(k, l)));
        out.push(HelpGroup {
            title: "Text fields",
            entries: text,
            contexts: &[Context::Prompt],
        });
        out
    }

    fn help_entries(&self, contexts: &[Context], out: &mut Vec<Shown>) {
        for context in contexts {
            let rows = self
                .rows()
                .filter(|(row, _)| row.context == *context && !row.help.is_empty());
            let mut mine = Vec::new();
            merge_help(&mut mine, rows);
            // A second context of a group adds only what the first lacks.
            for entry in mine {
                if !out.iter().any(|e: &Shown| e.label == entry.label) {
                    out.push(entry);
                }
            }
        }
    }
}

fn fixed(keys: &str, label: &'static str) -> Shown {
    Shown {
        keys: keys.to_owned(),
        label,
    }
}

/// Appends one entry per run of rows with the same help label, their keys
/// interleaved (`↑ ↓ k j` for up `↑ k` and down `↓ j`).
fn merge_help<'a>(out: &mut Vec<Shown>, rows: impl Iterator<Item = (&'static Row, &'a [Key])>) {
    let mut runs: Vec<(&'static str, Vec<&'a [Key]>)> = Vec::new();
    for (row, keys) in rows {
        match runs.last_mut() {
            Some((label, lists)) if *label == row.help => lists.push(keys),
            _ => runs.push((row.help, vec![keys])),
        }
    }
    for (label, lists) in runs {
        let longest = lists.iter().map(|l| l.len()).max().unwrap_or(0);
        let keys: Vec<String> = (0..longest)
            .flat_map(|i| lists.iter().filter_map(move |l| l.get(i)))
            .map(ToString::to_string)
            .collect();
        out.push(Shown {
            keys: keys.join(" "),
            label,
        });
    }
}
