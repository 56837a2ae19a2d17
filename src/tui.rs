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
use crossterm::event::{Event, KeyEventKind, KeyModifiers};
use futures_util::future::{BoxFuture, FutureExt as _, Shared};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::api::{ApiError, Client, Exchange};
use crate::app::ConversationRow;
use crate::app::{App, Effect, Key, KeyCode, Mouse, MouseKind, Msg, TICK};
use crate::history::recording::Recording;
use crate::history::{Place, Recorder};

mod editor;
mod present;

pub use present::present;

/// SIGHUP's number: how a terminal that went away ends the TUI.
const HANG_UP: i32 = 1;

/// How long the reader waits for a terminal event before it checks that
/// the terminal is still there.
const READ_POLL: Duration = Duration::from_millis(200);

/// The terminal's events, read on a thread of their own and sent to the
/// loop; the channel closes when the terminal is gone. crossterm's reader
/// spins forever on a terminal that hung up (each read returns nothing), so
/// the loop never waits inside it: it stays free to see the signals, and the
/// thread ends once standard input is no terminal any more.
///
/// While the terminal is lent to an editor, the `gate` is closed and the
/// thread reads nothing.
fn terminal_events(gate: Arc<editor::Gate>) -> mpsc::UnboundedReceiver<Event> {
    use std::io::IsTerminal as _;
    let (tx, rx) = mpsc::unbounded_channel();
    let spawned = std::thread::Builder::new()
        .name("terminal events".into())
        .spawn(move || {
            loop {
                let Some(_reading) = gate.enter() else {
                    if tx.is_closed() {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                    continue;
                };
                match crossterm::event::poll(READ_POLL) {
                    Ok(true) => match crossterm::event::read() {
                        Ok(event) => {
                            if tx.send(event).is_err() {
                                return;
                            }
                        }
                        Err(_) => return,
                    },
                    Ok(false) if std::io::stdin().is_terminal() => {
                        if tx.is_closed() {
                            return;
                        }
                    }
                    Ok(false) | Err(_) => return,
                }
            }
        });
    // Without the thread no key can be read: the channel closes at once.
    drop(spawned);
    rx
}

/// The connection the TUI works on, made after the first frame: the API
/// client, the conversations the picker offers (this target's recent ones,
/// the simulator's fixtures) and the place the history records.
pub struct Connected {
    /// The API client.
    pub client: Client,
    /// Conversations to offer on the picker, after any already offered.
    pub suggestions: Vec<ConversationRow>,
    /// Where the exchanges are made, as the history records it.
    pub place: Place,
}

/// How the TUI ended; the terminal is restored in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT (its number) ended it.
    Signal(i32),
    /// The connection could not be made (the simulator did not start, or the
    /// HTTP client could not be built): why.
    Unconnected(String),
}

impl Ended {
    /// The process's exit status: 0 after a quit, 128 + the signal's number
    /// after a signal (as a shell reports it), 1 without a connection.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Quit => 0,
            Self::Signal(signal) => u8::try_from(128 + signal).unwrap_or(u8::MAX),
            Self::Unconnected(_) => 1,
        }
    }
}

/// The connection as the running effects wait for it.
type Connection = Shared<BoxFuture<'static, Result<Arc<Connected>, String>>>;

/// Starts `start` in a task of its own; every effect may wait for its
/// outcome (a task that panicked is said as `what` failed).
fn spawn_shared<T, F>(
    start: F,
    what: &'static str,
) -> Shared<BoxFuture<'static, Result<Arc<T>, String>>>
where
    T: Send + Sync + 'static,
    F: Future<Output = Result<T, String>> + Send + 'static,
{
    tokio::spawn(start)
        .map(move |joined| match joined {
            Ok(Ok(value)) => Ok(Arc::new(value)),
            Ok(Err(message)) => Err(message),
            Err(error) => Err(format!("{what} failed: {error}")),
        })
        .boxed()
        .shared()
}

/// Runs the TUI until the user quits or a signal ends it. `connect` starts
/// once the first frame is on the screen (nothing but the terminal comes
/// before it); `initial` effects (e.g. a load for `--conversation`) wait for
/// the connection.
///
/// # Errors
/// Only when the terminal cannot be used; the terminal is restored first.
pub async fn run<F>(app: App, connect: F, initial: Vec<Effect>) -> std::io::Result<Ended>
where
    F: Future<Output = Result<Connected, String>> + Send + 'static,
{
    run_recording(app, connect, initial, None).await
}

