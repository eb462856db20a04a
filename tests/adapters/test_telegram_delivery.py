"""Delivering to Telegram: long replies, buttons, files, pacing, and every way the Bot API says no."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator

import pytest

from bot.adapters.telegram import TelegramAdapter
from bot.bootstrap import App
from bot.core.messages import (
    Attachment,
    Button,
    ChatRef,
    IncomingMessage,
    OutgoingMessage,
    Platform,
    Reply,
    UserRef,
)
from handlers.members import get_or_create_member
from tests.adapters.fake_telegram import (
    FakeBotApi,
    callback_query,
    eventually,
    message,
    running_adapter,
    wiring,
)


@pytest.fixture
def failures() -> list[str]:
    return []


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries after 5xx and timeouts without the production pauses (the pacing still spaces them)."""
    monkeypatch.setattr(TelegramAdapter, "retry_delays", (0.05, 0.05))


@pytest.fixture
async def adapter(app: App, fake: FakeBotApi, failures: list[str]) -> AsyncIterator[TelegramAdapter]:
    async with running_adapter(fake, on_delivery_failure=failures.append, **wiring(app)) as running:
        yield running


def to(
    chat_id: int,
    text: str,
    buttons: tuple[tuple[Button, ...], ...] = (),
    attachments: tuple[Attachment, ...] = (),
) -> OutgoingMessage:
    return OutgoingMessage(ChatRef(Platform.TELEGRAM, str(chat_id)), Reply(text, buttons, attachments))


async def reachable(app: App, user_id: str) -> bool:
    async with app.uow() as uow:
        member = await uow.members.by_identity("telegram", user_id)
        assert member is not None and member.id is not None
        [identity] = await uow.members.identities(member.id)
    return identity.reachable


async def test_send_delivers_text_buttons_and_files(adapter: TelegramAdapter, fake: FakeBotApi) -> None:
    export = Attachment("my-data.json", b'{"language": "fr"}', "application/json")
    buttons = ((Button("Open", "privacy:show"),),)
    assert await adapter.send(to(701, "Your data <export> & more", buttons, (export,))) is True
    [sent] = fake.messages(701)
    assert sent.visible_text == "Your data <export> & more"
    assert sent.buttons == [[{"text": "Open", "callback_data": "privacy:show"}]]
    [document] = [call for call in fake.calls_to("sendDocument") if call.ok]
    assert document.params["chat_id"] == 701
    assert document.params["document"] == {"filename": "my-data.json", "content": b'{"language": "fr"}'}
    assert document.at >= sent.at


async def test_send_refuses_other_platforms_and_a_stopped_adapter(app: App, fake: FakeBotApi) -> None:
    async with running_adapter(fake, **wiring(app)) as adapter:
        slack = OutgoingMessage(ChatRef(Platform.SLACK, "C123"), Reply(text="hi"))
        assert await adapter.send(slack) is False
        assert await adapter.send(OutgoingMessage(ChatRef(Platform.TELEGRAM, "@x"), Reply("x"))) is False
    assert await adapter.send(to(702, "too late")) is False
    assert fake.messages() == []


async def test_a_5000_character_reply_is_split_at_a_paragraph_with_the_buttons_on_the_last_part(
    app: App, fake: FakeBotApi
) -> None:
    first = "<&> " + "a" * 2996  # 3000 characters, 3012 once escaped
    second = "b" * 1998
    long_reply = Reply(text=f"{first}\n\n{second}", buttons=((Button("More", "help:more"),),))

    async def dispatch(_message: IncomingMessage) -> list[Reply]:
        return [long_reply]

    async with running_adapter(fake, **wiring(app, dispatch)):
        fake.push_update(message("tell me everything", user_id=711))
        parts = await eventually(lambda: fake.messages(711)[1:] and fake.messages(711))
    assert [part.visible_text for part in parts] == [first, second]
    assert [part.buttons for part in parts] == [[], [[{"text": "More", "callback_data": "help:more"}]]]
    assert all(call.ok for call in fake.calls_to("sendMessage"))


async def test_a_payload_longer_than_64_bytes_travels_as_a_token_and_comes_back_whole(
    app: App, fake: FakeBotApi
) -> None:
    long_payload = "pick:" + "é" * 50  # 105 bytes
    pressed: list[str | None] = []

    async def dispatch(incoming: IncomingMessage) -> list[Reply]:
        if incoming.button_payload is None:
            return [Reply(text="Choose", buttons=((Button("This one", long_payload),),))]
        pressed.append(incoming.button_payload)
        return [Reply(text="Noted")]

    async with running_adapter(fake, **wiring(app, dispatch)):
        fake.push_update(message("show me", user_id=721))
        [offer] = await eventually(lambda: fake.messages(721))
        data = offer.buttons[0][0]["callback_data"]
        assert len(data.encode()) <= 64
        fake.push_update(callback_query(data, user_id=722))
        fake.push_update(callback_query("~no-such-token", user_id=723))
        await eventually(lambda: len(pressed) == 2)
    assert sorted(pressed) == ["", long_payload]  # a forgotten token is an expired button


