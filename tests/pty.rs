//! End to end through a real pseudo-terminal: start the binary on the
//! simulator, open a conversation, change a value, send, and read the 202
//! and the observed change on the screen, as a person would.

// Helpers of a test crate may unwrap like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const CALL: &str = "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14";

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
}

impl Screen {
    fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits (bounded) until the screen shows `needle`.
    fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let text = self.text();
            if text.contains(needle) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "the screen never showed {needle:?}; it shows:\n{text}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        // Let the app read the keys as separate events.
        thread::sleep(Duration::from_millis(60));
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.send(c.to_string().as_bytes());
        }
    }
}

#[test]
fn open_edit_send_and_see_the_202_and_the_observed_change() {
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let home = std::env::temp_dir().join(format!("gc-attrs-pty-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_gc-attrs"));
    command.args(["--sim", "--conversation", CALL]);
    command.env("TERM", "xterm-256color");
    command.env("HOME", &home);
    command.env("GC_ATTRS_CONFIG_DIR", &home);
    for name in [
        "GENESYSCLOUD_OAUTHCLIENT_ID",
        "GENESYSCLOUD_OAUTHCLIENT_SECRET",
        "GENESYSCLOUD_ACCESS_TOKEN",
        "GENESYSCLOUD_REGION",
    ] {
        command.env_remove(name);
    }
    let mut child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);

    let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
    let parser = Arc::new(Mutex::new(vt100::Parser::new(size(ROWS), size(COLS), 0)));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let sink = Arc::clone(&parser);
    let reader_thread = thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buffer[..n]);
        }
    });
    let mut screen = Screen {
        parser,
        writer: pair.master.take_writer().unwrap(),
    };

    screen.wait_for("SIMULATOR");
    screen.wait_for(CALL);
    // Participants focused: Enter goes to the attribute form; edit the first value.
    screen.send(b"\r");
    screen.send(b"e");
    screen.send(&[0x15]); // Ctrl-U clears the field
    screen.type_text("pty-e2e-value");
    screen.send(b"\r");
    screen.wait_for("pty-e2e-value");
    // Send: the dialog, then Enter (one key on the simulator).
    screen.send(b"s");
    screen.wait_for("Enter to send");
    screen.send(b"\r");
    // "202" alone would match the date in the header; wait for the status line.
    screen.wait_for("202 Accepted");
    let shown = screen.wait_for("as predicted");
    // The observed diff shows the new value on an inserted line.
    assert!(
        shown
            .lines()
            .any(|l| l.contains('+') && l.contains("pty-e2e-value")),
        "{shown}"
    );

    // Ctrl-C quits and restores the terminal.
    screen.send(&[0x03]);
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the app did not quit on Ctrl-C");
        thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    drop(screen);
    drop(pair.master);
    let _ = reader_thread.join();
    let _ = std::fs::remove_dir_all(&home);
}
