"""Rendering replies for Telegram: HTML escaping, splitting at 4096 characters, inline keyboards whose
callback data fits in 64 bytes, and command menus within Telegram's limits.

Pure functions and small bounded stores; nothing here talks to the network.
"""

from __future__ import annotations

import html
import logging
import re
import secrets
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Sequence

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.menu import MenuEntry
from bot.core.messages import Button

log = logging.getLogger("oerbot.telegram")

MAX_TEXT_LENGTH = 4096  # characters of a message after entity parsing
MAX_CALLBACK_DATA = 64  # bytes of UTF-8
MAX_COMMAND_DESCRIPTION = 256
STORED_PREFIX = "~"  # callback data starting with this is a token for a payload kept server-side
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_SEPARATORS = ("\n\n", "\n", " ")  # paragraphs, then lines, then words; then a hard cut


def utf16_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units): never less than the number of characters,
    so a part within this limit is within the limit whichever way Telegram measures."""
    return len(text.encode("utf-16-le")) // 2


def escape(text: str) -> str:
    """Plain text for parse_mode HTML: only &, < and > need entities."""
    return html.escape(text, quote=False)


def split_text(text: str, limit: int = MAX_TEXT_LENGTH) -> list[str]:
    """Cut `text` into parts of at most `limit` units, at paragraph boundaries if possible, then at
    line breaks, then between words, else anywhere. The separator at a cut is dropped; parts that
    would be blank (Telegram refuses empty messages) are left out."""
    parts = _split(text, _SEPARATORS, limit) if utf16_length(text) > limit else [text]
    return [part for part in parts if part.strip()]


def _split(text: str, separators: Sequence[str], limit: int) -> list[str]:
    if utf16_length(text) <= limit:
        return [text]
    if not separators:
        return _hard_cut(text, limit)
    separator, finer = separators[0], separators[1:]
    separator_length = utf16_length(separator)
    parts: list[str] = []
    current: str | None = None
    current_length = 0
    for piece in text.split(separator):
        piece_length = utf16_length(piece)
        if current is not None and current_length + separator_length + piece_length <= limit:
            current += separator + piece
            current_length += separator_length + piece_length
            continue
        if current is not None:
            parts.append(current)
        pieces = [piece] if piece_length <= limit else _split(piece, finer, limit)
        parts.extend(pieces[:-1])
        current = pieces[-1]
        current_length = utf16_length(current)
    if current is not None:
        parts.append(current)
    return parts


def _hard_cut(text: str, limit: int) -> list[str]:
    parts: list[str] = []
    start = 0
    length = 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1  # never cut a surrogate pair in two
        if length + width > limit:
            parts.append(text[start:index])
            start, length = index, 0
        length += width
    parts.append(text[start:])
    return parts


class BoundedLru:
    """Recently seen keys (update ids, people known to be reachable), forgetting the oldest."""

    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._keys: OrderedDict[Hashable, None] = OrderedDict()

    def add(self, key: Hashable) -> bool:
        """Remember `key`; False if it was already there."""
        if key in self._keys:
            self._keys.move_to_end(key)
            return False
        self._keys[key] = None
        if len(self._keys) > self._capacity:
            self._keys.popitem(last=False)
        return True

    def discard(self, key: Hashable) -> None:
        self._keys.pop(key, None)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)


class PayloadStore:
    """Button payloads too long for callback_data, kept here and replaced by a short token.

    Bounded: the oldest tokens are forgotten first, and all of them at a restart; pressing a forgotten
    token gives an empty payload, which the core answers as an expired button.
    """

    def __init__(self, capacity: int = 10_000) -> None:
        self._capacity = capacity
        self._payloads: OrderedDict[str, str] = OrderedDict()

    def callback_data(self, payload: str) -> str:
        if len(payload.encode()) <= MAX_CALLBACK_DATA and not payload.startswith(STORED_PREFIX):
            return payload
        token = STORED_PREFIX + secrets.token_urlsafe(12)
        self._payloads[token] = payload
        if len(self._payloads) > self._capacity:
            self._payloads.popitem(last=False)
        return token

    def resolve(self, data: str) -> str:
        if not data.startswith(STORED_PREFIX):
            return data
        return self._payloads.get(data, "")

    def __len__(self) -> int:
        return len(self._payloads)


def keyboard(rows: Sequence[Sequence[Button]], payloads: PayloadStore) -> InlineKeyboardMarkup | None:
    if not any(rows):
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(button.label, callback_data=payloads.callback_data(button.payload))
                for button in row
            ]
            for row in rows
            if row
        ]
    )


def shorten(text: str, limit: int) -> str:
    """`text` within `limit` units, cut at a word boundary when there is one, with an ellipsis."""
    if utf16_length(text) <= limit:
        return text
    cut = _hard_cut(text, limit - 1)[0]
    word_boundary = cut.rfind(" ")
    if word_boundary > limit // 2:
        cut = cut[:word_boundary]
    return cut.rstrip(" ,;:.") + "…"


def bot_commands(entries: Iterable[MenuEntry]) -> list[BotCommand]:
    """Menu entries as Telegram commands: names of 1-32 of a-z 0-9 _, descriptions of 1-256."""
    commands = []
    for entry in entries:
        if not _COMMAND_NAME.fullmatch(entry.command):
            log.warning("command %r cannot appear in Telegram's menu (a-z, 0-9, _ only)", entry.command)
            continue
        description = re.sub(r"[ \t\r\n]+", " ", entry.description).strip() or entry.command
        commands.append(BotCommand(entry.command, shorten(description, MAX_COMMAND_DESCRIPTION)))
    return commands
