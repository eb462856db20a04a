"""Text analysis: licence names, stemming, accents, Arabic normalisation, Chinese n-grams, scripts."""

from __future__ import annotations

import pytest

from handlers.faq.analysis import STOP_MARK, WEAK_MARK, analyse, canonical_licences, normalise_arabic
from handlers.faq.language import NgramClassifier, script_of


def content(text: str, language: str) -> list[str]:
    """The terms that carry meaning (function words are kept, marked, for ranking only)."""
    return [term for term in analyse(text, language) if term[0] not in (STOP_MARK, WEAK_MARK)]


@pytest.mark.parametrize(
    ("written", "language"),
    [
        ("by-nc-sa", "en"),
        ("CC BY-NC-SA 4.0", "en"),
        ("cc-by-nc-sa", "en"),
        ("Attribution-NonCommercial-ShareAlike", "en"),
        ("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International", "en"),
        ("BY NC SA", "en"),
        ("Attribution - Pas d'Utilisation Commerciale - Partage dans les Mêmes Conditions", "fr"),
        ("Reconocimiento-NoComercial-CompartirIgual", "es"),
        ("Atribuição-NãoComercial-CompartilhaIgual", "pt"),
        ("Атрибуция — Некоммерческое использование — На тех же условиях", "ru"),
        ("نسب المصنف - غير تجاري - الترخيص بالمثل", "ar"),
        ("署名-非商业性使用-相同方式共享", "zh"),
    ],
)
def test_a_licence_is_one_term_however_it_is_written(written: str, language: str) -> None:
    assert "cc_by_nc_sa" in analyse(written, language)


@pytest.mark.parametrize(
    ("written", "term"),
    [
        ("CC BY", "cc_by"),
        ("cc-by 4.0", "cc_by"),
        ("Creative Commons Attribution 4.0", "cc_by"),
        ("Attribution-ShareAlike", "cc_by_sa"),
        ("CC BY-ND", "cc_by_nd"),
        ("by-nc-nd", "cc_by_nc_nd"),
        ("Attribution-NonCommercial-NoDerivatives", "cc_by_nc_nd"),
        ("CC0", "cc_zero"),
        ("CC 0", "cc_zero"),
        ("cc-zero", "cc_zero"),
    ],
)
def test_the_six_licences_and_cc0_have_their_own_terms(written: str, term: str) -> None:
    assert term in analyse(written, "en")


def test_a_version_number_is_kept_next_to_the_licence() -> None:
    assert analyse("CC BY-SA 3.0", "en") == ["cc_by_sa", "v3_0"]


def test_by_on_its_own_is_a_preposition_not_a_licence() -> None:
    assert not any(term.startswith("cc_") for term in analyse("a photo taken by my colleague", "en"))
    assert "cc_by" not in canonical_licences("how do i give attribution")


def test_creative_commons_is_one_term_even_misspelt() -> None:
    assert content("creative commons", "en") == content("CC", "en") == content("creativ comons", "en")


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [
        ("licenses", "licensing", "en"),
        ("licence", "license", "en"),
        ("ressources éducatives", "ressource educative", "fr"),
        ("educación abierta", "EDUCACION ABIERTOS", "es"),
        ("licenças", "licença", "pt"),
        ("лицензии", "лицензией", "ru"),
        ("ещё", "еще", "ru"),
    ],
)
def test_inflection_accents_and_casing_meet(first: str, second: str, language: str) -> None:
    assert content(first, language) == content(second, language)


def test_arabic_is_normalised_before_stemming() -> None:
    assert normalise_arabic("المَوارِدُ التَّعليميّة") == "الموارد التعليمية"
    assert normalise_arabic("أإآٱ") == "اااا"
    assert content("الموارد التعليمية المفتوحة", "ar") == content("المَوارِدُ التعليميّة المفتوحه", "ar")
    assert content("والموارد", "ar") == content("الموارد", "ar")


def test_arabic_tatweel_is_ignored() -> None:
    assert content("الترخيـــص", "ar") == content("الترخيص", "ar")


def test_chinese_is_read_as_bigrams_with_characters_to_rank_on() -> None:
    terms = analyse("开放教育资源", "zh")
    assert {"开放", "教育", "资源"} <= set(terms)
    assert {f"{WEAK_MARK}开", f"{WEAK_MARK}源"} <= set(terms)  # characters rank, bigrams judge
    assert analyse("书", "zh") == ["书"]


def test_chinese_keeps_latin_words_and_licences() -> None:
    assert "cc_by_sa" in content("CC BY-SA是什么意思", "zh")
    assert "oer" in content("什么是OER", "zh")


