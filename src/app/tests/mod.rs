//! `update` tests: messages in, state and effects out, for every flow.
//! Helpers here; the flows in `flows` (picker, participants, form, help),
//! `picker` (its rows, filter and selection)
//! and `sending` (dialog, answers, re-reads, history, secure attributes);
//! `secure` (secure values masked on the way out).

mod flows;
mod keymap;
mod picker;
mod presenter;
mod recording;
mod scroll;
mod search;
mod secure;
mod sending;
mod view;

pub(super) use std::time::Duration;

pub(super) use serde_json::json;

pub(super) use super::*;
pub(super) use crate::api::{Exchange, RateLimit};
pub(super) use crate::genesys::{Attributes, Verb};

pub(super) fn conversation() -> Conversation {
    call_fixture()
}

pub(super) fn id() -> String {
    conversation().id.unwrap()
}

pub(super) fn keys(app: &mut App, keys: &[Key]) -> Vec<Effect> {
    keys.iter().flat_map(|k| app.update(Msg::Key(*k))).collect()
}

pub(super) fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| app.update(Msg::Key(Key::char(c))))
        .collect()
}

pub(super) fn enter() -> Key {
    Key::plain(KeyCode::Enter)
}

/// An app with the call fixture loaded, focus on the attribute form.
pub(super) fn loaded(mode: Mode) -> App {
    let mut app = App::new(mode, vec![id()]);
    app.update(Msg::Loaded {
        id: id(),
        result: Ok(conversation()),
        exchange: None,
    });
    keys(&mut app, &[enter()]);
    assert_eq!(app.focus, Focus::Attributes);
    app
}

pub(super) fn workspace(app: &App) -> &Workspace {
    app.workspace.as_ref().unwrap()
}

pub(super) fn exchange(status: u16, body: &str) -> Exchange {
    Exchange {
        response_body: body.into(),
        correlation_id: Some("5e3c1c0e-8d5a-4a39-9b2f-1d2a0c9e7f10".into()),
        request_headers: vec![("Authorization".into(), "Bearer <redacted>".into())],
        error_body: serde_json::from_str(body).ok().filter(|_| status >= 400),
        ..Exchange::new(
            "PATCH",
            "http://127.0.0.1:1/api/v2/x",
            crate::api::Outcome::answer(status),
        )
    }
}
