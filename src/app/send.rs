//! Sending: the dialog (verb, route, confirmation), the answer with its
//! decoded errors, the re-read that shows what the server really did, and
//! the history of this run.

use super::keymap::{Action, Context};
use super::{
    App, Effect, Flight, Focus, InFlight, Mode, Overlay, RouteChoice, SendTarget, TextInput,
};
use std::time::Duration;

use crate::api::{Exchange, Outcome, RawRequest};
use crate::genesys::{Conversation, Verb};
use crate::lint::explain::{Explanation, explain};
use crate::usecase::{Observation, Preview, RereadPolicy, RereadStep, Sent, route_choices};

/// What a write without an answer may have done
/// ([`Exchange::may_have_applied`]), in the status line and the response pane.
pub const MAY_HAVE_APPLIED: &str = "the server may have applied it";

/// The send dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendDialog {
    /// PATCH or PUT.
    pub verb: Verb,
    /// The route.
    pub route: RouteChoice,
    /// The routes offered.
    pub routes: Vec<RouteChoice>,
    /// On a live org, the user types `yes` here.
    pub confirmation: TextInput,
}

/// What the re-read after a 2xx found.
#[derive(Debug, Clone, PartialEq)]
pub enum Observed {
    /// Nothing to observe (an error answer, or secure attributes).
    NotApplicable,
    /// Re-reading.
    Pending {
        /// The attempt in flight.
        attempt: u32,
    },
    /// The re-reads ended with this verdict.
    Done(Observation),
    /// The re-read failed.
    Failed(String),
}

/// The response pane's content.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseView {
    /// The exchange.
    pub exchange: Exchange,
    /// The decoded error answer, for a 4xx/5xx.
    pub explanation: Option<Explanation>,
    /// What the answer is compared with (a send of the form's participant
    /// edits only).
    pub compare: Option<Sent>,
    /// What the re-read found.
    pub observed: Observed,
    /// The answer to a workbench send (shown beside the workbench).
    pub from_bench: bool,
    /// The answer to a conversation load that failed (shown over the
    /// picker's place, Esc goes back to the picker).
    pub from_load: bool,
    /// Ticks ([`super::TICK`]) since the answer came, for the Retry-After
    /// countdown.
    pub ticks: u32,
    /// Which history entry this is, when opened from the history:
    /// `entry 3 of 7, 17:42:05 UTC`.
    pub history_entry: Option<String>,
}

impl ResponseView {
    /// The view of an exchange; its decoded errors are read from the body as
    /// the screen shows it (`show_secure`: in clear, else masked), so that
    /// an error that quotes a secure value does not show it either.
    pub(super) fn of(exchange: Exchange, show_secure: bool) -> Self {
        let explanation = match exchange.status() {
            Some(status) if status >= 400 => {
                let body = if show_secure {
                    exchange.response_body.clone()
                } else {
                    exchange.masked().response_body
                };
                Some(explain(Some(status), &body))
            }
            _ => None,
        };
        Self {
            exchange,
            explanation,
            compare: None,
            observed: Observed::NotApplicable,
            from_bench: false,
            from_load: false,
            ticks: 0,
            history_entry: None,
        }
    }

    /// How long is left of the answer's Retry-After, counted from when it
    /// came; `None` without one, or once it has passed.
    #[must_use]
    pub fn retry_in(&self) -> Option<Duration> {
        let retry = Duration::from_secs(self.exchange.rate_limit.retry_after_seconds?);
        retry
            .checked_sub(super::TICK * self.ticks)
            .filter(|left| !left.is_zero())
    }
}

pub(super) fn open_dialog(app: &mut App) -> Vec<Effect> {
    if app.in_flight.is_some() {
        let cancel = app.keymap.first(Context::Request, Action::CancelRequest);
        app.set_status(
            format!("a request is in flight: wait, or {cancel} to cancel it"),
            true,
        );
        return Vec::new();
    }
    let Some(workspace) = app.workspace.as_ref() else {
        return Vec::new();
    };
    let routes = match workspace.target {
        SendTarget::ParticipantAttributes => route_choices(workspace.selected()),
        SendTarget::SecureAttributes => vec![RouteChoice::Generic],
    };
    let route = if routes.contains(&workspace.route) {
        workspace.route
    } else {
        RouteChoice::Generic
    };
    app.overlay = Some(Overlay::Dialog(SendDialog {
        verb: workspace.verb,
        route,
        routes,
        confirmation: TextInput::default(),
    }));
    sync_choice(app);
    Vec::new()
}

