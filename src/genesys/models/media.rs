//! The per-media conversation views (§2): `GET /api/v2/conversations/{calls,
//! callbacks,emails,messages}/{id}`. Their participants are flat, per-media
//! records; fields of each view beyond those named here stay in `extra`.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;

use super::{Attributes, Extra, Wrapup};
use crate::genesys::{
    CommunicationState, ConversationRecordingState, Direction, DisconnectType, FlaggedReason,
    MediaParticipantPurpose, MediaRecordingState,
};

/// A reference to another entity.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainEntityRef {
    /// Entity id.
    pub id: Option<String>,
    /// Entity name.
    pub name: Option<String>,
    /// Entity URI.
    pub self_uri: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Declares a media participant: the fields every media participant shares
/// ([PY] `docs/{Call,Callback,Email,Message}MediaParticipant.md`), then its own.
macro_rules! media_participant {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty,)* }) => {
        $(#[$meta])*
        #[skip_serializing_none]
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            /// Participant id.
            pub id: Option<String>,
            /// Display name.
            pub name: Option<String>,
            /// Address.
            pub address: Option<String>,
            /// ISO-8601 date-time.
            pub start_time: Option<String>,
            /// ISO-8601 date-time.
            pub start_alerting_time: Option<String>,
            /// ISO-8601 date-time.
            pub connected_time: Option<String>,
            /// ISO-8601 date-time.
            pub end_time: Option<String>,
            /// ISO-8601 date-time.
            pub start_hold_time: Option<String>,
            /// agent, user, customer, external, acd or ivr.
            pub purpose: Option<MediaParticipantPurpose>,
            /// The communication state.
            pub state: Option<CommunicationState>,
            /// inbound or outbound.
            pub direction: Option<Direction>,
            /// Why the participant was disconnected.
            pub disconnect_type: Option<DisconnectType>,
            /// On hold.
            pub held: Option<bool>,
            /// Wrap-up required.
            pub wrapup_required: Option<bool>,
            /// Wrap-up prompt (a plain string in the media views).
            pub wrapup_prompt: Option<String>,
            /// Media roles.
            pub media_roles: Option<Vec<String>>,
            /// The user.
            pub user: Option<DomainEntityRef>,
            /// The queue.
            pub queue: Option<DomainEntityRef>,
            /// The team.
            pub team: Option<DomainEntityRef>,
            /// "A list of ad-hoc attributes": keys to string values.
            pub attributes: Option<Attributes>,
            /// Error details, kept as JSON.
            pub error_info: Option<Value>,
            /// The script.
            pub script: Option<DomainEntityRef>,
            /// Wrap-up timeout in milliseconds.
            pub wrapup_timeout_ms: Option<i64>,
            /// Wrap-up skipped.
            pub wrapup_skipped: Option<bool>,
            /// Alerting timeout in milliseconds.
            pub alerting_timeout_ms: Option<i64>,
            /// Source provider.
            pub provider: Option<String>,
            /// External contact.
            pub external_contact: Option<DomainEntityRef>,
            /// External contact initial division.
            pub external_contact_initial_division_id: Option<String>,
            /// External organization.
            pub external_organization: Option<DomainEntityRef>,
            /// Wrap-up.
            pub wrapup: Option<Wrapup>,
            /// Matching leg.
            pub peer: Option<String>,
            /// Flagged reason.
            pub flagged_reason: Option<FlaggedReason>,
            /// Journey context, kept as JSON.
            pub journey_context: Option<Value>,
            /// Routing data, kept as JSON.
            pub conversation_routing_data: Option<Value>,
            /// ISO-8601 date-time.
            pub start_acw_time: Option<String>,
            /// ISO-8601 date-time.
            pub end_acw_time: Option<String>,
            /// ISO-8601 date-time.
            pub park_time: Option<String>,
            /// ISO-8601 date-time.
            pub resume_time: Option<String>,
            $($(#[$fmeta])* pub $field: $ty,)*
            /// Fields not named above.
            #[serde(flatten)]
            pub extra: Extra,
        }
    };
}

media_participant! {
    /// A participant of a [`CallConversation`].
    CallMediaParticipant {
        /// Muted.
        muted: Option<bool>,
        /// Confined.
        confined: Option<bool>,
        /// Recording.
        recording: Option<bool>,
        /// none, active or paused.
        recording_state: Option<MediaRecordingState>,
        /// The group.
        group: Option<DomainEntityRef>,
        /// ANI.
        ani: Option<String>,
        /// DNIS.
        dnis: Option<String>,
        /// ISO-8601 date-time.
        barged_time: Option<String>,
        /// Secure pause.
        secure_pause: Option<bool>,
        /// UUI data.
        uui_data: Option<String>,
        /// Disposition, kept as JSON.
        disposition: Option<Value>,
    }
}

media_participant! {
    /// A participant of a [`MessageConversation`].
    MessageMediaParticipant {
        /// Receiving address, kept as JSON.
        to_address: Option<Value>,
        /// Sending address, kept as JSON.
        from_address: Option<Value>,
        /// Message details, kept as JSON.
        messages: Option<Vec<Value>>,
        /// Message platform: sms, webmessaging, open, whatsapp, …
        #[serde(rename = "type")]
        message_type: Option<String>,
        /// ISO 3166-1 alpha-2 country.
        recipient_country: Option<String>,
        /// Recipient type.
        recipient_type: Option<String>,
        /// Authenticated.
        authenticated: Option<bool>,
        /// Monitored participant.
        monitored_participant_id: Option<String>,
    }
}

media_participant! {
    /// A participant of an [`EmailConversation`].
    EmailMediaParticipant {
        /// Subject.
        subject: Option<String>,
        /// Messages sent.
        messages_sent: Option<i64>,
        /// Auto-generated (e.g. an out-of-office reply).
        auto_generated: Option<bool>,
        /// Marked as spam.
        spam: Option<bool>,
        /// Stored content id.
        message_id: Option<String>,
    }
}

media_participant! {
    /// A participant of a [`CallbackConversation`].
    CallbackMediaParticipant {
        /// Numbers to call back.
        callback_numbers: Option<Vec<String>>,
        /// Name of the callback target.
        callback_user_name: Option<String>,
        /// External dialing.
        external_campaign: Option<bool>,
        /// Can be skipped.
        skip_enabled: Option<bool>,
        /// Seconds before auto-dial.
        timeout_seconds: Option<i64>,
        /// Automated callback config.
        automated_callback_config_id: Option<String>,
        /// ISO-8601 date-time.
        callback_scheduled_time: Option<String>,
    }
}

/// `GET /api/v2/conversations/calls/{id}`. All fields optional.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallConversation {
    /// Conversation id.
    pub id: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Participants.
    pub participants: Option<Vec<CallMediaParticipant>>,
    /// Other media.
    pub other_media_uris: Option<Vec<String>>,
    /// Recent transfers, kept as JSON.
    pub recent_transfers: Option<Vec<Value>>,
    /// Utilization label.
    pub utilization_label_id: Option<String>,
    /// ISO-8601 date-time.
    pub inactivity_timeout: Option<String>,
    /// Divisions, kept as JSON.
    pub divisions: Option<Vec<Value>>,
    /// ACTIVE, PAUSED or NONE.
    pub recording_state: Option<ConversationRecordingState>,
    /// Maximum participants.
    pub max_participants: Option<i64>,
    /// Secure pause.
    pub secure_pause: Option<bool>,
    /// URI.
    pub self_uri: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The message, email and callback views share their conversation fields
/// and differ by participant type.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MediaConversation<P> {
    /// Conversation id.
    pub id: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Participants.
    pub participants: Option<Vec<P>>,
    /// Other media.
    pub other_media_uris: Option<Vec<String>>,
    /// Recent transfers (at most 20), kept as JSON.
    pub recent_transfers: Option<Vec<Value>>,
    /// Utilization label.
    pub utilization_label_id: Option<String>,
    /// ISO-8601 date-time.
    pub inactivity_timeout: Option<String>,
    /// Divisions, kept as JSON.
    pub divisions: Option<Vec<Value>>,
    /// URI.
    pub self_uri: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /api/v2/conversations/messages/{id}`.
pub type MessageConversation = MediaConversation<MessageMediaParticipant>;
/// `GET /api/v2/conversations/emails/{id}`.
pub type EmailConversation = MediaConversation<EmailMediaParticipant>;
/// `GET /api/v2/conversations/callbacks/{id}`.
pub type CallbackConversation = MediaConversation<CallbackMediaParticipant>;
