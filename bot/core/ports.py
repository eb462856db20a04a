"""The bot's ports: what the core needs from the outside world, as structural Protocols."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from bot.core.messages import IncomingMessage, OutgoingMessage, Platform, Reply, Role, UserRef


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(frozen=True)
class MemberProfile:
    """What the core needs to know about the person behind a message.

    `member_id` is None for someone the bot has never stored. `consent` is True when they agreed that
    the bot keeps their settings, False when they declined, None when they have not been asked yet.
    """

    member_id: int | None = None
    role: Role = Role.MEMBER
    language: str | None = None
    timezone: str | None = None
    consent: bool | None = None


class MemberDirectory(Protocol):
    async def profile_for(self, user: UserRef) -> MemberProfile:
        """The stored profile of this identity; an empty profile if there is none. Never creates one."""
        ...


class Messenger(Protocol):
    async def send(self, message: OutgoingMessage) -> bool:
        """Deliver a message the bot starts itself; False if the recipient cannot be reached."""
        ...


class IdentityRegistry(Protocol):
    """What adapters learn about identities from their platform, and the roles they need for menus."""

    async def mark_unreachable(self, user: UserRef) -> None:
        """The platform said this person cannot be reached (e.g. they blocked the bot)."""
        ...

    async def mark_reachable(self, user: UserRef) -> None:
        """They wrote again: proactive messages may reach them again."""
        ...

    async def user_ids_with_role(self, platform: Platform, role: Role) -> list[str]:
        """Platform user ids of the members holding exactly this role."""
        ...


Dispatch = Callable[[IncomingMessage], Awaitable[list[Reply]]]
