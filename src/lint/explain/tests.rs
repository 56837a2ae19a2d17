//! Tests of the error-answer explainer: one per body form, realistic inputs.

use proptest::prelude::*;

use super::*;
use crate::lint::EvidenceKind;

const CONTEXT: &str = "5e3c1c0e-8d5a-4a39-9b2f-1d2a0c9e7f10";

/// A nested 400 as the API shapes it (§2): details, messageParams, errors.
const NESTED_400: &str = r#"{
  "message": "The request could not be understood by the server due to malformed syntax.",
  "code": "bad.request",
  "status": 400,
  "contextId": "5e3c1c0e-8d5a-4a39-9b2f-1d2a0c9e7f10",
  "details": [{"errorCode": "invalid.value", "fieldName": "attributes.priority"}],
  "errors": [
    {
      "message": "Value [high] is not valid for field type [int]. Allowable values are: 1-10",
      "code": "invalid.value",
      "status": 400,
      "messageWithParams": "Value [{value}] is not valid for field type [{type}]. Allowable values are: {allowed}",
      "messageParams": {"value": "high", "type": "int", "allowed": "1-10"},
      "errors": [
        {"message": "Cannot update participant attribute map to a null value.",
         "code": "conversation.error.participant.attribute.null", "status": 400}
      ]
    },
    {"code": "something.new", "messageWithParams": "Key {key} rejected by {rule}", "messageParams": {"key": "vip"}}
  ]
}"#;

const RATE_LIMITED: &str = r#"{"message":"Rate limit exceeded the maximum [300] requests within [60] seconds","code":"too.many.requests","status":429,"messageWithParams":"Rate limit exceeded the maximum [{limit}] requests within [{duration}] seconds","messageParams":{"limit":"300","duration":"60"},"contextId":"0d6f0c4a-1b2c-4d3e-8f90-a1b2c3d4e5f6","details":[],"errors":[],"limit":{"key":"client.credentials.token.rate.per.minute","namespace":"platform.api","value":300}}"#;

const ELB_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

const CLOUDFRONT_504: &str = r#"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">
<TITLE>ERROR: The request could not be satisfied</TITLE>
</HEAD><BODY>
<H1>504 Gateway Timeout ERROR</H1>
</BODY></HTML>"#;

const PYTHON_SDK: &str = "(404)\nReason: Not Found\nHTTP response headers: HTTPHeaderDict({'Date': 'Thu, 20 Nov 2026 14:05:09 GMT', 'Content-Type': 'application/json', 'Content-Length': '160', 'Connection': 'keep-alive', 'Inin-Correlation-Id': '9a1f4c2e-0b7d-4e55-8c1a-3f2e6d7b8a90', 'Cache-Control': 'no-cache, no-store, must-revalidate'})\nHTTP response body: {\"message\":\"The requested resource was not found.\",\"code\":\"not.found\",\"status\":404,\"messageParams\":{},\"details\":[],\"errors\":[]}\n";

const LOG_LINE: &str = r#"2026-11-20T14:05:09.123Z ERROR sync::push: PATCH /api/v2/conversations/3c3f4a8e/participants/b7e1c2d3/attributes failed status=415 body={"message":"Unsupported Media Type","code":"unsupported.media.type","status":415,"contextId":"c0ffee00-0000-4000-8000-000000000001"}; giving up"#;

fn codes(e: &Explanation) -> Vec<Option<&str>> {
    e.errors.iter().map(|x| x.code.as_deref()).collect()
}

fn depths(e: &Explanation) -> Vec<usize> {
    e.errors.iter().map(|x| x.depth).collect()
}

