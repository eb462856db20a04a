"""Can these works be remixed into one adaptation, and under which licenses? CC's two FAQ charts, composed.

The rule (compatibility.json "combination_rule"): no input may be ND; every pair of inputs must be a check
mark on CC's remix chart; an adapter's license must be allowed by every input's row of the adapter's license
chart, and is recommended only if it is green for every input. Where the two charts disagree (BY-SA with
BY-NC) the data follows the remix chart, and the answer says that the point is contested.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from itertools import combinations
from typing import Any

from handlers.licensing.tools import PDM, all_tools, load_json, tool

ALLOWED = "allowed"
ALLOWED_NOT_RECOMMENDED = "allowed_not_recommended"


class Reason(StrEnum):
    PUBLIC_DOMAIN_ONLY = "public_domain_only"
    BY_AND_PUBLIC_DOMAIN = "by_and_public_domain"
    SHARE_ALIKE = "share_alike"
    NONCOMMERCIAL = "noncommercial"
    NO_DERIVATIVES = "no_derivatives"
    INCOMPATIBLE_PAIR = "incompatible_pair"


@dataclass(frozen=True)
class CompatibleLicense:
    """A non-CC license CC designated as compatible with a ShareAlike license (GPLv3, FAL 1.3)."""

    id: str
    direction: str
    since: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Combination:
    inputs: tuple[str, ...]
    can_combine: bool
    recommended: tuple[str, ...]
    permitted_not_recommended: tuple[str, ...]
    reason: Reason
    share_alike_input: str | None = None
    nd_inputs: tuple[str, ...] = ()
    incompatible_pair: tuple[str, str] | None = None
    contested: bool = False
    non_cc_options: tuple[CompatibleLicense, ...] = ()
    commercial_collection_possible: bool = True


def combine(inputs: Sequence[str]) -> Combination:
    """The answer for these licenses.json ids (one or more; repeats allowed)."""
    if not inputs:
        raise ValueError("combine() needs at least one license")
    for tool_id in inputs:
        tool(tool_id)  # KeyError for an unknown id
    ids = tuple(inputs)
    blocked = _blocked(ids)
    if blocked is not None:
        return blocked
    recommended, permitted = _outputs(ids)
    share_alike = next((i for i in ids if tool(i).share_alike), None)
    return Combination(
        ids,
        True,
        recommended,
        permitted,
        _reason(ids, share_alike),
        share_alike_input=share_alike,
        non_cc_options=compatible_licenses(share_alike) if share_alike else (),
        commercial_collection_possible=_commercial_collection_possible(ids),
    )


def _blocked(ids: tuple[str, ...]) -> Combination | None:
    """No shared adaptation: an ND input (rule step 1), or a pair marked X on the remix chart (step 2)."""
    collection = _commercial_collection_possible(ids)
    nd = tuple(dict.fromkeys(i for i in ids if tool(i).no_derivatives))
    if nd:
        return Combination(ids, False, (), (), Reason.NO_DERIVATIVES, nd_inputs=nd,
                           commercial_collection_possible=collection)  # fmt: skip
    pair = next(((a, b) for a, b in combinations(ids, 2) if not can_remix(a, b)), None)
    if pair is None:
        return None
    return Combination(ids, False, (), (), Reason.INCOMPATIBLE_PAIR, incompatible_pair=pair,
                       contested=is_contested(*pair), commercial_collection_possible=collection)  # fmt: skip


def adapter_status(source: str, target: str) -> str:
    """The adapter's license chart cell: allowed, allowed_not_recommended, not_allowed or not_applicable."""
    status: str = _data()["adapter_license_matrix"]["matrix"][source][target]["status"]
    return status


def can_remix(first: str, second: str) -> bool:
    """The remix chart: can material under these two be combined into one adaptation?"""
    allowed: bool = _data()["remix_chart"]["matrix"][first][second]
    return allowed


def adapter_licenses(source: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """For one source license: the recommended and the permitted-but-not-recommended adapter's licenses."""
    recommended, permitted = _outputs((source,))
    return recommended, permitted


def is_contested(first: str, second: str) -> bool:
    """Whether compatibility.json lists this pair among the points where CC's two charts disagree."""
    for item in _data()["disagreements_and_tensions"]:
        for check in item.get("computed_check", []):
            if set(check["pair"]) == {first, second}:
                return True
    return False


def compatible_licenses(share_alike_input: str) -> tuple[CompatibleLicense, ...]:
    """GPLv3 and FAL 1.3 for BY-SA 4.0; none for BY-NC-SA 4.0 (none was found)."""
    entries = _data()["sharealike_compatible_licenses"]["by_source"].get(share_alike_input, [])
    return tuple(
        CompatibleLicense(e["license"], e["direction"], e["since"], tuple(e["sources"]))
        for e in entries
        if "since" in e
    )


def faq_urls() -> dict[str, str]:
    """The CC FAQ answers the checker follows (remix chart, adapter's chart, collections)."""
    sources = _data()["sources"]
    return {
        "remix": sources["faq_remix_chart"]["url"],
        "adapter": sources["faq_adapter_chart"]["url"],
        "collections": sources["faq_collections"]["url"],
    }


def _outputs(ids: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    recommended: list[str] = []
    permitted: list[str] = []
    for target in (t.id for t in all_tools() if t.id != PDM):
        statuses = {adapter_status(source, target) for source in ids}
        if statuses == {ALLOWED}:
            recommended.append(target)
        elif statuses <= {ALLOWED, ALLOWED_NOT_RECOMMENDED}:
            permitted.append(target)
    return tuple(recommended), tuple(permitted)


def _reason(ids: tuple[str, ...], share_alike: str | None) -> Reason:
    if share_alike is not None:
        return Reason.SHARE_ALIKE
    if any(tool(i).noncommercial for i in ids):
        return Reason.NONCOMMERCIAL
    if all(tool(i).is_public_domain for i in ids):
        return Reason.PUBLIC_DOMAIN_ONLY
    return Reason.BY_AND_PUBLIC_DOMAIN


def _commercial_collection_possible(ids: tuple[str, ...]) -> bool:
    rules = _data()["collection_rules"]
    return all(i in rules["commercial_collection_BY_BYSA_BYND_may_include"] for i in ids)


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_json("compatibility.json")
    return data
