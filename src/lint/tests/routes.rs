//! Paths judged against the complete route list (§7): paths that do not
//! exist and the nearest real route each gets, each lifecycle, literals
//! before parameters, and wrong verbs that name the real ones.

use super::{ATTRS, C, GOOD, JSON, P, Req, patch, req};
use crate::lint::{Evidence, Finding, Severity};

fn finding<'a>(found: &'a [Finding], rule: &str) -> &'a Finding {
    found
        .iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("no {rule} in {found:#?}"))
}

fn filled(path: &str) -> String {
    path.replace("{C}", C).replace("{P}", P)
}

/// (request that does not exist, the verb of the fix if it changes, the path of the fix)
#[allow(clippy::too_many_lines)] // one table row per case
fn nonexistent() -> Vec<(Req, Option<&'static str>, &'static str)> {
    vec![
        (
            patch("/api/v2/conversations/participants/{P}", GOOD),
            None,
            "/api/v2/conversations/{conversationId}/participants/{P}/attributes",
        ),
        (
            patch("/api/v2/conversations/{C}/participant/{P}/attributes", GOOD),
            None,
            ATTRS,
        ),
        (
            patch("/api/v2/conversations/{C}/participants/{P}/attribute", GOOD),
            None,
            ATTRS,
        ),
        (
            patch(
                "/api/v2/conversations/call/{C}/participants/{P}/attributes",
                GOOD,
            ),
            None,
            "/api/v2/conversations/calls/{C}/participants/{P}/attributes",
        ),
        (
            patch(
                "/api/v2/conversations/messages/{C}/participant/{P}/attributes/",
                GOOD,
            ),
            None,
            "/api/v2/conversations/messages/{C}/participants/{P}/attributes",
        ),
        (
            patch(
                "/api/v2/conversations/{C}/participants/{P}/attributes/intent",
                GOOD,
            ),
            None,
            ATTRS,
        ),
        (
            patch("/api/v2/conversations/{C}/attributes", GOOD),
            None,
            "/api/v2/conversations/{C}/participants/{participantId}/attributes",
        ),
        (
            req("GET", "/api/v2/conversations/call/{C}", None, ""),
            None,
            "/api/v2/conversations/calls/{C}",
        ),
        (
            req("GET", "/api/v2/conversations/{C}/secureattribute", None, ""),
            None,
            "/api/v2/conversations/{C}/secureattributes",
        ),
        (
            req(
                "POST",
                "/api/v2/conversations/participant/attributes/search",
                JSON,
                r#"{"query": [{"type": "EXACT", "fields": ["intent"], "value": "billing"}]}"#,
            ),
            None,
            "/api/v2/conversations/participants/attributes/search",
        ),
        (
            req(
                "PUT",
                "/api/v2/conversations/{C}/participants/{P}/attributes/flaggedreason",
                None,
                "",
            ),
            None,
            "/api/v2/conversations/{C}/participants/{P}/flaggedreason",
        ),
        (
            patch(
                "/api/v2/conversations/emails/{C}/participants/{P}/attribute",
                GOOD,
            ),
            None,
            "/api/v2/conversations/emails/{C}/participants/{P}/attributes",
        ),
    ]
}

#[test]
fn ten_paths_that_do_not_exist_are_rejected_with_the_nearest_route_as_the_fix() {
    let cases = nonexistent();
    assert!(cases.len() >= 10);
    for (bad, verb, path) in cases {
        let found = bad.lint();
        let no_route = finding(&found, "route/no-such-route");
        assert_eq!(no_route.severity, Severity::Reject);
        assert_eq!(no_route.evidence, Evidence::documented("§7"));
        let fix = no_route.fix.as_ref().expect("a fix");
        assert_eq!(
            fix.path.as_deref(),
            Some(filled(path).as_str()),
            "{} {}: {fix:#?}",
            bad.verb,
            bad.path
        );
        assert_eq!(
            fix.verb.map(crate::genesys::Verb::as_str),
            verb,
            "{}",
            bad.path
        );
        assert!(
            no_route.explanation.contains("Nearest real routes:"),
            "{}",
            no_route.explanation
        );
        let after = bad.fixed(fix).lint();
        assert!(
            after.iter().all(|f| f.rule != "route/no-such-route"),
            "{}: {after:#?}",
            bad.path
        );
    }
}

