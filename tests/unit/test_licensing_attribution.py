"""The attribution builder writes attribution.md's ideal credits exactly (Markdown, HTML and plain text),
with a missing author or title, CC0 and PDM, changes, adaptations and remixes; older licenses need a title."""

from __future__ import annotations

import html
import json
import re
from itertools import product
from pathlib import Path

import pytest

from handlers.licensing import attribution
from handlers.licensing.attribution import AdaptationNotAllowed, Credit, TitleRequired, Work
from handlers.licensing.names import LicenseRef, parse_license

TRUTH = (Path(__file__).resolve().parents[2] / "../shared/licensing").resolve()
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
QUOTED_LINK = re.compile(r"\"\[([^\]]+)\]\(([^)]+)\)\"")


def examples() -> dict[str, str]:
    """Section 4 of attribution.md: the first quoted line under each "### X." heading."""
    text = (TRUTH / "attribution.md").read_text(encoding="utf-8")
    found = re.findall(r"^### ([A-H])\. .*?\n\n> (.+?)$", text, flags=re.MULTILINE | re.DOTALL)
    return dict(found)


def lic(name: str) -> LicenseRef:
    named = parse_license(name)
    assert isinstance(named, LicenseRef)
    return named


JANE = Work("Cell Structure", "Jane Doe", "https://example.org/cell-structure", "https://example.org/~jdoe")
BUILT = {
    "A": lambda: attribution.attribute(
        Work(
            "Creative Commons 10th Birthday Celebration San Francisco",
            "Timothy Vollmer",
            "https://www.flickr.com/photos/sixteenmilesofstring/8256206923/in/set-72157632200936657",
            "https://www.flickr.com/photos/sixteenmilesofstring/",
        ),
        lic("CC BY 4.0"),
    ),
    "B": lambda: attribution.attribute(JANE, lic("CC BY 4.0"), "Cropped and labels translated into Spanish."),
    "C": lambda: attribution.attribute_adaptation(
        JANE,
        lic("CC BY 4.0"),
        Work("Cell Biology Module 2", "the Open Biology Coalition", "https://oer.example.org/bio/module-2"),
        lic("CC BY-SA 4.0"),
    ),
    "D": lambda: attribution.attribute_remix(
        Work("Lab Safety Poster", "OER Coalition", "https://oer.example.org/lab-safety"),
        lic("CC BY-SA 4.0"),
        adapted_from=[
            (Work("Laboratory Safety Rules", "Sam Lee", "https://example.org/safety"), lic("by-sa"))
        ],
        includes=[(Work("Beaker icon", "Ana Ruiz", "https://example.org/beaker"), lic("CC0"))],
        changes="Colours changed from the originals.",
    ),
    "F": lambda: attribution.attribute(
        Work("Campus Aerial Photo", "Alex Kim", "https://example.org/aerial"), lic("CC0 1.0")
    ),
    "G": lambda: attribution.attribute(
        Work("Water Cycle Diagram", "", "https://example.org/water-cycle"), lic("CC BY 4.0")
    ),
    "H": lambda: attribution.attribute(
        Work(
            "Theatrum Orbis Terrarum, world map",
            "Abraham Ortelius",
            "https://example.org/ortelius-1570",
            provider="Example Library",
        ),
        lic("Public Domain Mark"),
    ),
}


def test_attribution_md_has_the_eight_worked_examples() -> None:
    assert sorted(examples()) == list("ABCDEFGH")


@pytest.mark.parametrize("example", sorted(BUILT))
def test_each_worked_example_is_written_exactly(example: str) -> None:
    ideal = examples()[example]
    credit: Credit = BUILT[example]()
    assert credit.markdown == ideal
    as_html = MARKDOWN_LINK.sub(
        lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', html.escape(ideal, quote=False)
    )
    assert credit.html == as_html
    as_plain = MARKDOWN_LINK.sub(r"\1 (\2)", QUOTED_LINK.sub(r'"\1" (\2)', ideal))
    assert credit.plain == as_plain