#[test]
fn a_nested_400_is_walked_depth_first_with_filled_messages() {
    let e = explain(None, NESTED_400);
    assert_eq!((e.status, e.form), (Some(400), BodyForm::ErrorBody));
    assert!(e.notes.is_empty(), "{:?}", e.notes);
    assert_eq!(depths(&e), [0, 1, 2, 1]);
    assert_eq!(
        codes(&e),
        [
            Some("bad.request"),
            Some("invalid.value"),
            Some("conversation.error.participant.attribute.null"),
            Some("something.new")
        ]
    );
    let top = &e.errors[0];
    assert_eq!(top.context_id.as_deref(), Some(CONTEXT));
    assert_eq!(
        top.details[0].field_name.as_deref(),
        Some("attributes.priority")
    );
    assert!(top.explanation.contains("ParticipantAttributes"));
    assert!(
        top.next_step.contains("gc-attrs lint")
            && top
                .next_step
                .ends_with("Fields named in details: attributes.priority.")
    );
    assert_eq!(top.evidence, Evidence::documented("§2"));
    assert_eq!(
        e.errors[1].message.as_deref(),
        Some("Value [high] is not valid for field type [int]. Allowable values are: 1-10")
    );
    assert!(e.errors[2].next_step.contains("object of strings"));
    let unknown = &e.errors[3];
    assert_eq!(
        unknown.message.as_deref(),
        Some("Key vip rejected by {rule}")
    );
    assert_eq!(unknown.status, None);
    assert_eq!(unknown.evidence.kind, EvidenceKind::Assumed);
    // No status of its own: explained by its parent's 400.
    assert_eq!(unknown.explanation, codes::for_status(Some(400)).0);
}

#[test]
fn a_429_keeps_its_limit_and_says_when_to_retry() {
    let e = explain(Some(429), RATE_LIMITED);
    let top = &e.errors[0];
    assert_eq!(
        top.message.as_deref(),
        Some("Rate limit exceeded the maximum [300] requests within [60] seconds")
    );
    let limit = top.limit.as_ref().expect("limit");
    assert_eq!(
        (limit.key.as_deref(), limit.value),
        (Some("client.credentials.token.rate.per.minute"), Some(300))
    );
    assert!(
        top.explanation
            .contains("community-cited default is 300 requests per minute")
    );
    assert!(top.next_step.contains("Retry-After") && top.next_step.contains("180 s"));
}

#[test]
fn html_pages_are_from_a_proxy_and_their_status_is_read() {
    let e = explain(None, ELB_502);
    assert_eq!((e.status, e.form), (Some(502), BodyForm::Html));
    assert_eq!(
        e.notes,
        [
            "an HTML page: a proxy or load balancer answered, not the API",
            "page title: 502 Bad Gateway"
        ]
    );
    assert_eq!(e.errors.len(), 1);
    assert_eq!(e.errors[0].message.as_deref(), Some("502 Bad Gateway"));
    assert!(e.errors[0].explanation.contains("transient"));

    let e = explain(None, CLOUDFRONT_504);
    assert_eq!((e.status, e.form), (Some(504), BodyForm::Html));
    assert_eq!(
        e.errors[0].message.as_deref(),
        Some("ERROR: The request could not be satisfied")
    );
}

#[test]
fn empty_bodies() {
    let e = explain(Some(401), "");
    assert_eq!((e.status, e.form), (Some(401), BodyForm::Empty));
    assert_eq!(e.notes, ["empty body"]);
    assert_eq!(e.errors.len(), 1);
    assert!(e.errors[0].explanation.contains("token"));
    assert!(e.errors[0].next_step.contains("login.<region env>"));

    let e = explain(None, " \r\n\t");
    assert_eq!((e.status, e.form), (None, BodyForm::Empty));
    assert_eq!(e.notes, ["empty body (whitespace only)"]);
    assert!(e.errors.is_empty());
}

