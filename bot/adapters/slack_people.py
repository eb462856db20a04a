"""What the Slack adapter remembers about people, in memory and bounded: locales, DM channels, reachability,
the events it has already handled (Slack delivers an event again when it thinks it was not acked), and
whose turn it is (one person's messages are answered one at a time, in order)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Callable
from typing import Generic, TypeVar

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.messages import Platform, UserRef
from bot.core.ports import IdentityRegistry

log = logging.getLogger("oerbot.slack")

K = TypeVar("K")
V = TypeVar("V")

# What a Web API call may raise besides Slack's own answers: timeouts, lost connections, client errors.
TRANSPORT_ERRORS = (TimeoutError, aiohttp.ClientError, OSError, SlackClientError)
LOCALE_TTL_SECONDS = 6 * 3600.0  # people rarely change their Slack language; six hours is fresh enough
LOOKUP_FAILURE_TTL_SECONDS = 300.0  # a failed users.info is retried after five minutes, not per message
CAPACITY = 10_000


class Lru(Generic[K, V]):
    """A bounded mapping that forgets the least recently used entries, and optionally entries past an age."""

    def __init__(self, capacity: int = CAPACITY, *, now: Callable[[], float] = time.monotonic) -> None:
        self._capacity = capacity
        self._now = now
        self._entries: OrderedDict[K, tuple[V, float]] = OrderedDict()

    def get(self, key: K) -> V | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        value, expires_at = entry
        if expires_at <= self._now():
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return value

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None  # type: ignore[arg-type]

    def put(self, key: K, value: V, ttl: float = float("inf")) -> None:
        self._entries[key] = (value, self._now() + ttl)
        self._entries.move_to_end(key)
        while len(self._entries) > self._capacity:
            self._entries.popitem(last=False)

    def pop(self, key: K) -> None:
        self._entries.pop(key, None)


class SeenEvents:
    """Event ids already accepted, so that Slack's retries (X-Slack-Retry-Num) are never answered twice."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self._seen: Lru[str, bool] = Lru(capacity)

    def first_time(self, event_id: object) -> bool:
        if not isinstance(event_id, str) or not event_id:
            return True  # nothing to recognise it by: better one answer too many than none
        if event_id in self._seen:
            return False
        self._seen.put(event_id, True)
        return True


class SlackPeople:
    """Locales from users.info (cached), the bot's DM channel with each person, and who is reachable."""

    def __init__(
        self,
        client: AsyncWebClient,
        identities: IdentityRegistry,
        *,
        locale_ttl: float = LOCALE_TTL_SECONDS,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._identities = identities
        self._locale_ttl = locale_ttl
        self._locales: Lru[str, str] = Lru(now=now)
        self._dm_of_user: Lru[str, str] = Lru()
        self._user_of_dm: Lru[str, str] = Lru()
        self._reachable: Lru[str, bool] = Lru()

    async def user(self, user_id: str) -> UserRef:
        """The person, with their Slack locale ("es-ES") as the language hint."""
        return UserRef(Platform.SLACK, user_id, language_hint=await self._locale(user_id) or None)

    async def _locale(self, user_id: str) -> str:
        cached = self._locales.get(user_id)
        if cached is not None:
            return cached
        try:
            response = await self._client.users_info(user=user_id, include_locale=True)
            locale = str((response.get("user") or {}).get("locale") or "")
        except TRANSPORT_ERRORS as error:
            log.warning("slack: users.info failed (%s); answering without the Slack locale", _reason(error))
            self._locales.put(user_id, "", LOOKUP_FAILURE_TTL_SECONDS)
            return ""
        self._locales.put(user_id, locale, self._locale_ttl)
        return locale

    # -- direct-message channels ----------------------------------------------------------------

    def remember_dm(self, user_id: str, channel_id: str) -> None:
        self._dm_of_user.put(user_id, channel_id)
        self._user_of_dm.put(channel_id, user_id)

    def owner_of(self, chat_id: str) -> str | None:
        """The person a chat id stands for: a user id itself, or the other end of the bot's DM channel."""
        if chat_id[:1] in ("U", "W"):
            return chat_id
        return self._user_of_dm.get(chat_id)

    def known_dm(self, user_id: str) -> str | None:
        return self._dm_of_user.get(user_id)

    async def dm_channel(self, user_id: str) -> str | None:
        """The bot's DM channel with this person (conversations.open, remembered)."""
        known = self._dm_of_user.get(user_id)
        if known is not None:
            return known
        try:
            response = await self._client.conversations_open(users=user_id)
            channel = str((response.get("channel") or {}).get("id") or "")
        except TRANSPORT_ERRORS as error:
            log.warning("slack: conversations.open failed (%s)", _reason(error))
            return None
        if not channel:
            return None
        self.remember_dm(user_id, channel)
        return channel

    # -- reachability ---------------------------------------------------------------------------

    async def arrived(self, user: UserRef) -> None:
        """They wrote: tell the registry once per process (and again after they were unreachable)."""
        if user.user_id in self._reachable:
            return
        try:
            await self._identities.mark_reachable(user)
        except Exception as error:  # noqa: BLE001 - bookkeeping must never stop an answer
            log.warning("slack: could not mark an identity reachable (%s)", type(error).__name__)
            return
        self._reachable.put(user.user_id, True)

    async def unreachable(self, user: UserRef) -> None:
        self._reachable.pop(user.user_id)
        try:
            await self._identities.mark_unreachable(user)
        except Exception as error:  # noqa: BLE001 - bookkeeping must never stop the bot
            log.warning("slack: could not mark an identity unreachable (%s)", type(error).__name__)


def _reason(error: BaseException) -> str:
    if isinstance(error, SlackApiError):
        return error_code(error) or f"HTTP {error.response.status_code}"
    return type(error).__name__


def error_code(error: SlackApiError) -> str:
    """Slack's error code ("channel_not_found"), or "" when the body was not Slack's JSON (a 5xx page)."""
    data = error.response.data
    return str(data.get("error") or "") if isinstance(data, dict) else ""


class Turns:
    """One lock per person, dropped when nobody waits: a person's messages are answered in order."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._waiting: Counter[str] = Counter()

    @contextlib.asynccontextmanager
    async def of(self, key: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] += 1
        try:
            async with lock:
                yield
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key]
                self._locks.pop(key, None)
