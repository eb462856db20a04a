"""License names are recognised however they are written: codes, ids, full names, seven languages, old
versions, ports and IGO; anything else is refused with the list of valid names, never guessed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.i18n import SUPPORTED_LANGUAGES, Catalogs
from handlers.licensing.names import (
    LicenseRef,
    OtherLicense,
    UnknownLicense,
    find_licenses,
    parse_license,
    parse_licenses,
    valid_names,
)
from handlers.licensing.texts import TOOL_NAMES

TRUTH = (Path(__file__).resolve().parents[2] / "../shared/licensing").resolve()
TOOLS = json.loads((TRUTH / "licenses.json").read_text(encoding="utf-8"))["tools"]


def tool_id_of(text: str) -> str:
    named = parse_license(text)
    assert isinstance(named, LicenseRef)
    return named.id


@pytest.mark.parametrize("record", TOOLS, ids=[t["id"] for t in TOOLS])
def test_every_tool_is_recognised_by_its_id_short_name_name_and_slug(record: dict[str, str]) -> None:
    spellings = [record["id"], record["short_name"], record["name"], record["name"] + " License"]
    if record["chooser_slug"]:
        spellings.append(record["chooser_slug"])
    for spelling in spellings:
        assert tool_id_of(spelling) == record["id"], spelling


EVERYDAY = {
    "CC-BY-4.0": ["by", "CC BY", "cc-by", "CC-BY 4.0", "Attribution", "Attribution 4.0 International"],
    "CC-BY-SA-4.0": [
        "by-sa",
        "BY SA",
        "cc by-sa 4.0",
        "CC-BY-SA-4.0",
        "sa",
        "Attribution-ShareAlike",
        "share alike",
    ],
    "CC-BY-NC-4.0": ["by-nc", "CC BY-NC", "Attribution-NonCommercial", "Attribution Non-Commercial 4.0"],
    "CC-BY-NC-SA-4.0": [
        "by-nc-sa",
        "BY-SA-NC",
        "CC BY NC SA",
        "Attribution-NonCommercial-ShareAlike",
        "nc-sa",
    ],
    "CC-BY-ND-4.0": ["by-nd", "CC BY-ND", "Attribution-NoDerivatives", "Attribution-NoDerivs"],
    "CC-BY-NC-ND-4.0": ["by-nc-nd", "BY ND NC", "Attribution-NonCommercial-NoDerivatives 4.0 International"],
    "CC0-1.0": ["CC0", "cc-0", "CC zero", "CC0 1.0 Universal", "public domain dedication"],
    "PDM-1.0": ["PDM", "Public Domain Mark", "public domain", "Public Domain Mark 1.0"],
}


@pytest.mark.parametrize(
    ("tool_id", "spelling"), [(t, s) for t, spellings in EVERYDAY.items() for s in spellings]
)
def test_everyday_spellings_are_recognised(tool_id: str, spelling: str) -> None:
    assert tool_id_of(spelling) == tool_id


OFFICIAL_NAMES = {
    "fr": {
        "CC-BY-4.0": "Attribution 4.0 International",
        "CC-BY-SA-4.0": "Attribution - Partage dans les Mêmes Conditions 4.0 International",
        "CC-BY-NC-4.0": "Attribution - Pas d'Utilisation Commerciale 4.0 International",
        "CC-BY-NC-SA-4.0": (
            "Attribution - Pas d’Utilisation Commerciale - Partage dans les Mêmes Conditions "
            "4.0 International"
        ),
        "CC-BY-ND-4.0": "Attribution - Pas de Modification 4.0 International",
        "CC-BY-NC-ND-4.0": (
            "Attribution - Pas d'Utilisation Commerciale - Pas de Modification 4.0 International"
        ),
        "PDM-1.0": "Marque du domaine public 1.0",
        "CC0-1.0": "CC0 1.0 Universel",
    },
    "es": {
        "CC-BY-4.0": "Atribución 4.0 Internacional",
        "CC-BY-SA-4.0": "Atribución-CompartirIgual 4.0 Internacional",
        "CC-BY-NC-4.0": "Atribución-NoComercial 4.0 Internacional",
        "CC-BY-NC-SA-4.0": "Atribución-NoComercial-CompartirIgual 4.0 Internacional",
        "CC-BY-ND-4.0": "Atribución-SinDerivadas 4.0 Internacional",
        "CC-BY-NC-ND-4.0": "Atribución-NoComercial-SinDerivadas 4.0 Internacional",
        "PDM-1.0": "Marca de Dominio Público 1.0",
    },
    "pt": {
        "CC-BY-4.0": "Atribuição 4.0 Internacional",
        "CC-BY-SA-4.0": "Atribuição-CompartilhaIgual 4.0 Internacional",
        "CC-BY-NC-4.0": "Atribuição-NãoComercial 4.0 Internacional",
        "CC-BY-NC-SA-4.0": "Atribuição-NãoComercial-CompartilhaIgual 4.0 Internacional",
        "CC-BY-ND-4.0": "Atribuição-SemDerivações 4.0 Internacional",
        "CC-BY-NC-ND-4.0": "Atribuição-NãoComercial-SemDerivações 4.0 Internacional",
        "PDM-1.0": "Marca de Domínio Público 1.0",
    },
    "ru": {
        "CC-BY-4.0": "Атрибуция 4.0 Всемирная",
        "CC-BY-SA-4.0": "Атрибуция — На тех же условиях 4.0 Всемирная",
        "CC-BY-NC-4.0": "Атрибуция — Некоммерческое использование 4.0 Всемирная",
        "CC-BY-NC-SA-4.0": "Атрибуция — Некоммерческое использование — На тех же условиях 4.0 Всемирная",
        "CC-BY-ND-4.0": "Атрибуция — Без производных произведений 4.0 Всемирная",
        "CC-BY-NC-ND-4.0": (
            "Атрибуция — Некоммерческое использование — Без производных произведений 4.0 Всемирная"
        ),
        "PDM-1.0": "Знак общественного достояния 1.0",
    },
    "zh": {
        "CC-BY-4.0": "署名 4.0 国际",
        "CC-BY-SA-4.0": "署名-相同方式共享 4.0 国际",
        "CC-BY-NC-4.0": "署名-非商业性使用 4.0 国际",
        "CC-BY-NC-SA-4.0": "知识共享署名-非商业性使用-相同方式共享 4.0 国际许可协议",
        "CC-BY-ND-4.0": "署名-禁止演绎 4.0 国际",
        "CC-BY-NC-ND-4.0": "署名-非商业性使用-禁止演绎 4.0 国际",
        "PDM-1.0": "公共领域标记 1.0",
        "CC0-1.0": "CC0 1.0 通用",
    },
    "ar": {
        "CC-BY-4.0": "نَسب المُصنَّف 4.0 دولي",
        "CC-BY-SA-4.0": "نَسب المُصنَّف - الترخيص بالمثل 4.0 دولي",
        "CC-BY-NC-4.0": "نَسب المُصنَّف - غير تجاري 4.0 دولي",
        "CC-BY-NC-SA-4.0": "رخصة المشاع الإبداعي نَسب المُصنَّف - غير تجاري - الترخيص بالمثل 4.0 دولي",
        "CC-BY-ND-4.0": "نَسْبُ الـمُصنَّف، مَنْع الاشتقاق 4.0 دولي",
        "CC-BY-NC-ND-4.0": "نَسب المُصنَّف - غير تجاري - منع الاشتقاق 4.0 دولي",
        "PDM-1.0": "علامة الملك العام 1.0",
        "CC0-1.0": "CC0 1.0 عالمي",
    },
}


@pytest.mark.parametrize(
    ("language", "tool_id"), [(lang, tool_id) for lang, names in OFFICIAL_NAMES.items() for tool_id in names]
)
def test_cc_official_names_in_the_other_six_languages_are_recognised(language: str, tool_id: str) -> None:
    assert tool_id_of(OFFICIAL_NAMES[language][tool_id]) == tool_id


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_the_name_the_bot_shows_in_each_language_is_one_it_recognises(
    catalogs: Catalogs, language: str
) -> None:
    translator = catalogs.translator(language)
    for tool_id, name in TOOL_NAMES.items():
        assert tool_id_of(translator.gettext(name)) == tool_id, (language, translator.gettext(name))


OLDER = {
    "CC BY-SA 3.0 IGO": ("CC-BY-SA-3.0-IGO", "https://creativecommons.org/licenses/by-sa/3.0/igo/"),
    "cc-by-nc-sa 3.0 igo": ("CC-BY-NC-SA-3.0-IGO", "https://creativecommons.org/licenses/by-nc-sa/3.0/igo/"),
    "CC BY 3.0": ("CC-BY-3.0", "https://creativecommons.org/licenses/by/3.0/"),
    "Attribution-NoDerivs 3.0 Unported": ("CC-BY-ND-3.0", "https://creativecommons.org/licenses/by-nd/3.0/"),
    "CC BY-NC 2.5": ("CC-BY-NC-2.5", "https://creativecommons.org/licenses/by-nc/2.5/"),
    "CC BY-SA 2.1 JP": ("CC-BY-SA-2.1-JP", "https://creativecommons.org/licenses/by-sa/2.1/jp/"),
    "CC BY 2.0": ("CC-BY-2.0", "https://creativecommons.org/licenses/by/2.0/"),
    "CC BY-NC-ND 1.0": ("CC-BY-NC-ND-1.0", "https://creativecommons.org/licenses/by-nc-nd/1.0/"),
    "CC BY 3.0 FR": ("CC-BY-3.0-FR", "https://creativecommons.org/licenses/by/3.0/fr/"),
    "Reconocimiento-NoComercial-SinObraDerivada 3.0 España": (
        "CC-BY-NC-ND-3.0-ES",
        "https://creativecommons.org/licenses/by-nc-nd/3.0/es/",
    ),
    "Paternité - Pas d'Utilisation Commerciale 2.0 France": (
        "CC-BY-NC-2.0-FR",
        "https://creativecommons.org/licenses/by-nc/2.0/fr/",
    ),
}


@pytest.mark.parametrize("spelling", sorted(OLDER))
def test_older_ported_and_igo_versions_are_recognised_as_such(spelling: str) -> None:
    named = parse_license(spelling)
    assert isinstance(named, LicenseRef) and not named.is_current
    assert (named.id, named.deed_url) == OLDER[spelling]
    assert named.legal_code_url == named.deed_url + "legalcode"


def test_unesco_s_own_license_keeps_its_version_and_igo_in_its_short_name() -> None:
    named = parse_license("CC BY-SA 3.0 IGO")
    assert isinstance(named, LicenseRef)
    assert named.short_name == "CC BY-SA 3.0 IGO" and named.tool_id == "CC-BY-SA-4.0"


@pytest.mark.parametrize(
    "text",
    [
        "foo",
        "",
        "CC BY-SA-ND",  # ShareAlike and NoDerivatives contradict each other
        "CC BY 5.0",
        "CC BY 4.0 IGO",  # there is no IGO 4.0
        "CC BY 4.0 FR",  # 4.0 was never ported
        "CC BY 2.0 IGO",
        "GPLv2",
        "MIT",
        "CC BY-SA and more",
    ],
)
def test_anything_else_is_refused_not_guessed(text: str) -> None:
    with pytest.raises(UnknownLicense):
        parse_license(text)


def test_the_valid_names_offered_after_a_mistake_are_the_eight_tools() -> None:
    assert valid_names() == [t["short_name"] for t in TOOLS]


def test_the_gpl_and_the_free_art_license_are_recognised_as_non_cc_licenses() -> None:
    assert parse_license("GPLv3") == OtherLicense("GPL-3.0")
    assert parse_license("GNU GPL version 3") == OtherLicense("GPL-3.0")
    assert parse_license("Free Art License 1.3") == OtherLicense("FAL-1.3")
    assert parse_license("Licence Art Libre") == OtherLicense("FAL-1.3")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BY-SA BY-NC", ["CC-BY-SA-4.0", "CC-BY-NC-4.0"]),
        ("CC BY 4.0, CC0 and PDM", ["CC-BY-4.0", "CC0-1.0", "PDM-1.0"]),
        ("CC-BY-4.0 CC-BY-4.0", ["CC-BY-4.0", "CC-BY-4.0"]),
        ("by-nc + by-nc-sa & cc0", ["CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC0-1.0"]),
        ("CC BY-SA 3.0 IGO et CC BY 4.0", ["CC-BY-SA-3.0-IGO", "CC-BY-4.0"]),
    ],
)
def test_several_names_in_one_line_are_told_apart(text: str, expected: list[str]) -> None:
    assert [n.id for n in parse_licenses(text)] == expected


def test_a_line_with_an_unknown_name_among_known_ones_points_at_the_unknown_one() -> None:
    with pytest.raises(UnknownLicense) as error:
        parse_licenses("BY-SA banana")
    assert error.value.text == "banana"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("can I remix a CC BY-SA photo with CC BY-NC text?", ["CC-BY-SA-4.0", "CC-BY-NC-4.0"]),
        ("Puis-je combiner une image CC BY-SA avec un texte CC BY-NC ?", ["CC-BY-SA-4.0", "CC-BY-NC-4.0"]),
        ("هل يمكنني دمج صورة CC BY-SA مع نص CC BY-NC؟", ["CC-BY-SA-4.0", "CC-BY-NC-4.0"]),
        ("我可以把署名-相同方式共享 4.0 的照片和 CC BY-NC 的文字混合吗？", ["CC-BY-SA-4.0", "CC-BY-NC-4.0"]),
        ("what is CC BY-SA 3.0 IGO?", ["CC-BY-SA-3.0-IGO"]),
        ("a public domain photo with an Attribution-ShareAlike text", ["PDM-1.0", "CC-BY-SA-4.0"]),
        # Ordinary words are not licenses: "by", "attribution", "nd" on their own.
        ("a photo by Jane, with attribution, and nd here", []),
        ("CC BY 3.0 in my course", ["CC-BY-3.0"]),
    ],
)
def test_license_names_are_found_in_running_text(question: str, expected: list[str]) -> None:
    assert [f.license.id for f in find_licenses(question)] == expected


def test_public_domain_in_general_is_told_apart_from_the_public_domain_mark() -> None:
    (general,) = find_licenses("Is this text in the public domain?")
    (mark,) = find_licenses("It carries the Public Domain Mark.")
    assert general.license.id == mark.license.id == "PDM-1.0"
    assert general.generic and not mark.generic
