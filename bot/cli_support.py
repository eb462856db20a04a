"""What the `oerbot` sub-commands share: settings and logging, clean failures, and running work on the app."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from typing import NoReturn, TypeVar

import typer
from pydantic import ValidationError

from bot.bootstrap import App, DatabaseNotReady, build_app, prepare_database, start_up
from bot.config import Settings
from bot.core.i18n import MissingCatalogError
from handlers.faq.knowledge import KnowledgeBaseError
from storage.errors import StorageUnavailable

T = TypeVar("T")


def load_settings(log_level: str | None = None) -> Settings:
    try:
        settings = Settings()
    except ValidationError as error:
        fail(f"invalid configuration:\n{error}")
    logging.basicConfig(
        level=(log_level or settings.log_level).upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # httpx logs every request URL, and the Telegram Bot API puts the bot's token in the URL.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return settings


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"oerbot: {message}", err=True)
    raise typer.Exit(code)


def with_app(
    settings: Settings, work: Callable[[App], Awaitable[T]], *, prepare: bool = True, long_lived: bool = False
) -> T:
    """Prepare the database, build the app, run `work` on one event loop, and close cleanly.
    `long_lived` (the bot itself: run, chat) first applies OERBOT_ADMINS and loads promoted phrasings;
    a one-off command (a listing, a grant) leaves both alone, so that reading never writes."""
    try:
        if prepare:
            prepare_database(settings)
        app = build_app(settings)
    except (DatabaseNotReady, MissingCatalogError, KnowledgeBaseError) as error:
        fail(str(error))
    except Exception as error:  # noqa: BLE001 - start-up failures are reported, not dumped
        fail(f"cannot open the database at {settings.database_url.split('@')[-1]}: {error}")

    async def run() -> T:
        try:
            if long_lived:
                await start_up(app)
            return await work(app)
        finally:
            await app.aclose()

    try:
        return asyncio.run(run())
    except StorageUnavailable as error:
        fail(f"the database is not available: {error}")
