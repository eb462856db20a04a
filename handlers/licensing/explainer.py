"""What a tool allows and requires, and, for an older version, what differs in substance from 4.0.

Everything comes from the packaged data: the booleans of licenses.json for the eight tools, versions.json
for the differences of older versions (title required, changes noted only for adaptations, no automatic
reinstatement, ND forbidding even private adaptations, BY-NC-SA without a compatibility mechanism).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from handlers.licensing.names import LicenseRef
from handlers.licensing.tools import BY_SA, CC0, PDM, load_json


@dataclass(frozen=True)
class Explanation:
    license: LicenseRef
    allows: tuple[str, ...]
    requires: tuple[str, ...]
    notes: tuple[str, ...]
    differences: tuple[str, ...]  # versions.json difference ids, for older versions only


def explain(ref: LicenseRef) -> Explanation:
    tool = ref.tool
    allows = ["share"]
    if tool.allows_adaptations:
        allows.append("adapt")
    elif tool.allows_private_adaptations and ref.is_current:
        allows.append("adapt_privately")  # before 4.0, ND forbids even private adaptations
    if tool.allows_commercial:
        allows.append("commercial")
    requires = [
        code
        for code, applies in (
            ("attribution", tool.requires_attribution),
            ("noncommercial", not tool.allows_commercial),
            ("sharealike", tool.share_alike),
            ("unchanged", tool.no_derivatives),
        )
        if applies
    ]
    return Explanation(
        license=ref,
        allows=tuple(allows),
        requires=tuple(requires or ["nothing"]),
        notes=_notes(ref),
        differences=differences(ref),
    )


def differences(ref: LicenseRef) -> tuple[str, ...]:
    """The versions.json differences that apply to this older version (none for the current one)."""
    if ref.is_current:
        return ()
    code = ref.tool.code
    applies = {"all": True, "nd": "nd" in code.split("-"), "nc-sa": code == "by-nc-sa"}
    return tuple(d["id"] for d in version_data()["differences"] if applies[d["applies_to"]])


def _notes(ref: LicenseRef) -> tuple[str, ...]:
    notes = []
    if ref.tool_id == CC0:
        notes.append("cc0_waiver")
    if ref.tool_id == PDM:
        notes.append("pdm_label")
    if ref.tool_id == BY_SA and ref.is_current:
        notes.append("bysa_compatible")
    if ref.is_current:
        notes.append("free_cultural" if ref.tool.approved_for_free_cultural_works else "not_free_cultural")
    return tuple(notes)


def difference_text(difference_id: str) -> str:
    """The English sentence of a difference, as versions.json words it."""
    return next(str(d["text"]) for d in version_data()["differences"] if d["id"] == difference_id)


@cache
def version_data() -> dict[str, Any]:
    data: dict[str, Any] = load_json("versions.json")
    return data
