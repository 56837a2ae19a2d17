//! The use cases both faces of the tool share, the TUI ([`crate::app`]) and
//! the headless commands ([`crate::cli`]), and the benches: pure, no I/O.
//!
//! - [`preview`]: what an edit would send on the chosen verb and route: both
//!   requests (path built by [`crate::genesys::Route::path`] only), the lint
//!   of each *as it would be sent on that route*, the PUT-style vs PATCH diff,
//!   the predicted end states and the keys PATCH cannot remove.
//! - [`check`]: a whole text (a forum answer, a code file) judged: its
//!   claims with a verdict, and its requests, each linted on its route.
//! - [`code`]: the program (curl, Python, JavaScript, Java, C#, Go, gc)
//!   that sends an edit's PATCH with the official tool of each language.
//! - [`import`]: what the user brings (a curl command, a raw HTTP request,
//!   a bare JSON body) read as a request, placeholders found and filled.
//! - [`observe`]: the re-read after a 2xx, its policy and its verdict.
//! - [`summary`]: a conversation in one row (media, participants, start,
//!   attributes, recent or fixture), for the picker and `gc-attrs sim`.
//! - [`participant`]: the conversation id in pasted text, the routes a
//!   participant offers, its state, the one to show first.
//! - [`workbench`]: a request as the user wrote it, linted as written, each
//!   finding placed in the body, fixes applied, the path it is sent to.
//! - [`verdict`]: a request's lint verdict on one line, rejects counted
//!   apart from warnings and infos, in the words every face prints.
//! - [`words`]: a lint finding or a decoded error as labelled parts, so that
//!   every face says the same words.

pub mod check;
pub mod code;
pub mod import;
pub mod observe;
pub mod participant;
pub mod preview;
pub mod summary;
pub mod verdict;
pub mod words;
pub mod workbench;

pub use observe::{Observation, RereadPolicy, RereadStep};
pub use participant::{
    RouteChoice, default_participant, extract_id, participant_state, route_choices,
};
pub use preview::{EditTarget, Preview, PreviewRequest, Sent};
