use super::*;

const PATH: &str = "/api/v2/conversations/c1/participants/p1/attributes";
const URL: &str = "https://api.mypurecloud.ie/api/v2/conversations/c1/participants/p1/attributes";

fn read(text: &str) -> Imported {
    import(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn a_one_line_curl_keeps_verb_url_content_type_and_body_as_written() {
    let imported = read(&format!(
        r#"curl -sS -X PATCH '{URL}' -H 'Content-Type: application/json' -d '{{"attributes":{{"escalationLevel":3}}}}'"#
    ));
    assert_eq!(imported.source, Source::Curl);
    assert_eq!(imported.verb, "PATCH");
    assert_eq!(imported.target.as_deref(), Some(URL));
    assert_eq!(imported.content_type.as_deref(), Some("application/json"));
    assert_eq!(imported.body, r#"{"attributes":{"escalationLevel":3}}"#);
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
}

#[test]
fn a_curl_on_several_lines_joined_by_backslashes_reads_as_one() {
    let text = format!(
        "curl --request PATCH \\\n  --url {URL} \\\n  --header 'Authorization: Bearer abc.def' \\\n  --header \"Content-Type: application/json\" \\\n  --data-raw '{{\"attributes\": {{\"a\": \"1\"}}}}'\n"
    );
    let imported = read(&text);
    assert_eq!(imported.verb, "PATCH");
    assert_eq!(imported.target.as_deref(), Some(URL));
    assert_eq!(imported.body, r#"{"attributes": {"a": "1"}}"#);
    assert_eq!(
        imported.headers,
        [("Authorization".to_owned(), "Bearer <redacted>".to_owned())],
        "the pasted token is not kept"
    );
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.contains("Authorization header was dropped"))
    );
    assert!(
        !imported.notes.iter().any(|n| n.contains("ignored")),
        "a `\\` continuation is no word: {:?}",
        imported.notes
    );
}

#[test]
fn every_data_option_and_attached_values_are_read() {
    for option in [
        "-d",
        "--data",
        "--data-raw",
        "--data-binary",
        "--data-ascii",
    ] {
        let imported = read(&format!(
            "curl -XPATCH {URL} -H'Content-Type: application/json' {option} '{{}}'"
        ));
        assert_eq!(imported.verb, "PATCH", "{option}");
        assert_eq!(imported.body, "{}", "{option}");
        assert_eq!(imported.content_type.as_deref(), Some("application/json"));
    }
    let imported = read(&format!("curl --request=PUT --url={URL} --data={{}}"));
    assert_eq!(
        (imported.verb.as_str(), imported.body.as_str()),
        ("PUT", "{}")
    );
}

#[test]
fn json_sets_the_content_type_and_a_body_without_x_is_a_post() {
    let imported = read(&format!(r#"curl {URL} --json '{{"attributes":{{}}}}'"#));
    assert_eq!(imported.verb, "POST");
    assert_eq!(imported.content_type.as_deref(), Some("application/json"));
    assert!(imported.notes.iter().any(|n| n.contains("as a POST")));
}

#[test]
fn data_without_a_content_type_is_sent_as_a_form_as_curl_does() {
    let imported = read(&format!(
        r#"curl -X PATCH {URL} -d '{{"attributes":{{}}}}'"#
    ));
    assert_eq!(
        imported.content_type.as_deref(),
        Some("application/x-www-form-urlencoded")
    );
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.contains("x-www-form-urlencoded"))
    );
}

#[test]
fn several_data_options_are_joined_with_ampersands() {
    let imported = read(&format!("curl {URL} -d a=1 -d b=2"));
    assert_eq!(imported.body, "a=1&b=2");
}

#[test]
fn a_forum_curl_with_curly_quotes_is_read_with_a_note() {
    let text = format!(
        "curl -X PATCH \u{2018}{URL}\u{2019} -H \u{201c}Content-Type: application/json\u{201d} -d \u{2018}{{\"attributes\": {{\"escalationLevel\": 3}}}}\u{2019}"
    );
    let imported = read(&text);
    assert_eq!(imported.target.as_deref(), Some(URL));
    assert_eq!(imported.content_type.as_deref(), Some("application/json"));
    assert_eq!(imported.body, r#"{"attributes": {"escalationLevel": 3}}"#);
    assert!(imported.notes.iter().any(|n| n.contains("curly quotes")));
}

#[test]
fn broken_curls_say_what_is_wrong() {
    assert_eq!(
        import("curl -X PATCH 'unclosed"),
        Err(ImportError::Unquoted)
    );
    assert_eq!(import("curl -X PATCH -d {}"), Err(ImportError::NoUrl));
    assert_eq!(
        import(&format!("curl {URL} -H")),
        Err(ImportError::MissingValue("-H".into()))
    );
    assert!(ImportError::NoUrl.to_string().contains("--url"));
}

#[test]
fn unknown_options_and_files_are_noted_not_fatal() {
    let imported = read(&format!("curl --frobnicate {URL} -d @body.json -u me:pw"));
    let notes = imported.notes.join("\n");
    assert!(notes.contains("--frobnicate was ignored"), "{notes}");
    assert!(notes.contains("@body.json reads a file"), "{notes}");
    assert!(notes.contains("-u was dropped"), "{notes}");
    assert!(
        !format!("{imported:?}").contains("me:pw"),
        "no credential kept"
    );
}

#[test]
fn a_raw_http_request_reads_its_line_headers_and_body() {
    let text = format!(
        "PATCH {PATH} HTTP/1.1\r\nHost: api.mypurecloud.ie\r\nAuthorization: Bearer t0k3n\r\nContent-Type: application/json\r\n\r\n{{\"attributes\":{{\"a\":\"1\"}}}}\r\n"
    );
    let imported = read(&text);
    assert_eq!(imported.source, Source::Http);
    assert_eq!(imported.verb, "PATCH");
    assert_eq!(imported.target.as_deref(), Some(URL));
    assert_eq!(imported.content_type.as_deref(), Some("application/json"));
    assert_eq!(imported.body, r#"{"attributes":{"a":"1"}}"#);
    assert_eq!(
        imported.headers,
        [("Authorization".to_owned(), "Bearer <redacted>".to_owned())]
    );
    // Without a Host, the path stays a path.
    let imported = read(&format!("PUT {PATH}\n\n{{}}"));
    assert_eq!(imported.target.as_deref(), Some(PATH));
    assert_eq!(imported.verb, "PUT");
}

#[test]
fn a_bare_json_body_takes_its_route_from_the_selection() {
    let imported = read("  {\"attributes\": {\"a\": 1}}\n");
    assert_eq!(imported.source, Source::Json);
    assert_eq!(imported.target, None);
    assert_eq!(imported.verb, "PATCH");
    assert_eq!(imported.body, r#"{"attributes": {"a": 1}}"#);
}

#[test]
fn other_texts_and_oversized_ones_are_refused_with_the_forms_read() {
    assert_eq!(import("   \n"), Err(ImportError::Empty));
    assert_eq!(import("hello there"), Err(ImportError::Unknown));
    assert!(ImportError::Unknown.to_string().contains("curl command"));
    let huge = "x".repeat(MAX_IMPORT + 1);
    assert_eq!(import(&huge), Err(ImportError::TooLarge(MAX_IMPORT + 1)));
}

#[test]
fn placeholders_of_each_style_are_found_once_and_filled() {
    let text = "curl -X PATCH 'https://api.mypurecloud.com/api/v2/conversations/{conversationId}/participants/{{participantId}}/attributes' -H 'Content-Type: application/json' -d '{\"attributes\":{\"note\":\"for {conversationId}\"}}'";
    let imported = read(text);
    let found = placeholders(&imported);
    assert_eq!(
        found,
        [
            Placeholder {
                written: "{conversationId}".into(),
                kind: PlaceholderKind::Conversation
            },
            Placeholder {
                written: "{{participantId}}".into(),
                kind: PlaceholderKind::Participant
            },
        ]
    );
    let filled = fill(&imported, "c1", "p1");
    assert_eq!(
        filled.target.as_deref(),
        Some("https://api.mypurecloud.com/api/v2/conversations/c1/participants/p1/attributes")
    );
    assert_eq!(filled.body, r#"{"attributes":{"note":"for c1"}}"#);

    for (written, kind) in [
        ("<conversation_id>", PlaceholderKind::Conversation),
        (":participantId", PlaceholderKind::Participant),
    ] {
        let imported = read(&format!("GET /api/v2/conversations/{written}"));
        assert_eq!(
            placeholders(&imported),
            [Placeholder {
                written: written.into(),
                kind
            }]
        );
    }
    // JSON braces are no placeholders.
    assert!(placeholders(&read(r#"{"attributes":{"a":"b"}}"#)).is_empty());
}

#[test]
fn no_pasted_credential_survives_in_the_request_or_its_notes() {
    const SECRET: &str = "s3cr3t-t0ken-value";
    let pastes = [
        format!("curl {URL} --oauth2-bearer {SECRET}"),
        format!("curl --oauth2-bearer {SECRET} {URL}"),
        format!("curl --oauth2-bearer={SECRET} {URL}"),
        format!("curl --frobnicate={SECRET} {URL}"),
        format!("curl --frobnicate {SECRET} {URL}"),
        format!("curl -b session={SECRET} {URL}"),
        format!("curl --proxy-user me:{SECRET} {URL}"),
        format!("curl -H 'Proxy-Authorization: Basic {SECRET}' {URL}"),
        format!("curl -H 'X-Api-Key: {SECRET}' {URL}"),
        format!("curl 'https://me:{SECRET}@api.mypurecloud.ie{PATH}'"),
        format!("curl '{URL}?access_token={SECRET}'"),
        format!("GET {PATH}?access_token={SECRET} HTTP/1.1\nHost: api.mypurecloud.ie\n\n"),
    ];
    for paste in pastes {
        let imported = read(&paste);
        assert!(
            !format!("{imported:?}").contains(SECRET),
            "{paste}: {imported:?}"
        );
        assert!(
            imported
                .target
                .as_deref()
                .is_some_and(|t| t.contains("/participants/p1/attributes")),
            "{paste}: {imported:?}"
        );
    }
}

#[test]
fn a_python_or_javascript_sdk_call_with_a_body_literal_is_read_as_its_request() {
    let python = read(
        "api.patch_conversation_participant_attributes('c1', pid, PureCloudPlatformClientV2.ParticipantAttributes(attributes={'a': 1, 'b': None}))",
    );
    assert_eq!(python.source, Source::Sdk);
    assert_eq!(
        (python.verb.as_str(), python.target.as_deref()),
        (
            "PATCH",
            Some("/api/v2/conversations/c1/participants/{pid}/attributes")
        )
    );
    assert_eq!(
        python.body, r#"{"attributes":{"a":1,"b":null}}"#,
        "values kept as written"
    );
    let js = read(
        "await new platformClient.ConversationsApi().patchConversationParticipantAttributes(cid, pid, {attributes: {'tier': \"gold\",},})",
    );
    assert_eq!(js.body, r#"{"attributes":{"tier":"gold"}}"#);
    assert_eq!(js.content_type.as_deref(), Some("application/json"));
    // A body held in a variable is no literal: nothing to read.
    assert_eq!(
        import("api.patch_conversation_participant_attributes(cid, pid, body)"),
        Err(ImportError::Unknown)
    );
}

#[test]
fn credentials_in_pasted_text_are_redacted_and_placeholders_kept() {
    let text = "ApiException: HTTP response headers: {'Authorization': 'Bearer eyJhbGciOi.SECRETxyz'}\n\
                log: POST /oauth/token?access_token=LOGSECRET456&x=1\n\
                body {\"access_token\": \"tok-abcdef-123\", \"expires_in\": 86400}\n\
                curl -H 'Authorization: Bearer $TOKEN' -u id:pw\n\
                client_secret: S3cr3tValue\n";
    let (out, count) = redact_text(text);
    for secret in ["SECRETxyz", "LOGSECRET456", "tok-abcdef-123", "S3cr3tValue"] {
        assert!(text.contains(secret));
        assert!(!out.contains(secret), "{secret} in {out}");
    }
    assert_eq!(count, 4, "{out}");
    assert!(
        out.contains("Bearer $TOKEN"),
        "a placeholder is no secret: {out}"
    );
    assert!(out.contains("\"expires_in\": 86400"), "{out}");
    assert_eq!(redact_text("no secret here, the token endpoint").1, 0);
}
