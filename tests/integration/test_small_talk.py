"""Greetings and thanks get a kind word in their own language, and are not logged as unanswered."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.bootstrap import App
from handlers.small_talk import GREETING, THANKS
from tests.fakes import Chat


@pytest.mark.parametrize(
    ("said", "language", "message"),
    [
        ("Hello!", "en", GREETING),
        ("hi bot 👋", "en", GREETING),
        ("Bonjour à tous", "fr", GREETING),
        ("buenos días", "es", GREETING),
        ("Olá", "pt", GREETING),
        ("السلام عليكم", "ar", GREETING),
        ("Здравствуйте!", "ru", GREETING),
        ("您好", "zh", GREETING),
        ("Thanks!", "en", THANKS),
        ("merci beaucoup", "fr", THANKS),
        ("Obrigada!!", "pt", THANKS),
        ("شكراً", "ar", THANKS),
        ("спасибо", "ru", THANKS),
        ("谢谢！", "zh", THANKS),
    ],
)
async def test_greetings_and_thanks_are_answered_in_their_language(
    app: App, chat_with: Callable[..., Chat], said: str, language: str, message: str
) -> None:
    (reply,) = await chat_with("val-0101", language_hint="en").send(said)
    assert reply.text == app.catalogs.translator(language).paragraphs(
        app.catalogs.translator(language).t(message)
    )
    async with app.uow() as uow:
        assert await uow.unanswered.waiting() == []


async def test_a_greeting_with_a_question_is_a_question(app: App, chat_with: Callable[..., Chat]) -> None:
    (reply,) = await chat_with("val-0102").send("hello, what are open educational resources?")
    assert "Hello! Ask me anything" not in reply.text
    expected = app.faq.kb.topic("oer-definition")
    assert expected is not None and reply.text.startswith(expected.text("en").answer[:60])