/// [`run`], every exchange also appended to `recording` (`gc-attrs record
/// FILE`, `--record FILE`).
///
/// # Errors
/// As [`run`].
pub async fn run_recording<F>(
    mut app: App,
    connect: F,
    initial: Vec<Effect>,
    recording: Option<Recording>,
) -> std::io::Result<Ended>
where
    F: Future<Output = Result<Connected, String>> + Send + 'static,
{
    // Before raw mode: from here on a signal restores the terminal.
    let mut signals = signals::Signals::install()?;
    let mut terminal = take_terminal()?;
    capture_mouse(app.view.mouse);
    let result = event_loop(
        &mut terminal,
        &mut app,
        &mut signals,
        (connect, recording),
        initial,
    )
    .await;
    give_back(terminal, result)
}

/// Raw mode, the alternate screen and bracketed paste, with a panic hook
/// that gives them back; on a failure the terminal is left as it was.
fn take_terminal() -> std::io::Result<ratatui::DefaultTerminal> {
    let terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(error) => {
            // Raw mode may be on even though the alternate screen failed.
            leave_terminal();
            return Err(error);
        }
    };
    // ratatui's panic hook restores raw mode and the screen; bracketed paste
    // and the mouse are ours to give back, before that hook runs.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(
            std::io::stdout(),
            crossterm::event::DisableBracketedPaste,
            crossterm::event::DisableMouseCapture
        );
        previous(info);
    }));
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
    Ok(terminal)
}

/// Gives the terminal back after a loop ended with `result`.
fn give_back(
    terminal: ratatui::DefaultTerminal,
    result: std::io::Result<Ended>,
) -> std::io::Result<Ended> {
    // A terminal that went away fails the next draw: that is a hang-up, not
    // a failure to report (there is nowhere to report it).
    let result = match result {
        Err(_) if !std::io::IsTerminal::is_terminal(&std::io::stdin()) => {
            Ok(Ended::Signal(HANG_UP))
        }
        other => other,
    };
    leave_terminal();
    // A terminal that hung up takes no more writes: ratatui's drop would
    // try to show the cursor and print its failure to the dead terminal,
    // and printing there panics. Nothing is left to restore.
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        std::mem::forget(terminal);
    }
    result
}

/// Gives the terminal back as it was: cooked mode, the main screen, no
/// bracketed paste, the mouse not captured, the cursor shown. Each step is
/// tried whatever the others did (after a hang-up every write may fail).
fn leave_terminal() {
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    capture_mouse(false);
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = crossterm::terminal::disable_raw_mode();
}

/// Clicks and the wheel come to the app (`true`), or the terminal has the
/// mouse and its text selection works (`false`).
fn capture_mouse(on: bool) {
    let _ = if on {
        crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture)
    } else {
        crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture)
    };
}

