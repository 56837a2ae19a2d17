//! `gc-attrs explain`: decode an error answer pasted from anywhere.

use crate::support::*;

const SDK_PRINT: &str = r#"ApiException: (400) Reason: Bad Request
HTTP response body: {"message":"The request could not be understood","code":"bad.request","status":400,"contextId":"ctx-123","errors":[{"message":"Value [x] is not valid","code":"invalid.value","status":400,"details":[{"fieldName":"attributes"}]}]}"#;

#[test]
fn explain_prints_the_error_tree() {
    let env = Env::new();
    let run = env.run_with_stdin(&["explain"], SDK_PRINT);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = &run.stdout;
    for expected in [
        "status 400, body: text",
        "- bad.request (400)",
        "    message: The request could not be understood",
        "    means: ",
        "    next step: ",
        "    contextId: ctx-123",
        "  - invalid.value (400)",
        "      detail: fieldName attributes",
        "notes:",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn explain_json_is_the_explanation() {
    let env = Env::new();
    let mut file = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut file, b"upstream connect error").unwrap();
    let run = env.run(&[
        "explain",
        file.path().to_str().unwrap(),
        "--status",
        "503",
        "--json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["status"], 503);
    assert_eq!(json["form"], "text");
    let error = &json["errors"][0];
    for key in [
        "depth",
        "code",
        "status",
        "message",
        "explanation",
        "next_step",
        "evidence",
        "context_id",
        "details",
        "limit",
    ] {
        assert!(error.get(key).is_some(), "no {key}: {error}");
    }
    assert!(json["notes"].is_array());
    let run = env.run_with_stdin(&["explain", "-", "--json"], SDK_PRINT);
    assert_eq!(run.json()["errors"][1]["depth"], 1);
}

#[test]
fn an_unreadable_file_exits_2() {
    let env = Env::new();
    let run = env.run(&["explain", env.dir().join("nope.txt").to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cannot read"), "{}", run.stderr);
}
