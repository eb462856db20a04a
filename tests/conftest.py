"""Fixtures: a real app on a fresh database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.bootstrap import App, build_app
from bot.config import Settings
from bot.core.i18n import Catalogs
from bot.core.messages import Platform
from handlers.faq.engine import AnsweringEngine
from handlers.faq.knowledge import load_knowledge_base
from tests.fakes import Chat, FakeClock

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"


@pytest.fixture(scope="session")
def catalogs() -> Catalogs:
    """The real compiled catalogues (`make test` compiles them first)."""
    return Catalogs.load(LOCALES)


@pytest.fixture(scope="session")
def faq_engine() -> AnsweringEngine:
    """The real answering engine over the knowledge base, built once (it takes most of a second).
    Tests that teach it phrasings build their own."""
    return AnsweringEngine(load_knowledge_base(LOCALES))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a new SQLite file, or the PostgreSQL test database wiped clean."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'oerbot.db'}"
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must test PostgreSQL too: TEST_DATABASE_URL is not set (see .ci/run)")
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL tests skipped")
    asyncio.run(_wipe_postgres(url))
    return url


async def _wipe_postgres(url: str) -> None:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'oerbot.db'}"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings_for(tmp_path: Path) -> Callable[..., Settings]:
    def make(database_url: str, **overrides: object) -> Settings:
        values: dict[str, object] = {
            "DATABASE_URL": database_url,
            "OERBOT_LOCALES_DIR": str(LOCALES),
            "OERBOT_DB_BUSY_TIMEOUT": 0.3,  # a locked database fails fast in tests
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    return make


async def _migrated_app(
    settings: Settings, clock: FakeClock, catalogs: Catalogs, faq_engine: AnsweringEngine
) -> App:
    from storage import migrate

    await asyncio.to_thread(migrate.upgrade, settings.database_url)
    return build_app(settings, clock=clock, catalogs=catalogs, faq=faq_engine)


@pytest.fixture
async def app(
    sqlite_url: str,
    settings_for: Callable[..., Settings],
    clock: FakeClock,
    catalogs: Catalogs,
    faq_engine: AnsweringEngine,
) -> AsyncIterator[App]:
    """The whole bot on a migrated SQLite database, with a fake clock."""
    application = await _migrated_app(settings_for(sqlite_url), clock, catalogs, faq_engine)
    yield application
    await application.aclose()


@pytest.fixture
async def app_on_each_database(
    database_url: str,
    settings_for: Callable[..., Settings],
    clock: FakeClock,
    catalogs: Catalogs,
    faq_engine: AnsweringEngine,
) -> AsyncIterator[App]:
    application = await _migrated_app(settings_for(database_url), clock, catalogs, faq_engine)
    yield application
    await application.aclose()


@pytest.fixture
def chat_with(app: App, clock: FakeClock) -> Callable[..., Chat]:
    def make(user_id: str, language_hint: str | None = None, platform: Platform = Platform.CONSOLE) -> Chat:
        return Chat(app.router, clock, user_id, platform=platform, language_hint=language_hint)

    return make
