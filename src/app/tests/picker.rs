//! The picker: rows that say what each conversation is, the filter typed
//! or pasted into its field, and a selection that stays on a listed row.

use super::*;
use crate::app::{ConversationRow, Origin, Query, fixture_rows};

fn offered() -> App {
    let mut app = App::new(Mode::Simulator, Vec::new());
    app.update(Msg::Suggestions(fixture_rows()));
    app
}

fn listed(app: &App) -> Vec<String> {
    app.picker_rows().iter().map(|r| r.id.clone()).collect()
}

const CALL: &str = "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14";
const CALLBACK: &str = "4e6a8c0d-2f4b-4d6e-8a0c-3b5d7f9e1a2c";
const EMAIL: &str = "a4c6e8f0-2b4d-4f6a-8c0e-1d3f5b7a9c2e";

#[test]
fn suggestions_read_after_the_first_frame_come_after_those_offered_without_repeats() {
    let mut app = App::new(Mode::Simulator, Vec::new());
    app.update(Msg::Loaded {
        id: id(),
        result: Ok(conversation()),
        exchange: None,
    });
    let recent = ConversationRow::bare("11111111-2222-4333-8444-555555555555", Origin::Recent);
    let mut rows = vec![recent.clone()];
    rows.extend(fixture_rows());
    app.update(Msg::Suggestions(rows));
    let ids = listed(&app);
    assert_eq!(ids.len(), 5);
    assert_eq!(ids[..2], [id(), recent.id]);
    // The loaded conversation is offered once, as a recent one that says what it is.
    assert_eq!(app.suggestions[0].origin, Origin::Recent);
    assert_eq!(
        app.suggestions[0].participants(),
        "customer Yamada Taro, ivr Billing IVR, acd Billing Support, agent Jana Müller"
    );
    assert_eq!(app.suggestions[2].origin, Origin::Fixture);
}

#[test]
fn a_row_offered_by_id_alone_takes_the_details_of_a_later_offer() {
    let mut app = App::new(Mode::Simulator, vec![CALL.to_uppercase()]);
    assert_eq!(app.suggestions[0].details, None);
    app.update(Msg::Suggestions(fixture_rows()));
    assert_eq!(app.suggestions.len(), 4);
    assert_eq!(app.suggestions[0].media(), "call");
    assert_eq!(app.suggestions[0].origin, Origin::Recent);
}

#[test]
fn typing_filters_the_rows_by_media_and_names_in_any_case() {
    let mut app = offered();
    typed(&mut app, "CALLBACK");
    assert_eq!(listed(&app), [CALLBACK]);
    assert_eq!(app.picker_query(), Query::Words("CALLBACK".into()));
    app.picker = TextInput::default();
    typed(&mut app, "call");
    // "call" is the call's media and a word of the callback's.
    assert_eq!(listed(&app), [CALL, CALLBACK]);
    app.picker = TextInput::default();
    typed(&mut app, "émilie");
    assert_eq!(listed(&app), [EMAIL]);
    app.picker = TextInput::default();
    typed(&mut app, "a4c6e8");
    assert_eq!(listed(&app), [EMAIL]);
}

#[test]
fn enter_opens_the_selected_match_of_the_filter() {
    let mut app = offered();
    typed(&mut app, "agent");
    assert_eq!(listed(&app).len(), 4);
    keys(
        &mut app,
        &[Key::plain(KeyCode::Down), Key::plain(KeyCode::Down)],
    );
    let effects = keys(&mut app, &[enter()]);
    assert_eq!(
        effects,
        [Effect::Load {
            conversation_id: EMAIL.into()
        }]
    );
}

#[test]
fn the_selection_stays_on_its_row_while_the_filter_keeps_it_and_goes_first_when_not() {
    let mut app = offered();
    keys(
        &mut app,
        &[Key::plain(KeyCode::Down), Key::plain(KeyCode::Down)],
    );
    assert_eq!(app.picker_selected().unwrap().id, EMAIL);
    // "em" keeps the email listed (it was third, it is first now).
    typed(&mut app, "em");
    assert_eq!(app.picker_selected().unwrap().id, EMAIL);
    // A filter that drops it selects the first row listed.
    app.update(Msg::Key(Key::plain(KeyCode::Backspace)));
    app.update(Msg::Key(Key::plain(KeyCode::Backspace)));
    typed(&mut app, "Jana");
    assert_eq!(listed(&app), [CALL]);
    assert_eq!(app.picker_selected().unwrap().id, CALL);
    // Down cannot leave the rows listed.
    keys(&mut app, &[Key::plain(KeyCode::Down)]);
    assert_eq!(app.picker_row, 0);
    // Nothing matches: nothing is selected, and Enter says why (a word
    // alone would be tried as an id: the simulator's own may be `c-1`).
    typed(&mut app, " zzz");
    assert!(app.picker_selected().is_none());
    assert!(keys(&mut app, &[enter()]).is_empty());
    assert!(
        app.status.as_ref().is_some_and(|s| s.error
            && s.text
                .starts_with("no conversation listed matches `Jana zzz`")),
        "{:?}",
        app.status
    );
}

#[test]
fn a_pasted_url_lists_its_conversation_and_enter_opens_it() {
    let mut app = offered();
    app.update(Msg::Paste(format!(
        "https://apps.mypurecloud.ie/directory/#/engage/admin/interactions/{}",
        CALLBACK.to_uppercase()
    )));
    assert_eq!(app.picker_query(), Query::Id(CALLBACK.into()));
    assert_eq!(listed(&app), [CALLBACK]);
    let effects = keys(&mut app, &[enter()]);
    assert_eq!(
        effects,
        [Effect::Load {
            conversation_id: CALLBACK.into()
        }]
    );
}

#[test]
fn esc_clears_the_filter_and_every_row_is_listed_again() {
    let mut app = offered();
    typed(&mut app, "Sophie");
    assert_eq!(listed(&app).len(), 1);
    keys(&mut app, &[Key::plain(KeyCode::Esc)]);
    assert_eq!(app.picker.text(), "");
    assert_eq!(listed(&app).len(), 4);
    // Still on the row the filter found.
    assert_eq!(
        app.picker_selected().unwrap().id,
        "8b2f4d6a-1c3e-4a5b-9d7f-0e2a4c6b8d10"
    );
}
