"""The eight Creative Commons tools (CC0, the Public Domain Mark and the six 4.0 licenses), from package data.

The facts live in handlers/licensing/data/*.json, a curated copy of the licensing ground truth; they are read
once, on first use, and never change while the bot runs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

CC0 = "CC0-1.0"
PDM = "PDM-1.0"
BY = "CC-BY-4.0"
BY_SA = "CC-BY-SA-4.0"
BY_NC = "CC-BY-NC-4.0"
BY_NC_SA = "CC-BY-NC-SA-4.0"
BY_ND = "CC-BY-ND-4.0"
BY_NC_ND = "CC-BY-NC-ND-4.0"
PUBLIC_DOMAIN = frozenset({CC0, PDM})


@dataclass(frozen=True)
class Tool:
    """One legal tool as licenses.json describes it; `code` is the URL code ("by-nc-sa", "zero", "mark")."""

    id: str
    name: str
    short_name: str
    category: str
    chooser_slug: str | None
    version: str
    deed_url: str
    legal_code_url: str | None
    requires_attribution: bool
    allows_commercial: bool
    allows_adaptations: bool
    allows_private_adaptations: bool
    share_alike: bool
    is_license: bool
    approved_for_free_cultural_works: bool
    summary: str
    notes: tuple[str, ...]

    @property
    def code(self) -> str:
        return self.deed_url.rstrip("/").split("/")[-2]

    @property
    def is_public_domain(self) -> bool:
        return self.id in PUBLIC_DOMAIN

    @property
    def no_derivatives(self) -> bool:
        return self.is_license and not self.allows_adaptations

    @property
    def noncommercial(self) -> bool:
        return not self.allows_commercial


def load_json(name: str) -> Any:
    """One of the packaged data files, parsed."""
    text = resources.files("handlers.licensing").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def all_tools() -> tuple[Tool, ...]:
    """The eight tools, in the order of licenses.json."""
    return tuple(_tool(record) for record in load_json("licenses.json")["tools"])


def _tool(record: dict[str, Any]) -> Tool:
    return Tool(
        id=record["id"],
        name=record["name"],
        short_name=record["short_name"],
        category=record["category"],
        chooser_slug=record["chooser_slug"],
        version=record["version"],
        deed_url=record["deed_url"],
        legal_code_url=record["legal_code_url"],
        requires_attribution=record["requires_attribution"],
        allows_commercial=record["allows_commercial"],
        allows_adaptations=record["allows_adaptations"],
        allows_private_adaptations=record["allows_private_adaptations"],
        share_alike=record["share_alike"],
        is_license=record["is_license"],
        approved_for_free_cultural_works=record["approved_for_free_cultural_works"],
        summary=record["summary"],
        notes=tuple(record["notes"]),
    )


def tool(tool_id: str) -> Tool:
    """The tool with this licenses.json id; KeyError for any other id."""
    for candidate in all_tools():
        if candidate.id == tool_id:
            return candidate
    raise KeyError(tool_id)


def tool_ids() -> tuple[str, ...]:
    return tuple(t.id for t in all_tools())


def licenses() -> tuple[Tool, ...]:
    """The six licenses (the tools that are not public-domain instruments)."""
    return tuple(t for t in all_tools() if t.is_license)


def tool_with_code(code: str) -> Tool | None:
    """The 4.0 license with these elements ("by-nc-sa"), or None."""
    return next((t for t in licenses() if t.code == code), None)
