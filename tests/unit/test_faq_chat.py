"""FAQ replies in the chat: answer with sources and follow-ups, "did you mean", and honest abstention."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.core.context import Context
from bot.core.i18n import Catalogs
from bot.core.messages import ChatRef, IncomingMessage, Platform, Reply, UserRef
from bot.core.ports import MemberProfile
from bot.core.router import StaleButton
from bot.core.session import Session
from handlers.faq.chat import ASK_OFFER, FLOW_FAQ, PENDING_QUESTION, FaqChat, render, render_topic, reply_for
from handlers.faq.engine import Answer, AnsweringEngine
from handlers.faq.knowledge import load_knowledge_base

LOCALES = Path(__file__).resolve().parents[2] / "locales"
KB = load_knowledge_base(LOCALES, require_all_languages=True)
CATALOGS = Catalogs.untranslated()
ENGLISH = CATALOGS.translator("en")


@pytest.fixture(scope="module")
def faq() -> FaqChat:
    return FaqChat(AnsweringEngine(KB))


async def ask(faq: FaqChat, ctx: Context, text: str) -> Reply:
    """The knowledge-base step of the chat's free-text path (handlers/questions.py)."""
    engine = faq._engine
    return reply_for(ctx, text, engine.ask(text, member_language=ctx.language), engine)


def context(
    text: str | None = None, payload: str | None = None, language: str = "en", session: Session | None = None
) -> Context:
    user = UserRef(Platform.CONSOLE, "ana", language)
    return Context(
        message=IncomingMessage(
            user=user,
            chat=ChatRef(Platform.CONSOLE, "ana"),
            received_at=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
            text=text,
            button_payload=payload,
        ),
        member=MemberProfile(language=language),
        catalogs=CATALOGS,
        translator=CATALOGS.translator(language),
        now=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
        session=session or Session(),
    )


def test_a_confident_answer_shows_its_sources_review_date_and_follow_ups() -> None:
    topic = KB.topic("cc-by-sa")
    assert topic is not None
    rendered = render_topic(topic, KB, ENGLISH, member_language="en")
    assert rendered.text.startswith(topic.texts["en"].answer)
    assert "Sources:" in rendered.text
    for url in topic.sources:
        assert f"• {url}" in rendered.text
    assert (
        f"Last reviewed: {topic.last_reviewed:%B} {topic.last_reviewed.day}, {topic.last_reviewed.year}"
        in rendered.text
    )
    buttons = [button for row in rendered.buttons for button in row]
    assert 2 <= len(buttons) <= 3
    assert [b.payload for b in buttons] == [f"faq:{related}" for related in topic.related[:3]]
    assert [b.label for b in buttons] == [KB.topic(r).texts["en"].title for r in topic.related[:3]]  # type: ignore[union-attr]


def test_a_topic_without_public_sources_still_says_when_it_was_reviewed() -> None:
    topic = next(t for t in KB.topics if not t.sources)
    rendered = render_topic(topic, KB, ENGLISH, member_language="en")
    assert "Sources:" not in rendered.text and "Last reviewed:" in rendered.text


def test_an_ambiguous_question_offers_the_close_topics_and_the_secretariat() -> None:
    answer = Answer("cc-by-sa", 0.3, "en", ["sa-sharealike"], "ambiguous")
    rendered = render(answer, KB, ENGLISH, member_language="en")
    assert rendered.text == "Did you mean…?"
    payloads = [button.payload for row in rendered.buttons for button in row]
    assert payloads == ["faq:cc-by-sa", "faq:sa-sharealike", ASK_OFFER]


def test_an_abstention_says_so_and_offers_the_secretariat() -> None:
    rendered = render(Answer(None, 0.1, "en"), KB, ENGLISH, member_language="en")
    assert "I'm not sure I can answer that correctly, and I'd rather not guess." in rendered.text
    assert [(b.label, b.payload) for row in rendered.buttons for b in row] == [
        ("Ask the secretariat", ASK_OFFER)
    ]


