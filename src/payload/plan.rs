//! From an original and an edited map: both bodies and both predicted end
//! states.

use serde_json::{Value, json};

use super::Edits;
use crate::genesys::Attributes;

/// What sending the edits would carry and leave behind, for each verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The keys in the edited map that are new.
    pub added: Vec<String>,
    /// The keys whose value changed.
    pub changed: Vec<String>,
    /// The original keys absent from the edited map (deleted or renamed away).
    pub removed: Vec<String>,
    /// `{"attributes": {added and changed keys only}}`.
    pub patch: Attributes,
    /// `{"attributes": {the full map as it should be}}`.
    pub put: Attributes,
    /// Predicted attributes after the PATCH: a per-key merge, so removed
    /// keys survive with their old values (merge is *unconfirmed*, §3).
    pub after_patch: Attributes,
}

impl Plan {
    /// The plan for an edit session.
    #[must_use]
    pub fn of(edits: &Edits) -> Self {
        Self::between(edits.original(), edits.edited())
    }

    /// The plan to get from `original` to `edited`.
    #[must_use]
    pub fn between(original: &Attributes, edited: Attributes) -> Self {
        let mut added = Vec::new();
        let mut changed = Vec::new();
        let mut patch = Attributes::new();
        for (key, value) in &edited {
            match original.get(key) {
                Some(old) if old == value => continue,
                Some(_) => changed.push(key.clone()),
                None => added.push(key.clone()),
            }
            patch.insert(key.clone(), value.clone());
        }
        let removed: Vec<String> = original
            .keys()
            .filter(|k| !edited.contains_key(*k))
            .cloned()
            .collect();
        let mut after_patch = original.clone();
        after_patch.extend(patch.iter().map(|(k, v)| (k.clone(), v.clone())));
        Self {
            added,
            changed,
            removed,
            patch,
            put: edited,
            after_patch,
        }
    }

    /// Follows a change of one key: its original value and its value in the
    /// edited map now (`None`: not in it). The plan is then
    /// [`Plan::between`] of the edited map, in O(log n) per key.
    pub fn follow(&mut self, key: &str, original: Option<&String>, edited: Option<&str>) {
        let original = original.map(String::as_str);
        set(&mut self.put, key, edited);
        let in_patch = edited.is_some() && edited != original;
        set(&mut self.patch, key, edited.filter(|_| in_patch));
        set(
            &mut self.after_patch,
            key,
            if in_patch { edited } else { original },
        );
        member(&mut self.added, key, edited.is_some() && original.is_none());
        member(&mut self.changed, key, in_patch && original.is_some());
        member(
            &mut self.removed,
            key,
            original.is_some() && edited.is_none(),
        );
    }

    /// Predicted attributes after a full replacement: the PUT-style map itself.
    #[must_use]
    pub fn after_put(&self) -> &Attributes {
        &self.put
    }

    /// The keys a PATCH cannot remove: the API documents no way to delete a
    /// key (§3), so these survive with their old values.
    #[must_use]
    pub fn unremovable(&self) -> &[String] {
        &self.removed
    }

    /// Whether the PATCH body carries nothing.
    #[must_use]
    pub fn patch_is_empty(&self) -> bool {
        self.patch.is_empty()
    }

    /// The PATCH body as JSON.
    #[must_use]
    pub fn patch_body(&self) -> Value {
        json!({ "attributes": self.patch })
    }

    /// The PUT-style body as JSON.
    #[must_use]
    pub fn put_body(&self) -> Value {
        json!({ "attributes": self.put })
    }
}

/// Sets or removes a key of a map.
fn set(map: &mut Attributes, key: &str, value: Option<&str>) {
    match value {
        Some(value) => match map.get_mut(key) {
            Some(old) => value.clone_into(old),
            None => {
                map.insert(key.to_owned(), value.to_owned());
            }
        },
        None => {
            map.remove(key);
        }
    }
}

