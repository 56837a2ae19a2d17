//! The headless commands (`get`, `diff`, `lint`, `explain`, `send`,
//! `export`) run as the built binary against the simulator: the embedded
//! one (`--sim`) or a `gc-attrs sim` process, pointed at with `--region`.
//! Each test has its own config directory and home, and no GENESYSCLOUD_*
//! variable, so a developer's real configuration is never read.

// The helpers outside `#[test]` functions are test code too.
#![allow(clippy::unwrap_used)]

mod check;
mod code;
mod connect;
mod diff;
mod explain;
mod faces;
mod get;
// Shared with the client tests, which use the rest of it.
#[allow(dead_code)]
#[path = "../hostile/mod.rs"]
mod hostile;
mod lint;
mod login;
mod replay;
mod secrets;
mod send;
mod support;
mod train;
mod usage;
mod whoami;
