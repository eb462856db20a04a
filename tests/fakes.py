"""Test doubles for the bot's ports, and a driver that holds whole conversations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.core.messages import Button, ChatRef, IncomingMessage, Platform, Reply, UserRef
from bot.core.router import Router


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self.moment = start or datetime(2026, 11, 24, 9, 30, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@dataclass
class Chat:
    """One person talking to the bot, as a platform would deliver their messages."""

    router: Router
    clock: FakeClock
    user_id: str
    platform: Platform = Platform.CONSOLE
    language_hint: str | None = None
    last: list[Reply] = field(default_factory=list)
    # Whether this surface shows forms (as Slack's modals do) rather than asking one question at a time.
    shows_forms: bool = False

    @property
    def user(self) -> UserRef:
        return UserRef(self.platform, self.user_id, self.language_hint)

    async def send(self, text: str) -> list[Reply]:
        return await self._deliver(text=text)

    async def press(self, label_or_payload: str) -> list[Reply]:
        """Press a button of the latest replies, found by its payload or a part of its label."""
        return await self._deliver(payload=self.button(label_or_payload).payload)

    async def press_payload(self, payload: str) -> list[Reply]:
        """Send any payload, as a forged or stale button would."""
        return await self._deliver(payload=payload)

    async def submit(self, payload: str, values: dict[str, str]) -> list[Reply]:
        """Submit a form whose payload is `payload` with `values` (fields not named are left empty)."""
        return await self._deliver(payload=payload, form_values=values)

    def button(self, label_or_payload: str) -> Button:
        buttons = [b for reply in self.last for b in reply.all_buttons]
        for button in buttons:
            if button.payload == label_or_payload:
                return button
        matching = [b for b in buttons if label_or_payload.casefold() in b.label.casefold()]
        if len(matching) != 1:
            labels = [b.label for b in buttons]
            raise AssertionError(f"expected one button matching {label_or_payload!r}, buttons are {labels}")
        return matching[0]

    @property
    def text(self) -> str:
        """All the latest replies' text, joined."""
        return "\n".join(reply.text for reply in self.last)

    async def _deliver(
        self, text: str | None = None, payload: str | None = None, form_values: dict[str, str] | None = None
    ) -> list[Reply]:
        self.clock.advance(seconds=5)
        message = IncomingMessage(
            user=self.user,
            chat=ChatRef(self.platform, self.user_id),
            received_at=self.clock.now(),
            text=text,
            button_payload=payload,
            form_values=form_values,
            can_show_forms=self.shows_forms,
        )
        self.last = await self.router.dispatch(message)
        return self.last
