//! Tests of the history: round trip, rotation, crash safety, permissions and
//! redaction.

use std::io::Write as _;
use std::time::Duration;

use super::*;
use crate::api::{FailureKind, Outcome, RateLimit, Timings};

fn exchange(n: usize) -> Exchange {
    let url =
        format!("https://api.mypurecloud.ie/api/v2/conversations/c{n}/participants/p/attributes");
    Exchange {
        request_headers: vec![
            ("Authorization".into(), "Bearer <redacted>".into()),
            ("Content-Type".into(), "application/json".into()),
        ],
        request_body: Some(format!(r#"{{"attributes":{{"n":"{n}"}}}}"#)),
        response_headers: vec![("inin-correlation-id".into(), format!("corr-{n}"))],
        response_body: "{}".into(),
        correlation_id: Some(format!("corr-{n}")),
        rate_limit: RateLimit {
            count: Some(3),
            allowed: Some(300),
            ..RateLimit::default()
        },
        timings: Timings {
            to_headers: Some(Duration::from_millis(12)),
            total: Duration::from_millis(15),
        },
        ..Exchange::new("PATCH", url, Outcome::answer(202))
    }
}

fn urls(entries: &[Entry]) -> Vec<String> {
    entries.iter().map(|e| e.exchange.url.clone()).collect()
}

#[test]
fn append_then_last_round_trips_newest_last() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(&dir.path().join("data")).unwrap();
    assert!(history.path().is_file(), "open creates the file");
    let failed = Exchange {
        outcome: Outcome::failed(FailureKind::Timeout, "timed out after 30s"),
        ..exchange(2)
    };
    history.append("tui", &exchange(1)).unwrap();
    history.append("cli", &failed).unwrap();
    history.append("cli", &exchange(3)).unwrap();

    let (all, skipped) = history.last(10).unwrap();
    assert_eq!(skipped, 0);
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].exchange, exchange(1));
    assert_eq!(all[0].source, "tui");
    assert_eq!(all[1].exchange, failed);
    assert!(
        humantime::parse_rfc3339(&all[2].time).is_ok(),
        "{}",
        all[2].time
    );
    assert!(all[2].time.ends_with('Z'), "UTC: {}", all[2].time);

    let (two, _) = history.last(2).unwrap();
    assert_eq!(urls(&two), urls(&all[1..]));
    assert!(history.last(0).unwrap().0.is_empty());
}

#[test]
fn the_json_shape_is_stable() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(dir.path()).unwrap();
    history.append("cli", &exchange(1)).unwrap();
    let text = std::fs::read_to_string(history.path()).unwrap();
    let value: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&value), ["exchange", "source", "time"]);
    assert_eq!(
        keys(&value["exchange"]),
        [
            "attempts",
            "correlation_id",
            "error_body",
            "method",
            "outcome",
            "rate_limit",
            "reason",
            "request_body",
            "request_headers",
            "response_body",
            "response_headers",
            "status",
            "timings",
            "url"
        ]
    );
    assert_eq!(value["exchange"]["request_headers"][1][0], "Content-Type");
    assert_eq!(value["exchange"]["timings"]["total"]["nanos"], 15_000_000);
}

#[test]
fn rotation_at_the_cap_keeps_the_newest_and_last_reads_across_files() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(dir.path()).unwrap().with_limits(2_000, 2);
    let line = serde_json::to_string(&exchange(10)).unwrap().len();
    for n in 0..40 {
        history.append("cli", &exchange(n)).unwrap();
    }
    for name in ["history.jsonl", "history.1.jsonl", "history.2.jsonl"] {
        let size = std::fs::metadata(dir.path().join(name)).unwrap().len();
        assert!(size > 0 && size <= 2_000, "{name}: {size} bytes");
    }
    assert!(
        !dir.path().join("history.3.jsonl").exists(),
        "keeps 2 rotated files"
    );

    let (kept, skipped) = history.last(1_000).unwrap();
    assert_eq!(skipped, 0);
    assert!(kept.len() > 2_000 / (line + 100), "{} kept", kept.len());
    assert!(kept.len() < 40, "the oldest were dropped");
    // A contiguous run ending with the newest, oldest first.
    let expected: Vec<String> = (40 - kept.len()..40).map(|n| exchange(n).url).collect();
    assert_eq!(urls(&kept), expected);
    // `last` reaches into rotated files when the current one holds fewer.
    let current = std::fs::read_to_string(history.path())
        .unwrap()
        .lines()
        .count();
    let (across, _) = history.last(current + 1).unwrap();
    assert_eq!(urls(&across), expected[expected.len() - current - 1..]);
}

