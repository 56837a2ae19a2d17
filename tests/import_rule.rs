//! The import rule of `src/lib.rs`, line by line: which modules of the crate
//! and which impure crates each layer may name, and that the pure core does
//! no I/O. Only code counts: comments are removed, and test code (files in a
//! `tests` folder, `tests.rs`, and what follows `#[cfg(test)]`) may name
//! anything. Also: no API path is built with `format!` outside `genesys`
//! (and the simulator's own routing); paths come from `Route::path`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Every module of the crate.
const MODULES: &[&str] = &[
    "api", "app", "cli", "config", "diff", "genesys", "history", "lint", "payload", "sim", "train",
    "tui", "ui", "usecase",
];

/// Impure crates, and names that mean I/O.
const IMPURE: &[&str] = &[
    "tokio",
    "reqwest",
    "ratatui",
    "crossterm",
    "axum",
    "hyper",
    "clap",
    "directories",
    "toml",
];
const IO: &[&str] = &[
    "std::fs",
    "std::net",
    "std::process",
    "std::env",
    "std::thread",
    "std::io::stdin",
    "std::io::stdout",
    "println!",
    "eprintln!",
    "print!",
    "eprint!",
];

/// One line of the rule: the layer, the modules it may name, the crates and
/// names it must not.
struct Line {
    sentence: &'static str,
    modules: &'static [&'static str],
    may_name: &'static [&'static str],
    must_not: &'static [&'static str],
    /// A module it may name for one item only: (module, the item's path).
    only: &'static [(&'static str, &'static str)],
}

/// Lists joined, for the rule's table (a test: leaking is fine).
fn joined(lists: &[&[&'static str]]) -> &'static [&'static str] {
    Box::leak(lists.concat().into_boxed_slice())
}

fn rule() -> Vec<Line> {
    let core_impure = joined(&[IMPURE, IO]);
    vec![
        Line {
            sentence: "genesys names no other module",
            modules: &["genesys"],
            may_name: &[],
            must_not: core_impure,
            only: &[],
        },
        Line {
            sentence: "payload, lint and diff name only genesys",
            modules: &["payload", "lint", "diff"],
            may_name: &["genesys"],
            must_not: core_impure,
            only: &[],
        },
        Line {
            sentence: "usecase names only the other four of the core",
            modules: &["usecase"],
            may_name: &["genesys", "payload", "lint", "diff"],
            must_not: core_impure,
            only: &[],
        },
        Line {
            sentence: "api and sim name only genesys, and no ratatui, crossterm or clap",
            modules: &["api", "sim"],
            may_name: &["genesys"],
            must_not: &["ratatui", "crossterm", "clap"],
            only: &[],
        },
        Line {
            sentence: "train names the pure core, api and sim, and no ratatui, crossterm or clap",
            modules: &["train"],
            may_name: &[
                "genesys", "payload", "lint", "diff", "usecase", "api", "sim",
            ],
            must_not: &["ratatui", "crossterm", "clap"],
            only: &[],
        },
        Line {
            sentence: "config names genesys, api and app's key remap type, and no tokio, reqwest, axum, ratatui or crossterm",
            modules: &["config"],
            may_name: &["genesys", "api"],
            must_not: &["tokio", "reqwest", "axum", "ratatui", "crossterm"],
            only: &[("app", "crate::app::keymap::Remap")],
        },
        Line {
            sentence: "history names genesys, api, config and lint, and no tokio, reqwest, axum, ratatui or crossterm",
            modules: &["history"],
            may_name: &["genesys", "api", "config", "lint"],
            must_not: &["tokio", "reqwest", "axum", "ratatui", "crossterm"],
            only: &[],
        },
        Line {
            sentence: "app names the pure core, api's and train's data types (never Client or Runner), no impure crate, no I/O",
            modules: &["app"],
            may_name: &[
                "genesys", "payload", "lint", "diff", "usecase", "api", "train",
            ],
            must_not: joined(&[core_impure, &["Client", "ClientConfig", "Runner"]]),
            only: &[],
        },
        Line {
            sentence: "ui names app, the pure core and ratatui; never api, sim, config, history, crossterm or tokio; no I/O",
            modules: &["ui"],
            may_name: &["app", "genesys", "payload", "lint", "diff", "usecase"],
            must_not: Box::leak(
                [
                    "tokio",
                    "reqwest",
                    "axum",
                    "crossterm",
                    "clap",
                    "directories",
                    "toml",
                ]
                .iter()
                .chain(IO)
                .copied()
                .collect::<Vec<_>>()
                .into_boxed_slice(),
            ),
            only: &[],
        },
        Line {
            sentence: "tui names api, app, history, train and ui",
            modules: &["tui"],
            may_name: &["api", "app", "history", "train", "ui"],
            must_not: &[],
            only: &[],
        },
        Line {
            sentence: "cli may name every module",
            modules: &["cli"],
            may_name: MODULES,
            must_not: &[],
            only: &[],
        },
    ]
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(path).expect("readable source folder") {
            rust_files(&entry.expect("entry").path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_owned());
    }
}

/// The non-test files of a module (`src/m.rs` and `src/m/**`).
fn files_of(module: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let file = root().join(format!("src/{module}.rs"));
    if file.is_file() {
        files.push(file);
    }
    rust_files(&root().join(format!("src/{module}")), &mut files);
    files.retain(|f| {
        let text = f.to_string_lossy();
        !text.contains("/tests/") && !text.ends_with("/tests.rs")
    });
    files
}

/// The code of a file without comments and without the items marked
/// `#[cfg(test)]` (a `mod tests;` line, or an item up to its closing brace).
fn code(file: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(file).expect("readable source");
    strip_tests(&text)
}

fn strip_tests(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((n, line)) = lines.next() {
        let code = line.split("//").next().unwrap_or_default();
        let Some(rest) = code.trim().strip_prefix("#[cfg(test)]") else {
            out.push((n + 1, code.to_owned()));
            continue;
        };
        // Skip the item: to its `;`, or to the brace that closes its first `{`.
        let mut depth = 0i32;
        let mut opened = false;
        let mut item = rest.to_owned();
        loop {
            for c in item.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            let ends = (opened && depth <= 0) || (!opened && item.trim_end().ends_with(';'));
            if ends {
                break;
            }
            let Some((_, next)) = lines.next() else {
                break;
            };
            next.split("//")
                .next()
                .unwrap_or_default()
                .clone_into(&mut item);
        }
    }
    out
}

/// Whether `name` occurs in `code` as a whole word (`::` and `!` belong to it).
fn names(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + name.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !word(before) && (!word(after) || name.ends_with(['!', ':']))
    })
}

/// The modules of the crate a line names: `crate::m`, or `m` in a
/// `crate::{m, …}` group (`super::…` is local).
fn crate_modules(code: &str) -> BTreeSet<&'static str> {
    let grouped: Vec<&str> = code
        .match_indices("crate::{")
        .flat_map(|(at, open)| {
            let inner = &code[at + open.len()..];
            let inner = &inner[..inner.find('}').unwrap_or(inner.len())];
            inner
                .split(',')
                .map(|part| part.trim().split("::").next().unwrap_or_default())
        })
        .collect();
    MODULES
        .iter()
        .copied()
        .filter(|m| names(code, &format!("crate::{m}")) || grouped.contains(m))
        .collect()
}

