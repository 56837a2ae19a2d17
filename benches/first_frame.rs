//! Time to first frame: the TUI (`gc-attrs --sim`) against a bare ratatui
//! program (`examples/first_frame_bare.rs`), both spawned in a
//! pseudo-terminal, alternately, [`RUNS`] times each. A run is timed from
//! just before the spawn until the program's marker text is on the parsed
//! screen; the same reader and the same check serve both programs.
//!
//! Run with `cargo build --release --example first_frame_bare && cargo bench
//! --bench first_frame`: `cargo bench` builds no example by itself. With
//! `FIRST_FRAME_BEFORE=/path/to/an/older/gc-attrs`, that binary is measured
//! in the same rotation too (a before/after on one machine in one run).

// A bench program reports a broken setup by panicking, as a test would.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const RUNS: usize = 30;
const ROWS: u16 = 30;
const COLS: u16 = 100;

struct Program {
    name: &'static str,
    path: PathBuf,
    args: &'static [&'static str],
    /// Text the program draws in its first frame.
    marker: &'static str,
}

/// One run: spawn in a fresh pty, time until `marker` is on the screen, then
/// press Ctrl-C (each program quits on it) and wait for the exit.
fn time_to_first_frame(program: &Program, home: &Path) -> Duration {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(&program.path);
    command.args(program.args);
    command.env("TERM", "xterm-256color");
    for name in [
        "HOME",
        "GC_ATTRS_CONFIG_DIR",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
    ] {
        command.env(name, home);
    }
    for name in [
        "GENESYSCLOUD_OAUTHCLIENT_ID",
        "GENESYSCLOUD_OAUTHCLIENT_SECRET",
        "GENESYSCLOUD_ACCESS_TOKEN",
        "GENESYSCLOUD_REGION",
    ] {
        command.env_remove(name);
    }
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (seen_tx, seen_rx) = mpsc::channel();
    let marker = program.marker;
    let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
    let reader_thread = thread::spawn(move || {
        let mut parser = vt100::Parser::new(size(ROWS), size(COLS), 0);
        let mut buffer = [0u8; 16384];
        let mut seen = false;
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            parser.process(&buffer[..n]);
            if !seen && parser.screen().contents().contains(marker) {
                seen = true;
                let _ = seen_tx.send(Instant::now());
            }
        }
    });
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);
    let seen = seen_rx
        .recv_timeout(Duration::from_secs(20))
        .unwrap_or_else(|_| panic!("{} never drew {marker:?}", program.name));
    let mut writer = pair.master.take_writer().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "{} did not quit", program.name);
        writer.write_all(&[0x03]).unwrap();
        writer.flush().unwrap();
        thread::sleep(Duration::from_millis(20));
    }
    drop(writer);
    drop(pair.master);
    let _ = reader_thread.join();
    seen - start
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported.
    let exe = std::env::current_exe().unwrap();
    let bare = exe
        .parent()
        .and_then(Path::parent)
        .unwrap()
        .join("examples")
        .join("first_frame_bare");
    assert!(
        bare.exists(),
        "{} is missing: run `cargo build --release --example first_frame_bare` first",
        bare.display()
    );
    let mut programs = vec![
        Program {
            name: "gc-attrs --sim",
            path: PathBuf::from(env!("CARGO_BIN_EXE_gc-attrs")),
            args: &["--sim"],
            marker: "SIMULATOR",
        },
        Program {
            name: "bare ratatui",
            path: bare,
            args: &[],
            marker: "first frame",
        },
    ];
    if let Some(before) = std::env::var_os("FIRST_FRAME_BEFORE") {
        programs.push(Program {
            name: "gc-attrs before",
            path: PathBuf::from(before),
            args: &["--sim"],
            marker: "SIMULATOR",
        });
    }
    let home = std::env::temp_dir().join(format!("gc-attrs-first-frame-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    // One warm-up run each: the first spawn pays for the page cache.
    for program in &programs {
        time_to_first_frame(program, &home);
    }
    let mut times = vec![Vec::new(); programs.len()];
    for _ in 0..RUNS {
        for (program, times) in programs.iter().zip(&mut times) {
            times.push(time_to_first_frame(program, &home));
        }
    }
    let _ = std::fs::remove_dir_all(&home);
    let medians: Vec<Duration> = times.into_iter().map(median).collect();
    let (tui, bare) = (medians[0], medians[1]);
    for (program, time) in programs.iter().zip(&medians) {
        println!(
            "first frame: {:<16} median {:>7.2} ms over {RUNS} runs",
            program.name,
            time.as_secs_f64() * 1e3
        );
    }
    println!(
        "first frame: ratio {:.2} (budget 1.25)",
        tui.as_secs_f64() / bare.as_secs_f64()
    );
}
