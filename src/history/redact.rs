//! Redaction of an exchange before it is written to the history, in depth:
//! exchanges are redacted at the source, and this module redacts again what
//! could carry a secret (headers, bodies, URL queries). Secure-attribute
//! values, which an exchange keeps in memory, are masked here first.

use serde_json::Value;

use crate::api::{Exchange, redact_header};

/// Fields of bodies and URL queries whose values are never written.
const SECRET_FIELDS: [&str; 5] = [
    "access_token",
    "refresh_token",
    "id_token",
    "client_secret",
    "password",
];
/// What replaces a secret.
const REDACTED: &str = "<redacted>";

/// The most of each body the history keeps; the rest is cut, marked with the
/// body's size, so that one huge answer cannot fill the disk.
pub(super) const MAX_STORED_BODY: usize = 64 * 1024;

/// A body cut to [`MAX_STORED_BODY`] bytes (at a character boundary), with a
/// marker that gives its original size.
fn truncated(body: String) -> String {
    if body.len() <= MAX_STORED_BODY {
        return body;
    }
    let mut end = MAX_STORED_BODY;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    format!(
        "{}…[truncated by gc-attrs: {} bytes in all]",
        &body[..end],
        body.len()
    )
}

/// The exchange as it may be written: secure-attribute values masked
/// ([`Exchange::masked`]: never stored, whatever the display settings),
/// headers, bodies and URL redacted again, and bodies cut to
/// [`MAX_STORED_BODY`].
pub(super) fn exchange(exchange: &Exchange) -> Exchange {
    let exchange = &exchange.masked();
    let headers = |list: &[(String, String)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(name, value)| (name.clone(), redact_header_strictly(name, value)))
            .collect()
    };
    Exchange {
        url: redact_url(&exchange.url),
        request_headers: headers(&exchange.request_headers),
        request_body: exchange
            .request_body
            .as_deref()
            .map(|body| truncated(redact_body(body))),
        response_headers: headers(&exchange.response_headers),
        response_body: truncated(redact_body(&exchange.response_body)),
        // A decoded error of a body too large to keep is not kept either.
        error_body: exchange
            .error_body
            .clone()
            .filter(|_| exchange.response_body.len() <= MAX_STORED_BODY),
        ..exchange.clone()
    }
}

/// [`redact_header`], and an `Authorization` whose first word is no known
/// scheme (a bare token) loses that word too.
fn redact_header_strictly(name: &str, value: &str) -> String {
    const SCHEMES: [&str; 6] = ["Bearer", "Basic", "Digest", "Negotiate", "NTLM", "Token"];
    if !(name.eq_ignore_ascii_case("authorization")
        || name.eq_ignore_ascii_case("proxy-authorization"))
    {
        return redact_header(name, value);
    }
    let scheme = value.split_whitespace().next().unwrap_or("");
    match SCHEMES.iter().find(|s| s.eq_ignore_ascii_case(scheme)) {
        Some(known) => format!("{known} {REDACTED}"),
        None => REDACTED.to_owned(),
    }
}

/// A body with its secret fields redacted: JSON at any depth, or anything
/// with a secret `key=value` pair (a form), re-encoded as a form. Anything
/// else is kept byte for byte.
fn redact_body(body: &str) -> String {
    if let Ok(mut value) = serde_json::from_str::<Value>(body) {
        return if redact_json(&mut value) {
            value.to_string()
        } else {
            body.to_owned()
        };
    }
    if has_secret_pair(body) {
        return redact_pairs(body);
    }
    body.to_owned()
}

/// Redacts secret fields in place, at any depth; whether any was found.
fn redact_json(value: &mut Value) -> bool {
    let mut found = false;
    match value {
        Value::Object(object) => {
            for (key, value) in object.iter_mut() {
                if is_secret(key) {
                    *value = Value::String(REDACTED.into());
                    found = true;
                } else {
                    found |= redact_json(value);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                found |= redact_json(item);
            }
        }
        _ => {}
    }
    found
}

fn is_secret(key: &str) -> bool {
    SECRET_FIELDS.iter().any(|s| s.eq_ignore_ascii_case(key))
}

fn has_secret_pair(form: &str) -> bool {
    url::form_urlencoded::parse(form.as_bytes()).any(|(key, _)| is_secret(&key))
}

fn redact_pairs(form: &str) -> String {
    let pairs = url::form_urlencoded::parse(form.as_bytes()).map(|(key, value)| {
        let value = if is_secret(&key) {
            REDACTED.into()
        } else {
            value
        };
        (key, value)
    });
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// A URL with secret query fields redacted.
fn redact_url(text: &str) -> String {
    match url::Url::parse(text) {
        Ok(mut parsed) if parsed.query().is_some_and(has_secret_pair) => {
            let query = redact_pairs(parsed.query().unwrap_or_default());
            parsed.set_query(Some(&query));
            parsed.to_string()
        }
        _ => text.to_owned(),
    }
}
