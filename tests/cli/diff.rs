//! `gc-attrs diff`: both bodies, their diff, the predicted end states and
//! the lint of each; nothing is written.

use crate::support::*;

#[test]
fn diff_prints_both_bodies_the_diff_and_the_end_states() {
    let env = Env::new();
    let customer = env.participant("customer");
    let recorded = env.history_methods().len();
    let run = env.run(&[
        "--sim",
        "diff",
        CALL,
        &customer,
        "--set",
        "callReason=refund",
        "--unset",
        "sentiment",
        "--rename",
        "ivrPath=menuPath",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = &run.stdout;
    for expected in [
        "PATCH ✓ no findings · cannot remove 2 keys (ivrPath, …)\nPUT ✖ 1 reject (route/put-on-attributes)",
        "PATCH /api/v2/conversations/",
        "PUT /api/v2/conversations/",
        "\"callReason\": \"refund\"",
        "diff, PUT-style body -> PATCH body:",
        "after PATCH (expected: per-key merge, unconfirmed §3):",
        "after PUT-style (full replacement):",
        "sentiment          😟→🙂 (removed)",
        "reject route/put-on-attributes at verb",
        "fix: Send PATCH with only the keys to add or change.",
        "PATCH cannot remove: ivrPath, sentiment",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // render_plain's marks: untouched, changed and added keys, and the legend.
    assert!(text.contains("PATCH leaves these untouched"), "{text}");
    for mark in ["\n  = ", "\n  ~ ", "\n  + "] {
        assert!(text.contains(mark), "no {mark:?} in\n{text}");
    }
    assert!(!text.contains('\u{1b}'), "{text}");
    // Only the login and the GET were made.
    assert_eq!(env.history_methods()[recorded..], ["POST", "GET"]);
}

#[test]
fn diff_json_has_the_documented_shape() {
    let env = Env::new();
    let customer = env.participant("customer");
    let run = env.run(&[
        "--sim",
        "--json",
        "diff",
        CALL,
        &customer,
        "--set",
        "callReason=refund",
        "--set",
        "newKey=1",
        "--unset",
        "sentiment",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let path = format!("/api/v2/conversations/{CALL}/participants/{customer}/attributes");
    assert_eq!(json["patch"]["verb"], "PATCH");
    assert_eq!(json["patch"]["path"], path.as_str());
    assert_eq!(
        json["patch"]["body"],
        serde_json::json!({"attributes": {"callReason": "refund", "newKey": "1"}})
    );
    assert_eq!(json["patch"]["findings"], serde_json::json!([]));
    assert_eq!(json["patch"]["unlisted"], serde_json::json!([]));
    assert_eq!(json["put"]["verb"], "PUT");
    assert_eq!(
        json["put"]["body"]["attributes"]["accountNumber"],
        "884-221-0097"
    );
    assert!(json["put"]["body"]["attributes"].get("sentiment").is_none());
    let put_rules: Vec<&str> = json["put"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        put_rules.contains(&"route/put-on-attributes"),
        "{put_rules:?}"
    );
    let finding = &json["put"]["findings"][0];
    for key in [
        "rule",
        "severity",
        "location",
        "message",
        "explanation",
        "fix",
        "evidence",
    ] {
        assert!(finding.get(key).is_some(), "no {key}: {finding}");
    }
    assert!(
        json["diff"]["lines"]
            .as_array()
            .is_some_and(|l| !l.is_empty())
    );
    assert!(json["diff"]["summary"]["removed"].is_array());
    assert_eq!(json["afterPatch"]["sentiment"], "😟→🙂");
    assert_eq!(json["afterPatch"]["callReason"], "refund");
    assert!(json["afterPut"].get("sentiment").is_none());
    assert_eq!(json["unremovable"], serde_json::json!(["sentiment"]));
    assert_eq!(json["before"]["callReason"], "billing-dispute");
}

#[test]
fn diff_json_marks_each_key_once_and_never_splits_one_on_a_comma() {
    let env = Env::new();
    let customer = env.participant("customer");
    let run = env.run(&[
        "--sim",
        "--json",
        "diff",
        CALL,
        &customer,
        "--set",
        "callReason=refund",
        "--set",
        "newKey=1",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(
        json["diff"]["keys"]["changed"],
        serde_json::json!(["callReason"])
    );
    assert_eq!(json["diff"]["keys"]["added"], serde_json::json!(["newKey"]));
    assert!(
        json["diff"]["keys"]["untouched"]
            .as_array()
            .is_some_and(|keys| keys.contains(&"accountNumber".into()))
    );
    let lines = json["diff"]["lines"].as_array().unwrap();
    let text = |line: &serde_json::Value| {
        line["segments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap())
            .collect::<String>()
    };
    // Each key the PATCH carries is one line, on both sides, marked.
    for (key, mark) in [("callReason", "changed"), ("newKey", "added")] {
        let found: Vec<_> = lines
            .iter()
            .filter(|l| text(l).contains(&format!("\"{key}\"")))
            .collect();
        assert_eq!(found.len(), 1, "{key}: {found:?}");
        assert_eq!(found[0]["tag"], "equal");
        assert_eq!(found[0]["mark"], mark);
    }
    // No delete and insert that differ by a trailing comma only.
    for pair in lines.windows(2) {
        let bare = |l: &serde_json::Value| text(l).trim_end_matches(',').to_owned();
        assert!(
            !(pair[0]["tag"] == "delete"
                && pair[1]["tag"] == "insert"
                && bare(&pair[0]) == bare(&pair[1])),
            "{pair:?}"
        );
    }
}

#[test]
fn diff_of_3000_keys_with_stray_spaces_lists_20_per_request_and_counts_the_rest() {
    let env = Env::new();
    let customer = env.participant("customer");
    let sets: Vec<String> = (0..3_000).map(|i| format!(" pad{i:04}=x")).collect();
    let mut args = vec!["--sim", "--json", "diff", CALL, &customer];
    for set in &sets {
        args.extend(["--set", set.as_str()]);
    }
    let run = env.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    for request in ["patch", "put"] {
        let whitespace = json[request]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "body/key-whitespace")
            .count();
        assert_eq!(whitespace, 20, "{request}");
        assert_eq!(
            json[request]["unlisted"],
            serde_json::json!([{"rule": "body/key-whitespace", "count": 2_980}]),
            "{request}"
        );
    }
    args.remove(1);
    let text = env.run(&args).stdout;
    assert_eq!(
        text.matches("… and 2,980 more of body/key-whitespace")
            .count(),
        2,
        "{}",
        &text[text.len().saturating_sub(2_000)..]
    );
}

#[test]
fn bad_edits_are_usage_errors() {
    let env = Env::new();
    let customer = env.participant("customer");
    let run = env.run(&["--sim", "diff", CALL, &customer, "--set", "novalue"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("--set novalue: expected KEY=VALUE"),
        "{}",
        run.stderr
    );
    let run = env.run(&["--sim", "diff", CALL, &customer, "--rename", "ivrPath"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("expected OLD=NEW"), "{}", run.stderr);
    let run = env.run(&["--sim", "diff", CALL, &customer, "--unset", "nope"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("--unset nope: no attribute `nope`"),
        "{}",
        run.stderr
    );
    let run = env.run(&["--sim", "--json", "diff", CALL, "nobody", "--set", "a=1"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.json()["error"]["exit"], 2);
}
