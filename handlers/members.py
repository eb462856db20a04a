"""Members as the rest of the bot sees them: profiles for the router, and the few shared operations."""

from __future__ import annotations

from datetime import datetime

from bot.core.context import Context
from bot.core.messages import Platform, Role, UserRef
from bot.core.ports import MemberProfile
from storage.models import Member
from storage.unit_of_work import SqlUnitOfWork, UnitOfWorkFactory


def profile_of(member: Member) -> MemberProfile:
    return MemberProfile(
        member_id=member.id,
        role=Role(member.role),
        language=member.language,
        timezone=member.timezone,
        consent=member.consent,
    )


class SqlMemberDirectory:
    """The router's MemberDirectory, read from the database."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    async def profile_for(self, user: UserRef) -> MemberProfile:
        async with self._uow() as uow:
            member = await uow.members.by_identity(user.platform.value, user.user_id)
        return profile_of(member) if member else MemberProfile()


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
