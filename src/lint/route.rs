//! Rules on the verb, the path and the content type.

use super::request::{Ids, NormalPath, Shape, is_placeholder, is_uuid, media_type};
use super::{Finding, Fix, Location, rules};
use crate::genesys::{AttributeRoute, Lifecycle, Media, Route, Verb};

/// Path segments that forum answers invent under `/api/v2/conversations` (§5 h).
const INVENTED_SEGMENTS: &[&str] = &["voice", "web", "interactions"];

/// Real routes in the namespace that are a different feature (§1.4, §1.5);
/// gc-attrs does not lint them, and does not call them unknown either.
const OTHER_FEATURES: &[&str] = &[
    "customattributes",
    "tags",
    "flaggedreason",
    "recordingstate",
    "accessattributes",
    "wrapup",
    "communications",
];

pub(crate) fn check_verb(raw: &str, verb: Option<Verb>, out: &mut Vec<Finding>) {
    if verb.is_none() {
        out.push(rules::WRONG_VERB.finding(
            Location::Verb,
            format!("`{}` is not an HTTP verb the API uses", raw.trim()),
            "The API's verbs are GET, PUT, PATCH, POST and DELETE; participant attributes are written \
             with PATCH only. SDK method names such as update_… are not verbs (and no update_* method \
             exists in the Python SDK, §5 a)."
                .into(),
            Some(Fix { summary: "Use PATCH.".into(), verb: Some(Verb::Patch), ..Fix::default() }),
        ));
    }
}

pub(crate) fn check_path(raw: &str, normal: &NormalPath, out: &mut Vec<Finding>) {
    if !normal.had_prefix {
        out.push(rules::MISSING_API_PREFIX.finding(
            Location::Route,
            format!("`{}` lacks the /api/v2 prefix", raw.trim()),
            "Every Platform API route is under https://api.<region env>/api/v2; without the prefix \
             the server finds no route."
                .into(),
            Some(Fix { summary: "Put /api/v2 in front of the path.".into(), path: Some(normal.path.clone()), ..Fix::default() }),
        ));
    }
    let placeholders: Vec<&str> = normal
        .path
        .split('/')
        .filter(|s| is_placeholder(s))
        .collect();
    if !placeholders.is_empty() {
        out.push(rules::UNEXPANDED_TEMPLATE.finding(
            Location::Route,
            format!("the path still holds the placeholder {}", placeholders.join(", ")),
            "Path parameters must be replaced by the real ids before sending: a placeholder is sent \
             literally, matches no conversation, and the server answers 404 not.found. Postman and \
             client templates leave {{conversationId}} in the URL when a variable is unset."
                .into(),
            Some(Fix {
                summary: "Replace each placeholder with the id from GET /api/v2/conversations/{conversationId}.".into(),
                ..Fix::default()
            }),
        ));
    }
}

pub(crate) fn check_ids(shape: &Shape, out: &mut Vec<Finding>) {
    let (Shape::Attributes(ids) | Shape::Participant(ids)) = shape else {
        return;
    };
    for (name, id) in [
        ("conversation", &ids.conversation),
        ("participant", &ids.participant),
    ] {
        if !is_placeholder(id) && !is_uuid(id) {
            out.push(rules::ID_NOT_UUID.finding(
                Location::Route,
                format!("the {name} id `{id}` is not a UUID"),
                format!(
                    "Conversation and participant ids are UUIDs such as 3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a \
                     (assumed: the fact sheet does not state the format). A {name} id of another form \
                     is usually a phone number, an ANI, a queue or user id, or a communication id pasted \
                     by mistake; the server will not find the {name}."
                ),
                Some(Fix {
                    summary: if name == "participant" {
                        "Take the participant id from GET /api/v2/conversations/{conversationId} (participants[].id).".into()
                    } else {
                        "Take the conversation id from the interaction itself (the id in its Genesys Cloud URL, \
                         or conversationId in the event or flow that started the integration)."
                            .into()
                    },
                    ..Fix::default()
                }),
            ));
        }
    }
}