async def test_a_blocked_user_is_marked_unreachable_and_reachable_again_when_they_write(
    app: App, adapter: TelegramAdapter, fake: FakeBotApi, failures: list[str]
) -> None:
    async with app.uow() as uow:
        await get_or_create_member(uow, UserRef(Platform.TELEGRAM, "731"), app.clock.now())
        await uow.commit()
    fake.block_user(731)
    assert await adapter.send(to(731, "Reminder: meeting at 15:00")) is False
    assert failures == ["blocked"]
    assert await reachable(app, "731") is False
    assert len(fake.calls_to("sendMessage")) == 1  # a 403 is not retried

    fake.unblock_user(731)
    fake.push_update(message("/help", user_id=731))
    await eventually(lambda: fake.messages(731))
    # The note that they are reachable again is written after the reply, so wait for it too.
    deadline = asyncio.get_running_loop().time() + 5
    while not await reachable(app, "731"):
        assert asyncio.get_running_loop().time() < deadline, "still unreachable 5 s after they wrote"
        await asyncio.sleep(0.01)


# PTB itself reads RetryAfter.retry_after as it builds the error, which warns about its future type.
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_flood_control_is_honoured_and_the_message_then_delivered(
    adapter: TelegramAdapter, fake: FakeBotApi, failures: list[str]
) -> None:
    fake.fail_next("sendMessage", 429, retry_after=1)
    assert await adapter.send(to(741, "Announcement")) is True
    refused, accepted = fake.calls_to("sendMessage")
    assert refused.status == 429 and accepted.ok
    assert accepted.at - refused.at >= 0.9
    assert failures == ["rate_limited"]


@pytest.mark.usefixtures("quick_retries")
async def test_server_errors_are_retried_a_bounded_number_of_times_and_the_bot_keeps_going(
    adapter: TelegramAdapter, fake: FakeBotApi, failures: list[str]
) -> None:
    fake.fail_next("sendMessage", 502, chat_id=751)
    fake.fail_next("sendMessage", 500, chat_id=752, times=3)
    retried, given_up = await asyncio.gather(adapter.send(to(751, "hello")), adapter.send(to(752, "hello")))
    assert (retried, given_up) == (True, False)
    assert failures == ["server_error"] * 4
    assert [call.status for call in fake.calls_to("sendMessage") if call.params["chat_id"] == 752] == [
        500
    ] * 3
    fake.push_update(message("/help", user_id=753))
    await eventually(lambda: fake.messages(753))


@pytest.mark.usefixtures("quick_retries")
async def test_timeouts_are_retried_a_bounded_number_of_times_and_the_bot_keeps_going(
    app: App, fake: FakeBotApi, failures: list[str]
) -> None:
    async with running_adapter(
        fake, request_timeout=0.5, on_delivery_failure=failures.append, **wiring(app)
    ) as adapter:
        fake.delay(3.0)
        started = time.monotonic()
        assert await adapter.send(to(761, "slow")) is False
        assert time.monotonic() - started < 5
        assert failures == ["timeout"] * 3
        fake.delay(0)
        fake.push_update(message("/help", user_id=762))
        await eventually(lambda: fake.messages(762))


async def test_html_telegram_cannot_parse_is_resent_as_plain_text(
    adapter: TelegramAdapter, fake: FakeBotApi, failures: list[str]
) -> None:
    fake.fail_next("sendMessage", 400, description="Bad Request: can't parse entities: Unsupported start tag")
    assert await adapter.send(to(771, "5 < 6 & 7 > 2")) is True
    refused, plain = fake.calls_to("sendMessage")
    assert refused.params["parse_mode"] == "HTML" and refused.params["text"] == "5 &lt; 6 &amp; 7 &gt; 2"
    assert "parse_mode" not in plain.params and plain.params["text"] == "5 < 6 & 7 > 2" and plain.ok
    assert failures == ["bad_request"]


async def test_other_bad_requests_fail_at_once(
    adapter: TelegramAdapter, fake: FakeBotApi, failures: list[str]
) -> None:
    fake.fail_next("sendMessage", 400, description="Bad Request: chat not found")
    assert await adapter.send(to(781, "hello")) is False
    assert len(fake.calls_to("sendMessage")) == 1
    assert failures == ["bad_request"]


async def test_messages_to_one_chat_are_paced_one_a_second_while_other_chats_are_not_held_up(
    adapter: TelegramAdapter, fake: FakeBotApi
) -> None:
    one_chat = [adapter.send(to(791, f"part {n}")) for n in range(3)]
    other_chats = [adapter.send(to(chat, "hello")) for chat in (792, 793, 794)]
    assert all(await asyncio.gather(*one_chat, *other_chats))
    same = sorted(call.at for call in fake.messages(791))
    assert all(later - earlier >= 0.8 for earlier, later in itertools.pairwise(same))
    others = sorted(call.at for chat in (792, 793, 794) for call in fake.messages(chat))
    assert others[-1] - others[0] < 0.8  # not queued behind chat 791, nor behind each other
