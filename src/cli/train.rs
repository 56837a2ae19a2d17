//! `gc-attrs train [NAME|FILE] [--check] [--json]`: the trainer's scenarios.
//!
//! - `gc-attrs train` lists the embedded scenarios; `--json` prints
//!   `[{"name", "title", "audience", "conversation", "participant",
//!   "steps": [{"title", "narration", "lesson", "wait_ms", "request": {"kind", …},
//!   "sim": {…}, "expect": {…}}]}]`.
//! - `gc-attrs train NAME --check` runs every step of one scenario (an
//!   embedded name, or a `.toml` file of your own) against a fresh embedded
//!   simulator and prints expected against actual for each step;
//!   `gc-attrs train --check` does so for every embedded scenario. Exit 0
//!   only when every step matches, 1 when one does not, 2 for usage (an
//!   unknown name, a file that does not parse: file and line).
//!   `--json` prints `[{"name", "title", "passed", "steps": [{"title",
//!   "passed", "prediction": {"verdict", "rejects", "rules"}|{"error"},
//!   "status", "code", "comparisons": [{"what", "expected", "actual", "ok"}],
//!   "error"}]}]`.
//! - `gc-attrs train NAME` opens the presenter (the TUI on a fresh embedded
//!   simulator).

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Value, json};

use super::TrainArgs;
use super::common::{self, CliError, Output, Paint, REJECTS};
use crate::api::Exchange;
use crate::train::{self, Runner, Scenario, StepRun};

/// Finds a scenario: a path to a `.toml` file, else an embedded name.
///
/// # Errors
/// A usage error: no such name (the names listed), a file that cannot be
/// read or does not parse (file and line).
pub fn load(name: &str) -> Result<Scenario, CliError> {
    let path = Path::new(name);
    let toml = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("toml"));
    if toml || name.contains(std::path::MAIN_SEPARATOR) {
        let text = crate::config::read_file(path)
            .map_err(CliError::usage)?
            .ok_or_else(|| CliError::usage(format!("{}: no such file", path.display())))?;
        return Scenario::parse(&path.display().to_string(), &text)
            .map_err(|e| CliError::usage(common::clean(&e.to_string())));
    }
    train::embedded_named(name)
        .map_err(|e| CliError::usage(e.to_string()))?
        .ok_or_else(|| {
            CliError::usage(format!(
                "no scenario called {}; the scenarios are: {} (or give a .toml file)",
                common::clean(name),
                train::embedded_names().join(", ")
            ))
        })
}

/// Runs `train` when it is headless (a listing or `--check`); `None` when
/// it opens the presenter.
///
/// # Errors
/// Usage, or a simulator that would not start.
pub async fn run(args: &TrainArgs, out: Output) -> Option<Result<u8, CliError>> {
    match (&args.scenario, args.check) {
        (None, false) => Some(list(out)),
        (None, true) => Some(check_all(out).await),
        (Some(name), true) => Some(match load(name) {
            Ok(scenario) => check(vec![scenario], out).await,
            Err(e) => Err(e),
        }),
        (Some(_), false) if out.json => Some(Err(CliError::usage(
            "--json prints the list or a --check report; the presenter is a screen: \
             add --check, or leave out --json",
        ))),
        (Some(_), false) => None,
    }
}

fn list(out: Output) -> Result<u8, CliError> {
    let scenarios = train::embedded().map_err(|e| CliError::usage(e.to_string()))?;
    if out.json {
        let listed: Vec<Value> = scenarios.iter().map(|s| json!(s)).collect();
        common::print_json(&Value::Array(listed));
        return Ok(0);
    }
    let width = scenarios.iter().map(|s| s.name.len()).max().unwrap_or(0);
    let mut text = out.paint("Scenarios", Paint::Bold);
    text.push_str(" (run one: gc-attrs train NAME; check it: gc-attrs train NAME --check)\n");
    for scenario in &scenarios {
        _ = writeln!(
            text,
            "  {:width$}  {} · {} step{} · for {}",
            scenario.name,
            scenario.title,
            scenario.steps.len(),
            if scenario.steps.len() == 1 { "" } else { "s" },
            scenario.audience,
        );
    }
    common::print(&text);
    Ok(0)
}

async fn check_all(out: Output) -> Result<u8, CliError> {
    let scenarios = train::embedded().map_err(|e| CliError::usage(e.to_string()))?;
    check(scenarios, out).await
}

