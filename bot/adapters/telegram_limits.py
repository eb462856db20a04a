"""Pacing for Telegram: a rate limiter within the Bot API's flood limits, and an update processor
that serves different people at the same time but each person's updates in order.

Telegram's limits (Bot FAQ): about 30 messages a second overall, 1 a second per chat, 20 a minute
per group. PTB's AIORateLimiter does not pace private chats, hence this limiter.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
import warnings
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram import Update
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter, BaseUpdateProcessor

log = logging.getLogger("oerbot.telegram")

ApiResult = bool | dict[str, Any] | list[dict[str, Any]]


def retry_after_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB warns that the int form will become a timedelta
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


class _LimiterCache:
    """One AsyncLimiter per chat, the least recently used forgotten beyond `capacity`.

    The overall limit bounds how many chats can be busy at once (30 a second), so with a capacity
    well above that the forgotten limiter is an idle one and forgetting it loses no pacing.
    """

    def __init__(self, rate: float, period: float, capacity: int) -> None:
        self._rate, self._period, self._capacity = rate, period, capacity
        self._limiters: OrderedDict[int | str, AsyncLimiter] = OrderedDict()

    def get(self, key: int | str) -> AsyncLimiter:
        limiter = self._limiters.get(key)
        if limiter is None:
            limiter = self._limiters[key] = AsyncLimiter(self._rate, self._period)
            if len(self._limiters) > self._capacity:
                self._limiters.popitem(last=False)
        else:
            self._limiters.move_to_end(key)
        return limiter

    def __len__(self) -> int:
        return len(self._limiters)


class TelegramRateLimiter(BaseRateLimiter[int]):
    """Throttles every call that names a chat: per group, per chat, then overall (slowest first, so
    no overall capacity is spent while waiting for a chat). On a 429 it waits `retry_after` (that
    chat's later messages wait too) and tries again, at most `max_retries` times. `rate_limit_args`
    of a bot method overrides `max_retries` for that call."""

    def __init__(
        self,
        *,
        overall_rate: float = 30,
        overall_period: float = 1.0,
        chat_rate: float = 1,
        chat_period: float = 1.0,
        group_rate: float = 20,
        group_period: float = 60.0,
        max_retries: int = 3,
        max_retry_after: float = 60.0,
        capacity: int = 4096,
        on_retry_after: Callable[[], None] | None = None,
    ) -> None:
        self._overall = AsyncLimiter(overall_rate, overall_period)
        self._chats = _LimiterCache(chat_rate, chat_period, capacity)
        self._groups = _LimiterCache(group_rate, group_period, capacity)
        self._max_retries = max_retries
        self._max_retry_after = max_retry_after
        self._capacity = capacity
        self._on_retry_after = on_retry_after
        self._paused_until: dict[int | str | None, float] = {}

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    @property
    def tracked_chats(self) -> int:
        """How many chats' limiters are kept in memory (at most `capacity` private and as many groups)."""
        return len(self._chats) + len(self._groups)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, ApiResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> ApiResult:
        chat = _chat_key(data.get("chat_id"))
        retries = self._max_retries if rate_limit_args is None else rate_limit_args
        attempt = 0
        while True:
            await self._wait_while_paused(chat)
            try:
                return await self._run(chat, lambda: callback(*args, **kwargs))
            except RetryAfter as error:
                delay = retry_after_seconds(error)
                if self._on_retry_after is not None:
                    self._on_retry_after()
                if attempt >= retries or delay > self._max_retry_after:
                    log.warning(
                        "%s refused by flood control (retry after %.0f s); giving up", endpoint, delay
                    )
                    raise
                attempt += 1
                log.info("%s refused by flood control; retrying in %.1f s", endpoint, delay)
                self._pause(chat, delay)

    async def _run(
        self, chat: int | str | None, call: Callable[[], Coroutine[Any, Any, ApiResult]]
    ) -> ApiResult:
        if chat is not None:  # getMe, setMyCommands, answerCallbackQuery name no chat: not paced
            if _is_group(chat):
                await self._groups.get(chat).acquire()
            await self._chats.get(chat).acquire()
            await self._overall.acquire()
        return await call()

    async def _wait_while_paused(self, chat: int | str | None) -> None:
        while True:
            until = max(self._paused_until.get(chat, 0.0), self._paused_until.get(None, 0.0))
            remaining = until - time.monotonic()
            if remaining <= 0:
                return
            await asyncio.sleep(remaining)

    def _pause(self, chat: int | str | None, seconds: float) -> None:
        now = time.monotonic()
        if len(self._paused_until) >= self._capacity:
            for key, until in list(self._paused_until.items()):
                if until <= now:
                    del self._paused_until[key]
        self._paused_until[chat] = max(self._paused_until.get(chat, 0.0), now + seconds + 0.1)


def _chat_key(chat_id: object) -> int | str | None:
    if chat_id is None:
        return None
    if isinstance(chat_id, int):
        return chat_id
    with contextlib.suppress(ValueError, TypeError):
        return int(str(chat_id))
    return str(chat_id)


def _is_group(chat: int | str) -> bool:
    """Groups, supergroups and channels have negative ids (or an @username for public ones)."""
    return isinstance(chat, str) or chat < 0


class PerSenderUpdateProcessor(BaseUpdateProcessor):
    """Processes updates concurrently, except that one person's updates wait for each other: the
    core keeps a conversation's state per person, and replies must not overtake each other."""

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, tuple[asyncio.Lock, list[int]]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _sender(update)
        if key is None:
            await coroutine
            return
        lock, waiting = self._locks.setdefault(key, (asyncio.Lock(), [0]))
        waiting[0] += 1
        try:
            async with lock:
                await coroutine
        finally:
            waiting[0] -= 1
            if waiting[0] == 0:
                del self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    @property
    def tracked(self) -> int:
        return len(self._locks)


def _sender(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    return update.effective_chat.id if update.effective_chat is not None else None
