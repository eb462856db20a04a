"""The table of contents: every command, button and flow the bot answers, and who may use them.

Adding a capability is one module in this package and its lines here.
"""

from __future__ import annotations

from bot.core.i18n import N_
from bot.core.messages import Role
from bot.core.router import FlowRoute, Router
from handlers.admin import Admin
from handlers.deps import HandlerDeps
from handlers.faq.chat import FaqChat
from handlers.handoff import FLOW_ANSWERING, Handoff
from handlers.help import Help
from handlers.licensing import attribution_rules, chat, chooser_flow
from handlers.onboarding import Onboarding
from handlers.privacy import Privacy
from handlers.questions import Questions
from handlers.review import Review
from handlers.settings import Settings
from handlers.steps import FLOW_ONBOARDING, FLOW_SETTINGS


def register_routes(router: Router, deps: HandlerDeps) -> None:
    onboarding = Onboarding(deps)
    settings = Settings(deps, onboarding)
    privacy = Privacy(deps)
    admin = Admin(deps)
    handoff = Handoff(deps)
    review = Review(deps, deps.faq)
    faq = FaqChat(deps.faq)
    secretariat = Role.SECRETARIAT

    # Members' commands, in the order /help lists them. `private`: they show or change personal data,
    # so in a group the bot asks to continue in a private chat.
    router.command(
        "start",
        onboarding.start,
        private=True,
        summary=N_("set up your profile: language, country, timezone, topics"),
    )
    router.command("help", Help(deps).show, summary=N_("what I can do"))
    router.command("settings", settings.show, private=True, summary=N_("see and change your settings"))
    router.command(
        "language", settings.language, private=True, summary=N_("change the language I speak"), usage="[fr]"
    )
    router.command(
        "timezone", settings.timezone, private=True, summary=N_("change your timezone"), usage="[Nairobi]"
    )
    router.command(
        "license",
        chat.license_command,
        summary=N_("choose a Creative Commons license for your work (or /license NAME to explain one)"),
        usage="[BY-SA]",
    )
    router.command(
        "combine",
        chat.combine_command,
        summary=N_("can these licenses be remixed together, and under which license?"),
        usage="BY-SA BY-NC",
    )
    router.command("attribute", chat.attribute_command, summary=N_("write the credit for a work you reuse"))
    router.command(
        "explain",
        chat.explain_command,
        summary=N_("what a license allows and requires"),
        usage="CC BY-SA 3.0 IGO",
    )
    router.command(
        "ask",
        handoff.ask,
        private=True,
        summary=N_("send your question to the coalition's secretariat"),
        usage="…",
    )
    router.command("privacy", privacy.notice, summary=N_("what I store about you, and why"))
    router.command(
        "mydata", privacy.export, private=True, summary=N_("everything I store about you, with a file")
    )
    router.command(
        "forget", privacy.ask_to_forget, private=True, summary=N_("erase everything I store about you")
    )

    # The secretariat's commands; every change they make is written to the audit log.
    router.command(
        "grant",
        admin.grant,
        role=secretariat,
        private=True,
        summary=N_("give a member a role (member, advisory, secretariat)"),
        usage="ROLE PLATFORM:USER_ID",
    )
    router.command(
        "audit", admin.audit, role=secretariat, private=True, summary=N_("read the latest audit log entries")
    )
    router.command(
        "questions",
        handoff.list_open,
        role=secretariat,
        private=True,
        summary=N_("questions from members waiting for an answer"),
    )
    router.command(
        "unanswered",
        review.list_waiting,
        role=secretariat,
        private=True,
        summary=N_("questions I could not answer confidently"),
    )
    router.command(
        "promote",
        review.promote,
        role=secretariat,
        private=True,
        summary=N_("teach me a logged question as a way to ask about a topic"),
        usage="NUMBER TOPIC",
    )
    router.command(
        "dismiss",
        review.dismiss,
        role=secretariat,
        private=True,
        summary=N_("drop a logged question"),
        usage="NUMBER",
    )

    router.button("consent", onboarding.on_consent)
    router.button("pf", onboarding.on_profile_button)
    router.button("set", settings.on_button)
    router.button("privacy", privacy.notice)
    router.button("forget", privacy.on_forget_button)
    router.button("lic", chat.chooser.on_button)
    router.button("att", chat.attribution_builder.on_button)
    router.button("faq", faq.on_button)
    router.button("ask", handoff.on_offer)
    router.button("ans", handoff.on_reply_button, role=secretariat)

    for flow in (FLOW_ONBOARDING, FLOW_SETTINGS):
        router.flow(FlowRoute(flow, onboarding.on_text, onboarding.reprompt))
    router.flow(FlowRoute(chooser_flow.FLOW, chat.chooser.on_text, chat.chooser.reprompt))
    router.flow(
        FlowRoute(attribution_rules.FLOW, chat.attribution_builder.on_text, chat.attribution_builder.reprompt)
    )
    router.flow(FlowRoute(FLOW_ANSWERING, handoff.on_answer_text, handoff.reprompt, role=secretariat))
    router.free_text(Questions(deps).answer)
