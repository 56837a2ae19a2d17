//! What the form edits, and what follows from the edits: the shared preview
//! ([`crate::usecase::Preview`]) of the workspace's target, recomputed once
//! per edit or change of verb or route, never during drawing; and the
//! whole-map [`Measures`] the renderer takes once per derive.

use std::sync::{Arc, Mutex, OnceLock};

use super::Workspace;
use crate::usecase::{EditTarget, Preview};

/// What the form edits and the send dialog writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendTarget {
    /// A participant's attributes: PATCH only (no PUT route exists).
    ParticipantAttributes,
    /// The conversation's secure attributes: a real PUT (replace) and PATCH (amend).
    SecureAttributes,
}

impl Workspace {
    /// The edit target of the use-case layer.
    #[must_use]
    pub fn edit_target(&self) -> EditTarget {
        let conversation_id = self.conversation.id.clone().unwrap_or_default();
        match self.target {
            SendTarget::ParticipantAttributes => EditTarget::ParticipantAttributes {
                conversation_id,
                participant_id: self
                    .selected()
                    .and_then(|p| p.id.clone())
                    .unwrap_or_default(),
            },
            SendTarget::SecureAttributes => EditTarget::SecureAttributes {
                conversation_id,
                version: self.secure_version,
            },
        }
    }

    /// The preview of the current edits on the chosen verb and route.
    #[must_use]
    pub fn preview(&self) -> Preview {
        Preview::of(&self.edit_target(), &self.edits, self.verb, self.route)
    }
}

/// Whole-map sizes the renderer needs on every frame (the widest key of the
/// form and of each predicted map, the counts in the form's title). They
/// follow from the edits alone, never from the cursor or the scroll, so they
/// are measured once per derive ([`Workspace::measures`]) instead of once
/// per row on every frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Measures {
    /// Live (not deleted) rows of the form.
    pub keys: usize,
    /// Rows with an edit.
    pub edits: usize,
    /// The widest key cell of the form, in terminal cells.
    pub form_key_width: usize,
    /// The widest key of the map predicted after PATCH, or of the keys a
    /// PATCH cannot remove, in terminal cells.
    pub after_patch_key_width: usize,
    /// The same for the map predicted after PUT.
    pub after_put_key_width: usize,
    /// The layout of the preview's diff that no width changes.
    pub diff: DiffShape,
}

/// What the renderer needs of a diff's layout before it knows the width:
/// which lines may wrap (the others take one line at any width), and the
/// side-by-side pairing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DiffShape {
    /// Digits of the largest line number.
    pub digits: usize,
    /// Unified: the lines (indices into the diff) that may take more than one line.
    pub wrapping: Vec<usize>,
    /// Side by side: each row's old and new line (indices into the diff).
    pub pairs: Vec<(Option<usize>, Option<usize>)>,
    /// Side by side: the rows (indices into `pairs`) that may take more than one line.
    pub pair_wrapping: Vec<usize>,
    /// With every long line wrapped: the rows that take more than one line
    /// and their heights, for the last width and layout drawn.
    pub wrapped: Keyed<(usize, crate::app::DiffLayout), Vec<(usize, usize)>>,
}

/// A value computed for one key (a width) on first use, kept while the key
/// stays the same. Like [`Memo`], a cache, not state: two compare equal, and
/// a clone starts empty.
pub struct Keyed<K, T>(Mutex<Option<(K, Arc<T>)>>);

impl<K: PartialEq + Copy, T> Keyed<K, T> {
    /// The value for `key`, computed by `init` unless the last one was for it.
    pub fn get_or_init(&self, key: K, init: impl FnOnce() -> T) -> Arc<T> {
        // A panic while computing leaves no value: the next use computes it.
        let mut slot = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match slot.as_ref() {
            Some((at, value)) if *at == key => Arc::clone(value),
            _ => {
                let value = Arc::new(init());
                *slot = Some((key, Arc::clone(&value)));
                value
            }
        }
    }
}

impl<K, T> Default for Keyed<K, T> {
    fn default() -> Self {
        Self(Mutex::new(None))
    }
}

impl<K, T> Clone for Keyed<K, T> {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl<K, T> PartialEq for Keyed<K, T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<K, T> Eq for Keyed<K, T> {}

impl<K, T> std::fmt::Debug for Keyed<K, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keyed")
    }
}

/// A value computed at most once from the derived state, on first use (by
/// the renderer, which knows how text is measured), and dropped by the next
/// derive. It is a cache, not state: two memos compare equal, and a clone
/// starts empty.
#[derive(Default)]
pub struct Memo<T>(OnceLock<T>);

impl<T> Memo<T> {
    /// The value, computed by `init` if this is its first use since the
    /// last derive.
    pub fn get_or_init(&self, init: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(init)
    }
}

impl<T> Clone for Memo<T> {
    fn clone(&self) -> Self {
        Self(OnceLock::new())
    }
}

impl<T> PartialEq for Memo<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> std::fmt::Debug for Memo<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}
