"""The license chooser: the questions of CC's official License Chooser and the tool it recommends.

Attribution? Commercial use? Adaptations: yes, yes if shared alike, or no? Answering "no" to attribution
leads to the CC0 waiver; the other answers are then not asked. The tool is the one of licenses.json whose
booleans match the answers, among the tools the chooser offers (the Public Domain Mark is not one of them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from bot.core.i18n import N_
from handlers.licensing import rich
from handlers.licensing.tools import CC0, Tool, load_json, tool

Gettext = Callable[[str], str]

# The official chooser's marking statements (attribution.md, section 3): no © year for CC0.
MARK_LICENSE = N_(
    "{title} © {year} by {creator} is licensed under {license}. To view a copy of this license, visit {url}"
)
MARK_CC0 = N_("{title} by {creator} is marked {license}. To view a copy of this mark, visit {url}")


class Adaptations(StrEnum):
    YES = "yes"
    SHAREALIKE = "sharealike"
    NO = "no"


class IncompleteAnswers(ValueError):
    """An answer the chooser needs is missing; `missing` names the questions, in the order they are asked."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__("missing answers: " + ", ".join(missing))
        self.missing = missing


# What must be confirmed before the chooser shows its recommendation (chooser_cases.json).
LICENSE_CONFIRMATIONS = ("ownership", "read", "revocation")
WAIVER_CONFIRMATIONS = ("waive", "read")


@dataclass(frozen=True)
class Answers:
    attribution: bool | None = None
    commercial: bool | None = None
    adaptations: Adaptations | None = None

    def missing(self) -> list[str]:
        """The questions still to ask, in order; none after "no attribution" (the CC0 path)."""
        if self.attribution is None:
            return ["attribution"]
        if self.attribution is False:
            return []
        return [
            name
            for name, value in (("commercial", self.commercial), ("adaptations", self.adaptations))
            if value is None
        ]

    @property
    def ignored(self) -> list[str]:
        """Answers given but not used: on the CC0 path the chooser disables the other questions."""
        if self.attribution is not False:
            return []
        return [
            name
            for name, value in (("commercial", self.commercial), ("adaptations", self.adaptations))
            if value is not None
        ]


def recommend(answers: Answers) -> Tool:
    """The tool for complete answers; IncompleteAnswers when one is missing (never a guess)."""
    missing = answers.missing()
    if missing:
        raise IncompleteAnswers(missing)
    if answers.attribution is False:
        return tool(CC0)
    assert answers.commercial is not None and answers.adaptations is not None
    matches = [
        candidate
        for candidate in offered_tools()
        if candidate.requires_attribution
        and candidate.allows_commercial == answers.commercial
        and candidate.allows_adaptations == (answers.adaptations is not Adaptations.NO)
        and candidate.share_alike == (answers.adaptations is Adaptations.SHAREALIKE)
    ]
    (chosen,) = matches
    return chosen


def offered_tools() -> tuple[Tool, ...]:
    """The tools of the chooser's "I know which license I need" list, in its order."""
    return tuple(tool(tool_id) for tool_id in chooser_data()["dropdown"])


def confirmations_for(chosen: Tool, guided: bool = True) -> tuple[str, ...]:
    """What to confirm before the result: the waiver for CC0; the three license statements on the guided
    path; nothing when a license is picked from the list (as in CC's chooser)."""
    if chosen.id == CC0:
        return WAIVER_CONFIRMATIONS
    return LICENSE_CONFIRMATIONS if guided else ()


@dataclass(frozen=True)
class Marking:
    """The text to paste next to one's own work: plain text, and HTML with the links."""

    plain: str
    html: str


def marking(chosen: Tool, title: str, creator: str, year: int, gettext: Gettext = str) -> Marking:
    template = gettext(MARK_CC0 if chosen.id == CC0 else MARK_LICENSE)
    values = {"title": title, "creator": creator, "year": str(year)}
    plain = rich.fill(template, license=chosen.short_name, url=chosen.deed_url, **values)
    linked = rich.fill(
        template,
        license=rich.Link(chosen.short_name, chosen.deed_url),
        url=rich.Link(chosen.deed_url, chosen.deed_url),
        **values,
    )
    return Marking(rich.plain(plain), rich.as_html(linked))


@cache
def chooser_data() -> dict[str, Any]:
    data: dict[str, Any] = load_json("chooser.json")
    return data


def public_domain_mark_url() -> str:
    url: str = chooser_data()["public_domain_mark"]["url"]
    return url


def all_guided_answers() -> list[Answers]:
    """Every combination of the three guided questions (12), for documentation and tests."""
    return [
        Answers(attribution, commercial, adaptations)
        for attribution in (True, False)
        for commercial in (True, False)
        for adaptations in Adaptations
    ]
