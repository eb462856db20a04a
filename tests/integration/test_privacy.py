"""/privacy, /mydata and /forget: a member sees everything stored about them, and can erase it."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import text
from sqlmodel import SQLModel

from bot.bootstrap import App
from bot.core.messages import Platform, Role, UserRef
from handlers.members import set_role
from tests.fakes import Chat
from tests.integration.test_onboarding import onboard


async def all_rows_as_text(app: App) -> str:
    """Every value of every row of every table, as one string to search."""
    dump = []
    async with app.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            rows = (await connection.execute(text(f'SELECT * FROM "{table.name}"'))).all()
            dump += [f"{table.name}: {tuple(row)}" for row in rows]
    return "\n".join(dump)


async def test_the_privacy_notice_says_what_is_stored_why_and_how_to_erase_it(
    chat_with: Callable[..., Chat],
) -> None:
    chat = chat_with("jo-1120")
    await chat.send("/privacy")
    for words in ("language, country, timezone", "Why", "/mydata", "/forget", "24 hours", "secretariat"):
        assert words in chat.text


async def test_mydata_returns_a_readable_summary_and_a_complete_json_file(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("kofi-2231")
    await onboard(chat, country="Ghana")
    (reply,) = await chat.send("/mydata")
    assert "Ghana" in reply.text and "Africa" in reply.text and "Open licensing" in reply.text
    (attachment,) = reply.attachments
    assert attachment.media_type == "application/json"
    document = json.loads(attachment.content)
    assert document["member"]["country"] == "GH"
    assert document["member"]["topics"] == "licensing"
    assert document["member"]["consent"] is True
    assert document["identities"][0]["platform_user_id"] == "kofi-2231"
    stored = await all_rows_as_text(app)
    for value in ("GH", "Africa/Accra", "kofi-2231", "licensing"):
        assert value in stored and value in attachment.content.decode()


async def test_mydata_for_someone_never_stored_says_so(chat_with: Callable[..., Chat]) -> None:
    chat = chat_with("lea-0031")
    (reply,) = await chat.send("/mydata")
    assert "nothing" in reply.text and not reply.attachments


async def test_forget_asks_first_and_erases_every_trace_of_the_member(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("mika-7788")
    await onboard(chat, country="Finland")
    async with app.uow() as uow:  # a role change leaves audit entries that name the member
        await set_role(
            uow,
            target=UserRef(Platform.CONSOLE, "mika-7788"),
            role=Role.ADVISORY,
            now=app.clock.now(),
            actor="command line",
        )
        await uow.commit()
    other = chat_with("nora-5512")
    await onboard(other, country="Chile")

    await chat.send("/forget")
    assert "cannot be undone" in chat.text
    assert "mika-7788" in await all_rows_as_text(app)  # nothing happens before the confirmation
    await chat.press("forget:no")
    assert "mika-7788" in await all_rows_as_text(app)
    await chat.send("/forget")
    await chat.press("forget:yes")
    assert "erased" in chat.text

    stored = await all_rows_as_text(app)
    for identifier in ("mika-7788", "Europe/Helsinki", "FI"):
        assert identifier not in stored
    assert "nora-5512" in stored and "America/Santiago" in stored  # other members are untouched
    async with app.uow() as uow:
        entries = await uow.audit.latest()
    # The audit entry about the role change stays, no longer pointing at anyone.
    assert any(entry.action == "role.set" and entry.target_member_id is None for entry in entries)

    await chat.send("/mydata")
    assert "nothing" in chat.text
    await chat.send("/start")
    assert "May I store these settings?" in chat.text  # a fresh start


async def test_pressing_an_old_erase_button_again_erases_nothing_more(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("omar-3390")
    await onboard(chat)
    await chat.send("/forget")
    await chat.press("forget:yes")
    await chat.press_payload("forget:yes")
    assert "nothing to erase" in chat.text
    await chat.send("/forget")
    assert "nothing to erase" in chat.text


async def test_declining_after_agreeing_drops_the_settings_and_the_bot_stops_using_them(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("lena-4410", language_hint="en")
    await onboard(chat, country="Ghana")
    await chat.send("/language fr")
    assert "Africa/Accra" in await all_rows_as_text(app)

    await chat.send("/start")  # asks for consent again; an old "No" button does the same
    await chat.press_payload("consent:no")

    assert "je n’enregistrerai rien à votre sujet" in chat.text  # said in the language still in use
    stored = await all_rows_as_text(app)
    for value in ("GH", "Africa/Accra", "licensing", "'fr'"):
        assert value not in stored
    await chat.send("/help")
    assert "Here is what I can do" in chat.text  # English again: the French setting went with consent
    (export,) = (await chat.send("/mydata"))[0].attachments
    member = json.loads(export.content)["member"]
    assert (member["country"], member["timezone"], member["language"], member["consent"]) == (
        None,
        None,
        None,
        False,
    )
