"""The tables. Every timestamp is timezone-aware UTC (see UTCDateTime).

A member is a person; an identity is how a platform knows them ("telegram", "12345"). Personal data
lives only in `member` and `identity`, so erasing a member is deleting those rows and cutting the
links other tables keep to them (the audit log keeps its entries, anonymised).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


class Member(SQLModel, table=True):
    __tablename__ = "member"

    id: int | None = Field(default=None, primary_key=True)
    role: str = Field(default="member", max_length=16, index=True)
    # None: not asked yet; True: agreed that the bot keeps their settings; False: declined.
    consent: bool | None = Field(default=None)
    consent_changed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    language: str | None = Field(default=None, max_length=8)
    country: str | None = Field(default=None, max_length=2, index=True)
    timezone: str | None = Field(default=None, max_length=64)
    # Topic ids from handlers.profile.TOPICS, comma-separated: a handful of short ids, read whole.
    topics: str = Field(default="", max_length=512)
    # When the member finished (or skipped through) the first set-up; until then /start resumes it.
    onboarded_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)

    @property
    def topic_ids(self) -> list[str]:
        return [topic for topic in self.topics.split(",") if topic]


class Identity(SQLModel, table=True):
    __tablename__ = "identity"
    __table_args__ = (UniqueConstraint("platform", "platform_user_id", name="uq_identity_platform_user"),)

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    platform: str = Field(max_length=16)
    platform_user_id: str = Field(max_length=128)
    # False once the platform said this person blocked the bot; proactive messages skip them.
    reachable: bool = Field(default=True)
    created_at: datetime = Field(sa_type=UTCDateTime)


class AuditEntry(SQLModel, table=True):
    """Who did what, when, on what: every secretariat action and every role change."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UTCDateTime, index=True)
    # The member who acted, or None for the command line, the configuration, or an erased member.
    actor_member_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("member.id", ondelete="SET NULL"), nullable=True)
    )
    actor: str = Field(max_length=32)  # "member", "command line", "configuration", "erased member"
    action: str = Field(max_length=64)
    target_member_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("member.id", ondelete="SET NULL"), nullable=True)
    )
    # Non-personal detail only (e.g. "role=advisory"): it outlives the member it concerns.
    detail: str = Field(default="", max_length=500)


class ForwardedQuestion(SQLModel, table=True):
    """A member's question forwarded to the secretariat, tracked until it is answered.

    The asker's platform identity is kept only while the question is open (it is needed to deliver
    the answer); it is cleared once the answer is relayed, or when the asker erases their data.
    """

    __tablename__ = "forwarded_question"

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(max_length=4000)
    language: str = Field(max_length=8)
    asked_at: datetime = Field(sa_type=UTCDateTime, index=True)
    asker_platform: str | None = Field(default=None, max_length=16)
    asker_user_id: str | None = Field(default=None, max_length=128)
    asker_chat_id: str | None = Field(default=None, max_length=128)
    status: str = Field(default="open", max_length=16, index=True)  # open, answered, undeliverable
    answered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    answered_by_member_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("member.id", ondelete="SET NULL"), nullable=True)
    )


class UnansweredQuestion(SQLModel, table=True):
    """A question the bot could not answer confidently, kept for the secretariat to improve the answers.

    Linked to the member only if they consented to storage; anonymous otherwise.
    """

    __tablename__ = "unanswered_question"

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(max_length=4000)
    language: str = Field(max_length=8)
    asked_at: datetime = Field(sa_type=UTCDateTime, index=True)
    kind: str = Field(max_length=16)  # abstain, ambiguous
    confidence: float = Field(default=0.0)
    member_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("member.id", ondelete="SET NULL"), nullable=True)
    )
    status: str = Field(default="new", max_length=16, index=True)  # new, promoted, dismissed
    promoted_topic: str | None = Field(default=None, max_length=64)


class PromotedPhrasing(SQLModel, table=True):
    """A member's wording the secretariat attached to a topic: merged into the answering index."""

    __tablename__ = "faq_phrasing"
    __table_args__ = (UniqueConstraint("topic", "language", "text", name="uq_faq_phrasing"),)

    id: int | None = Field(default=None, primary_key=True)
    topic: str = Field(max_length=64, index=True)
    language: str = Field(max_length=8)
    text: str = Field(max_length=500)
    created_at: datetime = Field(sa_type=UTCDateTime)
