//! Connecting: no silent fallback to the simulator, unknown regions,
//! unreachable hosts and 5xx answers.

use crate::support::*;

#[test]
fn no_credentials_and_no_sim_is_a_usage_error() {
    let env = Env::new();
    for args in [
        &["get", CALL][..],
        &["diff", CALL, "p", "--set", "a=1"],
        &["send", CALL, "p", "--set", "a=1", "--yes"],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("no credentials found: pass --sim"),
            "{}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
    // Nothing was sent, so nothing was recorded.
    assert!(env.history_methods().is_empty());
}

#[test]
fn an_unknown_region_is_a_usage_error_listing_the_regions() {
    let env = Env::new();
    let run = env.run(&[
        "--region",
        "mars-north-1",
        "--client-id",
        "id",
        "--client-secret",
        "s",
        "get",
        CALL,
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    for expected in [
        "unknown region `mars-north-1`",
        "eu-west-1",
        "us-east-1",
        "mypurecloud.ie",
    ] {
        assert!(run.stderr.contains(expected), "{expected}: {}", run.stderr);
    }
}

#[test]
fn an_unreachable_host_exits_4() {
    let env = Env::new();
    let region = format!("http://127.0.0.1:{}", closed_port());
    let run = env.run(&[
        "--region",
        &region,
        "--client-id",
        "id",
        "--client-secret",
        "s",
        "get",
        CALL,
        "--json",
    ]);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(run.stderr.contains("could not connect"), "{}", run.stderr);
    let error = &run.json()["error"];
    assert_eq!(error["exit"], 4);
    assert!(error["explanation"].is_null());
    // The failed login is in the history, with no answer.
    assert_eq!(env.history_methods(), ["POST"]);
}

#[test]
fn a_5xx_exits_4() {
    let env = Env::new();
    let sim = SimProcess::start(&["--fail-rate", "1"]);
    let connect = [
        "--region",
        sim.base.as_str(),
        "--client-id",
        "demo-client",
        "--client-secret",
        "demo-secret",
    ];
    let run = env.run(&[&connect[..], &["get", CALL]].concat());
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(run.stderr.contains("answered 503"), "{}", run.stderr);
    assert!(run.stderr.contains("service.unavailable"), "{}", run.stderr);
    let run = env.run(&[&connect[..], &["send", CALL, "p", "--set", "a=1", "--yes"]].concat());
    assert_eq!(run.code, 4, "{}", run.stderr);
}
