//! The command line's shape: connection flags belong to the commands that
//! connect, and closed choices (`--verb`, `--route`, `--format`) are typed,
//! so clap rejects a bad value with the list of valid ones (exit 2).

use crate::support::{CALL, Env, SimProcess};

/// The long flags a help text lists (`--name` at the start of a line).
fn flags(help: &str) -> Vec<String> {
    help.lines()
        .filter_map(|line| {
            let line = line.trim_start();
            // `-h, --help`: the long form after the short one.
            let line = match line.split_once(", --") {
                Some((short, _)) if short.len() == 2 && short.starts_with('-') => &line[4..],
                _ => line,
            };
            line.strip_prefix("--").map(|rest| {
                format!(
                    "--{}",
                    rest.split([' ', '=', '<']).next().unwrap_or_default()
                )
            })
        })
        .collect()
}

#[test]
fn sim_help_shows_only_the_simulator_flags() {
    let run = Env::new().run(&["sim", "--help"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let listed = flags(&run.stdout);
    assert!(listed.contains(&"--listen".to_owned()), "{listed:?}");
    for foreign in ["--region", "--profile", "--sim", "--json", "--conversation"] {
        assert!(
            !listed.iter().any(|f| f == foreign),
            "sim --help lists {foreign}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn the_commands_that_connect_list_the_connection_flags() {
    for command in ["get", "diff", "send"] {
        let run = Env::new().run(&[command, "--help"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let listed = flags(&run.stdout);
        for flag in ["--sim", "--region", "--profile", "--client-id", "--json"] {
            assert!(
                listed.iter().any(|f| f == flag),
                "{command}: no {flag}: {listed:?}"
            );
        }
    }
    let lint = flags(&Env::new().run(&["lint", "--help"]).stdout);
    assert!(lint.contains(&"--json".to_owned()) && !lint.contains(&"--region".to_owned()));
}

#[test]
fn a_bad_route_is_rejected_by_clap_with_the_valid_values() {
    let run = Env::new().run(&[
        "send", CALL, "p", "--set", "a=1", "--route", "calls", "--sim",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("invalid value 'calls' for '--route <ROUTE>'")
            && run.stderr.contains("[possible values: generic, media]"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_verb_or_format_is_rejected_with_the_valid_values() {
    let env = Env::new();
    let verb = env.run(&["send", CALL, "p", "--verb", "POST", "--sim"]);
    assert_eq!(verb.code, 2);
    assert!(
        verb.stderr.contains("[possible values: PATCH, PUT]"),
        "{}",
        verb.stderr
    );
    let format = env.run(&["export", "--format", "har"]);
    assert_eq!(format.code, 2);
    assert!(
        format.stderr.contains("[possible values: curl, json]"),
        "{}",
        format.stderr
    );
}

#[test]
fn the_verb_ignores_case_as_before() {
    let run = Env::new().run(&[
        "send", CALL, "nobody", "--verb", "put", "--set", "a=1", "--sim",
    ]);
    assert!(!run.stderr.contains("invalid value"), "{}", run.stderr);
}

#[test]
fn a_connection_flag_before_a_command_that_does_not_connect_is_refused() {
    let env = Env::new();
    let run = env.run(&["--region", "eu-west-1", "sim"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("--region chooses a connection, and `gc-attrs sim` does not connect"),
        "{}",
        run.stderr
    );
    let run = env.run(&["--sim", "lint", "--verb", "PATCH", "--route", "/api/v2/x"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("`gc-attrs lint` does not connect"),
        "{}",
        run.stderr
    );
    let run = env.run(&["--conversation", CALL, "get", CALL]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("--conversation opens a conversation in the TUI"),
        "{}",
        run.stderr
    );
}

#[test]
fn connection_flags_work_before_or_after_the_command() {
    let env = Env::new();
    for args in [
        &["--sim", "--json", "get", CALL][..],
        &["get", CALL, "--sim", "--json"],
        &["--json", "get", "--sim", CALL],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_eq!(run.json()["conversation"]["id"], CALL, "{args:?}");
    }
}

#[test]
fn max_body_takes_bytes_or_a_binary_unit_and_refuses_nonsense() {
    let env = Env::new();
    let run = env.run(&["get", CALL, "--sim", "--max-body", "12parsecs"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("not a unit"), "{}", run.stderr);
    let run = env.run(&["get", CALL, "--sim", "--max-body", "512"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("below 1KiB"), "{}", run.stderr);
    // The fixture's answer is a few KiB: 1MiB reads it, 1KiB refuses it.
    let run = env.run(&["get", CALL, "--sim", "--max-body", "1MiB", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = env.run(&["get", CALL, "--sim", "--max-body", "1KiB", "--json"]);
    assert_ne!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("larger than 1024 bytes"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_flow_writeback_flag_is_shown_in_the_banner_and_a_bad_value_refused() {
    for bad in ["soon", "86400001"] {
        let run = Env::new().run(&["sim", "--listen", "127.0.0.1:0", "--flow-writeback", bad]);
        assert_eq!(run.code, 2, "{bad}: {}", run.stderr);
        assert!(
            run.stderr.contains("--flow-writeback")
                && run
                    .stderr
                    .contains("milliseconds from 0 to 86400000 (24 h)"),
            "{}",
            run.stderr
        );
    }
    let banner = |sim: &SimProcess| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            if let Some(line) = sim
                .stdout()
                .into_iter()
                .find(|l| l.starts_with("behaviour: "))
            {
                return line;
            }
            assert!(std::time::Instant::now() < deadline, "no behaviour line");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    };
    let on = banner(&SimProcess::start(&["--flow-writeback", "250"]));
    assert!(on.contains("flow write-back 250 ms"), "{on}");
    let off = banner(&SimProcess::start(&[]));
    assert!(off.contains("flow write-back off"), "{off}");
}
