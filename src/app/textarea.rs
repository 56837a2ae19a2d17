//! A multi-line text editor's state: lines, a cursor by characters, the
//! first line in view, and undo/redo. The workbench's body and error text
//! are edited in it. Its size is capped ([`MAX_TEXT`]): a paste that would
//! pass the cap is refused whole, so nothing is cut silently.

use super::keys::{Key, KeyCode};
use crate::usecase::import::MAX_IMPORT;

/// The most bytes a text area holds (the importer's cap).
pub const MAX_TEXT: usize = MAX_IMPORT;
/// The most undo steps kept.
const MAX_UNDO: usize = 200;
/// The most bytes the undo steps keep together; the oldest go first.
const MAX_UNDO_BYTES: usize = 8 * 1024 * 1024;
/// How many lines PageUp/PageDown move.
const PAGE: usize = 10;

/// What a key did to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// Not an editing key: the caller's.
    No,
    /// The cursor moved; the text is the same.
    Moved,
    /// The text changed.
    Edited,
    /// An insertion was refused: the text would pass [`MAX_TEXT`].
    TooLarge,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    lines: Vec<String>,
    row: usize,
    column: usize,
}

impl Snapshot {
    fn bytes(&self) -> usize {
        self.lines.iter().map(String::len).sum::<usize>() + self.lines.len()
    }
}

/// The kind of the last edit, so that a run of typed characters is undone
/// as one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Other,
    Typing,
}

/// A multi-line text field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextArea {
    lines: Vec<String>,
    /// Cursor line (0-based).
    row: usize,
    /// Cursor column, in characters (0-based).
    column: usize,
    /// The first line in view.
    top: usize,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    last: Last,
    /// Whether edits are kept for undo (off where the owner keeps its own).
    track: bool,
}

impl Default for TextArea {
    fn default() -> Self {
        Self {
            lines: vec![String::new()],
            row: 0,
            column: 0,
            top: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            last: Last::Other,
            track: true,
        }
    }
}

fn byte(line: &str, chars: usize) -> usize {
    line.char_indices()
        .nth(chars)
        .map_or(line.len(), |(i, _)| i)
}

fn split(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(str::to_owned)
        .collect()
}

impl TextArea {
    /// A text area holding `text`, the cursor at its start.
    #[must_use]
    pub fn with(text: &str) -> Self {
        Self {
            lines: split(text),
            ..Self::default()
        }
    }

    /// A text area holding `text` that keeps no undo steps of its own (its
    /// owner keeps them), the cursor at its start.
    #[must_use]
    pub fn untracked(text: &str) -> Self {
        Self {
            track: false,
            ..Self::with(text)
        }
    }

    /// The whole text, lines joined by `\n`.
    #[must_use]
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// The lines.
    #[must_use]
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The cursor as (line, column), 0-based, the column in characters.
    #[must_use]
    pub fn cursor(&self) -> (usize, usize) {
        (self.row, self.column)
    }

    /// The first line in view.
    #[must_use]
    pub fn top(&self) -> usize {
        self.top
    }

