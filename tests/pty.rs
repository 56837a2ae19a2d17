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
    // The id is on screen while the load is in flight too: wait for its end.
    screen.wait_for("loaded conversation");
    // Participants focused: Enter goes to the attribute form; edit the first value.
    screen.send(b"\r");
    screen.send(b"e");
    screen.wait_for("Value of `accountNumber`");
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

/// Runs the binary in a pseudo-terminal and returns the screen handle, the
/// child and the raw output seen so far (escape sequences included).
struct Session {
    screen: Screen,
    raw: Arc<Mutex<Vec<u8>>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    reader: Option<thread::JoinHandle<()>>,
}

fn session(args: &[&str], home: &std::path::Path) -> Session {
    session_with(args, home, &[])
}

/// [`session`] with these variables set as well.
fn session_with(args: &[&str], home: &std::path::Path, env: &[(&str, &str)]) -> Session {
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
    command.env("TERM", "xterm-256color");
    command.env("HOME", home);
    command.env("GC_ATTRS_CONFIG_DIR", home);
    command.env_remove("NO_COLOR");
    command.env_remove("VISUAL");
    for (name, value) in env {
        command.env(name, value);
    }
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
    let raw = Arc::new(Mutex::new(Vec::new()));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (sink, bytes) = (Arc::clone(&parser), Arc::clone(&raw));
    let reader = thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buffer[..n]);
            bytes.lock().unwrap().extend_from_slice(&buffer[..n]);
        }
    });
    let screen = Screen {
        parser,
        writer: pair.master.take_writer().unwrap(),
    };
    Session {
        screen,
        raw,
        child,
        master: pair.master,
        reader: Some(reader),
    }
}

fn wait_exit(child: &mut Box<dyn portable_pty::Child + Send + Sync>) -> u32 {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.exit_code();
        }
        assert!(Instant::now() < deadline, "the command did not finish");
        thread::sleep(Duration::from_millis(50));
    }
}

