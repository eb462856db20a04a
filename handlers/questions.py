"""Free text that is not a command: the member's questions.

Questions about licenses (remixing, what a license means) go to the licensing assistant first. Until the
knowledge base can answer the others, the bot says plainly that it cannot, rather than guess: a wrong
answer about licensing harms real people.
"""

from __future__ import annotations

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Reply
from handlers.licensing.chat import answer_licensing_question


async def answer_question(ctx: Context, text: str) -> Reply:
    licensing = await answer_licensing_question(ctx, text)
    if licensing is not None:
        return licensing
    return ctx.reply(
        ctx.t(
            N_(
                "I'm sorry, I can't answer that question reliably, and I would rather not guess. "
                "Type /help to see what I can do."
            )
        )
    )
