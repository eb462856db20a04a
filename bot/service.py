"""The long-running service behind `oerbot run`: platform adapters, the scheduler and the HTTP server in
one process and one event loop, started in order and stopped cleanly on SIGTERM or SIGINT."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Sequence
from typing import Protocol

from aiohttp import web

from bot.adapters.http import HttpServer
from bot.adapters.scheduler import Scheduler
from bot.core.messages import OutgoingMessage, Platform
from bot.core.ports import Messenger

log = logging.getLogger("oerbot")


class PlatformAdapter(Protocol):
    """What every platform adapter offers the service (Telegram, Slack)."""

    platform: Platform

    def routes(self) -> list[web.RouteDef]:
        """HTTP routes it needs on the bot's server (webhooks); empty when it polls or uses a socket."""
        ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def send(self, message: OutgoingMessage) -> bool:
        """Deliver a message the bot starts itself; False if the recipient cannot be reached."""
        ...


class MessengerHub:
    """The Messenger for proactive messages: hands each one to the adapter of its platform."""

    def __init__(self, adapters: Sequence[PlatformAdapter] = ()) -> None:
        self._adapters = {adapter.platform: adapter for adapter in adapters}

    async def send(self, message: OutgoingMessage) -> bool:
        adapter = self._adapters.get(message.to.platform)
        if adapter is None:
            log.warning("no %s adapter is running: message not sent", message.to.platform)
            return False
        return await adapter.send(message)


class SwitchableMessenger:
    """The Messenger handlers hold from the start; what it sends through is chosen when the bot knows
    how it runs (the platforms under `oerbot run`, the terminal under `oerbot chat`)."""

    def __init__(self) -> None:
        self._target: Messenger | None = None

    def use(self, target: Messenger) -> None:
        self._target = target

    async def send(self, message: OutgoingMessage) -> bool:
        if self._target is None:
            log.warning("no way to deliver messages yet: %s message not sent", message.to.platform)
            return False
        return await self._target.send(message)


class Service:
    def __init__(
        self, *, http: HttpServer, scheduler: Scheduler, adapters: Sequence[PlatformAdapter]
    ) -> None:
        self.http = http
        self.scheduler = scheduler
        self.adapters = list(adapters)
        self._stop = asyncio.Event()

    def request_stop(self) -> None:
        self._stop.set()

    async def run(self) -> None:
        """Start everything, wait for a stop request (or a signal), then stop in reverse order."""
        loop = asyncio.get_running_loop()
        for signal_number in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signal_number, self.request_stop)
        try:
            await self.start()
            await self._stop.wait()
        finally:
            await self.stop()
            for signal_number in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(signal_number)

    async def start(self) -> None:
        await self.http.start()
        self.scheduler.start()
        for adapter in self.adapters:
            await adapter.start()
            log.info("%s adapter started", adapter.platform.value)

    async def stop(self) -> None:
        for adapter in reversed(self.adapters):
            try:
                await adapter.stop()
            except Exception:
                log.exception("%s adapter did not stop cleanly", adapter.platform.value)
        self.scheduler.stop()
        await self.http.stop()
        log.info("stopped")
