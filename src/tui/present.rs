//! The presenter's shell (`gc-attrs train NAME`): the terminal, the keys,
//! and the presenter's effects run against a fresh embedded simulator (the
//! trainer's [`Runner`]), started after the first frame. Signals, Ctrl-Z and
//! a hang-up are handled as in the TUI, and the terminal is always restored.

use std::sync::Arc;

use crossterm::event::Event;
use futures_util::future::{BoxFuture, Shared};
use tokio::sync::mpsc;

use super::{
    Ended, HANG_UP, enter_terminal, give_back, is_suspend, signals, suspend, take_terminal,
};
use crate::app::Msg as AppMsg;
use crate::app::presenter::{Effect, Msg, Presenter};
use crate::train::{Runner, Scenario};

/// The runner as the effects wait for it.
type Started = Shared<BoxFuture<'static, Result<Arc<Runner>, String>>>;

/// Presents `scenario` until the presenter quits or a signal ends it.
///
/// # Errors
/// Only when the terminal cannot be used; the terminal is restored first.
pub async fn present(scenario: Scenario) -> std::io::Result<Ended> {
    let mut signals = signals::Signals::install()?;
    let mut terminal = take_terminal()?;
    let result = present_loop(&mut terminal, &mut signals, scenario).await;
    give_back(terminal, result)
}

async fn present_loop(
    terminal: &mut ratatui::DefaultTerminal,
    signals: &mut signals::Signals,
    scenario: Scenario,
) -> std::io::Result<Ended> {
    let (mut presenter, initial) = Presenter::new(scenario.clone());
    // https://no-color.org: set and not empty.
    presenter.colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    terminal.draw(|frame| crate::ui::presenter::render(frame, &presenter))?;
    // The simulator starts after the first frame.
    let started: Started = super::spawn_shared(Runner::start(scenario), "the simulator task");
    let (tx, mut rx) = mpsc::unbounded_channel::<Msg>();
    for effect in initial {
        run(effect, &started, &tx);
    }
    let gate = Arc::new(super::editor::Gate::default());
    let mut events = super::terminal_events(gate);
    let mut ready = started.clone();
    let mut checked = false;
    let mut own_stop = false;
    loop {
        let msg = tokio::select! {
            caught = signals.recv() => match caught {
                signals::Caught::Exit(signal) => return Ok(Ended::Signal(signal)),
                signals::Caught::Suspend => {
                    suspend(terminal, false)?;
                    own_stop = true;
                    None
                }
                signals::Caught::Continue if std::mem::take(&mut own_stop) => continue,
                signals::Caught::Continue => {
                    let _ = crossterm::terminal::disable_raw_mode();
                    enter_terminal(terminal, false)?;
                    None
                }
            },
            started = &mut ready, if !checked => {
                checked = true;
                if let Err(message) = started {
                    return Ok(Ended::Unconnected(message));
                }
                None
            },
            event = events.recv() => match event {
                Some(event) if is_suspend(&event) => {
                    suspend(terminal, false)?;
                    own_stop = true;
                    None
                }
                Some(event) => match super::translate(&event) {
                    Some(AppMsg::Key(key)) => Some(Msg::Key(key)),
                    _ if matches!(event, Event::Resize(..)) => None,
                    _ => continue,
                },
                None => return Ok(Ended::Signal(HANG_UP)),
            },
            Some(msg) = rx.recv() => Some(msg),
        };
        let mut batch: Vec<Msg> = msg.into_iter().collect();
        while let Ok(more) = rx.try_recv() {
            batch.push(more);
        }
        for msg in batch {
            for effect in presenter.update(msg) {
                if effect == Effect::Quit {
                    return Ok(Ended::Quit);
                }
                run(effect, &started, &tx);
            }
        }
        terminal.draw(|frame| crate::ui::presenter::render(frame, &presenter))?;
    }
}

/// Runs one effect in a task of its own; its result comes back as a message.
fn run(effect: Effect, started: &Started, tx: &mpsc::UnboundedSender<Msg>) {
    let started = started.clone();
    let tx = tx.clone();
    tokio::spawn(async move {
        // Without a runner the loop ends on its own (Unconnected).
        let Ok(runner) = started.await else {
            return;
        };
        let msg = match effect {
            Effect::Preview(step) => Msg::Previewed(step, Box::new(runner.preview(step).await)),
            Effect::Run(step) => Msg::Ran(Box::new(runner.step(step).await)),
            Effect::Reset => {
                runner.reset();
                Msg::WasReset
            }
            Effect::Quit => return,
        };
        let _ = tx.send(msg);
    });
}
