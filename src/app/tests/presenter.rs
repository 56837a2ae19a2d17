//! The presenter's state machine: a step is told (predicted) before it can
//! be revealed (sent), keys wait while the simulator is busy, reset starts
//! over.

use crate::app::presenter::{Action, Effect, Msg, Presenter, Stage, action};
use crate::app::{Key, KeyCode};
use crate::train::{Prediction, StepRun, embedded_named};

fn scenario() -> crate::train::Scenario {
    embedded_named("there-is-no-put").unwrap().unwrap()
}

fn prediction() -> Prediction {
    Prediction {
        verdict: "PUT ✖ 1 reject".into(),
        rejects: true,
        rules: vec!["route/put-on-attributes".into()],
        findings: Vec::new(),
        expected: None,
        request: None,
    }
}

fn ran(index: usize) -> Box<StepRun> {
    Box::new(StepRun {
        index,
        prediction: Ok(prediction()),
        exchange: None,
        before: None,
        after: None,
        secure: false,
        comparisons: Vec::new(),
        error: None,
    })
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(Key::plain(code))
}

#[test]
fn opening_predicts_step_one_and_nothing_else() {
    let (presenter, effects) = Presenter::new(scenario());
    assert_eq!(effects, [Effect::Preview(0)]);
    assert!(matches!(presenter.stage(), Some(Stage::Predicting)));
}

#[test]
fn reveal_waits_for_the_prediction_then_runs_the_step_once() {
    let (mut presenter, _) = Presenter::new(scenario());
    assert!(
        presenter.update(key(KeyCode::Enter)).is_empty(),
        "not predicted yet"
    );
    presenter.update(Msg::Previewed(0, Box::new(Ok(prediction()))));
    assert_eq!(presenter.update(key(KeyCode::Enter)), [Effect::Run(0)]);
    // While it runs, keys other than quit do nothing, and say why.
    assert!(presenter.update(key(KeyCode::Right)).is_empty());
    assert!(presenter.note.as_deref().unwrap().contains("busy"));
    presenter.update(Msg::Ran(ran(0)));
    assert!(matches!(presenter.stage(), Some(Stage::Revealed(_))));
    assert_eq!(presenter.passed(), 1);
    // A revealed step is not sent twice.
    assert!(presenter.update(key(KeyCode::Enter)).is_empty());
    assert!(presenter.note.as_deref().unwrap().contains("already sent"));
}

#[test]
fn next_and_previous_move_and_keep_what_was_revealed() {
    let (mut presenter, _) = Presenter::new(scenario());
    presenter.update(Msg::Previewed(0, Box::new(Ok(prediction()))));
    presenter.update(key(KeyCode::Enter));
    presenter.update(Msg::Ran(ran(0)));
    assert_eq!(presenter.update(key(KeyCode::Right)), [Effect::Preview(1)]);
    assert_eq!(presenter.step, 1);
    presenter.update(Msg::Previewed(1, Box::new(Ok(prediction()))));
    assert!(
        presenter.update(key(KeyCode::Left)).is_empty(),
        "step 1 is known"
    );
    assert_eq!(presenter.step, 0);
    assert!(matches!(presenter.stage(), Some(Stage::Revealed(_))));
    assert!(presenter.note.as_deref().unwrap().contains("r resets"));
    // Past the last step nothing moves.
    presenter.update(key(KeyCode::Right));
    presenter.update(key(KeyCode::Right));
    presenter.update(Msg::Previewed(2, Box::new(Ok(prediction()))));
    assert_eq!(presenter.step, 2);
    assert!(presenter.update(key(KeyCode::Right)).is_empty());
    assert!(presenter.note.as_deref().unwrap().contains("last step"));
}

#[test]
fn reset_forgets_every_step_and_predicts_step_one_again() {
    let (mut presenter, _) = Presenter::new(scenario());
    presenter.update(Msg::Previewed(0, Box::new(Ok(prediction()))));
    presenter.update(key(KeyCode::Enter));
    presenter.update(Msg::Ran(ran(0)));
    presenter.update(key(KeyCode::Right));
    presenter.update(Msg::Previewed(1, Box::new(Ok(prediction()))));
    assert_eq!(presenter.update(Msg::Key(Key::char('r'))), [Effect::Reset]);
    assert!(
        presenter.update(key(KeyCode::Enter)).is_empty(),
        "busy resetting"
    );
    assert_eq!(presenter.update(Msg::WasReset), [Effect::Preview(0)]);
    assert_eq!(presenter.step, 0);
    assert_eq!(presenter.passed(), 0);
}

#[test]
fn a_late_answer_for_a_step_not_running_is_ignored() {
    let (mut presenter, _) = Presenter::new(scenario());
    presenter.update(Msg::Ran(ran(0)));
    assert!(matches!(presenter.stage(), Some(Stage::Predicting)));
    presenter.update(Msg::Previewed(2, Box::new(Ok(prediction()))));
    assert!(presenter.stages[2].is_none());
}

#[test]
fn quit_works_even_while_busy_and_ctrl_c_quits() {
    let (mut presenter, _) = Presenter::new(scenario());
    assert_eq!(presenter.update(Msg::Key(Key::char('q'))), [Effect::Quit]);
    assert_eq!(action(Key::ctrl('c')), Some(Action::Quit));
    assert_eq!(action(Key::ctrl('n')), None, "a chord is not the plain key");
}
