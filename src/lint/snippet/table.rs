//! The fixed names a text may hold: invented SDK methods, models, packages,
//! imports, scopes and permissions, routes, fields, codes and URLs (false),
//! and the real names a right answer uses (true). Each with the truth, the
//! fix and the fact-sheet section.

use super::{Hit, TextClaim, Verdict, identifier_char, stands_alone, token_char};

/// How a pattern must stand in the line.
#[derive(Clone, Copy)]
enum Stand {
    /// As an identifier: no letter, digit or `_` either side.
    Word,
    /// As a token: nor `-`, `+` or `:` either side (scopes, packages).
    Token,
    /// Anywhere.
    Anywhere,
}

struct Entry {
    pattern: &'static str,
    stand: Stand,
    verdict: Verdict,
    rule: &'static str,
    says: &'static str,
    truth: &'static str,
    fix: &'static str,
    evidence: &'static str,
    /// The claim is not made when the line holds one of these.
    unless: &'static [&'static str],
}

const NOT_EXIST: &str = "does not exist";

/// A false claim: a name that does not exist.
const fn invented(
    pattern: &'static str,
    stand: Stand,
    rule: &'static str,
    truth: &'static str,
    fix: &'static str,
    evidence: &'static str,
) -> Entry {
    Entry {
        pattern,
        stand,
        verdict: Verdict::False,
        rule,
        says: NOT_EXIST,
        truth,
        fix,
        evidence,
        unless: &[],
    }
}

/// A true claim: a real name, said right.
const fn real(
    pattern: &'static str,
    stand: Stand,
    rule: &'static str,
    truth: &'static str,
    evidence: &'static str,
) -> Entry {
    Entry {
        pattern,
        stand,
        verdict: Verdict::True,
        rule,
        says: "is right",
        truth,
        fix: "Nothing to change.",
        evidence,
        unless: &[],
    }
}

const SCOPE_TRUTH: &str = "Not a scope or permission name. Scopes look like conversations or \
    conversations:readonly; conversation:participant:* strings are permissions (wrapup, \
    attributesview, attributesedit), and the attribute PATCH requires no permission. \
    Client-credentials tokens carry roles, not scopes.";
const SCOPE_FIX: &str = "Client-credentials clients get roles, not scopes; other grants use the \
    conversations scope (presumed, unconfirmed).";
const MODEL_TRUTH: &str = "No such model in the Python, JavaScript or Go SDK.";
const MODEL_FIX: &str = "Use ParticipantAttributes: {\"attributes\": {\"key\": \"value\"}}.";
const ROUTE_FIX: &str =
    "PATCH /api/v2/conversations/{conversationId}/participants/{participantId}/attributes";
const NPM_FIX: &str = "npm install purecloud-platform-client-v2, then \
    require('purecloud-platform-client-v2').";
const PIP_FIX: &str =
    "pip install PureCloudPlatformClientV2, then import PureCloudPlatformClientV2.";

