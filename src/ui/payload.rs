//! The payload pane: the verdict of each request first (one line each, in
//! [`crate::usecase::verdict`]'s words), what PUT vs PATCH means for this
//! target, the PUT-style and PATCH bodies as a diff paired by key (with its
//! legend, and side by side its column headers), the attributes predicted
//! after each verb, the keys a PATCH cannot remove, and the lint findings
//! with their fixes (at most [`LISTED_PER_RULE`](crate::lint::LISTED_PER_RULE)
//! per rule, the rest counted). The lines of the findings' heading and of
//! each finding about a key are recorded, for `f` and `F` to jump to.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::form::{shown_key, shown_value};
use super::text::{Break, prose, truncate, width, wrap};
use super::{bar, diffview, findings, form, pane_block, scrolled_with, theme};
use crate::app::{App, DiffLayout, Focus, Jump, RouteChoice, SendTarget, Workspace};
use crate::genesys::Attributes;
use crate::genesys::secure::mask_attributes;
use crate::lint::{Location, listing};
use crate::usecase::words::{ShownBodies, unlisted_line};

/// The findings' heading, where `f` jumps to.
pub const LINT_HEADING: &str = "Lint";

/// A section heading ruled to the pane's width.
#[must_use]
pub fn section(title: &str, room: usize) -> Line<'static> {
    let head = format!("── {title} ");
    let rule = "─".repeat(room.saturating_sub(width(&head)));
    Line::from(vec![
        Span::styled(truncate(&head, room), theme::heading()),
        Span::styled(rule, theme::dim()),
    ])
}

/// Draws the payload pane.
pub fn render(frame: &mut Frame, area: Rect, app: &App, workspace: &Workspace) {
    let focused = app.focus == Focus::Payload;
    let layout = match app.diff_layout {
        DiffLayout::Unified => " unified · v ",
        DiffLayout::SideBySide => " side by side · v ",
    };
    let mut block = pane_block(bar::tabs(0, focused), focused);
    if area.width >= 50 {
        block = block.title(Line::styled(layout, theme::dim()).right_aligned());
    }
    let room = usize::from(block.inner(area).width);
    let doc = doc(app, workspace, room);
    scrolled_with(
        frame,
        area,
        block,
        doc.height(),
        app.scroll.payload,
        |from, count| doc.lines(from, count),
    );
}

/// Every line of the pane for a width (for tests: drawing takes a window).
#[cfg(test)]
#[must_use]
pub fn lines(app: &App, workspace: &Workspace, room: usize) -> Vec<Line<'static>> {
    let doc = doc(app, workspace, room);
    doc.lines(0, doc.height())
}

/// The lines of the pane at a width whose text `hit` takes, formatted a
/// window at a time so that a long pane is never held whole.
#[must_use]
pub fn matching(
    app: &App,
    workspace: &Workspace,
    room: usize,
    hit: impl Fn(&str) -> bool,
) -> Vec<u16> {
    const WINDOW: usize = 512;
    let doc = doc(app, workspace, room);
    let height = doc.height();
    let mut out = Vec::new();
    let mut from = 0;
    while from < height {
        for (i, line) in doc.lines(from, WINDOW).iter().enumerate() {
            if hit(&line.to_string()) {
                out.push(u16::try_from(from + i).unwrap_or(u16::MAX));
            }
        }
        from += WINDOW;
    }
    out
}

/// How many lines the pane has for a width (without formatting them).
#[must_use]
pub fn height(app: &App, workspace: &Workspace, room: usize) -> usize {
    doc(app, workspace, room).height()
}

/// The line a jump goes to at a width: the findings' heading, or the
/// first finding about a key (none if it has none).
#[must_use]
pub fn jump_line(app: &App, workspace: &Workspace, room: usize, jump: &Jump) -> Option<usize> {
    let doc = doc(app, workspace, room);
    match jump {
        Jump::Findings => doc.findings_at,
        Jump::Finding(key) => doc
            .by_key
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, line)| *line),
    }
}

