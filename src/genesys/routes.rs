//! The route table (§1): every participant-attribute writer, the participant
//! PATCH, the secure-attributes pair and the conversation reads, with verb,
//! path template, body model, success status and lifecycle. These are the
//! routes gc-attrs models in depth; [`inventory`] lists every route of
//! `/api/v2/conversations` (§7), and decides which template a path matches.

pub mod inventory;

use std::fmt;
use std::str::FromStr;

/// An HTTP verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Verb {
    /// GET
    Get,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// POST
    Post,
    /// DELETE
    Delete,
}

impl Verb {
    /// The verb as sent on the wire.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Post => "POST",
            Self::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Verb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A verb that is not GET, PUT, PATCH, POST or DELETE.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown HTTP verb `{0}`; use GET, PUT, PATCH, POST or DELETE")]
pub struct UnknownVerb(pub String);

impl FromStr for Verb {
    type Err = UnknownVerb;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "GET" => Ok(Self::Get),
            "PUT" => Ok(Self::Put),
            "PATCH" => Ok(Self::Patch),
            "POST" => Ok(Self::Post),
            "DELETE" => Ok(Self::Delete),
            _ => Err(UnknownVerb(s.trim().to_owned())),
        }
    }
}

/// A media segment under `/api/v2/conversations/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Media {
    /// `calls`
    Calls,
    /// `callbacks`
    Callbacks,
    /// `emails`
    Emails,
    /// `messages`
    Messages,
    /// `cobrowsesessions` (legacy co-browse, deprecated)
    Cobrowsesessions,
    /// `chats` (ACD web chat v2): removed from both the JS (259.0.0) and the
    /// Python (269.0.0) SDK (§1.1)
    Chats,
    /// `socials`: no participant-attribute route
    Socials,
    /// `videos`: no participant-attribute route
    Videos,
    /// `screenshares`: no participant-attribute route
    Screenshares,
    /// `socialexpressions`: no route at all (§1.1); the name exists only as
    /// a participant array
    Socialexpressions,
    /// `internalmessages`: a GET and a listing only, no participant-attribute
    /// route (§1.1)
    Internalmessages,
}

/// Whether a media type has a participant-attribute route (§1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributeRoute {
    /// The route exists.
    Available,
    /// The route exists but is deprecated.
    Deprecated,
    /// The route is deprecated and was removed from the spec.
    Removed,
    /// No such route exists for this media.
    None,
}

impl Media {
    /// Every media segment gc-attrs knows.
    pub const ALL: [Self; 11] = [
        Self::Calls,
        Self::Callbacks,
        Self::Emails,
        Self::Messages,
        Self::Cobrowsesessions,
        Self::Chats,
        Self::Socials,
        Self::Videos,
        Self::Screenshares,
        Self::Socialexpressions,
        Self::Internalmessages,
    ];

    /// The path segment.
    #[must_use]
    pub fn segment(self) -> &'static str {
        match self {
            Self::Calls => "calls",
            Self::Callbacks => "callbacks",
            Self::Emails => "emails",
            Self::Messages => "messages",
            Self::Cobrowsesessions => "cobrowsesessions",
            Self::Chats => "chats",
            Self::Socials => "socials",
            Self::Videos => "videos",
            Self::Screenshares => "screenshares",
            Self::Socialexpressions => "socialexpressions",
            Self::Internalmessages => "internalmessages",
        }
    }

    /// The media whose path segment this is.
    #[must_use]
    pub fn from_segment(segment: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.segment() == segment)
    }

    /// The media of a participant's communication array (`calls`, `messages`,
    /// `socialExpressions`, …), as in [`crate::genesys::Participant::media_kinds`].
    #[must_use]
    pub fn from_participant_array(name: &str) -> Option<Self> {
        Self::from_segment(&name.to_ascii_lowercase())
    }

    /// Whether this media has a participant-attribute route.
    #[must_use]
    pub fn attribute_route(self) -> AttributeRoute {
        match self {
            Self::Calls | Self::Callbacks | Self::Emails | Self::Messages => {
                AttributeRoute::Available
            }
            Self::Cobrowsesessions => AttributeRoute::Deprecated,
            Self::Chats => AttributeRoute::Removed,
            Self::Socials
            | Self::Videos
            | Self::Screenshares
            | Self::Socialexpressions
            | Self::Internalmessages => AttributeRoute::None,
        }
    }
}