/// Runs each scenario on its own fresh simulator, step by step.
async fn check(scenarios: Vec<Scenario>, out: Output) -> Result<u8, CliError> {
    let mut reports = Vec::new();
    let mut text = String::new();
    let mut failed = 0;
    for scenario in scenarios {
        let runner = Runner::start(scenario).await.map_err(|message| CliError {
            exit: common::SERVER_ERROR,
            message,
            explanation: None,
        })?;
        let mut runs = Vec::new();
        for index in 0..runner.scenario().steps.len() {
            runs.push(runner.step(index).await);
        }
        let scenario = runner.scenario().clone();
        runner.shutdown().await;
        if runs.iter().any(|r| !r.passed()) {
            failed += 1;
        }
        if out.json {
            reports.push(report_json(&scenario, &runs));
        } else {
            text.push_str(&report_text(&scenario, &runs, out));
        }
    }
    if out.json {
        common::print_json(&Value::Array(reports));
    } else {
        _ = writeln!(
            text,
            "{}",
            if failed == 0 {
                out.paint("every step as expected", Paint::Green)
            } else {
                out.paint(
                    &format!("{failed} scenario(s) with a step not as expected"),
                    Paint::Red,
                )
            }
        );
        common::print(&text);
    }
    Ok(if failed == 0 { 0 } else { REJECTS })
}

/// `405 Method Not Allowed · bad.request · message`, or why there is none.
fn answer_line(exchange: &Exchange) -> String {
    let mut line = exchange.outcome.to_string();
    if let Some(body) = &exchange.error_body {
        if let Some(code) = &body.code {
            _ = write!(line, " · {}", common::clean(code));
        }
        if let Some(message) = &body.message {
            _ = write!(line, " · {}", common::clean(message));
        }
    }
    line
}

fn report_text(scenario: &Scenario, runs: &[StepRun], out: Output) -> String {
    let mut text = format!(
        "{} · {}\n",
        out.paint(&scenario.name, Paint::Bold),
        scenario.title
    );
    for (run, step) in runs.iter().zip(&scenario.steps) {
        let mark = if run.passed() {
            out.paint("✓", Paint::Green)
        } else {
            out.paint("✗", Paint::Red)
        };
        _ = writeln!(text, "  {mark} {} {}", run.index + 1, step.title);
        match &run.prediction {
            Ok(prediction) => _ = writeln!(text, "      predicted: {}", prediction.verdict),
            Err(error) => _ = writeln!(text, "      no prediction: {}", common::clean(error)),
        }
        if let Some(exchange) = &run.exchange {
            // The path only: the simulator's port changes from run to run.
            let path = run
                .prediction
                .as_ref()
                .ok()
                .and_then(|p| p.request.as_ref())
                .map_or(exchange.url.as_str(), |r| r.path.as_str());
            _ = writeln!(
                text,
                "      sent:      {} {}",
                exchange.method,
                common::clean(path)
            );
            _ = writeln!(text, "      answer:    {}", answer_line(exchange));
        }
        for comparison in &run.comparisons {
            if comparison.ok {
                _ = writeln!(
                    text,
                    "      {} {}: {}",
                    out.paint("✓", Paint::Green),
                    comparison.what,
                    common::clean(&comparison.actual)
                );
            } else {
                _ = writeln!(
                    text,
                    "      {} {}: expected {}, got {}",
                    out.paint("✗", Paint::Red),
                    comparison.what,
                    common::clean(&comparison.expected),
                    common::clean(&comparison.actual)
                );
            }
        }
        if let Some(error) = &run.error {
            _ = writeln!(
                text,
                "      {} {}",
                out.paint("✗", Paint::Red),
                common::clean(error)
            );
        }
    }
    text
}

fn report_json(scenario: &Scenario, runs: &[StepRun]) -> Value {
    let steps: Vec<Value> = runs
        .iter()
        .zip(&scenario.steps)
        .map(|(run, step)| {
            let prediction = match &run.prediction {
                Ok(p) => json!({"verdict": p.verdict, "rejects": p.rejects, "rules": p.rules}),
                Err(error) => json!({"error": error}),
            };
            let exchange = run.exchange.as_ref();
            json!({
                "title": step.title,
                "passed": run.passed(),
                "prediction": prediction,
                "status": exchange.and_then(Exchange::status),
                "code": exchange.and_then(|e| e.error_body.as_ref()).and_then(|b| b.code.clone()),
                "comparisons": run.comparisons,
                "error": run.error,
            })
        })
        .collect();
    json!({
        "name": scenario.name,
        "title": scenario.title,
        "passed": runs.iter().all(StepRun::passed),
        "steps": steps,
    })
}
