"""Telegram's "/" command menus: the members' menu in every private chat, and the secretariat's in the
chats of the people who hold that role, kept in step with the role as it is granted and withdrawn.

Each menu is set in the seven languages (Telegram picks by the person's app language) and, as the
default, in English. A menu Telegram refuses is logged and skipped: the bot works without it, and the
router refuses secretariat commands to anyone else whatever their menu shows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Collection

from telegram import Bot, BotCommandScope, BotCommandScopeAllPrivateChats, BotCommandScopeChat
from telegram.error import TelegramError

from bot.adapters.telegram_render import bot_commands
from bot.core.i18n import SUPPORTED_LANGUAGES
from bot.core.menu import CommandMenus, MenuEntry
from bot.core.messages import Role

log = logging.getLogger("oerbot.telegram")

# Roles granted in this process are seen at once; this catches those granted elsewhere (`oerbot admin`).
RECHECK_SECONDS = 600.0

SecretariatIds = Callable[[], Awaitable[Collection[str]]]


class TelegramMenus:
    def __init__(self, bot: Bot, menus: CommandMenus, secretariat_ids: SecretariatIds) -> None:
        self._bot = bot
        self._menus = menus
        self._secretariat_ids = secretariat_ids
        self._shown: set[str] = set()  # chats that have the secretariat's menu
        self._changed = asyncio.Event()
        self._watch: asyncio.Task[None] | None = None

    async def publish(self) -> None:
        """Set every menu, then keep the secretariat's in step with the role until stop()."""
        await _set_menu(self._bot, BotCommandScopeAllPrivateChats(), self._menus.get(Role.MEMBER, {}))
        await self.refresh()
        self._watch = asyncio.create_task(self._keep_current())

    def members_changed(self) -> None:
        """Some member changed (perhaps a role): look again soon, once however many changes come."""
        self._changed.set()

    async def refresh(self) -> None:
        """Give the secretariat's menu to chats that gained the role, and take it from those that lost it."""
        try:
            current = {user_id for user_id in await self._secretariat_ids() if user_id.isdigit()}
        except Exception:  # the menus stay as they are; the router still checks every command's role
            log.warning(
                "could not read the secretariat's Telegram ids; their menus are unchanged", exc_info=True
            )
            return
        for user_id in sorted(current - self._shown):
            await _set_menu(
                self._bot, BotCommandScopeChat(int(user_id)), self._menus.get(Role.SECRETARIAT, {})
            )
        for user_id in sorted(self._shown - current):
            await _delete_menu(self._bot, BotCommandScopeChat(int(user_id)))
        self._shown = current

    async def stop(self) -> None:
        if self._watch is not None:
            self._watch.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watch
            self._watch = None

    async def _keep_current(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(RECHECK_SECONDS):
                    await self._changed.wait()
            self._changed.clear()
            await self.refresh()


async def _set_menu(bot: Bot, scope: BotCommandScope, menus: dict[str, list[MenuEntry]]) -> None:
    for language in (None, *SUPPORTED_LANGUAGES):
        commands = bot_commands(menus.get(language or "en", []))
        try:
            await bot.set_my_commands(commands, scope=scope, language_code=language)
        except TelegramError as error:
            log.warning("could not set a %s command menu: %s", scope.type, error.message)


async def _delete_menu(bot: Bot, scope: BotCommandScope) -> None:
    """Without its own menu, the chat shows the members' menu again."""
    for language in (None, *SUPPORTED_LANGUAGES):
        try:
            await bot.delete_my_commands(scope=scope, language_code=language)
        except TelegramError as error:
            log.warning("could not remove a %s command menu: %s", scope.type, error.message)
