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
    while !printed.iter().any(|l| l.contains("connect the TUI")) {
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
    assert!(text.contains(CALL), "{text}");
    // Each conversation is listed as the TUI's picker describes it.
    assert!(
        text.contains(&format!(
            "  {CALL}  call · customer Yamada Taro, ivr Billing IVR, acd Billing Support, agent Jana Müller · started 2026-11-20 14:02 · 17 attributes · fixture"
        )),
        "{text}"
    );
    let command = format!(
        "connect the TUI: gc-attrs --region {base} --client-id demo-client --client-secret demo-secret"
    );
    assert!(text.contains(&command), "the exact command: {text}");

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
fn sigint_stops_the_sim_with_exit_code_0() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gc-attrs"))
        .args(["sim", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
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
    // The Ctrl-C handler is installed before this line is printed.
    loop {
        let line = received
            .recv_timeout(Duration::from_secs(60))
            .expect("the sim says it is serving");
        if line.starts_with("serving") {
            break;
        }
    }
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success(), "kill -INT failed");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("the sim did not stop within 30 s of SIGINT");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0), "{status:?}");
    let rest: Vec<String> = received.try_iter().collect();
    assert!(rest.iter().any(|l| l == "stopping"), "{rest:?}");
}

#[test]
fn a_token_lifetime_past_48_hours_exits_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_gc-attrs"))
        .args([
            "sim",
            "--listen",
            "127.0.0.1:0",
            "--token-ttl",
            "18446744073709551615",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--token-ttl") && stderr.contains("172800") && !stderr.contains("panicked"),
        "{stderr}"
    );
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
fn without_a_command_and_without_a_terminal_it_says_what_to_do() {
    let output = Command::new(env!("CARGO_BIN_EXE_gc-attrs"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("needs a terminal") && stderr.contains("gc-attrs --help"),
        "{stderr}"
    );
}
