"""Slack's transport rules: signed requests, the 3-second ack, retried events, malformed payloads, Socket
Mode. Every request goes over loopback through aiohttp, bolt and slack-sdk."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator

import pytest

from bot.adapters.slack import SlackAdapter, SlackStartError
from bot.bootstrap import App
from bot.core.messages import IncomingMessage, Reply
from handlers.members import SqlIdentityRegistry
from tests.adapters.fake_slack import (
    BOT_ID,
    BOT_TOKEN,
    BOT_USER_ID,
    SIGNING_SECRET,
    FakeSlack,
    SlackHarness,
    command_form,
    dm_event,
    dm_of,
    event_callback,
    eventually,
    form,
    home_opened_event,
    mention_event,
    running_slack,
)
from tests.fakes import FakeClock


@pytest.fixture
async def slack(app: App, clock: FakeClock) -> AsyncIterator[SlackHarness]:
    async with running_slack(app, clock) as harness:
        yield harness


async def test_the_url_verification_challenge_is_answered(slack: SlackHarness) -> None:
    body = json.dumps(
        {
            "token": "t",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification",
        }
    )

    posted = await slack.post(body)

    assert posted.status == 200
    assert json.loads(posted.text) == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


async def test_a_bad_signature_is_refused_with_401(slack: SlackHarness) -> None:
    body = json.dumps(event_callback(dm_event("U1AMINA", "/help")))

    forged = await slack.post(body, headers={"X-Slack-Signature": "v0=" + "0" * 64})
    unsigned = await slack.post(body, sign=False)

    assert (forged.status, unsigned.status) == (401, 401)
    await slack.adapter.drain()
    assert slack.fake.sent() == []


async def test_a_timestamp_older_than_five_minutes_is_refused_with_401(slack: SlackHarness) -> None:
    body = json.dumps(event_callback(dm_event("U1AMINA", "/help")))

    stale = await slack.post(body, timestamp=int(time.time()) - 6 * 60)

    assert stale.status == 401
    await slack.adapter.drain()
    assert slack.fake.sent() == []


async def test_a_retried_event_is_acked_and_answered_once(slack: SlackHarness) -> None:
    event = dm_event("U1AMINA", "/help")

    first = await slack.event(event, event_id="Ev0RETRY")
    retries = [await slack.event(event, event_id="Ev0RETRY", retry=number) for number in (1, 2, 3)]

    assert [first.status, *(retry.status for retry in retries)] == [200, 200, 200, 200]
    await slack.dm("U1AMINA", "/privacy")  # answered after anything the retries could have caused
    assert len(slack.fake.calls_to("chat.postMessage")) == 2


async def test_the_bots_own_messages_and_other_bots_are_ignored(slack: SlackHarness) -> None:
    for event in (
        dm_event(BOT_USER_ID, "Here is what I can do"),
        dm_event("U0OTHER", "hello", bot_id="B0OTHERBOT"),
        {**dm_event(BOT_USER_ID, "hi"), "bot_id": BOT_ID},
        dm_event("U1AMINA", "edited", subtype="message_changed"),
        mention_event(BOT_USER_ID, f"<@{BOT_USER_ID}> /help"),
    ):
        assert (await slack.event(event)).status == 200

    await slack.dm("U1AMINA", "/help")
    assert len(slack.fake.sent()) == 1


async def test_a_slow_core_never_delays_the_ack(app: App, clock: FakeClock) -> None:
    release = asyncio.Event()

    async def slow_core(message: IncomingMessage) -> list[Reply]:
        await release.wait()
        return [Reply(text=f"finally: {message.text or message.button_payload}")]

    async with running_slack(app, clock, dispatch=slow_core) as slack:
        event = await slack.event(dm_event("U1AMINA", "hello"))
        command = await slack.command("U1AMINA", "help", channel="C0GENERAL")
        message = {
            "blocks": [
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": "oer-0",
                            "value": "x:1",
                            "text": {"type": "plain_text", "text": "X"},
                        }
                    ],
                }
            ]
        }
        press = await slack.press("U1AMINA", message, "x:1", type="message", channel_id=dm_of("U1AMINA"))

        for posted in (event, command, press):
            assert posted.status == 200
            assert posted.seconds < 1.0  # Slack allows 3 s; the core has not even answered yet
        assert slack.fake.sent() == []
        release.set()
        await eventually(lambda: len(slack.fake.sent()) == 3)
    assert sorted(slack.fake.texts()) == ["finally: /oer help", "finally: hello", "finally: x:1"]


async def test_a_persons_messages_are_answered_in_the_order_they_came(app: App, clock: FakeClock) -> None:
    async def uneven_core(message: IncomingMessage) -> list[Reply]:
        await asyncio.sleep(0.2 if message.text == "first" else 0)  # the first takes longest
        return [Reply(text=message.text or "")]

    async with running_slack(app, clock, dispatch=uneven_core) as slack:
        for text in ("first", "second", "third"):
            await slack.event(dm_event("U1AMINA", text))
        await eventually(lambda: len(slack.fake.sent()) == 3)
    assert slack.fake.texts() == ["first", "second", "third"]


UNREADABLE = [
    ("{not json", "application/json"),
    ("[1, 2, 3]", "application/json"),
    (form({"payload": "{not json"}), "application/x-www-form-urlencoded"),
]
EVENTS_MISSING_FIELDS = [
    event_callback({"type": "message", "channel_type": "im", "text": "no user, no channel"}),
    event_callback({"type": "app_mention", "text": "<@UBOT> who?"}),
    event_callback({"type": "app_home_opened", "tab": "home"}),
    event_callback({"type": "reaction_added", "user": "U1AMINA", "reaction": "tada"}),
    {**event_callback({}), "event": {"type": "message"}},
    {"type": "event_callback", "team_id": "T0OER"},
]
INTERACTIONS_MISSING_FIELDS = [  # (payload, status): 400 where bolt itself cannot read the shape
    ({"type": "block_actions", "user": {"id": "U1AMINA"}, "actions": []}, 400),
    ({"type": "block_actions", "user": {"id": "U1AMINA"}, "actions": [{"action_id": "oer-0"}]}, 200),
    ({"type": "block_actions", "actions": [{"action_id": "oer-0", "value": "consent:yes"}]}, 200),
    ({"type": "view_submission", "user": {"id": "U1AMINA"}, "view": {"callback_id": "x"}}, 400),
    ({"type": "view_submission", "user": {"id": "U1AMINA"}, "view": {"type": "modal"}}, 200),
]


async def test_unreadable_bodies_get_400(slack: SlackHarness) -> None:
    statuses = [(await slack.post(body, content_type)).status for body, content_type in UNREADABLE]

    assert statuses == [400, 400, 400]
    await slack.dm("U1AMINA", "/help")  # and the bot still answers
    assert len(slack.fake.sent()) == 1


async def test_events_missing_what_they_need_are_acked_and_ignored(slack: SlackHarness) -> None:
    statuses = [(await slack.post(json.dumps(payload))).status for payload in EVENTS_MISSING_FIELDS]

    assert statuses == [200] * len(EVENTS_MISSING_FIELDS)
    await slack.dm("U1AMINA", "/help")
    assert len(slack.fake.sent()) == 1


async def test_interactions_missing_what_they_need_get_200_or_400_and_change_nothing(
    slack: SlackHarness,
) -> None:
    statuses = [
        (await slack.post(form({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")).status
        for payload, _ in INTERACTIONS_MISSING_FIELDS
    ]

    assert statuses == [status for _, status in INTERACTIONS_MISSING_FIELDS]
    await slack.dm("U1AMINA", "/help")
    assert len(slack.fake.sent()) == 1


async def test_a_slash_command_without_a_user_is_acked_and_ignored(slack: SlackHarness) -> None:
    fields = command_form("U1AMINA", "help", "C0GENERAL", slack.fake.response_url("k"))
    del fields["user_id"]

    posted = await slack.post(form(fields), "application/x-www-form-urlencoded")

    assert posted.status == 200
    await slack.adapter.drain()
    assert slack.fake.sent() == []


async def test_socket_mode_receives_over_the_websocket_and_acks_each_envelope(
    app: App, clock: FakeClock
) -> None:
    async with running_slack(app, clock, socket_mode=True) as slack:
        assert slack.adapter.routes() == []
        await eventually(lambda: bool(slack.fake._sockets))

        await slack.fake.push_envelope("events_api", event_callback(dm_event("U1AMINA", "/help")), "env-1")
        fields = command_form("U2LUC", "privacy", "C0GENERAL", slack.fake.response_url("sock"))
        await slack.fake.push_envelope("slash_commands", fields, "env-2")
        await slack.fake.push_envelope("events_api", event_callback(home_opened_event("U3ZOE")), "env-3")

        await eventually(
            lambda: {ack["envelope_id"] for ack in slack.fake.socket_acks} == {"env-1", "env-2", "env-3"}
        )
        await eventually(lambda: len(slack.fake.sent()) == 2 and bool(slack.fake.calls_to("views.publish")))
    assert [call.method for call in slack.fake.calls if call.method == "apps.connections.open"] == [
        "apps.connections.open"
    ]
    (dm,) = slack.fake.calls_to("chat.postMessage")
    assert dm.params["channel"] == dm_of("U1AMINA")
    (ephemeral,) = slack.fake.calls_to("response_url")
    assert "Privacy notice" in ephemeral.params["blocks"][0]["text"]["text"]


async def test_socket_mode_needs_no_signing_secret_but_http_mode_does(app: App) -> None:
    with pytest.raises(ValueError, match="signing secret"):
        SlackAdapter(
            bot_token="xoxb-1",
            signing_secret=None,
            dispatch=app.router.dispatch,
            identities=SqlIdentityRegistry(app.uow),
            catalogs=app.catalogs,
        )


@pytest.mark.parametrize(
    ("bot_token", "app_token", "named"),
    [("xoxb-wrong", None, "SLACK_BOT_TOKEN"), (BOT_TOKEN, "xapp-wrong", "SLACK_APP_TOKEN")],
)
async def test_a_token_slack_refuses_stops_the_start_with_a_clear_error(
    app: App, bot_token: str, app_token: str | None, named: str
) -> None:
    fake = FakeSlack()
    await fake.start()
    adapter = SlackAdapter(
        bot_token=bot_token,
        signing_secret=SIGNING_SECRET,
        app_token=app_token,
        dispatch=app.router.dispatch,
        identities=SqlIdentityRegistry(app.uow),
        catalogs=app.catalogs,
        api_url=fake.api_url,
    )
    try:
        with pytest.raises(SlackStartError, match=rf"{named} \(invalid_auth\)"):
            await adapter.start()
    finally:
        await adapter.stop()
        await fake.close()


async def test_an_event_arriving_while_the_bot_stops_is_refused_so_that_slack_sends_it_again(
    app: App, clock: FakeClock
) -> None:
    async with running_slack(app, clock) as slack:
        await slack.adapter.stop()  # the service stops adapters before the HTTP server

        posted = await slack.event(dm_event("U1LATE", "/help"))

        assert posted.status == 503  # not acknowledged: Slack retries it
        assert slack.fake.sent() == []
