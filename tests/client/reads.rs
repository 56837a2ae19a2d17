//! Reads: every conversation and media view.

use super::support::*;

#[tokio::test]
async fn reads_every_conversation_and_media_view() {
    let sim = start(SimConfig::default()).await;
    let client = client_for(&sim, SECRET);
    let ids = sim.conversation_ids();
    assert!(ids.len() >= 4, "{ids:?}");
    let mut seen = Vec::new();
    for id in &ids {
        let (conversation, exchange) = client.get_conversation(id).await.unwrap();
        assert_eq!(exchange.status(), Some(200));
        assert!(
            exchange.correlation_id.is_some(),
            "every answer carries ININ-Correlation-Id"
        );
        assert!(exchange.rate_limit.allowed.is_some());
        for participant in &conversation.participants {
            for kind in participant.media_kinds() {
                seen.push(kind);
            }
        }
        let path = |media: &str| format!("/api/v2/conversations/{media}/{id}");
        let kinds: Vec<&str> = conversation
            .participants
            .iter()
            .flat_map(gc_attrs::genesys::Participant::media_kinds)
            .collect();
        if kinds.contains(&"calls") {
            let (view, _) = client
                .get_json::<CallConversation>(&path("calls"))
                .await
                .unwrap();
            assert!(!view.participants.unwrap_or_default().is_empty());
        }
        if kinds.contains(&"messages") {
            let (view, _) = client
                .get_json::<MessageConversation>(&path("messages"))
                .await
                .unwrap();
            assert!(!view.participants.unwrap_or_default().is_empty());
        }
        if kinds.contains(&"emails") {
            let (view, _) = client
                .get_json::<EmailConversation>(&path("emails"))
                .await
                .unwrap();
            assert!(!view.participants.unwrap_or_default().is_empty());
        }
        if kinds.contains(&"callbacks") {
            let (view, _) = client
                .get_json::<CallbackConversation>(&path("callbacks"))
                .await
                .unwrap();
            assert!(!view.participants.unwrap_or_default().is_empty());
        }
    }
    for media in ["calls", "messages", "emails", "callbacks"] {
        assert!(seen.contains(&media), "no fixture has {media}");
    }
    sim.shutdown().await;
}