/// Makes the workspace's preview follow the dialog's verb and route, so that
/// the dialog and the payload pane lint the request as it would be sent.
fn sync_choice(app: &mut App) {
    let (Some(Overlay::Dialog(dialog)), Some(workspace)) = (&app.overlay, app.workspace.as_mut())
    else {
        return;
    };
    if (workspace.verb, workspace.route) != (dialog.verb, dialog.route) {
        workspace.verb = dialog.verb;
        workspace.route = dialog.route;
        workspace.refresh();
    }
}

/// The request the dialog would send now: the preview's request of the
/// dialog's verb, on the dialog's route.
#[must_use]
pub fn planned_request(app: &App, dialog: &SendDialog) -> Option<RawRequest> {
    let workspace = app.workspace.as_ref()?;
    let fresh;
    let preview =
        if (workspace.derived.verb, workspace.derived.route) == (dialog.verb, dialog.route) {
            &workspace.derived
        } else {
            fresh = Preview::of(
                &workspace.edit_target(),
                &workspace.edits,
                dialog.verb,
                dialog.route,
            );
            &fresh
        };
    let request = preview.chosen();
    Some(RawRequest::json(
        request.verb.as_str(),
        request.path.clone(),
        &request.body,
    ))
}

pub(super) fn dialog_action(app: &mut App, action: Action) -> Vec<Effect> {
    let live = matches!(app.mode, Mode::Live { .. });
    let confirm = app.keymap.first(Context::Dialog, Action::Confirm);
    let Some(Overlay::Dialog(dialog)) = app.overlay.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Cancel => app.overlay = None,
        // The verb cannot change under a confirmation being typed.
        Action::ToggleVerb if live && !dialog.confirmation.text().is_empty() => {
            let clear = app.keymap.first(Context::Dialog, Action::Cancel);
            app.set_status(
                format!("the verb is fixed while yes is typed: {clear} clears it first"),
                true,
            );
            return Vec::new();
        }
        Action::ToggleVerb => {
            dialog.verb = if dialog.verb == Verb::Patch {
                Verb::Put
            } else {
                Verb::Patch
            };
        }
        Action::Up | Action::Down => {
            let at = dialog
                .routes
                .iter()
                .position(|r| *r == dialog.route)
                .unwrap_or(0);
            let len = dialog.routes.len();
            let next = if action == Action::Down {
                (at + 1) % len
            } else {
                (at + len - 1) % len
            };
            dialog.route = dialog.routes[next];
        }
        Action::Confirm => {
            if live
                && !dialog
                    .confirmation
                    .text()
                    .trim()
                    .eq_ignore_ascii_case("yes")
            {
                app.set_status(
                    format!("type yes, then {confirm}, to write to the live org"),
                    true,
                );
                return Vec::new();
            }
            let dialog = dialog.clone();
            return send(app, &dialog);
        }
        _ => {}
    }
    sync_choice(app);
    Vec::new()
}

fn send(app: &mut App, dialog: &SendDialog) -> Vec<Effect> {
    let Some(request) = planned_request(app, dialog) else {
        return Vec::new();
    };
    let Some(workspace) = &app.workspace else {
        return Vec::new();
    };
    app.overlay = None;
    // The re-read compares what it reads with the prediction: the
    // participant, or the secure attributes (re-loaded whole).
    let flight = Flight::Send(Some(workspace.derived.sent(
        &workspace.edit_target(),
        &workspace.edits,
        dialog.verb,
    )));
    app.in_flight = Some(InFlight::new(
        flight,
        format!("{} {}", request.method, request.path),
    ));
    app.focus = Focus::Response;
    app.scroll.response = 0;
    vec![Effect::Send(request)]
}

