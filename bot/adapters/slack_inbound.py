"""What a Slack payload means, in neutral terms: who, where, what they typed or pressed, where to answer.

Pure functions over the payloads bolt has already verified and parsed; a payload missing a field the
meaning depends on raises KeyError/TypeError, which the adapter logs and ignores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.adapters.slack_delivery import Target
from bot.adapters.slack_render import incoming_text
from bot.core.messages import ChatRef, Platform


@dataclass(frozen=True)
class Inbound:
    """One thing a person did in Slack. `in_home`: a button pressed in the App Home tab. `trigger_id`:
    what Slack gives with a slash command or a press to open a modal with, for three seconds."""

    user_id: str
    chat: ChatRef
    target: Target
    text: str | None = None
    payload: str | None = None
    message_id: str | None = None
    in_home: bool = False
    trigger_id: str | None = None


@dataclass(frozen=True)
class SlashCommand:
    user_id: str
    channel: str
    text: str
    response_url: str | None
    trigger_id: str | None = None


def direct_message(body: dict[str, Any], bot_user_id: str | None) -> Inbound | None:
    """A message event in the DM with the bot; None for edits, joins, files, bots and the bot itself."""
    event = body["event"]
    if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
        return None
    user_id, channel = str(event["user"]), str(event["channel"])
    if user_id == bot_user_id:
        return None
    return Inbound(
        user_id=user_id,
        chat=ChatRef(Platform.SLACK, channel),
        target=Target(channel, thread_ts=event.get("thread_ts")),
        text=incoming_text(str(event.get("text") or ""), bot_user_id),
        message_id=_message_id(event),
    )


def mention(body: dict[str, Any], bot_user_id: str | None) -> Inbound | None:
    """An app_mention in a channel: answered ephemerally, in the thread if it was in one."""
    event = body["event"]
    user_id, channel = str(event["user"]), str(event["channel"])
    if channel.startswith("D") or event.get("bot_id") or user_id == bot_user_id:
        return None  # a mention in the DM arrives as a direct message too
    return Inbound(
        user_id=user_id,
        chat=ChatRef(Platform.SLACK, channel, is_private=False),
        target=Target(channel, ephemeral=True, thread_ts=event.get("thread_ts")),
        text=incoming_text(str(event.get("text") or ""), bot_user_id),
        message_id=_message_id(event),
    )


def button(body: dict[str, Any]) -> Inbound | None:
    """A block_actions press: answered where the button was (DM, ephemeral message, or App Home)."""
    action = body["actions"][0]
    payload, user_id = action.get("value"), str(body["user"]["id"])
    if not isinstance(payload, str):
        return None
    container = body.get("container") or {}
    if container.get("type") == "view":
        chat = ChatRef(Platform.SLACK, user_id)
        return Inbound(user_id, chat, Target(user_id), payload=payload, in_home=True)
    channel = str(container.get("channel_id") or body["channel"]["id"])
    # The bot's non-ephemeral messages with buttons live in DMs, or in channels as announcements.
    ephemeral = bool(container.get("is_ephemeral")) or not channel.startswith("D")
    target = Target(
        channel,
        ephemeral=ephemeral,
        response_url=body.get("response_url") if ephemeral else None,
        thread_ts=container.get("thread_ts"),
    )
    chat = ChatRef(Platform.SLACK, channel, is_private=not ephemeral)
    return Inbound(
        user_id,
        chat,
        target,
        payload=payload,
        message_id=container.get("message_ts"),
        trigger_id=_trigger(body),
    )


def home_opened(body: dict[str, Any]) -> tuple[str, str] | None:
    """(user id, DM channel id or "") when the Home tab was opened; None for the Messages tab."""
    event = body["event"]
    if event.get("tab") != "home":
        return None
    return str(event["user"]), str(event.get("channel") or "")


def slash_command(body: dict[str, Any], commands: frozenset[str]) -> SlashCommand:
    response_url = body.get("response_url")
    return SlashCommand(
        user_id=str(body["user_id"]),
        channel=str(body["channel_id"]),
        text=command_text(incoming_text(str(body.get("text") or "")), commands),
        response_url=str(response_url) if response_url else None,
        trigger_id=_trigger(body),
    )


def command_text(text: str, commands: frozenset[str]) -> str:
    """`/oer` and `/oer help` -> "/help"; `/oer language fr` -> "/language fr"; anything else is free text."""
    words = text.strip()
    if not words:
        return "/help"
    if words.startswith("/"):
        return words
    first, _, rest = words.partition(" ")
    if first.lower() in commands:
        return f"/{first.lower()} {rest.strip()}".strip()
    return words


def _message_id(event: dict[str, Any]) -> str | None:
    value = event.get("client_msg_id") or event.get("ts")
    return str(value) if value else None


def _trigger(body: dict[str, Any]) -> str | None:
    value = body.get("trigger_id")
    return str(value) if value else None
