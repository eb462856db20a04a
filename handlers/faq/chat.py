"""The FAQ in the chat: a member's question answered from the knowledge base, or honestly not.

- Confident: the answer, its sources, when it was last reviewed, and 2-3 follow-up buttons
  ("faq:<topic-id>") labelled with the related topics' titles.
- Ambiguous: "Did you mean...?" with the 2-3 closest topics as buttons.
- Not sure, or not covered: says so, and offers to forward the question to the secretariat (button
  "ask:offer"; the question waits in the session under "pending_question" for the handoff handler).

Answers come in the language the question was written in, which may differ from the member's
setting; a follow-up button keeps that language (its payload then ends with ":<lang>").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from babel.dates import format_date

from bot.core.context import Context
from bot.core.i18n import N_, Translator
from bot.core.messages import Button, Reply
from bot.core.router import StaleButton
from handlers.faq.engine import Answer, AnsweringEngine
from handlers.faq.knowledge import KnowledgeBase, Topic

FAQ_PREFIX = "faq"
ASK_OFFER = "ask:offer"
FLOW_FAQ = "faq"  # keeps the session (and the pending question) alive when no other flow waits
PENDING_QUESTION = "pending_question"
PENDING_QUESTION_LANGUAGE = "pending_question_language"  # the language it was written in
MAX_FOLLOW_UPS = 3

SOURCES = N_("Sources:")
READ_MORE = N_("Read more: {link}")
LAST_REVIEWED = N_("Last reviewed: {date}")
DID_YOU_MEAN = N_("Did you mean…?")
NOT_SURE = N_("I'm not sure I can answer that correctly, and I'd rather not guess.")
OFFER = N_("I can forward your question to the coalition's secretariat, and a person will answer it.")
ASK_SECRETARIAT = N_("Ask the secretariat")


@dataclass(frozen=True)
class Rendered:
    text: str
    buttons: tuple[tuple[Button, ...], ...]
    translator: Translator

    def reply(self) -> Reply:
        return Reply(
            text=self.translator.paragraphs(self.text),
            buttons=self.buttons,
            direction=self.translator.direction,
        )


class FaqChat:
    """The FAQ's follow-up buttons; typed questions reach `reply_for` through handlers/questions.py."""

    def __init__(self, engine: AnsweringEngine) -> None:
        self._engine = engine

    async def on_button(self, ctx: Context) -> Reply:
        """ "faq:<topic-id>" or "faq:<topic-id>:<lang>": answer that topic."""
        _, _, rest = (ctx.message.button_payload or "").partition(":")
        topic_id, _, language = rest.partition(":")
        kb = self._engine.kb
        topic = kb.topic(topic_id)
        if topic is None or (language and language not in kb.languages):
            raise StaleButton()
        language = language or self._engine.fallback_language(ctx.language)
        translator = ctx.catalogs.translator(language, ctx.translator.timezone)
        return render_topic(topic, kb, translator, member_language=ctx.language).reply()


def reply_for(ctx: Context, text: str, answer: Answer, engine: AnsweringEngine) -> Reply:
    """The reply for the engine's decision on `text`; keeps the question when offering the handoff."""
    translator = ctx.catalogs.translator(answer.lang, ctx.translator.timezone)
    if answer.kind != "answer":
        _keep_question(ctx, text, answer.lang)
    return render(answer, engine.kb, translator, member_language=ctx.language).reply()


def render(answer: Answer, kb: KnowledgeBase, translator: Translator, member_language: str) -> Rendered:
    """The reply for the engine's decision, in `translator`'s language (the question's)."""
    topic = kb.topic(answer.topic) if answer.topic else None
    if answer.kind == "answer" and topic is not None:
        return render_topic(topic, kb, translator, member_language)
    if answer.kind == "ambiguous" and topic is not None:
        choices = [topic, *(kb.topic(topic_id) for topic_id in answer.alternatives)]
        rows = [
            (_topic_button(choice, translator, member_language),)
            for choice in choices[:MAX_FOLLOW_UPS]
            if choice is not None
        ]
        rows.append((Button(translator.t(ASK_SECRETARIAT), ASK_OFFER),))
        return Rendered(translator.t(DID_YOU_MEAN), tuple(rows), translator)
    text = f"{translator.t(NOT_SURE)}\n{translator.t(OFFER)}"
    return Rendered(text, ((Button(translator.t(ASK_SECRETARIAT), ASK_OFFER),),), translator)


def render_topic(topic: Topic, kb: KnowledgeBase, translator: Translator, member_language: str) -> Rendered:
    """A topic's answer with its sources, review date and follow-up buttons."""
    language = translator.language
    text = topic.text(language)
    parts = [text.answer]
    if topic.sources:
        links = "\n".join(f"• {translator.isolate(url)}" for url in topic.sources)
        parts.append(f"{translator.t(SOURCES)}\n{links}")
    footer = []
    if topic.read_more and topic.read_more not in topic.sources:
        footer.append(translator.t(READ_MORE, link=topic.read_more))
    reviewed = _long_date(topic.last_reviewed, language)
    footer.append(translator.t(LAST_REVIEWED, date=reviewed))
    parts.append("\n".join(footer))
    related = [found for topic_id in topic.related if (found := kb.topic(topic_id)) is not None]
    buttons = tuple(
        (_topic_button(other, translator, member_language),) for other in related[:MAX_FOLLOW_UPS]
    )
    return Rendered("\n\n".join(parts), buttons, translator)


def _topic_button(topic: Topic, translator: Translator, member_language: str) -> Button:
    """A button labelled with the topic's title in `translator`'s language, laid out in its direction
    ("CC BY: ..." in Arabic starts with a right-to-left mark); a title that fell back to English is
    left as it is."""
    language = translator.language
    payload = f"{FAQ_PREFIX}:{topic.id}"
    if language != member_language:
        payload = f"{payload}:{language}"
    text = topic.texts.get(language)
    label = translator.paragraphs(text.title) if text is not None else topic.text(language).title
    return Button(label, payload)


@lru_cache(maxsize=1024)
def _long_date(day: date, language: str) -> str:
    """`day` written out in `language` ("12 March 2025"). Babel takes longer to format it than the
    rest of the answer takes to render, and the knowledge base has few review dates."""
    return str(format_date(day, format="long", locale=language))


def _keep_question(ctx: Context, text: str, language: str) -> None:
    """Keep the question for the "Ask the secretariat" button; a session without a flow would be
    forgotten after this message, so the FAQ's own flow name keeps it when no other flow waits."""
    data = {PENDING_QUESTION: text, PENDING_QUESTION_LANGUAGE: language}
    if ctx.session.flow is None:
        ctx.move_to(FLOW_FAQ, "offer", **data)
    else:
        ctx.session = ctx.session.with_data(**data)
