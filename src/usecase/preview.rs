//! The preview of an edit: from a target (a participant's attributes, or the
//! conversation's secure attributes), the edits and the chosen verb and
//! route, both requests exactly as they would be sent, each linted on that
//! route, the PUT-style body against the PATCH body, the predicted end state
//! of each, and the keys PATCH cannot remove.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::RouteChoice;
use crate::diff::{JsonDiff, diff_attribute_bodies, rediff_attribute_bodies};
use crate::genesys::{Attributes, ROUTES, Route, RouteKind, Verb};
use crate::lint::{Finding, Location, Severity, lint_json};
use crate::payload::{Changes, Edits, Plan};

/// The content type every request of the preview carries (§3: the only one
/// these routes consume).
pub const CONTENT_TYPE: &str = "application/json";

/// What is edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// A participant's attributes: written by PATCH only (no PUT route, §1.4).
    ParticipantAttributes {
        /// The conversation.
        conversation_id: String,
        /// The participant.
        participant_id: String,
    },
    /// The conversation's secure attributes: a real PUT (replace, with
    /// `version`) and PATCH (amend) pair (§1.5).
    SecureAttributes {
        /// The conversation.
        conversation_id: String,
        /// The version last read, sent with PUT.
        version: Option<i64>,
    },
}

impl EditTarget {
    /// The `version` a PUT carries: the one last read of secure attributes.
    #[must_use]
    pub fn put_version(&self) -> Option<i64> {
        match self {
            Self::SecureAttributes { version, .. } => *version,
            Self::ParticipantAttributes { .. } => None,
        }
    }

    /// The route that writes this target with `verb` on `choice`, and the
    /// path built from it. A participant's attributes have no PUT route: a
    /// PUT goes to the PATCH route's path, so that the server's answer to it
    /// can be shown.
    #[must_use]
    pub fn route(&self, verb: Verb, choice: RouteChoice) -> (&'static Route, String) {
        match self {
            Self::ParticipantAttributes {
                conversation_id,
                participant_id,
            } => {
                let media = match choice {
                    RouteChoice::Generic => None,
                    RouteChoice::Media(media) => Some(media),
                };
                // `route_choices` offers only media that have a route; the
                // generic route is the one every participant has (§1.1).
                let route = Route::attributes_for(media)
                    .or_else(|| Route::attributes_for(None))
                    .unwrap_or(&ROUTES[0]);
                (route, route.path(conversation_id, participant_id))
            }
            Self::SecureAttributes {
                conversation_id, ..
            } => {
                // The pair is PUT and PATCH; another verb goes to the same path.
                let route = Route::lookup(RouteKind::SecureAttributes, verb, None)
                    .or_else(|| Route::lookup(RouteKind::SecureAttributes, Verb::Patch, None))
                    .unwrap_or(&ROUTES[0]);
                (route, route.path(conversation_id, ""))
            }
        }
    }
}

/// One request as it would be sent, with its lint.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRequest {
    /// PATCH or PUT.
    pub verb: Verb,
    /// The path, from [`Route::path`].
    pub path: String,
    /// The `Content-Type` header.
    pub content_type: &'static str,
    /// The body.
    pub body: Value,
    /// Every lint finding for exactly this request; the findings that
    /// correct the body share one corrected body. Both faces show them
    /// through [`crate::lint::listing`] (at most
    /// [`LISTED_PER_RULE`](crate::lint::LISTED_PER_RULE) per rule, the rest
    /// counted).
    pub findings: Vec<Finding>,
}

impl PreviewRequest {
    fn new(verb: Verb, path: String, body: Value) -> Self {
        // The findings of the body as sent (its text), without writing it.
        let findings = lint_json(verb.as_str(), &path, Some(CONTENT_TYPE), &body);
        Self {
            verb,
            path,
            content_type: CONTENT_TYPE,
            body,
            findings,
        }
    }

    fn relint(&mut self) {
        self.findings = lint_json(
            self.verb.as_str(),
            &self.path,
            Some(CONTENT_TYPE),
            &self.body,
        );
    }

    /// Adds what the PATCH's body alone cannot show: a sent key that
    /// differs only by case from a key the PATCH leaves in place.
    fn lint_end_state(&mut self, plan: &Plan) {
        let kept = crate::lint::kept_case_collisions(&plan.patch, &plan.after_patch);
        if !kept.is_empty() {
            self.findings.extend(kept);
            self.findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
        }
    }

