"""The bot's one HTTP server: health, metrics, and the platforms' webhooks (Slack events, Telegram).

Platform adapters contribute their own routes; this module knows none of them.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

from aiohttp import web

log = logging.getLogger("oerbot.http")

HealthCheck = Callable[[], Awaitable[bool]]
Exposition = Callable[[], bytes]


class HttpServer:
    def __init__(
        self,
        *,
        host: str,
        port: int,
        health: HealthCheck,
        metrics: Exposition,
        metrics_content_type: str,
        routes: Sequence[web.RouteDef] = (),
    ) -> None:
        self._host = host
        self._port = port
        self._health = health
        self._metrics = metrics
        self._metrics_content_type = metrics_content_type
        self._app = web.Application(client_max_size=1024**2)
        self._app.add_routes(
            [web.get("/healthz", self._healthz), web.get("/metrics", self._serve_metrics), *routes]
        )
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        self._runner = web.AppRunner(self._app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        log.info("HTTP server listening on %s:%d", self._host, self.port)

    @property
    def port(self) -> int:
        """The port actually bound (useful when configured as 0)."""
        if self._runner is None or not self._runner.addresses:
            return self._port
        return int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _healthz(self, _request: web.Request) -> web.Response:
        if await self._health():
            return web.json_response({"status": "ok"})
        return web.json_response({"status": "database unavailable"}, status=503)

    async def _serve_metrics(self, _request: web.Request) -> web.Response:
        response = web.Response(body=self._metrics())
        response.headers["Content-Type"] = self._metrics_content_type
        return response
