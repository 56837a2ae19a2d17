//! gc-attrs: a debugger for Genesys Cloud participant attributes.
//!
//! The crate is one library with one binary. Its modules form layers, so
//! that the pure core serves every face of the tool (TUI, CLI, simulator,
//! benches, tests) with one implementation. Each layer names only what is
//! listed for it; `tests/import_rule.rs` checks each line (code only: doc
//! comments and tests may name anything):
//!
//! - **Pure core**: [`genesys`] (the API as data) names no other module;
//!   [`payload`] (edits, bodies), [`lint`] (predict a rejection, explain an
//!   error) and [`diff`] (JSON diff) name only `genesys`; [`usecase`] (the use
//!   cases both faces share: the preview of an edit, the re-read policy, the
//!   words of a finding) names only those four. None names tokio, reqwest,
//!   ratatui, crossterm, axum, clap, directories or toml, and none does I/O
//!   (std::fs, std::net, std::process, std::env, std::thread, stdin, printing).
//! - [`api`] (the reqwest client) and [`sim`] (the axum simulator) name only
//!   `genesys`, and neither names ratatui, crossterm or clap.
//! - [`train`] (trainer scenarios: the file format, the prediction and the
//!   judging of each step, and the runner that drives a fresh embedded
//!   simulator) names the pure core, `api` and `sim`, and no ratatui,
//!   crossterm or clap.
//! - [`config`] (profiles, paths, `[keys]`) names `genesys`, `api` and, of
//!   `app`, only the key remap it reads for the keymap; [`history`]
//!   (the JSONL file) names `genesys`, `api`, `config` and `lint`. Neither
//!   names tokio, reqwest, axum, ratatui or crossterm.
//! - [`app`] (the TUI as a state machine) names the pure core and the data
//!   types of `api` and `train` (never `Client` or `Runner`), no impure
//!   crate, and does no I/O.
//! - [`ui`] (rendering, a pure function of the app) names `app`, the pure
//!   core and ratatui; never `api`, `sim`, `config`, `history`, crossterm or
//!   tokio, and does no I/O. The `api` data it shows (an `Exchange`, its
//!   `Outcome`) reaches it through `app`, which re-exports data types only.
//! - [`tui`] (the terminal and the effects) names `api`, `app`, `history`,
//!   `train` and `ui`; [`cli`] may name every module. Only `cli` names `tui`, and no
//!   module names `cli`.
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
pub mod train;
pub mod tui;
pub mod ui;
pub mod usecase;