/// What a route is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteKind {
    /// `PATCH …/participants/{participantId}/attributes`
    ParticipantAttributes,
    /// `PATCH …/participants/{participantId}` (MediaParticipantRequest)
    Participant,
    /// `…/{conversationId}/secureattributes`
    SecureAttributes,
    /// `GET` a conversation or a media view of it
    Conversation,
    /// `GET /api/v2/tokens/me`: what the API knows of the caller's token (§10)
    TokenInfo,
}

/// The body model a route takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyModel {
    /// No body.
    None,
    /// `ParticipantAttributes`
    ParticipantAttributes,
    /// `MediaParticipantRequest`
    MediaParticipantRequest,
    /// `ConversationSecureAttributes`
    ConversationSecureAttributes,
}

/// Where a route stands in the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifecycle {
    /// Current.
    Current,
    /// Deprecated but still in the spec.
    Deprecated,
    /// A preview: "subject to both breaking and non-breaking changes at any
    /// time without notice" (the SDK's words, §7).
    Preview,
    /// Removed from the spec: from the JS SDK in 259.0.0 (August 2026, API
    /// version 10706) and from the Python SDK by 269.0.0 (§1.1); still in the
    /// Go SDK v188 as deprecated. Never in the [`inventory`].
    Removed,
}

/// One route of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The verb.
    pub verb: Verb,
    /// Path template, e.g. `/api/v2/conversations/{conversationId}`.
    pub template: &'static str,
    /// What the route is for.
    pub kind: RouteKind,
    /// The media segment, or `None` for the generic routes.
    pub media: Option<Media>,
    /// The body model.
    pub body: BodyModel,
    /// Whether the spec requires the body.
    pub body_required: bool,
    /// The success status.
    pub success: u16,
    /// The model of the success body, or `None` when there is none.
    pub success_body: Option<&'static str>,
    /// Where the route stands.
    pub lifecycle: Lifecycle,
    /// The Python SDK method.
    pub python: &'static str,
    /// The permissions the spec lists (ANY of them); empty for "requires no
    /// permissions" or none listed.
    pub permissions: &'static [&'static str],
    /// What about the route the fact sheet leaves unconfirmed, if anything.
    pub unconfirmed: Option<&'static str>,
}

const PARTICIPANT_PERMISSIONS: &[&str] = &[
    "conversation:participant:wrapup",
    "conversation:call:record",
    "conversation:communication:disconnect",
];
const EMAIL_PARTICIPANT_PERMISSIONS: &[&str] = &[
    "conversation:participant:wrapup",
    "conversation:call:record",
    "conversation:communication:disconnect",
    "conversation:email:park",
];
const SECURE_VIEW: &[&str] = &["conversation:participant:attributesview"];
const SECURE_EDIT: &[&str] = &["conversation:participant:attributesedit"];

macro_rules! route {
    ($verb:ident $template:literal, $kind:ident, $media:expr, $body:ident, $required:expr,
     $success:literal, $success_body:expr, $lifecycle:ident, $python:literal, $perms:expr) => {
        Route {
            verb: Verb::$verb,
            template: $template,
            kind: RouteKind::$kind,
            media: $media,
            body: BodyModel::$body,
            body_required: $required,
            success: $success,
            success_body: $success_body,
            lifecycle: Lifecycle::$lifecycle,
            python: $python,
            permissions: $perms,
            unconfirmed: None,
        }
    };
}

const PA: Option<&str> = Some("ParticipantAttributes");

