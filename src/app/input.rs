//! A one-line text input with a cursor, by characters (not bytes), so that
//! unicode edits correctly.

use super::keys::{Key, KeyCode};

/// Where the word before character `cursor` of `text` starts: back over
/// the spaces, then over a run of word characters (letters, digits, `_`) or
/// of other punctuation. Word delete (Ctrl-W, Alt-⌫) removes from there.
#[must_use]
pub(super) fn word_start(text: &str, cursor: usize) -> usize {
    let chars: Vec<char> = text.chars().take(cursor).collect();
    let mut start = chars.len();
    while start > 0 && chars[start - 1].is_whitespace() {
        start -= 1;
    }
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let in_word = start > 0 && word(chars[start - 1]);
    while start > 0 {
        let c = chars[start - 1];
        let same = if in_word {
            word(c)
        } else {
            !word(c) && !c.is_whitespace()
        };
        if !same {
            break;
        }
        start -= 1;
    }
    start
}

/// A one-line text field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Cursor position in characters.
    cursor: usize,
}

impl TextInput {
    /// A field holding `text`, cursor at the end.
    #[must_use]
    pub fn with(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            cursor: text.chars().count(),
        }
    }

    /// The text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in characters from the start.
    #[must_use]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The field as a secret one is drawn: a `•` for each character, the
    /// cursor where it is.
    #[must_use]
    pub fn masked(&self) -> Self {
        Self {
            text: "•".repeat(self.text.chars().count()),
            cursor: self.cursor,
        }
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts text at the cursor (typing or pasting); line breaks become spaces.
    pub fn insert(&mut self, text: &str) {
        let clean: String = text
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// Deletes the word before the cursor and the spaces after it.
    fn delete_word(&mut self) {
        let start = word_start(&self.text, self.cursor);
        let (from, to) = (self.byte(start), self.byte(self.cursor));
        self.text.drain(from..to);
        self.cursor = start;
    }

    /// Applies an editing key; returns whether the key was an editing key.
    pub fn handle(&mut self, key: Key) -> bool {
        if key.ctrl {
            match key.code {
                KeyCode::Char('a') => self.cursor = 0,
                KeyCode::Char('e') => self.cursor = self.text.chars().count(),
                KeyCode::Char('u') => {
                    let at = self.byte(self.cursor);
                    self.text.drain(..at);
                    self.cursor = 0;
                }
                KeyCode::Char('k') => {
                    let at = self.byte(self.cursor);
                    self.text.truncate(at);
                }
                KeyCode::Char('w') | KeyCode::Backspace => self.delete_word(),
                _ => return false,
            }
            return true;
        }
        if key.alt {
            if key.code == KeyCode::Backspace {
                self.delete_word();
                return true;
            }
            return false;
        }
        match key.code {
            KeyCode::Char(c) => self.insert(&c.to_string()),
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Delete if self.cursor < self.text.chars().count() => {
                let at = self.byte(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.text.chars().count()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.text.chars().count(),
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Key]) -> TextInput {
        let mut input = TextInput::default();
        for key in keys {
            input.handle(*key);
        }
        input
    }

    #[test]
    fn editing_works_by_characters() {
        let mut input = TextInput::with("こんにちは");
        input.handle(Key::plain(KeyCode::Left));
        input.handle(Key::plain(KeyCode::Backspace));
        assert_eq!((input.text(), input.cursor()), ("こんには", 3));
        input.handle(Key::char('ü'));
        input.handle(Key::plain(KeyCode::Home));
        input.handle(Key::plain(KeyCode::Delete));
        assert_eq!(input.text(), "んにüは");
        input.handle(Key::ctrl('e'));
        input.insert("a\nb");
        assert_eq!(input.text(), "んにüはa b");
        input.handle(Key::plain(KeyCode::Left));
        input.handle(Key::ctrl('u'));
        assert_eq!((input.text(), input.cursor()), ("b", 0));
    }

    #[test]
    fn ctrl_k_deletes_to_the_end() {
        let mut input = TextInput::with("billing-dispute");
        input.handle(Key::ctrl('a'));
        for _ in 0..7 {
            input.handle(Key::plain(KeyCode::Right));
        }
        input.handle(Key::ctrl('k'));
        assert_eq!((input.text(), input.cursor()), ("billing", 7));
    }

    #[test]
    fn word_delete_removes_the_word_before_the_cursor() {
        let mut input = TextInput::with("/api/v2/conversations  ");
        input.handle(Key::ctrl('w'));
        assert_eq!(input.text(), "/api/v2/");
        input.handle(Key::ctrl('w'));
        assert_eq!(input.text(), "/api/v2");
        input.handle(Key {
            code: KeyCode::Backspace,
            ctrl: false,
            alt: true,
        });
        assert_eq!((input.text(), input.cursor()), ("/api/", 5));
    }

    #[test]
    fn non_editing_keys_are_left_to_the_caller() {
        let mut input = typed(&[Key::char('x')]);
        assert!(!input.handle(Key::plain(KeyCode::Enter)));
        assert!(!input.handle(Key::plain(KeyCode::Tab)));
        assert!(!input.handle(Key::ctrl('s')));
        assert!(input.handle(Key::plain(KeyCode::Backspace)));
        assert!(
            input.handle(Key::plain(KeyCode::Backspace)),
            "at the start it is still an editing key"
        );
        assert_eq!(input.text(), "");
    }
}
