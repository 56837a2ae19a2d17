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
use crate::history::Recorder;

/// How often the spinner turns while a request is in flight.
const TICK: Duration = Duration::from_millis(120);

/// Runs the TUI until the user quits. `initial` effects run first (e.g. a
/// load for `--conversation`).
///
/// # Errors
/// Only when the terminal cannot be used; the terminal is restored first.
pub async fn run(mut app: App, client: Client, initial: Vec<Effect>) -> std::io::Result<()> {
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
    let result = event_loop(&mut terminal, &mut app, Arc::new(client), initial).await;
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::restore();
    result
}

async fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    client: Arc<Client>,
    initial: Vec<Effect>,
) -> std::io::Result<()> {
    let (tx, mut rx) = mpsc::unbounded_channel::<Msg>();
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(TICK);
    let mut runner = Runner {
        client,
        recorder: Writer::open(tx.clone()),
        tx,
        cancel: CancellationToken::new(),
    };
    for effect in initial {
        runner.run(effect);
    }
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
            for effect in app.update(msg) {
                if effect == Effect::Quit {
                    runner.recorder.finish();
                    return Ok(());
                }
                runner.run(effect);
            }
        }
        if let Ok(size) = terminal.size() {
            let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
            let scroll_limit = crate::ui::scroll_limit(app, area);
            app.update(Msg::Viewport { scroll_limit });
        }
        terminal.draw(|frame| crate::ui::render(frame, app))?;
    }
    runner.recorder.finish();
    Ok(())
}

/// Appends exchanges ([`Effect::Record`]) to the history file through the
/// shared [`Recorder`], from a thread of its own so that a slow disk never
/// stalls drawing. A failure comes back as [`Msg::HistoryNote`] (once) and
/// never stops the TUI.
struct Writer {
    writer: Option<(
        std::sync::mpsc::Sender<Exchange>,
        std::thread::JoinHandle<()>,
    )>,
}

impl Writer {
    fn open(tx: mpsc::UnboundedSender<Msg>) -> Self {
        Self::with(Recorder::new("tui"), tx)
    }

    fn with(mut recorder: Recorder, tx: mpsc::UnboundedSender<Msg>) -> Self {
        let (writer, rx) = std::sync::mpsc::channel::<Exchange>();
        let handle = std::thread::spawn(move || {
            for exchange in rx {
                if let Some(error) = recorder.record(&exchange) {
                    let _ = tx.send(Msg::HistoryNote(error));
                }
            }
        });
        Self {
            writer: Some((writer, handle)),
        }
    }

    fn record(&self, exchange: Exchange) {
        if let Some((tx, _)) = &self.writer {
            let _ = tx.send(exchange);
        }
    }

    /// Waits until everything handed over is written (at quit).
    fn finish(&mut self) {
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
    recorder: Writer,
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
            Effect::Record(exchange) => self.recorder.record(*exchange),
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
            // A status line is shown whatever the display settings: an error
            // that quotes a secure value is masked there.
            let masked = error.exchange().map(Exchange::masked);
            let message = match masked.as_ref().and_then(|e| e.error_body.as_ref()) {
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
    use crate::history::{History, HistoryError};

    fn exchange(url: &str) -> Exchange {
        Exchange::new("GET", url, crate::api::Outcome::answer(200))
    }

    #[test]
    fn the_writer_appends_each_exchange_it_is_given() {
        let dir = tempfile::tempdir().unwrap();
        // A folder History creates is 0700: nothing to warn about.
        let history = History::open(&dir.path().join("data")).unwrap();
        let (tx, mut rx) = mpsc::unbounded_channel();
        let mut writer = Writer::with(Recorder::with("tui", Ok(history.clone())), tx);
        for url in ["https://x/1", "https://x/2", "https://x/3"] {
            writer.record(exchange(url));
        }
        writer.finish();
        let (entries, _) = history.last(10).unwrap();
        let urls: Vec<&str> = entries.iter().map(|e| e.exchange.url.as_str()).collect();
        assert_eq!(urls, ["https://x/1", "https://x/2", "https://x/3"]);
        assert!(entries.iter().all(|e| e.source == "tui"));
        let note = rx.try_recv();
        assert!(note.is_err(), "no failure reported: {note:?}");
    }

    #[test]
    fn a_history_that_cannot_open_is_reported_once_as_a_message() {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let mut writer = Writer::with(Recorder::with("tui", Err(HistoryError::NoDataDir)), tx);
        writer.record(exchange("https://x/1"));
        writer.record(exchange("https://x/2"));
        writer.finish();
        let Ok(Msg::HistoryNote(text)) = rx.try_recv() else {
            panic!("the failure comes back as a message");
        };
        assert!(!text.is_empty());
        assert!(rx.try_recv().is_err(), "once");
    }
}
