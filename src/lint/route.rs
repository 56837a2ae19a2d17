//! Rules on the verb, the path's form (prefix, placeholders, ids) and the
//! content type. Whether the route exists is judged in `inventory`.

use super::request::{NormalPath, Shape, is_placeholder, is_uuid, media_type};
use super::{Finding, Fix, Location, rules};
use crate::genesys::Verb;

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
