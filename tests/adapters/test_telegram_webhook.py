"""The Telegram adapter in webhook mode: its route on the bot's own HTTP server, guarded by the secret."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.adapters.http import HttpServer
from bot.adapters.telegram import SECRET_HEADER, TelegramAdapter
from bot.bootstrap import App
from tests.adapters.fake_telegram import (
    FakeBotApi,
    RecordingDispatch,
    command,
    eventually,
    message,
    running_adapter,
    wiring,
)

WEBHOOK_URL = "https://bot.example.org/telegram/hook"
SECRET = "s3cret-Token_for-tests"


class Webhook:
    """Posts to the adapter's route on the bot's HTTP server, as Telegram would."""

    def __init__(self, adapter: TelegramAdapter, server: HttpServer, client: aiohttp.ClientSession) -> None:
        self.adapter = adapter
        self.url = f"http://127.0.0.1:{server.port}/telegram/hook"
        self.client = client

    async def post(
        self, body: Any, *, secret: str | None = SECRET, content_type: str = "application/json"
    ) -> int:
        headers = {"Content-Type": content_type}
        if secret is not None:
            headers[SECRET_HEADER] = secret
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        async with self.client.post(self.url, data=data, headers=headers) as response:
            return response.status

    async def post_update(self, update: dict[str, Any], update_id: int) -> int:
        return await self.post({"update_id": update_id, **update})


@pytest.fixture
async def webhook(app: App, fake: FakeBotApi, recorder: RecordingDispatch) -> AsyncIterator[Webhook]:
    """The adapter in webhook mode, its route served by the bot's HTTP server on a free port."""
    adapter = TelegramAdapter(
        token=fake.token,
        api_url=fake.api_url,
        webhook_url=WEBHOOK_URL,
        webhook_secret=SECRET,
        request_timeout=5.0,
        **wiring(app, recorder),
    )
    server = HttpServer(
        host="127.0.0.1",
        port=0,
        health=app.database_answers,
        metrics=lambda: b"",
        metrics_content_type="text/plain",
        routes=adapter.routes(),
    )
    await server.start()  # first, as the service does: Telegram may post as soon as the hook is set
    await adapter.start()
    try:
        async with aiohttp.ClientSession() as client:
            yield Webhook(adapter, server, client)
    finally:
        await adapter.stop()
        await server.stop()


async def test_the_webhook_is_set_with_the_secret_and_no_polling_happens(
    webhook: Webhook, fake: FakeBotApi
) -> None:
    assert fake.webhook["url"] == WEBHOOK_URL
    assert fake.webhook["secret_token"] == SECRET
    assert fake.webhook["allowed_updates"] == ["message", "edited_message", "callback_query"]
    methods = {call.method for call in fake.calls}
    assert "getUpdates" not in methods and "deleteWebhook" not in methods
    [route] = webhook.adapter.routes()
    assert (route.method, route.path) == ("POST", "/telegram/hook")  # type: ignore[attr-defined]


async def test_an_update_with_the_right_secret_is_accepted_and_answered(
    webhook: Webhook, fake: FakeBotApi
) -> None:
    assert await webhook.post_update(command("start", user_id=901), update_id=1) == 200
    [reply] = await eventually(lambda: fake.texts(901))
    assert "May I store these settings?" in reply


async def test_a_wrong_or_missing_secret_is_refused(
    webhook: Webhook, fake: FakeBotApi, recorder: RecordingDispatch
) -> None:
    update = {"update_id": 2, **command("start", user_id=902)}
    assert await webhook.post(update, secret="not-the-secret") == 403
    assert await webhook.post(update, secret=None) == 403
    assert await webhook.post(update, secret=SECRET + "x") == 403
    assert await webhook.post(update, secret="sécret") == 403  # non-ASCII is compared safely too
    assert recorder.seen == []


async def test_only_json_is_accepted_and_malformed_json_is_a_bad_request(
    webhook: Webhook, recorder: RecordingDispatch
) -> None:
    update = json.dumps({"update_id": 3, **command("help", user_id=903)})
    assert await webhook.post(update, content_type="text/plain") == 415
    assert await webhook.post(update, content_type="application/x-www-form-urlencoded") == 415
    assert await webhook.post('{"update_id": 3, "message": ', content_type="application/json") == 400
    assert await webhook.post(b"\xff\xfe", content_type="application/json") == 400
    assert recorder.seen == []


async def test_json_that_is_not_an_update_is_acknowledged_and_logged_so_telegram_stops_retrying(
    webhook: Webhook, fake: FakeBotApi, recorder: RecordingDispatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="oerbot.telegram")
    for body in (
        [1, 2],
        {"message": {}},
        {"update_id": "4"},
        {"update_id": 4, "message": {"text": "no date"}},
    ):
        assert await webhook.post(body) == 200
    assert caplog.text.count("not a Telegram update") == 4
    assert await webhook.post_update(command("help", user_id=904), update_id=5) == 200  # still answering
    await eventually(lambda: fake.messages(904))
    assert [m.text for m in recorder.seen] == ["/help"]


async def test_the_same_update_delivered_twice_is_answered_once(
    webhook: Webhook, fake: FakeBotApi, recorder: RecordingDispatch
) -> None:
    update = command("help", user_id=905)
    assert await webhook.post_update(update, update_id=6) == 200
    assert await webhook.post_update(update, update_id=6) == 200  # Telegram's retry
    assert await webhook.post_update(message("/privacy", user_id=905), update_id=7) == 200
    await eventually(lambda: len(fake.messages(905)) == 2)  # one person's updates are handled in order
    assert [m.text for m in recorder.seen] == ["/help", "/privacy"]


async def test_without_a_configured_secret_a_strong_one_is_generated_and_required(
    app: App, fake: FakeBotApi
) -> None:
    async with running_adapter(fake, webhook_url="https://bot.example.org/", **wiring(app)) as adapter:
        secret = fake.webhook["secret_token"]
        assert secret == adapter.webhook_secret
        assert re.fullmatch(r"[A-Za-z0-9_-]{32,256}", secret)
        assert [route.path for route in adapter.routes()] == ["/"]  # type: ignore[attr-defined]
    other = TelegramAdapter(token=fake.token, webhook_url="https://bot.example.org/", **wiring(app))
    assert other.webhook_secret != secret


def test_a_webhook_needs_https_and_a_secret_telegram_accepts(app: App) -> None:
    with pytest.raises(ValueError, match="https"):
        TelegramAdapter(token="1:x", webhook_url="http://bot.example.org/hook", **wiring(app))
    with pytest.raises(ValueError, match="A-Z a-z 0-9 _ -"):
        TelegramAdapter(
            token="1:x", webhook_url="https://bot.example.org/hook", webhook_secret="has space", **wiring(app)
        )


def test_in_polling_mode_there_is_no_route(app: App) -> None:
    assert TelegramAdapter(token="1:x", **wiring(app)).routes() == []
