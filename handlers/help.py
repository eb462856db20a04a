"""/help: what this member can do, for their role, in their language."""

from __future__ import annotations

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Reply
from handlers.deps import HandlerDeps


class Help:
    def __init__(self, deps: HandlerDeps) -> None:
        self._commands_for = deps.commands_for

    async def show(self, ctx: Context) -> Reply:
        lines = [
            ctx.t(N_("I'm the assistant of the UNESCO/IGF OER Dynamic Coalition. Here is what I can do:")),
            "",
        ]
        for route in self._commands_for(ctx.role):
            usage = f" {route.usage}" if route.usage else ""
            lines.append(f"{ctx.translator.isolate(f'/{route.name}{usage}')} — {ctx.t(route.summary)}")
        lines += [
            "",
            ctx.t(
                N_("You can also simply type a question about open educational resources or open licensing.")
            ),
        ]
        return ctx.reply("\n".join(lines))
