//! Secure attributes on screen: masked by default everywhere a value shows
//! (form, prompt, diff, predicted states, response), the reveal key shows
//! the selected value only, and the opt-in shows them all.

use insta::assert_snapshot;

use super::*;
use crate::genesys::{Attributes, ConversationSecureAttributes};

const TOKEN: &str = "tok_4417_9b2e";
const CODE: &str = "4711-2209";
const NEW_TOKEN: &str = "tok_9000_77aa";

/// The call loaded, then its secure attributes (version 1), focus on the form.
fn secure(show_secure: bool) -> App {
    let mut app = loaded(Mode::Simulator);
    app.show_secure = show_secure;
    let effects = press(&mut app, &[Key::char('S')]);
    assert!(matches!(effects.as_slice(), [Effect::LoadSecure { .. }]));
    let attributes = Attributes::from([
        ("accessCode".to_owned(), CODE.to_owned()),
        ("paymentToken".to_owned(), TOKEN.to_owned()),
    ]);
    let body = serde_json::json!({"attributes": attributes, "version": 1}).to_string();
    let path = format!("/api/v2/conversations/{}/secureattributes", id());
    app.update(Msg::SecureLoaded {
        result: Ok(ConversationSecureAttributes {
            attributes: Some(attributes),
            version: Some(1),
        }),
        exchange: Some(get(&path, &body)),
    });
    app
}

/// [`secure`], with `paymentToken` changed, selected in the form.
fn edited_secure(show_secure: bool) -> App {
    let mut app = secure(show_secure);
    set_value(&mut app, "paymentToken", NEW_TOKEN);
    app
}

/// Every line the app could draw now, the payload pane and the response
/// pane each in full.
fn everything(app: &App) -> String {
    let mut app = app.clone();
    let mut all = draw(&app, 100, 30);
    app.focus = crate::app::Focus::Payload;
    all.push_str(&draw(&app, 100, 600));
    app.focus = crate::app::Focus::Response;
    all.push_str(&draw(&app, 100, 600));
    all
}

fn assert_hidden(screen: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(
            !screen.contains(secret),
            "`{secret}` is on screen:\n{screen}"
        );
    }
}

#[test]
fn secure_values_are_masked_in_the_form_and_the_payload_pane() {
    let app = edited_secure(false);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("••••••"), "{screen}");
    assert_hidden(&everything(&app), &[TOKEN, CODE, NEW_TOKEN]);
    assert_snapshot!(screen);
}

#[test]
fn the_reveal_key_shows_the_selected_secure_value_only() {
    let mut app = edited_secure(false);
    assert!(
        app.footer()
            .iter()
            .any(|s| s.keys == "*" && s.label == "reveal")
    );
    press(&mut app, &[Key::char('*')]);
    let screen = draw(&app, 100, 30);
    assert!(screen.contains(NEW_TOKEN), "{screen}");
    // The selected row's old value is its own; every other stays masked.
    assert_hidden(&everything(&app), &[CODE]);
    assert_snapshot!(screen);
    // Moving the selection masks it again.
    press(&mut app, &[Key::char('k')]);
    assert_hidden(&everything(&app), &[TOKEN, CODE, NEW_TOKEN]);
    press(&mut app, &[Key::char('j')]);
    assert_hidden(&everything(&app), &[NEW_TOKEN]);
}

#[test]
fn the_prompt_of_a_masked_secure_value_tells_neither_it_nor_its_length() {
    let mut app = secure(false);
    select(&mut app, "accessCode");
    press(&mut app, &[Key::char('e')]);
    let screen = draw(&app, 100, 30);
    // Only the fixed-width mask (in the `was:` note): no run of dots as long
    // as the value.
    assert!(!screen.contains(&"•".repeat(CODE.len())), "{screen}");
    assert!(screen.contains("hidden: type the new value"), "{screen}");
    assert!(
        screen.contains("0 chars"),
        "the field starts empty: {screen}"
    );
    assert_hidden(&screen, &[CODE]);
    // What is typed shows as dots; Enter with nothing typed keeps the value.
    press(&mut app, &[Key::char('9'), Key::char('9')]);
    assert!(draw(&app, 100, 30).contains("2 chars"));
    press(
        &mut app,
        &[
            Key::plain(KeyCode::Backspace),
            Key::plain(KeyCode::Backspace),
        ],
    );
    press(&mut app, &[Key::plain(KeyCode::Enter)]);
    let workspace = app.workspace.as_ref().unwrap();
    assert_eq!(workspace.edits.value("accessCode"), Some(CODE), "kept");
    assert!(app.status.as_ref().unwrap().text.contains("kept"));
}

#[test]
fn the_response_pane_masks_what_was_sent_and_read() {
    let mut app = edited_secure(false);
    let request = send(&mut app);
    assert!(
        request
            .body
            .as_deref()
            .is_some_and(|b| b.contains(NEW_TOKEN)),
        "the request itself carries the value"
    );
    app.update(Msg::Sent(Ok(answer(
        &request,
        202,
        "Accepted",
        "\"2\"",
        &[],
    ))));
    let screen = draw(&app, 100, 600);
    assert!(screen.contains("Request body"), "{screen}");
    assert_hidden(&everything(&app), &[TOKEN, CODE, NEW_TOKEN]);
}

#[test]
fn with_show_secure_every_secure_value_is_shown_and_reveal_is_not_offered() {
    let app = edited_secure(true);
    let all = everything(&app);
    for value in [TOKEN, CODE, NEW_TOKEN] {
        assert!(all.contains(value), "`{value}` not shown:\n{all}");
    }
    assert!(!all.contains("••••••"), "{all}");
    assert!(!app.footer().iter().any(|s| s.label == "reveal"));
}
