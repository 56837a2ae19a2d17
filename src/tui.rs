//! The only impure part of the TUI: the terminal, the event loop, and the
//! effects ([`Effect`]) the app asks for, run as tasks that post their result
//! back as a [`Msg`]. Drawing never waits for the network.
//!
//! One queue carries everything: terminal events, task results and ticks.
//! The loop applies a batch of messages, then draws once.

use std::io::Write as _;
use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use crossterm::event::{Event, EventStream, KeyEventKind, KeyModifiers};
use futures_util::StreamExt as _;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::api::{ApiError, Client, Exchange};
use crate::app::{App, Effect, Key, KeyCode, Msg};
use crate::history::{History, HistoryError};

/// How often the spinner turns while a request is in flight.
const TICK: Duration = Duration::from_millis(120);

/// Runs the TUI until the user quits. `initial` effects run first (e.g. a
/// load for `--conversation`); `participant` is selected once loaded.
///
/// # Errors
/// Only when the terminal cannot be used; the terminal is restored first.
pub async fn run(
    mut app: App,
    client: Client,
    initial: Vec<Effect>,
    participant: Option<String>,
) -> std::io::Result<()> {
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(error) => {
            // Raw mode may be on even though the alternate screen failed.
            ratatui::restore();
            return Err(error);
        }
    };
    // ratatui's panic hook restores raw mode and the screen; bracketed paste
    // is ours to turn off, before that hook runs.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
        previous(info);
    }));
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
    let result = event_loop(
        &mut terminal,
        &mut app,
        Arc::new(client),
        initial,
        participant,
    )
    .await;
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::restore();
    result
}

async fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    client: Arc<Client>,
    initial: Vec<Effect>,
    mut participant: Option<String>,
) -> std::io::Result<()> {
    let (tx, mut rx) = mpsc::unbounded_channel::<Msg>();
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(TICK);
    let mut runner = Runner {
        client,
        tx,
        cancel: CancellationToken::new(),
    };
    for effect in initial {
        runner.run(effect);
    }
    let mut recorder = Recorder::open();
    terminal.draw(|frame| crate::ui::render(frame, app))?;
    loop {
        let msg = tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => match translate(&event) {
                    Some(msg) => msg,
                    None if matches!(event, Event::Resize(..)) => Msg::Tick,
                    None => continue,
                },
                // The terminal is gone: nothing more can be read.
                Some(Err(_)) | None => break,
            },
            Some(msg) = rx.recv() => msg,
            _ = tick.tick() => {
                if app.in_flight.is_none() {
                    continue;
                }
                Msg::Tick
            }
        };
        let mut batch = vec![msg];
        while let Ok(more) = rx.try_recv() {
            batch.push(more);
        }
        for msg in batch {
            let loaded = matches!(msg, Msg::Loaded { .. });
            for effect in app.update(msg) {
                if effect == Effect::Quit {
                    recorder.record(app);
                    recorder.finish();
                    return Ok(());
                }
                runner.run(effect);
            }
            if loaded {
                if let Some(id) = participant.take() {
                    app.select_participant_by_id(&id);
                }
            }
        }
        recorder.record(app);
        if let Ok(size) = terminal.size() {
            app.clamp_scroll(crate::ui::scroll_limit(
                app,
                ratatui::layout::Rect::new(0, 0, size.width, size.height),
            ));
        }
        terminal.draw(|frame| crate::ui::render(frame, app))?;
    }
    recorder.record(app);
    recorder.finish();
    Ok(())
}

/// Appends the exchanges of this run to the history file, from a thread of
/// its own so that a slow disk never stalls drawing. A failure is shown once
/// in the UI, when there is first something to record (so that it does not
/// hide the start-up warnings), and never stops the TUI.
struct Recorder {
    writer: Option<(
        std::sync::mpsc::Sender<Exchange>,
        std::thread::JoinHandle<()>,
    )>,
    errors: std::sync::mpsc::Receiver<String>,
    /// How many of `app.history` were handed to the writer.
    recorded: usize,
    warned: bool,
}

