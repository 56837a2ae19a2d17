//! The history of exchanges: every request the TUI or the CLI makes is
//! appended, redacted, to `history.jsonl` in the data directory
//! ([`crate::config::Paths::discover`]`.data_dir`, or `$GC_ATTRS_CONFIG_DIR/data`).
//!
//! # Format
//!
//! One JSON object per line, an [`Entry`]:
//! `{"time": "2025-01-31T09:12:03.120Z", "source": "tui"|"cli", "place": {…}, "exchange": {…}}`
//! where `place` is a [`Place`] (`{"kind":"simulator"}`, or an org's API
//! base and a fingerprint of the login; absent on lines written before it
//! was kept, which the picker then does not offer)
//! where `exchange` is an [`Exchange`] as serde writes it (`method`, `url`,
//! `request_headers` as `[name, value]` pairs, `request_body`, `status`,
//! `reason`, `response_headers`, `response_body`, `error_body`,
//! `correlation_id`, `rate_limit`, `timings` with durations as
//! `{"secs", "nanos"}`, `attempts`, `failure`, and `at`: when it was sent,
//! absent on older lines).
//!
//! # Guarantees
//!
//! - **Redacted**, in depth: exchanges are redacted at the source, and
//!   [`History::append`] redacts again: every header through
//!   [`redact_header`] (an `Authorization` value is only ever written as
//!   `<scheme> <redacted>`), token and secret fields of JSON or form bodies and
//!   of URL queries.
//! - **Crash-safe**: an entry is one complete line, written with a single
//!   write to a file opened in append mode, then flushed and synced. Earlier
//!   lines are never rewritten. A crash mid-write can leave only a partial
//!   last line; [`History::last`] skips and counts it, and the next append
//!   starts on a fresh line.
//! - **Capped**: when the file would grow past the cap (5 MiB by default) it
//!   is renamed (atomically) to `history.1.jsonl`, older files shift up to
//!   `history.3.jsonl`, and the oldest is dropped.
//! - **Private**: the directory is created `0700` and the files `0600` (unix).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use crate::api::Exchange;

mod recent;
pub mod recording;
mod redact;

pub use recent::{Place, Recent, login_fingerprint, recent_conversation_ids, recent_conversations};

#[cfg(test)]
mod tests;

/// The default size cap of `history.jsonl`, in bytes.
pub const DEFAULT_MAX_BYTES: u64 = 5 * 1024 * 1024;
/// How many rotated files are kept by default.
pub const DEFAULT_KEEP: usize = 3;
/// The history file of a data directory and its limits.
#[derive(Debug, Clone)]
pub struct History {
    dir: PathBuf,
    path: PathBuf,
    max_bytes: u64,
    keep: usize,
    /// The folder's mode when other users may enter or read it.
    loose_mode: Option<u32>,
}

/// The most of one history file read back: the newest part. A file is at
/// most about the size cap ([`DEFAULT_MAX_BYTES`]); this bounds one written
/// by something else.
const MAX_READ: u64 = 16 * 1024 * 1024;

/// Why the history could not be used. Each message names the file and says
/// what to do.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// No data directory could be found.
    #[error(
        "no data directory for the history (no home directory): set {} to a writable directory",
        crate::config::ENV_CONFIG_DIR
    )]
    NoDataDir,
    /// The directory could not be created.
    #[error("cannot create the history directory {}: {source}; check its permissions or set {}", path.display(), crate::config::ENV_CONFIG_DIR)]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The history file is a symbolic link (it could point anywhere).
    #[error("the history file {} is a symbolic link: gc-attrs does not write through one; remove it, or set {} to another folder", path.display(), crate::config::ENV_CONFIG_DIR)]
    Symlink {
        /// The link.
        path: PathBuf,
    },
    /// A history file could not be opened or written.
    #[error("cannot write the history file {}: {source}; check its permissions and free space", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A full history file could not be rotated.
    #[error("cannot rotate the history file {} to {}: {source}; check the directory's permissions", from.display(), to.display())]
    Rotate {
        /// The file being renamed.
        from: PathBuf,
        /// Its new name.
        to: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A history file exists but could not be read.
    #[error("cannot read the history file {}: {source}; check its permissions, or move it away to start afresh", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A recording (`--record FILE`, the TUI's save key) could not be written.
    #[error("cannot write the recording {}: {reason}", path.display())]
    Recording {
        /// The file.
        path: PathBuf,
        /// Why, and what to do.
        reason: String,
    },
    /// An entry could not be encoded (not expected to happen).
    #[error("cannot encode a history entry: {0}")]
    Encode(#[from] serde_json::Error),
}

/// One line of the history.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct Entry {
    /// When it was recorded, RFC 3339 in UTC (milliseconds).
    pub time: String,
    /// Who made it: `"tui"` or `"cli"`.
    pub source: String,
    /// Where it was made; `None` on lines written before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// The exchange, redacted.
    pub exchange: Exchange,
}

