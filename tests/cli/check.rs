//! `gc-attrs check`: a whole text judged; no credentials, no network; exit 1
//! on a false claim or a request predicted to be rejected, 0 otherwise, 2 for
//! unreadable or oversized input.

use std::io::Write as _;

use crate::support::*;

const WRONG: &str = "\
Use the scope conversation:participant:write, then:

curl -X PUT 'https://api.mypurecloud.ie/api/v2/conversations/{conversationId}/participants/{participantId}/attributes' \\
  -H 'Content-Type: application/json' \\
  --data-raw '{\"attributes\": {\"escalationLevel\": 3}}'
";

const RIGHT: &str = "\
pip install PureCloudPlatformClientV2
There is no PUT for participant attributes; send a PATCH:
api.patch_conversation_participant_attributes(cid, pid, ParticipantAttributes(attributes={'tier': 'gold'}))
";

#[test]
fn a_wrong_answer_exits_1_and_prints_each_claim_and_request_for_people() {
    let env = Env::new();
    let run = env.run_with_stdin(&["check"], WRONG);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    for expected in [
        "claims\n",
        "  1:15 false claim/invented-scope `conversation:participant:write`\n",
        "    truth: Not a scope or permission name.",
        "    fix: Client-credentials clients get roles",
        "    evidence: fact sheet §5 j\n",
        "requests\n",
        "  line 3, curl: PUT https://api.mypurecloud.ie/api/v2/conversations/{conversationId}/participants/{participantId}/attributes\n",
        "    reject route/put-on-attributes at verb\n",
        "    likely-reject body/value-not-string at body /attributes/escalationLevel\n",
        "PUT ✖ 1 reject (route/put-on-attributes) · 1 likely reject (body/value-not-string)",
        "1 predicted to be rejected\n",
    ] {
        assert!(
            run.stdout.contains(expected),
            "no {expected:?} in\n{}",
            run.stdout
        );
    }
}

#[test]
fn a_right_answer_exits_0() {
    let env = Env::new();
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(RIGHT.as_bytes()).unwrap();
    let run = env.run(&["check", file.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains(" false "), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("true claim/sdk-method `patch_conversation_participant_attributes`"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("0 false"), "{}", run.stdout);
}

#[test]
fn json_has_the_claims_requests_and_summary_shape() {
    let env = Env::new();
    let run = env.run_with_stdin(&["check", "-", "--json"], WRONG);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    let claim = &json["claims"][0];
    let keys: Vec<&str> = claim
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "column", "evidence", "fix", "line", "match", "rule", "truth", "verdict"
        ]
    );
    assert_eq!(claim["line"], 1);
    assert_eq!(claim["column"], 15);
    assert_eq!(claim["match"], "conversation:participant:write");
    assert_eq!(claim["verdict"], "false");
    let request = &json["requests"][0];
    assert_eq!(request["line"], 3);
    assert_eq!(request["source"], "curl");
    assert_eq!(request["verb"], "PUT");
    assert_eq!(request["content_type"], "application/json");
    assert_eq!(request["body"], r#"{"attributes": {"escalationLevel": 3}}"#);
    assert_eq!(request["rejects"], true);
    let finding = &request["findings"][0];
    assert_eq!(finding["rule"], "route/put-on-attributes");
    assert_eq!(finding["severity"], "reject");
    assert_eq!(finding["location"], serde_json::json!({"kind": "verb"}));
    assert_eq!(json["summary"]["false"], 1);
    assert_eq!(json["summary"]["requests"], 1);
    assert_eq!(json["summary"]["rejected"], 1);
    assert_eq!(json["fails"], true);
}

#[test]
fn an_unreadable_or_oversized_input_is_a_usage_error() {
    let env = Env::new();
    let run = env.run(&["check", "/no/such/answer.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot read /no/such/answer.md"),
        "{}",
        run.stderr
    );
    let big = "x".repeat(1024 * 1024 + 1);
    let run = env.run_with_stdin(&["check"], &big);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("standard input is larger than the 1048576 bytes check reads"),
        "{}",
        run.stderr
    );
    let run = env.run(&["--sim", "check", "-"]);
    assert_eq!(
        run.code, 2,
        "a connection flag does not apply: {}",
        run.stderr
    );
}
