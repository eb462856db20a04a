"""The learning loop: questions the bot is unsure of are logged, and the secretariat promotes them
to phrasings of a topic in one step, which the bot then answers."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.bootstrap import App, apply_configured_admins, build_app, load_promoted_phrasings
from bot.config import Settings
from bot.core.i18n import Catalogs
from bot.core.messages import Platform
from handlers.faq.engine import AnsweringEngine
from handlers.faq.knowledge import load_knowledge_base
from storage import migrate
from tests.fakes import Chat, FakeClock

ROOT = Path(__file__).resolve().parents[2]
# Nothing in the knowledge base says "tote bag": the bot cannot know this is about NC use.
UNKNOWN_WORDING = "may our museum shop print the tote bag artwork"


@pytest.fixture
async def learning_app(
    sqlite_url: str, settings_for: Callable[..., Settings], clock: FakeClock, catalogs: Catalogs
) -> AsyncIterator[App]:
    """An app with an engine of its own, since these tests teach it new phrasings."""
    settings = settings_for(sqlite_url, OERBOT_ADMINS="telegram:1001")
    await asyncio.to_thread(migrate.upgrade, sqlite_url)
    app = build_app(
        settings, clock=clock, catalogs=catalogs, faq=AnsweringEngine(load_knowledge_base(ROOT / "locales"))
    )
    await apply_configured_admins(app)
    yield app
    await app.aclose()


def chat_on(app: App, user_id: str, clock: FakeClock) -> Chat:
    return Chat(app.router, clock, user_id, platform=Platform.TELEGRAM)


async def test_an_unsure_question_is_logged_anonymously_and_promoted_in_one_step(
    learning_app: App, clock: FakeClock
) -> None:
    app = learning_app
    member = chat_on(app, "2002", clock)
    await member.send(UNKNOWN_WORDING)
    assert "not sure" in member.text and "ask:offer" in [b.payload for b in member.last[0].all_buttons]
    async with app.uow() as uow:
        (logged,) = await uow.unanswered.waiting()
    assert (logged.text, logged.language, logged.member_id) == (UNKNOWN_WORDING, "en", None)

    secretariat = chat_on(app, "1001", clock)
    await secretariat.send("/unanswered")
    assert f"#{logged.id}" in secretariat.text and "tote bag" in secretariat.text
    await secretariat.send(f"/promote {logged.id} nc-commercial-use")
    assert "nc-commercial-use" in secretariat.text

    await member.send(UNKNOWN_WORDING)  # the very next time, the bot knows
    expected = app.faq.kb.topic("nc-commercial-use")
    assert expected is not None and expected.text("en").answer[:60] in member.text
    async with app.uow() as uow:
        assert await uow.unanswered.waiting() == []
        (phrasing,) = await uow.phrasings.all()
        entries = await uow.audit.latest()
    assert (phrasing.topic, phrasing.language) == ("nc-commercial-use", "en")
    assert entries[0].action == "faq.promote" and entries[0].actor_member_id is not None


async def test_a_consenting_members_logged_question_is_theirs_and_erased_with_them(
    learning_app: App, clock: FakeClock
) -> None:
    app = learning_app
    member = chat_on(app, "3003", clock)
    await member.send("/start")
    await member.press("consent:yes")
    await member.send(UNKNOWN_WORDING)
    (reply,) = await member.send("/mydata")
    assert UNKNOWN_WORDING.encode() in reply.attachments[0].content
    await member.send("/forget")
    await member.press("forget:yes")
    async with app.uow() as uow:
        (logged,) = await uow.unanswered.waiting()
    assert logged.member_id is None and logged.text == UNKNOWN_WORDING  # kept, anonymised


async def test_promotions_are_checked_and_survive_a_restart(learning_app: App, clock: FakeClock) -> None:
    app = learning_app
    await chat_on(app, "4004", clock).send(UNKNOWN_WORDING)
    secretariat = chat_on(app, "1001", clock)
    for command in ("/promote", "/promote x nc-commercial-use", "/promote 1"):
        await secretariat.send(command)
        assert "Usage: /promote" in secretariat.text
    await secretariat.send("/promote 99 nc-commercial-use")
    assert secretariat.text == "There is no logged question number 99."
    await secretariat.send("/promote 1 no-such-topic")
    assert secretariat.text == "There is no topic “no-such-topic”."
    async with app.uow() as uow:
        (waiting,) = await uow.unanswered.waiting()
        assert await uow.phrasings.all() == []
    assert (waiting.id, waiting.text) == (1, UNKNOWN_WORDING)  # still waiting, nothing promoted
    await secretariat.send("/promote 1 nc-commercial-use")

    fresh = AnsweringEngine(load_knowledge_base(ROOT / "locales"))
    assert fresh.ask(UNKNOWN_WORDING).topic != "nc-commercial-use"
    restarted = build_app(app.settings, clock=clock, catalogs=app.catalogs, faq=fresh)
    try:
        assert await load_promoted_phrasings(restarted) == 1
        assert fresh.ask(UNKNOWN_WORDING).topic == "nc-commercial-use"
    finally:
        await restarted.aclose()


async def test_members_cannot_review(learning_app: App, clock: FakeClock) -> None:
    member = chat_on(learning_app, "5005", clock)
    for command in ("/unanswered", "/promote 1 cc-by", "/dismiss 1"):
        await member.send(command)
        assert "only for the coalition's secretariat" in member.text


def test_the_review_works_from_the_command_line(tmp_path: Path) -> None:
    environment = {**os.environ, "OERBOT_LOCALES_DIR": str(ROOT / "locales"), "HOME": str(tmp_path)}
    environment.pop("DATABASE_URL", None)

    def oerbot(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(Path(sys.executable).with_name("oerbot")), *args],
            input=stdin,
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert oerbot("chat", "--user", "ines", stdin=f"{UNKNOWN_WORDING}\n").returncode == 0
    listing = oerbot("faq", "unanswered")
    assert "#1" in listing.stdout and "tote bag" in listing.stdout
    wrong = oerbot("faq", "promote", "1", "no-such-topic")
    assert wrong.returncode == 2 and "There is no topic “no-such-topic”." in wrong.stderr, wrong.stderr
    promoted = oerbot("faq", "promote", "1", "nc-commercial-use")
    assert promoted.returncode == 0, promoted.stderr
    assert "no unanswered question" in oerbot("faq", "unanswered").stdout
    assert "faq.promote" in oerbot("audit").stdout
    answered = oerbot("chat", "--user", "ines", stdin=f"{UNKNOWN_WORDING}\n")
    expected = load_knowledge_base(ROOT / "locales").topic("nc-commercial-use")
    assert expected is not None and expected.text("en").answer[:60] in answered.stdout, answered.stdout