#[test]
fn truncated_json_is_reported_and_decoded_up_to_the_cut() {
    let cut = NESTED_400
        .find("Allowable values are: 1-10\",")
        .expect("marker")
        + 10;
    let e = explain(None, &NESTED_400[..cut]);
    assert_eq!((e.status, e.form), (Some(400), BodyForm::TruncatedJson));
    assert_eq!(e.notes[0], format!("the body was cut off at byte {cut}"));
    assert!(e.notes[1].starts_with("decoded what parsed before the cut"));
    assert_eq!(codes(&e), [Some("bad.request"), None]);
    assert_eq!(
        e.errors[1].message.as_deref(),
        Some("Value [high] is not valid for field type [int]. Allowable")
    );
    assert_eq!(e.errors[0].context_id.as_deref(), Some(CONTEXT));

    // Cut inside a number: the partial number is not trusted.
    let e = explain(None, r#"{"code":"not.found","status":40"#);
    assert_eq!((e.status, e.errors[0].status), (None, None));
    assert_eq!(e.errors[0].code.as_deref(), Some("not.found"));

    let e = explain(None, "{");
    assert_eq!(e.form, BodyForm::TruncatedJson);
    assert_eq!(e.notes[0], "the body was cut off at byte 1");
}

#[test]
fn a_python_sdk_exception_print_is_decoded() {
    let e = explain(None, PYTHON_SDK);
    assert_eq!((e.status, e.form), (Some(404), BodyForm::Text));
    let at = PYTHON_SDK.find("{\"message").expect("body");
    assert_eq!(
        e.notes[0],
        format!("text around JSON: decoded the JSON object at byte {at}")
    );
    assert_eq!(codes(&e), [Some("not.found")]);
    // The body has no contextId: the header printed beside it gives it.
    assert_eq!(
        e.errors[0].context_id.as_deref(),
        Some("9a1f4c2e-0b7d-4e55-8c1a-3f2e6d7b8a90")
    );
    assert!(e.notes.iter().any(|n| n.contains("ININ-Correlation-Id")));
    assert!(e.errors[0].explanation.contains("no PUT"));
}

#[test]
fn a_log_line_with_json_is_decoded() {
    let e = explain(None, LOG_LINE);
    assert_eq!((e.status, e.form), (Some(415), BodyForm::Text));
    assert_eq!(codes(&e), [Some("unsupported.media.type")]);
    assert_eq!(
        e.errors[0].context_id.as_deref(),
        Some("c0ffee00-0000-4000-8000-000000000001")
    );
    assert!(
        e.errors[0]
            .next_step
            .contains("Content-Type: application/json")
    );

    // A structured log line: the error is a value inside the JSON.
    let json_log = r#"{"level":"error","msg":"patch failed","response":{"body":{"code":"bad.credentials","status":401,"message":"Invalid login credentials."}}}"#;
    let e = explain(None, json_log);
    assert_eq!((e.status, e.form), (Some(401), BodyForm::OtherJson));
    assert_eq!(codes(&e), [Some("bad.credentials")]);
    assert_eq!(
        e.notes,
        ["an ErrorBody nested at /response/body was decoded"]
    );
}

#[test]
fn a_string_status_does_not_fail_decoding() {
    let e = explain(
        None,
        r#"{"message":"Bad Request","code":"bad.request","status":"Bad Request"}"#,
    );
    assert_eq!((e.status, e.form), (Some(400), BodyForm::ErrorBody));
    assert_eq!(
        e.notes,
        [r#"status is the string "Bad Request"; the real API sends an integer (§2)"#]
    );
    assert_eq!(e.errors[0].status, Some(400));

    let e = explain(
        Some(404),
        r#"{"code":"not.found","status":"404","errors":[{"code":"x","status":true}]}"#,
    );
    assert_eq!(e.status, Some(404));
    assert_eq!(
        e.notes,
        [
            r#"status is the string "404"; the real API sends an integer (§2)"#,
            "nested error at depth 1: status is a boolean; the real API sends an integer (§2)",
        ]
    );
}

#[test]
fn oauth_errors_are_explained_generically() {
    let body = r#"{"error":"invalid_client","description":"client not found: 00000000-0000-0000-0000-000000000000","error_description":"client not found: 00000000-0000-0000-0000-000000000000"}"#;
    let e = explain(Some(400), body);
    assert_eq!(e.form, BodyForm::OAuthError);
    let top = &e.errors[0];
    assert_eq!(
        (top.code.as_deref(), top.status),
        (Some("invalid_client"), Some(400))
    );
    assert!(
        top.message
            .as_deref()
            .is_some_and(|m| m.starts_with("client not found"))
    );
    assert!(top.explanation.contains(r#"`error` says "invalid_client""#));
    assert!(top.explanation.contains("login.<region env>"));
    assert_eq!(top.evidence, Evidence::assumed("§4"));
}

#[test]
fn other_forms() {
    // (HTTP status, body, form, status found, a note containing)
    type Case<'a> = (Option<u16>, &'a str, BodyForm, Option<u16>, &'a str);
    let cases: &[Case] = &[
        (
            Some(400),
            r#"{"foo":"bar"}"#,
            BodyForm::OtherJson,
            Some(400),
            "JSON, but not an ErrorBody",
        ),
        (
            None,
            "[1,2]",
            BodyForm::OtherJson,
            None,
            "JSON, but not an object",
        ),
        (
            Some(503),
            "upstream connect error or disconnect/reset before headers",
            BodyForm::Text,
            Some(503),
            "plain text",
        ),
        (
            None,
            "HTTP/1.1 502 Bad Gateway",
            BodyForm::Text,
            Some(502),
            "plain text",
        ),
        (
            None,
            r#""{\"code\":\"not.found\",\"status\":404}""#,
            BodyForm::ErrorBody,
            Some(404),
            "encoded twice",
        ),
        (
            None,
            r#"{"code":"bad.request","status":400,}"#,
            BodyForm::Text,
            Some(400),
            "malformed",
        ),
        (
            Some(502),
            r#"{"code":"bad.request","status":400}"#,
            BodyForm::ErrorBody,
            Some(502),
            "differ",
        ),
        (
            None,
            r#"{"status":0,"message":"x"}"#,
            BodyForm::ErrorBody,
            None,
            "not an HTTP status",
        ),
    ];
    for (status, body, form, found, note) in cases {
        let e = explain(*status, body);
        assert_eq!((e.form, e.status), (*form, *found), "{body}");
        assert!(
            e.notes.iter().any(|n| n.contains(note)),
            "{body}: {:?}",
            e.notes
        );
    }
    let e = explain(Some(503), "upstream connect error\nmore");
    assert_eq!(
        e.errors[0].message.as_deref(),
        Some("upstream connect error")
    );
    let e = explain(None, r#"{"code":"bad.request","status":400,}"#);
    assert_eq!(codes(&e), [Some("bad.request")]);
}

#[test]
fn statuses_in_text() {
    let cases: &[(&str, Option<u16>)] = &[
        ("ApiException: (429)\nReason: Too Many Requests", Some(429)),
        ("HTTP 401 Unauthorized", Some(401)),
        ("got HTTP/2 503 from upstream", Some(503)),
        ("request failed with status code 404", Some(404)),
        ("status: 415", Some(415)),
        ("resp status_code=500", Some(500)),
        ("statusCode 504", Some(504)),
        ("see https://api.mypurecloud.com 443", None),
        ("HTTP response body: nothing", None),
        ("(4000) and status 9999 and (99)", None),
        ("substatus 400", None),
    ];
    for (text, status) in cases {
        assert_eq!(status_in_text(text), *status, "{text}");
    }
}

#[test]
fn nesting_is_guarded() {
    let mut body = String::new();
    for _ in 0..40 {
        body.push_str(r#"{"code":"bad.request","errors":["#);
    }
    body.push_str(&"]}".repeat(40));
    let e = explain(Some(400), &body);
    assert_eq!(e.errors.len(), MAX_DEPTH + 1);
    assert!(
        e.notes.iter().any(|n| n.contains("deeper than 32")),
        "{:?}",
        e.notes
    );
    // Far past serde_json's own limit: no panic, nothing decoded.
    let e = explain(None, &"[".repeat(100_000));
    assert_eq!((e.form, e.errors.len()), (BodyForm::Text, 1));
    assert!(e.notes[0].contains("recursion limit"), "{:?}", e.notes);
    let e = explain(None, &r#"{"a":"#.repeat(100_000));
    assert!(e.errors.iter().all(|x| x.code.is_none()));
}

/// Truncate and mutate a valid body.
fn mutated() -> impl Strategy<Value = String> {
    let edits = proptest::collection::vec(
        (any::<prop::sample::Index>(), any::<char>(), any::<bool>()),
        0..4,
    );
    (any::<prop::sample::Index>(), edits).prop_map(|(cut, edits)| {
        let mut chars: Vec<char> = NESTED_400.chars().collect();
        for (at, c, insert) in edits {
            let i = at.index(chars.len());
            if insert {
                chars.insert(i, c);
            } else {
                chars[i] = c;
            }
        }
        chars.truncate(cut.index(chars.len() + 1));
        chars.into_iter().collect()
    })
}

fn check(body: &str) {
    for status in [None, Some(0), Some(400), Some(u16::MAX)] {
        let e = explain(status, body);
        if let Some(first) = e.errors.first() {
            assert_eq!(first.depth, 0);
        }
        assert!(e.errors.windows(2).all(|w| w[1].depth <= w[0].depth + 1));
        assert!(
            e.errors
                .iter()
                .all(|x| !x.explanation.is_empty() && !x.next_step.is_empty())
        );
    }
}

proptest! {
    #[test]
    fn never_panics_on_strings(body in any::<String>()) {
        check(&body);
    }

    #[test]
    fn never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn never_panics_on_mangled_error_bodies(body in mutated()) {
        check(&body);
    }

    #[test]
    fn never_panics_on_json_ish_text(body in r#"[{}\[\]":,a-z0-9 \\(<>]{0,80}"#) {
        check(&body);
    }
}
