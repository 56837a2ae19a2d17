//! `Conversation` and `Participant` (§2): `GET /api/v2/conversations/{id}`.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;

use super::{Attributes, Extra};
use crate::genesys::{
    CommunicationState, ConversationRecordingState, FlaggedReason, ScreenRecordingState,
    WrapupPrompt,
};

/// A conversation as `GET /api/v2/conversations/{conversationId}` returns it.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Conversation {
    /// Read-only.
    pub id: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// External tag.
    pub external_tag: Option<String>,
    /// Required. ISO-8601 date-time.
    pub start_time: String,
    /// Absent while the conversation is active.
    pub end_time: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// Required.
    pub participants: Vec<Participant>,
    /// Related conversation ids.
    pub conversation_ids: Option<Vec<String>>,
    /// Maximum participants.
    pub max_participants: Option<i64>,
    /// ACTIVE, PAUSED or NONE.
    pub recording_state: Option<ConversationRecordingState>,
    /// On update only "disconnected" is valid; never present when read.
    pub state: Option<CommunicationState>,
    /// `ConversationDivisionMembership[]`, kept as JSON.
    pub divisions: Option<Vec<Value>>,
    /// `TransferResponse[]`, kept as JSON.
    pub recent_transfers: Option<Vec<Value>>,
    /// Secure pause.
    pub secure_pause: Option<bool>,
    /// Utilization label.
    pub utilization_label_id: Option<String>,
    /// ISO-8601 date-time.
    pub inactivity_timeout: Option<String>,
    /// Read-only.
    pub self_uri: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Conversation {
    /// The participant with this id.
    #[must_use]
    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants
            .iter()
            .find(|p| p.id.as_deref() == Some(id))
    }
}

/// An element of `Conversation.participants`. All fields optional.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    /// Participant id.
    pub id: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// ISO-8601 date-time.
    pub start_time: Option<String>,
    /// ISO-8601 date-time.
    pub end_time: Option<String>,
    /// ISO-8601 date-time.
    pub connected_time: Option<String>,
    /// User URI.
    pub user_uri: Option<String>,
    /// User id.
    pub user_id: Option<String>,
    /// External contact id.
    pub external_contact_id: Option<String>,
    /// External contact initial division id.
    pub external_contact_initial_division_id: Option<String>,
    /// External organization id.
    pub external_organization_id: Option<String>,
    /// Queue id.
    pub queue_id: Option<String>,
    /// Group id.
    pub group_id: Option<String>,
    /// Team id.
    pub team_id: Option<String>,
    /// Queue name.
    pub queue_name: Option<String>,
    /// Purpose, e.g. customer, agent, acd, ivr (a plain string here).
    pub purpose: Option<String>,
    /// Participant type.
    pub participant_type: Option<String>,
    /// Consulted participant.
    pub consult_participant_id: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// ANI.
    pub ani: Option<String>,
    /// ANI name.
    pub ani_name: Option<String>,
    /// DNIS.
    pub dnis: Option<String>,
    /// Locale.
    pub locale: Option<String>,
    /// Wrap-up required.
    pub wrapup_required: Option<bool>,
    /// Wrap-up prompt.
    pub wrapup_prompt: Option<WrapupPrompt>,
    /// Wrap-up timeout in milliseconds.
    pub wrapup_timeout_ms: Option<i64>,
    /// Wrap-up skipped.
    pub wrapup_skipped: Option<bool>,
    /// Wrap-up.
    pub wrapup: Option<Wrapup>,
    /// Media roles.
    pub media_roles: Option<Vec<String>>,
    /// Routing data, kept as JSON.
    pub conversation_routing_data: Option<Value>,
    /// Alerting timeout in milliseconds.
    pub alerting_timeout_ms: Option<i64>,
    /// Monitored participant.
    pub monitored_participant_id: Option<String>,
    /// Coached participant.
    pub coached_participant_id: Option<String>,
    /// Barged participant.
    pub barged_participant_id: Option<String>,
    /// "Additional participant attributes": keys to string values.
    pub attributes: Option<Attributes>,
    /// Calls, kept as JSON.
    pub calls: Option<Vec<Value>>,
    /// Callbacks, kept as JSON.
    pub callbacks: Option<Vec<Value>>,
    /// Chats, kept as JSON.
    pub chats: Option<Vec<Value>>,
    /// Co-browse sessions, kept as JSON.
    pub cobrowsesessions: Option<Vec<Value>>,
    /// Emails, kept as JSON.
    pub emails: Option<Vec<Value>>,
    /// Messages, kept as JSON.
    pub messages: Option<Vec<Value>>,
    /// Internal messages, kept as JSON.
    pub internal_messages: Option<Vec<Value>>,
    /// Screen monitorings, kept as JSON.
    pub screen_monitorings: Option<Vec<Value>>,
    /// Screen shares, kept as JSON.
    pub screenshares: Option<Vec<Value>>,
    /// Social expressions, kept as JSON.
    pub social_expressions: Option<Vec<Value>>,
    /// Videos, kept as JSON.
    pub videos: Option<Vec<Value>>,
    /// Evaluations, kept as JSON.
    pub evaluations: Option<Vec<Value>>,
    /// ISO-8601 date-time.
    pub start_acw_time: Option<String>,
    /// ISO-8601 date-time.
    pub end_acw_time: Option<String>,
    /// Screen recording state.
    pub screen_recording_state: Option<ScreenRecordingState>,
    /// Flagged reason.
    pub flagged_reason: Option<FlaggedReason>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Participant {
    /// The media kinds this participant has communications in, by the name
    /// of their array (`calls`, `messages`, …), in the schema's order.
    #[must_use]
    pub fn media_kinds(&self) -> Vec<&'static str> {
        let arrays: [(&'static str, &Option<Vec<Value>>); 12] = [
            ("calls", &self.calls),
            ("callbacks", &self.callbacks),
            ("chats", &self.chats),
            ("cobrowsesessions", &self.cobrowsesessions),
            ("emails", &self.emails),
            ("messages", &self.messages),
            ("internalMessages", &self.internal_messages),
            ("screenMonitorings", &self.screen_monitorings),
            ("screenshares", &self.screenshares),
            ("socialExpressions", &self.social_expressions),
            ("videos", &self.videos),
            ("evaluations", &self.evaluations),
        ];
        arrays
            .into_iter()
            .filter(|(_, list)| list.as_ref().is_some_and(|l| !l.is_empty()))
            .map(|(name, _)| name)
            .collect()
    }
}

/// `Wrapup` ([PY] `docs/Wrapup.md`): a participant's applied wrap-up.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Wrapup {
    /// Wrap-up code id.
    pub code: Option<String>,
    /// Wrap-up code name.
    pub name: Option<String>,
    /// Agent notes.
    pub notes: Option<String>,
    /// Tags.
    pub tags: Option<Vec<String>>,
    /// After-call work in seconds.
    pub duration_seconds: Option<i64>,
    /// ISO-8601 date-time.
    pub end_time: Option<String>,
    /// A pending save that needs no code.
    pub provisional: Option<bool>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}
