"""Drives the viewer with the official openai Python package; prints what it saw as one JSON object."""
import json
import sys

import openai

base_url, conversation_id, item_id = sys.argv[1], sys.argv[2], sys.argv[3]
# An OpenAI source in front of a recording upstream: headers and retry hints.
openai_url = sys.argv[4] if len(sys.argv) > 4 else None
client = openai.OpenAI(base_url=base_url, api_key="not a real key", max_retries=0)


def error_of(call):
    try:
        call()
    except openai.APIStatusError as error:
        return {"class": type(error).__name__, "status": error.status_code, "message": error.message, "request_id": error.request_id}
    return None


def through_openai_source():
    if openai_url is None:
        return None
    openai.OpenAI(base_url=openai_url, api_key="x", max_retries=0, organization="org-python", project="proj_python").conversations.retrieve("conv_python_account")
    final = error_of(lambda: openai.OpenAI(base_url=openai_url, api_key="x", max_retries=2).conversations.retrieve("conv_always_fails"))
    later = openai.OpenAI(base_url=openai_url, api_key="x", max_retries=1, timeout=10).conversations.retrieve("conv_fails_once_python")
    return {"final": final, "later": later.id}


conversation = client.conversations.with_raw_response.retrieve(conversation_id)
print(json.dumps({
    "version": openai.__version__,
    "asc": [item.id for item in client.conversations.items.list(conversation_id, order="asc", limit=100)],
    "desc": [item.id for item in client.conversations.items.list(conversation_id, order="desc")],
    "conversation": conversation.parse().id,
    "request_id": conversation.headers.get("x-request-id"),
    "item": client.conversations.items.retrieve(item_id, conversation_id=conversation_id).model_dump(mode="json", exclude_unset=True),
    "missing": error_of(lambda: client.conversations.retrieve("conv_does_not_exist")),
    "bad_limit": error_of(lambda: client.conversations.items.list(conversation_id, limit=0)),
    "openai_source": through_openai_source(),
}))
