//! Rules on the bodies of the participant-attribute PATCH
//! (`ParticipantAttributes`) and of `secureattributes`.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde_json::{Map, Value, json};

use super::{Finding, Fix, Location, rules};

/// Top-level keys sent instead of `attributes`, with why each is wrong.
const LOOK_ALIKES: &[(&str, &str)] = &[
    (
        "customAttributes",
        "customAttributes belongs to the separate conversation custom-attributes API \
      (PATCH|PUT /api/v2/conversations/{conversationId}/customattributes, schema-based, §1.5), not to participant attributes",
    ),
    (
        "custom_attributes",
        "custom_attributes is only the Python SDK's attribute name for customAttributes of the \
      custom-attributes API (§1.5); on the wire it does not exist for participant attributes",
    ),
    (
        "participantAttributes",
        "participantAttributes is not a field of ParticipantAttributes: the model's only field is attributes",
    ),
    (
        "participant_attributes",
        "participant_attributes is not a field of ParticipantAttributes: the model's only field is attributes",
    ),
    (
        "externalAttributes",
        "externalAttributes is a forum invention; no such field exists (§5)",
    ),
    (
        "data",
        "ParticipantAttributes has no data field; its only field is attributes",
    ),
];

/// Keys of other bodies that show up here, with why each is wrong.
const STRAY_KEYS: &[(&str, &str)] = &[
    (
        "type",
        "ParticipantAttributes has no type field and none is required (§5 d: the claim that \
      \"type\": \"contact\" is required is false)",
    ),
    (
        "participantId",
        "the participant id goes in the path, not in the body; ParticipantAttributes has only attributes",
    ),
    (
        "conversationId",
        "the conversation id goes in the path, not in the body",
    ),
    (
        "version",
        "version belongs to secureattributes (ConversationSecureAttributes, used for conflict checks on PUT, §1.5); \
      participant attributes have no version",
    ),
];

/// Fields of a Participant; two or more of them mean a whole participant was sent.
const PARTICIPANT_FIELDS: &[&str] = &[
    "id",
    "name",
    "purpose",
    "state",
    "wrapup",
    "routing",
    "participantType",
    "calls",
    "messages",
    "emails",
    "callbacks",
    "startTime",
    "endTime",
    "address",
    "queueId",
    "userId",
    "conversationRoutingData",
];

/// Values over this many characters get an info: the limit is documented for
/// bot flows only (Set Participant Data), not for the REST API (§3, §6.5).
const BOT_FLOW_VALUE_LIMIT: usize = 256;

/// Lints a `ParticipantAttributes` body; `required` is whether the route
/// requires one.
pub(crate) fn check_attributes(body: Option<&Value>, required: bool, out: &mut Vec<Finding>) {
    let Some(body) = body else {
        empty_body(required, out);
        return;
    };
    let attributes = match body {
        Value::Object(object) => top_level(object, out),
        Value::Array(items) => {
            json_patch(items, out);
            return;
        }
        other => {
            out.push(rules::NOT_AN_OBJECT.finding(
                Location::pointer::<&str>(&[]),
                format!("the body is {}, not an object", kind(other)),
                "The body is ParticipantAttributes: a JSON object {\"attributes\": {\"key\": \"string\"}}.".into(),
                Some(body_fix("Send an object with an attributes map.", &BTreeMap::new())),
            ));
            return;
        }
    };
    if let Some((map, corrected)) = attributes {
        check_map(&["attributes".to_owned()], map, &corrected, out);
    }
}

fn empty_body(required: bool, out: &mut Vec<Finding>) {
    if required {
        out.push(rules::BODY_MISSING.finding(
            Location::pointer::<&str>(&[]),
            "the route requires a body and none was sent".into(),
            "The participant-attribute PATCH takes a ParticipantAttributes body, {\"attributes\": {…}}; \
             only the messages and cobrowsesessions routes mark it optional."
                .into(),
            Some(body_fix("Send the keys to add or change.", &BTreeMap::from([("key".to_owned(), "value".to_owned())]))),
        ));
    } else {
        no_op(out, "the request has no body");
    }
}

fn no_op(out: &mut Vec<Finding>, what: &str) {
    out.push(
        rules::NO_OP.finding(
            Location::pointer::<&str>(&[]),
            format!("{what}: it should change nothing"),
            "A PATCH is expected to merge the given keys (per-key merge is the best evidence, but \
         unconfirmed, §3); with none given nothing should change. An empty map is not a documented \
         way to clear the attributes: no way to delete a key is documented."
                .into(),
            None,
        ),
    );
}

