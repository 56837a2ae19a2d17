use super::*;
use crate::genesys::{Media, Route};

fn attributes(pairs: &[(&str, &str)]) -> Attributes {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn request<'a>(
    route: &'static Route,
    attributes: &'a Attributes,
    gone: &'a [String],
) -> CodeRequest<'a> {
    CodeRequest {
        conversation_id: "c-1",
        participant_id: "p-1",
        route,
        attributes,
        unremovable: gone,
    }
}

fn generic() -> &'static Route {
    Route::attributes_for(None).unwrap()
}

#[test]
fn each_language_names_the_routes_sdk_method_in_its_spelling() {
    let call = Route::attributes_for(Some(Media::Calls)).unwrap();
    let map = attributes(&[("a", "1")]);
    let expected = [
        (
            Lang::Python,
            "patch_conversations_call_participant_attributes(",
        ),
        (
            Lang::Javascript,
            "patchConversationsCallParticipantAttributes(",
        ),
        (Lang::Java, "patchConversationsCallParticipantAttributes("),
        (Lang::Csharp, "PatchConversationsCallParticipantAttributes("),
        (Lang::Go, "PatchConversationsCallParticipantAttributes("),
    ];
    for (lang, method) in expected {
        let text = program(lang, &request(call, &map, &[]));
        assert!(text.contains(method), "{lang:?}:\n{text}");
        assert!(
            !text.contains("@METHOD@") && !text.contains("@PATH@"),
            "{lang:?}"
        );
    }
    let text = program(Lang::Python, &request(generic(), &map, &[]));
    assert!(text.contains(".patch_conversation_participant_attributes(CONVERSATION_ID"));
}

#[test]
fn values_that_look_like_markers_or_break_quotes_are_written_literally() {
    let map = attributes(&[("note", "it's \"@PATH@\" \\ done\n"), ("ctl", "\u{1}")]);
    let python = program(Lang::Python, &request(generic(), &map, &[]));
    assert!(
        python.contains(r#""note": "it's \"@PATH@\" \\ done\n","#),
        "{python}"
    );
    let java = program(Lang::Java, &request(generic(), &map, &[]));
    assert!(java.contains(r#"attributes.put("ctl", "\001");"#), "{java}");
    assert!(
        java.contains(r#"attributes.put("note", "it's \"@PATH@\" \\ done\n");"#),
        "{java}"
    );
    let curl = program(Lang::Curl, &request(generic(), &map, &[]));
    assert!(
        curl.contains(r#"--data-binary '{"attributes":{"ctl":"\u0001","note":"it'\''s \"@PATH@\" \\ done\n"}}'"#),
        "{curl}"
    );
}

#[test]
fn the_header_says_what_a_patch_cannot_remove_and_what_was_not_run() {
    let map = attributes(&[("a", "1")]);
    let gone = ["old".to_owned(), "older".to_owned()];
    for lang in Lang::ALL {
        let text = program(lang, &request(generic(), &map, &gone));
        assert!(
            text.contains("cannot remove one: old, older keep their values"),
            "{lang:?}"
        );
        assert_eq!(
            text.contains("not executed by gc-attrs' tests"),
            !lang.is_tested_here(),
            "{lang:?}"
        );
    }
}

#[test]
fn the_gc_script_uses_the_generic_route_and_says_so_on_a_media_one() {
    let call = Route::attributes_for(Some(Media::Calls)).unwrap();
    let map = attributes(&[("a", "1")]);
    let text = program(Lang::Gc, &request(call, &map, &[]));
    assert!(
        text.contains("gc conversations participants attributes update 'c-1' 'p-1'"),
        "{text}"
    );
    assert!(text.contains("this script uses it"), "{text}");
}

#[test]
fn go_takes_three_results_where_the_route_answers_a_model() {
    let map = attributes(&[("a", "1")]);
    let call = Route::attributes_for(Some(Media::Calls)).unwrap();
    assert!(program(Lang::Go, &request(call, &map, &[])).contains("if _, _, err := api."));
    assert!(program(Lang::Go, &request(generic(), &map, &[])).contains("if _, err := api."));
}
