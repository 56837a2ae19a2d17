//! Edits to a participant's attributes, and the two bodies that follow from
//! them: the PATCH body the API takes, and the PUT-style body a full
//! replacement would carry (no PUT route exists for participant attributes,
//! §1.4; it is built so the difference can be seen).
//!
//! The PATCH merge is per key (the best evidence, but *unconfirmed*, §3):
//! keys the user deleted survive a PATCH with their old values, because the
//! API documents no way to delete a key.
//!
//! Pure: no I/O.

mod edits;
mod plan;

pub use edits::{Changes, EditError, Edits, Row, RowStatus};
pub use plan::Plan;
