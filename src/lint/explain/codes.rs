//! What each declared error code means for someone updating participant
//! attributes, and what to do next (§2 codes), plus generic text by HTTP
//! status for codes the fact sheet does not declare.

/// `(code, explanation, next step)` for every code of
/// [`crate::genesys::error_codes::ERROR_CODES`].
const CODES: &[(&str, &str, &str)] = &[
    (
        "bad.request",
        "The server could not accept the request as sent: the body or the route is wrong. The attribute route takes only ParticipantAttributes, whose one field `attributes` is a map of string to string (§2).",
        "Send exactly {\"attributes\": {\"key\": \"string\"}} with PATCH /api/v2/conversations/{conversationId}/participants/{participantId}/attributes, run `gc-attrs lint` on the request, and read `details` for the field at fault.",
    ),
    (
        "invalid.date",
        "A date-time field did not parse. ParticipantAttributes has no date field; date-times live in the participant PATCH body (MediaParticipantRequest resumeTime, wrapup endTime), so the request probably went to .../participants/{participantId} instead of .../attributes.",
        "Send date-times as ISO-8601 (2026-11-20T14:02:11.482Z); to store a date as an attribute, send it as a string inside {\"attributes\": {...}} on the .../attributes route.",
    ),
    (
        "invalid.value",
        "A value does not fit its field's type or allowed values (spec message: \"Value [%s] is not valid for field type [%s]. Allowable values are: %s\"). Attribute values are strings only (§2); enum fields such as `state` take only their listed values.",
        "Read the filled message and `details` for the field; quote numbers and booleans in attributes (\"42\", \"true\"), and use one of the allowable values the message lists.",
    ),
    (
        "authentication.required",
        "No usable bearer token reached the API: the Authorization header is missing or is not `Bearer <token>`.",
        "Get a token with client credentials at POST https://login.<region env>/oauth/token and send `Authorization: Bearer <token>` on every request.",
    ),
    (
        "bad.credentials",
        "The bearer token was refused: it expired (lifetime is set per OAuth client, default 86400 s) or was issued by another region or org than the API host you called.",
        "Get a new token at login.<region env> of the same region as the API host (api.mypurecloud.ie pairs with login.mypurecloud.ie) and send the request again.",
    ),
    (
        "missing.permissions",
        "The token's roles lack a permission the operation needs. The attribute PATCH itself \"Requires no permissions\" per the SDK docs (§1.1), so on .../attributes a 403 points at the token (whose org, which user or client) or at the conversation's division; the participant PATCH .../participants/{participantId} needs conversation:participant:wrapup, conversation:call:record or conversation:communication:disconnect (§1.2).",
        "Check the path ends in /attributes; if it does, check which client or user the token belongs to and that its roles cover the conversation's division. Client-credentials clients are authorized by roles, not scopes (§4): add the role to the OAuth client.",
    ),
    (
        "missing.any.permissions",
        "None of the permissions the operation accepts (it needs ANY one of them) is granted. The attribute PATCH \"Requires no permissions\" (§1.1); the participant PATCH needs one of conversation:participant:wrapup, conversation:call:record, conversation:communication:disconnect (§1.2), and the attributes search needs conversation:participant:attributesview (§1.3).",
        "If you meant to set attributes, send to .../participants/{participantId}/attributes; otherwise give the token's user or OAuth client a role with one of those permissions (client-credentials clients use roles, not scopes, §4).",
    ),
    (
        "not.authorized",
        "The caller is authenticated but not allowed to act on this resource. On the attribute PATCH, which requires no permissions (§1.1), that points at the token (another org, a user without access) or at the conversation's division.",
        "Check the token's org and region match the conversation's, and that its user or OAuth client's roles include the conversation's division; roles, not scopes, govern client-credentials clients (§4).",
    ),
    (
        "not.found",
        "The conversation or participant id is wrong (or from another org or region), or the route does not exist: there is no PUT and no GET on .../attributes, no /conversations/voice/... or /conversations/web/..., no chats route any more (removed from both SDKs), and socials, videos, screenshares, internalmessages and socialexpressions have no attributes route (socialexpressions has no route at all) (§1.1, §1.4, §5, §7).",
        "GET /api/v2/conversations/{conversationId}, copy the participant id from participants[].id, and send PATCH /api/v2/conversations/{conversationId}/participants/{participantId}/attributes.",
    ),
    (
        "unsupported.media.type",
        "The Content-Type was not application/json. These operations consume only application/json; application/json-patch+json is not supported (§3).",
        "Send `Content-Type: application/json` with the body {\"attributes\": {\"key\": \"string\"}}.",
    ),
    (
        "too.many.requests",
        "A rate limit was hit (spec message: \"Rate limit exceeded the maximum [%s] requests within [%s] seconds\"). The community-cited default is 300 requests per minute per client-credentials client; current values are unconfirmed (§4, §6).",
        "Wait the number of seconds in the Retry-After header, then send again more slowly; watch inin-ratelimit-count, inin-ratelimit-allowed and inin-ratelimit-reset. The Go SDK's retry gives up when Retry-After exceeds 180 s.",
    ),
    (
        "internal.server.error",
        "The API failed while handling the request; the code does not blame the body.",
        "Retry reads. Before re-sending the PATCH, GET the conversation to see whether the attributes already changed. If it persists, give support the contextId.",
    ),
    (
        "service.unavailable",
        "The API is temporarily unavailable; the request was probably not processed.",
        "Retry after a short wait (a Go SDK client with a RetryConfiguration retries 5xx except 501, honouring Retry-After); GET the conversation before re-sending a write; quote the contextId to support if it persists.",
    ),
    (
        "request.timeout",
        "The API did not answer in time; a write may or may not have been applied.",
        "GET the conversation and compare the participant's attributes before re-sending the PATCH; retry reads freely; quote the contextId to support if it persists.",
    ),
    (
        "authentication.request.timeout",
        "By its name, authenticating the request timed out inside the API; the request itself was not judged.",
        "Send the request again; if it keeps failing, get a fresh token at login.<region env> and quote the contextId to support.",
    ),
    (
        "conversation.error.participant.attribute.null",
        "The attributes map was null (spec message: \"Cannot update participant attribute map to a null value.\"). Declared for the participant PATCH in 2018.",
        "Send an object of strings: {\"attributes\": {\"key\": \"value\"}}; if there is nothing to change, send nothing. How to delete a key is not documented (§3).",
    ),
    (
        "conversation.error.hold.alerting",
        "Declared for the participant PATCH (MediaParticipantRequest): by its name, a hold was asked for while the communication was still alerting. Not an attribute error.",
        "Wait until the communication is connected before sending `held`; to set attributes, send {\"attributes\": {...}} to .../participants/{participantId}/attributes instead.",
    ),
    (
        "conversation.error.wrapup.code.required",
        "Declared for the participant PATCH (MediaParticipantRequest): by its name, a wrap-up code is required for this change. Not an attribute error.",
        "Include `wrapup` with a `code` in the MediaParticipantRequest; if you only meant to set attributes, PATCH .../participants/{participantId}/attributes with {\"attributes\": {...}}.",
    ),
    (
        "conversation.error.cannot.disconnect.call",
        "Declared for the participant PATCH (MediaParticipantRequest): by its name, the call could not be disconnected in its current state. Not an attribute error.",
        "GET the conversation and check the participant's call state; setting attributes needs no disconnect: PATCH .../participants/{participantId}/attributes.",
    ),
    (
        "conversation.error.participant.no.active.conversations",
        "Declared for the participant PATCH (MediaParticipantRequest): by its name, the participant has no active communication to act on.",
        "GET the conversation and check the participant's media states; send attributes to .../attributes, and note Analytics does not save attributes set after the conversation has completed (§3).",
    ),
    (
        "conversation.error.not.conversation.participant",
        "The participant id is not a participant of this conversation (a user id, a communication id, or a participant of another conversation).",
        "GET /api/v2/conversations/{conversationId}, copy the id from participants[].id (not participants[].userId or a calls[].id), and send again.",
    ),
];

