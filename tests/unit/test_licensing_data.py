"""The facts the bot ships are the Creative Commons ground truth beside the repository, and nothing more."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from handlers.licensing import texts
from handlers.licensing.chooser import chooser_data
from handlers.licensing.explainer import difference_text, version_data
from handlers.licensing.tools import all_tools, load_json

SHARED = (Path(__file__).resolve().parents[2] / "../shared").resolve()
TRUTH = SHARED / "licensing"


def truth(name: str) -> Any:
    return json.loads((TRUTH / name).read_text(encoding="utf-8"))


def test_the_packaged_licenses_are_the_ground_truth_tools_word_for_word() -> None:
    assert load_json("licenses.json")["tools"] == truth("licenses.json")["tools"]
    assert load_json("licenses.json")["sources"] == truth("licenses.json")["sources"]


@pytest.mark.parametrize(
    "section",
    [
        "adapter_license_matrix",
        "remix_chart",
        "sharealike_compatible_licenses",
        "combination_rule",
        "collection_rules",
        "disagreements_and_tensions",
        "sources",
        "scope_notes",
    ],
)
def test_the_packaged_compatibility_charts_are_the_ground_truth(section: str) -> None:
    assert load_json("compatibility.json")[section] == truth("compatibility.json")[section]


def test_the_packaged_data_leaves_out_the_test_cases_so_every_answer_is_computed() -> None:
    assert "combination_cases" not in load_json("compatibility.json")


def test_the_chooser_questions_are_cc_official_wording() -> None:
    official = {q["id"]: q["text"] for q in truth("chooser_cases.json")["questions"]}
    for question_id, text in chooser_data()["questions"].items():
        assert official[question_id] == text
    assert chooser_data()["sources"][0]["commit"] == truth("chooser_cases.json")["official_chooser"]["commit"]


def test_tool_names_and_summaries_to_translate_are_those_of_licenses_json() -> None:
    for tool in all_tools():
        assert texts.TOOL_NAMES[tool.id] == tool.name
        assert texts.SUMMARIES[tool.id] == tool.summary


def test_every_difference_of_older_versions_is_translated_as_written() -> None:
    for difference in version_data()["differences"]:
        assert texts.DIFFERENCES[difference["id"]] == difference_text(difference["id"])


# The ground-truth passage each statement about older versions rests on (never an invented fact).
EVIDENCE = {
    "title_required": ("licensing/attribution.md", "Versions 3.0 and earlier require the title"),
    "changes_only_for_adaptations": ("licensing/attribution.md", "Up to 3.0 it applied only to adaptations"),
    "no_automatic_reinstatement": ("licensing/README.md", "no automatic reinstatement"),
    "nd_no_private_adaptations": (
        "licensing/licenses.json",
        "pre-4.0 ND licenses do not permit making adaptations at all",
    ),
    "ncsa_no_compatibility": (
        "licensing/compatibility.json",
        "BY-NC-SA had no compatibility mechanism before 4.0",
    ),
}


@pytest.mark.parametrize("difference_id", sorted(EVIDENCE))
def test_each_statement_about_older_versions_is_found_in_the_ground_truth(difference_id: str) -> None:
    path, passage = EVIDENCE[difference_id]
    assert passage in " ".join((SHARED / path).read_text(encoding="utf-8").split())
    assert difference_id in {d["id"] for d in version_data()["differences"]}


def test_unesco_publishing_under_by_sa_3_0_igo_is_a_seed_fact() -> None:
    assert "under the CC BY-SA 3.0 IGO licence" in (SHARED / "faq/seed-facts.md").read_text(encoding="utf-8")


def test_the_public_domain_mark_pointer_is_the_one_the_chooser_gives() -> None:
    edge = " ".join(case["result"] for case in truth("chooser_cases.json")["edge_cases"])
    assert chooser_data()["public_domain_mark"]["url"] in edge
