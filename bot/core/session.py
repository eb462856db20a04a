"""Short-lived conversation state: which step of which flow a person is in.

Kept in memory on purpose. It holds nothing a member has not just typed, it must exist before anyone
consents to storage, and it expires on its own; lasting settings live in the database instead. After
a restart a half-finished flow simply starts again (onboarding resumes from what is stored).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

DEFAULT_TTL = timedelta(hours=24)
DEFAULT_CAPACITY = 10_000


@dataclass(frozen=True)
class Session:
    """`flow`/`step` name the question the bot is waiting on; `language` is an anonymous user's choice."""

    flow: str | None = None
    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    language: str | None = None
    updated_at: datetime | None = None

    def at(self, flow: str | None, step: str | None = None, **data: Any) -> Session:
        return replace(self, flow=flow, step=step, data=dict(data))

    def with_data(self, **data: Any) -> Session:
        return replace(self, data={**self.data, **data})

    def speaking(self, language: str | None) -> Session:
        return replace(self, language=language)


class SessionStore:
    """Sessions by identity key ("telegram:123"), least recently used dropped first."""

    def __init__(self, ttl: timedelta = DEFAULT_TTL, capacity: int = DEFAULT_CAPACITY) -> None:
        self._ttl = ttl
        self._capacity = capacity
        self._sessions: OrderedDict[str, Session] = OrderedDict()

    def get(self, key: str, now: datetime) -> Session:
        session = self._sessions.get(key)
        if session is None or session.updated_at is None or now - session.updated_at > self._ttl:
            self._sessions.pop(key, None)
            return Session()
        self._sessions.move_to_end(key)
        return session

    def put(self, key: str, session: Session, now: datetime) -> None:
        self._sessions[key] = replace(session, updated_at=now)
        self._sessions.move_to_end(key)
        while len(self._sessions) > self._capacity:
            self._sessions.popitem(last=False)

    def forget(self, key: str) -> None:
        self._sessions.pop(key, None)
