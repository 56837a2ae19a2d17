//! The per-media views (`GET /api/v2/conversations/{calls,callbacks,emails,
//! messages}/{id}`, §1.3), derived from the stored generic conversation: the
//! participants that have that media, flattened into the media participant
//! models of `genesys` (state, direction, held, … from their latest
//! communication; user, queue, team, external contact and organization as
//! `DomainEntityRef {id, selfUri}`; attributes copied).
//!
//! The `selfUri` patterns of the references are the platform's usual ones
//! and are assumed: the fact sheet does not list them.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::genesys::{
    CallConversation, CallbackConversation, Conversation, EmailConversation, Media,
    MessageConversation, Participant,
};

/// The media that have a view, in the order `otherMediaUris` lists them.
const VIEWS: [Media; 4] = [
    Media::Calls,
    Media::Callbacks,
    Media::Emails,
    Media::Messages,
];

/// Participant fields every media participant shares, copied by JSON name.
const FROM_PARTICIPANT: &[&str] = &[
    "id",
    "name",
    "address",
    "startTime",
    "connectedTime",
    "endTime",
    "purpose",
    "wrapupRequired",
    "wrapupPrompt",
    "mediaRoles",
    "attributes",
    "wrapup",
    "wrapupTimeoutMs",
    "wrapupSkipped",
    "alertingTimeoutMs",
    "externalContactInitialDivisionId",
    "flaggedReason",
    "conversationRoutingData",
    "startAcwTime",
    "endAcwTime",
];

/// Communication fields every media participant shares (they override the
/// participant's, e.g. `connectedTime`).
const FROM_COMMUNICATION: &[&str] = &[
    "state",
    "direction",
    "disconnectType",
    "held",
    "startHoldTime",
    "startAlertingTime",
    "connectedTime",
    "provider",
    "errorInfo",
    "parkTime",
    "resumeTime",
    "journeyContext",
];

/// (id field of the participant, field of the view, selfUri prefix).
const REFERENCES: &[(&str, &str, &str)] = &[
    ("userId", "user", "/api/v2/users/"),
    ("queueId", "queue", "/api/v2/routing/queues/"),
    ("teamId", "team", "/api/v2/teams/"),
    (
        "externalContactId",
        "externalContact",
        "/api/v2/externalcontacts/contacts/",
    ),
    (
        "externalOrganizationId",
        "externalOrganization",
        "/api/v2/externalcontacts/organizations/",
    ),
];

/// Whether the participant has a communication in this media.
pub(crate) fn has_media(participant: &Participant, media: Media) -> bool {
    participant
        .media_kinds()
        .iter()
        .any(|kind| Media::from_participant_array(kind) == Some(media))
}

/// Whether any participant of the conversation has this media.
pub(crate) fn conversation_has_media(conversation: &Conversation, media: Media) -> bool {
    conversation
        .participants
        .iter()
        .any(|p| has_media(p, media))
}

/// The view of `media` as JSON text (in the model's field order), or
/// `Ok(None)` when no participant has it.
///
/// # Errors
///
/// When a fixture's communication has a field of the wrong type for the
/// media participant model.
pub(crate) fn media_view(
    conversation: &Conversation,
    media: Media,
) -> Result<Option<String>, serde_json::Error> {
    if !conversation_has_media(conversation, media) {
        return Ok(None);
    }
    let id = conversation.id.clone().unwrap_or_default();
    let participants: Vec<Value> = conversation
        .participants
        .iter()
        .filter(|p| has_media(p, media))
        .map(|p| participant_view(p, media).map(Value::Object))
        .collect::<Result<_, _>>()?;
    let others: Vec<Value> = VIEWS
        .into_iter()
        .filter(|other| *other != media && conversation_has_media(conversation, *other))
        .map(|other| Value::String(format!("/api/v2/conversations/{}/{id}", other.segment())))
        .collect();
    let source = object(conversation)?;
    let mut view = Map::new();
    view.insert("id".into(), Value::String(id.clone()));
    copy(&source, &mut view, &["name"]);
    view.insert("participants".into(), Value::Array(participants));
    view.insert("otherMediaUris".into(), Value::Array(others));
    copy(
        &source,
        &mut view,
        &[
            "recentTransfers",
            "utilizationLabelId",
            "inactivityTimeout",
            "divisions",
        ],
    );
    if media == Media::Calls {
        copy(
            &source,
            &mut view,
            &["recordingState", "maxParticipants", "securePause"],
        );
    }
    view.insert(
        "selfUri".into(),
        Value::String(format!("/api/v2/conversations/{}/{id}", media.segment())),
    );
    let view = Value::Object(view);
    // Through the typed model, so the answer has exactly its shape.
    let typed = match media {
        Media::Calls => retype::<CallConversation>(view)?,
        Media::Callbacks => retype::<CallbackConversation>(view)?,
        Media::Emails => retype::<EmailConversation>(view)?,
        _ => retype::<MessageConversation>(view)?,
    };
    Ok(Some(typed))
}

