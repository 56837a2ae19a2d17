//! The request workbench: a request typed or pasted as the user has it
//! (verb, path or URL, content type, multi-line body), linted as it is
//! typed, fixed one finding at a time, and sent as it is; and an error text
//! pasted to be decoded like a response (the Explain tab). What the text
//! means comes from [`crate::usecase::workbench`], the same lint
//! `gc-attrs lint` runs, and [`crate::lint::explain`], which `gc-attrs
//! explain` runs.

use super::keymap::{Action, Context};
use super::textarea::{Handled, MAX_TEXT, TextArea};
use super::{App, Effect, Flight, Focus, InFlight, Key, Mode, Overlay, TextInput};
use crate::api::RawRequest;
use crate::lint::explain::{Explanation, explain};
use crate::lint::{Finding, Unlisted, listing};
use crate::usecase::check::{Checked, check};
use crate::usecase::import::{Imported, REDACTED, Source, fill, import, placeholders, redact_text};
use crate::usecase::words::verdict;
use crate::usecase::workbench::{Draft, Mark, mark, pretty};

/// The workbench's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BenchTab {
    /// A request to lint and send.
    Request,
    /// An error text to decode.
    Explain,
    /// A whole text (a forum answer, code, a transcript) to check.
    Check,
}

impl BenchTab {
    const ORDER: [Self; 3] = [Self::Request, Self::Explain, Self::Check];

    /// The tab's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Request => "Request",
            Self::Explain => "Explain",
            Self::Check => "Check",
        }
    }

    /// Every tab, in order.
    #[must_use]
    pub fn all() -> [Self; 3] {
        Self::ORDER
    }
}

/// The part of the Request tab that has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BenchField {
    /// The verb.
    Verb,
    /// The path or URL.
    Target,
    /// The content type.
    ContentType,
    /// The body (on the Explain and Check tabs: their text).
    Body,
    /// The list on the right: the findings, or the Check tab's items.
    List,
}

impl BenchField {
    const ORDER: [Self; 5] = [
        Self::Verb,
        Self::Target,
        Self::ContentType,
        Self::Body,
        Self::List,
    ];

    /// The next or previous part of a tab.
    fn step(self, tab: BenchTab, back: bool) -> Self {
        let order: &[Self] = match tab {
            BenchTab::Request => &Self::ORDER,
            BenchTab::Explain | BenchTab::Check => &[Self::Body, Self::List],
        };
        let at = order.iter().position(|f| *f == self).unwrap_or(0);
        let len = order.len();
        order[if back {
            (at + len - 1) % len
        } else {
            (at + 1) % len
        }]
    }
}

/// An item of the Check tab's list, in text order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckItem {
    /// A claim, by index into [`Checked::claims`].
    Claim(usize),
    /// A request, by index into [`Checked::requests`].
    Request(usize),
}

/// A finding of the workbench's request, with where it points.
#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    /// The finding.
    pub finding: Finding,
    /// Where it points, if it can be placed.
    pub mark: Option<Mark>,
}

/// The workbench's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbench {
    /// The tab shown.
    pub tab: BenchTab,
    /// The Request tab's focused part.
    pub field: BenchField,
    /// The verb.
    pub verb: TextInput,
    /// The path or full URL.
    pub target: TextInput,
    /// The content type.
    pub content_type: TextInput,
    /// The body.
    pub body: TextArea,
    /// The Explain tab's text.
    pub error_text: TextArea,
    /// The request's findings as listed, the most severe first (at most
    /// [`crate::lint::LISTED_PER_RULE`] of a rule).
    pub findings: Vec<Marked>,
    /// The findings left out of the list, counted by rule.
    pub unlisted: Vec<Unlisted>,
    /// The verdict on every finding ([`crate::usecase::words::verdict`]).
    pub verdict: String,
    /// The selected finding.
    pub selected: usize,
    /// How the last paste was read, one sentence each.
    pub notes: Vec<String>,
    /// The Explain tab's text, decoded (none while it is empty).
    pub explanation: Option<Explanation>,
    /// The Check tab's text.
    pub check_text: TextArea,
    /// The Check tab's text, checked (none while it is empty), or why not.
    pub checked: Option<Result<Checked, String>>,
    /// The Check tab's items, in text order.
    pub items: Vec<CheckItem>,
    /// The selected item.
    pub item: usize,
    /// The Check tab's result is older than its text (a large text is
    /// checked again when the list is reached, not on every key).
    pub stale: bool,
    /// The list pane's scroll, in lines from where its selection puts it.
    pub pane_scroll: i32,
    /// The Request tab's undo: whole requests, so that a fix, a fill or a
    /// paste is undone in every field at once.
    undo: RequestUndo,
    /// Where Esc goes back to.
    pub back: Focus,
}