/// The pane as parts: short ones as their lines, the diff and the predicted
/// maps (a line or more per attribute) as views that format only the lines
/// asked for.
struct Doc<'a> {
    parts: Vec<Part<'a>>,
    /// The line of the findings' heading.
    findings_at: Option<usize>,
    /// The line of each finding about an attribute key, in order.
    by_key: Vec<(String, usize)>,
}

enum Part<'a> {
    Lines(Vec<Line<'static>>),
    Diff(diffview::View<'a>),
    Map(MapView<'a>),
}

impl Part<'_> {
    fn height(&self) -> usize {
        match self {
            Self::Lines(lines) => lines.len(),
            Self::Diff(view) => view.height(),
            Self::Map(view) => view.height(),
        }
    }

    fn lines(&self, from: usize, count: usize) -> Vec<Line<'static>> {
        match self {
            Self::Lines(lines) => lines.iter().skip(from).take(count).cloned().collect(),
            Self::Diff(view) => view.lines(from, count),
            Self::Map(view) => view.lines(from, count),
        }
    }
}

impl<'a> Doc<'a> {
    /// Adds lines to the last part of lines, or starts one.
    fn extend(&mut self, lines: impl IntoIterator<Item = Line<'static>>) {
        if let Some(Part::Lines(last)) = self.parts.last_mut() {
            last.extend(lines);
        } else {
            self.parts.push(Part::Lines(lines.into_iter().collect()));
        }
    }

    fn push(&mut self, line: Line<'static>) {
        self.extend([line]);
    }

    fn view(&mut self, part: Part<'a>) {
        self.parts.push(part);
    }

    fn height(&self) -> usize {
        self.parts.iter().map(Part::height).sum()
    }

    /// At most `count` lines from line `from` on.
    fn lines(&self, from: usize, count: usize) -> Vec<Line<'static>> {
        let mut out = Vec::with_capacity(count.min(self.height()));
        let mut top = 0;
        for part in &self.parts {
            if out.len() >= count {
                break;
            }
            let height = part.height();
            if top + height > from {
                let skip = from.saturating_sub(top);
                out.extend(part.lines(skip, count - out.len()));
            }
            top += height;
        }
        out
    }
}

fn doc<'a>(app: &'a App, workspace: &'a Workspace, room: usize) -> Doc<'a> {
    let derived = &workspace.derived;
    let participant = workspace.target == SendTarget::ParticipantAttributes;
    let mut out = Doc {
        parts: Vec::new(),
        findings_at: None,
        by_key: Vec::new(),
    };
    let put_name = if participant { "PUT-style" } else { "PUT" };
    // The verdict first: one line per request, in the words of every face.
    for (verb, request) in [("PATCH", &derived.patch), ("PUT", &derived.put)] {
        let style = request.worst().map_or(theme::good(), theme::severity);
        let mut line = crate::usecase::verdict::line(verb, &request.findings);
        if verb == "PATCH" {
            line = crate::usecase::verdict::with_unremovable(line, derived.plan.unremovable());
        }
        out.extend(prose(&line, style.add_modifier(Modifier::BOLD), room, 0));
    }
    out.push(Line::raw(""));
    let note = if participant {
        "Participant attributes have no PUT route: only PATCH exists. The PUT-style body shows what a full replace would carry."
    } else {
        "Secure attributes have a real pair: PUT replaces the whole map and checks `version`; PATCH amends the keys it carries."
    };
    out.extend(prose(note, theme::warning(), room, 0));
    out.push(Line::raw(""));

    out.push(section(&format!("{put_name} vs PATCH"), room));
    let plan = Some(&derived.plan);
    if plan.is_none_or(crate::payload::Plan::patch_is_empty) {
        // Deleting a key is an edit a PATCH cannot carry.
        let note = if workspace.edits.is_dirty() {
            "The PATCH body carries no key: a PATCH cannot remove one (see below)."
        } else {
            "No edits yet: the PATCH body carries no key."
        };
        out.extend(prose(note, theme::dim(), room, 0));
    }
    out.extend(prose(crate::diff::LEGEND, theme::dim(), room, 0));
    if app.diff_layout == DiffLayout::SideBySide {
        out.push(diffview::header(put_name, "PATCH", room));
    }
    // Secure values not revealed are masked in both bodies: each key's value
    // is the same in the two, so the masked diff has the real one's lines.
    // Only secure attributes are masked, whose maps are small: their masked
    // diff is made and formatted whole, per frame.
    if app.masks_secure() {
        let masked = |body: &serde_json::Value| {
            let mut body = body.clone();
            mask_attributes(&mut body, app.revealed());
            serde_json::from_value::<Attributes>(body["attributes"].take()).unwrap_or_default()
        };
        let (put, patch) = (masked(&derived.put.body), masked(&derived.patch.body));
        let version = derived
            .put
            .body
            .get("version")
            .and_then(serde_json::Value::as_i64);
        let original = workspace.edits.original();
        let diff = crate::diff::diff_attribute_bodies(&put, version, &patch, original);
        let shape = diffview::shape(&diff);
        let view = diffview::View::new(&diff, &shape, app.diff_layout, room, app.view.wrap);
        out.extend(view.lines(0, view.height()));
    } else {
        out.view(Part::Diff(diffview::View::new(
            &derived.diff,
            &form::measures(workspace).diff,
            app.diff_layout,
            room,
            app.view.wrap,
        )));
    }

    if let Some(plan) = plan {
        predicted(&mut out, app, workspace, plan, room);
    }

    lint(&mut out, app, workspace, room);
    out
}

