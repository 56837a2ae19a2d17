//! Record and replay through a real pseudo-terminal: `gc-attrs record FILE`
//! opens the TUI as usual and records its load, `W` saves the session to a
//! second file, and `gc-attrs replay FILE` of a send recorded by the CLI
//! steps to the re-read and shows the observed change, with no network.

// Helpers of a test crate may unwrap like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

// Shared with the presenter's test, which uses the rest of it.
#[allow(dead_code)]
#[path = "support/pty.rs"]
mod pty;

use pty::Tui;

const CALL: &str = "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14";
const CUSTOMER: &str = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";

fn lines(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn record_saves_and_replay_steps_to_the_observed_change_with_no_network() {
    let home = std::env::temp_dir().join(format!("gc-attrs-pty-replay-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();

    // The TUI recording: its load goes to the file; W saves the session again.
    let recorded = home.join("tui.jsonl");
    let mut tui = Tui::spawn(
        &[
            "record",
            recorded.to_str().unwrap(),
            "--sim",
            "--conversation",
            CALL,
        ],
        &home,
    );
    tui.wait_for(&["loaded conversation"]);
    tui.send(b"W");
    tui.wait_for(&["Save this session"]);
    tui.send(&[0x15]); // Ctrl-U clears the offered name
    for c in "saved.jsonl".chars() {
        tui.send(c.to_string().as_bytes());
    }
    tui.send(b"\r");
    tui.wait_for(&["saved 1 exchange to saved.jsonl"]);
    tui.send(&[0x03]);
    assert_eq!(tui.exit_code(), 0);
    for file in [recorded.clone(), home.join("saved.jsonl")] {
        let entries = lines(&file);
        assert_eq!(entries.len(), 1, "{}", file.display());
        assert_eq!(entries[0]["source"], "tui");
        assert_eq!(entries[0]["exchange"]["method"], "GET");
    }

    // A send recorded by the CLI, replayed: no simulator is started.
    let session = home.join("send.jsonl");
    let sent = std::process::Command::new(env!("CARGO_BIN_EXE_gc-attrs"))
        .args([
            "--sim",
            "send",
            CALL,
            CUSTOMER,
            "--set",
            "callReason=pty-replay",
        ])
        .arg("--record")
        .arg(&session)
        .env("HOME", &home)
        .env("GC_ATTRS_CONFIG_DIR", &home)
        .output()
        .unwrap();
    assert!(
        sent.status.success(),
        "{}",
        String::from_utf8_lossy(&sent.stderr)
    );
    let mut replay = Tui::spawn(&["replay", session.to_str().unwrap()], &home);
    replay.wait_for(&["· 1/4 · recorded"]);
    replay.wait_for(&["no network"]);
    for _ in 0..3 {
        replay.send(b"\x1b[C"); // →
    }
    let shown = replay.wait_for(&["Observed changes"]);
    assert!(shown.contains("4/4"), "{shown}");
    assert!(
        shown
            .lines()
            .any(|l| l.contains('+') && l.contains("pty-replay")),
        "{shown}"
    );
    replay.send(b"q");
    assert_eq!(replay.exit_code(), 0);
    let _ = std::fs::remove_dir_all(&home);
}
