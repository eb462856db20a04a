"""The `oerbot` command: chat, run, health, db, admin and audit."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer
from pydantic import ValidationError

from bot.adapters.console import ConsoleChat
from bot.bootstrap import (
    App,
    DatabaseNotReady,
    apply_configured_admins,
    build_app,
    build_service,
    prepare_database,
)
from bot.config import Settings
from bot.core.i18n import MissingCatalogError, negotiate
from bot.core.messages import Role, UserRef, parse_identity
from bot.license_cli import license_cli
from handlers.members import set_role
from storage import migrate
from storage.errors import StorageUnavailable

T = TypeVar("T")

cli = typer.Typer(help="oerbot: the chat bot of the UNESCO/IGF OER Dynamic Coalition.", no_args_is_help=True)
db_cli = typer.Typer(help="Database schema.", no_args_is_help=True)
admin_cli = typer.Typer(help="Roles of members.", no_args_is_help=True)
cli.add_typer(db_cli, name="db")
cli.add_typer(admin_cli, name="admin")
cli.add_typer(license_cli, name="license")

log = logging.getLogger("oerbot")


def main() -> None:
    cli()


def _settings(log_level: str | None = None) -> Settings:
    try:
        settings = Settings()
    except ValidationError as error:
        _fail(f"invalid configuration:\n{error}")
    logging.basicConfig(
        level=(log_level or settings.log_level).upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # httpx logs every request URL, and the Telegram Bot API puts the bot's token in the URL.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return settings


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"oerbot: {message}", err=True)
    raise typer.Exit(code)


def _with_app(settings: Settings, work: Callable[[App], Awaitable[T]], *, prepare: bool = True) -> T:
    """Prepare the database, build the app, run `work` on one event loop, and close cleanly."""
    try:
        if prepare:
            prepare_database(settings)
        app = build_app(settings)
    except (DatabaseNotReady, MissingCatalogError) as error:
        _fail(str(error))
    except Exception as error:  # noqa: BLE001 - start-up failures are reported, not dumped
        _fail(f"cannot open the database at {settings.database_url.split('@')[-1]}: {error}")

    async def run() -> T:
        try:
            await apply_configured_admins(app)
            return await work(app)
        finally:
            await app.aclose()

    try:
        return asyncio.run(run())
    except StorageUnavailable as error:
        _fail(f"the database is not available: {error}")


@cli.command()
def chat(
    user: Annotated[
        str, typer.Option(help="Who you are in this chat (any name; it is your console user id).")
    ] = "me",
    lang: Annotated[
        str | None, typer.Option(help="The language your 'platform' suggests, e.g. fr or pt-BR.")
    ] = None,
) -> None:
    """Chat with the bot in this terminal, on the embedded database; no tokens needed."""
    settings = _settings(log_level="WARNING")

    async def converse(app: App) -> None:
        hint = lang or settings.default_language
        console = ConsoleChat(
            dispatch=app.router.dispatch,
            now=app.clock.now,
            user_id=user,
            language_hint=hint,
            translator=app.catalogs.translator(negotiate([hint])),
            stdin=sys.stdin,
            stdout=sys.stdout,
            interactive=sys.stdin.isatty(),
            files_dir=Path.cwd(),
        )
        app.messenger.use(console)
        await console.run()

    _with_app(settings, converse)


@cli.command()
def run() -> None:
    """Run the bot on the configured platforms (Telegram, Slack), with its HTTP server and scheduler."""
    settings = _settings()
    if not settings.has_platform_token:
        _fail(
            "no platform is configured. Set TELEGRAM_BOT_TOKEN (Telegram) and/or SLACK_BOT_TOKEN with "
            "SLACK_SIGNING_SECRET (Slack), in the environment or in a .env file; see docs/configuration.md. "
            "To try the bot without any token, run `oerbot chat`.",
            code=2,
        )

    async def serve(app: App) -> None:
        await build_service(app).run()

    _with_app(settings, serve)


@cli.command()
def health() -> None:
    """Exit 0 when the database answers and its schema is current (for container health checks)."""
    settings = _settings(log_level="WARNING")

    async def check(app: App) -> bool:
        return await app.database_answers()

    healthy = _with_app(settings, check, prepare=False)
    if not healthy:
        _fail("the database does not answer")
    current, head = migrate.current_revision(settings.database_url), migrate.head_revision()
    if current != head:
        _fail(f"the database schema is at {current}, this oerbot needs {head}: run `oerbot db upgrade`")
    typer.echo("ok")


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Bring the database schema up to date (run it after every upgrade of oerbot)."""
    settings = _settings()
    try:
        migrate.upgrade(settings.database_url)
    except Exception as error:  # noqa: BLE001 - reported, not dumped
        _fail(f"upgrade failed: {error}")
    typer.echo(f"database schema at {migrate.head_revision()}")


@db_cli.command("current")
def db_current() -> None:
    """Print the schema revision of the database and the one this oerbot needs."""
    settings = _settings(log_level="WARNING")
    typer.echo(f"database: {migrate.current_revision(settings.database_url) or 'empty'}")
    typer.echo(f"needed:   {migrate.head_revision()}")


@admin_cli.command("grant")
def admin_grant(
    role: Annotated[Role, typer.Argument(help="member, advisory or secretariat")],
    identity: Annotated[
        str, typer.Argument(help="PLATFORM:USER_ID, e.g. telegram:123456789 or slack:U0123ABCD")
    ],
) -> None:
    """Give someone a role; recorded in the audit log."""
    settings = _settings(log_level="WARNING")
    try:
        platform, user_id = parse_identity(identity)
    except ValueError as error:
        _fail(str(error), code=2)

    async def grant(app: App) -> None:
        async with app.uow() as uow:
            target = UserRef(platform, user_id)
            await set_role(uow, target=target, role=role, now=app.clock.now(), actor="command line")
            await uow.commit()

    _with_app(settings, grant)
    typer.echo(f"{platform.value}:{user_id} is now {role.value}")


@admin_cli.command("list")
def admin_list() -> None:
    """List the secretariat and Advisory Group members (by platform identity)."""
    settings = _settings(log_level="WARNING")

    async def listing(app: App) -> list[str]:
        lines = []
        async with app.uow() as uow:
            for role in (Role.SECRETARIAT, Role.ADVISORY):
                for member in await uow.members.with_role(role.value):
                    assert member.id is not None
                    ids = ", ".join(
                        f"{i.platform}:{i.platform_user_id}" for i in await uow.members.identities(member.id)
                    )
                    lines.append(f"{role.value}\t#{member.id}\t{ids}")
        return lines

    for line in _with_app(settings, listing):
        typer.echo(line)


@cli.command()
def audit(limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50) -> None:
    """Print the latest audit log entries (who, what, when, on what)."""
    settings = _settings(log_level="WARNING")

    async def read(app: App) -> list[str]:
        async with app.uow() as uow:
            entries = await uow.audit.latest(limit)
        return [
            "\t".join(
                [
                    entry.at.isoformat(timespec="seconds"),
                    f"{entry.actor}#{entry.actor_member_id}" if entry.actor_member_id else entry.actor,
                    entry.action,
                    f"member#{entry.target_member_id}" if entry.target_member_id else "-",
                    entry.detail,
                ]
            )
            for entry in entries
        ]

    for line in _with_app(settings, read):
        typer.echo(line)
