//! Error-answer explainer (being written).
