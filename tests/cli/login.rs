//! A login that yields no token fails the command with exit 3.

use super::hostile::{NO_TOKEN, token_host};
use super::support::*;

#[test]
fn a_login_answered_200_without_a_token_exits_3_and_says_why() {
    let env = Env::new();
    for (what, content_type, body) in NO_TOKEN {
        let base = token_host(200, content_type, body);
        let run = env.run(&[
            "get",
            CALL,
            "--region",
            &base,
            "--client-id",
            "id",
            "--client-secret",
            "secret",
            "--json",
        ]);
        assert_eq!(run.code, 3, "{what}: {}\n{}", run.stdout, run.stderr);
        let error = &run.json()["error"];
        assert_eq!(error["exit"], 3, "{what}");
        let message = error["message"].as_str().unwrap();
        assert!(message.contains("no usable token"), "{what}: {message}");
        assert!(
            !run.stdout.contains("t0k3n") && !run.stderr.contains("t0k3n"),
            "{what}"
        );
    }
}
