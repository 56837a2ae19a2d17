//! A long value edited in the user's own editor (`$VISUAL`, else `$EDITOR`,
//! else `vi`), as git and the shells do it: the value goes to a private
//! temporary file, the editor runs on it with the terminal given back, and
//! what it saved comes back as the new value.

use std::ffi::OsString;
use std::io::{Read as _, Write as _};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::app::textarea::MAX_TEXT;

/// The most bytes read back from the editor's file: the same bound as any
/// text pasted into the app (gc-attrs' own bound; the API documents none).
pub(super) const MAX_EDITED: usize = MAX_TEXT;

/// Keeps the terminal reader off standard input while another program owns
/// the terminal: a key typed in the editor must reach the editor.
#[derive(Default)]
pub(super) struct Gate {
    paused: AtomicBool,
    reading: Mutex<()>,
}

impl Gate {
    /// Held by the reader for each wait on the terminal. `None` while the
    /// terminal is lent out: the reader waits instead of reading.
    pub(super) fn enter(&self) -> Option<MutexGuard<'_, ()>> {
        if self.paused.load(Ordering::Acquire) {
            return None;
        }
        let guard = self.reading.lock().unwrap_or_else(PoisonError::into_inner);
        // Lent out while this thread waited for the lock.
        (!self.paused.load(Ordering::Acquire)).then_some(guard)
    }

    /// Stops the reader: returns once no read is under way, and none starts
    /// until [`Gate::reopen`]. (A read under way holds the lock; one that
    /// takes it after this sees the gate closed.)
    pub(super) fn close(&self) {
        self.paused.store(true, Ordering::Release);
        drop(self.reading.lock().unwrap_or_else(PoisonError::into_inner));
    }

    /// Lets the reader read again.
    pub(super) fn reopen(&self) {
        self.paused.store(false, Ordering::Release);
    }
}

/// The editor to run: `$VISUAL`, else `$EDITOR`, else `vi`; an empty
/// variable counts as unset.
pub(super) fn command(visual: Option<OsString>, editor: Option<OsString>) -> OsString {
    [visual, editor]
        .into_iter()
        .flatten()
        .find(|value| !value.to_string_lossy().trim().is_empty())
        .unwrap_or_else(|| OsString::from("vi"))
}

