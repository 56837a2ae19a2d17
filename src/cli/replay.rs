//! `gc-attrs record FILE`'s arguments (it runs the TUI as usual, recording),
//! and `gc-attrs replay FILE`: a recording read (its bad lines reported in the
//! message log, with their line numbers) and stepped through in the TUI's
//! replay view. No connection is made: no client, no simulator.

use clap::Args;

use super::{ConnectArgs, TuiArgs};
use crate::app::{App, Replay};
use crate::history::HistoryError;
use crate::history::recording::{self, Read};

/// `gc-attrs record`.
#[derive(Args, Debug)]
pub struct RecordArgs {
    /// The recording: created 0600, or appended to.
    pub file: std::path::PathBuf,
    /// Where to connect.
    #[command(flatten)]
    pub connect: ConnectArgs,
    /// What the TUI opens first.
    #[command(flatten)]
    pub tui: TuiArgs,
}

/// `gc-attrs replay`.
#[derive(Args, Debug)]
pub struct ReplayArgs {
    /// The recording (`gc-attrs record FILE`, `--record FILE`, or the TUI's save key).
    pub file: std::path::PathBuf,
}

/// Runs the replay until the user quits; the exit status.
///
/// # Errors
/// When the terminal cannot be used.
pub async fn run(args: &ReplayArgs, show_secure: bool) -> color_eyre::Result<u8> {
    let read = match recording::read(&args.file) {
        Ok(read) => read,
        Err(HistoryError::Read { path, source }) => {
            eprintln!(
                "gc-attrs: cannot read the recording {}: {source}",
                path.display()
            );
            return Ok(2);
        }
        Err(error) => {
            eprintln!("gc-attrs: {error}");
            return Ok(2);
        }
    };
    let mut app = app(&args.file.display().to_string(), read, show_secure);
    let (remaps, read_problems) = crate::config::load_keys(&crate::config::Paths::discover());
    let (keymap, remap_problems) = crate::app::Keymap::with_remaps(&remaps);
    app.keymap = keymap;
    app.colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    for problem in read_problems.into_iter().chain(remap_problems) {
        app.notify(problem, true);
    }
    // Nothing to connect to: the connection never comes, and nothing waits for it.
    let never = std::future::pending::<Result<crate::tui::Connected, String>>();
    let ended = crate::tui::run(app, never, Vec::new()).await?;
    Ok(ended.exit_code())
}

/// The replay's app for a recording as read: each skipped line is a
/// message of the log, the first one in the status line.
#[must_use]
pub fn app(file: &str, read: Read, show_secure: bool) -> App {
    let recorded = read
        .entries
        .into_iter()
        .map(|entry| (entry.time, entry.exchange))
        .collect();
    let mut app = App::replaying(Replay::new(file, recorded, show_secure));
    app.show_secure = show_secure;
    for problem in read.problems.iter().rev() {
        app.notify(problem.clone(), true);
    }
    app
}
