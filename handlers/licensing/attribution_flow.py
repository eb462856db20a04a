"""/attribute: the credit for a reused work, asked step by step (payloads "att:...").

Where the surface can show forms, the member may instead fill in one form (attribution_form.py).

Title, author, source link (checked), license (any spelling; an unknown name gets the list of valid ones),
whether it was changed: unchanged, modified (what changed?) or adapted under the member's own license
(checked against CC's adapter's license chart; then the adaptation's title and who is credited for it).
Licenses before 4.0 require the title: it is asked again if it was skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Button, Reply
from bot.core.router import NOT_AN_ANSWER, StaleButton
from handlers.licensing import attribution, attribution_form, render
from handlers.licensing.attribution import AdaptationNotAllowed
from handlers.licensing.attribution_rules import (
    CHANGE_CHOICES,
    FLOW,
    KEEP_IT_SHORT,
    LIMITS,
    NOT_A_CC_LICENSE,
    NOT_ADAPTABLE,
    TITLE_REQUIRED,
    is_link,
    license_ref,
    refused_adaptation,
)
from handlers.licensing.credit_replies import finished_credit
from handlers.licensing.intents import YesNo, is_question, yes_or_no
from handlers.licensing.names import License, LicenseRef, UnknownLicense, find_licenses, parse_license
from handlers.licensing.tools import all_tools, tool, tool_ids

SKIP = N_("Skip")
PROMPTS = {
    "title": N_("What is the title of the work you reuse? Press Skip if it has none."),
    "author": N_(
        "Who is the author, as they ask to be credited (a name, a pseudonym or an organisation)? Press Skip "
        "if no name is given or the author asked not to be named."
    ),
    "source": N_("Where can the work be found? Type its link, starting with https://, or press Skip."),
    "license": N_(
        "Which license is the work under? Choose it below, or type its name, for example CC BY 4.0 or "
        "CC BY-SA 3.0 IGO."
    ),
    "changed": N_("Did you change the work?"),
    "changes": N_("Briefly, what did you change? For example: Cropped and labels translated into Spanish."),
    "adapted_license": N_(
        "Under which license do you share your adaptation? Choose it below or type its name."
    ),
    "adaptation_title": N_("What is the title of your adaptation? Press Skip if it has none."),
    "adapter": N_(
        "Who is credited for the adaptation (you or your organisation)? Press Skip to leave it out."
    ),
}
SKIPPABLE = ("title", "author", "source", "changes", "adaptation_title", "adapter")
TYPED = ("title", "author", "changes", "adaptation_title", "adapter")


class AttributionBuilder:
    async def start(self, ctx: Context) -> Reply:
        if ctx.session.flow == FLOW and ctx.session.step:
            text = N_("You have an unfinished credit. Continue where you left off, or start over?")
            buttons = [
                [Button(ctx.t(N_("Resume")), "att:resume"), Button(ctx.t(N_("Start over")), "att:restart")]
            ]
            return ctx.reply(ctx.t(text), buttons)
        if ctx.message.can_show_forms:
            return attribution_form.offer(ctx)
        return self._begin(ctx)

    def _begin(self, ctx: Context) -> Reply:
        ctx.move_to(FLOW, "title")
        intro = ctx.t(N_("Let's write the credit for a work you reuse: title, author, source and license."))
        return self._with_intro(ctx, intro, self._question(ctx, "title"))

    async def on_button(self, ctx: Context) -> Sequence[Reply]:
        _, _, rest = (ctx.message.button_payload or "").partition(":")
        kind, _, value = rest.partition(":")
        if kind == "restart":
            return [self._begin(ctx)]
        if kind == "form" and ctx.message.can_show_forms:
            return [attribution_form.offer(ctx)]
        if kind == "steps":
            return [self._begin(ctx)]
        if kind == "submit":
            return await attribution_form.submit(ctx)
        step = ctx.session.step if ctx.session.flow == FLOW else None
        if step is None:
            raise StaleButton()
        if kind == "resume":
            return [self._question(ctx, step)]
        if kind == "skip" and value == step and step in SKIPPABLE and not self._title_required(ctx, step):
            return self._store(ctx, step, "")
        if kind == "lic" and step in ("license", "adapted_license") and value in tool_ids():
            return self._license_answer(ctx, step, parse_license(value))
        if kind == "changed" and step == "changed" and value in {choice for _, choice in CHANGE_CHOICES}:
            return self._changed(ctx, value)
        raise StaleButton()

    async def on_text(self, ctx: Context, text: str) -> Sequence[Reply]:
        step = ctx.session.step or ""
        if step in TYPED:
            if is_question(text) and find_licenses(text):
                return NOT_AN_ANSWER  # a licensing question typed in the middle: answered, then asked again
            if len(text) > LIMITS[step]:
                limit = ctx.t(KEEP_IT_SHORT, limit=LIMITS[step])
                return [self._with_intro(ctx, limit, self._question(ctx, step))]
            return self._store(ctx, step, text.strip())
        if step == "source":
            return self._typed_source(ctx, text.strip())
        if step in ("license", "adapted_license"):
            return self._typed_license(ctx, step, text)
        if step == "changed" and yes_or_no(text) is YesNo.NO:
            return self._changed(ctx, "no")
        if step == "changed" and not is_question(text):
            return [
                self._with_intro(
                    ctx, ctx.t(N_("Please choose one of the buttons.")), self._question(ctx, step)
                )
            ]
        return NOT_AN_ANSWER

    async def reprompt(self, ctx: Context) -> Reply | None:
        if ctx.session.flow != FLOW or not ctx.session.step:
            return None
        intro = ctx.t(N_("Now, back to your credit:"))
        return self._with_intro(ctx, intro, self._question(ctx, ctx.session.step))

    # -- answers --------------------------------------------------------------------------------

    def _typed_source(self, ctx: Context, text: str) -> Sequence[Reply]:
        if is_link(text) and len(text) <= LIMITS["source"]:
            return self._store(ctx, "source", text)
        if is_question(text):
            return NOT_AN_ANSWER  # words, not a mistyped link: a question typed in the middle
        message = N_(
            "“{text}” is not a web link I can use. Please type the full link, starting with https:// "
            "(or http://), or press Skip."
        )
        return [self._with_intro(ctx, ctx.t(message, text=text[:60]), self._question(ctx, "source"))]

    def _typed_license(self, ctx: Context, step: str, text: str) -> Sequence[Reply]:
        try:
            named = parse_license(text)
        except UnknownLicense as unknown:
            if is_question(text):
                return NOT_AN_ANSWER
            intro = render.unknown_license(ctx.translator, unknown.text)
            return [self._with_intro(ctx, intro, self._question(ctx, step))]
        return self._license_answer(ctx, step, named)

    def _license_answer(self, ctx: Context, step: str, named: License) -> Sequence[Reply]:
        if not isinstance(named, LicenseRef):
            intro = ctx.t(NOT_A_CC_LICENSE, license=named.name)
            return [self._with_intro(ctx, intro, self._question(ctx, step))]
        if step == "adapted_license":
            return self._adapted_license(ctx, named)
        data = {**ctx.session.data, "license": named.id}
        ctx.move_to(FLOW, step, **data)
        if not data.get("title") and attribution.requires_title(named):
            ctx.move_to(FLOW, "title", **{**ctx.session.data, "title_required": True})
            intro = ctx.t(TITLE_REQUIRED, license=named.short_name)
            return [self._with_intro(ctx, intro, self._question(ctx, "title"))]
        return [self._ask(ctx, "changed")]

    def _adapted_license(self, ctx: Context, target: LicenseRef) -> Sequence[Reply]:
        source = self._license(ctx)
        try:
            warnings = attribution.check_adaptation(source, target)
        except AdaptationNotAllowed as refused:
            intro = refused_adaptation(ctx, refused, source, target)
            return [self._with_intro(ctx, intro, self._question(ctx, "adapted_license"))]
        ctx.move_to(
            FLOW, "adapted_license", **{**ctx.session.data, "adapted": target.id, "warnings": list(warnings)}
        )
        return [self._ask(ctx, "adaptation_title")]

    def _changed(self, ctx: Context, value: str) -> Sequence[Reply]:
        source = self._license(ctx)
        if value == "adapt" and source.tool.no_derivatives:
            intro = ctx.t(NOT_ADAPTABLE, license=source.short_name)
            return [self._with_intro(ctx, intro, self._question(ctx, "changed"))]
        ctx.move_to(FLOW, "changed", **{**ctx.session.data, "changed": value})
        if value == "no":
            return self._result(ctx)
        return [self._ask(ctx, "changes" if value == "mod" else "adapted_license")]

    def _store(self, ctx: Context, step: str, value: str) -> Sequence[Reply]:
        data: dict[str, Any] = {**ctx.session.data, step: value}
        if step == "title":
            data["title_required"] = False
        ctx.move_to(FLOW, step, **data)
        following = {
            "title": "author",
            "author": "source",
            "source": "license",
            "adaptation_title": "adapter",
        }
        if step == "title" and data.get("license"):
            return [self._ask(ctx, "changed")]  # the title asked again for an older license
        if step in following:
            return [self._ask(ctx, following[step])]
        return self._result(ctx)

    # -- questions and the result ---------------------------------------------------------------

    def _ask(self, ctx: Context, step: str) -> Reply:
        ctx.move_to(FLOW, step, **ctx.session.data)
        return self._question(ctx, step)

    def _question(self, ctx: Context, step: str) -> Reply:
        rows: list[list[Button]] = []
        if step == "license":
            rows = [[Button(t.short_name, f"att:lic:{t.id}")] for t in all_tools()]
        elif step == "adapted_license":
            targets = attribution.adaptation_targets(self._license(ctx))
            rows = [[Button(tool(i).short_name, f"att:lic:{i}")] for i in targets]
        elif step == "changed":
            rows = [[Button(ctx.t(label), f"att:changed:{value}")] for label, value in CHANGE_CHOICES]
        elif step in SKIPPABLE and not self._title_required(ctx, step):
            rows = [[Button(ctx.t(SKIP), f"att:skip:{step}")]]
        return ctx.reply(ctx.t(PROMPTS[step]), rows)

    def _result(self, ctx: Context) -> list[Reply]:
        data = dict(ctx.session.data)
        ctx.move_to(None)
        return finished_credit(ctx, data)

    def _license(self, ctx: Context) -> LicenseRef:
        return license_ref(ctx.session.data["license"])

    def _title_required(self, ctx: Context, step: str) -> bool:
        return step == "title" and bool(ctx.session.data.get("title_required"))

    def _with_intro(self, ctx: Context, intro: str, reply: Reply) -> Reply:
        return ctx.reply(f"{intro}\n\n{ctx.translator.plain(reply.text)}", reply.buttons)
