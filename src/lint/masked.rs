//! Findings as they may be shown for a request to the secure attributes:
//! every attribute value of its body (strings, and numbers or booleans sent
//! by mistake) masked in the corrected bodies and blanked wherever a message
//! quotes it (§1.5; the values are payment tokens and PINs).

use std::sync::Arc;

use serde_json::Value;

use super::Finding;
use crate::genesys::secure::{MASK, mask_attributes, scrub, scrub_json};

/// The attribute values of a secure body's text, as written (a number as
/// its digits), to blank where they are quoted.
#[must_use]
pub fn secure_values(body: &str) -> Vec<String> {
    let Ok(value) = serde_json::from_str::<Value>(body) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    collect(&value, &mut out);
    out
}

fn collect(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            for (key, value) in object {
                match value {
                    Value::Object(attributes) if key == "attributes" => {
                        for value in attributes.values() {
                            match value {
                                Value::String(text) => out.push(text.clone()),
                                Value::Number(_) | Value::Bool(_) => out.push(value.to_string()),
                                _ => {}
                            }
                        }
                    }
                    _ => collect(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
        _ => {}
    }
}

/// The findings with the body's secure values masked: their texts scrubbed
/// and each corrected body masked (once per shared body, so the findings
/// still share one).
#[must_use]
pub fn masked(findings: &[Finding], body: &str) -> Vec<Finding> {
    let secrets = secure_values(body);
    let mut bodies: Vec<(*const Value, Arc<Value>)> = Vec::new();
    findings
        .iter()
        .map(|finding| {
            let mut finding = finding.clone();
            finding.message = scrub(&finding.message, &secrets);
            finding.explanation = scrub(&finding.explanation, &secrets);
            if let Some(fix) = &mut finding.fix {
                fix.summary = scrub(&fix.summary, &secrets);
                if let Some(body) = &fix.body {
                    let key = Arc::as_ptr(body);
                    let shown = if let Some((_, shown)) = bodies.iter().find(|(k, _)| *k == key) {
                        Arc::clone(shown)
                    } else {
                        let mut copy = (**body).clone();
                        mask_attributes(&mut copy, None);
                        scrub_json(&mut copy, &secrets);
                        let shown = Arc::new(copy);
                        bodies.push((key, Arc::clone(&shown)));
                        shown
                    };
                    fix.body = Some(shown);
                }
            }
            finding
        })
        .collect()
}

/// A body text to the secure attributes as it may be shown: its attribute
/// values masked (numbers too), the rest as written when it is not JSON.
#[must_use]
pub fn masked_body(body: &str) -> String {
    let secrets = secure_values(body);
    match serde_json::from_str::<Value>(body) {
        Ok(mut value) => {
            mask_attributes(&mut value, None);
            scrub_json(&mut value, &secrets);
            serde_json::to_string_pretty(&value).unwrap_or_else(|_| MASK.to_owned())
        }
        Err(_) => scrub(body, &secrets),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Request, lint};

    const PATH: &str =
        "/api/v2/conversations/3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a/secureattributes";

    #[test]
    fn no_secure_value_survives_in_the_findings_of_a_secure_body() {
        let body = r#"{"attributes": {"pin": 98765, "cardToken": "tok_secret_4242", "ok": true}, "version": 2}"#;
        let findings = lint(&Request {
            verb: "PUT",
            path: PATH,
            content_type: Some("application/json"),
            body,
        });
        assert!(!findings.is_empty());
        let shown = serde_json::to_string(&masked(&findings, body)).unwrap();
        for secret in ["98765", "tok_secret_4242"] {
            assert!(
                serde_json::to_string(&findings).unwrap().contains(secret),
                "the unmasked findings quote {secret}, so this test can fail"
            );
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
    }

    #[test]
    fn findings_that_shared_a_corrected_body_still_share_one() {
        let body = r#"{"attributes": {"a": 1, "b": 2}, "version": 2}"#;
        let findings = lint(&Request {
            verb: "PUT",
            path: PATH,
            content_type: Some("application/json"),
            body,
        });
        let shown = masked(&findings, body);
        let bodies: Vec<&Arc<Value>> = shown
            .iter()
            .filter_map(|f| f.fix.as_ref()?.body.as_ref())
            .collect();
        assert!(bodies.len() >= 2, "{shown:#?}");
        assert!(bodies.windows(2).all(|w| Arc::ptr_eq(w[0], w[1])));
    }

    #[test]
    fn a_shown_secure_body_has_its_values_masked() {
        let shown =
            masked_body(r#"{"attributes": {"pin": 98765, "t": "tok_secret_4242"}, "version": 3}"#);
        assert!(
            !shown.contains("98765") && !shown.contains("tok_secret_4242"),
            "{shown}"
        );
        assert!(shown.contains("\"version\": 3"), "{shown}");
    }
}
