//! `gc-attrs train`: the scenarios listed, and every embedded scenario run
//! with `--check` against a fresh embedded simulator, so that a simulator or
//! lint change that breaks a lesson fails CI. A scenario of the user's own
//! that expects something else exits 1; one that does not parse exits 2
//! naming the file and the line.

use std::io::Write as _;

use crate::support::*;

#[test]
fn every_embedded_scenario_checks_out_step_by_step() {
    let env = Env::new();
    let run = env.run(&["train", "--check", "--json"]);
    let reports = run.json();
    let reports = reports.as_array().unwrap();
    assert!(reports.len() >= 10, "{}", reports.len());
    let failed: Vec<String> = reports
        .iter()
        .flat_map(|r| {
            let name = r["name"].as_str().unwrap().to_owned();
            r["steps"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["passed"] != true)
                .map(move |s| format!("{name}: {s}"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Each step compared something, and the lessons that send got answers.
    for report in reports {
        for step in report["steps"].as_array().unwrap() {
            assert!(
                !step["comparisons"].as_array().unwrap().is_empty(),
                "{}: {} checks nothing",
                report["name"],
                step["title"]
            );
        }
    }
}

#[test]
fn the_listing_in_json_has_every_scenario_with_its_steps() {
    let env = Env::new();
    let run = env.run(&["train", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let list = run.json();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    for expected in [
        "patch-adds-and-changes",
        "delete-that-does-not-delete",
        "there-is-no-put",
        "secure-put-vs-patch",
        "wrong-wrapper-keys",
        "wrong-routes",
        "json-patch",
        "number-values",
        "not-visible-yet",
        "flow-writeback",
        "rate-limited",
        "invented-sdk-method",
    ] {
        assert!(names.contains(&expected), "{expected} not in {names:?}");
    }
    let first = &list[0];
    for key in ["title", "audience", "steps"] {
        assert!(!first[key].is_null(), "{key}: {first}");
    }
    let step = &first["steps"][0];
    for key in ["title", "narration", "lesson", "request", "expect"] {
        assert!(!step[key].is_null(), "{key}: {step}");
    }
    assert_eq!(step["request"]["kind"], "edit");
}

#[test]
fn the_listing_for_people_names_each_scenario_and_how_to_run_it() {
    let env = Env::new();
    let run = env.run(&["train"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("gc-attrs train NAME --check"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("there-is-no-put"), "{}", run.stdout);
}

const OWN: &str = r#"title = "Mine"
audience = "me"
conversation = "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14"
participant = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"

[[step]]
title = "A wrong expectation"
narration = "n"
lesson = "l"
request = { kind = "edit", set = { caseId = "X" } }
expect = { status = 400, attributes = { caseId = "Y" } }
"#;

fn file(env: &Env, name: &str, text: &str) -> String {
    let path = env.dir().join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    path.display().to_string()
}

#[test]
fn a_scenario_of_ones_own_that_expects_otherwise_exits_1_saying_what_differs() {
    let env = Env::new();
    let path = file(&env, "mine.toml", OWN);
    let run = env.run(&["train", &path, "--check"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("✗ status: expected 400, got 202"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("✗ attribute caseId: expected \"Y\", got \"X\""),
        "{}",
        run.stdout
    );
}

#[test]
fn a_scenario_that_does_not_parse_exits_2_with_file_and_line() {
    let env = Env::new();
    let path = file(
        &env,
        "typo.toml",
        &OWN.replace("lesson = \"l\"", "lesson = \"l\"\nlesons = 1"),
    );
    let run = env.run(&["train", &path, "--check"]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("typo.toml:10:"), "{}", run.stderr);
    assert!(run.stderr.contains("lesons"), "{}", run.stderr);
}

#[test]
fn an_unknown_scenario_name_exits_2_listing_the_names() {
    let env = Env::new();
    let run = env.run(&["train", "no-such-lesson", "--check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("flow-writeback"), "{}", run.stderr);
}

#[test]
fn json_without_check_on_a_named_scenario_is_a_usage_error_not_a_screen() {
    let env = Env::new();
    let run = env.run(&["train", "there-is-no-put", "--json"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("add --check"), "{}", run.stderr);
}
