//! Claims found in code or prose, such as a forum answer pasted whole: SDK
//! methods, models, scopes, packages, routes and fields that do not exist
//! (§5). Each is reported at its line and column.

use super::{Finding, Fix, Location, Rule, rules};

/// A pattern, whether it must stand as a whole word, the rule, and the fix.
struct Claim {
    pattern: &'static str,
    whole_word: bool,
    rule: Rule,
    why: &'static str,
    fix: &'static str,
}

const fn claim(
    pattern: &'static str,
    whole_word: bool,
    rule: Rule,
    why: &'static str,
    fix: &'static str,
) -> Claim {
    Claim {
        pattern,
        whole_word,
        rule,
        why,
        fix,
    }
}

const CLAIMS: &[Claim] = &[
    claim(
        "update_conversation_participant_attributes",
        true,
        rules::CLAIM_SDK_METHOD,
        "The Python SDK has no update_* method at all (its prefixes are delete, get, head, patch, post, put), and no PUT exists on participant attributes.",
        "Call patch_conversation_participant_attributes(conversation_id, participant_id, body) with body = ParticipantAttributes(attributes={...}).",
    ),
    claim(
        "put_conversation_participant",
        true,
        rules::CLAIM_SDK_METHOD,
        "put_conversation_participant does not exist; the only PUT under a participant is put_conversation_participant_flaggedreason.",
        "Use patch_conversation_participant_attributes for attributes, patch_conversation_participant for state and wrap-up.",
    ),
    claim(
        "patch_conversation_call_participant",
        true,
        rules::CLAIM_SDK_METHOD,
        "The real name is patch_conversations_call_participant (plural), and its body, MediaParticipantRequest, has no attributes.",
        "Use patch_conversations_call_participant_attributes or the generic patch_conversation_participant_attributes.",
    ),
    claim(
        "updateConversationParticipant",
        true,
        rules::CLAIM_SDK_METHOD,
        "platformClient.ConversationsApi has no updateConversationParticipant.",
        "Use patchConversationParticipantAttributes(conversationId, participantId, body).",
    ),
    claim(
        "ConversationParticipantUpdate",
        true,
        rules::CLAIM_MODEL,
        "No such model in the Python, JavaScript or Go SDK.",
        "Use ParticipantAttributes.",
    ),
    claim(
        "ConversationParticipantPatch",
        true,
        rules::CLAIM_MODEL,
        "No such model in the Python, JavaScript or Go SDK.",
        "Use ParticipantAttributes.",
    ),
    claim(
        "ParticipantPatchRequest",
        true,
        rules::CLAIM_MODEL,
        "No such model in the Python, JavaScript or Go SDK.",
        "Use ParticipantAttributes.",
    ),
    claim(
        "conversation:participant:write",
        true,
        rules::CLAIM_SCOPE,
        "Not a scope; conversation:participant:* strings are permissions (wrapup, attributesview, attributesedit), and the attribute PATCH requires no permission.",
        "Client-credentials clients get roles, not scopes; other grants use the conversations scope (presumed, unconfirmed).",
    ),
    claim(
        "conversation:write",
        true,
        rules::CLAIM_SCOPE,
        "Not a scope name; scopes look like conversations or conversations:readonly.",
        "Client-credentials clients get roles, not scopes; other grants use the conversations scope (presumed, unconfirmed).",
    ),
    claim(
        "conversation:modify",
        true,
        rules::CLAIM_SCOPE,
        "Not a scope name; scopes look like conversations or conversations:readonly.",
        "Client-credentials clients get roles, not scopes; other grants use the conversations scope (presumed, unconfirmed).",
    ),
    claim(
        "genesyscloud",
        true,
        rules::CLAIM_PACKAGE,
        "The Python SDK is PureCloudPlatformClientV2 (PyPI purecloudplatformclientv2); there is no genesyscloud package.",
        "pip install PureCloudPlatformClientV2, then import PureCloudPlatformClientV2.",
    ),
    claim(
        "/conversations/voice/",
        false,
        rules::CLAIM_ROUTE,
        "No /conversations/voice/ route exists; calls are under /conversations/calls/.",
        "PATCH /api/v2/conversations/{conversationId}/participants/{participantId}/attributes",
    ),
    claim(
        "/conversations/web/",
        false,
        rules::CLAIM_ROUTE,
        "No /conversations/web/ route exists.",
        "PATCH /api/v2/conversations/{conversationId}/participants/{participantId}/attributes",
    ),
    claim(
        "/conversations/interactions",
        false,
        rules::CLAIM_ROUTE,
        "No /conversations/interactions route exists.",
        "PATCH /api/v2/conversations/{conversationId}/participants/{participantId}/attributes",
    ),
    claim(
        "application/json-patch+json",
        false,
        rules::CLAIM_CONTENT_TYPE,
        "No operation declares json-patch; these consume application/json only, and the server answers 415.",
        "Content-Type: application/json with {\"attributes\": {...}}.",
    ),
    claim(
        "externalAttributes",
        true,
        rules::CLAIM_FIELD,
        "No externalAttributes field exists on a participant or its attribute body.",
        "{\"attributes\": {\"key\": \"value\"}}",
    ),
    claim(
        "participantAttributes",
        true,
        rules::CLAIM_FIELD,
        "ParticipantAttributes (the model) has one field, attributes; participantAttributes is not a body key.",
        "{\"attributes\": {\"key\": \"value\"}}",
    ),
    claim(
        "\"status\": \"Bad Request\"",
        false,
        rules::CLAIM_STATUS_STRING,
        "ErrorBody.status is an integer, the HTTP code (400); the reason phrase is not in the body.",
        "\"status\": 400",
    ),
];

