"""The service frame of `oerbot run`: health and metrics over HTTP, and scheduled events delivered."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import pytest

from bot.adapters.http import HttpServer
from bot.adapters.scheduler import Scheduler
from bot.bootstrap import App
from bot.core.messages import ChatRef, OutgoingMessage, Platform, Reply, ScheduledEvent
from bot.metrics import CONTENT_TYPE_LATEST, Metrics
from bot.service import MessengerHub
from tests.fakes import Chat


@pytest.fixture
async def served(app: App) -> AsyncIterator[tuple[HttpServer, Metrics]]:
    metrics = Metrics()
    server = HttpServer(
        host="127.0.0.1",
        port=0,
        health=app.database_answers,
        metrics=metrics.exposition,
        metrics_content_type=CONTENT_TYPE_LATEST,
    )
    await server.start()
    yield server, metrics
    await server.stop()


async def test_healthz_answers_200_while_the_database_answers_and_503_when_it_does_not(
    app: App, served: tuple[HttpServer, Metrics], tmp_path: Path
) -> None:
    database_file = tmp_path / "oerbot.db"
    server, _ = served
    async with aiohttp.ClientSession() as client:
        async with client.get(f"http://127.0.0.1:{server.port}/healthz") as response:
            assert response.status == 200
            assert (await response.json()) == {"status": "ok"}
        await app.engine.dispose()
        database_file.unlink()  # gone: SQLite would open an empty one, which is not a working database
        async with client.get(f"http://127.0.0.1:{server.port}/healthz") as response:
            assert response.status == 503


async def test_metrics_count_messages_by_platform_in_prometheus_format(
    app: App, served: tuple[HttpServer, Metrics]
) -> None:
    server, metrics = served
    chat = Chat(SimpleNamespace(dispatch=metrics.instrument(app.router.dispatch)), app.clock, "uma-3")  # type: ignore[arg-type]
    await chat.send("/help")
    await chat.send("/start")
    await chat.press("consent:no")
    async with (
        aiohttp.ClientSession() as client,
        client.get(f"http://127.0.0.1:{server.port}/metrics") as response,
    ):
        body = await response.text()
        assert response.headers["Content-Type"].startswith("text/plain")
    assert 'oerbot_messages_total{kind="text",platform="console"} 2.0' in body
    assert 'oerbot_messages_total{kind="button",platform="console"} 1.0' in body
    assert "oerbot_handling_seconds_bucket" in body


class FakeMessenger:
    def __init__(self) -> None:
        self.sent: list[OutgoingMessage] = []
        self.arrived = asyncio.Event()

    async def send(self, message: OutgoingMessage) -> bool:
        self.sent.append(message)
        self.arrived.set()
        return True


async def test_a_scheduled_event_fires_into_its_handler_and_its_messages_are_sent(app: App) -> None:
    async def remind(event: ScheduledEvent) -> list[OutgoingMessage]:
        return [
            OutgoingMessage(
                ChatRef(Platform.TELEGRAM, "42"), Reply(text=f"reminder: {event.payload['what']}")
            )
        ]

    app.router.event("reminder", remind)
    messenger = FakeMessenger()
    scheduler = Scheduler(dispatch_event=app.router.dispatch_event, messenger=messenger)
    scheduler.start()
    try:
        due = datetime.now(UTC) + timedelta(milliseconds=200)
        scheduler.schedule("reminder-1", ScheduledEvent("reminder", due, {"what": "Advisory Group meeting"}))
        scheduler.schedule("reminder-1", ScheduledEvent("reminder", due, {"what": "Advisory Group meeting"}))
        await asyncio.wait_for(messenger.arrived.wait(), timeout=5)
    finally:
        scheduler.stop()
    assert [m.reply.text for m in messenger.sent] == [
        "reminder: Advisory Group meeting"
    ]  # replaced, not doubled


async def test_the_messenger_hub_refuses_platforms_that_are_not_running() -> None:
    hub = MessengerHub([])
    assert await hub.send(OutgoingMessage(ChatRef(Platform.SLACK, "C1"), Reply(text="x"))) is False
