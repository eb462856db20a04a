"""What the attribution builder says around a finished credit: whether credit is required, warnings about
the adaptation's license, and the notices to keep; then the credit itself, as plain text and as HTML."""

from __future__ import annotations

from typing import Any

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Reply
from handlers.licensing import attribution
from handlers.licensing.attribution import Credit, TitleRequired, Work
from handlers.licensing.attribution_rules import license_ref
from handlers.licensing.names import LicenseRef

CREDIT_OPTIONAL = N_(
    "Credit is not legally required for CC0 or Public Domain Mark material, but CC recommends it."
)
KEEP_NOTICES = N_(
    "Also keep any copyright notice, disclaimer or note of earlier changes that came with the work, and do "
    "not suggest that the author endorses you or your use."
)


def finished_credit(ctx: Context, data: dict[str, Any]) -> list[Reply]:
    """The credit for what the member gave: the work (title, author, source), its `license`, and whether
    it was `changed` ("no"; "mod" with `changes`; "adapt" with the `adapted` license, the adaptation's
    title and its `adapter`)."""
    work = Work(data.get("title", ""), data.get("author", ""), data.get("source", ""))
    source = license_ref(data["license"])
    gettext = ctx.translator.gettext
    try:
        if data.get("changed") == "adapt":
            adaptation = Work(data.get("adaptation_title", ""), data.get("adapter", ""))
            target = license_ref(data["adapted"])
            credit = attribution.attribute_adaptation(work, source, adaptation, target, gettext=gettext)
        else:
            changes = data.get("changes", "") if data.get("changed") == "mod" else None
            credit = attribution.attribute(work, source, changes, gettext=gettext)
    except TitleRequired:  # both ways of asking make this impossible; say so rather than guess
        return [
            ctx.reply(
                ctx.t(N_("I need the title of the work for this license. Type /attribute to start again."))
            )
        ]
    return credit_replies(ctx, credit, source, data)


def credit_replies(ctx: Context, credit: Credit, source: LicenseRef, data: dict[str, Any]) -> list[Reply]:
    """What to say around the credit, then the credit itself as plain text and as HTML (each on its own)."""
    notes = [ctx.t(N_("Here is the credit, as plain text and then as HTML:"))]
    if not credit.credit_required:
        notes.append(ctx.t(CREDIT_OPTIONAL))
    if source.tool.no_derivatives and data.get("changed") == "mod":
        notes.append(
            ctx.t(
                N_(
                    "Careful: adapted versions of {license} material may not be shared. Format changes and "
                    "technical modifications are not adaptations."
                ),
                license=source.short_name,
            )
        )
    for warning in data.get("warnings", []):
        notes.append(ctx.t(WARNINGS[warning], source=source.short_name))
    if source.tool.requires_attribution:
        notes.append(ctx.t(KEEP_NOTICES))
    return [
        ctx.reply("\n".join(notes)),
        Reply(text=credit.plain, direction=ctx.translator.direction),
        Reply(text=credit.html),
    ]


WARNINGS = {
    "not_recommended": N_(
        "CC permits this license for an adaptation of {source} material but does not recommend it: the "
        "{source} terms still apply to the original material, so mark the adaptation as carrying both "
        "licenses."
    ),
    "unchecked_version": N_(
        "I can't check which licenses an adaptation may use here: CC's charts cover the 4.0 licenses only. "
        "Check the legal code of {source}."
    ),
}
