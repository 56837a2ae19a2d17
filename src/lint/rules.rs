//! The rule catalogue: every rule's id, severity and evidence in one place.

use super::{Evidence, Rule, Severity};

macro_rules! rules {
    ($($name:ident = $id:literal, $severity:ident, $evidence:expr, $title:literal;)+) => {
        $(
            #[doc = $title]
            pub const $name: Rule = Rule {
                id: $id,
                severity: Severity::$severity,
                evidence: $evidence,
                title: $title,
            };
        )+
        /// Every rule, in catalogue order.
        pub const ALL: &[&Rule] = &[$(&$name),+];
    };
}

const fn doc(section: &'static str) -> Evidence {
    Evidence::documented(section)
}

const fn assumed(section: &'static str) -> Evidence {
    Evidence::assumed(section)
}

rules! {
    // Route, verb and content type.
    PUT_ON_ATTRIBUTES = "route/put-on-attributes", Reject, doc("§1.4"),
        "PUT on participant attributes: no such route exists, only PATCH";
    PUT_ON_PARTICIPANT = "route/put-on-participant", Reject, doc("§1.4"),
        "PUT on a participant: no such route exists";
    WRONG_VERB = "route/wrong-verb", Reject, doc("§7"),
        "a real path with a verb it does not have (the finding names the verbs it has)";
    NO_SUCH_ROUTE = "route/no-such-route", Reject, doc("§7"),
        "a path under /api/v2/conversations that matches no route of the API (the fix names the nearest)";
    INVENTED_PATH = "route/invented-path", Reject, doc("§5 h"),
        "a path that does not exist (/conversations/voice, /web, /interactions)";
    MEDIA_WITHOUT_ATTRIBUTES = "route/media-without-attributes", Reject, doc("§1.1"),
        "an attribute route for a media type that has none (socials, videos, screenshares, socialexpressions, internalmessages)";
    REMOVED_CHATS = "route/removed-chats", Reject, doc("§1.1"),
        "a chats route: removed from the API (both the JS and the Python SDK)";
    DEPRECATED = "route/deprecated", Warning, doc("§7"),
        "a deprecated route (e.g. cobrowsesessions)";
    PREVIEW = "route/preview", Warning, doc("§7"),
        "a preview route, subject to change without notice";
    BODY_NOT_CHECKED = "route/body-not-checked", Info, doc("§7"),
        "a real route whose body gc-attrs does not model or check";
    MISSING_API_PREFIX = "route/missing-api-prefix", Reject, doc("§1.1"),
        "the path lacks the /api/v2 prefix";
    UNEXPANDED_TEMPLATE = "route/unexpanded-template", Reject, doc("§1.1"),
        "a path parameter was never filled in ({{conversationId}}, {participantId}, :id)";
    ID_NOT_UUID = "route/id-not-uuid", LikelyReject, assumed("§1.3"),
        "a conversation or participant id that is not a UUID";
    UNKNOWN_ROUTE = "route/unknown", Warning, assumed("§7"),
        "a path outside /api/v2/conversations, which gc-attrs does not know";
    CONTENT_TYPE_JSON_PATCH = "content-type/json-patch", Reject, doc("§3"),
        "application/json-patch+json: no operation accepts it";
    CONTENT_TYPE_NOT_JSON = "content-type/not-json", Reject, doc("§3"),
        "a content type other than application/json";
    CONTENT_TYPE_MISSING = "content-type/missing", Warning, assumed("§3"),
        "no content type with a body";
    // The body of the participant-attribute PATCH (ParticipantAttributes).
    MALFORMED_JSON = "body/malformed-json", Reject, assumed("§2"),
        "the body is not valid JSON";
    BODY_MISSING = "body/missing", Reject, doc("§1.1"),
        "no body where the route requires one";
    NO_OP = "body/no-op", Warning, assumed("§3"),
        "the request changes nothing";
    JSON_PATCH_ARRAY = "body/json-patch-array", Reject, doc("§5 i"),
        "a JSON-Patch array instead of {\"attributes\": {…}}";
    NOT_AN_OBJECT = "body/not-an-object", Reject, doc("§2"),
        "the body is not a JSON object";
    NOT_WRAPPED = "body/not-wrapped", LikelyReject, assumed("§6.4"),
        "attributes sent at the top level instead of under \"attributes\"";
    UNKNOWN_KEY = "body/unknown-key", LikelyReject, assumed("§6.4"),
        "a top-level key ParticipantAttributes does not have";
    WHOLE_PARTICIPANT = "body/whole-participant", LikelyReject, assumed("§6.4"),
        "a whole participant object sent as the body";
    ATTRIBUTES_NULL = "body/attributes-null", LikelyReject, doc("§2"),
        "\"attributes\": null";
    ATTRIBUTES_NOT_OBJECT = "body/attributes-not-object", Reject, doc("§2"),
        "\"attributes\" is not an object of strings";
    VALUE_NOT_STRING = "body/value-not-string", LikelyReject, assumed("§3"),
        "an attribute value that is a number, boolean, object or array";
    VALUE_NULL = "body/value-null", LikelyReject, assumed("§3"),
        "an attribute value that is null";
    KEY_EMPTY = "body/key-empty", Warning, assumed("§6.5"),
        "an empty attribute key";
    KEY_WHITESPACE = "body/key-whitespace", Warning, doc("§3"),
        "an attribute key with leading or trailing white space";
    KEY_CASE_COLLISION = "body/key-case-collision", Warning, doc("§3"),
        "attribute keys that differ only by case";
    VALUE_LONG = "body/value-long", Info, doc("§3"),
        "a value over 256 characters (a limit documented for bot flows only)";
    // The participant PATCH (MediaParticipantRequest).
    PARTICIPANT_ATTRIBUTES = "participant/attributes-field", LikelyReject, doc("§2"),
        "attributes sent to the participant PATCH, whose body has no attributes field";
    PARTICIPANT_UNKNOWN_FIELD = "participant/unknown-field", LikelyReject, assumed("§6.4"),
        "a field MediaParticipantRequest does not have";
    PARTICIPANT_INVALID_VALUE = "participant/invalid-value", Reject, doc("§2"),
        "a MediaParticipantRequest field with a value of the wrong type or outside its enum";
    // Secure attributes (the real PUT/PATCH pair).
    SECURE_PUT_WITHOUT_VERSION = "secure/put-without-version", Warning, doc("§1.5"),
        "PUT secureattributes without a version: no conflict check";
    SECURE_PATCH_VERSION = "secure/patch-version-ignored", Info, doc("§1.5"),
        "PATCH secureattributes with a version: not used for PATCH";
    // Claims found in code or prose (forum answers), §5, §12, §13.
    CLAIM_SDK_METHOD = "claim/invented-sdk-method", Reject, doc("§5 a, e, g"),
        "an SDK method that does not exist";
    CLAIM_MODEL = "claim/invented-model", Reject, doc("§5 f"),
        "an SDK model that does not exist";
    CLAIM_SCOPE = "claim/invented-scope", Reject, doc("§5 j"),
        "a scope or permission name that does not exist";
    CLAIM_PACKAGE = "claim/invented-package", Reject, doc("§5 l, §13"),
        "a package that does not exist (genesyscloud, genesys-cloud-purecloud-sdk, @genesyscloud/…)";
    CLAIM_IMPORT = "claim/invented-import", Reject, doc("§13"),
        "an import or SDK class that does not exist (from genesyscloud import, ConversationApi)";
    CLAIM_ROUTE = "claim/invented-route", Reject, doc("§5 h"),
        "a route that does not exist";
    CLAIM_CONTENT_TYPE = "claim/json-patch", Reject, doc("§5 i"),
        "application/json-patch+json, which no operation accepts";
    CLAIM_FIELD = "claim/invented-field", Reject, doc("§5 c"),
        "a body key or field that does not exist for participant attributes";
    CLAIM_STATUS_STRING = "claim/status-string", Reject, doc("§2"),
        "ErrorBody.status as a reason phrase (it is an integer)";
    CLAIM_WRONG_STATUS = "claim/wrong-status", Reject, doc("§1.1, §13"),
        "a status the attribute PATCH does not answer or declare (200, 204, 409, 422)";
    CLAIM_ERROR_CODE = "claim/invented-error-code", Reject, doc("§13"),
        "an error code that is not declared (codes are dotted, e.g. bad.request)";
    CLAIM_WRONG_METHOD = "claim/wrong-method", Reject, doc("§1.2, §2"),
        "a real SDK method used for a job it does not do (the participant PATCH sent attributes)";
    CLAIM_PUT_EXISTS = "claim/put-exists", Reject, doc("§1.4"),
        "a PUT on a participant or its attributes, said to exist";
    CLAIM_TOKEN_URL = "claim/token-url", Reject, doc("§4, §13"),
        "a token URL that is not login.<env>/oauth/token";
    CLAIM_TOKEN_LIFETIME = "claim/token-lifetime", Warning, doc("§4, §13"),
        "a token lifetime of one hour (the default is 86400 s, set per client)";
    CLAIM_NOTIFICATIONS = "claim/invented-notifications", Reject, doc("§8, §13"),
        "an invented notifications URL or channel lifetime";
    CLAIM_CONFIGURATION = "claim/configuration-arguments", Reject, doc("§11"),
        "Configuration(host=…): the Python SDK's Configuration takes no arguments";
    CLAIM_FLOW_ACTION = "claim/invented-flow-action", Reject, doc("§12, §13"),
        "an Architect block that does not exist (SetParticipantAttribute; it is Set Participant Data)";
}
