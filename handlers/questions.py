"""Free text that is not a command: the member's questions.

Greetings and thanks get a kind word. Questions about licenses (remixing, what a license means) go to
the licensing assistant first, which
computes its answers from Creative Commons' rules; the others to the knowledge base. When the bot is
not sure it says so plainly, offers to forward the question to the secretariat, and logs it so the
secretariat can improve the answers: a wrong answer harms real people.
"""

from __future__ import annotations

from bot.core.context import Context
from bot.core.messages import Reply
from handlers.deps import HandlerDeps
from handlers.faq.chat import reply_for
from handlers.faq.engine import Answer
from handlers.licensing.chat import answer_licensing_question
from handlers.review import record_unsure
from handlers.small_talk import reply_to_small_talk

# An answer given with less confidence than this is still logged for the secretariat's review.
REVIEW_BELOW_CONFIDENCE = 0.6


class Questions:
    def __init__(self, deps: HandlerDeps) -> None:
        self._uow = deps.uow
        self._engine = deps.faq

    async def answer(self, ctx: Context, text: str) -> Reply:
        small_talk = reply_to_small_talk(ctx, text)
        if small_talk is not None:
            return small_talk
        licensing = await answer_licensing_question(ctx, text)
        if licensing is not None:
            return licensing
        answer = self._engine.ask(text, member_language=ctx.language)
        if _unsure(answer):
            kind = answer.kind if answer.kind != "answer" else "low-confidence"
            await record_unsure(
                self._uow, ctx, text, language=answer.lang, kind=kind, confidence=answer.confidence
            )
        return reply_for(ctx, text, answer, self._engine)


def _unsure(answer: Answer) -> bool:
    return answer.kind != "answer" or answer.confidence < REVIEW_BELOW_CONFIDENCE