/// Takes the terminal again (after a suspend) and clears it, so that the
/// next draw is a whole frame; the mouse is captured again if it was.
fn enter_terminal(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> std::io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::event::EnableBracketedPaste
    )?;
    capture_mouse(mouse);
    // Not `Terminal::clear`, which asks the terminal for the cursor position
    // and, with the event stream holding the input, never reads the answer.
    // The size may have changed while stopped.
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// Ctrl-Z or SIGTSTP: the terminal is given back and the process stops;
/// SIGCONT lets [`signals::stop`] return, and the terminal is taken again.
fn suspend(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> std::io::Result<()> {
    leave_terminal();
    signals::stop()?;
    enter_terminal(terminal, mouse)
}

/// Gives the terminal to the user's editor on `text` and takes it back:
/// the reader stops first, so that every key typed goes to the editor.
///
/// # Errors
/// Only when the terminal cannot be taken back; what went wrong with the
/// editor is the `Err` inside.
async fn lend_to_editor(
    terminal: &mut ratatui::DefaultTerminal,
    gate: &editor::Gate,
    text: &str,
    mouse: bool,
) -> std::io::Result<Result<String, String>> {
    let command = editor::command(std::env::var_os("VISUAL"), std::env::var_os("EDITOR"));
    gate.close();
    leave_terminal();
    let text = text.to_owned();
    let result = tokio::task::spawn_blocking(move || editor::edit(&command, &text))
        .await
        .unwrap_or_else(|e| Err(format!("the editor task failed: {e}")));
    let entered = enter_terminal(terminal, mouse);
    gate.reopen();
    entered.map(|()| result)
}

/// Ctrl-Z: in raw mode it is a key, not a signal.
fn is_suspend(event: &Event) -> bool {
    matches!(event, Event::Key(key)
        if key.kind != KeyEventKind::Release
            && key.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(key.code, crossterm::event::KeyCode::Char('z' | 'Z')))
}

async fn event_loop<F>(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    signals: &mut signals::Signals,
    (connect, recording): (F, Option<Recording>),
    initial: Vec<Effect>,
) -> std::io::Result<Ended>
where
    F: Future<Output = Result<Connected, String>> + Send + 'static,
{
    terminal.draw(|frame| crate::ui::render(frame, app))?;
    // Everything else starts after the first frame.
    let connection: Connection = spawn_shared(connect, "the connection task");
    let (tx, rx) = mpsc::unbounded_channel::<Msg>();
    let mut runner = Runner {
        connection: connection.clone(),
        recorder: Writer::with(Recorder::new("tui").also(recording), tx.clone()),
        tx,
        cancel: CancellationToken::new(),
    };
    for effect in initial {
        runner.run(effect);
    }
    let result = serve(terminal, app, signals, &mut runner, connection, rx).await;
    // No exchange handed to the writer is lost, however the loop ended.
    runner.recorder.finish();
    result
}

async fn serve(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    signals: &mut signals::Signals,
    runner: &mut Runner,
    mut connection: Connection,
    mut rx: mpsc::UnboundedReceiver<Msg>,
) -> std::io::Result<Ended> {
    let gate = Arc::new(editor::Gate::default());
    let mut events = terminal_events(Arc::clone(&gate));
    let mut tick = tokio::time::interval(TICK);
    let mut connected = false;
    // Set by a suspend, until the SIGCONT that resumed it is seen.
    let mut own_stop = false;
    loop {
        let msg = tokio::select! {
            caught = signals.recv() => match caught {
                signals::Caught::Exit(signal) => return Ok(Ended::Signal(signal)),
                signals::Caught::Suspend => {
                    suspend(terminal, app.view.mouse)?;
                    own_stop = true;
                    Msg::Tick
                }
                // The SIGCONT that ended our own stop: the terminal is ours
                // and drawn already (entering it twice would blank it a moment).
                signals::Caught::Continue if std::mem::take(&mut own_stop) => continue,
                // After a stop that could not be caught (SIGSTOP), the shell
                // may have reset the modes: set them again, and redraw.
                signals::Caught::Continue => {
                    let _ = crossterm::terminal::disable_raw_mode();
                    enter_terminal(terminal, app.view.mouse)?;
                    Msg::Tick
                }
            },
            ready = &mut connection, if !connected => {
                connected = true;
                match ready {
                    Ok(ready) => Msg::Suggestions(ready.suggestions.clone()),
                    Err(message) => return Ok(Ended::Unconnected(message)),
                }
            },
            event = events.recv() => match event {
                // In the workbench's editor Ctrl-Z is undo.
                Some(event) if is_suspend(&event) && !app.takes_undo_key() => {
                    suspend(terminal, app.view.mouse)?;
                    own_stop = true;
                    Msg::Tick
                }
                Some(event) => match translate(&event) {
                    // The panes as drawn, for the app to find what is clicked.
                    Some(msg @ Msg::Mouse(_)) => {
                        if let Ok(size) = terminal.size() {
                            let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
                            app.update(Msg::Layout(crate::ui::layout(app, area)));
                        }
                        msg
                    }
                    Some(msg) => msg,
                    None if matches!(event, Event::Resize(..)) => Msg::Tick,
                    None => continue,
                },
                // The terminal is gone (it hung up): nothing more can be read,
                // and nobody is there to quit. Ended as a hang-up is.
                None => return Ok(Ended::Signal(HANG_UP)),
            },
            Some(msg) = rx.recv() => msg,
            _ = tick.tick() => {
                if !app.wants_ticks() {
                    continue;
                }
                Msg::Tick
            }
        };
        // An effect run here (the editor) may answer with a message of its
        // own, handled in turn.
        let mut batch = std::collections::VecDeque::from([msg]);
        while let Ok(more) = rx.try_recv() {
            batch.push_back(more);
        }
        while let Some(msg) = batch.pop_front() {
            for effect in app.update(msg) {
                match effect {
                    Effect::Quit => return Ok(Ended::Quit),
                    Effect::OpenEditor { key, text } => {
                        let result = lend_to_editor(terminal, &gate, &text, app.view.mouse).await?;
                        batch.push_back(Msg::Edited { key, result });
                    }
                    effect => runner.run(effect),
                }
            }
        }
        if let Ok(size) = terminal.size() {
            let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
            app.update(Msg::Viewport {
                scroll_limit: crate::ui::scroll_limit(app, area),
                page: crate::ui::page_length(area),
                jump: crate::ui::jump_line(app, area),
            });
            if app.help_open() {
                app.update(Msg::HelpPages(crate::ui::help_pages(app, area)));
            }
            if let Some(hits) = crate::ui::search_hits(app, area) {
                app.update(Msg::SearchHits(hits));
            }
            if app.focus == crate::app::Focus::Workbench {
                let height = crate::ui::editor_height(app, area);
                // Unscrolled, there is nothing to clamp: the list's lines
                // (made again by the frame) are measured only when scrolled.
                let (up, down) = if app.workbench.pane_scroll == 0 {
                    (0, 0)
                } else {
                    crate::ui::list_room(app, area)
                };
                app.update(Msg::BenchView { height, up, down });
            }
        }
        terminal.draw(|frame| crate::ui::render(frame, app))?;
    }
}

/// The signals the TUI answers, as one stream.
#[cfg(unix)]
mod signals {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP};
    use tokio::signal::unix::{Signal, SignalKind, signal};

    /// What a caught signal asks for.
    pub(super) enum Caught {
        /// End, restoring the terminal (the signal's number).
        Exit(i32),
        /// SIGTSTP: restore the terminal, then stop.
        Suspend,
        /// SIGCONT: take the terminal again and redraw.
        Continue,
    }

    pub(super) struct Signals {
        exit: [(i32, Signal); 4],
        tstp: Signal,
        cont: Signal,
    }

    impl Signals {
        pub(super) fn install() -> std::io::Result<Self> {
            let on = |number| signal(SignalKind::from_raw(number)).map(|s| (number, s));
            Ok(Self {
                exit: [on(SIGTERM)?, on(SIGHUP)?, on(SIGINT)?, on(SIGQUIT)?],
                tstp: on(SIGTSTP)?.1,
                cont: on(SIGCONT)?.1,
            })
        }

        /// The next signal caught (cancel-safe).
        pub(super) async fn recv(&mut self) -> Caught {
            let [term, hup, int, quit] = &mut self.exit;
            tokio::select! {
                _ = term.1.recv() => Caught::Exit(term.0),
                _ = hup.1.recv() => Caught::Exit(hup.0),
                _ = int.1.recv() => Caught::Exit(int.0),
                _ = quit.1.recv() => Caught::Exit(quit.0),
                _ = self.tstp.recv() => Caught::Suspend,
                _ = self.cont.recv() => Caught::Continue,
            }
        }
    }

    /// Stops the process (as SIGTSTP's default would); returns once SIGCONT
    /// resumes it.
    pub(super) fn stop() -> std::io::Result<()> {
        signal_hook::low_level::raise(SIGSTOP)
    }
}