    /// The most severe finding's severity, if any.
    #[must_use]
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// Whether lint predicts the server rejects this request.
    #[must_use]
    pub fn rejected(&self) -> bool {
        self.findings.iter().any(|f| f.severity.rejects())
    }
}

/// What sending would compare its answer with: the state before and the
/// state predicted after.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sent {
    /// The participant whose attributes are sent (empty for secure attributes).
    pub participant_id: String,
    /// The attributes before the send.
    pub before: Attributes,
    /// The attributes predicted after it.
    pub expected: Attributes,
    /// The edited map as sent, to tell newer edits apart.
    pub edited: Attributes,
}

/// Everything the payload pane and `gc-attrs diff` show for an edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The verb chosen to send with.
    pub verb: Verb,
    /// The route chosen.
    pub route: RouteChoice,
    /// Bodies and predicted end states.
    pub plan: Plan,
    /// The PATCH request.
    pub patch: PreviewRequest,
    /// The PUT-style request (for participants there is no PUT route: it is
    /// shown for contrast, and sending it shows what the server answers).
    pub put: PreviewRequest,
    /// PUT-style body (old side) against PATCH body (new side), paired by
    /// key and marked with what the PATCH does to each.
    pub diff: JsonDiff,
    /// Findings that point at one attribute key, by key, each rule once.
    /// Built from every finding, not the listing, so that each key's row
    /// shows its own.
    pub by_key: BTreeMap<String, Vec<Finding>>,
    /// What it is the preview of, so that [`Preview::follow`] knows when to
    /// start over.
    target: EditTarget,
}

impl Preview {
    /// The preview of `edits` on `target`, to be sent with `verb` on `route`.
    #[must_use]
    pub fn of(target: &EditTarget, edits: &Edits, verb: Verb, route: RouteChoice) -> Self {
        let plan = Plan::of(edits);
        let (_, patch_path) = target.route(Verb::Patch, route);
        let (_, put_path) = target.route(Verb::Put, route);
        let mut put_body = plan.put_body();
        if let Some(version) = target.put_version() {
            // `version` is "used to detect conflicting updates when using
            // PUT. Not used for PATCH." (§1.5)
            put_body["version"] = json!(version);
        }
        let mut patch = PreviewRequest::new(Verb::Patch, patch_path, plan.patch_body());
        patch.lint_end_state(&plan);
        let put = PreviewRequest::new(Verb::Put, put_path, put_body);
        let diff = diff_attribute_bodies(
            &plan.put,
            target.put_version(),
            &plan.patch,
            edits.original(),
        );
        let by_key = by_key(&patch.findings, &put.findings);
        Self {
            verb,
            route,
            plan,
            patch,
            put,
            diff,
            by_key,
            target: target.clone(),
        }
    }

    /// Follows `changes` to `edits` (taken with [`Edits::take_changes`]
    /// since this preview was made or last followed them): afterwards it is
    /// [`Preview::of`] the same arguments. A change of a few keys updates
    /// the plan and both bodies per key, then lints both bodies (linear,
    /// with no text written) and pairs their lines again (no text diff of
    /// the whole body); anything else (another target, verb or route, or
    /// every edit reverted) starts over.
    pub fn follow(
        &mut self,
        target: &EditTarget,
        edits: &Edits,
        verb: Verb,
        route: RouteChoice,
        changes: &Changes,
    ) {
        let keys = match changes {
            Changes::Keys(keys)
                if (self.verb, self.route, &self.target) == (verb, route, target) =>
            {
                keys
            }
            _ => {
                *self = Self::of(target, edits, verb, route);
                return;
            }
        };
        if keys.is_empty() {
            return;
        }
        for key in keys {
            let edited = edits.value(key);
            self.plan.follow(key, edits.original().get(key), edited);
            set_attribute(&mut self.put.body, key, edited);
            set_attribute(
                &mut self.patch.body,
                key,
                self.plan.patch.get(key).map(String::as_str),
            );
        }
        self.patch.relint();
        self.patch.lint_end_state(&self.plan);
        self.put.relint();
        let version = target.put_version();
        rediff_attribute_bodies(
            &mut self.diff,
            &self.plan.put,
            version,
            &self.plan.patch,
            edits.original(),
        );
        self.by_key = by_key(&self.patch.findings, &self.put.findings);
    }