#[test]
fn a_partial_last_line_is_skipped_and_counted_and_earlier_entries_stay() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(dir.path()).unwrap();
    history.append("cli", &exchange(1)).unwrap();
    history.append("cli", &exchange(2)).unwrap();
    let before = std::fs::read(history.path()).unwrap();
    // A crash mid-write: part of a line, no newline.
    let mut file = OpenOptions::new()
        .append(true)
        .open(history.path())
        .unwrap();
    file.write_all(br#"{"time":"2025-01-31T09:12:03.120Z","source":"cli","exch"#)
        .unwrap();
    drop(file);

    let (entries, skipped) = history.last(10).unwrap();
    assert_eq!(
        (urls(&entries), skipped),
        (vec![exchange(1).url, exchange(2).url], 1)
    );

    // The next entry starts on a line of its own: nothing else is lost.
    history.append("cli", &exchange(3)).unwrap();
    let after = std::fs::read(history.path()).unwrap();
    assert_eq!(after[..before.len()], before[..], "earlier bytes untouched");
    let (entries, skipped) = history.last(10).unwrap();
    assert_eq!(skipped, 1);
    assert_eq!(urls(&entries), [1, 2, 3].map(|n| exchange(n).url));
}

#[cfg(unix)]
#[test]
fn the_directory_and_files_are_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let history = History::open(&data).unwrap().with_limits(10, 1);
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(history.path()), 0o600);
    history.append("cli", &exchange(1)).unwrap();
    history.append("cli", &exchange(2)).unwrap();
    assert_eq!(mode(history.path()), 0o600);
    assert_eq!(mode(&data.join("history.1.jsonl")), 0o600);

    // A file made readable by others elsewhere is tightened when opened.
    std::fs::set_permissions(history.path(), std::fs::Permissions::from_mode(0o644)).unwrap();
    History::open(&data).unwrap();
    assert_eq!(mode(history.path()), 0o600);
}

#[test]
fn known_secrets_never_reach_the_file() {
    const TOKEN: &str = "tok-5ecret-a1b2c3";
    const SECRET: &str = "cl1ent-5ecret-d4e5";
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(dir.path()).unwrap();
    let leaky = Exchange {
        method: "POST".into(),
        url: format!("https://login.mypurecloud.ie/oauth/token?access_token={TOKEN}&x=1"),
        request_headers: vec![
            ("Authorization".into(), format!("Bearer {TOKEN}")),
            ("proxy-authorization".into(), format!("basic {SECRET}")),
            ("authorization".into(), TOKEN.into()),
        ],
        request_body: Some(format!(
            "grant_type=client_credentials&client_secret={SECRET}"
        )),
        response_headers: vec![("Authorization".into(), format!("Bearer {TOKEN}"))],
        response_body: format!(
            r#"{{"access_token":"{TOKEN}","refresh_token":"{SECRET}","nested":[{{"client_secret":"{SECRET}"}}],"expires_in":86400}}"#
        ),
        ..exchange(1)
    };
    history.append("cli", &leaky).unwrap();
    history
        .append(
            "cli",
            &Exchange {
                request_body: Some(format!(r#"{{"access_token": "{TOKEN}"}}"#)),
                ..exchange(2)
            },
        )
        .unwrap();

    let text = std::fs::read_to_string(history.path()).unwrap();
    assert!(!text.contains(TOKEN) && !text.contains(SECRET), "{text}");
    let (entries, _) = history.last(2).unwrap();
    let written = &entries[0].exchange;
    let values: Vec<&str> = written
        .request_headers
        .iter()
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(
        values,
        ["Bearer <redacted>", "Basic <redacted>", "<redacted>"]
    );
    assert_eq!(written.response_headers[0].1, "Bearer <redacted>");
    assert!(
        written.response_body.contains("86400"),
        "{}",
        written.response_body
    );
    assert!(written.url.contains("x=1"), "{}", written.url);
    assert_eq!(
        written.request_body.as_deref(),
        Some("grant_type=client_credentials&client_secret=%3Credacted%3E")
    );
}

#[test]
fn bodies_without_secrets_are_kept_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(dir.path()).unwrap();
    let plain = Exchange {
        request_body: Some("{ \"attributes\": {\"a\": \"b=c&d\"} }".into()),
        response_body: "not json & not=form".into(),
        ..exchange(1)
    };
    history.append("cli", &plain).unwrap();
    assert_eq!(history.last(1).unwrap().0[0].exchange, plain);
}

#[test]
fn errors_name_the_file_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let error = History::open(&blocker.join("data"))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("not-a-dir") && error.contains("GC_ATTRS_CONFIG_DIR"),
        "{error}"
    );

    let history = History::open(&dir.path().join("data")).unwrap();
    std::fs::remove_file(history.path()).unwrap();
    std::fs::create_dir(history.path()).unwrap();
    let error = history.last(1).unwrap_err().to_string();
    assert!(
        error.contains("history.jsonl") && error.contains("cannot read"),
        "{error}"
    );
    let error = history.append("cli", &exchange(1)).unwrap_err().to_string();
    assert!(error.contains("history.jsonl"), "{error}");
}