/// Without Unix signals there is nothing to catch and no job control.
#[cfg(not(unix))]
mod signals {
    pub(super) enum Caught {
        Exit(i32),
        Suspend,
        Continue,
    }

    pub(super) struct Signals;

    impl Signals {
        pub(super) fn install() -> std::io::Result<Self> {
            Ok(Self)
        }

        pub(super) async fn recv(&mut self) -> Caught {
            std::future::pending().await
        }
    }

    pub(super) fn stop() -> std::io::Result<()> {
        Ok(())
    }
}

/// Appends exchanges ([`Effect::Record`]) to the history file through the
/// shared [`Recorder`], from a thread of its own so that a slow disk never
/// stalls drawing. A failure comes back as [`Msg::HistoryNote`] (once) and
/// never stops the TUI.
struct Writer {
    writer: Option<(std::sync::mpsc::Sender<Handed>, std::thread::JoinHandle<()>)>,
}

/// An exchange handed to the writer, with the place it was made on.
type Handed = (Exchange, Option<Place>);

impl Writer {
    fn with(mut recorder: Recorder, tx: mpsc::UnboundedSender<Msg>) -> Self {
        let (writer, rx) = std::sync::mpsc::channel::<Handed>();
        let handle = std::thread::spawn(move || {
            for (exchange, place) in rx {
                recorder.set_place(place);
                if let Some(error) = recorder.record(&exchange) {
                    let _ = tx.send(Msg::HistoryNote(error));
                }
            }
        });
        Self {
            writer: Some((writer, handle)),
        }
    }