    /// Whether there is no text.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lines.len() == 1 && self.lines[0].is_empty()
    }

    fn len(&self) -> usize {
        self.lines.iter().map(String::len).sum::<usize>() + self.lines.len() - 1
    }

    fn line_chars(&self) -> usize {
        self.lines[self.row].chars().count()
    }

    /// Scrolls so that the cursor is within `height` lines from the top.
    pub fn follow(&mut self, height: usize) {
        let height = height.max(1);
        if self.row < self.top {
            self.top = self.row;
        } else if self.row >= self.top + height {
            self.top = self.row + 1 - height;
        }
    }

    /// Moves the cursor to a 1-based line and column (clamped).
    pub fn go_to(&mut self, line: usize, column: usize) {
        self.row = line.saturating_sub(1).min(self.lines.len() - 1);
        self.column = column.saturating_sub(1).min(self.line_chars());
        self.last = Last::Other;
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            lines: self.lines.clone(),
            row: self.row,
            column: self.column,
        }
    }

    fn restore(&mut self, snapshot: Snapshot) {
        self.lines = snapshot.lines;
        self.row = snapshot.row;
        self.column = snapshot.column;
    }

    /// Keeps the text as it is now as an undo step (before an edit of
    /// `kind`; a run of typing is one step).
    fn remember(&mut self, kind: Last) {
        if !self.track {
            return;
        }
        if kind == Last::Typing && self.last == Last::Typing {
            return;
        }
        self.last = kind;
        self.undo.push(self.snapshot());
        self.redo.clear();
        let mut bytes: usize = self.undo.iter().map(Snapshot::bytes).sum();
        while self.undo.len() > MAX_UNDO || (bytes > MAX_UNDO_BYTES && self.undo.len() > 1) {
            bytes -= self.undo[0].bytes();
            self.undo.remove(0);
        }
    }

    /// Replaces the whole text (an undo step), the cursor at the start.
    pub fn set(&mut self, text: &str) -> Handled {
        if text.len() > MAX_TEXT {
            return Handled::TooLarge;
        }
        if self.text() == text {
            return Handled::Moved;
        }
        self.remember(Last::Other);
        self.lines = split(text);
        self.row = 0;
        self.column = 0;
        self.top = 0;
        Handled::Edited
    }

    /// Inserts text at the cursor (typing or pasting), line breaks included.
    pub fn insert(&mut self, text: &str) -> Handled {
        if self.len() + text.len() > MAX_TEXT {
            return Handled::TooLarge;
        }
        if text.is_empty() {
            return Handled::Moved;
        }
        let typing = text.chars().count() == 1 && text != "\n";
        self.remember(if typing { Last::Typing } else { Last::Other });
        self.insert_raw(text);
        Handled::Edited
    }

    fn insert_raw(&mut self, text: &str) {
        let line = &self.lines[self.row];
        let at = byte(line, self.column);
        let tail = line[at..].to_owned();
        let head = line[..at].to_owned();
        let mut pieces = split(text);
        let last = pieces.len() - 1;
        self.column = if last == 0 {
            self.column + pieces[0].chars().count()
        } else {
            pieces[last].chars().count()
        };
        pieces[0] = format!("{head}{}", pieces[0]);
        pieces[last].push_str(&tail);
        let count = pieces.len();
        self.lines.splice(self.row..=self.row, pieces);
        self.row += count - 1;
    }

    /// Undoes the last edit; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let Some(snapshot) = self.undo.pop() else {
            return false;
        };
        self.redo.push(self.snapshot());
        self.restore(snapshot);
        self.last = Last::Other;
        true
    }

    /// Redoes the last undone edit; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let Some(snapshot) = self.redo.pop() else {
            return false;
        };
        self.undo.push(self.snapshot());
        self.restore(snapshot);
        self.last = Last::Other;
        true
    }

    /// Deletes the word before the cursor (and the spaces after it), or the
    /// line break at the start of a line.
    fn delete_word(&mut self) -> Handled {
        if self.column == 0 {
            return self.backspace();
        }
        self.remember(Last::Other);
        let start = super::input::word_start(&self.lines[self.row], self.column);
        let line = &mut self.lines[self.row];
        let (from, to) = (byte(line, start), byte(line, self.column));
        line.drain(from..to);
        self.column = start;
        Handled::Edited
    }

    /// Deletes from the cursor to the end of its line (the line break, at
    /// the end of one).
    fn delete_to_end(&mut self) -> Handled {
        if self.column >= self.line_chars() {
            return self.delete();
        }
        self.remember(Last::Other);
        let line = &mut self.lines[self.row];
        let at = byte(line, self.column);
        line.truncate(at);
        Handled::Edited
    }

    fn backspace(&mut self) -> Handled {
        if self.column > 0 {
            self.remember(Last::Other);
            self.column -= 1;
            let line = &mut self.lines[self.row];
            let at = byte(line, self.column);
            line.remove(at);
        } else if self.row > 0 {
            self.remember(Last::Other);
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.column = self.line_chars();
            self.lines[self.row].push_str(&line);
        } else {
            return Handled::Moved;
        }
        Handled::Edited
    }

    fn delete(&mut self) -> Handled {
        if self.column < self.line_chars() {
            self.remember(Last::Other);
            let line = &mut self.lines[self.row];
            let at = byte(line, self.column);
            line.remove(at);
        } else if self.row + 1 < self.lines.len() {
            self.remember(Last::Other);
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].push_str(&next);
        } else {
            return Handled::Moved;
        }
        Handled::Edited
    }

    /// A new line that keeps the current line's indentation.
    fn newline(&mut self) -> Handled {
        let indent: String = self.lines[self.row]
            .chars()
            .take_while(|c| *c == ' ')
            .take(self.column)
            .collect();
        if self.len() + 1 + indent.len() > MAX_TEXT {
            return Handled::TooLarge;
        }
        self.remember(Last::Other);
        self.insert_raw(&format!("\n{indent}"));
        Handled::Edited
    }

    fn vertical(&mut self, down: bool, by: usize) {
        self.row = if down {
            (self.row + by).min(self.lines.len() - 1)
        } else {
            self.row.saturating_sub(by)
        };
        self.column = self.column.min(self.line_chars());
    }

    /// Applies an editing or moving key.
    pub fn handle(&mut self, key: Key) -> Handled {
        let handled = self.apply(key);
        if handled == Handled::Moved {
            self.last = Last::Other;
        }
        handled
    }

    fn apply(&mut self, key: Key) -> Handled {
        if key.ctrl {
            return match key.code {
                KeyCode::Char('a') => {
                    self.column = 0;
                    Handled::Moved
                }
                KeyCode::Char('e') => {
                    self.column = self.line_chars();
                    Handled::Moved
                }
                KeyCode::Char('k') => self.delete_to_end(),
                KeyCode::Char('w') | KeyCode::Backspace => self.delete_word(),
                KeyCode::Home => {
                    (self.row, self.column) = (0, 0);
                    Handled::Moved
                }
                KeyCode::End => {
                    self.row = self.lines.len() - 1;
                    self.column = self.line_chars();
                    Handled::Moved
                }
                _ => Handled::No,
            };
        }
        if key.alt {
            return match key.code {
                KeyCode::Backspace => self.delete_word(),
                _ => Handled::No,
            };
        }
        match key.code {
            KeyCode::Char(c) => self.insert(c.encode_utf8(&mut [0; 4])),
            KeyCode::Enter => self.newline(),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            KeyCode::Left => {
                if self.column > 0 {
                    self.column -= 1;
                } else if self.row > 0 {
                    self.row -= 1;
                    self.column = self.line_chars();
                }
                Handled::Moved
            }
            KeyCode::Right => {
                if self.column < self.line_chars() {
                    self.column += 1;
                } else if self.row + 1 < self.lines.len() {
                    self.row += 1;
                    self.column = 0;
                }
                Handled::Moved
            }
            KeyCode::Up => {
                self.vertical(false, 1);
                Handled::Moved
            }
            KeyCode::Down => {
                self.vertical(true, 1);
                Handled::Moved
            }
            KeyCode::PageUp => {
                self.vertical(false, PAGE);
                Handled::Moved
            }
            KeyCode::PageDown => {
                self.vertical(true, PAGE);
                Handled::Moved
            }
            KeyCode::Home => {
                self.column = 0;
                Handled::Moved
            }
            KeyCode::End => {
                self.column = self.line_chars();
                Handled::Moved
            }
            _ => Handled::No,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(area: &mut TextArea, text: &str) {
        for c in text.chars() {
            let key = if c == '\n' {
                Key::plain(KeyCode::Enter)
            } else {
                Key::char(c)
            };
            area.handle(key);
        }
    }

    #[test]
    fn enter_splits_the_line_and_keeps_its_indentation() {
        let mut area = TextArea::default();
        typed(&mut area, "{\n  \"a\": 1,\n\"b\"");
        assert_eq!(area.text(), "{\n  \"a\": 1,\n  \"b\"");
        assert_eq!(area.cursor(), (2, 5));
    }

    #[test]
    fn backspace_and_delete_join_lines_at_their_ends() {
        let mut area = TextArea::with("ab\ncd");
        area.go_to(2, 1);
        area.handle(Key::plain(KeyCode::Backspace));
        assert_eq!((area.text(), area.cursor()), ("abcd".to_owned(), (0, 2)));
        area.handle(Key::plain(KeyCode::Enter));
        area.handle(Key::plain(KeyCode::Up));
        area.handle(Key::plain(KeyCode::End));
        area.handle(Key::plain(KeyCode::Delete));
        assert_eq!(area.text(), "abcd");
    }

    #[test]
    fn a_run_of_typing_is_undone_as_one_step_and_redone() {
        let mut area = TextArea::with("x");
        area.handle(Key::ctrl('e'));
        typed(&mut area, "yz");
        area.handle(Key::plain(KeyCode::Backspace));
        assert_eq!(area.text(), "xy");
        assert!(area.undo());
        assert_eq!(area.text(), "xyz");
        assert!(area.undo());
        assert_eq!(area.text(), "x");
        assert!(!area.undo());
        assert!(area.redo());
        assert_eq!(area.text(), "xyz");
        typed(&mut area, "!");
        assert!(!area.redo(), "an edit drops what could be redone");
    }

    #[test]
    fn word_delete_removes_the_word_then_the_punctuation_before_it() {
        let mut area = TextArea::with("  \"escalationLevel\": 3");
        area.handle(Key::ctrl('e'));
        area.handle(Key::ctrl('w'));
        assert_eq!(area.text(), "  \"escalationLevel\": ");
        area.handle(Key::ctrl('w'));
        assert_eq!(area.text(), "  \"escalationLevel");
        area.handle(Key {
            code: KeyCode::Backspace,
            ctrl: false,
            alt: true,
        });
        assert_eq!(area.text(), "  \"");
        assert!(area.undo());
        assert_eq!(area.text(), "  \"escalationLevel");
    }

    #[test]
    fn ctrl_k_deletes_to_the_end_of_the_line_then_the_line_break() {
        let mut area = TextArea::with("ab\ncd");
        area.go_to(1, 2);
        area.handle(Key::ctrl('k'));
        assert_eq!(area.text(), "a\ncd");
        area.handle(Key::ctrl('k'));
        assert_eq!(area.text(), "acd");
    }

    #[test]
    fn a_paste_keeps_its_lines_and_crlf_becomes_lf() {
        let mut area = TextArea::with("[]");
        area.go_to(1, 2);
        assert_eq!(area.insert("1,\r\n2"), Handled::Edited);
        assert_eq!(area.text(), "[1,\n2]");
        assert_eq!(area.cursor(), (1, 1));
        assert!(area.undo());
        assert_eq!(area.text(), "[]");
    }

    #[test]
    fn an_insert_past_the_cap_is_refused_whole() {
        let mut area = TextArea::with(&"x".repeat(MAX_TEXT - 2));
        assert_eq!(area.insert("abc"), Handled::TooLarge);
        assert_eq!(area.text().len(), MAX_TEXT - 2);
        assert_eq!(area.insert("ab"), Handled::Edited);
        assert_eq!(area.handle(Key::char('c')), Handled::TooLarge);
        assert_eq!(area.set(&"y".repeat(MAX_TEXT + 1)), Handled::TooLarge);
    }

    #[test]
    fn the_view_follows_the_cursor_both_ways() {
        let mut area = TextArea::with(&"l\n".repeat(50));
        area.go_to(30, 1);
        area.follow(10);
        assert_eq!(area.top(), 20);
        area.go_to(25, 1);
        area.follow(10);
        assert_eq!(area.top(), 20, "no scroll while the cursor is in view");
        area.go_to(3, 1);
        area.follow(10);
        assert_eq!(area.top(), 2);
    }

    #[test]
    fn moving_by_characters_is_unicode_safe() {
        let mut area = TextArea::with("héllo\nwörld");
        area.go_to(1, 3);
        area.handle(Key::plain(KeyCode::Down));
        area.handle(Key::plain(KeyCode::Backspace));
        assert_eq!(area.text(), "héllo\nwrld");
        area.handle(Key::plain(KeyCode::Left));
        area.handle(Key::plain(KeyCode::Left));
        assert_eq!(area.cursor(), (0, 5));
    }

    #[test]
    fn the_undo_steps_are_bounded() {
        let mut area = TextArea::default();
        for _ in 0..(MAX_UNDO + 50) {
            area.insert("\n");
        }
        let mut undone = 0;
        while area.undo() {
            undone += 1;
        }
        assert_eq!(undone, MAX_UNDO);
    }
}
