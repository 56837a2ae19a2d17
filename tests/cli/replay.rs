//! Record and replay: `send --record FILE` against the embedded simulator
//! writes a redacted recording, and that file replayed (read, stepped
//! through in the app, drawn) shows the decoded error and the observed
//! change, with no network.

use gc_attrs::app::{App, Key, KeyCode, Msg, Replay};
use gc_attrs::history::recording;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::*;

/// The screen as text, one line a row.
fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| gc_attrs::ui::render(frame, app))
        .unwrap();
    let buffer = terminal.backend().buffer();
    buffer
        .content
        .chunks(usize::from(width))
        .map(|row| {
            row.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
                + "\n"
        })
        .collect()
}

fn press(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(Key::plain(code)));
}

#[test]
fn a_send_recorded_by_the_cli_replays_with_its_decoded_error_and_observed_change() {
    let env = Env::new();
    let customer = env.participant("customer");
    let file = env.dir().join("session.jsonl");
    let path = file.to_str().unwrap();
    let edit = ["send", CALL, customer.as_str(), "--set"];
    let sent = env.run(
        &[
            &["--sim"],
            &edit[..],
            &["callReason=refund", "--record", path],
        ]
        .concat(),
    );
    assert_eq!(sent.code, 0, "{}", sent.stderr);
    // The flag before the subcommand records too, into the same file.
    let refused = env.run(
        &[
            &["--sim", "--record", path],
            &edit[..],
            &["callReason=x", "--verb", "PUT"],
        ]
        .concat(),
    );
    assert_eq!(refused.code, 3, "a PUT is answered 404: {}", refused.stderr);

    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("demo-secret"), "the client secret in clear");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let read = recording::read(&file).unwrap();
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let methods: Vec<&str> = read
        .entries
        .iter()
        .map(|e| e.exchange.method.as_str())
        .collect();
    assert_eq!(
        methods,
        ["POST", "GET", "PATCH", "GET", "POST", "GET", "PUT"],
        "login, read, write, re-read; login, read, refused write"
    );
    for entry in &read.entries {
        let exchange = &entry.exchange;
        for (name, value) in &exchange.request_headers {
            if name.eq_ignore_ascii_case("authorization") {
                assert!(value.ends_with("<redacted>"), "{name}: {value}");
            }
        }
        if let Ok(body) = serde_json::from_str::<Value>(&exchange.response_body)
            && let Some(token) = body.get("access_token")
        {
            assert_eq!(token, "<redacted>", "a token in clear");
        }
    }

    // Replayed: no client, no simulator; the app is built from the file.
    let recorded = read
        .entries
        .into_iter()
        .map(|e| (e.time, e.exchange))
        .collect();
    let mut app = App::replaying(Replay::new(path, recorded, false));
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    let reread = draw(&app, 100, 30);
    assert!(reread.contains("4/7"), "{reread}");
    assert!(reread.contains("no network"), "{reread}");
    assert!(reread.contains("Observed changes"), "{reread}");
    assert!(
        reread.contains("1 changed · 0 added · 0 removed"),
        "{reread}"
    );
    assert!(
        reread.contains(r#"+   "callReason": "refund","#),
        "{reread}"
    );
    press(&mut app, KeyCode::End);
    let error = draw(&app, 80, 24);
    assert!(error.contains("7/7"), "{error}");
    assert!(error.contains("Decoded errors"), "{error}");
    assert!(error.contains("not.found 404"), "{error}");
}

#[test]
fn a_recording_with_a_bad_line_is_read_with_the_line_named() {
    let env = Env::new();
    let file = env.dir().join("session.jsonl");
    let path = file.to_str().unwrap();
    let run = env.run(&["--sim", "get", CALL, "--record", path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("{\"cut by a crash\n");
    std::fs::write(&file, text).unwrap();
    let read = recording::read(&file).unwrap();
    assert_eq!(read.entries.len(), 2, "login and read");
    let [problem] = read.problems.as_slice() else {
        panic!("{:?}", read.problems);
    };
    assert!(
        problem.starts_with(&format!("{path}:3: not a recorded exchange")),
        "{problem}"
    );
}

#[test]
fn record_and_replay_refuse_what_they_cannot_do() {
    let env = Env::new();
    let missing = env.dir().join("none.jsonl");
    let run = env.run(&["replay", missing.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot read the recording"),
        "{}",
        run.stderr
    );
    let run = env.run(&[
        "--record", "x.jsonl", "lint", "--verb", "PATCH", "--route", "/x",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--record records"), "{}", run.stderr);
    let run = env.run(&["--sim", "replay", "x.jsonl"]);
    assert_eq!(run.code, 2, "replay connects nowhere: {}", run.stderr);
    // A folder is no recording to write.
    let run = env.run(&[
        "--sim",
        "get",
        CALL,
        "--record",
        env.dir().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--record"), "{}", run.stderr);
}