/// Checks the top-level keys; returns the attributes map to check further,
/// with the one corrected body every finding of the request shares.
fn top_level<'a>(
    object: &'a Map<String, Value>,
    out: &mut Vec<Finding>,
) -> Option<(&'a Map<String, Value>, Corrected<'a>)> {
    let corrected = Corrected::new(move || json!({ "attributes": repaired_attributes(object) }));
    let fix = |summary: &str| {
        Some(Fix {
            summary: summary.to_owned(),
            body: Some(corrected.get()),
            ..Fix::default()
        })
    };
    let has_attributes = object.contains_key("attributes");
    let participant_like = object
        .keys()
        .filter(|k| PARTICIPANT_FIELDS.contains(&k.as_str()))
        .count();
    if participant_like >= 2 {
        out.push(rules::WHOLE_PARTICIPANT.finding(
            Location::pointer::<&str>(&[]),
            "the body is a whole participant object".into(),
            "The body of …/participants/{participantId}/attributes is only {\"attributes\": {…}}. A \
             participant read from GET /conversations/{id} carries id, purpose, state, wrapup and media \
             arrays; the attribute route does not take them, and it does not change state or wrap-up. \
             How the server treats the extra keys is not documented; the simulator rejects them."
                .into(),
            fix("Send only the attributes to add or change."),
        ));
    } else if !has_attributes
        && !object.is_empty()
        && object.values().all(Value::is_string)
        && !object.keys().any(|k| is_known_stray(k))
    {
        out.push(rules::NOT_WRAPPED.finding(
            Location::pointer::<&str>(&[]),
            "the attributes are at the top level, not under \"attributes\"".into(),
            "ParticipantAttributes wraps the map: {\"attributes\": {\"key\": \"value\"}}. Top-level keys are \
             unknown fields; the server updates nothing from them (the simulator rejects them)."
                .into(),
            fix("Wrap the keys in \"attributes\"."),
        ));
        return None;
    } else {
        for key in object.keys().filter(|k| *k != "attributes") {
            let why = LOOK_ALIKES.iter().chain(STRAY_KEYS).find(|(name, _)| name == key).map_or_else(
                || format!("{key} is not a field of ParticipantAttributes, whose only field is attributes"),
                |(_, why)| (*why).to_owned(),
            );
            let lost = if has_attributes {
                ""
            } else {
                " Without an attributes key, nothing is updated."
            };
            out.push(rules::UNKNOWN_KEY.finding(
                Location::pointer(&[key]),
                format!("unknown key `{key}`"),
                format!("{why}. How the server treats unknown keys is not documented (the simulator rejects them).{lost}"),
                fix(&format!("Remove `{key}`; send the map under \"attributes\".")),
            ));
        }
    }
    match object.get("attributes") {
        None if object.is_empty() => {
            no_op(out, "the body is {}");
            None
        }
        None => None,
        Some(Value::Null) => {
            out.push(rules::ATTRIBUTES_NULL.finding(
                Location::pointer(&["attributes"]),
                "\"attributes\" is null".into(),
                "The spec declares conversation.error.participant.attribute.null, \"Cannot update \
                 participant attribute map to a null value.\" (declared in 2018 for the participant \
                 PATCH). A null map does not clear the attributes; no way to delete a key is documented."
                    .into(),
                fix("Send an object of the keys to add or change."),
            ));
            None
        }
        Some(Value::Object(map)) if map.is_empty() => {
            no_op(out, "\"attributes\" is empty");
            None
        }
        // The map is the source of the repaired attributes, so `corrected`
        // is also the corrected body of every key and value finding.
        Some(Value::Object(map)) => Some((map, corrected)),
        Some(other) => {
            out.push(
                rules::ATTRIBUTES_NOT_OBJECT.finding(
                    Location::pointer(&["attributes"]),
                    format!("\"attributes\" is {}, not an object", kind(other)),
                    "attributes is a map of keys to string values (map<string,string>); a list of \
                 {name, value} pairs or a string is not accepted."
                        .into(),
                    fix("Send attributes as an object of strings."),
                ),
            );
            None
        }
    }
}

