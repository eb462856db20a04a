"""The composition root: builds the engine, units of work, catalogues, router and handlers.

Nothing here runs at import time; `build_app` is called by the command line (and by tests).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.adapters.http import HttpServer
from bot.adapters.scheduler import Scheduler
from bot.config import Settings
from bot.core.i18n import Catalogs
from bot.core.menu import command_menus
from bot.core.messages import Role, UserRef
from bot.core.ports import Clock, SystemClock
from bot.core.router import Router
from bot.core.session import SessionStore
from bot.metrics import CONTENT_TYPE_LATEST, Metrics
from bot.service import MessengerHub, PlatformAdapter, Service, SwitchableMessenger
from handlers import register_routes
from handlers.deps import HandlerDeps
from handlers.faq.engine import AnsweringEngine
from handlers.faq.knowledge import load_knowledge_base
from handlers.members import SqlIdentityRegistry, SqlMemberDirectory, set_role
from storage import migrate
from storage.database import create_engine, is_sqlite, session_factory, sqlite_path
from storage.errors import StorageUnavailable
from storage.unit_of_work import MemberChanges, UnitOfWorkFactory, unit_of_work_factory

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
    messenger: SwitchableMessenger
    faq: AnsweringEngine
    clock: Clock = field(default_factory=SystemClock)
    # Committed changes to members, for whatever follows them (profile caches, Telegram's menus).
    member_changes: MemberChanges = field(default_factory=MemberChanges)

    async def aclose(self) -> None:
        await self.engine.dispose()

    async def database_answers(self) -> bool:
        try:
            async with self.engine.connect() as connection:
                # The schema's own table, not just "SELECT 1": an empty database also answers that.
                await connection.execute(text("SELECT version_num FROM alembic_version"))
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            return False
        return True


def build_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    catalogs: Catalogs | None = None,
    faq: AnsweringEngine | None = None,
) -> App:
    clock = clock or SystemClock()
    engine = create_engine(settings.database_url, busy_timeout_seconds=settings.db_busy_timeout_seconds)
    changes = MemberChanges()
    uow = unit_of_work_factory(session_factory(engine), changes)
    catalogs = catalogs or Catalogs.load(settings.locales_dir)
    router = Router(
        catalogs=catalogs,
        members=SqlMemberDirectory(uow, changes),
        sessions=SessionStore(),
        clock=clock,
        default_language=settings.default_language,
        unavailable_errors=(StorageUnavailable,),
    )
    messenger = SwitchableMessenger()
    faq = faq or AnsweringEngine(load_knowledge_base(settings.locales_dir))
    deps = HandlerDeps(
        uow=uow,
        commands_for=router.commands_for,
        messenger=messenger,
        faq=faq,
        secretariat_chat=settings.secretariat_chat_ref,
        default_language=settings.default_language,
        privacy_contact=settings.privacy_contact,
    )
    register_routes(router, deps)
    return App(
        settings=settings,
        engine=engine,
        uow=uow,
        catalogs=catalogs,
        router=router,
        messenger=messenger,
        faq=faq,
        clock=clock,
        member_changes=changes,
    )


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


async def load_promoted_phrasings(app: App) -> int:
    """Teach the answering engine the phrasings the secretariat promoted; returns how many."""
    async with app.uow() as uow:
        phrasings = await uow.phrasings.all()
    taught = 0
    for phrasing in phrasings:
        try:
            app.faq.add_phrasing(phrasing.topic, phrasing.language, phrasing.text)
            taught += 1
        except KeyError as problem:  # a topic or language removed from the knowledge base since
            log.warning("promoted phrasing %d skipped: %s", phrasing.id, problem)
    return taught


async def start_up(app: App) -> None:
    """What every long-lived command does once the database is ready."""
    await apply_configured_admins(app)
    await load_promoted_phrasings(app)


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


def build_service(app: App, metrics: Metrics | None = None) -> Service:
    """Everything `oerbot run` runs: the configured platform adapters, the scheduler and the HTTP server."""
    metrics = metrics or Metrics()
    adapters = build_adapters(app, metrics)
    hub = MessengerHub(adapters)
    app.messenger.use(hub)
    scheduler = Scheduler(dispatch_event=app.router.dispatch_event, messenger=hub)
    http = HttpServer(
        host=app.settings.http_host,
        port=app.settings.http_port,
        health=app.database_answers,
        metrics=metrics.exposition,
        metrics_content_type=CONTENT_TYPE_LATEST,
        routes=[route for adapter in adapters for route in adapter.routes()],
    )
    return Service(http=http, scheduler=scheduler, adapters=adapters)


def build_adapters(app: App, metrics: Metrics) -> list[PlatformAdapter]:
    settings = app.settings
    dispatch = metrics.instrument(app.router.dispatch)
    identities = SqlIdentityRegistry(app.uow)
    adapters: list[PlatformAdapter] = []

    def failures(platform: str) -> Callable[[str], None]:
        return lambda reason: metrics.delivery_failures.labels(platform, reason).inc()

    # The platform SDKs are imported only when configured: `oerbot chat` and the CLI never load them.
    if settings.telegram_bot_token is not None:
        from bot.adapters.telegram import TelegramAdapter

        secret = settings.telegram_webhook_secret
        telegram = TelegramAdapter(
            token=settings.telegram_bot_token.get_secret_value(),
            dispatch=dispatch,
            identities=identities,
            menus=command_menus(app.router, app.catalogs),
            api_url=settings.telegram_api_url,
            webhook_url=settings.telegram_webhook_url,
            webhook_secret=secret.get_secret_value() if secret else None,
            on_delivery_failure=failures("telegram"),
        )
        app.member_changes.subscribe(telegram.members_changed)  # a granted role shows in the menu at once
        adapters.append(telegram)
    if settings.slack_bot_token is not None:
        from bot.adapters.slack import SlackAdapter

        signing_secret, app_token = settings.slack_signing_secret, settings.slack_app_token
        adapters.append(
            SlackAdapter(
                bot_token=settings.slack_bot_token.get_secret_value(),
                signing_secret=signing_secret.get_secret_value() if signing_secret else None,
                app_token=app_token.get_secret_value() if app_token else None,
                dispatch=dispatch,
                identities=identities,
                catalogs=app.catalogs,
                api_url=settings.slack_api_url,
                on_delivery_failure=failures("slack"),
                commands=[route.name for route in app.router.commands_for(Role.SECRETARIAT)],
                clock=app.clock,
            )
        )
    return adapters
