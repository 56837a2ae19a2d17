//! `/` searches the focused pane, `n`/`N` go to the next and previous match.

use super::*;

fn search(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = keys(app, &[Key::char('/'), Key::ctrl('u')]);
    effects.extend(typed(app, text));
    effects.extend(keys(app, &[enter()]));
    effects
}

#[test]
fn a_search_of_the_form_selects_the_matching_rows_in_turn_around_the_end() {
    let mut app = loaded(Mode::Simulator);
    // Keys and values both count, without regard to case.
    search(&mut app, "BILLING");
    let selected = |app: &App| workspace(app).edits.rows()[workspace(app).row].key.clone();
    let first = selected(&app);
    assert!(
        app.status.as_ref().unwrap().text.contains("match 1 of"),
        "{:?}",
        app.status
    );
    keys(&mut app, &[Key::char('n')]);
    let second = selected(&app);
    assert_ne!(first, second);
    keys(&mut app, &[Key::char('N')]);
    assert_eq!(selected(&app), first);
    let rows = workspace(&app).edits.rows().len();
    for _ in 0..rows {
        keys(&mut app, &[Key::char('n')]);
    }
    assert!(
        crate::app::search::contains(
            &format!(
                "{} {}",
                selected(&app),
                workspace(&app).edits.value(&selected(&app)).unwrap()
            ),
            "billing"
        ),
        "n never leaves the matches"
    );
    search(&mut app, "no-such-text");
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "`no-such-text` is not in the form"
    );
    search(&mut app, "");
    assert!(app.search.is_none());
}

#[test]
fn a_search_of_the_participants_selects_by_name() {
    let mut app = loaded(Mode::Simulator);
    app.focus = Focus::Participants;
    search(&mut app, "jana");
    let selected = workspace(&app).selected().unwrap();
    assert_eq!(selected.name.as_deref(), Some("Jana Müller"));
}

#[test]
fn a_masked_secure_value_is_never_matched() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('S')]);
    app.update(Msg::SecureLoaded {
        result: Ok(crate::genesys::ConversationSecureAttributes {
            attributes: Some(Attributes::from([
                ("a".to_owned(), "x".to_owned()),
                ("pin".to_owned(), "9911".to_owned()),
            ])),
            version: Some(3),
        }),
        exchange: None,
    });
    search(&mut app, "9911");
    assert!(
        app.status.as_ref().unwrap().text.contains("is not in"),
        "the search tells nothing of a hidden value: {:?}",
        app.status
    );
    assert_eq!(workspace(&app).row, 0);
}

#[test]
fn a_search_of_the_payload_scrolls_to_the_lines_the_renderer_finds() {
    let mut app = loaded(Mode::Simulator);
    app.focus = Focus::Payload;
    search(&mut app, "caseSummary");
    assert_eq!(
        app.search.as_ref().unwrap().pending,
        Some((true, true)),
        "waits for the lines"
    );
    app.update(Msg::SearchHits(vec![4, 12, 30]));
    assert_eq!(app.scroll.payload, 4);
    assert_eq!(app.search.as_ref().unwrap().pending, None);
    keys(&mut app, &[Key::char('n')]);
    app.update(Msg::SearchHits(vec![4, 12, 30]));
    assert_eq!(app.scroll.payload, 12);
    keys(&mut app, &[Key::char('N'), Key::char('N')]);
    app.update(Msg::SearchHits(vec![4, 12, 30]));
    assert_eq!(app.scroll.payload, 4, "only the last N counts");
    keys(&mut app, &[Key::char('N')]);
    app.update(Msg::SearchHits(vec![4, 12, 30]));
    assert_eq!(app.scroll.payload, 30, "around the top to the last");
    assert!(app.status.as_ref().unwrap().text.contains("match 3 of 3"));
}

#[test]
fn n_without_a_search_says_how_to_start_one() {
    let mut app = loaded(Mode::Simulator);
    keys(&mut app, &[Key::char('n')]);
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "no search: press / to search this pane"
    );
}
