//! A conversation and its participants as both faces present them: the
//! conversation id in pasted text, the routes that can write a participant's
//! attributes, the state of its first communication, and the participant to
//! show first.

use serde_json::Value;

use crate::genesys::{AttributeRoute, Conversation, Media, Participant};

/// Which participant-attribute route a send goes to (§1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RouteChoice {
    /// The generic route (no media segment): works for every media.
    Generic,
    /// The route of one of the participant's media.
    Media(Media),
}

/// The routes a participant's attributes can be written on: the generic one
/// first, then the route of each of its media that has one (deprecated
/// co-browse included: lint warns about it). Media with no route, or whose
/// route was removed (chats), are not offered.
#[must_use]
pub fn route_choices(participant: Option<&Participant>) -> Vec<RouteChoice> {
    let mut routes = vec![RouteChoice::Generic];
    for kind in participant
        .map(Participant::media_kinds)
        .unwrap_or_default()
    {
        if let Some(media) = Media::from_participant_array(kind) {
            let offered = matches!(
                media.attribute_route(),
                AttributeRoute::Available | AttributeRoute::Deprecated
            );
            let choice = RouteChoice::Media(media);
            if offered && !routes.contains(&choice) {
                routes.push(choice);
            }
        }
    }
    routes
}

/// The first media route of a participant, for `--route media`.
#[must_use]
pub fn media_route(participant: &Participant) -> Option<RouteChoice> {
    route_choices(Some(participant))
        .into_iter()
        .find(|choice| matches!(choice, RouteChoice::Media(_)))
}

/// The state of the participant's first communication (the first element of
/// its first media array), e.g. `connected`.
#[must_use]
pub fn participant_state(participant: &Participant) -> Option<&str> {
    let kind = *participant.media_kinds().first()?;
    let list = match kind {
        "calls" => &participant.calls,
        "callbacks" => &participant.callbacks,
        "chats" => &participant.chats,
        "cobrowsesessions" => &participant.cobrowsesessions,
        "emails" => &participant.emails,
        "messages" => &participant.messages,
        "internalMessages" => &participant.internal_messages,
        "screenMonitorings" => &participant.screen_monitorings,
        "screenshares" => &participant.screenshares,
        "socialExpressions" => &participant.social_expressions,
        "videos" => &participant.videos,
        _ => &participant.evaluations,
    };
    list.as_ref()?.first()?.get("state").and_then(Value::as_str)
}

/// The conversation id in typed or pasted text: a bare id, or a Genesys URL
/// that contains one. A conversation id is the first UUID in the text.
#[must_use]
pub fn extract_id(text: &str) -> Option<String> {
    let is_hex = |c: char| c.is_ascii_hexdigit();
    text.split(|c: char| !(is_hex(c) || c == '-'))
        .find(|part| crate::lint::is_uuid(part))
        .map(str::to_ascii_lowercase)
        .or_else(|| {
            let plain = text.trim();
            (!plain.is_empty() && !plain.contains(['/', ' ', '?', '#'])).then(|| plain.to_owned())
        })
}

/// The participant to show first: a customer with attributes, else any
/// participant with attributes, else the first.
#[must_use]
pub fn default_participant(conversation: &Conversation) -> usize {
    let has_attributes = |p: &&Participant| p.attributes.as_ref().is_some_and(|a| !a.is_empty());
    let participants = &conversation.participants;
    participants
        .iter()
        .position(|p| p.purpose.as_deref() == Some("customer") && has_attributes(&p))
        .or_else(|| participants.iter().position(|p| has_attributes(&p)))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn participant(json: Value) -> Participant {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn routes_offer_generic_then_each_media_with_a_route() {
        let p = participant(serde_json::json!({
            "calls": [{"state": "connected"}],
            "socialExpressions": [{"state": "connected"}],
            "chats": [{}],
            "cobrowsesessions": [{}],
        }));
        assert_eq!(
            route_choices(Some(&p)),
            [
                RouteChoice::Generic,
                RouteChoice::Media(Media::Calls),
                RouteChoice::Media(Media::Cobrowsesessions)
            ]
        );
        assert_eq!(media_route(&p), Some(RouteChoice::Media(Media::Calls)));
        assert_eq!(participant_state(&p), Some("connected"));
        assert_eq!(route_choices(None), [RouteChoice::Generic]);
    }

    #[test]
    fn a_participant_without_media_routes_has_only_the_generic_one() {
        let p = participant(serde_json::json!({"videos": [{"state": "alerting"}]}));
        assert_eq!(media_route(&p), None);
        assert_eq!(participant_state(&p), Some("alerting"));
        assert_eq!(participant_state(&participant(serde_json::json!({}))), None);
    }
}