impl History {
    /// The history in `dir`, creating the directory (`0700`) and
    /// `history.jsonl` (`0600`) when missing, with the default limits.
    ///
    /// # Errors
    /// When the directory or the file cannot be created.
    pub fn open(dir: &Path) -> Result<History, HistoryError> {
        create_dir(dir).map_err(|source| HistoryError::CreateDir {
            path: dir.to_owned(),
            source,
        })?;
        let history = History {
            loose_mode: loose_mode(dir),
            ..Self::reader(dir)
        };
        history.open_append()?;
        Ok(history)
    }

    /// The history in `dir`, to read only: nothing is created, opened for
    /// writing or changed, so a history that cannot be written (a read-only
    /// disk, another user's folder) can still be read and exported.
    #[must_use]
    pub fn reader(dir: &Path) -> History {
        History {
            dir: dir.to_owned(),
            path: dir.join("history.jsonl"),
            max_bytes: DEFAULT_MAX_BYTES,
            keep: DEFAULT_KEEP,
            loose_mode: None,
        }
    }

    /// [`History::reader`] on this machine's data directory.
    ///
    /// # Errors
    /// When there is no data directory.
    pub fn reader_default() -> Result<History, HistoryError> {
        let dir = crate::config::Paths::discover()
            .data_dir
            .ok_or(HistoryError::NoDataDir)?;
        Ok(Self::reader(&dir))
    }

    /// A warning when the folder, found already there, is open to other
    /// users (a new one is created `0700`). It is left as it is: the user
    /// may share it on purpose, and the file itself is kept `0600`.
    #[must_use]
    pub fn warning(&self) -> Option<String> {
        self.loose_mode.map(|mode| {
            format!(
                "the history folder {} is open to other users (mode {mode:04o}); \
                 `chmod 700 {}` closes it",
                self.dir.display(),
                self.dir.display()
            )
        })
    }

    /// The history in this machine's data directory.
    ///
    /// # Errors
    /// When there is no data directory, or as [`History::open`].
    pub fn open_default() -> Result<History, HistoryError> {
        let dir = crate::config::Paths::discover()
            .data_dir
            .ok_or(HistoryError::NoDataDir)?;
        Self::open(&dir)
    }

    /// The same history with another size cap (bytes) and number of rotated
    /// files kept (at least one).
    #[must_use]
    pub fn with_limits(mut self, max_bytes: u64, keep: usize) -> History {
        self.max_bytes = max_bytes;
        self.keep = keep.max(1);
        self
    }

    /// The current history file, `…/history.jsonl`.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one exchange, redacted, as one line stamped with the current
    /// time, rotating first when the line would take the file past the cap.
    ///
    /// # Errors
    /// When the file cannot be rotated, opened or written.
    pub fn append(&self, source: &str, exchange: &Exchange) -> Result<(), HistoryError> {
        self.append_at(source, None, exchange)
    }

    /// [`History::append`] with the place the exchange was made on.
    ///
    /// # Errors
    /// As [`History::append`].
    pub fn append_at(
        &self,
        source: &str,
        place: Option<&Place>,
        exchange: &Exchange,
    ) -> Result<(), HistoryError> {
        let entry = Entry {
            time: crate::api::now(),
            source: source.to_owned(),
            place: place.cloned(),
            exchange: redact::exchange(exchange),
        };
        let mut line = serde_json::to_string(&entry)?;
        line.push('\n');
        let size = fs::metadata(&self.path).map_or(0, |m| m.len());
        if size > 0 && size.saturating_add(line.len() as u64) > self.max_bytes {
            self.rotate()?;
        }
        let write_error = |source| HistoryError::Write {
            path: self.path.clone(),
            source,
        };
        let mut file = self.open_append()?;
        if !ends_with_newline(&mut file).map_err(write_error)? {
            // A crash left a partial line: keep it apart, so that it stays
            // the only line lost.
            line.insert(0, '\n');
        }
        file.write_all(line.as_bytes()).map_err(write_error)?;
        file.flush().map_err(write_error)?;
        file.sync_data().map_err(write_error)
    }