#[test]
fn a_huge_body_is_stored_cut_with_its_size_and_a_small_one_whole() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(dir.path()).unwrap();
    let huge = format!("[\"{}é\"]", "x".repeat(3 * 1024 * 1024));
    let big = Exchange {
        response_body: huge.clone(),
        request_body: Some(huge.clone()),
        ..exchange(1)
    };
    history.append("cli", &big).unwrap();
    history.append("cli", &exchange(2)).unwrap();
    let text = std::fs::read_to_string(history.path()).unwrap();
    let first = text.lines().next().unwrap();
    assert!(
        first.len() < 3 * redact::MAX_STORED_BODY,
        "one line stays small: {}",
        first.len()
    );
    let (entries, _) = history.last(10).unwrap();
    let stored = &entries[0].exchange;
    let marker = format!("…[truncated by gc-attrs: {} bytes in all]", huge.len());
    assert!(
        stored.response_body.ends_with(&marker),
        "{}",
        &stored.response_body[stored.response_body.len() - 80..]
    );
    assert!(stored.request_body.as_deref().unwrap().ends_with(&marker));
    assert_eq!(
        entries[1].exchange.response_body,
        exchange(2).response_body,
        "small bodies whole"
    );
}

#[test]
fn the_history_file_is_not_written_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("elsewhere.txt");
    std::fs::write(&target, "do not touch\n").unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::os::unix::fs::symlink(&target, data.join("history.jsonl")).unwrap();
    let err = History::open(&data).unwrap_err();
    assert!(matches!(err, HistoryError::Symlink { .. }), "{err}");
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "do not touch\n");
}

#[test]
fn a_looser_existing_folder_is_reported_once_and_left_as_it_is() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh");
    assert_eq!(History::open(&fresh).unwrap().warning(), None);

    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
    let history = History::open(&shared).unwrap();
    let warning = history.warning().expect("a 0755 folder is reported");
    assert!(
        warning.contains("open to other users (mode 0755)"),
        "{warning}"
    );
    assert!(
        warning.contains(&format!("chmod 700 {}", shared.display())),
        "{warning}"
    );
    let mode = std::fs::metadata(&shared).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o755, "the user's choice is kept");

    let mut recorder = Recorder::with("cli", Ok(history));
    let first = recorder.record(&exchange(1));
    assert_eq!(
        first.as_deref(),
        Some(warning.as_str()),
        "said on the first record"
    );
    assert_eq!(recorder.record(&exchange(2)), None, "and only once");
}

#[test]
fn a_reader_creates_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing");
    let (entries, _) = History::reader(&missing).last(5).unwrap();
    assert!(entries.is_empty());
    assert!(!missing.exists(), "no folder is created to read");

    let data = dir.path().join("data");
    let history = History::open(&data).unwrap();
    history.append("cli", &exchange(1)).unwrap();
    // Read-only, as a history on a read-only disk or of another user is.
    std::fs::set_permissions(history.path(), std::fs::Permissions::from_mode(0o444)).unwrap();
    let (entries, _) = History::reader(&data).last(5).unwrap();
    assert_eq!(
        urls(&entries),
        urls(&[Entry {
            time: String::new(),
            source: "cli".into(),
            place: None,
            exchange: exchange(1),
        }])
    );
    let mode = std::fs::metadata(history.path())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o444, "not opened for writing, not tightened");
}

