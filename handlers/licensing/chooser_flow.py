"""/license: CC's License Chooser as a conversation, with buttons (payloads "lic:...") or typed answers.

Do you know which license you need? If so, pick it; otherwise: attribution? commercial use? adaptations?
"No attribution" leads to the CC0 waiver and its two confirmations; the guided path to a license ends with
its three confirmations, ticked one by one, before the result. An earlier question's button changes that
answer. A chooser left half-way is offered back ("Resume" or "Start over") on the next /license.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Button, Reply
from bot.core.router import NOT_AN_ANSWER, StaleButton
from handlers.licensing import chooser, render
from handlers.licensing.chooser import Adaptations, Answers
from handlers.licensing.intents import YesNo, is_question, mentions_share_alike, yes_or_no
from handlers.licensing.names import LicenseRef, UnknownLicense, parse_license
from handlers.licensing.tools import CC0, Tool, tool
from handlers.steps import CHECK

FLOW = "license"
YES, NO = N_("Yes"), N_("No")
START_OVER = N_("Start over")
CONFIRMATIONS = {
    "ownership": N_("I own or have authority to license the work."),
    "read": N_("I have read and understand the terms of the license."),
    "revocation": N_("I understand that CC licensing is not revocable."),
    "waive": N_("I waive all copyright and related rights in this work, worldwide."),
    "read_cc0": N_("I have read and understand the terms of CC0."),
}
QUESTIONS = {
    "know": N_("Do you know which license you need?"),
    "attribution": N_("Require attribution for your work?"),
    "commercial": N_("Allow others to use your work commercially?"),
    "adaptations": N_("Allow others to remix, adapt, or build upon your work?"),
}
HINTS = {
    "know": N_(
        "Creative Commons does not recommend its licenses for software or hardware: use a free and "
        "open-source software license for those."
    ),
    "attribution": N_(
        "If you answer No, the answer is CC0: you give up all your rights, and anyone may use the work for "
        "any purpose without crediting you."
    ),
    "adaptations": N_("“If they share alike” means that adaptations must be shared under the same license."),
}
ANSWER_KEYS = {"know": "know", "att": "attribution", "com": "commercial", "adapt": "adaptations"}


class LicenseChooser:
    async def start(self, ctx: Context) -> Reply:
        """/license: begin, or offer to resume a choice left half-way."""
        if ctx.session.flow == FLOW and ctx.session.step:
            text = N_("You have an unfinished license choice. Continue where you left off, or start over?")
            buttons = [[Button(ctx.t(N_("Resume")), "lic:resume"), Button(ctx.t(START_OVER), "lic:restart")]]
            return ctx.reply(ctx.t(text), buttons)
        return self.begin(ctx)

    def begin(self, ctx: Context) -> Reply:
        ctx.move_to(FLOW, "know")
        return self._next(ctx)[0]

    async def on_button(self, ctx: Context) -> Sequence[Reply]:
        _, _, rest = (ctx.message.button_payload or "").partition(":")
        kind, _, value = rest.partition(":")
        if kind in ("restart", "start"):
            return [self.begin(ctx)]
        if ctx.session.flow != FLOW:
            raise StaleButton()
        if kind == "resume":
            return self._next(ctx)
        if kind == "tick" and value in CONFIRMATIONS:
            ticks = set(ctx.session.data.get("ticks", []))
            self._update(ctx, ticks=sorted(ticks ^ {value}))
            return [self._confirmation_question(ctx)]
        if kind == "go":
            return self._finish(ctx)
        if kind == "pick":
            return self._pick(ctx, value)
        return self._answer(ctx, ANSWER_KEYS.get(kind, ""), value)

    async def on_text(self, ctx: Context, text: str) -> Sequence[Reply]:
        """A typed answer to the waiting question; NOT_AN_ANSWER lets the router treat it as a question."""
        step = ctx.session.step or ""
        if step == "pick":
            return self._typed_pick(ctx, text)
        if step == "confirm":
            return NOT_AN_ANSWER if is_question(text) else [self._confirmation_question(ctx, again=True)]
        if step not in ("know", "attribution", "commercial", "adaptations"):
            return NOT_AN_ANSWER
        answer = yes_or_no(text)
        if step == "adaptations" and mentions_share_alike(text):
            if answer in (None, YesNo.YES):
                return self._answer(ctx, step, "sa")
            answer = YesNo.BOTH  # "no ... share alike": contradictory
        if answer is YesNo.BOTH:
            intro = ctx.t(N_("I need one answer, not both. Please answer again:"))
            return [self._with_intro(ctx, intro, self._question(ctx, step))]
        if answer is None:
            return NOT_AN_ANSWER
        return self._answer(ctx, step, answer.value)

    async def reprompt(self, ctx: Context) -> Reply | None:
        if ctx.session.flow != FLOW:
            return None
        intro = ctx.t(N_("Now, back to choosing your license:"))
        return self._with_intro(ctx, intro, self._next(ctx)[0])

    # -- answers --------------------------------------------------------------------------------

    def _answer(self, ctx: Context, step: str, value: str) -> Sequence[Reply]:
        values: dict[str, dict[str, Any]] = {
            "know": {"yes": True, "no": False},
            "attribution": {"yes": True, "no": False},
            "commercial": {"yes": True, "no": False},
            "adaptations": {"yes": "yes", "sa": "sharealike", "no": "no"},
        }
        if value not in values.get(step, {}):
            raise StaleButton()
        changes: dict[str, Any] = {step: values[step][value], "ticks": []}
        if step == "know":
            changes["picked"] = None
        self._update(ctx, **changes)
        return self._next(ctx)

    def _pick(self, ctx: Context, tool_id: str) -> Sequence[Reply]:
        if tool_id not in chooser.chooser_data()["dropdown"]:
            raise StaleButton()
        self._update(ctx, know=True, picked=tool_id, ticks=[])
        return self._next(ctx)

    def _typed_pick(self, ctx: Context, text: str) -> Sequence[Reply]:
        try:
            named = parse_license(text)
        except UnknownLicense as unknown:
            if is_question(text):
                return NOT_AN_ANSWER
            return [
                self._with_intro(
                    ctx, render.unknown_license(ctx.translator, unknown.text), self._question(ctx, "pick")
                )
            ]
        if (
            isinstance(named, LicenseRef)
            and named.is_current
            and named.tool_id in chooser.chooser_data()["dropdown"]
        ):
            return self._pick(ctx, named.tool_id)
        intro = ctx.t(
            N_(
                "The chooser offers only CC0 1.0 and the six 4.0 licenses. For a work already in the "
                "public domain, use the Public Domain Mark: {url}"
            ),
            url=chooser.public_domain_mark_url(),
        )
        return [self._with_intro(ctx, intro, self._question(ctx, "pick"))]

    def _finish(self, ctx: Context) -> Sequence[Reply]:
        chosen = self._chosen(ctx)
        if chosen is None:
            return self._next(ctx)
        if self._unticked(ctx, chosen):
            return [self._confirmation_question(ctx, again=True)]
        ctx.move_to(None)
        return result_replies(ctx, chosen)

    # -- what comes next ------------------------------------------------------------------------

    def _next(self, ctx: Context) -> list[Reply]:
        data = ctx.session.data
        if data.get("know") is None:
            return [self._ask(ctx, "know")]
        if data["know"] and not data.get("picked"):
            return [self._ask(ctx, "pick")]
        if not data["know"]:
            missing = self._answers(ctx).missing()
            if missing:
                return [self._ask(ctx, missing[0])]
        chosen = self._chosen(ctx)
        assert chosen is not None
        if self._unticked(ctx, chosen):
            return [self._ask(ctx, "confirm")]
        ctx.move_to(None)
        return result_replies(ctx, chosen)

    def _ask(self, ctx: Context, step: str) -> Reply:
        ctx.move_to(FLOW, step, **ctx.session.data)
        return self._confirmation_question(ctx) if step == "confirm" else self._question(ctx, step)

    def _question(self, ctx: Context, step: str) -> Reply:
        if step == "pick":
            rows = [[Button(tool(i).short_name, f"lic:pick:{i}")] for i in chooser.chooser_data()["dropdown"]]
            return ctx.reply(ctx.t(N_("Which one? Choose it below, or type its name.")), rows)
        key = {"know": "know", "attribution": "att", "commercial": "com", "adaptations": "adapt"}[step]
        if step == "know":
            choices = [(N_("Yes, I know which one"), "yes"), (N_("No, help me choose"), "no")]
        elif step == "adaptations":
            choices = [(YES, "yes"), (N_("Yes, if they share alike"), "sa"), (NO, "no")]
        else:
            choices = [(YES, "yes"), (NO, "no")]
        text = ctx.t(QUESTIONS[step])
        if step in HINTS:
            text += "\n" + ctx.t(HINTS[step])
        return ctx.reply(text, [[Button(ctx.t(label), f"lic:{key}:{value}")] for label, value in choices])

    def _confirmation_question(self, ctx: Context, again: bool = False) -> Reply:
        chosen = self._chosen(ctx)
        assert chosen is not None
        ticks = set(ctx.session.data.get("ticks", []))
        if chosen.id == CC0:
            text = N_(
                "CC0: you waive all your copyright and related rights, so anyone may copy, adapt and use the "
                "work for any purpose, even commercially, without crediting you. Press each statement to "
                "confirm it, then Continue:"
            )
        else:
            text = N_("Before I show your license, press each statement to confirm it, then Continue:")
        lines = [ctx.t(text)]
        if again:
            lines.insert(0, ctx.t(N_("CC shows the result only when every statement is confirmed.")))
        rows = [
            [Button((CHECK if name in ticks else "") + ctx.t(CONFIRMATIONS[name]), f"lic:tick:{name}")]
            for name in _statements(chosen, guided=not ctx.session.data.get("know"))
        ]
        rows.append([Button(ctx.t(N_("Continue")), "lic:go"), Button(ctx.t(START_OVER), "lic:restart")])
        return ctx.reply("\n\n".join(lines), rows)

    # -- state ----------------------------------------------------------------------------------

    def _answers(self, ctx: Context) -> Answers:
        data = ctx.session.data
        adaptations = data.get("adaptations")
        return Answers(
            data.get("attribution"), data.get("commercial"), Adaptations(adaptations) if adaptations else None
        )

    def _chosen(self, ctx: Context) -> Tool | None:
        data = ctx.session.data
        if data.get("know"):
            return tool(data["picked"]) if data.get("picked") else None
        answers = self._answers(ctx)
        return None if answers.missing() else chooser.recommend(answers)

    def _unticked(self, ctx: Context, chosen: Tool) -> bool:
        needed = set(_statements(chosen, guided=not ctx.session.data.get("know")))
        return not needed <= set(ctx.session.data.get("ticks", []))

    def _update(self, ctx: Context, **changes: Any) -> None:
        ctx.move_to(FLOW, ctx.session.step, **{**ctx.session.data, **changes})

    def _with_intro(self, ctx: Context, intro: str, reply: Reply) -> Reply:
        return ctx.reply(f"{intro}\n\n{ctx.translator.plain(reply.text)}", reply.buttons)


def _statements(chosen: Tool, guided: bool) -> tuple[str, ...]:
    """The confirmation keys: CC0's "read" is its own statement (the terms of CC0)."""
    return tuple(
        "read_cc0" if chosen.id == CC0 and key == "read" else key
        for key in chooser.confirmations_for(chosen, guided)
    )


def result_replies(ctx: Context, chosen: Tool) -> list[Reply]:
    """The recommendation, then the marking text to paste: plain text and HTML, each in its own message so
    that it can be copied as it is (no direction marks)."""
    marking = chooser.marking(
        chosen,
        title=ctx.t(N_("[title of your work]")),
        creator=ctx.t(N_("[your name]")),
        year=ctx.now.year,
        gettext=ctx.translator.gettext,
    )
    intro = ctx.t(
        N_("To mark your work, put this text next to it, with your title and name (plain text, then HTML):")
    )
    return [
        ctx.reply(f"{render.chooser_result(ctx.translator, chosen)}\n\n{intro}"),
        Reply(text=marking.plain, direction=ctx.translator.direction),
        Reply(text=marking.html),
    ]
