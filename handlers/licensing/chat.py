"""The licensing commands and free-text questions.

/license starts the chooser (/license <name> explains that license instead, like /explain <name>);
/combine <licenses...> checks a remix; /attribute builds a credit; a typed question naming licenses ("can I
remix a CC BY-SA photo with CC BY-NC text?", "what is CC BY-SA 3.0 IGO?") is answered by
answer_licensing_question, which returns None for anything else.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Button, Reply
from handlers.licensing import render
from handlers.licensing.attribution_flow import AttributionBuilder
from handlers.licensing.chooser_flow import LicenseChooser
from handlers.licensing.compatibility import combine
from handlers.licensing.explainer import explain
from handlers.licensing.intents import wants_combination, wants_explanation
from handlers.licensing.names import (
    License,
    LicenseRef,
    OtherLicense,
    UnknownLicense,
    find_licenses,
    parse_license,
)
from handlers.licensing.names import parse_licenses as parse_many

CHOOSE_BUTTON = N_("Choose a license for my work")

chooser = LicenseChooser()
attribution_builder = AttributionBuilder()


async def license_command(ctx: Context) -> Reply | list[Reply]:
    """/license: the chooser; /license <name>: what that license allows and requires."""
    if ctx.args.strip():
        return await explain_command(ctx)
    return await chooser.start(ctx)


async def explain_command(ctx: Context) -> Reply:
    if not ctx.args.strip():
        return ctx.reply(
            ctx.t(N_("Which license? For example: {example}"), example="/explain CC BY-SA 3.0 IGO")
        )
    try:
        named = parse_license(ctx.args)
    except UnknownLicense as unknown:
        return ctx.reply(render.unknown_license(ctx.translator, unknown.text))
    return explanation_reply(ctx, named)


async def combine_command(ctx: Context) -> Reply:
    if not ctx.args.strip():
        text = N_("Which licenses should I check? For example: {example}")
        return ctx.reply(ctx.t(text, example="/combine BY-SA BY-NC"))
    try:
        named = parse_many(ctx.args)
    except UnknownLicense as unknown:
        return ctx.reply(render.unknown_license(ctx.translator, unknown.text))
    return combination_reply(ctx, named)


async def attribute_command(ctx: Context) -> Reply:
    return await attribution_builder.start(ctx)


async def answer_licensing_question(ctx: Context, text: str) -> Reply | None:
    """A typed question about licenses: two or more license names and a wish to remix or combine them (or
    one name and "remix") get the compatibility answer; one name and "what is" (or the bare name) get the
    explainer. Anything else: None, for the general answerer."""
    found = find_licenses(text)
    cc = [f.license for f in found if isinstance(f.license, LicenseRef)]
    others = [f.license for f in found if isinstance(f.license, OtherLicense)]
    if others and (cc or wants_combination(text) or wants_explanation(text)):
        return explanation_reply(ctx, others[0])
    if cc and wants_combination(text):
        return combination_reply(ctx, cc)
    named = [f.license for f in found if isinstance(f.license, LicenseRef) and not f.generic]
    if len(cc) == 1 and named and (wants_explanation(text) or _is_just_a_name(text)):
        return explanation_reply(ctx, named[0])  # "what is the public domain?" is not about the PDM
    return None


def explanation_reply(ctx: Context, named: License) -> Reply:
    if isinstance(named, OtherLicense):
        return ctx.reply(render.other_license(ctx.translator, named))
    text = render.explanation(ctx.translator, explain(named))
    return ctx.reply(text, [[Button(ctx.t(CHOOSE_BUTTON), "lic:start")]])


def combination_reply(ctx: Context, named: Sequence[License]) -> Reply:
    for item in named:
        if isinstance(item, OtherLicense):
            return ctx.reply(render.other_license(ctx.translator, item))
        if not item.is_current:
            text = N_(
                "I can check combinations only for the 4.0 licenses, CC0 and the Public Domain Mark; "
                "{license} is an older version. Read its legal code: {url}"
            )
            return ctx.reply(ctx.t(text, license=item.short_name, url=item.legal_code_url))
    refs = [item for item in named if isinstance(item, LicenseRef)]
    return ctx.reply(render.combination(ctx.translator, combine([ref.tool_id for ref in refs])))


def _is_just_a_name(text: str) -> bool:
    try:
        parse_license(text)
    except UnknownLicense:
        return False
    return True