/// A state of the Request tab.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    draft: Draft,
    cursor: (usize, usize),
    field: BenchField,
}

impl Snapshot {
    fn bytes(&self) -> usize {
        let d = &self.draft;
        d.verb.len() + d.target.len() + d.content_type.len() + d.body.len()
    }
}

/// The most undo steps of the Request tab, and the most bytes they keep.
const MAX_UNDO: usize = 200;
const MAX_UNDO_BYTES: usize = 8 * 1024 * 1024;

/// A Check text larger than this is checked again on reaching the list (or
/// on a paste), not on every key.
const CHECK_AS_TYPED: usize = 64 * 1024;

/// Undo and redo of the Request tab; a run of typing in one field is one step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct RequestUndo {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    typing: Option<BenchField>,
}

impl RequestUndo {
    /// Keeps `before` as an undo step; `typing`: the field a typed character
    /// went to (a run of them is one step).
    fn push(&mut self, before: Snapshot, typing: Option<BenchField>) {
        if typing.is_some() && typing == self.typing {
            return;
        }
        self.typing = typing;
        self.undo.push(before);
        self.redo.clear();
        let mut bytes: usize = self.undo.iter().map(Snapshot::bytes).sum();
        while self.undo.len() > MAX_UNDO || (bytes > MAX_UNDO_BYTES && self.undo.len() > 1) {
            bytes -= self.undo[0].bytes();
            self.undo.remove(0);
        }
    }
}

impl Default for Workbench {
    fn default() -> Self {
        let mut bench = Self {
            tab: BenchTab::Request,
            field: BenchField::Body,
            verb: TextInput::with("PATCH"),
            target: TextInput::default(),
            content_type: TextInput::with("application/json"),
            body: TextArea::untracked(""),
            error_text: TextArea::default(),
            findings: Vec::new(),
            unlisted: Vec::new(),
            verdict: String::new(),
            selected: 0,
            notes: Vec::new(),
            explanation: None,
            check_text: TextArea::default(),
            checked: None,
            items: Vec::new(),
            item: 0,
            stale: false,
            pane_scroll: 0,
            undo: RequestUndo::default(),
            back: Focus::Picker,
        };
        bench.relint();
        bench
    }
}