/// The explanation and next step of a declared code.
pub(super) fn for_code(code: &str) -> Option<(&'static str, &'static str)> {
    CODES
        .iter()
        .find(|(c, ..)| *c == code)
        .map(|&(_, explanation, next)| (explanation, next))
}

/// Generic explanation and next step from the HTTP status alone (used for
/// codes the fact sheet does not declare, and bodies with no code).
pub(super) fn for_status(status: Option<i64>) -> (&'static str, &'static str) {
    match status {
        Some(400) => (
            "The request was rejected as malformed (400), with no code the fact sheet declares.",
            "Check the body is {\"attributes\": {\"key\": \"string\"}} on PATCH .../participants/{participantId}/attributes and run `gc-attrs lint`.",
        ),
        Some(401) => (
            "Authentication failed (401): the token is missing, expired, or from another region or org.",
            "Get a new token at login.<region env> of the API host's region and send `Authorization: Bearer <token>`.",
        ),
        Some(403) => (
            "Forbidden (403). The attribute PATCH requires no permissions (§1.1), so look at the token and the conversation's division.",
            "Check the path ends in /attributes and which user or OAuth client the token belongs to; client-credentials clients use roles, not scopes.",
        ),
        Some(404) => (
            "Not found (404): a wrong conversation or participant id, or a route that does not exist.",
            "GET /api/v2/conversations/{conversationId}, take the id from participants[].id, and PATCH .../participants/{participantId}/attributes.",
        ),
        Some(405) => (
            "Method not allowed (405). Participant attributes take only PATCH; no PUT or GET exists on .../attributes (§1.1, §1.4).",
            "Send PATCH, not PUT or POST, to .../participants/{participantId}/attributes.",
        ),
        Some(409 | 422) => (
            "The fact sheet declares no 409 or 422 for the attribute routes (§5); such an answer is undocumented behaviour.",
            "Check the host and route are the Genesys Cloud API (api.<region env>) and keep the contextId for support.",
        ),
        Some(415) => (
            "Unsupported media type (415): only application/json is accepted (§3).",
            "Send `Content-Type: application/json`.",
        ),
        Some(429) => (
            "Too many requests (429): a rate limit was hit.",
            "Wait the Retry-After seconds, then send more slowly.",
        ),
        Some(502..=504) => (
            "A gateway, load balancer or the API itself was unavailable or too slow (502/503/504); usually transient.",
            "Retry reads after a short wait; GET the conversation before re-sending a write; keep the contextId or ININ-Correlation-Id for support.",
        ),
        Some(s) if (400..500).contains(&s) => (
            "A client error (4xx) the fact sheet does not declare for these routes.",
            "Compare the request with `gc-attrs lint` and keep the contextId for support.",
        ),
        Some(s) if (500..600).contains(&s) => (
            "A server error (5xx); not caused by the body as far as the status says.",
            "Retry reads; GET the conversation before re-sending a write; quote the contextId to support if it persists.",
        ),
        Some(_) => (
            "This status is not an HTTP error status.",
            "Check that this is the error answer you meant to decode.",
        ),
        None => (
            "Neither a code nor an HTTP status says what failed.",
            "Pass the HTTP status of the answer, and keep its ININ-Correlation-Id header for support.",
        ),
    }
}

