"""`oerbot questions` and `oerbot faq`: the secretariat's review of members' questions, from a shell.

    oerbot questions list [--all]        questions forwarded with /ask, open ones first
    oerbot faq unanswered [--limit N]    questions the bot could not answer confidently
    oerbot faq promote NUMBER TOPIC      attach one to a topic as a new phrasing (audited)
    oerbot faq dismiss NUMBER            drop one (audited)

A phrasing promoted here is taken in by a running bot at its next start; one promoted in chat
(/promote) at once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

import typer

from bot.bootstrap import App
from bot.cli_support import fail, load_settings, with_app
from bot.core.i18n import Catalogs
from handlers.review import ReviewError, dismiss, promote

questions_cli = typer.Typer(help="Questions members forwarded to the secretariat.", no_args_is_help=True)
faq_cli = typer.Typer(help="Review of the questions the bot could not answer.", no_args_is_help=True)


@questions_cli.command("list")
def list_questions(
    all_: Annotated[
        bool, typer.Option("--all", help="Answered ones too, not only those still open.")
    ] = False,
) -> None:
    """Questions forwarded with /ask: number, status, when, language, text."""
    statuses = ("open", "answered", "undeliverable") if all_ else ("open",)

    async def read(app: App) -> list[str]:
        async with app.uow() as uow:
            questions = await uow.questions.with_status(*statuses, limit=1000)
        return [
            f"#{q.id}\t{q.status}\t{q.asked_at.isoformat(timespec='minutes')}\t{q.language}\t{_one_line(q.text)}"
            for q in questions
        ]

    _print(with_app(load_settings(log_level="WARNING"), read), empty="no question is waiting for an answer")


@faq_cli.command("unanswered")
def unanswered(limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50) -> None:
    """Logged questions waiting for review, newest first: number, when, language, kind, text."""

    async def read(app: App) -> list[str]:
        async with app.uow() as uow:
            entries = await uow.unanswered.waiting(limit)
        return [
            f"#{e.id}\t{e.asked_at.isoformat(timespec='minutes')}\t{e.language}\t{e.kind}\t{_one_line(e.text)}"
            for e in entries
        ]

    _print(with_app(load_settings(log_level="WARNING"), read), empty="no unanswered question is waiting")


@faq_cli.command("promote")
def promote_command(
    number: Annotated[int, typer.Argument(help="The logged question's number (from `faq unanswered`).")],
    topic: Annotated[str, typer.Argument(help="The topic id it should lead to, e.g. cc-by-nc.")],
) -> None:
    """Attach a logged question to a topic as a new phrasing, in its own language."""

    async def work(app: App) -> str:
        async with app.uow() as uow:
            done = await promote(
                uow, app.faq, entry_id=number, topic=topic, now=app.clock.now(), actor="command line"
            )
            await uow.commit()
        return f"question {number} is now a phrasing of {done.topic} ({done.language}): {done.text}"

    typer.echo(_reviewed(work))


@faq_cli.command("dismiss")
def dismiss_command(number: Annotated[int, typer.Argument(help="The logged question's number.")]) -> None:
    """Drop a logged question from the review list."""

    async def work(app: App) -> str:
        async with app.uow() as uow:
            await dismiss(uow, entry_id=number, now=app.clock.now(), actor="command line")
            await uow.commit()
        return f"question {number} dismissed"

    typer.echo(_reviewed(work))


def _reviewed(work: Callable[[App], Awaitable[str]]) -> str:
    try:
        return with_app(load_settings(log_level="WARNING"), work)
    except ReviewError as problem:
        fail(Catalogs.untranslated().translator("en").t(problem.message, **problem.values), code=2)


def _print(lines: list[str], *, empty: str) -> None:
    for line in lines or [empty]:
        typer.echo(line)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]
