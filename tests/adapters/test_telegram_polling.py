"""The Telegram adapter by long polling, with the real bot behind it and a fake Bot API in front."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from bot.adapters.telegram import TelegramAdapter
from bot.bootstrap import App
from bot.core.i18n import SUPPORTED_LANGUAGES
from bot.core.messages import Platform, Role, UserRef
from handlers.members import set_role
from tests.adapters.fake_telegram import (
    FakeBotApi,
    RecordingDispatch,
    callback_query,
    command,
    eventually,
    group_message,
    mention,
    message,
    running_adapter,
    sticker,
    wiring,
)

CONSENT_QUESTION = "May I store these settings?"


@pytest.fixture
async def adapter(app: App, fake: FakeBotApi, recorder: RecordingDispatch) -> AsyncIterator[TelegramAdapter]:
    async with running_adapter(fake, **wiring(app, recorder)) as running:
        yield running


async def consent_of(app: App, user_id: str) -> bool | None:
    async with app.uow() as uow:
        member = await uow.members.by_identity("telegram", user_id)
    return member.consent if member else None


@pytest.mark.usefixtures("adapter")
async def test_start_asks_for_consent_with_buttons_and_a_press_is_answered_then_handled(
    app: App, fake: FakeBotApi
) -> None:
    fake.push_update(command("start", user_id=501))
    [question] = await eventually(lambda: fake.messages(501))
    assert CONSENT_QUESTION in question.visible_text
    assert question.params["parse_mode"] == "HTML"
    assert [[button["callback_data"] for button in row] for row in question.buttons] == [
        ["consent:yes"],
        ["consent:no"],
        ["privacy:show"],
    ]

    press = callback_query("consent:yes", user_id=501)
    fake.push_update(press)
    messages = await eventually(lambda: fake.messages(501)[1:])
    assert "Which language should I use?" in messages[0].visible_text
    [answer] = fake.calls_to("answerCallbackQuery")
    assert answer.params["callback_query_id"] == press["callback_query"]["id"]
    assert answer.at <= messages[0].at  # the spinner stops before the next question is sent
    assert await consent_of(app, "501") is True


@pytest.mark.usefixtures("adapter")
async def test_a_french_telegram_app_gets_french_and_a_deep_link_passes_through_unchanged(
    app: App, fake: FakeBotApi, recorder: RecordingDispatch
) -> None:
    french = app.catalogs.translator("fr").gettext(CONSENT_QUESTION)
    assert french != CONSENT_QUESTION
    fake.push_update(command("start", user_id=511, language_code="fr"))
    fake.push_update(command("start", "fr", user_id=512, language_code="en"))  # t.me/<bot>?start=fr
    await eventually(lambda: fake.messages(511) and fake.messages(512))
    assert french in fake.texts(511)[0]
    assert french in fake.texts(512)[0]
    seen = {m.user.user_id: m for m in recorder.seen}
    assert seen["511"].user == UserRef(Platform.TELEGRAM, "511", language_hint="fr")
    assert seen["511"].chat.chat_id == "511" and seen["511"].chat.is_private
    assert seen["512"].text == "/start fr"


async def test_stopping_confirms_the_offset_of_every_update_it_fetched(app: App, fake: FakeBotApi) -> None:
    async with running_adapter(fake, **wiring(app)):
        fake.push_update(command("help", user_id=521))
        last = fake.push_update(command("help", user_id=522))
        await eventually(lambda: fake.messages(521) and fake.messages(522))
    assert fake.pending == []
    assert fake.last_offset == last + 1
    final = fake.calls_to("getUpdates")[-1]
    assert final.params["timeout"] == 0 and final.params["offset"] == last + 1
    assert "deleteWebhook" in [call.method for call in fake.calls]


@pytest.mark.usefixtures("adapter")
async def test_in_groups_only_commands_for_this_bot_and_mentions_are_answered(
    fake: FakeBotApi, recorder: RecordingDispatch
) -> None:
    # User 601's updates are handled in order, so the last one answered means the others were seen.
    fake.push_update(group_message("hello everyone", user_id=601, chat_id=-1001))
    fake.push_update(group_message("/help@another_bot", user_id=601, chat_id=-1001))
    fake.push_update(sticker(user_id=601, chat_id=-1001, chat_type="supergroup"))
    fake.push_update(group_message("/help", user_id=601, chat_id=-1001, is_bot=True))
    fake.push_update(group_message("/help@OER_test_bot", user_id=601, chat_id=-1001))
    fake.push_update(mention("what is OER?", before="Hey ", user_id=602, chat_id=-1002, chat_type="group"))
    fake.push_update(group_message("/help", user_id=603, chat_id=-1003))
    await eventually(lambda: all(fake.messages(chat) for chat in (-1001, -1002, -1003)))
    assert sorted((m.chat.chat_id, m.text) for m in recorder.seen) == [
        ("-1001", "/help"),
        ("-1002", "Hey what is OER?"),
        ("-1003", "/help"),
    ]
    assert not any(m.chat.is_private for m in recorder.seen)
    assert [len(fake.messages(chat)) for chat in (-1001, -1002, -1003)] == [1, 1, 1]


@pytest.mark.usefixtures("adapter")
async def test_a_sticker_or_a_photo_without_caption_gets_the_empty_message_reply(fake: FakeBotApi) -> None:
    fake.push_update(sticker(user_id=531))
    photo = [{"file_id": "p1", "file_unique_id": "u-p1", "width": 90, "height": 90}]
    fake.push_update(message(None, user_id=532, extra={"photo": photo}))
    await eventually(lambda: fake.messages(531) and fake.messages(532))
    assert "I received an empty message" in fake.texts(531)[0]
    assert "I received an empty message" in fake.texts(532)[0]


@pytest.mark.usefixtures("adapter")
async def test_a_20000_character_message_gets_the_too_long_reply(fake: FakeBotApi) -> None:
    fake.push_update(message("x" * 20_000, user_id=541))
    [reply] = await eventually(lambda: fake.texts(541))
    assert "too long" in reply and "20,000" in reply


@pytest.mark.usefixtures("adapter")
async def test_markup_characters_in_a_reply_are_escaped_and_shown_as_typed(fake: FakeBotApi) -> None:
    fake.push_update(message("/<b>&x", user_id=551))  # the core repeats an unknown command back
    [sent] = await eventually(lambda: fake.messages(551))
    assert "/&lt;b&gt;&amp;x" in sent.params["text"]
    assert "/<b>&x" in sent.visible_text


@pytest.mark.usefixtures("adapter")
async def test_an_unknown_button_token_is_answered_as_an_expired_button(fake: FakeBotApi) -> None:
    fake.push_update(callback_query("~forgotten-token", user_id=561))
    [reply] = await eventually(lambda: fake.texts(561))
    assert "That button has expired" in reply
    assert len(fake.calls_to("answerCallbackQuery")) == 1


@pytest.mark.usefixtures("adapter")
async def test_the_same_update_delivered_twice_is_handled_once(
    fake: FakeBotApi, recorder: RecordingDispatch
) -> None:
    update = {"update_id": 7000, **command("help", user_id=571)}
    fake.push_update(update)
    fake.push_update(update)
    fake.push_update(message("/privacy", user_id=571))  # handled after both copies
    await eventually(lambda: len(fake.messages(571)) == 2)
    assert [m.text for m in recorder.seen] == ["/help", "/privacy"]


@pytest.mark.usefixtures("adapter")
async def test_updates_that_are_not_messages_for_the_bot_are_ignored_and_it_keeps_answering(
    fake: FakeBotApi, recorder: RecordingDispatch
) -> None:
    post = {
        "message_id": 1,
        "date": 0,
        "chat": {"id": -1009, "type": "channel", "title": "News"},
        "text": "hi",
    }
    fake.push_update({"channel_post": post})
    fake.push_update({"some_future_update": {"anything": 1}})
    fake.push_update(
        message(
            None,
            user_id=581,
            extra={"pinned_message": {"message_id": 3, "date": 0, "chat": {"id": 581, "type": "private"}}},
        )
    )
    fake.push_update(message("an edit", user_id=581, kind="edited_message"))
    await eventually(lambda: fake.messages(581))
    await eventually(lambda: not fake.pending)  # all fetched and confirmed
    assert [(m.user.user_id, m.text) for m in recorder.seen] == [("581", "an edit")]


async def test_logs_name_the_update_kind_and_chat_type_but_never_the_text_or_who(
    app: App, fake: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with running_adapter(fake, **wiring(app)):
        fake.push_update(message("my secret question about CC BY", user_id=987654321))
        await eventually(lambda: fake.messages(987654321))
    assert "message update from a private chat" in caplog.text
    loud = "\n".join(
        record.getMessage()
        for record in caplog.records
        if record.levelno >= logging.INFO and not record.name.startswith("aiohttp")  # the fake's own logs
    )
    assert "secret question" not in loud
    assert "987654321" not in loud
    assert fake.token not in loud


async def test_menus_are_set_in_every_language_and_the_secretariat_gets_theirs(
    app: App, fake: FakeBotApi
) -> None:
    async with app.uow() as uow:
        await set_role(
            uow,
            target=UserRef(Platform.TELEGRAM, "777"),
            role=Role.SECRETARIAT,
            now=app.clock.now(),
            actor="test",
        )
        await uow.commit()
    async with running_adapter(fake, **wiring(app)):
        calls = fake.calls_to("setMyCommands")
    members = [c for c in calls if c.params["scope"] == {"type": "all_private_chats"}]
    secretariat = [c for c in calls if c.params["scope"] == {"type": "chat", "chat_id": 777}]
    assert len(calls) == len(members) + len(secretariat) == 16
    assert sorted(c.params.get("language_code", "") for c in members) == sorted(["", *SUPPORTED_LANGUAGES])
    assert sorted(c.params.get("language_code", "") for c in secretariat) == sorted(
        ["", *SUPPORTED_LANGUAGES]
    )

    def names(call_: object) -> list[str]:
        return [command["command"] for command in call_.params["commands"]]  # type: ignore[attr-defined]

    assert all(c.ok for c in calls)
    assert "grant" not in names(members[0]) and "start" in names(members[0])
    assert {"grant", "audit", "start"} <= set(names(secretariat[0]))
    french = next(c for c in members if c.params.get("language_code") == "fr")
    start = next(command for command in french.params["commands"] if command["command"] == "start")
    expected = app.catalogs.translator("fr").gettext(
        "set up your profile: language, country, timezone, topics"
    )
    assert start["description"] == expected
    default = next(c for c in members if "language_code" not in c.params)
    english = next(c for c in members if c.params.get("language_code") == "en")
    assert default.params["commands"] == english.params["commands"]


async def test_the_secretariat_menu_follows_the_role_while_the_bot_runs(app: App, fake: FakeBotApi) -> None:
    async def grant(role: Role) -> None:
        async with app.uow() as uow:
            await set_role(
                uow, target=UserRef(Platform.TELEGRAM, "888"), role=role, now=app.clock.now(), actor="test"
            )
            await uow.commit()

    def for_chat(method: str) -> list[object]:
        return [c for c in fake.calls_to(method) if c.params.get("scope") == {"type": "chat", "chat_id": 888}]

    async with running_adapter(fake, **wiring(app)) as adapter:
        app.member_changes.subscribe(adapter.members_changed)
        assert for_chat("setMyCommands") == []

        await grant(Role.SECRETARIAT)
        await eventually(lambda: len(for_chat("setMyCommands")) == 1 + len(SUPPORTED_LANGUAGES))

        await grant(Role.MEMBER)
        await eventually(lambda: len(for_chat("deleteMyCommands")) == 1 + len(SUPPORTED_LANGUAGES))
        assert len(for_chat("setMyCommands")) == 1 + len(SUPPORTED_LANGUAGES)  # nothing set again
