"""Conformance of gc-attrs' simulator with the official Genesys Cloud Python SDK.

Run by tests/sdk_conformance.rs against a running simulator:
    python3 conformance.py BASE_URL CLIENT_ID CLIENT_SECRET

Every call goes through the SDK's own methods and models, so the simulator's
routes, status codes and JSON shapes are checked by a client gc-attrs did not
write. Prints one line per check and a closing "N passed, N failed" line;
exits 1 if any check failed.
"""

import json
import sys

import PureCloudPlatformClientV2 as gc
from PureCloudPlatformClientV2.rest import ApiException

passed = 0
failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


class RawBody:
    """The one part of a REST response that ApiClient.deserialize reads."""

    def __init__(self, data):
        self.data = data

    def getheader(self, name, default=None):
        return "application/json" if name.lower() == "content-type" else default


def participant_with(conversation, media):
    for participant in conversation.participants or []:
        if getattr(participant, media) and participant.attributes:
            return participant
    return None


def main(base, client_id, secret):
    client = gc.api_client.ApiClient(host=base).get_client_credentials_token(client_id, secret)
    check("login with client credentials", bool(client.access_token))
    api = gc.ConversationsApi(client)

    # Find the fixtures through the SDK's own models.
    call_conversation = None
    for conversation_id in sys.argv[4].split(","):
        conversation = api.get_conversation(conversation_id)
        check(f"get_conversation {conversation_id} -> Conversation", isinstance(conversation, gc.Conversation))
        check(f"participants decode ({conversation_id})", all(isinstance(p, gc.Participant) for p in conversation.participants))
        if call_conversation is None and participant_with(conversation, "calls"):
            call_conversation = conversation
    check("a call conversation exists", call_conversation is not None)
    cid = call_conversation.id
    caller = participant_with(call_conversation, "calls")
    pid = caller.id
    key, value = next(iter(caller.attributes.items()))

    view = api.get_conversations_call(cid)
    check("get_conversations_call -> CallConversation", isinstance(view, gc.CallConversation))
    flat = [p for p in view.participants if p.id == pid]
    check("call view has the participant, flattened", len(flat) == 1 and isinstance(flat[0], gc.CallMediaParticipant))
    check("call view carries the attributes", flat and flat[0].attributes.get(key) == value)

    body = gc.ParticipantAttributes()
    body.attributes = {"sdkConformance": "generic ✓"}
    result = api.patch_conversation_participant_attributes(cid, pid, body)
    check("patch_conversation_participant_attributes -> 202, no body", result is None, repr(result))
    after = api.get_conversation(cid)
    attributes = [p for p in after.participants if p.id == pid][0].attributes
    check("the PATCH merged per key", attributes.get("sdkConformance") == "generic ✓" and attributes.get(key) == value, attributes)

    bad = gc.ParticipantAttributes()
    bad.attributes = {"score": 42}
    try:
        api.patch_conversation_participant_attributes(cid, pid, bad)
        check("a number value is rejected", False, "no exception")
    except ApiException as error:
        check("a number value is rejected with 400 ApiException", error.status == 400, error.status)
        decoded = json.loads(error.body)
        check("the ApiException body parses as ErrorBody", isinstance(decoded.get("status"), int) and bool(decoded.get("code")), error.body)
        as_model = client.deserialize(RawBody(error.body), "ErrorBody")
        check("ErrorBody model decodes", isinstance(as_model, gc.ErrorBody) and as_model.code == decoded["code"], as_model)

    media_body = gc.ParticipantAttributes()
    media_body.attributes = {"sdkConformance": "call route"}
    returned = api.patch_conversations_call_participant_attributes(cid, pid, media_body)
    check("patch_conversations_call_participant_attributes -> ParticipantAttributes",
          isinstance(returned, gc.ParticipantAttributes) and returned.attributes.get("sdkConformance") == "call route", returned)

    secure = api.get_conversation_secureattributes(cid)
    check("get_conversation_secureattributes -> ConversationSecureAttributes",
          isinstance(secure, gc.ConversationSecureAttributes) and isinstance(secure.version, int), secure)
    put_body = gc.ConversationSecureAttributes()
    put_body.attributes = {"pin": "4711"}
    put_body.version = secure.version
    put_result = api.put_conversation_secureattributes(cid, put_body)
    check("put_conversation_secureattributes -> str", isinstance(put_result, str), repr(put_result))
    patch_body = gc.ConversationSecureAttributes()
    patch_body.attributes = {"tier": "gold"}
    patch_result = api.patch_conversation_secureattributes(cid, patch_body)
    check("patch_conversation_secureattributes -> str", isinstance(patch_result, str), repr(patch_result))
    final = api.get_conversation_secureattributes(cid)
    check("PUT replaced, PATCH amended", final.attributes == {"pin": "4711", "tier": "gold"}, final.attributes)
    try:
        api.put_conversation_secureattributes(cid, put_body)
        check("a stale version is rejected", False, "no exception")
    except ApiException as error:
        check("a stale version is rejected with 400", error.status == 400, error.status)

    me = gc.TokensApi(client).get_tokens_me()
    check("get_tokens_me -> TokenInfo", isinstance(me, gc.TokenInfo), me)
    check("TokenInfo.organization decodes as NamedEntity",
          isinstance(me.organization, gc.NamedEntity) and bool(me.organization.name), me.organization)
    check("TokenInfo.o_auth_client (JSON OAuthClient) has the client id",
          me.o_auth_client is not None and me.o_auth_client.id == sys.argv[2], me.o_auth_client)
    check("TokenInfo.authorized_scope is a list", me.authorized_scope == [], me.authorized_scope)
    check("TokenInfo.date_token_idles decodes as a datetime",
          me.date_token_idles is not None and me.date_token_idles.tzinfo is not None, repr(me.date_token_idles))

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