/// One participant of the view: shared fields, references, then the
/// media's own fields from its latest communication.
fn participant_view(
    participant: &Participant,
    media: Media,
) -> Result<Map<String, Value>, serde_json::Error> {
    let source = object(participant)?;
    let communication = source
        .get(array_name(media))
        .and_then(Value::as_array)
        .and_then(|list| list.last())
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut out = Map::new();
    copy(&source, &mut out, FROM_PARTICIPANT);
    for (id_field, field, prefix) in REFERENCES {
        if let Some(Value::String(id)) = source.get(*id_field) {
            out.insert((*field).into(), reference(id, prefix));
        }
    }
    copy(&communication, &mut out, FROM_COMMUNICATION);
    if let Some(end) = communication.get("disconnectedTime") {
        out.insert("endTime".into(), end.clone());
    }
    if let Some(peer) = communication.get("peerId") {
        out.insert("peer".into(), peer.clone());
    }
    match media {
        Media::Calls => {
            copy(&source, &mut out, &["ani", "dnis"]);
            if let Some(Value::String(id)) = source.get("groupId") {
                out.insert("group".into(), reference(id, "/api/v2/groups/"));
            }
            let own = [
                "muted",
                "confined",
                "recording",
                "recordingState",
                "securePause",
                "uuiData",
                "disposition",
                "bargedTime",
            ];
            copy(&communication, &mut out, &own);
        }
        Media::Callbacks => {
            let own = [
                "callbackNumbers",
                "callbackUserName",
                "externalCampaign",
                "skipEnabled",
                "timeoutSeconds",
                "automatedCallbackConfigId",
                "callbackScheduledTime",
            ];
            copy(&communication, &mut out, &own);
        }
        Media::Emails => {
            let own = [
                "subject",
                "messagesSent",
                "autoGenerated",
                "spam",
                "messageId",
            ];
            copy(&communication, &mut out, &own);
        }
        _ => {
            copy(&source, &mut out, &["monitoredParticipantId"]);
            let own = [
                "toAddress",
                "fromAddress",
                "messages",
                "type",
                "recipientCountry",
                "recipientType",
                "authenticated",
            ];
            copy(&communication, &mut out, &own);
        }
    }
    Ok(out)
}

/// The participant array of a media, by its JSON name.
fn array_name(media: Media) -> &'static str {
    match media {
        Media::Socialexpressions => "socialExpressions",
        Media::Internalmessages => "internalMessages",
        other => other.segment(),
    }
}

fn reference(id: &str, prefix: &str) -> Value {
    serde_json::json!({"id": id, "selfUri": format!("{prefix}{id}")})
}

fn copy(from: &Map<String, Value>, to: &mut Map<String, Value>, keys: &[&str]) {
    for key in keys {
        if let Some(value) = from.get(*key).filter(|v| !v.is_null()) {
            to.insert((*key).to_owned(), value.clone());
        }
    }
}

fn object<T: Serialize>(value: &T) -> Result<Map<String, Value>, serde_json::Error> {
    match serde_json::to_value(value)? {
        Value::Object(map) => Ok(map),
        _ => Ok(Map::new()),
    }
}

fn retype<T: DeserializeOwned + Serialize>(value: Value) -> Result<String, serde_json::Error> {
    serde_json::to_string(&serde_json::from_value::<T>(value)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call() -> Conversation {
        serde_json::from_str(
            r#"{"id":"c1","startTime":"2026-11-20T14:02:11.482Z","recordingState":"ACTIVE",
                "participants":[
                  {"id":"p1","purpose":"customer","attributes":{"a":"1"},"ani":"tel:+1",
                   "calls":[{"state":"connected","direction":"inbound","held":false,
                             "disconnectedTime":"2026-11-20T14:09:00.000Z","peerId":"x"}]},
                  {"id":"p2","purpose":"agent","userId":"u1","queueId":"q1",
                   "emails":[{"state":"connected","subject":"Hi"}]}
                ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_call_view_flattens_the_call_participants() {
        let text = media_view(&call(), Media::Calls).unwrap().unwrap();
        let parsed: CallConversation = serde_json::from_str(&text).unwrap();
        let view: Value = serde_json::from_str(&text).unwrap();
        let participants = parsed.participants.unwrap();
        assert_eq!(participants.len(), 1);
        let p = &participants[0];
        assert_eq!(p.state, Some(crate::genesys::CommunicationState::Connected));
        assert_eq!(p.held, Some(false));
        assert_eq!(p.ani.as_deref(), Some("tel:+1"));
        assert_eq!(p.end_time.as_deref(), Some("2026-11-20T14:09:00.000Z"));
        assert_eq!(p.peer.as_deref(), Some("x"));
        assert_eq!(p.attributes.as_ref().unwrap()["a"], "1");
        assert!(p.extra.is_empty(), "{:?}", p.extra);
        assert_eq!(view["otherMediaUris"][0], "/api/v2/conversations/emails/c1");
        assert_eq!(view["selfUri"], "/api/v2/conversations/calls/c1");
        assert_eq!(view["recordingState"], "ACTIVE");
    }

    #[test]
    fn references_carry_an_id_and_a_uri() {
        let text = media_view(&call(), Media::Emails).unwrap().unwrap();
        let parsed: EmailConversation = serde_json::from_str(&text).unwrap();
        let p = &parsed.participants.unwrap()[0];
        let user = p.user.as_ref().unwrap();
        assert_eq!(user.self_uri.as_deref(), Some("/api/v2/users/u1"));
        assert_eq!(p.subject.as_deref(), Some("Hi"));
        assert!(media_view(&call(), Media::Messages).unwrap().is_none());
    }
}