fn is_known_stray(key: &str) -> bool {
    LOOK_ALIKES
        .iter()
        .chain(STRAY_KEYS)
        .any(|(name, _)| *name == key)
}

/// The corrected body every fix of one request shares: made on first use
/// only, so that a body with no finding to fix (the usual preview) is never
/// copied, and once, however many findings carry it.
pub(crate) struct Corrected<'a> {
    cell: OnceCell<Arc<Value>>,
    make: Box<dyn Fn() -> Value + 'a>,
}

impl<'a> Corrected<'a> {
    fn new(make: impl Fn() -> Value + 'a) -> Self {
        Self {
            cell: OnceCell::new(),
            make: Box::new(make),
        }
    }

    /// The corrected body (one allocation, shared).
    fn get(&self) -> Arc<Value> {
        Arc::clone(self.cell.get_or_init(|| Arc::new((self.make)())))
    }
}

/// Checks keys and values of an attribute map (also used for secure attributes).
/// `corrected` is the request's corrected body, with `map` repaired
/// ([`repair_map`]); every fix here shares it.
pub(crate) fn check_map(
    root: &[String],
    map: &Map<String, Value>,
    corrected: &Corrected<'_>,
    out: &mut Vec<Finding>,
) {
    let fix = |summary: String| {
        Some(Fix {
            summary,
            body: Some(corrected.get()),
            ..Fix::default()
        })
    };
    let at = |key: &str| {
        let mut segments = root.to_vec();
        segments.push(key.to_owned());
        Location::pointer(&segments)
    };
    // Each key's lower case, to the last key seen with it; an ASCII key with
    // no upper-case letter is its own lower case, borrowed.
    let mut seen_lower: foldhash::HashMap<Cow<'_, str>, &str> =
        HashMap::with_capacity_and_hasher(map.len(), foldhash::fast::RandomState::default());
    // The keys already marked as colliding.
    let mut collided: foldhash::HashSet<&str> = foldhash::HashSet::default();
    for (key, value) in map {
        match value {
            // No more bytes than the limit: no more characters either.
            Value::String(text)
                if text.len() > BOT_FLOW_VALUE_LIMIT
                    && text.chars().count() > BOT_FLOW_VALUE_LIMIT => out.push(rules::VALUE_LONG.finding(
                at(key),
                // Not the exact length: a secure value's length is a secret's too.
                format!("the value of `{key}` is longer than {BOT_FLOW_VALUE_LIMIT} characters"),
                "The documented limit of 256 characters per value applies to bot flows (Set Participant \
                 Data) only; no limit is documented for this REST route. Flows or integrations that \
                 read the value may still truncate it."
                    .into(),
                None,
            )),
            Value::String(_) => {}
            Value::Null => out.push(rules::VALUE_NULL.finding(
                at(key),
                format!("the value of `{key}` is null"),
                "Values are strings only (map<string,string>). null does not delete the key: no way to \
                 delete a key is documented (sending null, or \"\", to remove one is unverified \
                 folklore). How the server treats null is not documented; typed SDKs cannot send it."
                    .into(),
                fix(format!("Leave `{key}` out, or send a string value.")),
            )),
            other => out.push(rules::VALUE_NOT_STRING.finding(
                at(key),
                format!("the value of `{key}` is {}, not a string", kind(other)),
                "Attribute values are strings only: OpenAPI additionalProperties {type: string}, Go \
                 map[string]string. Whether the server rejects or coerces other types is not documented \
                 (the simulator rejects them); the Go, Java and .NET SDKs cannot even send them."
                    .into(),
                fix(format!("Send the value of `{key}` as a string ({}).", stringify(other))),
            )),
        }
        if key.is_empty() {
            out.push(rules::KEY_EMPTY.finding(
                at(key),
                "an attribute key is empty".into(),
                "An empty key cannot be read by a flow or a script, and how the server treats it is not \
                 documented (no key limits are documented for this route)."
                    .into(),
                fix("Remove the empty key.".into()),
            ));
        } else if key.trim() != key {
            out.push(rules::KEY_WHITESPACE.finding(
                at(key),
                format!("the key `{key}` has leading or trailing white space"),
                "Keys are exact and case-sensitive: \" intent\" is a different key from \"intent\", and a \
                 flow reading \"intent\" will not see it."
                    .into(),
                fix(format!("Use `{}`.", key.trim())),
            ));
        }
        let lower = if key.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
            Cow::Owned(key.to_lowercase())
        } else {
            Cow::Borrowed(key.as_str())
        };
        if let Some(first) = seen_lower.insert(lower, key) {
            // Both spellings are marked: whichever sorts first may be the new one.
            let pairs: &[(&str, &str)] = if collided.insert(first) {
                &[(first, key.as_str()), (key.as_str(), first)]
            } else {
                &[(key.as_str(), first)]
            };
            for &(this, other) in pairs {
                out.push(case_collision(
                    at(this),
                    format!("`{this}` and `{other}` differ only by case"),
                    "Keys are case-sensitive, so these are two attributes; a reader expecting one of \
                     them misses the other.",
                ));
            }
        }
    }
}

