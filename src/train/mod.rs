//! Trainer mode: guided scenarios that run the same way every time on the
//! embedded simulator (issue 12).
//!
//! - [`scenario`]: the file format (`assets/scenarios/*.toml`), parsed
//!   strictly, errors with file and line. Pure.
//! - [`predict`]: what a step sends and what the tool predicts before
//!   sending, through the same preview, lint and check as every face. Pure.
//! - [`judge`]: expected against actual, per step. Pure.
//! - [`run`]: the runner, the one impure part: a fresh embedded simulator,
//!   each step's settings switched on it, the request sent by the API client.
//!
//! The scenarios in `assets/scenarios/` are embedded in the binary.

pub mod judge;
pub mod predict;
pub mod run;
pub mod scenario;

pub use judge::{Actual, Comparison};
pub use predict::Prediction;
pub use run::{Runner, StepRun};
pub use scenario::{Scenario, ScenarioError, Step, StepRequest};

macro_rules! embed {
    ($name:literal) => {
        (
            concat!($name, ".toml"),
            include_str!(concat!("../../assets/scenarios/", $name, ".toml")),
        )
    };
}

/// The embedded scenarios' files, in teaching order: (file name, text).
const EMBEDDED: &[(&str, &str)] = &[
    embed!("patch-adds-and-changes"),
    embed!("delete-that-does-not-delete"),
    embed!("there-is-no-put"),
    embed!("secure-put-vs-patch"),
    embed!("wrong-wrapper-keys"),
    embed!("wrong-routes"),
    embed!("json-patch"),
    embed!("number-values"),
    embed!("not-visible-yet"),
    embed!("flow-writeback"),
    embed!("rate-limited"),
    embed!("invented-sdk-method"),
];

/// Every embedded scenario, parsed, in teaching order.
///
/// # Errors
/// The first that does not parse (a bug of gc-attrs: CI parses them all).
pub fn embedded() -> Result<Vec<Scenario>, ScenarioError> {
    EMBEDDED
        .iter()
        .map(|(file, text)| Scenario::parse(&format!("assets/scenarios/{file}"), text))
        .collect()
}

/// The names of the embedded scenarios, in teaching order.
#[must_use]
pub fn embedded_names() -> Vec<String> {
    EMBEDDED
        .iter()
        .map(|(file, _)| scenario::name_of(file))
        .collect()
}

/// The embedded scenario called `name`, parsed; `None` if there is none.
///
/// # Errors
/// It does not parse.
pub fn embedded_named(name: &str) -> Result<Option<Scenario>, ScenarioError> {
    EMBEDDED
        .iter()
        .find(|(file, _)| scenario::name_of(file) == name)
        .map(|(file, text)| Scenario::parse(&format!("assets/scenarios/{file}"), text))
        .transpose()
}

#[cfg(test)]
mod tests;
