//! Replay: a recorded session (`gc-attrs replay FILE`) stepped through one
//! exchange at a time, with no network. Each step is shown as the response
//! pane shows a live answer ([`ResponseView`]: status, request line, the
//! decoded errors), with the request's headers and body, and, for a read of
//! a conversation after a write to one of its participants, the observed
//! change: that participant's attributes as read before the write against
//! as read now ([`crate::diff`]).
//!
//! Built from the entries already read (the file is read by the shell);
//! stepping is [`super::App::update`] as for every key.
//!
//! Recording from the live TUI is here too: the save key asks for a file
//! name ([`super::Editing::SaveRecording`]) and hands this session's
//! exchanges to the shell ([`Effect::SaveRecording`]).

use super::keymap::Action;
use super::{App, Editing, Effect, Focus, Mode, Overlay, ResponseView};
use crate::api::Exchange;
use crate::diff::{JsonDiff, diff};
use crate::genesys::{Conversation, Route, RouteKind, Verb};

/// A recorded session being replayed.
#[derive(Debug, Clone, PartialEq)]
pub struct Replay {
    /// The file, as the header names it.
    pub file: String,
    /// The exchanges, in the order recorded.
    pub steps: Vec<Step>,
    /// The step shown (0-based).
    pub at: usize,
}

/// One recorded exchange, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// When it was recorded (RFC 3339).
    pub time: String,
    /// The exchange with its decoded errors, as the response pane has it.
    pub view: ResponseView,
    /// What this read shows changed since the write before it, if it is one.
    pub change: Option<Change>,
}

/// A participant's attributes, read before a write and after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The participant written to.
    pub participant_id: String,
    /// The step of the read before the write (0-based).
    pub before: usize,
    /// The step of the write (0-based).
    pub write: usize,
    /// Attributes before (old side) against now (new side).
    pub diff: JsonDiff,
}

impl Replay {
    /// A replay of `recorded` (each exchange with the time it was recorded);
    /// `show_secure` as the live screen has it.
    #[must_use]
    pub fn new(
        file: impl Into<String>,
        recorded: Vec<(String, Exchange)>,
        show_secure: bool,
    ) -> Self {
        let exchanges: Vec<&Exchange> = recorded.iter().map(|(_, e)| e).collect();
        let changes: Vec<Option<Change>> = (0..exchanges.len())
            .map(|i| observed_change(&exchanges, i))
            .collect();
        let steps = recorded
            .into_iter()
            .zip(changes)
            .map(|((time, exchange), change)| Step {
                time,
                view: ResponseView::of(exchange, show_secure),
                change,
            })
            .collect();
        Self {
            file: file.into(),
            steps,
            at: 0,
        }
    }

    /// The step shown, if there is any.
    #[must_use]
    pub fn step(&self) -> Option<&Step> {
        self.steps.get(self.at)
    }
}

impl App {
    /// The TUI on a replay: no connection is made, the keys step through it.
    #[must_use]
    pub fn replaying(replay: Replay) -> Self {
        let mut app = Self::new(Mode::Simulator, Vec::new());
        app.focus = Focus::Response;
        app.replay = Some(replay);
        app
    }
}

impl App {
    /// The save key: the prompt for the file, its default name stamped with
    /// the last exchange's time.
    pub(super) fn open_save_recording(&mut self) {
        if self.history.is_empty() {
            self.set_status(
                "nothing to save yet: no request made in this session",
                false,
            );
            return;
        }
        self.open_prompt(Editing::SaveRecording);
    }

    /// The file name the save prompt offers: `gc-attrs-session-20261203-101647.jsonl`
    /// from the last exchange's time, in the working directory.
    #[must_use]
    pub fn default_recording_name(&self) -> String {
        let stamp: String = self
            .history
            .last()
            .and_then(|e| e.at.as_deref())
            .map(|at| {
                at.chars()
                    .take(19)
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
            })
            .filter(|digits| digits.len() == 14)
            .map(|digits| format!("-{}-{}", &digits[..8], &digits[8..]))
            .unwrap_or_default();
        format!("gc-attrs-session{stamp}.jsonl")
    }

