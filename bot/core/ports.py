"""The bot's ports: what the core needs from the outside world, as structural Protocols."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from bot.core.messages import OutgoingMessage, Role, UserRef


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

    @property
    def is_known(self) -> bool:
        return self.member_id is not None


class MemberDirectory(Protocol):
    async def profile_for(self, user: UserRef) -> MemberProfile:
        """The stored profile of this identity; an empty profile if there is none. Never creates one."""
        ...


class Messenger(Protocol):
    async def send(self, message: OutgoingMessage) -> bool:
        """Deliver a message the bot starts itself; False if the recipient cannot be reached."""
        ...
