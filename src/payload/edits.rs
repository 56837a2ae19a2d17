//! The edit model over an original attribute map.

use std::collections::{BTreeSet, HashMap};

use crate::genesys::Attributes;

/// One attribute row of the form: where it came from and what it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The original key, or `None` for a key the user added.
    pub origin: Option<String>,
    /// The key now (after any rename).
    pub key: String,
    /// The value now.
    pub value: String,
    /// Deleted by the user (only rows with an origin stay, marked deleted).
    pub deleted: bool,
}

/// What happened to a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    /// As it was.
    Unchanged,
    /// The value changed.
    Changed,
    /// The key changed (the value may too).
    Renamed,
    /// A new key.
    Added,
    /// Deleted.
    Deleted,
}

/// An edit that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No attribute has this key.
    #[error("no attribute `{0}`: pick an existing key")]
    NoSuchKey(String),
    /// Another attribute has this key already.
    #[error("attribute `{0}` exists already: edit it, or choose another key")]
    KeyExists(String),
    /// Reverting would collide with a key added since.
    #[error(
        "cannot revert to `{0}`: another attribute now has that key; rename or delete it first"
    )]
    RevertConflict(String),
}

/// What changed in the edited map since the changes were last taken
/// ([`Edits::take_changes`]), so that what follows from it can follow one
/// key at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changes {
    /// Anything: start over (new edits, or every edit reverted).
    All,
    /// At most these keys have another value in the edited map, or are in it
    /// or out of it where they were not.
    Keys(BTreeSet<String>),
}

/// The changes not taken yet. Bookkeeping, not state: two logs compare equal.
#[derive(Debug, Clone)]
struct Log(Changes);

impl PartialEq for Log {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Log {}

impl Log {
    fn touch(&mut self, key: &str) {
        if let Changes::Keys(keys) = &mut self.0 {
            if !keys.contains(key) {
                keys.insert(key.to_owned());
            }
        }
    }
}

/// The user's edits over an original attribute map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edits {
    original: Attributes,
    rows: Vec<Row>,
    /// Live (not deleted) keys to their row, so that edits on large maps
    /// stay O(1) per key.
    live: HashMap<String, usize>,
    /// The keys touched since the changes were last taken.
    log: Log,
}

impl Edits {
    /// Starts with no edits.
    #[must_use]
    pub fn new(original: Attributes) -> Self {
        let rows = Self::rows_of(&original);
        let live = Self::index_of(&rows);
        Self {
            original,
            rows,
            live,
            log: Log(Changes::All),
        }
    }

    /// The changes to the edited map since they were last taken (all of it
    /// for new edits), and starts a new record.
    pub fn take_changes(&mut self) -> Changes {
        std::mem::replace(&mut self.log.0, Changes::Keys(BTreeSet::new()))
    }

    fn index_of(rows: &[Row]) -> HashMap<String, usize> {
        rows.iter()
            .enumerate()
            .filter(|(_, row)| !row.deleted)
            .map(|(i, row)| (row.key.clone(), i))
            .collect()
    }

    /// Removes a row; rare (only added rows are removed), so the index is rebuilt.
    fn remove_row(&mut self, index: usize) {
        self.rows.remove(index);
        self.live = Self::index_of(&self.rows);
    }

    fn rows_of(original: &Attributes) -> Vec<Row> {
        original
            .iter()
            .map(|(key, value)| Row {
                origin: Some(key.clone()),
                key: key.clone(),
                value: value.clone(),
                deleted: false,
            })
            .collect()
    }

    /// The map the edits started from.
    #[must_use]
    pub fn original(&self) -> &Attributes {
        &self.original
    }

    /// The rows: the original keys in order, then the added ones.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// What happened to a row.
    #[must_use]
    pub fn status(&self, row: &Row) -> RowStatus {
        match &row.origin {
            None => RowStatus::Added,
            Some(_) if row.deleted => RowStatus::Deleted,
            Some(origin) if *origin != row.key => RowStatus::Renamed,
            Some(origin) if self.original.get(origin) != Some(&row.value) => RowStatus::Changed,
            Some(_) => RowStatus::Unchanged,
        }
    }

    /// Each row with its [status](Self::status), in order, with no key
    /// looked up: the rows of the original keys come first, in the
    /// original's order (a row that is removed is always an added one).
    pub fn statuses(&self) -> impl Iterator<Item = (&Row, RowStatus)> {
        let originals = self
            .original
            .values()
            .map(Some)
            .chain(std::iter::repeat(None));
        self.rows.iter().zip(originals).map(|(row, original)| {
            let status = match &row.origin {
                None => RowStatus::Added,
                Some(_) if row.deleted => RowStatus::Deleted,
                Some(origin) if *origin != row.key => RowStatus::Renamed,
                Some(_) if original != Some(&row.value) => RowStatus::Changed,
                Some(_) => RowStatus::Unchanged,
            };
            (row, status)
        })
    }