/// The findings of both requests, under their heading (recorded for `f`),
/// each finding about a key recorded for `F`.
fn lint(out: &mut Doc<'_>, app: &App, workspace: &Workspace, room: usize) {
    let derived = &workspace.derived;
    let put_name = if workspace.target == SendTarget::ParticipantAttributes {
        "PUT-style"
    } else {
        "PUT"
    };
    out.push(Line::raw(""));
    let count = derived.patch.findings.len() + derived.put.findings.len();
    // The requests are linted as they would be sent: on the route last chosen
    // in the send dialog.
    let route = match derived.route {
        RouteChoice::Generic => "generic".to_owned(),
        RouteChoice::Media(media) => media.segment().to_owned(),
    };
    out.findings_at = Some(out.height());
    out.push(section(LINT_HEADING, room));
    out.extend(prose(
        &format!("on the {route} route (chosen in the send dialog)"),
        theme::dim(),
        room,
        0,
    ));
    if count == 0 {
        out.push(Line::styled(
            "No findings for either request.",
            theme::good(),
        ));
    }
    // Each request's findings as listed (at most LISTED_PER_RULE per rule),
    // then a line per rule for the rest, in the words the CLI prints.
    let secrets = app.masked_values();
    let mut shown = ShownBodies::default();
    let mut first = true;
    for (verb, request) in [("PATCH", &derived.patch), (put_name, &derived.put)] {
        let listing = listing(&request.findings);
        for finding in listing.findings {
            if !first {
                out.push(Line::raw(""));
            }
            first = false;
            if let Location::Pointer { pointer } = &finding.location {
                if let Some(key) = pointer.strip_prefix("/attributes/") {
                    let key = key.replace("~1", "/").replace("~0", "~");
                    out.by_key.push((key, out.height()));
                }
            }
            out.extend(findings::lines(verb, finding, &secrets, room, &mut shown));
        }
        for unlisted in &listing.unlisted {
            out.push(Line::styled(
                truncate(&format!("{verb} {}", unlisted_line(unlisted)), room),
                theme::dim(),
            ));
        }
    }
}

