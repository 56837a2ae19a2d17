//! The conversation reads and the attribute writers.

use gc_attrs::genesys::{
    CallConversation, CallbackConversation, Conversation, EmailConversation,
    MediaParticipantPurpose, MessageConversation, ParticipantAttributes,
};
use gc_attrs::sim::SimConfig;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::*;

#[tokio::test]
async fn the_generic_conversation_read() {
    let h = Harness::start(config()).await;
    let ids = h.sim.conversation_ids();
    assert_eq!(ids.len(), 4);
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "sorted");
    for id in &ids {
        let answer = h.get(&format!("/api/v2/conversations/{id}")).await;
        assert_eq!(answer.status(), StatusCode::OK);
        assert!(answer.headers().contains_key("inin-ratelimit-count"));
        let text = answer.text().await.unwrap();
        assert!(!text.contains("_sim"), "the simulator's own key leaks");
        let conversation: Conversation = serde_json::from_str(&text).unwrap();
        assert_eq!(conversation.id.as_deref(), Some(id.as_str()));
        assert!(conversation.participants.len() >= 3);
    }
    let call: Conversation = h
        .get(&format!("/api/v2/conversations/{CALL}"))
        .await
        .json()
        .await
        .unwrap();
    let purposes: Vec<_> = call
        .participants
        .iter()
        .filter_map(|p| p.purpose.as_deref())
        .collect();
    assert_eq!(purposes, ["customer", "ivr", "acd", "agent"]);
    let customer = call
        .participant(CALL_CUSTOMER)
        .unwrap()
        .attributes
        .clone()
        .unwrap();
    assert_eq!(customer["customerName"], "山田 太郎");
    assert!(customer["caseSummary"].chars().count() >= 400);
    assert!(customer["sentiment"].contains('🙂'));
    let agent = call
        .participant(CALL_AGENT)
        .unwrap()
        .attributes
        .clone()
        .unwrap();
    assert!(agent["agentNote"].contains("Grüße"));
}

#[tokio::test]
async fn every_media_view_derives_from_the_conversation() {
    let h = Harness::start(config()).await;
    let text = |path: String| {
        let h = &h;
        async move {
            let answer = h.get(&path).await;
            assert_eq!(answer.status(), StatusCode::OK, "{path}");
            answer.text().await.unwrap()
        }
    };
    let call: CallConversation =
        serde_json::from_str(&text(format!("/api/v2/conversations/calls/{CALL}")).await).unwrap();
    let participants = call.participants.unwrap();
    assert_eq!(participants.len(), 4);
    let agent = participants
        .iter()
        .find(|p| p.id.as_deref() == Some(CALL_AGENT))
        .unwrap();
    assert_eq!(agent.purpose, Some(MediaParticipantPurpose::Agent));
    assert_eq!(
        agent.state.as_ref().map(ToString::to_string).as_deref(),
        Some("connected")
    );
    assert_eq!(agent.held, Some(false));
    let user = agent.user.as_ref().unwrap();
    assert_eq!(
        user.self_uri.as_deref(),
        Some(format!("/api/v2/users/{}", user.id.as_deref().unwrap()).as_str())
    );
    assert!(agent.queue.as_ref().unwrap().id.is_some());
    assert!(agent.attributes.as_ref().unwrap().contains_key("agentNote"));
    assert!(
        agent.extra.is_empty(),
        "unexpected fields {:?}",
        agent.extra
    );
    assert_eq!(
        call.self_uri.as_deref(),
        Some(format!("/api/v2/conversations/calls/{CALL}").as_str())
    );

    let message: MessageConversation =
        serde_json::from_str(&text(format!("/api/v2/conversations/messages/{MESSAGE}")).await)
            .unwrap();
    let customer = &message.participants.unwrap()[0];
    assert_eq!(customer.message_type.as_deref(), Some("webmessaging"));
    assert!(customer.attributes.as_ref().unwrap()["context.addressStreet"].contains("Königsallee"));

    let email: EmailConversation =
        serde_json::from_str(&text(format!("/api/v2/conversations/emails/{EMAIL}")).await).unwrap();
    let customer = &email.participants.unwrap()[0];
    assert!(customer.subject.as_deref().unwrap().contains("Kaffeemühle"));

    let callback: CallbackConversation =
        serde_json::from_str(&text(format!("/api/v2/conversations/callbacks/{CALLBACK}")).await)
            .unwrap();
    let customer = &callback.participants.unwrap()[0];
    assert_eq!(customer.callback_numbers.as_ref().unwrap().len(), 2);
    assert_eq!(
        callback.other_media_uris.unwrap(),
        [format!("/api/v2/conversations/calls/{CALLBACK}")]
    );
    // The callback's dialled call is a call view of the same conversation.
    let dialled: CallConversation =
        serde_json::from_str(&text(format!("/api/v2/conversations/calls/{CALLBACK}")).await)
            .unwrap();
    assert_eq!(dialled.participants.unwrap().len(), 2);

    // A media the conversation lacks (assumed: 404 not.found).
    let answer = h.get(&format!("/api/v2/conversations/emails/{CALL}")).await;
    let error = expect_error(answer, 404, "not.found").await;
    assert_eq!(error.message_params.unwrap()["media"], "emails");
}

