//! The binary in a 100×30 pseudo-terminal, for the end-to-end tests of
//! the presenter and of record and replay: spawn it with an isolated home,
//! send keys, wait (bounded) for the screen, read the exit, check the
//! terminal was given back.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::termios::LocalFlags;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;

pub struct Tui {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    reader: Option<thread::JoinHandle<()>>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Tui {
    /// The binary with these arguments in a 100×30 pseudo-terminal.
    pub fn spawn(args: &[&str], home: &Path) -> Self {
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
    pub fn wait_for(&self, needles: &[&str]) -> String {
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

    /// Whether the program is on the alternate screen now.
    pub fn on_alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        // Let the app read the keys as separate events.
        thread::sleep(Duration::from_millis(60));
    }

    /// Waits (bounded) for the exit; its status.
    pub fn exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            let shown = self.parser.lock().unwrap().screen().contents();
            assert!(
                Instant::now() < deadline,
                "the program did not quit; it shows:\n{shown}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// After the exit: everything written is parsed, and the terminal is as
    /// a person would find it.
    pub fn assert_restored(&mut self) {
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
