//! The client against the simulator on 127.0.0.1:0: every route, error case
//! and fault flag, through `gc_attrs::api`, plus the redaction guarantee.

// Helpers of a test crate may unwrap like the tests themselves.
#![allow(clippy::unwrap_used)]

mod auth;
mod bodies;
mod echoes;
mod errors;
mod faults;
#[path = "../hostile/mod.rs"]
mod hostile;
mod login;
mod reads;
mod redirects;
mod support;
mod writes;
