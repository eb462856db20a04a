"""Delivering to Telegram: replies as HTML parts, inline keyboards and documents, with the Bot API's
failures turned into outcomes (blocked, rate limited, server error, timeout, bad request); and the
command menus.

429s are waited out and retried by the rate limiter (telegram_limits); 5xx and timeouts are retried
here a bounded number of times; a 403 marks the person unreachable; a 400 "can't parse entities"
is resent as plain text. Logs name the chat type only, never who or what.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from telegram import Bot, InputFile
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.adapters.telegram_render import PayloadStore, escape, keyboard, split_text
from bot.core.messages import Attachment, ChatRef, Platform, Reply, UserRef

log = logging.getLogger("oerbot.telegram")

_Call = Callable[[], Awaitable[object]]


class _Outcome(enum.Enum):
    SENT = "sent"
    FAILED = "failed"
    UNPARSABLE = "unparsable"  # 400 "can't parse entities": worth resending as plain text


class TelegramDelivery:
    def __init__(
        self,
        *,
        bot: Bot,
        payloads: PayloadStore,
        report: Callable[[str], None],
        on_blocked: Callable[[UserRef], Awaitable[None]],
        retry_delays: Sequence[float],
    ) -> None:
        self._bot = bot
        self._payloads = payloads
        self._report = report
        self._on_blocked = on_blocked
        self._retry_delays = tuple(retry_delays)

    async def deliver(self, chat: ChatRef, reply: Reply) -> bool:
        """Send one reply (its text in as many parts as needed, then its files); False on failure."""
        try:
            chat_id = int(chat.chat_id)
        except ValueError:
            log.warning("not a Telegram chat id: message not sent")
            self._report("bad_request")
            return False
        parts = split_text(reply.text)
        markup = keyboard(reply.buttons, self._payloads)
        if markup is not None and not parts:
            log.warning("a reply with buttons but no text cannot be sent on Telegram")
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            if not await self._send_text(chat, chat_id, part, markup if last else None):
                return False
        for attachment in reply.attachments:
            if await self._attempt(chat, self._document_sender(chat_id, attachment)) is not _Outcome.SENT:
                return False
        return True

    async def _send_text(self, chat: ChatRef, chat_id: int, text: str, markup: Any) -> bool:
        bot = self._bot

        async def as_html() -> object:
            return await bot.send_message(
                chat_id, escape(text), parse_mode=ParseMode.HTML, reply_markup=markup
            )

        async def as_plain_text() -> object:
            return await bot.send_message(chat_id, text, reply_markup=markup)

        outcome = await self._attempt(chat, as_html)
        if outcome is _Outcome.UNPARSABLE:
            outcome = await self._attempt(chat, as_plain_text)
        return outcome is _Outcome.SENT

    def _document_sender(self, chat_id: int, attachment: Attachment) -> _Call:
        bot = self._bot

        async def send_document() -> object:
            # A new InputFile for every attempt: an upload is not assumed to be replayable.
            return await bot.send_document(
                chat_id, InputFile(attachment.content, filename=attachment.filename)
            )

        return send_document

    async def _attempt(self, chat: ChatRef, call: _Call) -> _Outcome:
        where = "private" if chat.is_private else "group"
        for attempt, delay in enumerate((*self._retry_delays, None), start=1):
            try:
                await call()
                return _Outcome.SENT
            except Forbidden:
                self._report("blocked")
                log.warning("Telegram refused delivery to a %s chat: the bot was blocked or removed", where)
                if chat.is_private:  # in a private chat, the chat id is the person's id
                    await self._on_blocked(UserRef(Platform.TELEGRAM, chat.chat_id))
                return _Outcome.FAILED
            except RetryAfter:
                return _Outcome.FAILED  # the rate limiter already waited, retried, counted and logged
            except BadRequest as error:
                self._report("bad_request")
                if "can't parse entities" in error.message.lower():
                    log.warning("Telegram could not parse a message's HTML; resending it as plain text")
                    return _Outcome.UNPARSABLE
                log.warning("Telegram rejected a message to a %s chat: %s", where, error.message)
                return _Outcome.FAILED
            except TimedOut:
                self._report("timeout")
                log.warning("Telegram timed out (attempt %d, %s chat)", attempt, where)
            except NetworkError as error:
                self._report("server_error")
                log.warning("Telegram unavailable (attempt %d, %s chat): %s", attempt, where, error.message)
            except TelegramError as error:
                self._report("bad_request")
                log.warning("Telegram refused a message to a %s chat: %s", where, type(error).__name__)
                return _Outcome.FAILED
            if delay is not None:
                await asyncio.sleep(delay)
        log.error("gave up delivering to a %s chat after %d attempts", where, len(self._retry_delays) + 1)
        return _Outcome.FAILED