impl Workbench {
    /// The request as written now.
    #[must_use]
    pub fn draft(&self) -> Draft {
        Draft {
            verb: self.verb.text().to_owned(),
            target: self.target.text().to_owned(),
            content_type: self.content_type.text().to_owned(),
            body: self.body.text(),
        }
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            draft: self.draft(),
            cursor: self.body.cursor(),
            field: self.field,
        }
    }

    fn restore(&mut self, snapshot: Snapshot) {
        let Snapshot {
            draft,
            cursor,
            field,
        } = snapshot;
        self.verb = TextInput::with(&draft.verb);
        self.target = TextInput::with(&draft.target);
        self.content_type = TextInput::with(&draft.content_type);
        self.body = TextArea::untracked(&draft.body);
        self.body.go_to(cursor.0 + 1, cursor.1 + 1);
        self.field = field;
        self.relint();
    }

    /// Replaces the request with a draft, as one undo step.
    fn load(&mut self, draft: &Draft) -> Handled {
        if draft.body.len() > MAX_TEXT {
            return Handled::TooLarge;
        }
        if *draft == self.draft() {
            return Handled::Moved;
        }
        let before = self.snapshot();
        self.undo.push(before, None);
        self.verb = TextInput::with(&draft.verb);
        self.target = TextInput::with(&draft.target);
        self.content_type = TextInput::with(&draft.content_type);
        self.body = TextArea::untracked(&draft.body);
        self.relint();
        Handled::Edited
    }

    /// Undoes (or redoes) the last change of the Request tab; whether there was one.
    fn undo_request(&mut self, undo: bool) -> bool {
        let (from, to) = if undo {
            (&mut self.undo.undo, &mut self.undo.redo)
        } else {
            (&mut self.undo.redo, &mut self.undo.undo)
        };
        let Some(snapshot) = from.pop() else {
            return false;
        };
        let now = Snapshot {
            draft: Draft {
                verb: self.verb.text().to_owned(),
                target: self.target.text().to_owned(),
                content_type: self.content_type.text().to_owned(),
                body: self.body.text(),
            },
            cursor: self.body.cursor(),
            field: self.field,
        };
        to.push(now);
        self.undo.typing = None;
        self.restore(snapshot);
        true
    }

    /// Lints the request again (after any change to it).
    pub fn relint(&mut self) {
        let draft = self.draft();
        // Nothing written yet: nothing to say.
        let all = if draft.target.trim().is_empty() && draft.body.is_empty() {
            Vec::new()
        } else {
            draft.lint()
        };
        let listing = listing(&all);
        self.findings = listing
            .findings
            .iter()
            .map(|finding| Marked {
                finding: (*finding).clone(),
                mark: mark(finding, &draft.body),
            })
            .collect();
        self.unlisted = listing.unlisted;
        self.verdict = if all.is_empty() && draft.target.trim().is_empty() {
            String::new()
        } else {
            verdict(&all)
        };
        self.selected = self.selected.min(self.findings.len().saturating_sub(1));
    }

    /// Decodes the Explain tab's text again.
    fn reexplain(&mut self) {
        self.explanation =
            (!self.error_text.is_empty()).then(|| explain(None, &self.error_text.text()));
    }

    /// Checks the Check tab's text again.
    fn recheck(&mut self) {
        if self.check_text.is_empty() {
            self.checked = None;
            self.items.clear();
            self.item = 0;
            return;
        }
        self.stale = false;
        let checked = check(&self.check_text.text()).map_err(|e| e.to_string());
        self.items = match &checked {
            Ok(checked) => {
                let mut items: Vec<(usize, usize, CheckItem)> = checked
                    .claims
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.line, c.column, CheckItem::Claim(i)))
                    .chain(
                        checked
                            .requests
                            .iter()
                            .enumerate()
                            .map(|(i, r)| (r.line, 0, CheckItem::Request(i))),
                    )
                    .collect();
                items.sort_by_key(|(line, column, _)| (*line, *column));
                items.into_iter().map(|(_, _, item)| item).collect()
            }
            Err(_) => Vec::new(),
        };
        self.item = self.item.min(self.items.len().saturating_sub(1));
        self.checked = Some(checked);
    }

    /// Where the selected Check item is in its text (1-based line, column).
    #[must_use]
    pub fn item_place(&self) -> Option<(usize, usize)> {
        let Some(Ok(checked)) = &self.checked else {
            return None;
        };
        match self.items.get(self.item)? {
            CheckItem::Claim(i) => checked.claims.get(*i).map(|c| (c.line, c.column)),
            CheckItem::Request(i) => checked.requests.get(*i).map(|r| (r.line, 1)),
        }
    }

    /// The selected finding.
    #[must_use]
    pub fn selected(&self) -> Option<&Marked> {
        self.findings.get(self.selected)
    }

    /// The one-line field with the keys, if a one-line field has them.
    fn line_field(&mut self) -> Option<&mut TextInput> {
        match (self.tab, self.field) {
            (BenchTab::Request, BenchField::Verb) => Some(&mut self.verb),
            (BenchTab::Request, BenchField::Target) => Some(&mut self.target),
            (BenchTab::Request, BenchField::ContentType) => Some(&mut self.content_type),
            _ => None,
        }
    }

    /// The text area with the keys, if one has them.
    fn area(&mut self) -> Option<&mut TextArea> {
        match (self.tab, self.field) {
            (_, BenchField::List) => None,
            (BenchTab::Request, BenchField::Body) => Some(&mut self.body),
            (BenchTab::Explain, _) => Some(&mut self.error_text),
            (BenchTab::Check, _) => Some(&mut self.check_text),
            (BenchTab::Request, _) => None,
        }
    }

    /// After the text changed: lint or decode it again (a large Check
    /// text is marked stale instead, checked again on reaching the list).
    fn changed(&mut self) {
        match self.tab {
            BenchTab::Request => self.relint(),
            BenchTab::Explain => self.reexplain(),
            BenchTab::Check
                if self
                    .check_text
                    .lines()
                    .iter()
                    .map(String::len)
                    .sum::<usize>()
                    > CHECK_AS_TYPED =>
            {
                self.stale = true;
            }
            BenchTab::Check => self.recheck(),
        }
    }
}