#[test]
fn secure_attribute_values_are_never_written_to_the_history_file() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(dir.path()).unwrap();
    let url = "https://api.mypurecloud.ie/api/v2/conversations/c1/secureattributes";
    let read = Exchange {
        response_body:
            r#"{"attributes":{"paymentToken":"tok_4417_9b2e","accessCode":"4711"},"version":4}"#
                .into(),
        ..Exchange::new("GET", url, Outcome::answer(200))
    };
    let write = Exchange {
        request_body: Some(
            r#"{"attributes":{"paymentToken":"tok_4417_9b2e","accessCode":"4711"},"version":4}"#
                .into(),
        ),
        response_body: "\"5\"".into(),
        ..Exchange::new("PUT", url, Outcome::answer(202))
    };
    history.append("tui", &read).unwrap();
    history.append("tui", &write).unwrap();
    let text = std::fs::read_to_string(history.path()).unwrap();
    for secret in ["tok_4417_9b2e", "4711"] {
        assert!(!text.contains(secret), "{secret} stored: {text}");
    }
    // The keys, the version and the mask stay, so the entry still tells what was done.
    let (entries, _) = history.last(2).unwrap();
    let body = entries[1].exchange.request_body.clone().unwrap();
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        body["attributes"]["paymentToken"],
        crate::genesys::secure::MASK
    );
    assert_eq!(body["version"], 4);
}

#[test]
fn reading_back_takes_regular_files_only_and_the_newest_part_of_a_huge_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let history = History::open(&data).unwrap();
    history.append("cli", &exchange(1)).unwrap();
    let line = std::fs::read(history.path()).unwrap();
    // A file written by something else, far past the cap: only its newest
    // part is read, from a line's start.
    let mut huge = Vec::new();
    while huge.len() < usize::try_from(MAX_READ).unwrap() + 1024 {
        huge.extend_from_slice(&line);
    }
    std::fs::write(history.path(), &huge).unwrap();
    let (entries, skipped) = History::reader(&data).last(usize::MAX).unwrap();
    assert_eq!(skipped, 0, "no cut line is read");
    assert!(entries.len() * line.len() <= usize::try_from(MAX_READ).unwrap());
    assert!(!entries.is_empty());

    // A link (to anything) is refused, not followed.
    std::fs::remove_file(history.path()).unwrap();
    std::os::unix::fs::symlink("/dev/zero", history.path()).unwrap();
    let error = History::reader(&data).last(5).unwrap_err().to_string();
    assert!(error.contains("not a regular file"), "{error}");
}

#[test]
fn a_line_keeps_its_place_and_send_time_and_an_older_line_without_them_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(&dir.path().join("data")).unwrap();
    let stamped = Exchange {
        at: Some("2026-11-20T17:42:05.120Z".into()),
        ..exchange(1)
    };
    history
        .append_at("tui", Some(&Place::Simulator), &stamped)
        .unwrap();
    // A line as written before the place and the send time were kept.
    let old = r#"{"time":"2025-01-31T09:12:03.120Z","source":"cli","exchange":{"method":"GET","url":"https://api.mypurecloud.ie/api/v2/conversations/c1","outcome":"answer","status":200,"reason":"OK"}}"#;
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(history.path())
        .unwrap();
    writeln!(file, "{old}").unwrap();
    let (entries, skipped) = history.last(10).unwrap();
    assert_eq!(skipped, 0);
    assert_eq!(entries[0].place, Some(Place::Simulator));
    assert_eq!(
        entries[0].exchange.at.as_deref(),
        Some("2026-11-20T17:42:05.120Z")
    );
    assert_eq!(entries[0].exchange.clock(), Some("17:42:05"));
    assert_eq!(entries[1].place, None);
    assert_eq!(entries[1].exchange.at, None);
    assert_eq!(entries[1].exchange.status(), Some(200));
}
