"""/privacy, /mydata and /forget: the notice, a member's full export, and erasure on request."""

from __future__ import annotations

import json

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Attachment, Button, Reply
from bot.core.router import StaleButton
from bot.core.session import Session
from handlers.deps import HandlerDeps
from handlers.members import member_of
from handlers.profile import ROLE_NAMES
from handlers.settings import summary_lines
from storage.models import Member

EXPORT_FORMAT_VERSION = 1
NOTHING_TO_ERASE = N_("I store nothing about you, so there is nothing to erase.")


class Privacy:
    def __init__(self, deps: HandlerDeps) -> None:
        self._uow = deps.uow
        self._contact = deps.privacy_contact

    async def notice(self, ctx: Context) -> Reply:
        paragraphs = [
            ctx.t(N_("Privacy notice")),
            ctx.t(
                N_(
                    "What I store, only if you agree: your language, country, timezone and topics of "
                    "interest, linked to your chat account's id, and when you agreed. If the secretariat "
                    "gives you a role in the coalition (Advisory Group, secretariat), I store it too, so "
                    "that I can offer you the right commands."
                )
            ),
            ctx.t(
                N_(
                    "Why: to answer in your language, and to send you only the coalition's announcements "
                    "and reminders that concern you, at sensible local hours."
                )
            ),
            ctx.t(
                N_(
                    "What I don't keep: the messages you send me. The step of a conversation in progress "
                    "(for example the question I just asked you) is held in memory for at most 24 hours."
                )
            ),
            ctx.t(
                N_(
                    "Two exceptions, to improve the service: a question I could not answer confidently is "
                    "logged for the secretariat, linked to you only if you agreed that I store your "
                    "settings; "
                    "and a question you forward to the secretariat (/ask) is kept with your chat account "
                    "until it is answered."
                )
            ),
            ctx.t(N_("If you decline, I store nothing about you and you can still ask me questions.")),
            ctx.t(
                N_(
                    "Who sees it: the coalition's secretariat at UNESCO, to run the coalition. It is not "
                    "shared with anyone else. Changes of role made by the secretariat are recorded in an "
                    "audit log, which stops naming you once you erase your data."
                )
            ),
            ctx.t(
                N_(
                    "Your choices: /mydata shows everything I store about you, with a file to download; "
                    "/settings changes it; /forget erases it all at once."
                )
            ),
        ]
        if self._contact:
            paragraphs.append(ctx.t(N_("Questions about your data: {contact}"), contact=self._contact))
        return ctx.reply("\n\n".join(paragraphs))

    async def export(self, ctx: Context) -> Reply:
        user = ctx.message.user
        async with self._uow() as uow:
            member = await member_of(uow, ctx)
            identities = await uow.members.identities(member.id) if member and member.id else []
            audit = await uow.audit.about(member.id) if member and member.id else []
            unanswered = await uow.unanswered.of_member(member.id) if member and member.id else []
            forwarded = list(await uow.questions.of_asker(user.platform.value, user.user_id))
        if member is None and not forwarded:
            return ctx.reply(ctx.t(N_("I store nothing about you.")))
        lines = [ctx.t(N_("Everything I store about you:")), ""]
        if member is not None:
            lines += [
                ctx.t(N_("Role: {value}"), value=ctx.t(ROLE_NAMES.get(member.role, member.role))),
                _consent_line(ctx, member),
                *summary_lines(ctx, member),
                ctx.nt(
                    "{count} audit log entry concerns you.",
                    "{count} audit log entries concern you.",
                    len(audit),
                ),
            ]
        lines += [
            ctx.nt(
                "{count} of your questions is waiting for the secretariat's answer.",
                "{count} of your questions are waiting for the secretariat's answer.",
                len(forwarded),
            ),
            "",
            ctx.t(N_("The attached file holds the same data in JSON.")),
        ]
        document = {
            "format": EXPORT_FORMAT_VERSION,
            "exported_at": ctx.now.isoformat(),
            "member": member.model_dump(mode="json") if member else None,
            "identities": [identity.model_dump(mode="json") for identity in identities],
            "audit_log": [entry.model_dump(mode="json") for entry in audit],
            "forwarded_questions": [question.model_dump(mode="json") for question in forwarded],
            "unanswered_questions": [entry.model_dump(mode="json") for entry in unanswered],
        }
        attachment = Attachment(
            filename="oerbot-my-data.json",
            content=json.dumps(document, ensure_ascii=False, indent=2).encode(),
            media_type="application/json",
        )
        return ctx.reply("\n".join(lines), attachments=(attachment,))

    async def ask_to_forget(self, ctx: Context) -> Reply:
        if not await self._stores_anything(ctx):
            ctx.session = Session()
            return ctx.reply(ctx.t(NOTHING_TO_ERASE))
        return ctx.reply(
            ctx.t(
                N_(
                    "This erases everything I store about you: your settings, your role and the link to your "
                    "chat account. It cannot be undone. Erase it?"
                )
            ),
            [
                [
                    Button(ctx.t(N_("Yes, erase my data")), "forget:yes"),
                    Button(ctx.t(N_("No, keep it")), "forget:no"),
                ]
            ],
        )

    async def on_forget_button(self, ctx: Context) -> Reply:
        answer = (ctx.message.button_payload or "").partition(":")[2]
        if answer == "no":
            return ctx.reply(ctx.t(N_("Nothing was erased.")))
        if answer != "yes":
            raise StaleButton()
        ctx.session = Session()
        if not await self._stores_anything(ctx):
            return ctx.reply(ctx.t(NOTHING_TO_ERASE))
        user = ctx.message.user
        async with self._uow() as uow:
            member = await member_of(uow, ctx)
            if member is not None and member.id is not None:
                await uow.members.erase(member.id)
            # Questions forwarded without an account (before or without consent) are unlinked too.
            await uow.questions.forget_asker(user.platform.value, user.user_id)
            await uow.commit()
        return ctx.reply(
            ctx.t(
                N_(
                    "Done: everything I stored about you has been erased. You can still ask me questions; "
                    "type /start if you ever want me to remember your settings again."
                )
            )
        )

    async def _stores_anything(self, ctx: Context) -> bool:
        user = ctx.message.user
        async with self._uow() as uow:
            member = await member_of(uow, ctx)
            forwarded = await uow.questions.of_asker(user.platform.value, user.user_id)
        return member is not None or bool(forwarded)


def _consent_line(ctx: Context, member: Member) -> str:
    if member.consent and member.consent_changed_at:
        return ctx.t(
            N_("You agreed that I store your settings on {date}."),
            date=ctx.translator.datetime(member.consent_changed_at),
        )
    if member.consent is False:
        return ctx.t(N_("You declined to let me store your settings."))
    return ctx.t(N_("You have not yet said whether I may store your settings."))