const ENTRIES: &[Entry] = &[
    invented(
        "update_conversation_participant_attributes",
        Stand::Word,
        "claim/invented-sdk-method",
        "The Python SDK has no update_* method at all (its prefixes are delete, get, head, patch, post, put), and no PUT exists on participant attributes.",
        "Call patch_conversation_participant_attributes(conversation_id, participant_id, body) with body = ParticipantAttributes(attributes={...}).",
        "§5 a",
    ),
    invented(
        "put_conversation_participant",
        Stand::Word,
        "claim/invented-sdk-method",
        "put_conversation_participant does not exist; the only PUT under a participant is put_conversation_participant_flaggedreason.",
        "Use patch_conversation_participant_attributes for attributes, patch_conversation_participant for state and wrap-up.",
        "§5 e",
    ),
    invented(
        "patch_conversation_call_participant",
        Stand::Word,
        "claim/invented-sdk-method",
        "The real name is patch_conversations_call_participant (plural), and its body, MediaParticipantRequest, has no attributes.",
        "Use patch_conversations_call_participant_attributes or the generic patch_conversation_participant_attributes.",
        "§5 g",
    ),
    invented(
        "updateConversationParticipant",
        Stand::Word,
        "claim/invented-sdk-method",
        "platformClient.ConversationsApi has no updateConversationParticipant.",
        "Use patchConversationParticipantAttributes(conversationId, participantId, body).",
        "§5",
    ),
    invented(
        "ConversationParticipantUpdate",
        Stand::Word,
        "claim/invented-model",
        MODEL_TRUTH,
        MODEL_FIX,
        "§5 f",
    ),
    invented(
        "ConversationParticipantPatch",
        Stand::Word,
        "claim/invented-model",
        MODEL_TRUTH,
        MODEL_FIX,
        "§5 f",
    ),
    invented(
        "ParticipantPatchRequest",
        Stand::Word,
        "claim/invented-model",
        MODEL_TRUTH,
        MODEL_FIX,
        "§5 f",
    ),
    invented(
        "conversation:participant:write",
        Stand::Token,
        "claim/invented-scope",
        SCOPE_TRUTH,
        SCOPE_FIX,
        "§5 j",
    ),
    invented(
        "conversation:write",
        Stand::Token,
        "claim/invented-scope",
        SCOPE_TRUTH,
        SCOPE_FIX,
        "§5 j",
    ),
    invented(
        "conversation:modify",
        Stand::Token,
        "claim/invented-scope",
        SCOPE_TRUTH,
        SCOPE_FIX,
        "§5 j",
    ),
    invented(
        "conversations:participant:write",
        Stand::Token,
        "claim/invented-scope",
        SCOPE_TRUTH,
        SCOPE_FIX,
        "§13",
    ),
    invented(
        "conversation:read",
        Stand::Token,
        "claim/invented-scope",
        SCOPE_TRUTH,
        SCOPE_FIX,
        "§13",
    ),
    invented(
        "conversation:view",
        Stand::Token,
        "claim/invented-scope",
        SCOPE_TRUTH,
        SCOPE_FIX,
        "§13",
    ),
    invented(
        "webchat:write",
        Stand::Token,
        "claim/invented-scope",
        SCOPE_TRUTH,
        SCOPE_FIX,
        "§13",
    ),
    invented(
        "websocket:read",
        Stand::Token,
        "claim/invented-scope",
        SCOPE_TRUTH,
        SCOPE_FIX,
        "§13",
    ),
    invented(
        "notification:read",
        Stand::Token,
        "claim/invented-scope",
        SCOPE_TRUTH,
        SCOPE_FIX,
        "§13",
    ),
    invented(
        "analytics:detail:read",
        Stand::Token,
        "claim/invented-scope",
        SCOPE_TRUTH,
        SCOPE_FIX,
        "§13",
    ),
    invented(
        "genesyscloud",
        Stand::Word,
        "claim/invented-package",
        "The Python SDK is PureCloudPlatformClientV2 (PyPI purecloudplatformclientv2); there is no genesyscloud package (only the unrelated genesyscloudcli).",
        PIP_FIX,
        "§5 l",
    ),
    invented(
        "genesys-cloud-purecloud-sdk",
        Stand::Token,
        "claim/invented-package",
        "No such package: the Python SDK is PureCloudPlatformClientV2, the npm one purecloud-platform-client-v2.",
        PIP_FIX,
        "§13",
    ),
    invented(
        "@genesyscloud/purecloud-platform-client-v2",
        Stand::Anywhere,
        "claim/invented-package",
        "The npm package has no scope: it is purecloud-platform-client-v2.",
        NPM_FIX,
        "§13",
    ),
    invented(
        "from genesyscloud import",
        Stand::Anywhere,
        "claim/invented-import",
        "There is no genesyscloud module; the Python SDK's module is PureCloudPlatformClientV2.",
        "from PureCloudPlatformClientV2 import ConversationsApi, ParticipantAttributes",
        "§13",
    ),
    invented(
        "ConversationApi",
        Stand::Word,
        "claim/invented-import",
        "The API class is ConversationsApi (plural) in every SDK.",
        "ConversationsApi",
        "§13",
    ),
    invented(
        "/conversations/voice/",
        Stand::Anywhere,
        "claim/invented-route",
        "No /conversations/voice/ route exists; calls are under /conversations/calls/ (voice appears only in /calls/{id}/participants/{pid}/voice/consult).",
        ROUTE_FIX,
        "§5 h",
    ),
    invented(
        "/conversations/web/",
        Stand::Anywhere,
        "claim/invented-route",
        "No /conversations/web/ route exists.",
        ROUTE_FIX,
        "§5 h",
    ),
    invented(
        "/conversations/interactions",
        Stand::Anywhere,
        "claim/invented-route",
        "No /conversations/interactions route exists.",
        ROUTE_FIX,
        "§5 h",
    ),
    invented(
        "application/json-patch+json",
        Stand::Anywhere,
        "claim/json-patch",
        "No operation declares json-patch; these consume application/json only, and the server answers 415.",
        "Content-Type: application/json with {\"attributes\": {...}}.",
        "§5 i",
    ),
    invented(
        "externalAttributes",
        Stand::Word,
        "claim/invented-field",
        "No externalAttributes field exists on a participant or its attribute body.",
        "{\"attributes\": {\"key\": \"value\"}}",
        "§5",
    ),
    invented(
        "participantAttributes",
        Stand::Word,
        "claim/invented-field",
        "ParticipantAttributes (the model) has one field, attributes; participantAttributes is not a body key.",
        "{\"attributes\": {\"key\": \"value\"}}",
        "§5 c",
    ),
    Entry {
        unless: &["CustomAttributes"],
        ..invented(
            "custom_attributes",
            Stand::Word,
            "claim/invented-field",
            "custom_attributes is only a Python attribute name of the separate custom-attributes API (serialized as customAttributes); ParticipantAttributes has only attributes.",
            "{\"attributes\": {\"key\": \"value\"}}",
            "§5 c",
        )
    },
    invented(
        "invalid_request_body",
        Stand::Word,
        "claim/invented-error-code",
        "No such error code: the codes are dotted, e.g. bad.request, invalid.value (§2).",
        "Expect \"code\": \"bad.request\" (or invalid.value) with \"status\": 400.",
        "§13",
    ),
    invented(
        "/api/v2/notifications/stream",
        Stand::Anywhere,
        "claim/invented-notifications",
        "No such route: create a channel (POST /api/v2/notifications/channels) and open its connectUri (wss://streaming.<env>/channels/<channelId>).",
        "POST /api/v2/notifications/channels, then open Channel.connectUri.",
        "§8, §13",
    ),
    invented(
        "/api/v2/oauth/token",
        Stand::Anywhere,
        "claim/token-url",
        "The token URL is on the login host, not under /api/v2: POST https://login.<env>/oauth/token.",
        "POST https://login.<env>/oauth/token with grant_type=client_credentials",
        "§4, §13",
    ),
    Entry {
        says: "is not an Architect action",
        ..invented(
            "SetParticipantAttribute",
            Stand::Word,
            "claim/invented-flow-action",
            "Architect has no such block: the action is Set Participant Data (participant data = participant attributes).",
            "Use the Set Participant Data action.",
            "§12, §13",
        )
    },
    Entry {
        says: "is not an Architect action",
        ..invented(
            "SetParticipantAttributes",
            Stand::Word,
            "claim/invented-flow-action",
            "Architect has no such block: the action is Set Participant Data (participant data = participant attributes).",
            "Use the Set Participant Data action.",
            "§12, §13",
        )
    },
    real(
        "ParticipantAttributes",
        Stand::Word,
        "claim/model",
        "The body model of the attribute PATCH: {\"attributes\": map<string,string>}, its only field.",
        "§2, §5 b",
    ),
    real(
        "Participantattributes",
        Stand::Word,
        "claim/model",
        "The Go SDK's spelling of the ParticipantAttributes model.",
        "§11",
    ),
    real(
        "MediaParticipantRequest",
        Stand::Word,
        "claim/model",
        "The body of the participant PATCH (wrap-up, state, recording, muted, held, …); it has no attributes field.",
        "§2",
    ),
    real(
        "ConversationsApi",
        Stand::Word,
        "claim/import",
        "The API class of every official SDK.",
        "§11",
    ),
    real(
        "PureCloudPlatformClientV2",
        Stand::Word,
        "claim/package",
        "The Python SDK: pip install PureCloudPlatformClientV2, import PureCloudPlatformClientV2.",
        "§4",
    ),
    real(
        "purecloud-platform-client-v2",
        Stand::Token,
        "claim/package",
        "The JavaScript SDK's npm package.",
        "§4",
    ),
    real(
        "application/json",
        Stand::Token,
        "claim/content-type",
        "The only content type these operations consume.",
        "§3",
    ),
    real(
        "conversationDetails.participantData.",
        Stand::Anywhere,
        "claim/participant-data-key",
        "A documented key form (Architect's custom conversation attributes): legal, not an error.",
        "§12",
    ),
];

/// Finds the fixed names in one line.
pub(super) fn find(line_index: usize, line: &str, out: &mut Vec<TextClaim>) {
    for entry in ENTRIES {
        if entry.unless.iter().any(|u| line.contains(u)) {
            continue;
        }
        for (start, _) in line.match_indices(entry.pattern) {
            let end = start + entry.pattern.len();
            let alone = match entry.stand {
                Stand::Word => stands_alone(line, start, end, identifier_char),
                Stand::Token => stands_alone(line, start, end, token_char),
                Stand::Anywhere => true,
            };
            // genesyscloudcli is an unrelated, real package.
            if !alone
                || (entry.pattern == "genesyscloud" && line[start..].starts_with("genesyscloudcli"))
            {
                continue;
            }
            let hit = Hit {
                line_index,
                line,
                start,
                end,
            };
            out.push(hit.claim(
                entry.verdict,
                entry.rule,
                (
                    entry.says,
                    entry.truth.to_owned(),
                    entry.fix.to_owned(),
                    entry.evidence,
                ),
            ));
        }
    }
}

#[cfg(test)]
pub(super) fn rules() -> Vec<(&'static str, Verdict)> {
    ENTRIES.iter().map(|e| (e.rule, e.verdict)).collect()
}