pub(super) fn sent(app: &mut App, result: Result<Exchange, String>) -> Vec<Effect> {
    let flight = app.in_flight.take().map(|f| f.flight);
    let from_bench = flight == Some(Flight::BenchSend);
    let compare = match flight {
        Some(Flight::Send(compare)) => compare,
        _ => None,
    };
    let exchange = match result {
        Ok(exchange) => exchange,
        Err(message) => {
            app.set_status(format!("not sent: {message}"), true);
            if from_bench {
                app.focus = Focus::Workbench;
            }
            return Vec::new();
        }
    };
    let mut effects = app.record(Some(exchange.clone()));
    let mut view = ResponseView::of(exchange, app.show_secure);
    let conversation_id = app
        .workspace
        .as_ref()
        .and_then(|w| w.conversation.id.clone());
    let target = app.workspace.as_ref().map(|w| w.target);
    if view.exchange.is_success() {
        let mut said = view.exchange.outcome.to_string();
        match (target, conversation_id) {
            // Only a send of the form's edits has a before to compare with
            // (a re-send from the history has none).
            // A send that changed nothing has nothing to observe.
            (Some(SendTarget::ParticipantAttributes), Some(_))
                if compare.as_ref().is_some_and(|c| c.before == c.expected) =>
            {
                said.push_str(": the PATCH changed nothing, so nothing is re-read");
            }
            (Some(SendTarget::ParticipantAttributes), Some(id)) if compare.is_some() => {
                view.observed = Observed::Pending { attempt: 1 };
                // The re-reads are the request in flight: nothing else starts
                // (and Esc cancels them) until they end.
                app.in_flight = Some(reread_flight(1));
                effects.push(Effect::Reread {
                    conversation_id: id,
                    attempt: 1,
                    after: RereadPolicy::DEFAULT.delay(1),
                });
            }
            (Some(SendTarget::SecureAttributes), Some(id)) if compare.is_some() => {
                view.observed = Observed::Pending { attempt: 1 };
                app.in_flight = Some(InFlight::new(Flight::LoadSecure, "GET secureattributes"));
                effects.push(Effect::LoadSecure {
                    conversation_id: id,
                });
            }
            _ => {}
        }
        app.set_status(said, false);
    } else if let Some(300..=399) = view.exchange.status() {
        // Writes are never redirected (the body would go elsewhere).
        let to = view.exchange.header("location").unwrap_or("nowhere given");
        app.set_status(
            format!("{}: not followed; Location: {to}", view.exchange.outcome),
            true,
        );
    } else if let Outcome::Answer { .. } = view.exchange.outcome {
        app.set_status(
            format!("{}: see the decoded errors", view.exchange.outcome),
            true,
        );
    } else if view.exchange.may_have_applied() {
        let reload = app.keymap.first(Context::Global, Action::Reload);
        app.set_status(
            format!(
                "{} {}; {}: {reload} re-reads the conversation before you send again",
                view.exchange.method, view.exchange.outcome, MAY_HAVE_APPLIED
            ),
            true,
        );
    } else {
        app.set_status(view.exchange.outcome.to_string(), true);
    }
    view.compare = compare;
    view.from_bench = from_bench;
    app.response = Some(view);
    app.focus = Focus::Response;
    effects
}

/// The reload key on edits sent but not visible yet: the re-reads start
/// again, comparing with the same prediction, and the edits stay.
pub(super) fn reread_again(app: &mut App) -> Vec<Effect> {
    let Some(id) = app
        .workspace
        .as_ref()
        .and_then(|w| w.conversation.id.clone())
    else {
        return Vec::new();
    };
    if let Some(view) = app.response.as_mut() {
        view.observed = Observed::Pending { attempt: 1 };
    }
    app.in_flight = Some(reread_flight(1));
    app.focus = Focus::Response;
    vec![Effect::Reread {
        conversation_id: id,
        attempt: 1,
        after: Duration::ZERO,
    }]
}

/// The re-read chain as the request in flight.
fn reread_flight(attempt: u32) -> InFlight {
    let of = RereadPolicy::DEFAULT.attempts;
    InFlight::new(
        Flight::Reread { attempt },
        format!("re-read {attempt} of {of}"),
    )
}

