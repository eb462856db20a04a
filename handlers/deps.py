"""What handlers are given by the composition root (explicit dependencies, no globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.messages import Role
from bot.core.router import CommandRoute
from storage.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class HandlerDeps:
    uow: UnitOfWorkFactory
    # The commands a role may use, for /help (the router owns the table).
    commands_for: Callable[[Role], list[CommandRoute]]
    # Shown at the end of the privacy notice (an address of the secretariat); empty to leave it out.
    privacy_contact: str = ""
