"""/attribute as one form, where the surface can show forms (a Slack modal): the same questions as the
chat asks one at a time, checked the same way, with each problem shown next to its field.

The form offers the eight current tools; an older version (such as CC BY-SA 3.0 IGO) is typed in a field
of its own. Answers about changes and the adaptation count only for the kind of change chosen, so a
field left filled in for another choice never slips into the credit.
"""

from __future__ import annotations

from typing import Any

from bot.core.context import Context
from bot.core.forms import Choice, FieldKind, Form, FormField
from bot.core.i18n import N_
from bot.core.messages import Button, Reply
from bot.core.router import FormRejected, StaleButton
from handlers.licensing import attribution, render
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
from handlers.licensing.names import License, LicenseRef, UnknownLicense, parse_license
from handlers.licensing.tools import PDM, all_tools, tool_ids

SUBMITTED = "att:submit"
FIELD_NAMES = (
    "title",
    "author",
    "source",
    "license",
    "older_license",
    "changed",
    "changes",
    "adapted",
    "adaptation_title",
    "adapter",
)
NOT_A_LINK = N_(
    "This is not a web link I can use. Please type the full link, starting with https:// (or http://), or "
    "leave it empty."
)


def offer(ctx: Context) -> Reply:
    """The way in: open the form, or answer in the chat one question at a time."""
    text = ctx.t(
        N_(
            "Let's write the credit for a work you reuse. Fill in the form, or answer my questions here one "
            "at a time."
        )
    )
    buttons = [
        [Button(ctx.t(N_("Fill in the form")), "att:form")],
        [Button(ctx.t(N_("One question at a time")), "att:steps")],
    ]
    return ctx.reply(text, buttons, form=attribution_form(ctx))


def attribution_form(ctx: Context) -> Form:
    t = ctx.t
    tools = all_tools()
    fields = (
        FormField(
            "title",
            t(N_("Title of the work")),
            max_length=LIMITS["title"],
            hint=t(
                N_("Leave it empty if the work has none. Licenses of version 3.0 and earlier require it.")
            ),
        ),
        FormField(
            "author",
            t(N_("Author")),
            max_length=LIMITS["author"],
            hint=t(
                N_(
                    "As they ask to be credited: a name, a pseudonym or an organisation. Leave it empty if "
                    "no name is given or the author asked not to be named."
                )
            ),
        ),
        FormField("source", t(N_("Link to the work")), FieldKind.LINK, max_length=LIMITS["source"]),
        FormField(
            "license",
            t(N_("License of the work")),
            FieldKind.CHOICE,
            choices=tuple(Choice(tool.short_name, tool.id) for tool in tools),
        ),
        FormField(
            "older_license",
            t(N_("Or an older license version")),
            max_length=60,
            hint=t(N_("If the work is under an older version, type its name, for example CC BY-SA 3.0 IGO.")),
        ),
        FormField(
            "changed",
            t(N_("Did you change the work?")),
            FieldKind.CHOICE,
            required=True,
            choices=tuple(Choice(t(label), value) for label, value in CHANGE_CHOICES),
        ),
        FormField(
            "changes",
            t(N_("What did you change?")),
            FieldKind.LONG_TEXT,
            max_length=LIMITS["changes"],
            hint=t(N_("Only if you modified it. For example: Cropped and labels translated into Spanish.")),
        ),
        FormField(
            "adapted",
            t(N_("License of your adaptation")),
            FieldKind.CHOICE,
            choices=tuple(Choice(tool.short_name, tool.id) for tool in tools if tool.id != PDM),
            hint=t(N_("Only for an adaptation under your own license.")),
        ),
        FormField(
            "adaptation_title",
            t(N_("Title of your adaptation")),
            max_length=LIMITS["adaptation_title"],
            hint=t(N_("Only for an adaptation. Leave it empty if it has none.")),
        ),
        FormField(
            "adapter",
            t(N_("Credited for the adaptation")),
            max_length=LIMITS["adapter"],
            hint=t(N_("You or your organisation. Only for an adaptation; leave it empty to leave it out.")),
        ),
    )
    return Form(
        title=t(N_("Credit a work")), submit_label=t(N_("Write the credit")), payload=SUBMITTED, fields=fields
    )


async def submit(ctx: Context) -> list[Reply]:
    """The credit for a submitted form, or FormRejected naming every field that needs another look."""
    values = ctx.message.form_values
    if values is None:
        raise StaleButton()  # the form's payload pressed as a button: not from a form
    entered = {name: (values.get(name) or "").strip() for name in FIELD_NAMES}
    errors: dict[str, str] = {}
    for name, limit in LIMITS.items():
        if len(entered[name]) > limit:
            errors[name] = ctx.t(KEEP_IT_SHORT, limit=limit)
    if entered["source"] and not is_link(entered["source"]):
        errors["source"] = ctx.t(NOT_A_LINK)
    data: dict[str, Any] = {key: entered[key] for key in ("title", "author", "source")}
    source = _source_license(ctx, entered, errors)
    if entered["changed"] not in {choice for _, choice in CHANGE_CHOICES}:
        errors["changed"] = ctx.t(N_("Please choose whether you changed the work."))
    elif source is not None:
        data.update(_changes(ctx, source, entered, errors))
    if source is not None:
        data["license"] = source.id
        if not entered["title"] and attribution.requires_title(source):
            errors["title"] = ctx.t(TITLE_REQUIRED, license=source.short_name)
    if errors:
        raise FormRejected(errors)
    if ctx.session.flow == FLOW:  # a credit left half-way in the chat is done with too
        ctx.move_to(None)
    return finished_credit(ctx, data)


def _source_license(ctx: Context, entered: dict[str, str], errors: dict[str, str]) -> LicenseRef | None:
    """The typed older version if there is one, else the chosen license."""
    if entered["older_license"]:
        field, named = "older_license", _parse(entered["older_license"])
    elif entered["license"] in tool_ids():
        field, named = "license", license_ref(entered["license"])
    else:
        errors["license"] = ctx.t(N_("Please choose the license of the work."))
        return None
    if named is None:
        errors[field] = render.unknown_license(ctx.translator, entered[field])
        return None
    if not isinstance(named, LicenseRef):
        errors[field] = ctx.t(NOT_A_CC_LICENSE, license=named.name)
        return None
    return named


def _changes(
    ctx: Context, source: LicenseRef, entered: dict[str, str], errors: dict[str, str]
) -> dict[str, Any]:
    changed = entered["changed"]
    if changed == "mod":
        return {"changed": "mod", "changes": entered["changes"]}
    if changed == "no":
        return {"changed": "no"}
    if source.tool.no_derivatives:
        errors["changed"] = ctx.t(NOT_ADAPTABLE, license=source.short_name)
        return {}
    if entered["adapted"] not in tool_ids():
        errors["adapted"] = ctx.t(N_("Please choose the license you share your adaptation under."))
        return {}
    target = license_ref(entered["adapted"])
    try:
        warnings = attribution.check_adaptation(source, target)
    except AdaptationNotAllowed as refused:
        errors["adapted"] = refused_adaptation(ctx, refused, source, target)
        return {}
    return {
        "changed": "adapt",
        "adapted": target.id,
        "warnings": list(warnings),
        "adaptation_title": entered["adaptation_title"],
        "adapter": entered["adapter"],
    }


def _parse(text: str) -> License | None:
    try:
        return parse_license(text)
    except UnknownLicense:
        return None
