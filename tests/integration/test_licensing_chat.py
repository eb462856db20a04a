"""The licensing assistant in conversation, through the whole bot: the chooser, /combine, /attribute, the
explainer and typed questions, in English, French, Arabic and more, and once through the real console."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.core.i18n import Catalogs
from handlers.licensing import attribution, chooser, texts
from handlers.licensing.chooser_flow import QUESTIONS
from handlers.licensing.names import LicenseRef, parse_license
from handlers.licensing.tools import tool
from tests.fakes import Chat

ROOT = Path(__file__).resolve().parents[2]
TRUTH = (ROOT / "../shared/licensing").resolve()
CASES = json.loads((TRUTH / "chooser_cases.json").read_text(encoding="utf-8"))
ADAPT = {"yes": "yes", "yes_if_share_alike": "sa", "no": "no"}
ChatFactory = Callable[..., Chat]


async def confirm_everything(chat: Chat) -> None:
    for payload in [b.payload for b in chat.last[0].all_buttons if b.payload.startswith("lic:tick:")]:
        await chat.press(payload)
    await chat.press("lic:go")


async def guided_choice(chat: Chat, answers: dict[str, Any]) -> None:
    await chat.send("/license")
    await chat.press("lic:know:no")
    await chat.press("lic:att:yes" if answers["require_attribution"] else "lic:att:no")
    if answers["require_attribution"]:
        await chat.press("lic:com:yes" if answers["allow_commercial_use"] else "lic:com:no")
        await chat.press(f"lic:adapt:{ADAPT[answers['allow_adaptations']]}")
    await confirm_everything(chat)


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: f"case-{c['case']}")
async def test_every_guided_chooser_path_ends_in_cc_s_recommendation(
    chat_with: ChatFactory, case: dict[str, Any]
) -> None:
    chat = chat_with(f"chooser-{case['case']}", language_hint="en")
    await guided_choice(chat, case["answers"])
    chosen = tool(case["recommended_tool"])
    result, plain, html = chat.last
    assert f"Recommended for your work: {chosen.short_name} — {chosen.name}" in result.text
    assert chosen.deed_url in result.text and "https://creativecommons.org/about/pdm" in result.text
    expected = chooser.marking(chosen, "[title of your work]", "[your name]", 2026)
    assert (plain.text, html.text) == (expected.plain, expected.html)


@pytest.mark.parametrize("case", CASES["known_license_dropdown_cases"], ids=lambda c: c["recommended_tool"])
async def test_every_license_of_the_i_know_list_is_given_as_cc_gives_it(
    chat_with: ChatFactory, case: dict[str, Any]
) -> None:
    chat = chat_with("knows-" + case["dropdown_value"], language_hint="en")
    await chat.send("/license")
    await chat.press("lic:know:yes")
    await chat.press(f"lic:pick:{case['recommended_tool']}")
    if case["recommended_tool"] == "CC0-1.0":
        assert "Recommended" not in chat.text  # the waiver's two confirmations come first
        await confirm_everything(chat)
    assert f"Recommended for your work: {tool(case['recommended_tool']).short_name}" in chat.last[0].text


async def test_the_license_is_shown_only_once_every_statement_is_confirmed(chat_with: ChatFactory) -> None:
    chat = chat_with("careful", language_hint="en")
    await chat.send("/license")
    await chat.press("lic:know:no")
    await chat.press("lic:att:yes")
    await chat.press("lic:com:no")
    await chat.press("lic:adapt:no")
    await chat.press("lic:tick:ownership")
    await chat.press("lic:tick:read")
    await chat.press("lic:go")
    assert "CC shows the result only when every statement is confirmed." in chat.text
    assert "Recommended" not in chat.text and "by-nc-nd" not in chat.text
    assert chat.button("lic:tick:ownership").label.startswith("✓")
    await chat.press("lic:tick:revocation")
    await chat.press("lic:go")
    assert "CC BY-NC-ND 4.0" in chat.last[0].text


async def test_an_abandoned_chooser_can_be_resumed_or_started_over(chat_with: ChatFactory) -> None:
    chat = chat_with("wanderer", language_hint="en")
    await chat.send("/license")
    await chat.press("lic:know:no")
    await chat.press("lic:att:yes")
    await chat.send("/help")
    await chat.send("/license")
    assert "unfinished license choice" in chat.text
    await chat.press("Resume")
    assert QUESTIONS["commercial"] in chat.text
    await chat.send("/license")
    await chat.press("Start over")
    assert QUESTIONS["know"] in chat.text


async def test_an_earlier_answer_can_be_changed_with_its_button(chat_with: ChatFactory) -> None:
    chat = chat_with("second-thoughts", language_hint="en")
    await chat.send("/license")
    await chat.press("lic:know:no")
    await chat.press("lic:att:yes")
    await chat.press("lic:com:yes")
    await chat.press_payload("lic:att:no")  # the attribution question's button, pressed again
    assert "CC0: you waive all your copyright" in chat.text
    await confirm_everything(chat)
    assert "CC0 1.0" in chat.last[0].text


async def test_contradictory_or_unclear_typed_answers_are_asked_again_never_guessed(
    chat_with: ChatFactory,
) -> None:
    chat = chat_with("unsure", language_hint="en")
    await chat.send("/license")
    await chat.send("no")
    await chat.send("yes and no")
    assert "I need one answer, not both." in chat.text and QUESTIONS["attribution"] in chat.text
    await chat.send("hmm, let me think about what this means for my course")
    assert "I'm not sure I can answer that correctly" in chat.text
    assert "Now, back to choosing your license:" in chat.text and QUESTIONS["attribution"] in chat.text
    await chat.send("yes")
    await chat.send("no")
    await chat.send("no, and not if they share alike")
    assert "I need one answer, not both." in chat.text
    await chat.send("only if they share alike")
    assert "press each statement to confirm it" in chat.text


async def test_a_chooser_button_after_the_result_is_refused_as_expired(chat_with: ChatFactory) -> None:
    chat = chat_with("late", language_hint="en")
    await guided_choice(chat, CASES["cases"][0]["answers"])
    await chat.press_payload("lic:com:no")
    assert "That button has expired" in chat.text
    await chat.press_payload("lic:pick:CC-BY-SA-3.0")
    assert "That button has expired" in chat.text


async def test_the_cc0_path_in_french_asks_both_waiver_confirmations_and_marks_the_work_in_french(
    chat_with: ChatFactory, catalogs: Catalogs
) -> None:
    french = catalogs.translator("fr")
    chat = chat_with("camille", language_hint="fr-FR")
    await chat.send("/license")
    assert french.gettext(QUESTIONS["know"]) in chat.text
    await chat.send("non")
    await chat.send("non")
    assert [b.payload for b in chat.last[0].all_buttons][:2] == ["lic:tick:waive", "lic:tick:read_cc0"]
    await confirm_everything(chat)
    result, plain, _ = chat.last
    assert "CC0 1.0" in result.text and "Universel" in result.text
    expected = chooser.marking(
        tool("CC0-1.0"),
        french.gettext("[title of your work]"),
        french.gettext("[your name]"),
        2026,
        french.gettext,
    )
    assert plain.text == expected.plain and "CC0 1.0" in plain.text and " is marked " not in plain.text


@pytest.mark.parametrize(
    ("language", "yes", "no"),
    [("es", "sí", "no"), ("pt", "sim", "não"), ("ru", "да", "нет"), ("zh", "需要", "不需要")],
)
async def test_typed_yes_and_no_are_understood_in_other_languages(
    chat_with: ChatFactory, language: str, yes: str, no: str
) -> None:
    chat = chat_with(f"typed-{language}", language_hint=language)
    await chat.send("/license")
    await chat.send(no)
    await chat.send(yes)
    await chat.send(yes)
    await chat.send(no)
    assert chat.last[0].all_buttons[0].payload == "lic:tick:ownership"
    await confirm_everything(chat)
    assert "CC BY-ND 4.0" in chat.last[0].text


async def test_combine_explains_why_by_sa_and_by_nc_cannot_be_remixed_and_offers_a_collection(
    chat_with: ChatFactory,
) -> None:
    chat = chat_with("remixer", language_hint="en")
    await chat.send("/combine BY-SA BY-NC")
    text = chat.text
    assert text.startswith("No: CC BY-SA 4.0 and CC BY-NC 4.0 cannot be combined")
    assert "CC's two charts disagree on this pair" in text and "collection" in text
    assert "https://creativecommons.org/faq/#can-i-combine-material-under-different-creative-commons" in text
    await chat.send("/combine cc-by cc-by-nc")
    assert "Recommended for the adaptation: CC BY-NC 4.0, CC BY-NC-SA 4.0, CC BY-NC-ND 4.0" in chat.text
    assert "Permitted but not recommended by CC: CC0 1.0, CC BY 4.0, CC BY-SA 4.0, CC BY-ND 4.0" in chat.text


async def test_combine_in_arabic_answers_right_to_left_with_latin_license_names(
    chat_with: ChatFactory, catalogs: Catalogs
) -> None:
    arabic = catalogs.translator("ar")
    chat = chat_with("layla", language_hint="ar")
    await chat.send("/combine BY-SA BY-NC")
    (reply,) = chat.last
    assert reply.direction == "rtl"
    assert "CC BY-SA 4.0" in reply.text and "CC BY-NC 4.0" in reply.text
    assert arabic.gettext("Why: {reason}").split("{reason}")[0] in reply.text
    assert "Why:" not in reply.text


async def test_combine_with_bad_input_lists_the_valid_names_or_says_what_it_cannot_check(
    chat_with: ChatFactory,
) -> None:
    chat = chat_with("typo", language_hint="en")
    await chat.send("/combine BY-SA banana")
    assert "“banana”" in chat.text and "CC BY-NC-ND 4.0" in chat.text and "CC0 1.0" in chat.text
    await chat.send("/combine CC BY-SA 3.0 IGO, CC BY 4.0")
    assert "only for the 4.0 licenses" in chat.text and "by-sa/3.0/igo/legalcode" in chat.text
    await chat.send("/combine BY-SA GPLv3")
    assert "not a Creative Commons license" in chat.text and "one way only" in chat.text
    await chat.send("/combine")
    assert "/combine BY-SA BY-NC" in chat.text


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "can I remix a CC BY-SA photo with CC BY-NC text?"),
        ("fr", "Puis-je combiner une photo CC BY-SA avec un texte CC BY-NC ?"),
        ("zh", "我可以把 CC BY-SA 的照片和 CC BY-NC 的文字混合吗？"),
    ],
)
async def test_a_typed_remix_question_gets_the_compatibility_answer(
    chat_with: ChatFactory, catalogs: Catalogs, language: str, question: str
) -> None:
    chat = chat_with(f"asker-{language}", language_hint=language)
    await chat.send(question)
    translator = catalogs.translator(language)
    verdict = translator.gettext("No: {licenses} cannot be combined into one adaptation that you share.")
    assert verdict.split("{licenses}")[0] in chat.text
    assert "CC BY-SA 4.0" in chat.text and "CC BY-NC 4.0" in chat.text


async def test_a_typed_question_about_unesco_s_license_gets_the_explainer(chat_with: ChatFactory) -> None:
    chat = chat_with("unesco", language_hint="en")
    await chat.send("What is CC BY-SA 3.0 IGO?")
    assert "CC BY-SA 3.0 IGO is an older version. The current version is CC BY-SA 4.0" in chat.text
    await chat.send("What's the weather like in Paris?")
    assert "I'm not sure I can answer that correctly" in chat.text


async def test_the_public_domain_in_general_is_not_mistaken_for_the_public_domain_mark(
    chat_with: ChatFactory,
) -> None:
    chat = chat_with("pd", language_hint="en")
    await chat.send("What is the public domain?")
    assert "PDM 1.0 —" not in chat.text
    await chat.send("What is the Public Domain Mark?")
    assert chat.text.startswith("PDM 1.0 — Public Domain Mark 1.0")
    await chat.send("Can I remix a public domain photo with a CC BY-SA text?")
    assert chat.text.startswith("Yes: PDM 1.0 and CC BY-SA 4.0 can be combined")


async def test_license_with_a_name_explains_it_and_offers_to_choose_one(chat_with: ChatFactory) -> None:
    chat = chat_with("curious", language_hint="en")
    await chat.send("/license Attribution-NonCommercial-ShareAlike")
    assert chat.text.startswith("CC BY-NC-SA 4.0 — Creative Commons Attribution-NonCommercial-ShareAlike")
    assert "https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode" in chat.text
    await chat.press("Choose a license")
    assert QUESTIONS["know"] in chat.text
    await chat.send("/explain by-nd-sa")
    assert "I don't recognise “by-nd-sa”" in chat.text


def lic(name: str) -> LicenseRef:
    named = parse_license(name)
    assert isinstance(named, LicenseRef)
    return named


async def test_attribute_builds_the_ideal_credit_for_a_modified_work(chat_with: ChatFactory) -> None:
    chat = chat_with("reuser", language_hint="en")
    await chat.send("/attribute")
    await chat.send("Cell Structure")
    await chat.send("Jane Doe")
    await chat.send("example.org/cell-structure")
    assert "is not a web link I can use" in chat.text
    await chat.send("https://example.org/cell-structure")
    await chat.send("CC-BY-4.0-ish")
    assert "Valid names: CC0 1.0, PDM 1.0, CC BY 4.0" in chat.text
    await chat.send("Attribution 4.0 International")
    await chat.press("att:changed:mod")
    await chat.send("Cropped and labels translated into Spanish.")
    notes, plain, html = chat.last
    work = attribution.Work("Cell Structure", "Jane Doe", "https://example.org/cell-structure")
    expected = attribution.attribute(work, lic("by"), "Cropped and labels translated into Spanish.")
    assert (plain.text, html.text) == (expected.plain, expected.html)
    assert "copyright notice" in notes.text


async def test_attribute_in_french_translates_the_connecting_words_only(
    chat_with: ChatFactory, catalogs: Catalogs
) -> None:
    french = catalogs.translator("fr")
    chat = chat_with("amelie", language_hint="fr")
    await chat.send("/attribute")
    await chat.send("Carte du monde")
    await chat.press("att:skip:author")
    await chat.send("https://example.org/carte")
    await chat.press("att:lic:CC0-1.0")
    await chat.press("att:changed:no")
    notes, plain, _ = chat.last
    expected = attribution.attribute(
        attribution.Work("Carte du monde", "", "https://example.org/carte"),
        lic("CC0"),
        gettext=french.gettext,
    )
    assert plain.text == expected.plain
    assert "Carte du monde" in plain.text and "CC0 1.0" in plain.text and " is marked with " not in plain.text
    assert (
        french.gettext(
            "Credit is not legally required for CC0 or Public Domain Mark material, but CC recommends it."
        )
        in notes.text
    )


async def test_attribute_asks_again_for_the_title_that_an_older_license_requires(
    chat_with: ChatFactory,
) -> None:
    chat = chat_with("historian", language_hint="en")
    await chat.send("/attribute")
    await chat.press("att:skip:title")
    await chat.send("UNESCO")
    await chat.press("att:skip:source")
    await chat.send("CC BY-SA 3.0 IGO")
    assert "versions 3.0 and earlier require the title" in chat.text
    assert not any(b.payload == "att:skip:title" for b in chat.last[0].all_buttons)
    await chat.press_payload("att:skip:title")
    assert "That button has expired" in chat.text
    await chat.send("ICT Competency Framework for Teachers")
    assert "Did you change the work?" in chat.text
    await chat.press("att:changed:no")
    assert (
        chat.last[1].text
        == '"ICT Competency Framework for Teachers" by UNESCO is licensed under CC BY-SA 3.0 IGO (https://creativecommons.org/licenses/by-sa/3.0/igo/)'
    )


async def test_attribute_refuses_an_adaptation_license_that_the_source_does_not_allow(
    chat_with: ChatFactory,
) -> None:
    chat = chat_with("adapter", language_hint="en")
    await chat.send("/attribute")
    await chat.send("Cell Structure")
    await chat.send("Jane Doe")
    await chat.send("https://example.org/cell-structure")
    await chat.send("CC BY-SA 4.0")
    await chat.press("att:changed:adapt")
    assert [b.payload for b in chat.last[0].all_buttons] == ["att:lic:CC-BY-SA-4.0"]
    await chat.send("CC BY 4.0")
    assert "may not be shared adapted under CC BY 4.0. Possible: CC BY-SA 4.0." in chat.text
    await chat.press("att:lic:CC-BY-SA-4.0")
    await chat.send("Cell Biology Module 2")
    await chat.send("the Open Biology Coalition")
    assert chat.last[1].text.startswith(
        'This work, "Cell Biology Module 2", is adapted from "Cell Structure"'
    )


async def test_attribute_refuses_to_license_an_adaptation_of_nd_material(chat_with: ChatFactory) -> None:
    chat = chat_with("nd", language_hint="en")
    await chat.send("/attribute")
    await chat.send("Poster")
    await chat.press("att:skip:author")
    await chat.press("att:skip:source")
    await chat.press("att:lic:CC-BY-ND-4.0")
    await chat.press("att:changed:adapt")
    assert "may not be shared in adapted form" in chat.text and "Did you change the work?" in chat.text


async def test_a_licensing_question_in_the_middle_of_attribute_is_answered_then_the_step_resumes(
    chat_with: ChatFactory,
) -> None:
    chat = chat_with("multitasker", language_hint="en")
    await chat.send("/attribute")
    await chat.send("Can I remix CC BY with CC BY-SA?")
    assert "Yes: CC BY 4.0 and CC BY-SA 4.0 can be combined" in chat.text
    assert "Now, back to your credit:" in chat.text and "What is the title" in chat.text


async def test_help_lists_the_licensing_commands_in_arabic(
    chat_with: ChatFactory, catalogs: Catalogs
) -> None:
    arabic = catalogs.translator("ar")
    chat = chat_with("help-ar", language_hint="ar")
    await chat.send("/help")
    for command, summary in [
        ("/license", "choose a Creative Commons license for your work (or /license NAME to explain one)"),
        ("/combine", "can these licenses be remixed together, and under which license?"),
        ("/attribute", "write the credit for a work you reuse"),
        ("/explain", "what a license allows and requires"),
    ]:
        assert command in chat.text and arabic.gettext(summary) in chat.text
        assert arabic.gettext(summary) != summary


OERBOT = Path(sys.executable).with_name("oerbot")


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_chooser_and_combine_work_through_the_real_console(
    tmp_path: Path, catalogs: Catalogs, language: str
) -> None:
    translator = catalogs.translator(language)
    script = "/license\n2\n1\n1\n2\n1\n2\n3\n4\n/combine BY-SA BY-NC\n"
    result = subprocess.run(
        [str(OERBOT), "chat", "--user", f"console-{language}", "--lang", language],
        input=script,
        cwd=tmp_path,
        env={
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(tmp_path),
            "OERBOT_LOCALES_DIR": str(ROOT / "locales"),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shown = result.stdout.replace("\u200f", "").replace("\u2068", "").replace("\u2069", "")
    assert translator.gettext(QUESTIONS["adaptations"]) in shown
    assert translator.gettext(texts.TOOL_NAMES["CC-BY-SA-4.0"]) in shown  # the result, named in the language
    assert "CC BY-SA 4.0" in shown and "https://creativecommons.org/licenses/by-sa/4.0/" in shown
    verdict = translator.gettext("No: {licenses} cannot be combined into one adaptation that you share.")
    assert verdict.split("{licenses}")[0] in shown
    assert "Traceback" not in result.stdout + result.stderr
