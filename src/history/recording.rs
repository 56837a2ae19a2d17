//! A recording: a session's exchanges in a file the user names, to be
//! replayed (`gc-attrs replay FILE`) with no network. It is JSON lines in
//! exactly the history's [`Entry`] format, written by the same code
//! ([`History::append_at`]), so it is redacted as the history is: no token,
//! secret or secure-attribute value is ever written in clear.
//!
//! Written: never through a symbolic link, never to anything but a regular
//! file, created `0600` (unix), appended to (`gc-attrs record FILE` and
//! `--record FILE` add to a file that exists; the TUI's save key refuses
//! one). Read: a regular file only, at most [`MAX_FILE`] bytes, lines of at
//! most [`MAX_LINE`] bytes, at most [`MAX_ENTRIES`] entries; a line that is
//! no entry is skipped and reported with the file and its line number.

use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use super::{DEFAULT_KEEP, Entry, History, HistoryError, Place};
use crate::api::Exchange;

/// The most of a recording read back, in bytes.
pub const MAX_FILE: u64 = 64 * 1024 * 1024;
/// The longest line read back, in bytes (a history line's bodies are cut at
/// 64 KiB each, so a real line is far shorter).
pub const MAX_LINE: usize = 1024 * 1024;
/// The most entries read back.
pub const MAX_ENTRIES: usize = 10_000;

/// A recording file, open for appending.
#[derive(Debug, Clone)]
pub struct Recording {
    file: History,
}

impl Recording {
    /// Opens `path` for appending, creating it (`0600`) when missing; its
    /// folder must exist.
    ///
    /// # Errors
    /// When it is a link or not a regular file, or cannot be opened.
    pub fn open(path: &Path) -> Result<Recording, HistoryError> {
        let dir = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        };
        let recording = Recording {
            file: History {
                dir,
                path: path.to_owned(),
                // Never rotated: a recording is the user's file.
                max_bytes: u64::MAX,
                keep: DEFAULT_KEEP,
                loose_mode: None,
            },
        };
        refuse_special(path)?;
        recording.file.open_append().map_err(in_recording)?;
        Ok(recording)
    }

    /// The file.
    #[must_use]
    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// Appends one exchange, redacted, as the history does.
    ///
    /// # Errors
    /// When the file cannot be written (or has become a link or a special file).
    pub fn append(
        &self,
        source: &str,
        place: Option<&Place>,
        exchange: &Exchange,
    ) -> Result<(), HistoryError> {
        refuse_special(self.path())?;
        self.file
            .append_at(source, place, exchange)
            .map_err(in_recording)
    }
}

/// Saves `exchanges` to a new file `path` (one that exists is refused, so
/// that two sessions never mix): how many were written.
///
/// # Errors
/// When the file exists, or as [`Recording::open`] and [`Recording::append`].
pub fn save(
    path: &Path,
    source: &str,
    place: Option<&Place>,
    exchanges: &[Exchange],
) -> Result<usize, HistoryError> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(HistoryError::Recording {
            path: path.to_owned(),
            reason: "it exists already: choose another name".to_owned(),
        });
    }
    let recording = Recording::open(path)?;
    for exchange in exchanges {
        recording.append(source, place, exchange)?;
    }
    Ok(exchanges.len())
}

/// [`save`] from the TUI, said in a sentence: what was saved, or why not.
///
/// # Errors
/// As [`save`], in words.
pub fn saved(path: &Path, place: Option<&Place>, exchanges: &[Exchange]) -> Result<String, String> {
    let n = save(path, "tui", place, exchanges).map_err(|e| e.to_string())?;
    let what = if n == 1 { "exchange" } else { "exchanges" };
    Ok(format!(
        "saved {n} {what} to {} (gc-attrs replay replays it)",
        path.display()
    ))
}

/// A recording as read back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Read {
    /// The entries, in the file's order.
    pub entries: Vec<Entry>,
    /// What was skipped, each as `FILE:LINE: why` (or `FILE: why`).
    pub problems: Vec<String>,
}

/// Reads a recording (see the module's limits); a bad line is skipped and
/// reported, never fatal.
///
/// # Errors
/// When the file is missing, a link, not a regular file, or unreadable.
pub fn read(path: &Path) -> Result<Read, HistoryError> {
    let read_error = |source| HistoryError::Read {
        path: path.to_owned(),
        source,
    };
    let metadata = fs::symlink_metadata(path).map_err(read_error)?;
    if !metadata.file_type().is_file() {
        return Err(read_error(io::Error::other(
            "not a regular file (a link, a folder or a device)",
        )));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE).read_to_end(&mut bytes))
        .map_err(read_error)?;
    let mut read = parse(&path.display().to_string(), &bytes);
    if metadata.len() > MAX_FILE {
        read.problems.push(format!(
            "{}: larger than {} MiB: only its first {} MiB are read",
            path.display(),
            MAX_FILE >> 20,
            MAX_FILE >> 20
        ));
    }
    Ok(read)
}

