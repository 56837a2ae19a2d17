//! gc-attrs: a debugger for Genesys Cloud participant attributes.
//!
//! The crate is one library with one binary. Its modules form layers, and the
//! import rule below keeps the pure core usable from every face of the tool
//! (TUI, CLI, simulator, tests) with one implementation:
//!
//! - **Pure core**: [`genesys`] (the API as data), [`payload`] (edits and the
//!   PUT/PATCH bodies), [`lint`] (predict a rejection and explain it) and
//!   [`diff`] (JSON diff). These import nothing impure: no tokio, reqwest,
//!   ratatui, crossterm or axum, and they do no I/O.
//! - `api` and `sim` (network) may import those crates and [`genesys`].
//! - `app` imports the pure modules and `api`'s types only; `ui` imports `app`
//!   and ratatui; `tui` and `cli` sit on top. Nothing imports `tui`, `cli` or
//!   `main`.
//!
//! Facts about the API come from the project's fact sheet
//! (`shared/docs/genesys-api.md`, cited as "§n" in comments); where the sheet
//! says *unconfirmed*, the code says so too.

pub mod api;
pub mod app;
pub mod cli;
pub mod config;
pub mod diff;
pub mod genesys;
pub mod history;
pub mod lint;
pub mod payload;
pub mod sim;
pub mod tui;
pub mod ui;
pub mod usecase;