/// Every route gc-attrs models in depth (§1.1, §1.2, §1.3, §1.5); the complete
/// list of the namespace is [`inventory`] (§7).
pub static ROUTES: &[Route] = &[
    // §1.1 Participant-attribute writers: all PATCH, all "requires no permissions".
    route!(Patch "/api/v2/conversations/{conversationId}/participants/{participantId}/attributes",
        ParticipantAttributes, None, ParticipantAttributes, true, 202, None, Current,
        "patch_conversation_participant_attributes", &[]),
    route!(Patch "/api/v2/conversations/calls/{conversationId}/participants/{participantId}/attributes",
        ParticipantAttributes, Some(Media::Calls), ParticipantAttributes, true, 202, PA, Current,
        "patch_conversations_call_participant_attributes", &[]),
    route!(Patch "/api/v2/conversations/callbacks/{conversationId}/participants/{participantId}/attributes",
        ParticipantAttributes, Some(Media::Callbacks), ParticipantAttributes, true, 202, PA, Current,
        "patch_conversations_callback_participant_attributes", &[]),
    route!(Patch "/api/v2/conversations/emails/{conversationId}/participants/{participantId}/attributes",
        ParticipantAttributes, Some(Media::Emails), ParticipantAttributes, true, 202, PA, Current,
        "patch_conversations_email_participant_attributes", &[]),
    route!(Patch "/api/v2/conversations/messages/{conversationId}/participants/{participantId}/attributes",
        ParticipantAttributes, Some(Media::Messages), ParticipantAttributes, false, 202, PA, Current,
        "patch_conversations_message_participant_attributes", &[]),
    route!(Patch "/api/v2/conversations/cobrowsesessions/{conversationId}/participants/{participantId}/attributes",
        ParticipantAttributes, Some(Media::Cobrowsesessions), ParticipantAttributes, false, 202, PA, Deprecated,
        "patch_conversations_cobrowsesession_participant_attributes", &[]),
    route!(Patch "/api/v2/conversations/chats/{conversationId}/participants/{participantId}/attributes",
        ParticipantAttributes, Some(Media::Chats), ParticipantAttributes, true, 202, PA, Removed,
        "patch_conversations_chat_participant_attributes", &[]),
    // §1.2 Participant-state writers (MediaParticipantRequest): all PATCH, 202, no body;
    // the messages and cobrowsesessions bodies are optional (2026-12: [PY269] L13411).
    // The chats rows are kept, marked Removed, so that lint and the simulator can
    // say what became of them; the inventory (§7) has none.
    route!(Patch "/api/v2/conversations/{conversationId}/participants/{participantId}",
        Participant, None, MediaParticipantRequest, true, 202, None, Current,
        "patch_conversation_participant", PARTICIPANT_PERMISSIONS),
    route!(Patch "/api/v2/conversations/calls/{conversationId}/participants/{participantId}",
        Participant, Some(Media::Calls), MediaParticipantRequest, true, 202, None, Current,
        "patch_conversations_call_participant", PARTICIPANT_PERMISSIONS),
    route!(Patch "/api/v2/conversations/callbacks/{conversationId}/participants/{participantId}",
        Participant, Some(Media::Callbacks), MediaParticipantRequest, true, 202, None, Current,
        "patch_conversations_callback_participant", PARTICIPANT_PERMISSIONS),
    route!(Patch "/api/v2/conversations/emails/{conversationId}/participants/{participantId}",
        Participant, Some(Media::Emails), MediaParticipantRequest, true, 202, None, Current,
        "patch_conversations_email_participant", EMAIL_PARTICIPANT_PERMISSIONS),
    route!(Patch "/api/v2/conversations/messages/{conversationId}/participants/{participantId}",
        Participant, Some(Media::Messages), MediaParticipantRequest, false, 202, None, Current,
        "patch_conversations_message_participant", PARTICIPANT_PERMISSIONS),
    route!(Patch "/api/v2/conversations/cobrowsesessions/{conversationId}/participants/{participantId}",
        Participant, Some(Media::Cobrowsesessions), MediaParticipantRequest, false, 202, None, Deprecated,
        "patch_conversations_cobrowsesession_participant", PARTICIPANT_PERMISSIONS),
    route!(Patch "/api/v2/conversations/chats/{conversationId}/participants/{participantId}",
        Participant, Some(Media::Chats), MediaParticipantRequest, true, 202, None, Removed,
        "patch_conversations_chat_participant", PARTICIPANT_PERMISSIONS),
    // §1.5 Secure attributes: the real PUT/PATCH pair.
    // The SDK docs give no status code for these three; 200 for the read and
    // 202 for the writes are assumed. The "accepted" wording is not from the
    // fact sheet: it comes from platform-client-sdk-cli
    // build/gc/cmd/conversations_secureattributes/conversations_secureattributes.go,
    // whose embedded response descriptions are "The secure attributes set
    // request was accepted." (PUT) and "The secure attributes update request
    // was accepted." (PATCH), without a status code.
    Route {
        unconfirmed: Some("success status: no stored spec gives it; 200 is assumed"),
        ..route!(Get "/api/v2/conversations/{conversationId}/secureattributes",
            SecureAttributes, None, None, false, 200, Some("ConversationSecureAttributes"), Current,
            "get_conversation_secureattributes", SECURE_VIEW)
    },
    Route {
        unconfirmed: Some("success status: [CLI] says \"request was accepted\"; 202 is assumed"),
        ..route!(Put "/api/v2/conversations/{conversationId}/secureattributes",
            SecureAttributes, None, ConversationSecureAttributes, true, 202, Some("string"), Current,
            "put_conversation_secureattributes", SECURE_EDIT)
    },
    Route {
        unconfirmed: Some("success status: [CLI] says \"request was accepted\"; 202 is assumed"),
        ..route!(Patch "/api/v2/conversations/{conversationId}/secureattributes",
            SecureAttributes, None, ConversationSecureAttributes, true, 202, Some("string"), Current,
            "patch_conversation_secureattributes", SECURE_EDIT)
    },
    // §1.3 Readers.
    route!(Get "/api/v2/conversations/{conversationId}",
        Conversation, None, None, false, 200, Some("Conversation"), Current,
        "get_conversation", &["conversation:communication:view"]),
    route!(Get "/api/v2/conversations/calls/{conversationId}",
        Conversation, Some(Media::Calls), None, false, 200, Some("CallConversation"), Current,
        "get_conversations_call", &[]),
    route!(Get "/api/v2/conversations/callbacks/{conversationId}",
        Conversation, Some(Media::Callbacks), None, false, 200, Some("CallbackConversation"), Current,
        "get_conversations_callback", &[]),
    route!(Get "/api/v2/conversations/emails/{conversationId}",
        Conversation, Some(Media::Emails), None, false, 200, Some("EmailConversation"), Current,
        "get_conversations_email", &[]),
    route!(Get "/api/v2/conversations/messages/{conversationId}",
        Conversation, Some(Media::Messages), None, false, 200, Some("MessageConversation"), Current,
        "get_conversations_message", &[]),
];

