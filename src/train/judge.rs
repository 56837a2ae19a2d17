//! Expected against actual, for one step: each thing the step expects,
//! what came out, and whether they match. Pure.

use std::collections::BTreeMap;

use serde::Serialize;

use super::predict::Prediction;
use super::scenario::{Expect, Predict};
use crate::genesys::Attributes;

/// What one step produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actual {
    /// The answer's status; `None` when nothing was sent or no answer came.
    pub status: Option<u16>,
    /// The answer's error code.
    pub code: Option<String>,
    /// The attributes afterwards, as a GET shows them.
    pub after: Option<Attributes>,
}

/// One expectation, compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// What is compared: `prediction`, `rule`, `status`, `code`, `attribute KEY`, `absent KEY`.
    pub what: String,
    /// What the scenario expects.
    pub expected: String,
    /// What came out.
    pub actual: String,
    /// Whether they match.
    pub ok: bool,
}

fn compare(what: String, expected: String, actual: String) -> Comparison {
    let ok = expected == actual;
    Comparison {
        what,
        expected,
        actual,
        ok,
    }
}

/// How a value is shown: in clear, or masked (a secure attribute's value
/// never reaches a report in clear).
fn shown(value: Option<&String>, masked: bool) -> String {
    match value {
        None => "(absent)".to_owned(),
        Some(_) if masked => "•••• (secure value)".to_owned(),
        Some(value) => format!("{value:?}"),
    }
}

/// Compares a step's expectations with what came out. `masked` hides the
/// values of secure attributes: a match still says it matched.
#[must_use]
pub fn judge(
    expect: &Expect,
    prediction: &Prediction,
    actual: &Actual,
    masked: bool,
) -> Vec<Comparison> {
    let mut out = Vec::new();
    if let Some(predict) = expect.predict {
        let said = |rejects: bool| if rejects { "reject" } else { "accept" }.to_owned();
        out.push(compare(
            "prediction".to_owned(),
            said(predict == Predict::Reject),
            said(prediction.rejects),
        ));
    }
    for rule in &expect.rules {
        let found = prediction.rules.iter().any(|r| r == rule);
        out.push(Comparison {
            what: "rule".to_owned(),
            expected: rule.clone(),
            actual: if found {
                rule.clone()
            } else {
                format!("not found (found: {})", list(&prediction.rules))
            },
            ok: found,
        });
    }
    if let Some(status) = expect.status {
        out.push(compare(
            "status".to_owned(),
            status.to_string(),
            actual
                .status
                .map_or_else(|| "no answer".to_owned(), |s| s.to_string()),
        ));
    }
    if let Some(code) = &expect.code {
        out.push(compare(
            "code".to_owned(),
            code.clone(),
            actual.code.clone().unwrap_or_else(|| "(none)".to_owned()),
        ));
    }
    let empty = BTreeMap::new();
    let after = actual.after.as_ref().unwrap_or(&empty);
    for (key, value) in &expect.attributes {
        let got = after.get(key);
        out.push(Comparison {
            what: format!("attribute {key}"),
            expected: shown(Some(value), masked),
            actual: shown(got, masked),
            ok: got == Some(value),
        });
    }
    for key in &expect.absent {
        let got = after.get(key);
        out.push(Comparison {
            what: format!("absent {key}"),
            expected: "(absent)".to_owned(),
            actual: shown(got, masked),
            ok: got.is_none(),
        });
    }
    out
}

fn list(rules: &[String]) -> String {
    if rules.is_empty() {
        "none".to_owned()
    } else {
        rules.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prediction(rejects: bool, rules: &[&str]) -> Prediction {
        Prediction {
            verdict: String::new(),
            rejects,
            rules: rules.iter().map(|r| (*r).to_owned()).collect(),
            findings: Vec::new(),
            expected: None,
            request: None,
        }
    }

    #[test]
    fn only_what_is_expected_is_compared() {
        let out = judge(
            &Expect::default(),
            &prediction(true, &[]),
            &Actual::default(),
            false,
        );
        assert!(out.is_empty());
    }

    #[test]
    fn a_status_or_code_that_differs_is_a_mismatch_naming_both() {
        let expect = Expect {
            status: Some(400),
            code: Some("bad.request".into()),
            ..Expect::default()
        };
        let actual = Actual {
            status: Some(202),
            ..Actual::default()
        };
        let out = judge(&expect, &prediction(false, &[]), &actual, false);
        assert_eq!(
            out.iter()
                .map(|c| (
                    c.what.as_str(),
                    c.expected.as_str(),
                    c.actual.as_str(),
                    c.ok
                ))
                .collect::<Vec<_>>(),
            [
                ("status", "400", "202", false),
                ("code", "bad.request", "(none)", false)
            ]
        );
    }

    #[test]
    fn attributes_and_absent_keys_are_checked_against_the_state_after() {
        let expect = Expect {
            attributes: BTreeMap::from([("a".into(), "1".into()), ("b".into(), "2".into())]),
            absent: vec!["gone".into(), "a".into()],
            ..Expect::default()
        };
        let actual = Actual {
            after: Some(Attributes::from([
                ("a".to_owned(), "1".to_owned()),
                ("b".to_owned(), "3".to_owned()),
            ])),
            ..Actual::default()
        };
        let ok: Vec<(String, bool)> = judge(&expect, &prediction(false, &[]), &actual, false)
            .into_iter()
            .map(|c| (c.what, c.ok))
            .collect();
        assert_eq!(
            ok,
            [
                ("attribute a".to_owned(), true),
                ("attribute b".to_owned(), false),
                ("absent gone".to_owned(), true),
                ("absent a".to_owned(), false),
            ]
        );
    }

    #[test]
    fn a_missing_rule_lists_the_rules_found() {
        let expect = Expect {
            predict: Some(Predict::Reject),
            rules: vec!["route/put-on-attributes".into()],
            ..Expect::default()
        };
        let out = judge(
            &expect,
            &prediction(true, &["body/value-not-string"]),
            &Actual::default(),
            false,
        );
        assert!(out[0].ok, "{out:?}");
        assert!(!out[1].ok);
        assert!(out[1].actual.contains("body/value-not-string"), "{out:?}");
    }

    #[test]
    fn secure_values_are_masked_in_the_comparison_but_still_judged() {
        let expect = Expect {
            attributes: BTreeMap::from([("pin".into(), "4321".into())]),
            ..Expect::default()
        };
        let actual = Actual {
            after: Some(Attributes::from([("pin".to_owned(), "1234".to_owned())])),
            ..Actual::default()
        };
        let out = judge(&expect, &prediction(false, &[]), &actual, true);
        assert!(!out[0].ok);
        assert!(!format!("{out:?}").contains("4321") && !format!("{out:?}").contains("1234"));
    }
}
