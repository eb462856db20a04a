"""`oerbot license`: every chooser case, every pair and combination case, the attribution examples and the
explainer through the command line; one JSON object on standard output, errors on standard error."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from itertools import product
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bot.license_cli import license_cli

ROOT = Path(__file__).resolve().parents[2]
TRUTH = (ROOT / "../shared/licensing").resolve()
CHOOSER = json.loads((TRUTH / "chooser_cases.json").read_text(encoding="utf-8"))
COMPATIBILITY = json.loads((TRUTH / "compatibility.json").read_text(encoding="utf-8"))
TOOLS = json.loads((TRUTH / "licenses.json").read_text(encoding="utf-8"))["tools"]
ADAPTATIONS = {"yes": "yes", "yes_if_share_alike": "sharealike", "no": "no"}
runner = CliRunner()


def run(*args: str) -> dict[str, Any]:
    result = runner.invoke(license_cli, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == 1 and result.stdout.endswith("\n")  # exactly one JSON object
    payload: dict[str, Any] = json.loads(result.stdout)
    return payload


def fails(*args: str) -> str:
    result = runner.invoke(license_cli, [*args, "--json"])
    assert result.exit_code == 2 and result.stdout == ""
    return result.stderr


@pytest.mark.parametrize("case", CHOOSER["cases"], ids=lambda c: f"case-{c['case']}")
def test_every_chooser_case(case: dict[str, Any]) -> None:
    answers = case["answers"]
    payload = run(
        "choose",
        "--attribution",
        "yes" if answers["require_attribution"] else "no",
        "--commercial",
        "yes" if answers["allow_commercial_use"] else "no",
        "--adaptations",
        ADAPTATIONS[answers["allow_adaptations"]],
    )
    assert payload["tool"] == case["recommended_tool"]
    record = next(t for t in TOOLS if t["id"] == case["recommended_tool"])
    assert (payload["deed_url"], payload["short_name"]) == (record["deed_url"], record["short_name"])
    assert record["deed_url"] in payload["marking"]["plain"] and "<a href=" in payload["marking"]["html"]
    expected_confirmations = 2 if record["id"] == "CC0-1.0" else 3
    assert len(payload["confirmations"]) == expected_confirmations
    if not answers["require_attribution"]:
        assert payload["ignored_answers"] == ["commercial", "adaptations"]


def test_choose_fills_the_marking_with_the_title_name_and_year_given() -> None:
    payload = run("choose", "--attribution", "yes", "--commercial", "yes", "--adaptations", "yes",
                  "--title", "Cell Atlas", "--creator", "Ana Ruiz", "--year", "2025")  # fmt: skip
    assert payload["marking"]["plain"] == (
        "Cell Atlas © 2025 by Ana Ruiz is licensed under CC BY 4.0. "
        "To view a copy of this license, visit https://creativecommons.org/licenses/by/4.0/"
    )


def test_choose_refuses_incomplete_answers_instead_of_guessing() -> None:
    assert "--commercial and --adaptations" in fails("choose", "--attribution", "yes")
    assert "--adaptations" in fails("choose", "--attribution", "yes", "--commercial", "no")
    result = runner.invoke(license_cli, ["choose", "--attribution", "maybe", "--json"])
    assert result.exit_code == 2 and result.stdout == ""


@pytest.mark.parametrize("case", COMPATIBILITY["combination_cases"], ids=lambda c: f"case-{c['case']}")
def test_every_combination_case(case: dict[str, Any]) -> None:
    payload = run("combine", *case["inputs"])
    assert payload["can_combine"] is case["can_be_adapted_and_shared"]
    assert payload["recommended"] == case["allowed_outputs"]
    assert payload["permitted_not_recommended"] == case["allowed_not_recommended"]
    assert payload["reason"]
    assert [o["license"] for o in payload["non_cc_options"]] == [
        o.split(" ")[0] for o in case["non_cc_options"]
    ]


SHORT = {t["id"]: t["short_name"] for t in TOOLS}


@pytest.mark.parametrize(("first", "second"), list(product(SHORT, SHORT)))
def test_every_pair_of_the_remix_chart_written_as_people_write_it(first: str, second: str) -> None:
    payload = run("combine", SHORT[first], SHORT[second])
    assert payload["inputs"] == [first, second]
    assert payload["can_combine"] is COMPATIBILITY["remix_chart"]["matrix"][first][second]


def test_combine_accepts_names_split_over_several_arguments_in_any_spelling() -> None:
    assert run("combine", "CC", "BY-SA", "4.0", "CC", "BY-NC", "4.0")["inputs"] == [
        "CC-BY-SA-4.0",
        "CC-BY-NC-4.0",
    ]
    assert run("combine", "Attribution-ShareAlike", "cc0")["inputs"] == ["CC-BY-SA-4.0", "CC0-1.0"]


def test_combine_reports_the_contested_pair_and_its_reason() -> None:
    payload = run("combine", "by-sa", "by-nc")
    assert payload == {
        **payload,
        "can_combine": False,
        "recommended": [],
        "permitted_not_recommended": [],
        "contested": True,
        "collection_may_be_commercial": False,
    }
    assert payload["reason"].startswith(
        "CC's remix chart marks CC BY-SA 4.0 with CC BY-NC 4.0 as incompatible."
    )


def test_combine_refuses_unknown_names_with_the_valid_ones_and_what_it_cannot_check() -> None:
    message = fails("combine", "BY-SA", "banana")
    assert "unknown license 'banana'" in message and "CC BY-NC-ND 4.0" in message and "PDM 1.0" in message
    assert "4.0 licenses, CC0 and the Public Domain Mark only" in fails("combine", "CC BY-SA 3.0 IGO", "by")
    assert "GNU General Public License" in fails("combine", "by-sa", "GPLv3")


def examples() -> dict[str, str]:
    text = (TRUTH / "attribution.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^### ([A-H])\. .*?\n\n> (.+?)$", text, flags=re.MULTILINE | re.DOTALL))


def as_html(markdown: str) -> str:
    return re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2">\1</a>', markdown)


JANE = [
    "--title", "Cell Structure", "--author", "Jane Doe",
    "--source", "https://example.org/cell-structure", "--author-url", "https://example.org/~jdoe",
]  # fmt: skip
FLICKR = "https://www.flickr.com/photos/sixteenmilesofstring/"
EXAMPLES = {
    "A": [
        "--title", "Creative Commons 10th Birthday Celebration San Francisco", "--author", "Timothy Vollmer",
        "--source", FLICKR + "8256206923/in/set-72157632200936657", "--author-url", FLICKR,
        "--license", "CC BY 4.0",
    ],
    "B": [*JANE, "--license", "by", "--modified", "--changes", "Cropped and labels translated into Spanish."],
    "C": [
        *JANE, "--license", "CC-BY-4.0", "--adapted-license", "by-sa",
        "--adapted-title", "Cell Biology Module 2", "--adapter", "the Open Biology Coalition",
    ],
    "F": [
        "--title", "Campus Aerial Photo", "--author", "Alex Kim", "--source", "https://example.org/aerial",
        "--license", "CC0",
    ],
    "G": ["--title", "Water Cycle Diagram", "--source", "https://example.org/water-cycle", "--license", "by"],
    "H": [
        "--title", "Theatrum Orbis Terrarum, world map", "--author", "Abraham Ortelius",
        "--provider", "Example Library", "--source", "https://example.org/ortelius-1570",
        "--license", "Public Domain Mark",
    ],
}  # fmt: skip


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_the_attribution_examples(example: str) -> None:
    payload = run("attribute", *EXAMPLES[example])
    ideal = examples()[example]
    if example == "C":  # the adaptation's link is not asked on the command line
        ideal = ideal.replace(
            "[Cell Biology Module 2](https://oer.example.org/bio/module-2)", "Cell Biology Module 2"
        )
    assert payload["html"] == as_html(ideal)
    assert payload["credit_required"] is (example not in ("F", "H"))


def test_attribute_refuses_what_the_license_does_not_allow() -> None:
    assert "--title is required for CC BY 3.0" in fails("attribute", "--license", "CC BY 3.0")
    message = fails("attribute", "--license", "by-sa", "--adapted-license", "by", "--title", "Map")
    assert "Licenses possible for an adaptation: CC BY-SA 4.0" in message
    assert "unknown license 'CC-BY-SAND'" in fails("attribute", "--license", "CC-BY-SAND")


def test_attribute_warns_when_the_adaptation_s_license_is_permitted_but_not_recommended() -> None:
    payload = run("attribute", "--license", "by-nc", "--adapted-license", "by", "--title", "Map")
    assert payload["warnings"] == ["not_recommended"]


@pytest.mark.parametrize("record", TOOLS, ids=[t["id"] for t in TOOLS])
def test_show_each_tool(record: dict[str, Any]) -> None:
    payload = run("show", record["name"])
    assert payload["id"] == record["id"] and payload["is_current"] is True
    assert (payload["deed_url"], payload["legal_code_url"]) == (record["deed_url"], record["legal_code_url"])
    assert payload["summary"] == record["summary"]


def test_show_an_older_igo_version() -> None:
    payload = run("show", "cc by-sa 3.0 igo")
    assert (payload["id"], payload["current_id"], payload["is_current"]) == (
        "CC-BY-SA-3.0-IGO",
        "CC-BY-SA-4.0",
        False,
    )
    assert (
        "Attribution must include the title of the work (4.0 only recommends it)." in payload["differences"]
    )
    assert payload["legal_code_url"] == "https://creativecommons.org/licenses/by-sa/3.0/igo/legalcode"


def test_show_without_json_prints_the_explanation_for_people() -> None:
    result = runner.invoke(license_cli, ["show", "by-nd"])
    assert result.exit_code == 0 and result.stdout.startswith("CC BY-ND 4.0 — ")
    assert "Requires:" in result.stdout


OERBOT = Path(sys.executable).with_name("oerbot")


def oerbot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(OERBOT), "license", *args],
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_installed_command_prints_one_json_object_and_nothing_else() -> None:
    result = oerbot("combine", "BY-SA", "BY-NC", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) >= {"can_combine", "recommended", "permitted_not_recommended", "reason"}
    assert payload["can_combine"] is False


def test_the_installed_command_fails_on_standard_error_with_the_valid_names() -> None:
    result = oerbot("show", "CC BY-XYZ", "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert "Valid names: CC0 1.0, PDM 1.0, CC BY 4.0" in result.stderr