/// How many lines PageUp/PageDown scroll the list pane.
const PAGE: i32 = 10;

/// The note for a refused insertion.
fn too_large() -> String {
    format!("not inserted: a text here holds at most {MAX_TEXT} bytes")
}

impl App {
    /// Opens the workbench as it was left; an empty one takes the form's
    /// edit when a conversation is open.
    pub(super) fn open_workbench_key(&mut self) {
        let bench = &self.workbench;
        let untouched = bench.body.is_empty() && bench.target.text().trim().is_empty();
        if untouched && self.workspace.is_some() {
            self.edit_in_workbench();
        } else {
            self.open_workbench();
        }
    }

    /// Opens the workbench as it was left.
    pub(super) fn open_workbench(&mut self) {
        if self.focus != Focus::Workbench {
            self.workbench.back = self.focus;
        }
        self.focus = Focus::Workbench;
    }

    /// The selected participant's attributes path, if a conversation is loaded.
    fn participant_path(&self) -> Option<String> {
        let workspace = self.workspace.as_ref()?;
        let target = crate::usecase::EditTarget::ParticipantAttributes {
            conversation_id: workspace.conversation.id.clone()?,
            participant_id: workspace.selected()?.id.clone()?,
        };
        Some(
            target
                .route(
                    crate::genesys::Verb::Patch,
                    crate::usecase::RouteChoice::Generic,
                )
                .1,
        )
    }

    /// Opens the workbench on the form's current edit: the request the
    /// preview would send, to be changed into anything.
    pub(super) fn edit_in_workbench(&mut self) {
        if self.masks_secure() {
            self.set_status(
                "the workbench would show the secure values in clear: start with --show-secure to edit them there",
                true,
            );
            return;
        }
        let Some(workspace) = self.workspace.as_ref() else {
            return;
        };
        let request = workspace.derived.chosen();
        let draft = Draft {
            verb: request.verb.as_str().to_owned(),
            target: request.path.clone(),
            content_type: "application/json".to_owned(),
            body: pretty(&request.body),
        };
        let label = format!("{} {}", draft.verb, draft.target);
        self.open_workbench();
        let bench = &mut self.workbench;
        bench.tab = BenchTab::Request;
        bench.field = BenchField::Body;
        bench.notes = vec!["the form's edit, as the preview would send it".to_owned()];
        if bench.load(&draft) == Handled::TooLarge {
            self.set_status(too_large(), true);
            return;
        }
        self.set_status(format!("the workbench holds {label}"), false);
    }

