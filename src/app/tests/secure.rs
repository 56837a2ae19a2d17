//! Secure values on the ways out of the app: a copied curl masks them
//! unless the user opted in; the run's own history keeps them for a re-send.

use super::*;

/// A PUT of secure attributes carrying `pin`, answered 202, in the response
/// pane and the history of this run.
fn secure_put_answered(app: &mut App) {
    let url = format!(
        "http://127.0.0.1:1/api/v2/conversations/{}/secureattributes",
        id()
    );
    let put = Exchange {
        request_headers: vec![
            ("Authorization".into(), "Bearer <redacted>".into()),
            ("Content-Type".into(), "application/json".into()),
        ],
        request_body: Some(r#"{"attributes":{"pin":"9911-4711"},"version":3}"#.into()),
        response_body: "\"4\"".into(),
        ..Exchange::new("PUT", url, crate::api::Outcome::answer(202))
    };
    keys(app, &[Key::char('s'), enter()]);
    app.update(Msg::Sent(Ok(put)));
}

#[test]
fn a_copied_curl_masks_secure_values_unless_the_user_opted_in() {
    let mut app = loaded(Mode::Simulator);
    secure_put_answered(&mut app);
    assert_eq!(app.focus, Focus::Response);
    let copied = |effects: Vec<Effect>| match effects.as_slice() {
        [Effect::Copy(text)] => text.clone(),
        other => panic!("expected one copy, got {other:?}"),
    };
    let curl = copied(keys(&mut app, &[Key::char('C')]));
    assert!(!curl.contains("9911-4711"), "{curl}");
    assert!(
        curl.contains("\"pin\":\"••••••\"") && curl.contains("secureattributes"),
        "{curl}"
    );
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("secure values masked")
    );
    // The history's curl too.
    keys(&mut app, &[Key::char('H')]);
    let curl = copied(keys(&mut app, &[Key::char('C')]));
    assert!(!curl.contains("9911-4711"), "{curl}");
    // The run's history keeps the value, so that a re-send carries it.
    assert!(app.history.iter().any(|e| {
        e.request_body
            .as_deref()
            .is_some_and(|b| b.contains("9911-4711"))
    }));

    let mut app = loaded(Mode::Simulator);
    app.show_secure = true;
    secure_put_answered(&mut app);
    let curl = copied(keys(&mut app, &[Key::char('C')]));
    assert!(curl.contains("\"pin\":\"9911-4711\""), "{curl}");
}
