//! The `gc-attrs sim` command, run as the built binary.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

use crate::support::*;

#[tokio::test]
async fn the_sim_command_prints_its_url_and_serves_tokens() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gc-attrs"))
        .args(["sim", "--listen", "127.0.0.1:0", "--seed", "1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (lines, received) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let mut printed = Vec::new();
    let base = loop {
        let line = received
            .recv_timeout(Duration::from_secs(60))
            .expect("the sim prints its base URL");
        printed.push(line.clone());
        if let Some(url) = line.strip_prefix("base URL: ") {
            break url.trim().to_owned();
        }
    };
    assert!(
        base.starts_with("http://127.0.0.1:") && !base.ends_with('/'),
        "{base}"
    );
    while !printed.iter().any(|l| l.contains(CALL)) {
        printed.push(
            received
                .recv_timeout(Duration::from_secs(10))
                .expect("conversation ids"),
        );
    }
    let text = printed.join("\n");
    assert!(
        text.contains("client id: demo-client") && text.contains("client secret: demo-secret"),
        "{text}"
    );

    let http = reqwest::Client::new();
    let answer = token_request(
        &http,
        &base,
        "demo-client",
        "demo-secret",
        "client_credentials",
    )
    .await;
    assert_eq!(answer.status(), reqwest::StatusCode::OK);
    let body: Value = answer.json().await.unwrap();
    assert_eq!(body["token_type"], "bearer");
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn bad_flags_exit_2_with_a_clear_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_gc-attrs"))
        .args(["sim", "--listen", "127.0.0.1:0", "--fail-rate", "2"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--fail-rate") && stderr.contains("0.0 to 1.0"),
        "{stderr}"
    );
}

#[test]
fn without_a_command_it_prints_the_status() {
    let output = Command::new(env!("CARGO_BIN_EXE_gc-attrs"))
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("gc-attrs "));
}
