//! JSON diff (placeholder, filled below).
