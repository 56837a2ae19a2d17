//! Sending: the dialog (verb, route, confirmation), the answer with its
//! decoded errors, the re-read that shows what the server really did, and
//! the history of this run.

use std::time::Duration;

use super::keymap::{Action, Context};
use super::{App, Effect, Focus, InFlight, Mode, Overlay, SendTarget, TextInput};
use crate::api::{Exchange, RawRequest};
use crate::diff::{JsonDiff, diff};
use crate::genesys::{AttributeRoute, Attributes, Conversation, Media, Route, Verb};
use crate::lint::explain::{Explanation, explain};

/// How many times a re-read looks for the change before reporting none.
const REREAD_ATTEMPTS: u32 = 5;
/// The first re-read waits this long; each next one twice as long.
const REREAD_FIRST_DELAY: Duration = Duration::from_millis(250);

/// Which route the dialog sends to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteChoice {
    /// The generic route (no media segment).
    Generic,
    /// The participant's media route.
    Media(Media),
}

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
    /// The participant's attributes before and after, as read.
    Seen {
        /// Before the send.
        before: Attributes,
        /// As read after.
        after: Attributes,
        /// `before` against `after`.
        diff: JsonDiff,
        /// Whether `after` is what gc-attrs predicted for the verb.
        as_predicted: bool,
    },
    /// No change showed after every attempt (a 202 is asynchronous).
    Unchanged {
        /// Attempts made.
        attempts: u32,
    },
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
    /// Attributes before the send (participant target only).
    pub before: Option<Attributes>,
    /// What gc-attrs predicted after the send.
    pub expected: Option<Attributes>,
    /// What the re-read found.
    pub observed: Observed,
    /// The form's edited map when it was sent.
    pub sent_edits: Option<Attributes>,
}

impl ResponseView {
    fn of(exchange: Exchange) -> Self {
        let explanation = match exchange.status {
            Some(status) if status >= 400 => Some(explain(Some(status), &exchange.response_body)),
            _ => None,
        };
        Self {
            exchange,
            explanation,
            before: None,
            expected: None,
            observed: Observed::NotApplicable,
            sent_edits: None,
        }
    }
}

fn routes_for(app: &App) -> Vec<RouteChoice> {
    let mut routes = vec![RouteChoice::Generic];
    let Some(workspace) = &app.workspace else {
        return routes;
    };
    if workspace.target == SendTarget::ParticipantAttributes {
        if let Some(participant) = workspace.selected() {
            for kind in participant.media_kinds() {
                if let Some(media) = Media::from_participant_array(kind) {
                    if matches!(
                        media.attribute_route(),
                        AttributeRoute::Available | AttributeRoute::Deprecated
                    ) {
                        routes.push(RouteChoice::Media(media));
                    }
                }
            }
        }
    }
    routes.dedup();
    routes
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
    if app.workspace.is_none() {
        return Vec::new();
    }
    let routes = routes_for(app);
    app.overlay = Some(Overlay::Dialog(SendDialog {
        verb: Verb::Patch,
        route: routes[0],
        routes,
        confirmation: TextInput::default(),
    }));
    Vec::new()
}

/// The request the dialog would send now.
#[must_use]
pub fn planned_request(app: &App, dialog: &SendDialog) -> Option<RawRequest> {
    let workspace = app.workspace.as_ref()?;
    let planned = if dialog.verb == Verb::Put {
        &workspace.derived.put
    } else {
        &workspace.derived.patch
    };
    let path = match (workspace.target, dialog.route) {
        (SendTarget::ParticipantAttributes, RouteChoice::Media(media)) => {
            let route = Route::attributes_for(Some(media))?;
            let conversation = workspace.conversation.id.as_deref()?;
            let participant = workspace.selected()?.id.as_deref()?;
            route.path(conversation, participant)
        }
        _ => planned.path.clone(),
    };
    Some(RawRequest::json(dialog.verb.as_str(), path, &planned.body))
}

pub(super) fn dialog_action(app: &mut App, action: Action) -> Vec<Effect> {
    let live = matches!(app.mode, Mode::Live { .. });
    let confirm = app.keymap.first(Context::Dialog, Action::Confirm);
    let Some(Overlay::Dialog(dialog)) = app.overlay.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Cancel => app.overlay = None,
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
    let mut view_before = None;
    let mut expected = None;
    if workspace.target == SendTarget::ParticipantAttributes {
        view_before = Some(workspace.edits.original().clone());
        expected = workspace.derived.plan.as_ref().map(|plan| {
            if dialog.verb == Verb::Put {
                plan.after_put().clone()
            } else {
                plan.after_patch.clone()
            }
        });
    }
    let sent = Some(workspace.edits.edited());
    app.pending = Some(super::PendingSend {
        before: view_before,
        expected,
        sent,
    });
    app.in_flight = Some(InFlight {
        label: format!("{} {}", request.method, request.path),
        ticks: 0,
        cancelling: false,
    });
    app.focus = Focus::Response;
    app.scroll = 0;
    vec![Effect::Send(request)]
}