fn json_patch(items: &[Value], out: &mut Vec<Finding>) {
    let is_patch_op = |v: &Value| v.get("op").is_some() && v.get("path").is_some();
    let mut map = BTreeMap::new();
    let mut removed = Vec::new();
    for item in items.iter().filter(|v| is_patch_op(v)) {
        let path = item["path"].as_str().unwrap_or_default();
        let key = path
            .strip_prefix("/attributes/")
            .or_else(|| path.strip_prefix('/'))
            .unwrap_or(path);
        let key = key.replace("~1", "/").replace("~0", "~");
        match item["op"].as_str() {
            Some("add" | "replace") => {
                map.insert(key, item.get("value").map(stringify).unwrap_or_default());
            }
            Some("remove") => removed.push(key),
            _ => {}
        }
    }
    let (rule, message) = if !items.is_empty() && items.iter().all(is_patch_op) {
        (
            rules::JSON_PATCH_ARRAY,
            "the body is a JSON-Patch operation list".to_owned(),
        )
    } else {
        (
            rules::NOT_AN_OBJECT,
            "the body is an array, not an object".to_owned(),
        )
    };
    let mut explanation = "The body is ParticipantAttributes, {\"attributes\": {\"key\": \"string\"}}: PATCH here \
        means a merge of that map, not an RFC 6902 operation list, and application/json-patch+json is not \
        accepted (§3)."
        .to_owned();
    if !removed.is_empty() {
        explanation.push_str(" The remove operations (");
        explanation.push_str(&removed.join(", "));
        explanation.push_str(") cannot be expressed: no way to delete a key is documented.");
    }
    out.push(rule.finding(
        Location::pointer::<&str>(&[]),
        message,
        explanation,
        Some(body_fix(
            "Send the added and replaced keys as an attributes map.",
            &map,
        )),
    ));
}

/// The attributes a body meant to send, gathered and repaired: the map under
/// `attributes` or a look-alike key, or the top level when it is a flat map
/// of strings.
fn repaired_attributes(object: &Map<String, Value>) -> BTreeMap<String, String> {
    let source = [
        "attributes",
        "customAttributes",
        "custom_attributes",
        "participantAttributes",
        "participant_attributes",
        "externalAttributes",
        "data",
    ]
    .iter()
    .find_map(|k| object.get(*k).and_then(Value::as_object));
    match source {
        Some(map) => repair_map(map),
        None if object.values().all(Value::is_string)
            && !object
                .keys()
                .any(|k| PARTICIPANT_FIELDS.contains(&k.as_str()) || is_known_stray(k)) =>
        {
            repair_map(object)
        }
        None => BTreeMap::new(),
    }
}

fn repair_map(map: &Map<String, Value>) -> BTreeMap<String, String> {
    map.iter()
        .filter(|(k, v)| !v.is_null() && !k.trim().is_empty())
        .map(|(k, v)| (k.trim().to_owned(), stringify(v)))
        .collect()
}

fn body_fix(summary: &str, attributes: &BTreeMap<String, String>) -> Fix {
    Fix {
        summary: summary.to_owned(),
        body: Some(Arc::new(json!({ "attributes": attributes }))),
        ..Fix::default()
    }
}

