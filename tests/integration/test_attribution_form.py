"""/attribute as one form, on a surface that shows forms (Slack's modals), through the whole bot: the
same credit as the questions asked one at a time, and every problem named next to its field."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.forms import FieldKind
from bot.core.i18n import Catalogs
from handlers.licensing import attribution
from handlers.licensing.attribution_form import FIELD_NAMES
from handlers.licensing.names import LicenseRef, parse_license
from tests.fakes import Chat

ROOT = Path(__file__).resolve().parents[2]
TRUTH = json.loads((ROOT / "../shared/licensing/licenses.json").resolve().read_text(encoding="utf-8"))
ChatFactory = Callable[..., Chat]
CELL = {"title": "Cell Structure", "author": "Jane Doe", "source": "https://example.org/cell-structure"}


def lic(name: str) -> LicenseRef:
    named = parse_license(name)
    assert isinstance(named, LicenseRef)
    return named


@pytest.fixture
def forms_chat(chat_with: ChatFactory) -> Callable[..., Chat]:
    def make(user_id: str, language_hint: str = "en") -> Chat:
        chat = chat_with(user_id, language_hint=language_hint)
        chat.shows_forms = True
        return chat

    return make


async def test_attribute_offers_the_form_and_the_questions_one_at_a_time(forms_chat: ChatFactory) -> None:
    chat = forms_chat("form-offer")
    (offer,) = await chat.send("/attribute")
    assert "Fill in the form, or answer my questions here one at a time" in offer.text
    assert [b.payload for b in offer.all_buttons] == ["att:form", "att:steps"]
    assert offer.form is not None and offer.form.payload == "att:submit"
    fields = {field.name: field for field in offer.form.fields}
    assert list(fields) == [
        "title", "author", "source", "license", "older_license", "changed",
        "changes", "adapted", "adaptation_title", "adapter",
    ]  # fmt: skip
    assert tuple(fields) == FIELD_NAMES  # what a submission is read by
    assert fields["source"].kind is FieldKind.LINK and fields["changes"].kind is FieldKind.LONG_TEXT
    assert [c.value for c in fields["license"].choices] == [tool["id"] for tool in TRUTH["tools"]]
    assert "PDM-1.0" not in [c.value for c in fields["adapted"].choices]
    assert [f.name for f in fields.values() if f.required] == ["changed"]


async def test_a_submitted_form_gives_the_same_credit_as_the_questions(forms_chat: ChatFactory) -> None:
    chat = forms_chat("form-modified")
    await chat.send("/attribute")
    changes = "Cropped and labels translated into Spanish."
    notes, plain, html = await chat.submit(
        "att:submit", {**CELL, "license": "CC-BY-4.0", "changed": "mod", "changes": changes}
    )
    expected = attribution.attribute(attribution.Work(**CELL), lic("by"), changes)
    assert (plain.text, html.text) == (expected.plain, expected.html)
    assert "copyright notice" in notes.text


async def test_answers_for_another_kind_of_change_never_slip_into_the_credit(forms_chat: ChatFactory) -> None:
    chat = forms_chat("form-unchanged")
    leftovers = {
        "changes": "Cropped",
        "adapted": "CC-BY-SA-4.0",
        "adapter": "Someone",
        "adaptation_title": "X",
    }
    _, plain, _ = await chat.submit(
        "att:submit", {**CELL, "license": "CC-BY-4.0", "changed": "no", **leftovers}
    )
    assert plain.text == attribution.attribute(attribution.Work(**CELL), lic("by")).plain


async def test_an_adaptation_by_form_is_credited_under_the_adapters_license(forms_chat: ChatFactory) -> None:
    chat = forms_chat("form-adapted")
    values = {
        **CELL,
        "license": "CC-BY-SA-4.0",
        "changed": "adapt",
        "adapted": "CC-BY-SA-4.0",
        "adaptation_title": "Cell Biology Module 2",
        "adapter": "the Open Biology Coalition",
    }
    _, plain, _ = await chat.submit("att:submit", values)
    expected = attribution.attribute_adaptation(
        attribution.Work(**CELL),
        lic("by-sa"),
        attribution.Work("Cell Biology Module 2", "the Open Biology Coalition"),
        lic("by-sa"),
    )
    assert plain.text == expected.plain


async def test_an_older_version_is_typed_and_its_required_title_is_asked_for(forms_chat: ChatFactory) -> None:
    chat = forms_chat("form-older")
    values = {"author": "UNESCO", "older_license": "CC BY-SA 3.0 IGO", "changed": "no"}
    (rejected,) = await chat.submit("att:submit", values)
    assert dict(rejected.field_errors) == {
        "title": "CC BY-SA 3.0 IGO is an older version: versions 3.0 and earlier require the title in the "
        "credit."
    }
    assert rejected.text.startswith("Please correct the form:\n• CC BY-SA 3.0 IGO is an older version")
    _, plain, _ = await chat.submit(
        "att:submit", {**values, "title": "ICT Competency Framework for Teachers"}
    )
    assert plain.text == (
        '"ICT Competency Framework for Teachers" by UNESCO is licensed under CC BY-SA 3.0 IGO '
        "(https://creativecommons.org/licenses/by-sa/3.0/igo/)"
    )


async def test_every_problem_is_named_at_its_field_at_once(forms_chat: ChatFactory) -> None:
    chat = forms_chat("form-problems")
    (rejected,) = await chat.submit(
        "att:submit",
        {"title": "T" * 201, "source": "example.org/cell", "license": "CC-BY-ND-4.0", "changed": "adapt"},
    )
    errors = dict(rejected.field_errors)
    assert errors == {
        "title": "Please keep it under 200 characters.",
        "source": "This is not a web link I can use. Please type the full link, starting with https:// "
        "(or http://), or leave it empty.",
        "changed": "Material under CC BY-ND 4.0 may not be shared in adapted form, so it cannot carry your "
        "own license.",
    }


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"changed": "no"}, "license", "Please choose the license of the work."),
        ({"license": "CC-BY-5.0", "changed": "no"}, "license", "Please choose the license of the work."),
        ({"license": "CC-BY-4.0"}, "changed", "Please choose whether you changed the work."),
        (
            {"license": "CC-BY-4.0", "changed": "maybe"},
            "changed",
            "Please choose whether you changed the work.",
        ),
        (
            {"older_license": "CC-BY-4.0-ish", "changed": "no"},
            "older_license",
            "Valid names: CC0 1.0, PDM 1.0",
        ),
        ({"older_license": "GNU GPL", "changed": "no"}, "older_license", "is not a Creative Commons license"),
        (
            {"license": "CC-BY-SA-4.0", "changed": "adapt"},
            "adapted",
            "Please choose the license you share your adaptation under.",
        ),
        (
            {"license": "CC-BY-SA-4.0", "changed": "adapt", "adapted": "CC-BY-4.0"},
            "adapted",
            "may not be shared adapted under CC BY 4.0. Possible: CC BY-SA 4.0.",
        ),
    ],
)
async def test_missing_forged_or_refused_choices_are_named(
    forms_chat: ChatFactory, values: dict[str, str], field: str, message: str
) -> None:
    (rejected,) = await forms_chat("form-choice").submit("att:submit", values)
    errors = dict(rejected.field_errors)
    assert list(errors) == [field] and message in errors[field]


async def test_one_question_at_a_time_starts_the_questions(forms_chat: ChatFactory) -> None:
    chat = forms_chat("form-steps")
    await chat.send("/attribute")
    await chat.press("att:steps")
    assert "What is the title of the work you reuse?" in chat.text


async def test_the_form_in_french_and_its_problems_in_french(
    forms_chat: ChatFactory, catalogs: Catalogs
) -> None:
    french = catalogs.translator("fr")
    chat = forms_chat("form-fr", "fr")
    (offer,) = await chat.send("/attribute")
    assert offer.form is not None
    assert offer.form.title == french.gettext("Credit a work") != "Credit a work"
    (rejected,) = await chat.submit("att:submit", {"license": "CC-BY-4.0"})
    assert dict(rejected.field_errors) == {
        "changed": french.gettext("Please choose whether you changed the work.")
    }
    assert rejected.text.startswith(french.gettext("Please correct the form:"))


async def test_a_form_payload_without_a_form_is_refused_as_an_expired_button(
    chat_with: ChatFactory, forms_chat: ChatFactory
) -> None:
    slack = forms_chat("form-forged")
    await slack.press_payload("att:submit")
    assert "That button has expired" in slack.text
    console = chat_with("form-console", language_hint="en")
    (first,) = await console.send("/attribute")
    assert first.form is None and "What is the title" in first.text
    await console.press_payload("att:form")
    assert "That button has expired" in console.text


async def test_a_submitted_form_finishes_a_credit_left_half_way_in_the_chat(forms_chat: ChatFactory) -> None:
    chat = forms_chat("form-after-steps")
    await chat.send("/attribute")
    await chat.press("att:steps")
    await chat.send("Cell Structure")  # the title; the author is asked next
    await chat.submit("att:submit", {**CELL, "license": "CC-BY-4.0", "changed": "no"})

    (offer,) = await chat.send("/attribute")

    assert "unfinished credit" not in offer.text and offer.form is not None


async def test_the_public_domain_mark_is_refused_as_an_adaptations_license(
    chat_with: ChatFactory, forms_chat: ChatFactory
) -> None:
    form = forms_chat("form-pdm")
    (rejected,) = await form.submit(
        "att:submit", {"older_license": "CC BY 3.0", "title": "Map", "changed": "adapt", "adapted": "PDM-1.0"}
    )
    assert "may not be shared adapted under PDM 1.0" in dict(rejected.field_errors)["adapted"]

    chat = chat_with("steps-pdm", language_hint="en")
    await chat.send("/attribute")
    await chat.send("Map")
    await chat.press("att:skip:author")
    await chat.press("att:skip:source")
    await chat.send("CC BY 3.0")
    await chat.press("att:changed:adapt")
    assert "att:lic:PDM-1.0" not in [b.payload for b in chat.last[0].all_buttons]
    await chat.send("PDM")
    assert "may not be shared adapted under PDM 1.0" in chat.text
