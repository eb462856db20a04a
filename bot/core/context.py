"""The per-message context a handler receives: who, in which language, when, and the conversation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.core.i18n import Catalogs, Translator
from bot.core.messages import Button, IncomingMessage, Reply, Role
from bot.core.ports import MemberProfile
from bot.core.session import Session


@dataclass
class Context:
    """Built by the router for one message. Handlers read it and may move the session along."""

    message: IncomingMessage
    member: MemberProfile
    catalogs: Catalogs
    translator: Translator
    now: datetime
    session: Session
    args: str = ""

    @property
    def language(self) -> str:
        return self.translator.language

    @property
    def role(self) -> Role:
        return self.member.role

    def t(self, message: str, /, **values: Any) -> str:
        return self.translator.t(message, **values)

    def nt(self, singular: str, plural: str, count: int, /, **values: Any) -> str:
        return self.translator.nt(singular, plural, count, **values)

    def reply(
        self,
        text: str,
        buttons: list[list[Button]] | tuple[tuple[Button, ...], ...] = (),
        **kwargs: Any,
    ) -> Reply:
        """A reply in this member's language and direction."""
        rows = tuple(tuple(row) for row in buttons)
        return Reply(
            text=self.translator.paragraphs(text),
            buttons=rows,
            direction=self.translator.direction,
            language=self.translator.language,
            **kwargs,
        )

    def use_language(self, language: str, timezone: str | None = None) -> None:
        """Speak `language` from here on in this message (e.g. right after the member chose it)."""
        self.translator = self.catalogs.translator(language, timezone or self.translator.timezone)

    def move_to(self, flow: str | None, step: str | None = None, **data: Any) -> None:
        self.session = self.session.at(flow, step, **data)
