"""`oerbot license ...`: the licensing assistant on the command line, with the same engine as the chat.

    oerbot license choose --attribution yes --commercial no --adaptations sharealike --json
    oerbot license combine BY-SA BY-NC --json
    oerbot license attribute --title "Cell Structure" --author "Jane Doe" --source https://... --license by
    oerbot license show "CC BY-SA 3.0 IGO" --json

No database and no configuration are needed. Text is printed in English. With --json, standard output is
exactly one JSON object; errors go to standard error, with exit code 2 and, for an unknown license, the
list of valid names.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, NoReturn

import typer

from bot.core.i18n import Catalogs, Translator
from handlers.licensing import attribution, chooser, compatibility, render, texts
from handlers.licensing.attribution import AdaptationNotAllowed, TitleRequired, Work
from handlers.licensing.chooser import Adaptations, Answers, IncompleteAnswers
from handlers.licensing.chooser_flow import CONFIRMATIONS
from handlers.licensing.explainer import explain
from handlers.licensing.names import (
    License,
    LicenseRef,
    OtherLicense,
    UnknownLicense,
    parse_license,
    parse_licenses,
    valid_names,
)
from handlers.licensing.tools import Tool

license_cli = typer.Typer(
    help="The licensing assistant: choose, combine, attribute and explain Creative Commons licenses.",
    no_args_is_help=True,
)
log = logging.getLogger("oerbot.license")

JsonOption = Annotated[bool, typer.Option("--json", help="Print exactly one JSON object on standard output.")]


class YesNo(StrEnum):
    YES = "yes"
    NO = "no"


@license_cli.callback()
def _logging() -> None:
    """Logs, if any, go to standard error: standard output is for the answer alone."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)


def _english() -> Translator:
    return Catalogs.untranslated().translator("en")


