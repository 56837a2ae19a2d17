//! Rules that judge a path against the complete route list (fact sheet §7):
//! a path that does not exist (with the nearest real routes as the fix), a
//! verb the path does not have, deprecated and preview routes, the removed
//! chats routes, and real routes whose bodies gc-attrs does not check.

use serde_json::Value;

use super::request::{Ids, Shape};
use super::{Finding, Fix, Location, rules};
use crate::genesys::routes::inventory::{
    ApiRoute, BodyNeed, Intent, Near, PREFIX, PathMatch, inventory,
};
use crate::genesys::{AttributeRoute, Lifecycle, Media, MediaParticipantRequest, Route, Verb};

/// Path segments that forum answers invent under `/api/v2/conversations` (§5 h).
const INVENTED_SEGMENTS: &[&str] = &["voice", "web", "interactions"];

/// What the path and verb resolved to.
pub(crate) enum Resolved {
    /// A route gc-attrs models (`ROUTES`): its body rules apply.
    Modelled(&'static Route),
    /// A real route gc-attrs does not model: its body is not checked.
    Unmodelled,
    /// No route with this verb and path: the body is checked as the shape
    /// of the path suggests (an attribute path as the generic writer).
    Unresolved,
}

/// The body model a body looks like, to rank the nearest routes.
pub(crate) fn body_model_of(body: Option<&Value>) -> Option<&'static str> {
    let object = body?.as_object()?;
    if object.contains_key("attributes") {
        Some(if object.contains_key("version") {
            "ConversationSecureAttributes"
        } else {
            "ParticipantAttributes"
        })
    } else if object
        .keys()
        .any(|k| MediaParticipantRequest::FIELDS.contains(&k.as_str()))
    {
        Some("MediaParticipantRequest")
    } else {
        None
    }
}

/// Checks the verb and path against the inventory.
pub(crate) fn check_route(
    verb: Verb,
    path: &str,
    shape: &Shape,
    body: Option<&Value>,
    sends_body: bool,
    out: &mut Vec<Finding>,
) -> Resolved {
    let under_prefix = path == PREFIX || path.starts_with("/api/v2/conversations/");
    if !under_prefix {
        out.push(rules::UNKNOWN_ROUTE.finding(
            Location::Route,
            format!("{verb} {path} is outside /api/v2/conversations"),
            "gc-attrs knows the routes under /api/v2/conversations only (the complete list of the \
             Python SDK, fact sheet §7). Check this path against the API reference before sending."
                .into(),
            generic_route_fix(shape, verb),
        ));
        return Resolved::Unresolved;
    }
    let intent = Intent {
        verb: Some(verb),
        body_model: body_model_of(body),
    };
    let Some(found) = inventory().lookup(path) else {
        missing(verb, path, shape, intent, out);
        return Resolved::Unresolved;
    };
    let Some(route) = found.route(verb) else {
        wrong_verb(verb, shape, &found, sends_body, out);
        return Resolved::Unresolved;
    };
    lifecycle(route, shape, out);
    if let Some((modelled, _)) = Route::find(verb, path) {
        return Resolved::Modelled(modelled);
    }
    if route.body_model.is_some() || (sends_body && body.is_some()) {
        out.push(not_checked(route));
    }
    Resolved::Unmodelled
}

fn not_checked(route: &ApiRoute) -> Finding {
    let takes = match (route.body_model, route.body) {
        (Some(model), BodyNeed::Required) => format!("takes a {model} body (required)"),
        (Some(model), _) => format!("takes an optional {model} body"),
        (None, _) => "takes no body".to_owned(),
    };
    rules::BODY_NOT_CHECKED.finding(
        Location::Route,
        format!(
            "{} {} {takes}; gc-attrs does not check it",
            route.verb, route.template
        ),
        format!(
            "The route is real ({}, {}:{} in the Python SDK), but gc-attrs models only the \
             participant-attribute writers, the participant PATCH, the secure attributes and the \
             conversation reads. Nothing about this body was checked: compare it with the {} model \
             in the API reference.",
            route.python,
            route.source.0,
            route.source.1,
            route.body_model.unwrap_or("operation's"),
        ),
        None,
    )
}

fn missing(verb: Verb, path: &str, shape: &Shape, intent: Intent<'_>, out: &mut Vec<Finding>) {
    let segments: Vec<&str> = path.split('/').collect();
    let near = inventory().nearest(path, intent);
    let fix = generic_route_fix(shape, verb).or_else(|| nearest_fix(verb, &near));
    if segments.get(4) == Some(&"chats") {
        out.push(rules::REMOVED_CHATS.finding(
            Location::Route,
            "the chats routes were removed from the API".into(),
            "The chats routes (ACD web chat v2), the participant-attribute PATCH among them, were \
             deprecated and then removed from both SDKs: from the JS SDK in 259.0.0 (August 2026, API \
             version 10706) and from the Python SDK by 269.0.0, whose route list has no chats route \
             (§1.1, §7). Only the Go SDK v188 still lists them, deprecated. Old conversations can still \
             show a chats[] array; write their attributes with the generic route, which has no media \
             segment."
                .into(),
            fix,
        ));
        return;
    }
    if let Some(bad) = segments.iter().find(|s| INVENTED_SEGMENTS.contains(s)) {
        out.push(rules::INVENTED_PATH.finding(
            Location::Route,
            format!("/api/v2/conversations/{bad}/… does not exist"),
            "No route has a voice, web or interactions segment under /api/v2/conversations; voice \
             appears only in /calls/{id}/participants/{pid}/voice/consult. Calls are under /calls/, \
             and the generic route works for every media type that has attributes (§5 h, §7)."
                .into(),
            fix,
        ));
        return;
    }
    if let Shape::Attributes(Ids {
        media: Some(media), ..
    }) = shape
    {
        if Media::from_segment(media).is_some_and(|m| m.attribute_route() == AttributeRoute::None) {
            out.push(rules::MEDIA_WITHOUT_ATTRIBUTES.finding(
                Location::Route,
                format!("{media} has no participant-attribute route"),
                "socials, videos, screenshares, socialexpressions and internalmessages have no \
                 participant-attribute route: socials and screenshares have wrap-up and \
                 recording-state routes, videos also details and meetings, internalmessages a GET \
                 only, and socialexpressions no route at all (§1.1). The generic route has no media \
                 segment and serves every participant."
                    .into(),
                fix,
            ));
            return;
        }
    }
    out.push(rules::NO_SUCH_ROUTE.finding(
        Location::Route,
        format!("{verb} {path}: no route of the API has this path"),
        format!(
            "The Python SDK lists every route under /api/v2/conversations (318, fact sheet §7) and \
             none matches this path, so the server has nothing to answer it with (expect 404 \
             not.found). Nearest real routes: {}. (Nearness counts the path segments to change, \
             add or drop; a parameter takes any id; a route without this verb or this body's model \
             counts as farther.)",
            list(&near)
        ),
        nearest_fix(verb, &near),
    ));
}

