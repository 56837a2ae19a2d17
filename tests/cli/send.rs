//! `gc-attrs send`: the exchange, decoded errors, the re-read, and the
//! live-org guard.

use crate::support::*;

#[test]
fn a_patch_is_sent_and_the_change_observed() {
    let env = Env::new();
    let customer = env.participant("customer");
    let recorded = env.history_methods().len();
    let run = env.run(&[
        "--sim",
        "send",
        CALL,
        &customer,
        "--set",
        "callReason=refund",
        "--unset",
        "sentiment",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = &run.stdout;
    for expected in [
        "lint: ✓ no findings",
        "note: PATCH cannot remove sentiment",
        "202 Accepted · ",
        " · correlation id ",
        " · rate limit ",
        "PATCH http://127.0.0.1:",
        "response body:",
        ": as predicted",
        "[-\"billing-dispute\",-]",
        "{+\"refund\",+}",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // Login, GET, PATCH, then the re-read.
    assert_eq!(
        env.history_methods()[recorded..],
        ["POST", "GET", "PATCH", "GET"]
    );
}

#[test]
fn send_json_has_the_documented_shape() {
    let env = Env::new();
    let customer = env.participant("customer");
    let run = env.run(&[
        "--sim",
        "--json",
        "send",
        CALL,
        &customer,
        "--set",
        "callReason=refund",
        "--route",
        "media",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["request"]["verb"], "PATCH");
    assert_eq!(
        json["request"]["path"],
        format!("/api/v2/conversations/calls/{CALL}/participants/{customer}/attributes").as_str()
    );
    assert_eq!(
        json["request"]["body"],
        serde_json::json!({"attributes": {"callReason": "refund"}})
    );
    assert!(json["request"]["findings"].is_array());
    assert_eq!(json["exchange"]["status"], 202);
    assert_eq!(json["exchange"]["method"], "PATCH");
    assert!(json["exchange"]["correlation_id"].is_string());
    assert!(json["explanation"].is_null());
    let observed = &json["observed"];
    assert_eq!(observed["before"]["callReason"], "billing-dispute");
    assert_eq!(observed["after"]["callReason"], "refund");
    assert_eq!(observed["asPredicted"], true);
    assert_eq!(observed["changed"], true);
    assert!(
        observed["attempts"]
            .as_u64()
            .is_some_and(|n| (1..=5).contains(&n))
    );
}

#[test]
fn a_put_is_a_decoded_4xx_with_exit_3() {
    let env = Env::new();
    let customer = env.participant("customer");
    let run = env.run(&[
        "--sim", "send", CALL, &customer, "--set", "a=1", "--verb", "PUT",
    ]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stdout.contains("reject route/put-on-attributes"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("decoded error:"), "{}", run.stdout);
    assert!(run.stdout.contains("next step:"), "{}", run.stdout);
    let run = env.run(&[
        "--sim", "--json", "send", CALL, &customer, "--set", "a=1", "--verb", "PUT",
    ]);
    assert_eq!(run.code, 3);
    let json = run.json();
    let status = json["exchange"]["status"].as_u64().unwrap();
    assert!((400..500).contains(&status), "{status}");
    assert_eq!(json["explanation"]["status"], status);
    assert!(json["explanation"]["errors"][0]["code"].is_string());
    assert!(json["observed"].is_null());
}

#[test]
fn usage_errors_of_send() {
    let env = Env::new();
    let customer = env.participant("customer");
    let run = env.run(&["--sim", "send", CALL, &customer]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("nothing to change"), "{}", run.stderr);
    let run = env.run(&["--sim", "send", CALL, &customer, "--set", "oops"]);
    assert_eq!(run.code, 2);
    let run = env.run(&[
        "--sim", "send", CALL, &customer, "--set", "a=1", "--verb", "POST",
    ]);
    assert_eq!(run.code, 2);
    // No write was made by any of these.
    assert!(
        !env.history_methods()
            .iter()
            .any(|m| m != "GET" && m != "POST")
    );
}

#[test]
fn a_live_org_needs_yes_without_a_terminal() {
    let env = Env::new();
    let customer = env.participant("customer");
    let sim = SimProcess::start(&[]);
    let connect = [
        "--region",
        sim.base.as_str(),
        "--client-id",
        "demo-client",
        "--client-secret",
        "demo-secret",
    ];
    let edit = [
        "send",
        CALL,
        customer.as_str(),
        "--set",
        "callReason=refund",
    ];
    let run = env.run(&[&connect[..], &edit[..]].concat());
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("refusing to write to the live org"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    assert!(!env.history_methods().contains(&"PATCH".to_owned()));
    let run = env.run(&[&connect[..], &edit[..], &["--yes", "--json"]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["observed"]["after"]["callReason"], "refund");
}