/// Generic explanation of a token-endpoint error (§4); `error` is what the
/// answer's `error` field says, repeated and not interpreted.
pub(super) fn oauth(error: Option<&str>) -> (String, &'static str) {
    let said = error.map_or_else(
        || "no `error` field".to_owned(),
        |e| format!("`error` says \"{e}\""),
    );
    (
        format!(
            "The login server refused to issue a token ({said}). With client credentials this usually means a wrong client id or secret, or a token URL that is not login.<region env> of the org's region."
        ),
        "POST https://login.<region env>/oauth/token with `Authorization: Basic base64(clientId:clientSecret)`, `Content-Type: application/x-www-form-urlencoded` and body grant_type=client_credentials; the login host is the API host with api. replaced by login. (not the org's own domain).",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::genesys::error_codes::{ERROR_CODES, lookup};

    #[test]
    fn every_declared_code_has_a_specific_explanation() {
        for declared in ERROR_CODES {
            let (explanation, next) = for_code(declared.code)
                .unwrap_or_else(|| panic!("no explanation for {}", declared.code));
            let (generic_explanation, generic_next) =
                for_status(Some(i64::from(declared.status_or_assumed())));
            assert_ne!(explanation, generic_explanation, "{}", declared.code);
            assert_ne!(next, generic_next, "{}", declared.code);
            assert!(
                explanation.len() > 40 && next.len() > 40,
                "{}",
                declared.code
            );
        }
    }

    #[test]
    fn the_table_holds_only_declared_codes_once() {
        for (i, (code, ..)) in CODES.iter().enumerate() {
            assert!(lookup(code).is_some(), "{code} is not declared");
            assert!(CODES[i + 1..].iter().all(|(c, ..)| c != code), "{code}");
        }
        assert_eq!(CODES.len(), ERROR_CODES.len());
    }
}