#[test]
fn equally_near_routes_are_all_named_and_no_path_is_chosen() {
    // The communication wrap-up exists per media only: calls, callbacks, … are as near.
    let found = req(
        "GET",
        "/api/v2/conversations/{C}/participants/{P}/communications/{C}/wrapup",
        None,
        "",
    )
    .lint();
    let no_route = finding(&found, "route/no-such-route");
    let fix = no_route.fix.as_ref().unwrap();
    assert_eq!(fix.path, None, "{fix:#?}");
    for media in ["callbacks", "calls"] {
        assert!(
            fix.summary.contains(&format!(
                "GET /api/v2/conversations/{media}/{{conversationId}}/participants/{{participantId}}/communications/{{communicationId}}/wrapup"
            )),
            "{}",
            fix.summary
        );
    }
}

#[test]
fn without_a_body_the_participant_patch_is_nearest_to_a_path_without_a_conversation() {
    let found = req("PATCH", "/api/v2/conversations/participants/{P}", None, "").lint();
    let fix = finding(&found, "route/no-such-route").fix.clone().unwrap();
    assert_eq!(
        fix.path.as_deref(),
        Some(filled("/api/v2/conversations/{conversationId}/participants/{P}").as_str())
    );
}

#[test]
fn a_current_route_has_no_lifecycle_finding() {
    for bad in [
        patch(ATTRS, GOOD),
        req("GET", "/api/v2/conversations/{C}", None, ""),
    ] {
        assert_eq!(bad.lint(), [], "{}", bad.path);
    }
}

#[test]
fn a_deprecated_route_is_a_warning_that_names_its_lifecycle() {
    let found = req(
        "POST",
        "/api/v2/conversations/{C}/participants/{P}/replace",
        JSON,
        r#"{"userId": "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"}"#,
    )
    .lint();
    let deprecated = finding(&found, "route/deprecated");
    assert_eq!(deprecated.severity, Severity::Warning);
    assert!(
        deprecated.message.contains("is deprecated"),
        "{}",
        deprecated.message
    );
    assert!(
        deprecated.explanation.contains("Lifecycle: deprecated")
            && deprecated
                .explanation
                .contains("post_conversation_participant_replace"),
        "{}",
        deprecated.explanation
    );
    // Its body is not modelled either, and lint says so.
    finding(&found, "route/body-not-checked");
}

#[test]
fn the_deprecated_cobrowse_participant_patch_takes_an_optional_body() {
    let path = "/api/v2/conversations/cobrowsesessions/{C}/participants/{P}";
    let found = patch(path, "").lint();
    assert!(found.iter().all(|f| f.rule != "body/missing"), "{found:#?}");
    let deprecated = finding(&found, "route/deprecated");
    assert_eq!(
        deprecated.fix.as_ref().unwrap().path.as_deref(),
        Some(filled("/api/v2/conversations/{C}/participants/{P}").as_str())
    );
}

#[test]
fn a_preview_route_is_a_warning_that_names_its_lifecycle() {
    let found = req(
        "PUT",
        "/api/v2/conversations/{C}/accessattributes",
        JSON,
        r#"{"accessAttributes": ["vip"]}"#,
    )
    .lint();
    let preview = finding(&found, "route/preview");
    assert_eq!(preview.severity, Severity::Warning);
    assert!(
        preview.message.contains("is a preview"),
        "{}",
        preview.message
    );
    assert!(
        preview.explanation.contains("Lifecycle: preview"),
        "{}",
        preview.explanation
    );
}

