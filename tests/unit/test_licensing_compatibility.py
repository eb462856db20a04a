"""The compatibility checker agrees with compatibility.json on every chart cell, every pair and every
combination case, knows GPLv3 (one-way) and the Free Art License, and offers the collection alternative."""

from __future__ import annotations

import json
from itertools import product
from pathlib import Path
from typing import Any

import pytest

from bot.core.i18n import Catalogs
from handlers.licensing import compatibility, render
from handlers.licensing.compatibility import Reason, combine

TRUTH = (Path(__file__).resolve().parents[2] / "../shared/licensing").resolve()
DATA = json.loads((TRUTH / "compatibility.json").read_text(encoding="utf-8"))
MATRIX = DATA["adapter_license_matrix"]["matrix"]
REMIX = DATA["remix_chart"]["matrix"]
IDS = list(MATRIX)
TARGETS = [t for t in IDS if t != "PDM-1.0"]
ENGLISH = Catalogs.untranslated().translator("en")


@pytest.mark.parametrize(("source", "target"), list(product(IDS, IDS)))
def test_every_cell_of_the_adapter_s_license_chart(source: str, target: str) -> None:
    assert compatibility.adapter_status(source, target) == MATRIX[source][target]["status"]


@pytest.mark.parametrize(("first", "second"), list(product(IDS, IDS)))
def test_every_pair_of_the_remix_chart(first: str, second: str) -> None:
    assert compatibility.can_remix(first, second) is REMIX[first][second]
    assert compatibility.can_remix(first, second) is compatibility.can_remix(second, first)


def expected_outputs(inputs: list[str]) -> tuple[list[str], list[str]]:
    """Green for every input: recommended; green or yellow for every input: permitted (the rule's step 3)."""
    statuses = {t: {MATRIX[s][t]["status"] for s in inputs} for t in TARGETS}
    green = [t for t in TARGETS if statuses[t] == {"allowed"}]
    yellow = [t for t in TARGETS if statuses[t] <= {"allowed", "allowed_not_recommended"} and t not in green]
    return green, yellow


@pytest.mark.parametrize(("first", "second"), list(product(IDS, IDS)))
def test_every_pair_combines_as_the_two_charts_say(first: str, second: str) -> None:
    result = combine([first, second])
    assert result.can_combine is REMIX[first][second]
    if result.can_combine:
        green, yellow = expected_outputs([first, second])
        assert (list(result.recommended), list(result.permitted_not_recommended)) == (green, yellow)
    else:
        assert result.recommended == () and result.permitted_not_recommended == ()


@pytest.mark.parametrize("source", IDS)
def test_one_source_alone_may_be_adapted_under_its_row_of_the_adapter_s_chart(source: str) -> None:
    result = combine([source])
    green, yellow = expected_outputs([source])
    assert (list(result.recommended), list(result.permitted_not_recommended)) == (green, yellow)
    assert result.can_combine is bool(green or yellow)


REASONS = {
    "Only public-domain inputs": Reason.PUBLIC_DOMAIN_ONLY,
    "Only BY and public-domain inputs": Reason.BY_AND_PUBLIC_DOMAIN,
    "ShareAlike input": Reason.SHARE_ALIKE,
    "NonCommercial input": Reason.NONCOMMERCIAL,
    "ND input": Reason.NO_DERIVATIVES,
    "is marked X on CC's remix chart": Reason.INCOMPATIBLE_PAIR,
}


@pytest.mark.parametrize("case", DATA["combination_cases"], ids=lambda c: f"case-{c['case']}")
def test_every_combination_case(case: dict[str, Any]) -> None:
    result = combine(case["inputs"])
    assert result.can_combine is case["can_be_adapted_and_shared"]
    assert list(result.recommended) == case["allowed_outputs"]
    assert list(result.permitted_not_recommended) == case["allowed_not_recommended"]
    assert [o.id for o in result.non_cc_options] == [o.split(" ")[0] for o in case["non_cc_options"]]
    (reason,) = [r for phrase, r in REASONS.items() if phrase in case["rationale"]]
    assert result.reason is reason


def test_by_sa_with_by_nc_follows_the_remix_chart_and_says_the_point_is_contested() -> None:
    (tension,) = [t for t in DATA["disagreements_and_tensions"] if t["topic"] == "BY-SA + BY-NC"]
    (check,) = tension["computed_check"]
    result = combine(check["pair"])
    assert result.can_combine is check["remix_chart"] is False
    assert result.contested and result.incompatible_pair == tuple(check["pair"])
    assert not combine(["CC-BY-4.0", "CC-BY-ND-4.0"]).contested


def test_by_sa_4_0_is_one_way_compatible_with_gplv3_and_two_way_with_the_free_art_license() -> None:
    options = {o.id: o for o in compatibility.compatible_licenses("CC-BY-SA-4.0")}
    assert set(options) == {"GPL-3.0", "FAL-1.3"}
    assert options["GPL-3.0"].direction.startswith("one-way") and options["GPL-3.0"].since == "2015-10-08"
    assert options["FAL-1.3"].direction.startswith("two-way") and options["FAL-1.3"].since == "2014-10-21"
    assert compatibility.compatible_licenses("CC-BY-NC-SA-4.0") == ()


def test_nd_inputs_are_named_and_the_adaptation_cannot_be_shared() -> None:
    result = combine(["CC0-1.0", "CC-BY-NC-ND-4.0", "CC-BY-ND-4.0"])
    assert not result.can_combine and result.reason is Reason.NO_DERIVATIVES
    assert result.nd_inputs == ("CC-BY-NC-ND-4.0", "CC-BY-ND-4.0")


@pytest.mark.parametrize("source", IDS)
def test_a_collection_is_always_offered_and_commercial_only_without_noncommercial_items(source: str) -> None:
    rules = DATA["collection_rules"]
    commercial = source in rules["commercial_collection_BY_BYSA_BYND_may_include"]
    noncommercial = source in rules["noncommercial_collection_BYNC_BYNCSA_BYNCND_may_include"]
    assert combine(["CC-BY-4.0", source]).commercial_collection_possible is commercial
    # With an ND work no adaptation may be shared: the answer offers the collection instead, and asks for
    # a NonCommercial license for it exactly when the item rules out a commercial collection.
    blocked = combine(["CC-BY-ND-4.0", source])
    assert not blocked.can_combine
    answer = render.combination(ENGLISH, blocked)
    assert (render.COLLECTION in answer) is noncommercial
    assert (render.NONCOMMERCIAL_COLLECTION in answer) is (noncommercial and not commercial)


def test_the_answers_cite_the_cc_faq() -> None:
    urls = compatibility.faq_urls()
    assert urls["remix"] == DATA["sources"]["faq_remix_chart"]["url"]
    assert urls["adapter"] == DATA["sources"]["faq_adapter_chart"]["url"]
    assert urls["collections"] == DATA["collection_rules"]["source"]


def test_an_unknown_id_or_nothing_at_all_is_refused() -> None:
    with pytest.raises(KeyError):
        combine(["CC-BY-SA-3.0"])
    with pytest.raises(ValueError, match="at least one"):
        combine([])
