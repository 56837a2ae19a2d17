//! Issue 5's must-show: a known client secret and a known token, used
//! through the CLI, appear in no output, no history file and no export.

use base64::Engine as _;

use crate::support::*;

const SECRET: &str = "Kn0wn-S3cret-7f1c9a-do-not-print";

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
fn neither_the_secret_nor_the_token_appears_anywhere() {
    let env = Env::new();
    let customer = env.participant("customer");
    let sim = SimProcess::start(&["--client-secret", SECRET]);
    let connect = [
        "--region",
        sim.base.as_str(),
        "--client-id",
        "demo-client",
        "--client-secret",
        SECRET,
    ];
    let mut runs = Vec::new();
    let send = |value: &str, extra: &[&str]| {
        let set = format!("callReason={value}");
        let edit = [
            "send",
            CALL,
            customer.as_str(),
            "--set",
            set.as_str(),
            "--yes",
        ];
        env.run(&[&connect[..], &edit[..], extra].concat())
    };
    runs.push(send("refund", &[]));
    runs.push(send("refund-2", &["--json"]));
    runs.push(env.run(&[&connect[..], &["get", CALL, "--json"]].concat()));
    // A failing write, whose error body is recorded and printed too.
    runs.push(send("refund-3", &["--verb", "PUT"]));

    let token = token(&sim.base);
    let with_token = |args: &[&str]| {
        Env::finish(
            env.command()
                .env("GENESYSCLOUD_ACCESS_TOKEN", &token)
                .args(["--region", sim.base.as_str()])
                .args(args),
        )
    };
    runs.push(with_token(&["get", CALL]));
    runs.push(with_token(&[
        "send",
        CALL,
        &customer,
        "--set",
        "callReason=other",
        "--yes",
        "--json",
    ]));
    let codes: Vec<i32> = runs.iter().map(|r| r.code).collect();
    assert_eq!(
        codes,
        [0, 0, 0, 3, 0, 0],
        "{}",
        runs.iter().map(|r| r.stderr.as_str()).collect::<String>()
    );

    let curl = env.run(&["export", "--last", "50", "--format", "curl"]);
    assert_eq!(curl.code, 0, "{}", curl.stderr);
    assert!(curl.stdout.contains("curl "), "{}", curl.stdout);
    let json = env.run(&["export", "--last", "50", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    assert!(json.json().as_array().is_some_and(|a| a.len() >= 10));
    runs.push(curl);
    runs.push(json);

    let basic = base64::engine::general_purpose::STANDARD.encode(format!("demo-client:{SECRET}"));
    let forbidden = [SECRET, token.as_str(), basic.as_str()];
    for (i, run) in runs.iter().enumerate() {
        for needle in forbidden {
            assert!(
                !run.stdout.contains(needle),
                "run {i} stdout holds a secret"
            );
            assert!(
                !run.stderr.contains(needle),
                "run {i} stderr holds a secret"
            );
        }
    }
    let files = env.files();
    assert!(
        files.iter().any(|f| f.ends_with("data/history.jsonl")),
        "{files:?}"
    );
    // The headers were recorded, redacted.
    let history = std::fs::read_to_string(env.dir().join("data/history.jsonl")).unwrap();
    assert!(history.contains("Basic <redacted>"), "{history}");
    assert!(history.contains("Bearer <redacted>"), "{history}");
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for needle in forbidden {
            assert!(!text.contains(needle), "{} holds a secret", file.display());
        }
    }
}

#[test]
fn credentials_a_server_echoes_back_reach_no_output_history_or_export() {
    let env = Env::new();
    let base = crate::hostile::echoer();
    let get = env.run(&[
        "--region",
        base.as_str(),
        "--client-id",
        "demo-client",
        "--client-secret",
        SECRET,
        "get",
        CALL,
        "--json",
    ]);
    assert_ne!(get.code, 0, "the echoer answers 400: {}", get.stdout);
    assert!(
        get.stdout.contains("<redacted>"),
        "the echo is shown, redacted: {}",
        get.stdout
    );
    let export = env.run(&["export", "--last", "10", "--format", "json"]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    let history = std::fs::read_to_string(env.dir().join("data/history.jsonl")).unwrap();
    assert!(history.contains("x-echo-authorization"), "{history}");
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("demo-client:{SECRET}"));
    for needle in [SECRET, basic.as_str(), "fresh-token-from-the-echoer"] {
        for (what, text) in [
            ("get stdout", &get.stdout),
            ("get stderr", &get.stderr),
            ("export", &export.stdout),
            ("history", &history),
        ] {
            assert!(!text.contains(needle), "{what} holds {needle}: {text}");
        }
    }
}