/// Finds the claims of §5 in a piece of code or prose.
#[must_use]
pub fn check_snippet(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for (line_index, line) in text.lines().enumerate() {
        for claim in CLAIMS {
            for (byte, _) in line.match_indices(claim.pattern) {
                if claim.whole_word && !whole_word(line, byte, claim.pattern.len()) {
                    continue;
                }
                // genesyscloudcli is an unrelated, real package.
                if claim.pattern == "genesyscloud" && line[byte..].starts_with("genesyscloudcli") {
                    continue;
                }
                out.push(claim.rule.finding(
                    Location::LineColumn {
                        line: line_index + 1,
                        column: line[..byte].chars().count() + 1,
                    },
                    format!("`{}` does not exist", claim.pattern),
                    claim.why.to_owned(),
                    Some(Fix {
                        summary: claim.fix.to_owned(),
                        ..Fix::default()
                    }),
                ));
            }
        }
    }
    out
}

fn whole_word(line: &str, start: usize, len: usize) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let before = line[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word(c));
    let after = line[start + len..]
        .chars()
        .next()
        .is_none_or(|c| !is_word(c));
    before && after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forum_answer_is_checked_claim_by_claim() {
        let answer = "import genesyscloud\n\
            api.update_conversation_participant_attributes(cid, pid, body)\n\
            # needs scope conversation:participant:write\n\
            body = ConversationParticipantUpdate(type='contact')\n\
            requests.put(f'{base}/api/v2/conversations/voice/{cid}/participants/{pid}', headers={'Content-Type': 'application/json-patch+json'})\n";
        let found: Vec<(&str, usize, usize)> = check_snippet(answer)
            .iter()
            .map(|f| match f.location {
                Location::LineColumn { line, column } => (f.rule, line, column),
                _ => panic!("no line"),
            })
            .collect();
        assert_eq!(
            found,
            [
                ("claim/invented-package", 1, 8),
                ("claim/invented-sdk-method", 2, 5),
                ("claim/invented-scope", 3, 15),
                ("claim/invented-model", 4, 8),
                ("claim/invented-route", 5, 29),
                ("claim/json-patch", 5, 103),
            ]
        );
    }

    #[test]
    fn the_real_names_pass() {
        let good = "pip install PureCloudPlatformClientV2 genesyscloudcli\n\
            import PureCloudPlatformClientV2\n\
            api.patch_conversation_participant_attributes(cid, pid, PureCloudPlatformClientV2.ParticipantAttributes(attributes={'a': '1'}))\n\
            api.patch_conversations_call_participant(cid, pid, body)\n\
            api.put_conversation_participant_flaggedreason(cid, pid)\n\
            # scope: conversations; permission conversation:participant:attributesedit\n\
            PATCH /api/v2/conversations/calls/{cid}/participants/{pid}/attributes\n";
        assert_eq!(check_snippet(good), []);
    }
}