/// The attributes predicted after each verb, and the keys PATCH cannot remove.
fn predicted<'a>(
    out: &mut Doc<'a>,
    app: &'a App,
    workspace: &'a Workspace,
    plan: &'a crate::payload::Plan,
    room: usize,
) {
    let participant = workspace.target == SendTarget::ParticipantAttributes;
    let original = workspace.edits.original();
    let removed = plan.unremovable();
    out.push(Line::raw(""));
    out.push(section("After PATCH (expected merge)", room));
    let measures = form::measures(workspace);
    out.view(Part::Map(MapView {
        app,
        after: &plan.after_patch,
        original,
        removed,
        patch: true,
        room,
        key_w: measures.after_patch_key_width,
    }));
    out.push(Line::raw(""));
    let replace = if participant {
        "After PUT-style replace"
    } else {
        "After PUT (replace)"
    };
    out.push(section(replace, room));
    out.view(Part::Map(MapView {
        app,
        after: plan.after_put(),
        original,
        removed,
        patch: false,
        room,
        key_w: measures.after_put_key_width,
    }));
    if !removed.is_empty() {
        out.push(Line::raw(""));
        let keys: Vec<String> = removed.iter().map(|k| shown_key(k)).collect();
        let spans = [
            Span::styled(
                "PATCH cannot remove: ",
                theme::warning().add_modifier(Modifier::BOLD),
            ),
            Span::styled(keys.join(", "), theme::warning()),
        ];
        out.extend(wrap(&spans, room, &[], &[Span::raw("  ")], Break::Words));
    }
}

/// A predicted attribute map, one key a line, marked against the original:
/// `+` added, `~` changed, `!` kept although deleted (after PATCH), `−`
/// removed (after PUT).
struct MapView<'a> {
    app: &'a App,
    after: &'a Attributes,
    original: &'a Attributes,
    removed: &'a [String],
    patch: bool,
    room: usize,
    /// The widest key (of `after` and `removed`), before the width caps it.
    key_w: usize,
}

impl MapView<'_> {
    /// Shown after PUT: the keys removed (after PATCH they are kept, so in `after`).
    fn removed(&self) -> &[String] {
        if self.patch { &[] } else { self.removed }
    }

    /// One line a key, or one saying there is none.
    fn height(&self) -> usize {
        (self.after.len() + self.removed().len()).max(1)
    }

    fn lines(&self, from: usize, count: usize) -> Vec<Line<'static>> {
        if self.after.is_empty() && self.removed().is_empty() {
            let none = Line::styled("(no attributes)", theme::dim());
            return if from == 0 && count > 0 {
                vec![none]
            } else {
                Vec::new()
            };
        }
        let room = self.room;
        let key_w = self.key_w.min(room / 3).max(3);
        let value_w = room.saturating_sub(key_w + 3);
        let mut out: Vec<Line<'static>> = Vec::new();
        for (key, value) in self.after.iter().skip(from).take(count) {
            let (marker, style) = match self.original.get(key) {
                None => ("+", theme::diff_insert()),
                Some(old) if old != value => ("~", theme::warning()),
                Some(_) if self.patch && self.removed.contains(key) => ("!", theme::warning()),
                Some(_) => (" ", theme::plain()),
            };
            let value = shown_value(self.app, key, value);
            let shown = if marker == "!" {
                format!("kept: {value}")
            } else {
                value
            };
            out.push(Line::from(vec![
                Span::styled(format!("{marker} "), style),
                Span::styled(
                    format!("{} ", super::text::fit(&shown_key(key), key_w)),
                    style.add_modifier(Modifier::BOLD),
                ),
                Span::styled(truncate(&shown, value_w), style),
            ]));
        }
        let skip = from.saturating_sub(self.after.len());
        let left = count - out.len();
        for key in self.removed().iter().skip(skip).take(left) {
            out.push(Line::from(vec![
                Span::styled("− ", theme::diff_delete()),
                Span::styled(
                    super::text::fit(&shown_key(key), key_w),
                    theme::diff_delete().add_modifier(Modifier::CROSSED_OUT),
                ),
                Span::styled(" (removed)", theme::diff_delete()),
            ]));
        }
        out
    }
}
