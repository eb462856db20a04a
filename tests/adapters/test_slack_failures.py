"""When Slack says no: rate limits waited out, unreachable people recorded, outages survived, and nothing
personal in the logs."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from sqlmodel import select

from bot.bootstrap import App
from bot.core.messages import Button, ChatRef, OutgoingMessage, Platform, Reply
from storage.models import Identity
from tests.adapters.fake_slack import SlackHarness, dm_of, eventually, mention_event, running_slack
from tests.fakes import FakeClock


@pytest.fixture
async def slack(app: App, clock: FakeClock) -> AsyncIterator[SlackHarness]:
    async with running_slack(app, clock, api_timeout=1.0) as harness:
        yield harness


async def reachable(app: App, user_id: str) -> bool:
    async with app.uow() as uow:
        statement = select(Identity).where(Identity.platform == "slack", Identity.platform_user_id == user_id)
        (identity,) = (await uow.members._session.exec(statement)).all()
        return identity.reachable


async def become_member(slack: SlackHarness, user_id: str) -> None:
    question = await slack.dm(user_id, "/start")
    await slack.press(user_id, question.params, "consent:yes", type="message", channel_id=dm_of(user_id))
    await eventually(lambda: len(slack.fake.calls_to("chat.postMessage")) >= 2)
    await slack.adapter.drain()


def to(chat_id: str, text: str = "The Advisory Group meets on Thursday.") -> OutgoingMessage:
    return OutgoingMessage(ChatRef(Platform.SLACK, chat_id), Reply(text=text))


async def test_a_rate_limit_is_waited_out_and_the_message_delivered(slack: SlackHarness) -> None:
    slack.fake.fail("chat.postMessage", status=429, retry_after=1)

    answer = await slack.dm("U1AMINA", "/help")

    assert "Here is what I can do" in answer.params["blocks"][0]["text"]["text"]
    refused, delivered = slack.fake.calls_to("chat.postMessage")
    assert delivered.at - refused.at >= 1.0  # Retry-After: 1 was respected
    assert slack.failures == []


async def test_a_rate_limit_longer_than_the_bot_waits_fails_the_send(slack: SlackHarness) -> None:
    slack.fake.fail("chat.postMessage", status=429, retry_after=120)

    assert await slack.adapter.send(to("U1AMINA")) is False
    assert len(slack.fake.calls_to("chat.postMessage")) == 1
    assert slack.failures == ["ratelimited"]


@pytest.mark.parametrize("error", ["channel_not_found", "is_archived", "not_in_channel", "user_not_found"])
async def test_a_person_slack_cannot_reach_is_marked_unreachable_until_they_write_again(
    app: App, slack: SlackHarness, error: str
) -> None:
    await become_member(slack, "U2LUC")
    slack.fake.fail("chat.postMessage", error=error)

    assert await slack.adapter.send(to("U2LUC")) is False

    assert slack.failures == [error]
    assert await reachable(app, "U2LUC") is False
    await slack.dm("U2LUC", "/help")
    assert await reachable(app, "U2LUC") is True


async def test_a_failed_answer_in_the_dm_marks_the_person_too(app: App, slack: SlackHarness) -> None:
    await become_member(slack, "U2LUC")
    slack.fake.fail("chat.postMessage", error="is_archived")

    await slack.dm("U2LUC", "/help")

    assert await reachable(app, "U2LUC") is False


async def test_a_channel_the_bot_is_not_in_marks_nobody(app: App, slack: SlackHarness) -> None:
    await become_member(slack, "U2LUC")
    slack.fake.fail("chat.postEphemeral", error="not_in_channel")
    slack.fake.fail("chat.postMessage", error="channel_not_found")

    await slack.event(mention_event("U2LUC", "<@UBOT> /help", channel="C0SECRET"))
    await eventually(lambda: bool(slack.fake.calls_to("chat.postEphemeral")))
    await slack.adapter.drain()
    assert await slack.adapter.send(to("C0GONE")) is False

    assert slack.failures == ["not_in_channel", "channel_not_found"]
    assert await reachable(app, "U2LUC") is True


async def test_an_inactive_bot_account_is_an_operator_problem_not_the_persons(
    app: App, slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    await become_member(slack, "U2LUC")
    slack.fake.fail("chat.postMessage", error="account_inactive")

    assert await slack.adapter.send(to("U2LUC")) is False

    assert slack.failures == ["account_inactive"]
    assert await reachable(app, "U2LUC") is True
    assert any(r.levelno == logging.ERROR and "account_inactive" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("status", "delay", "reason"),
    [(500, 0.0, "server_error"), (503, 0.0, "server_error"), (200, 3.0, "timeout")],
)
async def test_outages_and_timeouts_fail_the_send_and_the_bot_keeps_running(
    slack: SlackHarness, status: int, delay: float, reason: str
) -> None:
    slack.fake.fail("chat.postMessage", status=status, delay=delay, error="ignored" if delay else None)

    assert await slack.adapter.send(to("U1AMINA")) is False
    assert slack.failures == [reason]
    assert await slack.adapter.send(to("U1AMINA", "Second try")) is True
    answer = await slack.dm("U1AMINA", "/help")
    assert "Here is what I can do" in answer.params["blocks"][0]["text"]["text"]


async def test_an_outage_while_answering_loses_that_answer_only(slack: SlackHarness) -> None:
    slack.fake.locales["U1AMINA"] = "fr-FR"
    slack.fake.fail("users.info", status=500)
    slack.fake.fail("chat.postMessage", status=502)

    await slack.dm("U1AMINA", "/help")  # answered in the default language, then lost to the 502
    answer = await slack.dm("U1AMINA", "/privacy")

    lost, delivered = slack.fake.calls_to("chat.postMessage")
    assert "Here is what I can do" in lost.params["text"]
    assert answer is delivered and "Privacy notice" in delivered.params["blocks"][0]["text"]["text"]
    assert slack.failures == ["server_error"]
    assert len(slack.fake.calls_to("users.info")) == 1  # a failed lookup is not retried on every message


async def test_an_expired_response_url_falls_back_to_an_ephemeral_message(slack: SlackHarness) -> None:
    slack.fake.fail("response_url", error="expired_url", status=404)

    await slack.command("U1AMINA", "privacy", channel="C0GENERAL")

    await eventually(lambda: bool(slack.fake.calls_to("chat.postEphemeral")))
    (fallback,) = slack.fake.calls_to("chat.postEphemeral")
    assert (fallback.params["channel"], fallback.params["user"]) == ("C0GENERAL", "U1AMINA")
    assert slack.failures == []  # delivered after all: nothing for the failure metric


async def test_no_message_text_or_user_id_is_logged_at_info_or_above(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    slack.fake.fail("chat.postMessage", error="channel_not_found")
    slack.fake.fail("users.info", error="user_not_found")

    await slack.dm("U9SECRETUSER", "my secret question about CC BY")
    await slack.event(mention_event("U9SECRETUSER", "<@UBOT> another secret"))
    await eventually(lambda: bool(slack.fake.calls_to("chat.postEphemeral")))
    await slack.adapter.send(
        OutgoingMessage(ChatRef(Platform.SLACK, "U9SECRETUSER"), Reply("x", ((Button("b", "p:1"),),)))
    )
    await slack.adapter.drain()

    loud = [record.getMessage() for record in caplog.records if record.levelno >= logging.INFO]
    assert loud, "the failures above must have been logged"
    assert not [line for line in loud if "U9SECRETUSER" in line or "secret" in line]