/// Checks the verb against the route table; returns the route when one matches.
pub(crate) fn check_route(
    verb: Verb,
    path: &str,
    shape: &Shape,
    out: &mut Vec<Finding>,
) -> Option<&'static Route> {
    if let Some((route, _)) = Route::find(verb, path) {
        lifecycle(route, shape, out);
        return Some(route);
    }
    let same_path = Route::for_path(path);
    if !same_path.is_empty() {
        wrong_verb(verb, shape, &same_path, out);
        return None;
    }
    let segments: Vec<&str> = path.split('/').collect();
    if let Some(bad) = segments.iter().find(|s| INVENTED_SEGMENTS.contains(s)) {
        out.push(rules::INVENTED_PATH.finding(
            Location::Route,
            format!("/api/v2/conversations/{bad}/… does not exist"),
            "No route has a voice, web or interactions segment under /api/v2/conversations; voice \
             appears only in /calls/{id}/participants/{pid}/voice/consult. Calls are under /calls/, \
             and the generic route works for every media type that has attributes."
                .into(),
            generic_route_fix(shape, verb),
        ));
        return None;
    }
    if let Shape::Attributes(Ids {
        media: Some(media), ..
    }) = shape
    {
        if Media::from_segment(media).is_some_and(|m| m.attribute_route() == AttributeRoute::None) {
            out.push(
                rules::MEDIA_WITHOUT_ATTRIBUTES.finding(
                    Location::Route,
                    format!("{media} has no participant-attribute route"),
                    "socials, videos, screenshares and socialexpressions have only wrap-up and \
                 recording-state routes (videos also details and meetings); none takes participant \
                 attributes. The generic route has no media segment and serves every participant."
                        .into(),
                    generic_route_fix(shape, verb),
                ),
            );
            return None;
        }
    }
    if !segments.iter().any(|s| OTHER_FEATURES.contains(s)) {
        out.push(rules::UNKNOWN_ROUTE.finding(
            Location::Route,
            format!("{verb} {path} is not a route gc-attrs knows"),
            "gc-attrs knows the participant-attribute writers, the participant PATCH, the \
             secure-attributes routes and the conversation reads. This path is none of them; check it \
             against the API reference before sending."
                .into(),
            generic_route_fix(shape, verb),
        ));
    }
    None
}

fn lifecycle(route: &Route, shape: &Shape, out: &mut Vec<Finding>) {
    let media = route.media.map_or("", Media::segment);
    match route.lifecycle {
        Lifecycle::Current | Lifecycle::Preview => {}
        Lifecycle::Removed => out.push(rules::REMOVED_CHATS.finding(
            Location::Route,
            format!("the {media} route was removed from the API spec"),
            "The chats routes (ACD web chat v2) were deprecated, then removed from the spec in JS SDK \
             259.0.0 (August 2026, API version 10706); the Go SDK v188 still lists them as deprecated. \
             Expect the server to stop answering them; the generic route needs no media segment."
                .into(),
            generic_route_fix(shape, route.verb),
        )),
        Lifecycle::Deprecated => out.push(rules::DEPRECATED_COBROWSE.finding(
            Location::Route,
            format!("the {media} route is deprecated"),
            "The cobrowsesessions routes belong to legacy co-browse and are deprecated; the generic \
             route serves the same participant."
                .into(),
            generic_route_fix(shape, route.verb),
        )),
    }
}

