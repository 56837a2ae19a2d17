//! Remapping: the entries of `config.toml`'s `[keys]` table (read by
//! `config`, which knows the file and the lines) applied to the defaults. A
//! remap that names no action, holds a key that does not parse, binds
//! Ctrl-C, leaves an action no key it can use, or clashes with another
//! action in the same context is reported and the action keeps its defaults.

use std::collections::BTreeSet;

use super::{Action, Context, Keymap, TABLE};
use crate::app::Key;

/// One entry of `[keys]`: `action = "key"` or `action = ["key", …]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remap {
    /// The action's name as written.
    pub action: String,
    /// The keys as written.
    pub keys: Vec<String>,
    /// Where it was written, `PATH:LINE:COLUMN`, to start each message.
    pub origin: String,
}

impl Keymap {
    /// The defaults with `remaps` applied; the second value says, one
    /// sentence per remap that was not applied, what was wrong and that the
    /// default is kept. Remaps are applied together, so two actions may
    /// swap keys.
    #[must_use]
    pub fn with_remaps(remaps: &[Remap]) -> (Self, Vec<String>) {
        let mut map = Self::default();
        let mut problems = Vec::new();
        let mut applied: Vec<(Action, &Remap)> = Vec::new();
        for remap in remaps {
            match check(remap) {
                Ok((action, keys)) => {
                    if let Some(i) = applied.iter().position(|(a, _)| *a == action) {
                        applied.remove(i);
                    }
                    map.set(action, &keys);
                    applied.push((action, remap));
                }
                Err(problem) => problems.push(format!("{}: {problem}", remap.origin)),
            }
        }
        // Undo remapped actions that clash, until none does: the defaults
        // never clash among themselves, so this ends.
        while let Some((context, key, actions)) = map.clash() {
            let mut undone = false;
            for action in &actions {
                let Some(i) = applied.iter().position(|(a, _)| a == action) else {
                    continue;
                };
                let (_, remap) = applied.remove(i);
                let others: Vec<&str> = actions
                    .iter()
                    .filter(|a| *a != action)
                    .map(|a| a.name())
                    .collect();
                map.reset(*action);
                problems.push(format!(
                    "{}: `{key}` for {} clashes with {} in {}; {} keeps {}",
                    remap.origin,
                    action.name(),
                    others.join(", "),
                    context.describe(),
                    action.name(),
                    default_text(*action),
                ));
                undone = true;
            }
            if !undone {
                // Unreachable with a clash-free default table (tested).
                break;
            }
        }
        (map, problems)
    }

    fn set(&mut self, action: Action, keys: &[Key]) {
        for (row, slot) in TABLE.iter().zip(self.keys.iter_mut()) {
            if row.action == action {
                *slot = keys.to_vec();
            }
        }
    }

    fn reset(&mut self, action: Action) {
        for (row, slot) in TABLE.iter().zip(self.keys.iter_mut()) {
            if row.action == action {
                *slot = row.keys.to_vec();
            }
        }
    }

    /// The first key meaning two actions in contexts live together: the
    /// context, the key and the actions.
    pub(crate) fn clash(&self) -> Option<(Context, Key, BTreeSet<Action>)> {
        for together in Context::TOGETHER {
            let rows: Vec<_> = self
                .rows()
                .filter(|(row, _)| together.contains(&row.context))
                .collect();
            for (_, keys) in &rows {
                for key in *keys {
                    let actions: BTreeSet<Action> = rows
                        .iter()
                        .filter(|(_, other)| other.contains(key))
                        .map(|(r, _)| r.action)
                        .collect();
                    if actions.len() > 1 {
                        return Some((together[0], *key, actions));
                    }
                }
            }
        }
        None
    }
}

/// The action and keys of a remap, or what is wrong with it.
fn check(remap: &Remap) -> Result<(Action, Vec<Key>), String> {
    let Some(action) = Action::from_name(&remap.action) else {
        return Err(format!(
            "unknown action `{}` in [keys]; the actions are: {}",
            remap.action,
            Action::ALL
                .iter()
                .map(|a| a.name())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    };
    let name = action.name();
    let defaults = default_text(action);
    if remap.keys.is_empty() {
        return Err(format!(
            "{name} = []: give at least one key; {name} keeps {defaults}"
        ));
    }
    let mut keys = Vec::new();
    for text in &remap.keys {
        let key = Key::parse(text).map_err(|e| format!("{name}: {e}; {name} keeps {defaults}"))?;
        if key.is_quit() {
            return Err(format!(
                "{name}: Ctrl-C always quits and cannot be bound; {name} keeps {defaults}"
            ));
        }
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    // Where a text field takes typed characters, the action needs another key.
    if let Some(row) = TABLE
        .iter()
        .filter(|r| r.action == action && r.context.has_text_field())
        .find(|_| keys.iter().all(|k| k.types()))
    {
        return Err(format!(
            "{name}: in {} a text field takes typed characters, so {} would type there; \
             add a key that does not type (e.g. a Ctrl- key, F-key or arrow); {name} keeps {defaults}",
            row.context.describe(),
            keys.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", "),
        ));
    }
    Ok((action, keys))
}

/// The default keys of `action` (of its first row), for messages.
fn default_text(action: Action) -> String {
    TABLE
        .iter()
        .find(|r| r.action == action)
        .map(|r| r.keys)
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}
