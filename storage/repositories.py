"""Repositories: the queries each table needs. They flush but never commit (the unit of work does)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (
    AuditEntry,
    ForwardedQuestion,
    Identity,
    Member,
    PromotedPhrasing,
    UnansweredQuestion,
)


class MemberRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        # Set by every write to a member or identity, so that caches of profiles learn of it on commit.
        self.changed = False

    async def by_identity(self, platform: str, platform_user_id: str) -> Member | None:
        statement = (
            select(Member)
            .join(Identity, col(Identity.member_id) == col(Member.id))
            .where(Identity.platform == platform, Identity.platform_user_id == platform_user_id)
        )
        return (await self._session.exec(statement)).first()

    async def get(self, member_id: int) -> Member | None:
        return await self._session.get(Member, member_id)

    async def add_with_identity(self, platform: str, platform_user_id: str, now: datetime) -> Member:
        self.changed = True
        member = Member(created_at=now, updated_at=now)
        self._session.add(member)
        await self._session.flush()
        assert member.id is not None
        self._session.add(
            Identity(
                member_id=member.id, platform=platform, platform_user_id=platform_user_id, created_at=now
            )
        )
        await self._session.flush()
        return member

    async def save(self, member: Member, now: datetime) -> None:
        self.changed = True
        member.updated_at = now
        self._session.add(member)
        await self._session.flush()

    async def identities(self, member_id: int) -> Sequence[Identity]:
        statement = select(Identity).where(Identity.member_id == member_id).order_by(col(Identity.id))
        return (await self._session.exec(statement)).all()

    async def with_role(self, role: str) -> Sequence[Member]:
        statement = select(Member).where(Member.role == role).order_by(col(Member.id))
        return (await self._session.exec(statement)).all()

    async def platform_user_ids_with_role(self, platform: str, role: str) -> Sequence[str]:
        statement = (
            select(Identity.platform_user_id)
            .join(Member, col(Identity.member_id) == col(Member.id))
            .where(Identity.platform == platform, Member.role == role)
            .order_by(col(Identity.id))
        )
        return (await self._session.exec(statement)).all()

    async def set_reachable(self, platform: str, platform_user_id: str, reachable: bool) -> bool:
        """Record whether the platform can deliver to this identity; True if anything changed.

        Reads first: almost always nothing changes, and a read never waits for another writer."""
        current = (
            await self._session.exec(
                select(Identity.reachable).where(
                    Identity.platform == platform, Identity.platform_user_id == platform_user_id
                )
            )
        ).first()
        if current is None or current == reachable:
            return False
        statement = (
            update(Identity)
            .where(
                col(Identity.platform) == platform,
                col(Identity.platform_user_id) == platform_user_id,
                col(Identity.reachable) != reachable,
            )
            .values(reachable=reachable)
        )
        result = await self._session.exec(statement)
        return bool(result.rowcount)

    async def count(self) -> int:
        return (await self._session.exec(select(func.count()).select_from(Member))).one()

    async def erase(self, member_id: int) -> None:
        """Delete the member and their identities; the audit log keeps its entries without them.

        Done explicitly rather than through ON DELETE rules, so that it holds on any backend and on
        a SQLite connection where foreign keys were not switched on.
        """
        self.changed = True
        await self._session.exec(
            update(AuditEntry)
            .where(col(AuditEntry.actor_member_id) == member_id)
            .values(actor_member_id=None, actor="erased member")
        )
        await self._session.exec(
            update(AuditEntry)
            .where(col(AuditEntry.target_member_id) == member_id)
            .values(target_member_id=None)
        )
        await self._session.exec(
            update(UnansweredQuestion)
            .where(col(UnansweredQuestion.member_id) == member_id)
            .values(member_id=None)
        )
        await self._session.exec(
            update(ForwardedQuestion)
            .where(col(ForwardedQuestion.answered_by_member_id) == member_id)
            .values(answered_by_member_id=None)
        )
        for identity in await self.identities(member_id):
            await ForwardedQuestions(self._session).forget_asker(identity.platform, identity.platform_user_id)
        await self._session.exec(delete(Identity).where(col(Identity.member_id) == member_id))
        await self._session.exec(delete(Member).where(col(Member.id) == member_id))
        await self._session.flush()


class AuditLog:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(
        self,
        *,
        at: datetime,
        actor: str,
        action: str,
        actor_member_id: int | None = None,
        target_member_id: int | None = None,
        detail: str = "",
    ) -> AuditEntry:
        entry = AuditEntry(
            at=at,
            actor=actor,
            actor_member_id=actor_member_id,
            action=action,
            target_member_id=target_member_id,
            detail=detail,
        )
        self._session.add(entry)
        await self._session.flush()
        return entry

    async def latest(self, limit: int = 50) -> Sequence[AuditEntry]:
        statement = (
            select(AuditEntry).order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc()).limit(limit)
        )
        return (await self._session.exec(statement)).all()

    async def about(self, member_id: int) -> Sequence[AuditEntry]:
        """Entries where this member acted or was acted on (for their data export)."""
        statement = (
            select(AuditEntry)
            .where(
                (col(AuditEntry.actor_member_id) == member_id)
                | (col(AuditEntry.target_member_id) == member_id)
            )
            .order_by(col(AuditEntry.at))
        )
        return (await self._session.exec(statement)).all()


class ForwardedQuestions:
    """Questions forwarded to the secretariat, tracked until answered."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, question: ForwardedQuestion) -> ForwardedQuestion:
        self._session.add(question)
        await self._session.flush()
        return question

    async def touch(self, question: ForwardedQuestion) -> None:
        self._session.add(question)
        await self._session.flush()

    async def get(self, question_id: int) -> ForwardedQuestion | None:
        return await self._session.get(ForwardedQuestion, question_id)

    async def with_status(self, *statuses: str, limit: int = 50) -> Sequence[ForwardedQuestion]:
        statement = (
            select(ForwardedQuestion)
            .where(col(ForwardedQuestion.status).in_(statuses))
            .order_by(col(ForwardedQuestion.asked_at))
            .limit(limit)
        )
        return (await self._session.exec(statement)).all()

    async def forget_asker(self, platform: str, platform_user_id: str) -> None:
        """Unlink every question from an asker who erased their data (or who was never stored)."""
        await self._session.exec(
            update(ForwardedQuestion)
            .where(
                col(ForwardedQuestion.asker_platform) == platform,
                col(ForwardedQuestion.asker_user_id) == platform_user_id,
            )
            .values(asker_platform=None, asker_user_id=None, asker_chat_id=None)
        )

    async def of_asker(self, platform: str, platform_user_id: str) -> Sequence[ForwardedQuestion]:
        statement = select(ForwardedQuestion).where(
            col(ForwardedQuestion.asker_platform) == platform,
            col(ForwardedQuestion.asker_user_id) == platform_user_id,
        )
        return (await self._session.exec(statement)).all()


