"""The FAQ through the console chat, on the whole bot: every topic answerable in every language.

The routes are registered here as handlers/__init__.py will register them (free text and "faq:"
buttons), so that these tests hold before and after the wiring lands.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.adapters.console import ConsoleChat
from bot.bootstrap import App
from bot.core.context import Context
from bot.core.i18n import SUPPORTED_LANGUAGES, Translator
from bot.core.messages import Reply
from handlers.faq.chat import FaqChat, reply_for
from handlers.faq.engine import AnsweringEngine
from handlers.faq.knowledge import load_knowledge_base
from tests.fakes import FakeClock

LOCALES = Path(__file__).resolve().parents[2] / "locales"
KB = load_knowledge_base(LOCALES, require_all_languages=True)
ENGINE = AnsweringEngine(KB)


class Console:
    """A person at the console: types lines, reads what the bot printed since."""

    def __init__(self, app: App, clock: FakeClock, language: str, files: Path) -> None:
        self._out = io.StringIO()
        self._chat = ConsoleChat(
            dispatch=app.router.dispatch,
            now=clock.now,
            user_id=f"reader-{language}",
            translator=app.catalogs.translator(language),
            language_hint=language,
            stdin=io.StringIO(),
            stdout=self._out,
            interactive=False,
            files_dir=files,
        )
        self._clock = clock

    async def type(self, line: str) -> str:
        self._clock.advance(seconds=5)
        start = len(self._out.getvalue())
        await self._chat.handle_line(line)
        return Translator.plain(self._out.getvalue()[start:])


@pytest.fixture
def console(app: App, clock: FakeClock, tmp_path: Path) -> type[Console]:
    # Free text goes straight to the knowledge base here (not first to greetings and the licensing
    # assistant, as in production), so that every topic's own answer can be compared word for word.
    faq = FaqChat(ENGINE)

    async def knowledge_base_only(ctx: Context, text: str) -> Reply:
        return reply_for(ctx, text, ENGINE.ask(text, member_language=ctx.language), ENGINE)

    app.router.free_text(knowledge_base_only)
    app.router.button("faq", faq.on_button)

    def make(language: str) -> Console:
        return Console(app, clock, language, tmp_path)

    return make  # type: ignore[return-value]


def first_line(text: str) -> str:
    return text.strip().splitlines()[0].strip()


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
async def test_every_topic_is_answerable_in_every_language_through_the_console(
    console: type[Console], language: str
) -> None:
    reader = console(language)
    unanswered = []
    for topic in KB.topics:
        text = topic.texts[language]
        printed = await reader.type(text.title)
        if first_line(text.answer) not in printed:
            unanswered.append(topic.id)
    assert not unanswered, f"not answered in {language} by their titles: {unanswered}"


async def test_a_follow_up_is_pressed_by_typing_its_number(console: type[Console]) -> None:
    reader = console("en")
    printed = await reader.type("What does CC BY-SA allow?")
    assert "  [1] " in printed
    related = KB.topic(KB.topic("cc-by-sa").related[0])  # type: ignore[union-attr]
    assert related is not None
    assert first_line(related.texts["en"].answer) in await reader.type("1")


async def test_an_unanswerable_question_offers_the_secretariat(console: type[Console]) -> None:
    printed = await console("en").type("Who will win the cricket match on Sunday?")
    assert "I'd rather not guess" in printed
    assert "Ask the secretariat" in printed


@pytest.mark.parametrize(
    "line",
    ["x" * 20_000, "😀😀😀", "\u200b\u200b", "مرحبا CC BY-SA", "Что такое OER? 什么是OER? What is OER?", "?"],
)
async def test_bad_input_gets_a_polite_reply_and_the_console_goes_on(
    console: type[Console], line: str
) -> None:
    reader = console("en")
    printed = await reader.type(line)
    assert printed.strip()
    assert "something went wrong" not in printed
    assert "CC0" in await reader.type("What is CC0?")
