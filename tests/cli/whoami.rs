//! `gc-attrs whoami`: `GET /api/v2/tokens/me` (§10) as text and as JSON.

use crate::support::*;

const SECRET: &str = "Wh0ami-S3cret-do-not-print";

/// A token from the simulator's token endpoint, obtained as a script would.
fn token(base: &str) -> String {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let answer = reqwest::Client::new()
            .post(format!("{base}/oauth/token"))
            .basic_auth("demo-client", Some(SECRET))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .unwrap();
        assert!(answer.status().is_success(), "{}", answer.status());
        let body: Value = answer.json().await.unwrap();
        body["access_token"].as_str().unwrap().to_owned()
    })
}

#[test]
fn whoami_json_on_the_sim_has_the_documented_fields() {
    let env = Env::new();
    let run = env.run(&["--sim", "whoami", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "dateTokenIdles",
            "homeOrganization",
            "oauthClient",
            "organization",
            "renewsInSeconds",
            "scopes",
            "session"
        ]
    );
    assert_eq!(json["organization"]["name"], "gc-attrs simulator");
    assert_eq!(json["oauthClient"]["id"], "demo-client");
    assert_eq!(json["session"], "client-credentials");
    assert_eq!(json["scopes"], serde_json::json!([]));
    let renews = json["renewsInSeconds"].as_u64().unwrap();
    assert!(renews > 86_000 && renews < 86_400, "{renews}");
    assert!(json["dateTokenIdles"].as_str().unwrap().ends_with('Z'));
    assert!(!run.stdout.contains("demo-secret"), "{}", run.stdout);
}

#[test]
fn whoami_text_names_org_client_session_and_expiry_but_no_secret() {
    let env = Env::new();
    let sim = SimProcess::start(&["--client-secret", SECRET, "--token-ttl", "3600"]);
    let connect = [
        "--region",
        sim.base.as_str(),
        "--client-id",
        "demo-client",
        "--client-secret",
        SECRET,
    ];
    let run = env.run(&[&connect[..], &["whoami"]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    for expected in [
        "organization  gc-attrs simulator (",
        "OAuth client  simulated OAuth client (demo-client)",
        "session       client credentials",
        "roles, not scopes",
        "token idles   20",
        // 3600 s less the 60 s renewal margin, less the time taken.
        "the client logs in again in 58m",
    ] {
        assert!(
            run.stdout.contains(expected),
            "missing {expected:?} in\n{}",
            run.stdout
        );
    }

    // A pre-set token: its expiry is unknown to the client.
    let token = token(&sim.base);
    let preset = Env::finish(
        env.command()
            .env("GENESYSCLOUD_ACCESS_TOKEN", &token)
            .args(["--region", sim.base.as_str(), "whoami", "--json"]),
    );
    assert_eq!(preset.code, 0, "{}", preset.stderr);
    let json = preset.json();
    assert_eq!(json["session"], "access-token");
    assert!(json["renewsInSeconds"].is_null());
    for output in [&run.stdout, &run.stderr, &preset.stdout, &preset.stderr] {
        assert!(!output.contains(SECRET), "{output}");
        assert!(!output.contains(&token), "{output}");
    }
}

#[test]
fn whoami_with_a_refused_token_says_the_token_itself_was_refused() {
    let env = Env::new();
    let sim = SimProcess::start(&[]);
    let run = Env::finish(
        env.command()
            .env("GENESYSCLOUD_ACCESS_TOKEN", "not-a-real-token")
            .args(["--region", sim.base.as_str(), "whoami"]),
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(run.stderr.contains("answered 401"), "{}", run.stderr);
    assert!(
        run.stderr.contains("the token is unknown or expired"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("not-a-real-token"), "{}", run.stderr);
}
