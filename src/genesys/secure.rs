//! Secure attributes are secrets: their values (payment tokens, PINs) are
//! masked wherever they could be seen or kept, unless the user opts in. This
//! module knows where they travel (the `…/secureattributes` path, §1.5: body
//! `ConversationSecureAttributes {attributes: map<string,string>, version}`)
//! and masks them in a JSON body or a text. Pure: the faces, the history and
//! the exports call it.

use serde_json::Value;

/// What a secure value is shown as: always the same width, so that it does
/// not tell a value's length (nor whether it is empty).
pub const MASK: &str = "••••••";

/// The shortest secure value also blanked where it is quoted in other text
/// (an error message that echoes it). Shorter ones would blank unrelated
/// digits and letters (ids, versions) and say little on their own.
pub const MIN_QUOTED: usize = 3;

/// Whether a URL or path names the conversation's secure attributes:
/// `…/conversations/{conversationId}/secureattributes` (any case, with or
/// without a query).
#[must_use]
pub fn is_secure_path(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path.trim_end_matches('/').rsplit('/');
    let last = segments.next().unwrap_or_default();
    let _id = segments.next();
    last.eq_ignore_ascii_case("secureattributes")
        && segments
            .next()
            .is_some_and(|s| s.eq_ignore_ascii_case("conversations"))
}

/// Masks, in place, every value of every `attributes` object of `body` (at
/// any depth) but the one of `keep`; returns the values masked, to blank
/// where they are quoted elsewhere ([`scrub`]).
pub fn mask_attributes(body: &mut Value, keep: Option<&str>) -> Vec<String> {
    let mut masked = Vec::new();
    mask_in(body, keep, &mut masked);
    masked
}

fn mask_in(value: &mut Value, keep: Option<&str>, masked: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            for (key, value) in object.iter_mut() {
                match value {
                    Value::Object(attributes) if key == "attributes" => {
                        for (name, value) in attributes.iter_mut() {
                            if keep == Some(name.as_str()) {
                                continue;
                            }
                            if let Value::String(text) = value {
                                masked.push(std::mem::take(text));
                            }
                            *value = Value::String(MASK.to_owned());
                        }
                    }
                    _ => mask_in(value, keep, masked),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                mask_in(item, keep, masked);
            }
        }
        _ => {}
    }
}

/// `text` with every quote of a value of `secrets` at least [`MIN_QUOTED`]
/// characters long replaced by [`MASK`], the longest first.
#[must_use]
pub fn scrub(text: &str, secrets: &[String]) -> String {
    let mut sorted: Vec<&String> = secrets
        .iter()
        .filter(|s| s.chars().count() >= MIN_QUOTED)
        .collect();
    sorted.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut out = text.to_owned();
    for secret in sorted {
        if out.contains(secret.as_str()) {
            out = out.replace(secret.as_str(), MASK);
        }
    }
    out
}

/// Every string of a JSON value (keys kept) through [`scrub`].
pub fn scrub_json(value: &mut Value, secrets: &[String]) {
    match value {
        Value::String(text) => {
            let scrubbed = scrub(text, secrets);
            if scrubbed != *text {
                *text = scrubbed;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| scrub_json(v, secrets)),
        Value::Object(object) => object.values_mut().for_each(|v| scrub_json(v, secrets)),
        _ => {}
    }
}

/// The values of the `attributes` objects of a body text (JSON), if any.
#[must_use]
pub fn values_in(text: &str) -> Vec<String> {
    serde_json::from_str::<Value>(text)
        .map(|mut value| mask_attributes(&mut value, None))
        .unwrap_or_default()
}

/// A body text of the secure path as it may be kept or shown: JSON with its
/// attribute values masked and the `secrets` quoted elsewhere blanked
/// (re-encoded only when something changed), or any other text scrubbed.
#[must_use]
pub fn mask_text(text: &str, secrets: &[String]) -> String {
    match serde_json::from_str::<Value>(text) {
        Ok(mut value) => {
            let original = value.clone();
            mask_attributes(&mut value, None);
            scrub_json(&mut value, secrets);
            if value == original {
                text.to_owned()
            } else {
                value.to_string()
            }
        }
        Err(_) => scrub(text, secrets),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_secure_path_is_told_apart_from_every_other() {
        for yes in [
            "/api/v2/conversations/c-1/secureattributes",
            "https://api.mypurecloud.ie/api/v2/conversations/c-1/SecureAttributes?x=1",
            "http://127.0.0.1:1/api/v2/conversations/c-1/secureattributes/",
        ] {
            assert!(is_secure_path(yes), "{yes}");
        }
        for no in [
            "/api/v2/conversations/c-1",
            "/api/v2/conversations/c-1/participants/p/attributes",
            "/api/v2/conversations/c-1/customattributes",
            "/secureattributes",
            "/api/v2/other/c-1/secureattributes",
        ] {
            assert!(!is_secure_path(no), "{no}");
        }
    }

    #[test]
    fn every_value_is_masked_but_the_kept_one_and_the_mask_hides_the_length() {
        let mut body =
            json!({"attributes": {"pin": "4711", "token": "tok_4417_9b2e", "e": ""}, "version": 3});
        let masked = mask_attributes(&mut body, Some("pin"));
        assert_eq!(
            body,
            json!({"attributes": {"pin": "4711", "token": MASK, "e": MASK}, "version": 3})
        );
        assert_eq!(masked, ["", "tok_4417_9b2e"]);
    }

    #[test]
    fn a_quoted_value_is_blanked_in_text_and_short_ones_are_left() {
        let secrets = vec!["tok_4417_9b2e".to_owned(), "12".to_owned()];
        assert_eq!(
            scrub("Value [tok_4417_9b2e] is not valid; version 12", &secrets),
            format!("Value [{MASK}] is not valid; version 12")
        );
        let text = mask_text(
            r#"{"message":"bad tok_4417_9b2e","attributes":{"a":"x"}}"#,
            &secrets,
        );
        assert!(!text.contains("tok_") && !text.contains("\"x\""), "{text}");
        assert_eq!(mask_text("\"2\"", &secrets), "\"2\"");
    }
}
