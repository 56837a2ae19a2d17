//! Every rule: a realistic bad request that triggers it, and the corrected
//! request that lints clean. Applying the finding's own fix must clear it.

use super::*;

mod cases;
mod linear;
mod routes;

use cases::{cases, snippet_cases};

pub(super) const C: &str = "3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a";
pub(super) const P: &str = "b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
pub(super) const JSON: Option<&str> = Some("application/json");

pub(super) struct Req {
    pub(super) verb: &'static str,
    pub(super) path: String,
    pub(super) content_type: Option<&'static str>,
    pub(super) body: String,
}

impl Req {
    fn lint(&self) -> Vec<Finding> {
        lint(&Request {
            verb: self.verb,
            path: &self.path,
            content_type: self.content_type,
            body: &self.body,
        })
    }

    /// The request with a fix applied.
    fn fixed(&self, fix: &Fix) -> Req {
        Req {
            verb: fix.verb.map_or(self.verb, Verb::as_str),
            path: fix.path.clone().unwrap_or_else(|| self.path.clone()),
            content_type: if fix.content_type.is_some() {
                JSON
            } else {
                self.content_type
            },
            body: fix
                .body
                .as_ref()
                .map_or_else(|| self.body.clone(), ToString::to_string),
        }
    }
}

pub(super) fn req(
    verb: &'static str,
    path: &str,
    content_type: Option<&'static str>,
    body: &str,
) -> Req {
    Req {
        verb,
        path: path.replace("{C}", C).replace("{P}", P),
        content_type,
        body: body.to_owned(),
    }
}

pub(super) fn patch(path: &str, body: &str) -> Req {
    req("PATCH", path, JSON, body)
}

pub(super) const ATTRS: &str = "/api/v2/conversations/{C}/participants/{P}/attributes";
pub(super) const GOOD: &str = r#"{"attributes": {"intent": "billing"}}"#;

fn rules_of(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.rule).collect()
}

#[test]
fn each_bad_request_triggers_its_rule_and_the_corrected_one_is_clean() {
    for (rule, bad, good) in cases() {
        let found = bad.lint();
        assert!(
            rules_of(&found).contains(&rule),
            "{rule}: {} {} {}\n got {:#?}",
            bad.verb,
            bad.path,
            bad.body,
            rules_of(&found)
        );
        let clean = good.lint();
        assert!(
            clean.is_empty(),
            "{rule}: corrected {} {} {} still has {clean:#?}",
            good.verb,
            good.path,
            good.body
        );
    }
}

#[test]
fn applying_a_findings_fix_clears_that_finding() {
    for (rule, bad, _) in cases() {
        for finding in bad.lint().iter().filter(|f| f.rule == rule) {
            let Some(fix) = &finding.fix else { continue };
            if fix.verb.is_none()
                && fix.path.is_none()
                && fix.content_type.is_none()
                && fix.body.is_none()
            {
                continue; // advice only, e.g. "replace the placeholder with the real id"
            }
            let after = bad.fixed(fix).lint();
            assert!(
                !after
                    .iter()
                    .any(|f| f.rule == rule && f.location == finding.location),
                "{rule}: the fix {fix:#?} leaves {after:#?}"
            );
        }
    }
}

#[test]
fn each_snippet_claim_is_found_and_the_corrected_text_is_clean() {
    for (rule, bad, good) in snippet_cases() {
        assert!(
            rules_of(&check_snippet(bad)).contains(&rule),
            "{rule}: {bad}"
        );
        assert_eq!(check_snippet(good), [], "{rule}: {good}");
    }
}

#[test]
fn every_rule_has_a_case() {
    let mut covered: Vec<&str> = cases().iter().map(|(rule, _, _)| *rule).collect();
    covered.extend(snippet_cases().iter().map(|(rule, _, _)| *rule));
    for rule in rules::ALL {
        assert!(covered.contains(&rule.id), "no test case for {}", rule.id);
        assert_eq!(Rule::by_id(rule.id), Some(*rule));
    }
}

