"""What handlers are given by the composition root (explicit dependencies, no globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.messages import ChatRef, Role
from bot.core.ports import Messenger
from bot.core.router import CommandRoute
from handlers.faq.engine import AnsweringEngine
from storage.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class HandlerDeps:
    uow: UnitOfWorkFactory
    # The commands a role may use, for /help (the router owns the table).
    commands_for: Callable[[Role], list[CommandRoute]]
    # Proactive messages: questions forwarded to the secretariat, answers relayed back.
    messenger: Messenger
    # The knowledge base's answering engine, built once at start-up.
    faq: AnsweringEngine
    # Where forwarded questions go; None: to each secretariat member.
    secretariat_chat: ChatRef | None = None
    default_language: str = "en"
    # Shown at the end of the privacy notice (an address of the secretariat); empty to leave it out.
    privacy_contact: str = ""