/// The routes gc-attrs calls outside `/api/v2/conversations`: not in the
/// [`inventory`] (§7 lists that namespace only), so neither [`Route::for_path`]
/// nor the simulator's matcher of [`ROUTES`] sees them; [`Route::lookup`] and
/// [`Route::outside_conversations`] do.
pub static OTHER_ROUTES: &[Route] = &[
    // §10: "needs no permission"; [PY269] `TokensApi.get_tokens_me` -> TokenInfo.
    route!(Get "/api/v2/tokens/me",
        TokenInfo, None, None, false, 200, Some("TokenInfo"), Current,
        "get_tokens_me", &[]),
];

/// The values of a route's path parameters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathParams {
    /// `{conversationId}`
    pub conversation_id: Option<String>,
    /// `{participantId}`
    pub participant_id: Option<String>,
}

impl Route {
    /// The path with the parameters filled in.
    #[must_use]
    pub fn path(&self, conversation_id: &str, participant_id: &str) -> String {
        self.template
            .replace("{conversationId}", conversation_id)
            .replace("{participantId}", participant_id)
    }

    /// Matches a path (no host, no query) against the template.
    #[must_use]
    pub fn match_path(&self, path: &str) -> Option<PathParams> {
        let mut params = PathParams::default();
        let mut actual = path.trim_end_matches('/').split('/');
        for expected in self.template.split('/') {
            let segment = actual.next()?;
            match expected {
                "{conversationId}" if !segment.is_empty() => {
                    params.conversation_id = Some(segment.to_owned());
                }
                "{participantId}" if !segment.is_empty() => {
                    params.participant_id = Some(segment.to_owned());
                }
                literal if literal == segment => {}
                _ => return None,
            }
        }
        actual.next().is_none().then_some(params)
    }

