//! Shared helpers: an isolated environment to run the binary in, the JSON
//! of its output, and a `gc-attrs sim` process.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as StdCommand, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

pub use assert_cmd::Command;
pub use serde_json::Value;

/// The call fixture (assets/fixtures/call-billing-dispute.json).
pub const CALL: &str = "6a1e3b52-9c4d-4f7a-8e21-5b0c7d9e2f14";

/// A fresh config directory and home for one test.
pub struct Env {
    dir: tempfile::TempDir,
}

/// What a run printed and how it exited.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

impl Env {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// The config directory (`GC_ATTRS_CONFIG_DIR`), holding `data/`.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The binary with `GC_ATTRS_CONFIG_DIR` and `HOME` set to the temp
    /// directory, and every GENESYSCLOUD_* variable removed.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_gc-attrs"));
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("GENESYSCLOUD_") {
                command.env_remove(&name);
            }
        }
        command
            .env("GC_ATTRS_CONFIG_DIR", self.dir())
            .env("HOME", self.dir())
            .env("XDG_CONFIG_HOME", self.dir().join("xdg-config"))
            .env("XDG_DATA_HOME", self.dir().join("xdg-data"))
            .env_remove("NO_COLOR")
            .timeout(Duration::from_secs(120));
        command
    }

    /// Runs the binary with these arguments.
    pub fn run(&self, args: &[&str]) -> Run {
        Self::finish(self.command().args(args))
    }

    /// Runs the binary with these arguments and this standard input.
    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        Self::finish(self.command().args(args).write_stdin(stdin))
    }

    pub fn finish(command: &mut Command) -> Run {
        let output = command.output().unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// The ids and purposes of the call's participants, from `get --json`.
    pub fn participants(&self) -> Vec<(String, String)> {
        let run = self.run(&["--sim", "get", CALL, "--json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.json()["participants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["id"].as_str().unwrap().to_owned(),
                    p["purpose"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    /// The id of the call's participant with this purpose.
    pub fn participant(&self, purpose: &str) -> String {
        self.participants()
            .into_iter()
            .find(|(_, p)| p == purpose)
            .map_or_else(|| panic!("no {purpose} participant"), |(id, _)| id)
    }

    /// Every file under the config directory (history and rotations).
    pub fn files(&self) -> Vec<PathBuf> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else {
                    out.push(path);
                }
            }
        }
        let mut out = Vec::new();
        walk(self.dir(), &mut out);
        out
    }

    /// The methods of the recorded exchanges, in order.
    pub fn history_methods(&self) -> Vec<String> {
        let path = self.dir().join("data").join("history.jsonl");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        text.lines()
            .map(|line| {
                let entry: Value = serde_json::from_str(line).unwrap();
                assert_eq!(entry["source"], "cli", "{line}");
                entry["exchange"]["method"].as_str().unwrap().to_owned()
            })
            .collect()
    }
}

/// A `gc-attrs sim` process on a free port; killed (and reaped) when
/// dropped.
///
/// Its stdout and stderr are drained by two threads for its whole life, so
/// that a line it prints late (`stopping`, a warning) never meets a closed
/// pipe: Rust's `println!` panics on EPIPE, which would kill the sim in the
/// middle of a test.
pub struct SimProcess {
    child: Child,
    /// Its base URL, e.g. `http://127.0.0.1:41234`.
    pub base: String,
    stdout: Arc<Mutex<Vec<String>>>,
    stderr: Arc<Mutex<Vec<String>>>,
}

impl SimProcess {
    pub fn start(args: &[&str]) -> Self {
        let mut child = StdCommand::new(env!("CARGO_BIN_EXE_gc-attrs"))
            .args(["sim", "--listen", "127.0.0.1:0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (lines, received) = mpsc::channel();
        let stdout = drain(child.stdout.take().unwrap(), Some(lines));
        let stderr = drain(child.stderr.take().unwrap(), None);
        let mut sim = Self {
            child,
            base: String::new(),
            stdout,
            stderr,
        };
        sim.base = loop {
            let Ok(line) = received.recv_timeout(Duration::from_secs(60)) else {
                panic!(
                    "the sim printed no base URL; stdout: {:?}; stderr: {:?}",
                    sim.stdout(),
                    sim.stderr()
                );
            };
            if let Some(url) = line.strip_prefix("base URL: ") {
                break url.trim().to_owned();
            }
        };
        sim
    }

    /// The lines it printed on stdout so far.
    pub fn stdout(&self) -> Vec<String> {
        self.stdout.lock().unwrap().clone()
    }

    /// The lines it printed on stderr so far.
    pub fn stderr(&self) -> Vec<String> {
        self.stderr.lock().unwrap().clone()
    }

    /// Sends SIGINT (Ctrl-C) and waits up to 30 s for the sim to exit.
    #[cfg(unix)]
    pub fn interrupt(&mut self) -> std::process::ExitStatus {
        let sent = StdCommand::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success(), "kill -INT failed");
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the sim did not stop within 30 s of SIGINT"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for SimProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads a pipe of the child line by line until it closes (the child
/// exited), keeping every line and sending each to `lines` while someone
/// listens. Never stops reading early: the child must not meet a closed pipe.
fn drain(
    pipe: impl Read + Send + 'static,
    mut lines: Option<mpsc::Sender<String>>,
) -> Arc<Mutex<Vec<String>>> {
    let kept = Arc::new(Mutex::new(Vec::new()));
    let keep = Arc::clone(&kept);
    std::thread::spawn(move || {
        let mut reader = BufReader::new(pipe);
        let mut buffer = Vec::new();
        // Not `lines()`: a line that is not UTF-8 must not stop the reading.
        while reader.read_until(b'\n', &mut buffer).is_ok_and(|n| n > 0) {
            let line = String::from_utf8_lossy(&buffer)
                .trim_end_matches(['\n', '\r'])
                .to_owned();
            buffer.clear();
            if let Some(sender) = &lines {
                if sender.send(line.clone()).is_err() {
                    lines = None;
                }
            }
            if let Ok(mut kept) = keep.lock() {
                kept.push(line);
            }
        }
    });
    kept
}

#[test]
#[cfg(unix)]
fn the_sim_keeps_printing_after_its_base_url_was_read() {
    // The sim prints `stopping` long after `start` returned: with its stdout
    // closed, that line would panic and the sim would exit 101.
    let mut sim = SimProcess::start(&[]);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let status = runtime.block_on(async {
        reqwest::Client::new()
            .post(format!("{}/oauth/token", sim.base))
            .basic_auth("demo-client", Some("demo-secret"))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .unwrap()
            .status()
    });
    assert!(status.is_success(), "{status}");
    // Lets a reader that stops early see its receiver gone and close the pipe.
    std::thread::sleep(Duration::from_millis(300));
    let status = sim.interrupt();
    assert_eq!(
        status.code(),
        Some(0),
        "{status:?}; stderr:\n{}",
        sim.stderr().join("\n")
    );
    // The drain threads see the end of the pipes once the sim has exited.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !sim.stdout().iter().any(|l| l == "stopping") {
        assert!(std::time::Instant::now() < deadline, "{:?}", sim.stdout());
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(sim.stdout().iter().any(|l| l.starts_with("serving")));
}

/// A port nothing listens on.
pub fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}