fn wrong_verb(
    verb: Verb,
    shape: &Shape,
    same_path: &[(&'static Route, crate::genesys::PathParams)],
    out: &mut Vec<Finding>,
) {
    let allowed: Vec<&str> = same_path.iter().map(|(r, _)| r.verb.as_str()).collect();
    let allowed = allowed.join(", ");
    let fix_verb = |summary: &str, to: Verb| {
        Some(Fix {
            summary: summary.into(),
            verb: Some(to),
            ..Fix::default()
        })
    };
    let finding = match (shape, verb) {
        (Shape::Attributes(_), Verb::Put) => rules::PUT_ON_ATTRIBUTES.finding(
            Location::Verb,
            "there is no PUT on participant attributes; the route takes PATCH".into(),
            "Participant attributes have one writer: PATCH …/participants/{participantId}/attributes \
             (generic, or per media). No PUT route exists, and no SDK method maps to one \
             (update_conversation_participant_attributes is invented, §5 a). A full replace cannot be \
             expressed; PATCH sends the keys to add or change."
                .into(),
            fix_verb("Send PATCH with only the keys to add or change.", Verb::Patch),
        ),
        (Shape::Participant(_), Verb::Put) => rules::PUT_ON_PARTICIPANT.finding(
            Location::Verb,
            "there is no PUT on a participant".into(),
            "put_conversation_participant does not exist (§5 e); the only PUT under a participant is \
             …/participants/{participantId}/flaggedreason. State, wrap-up, hold and recording go by \
             PATCH …/participants/{participantId}; attributes by PATCH …/participants/{participantId}/attributes."
                .into(),
            fix_verb("Use PATCH.", Verb::Patch),
        ),
        (Shape::Attributes(_), Verb::Get) => rules::WRONG_VERB.finding(
            Location::Verb,
            "there is no GET on participant attributes".into(),
            "Read the attributes from the participant in GET /api/v2/conversations/{conversationId} \
             (participants[].attributes); the attributes route takes PATCH only (§1.3)."
                .into(),
            match shape {
                Shape::Attributes(ids) => Some(Fix {
                    summary: "Read the conversation instead.".into(),
                    path: Some(format!("/api/v2/conversations/{}", ids.conversation)),
                    ..Fix::default()
                }),
                _ => None,
            },
        ),
        _ => rules::WRONG_VERB.finding(
            Location::Verb,
            format!("{verb} is not a verb of this route; it takes {allowed}"),
            format!("The route table lists only {allowed} for this path; the server has no handler for {verb}."),
            same_path.first().map(|(r, _)| Fix {
                summary: format!("Use {}.", r.verb),
                verb: Some(r.verb),
                ..Fix::default()
            }),
        ),
    };
    out.push(finding);
}

/// The generic route for the shape's ids, with PATCH.
fn generic_route_fix(shape: &Shape, verb: Verb) -> Option<Fix> {
    match shape {
        Shape::Attributes(ids) => Some(Fix {
            summary: "Use the generic route, PATCH …/participants/{participantId}/attributes."
                .into(),
            verb: (verb != Verb::Patch).then_some(Verb::Patch),
            path: Some(ids.generic_attributes_path()),
            ..Fix::default()
        }),
        Shape::Participant(ids) => Some(Fix {
            summary: "Use the generic participant route.".into(),
            verb: (verb != Verb::Patch).then_some(Verb::Patch),
            path: Some(format!(
                "/api/v2/conversations/{}/participants/{}",
                ids.conversation, ids.participant
            )),
            ..Fix::default()
        }),
        Shape::Secure | Shape::Other => None,
    }
}

pub(crate) fn check_content_type(content_type: Option<&str>, out: &mut Vec<Finding>) {
    let fix = || {
        Some(Fix {
            summary: "Send Content-Type: application/json.".into(),
            content_type: Some("application/json".into()),
            ..Fix::default()
        })
    };
    let Some(content_type) = content_type.filter(|c| !c.trim().is_empty()) else {
        out.push(rules::CONTENT_TYPE_MISSING.finding(
            Location::ContentType,
            "the request has a body but no Content-Type".into(),
            "Every SDK sends Content-Type: application/json with these bodies, the only type the \
             operations consume. What the server does without one is not documented; some HTTP \
             clients then send text/plain or form data, which gets 415 unsupported.media.type."
                .into(),
            fix(),
        ));
        return;
    };
    match media_type(content_type).as_str() {
        "application/json" => {}
        "application/json-patch+json" => out.push(rules::CONTENT_TYPE_JSON_PATCH.finding(
            Location::ContentType,
            "application/json-patch+json is not accepted".into(),
            "These operations consume only application/json; no operation of the 3,310 in the Go SDK \
             declares json-patch. The server answers 415 unsupported.media.type. The PATCH verb here \
             means a merge of {\"attributes\": {…}}, not an RFC 6902 operation list."
                .into(),
            fix(),
        )),
        other => out.push(rules::CONTENT_TYPE_NOT_JSON.finding(
            Location::ContentType,
            format!("{other} is not accepted; send application/json"),
            "These operations consume only application/json; any other type gets 415 \
             unsupported.media.type."
                .into(),
            fix(),
        )),
    }
}
