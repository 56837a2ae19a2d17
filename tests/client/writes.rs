//! Writes: the attribute PATCH routes, merge and replace, secure attributes, lenient mode.

use super::support::*;

#[tokio::test]
async fn patches_attributes_on_the_generic_and_every_media_route() {
    let sim = start(SimConfig::default()).await;
    let client = client_for(&sim, SECRET);
    for (media, segment) in [
        (None, "calls"),
        (Some(Media::Calls), "calls"),
        (Some(Media::Callbacks), "callbacks"),
        (Some(Media::Emails), "emails"),
        (Some(Media::Messages), "messages"),
    ] {
        let (conversation, pid) = pick(&client, &sim, segment).await;
        let cid = conversation.id.clone().unwrap();
        let before = conversation
            .participant(&pid)
            .unwrap()
            .attributes
            .clone()
            .unwrap();
        let (kept, _) = before.iter().next().unwrap();
        let route = Route::attributes_for(media).unwrap();
        let exchange = client
            .patch_attributes(route, &cid, &pid, &attrs(&[("gcAttrsTest", "merged ✓")]))
            .await
            .unwrap();
        assert_eq!(
            exchange.status(),
            Some(202),
            "{media:?}: {}",
            exchange.response_body
        );
        // The generic route answers 202 with no body; the media routes with ParticipantAttributes.
        if media.is_none() {
            assert_eq!(exchange.response_body, "");
        } else {
            let body: serde_json::Value = serde_json::from_str(&exchange.response_body).unwrap();
            assert_eq!(body["attributes"]["gcAttrsTest"], "merged ✓");
        }
        let (after, _) = client.get_conversation(&cid).await.unwrap();
        let after = after.participant(&pid).unwrap().attributes.clone().unwrap();
        assert_eq!(
            after.get("gcAttrsTest").map(String::as_str),
            Some("merged ✓")
        );
        assert_eq!(
            after.get(kept),
            before.get(kept),
            "per-key merge keeps the other keys"
        );
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn replace_on_patch_drops_the_other_keys() {
    let sim = start(SimConfig {
        replace_on_patch: true,
        ..SimConfig::default()
    })
    .await;
    let client = client_for(&sim, SECRET);
    let (conversation, pid) = pick(&client, &sim, "calls").await;
    let cid = conversation.id.unwrap();
    let route = Route::attributes_for(None).unwrap();
    let exchange = client
        .patch_attributes(route, &cid, &pid, &attrs(&[("only", "this")]))
        .await
        .unwrap();
    assert_eq!(exchange.status(), Some(202));
    let (after, _) = client.get_conversation(&cid).await.unwrap();
    assert_eq!(
        after.participant(&pid).unwrap().attributes,
        Some(attrs(&[("only", "this")]))
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn secure_attributes_put_replaces_and_checks_the_version_patch_amends() {
    let sim = start(SimConfig::default()).await;
    let client = client_for(&sim, SECRET);
    let cid = &sim.conversation_ids()[0];
    let (start_state, _) = client.get_secure_attributes(cid).await.unwrap();
    let version = start_state.version.unwrap();
    let put = ConversationSecureAttributes {
        attributes: Some(attrs(&[("pin", "4711")])),
        version: Some(version),
    };
    let exchange = client
        .write_secure_attributes(Verb::Put, cid, &put)
        .await
        .unwrap();
    assert!(exchange.is_success(), "{}", exchange.response_body);
    let (after_put, _) = client.get_secure_attributes(cid).await.unwrap();
    assert_eq!(after_put.attributes, Some(attrs(&[("pin", "4711")])));
    // The same version again is now stale.
    let stale = client
        .write_secure_attributes(Verb::Put, cid, &put)
        .await
        .unwrap();
    assert_eq!(stale.status(), Some(400));
    assert!(stale.error_body.is_some());
    let patch = ConversationSecureAttributes {
        attributes: Some(attrs(&[("tier", "gold")])),
        version: None,
    };
    assert!(
        client
            .write_secure_attributes(Verb::Patch, cid, &patch)
            .await
            .unwrap()
            .is_success()
    );
    let (after_patch, _) = client.get_secure_attributes(cid).await.unwrap();
    assert_eq!(
        after_patch.attributes,
        Some(attrs(&[("pin", "4711"), ("tier", "gold")]))
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn lenient_mode_accepts_what_strict_mode_rejects() {
    let sim = start(SimConfig {
        lenient: true,
        ..SimConfig::default()
    })
    .await;
    let client = client_for(&sim, SECRET);
    let (conversation, pid) = pick(&client, &sim, "calls").await;
    let cid = conversation.id.unwrap();
    let attributes = format!("/api/v2/conversations/{cid}/participants/{pid}/attributes");
    let body = json!({"type": "contact", "attributes": {"kept": "yes", "score": 42}});
    let exchange = client
        .send(&RawRequest::json("PATCH", &attributes, &body))
        .await
        .unwrap();
    assert_eq!(exchange.status(), Some(202), "{}", exchange.response_body);
    let (after, _) = client.get_conversation(&cid).await.unwrap();
    let after = after.participant(&pid).unwrap().attributes.clone().unwrap();
    assert_eq!(after.get("kept").map(String::as_str), Some("yes"));
    assert!(
        !after.contains_key("score"),
        "lenient mode drops the non-string value"
    );
    assert!(!after.contains_key("type"), "and ignores the unknown key");
    sim.shutdown().await;
}
