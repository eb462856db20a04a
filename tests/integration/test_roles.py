"""Roles (member, advisory, secretariat): who grants them, what they unlock, and the audit log."""

from __future__ import annotations

from collections.abc import Callable

from bot.bootstrap import App, apply_configured_admins, build_app
from bot.config import Settings
from bot.core.i18n import Catalogs
from bot.core.messages import Platform
from tests.fakes import Chat, FakeClock


async def role_of(app: App, platform: str, user_id: str) -> str | None:
    async with app.uow() as uow:
        member = await uow.members.by_identity(platform, user_id)
    return member.role if member else None


async def test_admins_from_the_configuration_become_secretariat_once(
    settings_for: Callable[..., Settings], clock: FakeClock, catalogs: Catalogs, app: App
) -> None:
    settings = settings_for(app.settings.database_url, OERBOT_ADMINS="telegram:1001, slack:U0SEC42")
    configured = build_app(settings, clock=clock, catalogs=catalogs, faq=app.faq)
    try:
        assert await apply_configured_admins(configured) == 2
        assert await apply_configured_admins(configured) == 0  # idempotent at every start
        assert await role_of(configured, "telegram", "1001") == "secretariat"
        assert await role_of(configured, "slack", "U0SEC42") == "secretariat"
        async with configured.uow() as uow:
            entries = await uow.audit.latest()
        assert [(e.actor, e.action) for e in entries] == [("configuration", "role.set")] * 2
    finally:
        await configured.aclose()


async def test_the_secretariat_grants_roles_in_chat_and_every_grant_is_audited(
    app: App, chat_with: Callable[..., Chat], clock: FakeClock
) -> None:
    app.settings.admins = "telegram:1001"
    await apply_configured_admins(app)
    secretariat = chat_with("1001", platform=Platform.TELEGRAM)
    await secretariat.send("/help")
    assert "/grant" in secretariat.text and "/audit" in secretariat.text

    await secretariat.send("/grant advisory telegram:2002")
    assert "telegram:2002" in secretariat.text
    assert await role_of(app, "telegram", "2002") == "advisory"

    async with app.uow() as uow:
        (latest, *_) = await uow.audit.latest()
        actor = await uow.members.by_identity("telegram", "1001")
        target = await uow.members.by_identity("telegram", "2002")
    assert actor is not None and target is not None
    assert (latest.actor, latest.actor_member_id, latest.action) == ("member", actor.id, "role.set")
    assert latest.target_member_id == target.id and latest.detail == "role=advisory (was member)"
    assert latest.at == clock.now()

    await secretariat.send("/audit")
    assert "role.set" in secretariat.text and "role=advisory" in secretariat.text


async def test_members_cannot_grant_roles_or_read_the_audit_log(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    member = chat_with("3003", platform=Platform.TELEGRAM)
    await member.send("/grant secretariat telegram:3003")
    assert member.text == "The command /grant is only for the coalition's secretariat."
    assert await role_of(app, "telegram", "3003") is None
    await member.send("/audit")
    assert "only for the coalition's secretariat" in member.text
    await member.send("/help")
    assert "/grant" not in member.text and "/audit" not in member.text


async def test_a_malformed_grant_explains_the_usage(app: App, chat_with: Callable[..., Chat]) -> None:
    app.settings.admins = "telegram:1001"
    await apply_configured_admins(app)
    secretariat = chat_with("1001", platform=Platform.TELEGRAM)
    for command in (
        "/grant",
        "/grant emperor telegram:5",
        "/grant advisory whatsapp:5",
        "/grant advisory telegram:",
    ):
        await secretariat.send(command)
        assert "Usage: /grant" in secretariat.text
    async with app.uow() as uow:
        assert len(await uow.audit.latest()) == 1  # only the configuration's grant