    /// A paste while the workbench has the keys: a whole request (curl, HTTP)
    /// replaces the request; a bare JSON body into an empty request takes the
    /// selected participant's route; anything else is typed where the cursor is.
    pub(super) fn paste_into_workbench(&mut self, text: &str) {
        // Credentials never stay in a pasted text: gc-attrs sends with its own.
        let (clean, dropped) = redact_text(text);
        let said = (dropped > 0)
            .then(|| format!("{dropped} credential(s) in the paste replaced by {REDACTED}"));
        match self.workbench.tab {
            BenchTab::Explain | BenchTab::Check => {
                let bench = &mut self.workbench;
                bench.field = BenchField::Body;
                let area = if bench.tab == BenchTab::Explain {
                    &mut bench.error_text
                } else {
                    &mut bench.check_text
                };
                let handled = area.insert(&clean);
                if handled == Handled::Edited && bench.tab == BenchTab::Check {
                    // A paste is checked at once, whatever its size.
                    bench.recheck();
                    self.after_edit(Handled::Moved);
                } else {
                    self.after_edit(handled);
                }
                if let Some(said) = said {
                    self.set_status(said, false);
                }
                return;
            }
            BenchTab::Request => {}
        }
        let bench = &self.workbench;
        let empty = bench.body.is_empty() && bench.target.text().trim().is_empty();
        match import(text) {
            Ok(imported) if imported.source != Source::Json || empty => {
                self.take_import(&imported);
            }
            // A request gc-attrs could not read is said so, not typed in.
            Err(error) if looks_like_request(text) => {
                self.set_status(format!("not read: {error}"), true);
            }
            _ => {
                let before = self.workbench.snapshot();
                let handled = match self.workbench.line_field() {
                    Some(field) => {
                        field.insert(&clean);
                        Handled::Edited
                    }
                    None => self.workbench.body.insert(&clean),
                };
                if handled == Handled::Edited {
                    self.workbench.undo.push(before, None);
                }
                self.after_edit(handled);
                if let Some(said) = said {
                    self.set_status(said, false);
                }
            }
        }
    }

    /// Puts an imported request in the workbench, with its notes and the
    /// placeholders the loaded conversation can fill.
    pub(super) fn take_import(&mut self, imported: &Imported) {
        let fallback = self.participant_path();
        let draft = Draft::from_imported(imported, fallback.as_deref());
        let mut notes: Vec<String> = Vec::new();
        for note in &imported.notes {
            if !notes.contains(note) {
                notes.push(note.clone());
            }
        }
        if imported.source == Source::Json {
            notes.push(match &fallback {
                Some(_) => "a bare body: the route is the selected participant's".to_owned(),
                None => "a bare body: type its path, or open a conversation first".to_owned(),
            });
        }
        let found = placeholders(imported);
        if !found.is_empty() {
            let written: Vec<&str> = found.iter().map(|p| p.written.as_str()).collect();
            let fill = self
                .keymap
                .first(Context::Workbench, Action::FillPlaceholders);
            notes.push(if self.workspace.is_some() {
                format!(
                    "{} can be filled from the loaded conversation: {fill}",
                    written.join(", ")
                )
            } else {
                format!(
                    "{}: open a conversation, then {fill} fills them",
                    written.join(", ")
                )
            });
        }
        let source = imported.source.name();
        self.open_workbench();
        let bench = &mut self.workbench;
        bench.tab = BenchTab::Request;
        bench.field = BenchField::Body;
        if bench.load(&draft) == Handled::TooLarge {
            self.set_status(too_large(), true);
            return;
        }
        bench.notes = notes;
        bench.selected = 0;
        self.set_status(format!("read a pasted {source} request"), false);
    }

    fn after_edit(&mut self, handled: Handled) {
        match handled {
            Handled::Edited => self.workbench.changed(),
            Handled::TooLarge => self.set_status(too_large(), true),
            Handled::Moved | Handled::No => {}
        }
    }

    /// Whether Ctrl-Z is the workbench's undo now, not a suspend.
    #[must_use]
    pub fn takes_undo_key(&self) -> bool {
        self.focus == Focus::Workbench && self.overlay.is_none()
    }

    fn fill_placeholders(&mut self) {
        let ids = self.workspace.as_ref().and_then(|w| {
            let p = w.selected()?;
            Some((w.conversation.id.clone()?, p.id.clone()?))
        });
        let Some((conversation, participant)) = ids else {
            self.set_status(
                "open a conversation first: its ids fill the placeholders",
                true,
            );
            return;
        };
        let draft = self.workbench.draft();
        let imported = Imported {
            source: Source::Http,
            verb: draft.verb.clone(),
            target: Some(draft.target.clone()),
            headers: Vec::new(),
            content_type: Some(draft.content_type.clone()),
            body: draft.body.clone(),
            notes: Vec::new(),
        };
        let count = placeholders(&imported).len();
        if count == 0 {
            self.set_status("no placeholder to fill", false);
            return;
        }
        let filled = fill(&imported, &conversation, &participant);
        let draft = Draft {
            target: filled.target.unwrap_or_default(),
            body: filled.body,
            ..draft
        };
        if self.workbench.load(&draft) == Handled::TooLarge {
            self.set_status(too_large(), true);
            return;
        }
        self.workbench
            .notes
            .retain(|n| !n.contains("can be filled"));
        self.set_status(
            format!("filled {count} placeholder(s) from the loaded conversation"),
            false,
        );
    }