    /// The request of a verb: PUT, or PATCH for any other.
    #[must_use]
    pub fn request(&self, verb: Verb) -> &PreviewRequest {
        if verb == Verb::Put {
            &self.put
        } else {
            &self.patch
        }
    }

    /// The request of the chosen verb.
    #[must_use]
    pub fn chosen(&self) -> &PreviewRequest {
        self.request(self.verb)
    }

    /// The attributes predicted after sending with `verb`: PUT replaces the
    /// map; PATCH merges per key (expected; merge is unconfirmed, §3).
    #[must_use]
    pub fn expected(&self, verb: Verb) -> &Attributes {
        if verb == Verb::Put {
            self.plan.after_put()
        } else {
            &self.plan.after_patch
        }
    }

    /// The keys a PATCH cannot remove (no documented way to delete one, §3).
    #[must_use]
    pub fn unremovable(&self) -> &[String] {
        self.plan.unremovable()
    }

    /// What a send with `verb` compares its answer with.
    #[must_use]
    pub fn sent(&self, target: &EditTarget, edits: &Edits, verb: Verb) -> Sent {
        let participant_id = match target {
            EditTarget::ParticipantAttributes { participant_id, .. } => participant_id.clone(),
            EditTarget::SecureAttributes { .. } => String::new(),
        };
        Sent {
            participant_id,
            before: edits.original().clone(),
            expected: self.expected(verb).clone(),
            edited: self.plan.put.clone(),
        }
    }
}

/// Sets or removes a key of a body's `attributes`.
fn set_attribute(body: &mut Value, key: &str, value: Option<&str>) {
    let Some(Value::Object(map)) = body.get_mut("attributes") else {
        return;
    };
    match value {
        Some(value) => {
            map.insert(key.to_owned(), Value::from(value));
        }
        None => {
            map.remove(key);
        }
    }
}

