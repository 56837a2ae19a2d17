//! The presenter: a trainer's scenario shown one step at a time on a fresh
//! embedded simulator (`gc-attrs train NAME`). Each step is told first (its
//! narration, the request it will send and the tool's prediction), then
//! revealed (sent: the real answer, the observed state, each expectation
//! checked, the lesson). A pure state machine like [`crate::app::App`]: keys
//! and results in, effects out; the shell runs them.

use super::keys::{Key, KeyCode};
use crate::train::{Prediction, Scenario, StepRun};

/// What the presenter asks the shell to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read and predict step `n` without sending, answered by
    /// [`Msg::Previewed`].
    Preview(usize),
    /// Run step `n` (wait, send, read), answered by [`Msg::Ran`].
    Run(usize),
    /// Put the simulator back to its start, answered by [`Msg::WasReset`].
    Reset,
    /// Leave.
    Quit,
}

/// What happens to the presenter.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key.
    Key(Key),
    /// Step `n`'s prediction, or why there is none.
    Previewed(usize, Box<Result<Prediction, String>>),
    /// What running a step did.
    Ran(Box<StepRun>),
    /// The simulator is back at its start.
    WasReset,
}

/// An action of the presenter's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Send the step and show its answer.
    Reveal,
    /// The next step.
    Next,
    /// The step before.
    Previous,
    /// The simulator back to its start, and step 1.
    Reset,
    /// Leave.
    Quit,
}

/// The presenter's keys, as data: handling and the footer both read it.
pub const KEYS: &[(&[KeyCode], Action, &str, &str)] = &[
    (
        &[KeyCode::Enter, KeyCode::Char(' ')],
        Action::Reveal,
        "Enter",
        "send",
    ),
    (
        &[KeyCode::Right, KeyCode::Char('n'), KeyCode::PageDown],
        Action::Next,
        "→",
        "next",
    ),
    (
        &[KeyCode::Left, KeyCode::Char('p'), KeyCode::PageUp],
        Action::Previous,
        "←",
        "back",
    ),
    (&[KeyCode::Char('r')], Action::Reset, "r", "reset"),
    (
        &[KeyCode::Char('q'), KeyCode::Esc],
        Action::Quit,
        "q",
        "quit",
    ),
];

/// The action of a key, if it has one.
#[must_use]
pub fn action(key: Key) -> Option<Action> {
    if key.ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if key.ctrl || key.alt {
        return None;
    }
    KEYS.iter()
        .find(|(codes, ..)| codes.contains(&key.code))
        .map(|(_, action, ..)| *action)
}

/// Where one step is.
#[derive(Debug, Clone)]
pub enum Stage {
    /// Told: its prediction is being made.
    Predicting,
    /// Told: the prediction is shown, nothing sent yet.
    Told(Result<Prediction, String>),
    /// Being sent (and waited for, if the step waits).
    Running(Result<Prediction, String>),
    /// Sent: the answer and the observed state are in.
    Revealed(Box<StepRun>),
}

/// The presenter's state.
#[derive(Debug, Clone)]
pub struct Presenter {
    /// The scenario.
    pub scenario: Scenario,
    /// The step shown (0-based).
    pub step: usize,
    /// Where each step is; `None` for a step not shown yet.
    pub stages: Vec<Option<Stage>>,
    /// A line for the footer: what just happened, or why a key did nothing.
    pub note: Option<String>,
    /// A reset is under way.
    pub resetting: bool,
    /// Whether to draw in colour (off with `NO_COLOR`): without it, focus is
    /// shown by reverse video.
    pub colour: bool,
}

impl Presenter {
    /// The presenter on step 1, and the effect that predicts it.
    #[must_use]
    pub fn new(scenario: Scenario) -> (Self, Vec<Effect>) {
        let stages = vec![None; scenario.steps.len()];
        let mut presenter = Self {
            scenario,
            step: 0,
            stages,
            note: None,
            resetting: false,
            colour: true,
        };
        let effects = presenter.show(0);
        (presenter, effects)
    }

    /// The step shown's stage.
    #[must_use]
    pub fn stage(&self) -> Option<&Stage> {
        self.stages.get(self.step).and_then(Option::as_ref)
    }

    /// How many steps have been revealed and matched every expectation.
    #[must_use]
    pub fn passed(&self) -> usize {
        self.stages
            .iter()
            .filter(|s| matches!(s, Some(Stage::Revealed(run)) if run.passed()))
            .count()
    }

    fn show(&mut self, step: usize) -> Vec<Effect> {
        self.step = step;
        match self.stages.get(step) {
            Some(None) => {
                self.stages[step] = Some(Stage::Predicting);
                vec![Effect::Preview(step)]
            }
            _ => Vec::new(),
        }
    }

    fn busy(&self) -> bool {
        self.resetting || matches!(self.stage(), Some(Stage::Running(_) | Stage::Predicting))
    }

    /// Applies a message; returns the effects to run.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Key(key) => match action(key) {
                Some(action) => self.act(action),
                None => Vec::new(),
            },
            Msg::Previewed(step, prediction) => {
                if let Some(slot @ Some(Stage::Predicting)) = self.stages.get_mut(step) {
                    *slot = Some(Stage::Told(*prediction));
                }
                Vec::new()
            }
            Msg::Ran(run) => {
                let step = run.index;
                if let Some(slot @ Some(Stage::Running(_))) = self.stages.get_mut(step) {
                    self.note = Some(if run.passed() {
                        format!("step {} as the scenario expects", step + 1)
                    } else {
                        format!("step {} NOT as the scenario expects: see ✗", step + 1)
                    });
                    *slot = Some(Stage::Revealed(run));
                }
                Vec::new()
            }
            Msg::WasReset => {
                self.resetting = false;
                self.stages = vec![None; self.scenario.steps.len()];
                self.note = Some("the simulator is back at its start: step 1".to_owned());
                self.show(0)
            }
        }
    }

    fn act(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::Quit {
            return vec![Effect::Quit];
        }
        if self.busy() {
            self.note = Some("wait: the simulator is busy with this step".to_owned());
            return Vec::new();
        }
        self.note = None;
        let last = self.scenario.steps.len().saturating_sub(1);
        match action {
            Action::Reveal => match self.stages.get_mut(self.step) {
                Some(slot @ Some(Stage::Told(_))) => {
                    let Some(Stage::Told(prediction)) = slot.take() else {
                        return Vec::new();
                    };
                    *slot = Some(Stage::Running(prediction));
                    vec![Effect::Run(self.step)]
                }
                Some(Some(Stage::Revealed(_))) => {
                    self.note = Some(
                        "already sent: r resets the simulator to run the scenario again".to_owned(),
                    );
                    Vec::new()
                }
                _ => Vec::new(),
            },
            Action::Next if self.step < last => {
                if matches!(self.stage(), Some(Stage::Told(_))) {
                    self.note = Some(format!(
                        "step {} was not sent: the next runs on the simulator as it is",
                        self.step + 1
                    ));
                }
                self.show(self.step + 1)
            }
            Action::Next => {
                self.note = Some(format!(
                    "the last step: {} of {} as expected",
                    self.passed(),
                    self.scenario.steps.len()
                ));
                Vec::new()
            }
            Action::Previous if self.step > 0 => {
                self.note =
                    Some("the simulator keeps what later steps sent; r resets it".to_owned());
                self.show(self.step - 1)
            }
            Action::Previous => Vec::new(),
            Action::Reset => {
                self.resetting = true;
                vec![Effect::Reset]
            }
            Action::Quit => vec![Effect::Quit],
        }
    }
}
