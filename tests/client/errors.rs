//! Every error case comes back as an exchange with its ErrorBody decoded.

use super::support::*;

#[tokio::test]
async fn every_error_case_comes_back_decoded() {
    let sim = start(SimConfig::default()).await;
    let client = client_for(&sim, SECRET);
    let (conversation, pid) = pick(&client, &sim, "calls").await;
    let cid = conversation.id.unwrap();
    let attributes = format!("/api/v2/conversations/{cid}/participants/{pid}/attributes");
    let good = json!({"attributes": {"a": "1"}});
    let missing = "00000000-0000-4000-8000-000000000000";

    raw_error(
        &client,
        RawRequest::get(format!("/api/v2/conversations/{missing}")),
        404,
        "not.found",
    )
    .await;
    raw_error(
        &client,
        RawRequest::json(
            "PATCH",
            format!("/api/v2/conversations/{cid}/participants/{missing}/attributes"),
            &good,
        ),
        404,
        "conversation.error.not.conversation.participant",
    )
    .await;
    let malformed = RawRequest {
        body: Some("{\"attributes\": {\"a\": \"1\",}}".into()),
        ..RawRequest::json("PATCH", &attributes, &good)
    };
    raw_error(&client, malformed, 400, "bad.request").await;
    let json_patch = RawRequest {
        content_type: Some("application/json-patch+json".into()),
        ..RawRequest::json("PATCH", &attributes, &good)
    };
    raw_error(&client, json_patch, 415, "unsupported.media.type").await;
    let unknown = raw_error(
        &client,
        RawRequest::json(
            "PATCH",
            &attributes,
            &json!({"customAttributes": {"a": "1"}}),
        ),
        400,
        "bad.request",
    )
    .await;
    assert!(
        unknown.response_body.contains("customAttributes"),
        "the message names the field"
    );
    let number = raw_error(
        &client,
        RawRequest::json("PATCH", &attributes, &json!({"attributes": {"score": 42}})),
        400,
        "invalid.value",
    )
    .await;
    assert!(number.error_body.unwrap().message_params.is_some());
    raw_error(
        &client,
        RawRequest::json("PATCH", &attributes, &json!({"attributes": null})),
        400,
        "conversation.error.participant.attribute.null",
    )
    .await;
    raw_error(
        &client,
        RawRequest::get("/api/v2/conversations/voice/x/participants/y/attributes"),
        404,
        "not.found",
    )
    .await;
    raw_error(
        &client,
        RawRequest::json("PUT", &attributes, &good),
        404,
        "not.found",
    )
    .await;
    sim.shutdown().await;
}