    fn apply_fix(&mut self) {
        let Some(marked) = self.workbench.selected() else {
            self.set_status("no finding to fix", false);
            return;
        };
        // Placeholders are filled from the open conversation.
        if marked.finding.rule == crate::lint::rules::UNEXPANDED_TEMPLATE.id {
            self.fill_placeholders();
            return;
        }
        let Some(fix) = marked.finding.fix.clone() else {
            self.set_status(
                format!(
                    "{} has no fix to apply: read its explanation",
                    marked.finding.rule
                ),
                true,
            );
            return;
        };
        let draft = self.workbench.draft().fixed(&fix);
        match self.workbench.load(&draft) {
            Handled::TooLarge => self.set_status(too_large(), true),
            // The fix says what to do, but not as a change gc-attrs can make.
            Handled::Moved | Handled::No => self.set_status(
                format!(
                    "nothing to change mechanically; the fix says: {}",
                    fix.summary
                ),
                true,
            ),
            Handled::Edited => {
                let undo = self.keymap.first(Context::Workbench, Action::Undo);
                self.set_status(format!("applied ({undo} undoes): {}", fix.summary), false);
            }
        }
    }

    /// Selects the next or previous finding and puts the cursor where it points.
    fn select_finding(&mut self, back: bool) {
        let bench = &mut self.workbench;
        let count = bench.findings.len();
        if count == 0 {
            return;
        }
        bench.selected = if back {
            (bench.selected + count - 1) % count
        } else {
            (bench.selected + 1) % count
        };
        bench.pane_scroll = 0;
        let mark = bench.findings[bench.selected].mark;
        if bench.field == BenchField::List {
            if let Some(Mark::Body { line, column }) = mark {
                bench.body.go_to(line, column);
            }
            return;
        }
        match mark {
            Some(Mark::Verb) => bench.field = BenchField::Verb,
            Some(Mark::Target) => bench.field = BenchField::Target,
            Some(Mark::ContentType) => bench.field = BenchField::ContentType,
            Some(Mark::Body { line, column }) => {
                bench.field = BenchField::Body;
                bench.body.go_to(line, column);
            }
            None => {}
        }
    }

    /// Selects the next or previous item of the Check tab and puts the
    /// cursor of its text where it is.
    fn select_item(&mut self, back: bool) {
        let bench = &mut self.workbench;
        let count = bench.items.len();
        if count == 0 {
            return;
        }
        bench.item = if back {
            (bench.item + count - 1) % count
        } else {
            (bench.item + 1) % count
        };
        bench.pane_scroll = 0;
        if let Some((line, column)) = bench.item_place() {
            bench.check_text.go_to(line, column);
        }
    }

    /// Opens the selected item of the Check tab: a request in the Request
    /// tab (its placeholders to be filled), a claim at its place in the text.
    fn open_item(&mut self) {
        let bench = &self.workbench;
        let Some(Ok(checked)) = &bench.checked else {
            self.set_status(
                "nothing checked yet: paste a forum answer, code or a transcript",
                false,
            );
            return;
        };
        match bench.items.get(bench.item).copied() {
            Some(CheckItem::Request(i)) => {
                let Some(request) = checked.requests.get(i) else {
                    return;
                };
                let imported = Imported {
                    source: Source::Http,
                    verb: request.verb.clone(),
                    target: Some(request.path.clone()),
                    headers: Vec::new(),
                    content_type: request.content_type.clone(),
                    body: request.body.clone(),
                    notes: request.notes.clone(),
                };
                let line = request.line;
                self.take_import(&imported);
                self.workbench
                    .notes
                    .insert(0, format!("from line {line} of the checked text"));
                let undo = self.keymap.first(Context::Workbench, Action::Undo);
                self.set_status(
                    format!(
                        "the request of line {line} is in the Request tab ({undo} there brings back the one it replaced)"
                    ),
                    false,
                );
            }
            Some(CheckItem::Claim(_)) => {
                if let Some((line, column)) = self.workbench.item_place() {
                    let bench = &mut self.workbench;
                    bench.check_text.go_to(line, column);
                    bench.field = BenchField::Body;
                }
            }
            None => self.set_status("no claim or request found in the text", false),
        }
    }