fn temp_home(name: &str) -> std::path::PathBuf {
    let home = std::env::temp_dir().join(format!("gc-attrs-pty-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    home
}

#[test]
fn on_a_terminal_the_diff_is_coloured() {
    let home = temp_home("colour");
    let mut run = session(
        &[
            "--sim",
            "diff",
            CALL,
            "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
            "--set",
            "callReason=refund",
        ],
        &home,
    );
    assert_eq!(wait_exit(&mut run.child), 0);
    // The output may still be on its way from the pty after the exit.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let raw = loop {
        let raw = String::from_utf8_lossy(&run.raw.lock().unwrap()).into_owned();
        if raw.contains("refund") || std::time::Instant::now() > deadline {
            break raw;
        }
        thread::sleep(Duration::from_millis(20));
    };
    assert!(raw.contains("\x1b["), "no colour on a terminal:\n{raw}");
    assert!(raw.contains("refund"), "{raw}");
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_live_write_asks_and_sends_after_a_typed_yes() {
    let home = temp_home("confirm");
    // A standalone simulator given by URL counts as a live org: nothing says it is a simulator.
    let mut sim = std::process::Command::new(env!("CARGO_BIN_EXE_gc-attrs"))
        .args(["sim", "--listen", "127.0.0.1:0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = sim.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line); // keeps draining after the receiver is gone
        }
    });
    let base = loop {
        let line = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the simulator prints its base URL");
        if let Some(url) = line.strip_prefix("base URL: ") {
            break url.to_owned();
        }
    };
    let mut run = session(
        &[
            "--region",
            &base,
            "--client-id",
            "demo-client",
            "--client-secret",
            "demo-secret",
            "send",
            CALL,
            "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
            "--set",
            "callReason=confirmed",
        ],
        &home,
    );
    run.screen.wait_for("Type yes to send");
    run.screen.type_text("yes");
    run.screen.send(b"\r");
    let shown = run.screen.wait_for("202 Accepted");
    assert!(shown.contains("LIVE org"), "{shown}");
    assert_eq!(wait_exit(&mut run.child), 0);
    let _ = sim.kill();
    let _ = sim.wait();
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn keys_remapped_in_config_act_and_a_bad_entry_is_reported_with_its_line() {
    let home = temp_home("keys");
    std::fs::write(
        home.join("config.toml"),
        "[keys]\nsend = \"x\"\nsned = \"y\"\n",
    )
    .unwrap();
    // The start-up warning stays in the status line until the log is read,
    // where it is in full.
    let mut run = session(&["--sim"], &home);
    run.screen.wait_for("✖");
    run.screen.send(b"\x1bOR"); // F3
    let shown = run.screen.wait_for("unknown action `sned`");
    assert!(shown.contains("config.toml:3:1"), "{shown}");
    run.screen.send(b"\x1b");
    thread::sleep(Duration::from_millis(200));
    // The fixtures are offered once the simulator runs, after the first frame.
    run.screen.wait_for("▶ ");
    // Enter opens the first suggestion, the call fixture.
    run.screen.send(b"\r");
    run.screen.wait_for("Participant attributes");
    run.screen.wait_for(" x send ");
    run.screen.send(b"s");
    thread::sleep(Duration::from_millis(200));
    assert!(
        !run.screen.text().contains("Enter to send"),
        "s still sends"
    );
    run.screen.send(b"x");
    run.screen.wait_for("Enter to send");
    run.screen.send(&[0x03]);
    assert_eq!(wait_exit(&mut run.child), 0);
    let _ = std::fs::remove_dir_all(&home);
}

impl Session {
    fn pid(&self) -> nix::unistd::Pid {
        nix::unistd::Pid::from_raw(i32::try_from(self.child.process_id().unwrap()).unwrap())
    }

    fn signal(&self, signal: nix::sys::signal::Signal) {
        nix::sys::signal::kill(self.pid(), signal).unwrap();
    }

    /// Whether the pty's line discipline is cooked: it echoes and edits lines.
    fn cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self.master.get_termios().unwrap();
        termios
            .local_flags
            .contains(LocalFlags::ECHO | LocalFlags::ICANON)
    }

    /// Waits (bounded) until the parsed screen satisfies `test`.
    fn wait_screen(&self, what: &str, test: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !test(self.screen.parser.lock().unwrap().screen()) {
            assert!(Instant::now() < deadline, "the screen never was {what}");
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until everything the program wrote is parsed (the pty closed).
    fn drain(&mut self) {
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
    }

    /// The terminal as a person would find it after the TUI let it go.
    fn assert_restored(&self, when: &str) {
        let parser = self.screen.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(
            !screen.alternate_screen(),
            "{when}: still on the alternate screen"
        );
        assert!(!screen.hide_cursor(), "{when}: the cursor is still hidden");
        assert!(
            !screen.bracketed_paste(),
            "{when}: bracketed paste is still on"
        );
        drop(parser);
        assert!(self.cooked(), "{when}: the pty is still in raw mode");
    }
}

/// Whether the process is stopped (job control), from /proc.
#[cfg(target_os = "linux")]
fn stopped(pid: nix::unistd::Pid) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The state follows the command's name, which is in parentheses.
    let state = stat.rsplit_once(") ").unwrap().1;
    state.starts_with('T')
}

#[test]
fn each_ending_signal_restores_the_terminal_keeps_the_history_and_exits_128_plus_its_number() {
    use nix::sys::signal::Signal;
    for signal in [
        Signal::SIGTERM,
        Signal::SIGHUP,
        Signal::SIGINT,
        Signal::SIGQUIT,
    ] {
        let home = temp_home(&format!("signal-{signal}"));
        let mut run = session(&["--sim", "--conversation", CALL], &home);
        run.screen.wait_for("loaded conversation");
        assert!(!run.cooked(), "{signal}: the TUI runs in raw mode");
        run.signal(signal);
        let code = wait_exit(&mut run.child);
        assert_eq!(code, 128 + signal as u32, "{signal}");
        run.drain();
        run.assert_restored(&format!("after {signal}"));
        // The load's exchange was handed to the history writer before the signal.
        let history =
            std::fs::read_to_string(home.join("data").join("history.jsonl")).unwrap_or_default();
        assert!(
            history.contains(CALL),
            "{signal}: the load is in the history"
        );
        let _ = std::fs::remove_dir_all(&home);
    }
}

#[cfg(target_os = "linux")]
#[test]
fn sigtstp_and_ctrl_z_suspend_with_the_terminal_restored_and_sigcont_redraws() {
    use nix::sys::signal::Signal;
    let home = temp_home("suspend");
    let mut run = session(&["--sim"], &home);
    run.screen.wait_for("SIMULATOR");
    let pid = run.pid();
    // An external SIGTSTP, then Ctrl-Z, which raw mode delivers as a key.
    for how in ["SIGTSTP", "Ctrl-Z"] {
        if how == "SIGTSTP" {
            run.signal(Signal::SIGTSTP);
        } else {
            run.screen.send(&[0x1a]);
        }
        let deadline = Instant::now() + Duration::from_secs(20);
        while !stopped(pid) {
            assert!(
                Instant::now() < deadline,
                "{how}: the process never stopped"
            );
            thread::sleep(Duration::from_millis(20));
        }
        run.wait_screen("the main screen", |s| !s.alternate_screen());
        run.assert_restored(&format!("stopped by {how}"));
        let mark = run.raw.lock().unwrap().len();
        run.signal(Signal::SIGCONT);
        run.wait_screen(
            "the alternate screen again",
            vt100::Screen::alternate_screen,
        );
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let redrawn = String::from_utf8_lossy(&run.raw.lock().unwrap()[mark..]).into_owned();
            if redrawn.contains("SIMULATOR") {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{how}: no redraw after SIGCONT: {redrawn:?}"
            );
            thread::sleep(Duration::from_millis(20));
        }
        assert!(!run.cooked(), "{how}: raw mode again after SIGCONT");
        assert!(run.screen.text().contains("SIMULATOR"), "{how}");
    }
    run.screen.send(&[0x03]);
    assert_eq!(wait_exit(&mut run.child), 0);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_curl_pasted_into_the_workbench_is_sent_as_is_and_its_400_explained_on_screen() {
    let home = temp_home("workbench");
    let mut run = session(&["--sim", "--conversation", CALL], &home);
    let screen = &mut run.screen;
    screen.wait_for("loaded conversation");
    screen.send(b"b");
    screen.wait_for("Workbench");
    // A forum curl: curly quotes, continuation lines (the terminal pastes
    // them as CR), a placeholder, a number value; pasted in one bracketed paste.
    let curl = format!(
        "curl -X PATCH \\\r  \u{201c}https://api.mypurecloud.com/api/v2/conversations/{CALL}/participants/c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f/attributes\u{201d} \\\r  -H \u{201c}Content-Type: application/json\u{201d} \\\r  -d \u{2018}{{\u{201c}attributes\u{201d}: {{\u{201c}escalationLevel\u{201d}: 3}}}}\u{2019}"
    );
    screen.send(format!("\x1b[200~{curl}\x1b[201~").as_bytes());
    screen.wait_for("read a pasted curl request");
    screen.wait_for("body/value-not-string");
    screen.send(&[0x13]); // Ctrl-S: send as is
    screen.wait_for("400 Bad Request");
    let shown = screen.wait_for("invalid.value");
    assert!(shown.contains("Decoded errors"), "{shown}");
    assert!(
        shown.contains("means:"),
        "the explanation is on screen:\n{shown}"
    );
    screen.send(&[0x03]);
    assert_eq!(wait_exit(&mut run.child), 0);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn question_mark_opens_the_help_esc_closes_it_and_q_quits_at_once_with_nothing_unsent() {
    let home = temp_home("quit");
    let mut run = session(&["--sim", "--conversation", CALL], &home);
    let screen = &mut run.screen;
    screen.wait_for("loaded conversation");
    screen.send(b"?");
    screen.wait_for("Keys");
    screen.send(b"\x1b");
    // A lone Esc is told apart from an escape sequence by a pause.
    thread::sleep(Duration::from_millis(200));
    let text = screen.text();
    assert!(
        !text.contains("more keys") && !text.contains(" Keys "),
        "{text}"
    );
    screen.send(b"q");
    assert_eq!(wait_exit(&mut run.child), 0);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn live_flags_with_an_unknown_region_exit_2_with_the_regions_before_the_tui_opens() {
    let home = temp_home("region");
    let mut run = session(
        &[
            "--region",
            "mars-1",
            "--client-id",
            "id",
            "--client-secret",
            "not-used",
        ],
        &home,
    );
    assert_eq!(wait_exit(&mut run.child), 2);
    let deadline = Instant::now() + Duration::from_secs(10);
    let raw = loop {
        let raw = String::from_utf8_lossy(&run.raw.lock().unwrap()).into_owned();
        if raw.contains("--sim") || Instant::now() > deadline {
            break raw;
        }
        thread::sleep(Duration::from_millis(20));
    };
    assert!(raw.contains("unknown region `mars-1`"), "{raw}");
    for region in ["us-east-1", "eu-west-1", "ap-southeast-2", "eusc-de-east-1"] {
        assert!(
            raw.contains(region),
            "the whole list: {region} missing:\n{raw}"
        );
    }
    assert!(
        !raw.contains("\x1b[?1049h"),
        "the alternate screen was never entered"
    );
    assert!(!raw.contains("not-used"), "the secret is not echoed");
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn the_tui_ends_as_on_a_hang_up_when_its_terminal_goes_away() {
    use std::os::fd::AsRawFd as _;
    use std::process::Stdio;

    let home = temp_home("hangup");
    let size = nix::pty::Winsize {
        ws_row: ROWS,
        ws_col: COLS,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let pty = nix::pty::openpty(Some(&size), None).unwrap();
    // openpty's descriptors are inherited: a child holding the master would
    // keep its own terminal alive. A copy is close-on-exec.
    let master = pty.master.try_clone().unwrap();
    drop(pty.master);
    let slave = pty.slave;
    // The child leads a session whose controlling terminal is the pty, as in
    // a terminal window (util-linux's setsid execs it, not a fork, since the
    // child leads no process group).
    let mut command = std::process::Command::new("setsid");
    command
        .args(["--ctty", "--wait", env!("CARGO_BIN_EXE_gc-attrs"), "--sim"])
        .env("TERM", "xterm-256color")
        .env("HOME", &home)
        .env("GC_ATTRS_CONFIG_DIR", &home)
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave.try_clone().unwrap()));
    for name in [
        "GENESYSCLOUD_OAUTHCLIENT_ID",
        "GENESYSCLOUD_OAUTHCLIENT_SECRET",
        "GENESYSCLOUD_ACCESS_TOKEN",
        "GENESYSCLOUD_REGION",
    ] {
        command.env_remove(name);
    }
    let mut child = command.spawn().unwrap();
    drop(slave);
    drop(command);
    // The only handle on the master side reads until the first frame, then
    // closes: the terminal window is gone.
    let mut master = std::fs::File::from(master);
    let raw = master.as_raw_fd();
    let reader = thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buffer = [0u8; 8192];
        while let Ok(n) = master.read(&mut buffer) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buffer[..n]);
            if String::from_utf8_lossy(&seen).contains("SIMULATOR") {
                break;
            }
        }
        drop(master);
        String::from_utf8_lossy(&seen).into_owned()
    });
    let seen = reader.join().unwrap();
    assert!(seen.contains("SIMULATOR"), "fd {raw}: {seen}");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the TUI still runs 10 s after its terminal went away");
        }
        thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(
        status.code(),
        Some(129),
        "ended as a hang-up is: {status:?}"
    );
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn e_edits_a_value_in_the_editor_with_the_terminal_given_back_and_taken_again() {
    use std::os::unix::fs::PermissionsExt as _;
    let home = temp_home("editor");
    // The "editor" records the terminal's modes, then saves a new value.
    let editor = home.join("editor.sh");
    let modes = home.join("modes.txt");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nstty -a > '{}'\nprintf 'from-the-editor\\n' > \"$1\"\n",
            modes.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o700)).unwrap();
    let editor = editor.to_string_lossy().into_owned();
    let mut run = session_with(
        &["--sim", "--conversation", CALL],
        &home,
        &[("EDITOR", editor.as_str())],
    );
    let screen = &mut run.screen;
    screen.wait_for("loaded conversation");
    screen.send(b"\r");
    screen.send(b"E");
    let shown = screen.wait_for("changed `accountNumber` in the editor");
    assert!(shown.contains("from-the-editor"), "{shown}");
    // The editor ran in cooked mode, on the main screen, and the TUI came
    // back to the alternate screen after it.
    let modes = std::fs::read_to_string(&modes).unwrap();
    assert!(
        modes.contains(" icanon") && modes.contains(" echo "),
        "{modes}"
    );
    let raw = run.raw.lock().unwrap().clone();
    let raw = String::from_utf8_lossy(&raw);
    let left = raw
        .rfind("\x1b[?1049l")
        .expect("the alternate screen was left");
    assert!(raw[left..].contains("\x1b[?1049h"), "and entered again");
    // Keys reach the TUI again.
    screen.send(b"q");
    screen.wait_for("unsent");
    screen.send(b"y");
    assert_eq!(wait_exit(&mut run.child), 0);
    let _ = std::fs::remove_dir_all(&home);
}
