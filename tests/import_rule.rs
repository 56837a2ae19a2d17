//! The import rule of `src/lib.rs`: the pure core (`genesys`, `payload`,
//! `lint`, `diff`) names no impure crate and does no I/O.

use std::fs;
use std::path::{Path, PathBuf};

const PURE: &[&str] = &["src/genesys", "src/payload", "src/lint", "src/diff.rs"];
const FORBIDDEN: &[&str] = &[
    "tokio",
    "reqwest",
    "ratatui",
    "crossterm",
    "axum",
    "hyper",
    "std::fs",
    "std::net",
    "std::process",
    "std::io::stdin",
    "std::env",
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(path).expect("readable source folder") {
            rust_files(&entry.expect("entry").path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_owned());
    }
}

#[test]
fn the_pure_core_names_no_impure_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for pure in PURE {
        rust_files(&root.join(pure), &mut files);
    }
    assert!(
        files.len() >= 20,
        "found only {} files: is the layout still as expected?",
        files.len()
    );
    let mut offences = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable source");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for name in FORBIDDEN {
                let hit = code.match_indices(name).any(|(at, _)| {
                    let before = code[..at].chars().next_back();
                    let after = code[at + name.len()..].chars().next();
                    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                    !word(before) && !word(after)
                });
                if hit {
                    offences.push(format!("{}:{}: {name}", file.display(), number + 1));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the pure core names impure crates or I/O:\n{}",
        offences.join("\n")
    );
}
