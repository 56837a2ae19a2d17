//! A bounded fuzz run (proptest, a few thousand cases, seconds): what reads
//! outside input never panics. Covered: `lint` (any verb, path, content type
//! and body, JSON or not), the error explainer, the forum-claim checker, the
//! route matcher, the configuration parsers (`config.toml`, the gc CLI
//! file, `[keys]`), and the request importer (curl, raw HTTP, JSON, and
//! placeholder filling). Inputs are bounded in size, so the run stays small.
//! The simulator's fixture parser is private; its fuzz run is beside it, in
//! `src/sim/fixtures/tests.rs`.

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use gc_attrs::config::{FileText, Flags, Inputs, keys, resolve};
use gc_attrs::genesys::Route;
use gc_attrs::lint::{Request, check_snippet, explain::explain, lint};
use gc_attrs::usecase::import::{fill, import, placeholders};
use proptest::prelude::*;
use serde_json::Value;

/// Arbitrary JSON, a few levels deep, with the keys lint looks at mixed in.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
    ];
    let key = prop_oneof![
        Just("attributes".to_owned()),
        Just("version".to_owned()),
        Just("customAttributes".to_owned()),
        Just("state".to_owned()),
        Just("wrapup".to_owned()),
        ".{0,12}",
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Paths near the real ones, and anything.
fn path() -> impl Strategy<Value = String> {
    let segment = prop_oneof![
        Just("conversations".to_owned()),
        Just("participants".to_owned()),
        Just("attributes".to_owned()),
        Just("calls".to_owned()),
        Just("secureattributes".to_owned()),
        Just("{conversationId}".to_owned()),
        Just("3c3f4a8e-7d0c-4b8e-9a56-0f1e2d3c4b5a".to_owned()),
        "[a-z{}%?#:.]{0,12}",
    ];
    prop_oneof![
        prop::collection::vec(segment, 0..9).prop_map(|s| format!("/api/v2/{}", s.join("/"))),
        ".{0,80}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn lint_never_panics_on_any_request(
        verb in prop_oneof![Just("PATCH".to_owned()), Just("PUT".to_owned()), ".{0,8}"],
        path in path(),
        content_type in prop::option::of(prop_oneof![
            Just("application/json".to_owned()),
            Just("application/json-patch+json".to_owned()),
            ".{0,30}",
        ]),
        body in prop_oneof![json().prop_map(|v| v.to_string()), ".{0,200}"],
    ) {
        let findings = lint(&Request {
            verb: &verb,
            path: &path,
            content_type: content_type.as_deref(),
            body: &body,
        });
        // Whatever it found, each finding says something.
        prop_assert!(findings.iter().all(|f| !f.message.is_empty()));
    }

    #[test]
    fn the_explainer_never_panics_on_any_answer(
        status in prop::option::of(any::<u16>()),
        body in prop_oneof![json().prop_map(|v| v.to_string()), ".{0,300}"],
    ) {
        let _ = explain(status, &body);
    }

    #[test]
    fn the_claim_checker_and_the_route_matcher_never_panic(text in ".{0,300}", path in path()) {
        let _ = check_snippet(&text);
        let _ = Route::for_path(&path);
    }

    #[test]
    fn the_configuration_parsers_never_panic(
        own in prop_oneof![
            ".{0,200}",
            "(\\[[a-z.]{0,10}\\]\n)?([a-z_]{1,8} = (\"[^\"\n]{0,10}\"|[0-9]{1,4}|\\[\\]|\\{\\})\n){0,6}",
        ],
        gc in ".{0,200}",
        region in prop::option::of(".{0,20}"),
    ) {
        let own = FileText { path: PathBuf::from("config.toml"), text: own };
        let gc = FileText { path: PathBuf::from(".gc/config.toml"), text: gc };
        let flags = Flags { region, ..Flags::default() };
        let _ = resolve(&Inputs {
            flags: &flags,
            env: &|_| None,
            config_file: Some(&own),
            gc_cli_file: Some(&gc),
        });
        let _ = keys::remaps(&own);
    }

    #[test]
    fn the_request_importer_never_panics_on_any_paste(
        text in prop_oneof![
            ".{0,300}",
            // Curl-like: options, quotes of every kind, continuations.
            prop::collection::vec(prop_oneof![
                Just("-X".to_owned()), Just("-H".to_owned()), Just("-d".to_owned()),
                Just("--json".to_owned()), Just("--url".to_owned()), Just("\\\n".to_owned()),
                Just("'".to_owned()), Just("\"".to_owned()), Just("\u{201c}".to_owned()),
                Just("\u{2019}".to_owned()), Just("{conversationId}".to_owned()),
                "[ -~]{0,12}",
            ], 0..16).prop_map(|words| format!("curl {}", words.join(" "))),
            // HTTP-like: a request line, headers, a body.
            ("(PATCH|PUT|GET|patch) ", path(), "( HTTP/1.1)?", "(\r?\n[A-Za-z-]{0,10}:[ -~]{0,20}){0,4}", "(\r?\n\r?\n.{0,60})?")
                .prop_map(|(a, b, c, d, e)| format!("{a}{b}{c}{d}{e}")),
        ],
    ) {
        if let Ok(imported) = import(&text) {
            let _ = placeholders(&imported);
            let filled = fill(&imported, "c", "p");
            prop_assert_eq!(filled.source, imported.source);
        }
    }
}