    /// Enter in the save prompt: the save to perform.
    pub(super) fn commit_save_recording(&mut self) -> Vec<Effect> {
        let Some(Overlay::Prompt(prompt)) = self.overlay.take() else {
            return Vec::new();
        };
        let path = prompt.input.text().trim().to_owned();
        if path.is_empty() {
            self.set_status("not saved: no file name given", true);
            return Vec::new();
        }
        vec![Effect::SaveRecording {
            path,
            exchanges: self.history.clone(),
        }]
    }
}

/// A key of the replay view.
pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(replay) = app.replay.as_mut() else {
        return Vec::new();
    };
    let last = replay.steps.len().saturating_sub(1);
    let to = match action {
        Action::ReplayNext => Some((replay.at + 1).min(last)),
        Action::ReplayPrevious => Some(replay.at.saturating_sub(1)),
        Action::ReplayFirst => Some(0),
        Action::ReplayLast => Some(last),
        _ => None,
    };
    if let Some(to) = to {
        if to != replay.at {
            replay.at = to;
            app.scroll.response = 0;
        }
        return Vec::new();
    }
    match action {
        Action::Up => app.scroll_by(-1),
        Action::Down => app.scroll_by(1),
        Action::PageUp => app.scroll_page(-1),
        Action::PageDown => app.scroll_page(1),
        Action::Wrap => app.toggle_wrap(),
        Action::Quit => return app.quit(),
        _ => {}
    }
    Vec::new()
}

/// The path of a URL: no scheme, host or query.
fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    path.split(['?', '#']).next().unwrap_or(path)
}

/// The conversation a successful `GET` of a conversation read, and its id.
fn conversation_read(exchange: &Exchange) -> Option<(String, Conversation)> {
    if !exchange.is_success() || !exchange.method.eq_ignore_ascii_case("GET") {
        return None;
    }
    let (route, params) = Route::find(Verb::Get, path_of(&exchange.url))?;
    if route.kind != RouteKind::Conversation {
        return None;
    }
    let conversation = serde_json::from_str(&exchange.response_body).ok()?;
    Some((params.conversation_id?, conversation))
}

/// The conversation and participant a successful write to a participant's
/// attributes (or to the participant) went to.
fn participant_write(exchange: &Exchange) -> Option<(String, String)> {
    if !exchange.is_success() || exchange.method.eq_ignore_ascii_case("GET") {
        return None;
    }
    Route::for_path(path_of(&exchange.url))
        .into_iter()
        .find(|(route, _)| {
            matches!(
                route.kind,
                RouteKind::ParticipantAttributes | RouteKind::Participant
            )
        })
        .and_then(|(_, params)| Some((params.conversation_id?, params.participant_id?)))
}

