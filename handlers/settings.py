"""/settings, /language and /timezone: see and change what the member chose during onboarding."""

from __future__ import annotations

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Button, Reply
from bot.core.router import StaleButton
from handlers import geography
from handlers.deps import HandlerDeps
from handlers.members import member_of
from handlers.onboarding import Onboarding
from handlers.profile import LANGUAGE_NAMES, REGION_NAMES, TOPICS, language_from_text
from handlers.steps import FLOW_SETTINGS, UNKNOWN_TIMEZONE, language_buttons
from storage.models import Member

NOT_SET = N_("not set")
SETTING_STEPS = {"language": "language", "country": "country", "timezone": "timezone", "topics": "topics"}


class Settings:
    def __init__(self, deps: HandlerDeps, onboarding: Onboarding) -> None:
        self._uow = deps.uow
        self._steps = onboarding

    async def show(self, ctx: Context) -> Reply:
        async with self._uow() as uow:
            member = await member_of(uow, ctx)
        if member is None or not member.consent:
            return _needs_consent(ctx)
        ctx.move_to(None)
        return ctx.reply(
            "\n".join([ctx.t(N_("Your settings:")), "", *summary_lines(ctx, member)]),
            [
                [
                    Button(ctx.t(N_("Language")), "set:language"),
                    Button(ctx.t(N_("Country")), "set:country"),
                ],
                [
                    Button(ctx.t(N_("Timezone")), "set:timezone"),
                    Button(ctx.t(N_("Topics")), "set:topics"),
                ],
                [Button(ctx.t(N_("My data and privacy")), "privacy:show")],
            ],
        )

    async def on_button(self, ctx: Context) -> Reply:
        """ "set:<step>": ask that one question again."""
        step = SETTING_STEPS.get((ctx.message.button_payload or "").partition(":")[2])
        if step is None:
            raise StaleButton()
        async with self._uow() as uow:
            member = await member_of(uow, ctx)
        if member is None or not member.consent:
            return _needs_consent(ctx)
        ctx.move_to(FLOW_SETTINGS, step)
        return self._steps.question(ctx, member, step)

    async def language(self, ctx: Context) -> Reply:
        if not ctx.args:
            ctx.move_to(FLOW_SETTINGS, "language")
            return ctx.reply(ctx.t(N_("Which language should I use?")), language_buttons(ctx.language))
        language = language_from_text(ctx.args)
        if language is None:
            choices = ", ".join(f"{code} ({name})" for code, name in LANGUAGE_NAMES.items())
            return ctx.reply(
                ctx.t(
                    N_("I don't speak “{language}” yet. Choose one of: {choices}"),
                    language=ctx.args[:40],
                    choices=choices,
                )
            )
        return await self._steps.answer(ctx, "lang", language)

    async def timezone(self, ctx: Context) -> Reply:
        async with self._uow() as uow:
            member = await member_of(uow, ctx)
        if member is None or not member.consent:
            return _needs_consent(ctx)
        if ctx.args:
            zone = geography.find_timezone(ctx.args)
            if zone is None:
                return ctx.reply(
                    ctx.t(
                        UNKNOWN_TIMEZONE,
                        name=ctx.args[:60],
                    )
                )
            return await self._steps.answer(ctx, "tz", zone)
        ctx.move_to(FLOW_SETTINGS, "timezone")
        return self._steps.question(ctx, member, "timezone")


def summary_lines(ctx: Context, member: Member) -> list[str]:
    not_set = ctx.t(NOT_SET)
    region = geography.region_of(member.country) if member.country else None
    topics = [ctx.t(TOPICS[topic]) for topic in member.topic_ids if topic in TOPICS]
    zone = (
        f"{geography.timezone_label(member.timezone, ctx.language)} ({member.timezone})"
        if member.timezone
        else not_set
    )
    return [
        ctx.t(N_("Language: {value}"), value=LANGUAGE_NAMES.get(member.language or "", not_set)),
        ctx.t(
            N_("Country: {value}"),
            value=geography.country_name(member.country, ctx.language) if member.country else not_set,
        ),
        ctx.t(N_("UNESCO region: {value}"), value=ctx.t(REGION_NAMES[region]) if region else not_set),
        ctx.t(N_("Timezone: {value}"), value=zone),
        ctx.t(N_("Topics: {value}"), value="; ".join(topics) if topics else ctx.t(N_("none"))),
    ]


def _needs_consent(ctx: Context) -> Reply:
    return ctx.reply(
        ctx.t(
            N_(
                "I don't keep any settings for you, because you haven't asked me to. "
                "Type /start if you would like me to remember your language, country, timezone and topics."
            )
        )
    )