#[test]
fn a_chats_attribute_route_is_reported_as_removed_citing_the_fact_sheet() {
    let found = patch(
        "/api/v2/conversations/chats/{C}/participants/{P}/attributes",
        GOOD,
    )
    .lint();
    let removed = finding(&found, "route/removed-chats");
    assert_eq!(removed.severity, Severity::Reject);
    assert_eq!(removed.evidence, Evidence::documented("§1.1"));
    assert!(
        removed.explanation.contains("both SDKs") && removed.explanation.contains("§1.1"),
        "{}",
        removed.explanation
    );
    assert_eq!(
        removed.fix.as_ref().unwrap().path.as_deref(),
        Some(filled(ATTRS).as_str())
    );
    // The specific rule replaces the general one.
    assert!(found.iter().all(|f| f.rule != "route/no-such-route"));
}

#[test]
fn a_literal_segment_wins_over_a_conversation_id() {
    // GET /conversations/settings is the settings read, not a conversation.
    assert_eq!(
        req("GET", "/api/v2/conversations/settings", None, "").lint(),
        []
    );
    // PUT on it is a wrong verb for the settings path, not for /{conversationId}.
    let found = req("PUT", "/api/v2/conversations/settings", JSON, "{}").lint();
    let wrong = finding(&found, "route/wrong-verb");
    assert!(
        wrong.message.contains("it takes GET, PATCH"),
        "{}",
        wrong.message
    );
    assert!(
        wrong.explanation.contains("/api/v2/conversations/settings"),
        "{}",
        wrong.explanation
    );
}

#[test]
fn a_wrong_verb_names_the_verbs_the_path_has() {
    for (verb, path, verbs) in [
        ("PATCH", "/api/v2/conversations/{C}", "GET, DELETE"),
        (
            "DELETE",
            "/api/v2/conversations/{C}/secureattributes",
            "GET, PUT, PATCH",
        ),
        ("POST", ATTRS, "PATCH"),
    ] {
        let found = req(verb, path, None, "").lint();
        let wrong = finding(&found, "route/wrong-verb");
        assert!(
            wrong.message.contains(&format!("takes {verbs}")),
            "{verb} {path}: {}",
            wrong.message
        );
    }
}

#[test]
fn a_real_route_gc_attrs_does_not_model_gets_an_info_and_no_body_rules() {
    let found = req(
        "POST",
        "/api/v2/conversations/{C}/participants/{P}/transfer",
        JSON,
        r#"{"attributes": 42}"#,
    )
    .lint();
    assert_eq!(found.len(), 1, "{found:#?}");
    let info = finding(&found, "route/body-not-checked");
    assert_eq!(info.severity, Severity::Info);
    assert!(
        info.message.contains("TransferToAddressRequest")
            && info.message.contains("does not check"),
        "{}",
        info.message
    );
    // A GET without a body has nothing to check and no finding.
    assert_eq!(
        req("GET", "/api/v2/conversations/calls", None, "").lint(),
        []
    );
}

#[test]
fn socialexpressions_and_internalmessages_have_no_attribute_route() {
    for media in ["socialexpressions", "internalmessages"] {
        let found = patch(
            &format!("/api/v2/conversations/{media}/{{C}}/participants/{{P}}/attributes"),
            GOOD,
        )
        .lint();
        let none = finding(&found, "route/media-without-attributes");
        assert!(none.message.contains(media), "{}", none.message);
        assert!(
            none.explanation
                .contains("socialexpressions no route at all"),
            "{}",
            none.explanation
        );
    }
}

#[test]
fn a_path_outside_the_namespace_is_only_a_warning() {
    let found = req("GET", "/api/v2/users/me", None, "").lint();
    let unknown = finding(&found, "route/unknown");
    assert_eq!(unknown.severity, Severity::Warning);
    assert!(found.iter().all(|f| f.rule != "route/no-such-route"));
}