class UnansweredLog:
    """Questions the bot could not answer confidently, for the secretariat's review."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, entry: UnansweredQuestion) -> UnansweredQuestion:
        self._session.add(entry)
        await self._session.flush()
        return entry

    async def get(self, entry_id: int) -> UnansweredQuestion | None:
        return await self._session.get(UnansweredQuestion, entry_id)

    async def waiting(self, limit: int = 50) -> Sequence[UnansweredQuestion]:
        statement = (
            select(UnansweredQuestion)
            .where(UnansweredQuestion.status == "new")
            .order_by(col(UnansweredQuestion.asked_at).desc())
            .limit(limit)
        )
        return (await self._session.exec(statement)).all()

    async def of_member(self, member_id: int) -> Sequence[UnansweredQuestion]:
        statement = select(UnansweredQuestion).where(UnansweredQuestion.member_id == member_id)
        return (await self._session.exec(statement)).all()


class PromotedPhrasings:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, phrasing: PromotedPhrasing) -> PromotedPhrasing:
        self._session.add(phrasing)
        await self._session.flush()
        return phrasing

    async def exists(self, topic: str, language: str, text: str) -> bool:
        statement = select(PromotedPhrasing.id).where(
            PromotedPhrasing.topic == topic,
            PromotedPhrasing.language == language,
            PromotedPhrasing.text == text,
        )
        return (await self._session.exec(statement)).first() is not None

    async def all(self) -> Sequence[PromotedPhrasing]:
        return (await self._session.exec(select(PromotedPhrasing).order_by(col(PromotedPhrasing.id)))).all()
