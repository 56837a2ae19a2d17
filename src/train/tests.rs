//! The scenario format and the embedded scenarios.

use super::scenario::{Predict, StepRequest};
use super::*;

#[test]
fn every_embedded_scenario_parses_and_has_steps() {
    let scenarios = embedded().unwrap();
    assert!(scenarios.len() >= 10, "{}", scenarios.len());
    for scenario in &scenarios {
        assert!(!scenario.steps.is_empty(), "{}", scenario.name);
        assert!(!scenario.title.is_empty() && !scenario.audience.is_empty());
        for step in &scenario.steps {
            assert!(
                !step.narration.trim().is_empty(),
                "{}: {}",
                scenario.name,
                step.title
            );
            assert!(
                !step.lesson.trim().is_empty(),
                "{}: {}",
                scenario.name,
                step.title
            );
        }
    }
}

#[test]
fn every_file_in_assets_scenarios_is_embedded() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/scenarios");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        })
        .map(|n| scenario::name_of(&n))
        .collect();
    on_disk.sort();
    let mut embedded = embedded_names();
    embedded.sort();
    assert_eq!(on_disk, embedded);
}

#[test]
fn a_named_scenario_is_found_and_an_unknown_one_is_none() {
    let found = embedded_named("there-is-no-put").unwrap().unwrap();
    assert_eq!(found.name, "there-is-no-put");
    assert!(matches!(found.steps[0].request, StepRequest::Edit(_)));
    assert_eq!(found.steps[0].expect.predict, Some(Predict::Reject));
    assert!(embedded_named("no-such-lesson").unwrap().is_none());
}

const MINIMAL: &str = r#"title = "t"
audience = "a"
conversation = "c"
participant = "p"

[[step]]
title = "s"
narration = "n"
lesson = "l"
request = { kind = "read" }
"#;

#[test]
fn a_minimal_scenario_parses_with_defaults() {
    let scenario = Scenario::parse("x/mine.toml", MINIMAL).unwrap();
    assert_eq!(scenario.name, "mine");
    assert_eq!(scenario.steps[0].wait_ms, 0);
    assert_eq!(scenario.steps[0].sim, scenario::StepSim::default());
}

#[test]
fn an_unknown_key_is_an_error_with_file_and_line() {
    let text = MINIMAL.replace("lesson = \"l\"", "lesson = \"l\"\nlessons = \"typo\"");
    let err = Scenario::parse("mine.toml", &text).unwrap_err();
    assert_eq!(err.at.map(|a| a.0), Some(10), "{err}");
    let shown = err.to_string();
    assert!(shown.starts_with("mine.toml:10:"), "{shown}");
    assert!(shown.contains("lessons"), "{shown}");
}

#[test]
fn bad_toml_is_an_error_with_the_line() {
    let text = MINIMAL.replace("title = \"s\"", "title = \"s");
    let err = Scenario::parse("mine.toml", &text).unwrap_err();
    assert_eq!(err.at.map(|a| a.0), Some(7), "{err}");
}

#[test]
fn an_unknown_request_kind_is_an_error() {
    let text = MINIMAL.replace("kind = \"read\"", "kind = \"delete\"");
    let err = Scenario::parse("mine.toml", &text).unwrap_err();
    assert!(err.to_string().contains("delete"), "{err}");
}

#[test]
fn a_step_error_found_after_parsing_names_the_steps_line() {
    let text = MINIMAL.replace("request = {", "wait_ms = 60000\nrequest = {");
    let err = Scenario::parse("mine.toml", &text).unwrap_err();
    assert_eq!(err.at, Some((6, 1)), "{err}");
    assert!(err.to_string().contains("step 1: wait_ms"), "{err}");
    let text = MINIMAL.replace("kind = \"read\" }", "kind = \"edit\" }");
    let err = Scenario::parse("mine.toml", &text).unwrap_err();
    assert!(err.to_string().contains("set` or `unset`"), "{err}");
    let text = MINIMAL.replace(
        "kind = \"read\" }",
        "kind = \"read\" }\nsim = { throttle_rate = 2.0 }",
    );
    let err = Scenario::parse("mine.toml", &text).unwrap_err();
    assert!(err.to_string().contains("throttle_rate is 2"), "{err}");
}

#[test]
fn a_scenario_without_steps_is_an_error() {
    let text = MINIMAL.split("[[step]]").next().unwrap();
    let err = Scenario::parse("mine.toml", text).unwrap_err();
    assert!(err.to_string().contains("step"), "{err}");
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let text = format!("{MINIMAL}#{}", "x".repeat(scenario::MAX_FILE_BYTES));
    let err = Scenario::parse("big.toml", &text).unwrap_err();
    assert!(err.to_string().contains("split it"), "{err}");
}