#[test]
fn every_module_is_in_exactly_one_line_of_the_rule() {
    let mut seen: Vec<&str> = rule()
        .iter()
        .flat_map(|l| l.modules.iter().copied())
        .collect();
    seen.sort_unstable();
    let mut all = MODULES.to_vec();
    all.sort_unstable();
    assert_eq!(seen, all);
    let lib = fs::read_to_string(root().join("src/lib.rs")).unwrap();
    for module in MODULES {
        assert!(
            lib.contains(&format!("pub mod {module};")),
            "{module} is declared"
        );
    }
}

#[test]
fn each_layer_names_only_what_the_rule_allows() {
    let mut offences = Vec::new();
    let mut checked = 0;
    for line in rule() {
        for module in line.modules {
            let files = files_of(module);
            assert!(!files.is_empty(), "{module} has source files");
            for file in files {
                checked += 1;
                for (number, text) in code(&file) {
                    let at = format!("{}:{number}", file.strip_prefix(root()).unwrap().display());
                    for named in crate_modules(&text) {
                        let item = line.only.iter().find(|(m, _)| *m == named);
                        if let Some((_, item)) = item {
                            // Every mention of the module is of that one item.
                            let mentions = text.matches(&format!("crate::{named}")).count();
                            if text.matches(item).count() == mentions {
                                continue;
                            }
                        }
                        if named != *module && !line.may_name.contains(&named) {
                            offences
                                .push(format!("{at}: names crate::{named} ({})", line.sentence));
                        }
                    }
                    for name in line.must_not {
                        if names(&text, name) {
                            offences.push(format!("{at}: names {name} ({})", line.sentence));
                        }
                    }
                }
            }
        }
    }
    assert!(
        checked >= 60,
        "only {checked} files checked: is the layout as expected?"
    );
    assert!(
        offences.is_empty(),
        "the import rule is broken:\n{}",
        offences.join("\n")
    );
}

/// The `api` data types `app` may hand on to `ui` (never the client).
const API_DATA: &[&str] = &[
    "Exchange",
    "Outcome",
    "RawRequest",
    "RateLimit",
    "Timings",
    "Failure",
    "FailureKind",
];

