//! The embedded inventory reads cleanly, and the matcher picks literals
//! before parameters, captures parameters and finds the nearest routes.

use super::*;
use crate::genesys::{ROUTES, Route};

const C: &str = "3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a";
const P: &str = "b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

fn inv() -> &'static Inventory {
    inventory()
}

#[test]
fn the_embedded_inventory_has_318_rows_and_no_unreadable_row() {
    assert_eq!(inv().errors(), [] as [String; 0]);
    assert_eq!(inv().routes().len(), 318, "fact sheet §7");
    assert!(inv().source.contains("PureCloudPlatformClientV2"));
    let count = |verb| inv().routes().iter().filter(|r| r.verb == verb).count();
    assert_eq!(
        [Verb::Get, Verb::Post, Verb::Patch, Verb::Put, Verb::Delete].map(count),
        [117, 100, 50, 30, 21]
    );
    let lifecycle = |l| inv().routes().iter().filter(|r| r.lifecycle == l).count();
    assert_eq!(
        [
            Lifecycle::Current,
            Lifecycle::Deprecated,
            Lifecycle::Preview
        ]
        .map(lifecycle),
        [284, 21, 13]
    );
}

#[test]
fn every_rows_template_matches_itself_and_gives_that_row() {
    for route in inv().routes() {
        let found = inv().lookup(route.template).expect(route.template);
        assert_eq!(found.template, route.template);
        assert_eq!(found.route(route.verb), Some(route));
        for (name, value) in &found.params {
            assert_eq!(value, &format!("{{{name}}}"));
        }
    }
}

#[test]
fn a_literal_wins_over_a_parameter_at_each_segment() {
    let settings = inv().lookup("/api/v2/conversations/settings").unwrap();
    assert_eq!(settings.template, "/api/v2/conversations/settings");
    assert!(settings.params.is_empty());
    let calls = inv().lookup("/api/v2/conversations/calls").unwrap();
    assert_eq!(calls.template, "/api/v2/conversations/calls");
    assert_eq!(calls.verbs(), [Verb::Get, Verb::Post]);
    // A word that is no literal there is a conversation id.
    let conversation = inv().lookup(&format!("/api/v2/conversations/{C}")).unwrap();
    assert_eq!(
        conversation.template,
        "/api/v2/conversations/{conversationId}"
    );
    assert_eq!(conversation.param("conversationId"), Some(C));
    // 17 literals compete with {conversationId} right after the prefix.
    let competing: std::collections::BTreeSet<&str> = inv()
        .templates()
        .iter()
        .filter_map(|t| match t.segments.get(3) {
            Some(Segment::Literal(text)) => Some(*text),
            _ => None,
        })
        .collect();
    assert_eq!(competing.len(), 17, "{competing:?}");
    for literal in competing {
        let found = inv().lookup(&format!("/api/v2/conversations/{literal}/{C}"));
        if let Some(found) = found {
            assert!(
                !found.template.starts_with("/api/v2/conversations/{"),
                "{literal} taken as an id by {}",
                found.template
            );
        }
    }
}

#[test]
fn parameters_are_captured_in_path_order() {
    let path = format!("/api/v2/conversations/calls/{C}/participants/{P}/attributes");
    let found = inv().lookup(&path).unwrap();
    assert_eq!(
        found.template,
        "/api/v2/conversations/calls/{conversationId}/participants/{participantId}/attributes"
    );
    assert_eq!(
        found.params,
        [
            ("conversationId", C.to_owned()),
            ("participantId", P.to_owned())
        ]
    );
    assert_eq!(found.verbs(), [Verb::Patch]);
}

#[test]
fn a_trailing_slash_is_ignored_and_an_empty_segment_is_no_parameter() {
    let with = inv().lookup(&format!("/api/v2/conversations/{C}/"));
    assert_eq!(
        with.map(|m| m.template),
        Some("/api/v2/conversations/{conversationId}")
    );
    assert!(
        inv()
            .lookup("/api/v2/conversations//participants/x/attributes")
            .is_none()
    );
    assert!(
        inv()
            .lookup("/api/v2/conversations/x/participant/y")
            .is_none()
    );
    assert!(inv().lookup("/api/v2/analytics/conversations").is_none());
}

#[test]
fn all_verbs_of_a_path_are_listed_in_verb_order() {
    let secure = inv()
        .lookup(&format!("/api/v2/conversations/{C}/secureattributes"))
        .unwrap();
    assert_eq!(secure.verbs(), [Verb::Get, Verb::Put, Verb::Patch]);
    let conversation = inv().lookup(&format!("/api/v2/conversations/{C}")).unwrap();
    assert_eq!(
        conversation.verbs(),
        [Verb::Get, Verb::Delete],
        "GET and DELETE /{{conversationId}}: there is no PATCH on a conversation"
    );
}