pub(super) fn reread(
    app: &mut App,
    attempt: u32,
    result: Result<Conversation, String>,
    exchange: Option<Exchange>,
) -> Vec<Effect> {
    let mut effects = app.record(exchange);
    // A re-read that is not the one in flight is stale (its chain ended).
    let current = matches!(
        app.in_flight.as_ref().map(|f| &f.flight),
        Some(Flight::Reread { attempt: a }) if *a == attempt
    );
    if !current {
        return effects;
    }
    app.in_flight = None;
    let reload = app.keymap.first(Context::Global, Action::Reload);
    let Some(view) = app.response.as_mut() else {
        return effects;
    };
    let conversation = match result {
        Ok(conversation) => conversation,
        Err(message) => {
            view.observed = Observed::Failed(message);
            return effects;
        }
    };
    let (Some(workspace), Some(compare)) = (app.workspace.as_mut(), view.compare.as_ref()) else {
        return effects;
    };
    // The participant that was sent to, whoever is selected now.
    let after = conversation
        .participants
        .iter()
        .find(|p| p.id.as_deref() == Some(compare.participant_id.as_str()))
        .and_then(|p| p.attributes.clone())
        .unwrap_or_default();
    match RereadPolicy::DEFAULT.judge(attempt, &compare.before, &compare.expected, after) {
        RereadStep::Again { attempt, after } => {
            view.observed = Observed::Pending { attempt };
            app.in_flight = Some(reread_flight(attempt));
            effects.push(Effect::Reread {
                conversation_id: conversation.id.clone().unwrap_or_default(),
                attempt,
                after,
            });
            return effects;
        }
        RereadStep::Done(observation) => view.observed = Observed::Done(observation),
    }
    if matches!(
        view.observed,
        Observed::Done(Observation::NotVisibleYet { .. })
    ) && compare.edited == workspace.edits.edited()
    {
        // Not shown yet is not undone: the edits stay, marked as sent.
        workspace.unseen = true;
        app.set_status(
            format!(
                "sent, not visible yet after {} re-reads: your edits are kept as sent; {reload} \
                 re-reads",
                RereadPolicy::DEFAULT.attempts
            ),
            false,
        );
        return effects;
    }
    if compare.edited != workspace.edits.edited() {
        // Edits made while the re-read ran are the user's: keep them.
        app.set_status(
            format!("the server's state is read; your newer edits are kept ({reload} reloads it)"),
            false,
        );
        return effects;
    }
    // The form starts over from what the server now has, on the same row.
    let index = workspace.participant;
    let row = workspace.selected_key();
    *workspace = super::Workspace::new(conversation, index);
    workspace.select_key(row.as_deref());
    effects
}

pub(super) fn copy_correlation(app: &mut App) -> Vec<Effect> {
    let Some(id) = app
        .response
        .as_ref()
        .and_then(|r| r.exchange.correlation_id.clone())
    else {
        app.set_status("no correlation id to copy", true);
        return Vec::new();
    };
    app.set_status(format!("copied correlation id {id}"), false);
    vec![Effect::Copy(id)]
}

/// Copies the curl of a history entry, or of the last response.
pub(super) fn copy_curl(app: &mut App, index: Option<usize>) -> Vec<Effect> {
    let exchange = match index {
        Some(i) => app.history.get(i),
        None => app.response.as_ref().map(|r| &r.exchange),
    };
    let Some(exchange) = exchange else {
        app.set_status("nothing to copy yet", true);
        return Vec::new();
    };
    // Secure values are masked in the clipboard too, unless the user opted in.
    let shown = app.shown_exchange(exchange);
    let note = if shown.is_secure() && !app.show_secure {
        "copied curl (token as $GENESYS_TOKEN; secure values masked)"
    } else {
        "copied curl (token as $GENESYS_TOKEN)"
    };
    let curl = shown.to_curl();
    let note = if app.mode == Mode::Simulator {
        format!("{note}; it targets this run's temporary simulator, gone when gc-attrs quits")
    } else {
        note.to_owned()
    };
    app.set_status(note, false);
    vec![Effect::Copy(curl)]
}

/// Which entry of the history an exchange is: `entry 3 of 7, 17:42:05 UTC`
/// (without the time when it is not known).
fn history_entry(index: usize, of: usize, exchange: &Exchange) -> String {
    match exchange.clock() {
        Some(clock) => format!("entry {} of {of}, {clock} UTC", index + 1),
        None => format!("entry {} of {of}", index + 1),
    }
}