    /// The `n` newest entries, oldest first, read across the current and the
    /// rotated files, and how many lines of the files read could not be
    /// decoded (e.g. a last line cut by a crash).
    ///
    /// # Errors
    /// When a history file exists but cannot be read.
    pub fn last(&self, n: usize) -> Result<(Vec<Entry>, usize), HistoryError> {
        let mut entries: Vec<Entry> = Vec::new();
        let mut skipped = 0;
        for path in self.files() {
            if entries.len() >= n {
                break;
            }
            let bytes = match self.read_tail(&path) {
                Ok(bytes) => bytes,
                Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
                Err(source) => return Err(HistoryError::Read { path, source }),
            };
            let mut older = Vec::new();
            for line in bytes.split(|&b| b == b'\n') {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                match serde_json::from_slice::<Entry>(line) {
                    Ok(entry) => older.push(entry),
                    Err(_) => skipped += 1,
                }
            }
            older.append(&mut entries);
            entries = older;
        }
        let excess = entries.len().saturating_sub(n);
        entries.drain(..excess);
        Ok((entries, skipped))
    }

    /// A history file's bytes, at most the last [`MAX_READ`] of them (from
    /// a line's start): a regular file only, never through a link, so that
    /// a link to a device or a FIFO cannot hang or fill the reader.
    fn read_tail(&self, path: &Path) -> io::Result<Vec<u8>> {
        let metadata = fs::symlink_metadata(path)?;
        if !metadata.file_type().is_file() {
            return Err(io::Error::other(
                "not a regular file (a link, a folder or a device): move it away",
            ));
        }
        let mut file = File::open(path)?;
        let cap = MAX_READ.max(self.max_bytes.saturating_mul(2));
        let start = metadata.len().saturating_sub(cap);
        file.seek(SeekFrom::Start(start))?;
        let mut bytes = Vec::new();
        file.take(cap).read_to_end(&mut bytes)?;
        if start > 0 {
            // The first line is cut: it starts before the part read.
            let first = bytes
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| i + 1);
            bytes.drain(..first);
        }
        Ok(bytes)
    }

    /// The files, newest first: `history.jsonl`, `history.1.jsonl`, ….
    fn files(&self) -> Vec<PathBuf> {
        std::iter::once(self.path.clone())
            .chain((1..=self.keep).map(|i| self.rotated(i)))
            .collect()
    }

    fn rotated(&self, index: usize) -> PathBuf {
        self.dir.join(format!("history.{index}.jsonl"))
    }

    /// Shifts `history.i.jsonl` to `history.(i+1).jsonl`, dropping the
    /// oldest, then renames the current file to `history.1.jsonl`.
    fn rotate(&self) -> Result<(), HistoryError> {
        let oldest = self.rotated(self.keep);
        match fs::remove_file(&oldest) {
            Err(source) if source.kind() != io::ErrorKind::NotFound => {
                return Err(HistoryError::Write {
                    path: oldest,
                    source,
                });
            }
            _ => {}
        }
        for index in (1..self.keep).rev() {
            rename_if_exists(&self.rotated(index), &self.rotated(index + 1))?;
        }
        rename_if_exists(&self.path, &self.rotated(1))
    }

    /// Opens (creating `0600`) the current file for appending, and takes
    /// group and other permissions away from a file created elsewhere.
    fn open_append(&self) -> Result<File, HistoryError> {
        let write_error = |source| HistoryError::Write {
            path: self.path.clone(),
            source,
        };
        // A link could make the history write anywhere the user can.
        if fs::symlink_metadata(&self.path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(HistoryError::Symlink {
                path: self.path.clone(),
            });
        }
        let mut options = OpenOptions::new();
        options.create(true).append(true).read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
            options.mode(0o600);
            let file = options.open(&self.path).map_err(write_error)?;
            let mode = file.metadata().map_err(write_error)?.permissions().mode();
            if mode & 0o077 != 0 {
                file.set_permissions(fs::Permissions::from_mode(mode & 0o700))
                    .map_err(write_error)?;
            }
            Ok(file)
        }
        #[cfg(not(unix))]
        options.open(&self.path).map_err(write_error)
    }
}