#[tokio::test]
async fn the_generic_patch_answers_202_with_no_body_and_merges() {
    let h = Harness::start(config()).await;
    let before = h.attributes(CALL, CALL_CUSTOMER).await;
    let answer = h
        .patch(
            &attributes_path(CALL, CALL_CUSTOMER),
            &json!({"attributes": {"callReason": "refund", "newKey": "ü"}}),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    assert!(answer.headers().get("content-type").is_none());
    assert_eq!(
        answer.bytes().await.unwrap().len(),
        0,
        "the generic route answers no body"
    );
    let after = h.attributes(CALL, CALL_CUSTOMER).await;
    assert_eq!(after["callReason"], "refund");
    assert_eq!(after["newKey"], "ü");
    assert_eq!(
        after["customerName"], before["customerName"],
        "other keys survive a merge"
    );
    assert_eq!(
        after.as_object().unwrap().len(),
        before.as_object().unwrap().len() + 1
    );
    // A body without attributes, or with an empty map, changes nothing.
    for body in [json!({}), json!({"attributes": {}})] {
        let answer = h.patch(&attributes_path(CALL, CALL_CUSTOMER), &body).await;
        assert_eq!(answer.status(), StatusCode::ACCEPTED);
        assert_eq!(h.attributes(CALL, CALL_CUSTOMER).await, after);
    }
}

#[tokio::test]
async fn each_media_patch_answers_202_with_the_attributes_after_it() {
    let h = Harness::start(config()).await;
    let cases = [
        ("calls", CALL, CALL_CUSTOMER),
        ("callbacks", CALLBACK, CALLBACK_CUSTOMER),
        ("calls", CALLBACK, CALLBACK_CUSTOMER),
        ("emails", EMAIL, EMAIL_CUSTOMER),
        ("messages", MESSAGE, MESSAGE_CUSTOMER),
        ("cobrowsesessions", MESSAGE, MESSAGE_CUSTOMER),
    ];
    for (media, conversation, participant) in cases {
        let before = h.attributes(conversation, participant).await;
        let answer = h
            .patch(
                &media_attributes_path(media, conversation, participant),
                &json!({"attributes": {"via": media}}),
            )
            .await;
        assert_eq!(answer.status(), StatusCode::ACCEPTED, "{media}");
        let body: ParticipantAttributes = answer.json().await.unwrap();
        let attributes = body.attributes.unwrap();
        assert_eq!(attributes["via"], media);
        assert_eq!(
            attributes.len(),
            before.as_object().unwrap().len() + usize::from(before.get("via").is_none())
        );
        assert_eq!(h.attributes(conversation, participant).await["via"], media);
    }
    // The messages route's body is optional: none is a no-op.
    let answer = h
        .send(
            Method::PATCH,
            &media_attributes_path("messages", MESSAGE, MESSAGE_CUSTOMER),
            None,
            "",
        )
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    // The calls route requires one.
    let answer = h
        .send(
            Method::PATCH,
            &media_attributes_path("calls", CALL, CALL_CUSTOMER),
            Some("application/json"),
            "",
        )
        .await;
    expect_error(answer, 400, "bad.request").await;
}

#[tokio::test]
async fn a_media_route_the_conversation_or_participant_lacks_is_404() {
    let h = Harness::start(config()).await;
    let answer = h
        .patch(
            &media_attributes_path("emails", CALL, CALL_CUSTOMER),
            &json!({"attributes": {"a": "b"}}),
        )
        .await;
    expect_error(answer, 404, "not.found").await;
    // The callback's acd participant has a callback but no call.
    let answer = h
        .patch(
            &media_attributes_path("calls", CALLBACK, CALLBACK_ACD),
            &json!({"attributes": {"a": "b"}}),
        )
        .await;
    expect_error(
        answer,
        404,
        "conversation.error.not.conversation.participant",
    )
    .await;
    let answer = h
        .patch(
            &media_attributes_path("cobrowsesessions", MESSAGE, MESSAGE_ACD),
            &json!({"attributes": {"a": "b"}}),
        )
        .await;
    expect_error(
        answer,
        404,
        "conversation.error.not.conversation.participant",
    )
    .await;
}

#[tokio::test]
async fn removed_and_nonexistent_media_routes_are_404() {
    let h = Harness::start(config()).await;
    for media in ["chats", "socials", "videos", "voice"] {
        let answer = h
            .patch(
                &media_attributes_path(media, MESSAGE, MESSAGE_CUSTOMER),
                &json!({"attributes": {"a": "b"}}),
            )
            .await;
        let error = expect_error(answer, 404, "not.found").await;
        assert_eq!(error.message_params.unwrap()["method"], "PATCH", "{media}");
    }
    let answer = h
        .get(&format!("/api/v2/conversations/chats/{MESSAGE}"))
        .await;
    expect_error(answer, 404, "not.found").await;
}

#[tokio::test]
async fn replace_on_patch_replaces_the_whole_map() {
    let h = Harness::start(SimConfig {
        replace_on_patch: true,
        ..config()
    })
    .await;
    let answer = h
        .patch(
            &attributes_path(CALL, CALL_CUSTOMER),
            &json!({"attributes": {"only": "this"}}),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    assert_eq!(
        h.attributes(CALL, CALL_CUSTOMER).await,
        json!({"only": "this"})
    );
    let answer = h
        .patch(
            &media_attributes_path("calls", CALL, CALL_AGENT),
            &json!({"attributes": {}}),
        )
        .await;
    let body: Value = answer.json().await.unwrap();
    assert_eq!(body, json!({"attributes": {}}));
    assert_eq!(h.attributes(CALL, CALL_AGENT).await, json!({}));
}

#[tokio::test]
async fn the_participant_patch_has_no_attributes_field() {
    let h = Harness::start(config()).await;
    let path = format!("/api/v2/conversations/calls/{CALL}/participants/{CALL_AGENT}");
    let before = h.attributes(CALL, CALL_AGENT).await;
    let answer = h.patch(&path, &json!({"attributes": {"a": "b"}})).await;
    let error = expect_error(answer, 400, "bad.request").await;
    assert_eq!(
        error.details.unwrap()[0].field_name.as_deref(),
        Some("attributes")
    );
    assert!(error.message.unwrap().contains("MediaParticipantRequest"));
    // A wrong type is `invalid.value` naming the field, as for attribute values.
    let answer = h.patch(&path, &json!({"held": "yes"})).await;
    let error = expect_error(answer, 400, "invalid.value").await;
    assert_eq!(
        error.message.as_deref(),
        Some(
            "Value [yes] is not valid for field type [boolean]. Allowable values are: true, false"
        )
    );
    let params = error.message_params.unwrap();
    assert_eq!(
        (params["value"].as_str(), params["type"].as_str()),
        ("yes", "boolean")
    );
    assert_eq!(
        error.details.unwrap()[0].field_name.as_deref(),
        Some("held")
    );
    let answer = h
        .patch(&path, &json!({"wrapup": {"durationSeconds": "ten"}}))
        .await;
    let error = expect_error(answer, 400, "invalid.value").await;
    assert_eq!(
        error.details.unwrap()[0].field_name.as_deref(),
        Some("wrapup.durationSeconds")
    );
    let answer = h
        .patch(&path, &json!({"held": true, "wrapup": {"code": "c1"}}))
        .await;
    assert_eq!(answer.status(), StatusCode::ACCEPTED);
    let generic = format!("/api/v2/conversations/{CALL}/participants/{CALL_AGENT}");
    assert_eq!(
        h.patch(&generic, &json!({"muted": false})).await.status(),
        StatusCode::ACCEPTED
    );
    assert_eq!(
        h.attributes(CALL, CALL_AGENT).await,
        before,
        "nothing changes"
    );
    let answer = h
        .patch(
            &format!("/api/v2/conversations/{CALL}/participants/nobody"),
            &json!({}),
        )
        .await;
    expect_error(
        answer,
        404,
        "conversation.error.not.conversation.participant",
    )
    .await;
}

#[tokio::test]
async fn the_participant_patch_body_is_optional_on_messages_and_cobrowsesessions_only() {
    // §1.2 (2026-12): the messages and cobrowsesessions participant PATCHes
    // take an optional body ([PY269] L13411); the others require one.
    let h = Harness::start(config()).await;
    for (media, conversation, participant, status) in [
        ("messages", MESSAGE, MESSAGE_CUSTOMER, StatusCode::ACCEPTED),
        (
            "cobrowsesessions",
            MESSAGE,
            MESSAGE_CUSTOMER,
            StatusCode::ACCEPTED,
        ),
        ("calls", CALL, CALL_AGENT, StatusCode::BAD_REQUEST),
    ] {
        let path =
            format!("/api/v2/conversations/{media}/{conversation}/participants/{participant}");
        let answer = h
            .send(Method::PATCH, &path, Some("application/json"), "")
            .await;
        assert_eq!(answer.status(), status, "{media}");
    }
}
