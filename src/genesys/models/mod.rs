//! serde models of the API (§2), with the JSON names of the fact sheet.
//!
//! Read models (conversations, participants, error bodies) keep every field
//! they do not name in `extra`, so reading and re-serializing a server answer
//! loses nothing. Request bodies (`ParticipantAttributes`,
//! `MediaParticipantRequest`, `ConversationSecureAttributes`) are the schema
//! itself and deny unknown fields. A field the server sends as JSON `null`
//! reads as absent.

mod bodies;
mod conversation;
mod error;
mod media;
mod oauth;
mod token;

pub use bodies::{
    ConversationSecureAttributes, MediaParticipantRequest, ParticipantAttributes, WrapupInput,
};
pub use conversation::{Conversation, Participant, Wrapup};
pub use error::{Detail, ErrorBody, Limit};
pub use media::{
    CallConversation, CallMediaParticipant, CallbackConversation, CallbackMediaParticipant,
    DomainEntityRef, EmailConversation, EmailMediaParticipant, MediaConversation,
    MessageConversation, MessageMediaParticipant,
};
pub use oauth::{AuthErrorResponse, AuthResponse};
pub use token::{NamedEntity, TokenInfo};

/// An attribute map: keys to string values (§2, "Value types").
pub type Attributes = std::collections::BTreeMap<String, String>;

/// Fields a read model does not name, kept verbatim.
pub type Extra = serde_json::Map<String, serde_json::Value>;

#[cfg(test)]
mod tests {
    use super::*;

    const CONVERSATION: &str = r#"{
      "id": "3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a",
      "startTime": "2026-11-20T14:02:11.482Z",
      "address": "+13175550123",
      "participants": [
        {
          "id": "b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
          "purpose": "customer",
          "ani": "tel:+13175550188",
          "attributes": {"accountNumber": "884-221", "greeting": "こんにちは"},
          "calls": [{"state": "connected", "id": "c0ffee00-0000-4000-8000-000000000001"}],
          "wrapupPrompt": "optional",
          "flaggedReason": "general",
          "someFutureField": {"nested": [1, true, null]}
        }
      ],
      "recordingState": "ACTIVE",
      "divisions": [{"division": {"id": "d1"}, "entities": []}],
      "selfUri": "/api/v2/conversations/3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a"
    }"#;

    #[test]
    fn a_conversation_round_trips_without_loss() {
        let conversation: Conversation = serde_json::from_str(CONVERSATION).unwrap();
        let participant = &conversation.participants[0];
        assert_eq!(
            participant.attributes.as_ref().unwrap()["greeting"],
            "こんにちは"
        );
        assert_eq!(participant.media_kinds(), ["calls"]);
        assert!(participant.extra.contains_key("someFutureField"));
        let back = serde_json::to_value(&conversation).unwrap();
        let original: serde_json::Value = serde_json::from_str(CONVERSATION).unwrap();
        assert_eq!(back, original);
    }

    #[test]
    fn a_conversation_needs_its_required_fields() {
        let err = serde_json::from_str::<Conversation>(r#"{"id":"x","participants":[]}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("startTime"), "{err}");
    }

    #[test]
    fn media_views_keep_their_own_and_unknown_fields() {
        let text = r#"{
          "id": "c1",
          "participants": [{
            "id": "p1", "purpose": "customer", "state": "connected", "direction": "inbound",
            "attributes": {"a": "1"}, "type": "webmessaging", "toAddress": {"addressNormalized": "x"},
            "user": {"id": "u1", "selfUri": "/api/v2/users/u1", "extraRef": 1},
            "newThing": "kept"
          }],
          "otherMediaUris": []
        }"#;
        let view: MessageConversation = serde_json::from_str(text).unwrap();
        let p = &view.participants.as_ref().unwrap()[0];
        assert_eq!(p.message_type.as_deref(), Some("webmessaging"));
        assert_eq!(
            p.purpose,
            Some(crate::genesys::MediaParticipantPurpose::Customer)
        );
        let original: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_value(&view).unwrap(), original);

        let call: CallConversation = serde_json::from_str(
            r#"{"participants":[{"purpose":"ivr","recordingState":"active","muted":false}],"recordingState":"NONE"}"#,
        )
        .unwrap();
        assert_eq!(call.participants.unwrap()[0].muted, Some(false));
        for text in [
            r#"{"participants":[{"callbackNumbers":["+1"]}]}"#,
            r#"{"participants":[{"subject":"Re: order"}]}"#,
        ] {
            let cb: CallbackConversation = serde_json::from_str(text).unwrap();
            let em: EmailConversation = serde_json::from_str(text).unwrap();
            assert_eq!(
                serde_json::to_string(&cb).unwrap(),
                serde_json::to_string(&em).unwrap()
            );
        }
    }
}