    fn send_workbench(&mut self) -> Vec<Effect> {
        if self.in_flight.is_some() {
            let cancel = self.keymap.first(Context::Request, Action::CancelRequest);
            self.set_status(
                format!("a request is in flight: wait, or {cancel} to cancel it"),
                true,
            );
            return Vec::new();
        }
        let outgoing = match self.workbench.draft().outgoing() {
            Ok(outgoing) => outgoing,
            Err(message) => {
                self.set_status(format!("not sent: {message}"), true);
                return Vec::new();
            }
        };
        let request = RawRequest {
            method: outgoing.verb,
            path: outgoing.path,
            content_type: outgoing.content_type,
            body: outgoing.body,
        };
        if let Some(host) = &outgoing.dropped_host {
            self.workbench.notes.retain(|n| !n.starts_with("sent to"));
            self.workbench.notes.push(format!(
                "sent to the connected target, not to {host}: gc-attrs sends only where it signed in"
            ));
        }
        if matches!(self.mode, Mode::Live { .. }) {
            self.overlay = Some(Overlay::BenchConfirm {
                request,
                confirmation: TextInput::default(),
                resend: false,
            });
            return Vec::new();
        }
        self.dispatch_bench(request)
    }

    fn dispatch_bench(&mut self, request: RawRequest) -> Vec<Effect> {
        self.in_flight = Some(InFlight::new(
            Flight::BenchSend,
            format!("{} {}", request.method, request.path),
        ));
        self.focus = Focus::Response;
        self.scroll.response = 0;
        vec![Effect::Send(request)]
    }

