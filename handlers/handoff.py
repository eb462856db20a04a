"""Human handoff: a member's question goes to the secretariat, and the answer comes back to them.

`/ask <question>` (or the button offered when the bot is not sure) stores the question and forwards it
to the secretariat chat (OERBOT_SECRETARIAT_CHAT) or else to each secretariat member, with a Reply
button. The secretariat member who presses it types the answer, which is relayed to the asker in their
conversation and language. Questions are tracked until answered (`/questions`, `oerbot questions list`).
The asker's chat identity is kept only while the question is open.
"""

from __future__ import annotations

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Button, ChatRef, OutgoingMessage, Platform, Reply, Role
from bot.core.router import NOT_AN_ANSWER, StaleButton
from bot.core.sanitize import parse_number
from handlers.deps import HandlerDeps
from handlers.faq.chat import FLOW_FAQ, PENDING_QUESTION, PENDING_QUESTION_LANGUAGE
from handlers.members import member_of
from handlers.profile import LANGUAGE_NAMES
from storage.models import ForwardedQuestion
from storage.unit_of_work import SqlUnitOfWork

FLOW_ANSWERING = "answering"
QUOTE_LENGTH = 300


class Handoff:
    def __init__(self, deps: HandlerDeps) -> None:
        self._uow = deps.uow
        self._messenger = deps.messenger
        self._secretariat_chat = deps.secretariat_chat
        self._default_language = deps.default_language

    # -- the member's side --------------------------------------------------------------------

    async def ask(self, ctx: Context) -> Reply:
        if not ctx.args:
            return ctx.reply(
                ctx.t(
                    N_("Type /ask followed by your question, for example: /ask How do I join the coalition?")
                )
            )
        return await self.forward(ctx, ctx.args)

    async def on_offer(self, ctx: Context) -> Reply:
        """The "Ask the secretariat" button under an answer the bot was not sure of."""
        question = ctx.session.data.get(PENDING_QUESTION)
        written_in = ctx.session.data.get(PENDING_QUESTION_LANGUAGE)
        if not isinstance(question, str) or not question:
            raise StaleButton()
        if ctx.session.flow == FLOW_FAQ:
            ctx.move_to(None)
        else:
            ctx.session = ctx.session.with_data(**{PENDING_QUESTION: None, PENDING_QUESTION_LANGUAGE: None})
        return await self.forward(ctx, question, written_in if isinstance(written_in, str) else None)

    async def forward(self, ctx: Context, text: str, written_in: str | None = None) -> Reply:
        """Pass `text` on to the secretariat. `written_in`: the language the question was detected in
        (the answer then comes back in it, as the bot's own answers do), else the member's."""
        user = ctx.message.user
        async with self._uow() as uow:
            question = await uow.questions.add(
                ForwardedQuestion(
                    text=text,
                    language=written_in or ctx.language,
                    asked_at=ctx.now,
                    asker_platform=user.platform.value,
                    asker_user_id=user.user_id,
                    asker_chat_id=ctx.message.chat.chat_id,
                )
            )
            recipients = await self._recipients(uow)
            await uow.commit()
        assert question.id is not None
        delivered = [
            await self._messenger.send(self._notice(ctx, question, chat, language))
            for chat, language in recipients
        ]
        kept = ctx.t(
            N_("To deliver the answer, I keep your question with your chat account until it is answered.")
        )
        if any(delivered):
            said = ctx.t(
                N_(
                    "I've forwarded your question to the coalition's secretariat (number {number}). "
                    "Their answer will arrive here."
                ),
                number=question.id,
            )
        else:
            said = ctx.t(
                N_(
                    "I've recorded your question for the coalition's secretariat (number {number}). "
                    "Their answer will arrive here."
                ),
                number=question.id,
            )
        return ctx.reply(f"{said}\n{kept}")

    # -- the secretariat's side ---------------------------------------------------------------

    async def list_open(self, ctx: Context) -> Reply:
        async with self._uow() as uow:
            questions = await uow.questions.with_status("open", limit=10)
        if not questions:
            return ctx.reply(ctx.t(N_("No question is waiting for an answer.")))
        lines = [ctx.t(N_("Questions waiting for an answer:")), ""]
        buttons = []
        for question in questions:
            lines.append(
                f"#{question.id} · {ctx.translator.datetime(question.asked_at, 'short')} · "
                f"{_quote(question.text)}"
            )
            buttons.append([Button(ctx.t(N_("Reply to {number}"), number=question.id), f"ans:{question.id}")])
        return ctx.reply("\n".join(lines), buttons)

    async def on_reply_button(self, ctx: Context) -> Reply:
        question_id = parse_number((ctx.message.button_payload or "").partition(":")[2])
        async with self._uow() as uow:
            question = await uow.questions.get(question_id) if question_id else None
        if question is None:
            raise StaleButton()
        if question.status != "open":
            return ctx.reply(ctx.t(N_("Question {number} has already been answered."), number=question.id))
        ctx.move_to(FLOW_ANSWERING, "text", question_id=question.id)
        return self._answer_prompt(ctx, question)

    async def on_answer_text(self, ctx: Context, text: str) -> list[Reply]:
        question_id = ctx.session.data.get("question_id")
        if not isinstance(question_id, int):
            return list(NOT_AN_ANSWER)
        async with self._uow() as uow:
            question = await uow.questions.get(question_id)
            if question is None or question.status != "open":
                ctx.move_to(None)
                return [
                    ctx.reply(ctx.t(N_("Question {number} has already been answered."), number=question_id))
                ]
            delivered = await self._relay(ctx, question, text)
            await self._close(uow, ctx, question, delivered)
            await uow.commit()
        ctx.move_to(None)
        if delivered:
            return [
                ctx.reply(ctx.t(N_("Your answer to question {number} was delivered."), number=question_id))
            ]
        return [
            ctx.reply(
                ctx.t(
                    N_(
                        "I could not deliver your answer to question {number}: "
                        "the member can no longer be reached."
                    ),
                    number=question_id,
                )
            )
        ]

    async def reprompt(self, ctx: Context) -> Reply | None:
        question_id = ctx.session.data.get("question_id")
        async with self._uow() as uow:
            question = await uow.questions.get(question_id) if isinstance(question_id, int) else None
        return self._answer_prompt(ctx, question) if question is not None else None

    # -- helpers ------------------------------------------------------------------------------

    def _answer_prompt(self, ctx: Context, question: ForwardedQuestion) -> Reply:
        return ctx.reply(
            ctx.t(
                N_("Type your answer to question {number}; I will send it to the member:"), number=question.id
            )
            + f"\n\n{_quote(question.text)}"
        )

    async def _recipients(self, uow: SqlUnitOfWork) -> list[tuple[ChatRef, str]]:
        """Where forwarded questions go, with the language to write in."""
        if self._secretariat_chat is not None:
            return [(self._secretariat_chat, self._default_language)]
        recipients = []
        for member in await uow.members.with_role(Role.SECRETARIAT.value):
            assert member.id is not None
            for identity in await uow.members.identities(member.id):
                if identity.reachable and identity.platform != Platform.CONSOLE.value:
                    chat = ChatRef(Platform(identity.platform), identity.platform_user_id)
                    recipients.append((chat, member.language or self._default_language))
        return recipients

    def _notice(
        self, ctx: Context, question: ForwardedQuestion, chat: ChatRef, language: str
    ) -> OutgoingMessage:
        translator = ctx.catalogs.translator(language)
        text = translator.t(
            N_("Question {number} from a member, written in {language}:"),
            number=question.id,
            language=LANGUAGE_NAMES.get(question.language, question.language),
        )
        reply = Reply(
            text=translator.paragraphs(f"{text}\n\n{question.text}"),
            buttons=(
                (Button(translator.t(N_("Reply to {number}"), number=question.id), f"ans:{question.id}"),),
            ),
            direction=translator.direction,
        )
        return OutgoingMessage(to=chat, reply=reply)

    async def _relay(self, ctx: Context, question: ForwardedQuestion, answer: str) -> bool:
        if not (question.asker_platform and question.asker_chat_id):
            return False
        translator = ctx.catalogs.translator(question.language)
        text = translator.t(
            N_("The coalition's secretariat answered your question “{question}”:"),
            question=_quote(question.text),
        )
        reply = Reply(text=translator.paragraphs(f"{text}\n\n{answer}"), direction=translator.direction)
        chat = ChatRef(Platform(question.asker_platform), question.asker_chat_id)
        return await self._messenger.send(OutgoingMessage(to=chat, reply=reply))

    async def _close(
        self, uow: SqlUnitOfWork, ctx: Context, question: ForwardedQuestion, delivered: bool
    ) -> None:
        """Record the outcome, forget the asker's identity, and audit the secretariat's action."""
        actor = await member_of(uow, ctx)
        question.status = "answered" if delivered else "undeliverable"
        question.answered_at = ctx.now
        question.answered_by_member_id = actor.id if actor else None
        question.asker_platform = question.asker_user_id = question.asker_chat_id = None
        await uow.questions.touch(question)
        await uow.audit.record(
            at=ctx.now,
            actor="member",
            actor_member_id=actor.id if actor else None,
            action="question.answer",
            detail=f"question={question.id} {question.status}",
        )


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"