/// Runs `editor` on `text` and returns what it saved. The terminal must be
/// the editor's already. A final newline the editor adds is dropped unless
/// the text had one.
///
/// # Errors
/// What went wrong, in words for the status line: the file could not be
/// made or read back, the editor could not start or failed, or the text it
/// saved is too large or not UTF-8. The value stays as it was.
pub(super) fn edit(editor: &OsString, text: &str) -> Result<String, String> {
    let shown = editor.to_string_lossy();
    let mut file = tempfile::Builder::new()
        .prefix("gc-attrs-value-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| format!("no temporary file for the editor: {e}"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("the temporary file could not be written: {e}"))?;
    let status = run(editor, file.path())
        .map_err(|e| format!("the editor `{shown}` did not start ({e}): set $VISUAL or $EDITOR"))?;
    if !status.success() {
        // 127 is how a shell says it found no such command.
        let hint = if status.code() == Some(127) {
            ": is it installed? Set $VISUAL or $EDITOR"
        } else {
            ""
        };
        return Err(format!("the editor `{shown}` ended with {status}{hint}"));
    }
    let mut saved = Vec::new();
    std::fs::File::open(file.path())
        .and_then(|f| f.take(MAX_EDITED as u64 + 1).read_to_end(&mut saved))
        .map_err(|e| format!("the edited file could not be read back: {e}"))?;
    if saved.len() > MAX_EDITED {
        return Err(format!(
            "the editor saved more than {} KiB, the most gc-attrs takes",
            MAX_EDITED / 1024
        ));
    }
    let saved = String::from_utf8(saved)
        .map_err(|_| "the editor saved text that is not UTF-8".to_owned())?;
    Ok(if text.ends_with('\n') {
        saved
    } else {
        let trimmed = saved
            .strip_suffix("\r\n")
            .or_else(|| saved.strip_suffix('\n'))
            .unwrap_or(&saved);
        trimmed.to_owned()
    })
}

/// The editor variable may hold arguments (`code --wait`): a shell splits it,
/// as git does, and the file is passed as one argument whatever its name.
#[cfg(unix)]
fn run(editor: &OsString, path: &std::path::Path) -> std::io::Result<std::process::ExitStatus> {
    let mut script = editor.clone();
    script.push(" \"$1\"");
    std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg("gc-attrs-editor")
        .arg(path)
        .status()
}

#[cfg(not(unix))]
fn run(editor: &OsString, path: &std::path::Path) -> std::io::Result<std::process::ExitStatus> {
    let line = editor.to_string_lossy();
    let mut words = line.split_whitespace();
    let program = words.next().unwrap_or("notepad");
    std::process::Command::new(program)
        .args(words)
        .arg(path)
        .status()
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    /// An "editor": a shell script with this body, `$1` the file.
    fn script(dir: &tempfile::TempDir, body: &str) -> OsString {
        let path = dir.path().join("editor.sh");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o700)).unwrap();
        path.into_os_string()
    }

    #[test]
    fn visual_wins_over_editor_and_an_empty_variable_counts_as_unset() {
        let some = |s: &str| Some(OsString::from(s));
        assert_eq!(command(some("nano"), some("vim")), "nano");
        assert_eq!(command(some("  "), some("vim")), "vim");
        assert_eq!(command(None, some("")), "vi");
        assert_eq!(command(None, None), "vi");
    }

    #[test]
    fn what_the_editor_saves_comes_back_without_the_newline_it_added() {
        let dir = tempfile::tempdir().unwrap();
        let editor = script(&dir, r#"printf 'new value\n' > "$1""#);
        assert_eq!(edit(&editor, "old value").unwrap(), "new value");
    }

    #[test]
    fn a_value_that_ended_with_a_newline_keeps_what_the_editor_saved() {
        let dir = tempfile::tempdir().unwrap();
        let editor = script(&dir, r#"printf 'two\nlines\n' > "$1""#);
        assert_eq!(edit(&editor, "one\n").unwrap(), "two\nlines\n");
    }

    #[test]
    fn the_editor_gets_the_value_in_a_file_only_its_user_can_read() {
        let dir = tempfile::tempdir().unwrap();
        let seen = dir.path().join("seen");
        let editor = script(
            &dir,
            &format!(
                r#"cat "$1" > '{0}'; stat -c %a "$1" >> '{0}'"#,
                seen.display()
            ),
        );
        assert_eq!(edit(&editor, "the value").unwrap(), "the value");
        assert_eq!(std::fs::read_to_string(seen).unwrap(), "the value600\n");
    }

    #[test]
    fn arguments_in_the_variable_are_split_as_a_shell_would() {
        let dir = tempfile::tempdir().unwrap();
        let editor = script(&dir, r#"printf '%s' "$1" > "$2""#);
        let mut with_argument = editor;
        with_argument.push(" --flag");
        assert_eq!(edit(&with_argument, "x").unwrap(), "--flag");
    }

    #[test]
    fn an_editor_that_fails_leaves_the_value_and_says_how_it_ended() {
        let dir = tempfile::tempdir().unwrap();
        let editor = script(&dir, r#"printf 'half' > "$1"; exit 3"#);
        let error = edit(&editor, "old").unwrap_err();
        assert!(error.contains("exit status: 3"), "{error}");
    }

    #[test]
    fn a_missing_editor_says_to_set_the_variable() {
        let error = edit(&OsString::from("no-such-editor-gc-attrs"), "old").unwrap_err();
        assert!(error.contains("Set $VISUAL or $EDITOR"), "{error}");
    }

    #[test]
    fn an_editor_that_saves_too_much_or_not_utf8_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let editor = script(
            &dir,
            &format!(r#"head -c {} /dev/zero > "$1""#, MAX_EDITED + 1),
        );
        let error = edit(&editor, "old").unwrap_err();
        assert!(error.contains("1024 KiB"), "{error}");
        let editor = script(&dir, r#"printf '\377\376' > "$1""#);
        assert_eq!(
            edit(&editor, "old").unwrap_err(),
            "the editor saved text that is not UTF-8"
        );
    }
}