    /// The route with this verb and a template that matches the path.
    #[must_use]
    pub fn find(verb: Verb, path: &str) -> Option<(&'static Route, PathParams)> {
        Self::for_path(path)
            .into_iter()
            .find(|(route, _)| route.verb == verb)
    }

    /// Every route whose template matches the path, whatever its verb.
    ///
    /// The [`inventory`] decides which template a path matches, literal first
    /// at each segment: `/api/v2/conversations/calls` is the call listing,
    /// not the conversation `calls`, so it gives no route of this table.
    #[must_use]
    pub fn for_path(path: &str) -> Vec<(&'static Route, PathParams)> {
        let mut found: Vec<_> = ROUTES
            .iter()
            .filter_map(|route| route.match_path(path).map(|params| (route, params)))
            .collect();
        if let Some(winner) = inventory::inventory().lookup(path) {
            found.retain(|(route, _)| route.template == winner.template);
        } else if found.iter().any(|(route, _)| route.media.is_some()) {
            // Only the removed routes (chats) are outside the inventory; their
            // media segment is a literal, which wins over `{conversationId}`.
            found.retain(|(route, _)| route.media.is_some());
        }
        found
    }

    /// The participant-attribute route for a media (or the generic one for `None`).
    #[must_use]
    pub fn attributes_for(media: Option<Media>) -> Option<&'static Route> {
        ROUTES
            .iter()
            .find(|r| r.kind == RouteKind::ParticipantAttributes && r.media == media)
    }

    /// The route of a kind, verb and media in the table, e.g. the secure
    /// attributes' PUT or the generic conversation GET.
    #[must_use]
    pub fn lookup(kind: RouteKind, verb: Verb, media: Option<Media>) -> Option<&'static Route> {
        ROUTES
            .iter()
            .chain(OTHER_ROUTES)
            .find(|r| r.kind == kind && r.verb == verb && r.media == media)
    }

    /// The route of [`OTHER_ROUTES`] with this verb whose template matches the path.
    #[must_use]
    pub fn outside_conversations(verb: Verb, path: &str) -> Option<(&'static Route, PathParams)> {
        OTHER_ROUTES
            .iter()
            .filter(|route| route.verb == verb)
            .find_map(|route| route.match_path(path).map(|params| (route, params)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONV: &str = "8f2a6b1e-4c1d-4e0a-9b8c-2f3e4d5c6b7a";
    const PART: &str = "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d";

    #[test]
    fn every_attribute_writer_is_a_patch_with_a_202() {
        let writers: Vec<_> = ROUTES
            .iter()
            .filter(|r| r.kind == RouteKind::ParticipantAttributes)
            .collect();
        assert_eq!(writers.len(), 7);
        for route in writers {
            assert_eq!(route.verb, Verb::Patch, "{}", route.template);
            assert_eq!(route.success, 202);
            assert_eq!(route.body, BodyModel::ParticipantAttributes);
            assert!(
                route.permissions.is_empty(),
                "requires no permissions (§1.1)"
            );
            // The generic route answers with no body, the media routes with ParticipantAttributes.
            assert_eq!(
                route.success_body.is_some(),
                route.media.is_some(),
                "{}",
                route.template
            );
        }
    }

    #[test]
    fn no_put_exists_on_participants_or_their_attributes() {
        for route in ROUTES {
            if matches!(
                route.kind,
                RouteKind::ParticipantAttributes | RouteKind::Participant
            ) {
                assert_ne!(route.verb, Verb::Put, "{}", route.template);
            }
        }
        let path = format!("/api/v2/conversations/{CONV}/participants/{PART}/attributes");
        assert!(Route::find(Verb::Put, &path).is_none());
        assert!(Route::find(Verb::Patch, &path).is_some());
    }

    #[test]
    fn media_routes_win_over_the_generic_template() {
        let path = format!("/api/v2/conversations/calls/{CONV}/participants/{PART}/attributes");
        let (route, params) = Route::find(Verb::Patch, &path).unwrap();
        assert_eq!(route.media, Some(Media::Calls));
        assert_eq!(params.conversation_id.as_deref(), Some(CONV));
        assert_eq!(params.participant_id.as_deref(), Some(PART));
        let (route, _) =
            Route::find(Verb::Get, &format!("/api/v2/conversations/calls/{CONV}")).unwrap();
        assert_eq!(route.success_body, Some("CallConversation"));
        let (route, _) = Route::find(Verb::Get, &format!("/api/v2/conversations/{CONV}/")).unwrap();
        assert_eq!(route.success_body, Some("Conversation"));
    }

    #[test]
    fn paths_fill_and_match_templates() {
        for route in ROUTES {
            let path = route.path(CONV, PART);
            let params = route.match_path(&path).unwrap();
            assert_eq!(params.conversation_id.as_deref(), Some(CONV));
        }
        let generic = Route::attributes_for(None).unwrap();
        assert!(
            generic
                .match_path("/api/v2/conversations//participants/x/attributes")
                .is_none()
        );
        assert!(
            generic
                .match_path("/api/v2/conversations/a/participants/b/attributes/c")
                .is_none()
        );
    }

    #[test]
    fn media_without_an_attribute_route_have_none_in_the_table() {
        for media in Media::ALL {
            let status = media.attribute_route();
            let route = Route::attributes_for(Some(media));
            assert_eq!(route.is_some(), status != AttributeRoute::None, "{media:?}");
            if let Some(route) = route {
                let expected = match status {
                    AttributeRoute::Available => Lifecycle::Current,
                    AttributeRoute::Deprecated => Lifecycle::Deprecated,
                    AttributeRoute::Removed | AttributeRoute::None => Lifecycle::Removed,
                };
                assert_eq!(route.lifecycle, expected);
            }
        }
        assert_eq!(
            Media::from_participant_array("socialExpressions"),
            Some(Media::Socialexpressions)
        );
    }

    #[test]
    fn tokens_me_is_looked_up_outside_the_conversation_table() {
        let route = Route::lookup(RouteKind::TokenInfo, Verb::Get, None).unwrap();
        assert_eq!(route.template, "/api/v2/tokens/me");
        assert!(route.permissions.is_empty(), "needs no permission (§10)");
        assert_eq!(route.success_body, Some("TokenInfo"));
        assert!(ROUTES.iter().all(|r| r.kind != RouteKind::TokenInfo));
        assert!(Route::find(Verb::Get, "/api/v2/tokens/me").is_none());
        let (found, _) = Route::outside_conversations(Verb::Get, "/api/v2/tokens/me/").unwrap();
        assert_eq!(found.template, route.template);
        assert!(Route::outside_conversations(Verb::Patch, "/api/v2/tokens/me").is_none());
        assert!(Route::outside_conversations(Verb::Get, "/api/v2/tokens/you").is_none());
    }

    #[test]
    fn verbs_parse_in_any_case() {
        assert_eq!("patch".parse::<Verb>().unwrap(), Verb::Patch);
        let err = "UPDATE".parse::<Verb>().unwrap_err().to_string();
        assert!(err.contains("UPDATE") && err.contains("PATCH"), "{err}");
    }
}
