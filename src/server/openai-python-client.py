"""Drives the viewer with the official openai Python package; prints what it saw as one JSON object."""
import json
import sys

import openai

base_url, conversation_id, item_id = sys.argv[1], sys.argv[2], sys.argv[3]
client = openai.OpenAI(base_url=base_url, api_key="not a real key", max_retries=0)


def error_of(call):
    try:
        call()
    except openai.APIStatusError as error:
        return {"class": type(error).__name__, "status": error.status_code, "message": error.message, "request_id": error.request_id}
    return None


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
}))
