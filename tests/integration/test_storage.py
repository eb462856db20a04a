"""Storage on SQLite and PostgreSQL: migrations from an empty database, the unit of work, UTC times,
and a database that is locked or gone."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel

from bot.bootstrap import App
from bot.core.router import STORAGE_UNAVAILABLE
from storage import migrate
from storage.database import create_engine, session_factory
from storage.errors import StorageUnavailable
from storage.unit_of_work import unit_of_work_factory
from tests.fakes import Chat

TABLES = {"member", "identity", "audit_log", "alembic_version"}


async def table_names(url: str) -> set[str]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


async def schema_drift(url: str) -> list[object]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), SQLModel.metadata)
            )
    finally:
        await engine.dispose()


async def test_migrations_build_the_schema_from_an_empty_database_and_undo_it(database_url: str) -> None:
    assert await asyncio.to_thread(migrate.current_revision, database_url) is None
    await asyncio.to_thread(migrate.upgrade, database_url)
    assert await table_names(database_url) >= TABLES
    assert await asyncio.to_thread(migrate.current_revision, database_url) == migrate.head_revision()
    # The migrations and the models describe the same schema: no change is waiting to be written.
    assert await schema_drift(database_url) == []
    await asyncio.to_thread(migrate.downgrade, database_url, "base")
    assert await table_names(database_url) <= {"alembic_version"}
    await asyncio.to_thread(migrate.upgrade, database_url)
    assert await table_names(database_url) >= TABLES


async def test_the_unit_of_work_commits_or_rolls_back_and_keeps_times_in_utc(
    app_on_each_database: App,
) -> None:
    app = app_on_each_database
    paris_time = datetime(2026, 11, 24, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    async with app.uow() as uow:
        member = await uow.members.add_with_identity("telegram", "777", paris_time)
        await uow.commit()
    async with app.uow() as uow:
        await uow.members.add_with_identity("telegram", "888", paris_time)
        # leaving without commit: rolled back
    async with app.uow() as uow:
        stored = await uow.members.by_identity("telegram", "777")
        assert await uow.members.by_identity("telegram", "888") is None
        assert await uow.members.count() == 1
    assert stored is not None and stored.id == member.id
    assert stored.created_at == datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert stored.created_at.utcoffset() == timedelta(0)


async def test_a_naive_datetime_is_refused(app: App) -> None:
    with pytest.raises(StatementError, match="naive datetime"):
        async with app.uow() as uow:
            await uow.members.add_with_identity("telegram", "1", datetime(2026, 1, 1))


async def test_the_same_identity_cannot_be_stored_twice(app_on_each_database: App) -> None:
    app = app_on_each_database
    now = app.clock.now()
    async with app.uow() as uow:
        await uow.members.add_with_identity("slack", "U1", now)
        await uow.commit()
    with pytest.raises(IntegrityError):
        async with app.uow() as uow:
            await uow.members.add_with_identity("slack", "U1", now)
            await uow.commit()


async def test_onboarding_and_erasure_work_on_each_database(app_on_each_database: App) -> None:
    chat = Chat(app_on_each_database.router, app_on_each_database.clock, "pat-6671")  # type: ignore[arg-type]
    await chat.send("/start")
    await chat.press("consent:yes")
    await chat.press("pf:lang:fr")
    await chat.send("Sénégal")
    async with app_on_each_database.uow() as uow:
        member = await uow.members.by_identity("console", "pat-6671")
    assert member is not None and member.country == "SN" and member.language == "fr"
    await chat.send("/forget")
    await chat.press("forget:yes")
    async with app_on_each_database.uow() as uow:
        assert await uow.members.count() == 0


async def test_a_locked_database_raises_storage_unavailable_and_nothing_is_stored(
    sqlite_url: str, app: App, tmp_path: Path
) -> None:
    fast = create_engine(sqlite_url, busy_timeout_seconds=0.2)
    uow = unit_of_work_factory(session_factory(fast))
    blocker = sqlite3.connect(tmp_path / "oerbot.db")
    try:
        blocker.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StorageUnavailable):
            async with uow() as work:
                await work.members.add_with_identity("telegram", "9", app.clock.now())
                await work.commit()
    finally:
        blocker.rollback()
        blocker.close()
        await fast.dispose()
    async with app.uow() as work:  # the lock is gone: the member was not stored half-way or late
        assert await work.members.by_identity("telegram", "9") is None
        assert await work.members.count() == 0


async def test_a_locked_database_during_a_conversation_gets_a_translated_reply(
    app: App, tmp_path: Path
) -> None:
    await app.engine.dispose()
    app.engine.sync_engine.pool.dispose()
    blocker = sqlite3.connect(tmp_path / "oerbot.db")
    chat = Chat(app.router, app.clock, "quinn-1", language_hint="fr")  # type: ignore[arg-type]
    try:
        blocker.execute("BEGIN EXCLUSIVE")
        replies = await asyncio.wait_for(chat.send("/start"), timeout=30)
    finally:
        blocker.rollback()
        blocker.close()
    assert [reply.text for reply in replies] == [app.catalogs.translator("fr").t(STORAGE_UNAVAILABLE)]
    await chat.send("/start")
    assert chat.last and "consent:yes" in [b.payload for b in chat.last[0].all_buttons]


async def test_a_missing_database_file_gets_a_clear_reply(app: App, tmp_path: Path) -> None:
    await app.engine.dispose()
    (tmp_path / "oerbot.db").unlink()
    chat = Chat(app.router, app.clock, "rae-2")  # type: ignore[arg-type]
    (reply,) = await chat.send("/mydata")
    assert "can't reach my records" in reply.text
