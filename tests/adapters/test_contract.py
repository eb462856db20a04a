"""One conversation, three surfaces: the same scripted conversations through the console, Telegram and
Slack, with the same outcomes — what the member reads, the buttons offered, and what is stored.

Each test is written once in the surfaces' common vocabulary (tests/adapters/surfaces.py) and runs on all
three; platform quirks live in the adapters, and the way each platform is driven lives in the drivers.
Sentences are compared with the catalogue's, as the surface shows them (`as_shown`: Slack writes the
bot's commands as /oer subcommands).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlmodel import SQLModel

from bot.bootstrap import App
from bot.core.i18n import Translator
from bot.core.router import StaleButton
from handlers.licensing import attribution
from handlers.licensing.names import LicenseRef, parse_license
from handlers.onboarding import ALL_SET, SAVED
from handlers.privacy import NOTHING_TO_ERASE
from handlers.profile import LANGUAGE_NAMES
from storage.models import Identity, Member
from tests.adapters.surfaces import SURFACES, ForgingSurface, Surface, open_surface
from tests.fakes import FakeClock

CONSENT_QUESTION = "May I store these settings?"
LANGUAGE_QUESTION = "Which language should I use?"
COUNTRY_QUESTION = (
    "Which country are you based in? Type its name in any language, for example "
    "Kenya, Brasil or 日本. Your country tells me your UNESCO region."
)
TIMEZONE_QUESTION = "Which timezone are you in? I use it to send reminders at the right local time."
TOPICS_QUESTION = (
    "Which topics interest you? Press each one you want to follow, then Done. "
    "I use them to send you only the news that matters to you."
)
BACK_TO_THE_STEP = "Now, back to your settings:"
HELP_HEADING = "I'm the assistant of the UNESCO/IGF OER Dynamic Coalition. Here is what I can do:"
SPEAKING_FOR_NOW = (
    "I'll speak {language} for the rest of this conversation. To have me remember it, "
    "let me store your settings: /start"
)
EVERYTHING_STORED = "Everything I store about you:"
ERASE_QUESTION = (
    "This erases everything I store about you: your settings, your role and the link to your "
    "chat account. It cannot be undone. Erase it?"
)
ERASED = (
    "Done: everything I stored about you has been erased. You can still ask me questions; "
    "type /start if you ever want me to remember your settings again."
)
STORES_NOTHING = "I store nothing about you."
EXPIRED = StaleButton().message
QUESTION = "Can I use a CC BY-NC image in a course I charge for?"


@pytest.fixture(params=SURFACES)
async def surface(
    request: pytest.FixtureRequest, app: App, clock: FakeClock, tmp_path: Path
) -> AsyncIterator[Surface]:
    """One member on one surface, talking to the real bot on a migrated SQLite database."""
    async with open_surface(request.param, app, clock, tmp_path / "files") as opened:
        yield opened


def said(surface: Surface, translator: Translator, sentence: str, **values: object) -> str:
    """A catalogue sentence in `translator`'s language, as `surface` shows it."""
    return surface.as_shown(translator.t(sentence, **values))


async def member_of(app: App, surface: Surface) -> Member | None:
    async with app.uow() as uow:
        return await uow.members.by_identity(surface.platform.value, surface.user_id)


async def identities_of(app: App, surface: Surface) -> list[int]:
    statement = select(Identity.id).where(
        Identity.platform == surface.platform.value, Identity.platform_user_id == surface.user_id
    )
    async with app.engine.connect() as connection:
        return list((await connection.execute(statement)).scalars())


async def rows_naming(app: App, surface: Surface) -> list[str]:
    """Every row of every table that mentions this member's platform id."""
    found = []
    async with app.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for row in (await connection.execute(text(f'SELECT * FROM "{table.name}"'))).all():
                if surface.user_id in " ".join(map(str, row)):
                    found.append(f"{table.name}: {tuple(row)}")
    return found


async def agree_and_choose(surface: Surface, language: str) -> str:
    """/start, consent, a language: returns the country question that follows."""
    await surface.say("/start")
    await surface.press("consent:yes")
    (country_question,) = await surface.press(f"pf:lang:{language}")
    return country_question