async def test_a_question_is_answered_with_the_topics_text(faq: FaqChat) -> None:
    ctx = context("What does CC BY-SA allow?")
    reply = await ask(faq, ctx, "What does CC BY-SA allow?")
    assert reply.text.startswith(KB.topic("cc-by-sa").texts["en"].answer)  # type: ignore[union-attr]
    assert all(b.payload.startswith("faq:") for b in reply.all_buttons)
    assert PENDING_QUESTION not in ctx.session.data


async def test_an_unanswerable_question_is_kept_for_the_secretariat(faq: FaqChat) -> None:
    ctx = context("What's the weather in Lima tomorrow?")
    reply = await ask(faq, ctx, "What's the weather in Lima tomorrow?")
    assert [b.payload for b in reply.all_buttons] == [ASK_OFFER]
    assert ctx.session.data[PENDING_QUESTION] == "What's the weather in Lima tomorrow?"
    assert ctx.session.flow == FLOW_FAQ  # so that the router keeps the session until the button


async def test_a_waiting_flow_is_not_disturbed_by_an_unanswerable_question(faq: FaqChat) -> None:
    ctx = context("Who won the match?", session=Session(flow="onboarding", step="country"))
    await ask(faq, ctx, "Who won the match?")
    assert (ctx.session.flow, ctx.session.step) == ("onboarding", "country")
    assert ctx.session.data[PENDING_QUESTION] == "Who won the match?"


async def test_a_follow_up_button_answers_that_topic_in_the_members_language(faq: FaqChat) -> None:
    reply = await faq.on_button(context(payload="faq:cc0"))
    assert reply.text.startswith(KB.topic("cc0").texts["en"].answer)  # type: ignore[union-attr]


@pytest.mark.parametrize("payload", ["faq:no-such-topic", "faq:", "faq:cc0:xx"])
async def test_a_stale_or_forged_faq_button_is_refused(faq: FaqChat, payload: str) -> None:
    with pytest.raises(StaleButton):
        await faq.on_button(context(payload=payload))


async def test_the_answer_comes_in_the_questions_language_not_the_members(faq: FaqChat) -> None:
    ctx = context("Qu'est-ce que la licence CC BY-SA ?", language="en")
    reply = await ask(faq, ctx, "Qu'est-ce que la licence CC BY-SA ?")
    assert KB.topic("cc-by-sa").texts["fr"].answer in reply.text  # type: ignore[union-attr]
    assert all(b.payload.endswith(":fr") for b in reply.all_buttons)


async def test_an_arabic_answer_is_laid_out_right_to_left(faq: FaqChat) -> None:
    reply = await ask(faq, context("ما هي رخصة CC BY-SA؟"), "ما هي رخصة CC BY-SA؟")
    assert reply.direction == "rtl"


def test_arabic_follow_up_buttons_with_a_latin_title_are_laid_out_right_to_left() -> None:
    topic = KB.topic("cc-by-sa")
    assert topic is not None and "cc-by" in topic.related
    rendered = render_topic(topic, KB, CATALOGS.translator("ar"), member_language="en")
    labels = {b.payload: b.label for row in rendered.buttons for b in row}
    assert KB.topic("cc-by").texts["ar"].title.startswith("CC BY")  # type: ignore[union-attr]
    assert labels["faq:cc-by:ar"].startswith("\u200f")
    assert all(label.startswith("\u200f") for label in labels.values())


def test_arabic_did_you_mean_buttons_with_a_latin_title_are_laid_out_right_to_left() -> None:
    answer = Answer("cc-by", 0.3, "ar", ["cc-by-sa"], "ambiguous")
    rendered = render(answer, KB, CATALOGS.translator("ar"), member_language="ar")
    topics = [b for row in rendered.buttons for b in row if b.payload != ASK_OFFER]
    assert [b.payload for b in topics] == ["faq:cc-by", "faq:cc-by-sa"]
    assert [b.label for b in topics] == [
        "\u200f" + KB.topic(topic_id).texts["ar"].title  # type: ignore[union-attr]
        for topic_id in ("cc-by", "cc-by-sa")
    ]
