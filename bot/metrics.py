"""Prometheus metrics: messages handled, replies, failures and handling time, by platform.

Kept in a registry of its own (not the library's global one), so that tests and several apps in one
process never collide.
"""

from __future__ import annotations

import time

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from bot.core.messages import IncomingMessage, Reply
from bot.core.ports import Dispatch

__all__ = ["CONTENT_TYPE_LATEST", "Metrics"]


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.messages = Counter(
            "oerbot_messages_total",
            "Messages and button presses received (kind: text, button, or passive for a platform's own view)",
            ["platform", "kind"],
            registry=self.registry,
        )
        self.replies = Counter(
            "oerbot_replies_total", "Replies produced", ["platform"], registry=self.registry
        )
        self.delivery_failures = Counter(
            "oerbot_delivery_failures_total",
            "Messages a platform refused or could not deliver",
            ["platform", "reason"],
            registry=self.registry,
        )
        self.handling_seconds = Histogram(
            "oerbot_handling_seconds",
            "Time from a message reaching the core to its replies being ready",
            ["platform"],
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
            registry=self.registry,
        )

    def instrument(self, dispatch: Dispatch) -> Dispatch:
        """Wrap the router's dispatch so that every platform's traffic is counted the same way."""

        async def dispatch_counted(message: IncomingMessage) -> list[Reply]:
            platform = message.user.platform.value
            kind = "button" if message.button_payload is not None else "text"
            if message.passive:  # drawn for the person (Slack's Home tab), not sent by them
                kind = "passive"
            self.messages.labels(platform, kind).inc()
            started = time.perf_counter()
            replies = await dispatch(message)
            self.handling_seconds.labels(platform).observe(time.perf_counter() - started)
            self.replies.labels(platform).inc(len(replies))
            return replies

        return dispatch_counted

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