impl Recorder {
    fn open() -> Self {
        Self::with(History::open_default())
    }

    fn with(history: Result<History, HistoryError>) -> Self {
        let (error_tx, errors) = std::sync::mpsc::channel();
        let writer = match history {
            Ok(history) => {
                let (tx, rx) = std::sync::mpsc::channel::<Exchange>();
                let handle = std::thread::spawn(move || {
                    for exchange in rx {
                        if let Err(error) = history.append("tui", &exchange) {
                            let _ = error_tx.send(error.to_string());
                        }
                    }
                });
                Some((tx, handle))
            }
            Err(error) => {
                let _ = error_tx.send(error.to_string());
                None
            }
        };
        Self {
            writer,
            errors,
            recorded: 0,
            warned: false,
        }
    }

    /// Hands what `app.history` gained since the last call to the writer, and
    /// shows the first failure reported so far.
    fn record(&mut self, app: &mut App) {
        self.recorded = self.recorded.min(app.history.len());
        let new = &app.history[self.recorded..];
        if new.is_empty() {
            return;
        }
        if let Some((tx, _)) = &self.writer {
            for exchange in new {
                let _ = tx.send(exchange.clone());
            }
        }
        self.recorded = app.history.len();
        self.show_failure(app);
    }

    fn show_failure(&mut self, app: &mut App) {
        if self.warned {
            return;
        }
        if let Ok(error) = self.errors.try_recv() {
            self.warned = true;
            app.notify(format!("history not written: {error}"), true);
        }
    }

    /// Waits until everything handed over is written (at quit).
    fn finish(mut self) {
        if let Some((tx, handle)) = self.writer.take() {
            drop(tx);
            let _ = handle.join();
        }
    }
}

/// What a cancelled load or re-read reports.
const CANCELLED: &str = "cancelled";

/// Runs effects as tasks that post their result as a message.
struct Runner {
    client: Arc<Client>,
    tx: mpsc::UnboundedSender<Msg>,
    cancel: CancellationToken,
}

impl Runner {
    /// A token for the request about to start; Esc cancels the latest one.
    fn fresh_token(&mut self) -> CancellationToken {
        self.cancel = CancellationToken::new();
        self.cancel.clone()
    }

    fn run(&mut self, effect: Effect) {
        let (client, tx) = (Arc::clone(&self.client), self.tx.clone());
        match effect {
            Effect::Load { conversation_id } => {
                let cancel = self.fresh_token();
                tokio::spawn(async move {
                    let (result, exchange) = tokio::select! {
                        () = cancel.cancelled() => (Err(CANCELLED.to_owned()), None),
                        answer = client.get_conversation(&conversation_id) => split(answer),
                    };
                    let _ = tx.send(Msg::Loaded {
                        id: conversation_id,
                        result,
                        exchange,
                    });
                });
            }
            Effect::LoadSecure { conversation_id } => {
                let cancel = self.fresh_token();
                tokio::spawn(async move {
                    let (result, exchange) = tokio::select! {
                        () = cancel.cancelled() => (Err(CANCELLED.to_owned()), None),
                        answer = client.get_secure_attributes(&conversation_id) => split(answer),
                    };
                    let _ = tx.send(Msg::SecureLoaded { result, exchange });
                });
            }
            Effect::Send(request) => {
                let cancel = self.fresh_token();
                tokio::spawn(async move {
                    let result = client
                        .send_cancellable(&request, &cancel)
                        .await
                        .map_err(|e| e.to_string());
                    let _ = tx.send(Msg::Sent(result));
                });
            }
            Effect::Reread {
                conversation_id,
                attempt,
                after,
            } => {
                let cancel = self.fresh_token();
                tokio::spawn(async move {
                    let (result, exchange) = tokio::select! {
                        () = cancel.cancelled() => (Err(CANCELLED.to_owned()), None),
                        answer = async {
                            tokio::time::sleep(after).await;
                            client.get_conversation(&conversation_id).await
                        } => split(answer),
                    };
                    let _ = tx.send(Msg::Reread {
                        attempt,
                        result,
                        exchange,
                    });
                });
            }
            Effect::Cancel => self.cancel.cancel(),
            Effect::Copy(text) => copy(&text),
            Effect::Quit => {}
        }
    }
}

