//! Lint stays linear in the body: the findings of one request share one
//! corrected body, and a listing shows at most `LISTED_PER_RULE` per rule and
//! counts the rest exactly.

use std::sync::Arc;

use serde_json::{Map, Value, json};

use super::*;

/// `{"attributes": {"n0000": 0, …}}` with `n` numeric values.
fn numeric_body(n: usize) -> String {
    let map: Map<String, Value> = (0..n).map(|i| (format!("n{i:04}"), json!(i))).collect();
    json!({ "attributes": map }).to_string()
}

/// The distinct corrected bodies the findings hold (by allocation).
fn stored_bodies(findings: &[Finding]) -> Vec<&Arc<Value>> {
    let mut bodies: Vec<&Arc<Value>> = Vec::new();
    for body in findings
        .iter()
        .filter_map(|f| f.fix.as_ref()?.body.as_ref())
    {
        if !bodies.iter().any(|b| Arc::ptr_eq(b, body)) {
            bodies.push(body);
        }
    }
    bodies
}

#[test]
fn a_body_with_4000_numeric_values_lists_the_cap_and_counts_the_other_3980() {
    let found = patch(ATTRS, &numeric_body(4_000)).lint();
    assert_eq!(found.len(), 4_000);
    let listing = listing(&found);
    assert_eq!(listing.findings.len(), LISTED_PER_RULE);
    assert!(
        listing
            .findings
            .iter()
            .all(|f| f.rule == "body/value-not-string")
    );
    assert_eq!(
        listing.unlisted,
        [Unlisted {
            rule: "body/value-not-string",
            count: 4_000 - LISTED_PER_RULE
        }]
    );
    assert_eq!(
        listing.unlisted_count() + listing.findings.len(),
        found.len()
    );
}

#[test]
fn the_listing_caps_each_rule_apart_and_keeps_the_lints_order() {
    // 30 numbers, 25 keys with stray spaces, 3 nulls, on a PUT: one
    // route/put-on-attributes first, then each body rule up to the cap.
    let mut map = Map::new();
    for i in 0..30 {
        map.insert(format!("n{i}"), json!(i));
    }
    for i in 0..25 {
        map.insert(format!(" s{i}"), json!("x"));
    }
    for i in 0..3 {
        map.insert(format!("z{i}"), Value::Null);
    }
    let found = req(
        "PUT",
        ATTRS,
        JSON,
        &json!({ "attributes": map }).to_string(),
    )
    .lint();
    let listing = listing(&found);
    let count = |rule: &str| listing.findings.iter().filter(|f| f.rule == rule).count();
    assert_eq!(listing.findings[0].rule, "route/put-on-attributes");
    assert_eq!(count("body/value-not-string"), LISTED_PER_RULE);
    assert_eq!(count("body/key-whitespace"), LISTED_PER_RULE);
    assert_eq!(count("body/value-null"), 3);
    let mut unlisted = listing.unlisted.clone();
    unlisted.sort_by_key(|u| u.rule);
    assert_eq!(
        unlisted,
        [
            Unlisted {
                rule: "body/key-whitespace",
                count: 5
            },
            Unlisted {
                rule: "body/value-not-string",
                count: 10
            },
        ]
    );
    // Listed in the lint's order: a subsequence of the findings.
    let mut rest = found.iter();
    assert!(
        listing
            .findings
            .iter()
            .all(|l| rest.any(|f| std::ptr::eq(f, *l)))
    );
}

#[test]
fn every_finding_of_an_attribute_request_shares_one_corrected_body() {
    // Unknown top-level key, numbers, stray spaces, nulls, an empty key.
    let mut map = Map::new();
    for i in 0..500 {
        map.insert(format!("n{i}"), json!(i));
        map.insert(format!(" s{i} "), json!("x"));
    }
    map.insert("gone".into(), Value::Null);
    map.insert(String::new(), json!("v"));
    let body = json!({ "attributes": map, "type": "contact" }).to_string();
    let found = patch(ATTRS, &body).lint();
    let with_body = found
        .iter()
        .filter(|f| f.fix.as_ref().is_some_and(|x| x.body.is_some()))
        .count();
    assert!(with_body > 1_000, "{with_body}");
    let bodies = stored_bodies(&found);
    assert_eq!(bodies.len(), 1, "one corrected body for {with_body} fixes");
    // And it is the corrected request: applying it leaves no body finding.
    let fixed = patch(ATTRS, &bodies[0].to_string()).lint();
    assert_eq!(fixed, [], "{fixed:#?}");
}

#[test]
fn every_finding_of_a_secure_attributes_request_shares_one_corrected_body() {
    let mut map = Map::new();
    for i in 0..50 {
        map.insert(format!("n{i}"), json!(i));
    }
    map.insert(" pad".into(), json!("x"));
    let body = json!({ "attributes": map, "version": 3, "extra": 1 }).to_string();
    let found = req(
        "PUT",
        "/api/v2/conversations/{C}/secureattributes",
        JSON,
        &body,
    )
    .lint();
    assert!(found.iter().any(|f| f.rule == "body/unknown-key"));
    let bodies = stored_bodies(&found);
    assert_eq!(bodies.len(), 1, "{found:#?}");
    assert_eq!(bodies[0]["version"], json!(3));
    assert_eq!(bodies[0]["attributes"]["n7"], json!("7"));
}

#[test]
fn the_participant_patch_fields_share_one_corrected_body_beside_the_attributes_route_fix() {
    let body = json!({
        "wrap_up": {"code": "x"},
        "muted": "yes",
        "held": 1,
        "colour": "red",
        "attributes": {"a": 1},
    })
    .to_string();
    let found = patch("/api/v2/conversations/{C}/participants/{P}", &body).lint();
    let fields: Vec<&Finding> = found
        .iter()
        .filter(|f| f.rule != "participant/attributes-field")
        .collect();
    assert!(fields.len() >= 4, "{found:#?}");
    let owned: Vec<Finding> = fields.into_iter().cloned().collect();
    assert_eq!(stored_bodies(&owned).len(), 1, "{owned:#?}");
    // The attributes go to another request (the attributes route), with its own body.
    assert_eq!(stored_bodies(&found).len(), 2);
}
