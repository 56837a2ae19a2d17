//! The replay view (`gc-attrs replay FILE`): a recorded send stepped
//! through, its decoded error and its observed change read on the screen.

use insta::assert_snapshot;

use super::*;
use crate::app::Replay;

const PARTICIPANT: &str = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";

/// The simulator's answer to a PUT on the participant's attributes.
const NO_PUT: &str = r#"{"message":"No [PUT] route exists for [/api/v2/conversations/6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14/participants/c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f/attributes]; this path has: PATCH.","code":"not.found","status":404,"contextId":"2b4836e9-0590-4bbf-a9b9-32c221fbab71","details":[],"errors":[]}"#;

/// A recorded session: login, read, PATCH 202, re-read, PUT 404.
pub(super) fn recorded() -> App {
    let path = format!("/api/v2/conversations/{}", id());
    let attributes = format!("{path}/participants/{PARTICIPANT}/attributes");
    let mut login = answer(
        &RawRequest::get("/oauth/token"),
        200,
        "OK",
        r#"{"access_token":"<redacted>","expires_in":86400,"token_type":"bearer"}"#,
        &[],
    );
    login.method = "POST".into();
    login.request_headers = vec![("Authorization".into(), "Basic <redacted>".into())];
    login.request_body = Some("grant_type=client_credentials".into());
    let before = serde_json::to_string(&conversation()).unwrap();
    let mut changed = conversation();
    let customer = changed
        .participants
        .iter_mut()
        .find(|p| p.id.as_deref() == Some(PARTICIPANT))
        .unwrap();
    customer
        .attributes
        .as_mut()
        .unwrap()
        .insert("callReason".into(), "refund".into());
    let after = serde_json::to_string(&changed).unwrap();
    let body = Some(r#"{"attributes":{"callReason":"refund"}}"#.to_owned());
    let write = RawRequest {
        method: "PATCH".into(),
        path: attributes.clone(),
        content_type: Some("application/json".into()),
        body: body.clone(),
    };
    let put = RawRequest {
        method: "PUT".into(),
        ..write.clone()
    };
    let exchanges = vec![
        login,
        get(&path, &before),
        answer(&write, 202, "Accepted", "", &[]),
        get(&path, &after),
        answer(&put, 404, "Not Found", NO_PUT, &[]),
    ];
    let recorded = exchanges
        .into_iter()
        .map(|e| ("2026-12-03T10:16:47.120Z".to_owned(), e))
        .collect();
    App::replaying(Replay::new("session.jsonl", recorded, false))
}

fn at(app: &mut App, step: usize) {
    press(app, &[code(KeyCode::Home)]);
    for _ in 0..step {
        press(app, &[code(KeyCode::Right)]);
    }
}

#[test]
fn replay_of_a_read_after_a_write_shows_the_observed_change() {
    let mut app = recorded();
    at(&mut app, 3);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("replay of session.jsonl · 4/5"), "{screen}");
    assert!(screen.contains("no network"), "{screen}");
    assert!(screen.contains("Observed changes"), "{screen}");
    assert!(
        screen.contains("1 changed · 0 added · 0 removed"),
        "{screen}"
    );
    assert_snapshot!(screen);
}

#[test]
fn replay_of_a_read_after_a_write_at_80x24() {
    let mut app = recorded();
    at(&mut app, 3);
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Observed changes"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn replay_of_an_error_answer_shows_its_decoded_errors() {
    let mut app = recorded();
    at(&mut app, 4);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("Decoded errors"), "{screen}");
    assert!(screen.contains("not.found"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn replay_of_an_error_answer_at_80x24() {
    let mut app = recorded();
    at(&mut app, 4);
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("not.found"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn replay_help_lists_the_stepping_keys() {
    let mut app = recorded();
    press(&mut app, &[Key::char('?')]);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("previous / next exchange"), "{screen}");
}
