"""The `oerbot` command: chat, run, health, db, admin, audit, ask, license, questions and faq."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from bot.adapters.console import ConsoleChat
from bot.ask_cli import ask
from bot.bootstrap import (
    App,
    build_service,
)
from bot.cli_support import fail, load_settings, with_app
from bot.core.i18n import negotiate
from bot.core.messages import Role, UserRef, parse_identity
from bot.license_cli import license_cli
from bot.review_cli import faq_cli, questions_cli
from handlers.members import set_role
from storage import migrate

cli = typer.Typer(help="oerbot: the chat bot of the UNESCO/IGF OER Dynamic Coalition.", no_args_is_help=True)
db_cli = typer.Typer(help="Database schema.", no_args_is_help=True)
admin_cli = typer.Typer(help="Roles of members.", no_args_is_help=True)
cli.add_typer(db_cli, name="db")
cli.add_typer(admin_cli, name="admin")
cli.add_typer(license_cli, name="license")
cli.add_typer(questions_cli, name="questions")
cli.add_typer(faq_cli, name="faq")
cli.command("ask")(ask)

log = logging.getLogger("oerbot")


def main() -> None:
    cli()


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
    settings = load_settings(log_level="WARNING")

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

    with_app(settings, converse, long_lived=True)


@cli.command()
def run() -> None:
    """Run the bot on the configured platforms (Telegram, Slack), with its HTTP server and scheduler."""
    settings = load_settings()
    if not settings.has_platform_token:
        fail(
            "no platform is configured. Set TELEGRAM_BOT_TOKEN (Telegram) and/or SLACK_BOT_TOKEN with "
            "SLACK_SIGNING_SECRET (Slack), in the environment or in a .env file; see docs/configuration.md. "
            "To try the bot without any token, run `oerbot chat`.",
            code=2,
        )

    async def serve(app: App) -> None:
        await build_service(app).run()

    with_app(settings, serve, long_lived=True)


@cli.command()
def health() -> None:
    """Exit 0 when the database answers and its schema is current (for container health checks)."""
    settings = load_settings(log_level="WARNING")
    # No app is built: a health check every few seconds must stay cheap.
    try:
        current = migrate.current_revision(settings.database_url)
    except Exception as error:  # noqa: BLE001 - any failure means "not healthy"
        fail(f"the database does not answer: {error}")
    head = migrate.head_revision()
    if current != head:
        fail(f"the database schema is at {current}, this oerbot needs {head}: run `oerbot db upgrade`")
    typer.echo("ok")


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Bring the database schema up to date (run it after every upgrade of oerbot)."""
    settings = load_settings()
    try:
        migrate.upgrade(settings.database_url)
    except Exception as error:  # noqa: BLE001 - reported, not dumped
        fail(f"upgrade failed: {error}")
    typer.echo(f"database schema at {migrate.head_revision()}")


@db_cli.command("current")
def db_current() -> None:
    """Print the schema revision of the database and the one this oerbot needs."""
    settings = load_settings(log_level="WARNING")
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
    settings = load_settings(log_level="WARNING")
    try:
        platform, user_id = parse_identity(identity)
    except ValueError as error:
        fail(str(error), code=2)

    async def grant(app: App) -> None:
        async with app.uow() as uow:
            target = UserRef(platform, user_id)
            await set_role(uow, target=target, role=role, now=app.clock.now(), actor="command line")
            await uow.commit()

    with_app(settings, grant)
    typer.echo(f"{platform.value}:{user_id} is now {role.value}")


@admin_cli.command("list")
def admin_list() -> None:
    """List the secretariat and Advisory Group members (by platform identity)."""
    settings = load_settings(log_level="WARNING")

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

    for line in with_app(settings, listing):
        typer.echo(line)


@cli.command()
def audit(limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50) -> None:
    """Print the latest audit log entries (who, what, when, on what)."""
    settings = load_settings(log_level="WARNING")

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

    for line in with_app(settings, read):
        typer.echo(line)
