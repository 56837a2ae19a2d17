//! The picker through a real pseudo-terminal: on the simulator it lists the
//! simulator's recent conversations from the history (not a live org's),
//! each saying what it is; a pasted name filters the rows, typing narrows
//! them, and Enter opens the match.

// Helpers of a test crate may unwrap like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const CALL: &str = "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14";
const MESSAGE: &str = "8b2f4d6a-1c3e-4a5b-9d7f-0e2a4c6b8d10";
/// A conversation opened on a live org: never offered on the simulator.
const ORG_ONLY: &str = "11111111-2222-4333-8444-555555555555";

/// Two history lines: a read of the call on the simulator, a read on an org.
fn seeded_history() -> String {
    let mut call: serde_json::Value =
        serde_json::from_str(include_str!("../assets/fixtures/call-billing-dispute.json")).unwrap();
    call.as_object_mut().unwrap().remove("_sim");
    let line = |place: serde_json::Value, id: &str, body: String| {
        serde_json::json!({
            "time": "2026-11-20T17:40:00.000Z",
            "source": "tui",
            "place": place,
            "exchange": {
                "method": "GET",
                "url": format!("http://127.0.0.1:1/api/v2/conversations/{id}"),
                "outcome": "answer", "status": 200, "reason": "OK",
                "response_body": body,
                "at": "2026-11-20T17:40:00.000Z"
            }
        })
        .to_string()
    };
    let org = serde_json::json!({"kind": "org", "api": "https://api.mypurecloud.ie", "login": "0123456789abcdef"});
    format!(
        "{}\n{}\n",
        line(
            serde_json::json!({"kind": "simulator"}),
            CALL,
            call.to_string()
        ),
        line(org, ORG_ONLY, "{}".to_owned())
    )
}

/// The TUI in a pseudo-terminal: the child, the screen as parsed, the
/// keyboard, and the master end, kept open while the child runs.
struct Tui {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

/// The TUI on the simulator in a 100×30 pseudo-terminal.
fn spawn(home: &std::path::Path) -> Tui {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_gc-attrs"));
    command.arg("--sim");
    command.env("TERM", "xterm-256color");
    command.env("HOME", home);
    command.env("GC_ATTRS_CONFIG_DIR", home);
    for name in [
        "GENESYSCLOUD_OAUTHCLIENT_ID",
        "GENESYSCLOUD_OAUTHCLIENT_SECRET",
        "GENESYSCLOUD_ACCESS_TOKEN",
        "GENESYSCLOUD_REGION",
    ] {
        command.env_remove(name);
    }
    let child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);
    let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
    let parser = Arc::new(Mutex::new(vt100::Parser::new(size(30), size(100), 0)));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let sink = Arc::clone(&parser);
    thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buffer[..n]);
        }
    });
    let writer = pair.master.take_writer().unwrap();
    Tui {
        child,
        parser,
        writer,
        _master: pair.master,
    }
}

#[test]
fn a_pasted_name_filters_the_picker_typing_narrows_it_and_enter_opens_the_match() {
    let home = std::env::temp_dir().join(format!("gc-attrs-pty-picker-{}", std::process::id()));
    let data = home.join("data");
    std::fs::create_dir_all(&data).unwrap();
    // A folder open to others would be warned about in the status line.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    std::fs::write(data.join("history.jsonl"), seeded_history()).unwrap();

    let Tui {
        mut child,
        parser,
        mut writer,
        _master,
    } = spawn(&home);
    let text = || parser.lock().unwrap().screen().contents();
    let wait_for = |needle: &str| -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let shown = text();
            if shown.contains(needle) {
                return shown;
            }
            assert!(
                Instant::now() < deadline,
                "the screen never showed {needle:?}; it shows:\n{shown}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    };
    let mut send = |bytes: &[u8]| {
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
        thread::sleep(Duration::from_millis(60));
    };

    // The simulator's recent conversation says what it is; the org's is not listed.
    let shown = wait_for(&format!("{MESSAGE}  fixture"));
    assert!(shown.contains(&format!("{CALL}  recent")), "{shown}");
    assert!(shown.contains("customer Yamada Taro"), "{shown}");
    assert!(!shown.contains(ORG_ONLY), "{shown}");

    // A bracketed paste is typed into the field and filters at once.
    send("\x1b[200~schäfer\x1b[201~".as_bytes());
    let shown = wait_for("1 of 4 match");
    assert!(shown.contains(MESSAGE) && !shown.contains(CALL), "{shown}");
    for c in " customer".chars() {
        send(c.to_string().as_bytes());
    }
    let shown = wait_for("schäfer customer");
    assert!(shown.contains("1 of 4 match"), "{shown}");
    send(b"\r");
    wait_for(&format!("loaded conversation {MESSAGE}"));

    send(&[0x03]);
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.exit_code();
        }
        assert!(Instant::now() < deadline, "the TUI did not quit");
        thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status, 0);
    // The load is recorded on the simulator's place, with its send time.
    let history = std::fs::read_to_string(data.join("history.jsonl")).unwrap();
    let last: serde_json::Value = serde_json::from_str(history.lines().last().unwrap()).unwrap();
    assert_eq!(last["place"], serde_json::json!({"kind": "simulator"}));
    assert!(
        last["exchange"]["url"].as_str().unwrap().ends_with(MESSAGE),
        "{last}"
    );
    assert!(
        last["exchange"]["at"]
            .as_str()
            .is_some_and(|at| at.ends_with('Z')),
        "{last}"
    );
    let _ = std::fs::remove_dir_all(&home);
}
