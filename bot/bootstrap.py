"""The composition root: builds the engine, units of work, catalogues, router and handlers.

Nothing here runs at import time; `build_app` is called by the command line (and by tests).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from bot.core.i18n import Catalogs
from bot.core.messages import Role, UserRef
from bot.core.ports import Clock, SystemClock
from bot.core.router import Router
from bot.core.session import SessionStore
from handlers import register_routes
from handlers.deps import HandlerDeps
from handlers.members import SqlMemberDirectory, set_role
from storage import migrate
from storage.database import create_engine, is_sqlite, session_factory, sqlite_path
from storage.errors import StorageUnavailable
from storage.unit_of_work import UnitOfWorkFactory, unit_of_work_factory

log = logging.getLogger("oerbot")


class DatabaseNotReady(RuntimeError):
    """The database schema is older than this version of oerbot."""


@dataclass
class App:
    settings: Settings
    engine: AsyncEngine
    uow: UnitOfWorkFactory
    catalogs: Catalogs
    router: Router
    clock: Clock = field(default_factory=SystemClock)

    async def aclose(self) -> None:
        await self.engine.dispose()

    async def database_answers(self) -> bool:
        try:
            async with self.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            return False
        return True


def build_app(settings: Settings, *, clock: Clock | None = None, catalogs: Catalogs | None = None) -> App:
    clock = clock or SystemClock()
    engine = create_engine(settings.database_url, busy_timeout_seconds=settings.db_busy_timeout_seconds)
    uow = unit_of_work_factory(session_factory(engine))
    catalogs = catalogs or Catalogs.load(settings.locales_dir)
    router = Router(
        catalogs=catalogs,
        members=SqlMemberDirectory(uow),
        sessions=SessionStore(),
        clock=clock,
        default_language=settings.default_language,
        unavailable_errors=(StorageUnavailable,),
    )
    deps = HandlerDeps(uow=uow, commands_for=router.commands_for, privacy_contact=settings.privacy_contact)
    register_routes(router, deps)
    return App(settings=settings, engine=engine, uow=uow, catalogs=catalogs, router=router, clock=clock)


def prepare_database(settings: Settings) -> None:
    """Upgrade the embedded SQLite database by itself; PostgreSQL must be upgraded explicitly
    (`oerbot db upgrade`), so that a production schema never changes behind an operator's back.

    Blocking: call before the event loop starts.
    """
    url = settings.database_url
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        migrate.upgrade(url)
        return
    current, head = migrate.current_revision(url), migrate.head_revision()
    if current != head:
        raise DatabaseNotReady(
            f"the database is at revision {current or 'none (empty)'} but this oerbot needs {head}: "
            "run `oerbot db upgrade` first"
        )


async def apply_configured_admins(app: App) -> int:
    """Make every identity in OERBOT_ADMINS a secretariat member; returns how many changed."""
    changed = 0
    now = app.clock.now()
    async with app.uow() as uow:
        for platform, user_id in app.settings.admin_identities:
            member = await uow.members.by_identity(platform.value, user_id)
            if member is not None and member.role == Role.SECRETARIAT.value:
                continue
            await set_role(
                uow, target=UserRef(platform, user_id), role=Role.SECRETARIAT, now=now, actor="configuration"
            )
            changed += 1
        await uow.commit()
    if changed:
        log.info("granted the secretariat role to %d identities from OERBOT_ADMINS", changed)
    return changed
