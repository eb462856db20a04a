"""The learning loop: questions the bot could not answer confidently are logged, and the secretariat
attaches them to a topic as a new phrasing in one step (`/promote 12 cc-by-nc`), which the answering
index takes in at once. The member is linked to a logged question only if they consented to storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Reply
from bot.core.router import UserFacingError
from bot.core.sanitize import parse_number
from handlers.deps import HandlerDeps
from handlers.members import member_of
from storage.models import PromotedPhrasing, UnansweredQuestion
from storage.unit_of_work import SqlUnitOfWork, UnitOfWorkFactory

LIST_LENGTH = 10
PHRASING_MAX_LENGTH = 500


class PhrasingIndex(Protocol):
    """The part of the answering engine the review needs."""

    def has_topic(self, topic: str) -> bool: ...

    def add_phrasing(self, topic: str, language: str, text: str) -> None: ...


class ReviewError(UserFacingError):
    """A promotion or dismissal that cannot be done: shown to the secretariat member as it is."""


@dataclass(frozen=True)
class Promotion:
    topic: str
    language: str
    text: str


async def record_unsure(
    uow_factory: UnitOfWorkFactory, ctx: Context, text: str, *, language: str, kind: str, confidence: float
) -> None:
    """Log a question the bot abstained on or was unsure about."""
    async with uow_factory() as uow:
        await uow.unanswered.record(
            UnansweredQuestion(
                text=text[:4000],
                language=language,
                asked_at=ctx.now,
                kind=kind,
                confidence=round(confidence, 4),
                # Only a member who agreed to be stored is linked to their question.
                member_id=ctx.member.member_id if ctx.member.consent else None,
            )
        )
        await uow.commit()


async def promote(
    uow: SqlUnitOfWork,
    index: PhrasingIndex,
    *,
    entry_id: int,
    topic: str,
    now: datetime,
    actor: str,
    actor_member_id: int | None = None,
) -> Promotion:
    """Attach logged question `entry_id` to `topic` as a phrasing in its language, and audit it."""
    entry = await uow.unanswered.get(entry_id)
    if entry is None:
        raise ReviewError(N_("There is no logged question number {number}."), number=entry_id)
    if not index.has_topic(topic):
        raise ReviewError(N_("There is no topic “{topic}”."), topic=topic)
    text = " ".join(entry.text.split())[:PHRASING_MAX_LENGTH]
    if not await uow.phrasings.exists(topic, entry.language, text):
        await uow.phrasings.add(
            PromotedPhrasing(topic=topic, language=entry.language, text=text, created_at=now)
        )
    entry.status, entry.promoted_topic = "promoted", topic
    await uow.unanswered.record(entry)
    await uow.audit.record(
        at=now,
        actor=actor,
        actor_member_id=actor_member_id,
        action="faq.promote",
        detail=f"question={entry_id} topic={topic}",
    )
    return Promotion(topic, entry.language, text)


async def dismiss(
    uow: SqlUnitOfWork, *, entry_id: int, now: datetime, actor: str, actor_member_id: int | None = None
) -> None:
    entry = await uow.unanswered.get(entry_id)
    if entry is None:
        raise ReviewError(N_("There is no logged question number {number}."), number=entry_id)
    entry.status = "dismissed"
    await uow.unanswered.record(entry)
    await uow.audit.record(
        at=now,
        actor=actor,
        actor_member_id=actor_member_id,
        action="faq.dismiss",
        detail=f"question={entry_id}",
    )


class Review:
    """The secretariat's chat commands: /unanswered, /promote ID TOPIC, /dismiss ID."""

    def __init__(self, deps: HandlerDeps, index: PhrasingIndex) -> None:
        self._uow = deps.uow
        self._index = index

    async def list_waiting(self, ctx: Context) -> Reply:
        async with self._uow() as uow:
            entries = await uow.unanswered.waiting(LIST_LENGTH)
        if not entries:
            return ctx.reply(ctx.t(N_("No unanswered question is waiting for review.")))
        lines = [ctx.t(N_("Questions I could not answer confidently (newest first):")), ""]
        lines += [f"#{e.id} · {e.language} · {' '.join(e.text.split())[:200]}" for e in entries]
        lines += [
            "",
            ctx.t(N_("Attach one to a topic with /promote NUMBER TOPIC, or drop it with /dismiss NUMBER.")),
        ]
        return ctx.reply("\n".join(lines))

    async def promote(self, ctx: Context) -> Reply:
        number, _, topic = ctx.args.partition(" ")
        entry_id, topic = parse_number(number), topic.strip()
        if entry_id is None or not topic:
            raise UserFacingError(N_("Usage: /promote NUMBER TOPIC, for example /promote 12 cc-by-nc"))
        async with self._uow() as uow:
            actor = await member_of(uow, ctx)
            promotion = await promote(
                uow,
                self._index,
                entry_id=entry_id,
                topic=topic,
                now=ctx.now,
                actor="member",
                actor_member_id=actor.id if actor else None,
            )
            await uow.commit()
        self._index.add_phrasing(promotion.topic, promotion.language, promotion.text)
        return ctx.reply(
            ctx.t(
                N_("Done: question {number} is now a phrasing of the topic “{topic}”."),
                number=entry_id,
                topic=topic,
            )
        )

    async def dismiss(self, ctx: Context) -> Reply:
        entry_id = parse_number(ctx.args.strip())
        if entry_id is None:
            raise UserFacingError(N_("Usage: /dismiss NUMBER"))
        async with self._uow() as uow:
            actor = await member_of(uow, ctx)
            actor_id = actor.id if actor else None
            await dismiss(uow, entry_id=entry_id, now=ctx.now, actor="member", actor_member_id=actor_id)
            await uow.commit()
        return ctx.reply(ctx.t(N_("Question {number} was dismissed."), number=entry_id))