def test_function_words_are_marked_not_dropped() -> None:
    terms = analyse("What is the Recommendation?", "en")
    assert f"{STOP_MARK}what" in terms and "recommend" in terms


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("What is CC BY?", "latin"),
        ("Qu'est-ce qu'une REL ?", "latin"),
        ("ما هي الموارد التعليمية المفتوحة؟", "ar"),
        ("مرحبا CC BY-SA", "ar"),
        ("Что такое CC BY?", "ru"),
        ("什么是CC BY?", "zh"),
        ("오픈 교육 자료", "other"),
        ("😀😀😀", None),
        ("", None),
        ("12345 ?!", None),
    ],
)
def test_the_script_decides_for_arabic_cyrillic_and_han(text: str, script: str | None) -> None:
    assert script_of(text) == script


def test_the_ngram_classifier_tells_latin_languages_apart() -> None:
    classifier = NgramClassifier(
        {
            "en": ["what is an open licence and how do I use it with my students"],
            "fr": ["qu'est-ce qu'une licence ouverte et comment l'utiliser avec mes élèves"],
        }
    )
    french = classifier.posteriors("comment utiliser une licence")
    assert french["fr"] > french["en"]
    english = classifier.posteriors("how do I use a licence")
    assert english["en"] > english["fr"]
    assert sum(english.values()) == pytest.approx(1.0)
    assert classifier.posteriors("😀") == {"en": 0.5, "fr": 0.5}


@pytest.mark.parametrize("written", ["the 5Rs", "five R's", "5 Rs", "the 5R framework"])
def test_the_five_rs_are_one_term(written: str) -> None:
    assert "5rs" in analyse(written, "en")


@pytest.mark.parametrize(
    "written",
    [
        "que veut dire SA",
        "Partage dans les mêmes conditions",
        "la clause sa",
        "c'est quoi sa ?",
        "la licence by sa",
    ],
)
def test_french_sa_the_licence_element_is_never_a_function_word(written: str) -> None:
    terms = analyse(written, "fr")
    assert "sa" in terms or "cc_by_sa" in terms


def test_french_sa_the_possessive_stays_a_function_word() -> None:
    assert "sa" not in content("quelle est sa licence", "fr")
    assert "sa" not in content("Sa traduction est-elle une adaptation ?", "fr")


@pytest.mark.parametrize("language", ["en", "fr", "es", "pt", "ru", "ar", "zh"])
def test_licence_elements_are_never_function_words(language: str) -> None:
    for element in ("NC", "SA", "ND"):
        assert element.casefold() in content(f"{element}", language)


def test_by_in_capitals_is_the_element_and_in_lowercase_a_preposition() -> None:
    assert content("What does BY mean?", "en") == content("what does attribution mean", "en")
    assert "attribut" not in content("a photo taken by my colleague", "en")
    assert "署名" in content("什么是BY", "zh")


@pytest.mark.parametrize(
    ("written", "term"),
    [
        ("креатив коммонс", "cc"),
        ("Креативкоммонс", "cc"),
        ("криэйтив коммонс", "cc"),
        ("Криейтив Коммонз", "cc"),
        ("сс by-nc", "cc_by_nc"),  # Cyrillic с
        ("лицензия СС BY-SA 4.0", "cc_by_sa"),
        ("СС ВУ-NC", "cc_by_nc"),  # Cyrillic letters that look like Latin ones
        ("сс0", "cc_zero"),
    ],
)
def test_russian_spellings_of_creative_commons(written: str, term: str) -> None:
    assert term in analyse(written, "ru")


def test_russian_ai_words_meet_and_ii_is_not_a_conjunction() -> None:
    assert content("чатгпт", "ru") == content("ChatGPT", "ru")
    assert content("ИИ", "ru") == content("нейросеть", "ru") == ["ии"]


@pytest.mark.parametrize(
    ("written", "terms"),
    [
        ("什么是CC0", {"cc_zero"}),
        ("5R是什么", {"5rs"}),
        ("CC BY-NC协议", {"cc_by_nc", "协议"}),
        ("用CC BY-SA许可的图片", {"cc_by_sa", "许可", "图片"}),
        ("OER是什么", {"oer"}),
    ],
)
def test_chinese_latin_words_touching_han_characters_are_read_apart(written: str, terms: set[str]) -> None:
    assert terms <= set(content(written, "zh"))


def test_latin_words_touching_other_scripts_are_split() -> None:
    assert "cc_by" in analyse("رخصةCC BY", "ar")
    assert "cc_zero" in analyse("лицензияCC0", "ru")
