"""The table of contents: every command, button and flow the bot answers, and who may use them.

Adding a capability is one module in this package and its lines here.
"""

from __future__ import annotations

from bot.core.i18n import N_
from bot.core.messages import Role
from bot.core.router import FlowRoute, Router
from handlers.admin import Admin
from handlers.deps import HandlerDeps
from handlers.help import Help
from handlers.onboarding import Onboarding
from handlers.privacy import Privacy
from handlers.questions import answer_question
from handlers.settings import Settings
from handlers.steps import FLOW_ONBOARDING, FLOW_SETTINGS


def register_routes(router: Router, deps: HandlerDeps) -> None:
    onboarding = Onboarding(deps)
    settings = Settings(deps, onboarding)
    privacy = Privacy(deps)
    admin = Admin(deps)

    router.command(
        "start", onboarding.start, summary=N_("set up your profile: language, country, timezone, topics")
    )
    router.command("help", Help(deps).show, summary=N_("what I can do"))
    router.command("settings", settings.show, summary=N_("see and change your settings"))
    router.command("language", settings.language, summary=N_("change the language I speak"), usage="[fr]")
    router.command("timezone", settings.timezone, summary=N_("change your timezone"), usage="[Nairobi]")
    router.command("privacy", privacy.notice, summary=N_("what I store about you, and why"))
    router.command("mydata", privacy.export, summary=N_("everything I store about you, with a file"))
    router.command("forget", privacy.ask_to_forget, summary=N_("erase everything I store about you"))
    router.command(
        "grant",
        admin.grant,
        role=Role.SECRETARIAT,
        summary=N_("give a member a role (member, advisory, secretariat)"),
        usage="ROLE PLATFORM:USER_ID",
    )
    router.command(
        "audit", admin.audit, role=Role.SECRETARIAT, summary=N_("read the latest audit log entries")
    )

    router.button("consent", onboarding.on_consent)
    router.button("pf", onboarding.on_profile_button)
    router.button("set", settings.on_button)
    router.button("privacy", privacy.notice)
    router.button("forget", privacy.on_forget_button)

    for flow in (FLOW_ONBOARDING, FLOW_SETTINGS):
        router.flow(FlowRoute(flow, onboarding.on_text, onboarding.reprompt))
    router.free_text(answer_question)