/// For a read of a conversation, the change of the participant written to
/// by the latest write before it, against the latest read before that write.
fn observed_change(exchanges: &[&Exchange], index: usize) -> Option<Change> {
    let (id, after) = conversation_read(exchanges.get(index)?)?;
    let (write, participant_id) = (0..index).rev().find_map(|i| {
        participant_write(exchanges[i])
            .filter(|(conversation, _)| *conversation == id)
            .map(|(_, participant)| (i, participant))
    })?;
    let (before, earlier) = (0..write).rev().find_map(|i| {
        conversation_read(exchanges[i])
            .filter(|(conversation, _)| *conversation == id)
            .map(|(_, read)| (i, read))
    })?;
    let attributes = |conversation: &Conversation| {
        conversation
            .participants
            .iter()
            .find(|p| p.id.as_deref() == Some(participant_id.as_str()))
            .map(|p| p.attributes.clone().unwrap_or_default())
    };
    let (old, new) = (attributes(&earlier)?, attributes(&after)?);
    Some(Change {
        participant_id,
        before,
        write,
        diff: diff(&serde_json::json!(old), &serde_json::json!(new)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Outcome;
    use crate::app::{Key, KeyCode, Msg};

    const CONV: &str = "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14";

    fn read(reason: &str) -> Exchange {
        let mut conversation = crate::app::call_fixture();
        let participant = &mut conversation.participants[0];
        participant.id = Some("p-1".into());
        participant
            .attributes
            .get_or_insert_with(Default::default)
            .insert("callReason".into(), reason.into());
        let mut exchange = Exchange::new(
            "GET",
            format!("http://127.0.0.1:1/api/v2/conversations/{CONV}"),
            Outcome::answer(200),
        );
        exchange.response_body = serde_json::to_string(&conversation).unwrap();
        exchange
    }

    fn write(status: u16) -> Exchange {
        let mut exchange = Exchange::new(
            "PATCH",
            format!("http://127.0.0.1:1/api/v2/conversations/{CONV}/participants/p-1/attributes"),
            Outcome::answer(status),
        );
        exchange.request_body = Some(r#"{"attributes":{"callReason":"refund"}}"#.into());
        exchange
    }

    fn replay(exchanges: Vec<Exchange>) -> App {
        let recorded = exchanges
            .into_iter()
            .map(|e| ("2026-12-03T10:00:00.000Z".to_owned(), e))
            .collect();
        App::replaying(Replay::new("session.jsonl", recorded, false))
    }

    fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
        app.update(Msg::Key(Key::plain(code)))
    }

    #[test]
    fn a_read_after_a_write_shows_the_participants_change_against_the_read_before() {
        let app = replay(vec![
            read("billing"),
            write(202),
            read("refund"),
            read("refund"),
        ]);
        let steps = &app.replay.as_ref().unwrap().steps;
        assert_eq!(steps[0].change, None, "no write before it");
        assert_eq!(steps[1].change, None, "a write is not a read");
        for step in &steps[2..] {
            let change = step.change.as_ref().expect("a read after the write");
            assert_eq!((change.before, change.write), (0, 1));
            assert_eq!(change.participant_id, "p-1");
            assert_eq!(change.diff.summary.changed, ["/callReason"]);
        }
    }

    #[test]
    fn a_failed_write_observes_nothing() {
        let app = replay(vec![read("billing"), write(400), read("billing")]);
        let steps = &app.replay.as_ref().unwrap().steps;
        assert!(steps.iter().all(|s| s.change.is_none()));
        assert!(steps[1].view.explanation.is_some(), "the 400 is decoded");
    }

    #[test]
    fn the_keys_step_through_the_exchanges_and_stop_at_each_end() {
        let mut app = replay(vec![read("a"), write(202), read("b")]);
        let at = |app: &App| app.replay.as_ref().unwrap().at;
        assert_eq!(at(&app), 0);
        press(&mut app, KeyCode::Left);
        assert_eq!(at(&app), 0, "stays at the first");
        press(&mut app, KeyCode::Right);
        assert_eq!(at(&app), 1);
        app.scroll.response = 7;
        press(&mut app, KeyCode::End);
        assert_eq!(at(&app), 2);
        assert_eq!(app.scroll.response, 0, "a new step starts at its top");
        press(&mut app, KeyCode::Right);
        assert_eq!(at(&app), 2, "stays at the last");
        press(&mut app, KeyCode::Home);
        assert_eq!(at(&app), 0);
        press(&mut app, KeyCode::Down);
        assert_eq!(app.scroll.response, 1, "↓ scrolls the step");
        let effects = app.update(Msg::Key(Key::char('q')));
        assert_eq!(effects, [Effect::Quit]);
    }

    #[test]
    fn the_wheel_scrolls_the_step_wherever_it_turns() {
        let mut app = replay(vec![read("a")]);
        let wheel = |kind| {
            Msg::Mouse(crate::app::Mouse {
                column: 0,
                row: 0,
                kind,
            })
        };
        app.update(wheel(crate::app::MouseKind::WheelDown));
        assert!(app.scroll.response > 0);
        app.update(wheel(crate::app::MouseKind::WheelUp));
        assert_eq!(app.scroll.response, 0);
    }

    #[test]
    fn a_replay_asks_for_no_network() {
        let mut app = replay(vec![read("a"), write(202), read("b")]);
        for key in [
            Key::plain(KeyCode::Right),
            Key::char('R'),
            Key::char('s'),
            Key::char('o'),
            Key::plain(KeyCode::Enter),
            Key::char('W'),
        ] {
            let effects = app.update(Msg::Key(key));
            assert!(
                effects.iter().all(|e| matches!(e, Effect::Quit)),
                "{key:?}: {effects:?}"
            );
        }
    }

    #[test]
    fn a_url_gives_its_path_alone() {
        assert_eq!(path_of("https://api.x/api/v2/c/1?a=b"), "/api/v2/c/1");
        assert_eq!(path_of("/api/v2/c/1"), "/api/v2/c/1");
        assert_eq!(path_of("https://api.x"), "");
    }
}
