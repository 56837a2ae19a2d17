//! Request bodies: the schema itself, so unknown fields are an error.

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Attributes;

/// `ParticipantAttributes` (§2): the body of every participant-attribute PATCH,
/// and the response of the media-specific ones. Its only field is `attributes`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantAttributes {
    /// "The map of attribute keys to values." Optional in the schema.
    pub attributes: Option<Attributes>,
}

/// `ConversationSecureAttributes` (§1.5): body and answer of
/// `…/conversations/{id}/secureattributes`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConversationSecureAttributes {
    /// The secure attributes.
    pub attributes: Option<Attributes>,
    /// "Used to detect conflicting updates when using PUT. Not used for PATCH."
    pub version: Option<i64>,
}

/// `MediaParticipantRequest` (§2): the body of the participant PATCH. It has
/// **no** `attributes` field.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MediaParticipantRequest {
    /// Wrap-up to set.
    pub wrapup: Option<WrapupInput>,
    /// The description says "connected" or "disconnected"; the enum is the
    /// full CommunicationState list.
    pub state: Option<super::super::CommunicationState>,
    /// Recording on or off.
    pub recording: Option<bool>,
    /// Muted.
    pub muted: Option<bool>,
    /// Confined.
    pub confined: Option<bool>,
    /// Held.
    pub held: Option<bool>,
    /// Wrap-up skipped.
    pub wrapup_skipped: Option<bool>,
    /// For parked communications (ISO-8601 date-time).
    pub resume_time: Option<String>,
}

impl MediaParticipantRequest {
    /// The JSON names of every field, for messages and suggestions.
    pub const FIELDS: &'static [&'static str] = &[
        "wrapup",
        "state",
        "recording",
        "muted",
        "confined",
        "held",
        "wrapupSkipped",
        "resumeTime",
    ];
}

/// `WrapupInput` (§2), all fields optional.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WrapupInput {
    /// Wrap-up code id.
    pub code: Option<String>,
    /// Wrap-up code name.
    pub name: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Tags.
    pub tags: Option<Vec<String>>,
    /// Duration in seconds.
    pub duration_seconds: Option<i64>,
    /// End time (ISO-8601 date-time).
    pub end_time: Option<String>,
    /// Provisional wrap-up.
    pub provisional: Option<bool>,
    /// Disable end-time updates.
    pub disable_end_time_updates: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participant_attributes_has_only_attributes() {
        let body: ParticipantAttributes =
            serde_json::from_str(r#"{"attributes":{"a":"1"}}"#).unwrap();
        assert_eq!(body.attributes.unwrap()["a"], "1");
        let err = serde_json::from_str::<ParticipantAttributes>(r#"{"type":"contact"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `type`"), "{err}");
        // Values are strings only (§2, "Value types").
        assert!(
            serde_json::from_str::<ParticipantAttributes>(r#"{"attributes":{"a":1}}"#).is_err()
        );
    }

    #[test]
    fn media_participant_request_has_no_attributes() {
        let err = serde_json::from_str::<MediaParticipantRequest>(r#"{"attributes":{}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `attributes`"), "{err}");
        let ok: MediaParticipantRequest = serde_json::from_str(
            r#"{"wrapup":{"code":"c1","durationSeconds":5},"wrapupSkipped":false}"#,
        )
        .unwrap();
        assert_eq!(ok.wrapup.unwrap().duration_seconds, Some(5));
        assert_eq!(
            serde_json::to_string(&MediaParticipantRequest {
                held: Some(true),
                ..Default::default()
            })
            .unwrap(),
            r#"{"held":true}"#
        );
    }

    #[test]
    fn secure_attributes_carry_a_version() {
        let body: ConversationSecureAttributes =
            serde_json::from_str(r#"{"attributes":{"pin":"1234"},"version":3}"#).unwrap();
        assert_eq!(body.version, Some(3));
    }
}
