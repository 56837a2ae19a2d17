use super::*;
use crate::usecase::import::import;

const PATH: &str = "/api/v2/conversations/3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a/participants/b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e/attributes";

fn draft(verb: &str, target: &str, content_type: &str, body: &str) -> Draft {
    Draft {
        verb: verb.into(),
        target: target.into(),
        content_type: content_type.into(),
        body: body.into(),
    }
}

#[test]
fn a_pointer_is_found_at_its_key_through_nesting_strings_and_arrays() {
    let text = "{\n  \"a\": \"x, } ] \\\" {\",\n  \"attributes\": {\n    \"ok\": \"1\",\n    \"escalationLevel\": 3\n  },\n  \"list\": [1, {\"deep\": true}]\n}";
    assert_eq!(locate(text, "/attributes/escalationLevel"), Some((5, 5)));
    assert_eq!(locate(text, "/attributes"), Some((3, 3)));
    assert_eq!(locate(text, "/list/1/deep"), Some((7, 16)));
    assert_eq!(locate(text, ""), Some((1, 1)));
    assert_eq!(locate(text, "/missing"), None);
    assert_eq!(locate(text, "/list/5"), None);
    assert_eq!(locate("{\"a~b/c\": 1}", "/a~0b~1c"), Some((1, 2)));
}

#[test]
fn a_column_counts_characters_not_bytes() {
    let text = "{\"ü\": \"é\", \"k\": 1}";
    assert_eq!(locate(text, "/k"), Some((1, 12)));
}

#[test]
fn broken_json_locates_nothing_past_the_break() {
    assert_eq!(locate("{\"a\": 1,, \"b\": 2}", "/b"), None);
    assert_eq!(locate("{\"a\" 1}", "/a"), None);
    assert_eq!(locate("", "/a"), None);
}

#[test]
fn the_escalation_level_number_is_marked_at_its_line_and_column() {
    let body = "{\n  \"attributes\": {\n    \"escalationLevel\": 3\n  }\n}";
    let findings = draft("PATCH", PATH, "application/json", body).lint();
    let number = findings
        .iter()
        .find(|f| f.rule == "body/value-not-string")
        .expect("a number value is found");
    assert_eq!(mark(number, body), Some(Mark::Body { line: 3, column: 5 }));
}

#[test]
fn field_findings_mark_their_field() {
    let findings = draft("PUT", PATH, "text/plain", "{\"attributes\": {}}").lint();
    let marks: Vec<Mark> = findings.iter().filter_map(|f| mark(f, "")).collect();
    assert!(marks.contains(&Mark::Verb), "{findings:#?}");
    assert!(marks.contains(&Mark::ContentType), "{findings:#?}");
}

#[test]
fn applying_every_fix_in_turn_leaves_a_request_the_lint_accepts() {
    let mut draft = draft(
        "PUT",
        &format!("https://api.mypurecloud.com{PATH}"),
        "text/plain",
        "{\"customAttributes\": {\"escalationLevel\": 3}}",
    );
    for _ in 0..10 {
        let findings = draft.lint();
        let Some(fix) = findings
            .iter()
            .filter(|f| f.severity.rejects())
            .find_map(|f| f.fix.clone())
        else {
            break;
        };
        draft = draft.fixed(&fix);
    }
    let left: Vec<&str> = draft
        .lint()
        .iter()
        .filter(|f| f.severity.rejects())
        .map(|f| f.rule)
        .collect();
    assert_eq!(left, Vec::<&str>::new(), "{draft:#?}");
    assert_eq!(draft.verb, "PATCH");
    assert_eq!(draft.content_type, "application/json");
    assert!(
        draft
            .target
            .starts_with("https://api.mypurecloud.com/api/v2/"),
        "the host of a full URL is kept: {}",
        draft.target
    );
}

#[test]
fn what_is_sent_is_the_path_alone_whatever_host_was_pasted() {
    let outgoing = draft(
        "patch",
        &format!("https://api.mypurecloud.de{PATH}?x=1"),
        "application/json",
        "{}",
    )
    .outgoing()
    .unwrap();
    assert_eq!(outgoing.verb, "PATCH");
    assert_eq!(outgoing.path, format!("{PATH}?x=1"));
    assert_eq!(outgoing.dropped_host.as_deref(), Some("api.mypurecloud.de"));
    assert_eq!(outgoing.body.as_deref(), Some("{}"));
    let bare = draft("GET", PATH, "", "").outgoing().unwrap();
    assert_eq!(
        (bare.content_type, bare.body, bare.dropped_host),
        (None, None, None)
    );
}

#[test]
fn a_request_that_cannot_be_sent_says_what_to_type() {
    let no_verb = draft(" ", PATH, "", "").outgoing().unwrap_err();
    assert!(no_verb.contains("not a verb"), "{no_verb}");
    let no_path = draft("PATCH", "api/v2/x", "", "").outgoing().unwrap_err();
    assert!(no_path.contains("/api/v2/"), "{no_path}");
}

#[test]
fn a_pasted_curl_becomes_a_draft_as_written() {
    let imported = import(&format!(
        "curl -X PATCH 'https://api.mypurecloud.com{PATH}' -H 'Content-Type: application/json' -d '{{\"attributes\": {{\"escalationLevel\": 3}}}}'"
    ))
    .unwrap();
    let draft = Draft::from_imported(&imported, Some("/unused"));
    assert_eq!(draft.verb, "PATCH");
    assert_eq!(draft.target, format!("https://api.mypurecloud.com{PATH}"));
    assert_eq!(draft.body, "{\"attributes\": {\"escalationLevel\": 3}}");
    assert!(
        draft
            .lint()
            .iter()
            .any(|f| f.rule == "body/value-not-string")
    );
}

#[test]
fn a_bare_body_takes_the_selected_participants_route() {
    let imported = import("{\"attributes\": {\"a\": \"1\"}}").unwrap();
    assert_eq!(Draft::from_imported(&imported, Some(PATH)).target, PATH);
    assert_eq!(Draft::from_imported(&imported, None).target, "");
}