pub(super) fn sent(app: &mut App, result: Result<Exchange, String>) -> Vec<Effect> {
    app.in_flight = None;
    let super::PendingSend {
        before,
        expected,
        sent: sent_edits,
    } = app.pending.take().unwrap_or_default();
    let exchange = match result {
        Ok(exchange) => exchange,
        Err(message) => {
            app.set_status(format!("not sent: {message}"), true);
            return Vec::new();
        }
    };
    app.history.push(exchange.clone());
    let mut view = ResponseView::of(exchange);
    let mut effects = Vec::new();
    let conversation_id = app
        .workspace
        .as_ref()
        .and_then(|w| w.conversation.id.clone());
    let target = app.workspace.as_ref().map(|w| w.target);
    if view.exchange.is_success() {
        match (target, conversation_id) {
            // Only a send of the form's edits has a before to compare with
            // (a re-send from the history has none).
            (Some(SendTarget::ParticipantAttributes), Some(id)) if before.is_some() => {
                view.observed = Observed::Pending { attempt: 1 };
                effects.push(Effect::Reread {
                    conversation_id: id,
                    attempt: 1,
                    after: REREAD_FIRST_DELAY,
                });
            }
            (Some(SendTarget::SecureAttributes), Some(id)) => effects.push(Effect::LoadSecure {
                conversation_id: id,
            }),
            _ => {}
        }
        app.set_status(
            format!(
                "{} {}",
                view.exchange.status.unwrap_or_default(),
                view.exchange.reason.clone().unwrap_or_default()
            ),
            false,
        );
    } else if let Some(failure) = &view.exchange.failure {
        app.set_status(failure.message.clone(), true);
    } else {
        app.set_status(
            format!(
                "{} {}: see the decoded errors",
                view.exchange.status.unwrap_or_default(),
                view.exchange.reason.clone().unwrap_or_default()
            ),
            true,
        );
    }
    view.before = before;
    view.expected = expected;
    view.sent_edits = sent_edits;
    app.response = Some(view);
    app.focus = Focus::Response;
    effects
}

pub(super) fn reread(
    app: &mut App,
    attempt: u32,
    result: Result<Conversation, String>,
    exchange: Option<Exchange>,
) -> Vec<Effect> {
    if let Some(exchange) = exchange {
        app.history.push(exchange);
    }
    let Some(view) = app.response.as_mut() else {
        return Vec::new();
    };
    let conversation = match result {
        Ok(conversation) => conversation,
        Err(message) => {
            view.observed = Observed::Failed(message);
            return Vec::new();
        }
    };
    let Some(workspace) = app.workspace.as_mut() else {
        return Vec::new();
    };
    let participant_id = workspace.selected().and_then(|p| p.id.clone());
    let after = conversation
        .participants
        .iter()
        .find(|p| p.id == participant_id)
        .and_then(|p| p.attributes.clone())
        .unwrap_or_default();
    let before = view.before.clone().unwrap_or_default();
    if after == before && attempt < REREAD_ATTEMPTS {
        view.observed = Observed::Pending {
            attempt: attempt + 1,
        };
        let id = conversation.id.clone().unwrap_or_default();
        return vec![Effect::Reread {
            conversation_id: id,
            attempt: attempt + 1,
            after: REREAD_FIRST_DELAY * 2u32.pow(attempt),
        }];
    }
    if after == before {
        view.observed = Observed::Unchanged { attempts: attempt };
    } else {
        let as_predicted = view.expected.as_ref() == Some(&after);
        let diff = diff(&serde_json::json!(before), &serde_json::json!(after));
        view.observed = Observed::Seen {
            before,
            after,
            diff,
            as_predicted,
        };
    }
    if view
        .sent_edits
        .as_ref()
        .is_some_and(|sent| *sent != workspace.edits.edited())
    {
        // Edits made while the re-read ran are the user's: keep them.
        app.set_status(
            "the server's state is read; your newer edits are kept (R reloads it)",
            false,
        );
        return Vec::new();
    }
    // The form starts over from what the server now has.
    let index = workspace.participant;
    *workspace = super::Workspace::new(conversation, index);
    Vec::new()
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
    let Some(curl) = exchange.map(Exchange::to_curl) else {
        app.set_status("nothing to copy yet", true);
        return Vec::new();
    };
    app.set_status("copied curl (token as $GENESYS_TOKEN)", false);
    vec![Effect::Copy(curl)]
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
                app.response = Some(ResponseView::of(exchange));
                app.overlay = None;
                app.focus = Focus::Response;
                app.scroll = 0;
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
            if matches!(app.mode, Mode::Live { .. }) && exchange.method != "GET" {
                let curl = app.keymap.first(Context::History, Action::CopyCurl);
                app.set_status(
                    format!(
                        "re-sending a write to a live org: copy its curl ({curl}) and send it deliberately"
                    ),
                    true,
                );
                return Vec::new();
            }
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
            app.overlay = None;
            app.pending = Some(super::PendingSend::default());
            app.in_flight = Some(InFlight {
                label: format!("re-send {} {}", request.method, request.path),
                ticks: 0,
                cancelling: false,
            });
            return vec![Effect::Send(request)];
        }
        _ => {}
    }
    Vec::new()
}
