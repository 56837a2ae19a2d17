//! `gc-attrs export` run as the built binary, on a history filled through
//! the `History` API in a temporary `GC_ATTRS_CONFIG_DIR`.

// Helpers of a test crate may unwrap like the tests themselves.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

use gc_attrs::api::{Exchange, Outcome};
use gc_attrs::history::History;

/// A temporary config directory whose `data` folder holds the history.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn history(&self) -> History {
        History::open(&self.dir.path().join("data")).unwrap()
    }

    fn export(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_gc-attrs"))
            .arg("export")
            .args(args)
            .env("GC_ATTRS_CONFIG_DIR", self.dir.path())
            .env_remove("GENESYSCLOUD_ACCESS_TOKEN")
            .output()
            .unwrap()
    }
}

fn exchange(n: u16) -> Exchange {
    let url =
        format!("https://api.mypurecloud.ie/api/v2/conversations/c{n}/participants/p/attributes");
    Exchange {
        request_headers: vec![
            ("Authorization".into(), "Bearer live-t0ken-xyz".into()),
            ("Content-Type".into(), "application/json".into()),
        ],
        request_body: Some(format!(r#"{{"attributes":{{"n":"{n}"}}}}"#)),
        response_body: "{}".into(),
        ..Exchange::new("PATCH", url, Outcome::answer(200 + n))
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn curl_prints_a_comment_and_a_command_per_entry_with_the_token_from_the_environment() {
    let home = Home::new();
    let history = home.history();
    for n in 1..=3 {
        history.append("cli", &exchange(n)).unwrap();
    }
    let output = home.export(&["--last", "2", "--format", "curl"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    for (pair, n) in lines.chunks(2).zip([2, 3]) {
        assert!(pair[0].starts_with("# "), "{}", pair[0]);
        assert!(
            pair[0].ends_with(&format!(
                " PATCH https://api.mypurecloud.ie/api/v2/conversations/c{n}/participants/p/attributes -> {}",
                200 + n
            )),
            "{}",
            pair[0]
        );
        assert!(
            pair[1].starts_with("curl -sS -i -X 'PATCH' "),
            "{}",
            pair[1]
        );
        assert!(
            pair[1].contains("\"Authorization: Bearer $GENESYS_TOKEN\""),
            "{}",
            pair[1]
        );
        assert!(
            pair[1].contains(&format!(r#"{{"n":"{n}"}}"#)),
            "{}",
            pair[1]
        );
    }
    assert!(!text.contains("live-t0ken-xyz"), "{text}");
}

#[test]
fn json_prints_an_array_of_entries_oldest_first() {
    let home = Home::new();
    let history = home.history();
    for n in 1..=3 {
        history
            .append(if n == 1 { "tui" } else { "cli" }, &exchange(n))
            .unwrap();
    }
    // --format wins over the global --json flag, and --last defaults to 1.
    let output = home.export(&["--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value.as_array().unwrap().len(), 1);
    assert_eq!(value[0]["exchange"]["status"], 203);

    let output = home.export(&["--json", "--last", "10", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let entries = value.as_array().unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0]["source"], "tui");
    assert_eq!(entries[2]["source"], "cli");
    assert!(entries[0]["time"].as_str().unwrap().ends_with('Z'));
    assert_eq!(entries[0]["exchange"]["method"], "PATCH");
    assert_eq!(
        entries[0]["exchange"]["request_headers"][0],
        serde_json::json!(["Authorization", "Bearer <redacted>"])
    );
    for key in [
        "correlation_id",
        "rate_limit",
        "timings",
        "attempts",
        "outcome",
        "status",
        "error_body",
    ] {
        assert!(entries[0]["exchange"].get(key).is_some(), "{key} missing");
    }
    assert!(!stdout(&output).contains("live-t0ken-xyz"));

    let output = home.export(&["--json", "--format", "curl"]);
    assert!(stdout(&output).starts_with("# "), "{}", stdout(&output));
}

#[test]
fn an_empty_or_missing_history_exits_2_naming_the_file() {
    let home = Home::new();
    let output = home.export(&["--format", "curl"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert!(
        message.contains("no exchanges recorded yet in "),
        "{message}"
    );
    assert!(message.contains("history.jsonl"), "{message}");

    home.history();
    let output = home.export(&["--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no exchanges recorded yet"));
}

#[test]
fn a_cut_line_is_skipped_with_a_warning_and_an_unreadable_history_exits_2() {
    let home = Home::new();
    let history = home.history();
    history.append("cli", &exchange(1)).unwrap();
    let mut text = std::fs::read(history.path()).unwrap();
    text.extend_from_slice(br#"{"time":"2025-01-"#);
    std::fs::write(history.path(), text).unwrap();
    let output = home.export(&["--last", "5", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("skipped 1 unreadable line"),
        "{}",
        stderr(&output)
    );
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value.as_array().unwrap().len(), 1);

    std::fs::remove_file(history.path()).unwrap();
    std::fs::create_dir(history.path()).unwrap();
    let output = home.export(&["--format", "curl"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("history.jsonl") && message.contains("cannot"),
        "{message}"
    );
}

/// The `{"error": {…}}` object a `--json` run printed on stdout.
fn json_error(output: &Output) -> serde_json::Value {
    let value: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", stdout(output)));
    let error = value["error"].clone();
    assert_eq!(error["exit"], 2, "{value}");
    assert!(error["explanation"].is_null(), "{value}");
    assert_eq!(
        value.as_object().unwrap().len(),
        1,
        "only the error: {value}"
    );
    error
}

#[test]
fn with_json_last_0_prints_the_error_object_and_exits_2() {
    let home = Home::new();
    home.history().append("cli", &exchange(1)).unwrap();
    let output = home.export(&["--json", "--last", "0", "--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    let error = json_error(&output);
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("--last must be at least 1"), "{message}");
    assert!(stderr(&output).contains("--last must be at least 1"));

    // Without --json, stdout stays empty.
    let output = home.export(&["--last", "0", "--format", "curl"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "{}", stdout(&output));
    assert!(stderr(&output).contains("--last must be at least 1"));
}

#[test]
fn with_json_an_empty_or_missing_history_prints_the_error_object_and_exits_2() {
    let home = Home::new();
    for format in ["curl", "json"] {
        // Missing the first time; then present (export created it) and empty.
        let output = home.export(&["--json", "--format", format]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        let error = json_error(&output);
        let message = error["message"].as_str().unwrap();
        assert!(
            message.contains("no exchanges recorded yet in ") && message.contains("history.jsonl"),
            "{message}"
        );
        assert!(
            stderr(&output).contains("no exchanges recorded yet in "),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn with_json_an_unreadable_history_prints_the_error_object_and_exits_2() {
    let home = Home::new();
    let history = home.history();
    std::fs::remove_file(history.path()).unwrap();
    std::fs::create_dir(history.path()).unwrap();
    let output = home.export(&["--format", "json", "--json", "--last", "3"]);
    assert_eq!(output.status.code(), Some(2));
    let error = json_error(&output);
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains("history.jsonl") && message.contains("cannot"),
        "{message}"
    );
    assert!(stderr(&output).contains(message), "{}", stderr(&output));
}

#[test]
fn export_reads_a_history_without_writing_to_it() {
    use std::os::unix::fs::PermissionsExt as _;
    let home = Home::new();
    let history = home.history();
    history.append("cli", &exchange(1)).unwrap();
    // A history export cannot write (read-only): it is only read. (The
    // tests may run as root, who could write anyway; that the file is left
    // untouched shows that export never opens it to write.)
    std::fs::set_permissions(history.path(), std::fs::Permissions::from_mode(0o444)).unwrap();
    let output = home.export(&["--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mode = std::fs::metadata(history.path())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o444);

    let empty = Home::new();
    let output = empty.export(&["--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        !empty.dir.path().join("data").exists(),
        "export creates no data folder"
    );
}

#[test]
fn export_masks_secure_attribute_values_even_from_an_old_history_line_that_holds_them() {
    let home = Home::new();
    let history = home.history();
    // A line as a version before the masking wrote it: the values in clear.
    let url = "https://api.mypurecloud.ie/api/v2/conversations/c1/secureattributes";
    let old = Exchange {
        request_headers: vec![("Content-Type".into(), "application/json".into())],
        request_body: Some(
            r#"{"attributes":{"paymentToken":"tok_4417_9b2e","accessCode":"4711"},"version":1}"#
                .into(),
        ),
        response_body: r#"{"message":"Value [tok_4417_9b2e] is not valid","status":400}"#.into(),
        ..Exchange::new("PUT", url, Outcome::answer(400))
    };
    let line =
        serde_json::json!({"time": "2026-11-30T10:00:00.000Z", "source": "tui", "exchange": old});
    std::fs::write(history.path(), format!("{line}\n")).unwrap();
    for format in ["curl", "json"] {
        let output = home.export(&["--format", format]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = stdout(&output);
        for secret in ["tok_4417_9b2e", "4711"] {
            assert!(!text.contains(secret), "{format}: {secret} in {text}");
        }
        assert!(text.contains("paymentToken"), "{format}: {text}");
    }
}
