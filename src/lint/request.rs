//! Reading a request as written: the path without its host, the shape of the
//! path, the content type, and the body as JSON.

use serde_json::Value;

use crate::genesys::{Media, Route, RouteKind, Verb};

/// A request as a person would write it. Nothing is validated yet: the lint
/// reports what is wrong with each part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request<'a> {
    /// The verb, e.g. `PATCH` (any case).
    pub verb: &'a str,
    /// The path (`/api/v2/…`) or a full URL.
    pub path: &'a str,
    /// The `Content-Type` header, if any.
    pub content_type: Option<&'a str>,
    /// The raw body text (empty for none).
    pub body: &'a str,
}

/// What the path is about, read from its segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `…/{media?}/{conversationId}/participants/{participantId}/attributes`
    Attributes(Ids),
    /// `…/{media?}/{conversationId}/participants/{participantId}`
    Participant(Ids),
    /// `…/{conversationId}/secureattributes`
    Secure,
    /// Anything else.
    Other,
}

/// The ids and media segment in a participant path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ids {
    pub media: Option<String>,
    pub conversation: String,
    pub participant: String,
}

impl Ids {
    /// The generic participant-attribute path for these ids.
    pub fn generic_attributes_path(&self) -> String {
        self.attributes_path(None)
    }

    /// The participant-attribute path of a media (the generic one for
    /// `None`, or for a media without a route) for these ids.
    pub fn attributes_path(&self, media: Option<Media>) -> String {
        Route::attributes_for(media)
            .or_else(|| Route::attributes_for(None))
            .map(|route| route.path(&self.conversation, &self.participant))
            .unwrap_or_default()
    }

    /// The generic participant PATCH path for these ids.
    pub fn participant_path(&self) -> String {
        Route::lookup(RouteKind::Participant, Verb::Patch, None)
            .map(|route| route.path(&self.conversation, &self.participant))
            .unwrap_or_default()
    }

    /// The conversation GET path for these ids.
    pub fn conversation_path(&self) -> String {
        Route::lookup(RouteKind::Conversation, Verb::Get, None)
            .map(|route| route.path(&self.conversation, &self.participant))
            .unwrap_or_default()
    }
}

/// The path with its host and query removed, and whether it had `/api/v2`.
pub(crate) struct NormalPath {
    pub path: String,
    pub had_prefix: bool,
}

pub(crate) fn normalize_path(raw: &str) -> NormalPath {
    let mut path = raw.trim();
    if let Some(rest) = path.split_once("://").map(|(_, rest)| rest) {
        path = rest.find('/').map_or("/", |i| &rest[i..]);
    }
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = path.trim_end_matches('/');
    let path = if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    };
    if path.starts_with("/api/v2/") {
        NormalPath {
            path,
            had_prefix: true,
        }
    } else {
        let rest = path.strip_prefix("/v2").unwrap_or(&path);
        NormalPath {
            path: format!("/api/v2{rest}"),
            had_prefix: false,
        }
    }
}

pub(crate) fn shape(path: &str) -> Shape {
    let Some(rest) = path.strip_prefix("/api/v2/conversations/") else {
        return Shape::Other;
    };
    let segments: Vec<&str> = rest.split('/').collect();
    let ids = |media_len: usize| Ids {
        media: (media_len == 1).then(|| segments[0].to_owned()),
        conversation: segments[media_len].to_owned(),
        participant: segments[media_len + 2].to_owned(),
    };
    match segments.as_slice() {
        [.., "participants", _, "attributes"] if matches!(segments.len(), 4 | 5) => {
            Shape::Attributes(ids(segments.len() - 4))
        }
        [.., "participants", _] if matches!(segments.len(), 3 | 4) => {
            Shape::Participant(ids(segments.len() - 3))
        }
        [_, "secureattributes"] => Shape::Secure,
        _ => Shape::Other,
    }
}

/// A segment that is a template placeholder rather than an id.
pub(crate) fn is_placeholder(segment: &str) -> bool {
    segment.contains(['{', '}', '<', '>']) || segment.starts_with(':') || segment.starts_with('$')
}

/// A UUID in its usual 8-4-4-4-12 hex form.
#[must_use]
pub fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The body read as JSON.
pub(crate) enum Body {
    /// Empty or white space only.
    Empty,
    /// Valid JSON.
    Json(Value),
    /// Not JSON: serde's message and where.
    Malformed {
        message: String,
        line: usize,
        column: usize,
    },
}

pub(crate) fn parse_body(text: &str) -> Body {
    if text.trim().is_empty() {
        return Body::Empty;
    }
    match serde_json::from_str(text) {
        Ok(value) => Body::Json(value),
        Err(err) => {
            let message = err.to_string();
            // serde_json appends " at line L column C"; the location is reported apart.
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_owned();
            Body::Malformed {
                message,
                line: err.line(),
                column: err.column(),
            }
        }
    }
}

/// The media type of a content type, lower-cased, without parameters.
pub(crate) fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

pub(crate) fn parse_verb(verb: &str) -> Option<Verb> {
    verb.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_read_with_or_without_host() {
        for (raw, path, prefix) in [
            (
                "/api/v2/conversations/c/participants/p/attributes",
                "/api/v2/conversations/c/participants/p/attributes",
                true,
            ),
            (
                "https://api.mypurecloud.com/api/v2/conversations/c?x=1",
                "/api/v2/conversations/c",
                true,
            ),
            ("api/v2/conversations/c/", "/api/v2/conversations/c", true),
            ("/conversations/c", "/api/v2/conversations/c", false),
            ("/v2/conversations/c", "/api/v2/conversations/c", false),
        ] {
            let normal = normalize_path(raw);
            assert_eq!(
                (normal.path.as_str(), normal.had_prefix),
                (path, prefix),
                "{raw}"
            );
        }
    }

    #[test]
    fn shapes_are_read_from_segments() {
        let ids = |media: Option<&str>| Ids {
            media: media.map(str::to_owned),
            conversation: "c".into(),
            participant: "p".into(),
        };
        assert_eq!(
            shape("/api/v2/conversations/c/participants/p/attributes"),
            Shape::Attributes(ids(None))
        );
        assert_eq!(
            shape("/api/v2/conversations/voice/c/participants/p/attributes"),
            Shape::Attributes(ids(Some("voice")))
        );
        assert_eq!(
            shape("/api/v2/conversations/calls/c/participants/p"),
            Shape::Participant(ids(Some("calls")))
        );
        assert_eq!(
            shape("/api/v2/conversations/c/secureattributes"),
            Shape::Secure
        );
        assert_eq!(shape("/api/v2/conversations/c"), Shape::Other);
    }

    #[test]
    fn uuids_and_placeholders() {
        assert!(is_uuid("3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a"));
        assert!(!is_uuid("3c3f4a8e7d0c4b8e9a560f1e2d3c4b5a"));
        assert!(!is_uuid("12345"));
        for p in [
            "{conversationId}",
            "{{conversationId}}",
            ":id",
            "<id>",
            "${id}",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
    }

    #[test]
    fn malformed_bodies_report_line_and_column() {
        let Body::Malformed {
            line,
            column,
            message,
        } = parse_body("{\n  \"attributes\": {\"a\": \"1\",}\n}")
        else {
            panic!("parsed")
        };
        assert_eq!((line, column), (2, 27));
        assert!(message.contains("trailing comma"), "{message}");
    }
}
