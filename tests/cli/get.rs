//! `gc-attrs get`.

use crate::support::*;

#[test]
fn get_prints_the_conversation_participants_and_attributes() {
    let env = Env::new();
    let run = env.run(&["--sim", "get", CALL]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = &run.stdout;
    for expected in [
        &format!("conversation  {CALL}"),
        "start         2026-11-20T14:02:11.482Z",
        "end           active",
        "media         calls",
        "PARTICIPANT",
        "customer  Yamada Taro",
        "connected",
        "accountNumber      884-221-0097",
        "Jana Müller",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // Not a terminal: no colour.
    assert!(!text.contains('\u{1b}'), "{text}");
}

#[test]
fn get_json_has_the_documented_shape() {
    let env = Env::new();
    let run = env.run(&["--sim", "--json", "get", CALL]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let conversation = &json["conversation"];
    assert_eq!(conversation["id"], CALL);
    assert_eq!(conversation["startTime"], "2026-11-20T14:02:11.482Z");
    assert!(conversation["endTime"].is_null());
    assert_eq!(conversation["media"], serde_json::json!(["calls"]));
    let participants = json["participants"].as_array().unwrap();
    assert_eq!(participants.len(), 4);
    let customer = participants
        .iter()
        .find(|p| p["purpose"] == "customer")
        .unwrap();
    for key in ["id", "purpose", "name", "state", "media", "attributes"] {
        assert!(customer.get(key).is_some(), "no {key}: {customer}");
    }
    assert_eq!(customer["name"], "Yamada Taro");
    assert_eq!(customer["state"], "connected");
    assert_eq!(customer["media"], serde_json::json!(["calls"]));
    assert_eq!(customer["attributes"]["accountNumber"], "884-221-0097");
}

#[test]
fn get_takes_a_url_and_one_participant() {
    let env = Env::new();
    let agent = env.participant("agent");
    let url = format!("https://apps.mypurecloud.ie/directory/#/engage/admin/interactions/{CALL}");
    let run = env.run(&["--sim", "get", &url, "--participant", &agent, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let participants = run.json()["participants"].as_array().unwrap().clone();
    assert_eq!(participants.len(), 1);
    assert_eq!(participants[0]["id"], agent.as_str());
}

#[test]
fn an_unknown_participant_is_a_usage_error_listing_the_ids() {
    let env = Env::new();
    let ids = env.participants();
    let run = env.run(&["--sim", "get", CALL, "--participant", "nobody"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("no participant `nobody`"),
        "{}",
        run.stderr
    );
    for (id, _) in ids {
        assert!(run.stderr.contains(&id), "{id} not listed: {}", run.stderr);
    }
}

#[test]
fn an_unknown_conversation_is_a_decoded_4xx_with_exit_3() {
    let env = Env::new();
    let missing = "00000000-0000-4000-8000-000000000000";
    let run = env.run(&["--sim", "get", missing]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(run.stderr.contains("answered 404"), "{}", run.stderr);
    assert!(run.stderr.contains("- not.found (404)"), "{}", run.stderr);
    assert!(run.stderr.contains("next step:"), "{}", run.stderr);
    let run = env.run(&["--sim", "get", missing, "--json"]);
    assert_eq!(run.code, 3);
    let error = &run.json()["error"];
    assert_eq!(error["exit"], 3);
    assert_eq!(error["explanation"]["status"], 404);
    assert_eq!(error["explanation"]["errors"][0]["code"], "not.found");
}

#[test]
fn no_conversation_id_is_a_usage_error() {
    let env = Env::new();
    let run = env.run(&["--sim", "get", "https://example.com/a b"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no conversation id"), "{}", run.stderr);
}

#[test]
fn a_history_folder_open_to_others_is_reported_on_stderr_once() {
    use std::os::unix::fs::PermissionsExt as _;
    let env = Env::new();
    let data = env.dir().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    let run = env.run(&["--sim", "get", CALL]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warning = format!(
        "warning: the history folder {} is open to other users (mode 0755)",
        data.display()
    );
    assert_eq!(run.stderr.matches(&warning).count(), 1, "{}", run.stderr);
}
