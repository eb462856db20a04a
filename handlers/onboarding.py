"""A member's first minutes: /start, consent, then language, country, timezone and topics.

Nothing beyond the platform id is stored before the member agrees; someone who declines keeps using
the bot anonymously. The same steps serve /settings (flow "settings"), one step at a time. A question
typed in the middle of a step is answered by the router, and the step is asked again afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Button, Reply
from bot.core.router import NOT_AN_ANSWER, StaleButton
from handlers import geography
from handlers.deps import HandlerDeps
from handlers.members import get_or_create_member, member_of
from handlers.profile import LANGUAGE_NAMES, TOPICS, language_from_text
from handlers.steps import (
    FLOW_ONBOARDING,
    FLOW_SETTINGS,
    UNKNOWN_TIMEZONE,
    country_summary,
    language_buttons,
    looks_like_a_question,
    timezone_buttons,
    topic_buttons,
    valid_timezone,
)
from storage.models import Member

STEPS = ("language", "country", "timezone", "topics")
SKIP = N_("Skip")
SAVED = N_("Saved.")
ALL_SET = N_("You're all set. Type /help to see what I can do, or simply ask me a question.")


class Onboarding:
    def __init__(self, deps: HandlerDeps) -> None:
        self._uow = deps.uow

    # -- /start and consent ------------------------------------------------------------------

    async def start(self, ctx: Context) -> Reply:
        async with self._uow() as uow:
            member = await member_of(uow, ctx)
        if member is not None and member.consent:
            if member.onboarded_at is not None:
                return ctx.reply(
                    ctx.t(
                        N_(
                            "Welcome back! Type /help to see what I can do, "
                            "or /settings to change your settings."
                        )
                    )
                )
            intro = ctx.t(N_("Welcome back! Let's finish setting up."))
            return self._ask(ctx, member, _next_step(member, skipped=()), intro)
        # A deep link such as t.me/<bot>?start=fr arrives as "/start fr": the language to greet in.
        if (language := language_from_text(ctx.args)) and (member is None or not member.language):
            ctx.session = ctx.session.speaking(language)
            ctx.use_language(language)
        ctx.move_to(FLOW_ONBOARDING, "consent")
        return self.consent_question(ctx)

    def consent_question(self, ctx: Context) -> Reply:
        text = "\n\n".join(
            [
                ctx.t(
                    N_(
                        "Hello! I'm the assistant of the UNESCO/IGF OER Dynamic Coalition. "
                        "I answer questions "
                        "about open licensing and the 2019 UNESCO Recommendation on OER, and keep members "
                        "informed about the coalition's work."
                    )
                ),
                ctx.t(
                    N_(
                        "To write to you in your language and at sensible hours, "
                        "I would store your language, "
                        "country, timezone and topics of interest, linked to your chat account.\n"
                        "Nothing else, and only the coalition's secretariat sees it; /mydata shows it and "
                        "/forget erases it at any time."
                    )
                ),
                ctx.t(N_("May I store these settings?")),
            ]
        )
        return ctx.reply(
            text,
            [
                [Button(ctx.t(N_("Yes, store my settings")), "consent:yes")],
                [Button(ctx.t(N_("No, thanks")), "consent:no")],
                [Button(ctx.t(N_("Read the privacy notice")), "privacy:show")],
            ],
        )

    async def on_consent(self, ctx: Context) -> Reply:
        answer = (ctx.message.button_payload or "").partition(":")[2]
        if answer == "no":
            return await self._decline(ctx)
        if answer != "yes":
            raise StaleButton()
        async with self._uow() as uow:
            member = await get_or_create_member(uow, ctx.message.user, ctx.now)
            member.consent = True
            member.consent_changed_at = ctx.now
            # A language chosen before agreeing (with /language) is kept, now that it may be stored.
            member.language = member.language or ctx.session.language
            await uow.members.save(member, ctx.now)
            await uow.commit()
        ctx.session = ctx.session.speaking(None)
        intro = ctx.t(N_("Thank you! Let's set you up in four short steps."))
        return self._ask(ctx, member, _next_step(member, skipped=()), intro)

    async def _decline(self, ctx: Context) -> Reply:
        async with self._uow() as uow:
            member = await member_of(uow, ctx)
            if member is not None and member.consent is not False:
                member.consent = False
                member.consent_changed_at = ctx.now
                # Settings given under an earlier consent go with it; the role (given by the
                # secretariat, not by the member) and the refusal itself are all that stay.
                member.language = member.country = member.timezone = member.onboarded_at = None
                member.topics = ""
                await uow.members.save(member, ctx.now)
                await uow.commit()
        ctx.move_to(None)
        return ctx.reply(
            ctx.t(
                N_(
                    "Understood: I won't store anything about you, and you can still ask me questions. "
                    "Type /help to see what I can do, or /start if you change your mind."
                )
            )
        )

    # -- answers to the steps ----------------------------------------------------------------

    async def on_profile_button(self, ctx: Context) -> Reply:
        """Buttons "pf:<step>:<value>" from the onboarding and settings questions."""
        _, _, rest = (ctx.message.button_payload or "").partition(":")
        step, _, value = rest.partition(":")
        return await self.answer(ctx, step, value)

    async def answer(self, ctx: Context, step: str, value: str) -> Reply:
        """Apply one answer ("lang", "country", "tz", "topic", "topics") and ask what comes next."""
        if step == "lang" and ctx.member.consent is not True:
            return self._speak_for_this_conversation(ctx, value)
        async with self._uow() as uow:
            member = await member_of(uow, ctx)
            if member is None or not member.consent:
                raise StaleButton()
            reply = self._apply(ctx, member, step, value)
            await uow.members.save(member, ctx.now)
            await uow.commit()
        return reply

    def _apply(self, ctx: Context, member: Member, step: str, value: str) -> Reply:
        if step == "lang" and value in LANGUAGE_NAMES:
            member.language = value
            ctx.use_language(value)
            return self._after(ctx, member, "language", "")
        if step == "country" and (value == "skip" or geography.region_of(value)):
            member.country = None if value == "skip" else value
            return self._after(ctx, member, "country", country_summary(ctx, member.country))
        if step == "tz" and value == "other":
            ctx.move_to(ctx.session.flow or FLOW_SETTINGS, "timezone", **{**ctx.session.data, "typing": True})
            return self._typed_timezone_prompt(ctx)
        if step == "tz" and (value == "skip" or valid_timezone(value)):
            member.timezone = member.timezone if value == "skip" else value
            return self._after(ctx, member, "timezone", "")
        if step == "topic" and value in TOPICS:
            chosen = member.topic_ids
            member.topics = ",".join(t for t in TOPICS if (t in chosen) != (t == value))
            return self._topics_prompt(ctx, member)
        if step == "topics" and value == "done":
            return self._after(ctx, member, "topics", "")
        raise StaleButton()

    async def on_text(self, ctx: Context, text: str) -> Sequence[Reply]:
        """Typed text while a step waits: a country, a timezone or a language; else it is a question."""
        step = ctx.session.step
        if step == "country":
            return await self._typed_country(ctx, text)
        if step == "timezone":
            zone = geography.find_timezone(text)
            if zone is not None:
                return [await self.answer(ctx, "tz", zone)]
            if looks_like_a_question(text):
                return NOT_AN_ANSWER
            return [ctx.reply(ctx.t(UNKNOWN_TIMEZONE, name=text[:60]), [[Button(ctx.t(SKIP), "pf:tz:skip")]])]
        if step == "language" and (language := language_from_text(text)):
            return [await self.answer(ctx, "lang", language)]
        return NOT_AN_ANSWER

    async def _typed_country(self, ctx: Context, text: str) -> Sequence[Reply]:
        matches = geography.find_countries(text)
        if matches and matches[0].score >= 100:
            return [await self.answer(ctx, "country", matches[0].code)]
        skip = [Button(ctx.t(SKIP), "pf:country:skip")]
        if matches:
            rows = [
                [Button(geography.country_name(m.code, ctx.language), f"pf:country:{m.code}")]
                for m in matches
            ]
            return [ctx.reply(ctx.t(N_("Did you mean one of these?")), [*rows, skip])]
        if looks_like_a_question(text):
            return NOT_AN_ANSWER
        message = N_(
            "I couldn't find a country called “{name}”. "
            "Try the country's name in English or in your language, or press Skip."
        )
        return [ctx.reply(ctx.t(message, name=text[:60]), [skip])]

    async def reprompt(self, ctx: Context) -> Reply | None:
        """Ask the waiting step's question again (after a question typed in the middle of it)."""
        step = ctx.session.step
        if step == "consent":
            return self.consent_question(ctx)
        async with self._uow() as uow:
            member = await member_of(uow, ctx)
        if member is None or not member.consent or step not in STEPS:
            return None
        return self._with_intro(
            ctx, ctx.t(N_("Now, back to your settings:")), self.question(ctx, member, step)
        )

    # -- what comes next ----------------------------------------------------------------------

    def _after(self, ctx: Context, member: Member, answered: str, notice: str) -> Reply:
        """After an answer: the next onboarding step, or back from a settings question."""
        intro = f"{ctx.t(SAVED)} {notice}".strip()
        waiting_here = ctx.session.step == answered
        if waiting_here and ctx.session.flow == FLOW_ONBOARDING:
            skipped = [*ctx.session.data.get("skipped", []), answered]
            return self._ask(ctx, member, _next_step(member, skipped=skipped, after=answered), intro, skipped)
        if waiting_here:
            ctx.move_to(None)
        # Otherwise an earlier question's button, or a command: whatever step was waiting still waits.
        return ctx.reply(ctx.t(N_("{saved} Type /settings to see all your settings."), saved=intro))

    def _ask(
        self, ctx: Context, member: Member, step: str | None, intro: str, skipped: Sequence[str] = ()
    ) -> Reply:
        if step is None:
            member.onboarded_at = member.onboarded_at or ctx.now
            ctx.move_to(None)
            return ctx.reply(f"{intro}\n\n{ctx.t(ALL_SET)}" if intro else ctx.t(ALL_SET))
        ctx.move_to(FLOW_ONBOARDING, step, skipped=list(skipped))
        return self._with_intro(ctx, intro, self.question(ctx, member, step))

    def question(self, ctx: Context, member: Member, step: str) -> Reply:
        """The question of one step, with its buttons."""
        if step == "language":
            return ctx.reply(ctx.t(N_("Which language should I use?")), language_buttons(ctx.language))
        if step == "country":
            text = N_(
                "Which country are you based in? Type its name in any language, for example "
                "Kenya, Brasil or 日本. Your country tells me your UNESCO region."
            )
            return ctx.reply(ctx.t(text), [[Button(ctx.t(SKIP), "pf:country:skip")]])
        if step == "timezone":
            if ctx.session.data.get("typing"):
                return self._typed_timezone_prompt(ctx)
            text = N_("Which timezone are you in? I use it to send reminders at the right local time.")
            return ctx.reply(ctx.t(text), timezone_buttons(ctx, member.country))
        return self._topics_prompt(ctx, member)

    def _typed_timezone_prompt(self, ctx: Context) -> Reply:
        text = N_(
            "Type your timezone as a nearby city, such as Nairobi or Lima, or as an offset such as UTC+3."
        )
        return ctx.reply(ctx.t(text), [[Button(ctx.t(SKIP), "pf:tz:skip")]])

    def _topics_prompt(self, ctx: Context, member: Member) -> Reply:
        text = N_(
            "Which topics interest you? Press each one you want to follow, then Done. "
            "I use them to send you only the news that matters to you."
        )
        return ctx.reply(ctx.t(text), topic_buttons(ctx, member.topic_ids))

    def _with_intro(self, ctx: Context, intro: str, reply: Reply) -> Reply:
        if not intro:
            return reply
        return ctx.reply(f"{intro}\n\n{ctx.translator.plain(reply.text)}", reply.buttons)

    def _speak_for_this_conversation(self, ctx: Context, language: str) -> Reply:
        """Without consent nothing is stored: the choice lives only in the short-lived session."""
        if language not in LANGUAGE_NAMES:
            raise StaleButton()
        ctx.session = ctx.session.speaking(language)
        if ctx.session.flow == FLOW_SETTINGS and ctx.session.step == "language":
            ctx.move_to(None)  # answered: later text is not another choice of language
        ctx.use_language(language)
        text = N_(
            "I'll speak {language} for the rest of this conversation. To have me remember it, "
            "let me store your settings: /start"
        )
        return ctx.reply(ctx.t(text, language=LANGUAGE_NAMES[language]))


def _next_step(member: Member, skipped: Sequence[str], after: str | None = None) -> str | None:
    """The next step whose answer is missing, after `after`: onboarding resumes from stored data."""
    start = STEPS.index(after) + 1 if after in STEPS else 0
    answered = {
        "language": member.language is not None,
        "country": member.country is not None,
        "timezone": member.timezone is not None,
        "topics": False,  # always offered: following no topic is an answer, given by pressing Done
    }
    for step in STEPS[start:]:
        if not answered[step] and step not in skipped:
            return step
    return None
