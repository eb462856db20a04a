"""The unit of work: one transaction. Leaving without commit() rolls back.

    async with uow_factory() as uow:
        member = await uow.members.by_identity("telegram", "42")
        ...
        await uow.commit()

Database failures (unreachable, locked, not migrated) surface as StorageUnavailable.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.errors import StorageUnavailable
from storage.repositories import (
    AuditLog,
    ForwardedQuestions,
    MemberRepository,
    PromotedPhrasings,
    UnansweredLog,
)

_UNAVAILABLE = (OperationalError, InterfaceError, OSError, TimeoutError)


def _is_unavailable(error: BaseException) -> bool:
    if isinstance(error, _UNAVAILABLE):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


class SqlUnitOfWork:
    members: MemberRepository
    audit: AuditLog
    questions: ForwardedQuestions
    unanswered: UnansweredLog
    phrasings: PromotedPhrasings

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], changes: MemberChanges | None = None
    ) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None
        self._changes = changes

    async def __aenter__(self) -> SqlUnitOfWork:
        self._session = self._sessions()
        self.members = MemberRepository(self._session)
        self.audit = AuditLog(self._session)
        self.questions = ForwardedQuestions(self._session)
        self.unanswered = UnansweredLog(self._session)
        self.phrasings = PromotedPhrasings(self._session)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        assert self._session is not None
        try:
            # close() rolls back whatever was not committed, and detaches the loaded rows without
            # expiring them, so a handler can still read what it loaded after the transaction.
            await self._session.close()
        except Exception:  # noqa: BLE001, S110 - the original error matters more than a failed cleanup
            pass
        finally:
            self._session = None
        if exc is not None and _is_unavailable(exc):
            raise StorageUnavailable(str(exc)) from exc

    async def commit(self) -> None:
        assert self._session is not None
        await self._session.commit()
        if self.members.changed and self._changes is not None:
            self._changes.notify()
            self.members.changed = False


class MemberChanges:
    """Tells whoever caches members' profiles that a committed transaction changed a member."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[], None]] = []

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def notify(self) -> None:
        for listener in self._listeners:
            listener()


UnitOfWorkFactory = Callable[[], SqlUnitOfWork]


def unit_of_work_factory(
    sessions: async_sessionmaker[AsyncSession], changes: MemberChanges | None = None
) -> UnitOfWorkFactory:
    return lambda: SqlUnitOfWork(sessions, changes)
