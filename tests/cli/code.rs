//! `gc-attrs code`: the generated curl, Python and JavaScript programs run
//! unmodified against `gc-attrs sim` (Python and JavaScript through the
//! official SDKs, installed by `.ci/run`), and a read shows their change.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

const SECRET: &str = "code-test-secret-0123456789";

/// The folder holding the JavaScript SDK's `node_modules`, as `.ci/run`
/// installs it (`npm install --prefix target/js-sdk …`).
fn js_sdk() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/js-sdk");
    dir.join("node_modules/purecloud-platform-client-v2")
        .is_dir()
        .then_some(dir)
}

fn python_sdk() -> bool {
    Command::new("python3")
        .args(["-c", "import PureCloudPlatformClientV2"])
        .output()
        .is_ok_and(|out| out.status.success())
}

/// Whether the tool is there; in CI its absence is a failure.
fn available(present: bool, what: &str) -> bool {
    if !present {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have {what}: .ci/run installs it"
        );
        eprintln!("SKIPPED: {what} is not installed (see .ci/run)");
    }
    present
}

/// Generates the program for `lang`, runs it with `run` against a fresh
/// simulator, and returns the participant's attributes read afterwards.
fn generate_and_run(lang: &str, run: impl Fn(&Path, &str) -> Command) -> Value {
    let env = Env::new();
    let customer = env.participant("customer");
    let sim = SimProcess::start(&["--client-secret", SECRET]);
    let connect = [
        "--region",
        sim.base.as_str(),
        "--client-id",
        "demo-client",
        "--client-secret",
        SECRET,
    ];
    let edit = [
        "code",
        "--lang",
        lang,
        CALL,
        customer.as_str(),
        "--set",
        "callReason=it's \"generated\" ✓",
        "--set",
        "newKey=@PATH@",
    ];
    let generated = env.run(&[&connect[..], &edit[..]].concat());
    assert_eq!(generated.code, 0, "{}", generated.stderr);
    let file = env.dir().join(format!("program.{lang}"));
    std::fs::write(&file, &generated.stdout).unwrap();
    let output = run(&file, &sim.base)
        .env("GENESYSCLOUD_OAUTHCLIENT_ID", "demo-client")
        .env("GENESYSCLOUD_OAUTHCLIENT_SECRET", SECRET)
        .env("GENESYSCLOUD_REGION", &sim.base)
        .env_remove("GENESYSCLOUD_ACCESS_TOKEN")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the {lang} program failed:\n{stdout}\n{stderr}\n{}",
        generated.stdout
    );
    assert!(stdout.contains("accepted"), "{stdout}");
    let read = env.run(&[&connect[..], &["get", CALL, "--json"]].concat());
    assert_eq!(read.code, 0, "{}", read.stderr);
    read.json()["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == customer.as_str())
        .unwrap()["attributes"]
        .clone()
}

fn assert_changed(attributes: &Value) {
    assert_eq!(
        attributes["callReason"], "it's \"generated\" ✓",
        "{attributes}"
    );
    assert_eq!(attributes["newKey"], "@PATH@", "{attributes}");
    // The PATCH merged: keys it did not name are still there.
    assert_eq!(attributes["accountNumber"], "884-221-0097", "{attributes}");
}

#[test]
fn the_generated_curl_script_makes_the_edit() {
    let attributes = generate_and_run("curl", |file, _| {
        let mut command = Command::new("sh");
        command.arg(file);
        command
    });
    assert_changed(&attributes);
}

#[test]
fn the_generated_python_program_makes_the_edit_through_the_official_sdk() {
    if !available(python_sdk(), "the Python SDK (PureCloudPlatformClientV2)") {
        return;
    }
    let attributes = generate_and_run("python", |file, _| {
        let mut command = Command::new("python3");
        command.arg(file);
        command
    });
    assert_changed(&attributes);
}

#[test]
fn the_generated_javascript_program_makes_the_edit_through_the_official_sdk() {
    let sdk = js_sdk();
    if !available(
        sdk.is_some(),
        "the JavaScript SDK (purecloud-platform-client-v2)",
    ) {
        return;
    }
    let sdk = sdk.unwrap();
    let attributes = generate_and_run("javascript", move |file, _| {
        let mut command = Command::new("node");
        command.arg(file).env("NODE_PATH", sdk.join("node_modules"));
        command
    });
    assert_changed(&attributes);
}

#[test]
fn code_json_names_the_route_and_whether_it_was_tested_here() {
    let env = Env::new();
    let customer = env.participant("customer");
    for (lang, tested) in [("go", false), ("python", true)] {
        let run = env.run(&[
            "--sim", "code", "--lang", lang, CALL, &customer, "--set", "a=1", "--route", "media",
            "--json",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let json = run.json();
        assert_eq!(json["lang"], lang);
        assert_eq!(json["testedHere"], tested);
        assert_eq!(
            json["path"],
            format!("/api/v2/conversations/calls/{CALL}/participants/{customer}/attributes")
        );
        assert!(
            json["program"]
                .as_str()
                .unwrap()
                .contains("ParticipantAttributes")
        );
    }
}

#[test]
fn unset_and_rename_write_the_patch_they_can_and_say_what_it_cannot_remove() {
    let env = Env::new();
    let customer = env.participant("customer");
    for lang in ["curl", "python", "javascript", "java", "csharp", "go", "gc"] {
        let run = env.run(&[
            "--sim",
            "code",
            "--lang",
            lang,
            CALL,
            &customer,
            "--unset",
            "ivrPath",
            "--rename",
            "sentiment=mood",
        ]);
        assert_eq!(run.code, 0, "{lang}: {}", run.stderr);
        let program = &run.stdout;
        assert!(
            program.contains("mood"),
            "{lang}: the renamed key is sent:\n{program}"
        );
        assert!(
            program.contains("cannot remove one: ivrPath, sentiment keep their values")
                || program.contains("cannot remove one: sentiment, ivrPath keep their values"),
            "{lang}: says what a PATCH cannot remove:\n{program}"
        );
    }
}
