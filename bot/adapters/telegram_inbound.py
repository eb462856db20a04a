"""Telegram updates -> IncomingMessage: who wrote, where, and what, or None for what the bot ignores.

In private chats everything a person sends is passed on (a sticker or a photo without caption as
empty text, so the core can say it got nothing to read). In groups only commands (/cmd, /cmd@thisbot)
and messages that mention the bot are; the rest of the group's conversation is none of its business.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from telegram import CallbackQuery, Chat, Message, MessageEntity, Update
from telegram.constants import ChatType

from bot.core.messages import ChatRef, IncomingMessage, Platform, UserRef

_COMMAND = re.compile(r"/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?=\s|$)")
_GROUPS = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})


def update_kind(update: Update) -> str:
    """The kind of update, for logs: "message", "edited_message", "callback_query", ..."""
    for kind in ("message", "edited_message", "callback_query", "channel_post", "my_chat_member"):
        if getattr(update, kind, None) is not None:
            return kind
    return "other"


def chat_type(update: Update) -> str:
    chat = update.effective_chat
    return str(chat.type) if chat is not None else "none"


def to_incoming(
    update: Update, *, bot_username: str, resolve_payload: Callable[[str], str]
) -> IncomingMessage | None:
    if update.callback_query is not None:
        return _from_callback(update.callback_query, resolve_payload)
    message = update.message or update.edited_message
    if message is None:  # channel posts, polls, membership changes, ...
        return None
    sender = message.from_user
    if sender is None or sender.is_bot:
        return None
    text = message.text if message.text is not None else message.caption
    private = message.chat.type == ChatType.PRIVATE
    if private:
        if text is None and message.effective_attachment is None:
            return None  # a service message (pinned message, timer changed, ...): nothing was said
        text = _without_mention(text or "", bot_username)
    elif message.chat.type in _GROUPS:
        text = _addressed_to_bot(message, text, bot_username)
        if text is None:
            return None
    else:
        return None
    return IncomingMessage(
        user=UserRef(Platform.TELEGRAM, str(sender.id), language_hint=sender.language_code),
        chat=_chat_ref(message.chat),
        received_at=datetime.now(UTC),
        text=text,
        message_id=str(message.message_id),
    )


def _from_callback(query: CallbackQuery, resolve_payload: Callable[[str], str]) -> IncomingMessage | None:
    sender = query.from_user
    if sender.is_bot:
        return None
    message = query.message
    chat = (
        _chat_ref(message.chat)
        if message is not None
        else ChatRef(Platform.TELEGRAM, str(sender.id), is_private=True)
    )
    return IncomingMessage(
        user=UserRef(Platform.TELEGRAM, str(sender.id), language_hint=sender.language_code),
        chat=chat,
        received_at=datetime.now(UTC),
        button_payload=resolve_payload(query.data or ""),
        message_id=str(message.message_id) if message is not None else None,
    )


def _chat_ref(chat: Chat) -> ChatRef:
    return ChatRef(Platform.TELEGRAM, str(chat.id), is_private=chat.type == ChatType.PRIVATE)


def _addressed_to_bot(message: Message, text: str | None, bot_username: str) -> str | None:
    """The text of a group message meant for the bot, without the bot's name; None if not for it."""
    if not text:
        return None
    command = _COMMAND.match(text)
    if command is not None:
        addressee = command.group(2)
        if addressee is not None and addressee.casefold() != bot_username.casefold():
            return None  # "/help@another_bot"
        return f"/{command.group(1)}{text[command.end() :]}"
    if _mentions(message, bot_username):
        return _without_mention(text, bot_username)
    return None


def _mentions(message: Message, bot_username: str) -> bool:
    entities = (
        message.parse_entities([MessageEntity.MENTION])
        if message.text is not None
        else message.parse_caption_entities([MessageEntity.MENTION])
    )
    wanted = f"@{bot_username}".casefold()
    return any(mention.casefold() == wanted for mention in entities.values())


def _without_mention(text: str, bot_username: str) -> str:
    if not bot_username:
        return text
    pattern = re.compile(rf"(?<!\w)@{re.escape(bot_username)}\b[,:]?[ \t]*", re.IGNORECASE)
    return pattern.sub("", text).strip()
