"""The core's forms as Slack modals, and a submitted modal back in neutral terms.

A modal is opened with the trigger Slack sends with a slash command or a button press (valid for three
seconds). Where to answer after the submission travels in the view's private_metadata, which Slack
returns unchanged with the signed submission: the conversation, and the command's response_url (good
for 30 minutes; the only way into a channel the bot is not in). Each field is an input block whose
block_id is the field's name, so that Slack can show a rejected value's explanation right under it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.adapters.slack_delivery import Target
from bot.core.forms import FieldKind, Form, FormField
from bot.core.messages import ChatRef, Platform, Reply

CALLBACK_ID = "oer-form"
VALUE_ACTION = "value"
TITLE_LIMIT = 24  # modal title and submit button
LABEL_LIMIT = 2000
OPTION_TEXT_LIMIT = 75
OPTION_VALUE_LIMIT = 150
RADIO_LIMIT = 5  # up to this many choices are shown as radio buttons, more as a drop-down menu
SELECT_LIMIT = 100
METADATA_LIMIT = 3000

Block = dict[str, Any]


@dataclass(frozen=True)
class Submission:
    """A submitted modal: whose, the form's payload, the values by field name, and where to answer."""

    user_id: str
    payload: str
    values: dict[str, str]
    target: Target

    @property
    def chat(self) -> ChatRef:
        return ChatRef(Platform.SLACK, self.target.channel, is_private=not self.target.ephemeral)


def modal_view(form: Form, target: Target) -> dict[str, Any]:
    metadata = json.dumps(
        {
            "payload": form.payload,
            "channel": target.channel,
            "ephemeral": target.ephemeral,
            "thread": target.thread_ts,
            # A channel the bot is not in takes answers only through the command's response_url.
            "response_url": target.response_url,
        }
    )
    if len(metadata) > METADATA_LIMIT:
        raise ValueError("the form's return address does not fit Slack's private_metadata")
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": _plain(form.title, TITLE_LIMIT),
        "submit": _plain(form.submit_label, TITLE_LIMIT),
        "private_metadata": metadata,
        "blocks": [_input(field) for field in form.fields],
    }


def submission(body: dict[str, Any]) -> Submission:
    """The view_submission payload in neutral terms; KeyError/TypeError/ValueError when it is malformed."""
    view = body["view"]
    metadata = json.loads(view["private_metadata"])
    target = Target(
        channel=str(metadata["channel"]),
        ephemeral=bool(metadata["ephemeral"]),
        thread_ts=metadata.get("thread") or None,
        response_url=metadata.get("response_url") or None,
    )
    values = {
        str(block_id): _entered(actions.get(VALUE_ACTION) or {})
        for block_id, actions in (view.get("state") or {}).get("values", {}).items()
    }
    return Submission(str(body["user"]["id"]), str(metadata["payload"]), values, target)


def field_errors(replies: Sequence[Reply]) -> dict[str, str]:
    """What the core found wrong with a submission, by block_id; empty when it was accepted."""
    return {name: error for reply in replies for name, error in reply.field_errors}


def _input(field: FormField) -> Block:
    block: Block = {
        "type": "input",
        "block_id": field.name,
        "optional": not field.required,
        "label": _plain(field.label, LABEL_LIMIT),
        "element": _element(field),
    }
    if field.hint:
        block["hint"] = _plain(field.hint, LABEL_LIMIT)
    return block


def _element(field: FormField) -> Block:
    if field.kind is FieldKind.CHOICE:
        options = [
            {"text": _plain(choice.label, OPTION_TEXT_LIMIT), "value": choice.value[:OPTION_VALUE_LIMIT]}
            for choice in field.choices[:SELECT_LIMIT]
        ]
        kind = "radio_buttons" if len(options) <= RADIO_LIMIT else "static_select"
        return {"type": kind, "action_id": VALUE_ACTION, "options": options}
    if field.kind is FieldKind.LINK:
        return {"type": "url_text_input", "action_id": VALUE_ACTION}  # Slack checks it looks like a URL
    element: Block = {"type": "plain_text_input", "action_id": VALUE_ACTION}
    if field.kind is FieldKind.LONG_TEXT:
        element["multiline"] = True
    if field.max_length:
        element["max_length"] = field.max_length
    return element


def _entered(action: dict[str, Any]) -> str:
    if "selected_option" in action:
        return str((action["selected_option"] or {}).get("value") or "")
    return str(action.get("value") or "")


def _plain(text: str, limit: int) -> dict[str, Any]:
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return {"type": "plain_text", "text": text, "emoji": True}