    /// Hands an exchange over, with the place it was made on.
    fn record(&self, exchange: Exchange, place: Option<Place>) {
        if let Some((tx, _)) = &self.writer {
            let _ = tx.send((exchange, place));
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
    connection: Connection,
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

    /// Where the exchanges are made: every exchange is made on the
    /// connection, so it is there.
    fn place(&self) -> Option<Place> {
        self.connection
            .peek()
            .and_then(|ready| ready.as_ref().ok())
            .map(|connected| connected.place.clone())
    }

    fn run(&mut self, effect: Effect) {
        let (connection, tx) = (self.connection.clone(), self.tx.clone());
        match effect {
            Effect::Load { conversation_id } => {
                let cancel = self.fresh_token();
                tokio::spawn(async move {
                    // A failed connection ends the loop: nothing to report.
                    let Ok(connected) = connection.await else {
                        return;
                    };
                    let (result, exchange) = tokio::select! {
                        () = cancel.cancelled() => (Err(CANCELLED.to_owned()), None),
                        answer = connected.client.get_conversation(&conversation_id) => split(answer),
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
                    // A failed connection ends the loop: nothing to report.
                    let Ok(connected) = connection.await else {
                        return;
                    };
                    let (result, exchange) = tokio::select! {
                        () = cancel.cancelled() => (Err(CANCELLED.to_owned()), None),
                        answer = connected.client.get_secure_attributes(&conversation_id) => split(answer),
                    };
                    let _ = tx.send(Msg::SecureLoaded { result, exchange });
                });
            }
            Effect::Send(request) => {
                let cancel = self.fresh_token();
                tokio::spawn(async move {
                    // A failed connection ends the loop: nothing to report.
                    let Ok(connected) = connection.await else {
                        return;
                    };
                    let result = connected
                        .client
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
                    // A failed connection ends the loop: nothing to report.
                    let Ok(connected) = connection.await else {
                        return;
                    };
                    let (result, exchange) = tokio::select! {
                        () = cancel.cancelled() => (Err(CANCELLED.to_owned()), None),
                        answer = async {
                            tokio::time::sleep(after).await;
                            connected.client.get_conversation(&conversation_id).await
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
            Effect::Record(exchange) => {
                let place = self.place();
                self.recorder.record(*exchange, place);
            }
            Effect::SaveRecording { path, exchanges } => {
                let place = self.place();
                tokio::task::spawn_blocking(move || {
                    let path = std::path::Path::new(&path);
                    let result = crate::history::recording::saved(path, place.as_ref(), &exchanges);
                    let _ = tx.send(Msg::RecordingSaved(result));
                });
            }
            Effect::Copy(text) => copy(&text),
            Effect::CaptureMouse(on) => capture_mouse(on),
            // The loop itself performs these: they need the terminal.
            Effect::Quit | Effect::OpenEditor { .. } => {}
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
        Event::Mouse(mouse) => {
            use crossterm::event::{MouseButton, MouseEventKind as M};
            let kind = match mouse.kind {
                M::Down(MouseButton::Left) => MouseKind::Click,
                M::ScrollUp => MouseKind::WheelUp,
                M::ScrollDown => MouseKind::WheelDown,
                _ => return None,
            };
            Some(Msg::Mouse(Mouse {
                column: mouse.column,
                row: mouse.row,
                kind,
            }))
        }
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
            writer.record(exchange(url), Some(Place::Simulator));
        }
        writer.finish();
        let (entries, _) = history.last(10).unwrap();
        let urls: Vec<&str> = entries.iter().map(|e| e.exchange.url.as_str()).collect();
        assert_eq!(urls, ["https://x/1", "https://x/2", "https://x/3"]);
        assert!(entries.iter().all(|e| e.source == "tui"));
        assert!(entries.iter().all(|e| e.place == Some(Place::Simulator)));
        let note = rx.try_recv();
        assert!(note.is_err(), "no failure reported: {note:?}");
    }

    #[test]
    fn a_history_that_cannot_open_is_reported_once_as_a_message() {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let mut writer = Writer::with(Recorder::with("tui", Err(HistoryError::NoDataDir)), tx);
        writer.record(exchange("https://x/1"), None);
        writer.record(exchange("https://x/2"), None);
        writer.finish();
        let Ok(Msg::HistoryNote(text)) = rx.try_recv() else {
            panic!("the failure comes back as a message");
        };
        assert!(!text.is_empty());
        assert!(rx.try_recv().is_err(), "once");
    }
}