/// A value as the string a flow would read: strings as they are, other JSON as its text.
pub(crate) fn stringify(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Lints a `ConversationSecureAttributes` body for PUT or PATCH.
pub(crate) fn check_secure(body: Option<&Value>, is_put: bool, out: &mut Vec<Finding>) {
    let Some(Value::Object(object)) = body else {
        if body.is_none() {
            empty_body(true, out);
        } else {
            out.push(rules::NOT_AN_OBJECT.finding(
                Location::pointer::<&str>(&[]),
                "the body is not an object".into(),
                "The body is ConversationSecureAttributes: {\"attributes\": {…}, \"version\": n}.".into(),
                None,
            ));
        }
        return;
    };
    // One corrected body for every finding: the two fields, the map repaired.
    let corrected = Corrected::new(|| {
        let mut corrected: Map<String, Value> = object
            .iter()
            .filter(|(k, _)| *k == "attributes" || *k == "version")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if let Some(Value::Object(map)) = object.get("attributes") {
            corrected.insert("attributes".into(), json!(repair_map(map)));
        }
        Value::Object(corrected)
    });
    for key in object
        .keys()
        .filter(|k| *k != "attributes" && *k != "version")
    {
        out.push(rules::UNKNOWN_KEY.finding(
            Location::pointer(&[key]),
            format!("unknown key `{key}`"),
            "ConversationSecureAttributes has two fields, attributes and version.".into(),
            Some(Fix {
                summary: format!("Remove `{key}`."),
                body: Some(corrected.get()),
                ..Fix::default()
            }),
        ));
    }
    match (object.contains_key("version"), is_put) {
        (false, true) => out.push(rules::SECURE_PUT_WITHOUT_VERSION.finding(
            Location::pointer::<&str>(&[]),
            "PUT without a version".into(),
            "version is \"used to detect conflicting updates when using PUT\": send the version read by \
             GET …/secureattributes, so a concurrent change is detected instead of overwritten."
                .into(),
            None,
        )),
        (true, false) => out.push(rules::SECURE_PATCH_VERSION.finding(
            Location::pointer(&["version"]),
            "version is not used for PATCH".into(),
            "The spec says version is \"Not used for PATCH\": a PATCH amends the attributes without a \
             conflict check."
                .into(),
            None,
        )),
        _ => {}
    }
    match object.get("attributes") {
        Some(Value::Object(map)) => check_map(&["attributes".to_owned()], map, &corrected, out),
        Some(other) => out.push(rules::ATTRIBUTES_NOT_OBJECT.finding(
            Location::pointer(&["attributes"]),
            format!("\"attributes\" is {}, not an object", kind(other)),
            "attributes is a map of keys to string values.".into(),
            None,
        )),
        None => {}
    }
}

fn case_collision(at: Location, message: String, explanation: &str) -> Finding {
    rules::KEY_CASE_COLLISION.finding(at, message, explanation.into(), None)
}

/// A key of a PATCH body that differs only by case from a key the PATCH
/// leaves in place: the body alone holds no collision, the attributes after
/// it do (PATCH merges per key; expected, not confirmed, fact sheet §3).
/// `after` is the predicted end state of the PATCH; each finding points at
/// the sent key under `/attributes`. One pass over `after`; a key is
/// lower-cased only when it has an upper-case or non-ASCII letter.
#[must_use]
pub fn kept_case_collisions(
    sent: &crate::genesys::Attributes,
    after: &crate::genesys::Attributes,
) -> Vec<Finding> {
    let lower = |key: &str| -> String { key.to_lowercase() };
    let folds = |key: &str| key.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii());
    let sent_lower: HashMap<String, &str> = sent.keys().map(|k| (lower(k), k.as_str())).collect();
    // A key lower-case already can collide only with a sent key that is not
    // (it is no sent key itself): with none such, it is not looked up.
    let sent_folds = sent.keys().any(|k| folds(k));
    let mut out = Vec::new();
    // Both maps are sorted alike: the sent keys are skipped in one walk.
    let mut sent_keys = sent.keys().peekable();
    for kept in after.keys() {
        while sent_keys.next_if(|s| *s < kept).is_some() {}
        if sent_keys.peek() == Some(&kept) {
            continue;
        }
        let folded = if folds(kept) {
            Cow::Owned(lower(kept))
        } else if sent_folds {
            Cow::Borrowed(kept.as_str())
        } else {
            continue;
        };
        if let Some(sent_key) = sent_lower.get(folded.as_ref()) {
            out.push(case_collision(
                Location::pointer(&["attributes", *sent_key]),
                format!("`{sent_key}` and `{kept}` differ only by case: the PATCH keeps `{kept}`"),
                "Keys are case-sensitive, and a PATCH changes only the keys it sends (it merges, as \
                 expected; not confirmed, §3): the participant would hold both, and a reader \
                 expecting one of them misses the other.",
            ));
        }
    }
    out
}