#[test]
fn findings_carry_severity_location_evidence_and_fix() {
    let bad = patch(ATTRS, r#"{"customAttributes": {"score": 42}}"#);
    let found = bad.lint();
    let unknown = found.iter().find(|f| f.rule == "body/unknown-key").unwrap();
    assert_eq!(unknown.severity, Severity::LikelyReject);
    assert_eq!(
        unknown.location,
        Location::Pointer {
            pointer: "/customAttributes".into()
        }
    );
    assert_eq!(unknown.evidence, Evidence::assumed("§6.4"));
    assert!(
        unknown.explanation.contains("/customattributes"),
        "{}",
        unknown.explanation
    );
    assert!(unknown.message.contains("customAttributes"));
    assert_eq!(
        unknown.fix.as_ref().unwrap().body.as_deref(),
        Some(&serde_json::json!({"attributes": {"score": "42"}}))
    );

    let put = req("PUT", ATTRS, JSON, GOOD).lint();
    assert_eq!(put[0].severity, Severity::Reject);
    assert_eq!(put[0].evidence.to_string(), "documented, fact sheet §1.4");

    let Location::LineColumn { line, column } =
        patch(ATTRS, "{\n  \"attributes\": {\"a\": \"1\",}\n}").lint()[0].location
    else {
        panic!("no line/column");
    };
    assert_eq!((line, column), (2, 27));
}

#[test]
fn findings_are_sorted_most_severe_first() {
    let found = req(
        "PUT",
        "/api/v2/conversations/{C}/participants/{P}/attributes",
        None,
        r#"{"attributes": {"a": 1, " b": "x"}}"#,
    )
    .lint();
    let severities: Vec<Severity> = found.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(severities, sorted);
    assert_eq!(found.len(), 4, "{:#?}", rules_of(&found));
}

#[test]
fn nothing_panics_on_odd_input() {
    for body in [
        "",
        " ",
        "null",
        "0",
        "[]",
        "[1]",
        "{\"attributes\":{\"\":null}}",
        "\u{feff}{}",
        "{\"a\":",
        "}{",
    ] {
        for path in [
            "",
            "/",
            "https://",
            "/api/v2/conversations//participants//attributes",
            "::",
            "/api/v2/conversations/x/participants",
        ] {
            for verb in ["PATCH", "PUT", "GET", "", "patch"] {
                let _ = lint(&Request {
                    verb,
                    path,
                    content_type: Some(""),
                    body,
                });
            }
        }
    }
}

#[test]
fn a_bad_id_gets_a_fix_that_names_where_that_id_comes_from() {
    let found = patch(
        "/api/v2/conversations/abc/participants/def/attributes",
        GOOD,
    )
    .lint();
    let fixes: Vec<&str> = found
        .iter()
        .filter(|f| f.rule == "route/id-not-uuid")
        .map(|f| f.fix.as_ref().unwrap().summary.as_str())
        .collect();
    assert_eq!(fixes.len(), 2);
    assert!(
        fixes[0].contains("conversation id from the interaction"),
        "{}",
        fixes[0]
    );
    assert!(fixes[1].contains("participants[].id"), "{}", fixes[1]);
}

mod parsed {
    //! [`lint_json`] of a body says what [`lint`] of its text says.

    use proptest::prelude::*;
    use serde_json::{Map, Value, json};

    use super::*;

    // A small key space: case collisions, white space, empty and escaped keys.
    fn key() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "a", "A", "b", " a", "a ", "", "ключ", "КЛЮЧ", "k/1", "ǅ", "ǆ", "version", "data",
        ])
        .prop_map(str::to_owned)
    }

    fn value() -> impl Strategy<Value = Value> {
        prop_oneof![
            4 => "[a-z ]{0,4}".prop_map(Value::from),
            1 => Just(Value::from("é".repeat(200))),
            1 => Just(Value::from("x".repeat(257))),
            1 => Just(Value::Null),
            1 => (0..5).prop_map(Value::from),
            1 => Just(json!({"n": [true]})),
        ]
    }

    fn map() -> impl Strategy<Value = Map<String, Value>> {
        prop::collection::btree_map(key(), value(), 0..8).prop_map(|m| m.into_iter().collect())
    }

    fn body() -> impl Strategy<Value = Value> {
        prop_oneof![
            4 => map().prop_map(|m| json!({ "attributes": m })),
            2 => (map(), 0..9i64).prop_map(|(m, v)| json!({ "attributes": m, "version": v })),
            1 => map().prop_map(Value::Object),
            1 => Just(json!({"attributes": null})),
            1 => Just(json!([{"op": "add", "path": "/a", "value": "1"}])),
            1 => Just(json!("text")),
        ]
    }

    fn path() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            format!("/api/v2/conversations/{C}/participants/{P}/attributes"),
            format!("/api/v2/conversations/calls/{C}/participants/{P}/attributes"),
            format!("/api/v2/conversations/cobrowsesessions/{C}/participants/{P}/attributes"),
            format!("/api/v2/conversations/{C}/participants/{P}"),
            format!("/api/v2/conversations/{C}/secureattributes"),
            format!("/api/v2/conversations/{C}"),
            "/api/v2/users/me".to_owned(),
        ])
    }

    proptest! {
        #[test]
        fn linting_a_parsed_body_finds_what_linting_its_text_finds(
            verb in prop::sample::select(vec!["PATCH", "PUT", "POST", "GET"]),
            path in path(),
            body in body(),
        ) {
            let text = body.to_string();
            let from_text = lint(&Request { verb, path: &path, content_type: JSON, body: &text });
            prop_assert_eq!(lint_json(verb, &path, JSON, &body), from_text);
        }
    }
}

#[test]
fn a_sent_key_colliding_by_case_with_a_kept_one_is_found_whichever_has_the_capitals() {
    let map = |keys: &[&str]| -> crate::genesys::Attributes {
        keys.iter()
            .map(|k| ((*k).to_owned(), "v".to_owned()))
            .collect()
    };
    let found = |sent: &[&str], after: &[&str]| -> Vec<String> {
        crate::lint::kept_case_collisions(&map(sent), &map(after))
            .into_iter()
            .map(|f| f.message)
            .collect()
    };
    // The capitals on the kept key.
    assert_eq!(
        found(&["a", "ivrpath"], &["a", "IvrPath", "ivrpath", "z"]).len(),
        1
    );
    // On the sent key.
    assert_eq!(found(&["IVRPATH"], &["IVRPATH", "b", "ivrpath"]).len(), 1);
    // Non-ASCII letters fold too.
    assert_eq!(
        found(&["straße"], &["STRASSE", "Straße", "straße"]).len(),
        1
    );
    // Lower-case keys alone never collide, and a key sent is not kept.
    assert!(found(&["a", "b"], &["a", "b", "c"]).is_empty());
    assert!(found(&["Ab"], &["Ab"]).is_empty());
}