/// Parses a recording's bytes; `name` names it in the problems.
#[must_use]
pub fn parse(name: &str, bytes: &[u8]) -> Read {
    let mut read = Read::default();
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = index + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if read.entries.len() == MAX_ENTRIES {
            read.problems.push(format!(
                "{name}:{number}: more than {MAX_ENTRIES} entries: the rest is not read"
            ));
            break;
        }
        if line.len() > MAX_LINE {
            read.problems.push(format!(
                "{name}:{number}: longer than {} KiB: skipped",
                MAX_LINE >> 10
            ));
            continue;
        }
        match serde_json::from_slice::<Entry>(line) {
            Ok(entry) => read.entries.push(entry),
            Err(error) => read.problems.push(format!(
                "{name}:{number}: not a recorded exchange ({error}): skipped"
            )),
        }
    }
    read
}

/// Refuses a path that is a link or exists as anything but a regular file
/// (a FIFO would hang the writer, a device take anything).
fn refuse_special(path: &Path) -> Result<(), HistoryError> {
    let reason = match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            "it is a symbolic link, and gc-attrs does not write through one: give another name"
        }
        Ok(metadata) if !metadata.file_type().is_file() => {
            "it is not a regular file (a folder or a device): give another name"
        }
        _ => return Ok(()),
    };
    Err(HistoryError::Recording {
        path: path.to_owned(),
        reason: reason.to_owned(),
    })
}

/// The history's error for a write, said of the recording.
fn in_recording(error: HistoryError) -> HistoryError {
    match error {
        HistoryError::Write { path, source } => HistoryError::Recording {
            path,
            reason: format!("{source}; check the folder exists and may be written"),
        },
        HistoryError::Symlink { path } => HistoryError::Recording {
            path,
            reason: "it is a symbolic link, and gc-attrs does not write through one".to_owned(),
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Outcome;

    fn exchange(url: &str) -> Exchange {
        Exchange::new("GET", url, Outcome::answer(200))
    }

    #[test]
    fn a_bad_line_is_reported_with_its_number_and_skipped() {
        let good = serde_json::to_string(&Entry {
            time: "2026-01-01T00:00:00.000Z".into(),
            source: "cli".into(),
            place: None,
            exchange: exchange("https://x/1"),
        })
        .unwrap();
        let text = format!("{good}\nnot json\n\n{good}\n{{\"time\": 1}}\n");
        let read = parse("rec.jsonl", text.as_bytes());
        assert_eq!(read.entries.len(), 2);
        assert_eq!(read.problems.len(), 2, "{:?}", read.problems);
        assert!(read.problems[0].starts_with("rec.jsonl:2: not a recorded exchange"));
        assert!(read.problems[1].starts_with("rec.jsonl:5: "));
    }

    #[test]
    fn a_line_over_the_cap_is_skipped_and_the_entries_stop_at_theirs() {
        let long = format!("{}\n", "x".repeat(MAX_LINE + 1));
        let read = parse("f", long.as_bytes());
        assert!(read.entries.is_empty());
        assert_eq!(read.problems, ["f:1: longer than 1024 KiB: skipped"]);
        let line = serde_json::to_string(&Entry {
            time: String::new(),
            source: "tui".into(),
            place: None,
            exchange: exchange("https://x/1"),
        })
        .unwrap();
        let many = format!("{line}\n").repeat(MAX_ENTRIES + 2);
        let read = parse("f", many.as_bytes());
        assert_eq!(read.entries.len(), MAX_ENTRIES);
        assert_eq!(read.problems.len(), 1);
        assert!(read.problems[0].contains("more than 10000 entries"));
    }

    #[test]
    fn a_saved_recording_is_redacted_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("session.jsonl");
        let mut login = Exchange::new("POST", "https://x/oauth/token", Outcome::answer(200));
        login.request_headers = vec![("Authorization".into(), "Basic ZGVtbzpzZWNyZXQ=".into())];
        login.request_body = Some("grant_type=client_credentials&client_secret=demo-secret".into());
        login.response_body = r#"{"access_token":"tok-123456","token_type":"bearer"}"#.into();
        let saved = save(
            &path,
            "tui",
            Some(&Place::Simulator),
            &[login, exchange("https://x/2")],
        );
        assert_eq!(saved.unwrap(), 2);
        let text = fs::read_to_string(&path).unwrap();
        for secret in ["demo-secret", "tok-123456", "ZGVtbzpzZWNyZXQ="] {
            assert!(!text.contains(secret), "{secret} in clear: {text}");
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let read = read(&path).unwrap();
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        assert_eq!(read.entries.len(), 2);
        assert_eq!(read.entries[1].exchange.url, "https://x/2");
        assert!(
            save(&path, "tui", None, &[]).is_err(),
            "an existing file is refused"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_or_a_folder_is_neither_written_nor_read() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.jsonl");
        fs::write(&target, "").unwrap();
        let link = dir.path().join("link.jsonl");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let refused = Recording::open(&link).unwrap_err().to_string();
        assert!(refused.contains("is a symbolic link"), "{refused}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "", "nothing written");
        assert!(read(&link).is_err());
        assert!(Recording::open(dir.path()).is_err());
        assert!(read(dir.path()).is_err());
    }
}
