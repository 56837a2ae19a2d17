//! Integration tests of the embedded simulator: it runs on `127.0.0.1:0`
//! with a seeded fault RNG and is driven with raw reqwest requests, so each
//! test sees the wire exactly as a client would.

// The helpers outside `#[test]` functions are test code too.
#![allow(clippy::unwrap_used)]

mod auth;
mod bounds;
mod cli;
mod errors;
mod faults;
mod flow;
mod routes;
mod secure;
mod settings;
mod support;
mod tokens;