/// Puts a key in a sorted list of keys, or takes it out.
fn member(keys: &mut Vec<String>, key: &str, member: bool) {
    match (keys.binary_search_by(|k| k.as_str().cmp(key)), member) {
        (Err(at), true) => keys.insert(at, key.to_owned()),
        (Ok(at), false) => {
            keys.remove(at);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::payload::{EditError, Edits};

    fn map(pairs: &[(&str, &str)]) -> Attributes {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_realistic_edit() {
        let mut edits = Edits::new(map(&[
            ("intent", "billing"),
            ("priority", "2"),
            ("language", "en-US"),
        ]));
        edits.set_value("intent", "billing-dispute").unwrap();
        edits.add("callbackWindow", "18:00-20:00").unwrap();
        edits.delete("priority").unwrap();
        let plan = Plan::of(&edits);
        assert_eq!(
            plan.patch_body(),
            json!({"attributes": {"intent": "billing-dispute", "callbackWindow": "18:00-20:00"}})
        );
        assert_eq!(
            plan.put_body(),
            json!({"attributes": {"intent": "billing-dispute", "callbackWindow": "18:00-20:00", "language": "en-US"}})
        );
        assert_eq!(plan.unremovable(), ["priority"]);
        assert_eq!(
            plan.after_patch.get("priority").map(String::as_str),
            Some("2")
        );
        assert!(!plan.after_put().contains_key("priority"));
        assert_eq!(
            (plan.added.as_slice(), plan.changed.as_slice()),
            (
                &["callbackWindow".to_owned()][..],
                &["intent".to_owned()][..]
            )
        );
    }

    #[test]
    fn a_rename_adds_the_new_key_and_cannot_remove_the_old() {
        let mut edits = Edits::new(map(&[("acct", "884-221")]));
        edits.rename("acct", "accountNumber").unwrap();
        let plan = Plan::of(&edits);
        assert_eq!(
            plan.patch_body(),
            json!({"attributes": {"accountNumber": "884-221"}})
        );
        assert_eq!(
            plan.after_patch,
            map(&[("acct", "884-221"), ("accountNumber", "884-221")])
        );
        assert_eq!(*plan.after_put(), map(&[("accountNumber", "884-221")]));
    }

    #[test]
    fn no_edit_gives_an_empty_patch() {
        let plan = Plan::of(&Edits::new(map(&[("a", "1")])));
        assert!(plan.patch_is_empty());
        assert_eq!(plan.patch_body(), json!({"attributes": {}}));
        assert_eq!(&plan.after_patch, plan.after_put());
    }

    #[derive(Debug, Clone)]
    enum Op {
        Set(String, String),
        Add(String, String),
        Rename(String, String),
        Delete(String),
        Revert(String),
        RevertAll,
    }

    // A small key space makes collisions (case, white space, empty) common.
    fn key() -> impl Strategy<Value = String> {
        prop::sample::select(vec!["a", "b", "c", "A", " a", "", "ключ", "k/1"])
            .prop_map(str::to_owned)
    }

    fn value() -> impl Strategy<Value = String> {
        prop::sample::select(vec!["1", "2", "", "x y", "値"]).prop_map(str::to_owned)
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            3 => (key(), value()).prop_map(|(k, v)| Op::Set(k, v)),
            3 => (key(), value()).prop_map(|(k, v)| Op::Add(k, v)),
            2 => (key(), key()).prop_map(|(a, b)| Op::Rename(a, b)),
            2 => key().prop_map(Op::Delete),
            1 => key().prop_map(Op::Revert),
            1 => Just(Op::RevertAll),
        ]
    }

    fn original() -> impl Strategy<Value = Attributes> {
        prop::collection::btree_map(key(), value(), 0..6)
    }

    /// Applies an op; on success returns the ops that undo it.
    fn apply(edits: &mut Edits, op: &Op) -> Result<Vec<Op>, EditError> {
        let before = edits.edited();
        match op {
            Op::Set(k, v) => {
                let old = before.get(k).cloned().unwrap_or_default();
                edits
                    .set_value(k, v)
                    .map(|()| vec![Op::Set(k.clone(), old)])
            }
            Op::Add(k, v) => edits.add(k, v).map(|()| vec![Op::Delete(k.clone())]),
            Op::Rename(a, b) => edits
                .rename(a, b)
                .map(|()| vec![Op::Rename(b.clone(), a.clone())]),
            Op::Delete(k) => {
                let old = before.get(k).cloned().unwrap_or_default();
                edits.delete(k).map(|()| vec![Op::Add(k.clone(), old)])
            }
            Op::Revert(k) => edits.revert(k).map(|()| Vec::new()),
            Op::RevertAll => {
                edits.revert_all();
                Ok(Vec::new())
            }
        }
    }

    proptest! {
        #[test]
        fn the_bodies_and_end_states_follow_from_any_edit_sequence(
            original in original(),
            ops in prop::collection::vec(op(), 0..24),
        ) {
            let mut edits = Edits::new(original.clone());
            for op in &ops {
                let _ = apply(&mut edits, op);
            }
            let edited = edits.edited();
            let plan = Plan::of(&edits);
            // After a full replace: exactly the edited map.
            prop_assert_eq!(plan.after_put(), &edited);
            // After a merge: the edited map plus the deleted keys with their original values.
            let mut expected = edited.clone();
            for (k, v) in &original {
                if !edited.contains_key(k) {
                    expected.insert(k.clone(), v.clone());
                }
            }
            prop_assert_eq!(&plan.after_patch, &expected);
            // The PATCH body holds exactly the added and changed keys.
            for (k, v) in &edited {
                prop_assert_eq!(plan.patch.contains_key(k), original.get(k) != Some(v), "key {:?}", k);
            }
            prop_assert!(plan.patch.keys().all(|k| edited.contains_key(k)));
            prop_assert_eq!(plan.patch.len(), plan.added.len() + plan.changed.len());
            prop_assert!(edits.index_is_consistent());
            // The index finds each live row as a search of the rows does.
            for key in original.keys().chain(edited.keys()) {
                let search = edits.rows().iter().position(|r| !r.deleted && r.key == *key);
                prop_assert_eq!(edits.row_of(key), search, "key {:?}", key);
            }
            prop_assert_eq!(edits.is_dirty(), edited != original);
            // Statuses read in order are those looked up by key.
            for (row, status) in edits.statuses() {
                prop_assert_eq!(status, edits.status(row), "row {:?}", row);
            }
            // Rows and map agree: live rows have unique keys.
            let live = edits.rows().iter().filter(|r| !r.deleted).count();
            prop_assert_eq!(live, edited.len());
        }

        #[test]
        fn a_sequence_that_ends_where_it_started_gives_an_empty_patch(
            original in original(),
            ops in prop::collection::vec(op(), 0..16),
        ) {
            // Each successful edit is followed, later, by its inverse (in reverse
            // order). Reverts are left out: they have no single inverse op.
            let mut edits = Edits::new(original.clone());
            let mut undo = Vec::new();
            for op in ops.iter().filter(|op| !matches!(op, Op::Revert(_) | Op::RevertAll)) {
                if let Ok(inverse) = apply(&mut edits, op) {
                    undo.extend(inverse);
                }
            }
            while let Some(op) = undo.pop() {
                apply(&mut edits, &op).unwrap();
            }
            prop_assert_eq!(edits.edited(), original);
            prop_assert!(Plan::of(&edits).patch_is_empty());
        }
    }
}
