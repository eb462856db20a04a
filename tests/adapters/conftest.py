"""Adapter tests talk to fake platform servers on 127.0.0.1 through the real libraries' HTTP stacks."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.bootstrap import App
from tests.adapters.fake_telegram import FakeBotApi, RecordingDispatch


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy may carry loopback traffic, and no real platform token may leak into a test."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    for name in ("TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotApi]:
    """A fake Telegram Bot API on an ephemeral port."""
    async with FakeBotApi() as api:
        yield api


@pytest.fixture
def recorder(app: App) -> RecordingDispatch:
    """The real bot's dispatch, recording what the core was given and answered."""
    return RecordingDispatch(app.router.dispatch)
