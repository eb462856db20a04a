"""Slack text both ways: what people type becomes plain text; replies become Block Kit within Slack's limits.

Incoming text arrives in Slack's markup (`&lt;`, `<@U123>`, `<https://x|label>`); the core wants what the
person meant. Outgoing text is escaped (only `&`, `<` and `>`, as Slack asks), cut into sections of at
most 3,000 characters at paragraph boundaries, and grouped into messages of at most 50 blocks.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from bot.core.messages import Button, Reply

log = logging.getLogger("oerbot.slack")

SECTION_TEXT_LIMIT = 3000
MESSAGE_BLOCK_LIMIT = 50
VIEW_BLOCK_LIMIT = 100
HEADER_TEXT_LIMIT = 150
BUTTON_TEXT_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
BUTTONS_PER_ACTIONS_BLOCK = 25
FALLBACK_TEXT_LIMIT = 3000  # the notification text; Slack truncates at 40,000, nobody reads that far
ACTION_PREFIX = "oer-"  # every button's action_id starts with it: "oer-0", "oer-1", ...

Block = dict[str, Any]
_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>")
_SEPARATORS = ("\n\n", "\n", " ")


@dataclass(frozen=True)
class SlackMessage:
    """One chat.postMessage / postEphemeral / response_url body: notification text and blocks."""

    text: str
    blocks: list[Block]


def escape(text: str) -> str:
    """Slack mrkdwn escaping: exactly &, < and > (https://api.slack.com/reference/surfaces/formatting)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def incoming_text(text: str, bot_user_id: str | None = None) -> str:
    """What the person typed: without the mention of the bot, links as their address, entities decoded.

    Other mentions (`<@U1>`, `<!channel>`) stay as they are: the core treats them as words, and they are
    escaped again on the way out, so they can never ping anyone from a reply.
    """
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", "", text)
    text = _LINK.sub(lambda match: match.group(1).removeprefix("mailto:"), text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def split_text(text: str, limit: int = SECTION_TEXT_LIMIT) -> list[str]:
    """Pieces whose *escaped* length fits `limit`: cut at paragraphs, then lines, words, anywhere."""
    return [piece for piece in _split(text, limit, _SEPARATORS) if piece.strip()]


def _split(text: str, limit: int, separators: Sequence[str]) -> list[str]:
    if len(escape(text)) <= limit:
        return [text]
    if not separators:
        return _hard_cut(text, limit)
    separator, finer = separators[0], separators[1:]
    pieces: list[str] = []
    current: str | None = None
    for part in text.split(separator):
        for sub in _split(part, limit, finer):
            candidate = sub if current is None else f"{current}{separator}{sub}"
            if len(escape(candidate)) <= limit:
                current = candidate
            else:
                if current is not None:
                    pieces.append(current)
                current = sub
    if current is not None:
        pieces.append(current)
    return pieces


def _hard_cut(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in text:
        width = len(escape(char))
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    pieces.append("".join(current))
    return pieces


def button_label(label: str) -> str:
    """Slack shows at most 75 characters on a button: cut at a word, mark the cut with an ellipsis."""
    label = " ".join(label.split()) or "•"
    if len(label) <= BUTTON_TEXT_LIMIT:
        return label
    cut = label[: BUTTON_TEXT_LIMIT - 1]
    if " " in cut[BUTTON_TEXT_LIMIT // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": escape(text)}}


def actions_blocks(rows: Sequence[Sequence[Button]], ids: Iterator[int]) -> list[Block]:
    """One actions block per row of buttons (a row longer than Slack allows continues in the next)."""
    blocks = []
    for row in rows:
        elements = [_button(button, next(ids)) for button in row if _fits(button)]
        for start in range(0, len(elements), BUTTONS_PER_ACTIONS_BLOCK):
            blocks.append(
                {"type": "actions", "elements": elements[start : start + BUTTONS_PER_ACTIONS_BLOCK]}
            )
    return blocks


def _fits(button: Button) -> bool:
    if 0 < len(button.payload) <= BUTTON_VALUE_LIMIT:
        return True
    log.warning("slack: a button with a %d-character payload was left out", len(button.payload))
    return False


def _button(button: Button, number: int) -> Block:
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": button_label(button.label), "emoji": True},
        "action_id": f"{ACTION_PREFIX}{number}",
        "value": button.payload,
    }


def reply_blocks(reply: Reply, ids: Iterator[int], notes: Sequence[str] = ()) -> list[Block]:
    """A reply's text as sections, `notes` (already mrkdwn) as context lines, then its buttons."""
    blocks = [section(piece) for piece in split_text(reply.text)]
    blocks += [{"type": "context", "elements": [{"type": "mrkdwn", "text": note}]} for note in notes]
    return blocks + actions_blocks(reply.buttons, ids)


def render_reply(reply: Reply, notes: Sequence[str] = ()) -> list[SlackMessage]:
    """A reply as one message, or several when it has more than 50 blocks' worth of text and buttons."""
    blocks = reply_blocks(reply, itertools.count(), notes)
    messages = []
    for start in range(0, len(blocks), MESSAGE_BLOCK_LIMIT):
        chunk = blocks[start : start + MESSAGE_BLOCK_LIMIT]
        messages.append(SlackMessage(text=_fallback(chunk, reply), blocks=chunk))
    return messages


def _fallback(blocks: Sequence[Block], reply: Reply) -> str:
    """The notification text: the message's own sections, else its button labels."""
    texts = [block["text"]["text"] for block in blocks if block["type"] == "section"]
    if not texts:
        texts = [escape(button.label) for button in reply.all_buttons] or ["…"]
    text = "\n\n".join(texts)
    if len(text) <= FALLBACK_TEXT_LIMIT:
        return text
    cut = text[: FALLBACK_TEXT_LIMIT - 1]
    entity = cut.rfind("&")
    if entity != -1 and ";" not in cut[entity:]:
        cut = cut[:entity]  # never end inside "&amp;"
    return cut + "…"


def home_view(parts: Sequence[tuple[str | None, Sequence[Reply]]]) -> dict[str, Any]:
    """The App Home tab: each part is an optional heading and replies, parts separated by dividers."""
    ids = itertools.count()
    blocks: list[Block] = []
    for heading, replies in parts:
        if blocks:
            blocks.append({"type": "divider"})
        if heading:
            text = heading[:HEADER_TEXT_LIMIT]
            blocks.append({"type": "header", "text": {"type": "plain_text", "text": text, "emoji": True}})
        for reply in replies:
            blocks += reply_blocks(reply, ids)
    if len(blocks) > VIEW_BLOCK_LIMIT:
        log.warning("slack: the home view had %d blocks; the last ones were left out", len(blocks))
        blocks = blocks[:VIEW_BLOCK_LIMIT]
    return {"type": "home", "blocks": blocks}
