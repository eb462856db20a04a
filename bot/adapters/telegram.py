"""The Telegram adapter: python-telegram-bot on the service's event loop, by long polling or a webhook
served on the bot's own HTTP server, translating updates to IncomingMessage and replies to HTML.

It never runs PTB's run_polling/run_webhook: the service owns the loop, the signals and the HTTP server.
Helpers: telegram_inbound (updates in), telegram_render (text, keyboards, menus), telegram_delivery
(sending and its failures), telegram_limits (pacing). See docs/telegram.md for operating it.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import re
import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from telegram import CallbackQuery, Update
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, TypeHandler
from telegram.request import HTTPXRequest

from bot.adapters.telegram_delivery import TelegramDelivery
from bot.adapters.telegram_inbound import chat_type, to_incoming, update_kind
from bot.adapters.telegram_limits import PerSenderUpdateProcessor, TelegramRateLimiter
from bot.adapters.telegram_menus import TelegramMenus
from bot.adapters.telegram_render import BoundedLru, PayloadStore
from bot.core.menu import CommandMenus
from bot.core.messages import OutgoingMessage, Platform, Role, UserRef
from bot.core.ports import Dispatch, IdentityRegistry

log = logging.getLogger("oerbot.telegram")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
ALLOWED_UPDATES = ("message", "edited_message", "callback_query")
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
TelegramApplication = Application[Any, Any, Any, Any, Any, Any]


# Updates of different people handled at once (one person's always in order). Telegram answers in
# tens of milliseconds, so a few in flight keep the bot busy; more only contend for the one core.
CONCURRENT_UPDATES = 4
# Connections to the Bot API: enough for the updates in flight and the replies they send.
POOL_SIZE = 8


class TelegramAdapter:
    platform = Platform.TELEGRAM
    poll_timeout = 10.0  # seconds Telegram holds a getUpdates long poll
    retry_delays: tuple[float, ...] = (0.5, 1.0)  # pauses before retrying after a 5xx or a timeout

    def __init__(
        self,
        *,
        token: str,
        dispatch: Dispatch,
        identities: IdentityRegistry,
        menus: CommandMenus,
        api_url: str = "https://api.telegram.org/bot",
        webhook_url: str | None = None,
        webhook_secret: str | None = None,
        request_timeout: float = 10.0,
        on_delivery_failure: Callable[[str], None] | None = None,
        rate_limiter: TelegramRateLimiter | None = None,
    ) -> None:
        if webhook_url is not None and urlsplit(webhook_url).scheme != "https":
            raise ValueError("TELEGRAM_WEBHOOK_URL must be an https:// address (Telegram requires TLS)")
        if webhook_secret is not None and not _SECRET.fullmatch(webhook_secret):
            raise ValueError("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters from A-Z a-z 0-9 _ -")
        self._dispatch = dispatch
        self._identities = identities
        self._menus = menus
        self._command_menus: TelegramMenus | None = None
        self._webhook_url = webhook_url
        self._webhook_path = (urlsplit(webhook_url).path or "/") if webhook_url else None
        self._webhook_secret = webhook_secret or secrets.token_urlsafe(32)
        self._on_delivery_failure = on_delivery_failure
        self._payloads = PayloadStore()
        self._recent_updates = BoundedLru(4096)  # Telegram re-sends an update it thinks was lost
        self._reachable = BoundedLru(10_000)  # people already marked reachable by this process
        self._redact_token = _RedactToken(token)
        self._running = False
        self._initialized = False
        # Pacing within Telegram's limits; a benchmark may pass one with other rates.
        self._rate_limiter = rate_limiter or TelegramRateLimiter(
            on_retry_after=lambda: self._report("rate_limited")
        )
        self._application = self._build(token, api_url, request_timeout)
        self._delivery = TelegramDelivery(
            bot=self._application.bot,
            payloads=self._payloads,
            report=self._report,
            on_blocked=self._mark_unreachable,
            retry_delays=self.retry_delays,
        )

    def _build(self, token: str, api_url: str, timeout: float) -> TelegramApplication:
        def request() -> HTTPXRequest:
            # getUpdates gets a client of its own; PTB adds the long-poll time to its read timeout.
            return HTTPXRequest(
                connect_timeout=timeout,
                read_timeout=timeout,
                write_timeout=timeout,
                pool_timeout=timeout,
                connection_pool_size=POOL_SIZE,
            )

        builder = (
            ApplicationBuilder()
            .token(token)
            .base_url(api_url)
            .base_file_url(_file_url(api_url))
            .request(request())
            .get_updates_request(request())
            .rate_limiter(self._rate_limiter)
            .concurrent_updates(PerSenderUpdateProcessor(CONCURRENT_UPDATES))
            .job_queue(None)
        )
        if self._webhook_url is not None:
            builder = builder.updater(None)
        application: TelegramApplication = builder.build()
        application.add_handler(TypeHandler(Update, self._on_update))
        application.add_error_handler(self._on_error)
        return application

    @property
    def webhook_secret(self) -> str:
        """The secret Telegram must send with every webhook request (generated if none was set)."""
        return self._webhook_secret

    # -- lifecycle ----------------------------------------------------------------------------

    def routes(self) -> list[web.RouteDef]:
        if self._webhook_path is None:
            return []
        return [web.post(self._webhook_path, self._receive)]

    async def start(self) -> None:
        logging.getLogger("httpx").addFilter(self._redact_token)  # httpx logs every URL at INFO
        application = self._application
        await application.initialize()  # getMe: a wrong token stops the start here
        self._initialized = True
        await application.start()
        self._running = True
        self._command_menus = TelegramMenus(application.bot, self._menus, self._secretariat_ids)
        await self._command_menus.publish()
        if self._webhook_url is not None:
            await application.bot.set_webhook(
                self._webhook_url, secret_token=self._webhook_secret, allowed_updates=ALLOWED_UPDATES
            )
            log.info("Telegram webhook set; updates arrive on %s", self._webhook_path)
        elif application.updater is not None:
            await application.updater.start_polling(
                timeout=dt.timedelta(seconds=self.poll_timeout),
                allowed_updates=ALLOWED_UPDATES,
                error_callback=_log_polling_error,
            )
            log.info("Telegram long polling started")

    async def stop(self) -> None:
        application = self._application
        self._running = False
        if self._command_menus is not None:
            await self._command_menus.stop()
        if application.updater is not None and application.updater.running:
            await application.updater.stop()  # confirms the offset of every update it fetched
        if application.running:
            await application.stop()  # lets the updates already fetched finish
        if self._initialized:
            await application.shutdown()
            self._initialized = False
        logging.getLogger("httpx").removeFilter(self._redact_token)

    def members_changed(self) -> None:
        """A member changed (perhaps their role): the secretariat's command menus follow soon."""
        if self._command_menus is not None:
            self._command_menus.members_changed()

    async def _secretariat_ids(self) -> list[str]:
        return await self._identities.user_ids_with_role(Platform.TELEGRAM, Role.SECRETARIAT)

    # -- proactive messages -------------------------------------------------------------------

    async def send(self, message: OutgoingMessage) -> bool:
        if message.to.platform is not Platform.TELEGRAM:
            log.warning("a %s chat cannot be reached through Telegram", message.to.platform.value)
            return False
        if not self._running:
            log.warning("the Telegram adapter is not running: message not sent")
            return False
        return await self._delivery.deliver(message.to, message.reply)

    # -- receiving ----------------------------------------------------------------------------

    async def _receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if not hmac.compare_digest(given, self._webhook_secret.encode()):
            return web.Response(status=403)
        if request.content_type != "application/json":
            return web.Response(status=415)
        if not self._running:
            return web.Response(status=503)  # Telegram retries later, to this or the next instance
        try:
            body = await request.json()
        except ValueError:
            return web.Response(status=400)
        update = self._parse_update(body)
        if update is None:  # answering an error would make Telegram send it again, forever
            log.warning("ignored a webhook request that is not a Telegram update")
        else:
            await self._application.update_queue.put(update)
        return web.Response(status=200)

    def _parse_update(self, body: object) -> Update | None:
        if not isinstance(body, dict) or type(body.get("update_id")) is not int:
            return None
        try:
            return Update.de_json(body, self._application.bot)
        except Exception:  # noqa: BLE001 - any malformed update is dropped the same way
            return None

    async def _on_update(self, update: Update, _context: object) -> None:
        if not self._recent_updates.add(update.update_id):
            log.debug("update delivered twice; handled once")
            return
        kind = update_kind(update)
        log.debug("%s update from a %s chat", kind, chat_type(update))
        if update.callback_query is not None:
            await self._answer(update.callback_query)
        incoming = to_incoming(
            update, bot_username=self._application.bot.username, resolve_payload=self._payloads.resolve
        )
        if incoming is None:
            return
        try:
            replies = await self._dispatch(incoming)
        except Exception:
            log.exception("the core failed on a %s update; nothing answered", kind)
            return
        delivered = True
        for reply in replies:
            if not (delivered := await self._delivery.deliver(incoming.chat, reply)):
                break
        # Bookkeeping after the answer, so that it never delays one.
        if incoming.chat.is_private and delivered:
            await self._note_reachable(incoming.user)

    async def _answer(self, query: CallbackQuery) -> None:
        try:
            await query.answer()  # stops the spinner on the person's button
        except TelegramError as error:  # e.g. "query is too old": the press is still handled
            log.info("could not answer a callback query: %s", type(error).__name__)

    async def _on_error(self, update: object, context: Any) -> None:
        kind = update_kind(update) if isinstance(update, Update) else type(update).__name__
        log.error("error while handling a %s update", kind, exc_info=context.error)

    # -- identities and metrics ---------------------------------------------------------------

    async def _note_reachable(self, user: UserRef) -> None:
        """They wrote, so proactive messages reach them again (checked once per person per process)."""
        if user.key in self._reachable:
            return
        try:
            await self._identities.mark_reachable(user)
        except Exception:  # bookkeeping must not stop the reply
            log.warning("could not record that a Telegram user is reachable", exc_info=True)
            return
        self._reachable.add(user.key)

    async def _mark_unreachable(self, user: UserRef) -> None:
        self._reachable.discard(user.key)
        try:
            await self._identities.mark_unreachable(user)
        except Exception:  # bookkeeping must not crash delivery
            log.warning("could not record that a Telegram user blocked the bot", exc_info=True)

    def _report(self, reason: str) -> None:
        if self._on_delivery_failure is None:
            return
        try:
            self._on_delivery_failure(reason)
        except Exception:  # metrics must never break delivery
            log.exception("the delivery failure callback failed")


class _RedactToken(logging.Filter):
    """Keeps the bot token (part of every Bot API URL) out of httpx's request log."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self._token in message:
            record.msg, record.args = message.replace(self._token, "<TELEGRAM_BOT_TOKEN>"), None
        return True


def _file_url(api_url: str) -> str:
    """The file download URL beside the API URL: ".../bot" -> ".../file/bot"."""
    head, marker, tail = api_url.rpartition("/bot")
    return f"{head}/file/bot{tail}" if marker else api_url


def _log_polling_error(error: TelegramError) -> None:
    log.warning("polling Telegram failed (%s: %s); retrying", type(error).__name__, error.message)
