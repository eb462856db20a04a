"""The explainer says what each tool allows and requires, with its deed and legal code; for an older
version it says what differs in substance and that 4.0 is current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.core.i18n import Catalogs
from handlers.licensing import render
from handlers.licensing.explainer import explain
from handlers.licensing.names import LicenseRef, parse_license

TRUTH = (Path(__file__).resolve().parents[2] / "../shared/licensing").resolve()
TOOLS = json.loads((TRUTH / "licenses.json").read_text(encoding="utf-8"))["tools"]
ENGLISH = Catalogs.untranslated().translator("en")


def lic(name: str) -> LicenseRef:
    named = parse_license(name)
    assert isinstance(named, LicenseRef)
    return named


@pytest.mark.parametrize("record", TOOLS, ids=[t["id"] for t in TOOLS])
def test_what_each_tool_allows_and_requires_follows_its_facts(record: dict[str, Any]) -> None:
    about = explain(lic(record["id"]))
    assert ("adapt" in about.allows) is record["allows_adaptations"]
    assert ("adapt_privately" in about.allows) is (not record["allows_adaptations"])
    assert ("commercial" in about.allows) is record["allows_commercial"]
    assert ("noncommercial" in about.requires) is (not record["allows_commercial"])
    assert ("attribution" in about.requires) is record["requires_attribution"]
    assert ("sharealike" in about.requires) is record["share_alike"]
    assert (about.requires == ("nothing",)) is (not record["is_license"])
    assert about.differences == ()


@pytest.mark.parametrize("record", TOOLS, ids=[t["id"] for t in TOOLS])
def test_each_explanation_links_the_deed_and_the_legal_code(record: dict[str, Any]) -> None:
    text = render.explanation(ENGLISH, explain(lic(record["short_name"])))
    assert text.startswith(f"{record['short_name']} — {record['name']}")
    assert record["summary"] in text and record["deed_url"] in text
    if record["legal_code_url"]:
        assert record["legal_code_url"] in text
    else:
        assert "Legal code" not in text  # PDM is deed-only
    assert ("Not approved for Free Cultural Works." in text) is (
        not record["approved_for_free_cultural_works"]
    )


def test_by_sa_explains_its_one_way_gplv3_and_two_way_fal_compatibility() -> None:
    text = render.explanation(ENGLISH, explain(lic("by-sa")))
    assert "GNU GPL version 3, one way only" in text and "Free Art License 1.3, both ways" in text


def test_cc0_is_explained_as_a_waiver_and_pdm_as_a_label_for_works_already_free() -> None:
    assert "not a license but a public domain dedication" in render.explanation(ENGLISH, explain(lic("CC0")))
    assert "Do not apply it to your own in-copyright work" in render.explanation(ENGLISH, explain(lic("PDM")))


def test_unesco_s_by_sa_3_0_igo_is_explained_as_an_older_version_with_what_differs() -> None:
    about = explain(lic("CC BY-SA 3.0 IGO"))
    assert about.differences == (
        "title_required",
        "changes_only_for_adaptations",
        "no_automatic_reinstatement",
    )
    text = render.explanation(ENGLISH, about)
    assert "CC BY-SA 3.0 IGO is an older version. The current version is CC BY-SA 4.0" in text
    assert "UNESCO" in text and "intergovernmental" in text
    assert "https://creativecommons.org/licenses/by-sa/3.0/igo/legalcode" in text
    assert "/explain CC BY-SA 4.0" in text


def test_older_nd_licenses_forbid_even_private_adaptations() -> None:
    about = explain(lic("CC BY-NC-ND 3.0"))
    assert "nd_no_private_adaptations" in about.differences
    assert "adapt_privately" not in about.allows
    assert "adapt_privately" in explain(lic("CC BY-NC-ND 4.0")).allows


def test_older_by_nc_sa_had_no_compatibility_mechanism() -> None:
    assert "ncsa_no_compatibility" in explain(lic("CC BY-NC-SA 2.0 FR")).differences
    assert "ncsa_no_compatibility" not in explain(lic("CC BY-SA 3.0")).differences