pub(super) fn history_action(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(selected) = app.history_selected() else {
        return Vec::new();
    };
    let last = app.history.len().saturating_sub(1);
    match action {
        Action::Close => app.overlay = None,
        Action::Up => {
            app.overlay = Some(Overlay::History {
                selected: selected.saturating_sub(1),
            });
        }
        Action::Down => {
            app.overlay = Some(Overlay::History {
                selected: (selected + 1).min(last),
            });
        }
        Action::Show => {
            if let Some(exchange) = app.history.get(selected).cloned() {
                let entry = history_entry(selected, app.history.len(), &exchange);
                let what = format!("history {entry}: {} {}", exchange.method, exchange.url);
                let mut view = ResponseView::of(exchange, app.show_secure);
                view.history_entry = Some(entry);
                app.response = Some(view);
                app.overlay = None;
                app.focus = Focus::Response;
                app.scroll.response = 0;
                app.set_status(what, false);
            }
        }
        Action::CopyCurl => return copy_curl(app, Some(selected)),
        Action::Resend => {
            let Some(exchange) = app.history.get(selected) else {
                return Vec::new();
            };
            if app.in_flight.is_some() {
                app.set_status("a request is in flight", true);
                return Vec::new();
            }
            let live_write = matches!(app.mode, Mode::Live { .. }) && exchange.method != "GET";
            let request = RawRequest {
                method: exchange.method.clone(),
                path: exchange.url.clone(),
                content_type: exchange
                    .request_headers
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
                    .map(|(_, v)| v.clone()),
                body: exchange.request_body.clone(),
            };
            // A write to a live org asks for the typed yes, as any send does.
            if live_write {
                app.overlay = Some(Overlay::BenchConfirm {
                    request,
                    confirmation: TextInput::default(),
                    resend: true,
                });
                return Vec::new();
            }
            app.overlay = None;
            return resend(app, request);
        }
        _ => {}
    }
    Vec::new()
}

/// Opens the language picker of the code to copy (participant edits only).
pub(super) fn open_code(app: &mut App) {
    let Some(workspace) = app.workspace.as_ref() else {
        return;
    };
    if workspace.target != SendTarget::ParticipantAttributes {
        app.set_status(
            "code is written for participant attributes (the secure attributes have no program here)",
            true,
        );
        return;
    }
    app.overlay = Some(Overlay::Code { selected: 0 });
}

/// A key in the code picker: choose a language, copy its program.
pub(super) fn code_action(app: &mut App, action: Action) -> Vec<Effect> {
    use crate::usecase::code::{Lang, for_preview};
    let Some(Overlay::Code { selected }) = app.overlay else {
        return Vec::new();
    };
    let last = Lang::ALL.len() - 1;
    match action {
        Action::Up => {
            app.overlay = Some(Overlay::Code {
                selected: selected.saturating_sub(1),
            });
        }
        Action::Down => {
            app.overlay = Some(Overlay::Code {
                selected: (selected + 1).min(last),
            });
        }
        Action::Cancel => app.overlay = None,
        Action::Confirm => {
            app.overlay = None;
            let Some(workspace) = app.workspace.as_ref() else {
                return Vec::new();
            };
            let lang = Lang::ALL[selected.min(last)];
            let conversation = workspace.conversation.id.clone().unwrap_or_default();
            let participant = workspace
                .selected()
                .and_then(|p| p.id.clone())
                .unwrap_or_default();
            // The PATCH on the route chosen, whatever verb the dialog last had.
            let fresh;
            let preview = if workspace.derived.verb == Verb::Patch {
                &workspace.derived
            } else {
                fresh = Preview::of(
                    &workspace.edit_target(),
                    &workspace.edits,
                    Verb::Patch,
                    workspace.route,
                );
                &fresh
            };
            match for_preview(lang, &conversation, &participant, preview) {
                Ok(program) => {
                    let tested = if lang.is_tested_here() {
                        "run against the simulator in gc-attrs's tests"
                    } else {
                        "written to the SDK docs, not run here"
                    };
                    app.set_status(
                        format!("copied the {} program ({tested})", lang.name()),
                        false,
                    );
                    return vec![Effect::Copy(program)];
                }
                Err(message) => app.set_status(message, true),
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Sends a request of the history again (after the typed yes on a live org).
pub(super) fn resend(app: &mut App, request: RawRequest) -> Vec<Effect> {
    app.in_flight = Some(InFlight::new(
        Flight::Send(None),
        format!("re-send {} {}", request.method, request.path),
    ));
    vec![Effect::Send(request)]
}