async def test_onboarding_asks_consent_first_then_language_country_timezone_and_topics(
    surface: Surface, app: App
) -> None:
    english, french = app.catalogs.translator("en"), app.catalogs.translator("fr")

    (consent,) = await surface.say("/start")
    assert said(surface, english, CONSENT_QUESTION) in consent
    assert surface.offered() == ["consent:yes", "consent:no", "privacy:show"]
    assert await rows_naming(app, surface) == []  # nothing stored before consent

    (language,) = await surface.press("consent:yes")
    assert said(surface, english, LANGUAGE_QUESTION) in language
    assert sorted(surface.offered()) == sorted(f"pf:lang:{code}" for code in LANGUAGE_NAMES)

    (country,) = await surface.press("pf:lang:fr")
    assert country == said(surface, french, SAVED) + "\n\n" + said(surface, french, COUNTRY_QUESTION)
    assert surface.offered() == ["pf:country:skip"]

    (timezone,) = await surface.say("Kenya")
    assert said(surface, french, TIMEZONE_QUESTION) in timezone
    assert surface.offered() == ["pf:tz:Africa/Nairobi", "pf:tz:other", "pf:tz:skip"]

    (topics,) = await surface.press("pf:tz:Africa/Nairobi")
    assert said(surface, french, TOPICS_QUESTION) in topics
    assert surface.offered()[-1] == "pf:topics:done"

    (done,) = await surface.press("pf:topics:done")
    assert said(surface, french, ALL_SET) in done
    assert surface.offered() == []

    member = await member_of(app, surface)
    assert member is not None
    assert (member.consent, member.language, member.country, member.timezone) == (
        True,
        "fr",
        "KE",
        "Africa/Nairobi",
    )
    assert member.onboarded_at is not None
    assert len(await identities_of(app, surface)) == 1


async def test_a_question_typed_mid_onboarding_is_answered_and_the_step_is_asked_again(
    surface: Surface, app: App
) -> None:
    english = app.catalogs.translator("en")
    asked = await agree_and_choose(surface, "en")
    step_buttons = surface.offered()

    replies = await surface.say(QUESTION)

    assert len(replies) == 2
    answer, again = replies
    assert answer and said(surface, english, COUNTRY_QUESTION) not in answer  # first the answer...
    question = said(surface, english, COUNTRY_QUESTION)
    assert again == said(surface, english, BACK_TO_THE_STEP) + "\n\n" + question  # ...then the step again
    assert asked.endswith(question)
    assert surface.offered()[-len(step_buttons) :] == step_buttons  # the step's buttons come last again
    (timezone,) = await surface.say("Kenya")  # the step still waits for its answer
    assert said(surface, english, TIMEZONE_QUESTION) in timezone


async def test_a_button_left_on_screen_after_the_data_behind_it_was_erased_says_it_expired(
    surface: Surface, app: App
) -> None:
    await agree_and_choose(surface, "en")
    assert "pf:country:skip" in surface.offered()
    # Meanwhile the member's record is erased (the secretariat, acting on a request by email).
    async with app.uow() as uow:
        member = await uow.members.by_identity(surface.platform.value, surface.user_id)
        assert member is not None and member.id is not None
        await uow.members.erase(member.id)
        await uow.commit()

    (reply,) = await surface.press("pf:country:skip")

    assert reply == said(surface, app.catalogs.translator("en"), EXPIRED)
    assert await rows_naming(app, surface) == []  # the press stored nothing again


@pytest.mark.parametrize("surface", ["telegram", "slack"], indirect=True)  # the console cannot forge
# An answer the button never had, a prefix nobody handles, and a Telegram token for a long payload that
# the adapter forgot in a restart: all within the 64 bytes Telegram allows in callback_data.
@pytest.mark.parametrize("payload", ["consent:maybe", "nosuch:thing", "~token-from-before-a-restart"])
async def test_a_forged_button_payload_says_it_expired_wherever_a_client_can_send_one(
    surface: Surface, app: App, payload: str
) -> None:
    assert isinstance(surface, ForgingSurface)

    (reply,) = await surface.forge(payload)

    assert reply == said(surface, app.catalogs.translator("en"), EXPIRED)
    assert await rows_naming(app, surface) == []