    /// A key in the live confirmation of a workbench send.
    pub(super) fn bench_confirm(&mut self, action: Action) -> Vec<Effect> {
        let Some(Overlay::BenchConfirm {
            request,
            confirmation,
            resend,
        }) = &self.overlay
        else {
            return Vec::new();
        };
        let resend = *resend;
        match action {
            Action::Confirm => {
                if !confirmation.text().trim().eq_ignore_ascii_case("yes") {
                    let confirm = self.keymap.first(Context::Dialog, Action::Confirm);
                    self.set_status(
                        format!("type yes, then {confirm}, to write to the live org"),
                        true,
                    );
                    return Vec::new();
                }
                let request = request.clone();
                self.overlay = None;
                if resend {
                    super::send::resend(self, request)
                } else {
                    self.dispatch_bench(request)
                }
            }
            Action::Cancel => {
                self.overlay = None;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}

/// A key on the list: ↑/↓ select; Enter applies the selected finding's fix
/// (Request tab) or opens the selected item (Check tab: a request in the
/// Request tab, a claim at its place in the text).
fn list_key(app: &mut App, key: Key) {
    use super::KeyCode;
    let tab = app.workbench.tab;
    let scroll = |app: &mut App, by: i32| {
        let bench = &mut app.workbench;
        bench.pane_scroll = bench.pane_scroll.saturating_add(by);
    };
    match key.code {
        KeyCode::PageDown => scroll(app, PAGE),
        KeyCode::PageUp => scroll(app, -PAGE),
        KeyCode::Home => app.workbench.pane_scroll = i32::MIN / 2,
        KeyCode::End => app.workbench.pane_scroll = i32::MAX / 2,
        KeyCode::Up | KeyCode::Down if tab == BenchTab::Explain => {
            scroll(app, if key.code == KeyCode::Up { -1 } else { 1 });
        }
        KeyCode::Up | KeyCode::Down => {
            let back = key.code == KeyCode::Up;
            match tab {
                BenchTab::Request => app.select_finding(back),
                _ => app.select_item(back),
            }
        }
        KeyCode::Enter => match tab {
            BenchTab::Request => app.apply_fix(),
            BenchTab::Check => app.open_item(),
            BenchTab::Explain => {}
        },
        _ => {}
    }
}

/// A key the workbench's bindings did not take: typed into the focused field.
pub(super) fn type_into(app: &mut App, key: Key) {
    if app.workbench.field == BenchField::List {
        list_key(app, key);
        return;
    }
    if app.workbench.tab == BenchTab::Request {
        // The whole request is one undo history.
        let bench = &mut app.workbench;
        let before = bench.snapshot();
        let field = bench.field;
        let handled = match bench.line_field() {
            Some(input) => {
                input.handle(key);
                Handled::Moved
            }
            None => bench.body.handle(key),
        };
        if handled == Handled::TooLarge {
            app.set_status(too_large(), true);
            return;
        }
        if bench.draft() != before.draft {
            let typing = key.types().then_some(field);
            bench.undo.push(before, typing);
            bench.relint();
        } else if !key.types() {
            // A move ends a run of typing.
            bench.undo.typing = None;
        }
        return;
    }
    let handled = app
        .workbench
        .area()
        .map_or(Handled::No, |area| area.handle(key));
    app.after_edit(handled);
}

/// A workbench binding.
pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::SendAsIs if app.workbench.tab == BenchTab::Request => return app.send_workbench(),
        Action::SendAsIs => {
            let tab = app.keymap.first(Context::Workbench, Action::SwitchTab);
            app.set_status(
                format!("sending is from the Request tab ({tab} switches tabs): nothing was sent"),
                true,
            );
        }
        Action::Back => app.focus = app.workbench.back,
        Action::NextPane | Action::PreviousPane => {
            let bench = &mut app.workbench;
            bench.field = bench.field.step(bench.tab, action == Action::PreviousPane);
            if bench.field == BenchField::List && bench.tab == BenchTab::Check && bench.stale {
                bench.recheck();
            }
        }
        Action::SwitchTab => {
            let bench = &mut app.workbench;
            let order = BenchTab::all();
            let at = order.iter().position(|t| *t == bench.tab).unwrap_or(0);
            bench.tab = order[(at + 1) % order.len()];
            // The text of the tab has the keys.
            if bench.tab != BenchTab::Request || bench.field == BenchField::List {
                bench.field = BenchField::Body;
            }
        }
        Action::Undo | Action::Redo => {
            let undo = action == Action::Undo;
            let done = if app.workbench.tab == BenchTab::Request {
                app.workbench.undo_request(undo)
            } else {
                let bench = &mut app.workbench;
                let area = if bench.tab == BenchTab::Explain {
                    &mut bench.error_text
                } else {
                    &mut bench.check_text
                };
                if undo { area.undo() } else { area.redo() }
            };
            if done {
                app.workbench.changed();
            } else {
                let what = if undo { "undo" } else { "redo" };
                app.set_status(format!("nothing to {what} in this text"), false);
            }
        }
        Action::ApplyFix if app.workbench.tab == BenchTab::Request => app.apply_fix(),
        Action::ApplyFix if app.workbench.tab == BenchTab::Check => app.open_item(),
        Action::NextFinding | Action::PreviousFinding => {
            let back = action == Action::PreviousFinding;
            match app.workbench.tab {
                BenchTab::Request => app.select_finding(back),
                BenchTab::Check => app.select_item(back),
                BenchTab::Explain => {}
            }
        }
        Action::FillPlaceholders => app.fill_placeholders(),
        _ => {}
    }
    Vec::new()
}

/// Whether a text is meant as a whole request (so that one gc-attrs could
/// not read is reported, not typed into the body): a curl command or an
/// HTTP request line.
pub(super) fn looks_like_request(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or_default();
    first == "curl"
        || first.ends_with("/curl")
        || first == "curl.exe"
        || ["GET", "PUT", "PATCH", "POST", "DELETE"].contains(&first)
            && text
                .trim_start()
                .lines()
                .next()
                .is_some_and(|l| l.contains(" HTTP/"))
}

#[cfg(test)]
mod tests;