#[test]
fn ui_reaches_api_data_types_only_through_app_and_app_re_exports_no_client() {
    let mut offences = Vec::new();
    for file in files_of("app") {
        for (number, text) in code(&file) {
            let Some(rest) = text.trim().strip_prefix("pub use crate::api::") else {
                continue;
            };
            let items = rest.trim_end_matches(';').trim_matches(['{', '}']);
            for item in items.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                if !API_DATA.contains(&item) {
                    offences.push(format!("{}:{number}: re-exports {item}", file.display()));
                }
            }
        }
    }
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}

#[test]
fn only_cli_names_tui_and_no_module_names_cli() {
    let mut offences = Vec::new();
    for module in MODULES {
        for file in files_of(module) {
            for (number, text) in code(&file) {
                let named = crate_modules(&text);
                let at = format!("{}:{number}", file.strip_prefix(root()).unwrap().display());
                if named.contains("cli") && *module != "cli" {
                    offences.push(format!("{at}: names crate::cli"));
                }
                if named.contains("tui") && !["cli", "tui"].contains(module) {
                    offences.push(format!("{at}: names crate::tui"));
                }
            }
        }
    }
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}

/// The string literal that opens a `format!(` or `write!(…, ` at `at`.
fn first_literal(text: &str) -> Option<String> {
    let start = text.find('"')?;
    let rest = &text[start + 1..];
    let mut literal = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => literal.push(chars.next()?),
            '"' => return Some(literal),
            c => literal.push(c),
        }
    }
    None
}

/// A literal that is an API path template: starts with `/api/` (or a
/// `{base}` before it), fills a placeholder, and has no space (a message).
fn is_path_template(literal: &str) -> bool {
    let path = literal.trim_start_matches(|c| c != '/' && literal.starts_with('{'));
    (path.starts_with("/api/") || literal.starts_with("{}/api/"))
        && literal.contains('{')
        && !literal.contains(' ')
}

/// Places allowed to build an API path by hand, with the reason.
const ALLOWED: &[(&str, &str, &str)] = &[(
    "src/lint/request.rs",
    "/api/v2{rest}",
    "puts the missing /api/v2 prefix on a path the user typed; no route is built",
)];

#[test]
fn no_api_path_is_built_with_format_outside_genesys_and_the_simulator() {
    let mut offences = Vec::new();
    let mut found_allowed = 0;
    let mut scanned = 0;
    let mut benches = Vec::new();
    rust_files(&root().join("benches"), &mut benches);
    let sources = MODULES
        .iter()
        .filter(|m| !["genesys", "sim"].contains(m))
        .flat_map(|m| files_of(m))
        .chain(benches);
    for file in sources {
        let joined: String = code(&file)
            .into_iter()
            .map(|(_, line)| line + "\n")
            .collect();
        let shown = file.strip_prefix(root()).unwrap().display().to_string();
        for macro_name in ["format!(", "write!(", "writeln!("] {
            for (at, _) in joined.match_indices(macro_name) {
                scanned += 1;
                let Some(literal) = first_literal(&joined[at..]) else {
                    continue;
                };
                if !is_path_template(&literal) {
                    continue;
                }
                if ALLOWED.iter().any(|(f, l, _)| *f == shown && *l == literal) {
                    found_allowed += 1;
                    continue;
                }
                let line = joined[..at].lines().count();
                offences.push(format!("{shown}:{line}: {macro_name}\"{literal}\""));
            }
        }
    }
    assert!(
        scanned > 100,
        "only {scanned} format! calls: is the scan working?"
    );
    assert_eq!(
        found_allowed,
        ALLOWED.len(),
        "an allowed exception is gone: remove it from ALLOWED"
    );
    assert!(
        offences.is_empty(),
        "API paths built by hand (use Route::path or Route::lookup):\n{}",
        offences.join("\n")
    );
}

#[test]
fn test_items_are_skipped_and_the_code_after_them_is_read() {
    let text = "use a;\n#[cfg(test)]\nmod tests;\nuse crate::api::Client;\n#[cfg(test)]\nmod inline {\n    fn f() { }\n}\nuse crate::{sim, ui::x};\n";
    let lines: Vec<String> = strip_tests(text).into_iter().map(|(_, l)| l).collect();
    assert_eq!(
        lines,
        [
            "use a;",
            "use crate::api::Client;",
            "use crate::{sim, ui::x};"
        ]
    );
    assert_eq!(
        crate_modules(&lines[2]).into_iter().collect::<Vec<_>>(),
        ["sim", "ui"]
    );
}

#[test]
fn the_path_scan_recognises_templates_and_ignores_messages() {
    assert!(is_path_template(
        "/api/v2/conversations/{id}/participants/{}/attributes"
    ));
    assert!(is_path_template("{base}/api/v2/conversations/{A}"));
    assert!(!is_path_template(
        "/api/v2/conversations/{bad}/… does not exist"
    ));
    assert!(!is_path_template("`{}` lacks the /api/v2 prefix"));
    assert!(!is_path_template("/api/v2/conversations"));
    assert_eq!(
        first_literal(r#"format!("a\"b{c}", x)"#).as_deref(),
        Some("a\"b{c}")
    );
}