fn list(near: &[Near<'_>]) -> String {
    if near.is_empty() {
        return "none".into();
    }
    near.iter()
        .map(|n| format!("{} {}", n.verb, n.template))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The fix for a path that does not exist: the nearest route, with the
/// request's ids filled in, when it is clearly nearer than the next one.
fn nearest_fix(verb: Verb, near: &[Near<'_>]) -> Option<Fix> {
    let best = near.first()?;
    let clear = near.get(1).is_none_or(|next| next.distance > best.distance);
    if clear {
        Some(Fix {
            summary: format!("Use {} {}.", best.verb, best.template),
            verb: (best.verb != verb).then_some(best.verb),
            path: Some(best.path.clone()),
            ..Fix::default()
        })
    } else {
        Some(Fix {
            summary: format!("Use one of the nearest real routes: {}.", list(near)),
            ..Fix::default()
        })
    }
}

fn lifecycle(route: &ApiRoute, shape: &Shape, out: &mut Vec<Finding>) {
    let fix = generic_route_fix(shape, route.verb);
    match route.lifecycle {
        Lifecycle::Current | Lifecycle::Removed => {}
        Lifecycle::Deprecated => {
            let why = if route.template.contains("/cobrowsesessions/")
                || route.template.contains("/screenshares/")
            {
                "It belongs to legacy co-browse and screen share (the SDK points to \
                 help.genesys.cloud/articles/deprecation-legacy-co-browse-and-screenshare/); the \
                 generic participant routes serve the same participants."
            } else {
                "The SDK's documentation of the method names its replacement."
            };
            out.push(rules::DEPRECATED.finding(
                Location::Route,
                format!("{} {} is deprecated", route.verb, route.template),
                format!(
                    "Lifecycle: deprecated. The Python SDK marks {} deprecated ({}:{}, fact sheet \
                     §7): it still works, but may be removed. {why}",
                    route.python, route.source.0, route.source.1
                ),
                fix,
            ));
        }
        Lifecycle::Preview => out.push(rules::PREVIEW.finding(
            Location::Route,
            format!("{} {} is a preview", route.verb, route.template),
            format!(
                "Lifecycle: preview. The Python SDK says {} \"is a preview method and is subject to \
                 both breaking and non-breaking changes at any time without notice\" ({}:{}, fact \
                 sheet §7). Do not build a production integration on it.",
                route.python, route.source.0, route.source.1
            ),
            fix,
        )),
    }
}

fn wrong_verb(
    verb: Verb,
    shape: &Shape,
    found: &PathMatch<'_>,
    sends_body: bool,
    out: &mut Vec<Finding>,
) {
    let allowed = found
        .verbs()
        .iter()
        .map(|v| v.as_str())
        .collect::<Vec<_>>()
        .join(", ");
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
            format!("there is no PUT on a participant; the route takes {allowed}"),
            "put_conversation_participant does not exist (§5 e); the only PUT under a participant is \
             …/participants/{participantId}/flaggedreason. State, wrap-up, hold and recording go by \
             PATCH …/participants/{participantId}; attributes by PATCH …/participants/{participantId}/attributes."
                .into(),
            fix_verb("Use PATCH.", Verb::Patch),
        ),
        (Shape::Attributes(ids), Verb::Get) => rules::WRONG_VERB.finding(
            Location::Verb,
            format!("there is no GET on participant attributes; the route takes {allowed}"),
            "Read the attributes from the participant in GET /api/v2/conversations/{conversationId} \
             (participants[].attributes); the attributes route takes PATCH only (§1.3)."
                .into(),
            Some(Fix {
                summary: "Read the conversation instead.".into(),
                path: Some(ids.conversation_path()),
                ..Fix::default()
            }),
        ),
        _ => {
            // With a body, the verb whose route takes one; else the first.
            let to = found
                .routes
                .iter()
                .find(|r| !sends_body || r.body_model.is_some())
                .or(found.routes.first())
                .map(|r| r.verb);
            rules::WRONG_VERB.finding(
                Location::Verb,
                format!("{verb} is not a verb of this path; it takes {allowed}"),
                format!(
                    "The API lists only {allowed} for {} (fact sheet §7); the server has no handler \
                     for {verb}.",
                    found.template
                ),
                to.and_then(|to| fix_verb(&format!("Use {to}."), to)),
            )
        }
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
            path: Some(ids.participant_path()),
            ..Fix::default()
        }),
        Shape::Secure | Shape::Other => None,
    }
}