/// Records exchanges in the history: the one way both faces do it. The
/// history is opened on the first exchange; a failure (no data directory, a
/// full disk) is given back once, for the face to show, and never stops it.
pub struct Recorder {
    source: &'static str,
    place: Option<Place>,
    history: Option<Result<History, String>>,
    warned: bool,
    /// The folder's warning was given (or there was none).
    checked: bool,
    /// A recording each exchange also goes to (`--record FILE`).
    also: Option<recording::Recording>,
    /// A failure to write the recording was given.
    also_warned: bool,
}

impl Recorder {
    /// A recorder on the default history, for `source` (`tui`, `cli`).
    #[must_use]
    pub fn new(source: &'static str) -> Self {
        Self {
            source,
            place: None,
            history: None,
            warned: false,
            checked: false,
            also: None,
            also_warned: false,
        }
    }

    /// A recorder on a history already opened, or that failed to open.
    #[must_use]
    pub fn with(source: &'static str, history: Result<History, HistoryError>) -> Self {
        Self {
            source,
            place: None,
            history: Some(history.map_err(|e| e.to_string())),
            warned: false,
            checked: false,
            also: None,
            also_warned: false,
        }
    }

    /// The same recorder, also appending each exchange to `recording`.
    #[must_use]
    pub fn also(self, recording: Option<recording::Recording>) -> Self {
        Self {
            also: recording,
            ..self
        }
    }

    /// The same recorder, recording that its exchanges are made on `place`.
    #[must_use]
    pub fn at(self, place: Option<Place>) -> Self {
        Self { place, ..self }
    }

    /// Where the exchanges are made from now on (the TUI knows once it is
    /// connected).
    pub fn set_place(&mut self, place: Option<Place>) {
        self.place = place;
    }

    /// Appends the exchange, redacted. What the face must say comes back as
    /// one sentence, each thing once: the first failure ("not recorded in
    /// the history: …"), the folder's [`History::warning`], and the first
    /// failure to write the recording, if there is one.
    pub fn record(&mut self, exchange: &Exchange) -> Option<String> {
        let history = self.record_history(exchange);
        let recording = self.also.as_ref().and_then(|recording| {
            let failure = recording
                .append(self.source, self.place.as_ref(), exchange)
                .err()?;
            (!std::mem::replace(&mut self.also_warned, true))
                .then(|| format!("not recorded in {}: {failure}", recording.path().display()))
        });
        match (history, recording) {
            (Some(history), Some(recording)) => Some(format!("{history}; {recording}")),
            (history, recording) => history.or(recording),
        }
    }

    fn record_history(&mut self, exchange: &Exchange) -> Option<String> {
        let history = self
            .history
            .get_or_insert_with(|| History::open_default().map_err(|e| e.to_string()));
        let warning = match history {
            Ok(history) if !std::mem::replace(&mut self.checked, true) => history.warning(),
            _ => None,
        };
        let failure = match history {
            Ok(history) => history
                .append_at(self.source, self.place.as_ref(), exchange)
                .err()
                .map(|e| e.to_string()),
            Err(message) => Some(message.clone()),
        }
        .filter(|_| !std::mem::replace(&mut self.warned, true))
        .map(|failure| format!("not recorded in the history: {failure}"));
        match (warning, failure) {
            (Some(warning), Some(failure)) => Some(format!("{failure}; {warning}")),
            (warning, failure) => warning.or(failure),
        }
    }
}

/// The folder's permission bits when group or others have any.
fn loose_mode(dir: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(dir).ok()?.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

fn create_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

fn rename_if_exists(from: &Path, to: &Path) -> Result<(), HistoryError> {
    match fs::rename(from, to) {
        Err(source) if source.kind() != io::ErrorKind::NotFound => Err(HistoryError::Rotate {
            from: from.to_owned(),
            to: to.to_owned(),
            source,
        }),
        _ => Ok(()),
    }
}

/// Whether the file is empty or ends with a newline.
fn ends_with_newline(file: &mut File) -> io::Result<bool> {
    if file.metadata()?.len() == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0_u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}