def _emit(payload: dict[str, Any], text: str, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(text + "\n")


def _fail(message: str, code: int = 2) -> NoReturn:
    sys.stderr.write(f"oerbot license: {message}\n")
    raise typer.Exit(code)


def _unknown(name: str) -> NoReturn:
    _fail(f"unknown license {name!r}. Valid names: {', '.join(valid_names())} (any common spelling).")


def _one(name: str) -> LicenseRef:
    try:
        named = parse_license(name)
    except UnknownLicense as unknown:
        _unknown(unknown.text)
    if isinstance(named, OtherLicense):
        _fail(f"{named.name} is not a Creative Commons license. {texts.BYSA_COMPATIBLE}")
    return named


def _many(names: list[str]) -> list[License]:
    """Each argument a name ("BY-SA" "BY-NC"), or the arguments together ("CC" "BY-SA" "4.0")."""
    try:
        return [parse_license(name) for name in names]
    except UnknownLicense:
        pass
    try:
        return parse_licenses(" ".join(names))
    except UnknownLicense as unknown:
        _unknown(unknown.text)


def _tool_json(chosen: Tool) -> dict[str, Any]:
    return {
        "tool": chosen.id,
        "name": chosen.name,
        "short_name": chosen.short_name,
        "deed_url": chosen.deed_url,
        "legal_code_url": chosen.legal_code_url,
        "summary": chosen.summary,
    }


@license_cli.command("choose")
def choose(
    attribution_answer: Annotated[
        YesNo,
        typer.Option("--attribution", help="Require attribution? (no leads to CC0)", case_sensitive=False),
    ],
    commercial: Annotated[
        YesNo | None, typer.Option(help="Allow commercial use?", case_sensitive=False)
    ] = None,
    adaptations: Annotated[
        Adaptations | None,
        typer.Option(help="Allow adaptations: yes, sharealike or no.", case_sensitive=False),
    ] = None,
    title: Annotated[
        str, typer.Option(help="Your work's title, for the marking text.")
    ] = "[title of your work]",
    creator: Annotated[str, typer.Option(help="Your name, for the marking text.")] = "[your name]",
    year: Annotated[int | None, typer.Option(help="The © year (default: this year).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Which license CC's License Chooser recommends for these answers, and the text to mark the work."""
    answers = Answers(
        attribution=attribution_answer is YesNo.YES,
        commercial=None if commercial is None else commercial is YesNo.YES,
        adaptations=adaptations,
    )
    try:
        chosen = chooser.recommend(answers)
    except IncompleteAnswers as incomplete:
        _fail("incomplete answers: give " + " and ".join(f"--{name}" for name in incomplete.missing))
    marking = chooser.marking(chosen, title, creator, year or datetime.now(UTC).year)
    _emit(*_chosen_payload(chosen, answers, marking), as_json)


def _chosen_payload(chosen: Tool, answers: Answers, marking: chooser.Marking) -> tuple[dict[str, Any], str]:
    confirmations = [render_confirmation(key, chosen) for key in chooser.confirmations_for(chosen)]
    payload = {
        **_tool_json(chosen),
        "confirmations": confirmations,
        "ignored_answers": answers.ignored,
        "marking": {"plain": marking.plain, "html": marking.html},
        "public_domain_mark": chooser.public_domain_mark_url(),
    }
    result = render.chooser_result(_english(), chosen)
    text = "\n".join([result, "", "Confirm first:", *confirmations, "", marking.plain, marking.html])
    return payload, text


def render_confirmation(key: str, chosen: Tool) -> str:
    return CONFIRMATIONS["read_cc0" if key == "read" and chosen.id == "CC0-1.0" else key]


@license_cli.command("combine")
def combine(
    licenses: Annotated[
        list[str], typer.Argument(help="Two or more licenses, e.g. BY-SA BY-NC or 'CC BY 4.0'.")
    ],
    as_json: JsonOption = False,
) -> None:
    """Can material under these licenses be combined into one adaptation, and under which licenses?"""
    named = _many(licenses)
    refs: list[LicenseRef] = []
    for item in named:
        if isinstance(item, OtherLicense) or not item.is_current:
            name = item.name if isinstance(item, OtherLicense) else item.short_name
            _fail(f"{name}: I check combinations of the 4.0 licenses, CC0 and the Public Domain Mark only.")
        refs.append(item)
    result = compatibility.combine([ref.tool_id for ref in refs])
    english = _english()
    payload = {
        "inputs": list(result.inputs),
        "can_combine": result.can_combine,
        "recommended": list(result.recommended),
        "permitted_not_recommended": list(result.permitted_not_recommended),
        "reason": render.reason(english, result),
        "contested": result.contested,
        "non_cc_options": [{"license": o.id, "direction": o.direction} for o in result.non_cc_options],
        "collection_may_be_commercial": result.commercial_collection_possible,
        "sources": compatibility.faq_urls(),
    }
    _emit(payload, render.combination(english, result), as_json)


@license_cli.command("attribute")
def attribute(
    license_name: Annotated[str, typer.Option("--license", help="The work's license, any spelling.")],
    title: Annotated[str, typer.Option(help="The work's title (required before 4.0).")] = "",
    author: Annotated[str, typer.Option(help="The author, as they ask to be credited.")] = "",
    source: Annotated[str, typer.Option(help="The link to the original work.")] = "",
    author_url: Annotated[str, typer.Option(help="A link to the author's profile.")] = "",
    provider: Annotated[str, typer.Option(help="Where it comes from, e.g. a library.")] = "",
    modified: Annotated[bool, typer.Option("--modified", help="You changed the work.")] = False,
    changes: Annotated[str, typer.Option(help="What you changed (implies --modified).")] = "",
    adapted_license: Annotated[
        str | None, typer.Option(help="Your adaptation's own license (an adaptation).")
    ] = None,
    adapted_title: Annotated[str, typer.Option(help="Your adaptation's title.")] = "",
    adapter: Annotated[str, typer.Option(help="Who is credited for the adaptation.")] = "",
    as_json: JsonOption = False,
) -> None:
    """The TASL credit (title, author, source, license) as plain text and HTML."""
    license = _one(license_name)
    work = Work(title, author, source, author_url, provider)
    note = changes if (modified or changes) else None
    try:
        if adapted_license:
            target = _one(adapted_license)
            adaptation = Work(adapted_title, adapter)
            credit = attribution.attribute_adaptation(work, license, adaptation, target, note)
        else:
            credit = attribution.attribute(work, license, note)
    except TitleRequired:
        _fail(f"--title is required for {license.short_name}: versions 3.0 and earlier require the title.")
    except AdaptationNotAllowed as refused:
        allowed = render.license_list(refused.allowed) or "none"
        _fail(f"{refused}. Licenses possible for an adaptation: {allowed}.")
    payload = {
        "license": license.id,
        "plain": credit.plain,
        "html": credit.html,
        "credit_required": credit.credit_required,
        "warnings": list(credit.warnings),
    }
    _emit(payload, f"{credit.plain}\n{credit.html}", as_json)


@license_cli.command("show")
def show(
    license_name: Annotated[str, typer.Argument(metavar="LICENSE", help="Any spelling, e.g. by-nc-sa.")],
    as_json: JsonOption = False,
) -> None:
    """What a license allows and requires; for an older version, what differs from 4.0."""
    license = _one(license_name)
    about = explain(license)
    current = license.tool
    payload = {
        "id": license.id,
        "current_id": current.id,
        "name": current.name if license.is_current else license.short_name,
        "short_name": license.short_name,
        "version": license.version,
        "port": license.port,
        "is_current": license.is_current,
        "deed_url": license.deed_url,
        "legal_code_url": license.legal_code_url,
        "summary": current.summary if license.is_current else None,
        "allows": list(about.allows),
        "requires": list(about.requires),
        "differences": [texts.DIFFERENCES[code] for code in about.differences],
    }
    _emit(payload, render.explanation(_english(), about), as_json)