    /// The map as the user wants it now.
    #[must_use]
    pub fn edited(&self) -> Attributes {
        self.rows
            .iter()
            .filter(|row| !row.deleted)
            .map(|row| (row.key.clone(), row.value.clone()))
            .collect()
    }

    /// The value of a live key now, found through the key index (no copy
    /// of the map, unlike [`Self::edited`]).
    #[must_use]
    pub fn value(&self, key: &str) -> Option<&str> {
        self.live(key).map(|index| self.rows[index].value.as_str())
    }

    /// The row of a live key, found through the key index.
    #[must_use]
    pub fn row_of(&self, key: &str) -> Option<usize> {
        self.live(key)
    }

    /// Whether the edited map differs from the original.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        // The edited map, without making it: as many keys, each with its value.
        self.live.len() != self.original.len()
            || self
                .original
                .iter()
                .any(|(key, value)| self.value(key) != Some(value.as_str()))
    }

    fn live(&self, key: &str) -> Option<usize> {
        self.live.get(key).copied()
    }

    /// Whether the key index matches the rows (for tests).
    #[cfg(test)]
    pub(crate) fn index_is_consistent(&self) -> bool {
        self.live == Self::index_of(&self.rows)
    }

    fn live_mut(&mut self, key: &str) -> Result<&mut Row, EditError> {
        let index = self
            .live(key)
            .ok_or_else(|| EditError::NoSuchKey(key.to_owned()))?;
        Ok(&mut self.rows[index])
    }

    /// Sets the value of an existing key.
    ///
    /// # Errors
    /// [`EditError::NoSuchKey`] when no live attribute has the key.
    pub fn set_value(&mut self, key: &str, value: &str) -> Result<(), EditError> {
        value.clone_into(&mut self.live_mut(key)?.value);
        self.log.touch(key);
        Ok(())
    }

    /// Adds a key. Adding back a key the user deleted restores its row.
    ///
    /// # Errors
    /// [`EditError::KeyExists`] when a live attribute has the key.
    pub fn add(&mut self, key: &str, value: &str) -> Result<(), EditError> {
        if self.live(key).is_some() {
            return Err(EditError::KeyExists(key.to_owned()));
        }
        let deleted = self
            .rows
            .iter()
            .position(|row| row.deleted && row.origin.as_deref() == Some(key));
        let index = if let Some(index) = deleted {
            let row = &mut self.rows[index];
            key.clone_into(&mut row.key);
            value.clone_into(&mut row.value);
            row.deleted = false;
            index
        } else {
            self.rows.push(Row {
                origin: None,
                key: key.to_owned(),
                value: value.to_owned(),
                deleted: false,
            });
            self.rows.len() - 1
        };
        self.live.insert(key.to_owned(), index);
        self.log.touch(key);
        Ok(())
    }

    /// Renames a key, keeping its value.
    ///
    /// # Errors
    /// [`EditError::NoSuchKey`] or [`EditError::KeyExists`].
    pub fn rename(&mut self, old: &str, new: &str) -> Result<(), EditError> {
        if old == new {
            return self
                .live(old)
                .map(|_| ())
                .ok_or_else(|| EditError::NoSuchKey(old.to_owned()));
        }
        if self.live(new).is_some() {
            return Err(EditError::KeyExists(new.to_owned()));
        }
        let index = self
            .live
            .remove(old)
            .ok_or_else(|| EditError::NoSuchKey(old.to_owned()))?;
        new.clone_into(&mut self.rows[index].key);
        self.live.insert(new.to_owned(), index);
        self.log.touch(old);
        self.log.touch(new);
        Ok(())
    }

    /// Deletes a key. An added key disappears; an original one stays as a
    /// deleted row, so it can be reverted.
    ///
    /// # Errors
    /// [`EditError::NoSuchKey`].
    pub fn delete(&mut self, key: &str) -> Result<(), EditError> {
        let index = self
            .live
            .remove(key)
            .ok_or_else(|| EditError::NoSuchKey(key.to_owned()))?;
        self.log.touch(key);
        if self.rows[index].origin.is_some() {
            self.rows[index].deleted = true;
        } else {
            self.remove_row(index);
        }
        Ok(())
    }

    /// Reverts one row: the live row with this key, or the deleted row whose
    /// original key this is. An added row disappears.
    ///
    /// # Errors
    /// [`EditError::NoSuchKey`], or [`EditError::RevertConflict`] when another
    /// row now holds the original key.
    pub fn revert(&mut self, key: &str) -> Result<(), EditError> {
        let index = self
            .live(key)
            .or_else(|| {
                self.rows
                    .iter()
                    .position(|row| row.deleted && row.origin.as_deref() == Some(key))
            })
            .ok_or_else(|| EditError::NoSuchKey(key.to_owned()))?;
        let Some(origin) = self.rows[index].origin.clone() else {
            self.log.touch(key);
            self.remove_row(index);
            return Ok(());
        };
        if self.live(&origin).is_some_and(|other| other != index) {
            return Err(EditError::RevertConflict(origin));
        }
        let now = self.rows[index].key.clone();
        self.log.touch(&now);
        self.log.touch(&origin);
        let value = self.original.get(&origin).cloned().unwrap_or_default();
        let row = &mut self.rows[index];
        if !row.deleted {
            self.live.remove(&row.key);
        }
        row.key.clone_from(&origin);
        row.value = value;
        row.deleted = false;
        self.live.insert(origin, index);
        Ok(())
    }

    /// Drops every edit.
    pub fn revert_all(&mut self) {
        self.rows = Self::rows_of(&self.original);
        self.live = Self::index_of(&self.rows);
        self.log.0 = Changes::All;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edits() -> Edits {
        Edits::new(Attributes::from([
            ("intent".into(), "billing".into()),
            ("priority".into(), "2".into()),
        ]))
    }

    #[test]
    fn each_edit_shows_in_the_row_status() {
        let mut e = edits();
        e.set_value("intent", "billing-dispute").unwrap();
        e.add("callbackWindow", "18:00-20:00").unwrap();
        e.delete("priority").unwrap();
        let statuses: Vec<_> = e
            .rows()
            .iter()
            .map(|r| (r.key.as_str(), e.status(r)))
            .collect();
        assert_eq!(
            statuses,
            [
                ("intent", RowStatus::Changed),
                ("priority", RowStatus::Deleted),
                ("callbackWindow", RowStatus::Added)
            ]
        );
        e.rename("intent", "reason").unwrap();
        assert_eq!(e.status(&e.rows()[0]), RowStatus::Renamed);
        assert!(e.is_dirty());
    }

    #[test]
    fn invalid_edits_are_errors_and_change_nothing() {
        let mut e = edits();
        let before = e.clone();
        assert_eq!(
            e.set_value("nope", "x"),
            Err(EditError::NoSuchKey("nope".into()))
        );
        assert_eq!(
            e.add("intent", "x"),
            Err(EditError::KeyExists("intent".into()))
        );
        assert_eq!(
            e.rename("intent", "priority"),
            Err(EditError::KeyExists("priority".into()))
        );
        assert_eq!(e.delete("nope"), Err(EditError::NoSuchKey("nope".into())));
        assert_eq!(e.revert("nope"), Err(EditError::NoSuchKey("nope".into())));
        assert_eq!(e, before);
        assert!(e.rename("intent", "intent").is_ok());
    }

    #[test]
    fn revert_restores_renamed_deleted_and_drops_added_rows() {
        let mut e = edits();
        e.rename("intent", "reason").unwrap();
        e.set_value("reason", "other").unwrap();
        e.revert("reason").unwrap();
        assert_eq!(e.edited(), *e.original());
        e.delete("priority").unwrap();
        e.revert("priority").unwrap();
        e.add("new", "1").unwrap();
        e.revert("new").unwrap();
        assert!(!e.is_dirty());
        assert_eq!(e.rows().len(), 2);
    }

    #[test]
    fn revert_refuses_to_collide_with_a_new_key() {
        let mut e = edits();
        e.rename("intent", "reason").unwrap();
        e.add("intent", "fresh").unwrap();
        assert_eq!(
            e.revert("reason"),
            Err(EditError::RevertConflict("intent".into()))
        );
        e.revert_all();
        assert!(!e.is_dirty());
    }

    #[test]
    fn a_value_is_read_through_the_index_as_the_edited_map_has_it() {
        let mut e = edits();
        e.rename("intent", "reason").unwrap();
        e.set_value("priority", "3").unwrap();
        e.add("new", "1").unwrap();
        e.delete("new").unwrap();
        for key in ["intent", "reason", "priority", "new", "nope"] {
            assert_eq!(
                e.value(key),
                e.edited().get(key).map(String::as_str),
                "{key}"
            );
        }
    }

    #[test]
    fn adding_back_a_deleted_key_restores_its_row() {
        let mut e = edits();
        e.delete("priority").unwrap();
        e.add("priority", "2").unwrap();
        assert!(!e.is_dirty());
        assert_eq!(e.rows().len(), 2);
    }
}
