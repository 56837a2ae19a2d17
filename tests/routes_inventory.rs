//! The committed route inventory (`src/genesys/routes/conversations-routes.tsv`)
//! is exactly what `scripts/gen-routes.py` generates from the installed
//! official Python SDK (PyPI `PureCloudPlatformClientV2`, installed by
//! `.ci/run`), fact sheet §7.

use std::path::Path;
use std::process::Command;

const COMMITTED: &str = "src/genesys/routes/conversations-routes.tsv";
const SCRIPT: &str = "scripts/gen-routes.py";

fn sdk_available() -> bool {
    Command::new("python3")
        .args(["-c", "import PureCloudPlatformClientV2"])
        .output()
        .is_ok_and(|out| out.status.success())
}

/// The lines that differ, in a unified-like form (the files are short).
fn line_diff(committed: &str, generated: &str) -> String {
    let old: Vec<&str> = committed.lines().collect();
    let new: Vec<&str> = generated.lines().collect();
    let mut out = String::new();
    for line in &old {
        if !new.contains(line) {
            out.push_str("- ");
            out.push_str(line);
            out.push('\n');
        }
    }
    for line in &new {
        if !old.contains(line) {
            out.push_str("+ ");
            out.push_str(line);
            out.push('\n');
        }
    }
    if out.is_empty() {
        out.push_str("(the same lines in another order, or other line endings)\n");
    }
    out
}

#[test]
fn the_committed_inventory_is_what_the_script_generates_from_the_sdk() {
    if !sdk_available() {
        // CI installs the SDK, so there this is a failure; on a developer's
        // machine without it, say how to run the test and skip.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have the Python SDK: .ci/run installs PureCloudPlatformClientV2"
        );
        eprintln!(
            "SKIPPED: `python3 -m pip install PureCloudPlatformClientV2==269.0.0` to check the route inventory"
        );
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("gc-attrs-routes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let generated_path = dir.join("conversations-routes.tsv");
    let output = Command::new("python3")
        .arg(root.join(SCRIPT))
        .arg(&generated_path)
        .output()
        .expect("python3 started");
    assert!(
        output.status.success(),
        "{SCRIPT} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let generated = std::fs::read_to_string(&generated_path).unwrap();
    let committed = std::fs::read_to_string(root.join(COMMITTED)).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        committed == generated,
        "{COMMITTED} differs from what the installed SDK gives:\n{}\nRegenerate it with \
         `python3 {SCRIPT}` (from the repository root) and review the change.",
        line_diff(&committed, &generated)
    );
    let rows = committed
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("verb\t"))
        .count();
    assert_eq!(
        rows, 318,
        "the fact sheet (§7) counts 318 routes in SDK 269.0.0"
    );
}

#[test]
fn a_line_diff_names_the_removed_and_the_added_rows() {
    let diff = line_diff("a\nb\nc\n", "a\nc\nd\n");
    assert_eq!(diff, "- b\n+ d\n");
}
