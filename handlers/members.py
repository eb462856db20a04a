"""Members as the rest of the bot sees them: profiles for the router, and the few shared operations."""

from __future__ import annotations

import time
from collections import OrderedDict
from datetime import datetime, timedelta

from bot.core.context import Context
from bot.core.messages import Platform, Role, UserRef
from bot.core.ports import MemberProfile
from storage.models import Member
from storage.unit_of_work import MemberChanges, SqlUnitOfWork, UnitOfWorkFactory

PROFILE_TTL = timedelta(seconds=60)
PROFILE_CACHE_SIZE = 10_000


def profile_of(member: Member) -> MemberProfile:
    """Settings count only while the member agrees to their being kept."""
    consented = member.consent is True
    return MemberProfile(
        member_id=member.id,
        role=Role(member.role),
        language=member.language if consented else None,
        timezone=member.timezone if consented else None,
        consent=member.consent,
    )


class SqlMemberDirectory:
    """The router's MemberDirectory, read from the database through a small cache.

    Every message needs its sender's profile, and profiles change rarely: they are cached for a minute
    and the whole cache is dropped whenever a transaction in this process changes a member (onboarding,
    a role, an erasure). The minute bounds how long a change made by another process (the `oerbot admin`
    command line) takes to show.
    """

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        changes: MemberChanges | None = None,
        ttl: timedelta = PROFILE_TTL,
        capacity: int = PROFILE_CACHE_SIZE,
    ) -> None:
        self._uow = uow
        self._ttl = ttl
        self._capacity = capacity
        self._cache: OrderedDict[str, tuple[MemberProfile, float]] = OrderedDict()
        if changes is not None:
            changes.subscribe(self._cache.clear)

    async def profile_for(self, user: UserRef) -> MemberProfile:
        cached = self._cache.get(user.key)
        now = time.monotonic()
        if cached is not None and cached[1] > now:
            return cached[0]
        async with self._uow() as uow:
            member = await uow.members.by_identity(user.platform.value, user.user_id)
        profile = profile_of(member) if member else MemberProfile()
        self._cache[user.key] = (profile, now + self._ttl.total_seconds())
        self._cache.move_to_end(user.key)
        while len(self._cache) > self._capacity:
            self._cache.popitem(last=False)
        return profile


async def member_of(uow: SqlUnitOfWork, ctx: Context) -> Member | None:
    user = ctx.message.user
    return await uow.members.by_identity(user.platform.value, user.user_id)


async def get_or_create_member(uow: SqlUnitOfWork, user: UserRef, now: datetime) -> Member:
    member = await uow.members.by_identity(user.platform.value, user.user_id)
    return member or await uow.members.add_with_identity(user.platform.value, user.user_id, now)


async def set_role(
    uow: SqlUnitOfWork,
    *,
    target: UserRef,
    role: Role,
    now: datetime,
    actor: str,
    actor_member_id: int | None = None,
) -> Member:
    """Give `target` a role (creating their record if needed) and write it to the audit log."""
    member = await get_or_create_member(uow, target, now)
    previous = member.role
    member.role = role.value
    await uow.members.save(member, now)
    await uow.audit.record(
        at=now,
        actor=actor,
        actor_member_id=actor_member_id,
        action="role.set",
        target_member_id=member.id,
        detail=f"role={role.value} (was {previous})",
    )
    return member


class SqlIdentityRegistry:
    """The adapters' IdentityRegistry, kept in the identity table."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    async def mark_unreachable(self, user: UserRef) -> None:
        await self._set_reachable(user, reachable=False)

    async def mark_reachable(self, user: UserRef) -> None:
        await self._set_reachable(user, reachable=True)

    async def user_ids_with_role(self, platform: Platform, role: Role) -> list[str]:
        async with self._uow() as uow:
            return list(await uow.members.platform_user_ids_with_role(platform.value, role.value))

    async def _set_reachable(self, user: UserRef, *, reachable: bool) -> None:
        async with self._uow() as uow:
            changed = await uow.members.set_reachable(user.platform.value, user.user_id, reachable)
            if changed:
                await uow.commit()
