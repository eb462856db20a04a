"""Secretariat commands: give roles and read the audit log. Every change is audited."""

from __future__ import annotations

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Reply, Role, UserRef, parse_identity
from bot.core.router import UserFacingError
from handlers.deps import HandlerDeps
from handlers.members import member_of, set_role
from handlers.profile import ROLE_NAMES

AUDIT_LINES = 15
USAGE = N_(
    "Usage: /grant ROLE PLATFORM:USER_ID, where ROLE is member, advisory or secretariat. "
    "Example: /grant advisory telegram:123456789"
)


class Admin:
    def __init__(self, deps: HandlerDeps) -> None:
        self._uow = deps.uow

    async def grant(self, ctx: Context) -> Reply:
        role_name, _, identity = ctx.args.partition(" ")
        try:
            role = Role(role_name.strip().lower())
            platform, user_id = parse_identity(identity)
        except ValueError:
            raise UserFacingError(USAGE) from None
        async with self._uow() as uow:
            actor = await member_of(uow, ctx)
            await set_role(
                uow,
                target=UserRef(platform, user_id),
                role=role,
                now=ctx.now,
                actor="member",
                actor_member_id=actor.id if actor else None,
            )
            await uow.commit()
        return ctx.reply(
            ctx.t(
                N_("Done: {identity} now has the role “{role}”. This change is recorded in the audit log."),
                identity=f"{platform.value}:{user_id}",
                role=ctx.t(ROLE_NAMES[role.value]),
            )
        )

    async def audit(self, ctx: Context) -> Reply:
        async with self._uow() as uow:
            entries = await uow.audit.latest(AUDIT_LINES)
        if not entries:
            return ctx.reply(ctx.t(N_("The audit log is empty.")))
        lines = [ctx.t(N_("Latest audit log entries:")), ""]
        for entry in entries:
            who = f"{entry.actor} #{entry.actor_member_id}" if entry.actor_member_id else entry.actor
            on_what = f" → #{entry.target_member_id}" if entry.target_member_id else ""
            when = ctx.translator.datetime(entry.at, "short")
            lines.append(ctx.translator.isolate(f"{when} · {who} · {entry.action}{on_what} · {entry.detail}"))
        return ctx.reply("\n".join(lines))
