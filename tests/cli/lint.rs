//! `gc-attrs lint`: no credentials, no network; exit 1 on a predicted rejection.

use std::io::Write as _;

use crate::support::*;

const ROUTE: &str = "/api/v2/conversations/6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14/participants/c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f/attributes";

#[test]
fn a_good_body_exits_0() {
    let env = Env::new();
    let run = env.run_with_stdin(
        &["lint", "--verb", "PATCH", "--route", ROUTE, "--json"],
        r#"{"attributes": {"callReason": "refund"}}"#,
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let json = run.json();
    assert_eq!(json["findings"], serde_json::json!([]));
    assert_eq!(json["rejects"], false);
    let run = env.run_with_stdin(
        &["lint", "-", "--verb", "PATCH", "--route", ROUTE],
        r#"{"attributes": {"callReason": "refund"}}"#,
    );
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.trim(), "✓ no findings");
}

#[test]
fn a_malformed_body_exits_1_with_line_and_column() {
    let env = Env::new();
    let mut file = tempfile::NamedTempFile::new().unwrap();
    write!(file, "{{\n  \"attributes\": {{\"a\": \"1\",}}\n}}").unwrap();
    let path = file.path().to_str().unwrap();
    let run = env.run(&["lint", path, "--verb", "PATCH", "--route", ROUTE, "--json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["rejects"], true);
    let finding = &json["findings"][0];
    assert_eq!(finding["rule"], "body/malformed-json");
    assert_eq!(finding["severity"], "reject");
    assert_eq!(
        finding["location"],
        serde_json::json!({"kind": "line-column", "line": 2, "column": 27})
    );
    let run = env.run(&["lint", path, "--verb", "PATCH", "--route", ROUTE]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("reject body/malformed-json at line 2, column 27"),
        "{}",
        run.stdout
    );
    // The failure is certain; the server's exact answer to malformed JSON is
    // not documented, so the evidence is labelled assumed.
    assert!(
        run.stdout.contains("evidence: assumed, fact sheet §2"),
        "{}",
        run.stdout
    );
}

#[test]
fn put_with_a_full_url_is_a_rejection_with_a_fix() {
    let env = Env::new();
    let url = format!("https://api.mypurecloud.com{ROUTE}");
    let run = env.run_with_stdin(
        &["lint", "--verb", "PUT", "--route", &url],
        r#"{"customAttributes": {"a": 1}}"#,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    for expected in [
        "reject route/put-on-attributes at verb",
        "why: ",
        "fix: ",
        "fixed verb: PATCH",
        "body/unknown-key",
        "fixed body:",
        "\"a\": \"1\"",
        "✖ 1 reject (route/put-on-attributes)",
    ] {
        assert!(
            run.stdout.contains(expected),
            "missing {expected:?}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn an_empty_body_and_a_wrong_content_type() {
    let env = Env::new();
    let run = env.run_with_stdin(&["lint", "--verb", "PATCH", "--route", ROUTE, "--json"], "");
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    assert!(run.json()["findings"].is_array());
    let run = env.run_with_stdin(
        &[
            "lint",
            "--verb",
            "PATCH",
            "--route",
            ROUTE,
            "--content-type",
            "application/json-patch+json",
            "--json",
        ],
        r#"{"attributes": {"a": "1"}}"#,
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.json()["findings"][0]["rule"], "content-type/json-patch");
}

#[test]
fn an_unreadable_file_exits_2() {
    let env = Env::new();
    let missing = env.dir().join("missing.json");
    let run = env.run(&[
        "lint",
        missing.to_str().unwrap(),
        "--verb",
        "PATCH",
        "--route",
        ROUTE,
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cannot read"), "{}", run.stderr);
    assert!(run.stderr.contains("missing.json"), "{}", run.stderr);
    // A usage error from clap is 2 too.
    let run = env.run(&["lint", "--route", ROUTE]);
    assert_eq!(run.code, 2);
}

/// `{"attributes": {"n0000": 0, …}}` with 4,000 numeric values (about 57 KB).
fn four_thousand_numbers() -> String {
    let map: serde_json::Map<String, serde_json::Value> = (0..4_000)
        .map(|i| (format!("n{i:04}"), serde_json::json!(i)))
        .collect();
    serde_json::json!({ "attributes": map }).to_string()
}

#[test]
fn json_of_4000_numeric_values_lists_20_and_counts_the_other_3980() {
    let env = Env::new();
    let run = env.run_with_stdin(
        &["lint", "--verb", "PATCH", "--route", ROUTE, "--json"],
        &four_thousand_numbers(),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 20);
    assert!(
        findings
            .iter()
            .all(|f| f["rule"] == "body/value-not-string")
    );
    assert_eq!(
        json["unlisted"],
        serde_json::json!([{"rule": "body/value-not-string", "count": 3_980}])
    );
    assert_eq!(json["rejects"], true);
}

#[test]
fn text_of_4000_numeric_values_says_how_many_more_and_prints_the_fixed_body_once() {
    let env = Env::new();
    let run = env.run_with_stdin(
        &["lint", "--verb", "PATCH", "--route", ROUTE],
        &four_thousand_numbers(),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let out = &run.stdout;
    assert_eq!(
        out.matches("likely-reject body/value-not-string at")
            .count(),
        20
    );
    assert!(
        out.contains("\n… and 3,980 more of body/value-not-string\n"),
        "{out}"
    );
    assert_eq!(out.matches("fixed body:\n").count(), 1);
    assert_eq!(out.matches("fixed body: the same as above").count(), 19);
    assert!(out.contains("\"n3999\": \"3999\""));
    assert!(
        out.trim_end()
            .ends_with("✗ 4,000 likely rejects (body/value-not-string)"),
        "{}",
        &out[out.len().saturating_sub(300)..]
    );
}

#[test]
fn a_secure_body_is_linted_without_printing_its_values() {
    let env = Env::new();
    let route = "/api/v2/conversations/6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14/secureattributes";
    let body = r#"{"attributes": {"pin": 98765, "cardToken": "tok_secret_4242"}, "version": 2}"#;
    for json in [false, true] {
        let mut args = vec!["lint", "--verb", "PUT", "--route", route];
        if json {
            args.push("--json");
        }
        let run = env.run_with_stdin(&args, body);
        assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
        assert!(
            run.stdout.contains("body/value-not-string"),
            "{}",
            run.stdout
        );
        for secret in ["98765", "tok_secret_4242"] {
            assert!(
                !run.stdout.contains(secret),
                "{secret} printed:\n{}",
                run.stdout
            );
            assert!(
                !run.stderr.contains(secret),
                "{secret} printed:\n{}",
                run.stderr
            );
        }
    }
}
