//! The trainer's presenter through a real pseudo-terminal: `gc-attrs train
//! there-is-no-put` tells each step with its prediction, Enter sends it and
//! shows the real answer, → goes on, `r` puts the simulator back at its
//! start, and `q` quits with the terminal restored.

// Helpers of a test crate may unwrap like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::termios::LocalFlags;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const ENTER: &[u8] = b"\r";
const RIGHT: &[u8] = b"\x1b[C";

struct Tui {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    reader: Option<thread::JoinHandle<()>>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Tui {
    /// The binary with these arguments in a 100×30 pseudo-terminal.
    fn spawn(args: &[&str], home: &Path) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_gc-attrs"));
        command.args(args);
        command.cwd(home);
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
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(ROWS), size(COLS), 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&parser);
        let reader = thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buffer[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Self {
            child,
            parser,
            writer,
            reader: Some(reader),
            master: pair.master,
        }
    }

    /// Waits (bounded) until one screen shows every needle at once.
    fn wait_for(&self, needles: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let shown = self.parser.lock().unwrap().screen().contents();
            if needles.iter().all(|n| shown.contains(n)) {
                return shown;
            }
            assert!(
                Instant::now() < deadline,
                "the screen never showed all of {needles:?}; it shows:\n{shown}"
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

    /// Waits (bounded) for the exit; its status.
    fn exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            let shown = self.parser.lock().unwrap().screen().contents();
            assert!(
                Instant::now() < deadline,
                "the presenter did not quit; it shows:\n{shown}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// After the exit: everything written is parsed, and the terminal is as
    /// a person would find it.
    fn assert_restored(&mut self) {
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        drop(parser);
        let termios = self.master.get_termios().unwrap();
        assert!(
            termios
                .local_flags
                .contains(LocalFlags::ECHO | LocalFlags::ICANON),
            "the pty is still in raw mode"
        );
    }
}

#[test]
fn the_presenter_predicts_sends_and_reveals_each_step_resets_and_quits_restored() {
    let home = std::env::temp_dir().join(format!("gc-attrs-pty-train-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let mut tui = Tui::spawn(&["train", "there-is-no-put"], &home);

    // Step 1 is told; its prediction arrives once the simulator is up.
    tui.wait_for(&[
        "1/3 PUT the whole map",
        "We want to replace the attributes",
        "predicted: PUT ✖",
        "not sent yet",
    ]);
    // Else "left the alternate screen" at the end would prove nothing.
    assert!(
        tui.parser.lock().unwrap().screen().alternate_screen(),
        "the presenter is not on the alternate screen"
    );
    tui.send(ENTER);
    tui.wait_for(&[
        "404 Not Found",
        "step 1 as the scenario expects",
        "1 sent, 1 as expected, of 3",
    ]);

    // Step 2: its own prediction (its own rule) before it can be sent.
    tui.send(RIGHT);
    tui.wait_for(&[
        "2/3 PUT on the participant",
        "route/put-on-participant",
        "not sent yet",
    ]);
    tui.send(ENTER);
    tui.wait_for(&[
        "404 Not Found",
        "step 2 as the scenario expects",
        "2 sent, 2 as expected, of 3",
    ]);

    // Step 3, the PATCH: accepted, and the whole scenario as expected.
    tui.send(RIGHT);
    tui.wait_for(&[
        "3/3 The real thing: PATCH",
        "predicted: PATCH ✓",
        "not sent yet",
    ]);
    tui.send(ENTER);
    tui.wait_for(&[
        "202 Accepted",
        "step 3 as the scenario expects",
        "3 sent, 3 as expected, of 3",
    ]);

    // r: the simulator back at its start, and step 1 told again.
    tui.send(b"r");
    tui.wait_for(&[
        "the simulator is back at its start",
        "0 sent, 0 as expected, of 3",
        "1/3 PUT the whole map",
        "predicted: PUT ✖",
    ]);

    tui.send(b"q");
    assert_eq!(tui.exit_code(), 0);
    tui.assert_restored();
    let _ = std::fs::remove_dir_all(&home);
}
