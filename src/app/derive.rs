//! What the form edits, and what follows from the edits: the shared preview
//! ([`crate::usecase::Preview`]) of the workspace's target, recomputed once
//! per edit or change of verb or route, never during drawing.

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
