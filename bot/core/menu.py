"""The command menus platforms show (Telegram's "/" menu): per role and language, from the router."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.i18n import SUPPORTED_LANGUAGES, Catalogs
from bot.core.messages import Role
from bot.core.router import Router


@dataclass(frozen=True)
class MenuEntry:
    command: str
    description: str


# role -> language -> entries, in the router's order
CommandMenus = dict[Role, dict[str, list[MenuEntry]]]


def command_menus(router: Router, catalogs: Catalogs) -> CommandMenus:
    return {
        role: {
            language: [
                MenuEntry(route.name, catalogs.translator(language).gettext(route.summary))
                for route in router.commands_for(role)
            ]
            for language in SUPPORTED_LANGUAGES
        }
        for role in Role
    }
