"""The scheduler adapter: APScheduler 3 fires neutral ScheduledEvents into the router at their time.

Schedules are rows in the bot's own tables; at start-up the features that own them re-add their jobs
here, so a restart loses nothing. Jobs live in memory only: one process runs the scheduler.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger

from bot.core.messages import OutgoingMessage, ScheduledEvent
from bot.core.ports import Messenger

log = logging.getLogger("oerbot.scheduler")

EventDispatch = Callable[[ScheduledEvent], Awaitable[Sequence[OutgoingMessage]]]

# A member notification that is a few minutes late is still useful; a day-old one is not.
MISFIRE_GRACE_SECONDS = 300


class Scheduler:
    def __init__(self, *, dispatch_event: EventDispatch, messenger: Messenger) -> None:
        self._dispatch_event = dispatch_event
        self._messenger = messenger
        self._scheduler = AsyncIOScheduler(
            timezone="UTC",
            job_defaults={"misfire_grace_time": MISFIRE_GRACE_SECONDS, "coalesce": True, "max_instances": 1},
        )

    def start(self) -> None:
        self._scheduler.start()

    def stop(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    def schedule(self, job_id: str, event: ScheduledEvent) -> None:
        """Fire `event` at its due time; a job with the same id is replaced (idempotent re-adding)."""
        self._scheduler.add_job(
            self._fire,
            DateTrigger(run_date=event.due_at),
            args=[event],
            id=job_id,
            replace_existing=True,
        )

    def next_run(self, job_id: str) -> datetime | None:
        job = self._scheduler.get_job(job_id)
        return job.next_run_time if job else None

    async def _fire(self, event: ScheduledEvent) -> None:
        for message in await self._dispatch_event(event):
            if not await self._messenger.send(message):
                log.info("scheduled %s: %s recipient unreachable", event.name, message.to.platform)