def test_cc_s_own_book_credit_has_the_same_elements_in_our_remix_form() -> None:
    """Example E is a real credit in CC's own style: same elements, not the same words."""
    credit = attribution.attribute_remix(
        Work("", "Nate Angell"),
        lic("CC BY 4.0"),
        adapted_from=[
            (
                Work("Strawberry Smoothie on Glass Jar", "Element5", "https://pexels.com/photo/775032/"),
                lic("PDM"),
            )
        ],
        includes=[
            (Work("", "Creative Commons", "https://creativecommons.org/about/downloads"), lic("CC BY 4.0"))
        ],
        changes="Desaturated from original.",
    )
    ideal = examples()["E"]
    for element in (
        "Nate Angell",
        "CC BY",
        "Strawberry Smoothie on Glass Jar",
        "Element5",
        "Creative Commons",
    ):
        assert element in ideal and element in credit.plain
    assert credit.plain.endswith("Desaturated from original.")
    assert "public domain" in ideal.lower() and "Public Domain Mark 1.0" in credit.plain


def test_the_photo_example_keeps_the_version_its_source_carries() -> None:
    """attribution.md: older revisions credit this photo as "by tvol ... CC BY 2.0"; do not force 4.0."""
    credit = attribution.attribute(
        Work("Creative Commons 10th Birthday Celebration San Francisco", "tvol"), lic("CC BY 2.0")
    )
    assert credit.plain.endswith(
        "by tvol is licensed under CC BY 2.0 (https://creativecommons.org/licenses/by/2.0/)"
    )


@pytest.mark.parametrize(
    ("name", "required"), [("CC0", False), ("PDM", False), ("by", True), ("by-nc-nd", True)]
)
def test_credit_is_flagged_optional_only_for_cc0_and_pdm(name: str, required: bool) -> None:
    assert attribution.attribute(Work("Map", "Ana"), lic(name)).credit_required is required


def test_licenses_before_4_0_require_the_title() -> None:
    with pytest.raises(TitleRequired):
        attribution.attribute(Work("", "Ana", "https://example.org/x"), lic("CC BY-SA 3.0 IGO"))
    assert attribution.attribute(Work("", "Ana"), lic("CC BY-SA 4.0")).plain.startswith("This work by Ana")


def test_a_credit_never_says_only_creative_commons_but_the_license_and_its_deed() -> None:
    for name in ("by", "by-sa", "by-nc", "by-nc-sa", "by-nd", "by-nc-nd", "CC BY-SA 3.0 IGO"):
        credit = attribution.attribute(Work("Map"), lic(name))
        assert lic(name).short_name in credit.plain and lic(name).deed_url in credit.plain


def test_a_modification_without_a_description_is_still_indicated() -> None:
    credit = attribution.attribute(JANE, lic("by"), changes="")
    assert credit.plain.endswith(". Modified from the original.")


MATRIX = json.loads((TRUTH / "compatibility.json").read_text(encoding="utf-8"))["adapter_license_matrix"][
    "matrix"
]


@pytest.mark.parametrize(("source", "target"), list(product(MATRIX, MATRIX)))
def test_an_adaptation_s_license_is_checked_against_the_adapter_s_chart(source: str, target: str) -> None:
    status = MATRIX[source][target]["status"]
    source_license, target_license = lic(source), lic(target)
    if status in ("not_allowed", "not_applicable"):
        with pytest.raises(AdaptationNotAllowed):
            attribution.check_adaptation(source_license, target_license)
    else:
        expected = ("not_recommended",) if status == "allowed_not_recommended" else ()
        assert attribution.check_adaptation(source_license, target_license) == expected


def test_an_adaptation_of_an_older_license_is_built_with_a_warning_that_it_was_not_checked() -> None:
    credit = attribution.attribute_adaptation(
        Work("Map", "Ana"), lic("CC BY-SA 3.0 IGO"), Work("New map"), lic("CC BY-SA 4.0")
    )
    assert credit.warnings == ("unchecked_version",)
    with pytest.raises(AdaptationNotAllowed):
        attribution.attribute_adaptation(Work("Map"), lic("CC BY-ND 3.0"), Work(), lic("by"))
