//! Keys as the app sees them: the shell translates terminal events into
//! these, so the app needs no terminal crate. A key prints as the footer and
//! the help show it (`Ctrl-X`, `←`, `PgUp`) and parses from the names a
//! `[keys]` table of `config.toml` uses (`"x"`, `"ctrl-x"`, `"pgup"`).

use std::fmt;

/// A key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// Which key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

/// The keys the app acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCode {
    /// A character (shifted letters arrive upper-case).
    Char(char),
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// A function key, F1 to F12.
    F(u8),
}

impl Key {
    /// A plain key.
    #[must_use]
    pub const fn plain(code: KeyCode) -> Self {
        Self {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// A character key.
    #[must_use]
    pub const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    /// Control and a character.
    #[must_use]
    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Whether this is Ctrl-C, which always quits.
    #[must_use]
    pub fn is_quit(self) -> bool {
        self.ctrl && matches!(self.code, KeyCode::Char('c' | 'C'))
    }

    /// Whether this is an arrow key (without Ctrl or Alt).
    #[must_use]
    pub fn is_arrow(self) -> bool {
        matches!(
            self.code,
            KeyCode::Left | KeyCode::Right | KeyCode::Up | KeyCode::Down
        ) && !self.ctrl
            && !self.alt
    }

    /// Whether a text field takes this key as a typed character (a
    /// character without Ctrl or Alt): such a key types while a field has
    /// focus, whatever it is bound to.
    #[must_use]
    pub fn types(self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && !self.ctrl && !self.alt
    }

    /// Reads a key as a `[keys]` table writes it: one character as itself
    /// (`"x"`, `"X"` is Shift-x, `"?"`), a name (`enter`, `esc`, `tab`,
    /// `shift-tab`, `backspace`, `delete`, `left`, `right`, `up`, `down`,
    /// `home`, `end`, `pgup`, `pgdn`, `space`, `f1` to `f12`), or either
    /// after `ctrl-` or `alt-`. Names ignore case; a single character does not.
    ///
    /// # Errors
    /// What was not understood and what is accepted, for the user to fix.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut key = Self::plain(KeyCode::Enter);
        let mut rest = text.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(tail) = ["ctrl-", "ctrl+", "control-"]
                .iter()
                .find_map(|p| lower.strip_prefix(p).map(|t| rest.len() - t.len()))
            {
                key.ctrl = true;
                rest = &rest[tail..];
            } else if let Some(tail) = ["alt-", "alt+"]
                .iter()
                .find_map(|p| lower.strip_prefix(p).map(|t| rest.len() - t.len()))
            {
                key.alt = true;
                rest = &rest[tail..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => match c {
                '←' => KeyCode::Left,
                '→' => KeyCode::Right,
                '↑' => KeyCode::Up,
                '↓' => KeyCode::Down,
                // Terminals send Ctrl with the lower-case letter.
                c if key.ctrl => KeyCode::Char(c.to_ascii_lowercase()),
                c => KeyCode::Char(c),
            },
            _ => named(&rest.to_ascii_lowercase()).ok_or_else(|| {
                format!(
                    "`{text}` is not a key: write one character (\"x\", \"X\", \"?\"), a name \
                     (enter, esc, tab, shift-tab, backspace, delete, left, right, up, down, \
                     home, end, pgup, pgdn, space, f1…f12), or either after ctrl- or alt-"
                )
            })?,
        };
        Ok(key)
    }
}

fn named(name: &str) -> Option<KeyCode> {
    Some(match name {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "shift-tab" | "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "space" => KeyCode::Char(' '),
        _ => {
            let n: u8 = name.strip_prefix('f')?.parse().ok()?;
            return (1..=12).contains(&n).then_some(KeyCode::F(n));
        }
    })
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}
