"""The chooser recommends what CC's official License Chooser recommends, on every path of chooser_cases.json,
asks the same confirmations, and marks the work with the chooser's own statement."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from handlers.licensing import chooser
from handlers.licensing.chooser import Adaptations, Answers, IncompleteAnswers
from handlers.licensing.chooser_flow import QUESTIONS
from handlers.licensing.tools import all_tools, tool

TRUTH = (Path(__file__).resolve().parents[2] / "../shared/licensing").resolve()
CASES = json.loads((TRUTH / "chooser_cases.json").read_text(encoding="utf-8"))
ADAPTATIONS = {"yes": Adaptations.YES, "yes_if_share_alike": Adaptations.SHAREALIKE, "no": Adaptations.NO}
BY_SLUG = {t.chooser_slug: t.id for t in all_tools() if t.chooser_slug}


def answers_of(case: dict[str, Any]) -> Answers:
    given = case["answers"]
    return Answers(
        given["require_attribution"], given["allow_commercial_use"], ADAPTATIONS[given["allow_adaptations"]]
    )


@pytest.mark.parametrize("case", CASES["cases"], ids=[f"case-{c['case']}" for c in CASES["cases"]])
def test_every_guided_path_gets_cc_s_recommendation(case: dict[str, Any]) -> None:
    chosen = chooser.recommend(answers_of(case))
    assert chosen.id == case["recommended_tool"]
    assert chosen.chooser_slug == case["chooser_slug"]


@pytest.mark.parametrize("case", CASES["cases"], ids=[f"case-{c['case']}" for c in CASES["cases"]])
def test_every_guided_path_asks_for_cc_s_confirmations_before_the_result(case: dict[str, Any]) -> None:
    chosen = chooser.recommend(answers_of(case))
    # The path ends in "confirmation+ownership+read+revocation/" or "waive-your-copyright+waive+read/".
    expected = tuple(case["current_chooser_path"].rstrip("/").rsplit("/", 1)[-1].split("+")[1:])
    assert chooser.confirmations_for(chosen, guided=True) == expected


FIELDS = {
    "require_attribution": "attribution",
    "allow_commercial_use": "commercial",
    "allow_adaptations": "adaptations",
}
CC0_CASES = [c for c in CASES["cases"] if "questions_actually_asked" in c]


@pytest.mark.parametrize("case", CC0_CASES, ids=[f"case-{c['case']}" for c in CC0_CASES])
def test_no_attribution_leads_to_cc0_without_asking_the_other_questions(case: dict[str, Any]) -> None:
    given = answers_of(case)
    # Answered only what CC's chooser asked on this path, the bot has nothing more to ask...
    asked = Answers(**{FIELDS[q]: getattr(given, FIELDS[q]) for q in case["questions_actually_asked"]})
    assert asked.missing() == []
    assert chooser.recommend(asked).id == "CC0-1.0"
    # ...and the other answers, had they been given, are ignored: still CC0.
    assert given.ignored == ["commercial", "adaptations"]
    assert chooser.recommend(given).id == "CC0-1.0"


@pytest.mark.parametrize("case", CASES["known_license_dropdown_cases"], ids=lambda c: c["dropdown_value"])
def test_every_tool_of_the_i_know_which_license_list_is_offered_with_cc_s_confirmations(
    case: dict[str, Any],
) -> None:
    offered = [t.id for t in chooser.offered_tools()]
    chosen = tool(BY_SLUG[case["dropdown_value"]])
    assert chosen.id == case["recommended_tool"] and chosen.id in offered
    confirmations = chooser.confirmations_for(chosen, guided=False)
    if chosen.id == "CC0-1.0":
        assert confirmations == ("waive", "read")  # "CC0 additionally requires both waiver checkboxes."
    else:
        assert confirmations == ()  # "No confirmation checkboxes are required on this path."


def test_the_list_is_exactly_the_chooser_s_seven_tools_in_its_order() -> None:
    expected = [case["recommended_tool"] for case in CASES["known_license_dropdown_cases"]]
    assert [t.id for t in chooser.offered_tools()] == expected


def test_the_public_domain_mark_and_older_versions_are_not_offered() -> None:
    offered = chooser.offered_tools()
    assert "PDM-1.0" not in [t.id for t in offered]
    assert {t.version for t in offered} == {"1.0", "4.0"}


@pytest.mark.parametrize(
    ("answers", "missing"),
    [
        (Answers(), ["attribution"]),
        (Answers(attribution=True), ["commercial", "adaptations"]),
        (Answers(attribution=True, commercial=False), ["adaptations"]),
        (Answers(attribution=True, adaptations=Adaptations.NO), ["commercial"]),
    ],
)
def test_incomplete_answers_are_refused_never_guessed(answers: Answers, missing: list[str]) -> None:
    with pytest.raises(IncompleteAnswers) as error:
        chooser.recommend(answers)
    assert error.value.missing == missing


def test_the_questions_asked_are_the_official_chooser_s() -> None:
    official = {q["id"]: q["text"] for q in CASES["questions"]}
    assert QUESTIONS["know"] == official["know_license"]
    assert QUESTIONS["attribution"] == official["require_attribution"]
    assert QUESTIONS["commercial"] == official["allow_commercial_use"]
    assert QUESTIONS["adaptations"] == official["allow_derivatives"]


def chooser_templates() -> dict[str, str]:
    """The marking templates of attribution.md, section 3 (the official chooser's output)."""
    text = (TRUTH / "attribution.md").read_text(encoding="utf-8")
    licenses = re.search(r"\*\*Licenses:\*\* `([^`]+)`", text)
    cc0 = re.search(r"\*\*CC0:\*\* `([^`]+)`", text)
    assert licenses and cc0
    return {"license": licenses.group(1), "cc0": cc0.group(1)}


@pytest.mark.parametrize("chosen", chooser.offered_tools(), ids=lambda t: t.id)
def test_the_marking_text_is_the_official_chooser_s_statement(chosen: Any) -> None:
    template = chooser_templates()["cc0" if chosen.id == "CC0-1.0" else "license"]
    template = re.sub(r"\{CC[^}]*\}", chosen.short_name, template)
    template = re.sub(r"\{https://[^}]*\}", chosen.deed_url, template)
    expected = (
        template.replace("{Title}", "Cell Atlas").replace("{Year}", "2026").replace("{Creator}", "Ana Ruiz")
    )
    marking = chooser.marking(chosen, title="Cell Atlas", creator="Ana Ruiz", year=2026)
    assert marking.plain == expected
    assert f'<a href="{chosen.deed_url}">{chosen.short_name}</a>' in marking.html


def test_cc0_is_marked_without_a_copyright_year() -> None:
    marking = chooser.marking(tool("CC0-1.0"), title="Map", creator="Ana", year=2026)
    assert "©" not in marking.plain and "2026" not in marking.plain
    assert "is marked CC0 1.0. To view a copy of this mark" in marking.plain


def test_the_html_marking_escapes_what_the_member_typed() -> None:
    marking = chooser.marking(tool("CC-BY-4.0"), title="<script>", creator="A & B", year=2026)
    assert "<script>" not in marking.html and "&lt;script&gt;" in marking.html and "A &amp; B" in marking.html