#[test]
fn every_modelled_route_is_in_the_inventory_except_the_removed_chats() {
    for route in ROUTES {
        let found = inv().find(route.verb, route.template);
        if route.lifecycle == Lifecycle::Removed {
            assert!(found.is_none(), "{} is removed (§1.1)", route.template);
            continue;
        }
        let found = found.unwrap_or_else(|| panic!("{} {}", route.verb, route.template));
        assert_eq!(found.python, route.python, "{}", route.template);
        assert_eq!(found.lifecycle, route.lifecycle, "{}", route.template);
        assert_eq!(
            found.body == BodyNeed::Required,
            route.body_required,
            "{} {}",
            route.verb,
            route.template
        );
    }
}

#[test]
fn route_for_path_follows_the_inventory_literal_first() {
    // The call listing is not the conversation `calls`.
    assert!(Route::find(Verb::Get, "/api/v2/conversations/calls").is_none());
    assert!(Route::find(Verb::Get, "/api/v2/conversations/settings").is_none());
    let (route, _) = Route::find(Verb::Get, &format!("/api/v2/conversations/{C}")).unwrap();
    assert_eq!(route.python, "get_conversation");
}

#[test]
fn no_chats_route_and_no_socialexpressions_route_exist() {
    for route in inv().routes() {
        assert!(!route.template.contains("/chats"), "{}", route.template);
        assert!(!route.python.contains("chat"), "{}", route.python);
        assert!(
            !route.template.contains("socialexpressions"),
            "{}",
            route.template
        );
    }
    let internal: Vec<_> = inv()
        .routes()
        .iter()
        .filter(|r| r.template.contains("/internalmessages"))
        .map(|r| r.template)
        .collect();
    assert!(!internal.is_empty());
    assert!(
        internal.iter().all(|t| !t.ends_with("/attributes")),
        "{internal:?}"
    );
}

#[test]
fn access_attributes_are_a_preview_get_and_put() {
    let found = inv()
        .lookup(&format!("/api/v2/conversations/{C}/accessattributes"))
        .unwrap();
    assert_eq!(found.verbs(), [Verb::Get, Verb::Put]);
    assert!(
        found
            .routes
            .iter()
            .all(|r| r.lifecycle == Lifecycle::Preview)
    );
}

#[test]
fn the_nearest_routes_of_a_typo_put_the_real_one_first() {
    let path = format!("/api/v2/conversations/{C}/participant/{P}/attributes");
    let near = inv().nearest(
        &path,
        Intent {
            verb: Some(Verb::Patch),
            body_model: Some("ParticipantAttributes"),
        },
    );
    assert_eq!(
        near[0].path,
        format!("/api/v2/conversations/{C}/participants/{P}/attributes")
    );
    assert_eq!(near[0].distance, 1);
    assert!(near.len() <= 3);
    assert!(near.windows(2).all(|w| w[0].distance <= w[1].distance));
}

#[test]
fn a_missing_parameter_stays_a_placeholder_in_the_nearest_path() {
    let near = inv().nearest(
        &format!("/api/v2/conversations/participants/{P}"),
        Intent {
            verb: Some(Verb::Patch),
            body_model: Some("ParticipantAttributes"),
        },
    );
    assert_eq!(
        near[0].path,
        format!("/api/v2/conversations/{{conversationId}}/participants/{P}/attributes")
    );
    // Without a body the participant PATCH is as near: both are offered.
    let near = inv().nearest(
        &format!("/api/v2/conversations/participants/{P}"),
        Intent {
            verb: Some(Verb::Patch),
            body_model: None,
        },
    );
    let templates: Vec<&str> = near.iter().map(|n| n.template).collect();
    assert!(
        templates.contains(&"/api/v2/conversations/{conversationId}/participants/{participantId}"),
        "{templates:?}"
    );
}

#[test]
fn a_parsed_row_keeps_every_column() {
    let text = "# test\nverb\tpath\tpython_method\tbody_model\tbody_required\tlifecycle\treturn_type\tpython_api_file\tpython_line\n\
        PATCH\t/api/v2/conversations/x\tpatch_x\tBody\toptional\tpreview\tThing\tx_api.py\t7\n\
        BREW\t/api/v2/conversations/y\ty\t\t\tcurrent\t\tx_api.py\t8\n";
    let parsed = Inventory::parse(text);
    assert_eq!(parsed.source, "test");
    assert_eq!(
        parsed.routes(),
        [ApiRoute {
            verb: Verb::Patch,
            template: "/api/v2/conversations/x",
            python: "patch_x",
            body_model: Some("Body"),
            body: BodyNeed::Optional,
            lifecycle: Lifecycle::Preview,
            returns: Some("Thing"),
            source: ("x_api.py", 7),
        }]
    );
    assert_eq!(parsed.errors().len(), 1, "{:?}", parsed.errors());
    assert!(parsed.errors()[0].starts_with("line 4"));
}