/// A typed call's result as the app takes it: the value or a message, and
/// the exchange whenever one was made.
fn split<T>(result: Result<(T, Exchange), ApiError>) -> (Result<T, String>, Option<Exchange>) {
    match result {
        Ok((value, exchange)) => (Ok(value), Some(exchange)),
        Err(error) => {
            let message = match error.exchange().and_then(|e| e.error_body.as_ref()) {
                Some(body) => format!(
                    "{} {}: {}",
                    body.status.unwrap_or_default(),
                    body.code.as_deref().unwrap_or("error"),
                    body.message.as_deref().unwrap_or_default()
                ),
                None => error.to_string(),
            };
            let exchange = error.exchange().filter(|e| !e.url.is_empty()).cloned();
            (Err(message), exchange)
        }
    }
}

/// Copies through the terminal with OSC 52, which works over SSH.
fn copy(text: &str) {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut stdout = std::io::stdout();
    let _ = write!(stdout, "\x1b]52;c;{encoded}\x07");
    let _ = stdout.flush();
}

/// A terminal event as a message; `None` for events the app ignores.
fn translate(event: &Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            use crossterm::event::KeyCode as K;
            let code = match key.code {
                K::Char(c) => KeyCode::Char(c),
                K::Enter => KeyCode::Enter,
                K::Esc => KeyCode::Esc,
                K::Tab if key.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
                K::Tab => KeyCode::Tab,
                K::BackTab => KeyCode::BackTab,
                K::Backspace => KeyCode::Backspace,
                K::Delete => KeyCode::Delete,
                K::Left => KeyCode::Left,
                K::Right => KeyCode::Right,
                K::Up => KeyCode::Up,
                K::Down => KeyCode::Down,
                K::Home => KeyCode::Home,
                K::End => KeyCode::End,
                K::PageUp => KeyCode::PageUp,
                K::PageDown => KeyCode::PageDown,
                K::F(n) => KeyCode::F(n),
                _ => return None,
            };
            Some(Msg::Key(Key {
                code,
                ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
                alt: key.modifiers.contains(KeyModifiers::ALT),
            }))
        }
        Event::Paste(text) => Some(Msg::Paste(text.clone())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Mode;

    fn exchange(url: &str) -> Exchange {
        Exchange {
            method: "GET".into(),
            url: url.into(),
            ..Exchange::default()
        }
    }

    #[test]
    fn the_recorder_appends_each_new_exchange_once() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::open(dir.path()).unwrap();
        let mut recorder = Recorder::with(Ok(history.clone()));
        let mut app = App::new(Mode::Simulator, Vec::new());
        app.history.push(exchange("https://x/1"));
        recorder.record(&mut app);
        recorder.record(&mut app);
        app.history.push(exchange("https://x/2"));
        app.history.push(exchange("https://x/3"));
        recorder.record(&mut app);
        recorder.finish();
        let (entries, _) = history.last(10).unwrap();
        let urls: Vec<&str> = entries.iter().map(|e| e.exchange.url.as_str()).collect();
        assert_eq!(urls, ["https://x/1", "https://x/2", "https://x/3"]);
        assert!(entries.iter().all(|e| e.source == "tui"));
        assert!(app.status.is_none());
    }

    #[test]
    fn a_history_failure_is_shown_once_and_does_not_stop_recording() {
        let mut recorder = Recorder::with(Err(HistoryError::NoDataDir));
        let mut app = App::new(Mode::Simulator, Vec::new());
        recorder.record(&mut app);
        assert!(app.status.is_none(), "nothing to record yet: nothing shown");
        app.history.push(exchange("https://x/1"));
        recorder.record(&mut app);
        let status = app.status.take().unwrap();
        assert!(
            status.error && status.text.contains("history not written"),
            "{}",
            status.text
        );
        app.history.push(exchange("https://x/2"));
        recorder.record(&mut app);
        assert!(app.status.is_none(), "shown once");
    }
}
