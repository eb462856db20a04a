"""Slack modals in the fake: the limits views.open enforces, and the view_submission Slack sends back.

Limits from https://docs.slack.dev/reference/views/modal-views and the input block and element references:
a title and a submit label of at most 24 characters, at most 100 blocks, private_metadata of at most 3,000
characters, unique block ids, labels and hints of at most 2,000 characters, at most 100 options in a menu
and 10 radio buttons, option texts of at most 75 characters and values of at most 150.
"""

from __future__ import annotations

import json
import time
from typing import Any

TEAM_ID = "T0OER"
INPUT_ELEMENTS = frozenset({"plain_text_input", "url_text_input", "static_select", "radio_buttons"})


def modal_problems(view: dict[str, Any]) -> list[str]:
    problems = [] if view.get("type") == "modal" else ["not a modal"]
    for key in ("title", "submit"):
        text = (view.get(key) or {}).get("text", "")
        if view.get(key, {}).get("type") != "plain_text" or not 1 <= len(text) <= 24:
            problems.append(f"modal {key} {text!r} is not 1-24 characters of plain_text")
    if len(view.get("private_metadata") or "") > 3000:
        problems.append("private_metadata longer than 3000")
    if not 1 <= len(view.get("callback_id") or "") <= 255:
        problems.append("callback_id missing or longer than 255")
    blocks = view.get("blocks") or []
    if not 1 <= len(blocks) <= 100:
        problems.append(f"{len(blocks)} blocks in a modal")
    block_ids = [block.get("block_id") for block in blocks]
    if len(set(block_ids)) != len(block_ids):
        problems.append("block_id used twice")
    for block in blocks:
        problems += _input_problems(block)
    return problems


def _input_problems(block: dict[str, Any]) -> list[str]:
    if block.get("type") != "input":
        return [f"unexpected block type {block.get('type')!r} in a form"]
    problems = []
    for key in ("label", "hint"):
        if key in block and not 1 <= len(block[key].get("text", "")) <= 2000:
            problems.append(f"input {key} not 1-2000 characters")
    element = block.get("element") or {}
    kind = element.get("type")
    if kind not in INPUT_ELEMENTS:
        return [*problems, f"unexpected input element {kind!r}"]
    if not element.get("action_id"):
        problems.append("input element without action_id")
    if kind == "plain_text_input" and not 0 < element.get("max_length", 3000) <= 3000:
        problems.append("max_length out of range")
    if kind in ("static_select", "radio_buttons"):
        options = element.get("options") or []
        most = 100 if kind == "static_select" else 10
        if not 1 <= len(options) <= most:
            problems.append(f"{kind} with {len(options)} options")
        for option in options:
            if not 1 <= len(option["text"]["text"]) <= 75 or not 1 <= len(option["value"]) <= 150:
                problems.append(f"option {option['value']!r} out of limits")
    return problems


def view_submission(user: str, view: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
    """What Slack sends when `user` submits `view` (as views.open received it) filled in with `values`
    (field name -> typed text or the chosen option's value; fields not named are left empty)."""
    state: dict[str, dict[str, Any]] = {}
    for block in view["blocks"]:
        element = block["element"]
        value = values.get(block["block_id"])
        if element["type"] in ("static_select", "radio_buttons"):
            chosen = [o for o in element["options"] if o["value"] == value]
            entry: dict[str, Any] = {
                "type": element["type"],
                "selected_option": chosen[0] if chosen else None,
            }
        else:
            entry = {"type": element["type"], "value": value or None}
        state[block["block_id"]] = {element["action_id"]: entry}
    return {
        "type": "view_submission",
        "team": {"id": TEAM_ID, "domain": "oer"},
        "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
        "api_app_id": "A0OER",
        "token": "legacy-verification-token",
        "trigger_id": f"{time.time():.0f}.submit",
        "view": {
            **view,
            "id": "V0FORM",
            "team_id": TEAM_ID,
            "state": {"values": state},
            "hash": "1700000000.abcd",
        },
    }


def ack_errors(response_text: str) -> dict[str, str]:
    """The per-field errors in the bot's ack of a submission ({} for a plain ack that closes the modal)."""
    if not response_text:
        return {}
    body = json.loads(response_text)
    assert body.get("response_action") == "errors", body
    errors: dict[str, str] = body["errors"]
    return errors
