//! Feedback for every send (issue 11 item 7): a secure send's answer and
//! re-read, a write cancelled before its answer, a 202 still not visible, a
//! Retry-After counting down. At 100×30 and 80×24.

use insta::assert_snapshot;

use super::*;
use crate::genesys::{Attributes, ConversationSecureAttributes};

fn secure(pin: &str, version: i64) -> Msg {
    Msg::SecureLoaded {
        result: Ok(ConversationSecureAttributes {
            attributes: Some(Attributes::from([("pin".to_owned(), pin.to_owned())])),
            version: Some(version),
        }),
        exchange: None,
    }
}

/// A secure PUT changing `pin`, answered 202 and read again.
fn secure_sent() -> App {
    let mut app = loaded(Mode::Simulator);
    press(&mut app, &[Key::char('S')]);
    app.update(secure("1234", 3));
    press(&mut app, &[Key::char('e'), Key::ctrl('u')]);
    typed(&mut app, "9911");
    press(&mut app, &[enter()]);
    let request = send(&mut app);
    app.update(Msg::Sent(Ok(answer(
        &request,
        202,
        "Accepted",
        "\"4\"",
        &[],
    ))));
    app.update(secure("9911", 4));
    app
}

#[test]
fn a_secure_send_shows_its_answer_and_the_masked_re_read() {
    let app = secure_sent();
    let screen = draw(&app, 100, 30);
    assert!(
        !screen.contains("9911") && !screen.contains("1234"),
        "{screen}"
    );
    assert_snapshot!(screen);
}

#[test]
fn a_secure_send_at_80x24() {
    assert_snapshot!(draw(&secure_sent(), 80, 24));
}

fn cancelled() -> App {
    let mut app = edited(Mode::Simulator);
    let request = send(&mut app);
    app.update(Msg::Sent(Ok(Exchange::new(
        request.method,
        format!("{BASE}{}", request.path),
        crate::api::Outcome::Cancelled,
    ))));
    app
}

#[test]
fn a_cancelled_write_says_the_server_may_have_applied_it() {
    let screen = draw(&cancelled(), 100, 30);
    assert!(screen.contains("may have applied it"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn a_cancelled_write_at_80x24() {
    let screen = draw(&cancelled(), 80, 24);
    // The request's ids are whole, under the label when they do not fit beside it.
    assert!(
        screen.contains("6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14/")
            && screen.contains("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f/"),
        "{screen}"
    );
    assert_snapshot!(screen);
}

/// A 202, and five re-reads that still show the state before.
fn unseen() -> App {
    let mut app = accepted(false);
    let path = format!("/api/v2/conversations/{}", id());
    for attempt in 1..=5 {
        app.update(Msg::Reread {
            attempt,
            result: Ok(conversation()),
            exchange: Some(get(&path, "{}")),
        });
    }
    app
}

#[test]
fn a_202_not_visible_yet_keeps_the_edits_marked_as_sent() {
    let mut app = unseen();
    let response = draw(&app, 100, 30);
    assert!(response.contains("sent, not visible yet"), "{response}");
    assert_snapshot!("unseen_response", response);
    press(&mut app, &[Key::plain(KeyCode::BackTab)]);
    press(&mut app, &[Key::plain(KeyCode::BackTab)]);
    assert_eq!(app.focus, crate::app::Focus::Attributes);
    assert_snapshot!("unseen_form", draw(&app, 100, 30));
}

#[test]
fn a_202_not_visible_yet_at_80x24() {
    assert_snapshot!(draw(&unseen(), 80, 24));
}

#[test]
fn a_429s_retry_after_counts_down() {
    let mut app = rate_limited();
    for _ in 0..20 {
        app.update(Msg::Tick);
    }
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("5 s left"), "{screen}");
    assert_snapshot!(screen);
    for _ in 0..50 {
        app.update(Msg::Tick);
    }
    assert!(draw(&app, 100, 30).contains("you may send again"));
}