async def test_language_es_makes_every_later_reply_spanish_and_is_kept_once_the_member_agrees(
    surface: Surface, app: App
) -> None:
    spanish = app.catalogs.translator("es")

    (switched,) = await surface.say("/language es")
    assert switched == said(surface, spanish, SPEAKING_FOR_NOW, language=LANGUAGE_NAMES["es"])
    (help_text,) = await surface.say("/help")
    assert help_text.startswith(said(surface, spanish, HELP_HEADING))
    assert await rows_naming(app, surface) == []  # without consent the choice lives in the conversation

    (consent,) = await surface.say("/start")
    assert said(surface, spanish, CONSENT_QUESTION) in consent
    (country,) = await surface.press("consent:yes")
    assert said(surface, spanish, COUNTRY_QUESTION) in country  # the language step is already answered
    member = await member_of(app, surface)
    assert member is not None and (member.consent, member.language) == (True, "es")


async def test_forget_asks_first_then_erases_everything_about_the_member(surface: Surface, app: App) -> None:
    english = app.catalogs.translator("en")
    await surface.say("/start")
    await surface.press("consent:yes")

    (summary,) = await surface.say("/mydata")
    assert summary.startswith(said(surface, english, EVERYTHING_STORED))
    (export,) = surface.attachments()
    document = json.loads(export)
    assert document["member"]["consent"] is True
    assert [(i["platform"], i["platform_user_id"]) for i in document["identities"]] == [
        (surface.platform.value, surface.user_id)
    ]

    (confirm,) = await surface.say("/forget")
    assert confirm == said(surface, english, ERASE_QUESTION)
    assert surface.offered() == ["forget:yes", "forget:no"]
    assert await member_of(app, surface) is not None  # nothing happens before the confirmation

    (erased,) = await surface.press("forget:yes")
    assert erased == said(surface, english, ERASED)
    assert await member_of(app, surface) is None
    assert await identities_of(app, surface) == []
    assert await rows_naming(app, surface) == []

    (nothing,) = await surface.say("/mydata")
    assert nothing == said(surface, english, STORES_NOTHING)
    assert surface.attachments() == []
    (again,) = await surface.say("/forget")
    assert again == said(surface, english, NOTHING_TO_ERASE)


async def test_a_credit_for_a_reused_work_is_the_same_whether_asked_by_form_or_question(
    surface: Surface,
) -> None:
    work = {"title": "Cell Structure", "author": "Jane Doe", "source": "https://example.org/cell-structure"}
    changes = "Cropped and labels translated into Spanish."
    await surface.say("/attribute")
    if surface.shows_forms:  # Slack: the command opens the credit's form as a modal
        shown = await surface.fill_in_form(
            {**work, "license": "CC-BY-4.0", "changed": "mod", "changes": changes}
        )
    else:
        for answer in work.values():
            await surface.say(answer)
        await surface.press("att:lic:CC-BY-4.0")
        await surface.press("att:changed:mod")
        shown = await surface.say(changes)
    by = parse_license("CC BY 4.0")
    assert isinstance(by, LicenseRef)
    expected = attribution.attribute(attribution.Work(**work), by, changes)
    assert shown[-2:] == [expected.plain, expected.html]
    assert shown[0].startswith("Here is the credit, as plain text and then as HTML:")


async def test_the_same_conversation_reads_the_same_on_every_surface(
    app: App, clock: FakeClock, tmp_path: Path
) -> None:
    """Word for word and button for button, beyond the key sentences the tests above check."""
    script = [
        ("say", "/start"),
        ("press", "consent:yes"),
        ("press", "pf:lang:fr"),
        ("say", QUESTION),
        ("say", "Kenya"),
        ("press", "pf:tz:Africa/Nairobi"),
        ("press", "pf:topic:licensing"),
        ("press", "pf:topics:done"),
        ("say", "/settings"),
        ("say", "/language pt"),
    ]
    transcripts: dict[str, list[tuple[list[str], list[str]]]] = {}
    for name in SURFACES:
        async with open_surface(name, app, clock, tmp_path / name) as surface:
            transcript = []
            for action, argument in script:
                replies = await (surface.say if action == "say" else surface.press)(argument)
                transcript.append((replies, surface.offered()))
            transcripts[name] = transcript
            reference = [
                ([surface.as_shown(reply) for reply in replies], offered)
                for replies, offered in transcripts["console"]
            ]
            assert transcript == reference, f"{name} reads differently from the console"