/// Findings that point at `/attributes/<key>`, by key, each rule once.
fn by_key(patch: &[Finding], put: &[Finding]) -> BTreeMap<String, Vec<Finding>> {
    let mut by_key: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    for finding in patch.iter().chain(put) {
        if let Location::Pointer { pointer } = &finding.location {
            if let Some(key) = pointer.strip_prefix("/attributes/") {
                let key = key.replace("~1", "/").replace("~0", "~");
                let list = by_key.entry(key).or_default();
                if !list.iter().any(|f| f.rule == finding.rule) {
                    list.push(finding.clone());
                }
            }
        }
    }
    by_key
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::genesys::Media;

    const C: &str = "3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a";
    const P: &str = "b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

    fn participant() -> EditTarget {
        EditTarget::ParticipantAttributes {
            conversation_id: C.into(),
            participant_id: P.into(),
        }
    }

    fn edits() -> Edits {
        let original: Attributes = [("a", "1"), ("b", "2")]
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let mut edits = Edits::new(original);
        edits.set_value("a", "changed").unwrap();
        edits.delete("b").unwrap();
        edits
    }

    #[derive(Debug, Clone)]
    enum Op {
        Set(String, String),
        Add(String, String),
        Rename(String, String),
        Delete(String),
        Revert(String),
        RevertAll,
    }

    // Few keys, so that edits meet: white space and case (findings with a
    // corrected body), an escape, an empty key.
    fn key() -> impl Strategy<Value = String> {
        prop::sample::select(vec!["a", "A", "b", " a", "", "k/1", "z"]).prop_map(str::to_owned)
    }

    fn value() -> impl Strategy<Value = String> {
        prop::sample::select(vec!["1", "2", "", "x y"]).prop_map(str::to_owned)
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (key(), value()).prop_map(|(k, v)| Op::Set(k, v)),
            3 => (key(), value()).prop_map(|(k, v)| Op::Add(k, v)),
            2 => (key(), key()).prop_map(|(a, b)| Op::Rename(a, b)),
            2 => key().prop_map(Op::Delete),
            2 => key().prop_map(Op::Revert),
            1 => Just(Op::RevertAll),
        ]
    }

    fn apply(edits: &mut Edits, op: &Op) {
        let _ = match op {
            Op::Set(k, v) => edits.set_value(k, v),
            Op::Add(k, v) => edits.add(k, v),
            Op::Rename(a, b) => edits.rename(a, b),
            Op::Delete(k) => edits.delete(k),
            Op::Revert(k) => edits.revert(k),
            Op::RevertAll => {
                edits.revert_all();
                Ok(())
            }
        };
    }

    proptest! {
        #[test]
        fn following_any_edit_sequence_gives_the_preview_made_from_scratch(
            original in prop::collection::btree_map(key(), value(), 0..6),
            steps in prop::collection::vec(prop::collection::vec(op(), 1..3), 0..12),
            secure in any::<bool>(),
            version in prop::option::of(0..3i64),
        ) {
            let target = if secure {
                EditTarget::SecureAttributes { conversation_id: C.into(), version }
            } else {
                participant()
            };
            let mut edits = Edits::new(original);
            let mut preview = Preview::of(&target, &edits, Verb::Patch, RouteChoice::Generic);
            edits.take_changes();
            // A step is what one keystroke does: one edit, or a few.
            for step in &steps {
                for op in step {
                    apply(&mut edits, op);
                }
                let changes = edits.take_changes();
                preview.follow(&target, &edits, Verb::Patch, RouteChoice::Generic, &changes);
                let scratch = Preview::of(&target, &edits, Verb::Patch, RouteChoice::Generic);
                prop_assert_eq!(&preview, &scratch);
            }
        }
    }

    #[test]
    fn following_another_verb_or_route_starts_over() {
        let mut edits = edits();
        let mut preview = Preview::of(&participant(), &edits, Verb::Patch, RouteChoice::Generic);
        edits.take_changes();
        let route = RouteChoice::Media(Media::Cobrowsesessions);
        let changes = edits.take_changes();
        preview.follow(&participant(), &edits, Verb::Put, route, &changes);
        assert_eq!(
            preview,
            Preview::of(&participant(), &edits, Verb::Put, route)
        );
    }

    #[test]
    fn participant_requests_go_to_the_chosen_route_for_both_verbs() {
        let preview = Preview::of(
            &participant(),
            &edits(),
            Verb::Patch,
            RouteChoice::Media(Media::Calls),
        );
        let path = format!("/api/v2/conversations/calls/{C}/participants/{P}/attributes");
        assert_eq!(preview.patch.path, path);
        assert_eq!(preview.put.path, path);
        assert_eq!(preview.patch.body, json!({"attributes": {"a": "changed"}}));
        assert_eq!(preview.put.body, json!({"attributes": {"a": "changed"}}));
        assert_eq!(preview.unremovable(), ["b"]);
        assert_eq!(
            preview.expected(Verb::Patch).get("b").map(String::as_str),
            Some("2")
        );
        assert!(!preview.expected(Verb::Put).contains_key("b"));
        assert!(!preview.patch.rejected(), "{:?}", preview.patch.findings);
        assert!(preview.put.rejected(), "there is no PUT route (§1.4)");
    }

    #[test]
    fn findings_are_those_of_the_chosen_route() {
        let generic = Preview::of(&participant(), &edits(), Verb::Patch, RouteChoice::Generic);
        let cobrowse = Preview::of(
            &participant(),
            &edits(),
            Verb::Patch,
            RouteChoice::Media(Media::Cobrowsesessions),
        );
        assert!(
            generic.patch.findings.is_empty(),
            "{:?}",
            generic.patch.findings
        );
        assert!(
            cobrowse.patch.worst().is_some(),
            "the deprecated co-browse route is warned about"
        );
    }

    #[test]
    fn secure_attributes_put_carries_the_version_and_patch_does_not() {
        let target = EditTarget::SecureAttributes {
            conversation_id: C.into(),
            version: Some(7),
        };
        let preview = Preview::of(&target, &edits(), Verb::Put, RouteChoice::Generic);
        let path = format!("/api/v2/conversations/{C}/secureattributes");
        assert_eq!(
            (preview.put.path.as_str(), preview.patch.path.as_str()),
            (path.as_str(), path.as_str())
        );
        assert_eq!(preview.put.body["version"], json!(7));
        assert!(preview.patch.body.get("version").is_none());
        assert_eq!(preview.chosen().verb, Verb::Put);
    }
}
