"""Countries typed in any of the bot's languages, UNESCO regions, and timezones found, labelled and typed."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from babel import Locale
from babel.core import get_global

from handlers.geography import (
    REGIONS,
    CountryMatch,
    country_name,
    find_countries,
    find_timezone,
    known_countries,
    region_of,
    timezone_label,
    timezones_for,
)

LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh", "pt")

# The 193 member states of the United Nations.
_UN_MEMBER_CODES = """
    AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG
    CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH
    GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ
    LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG
    NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN
    SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM
    ZW
"""
UN_MEMBERS = frozenset(_UN_MEMBER_CODES.split())

# UNESCO's Arab States group, Palestine included.
_ARAB_STATE_CODES = "DZ BH DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE"
ARAB_STATES = frozenset(_ARAB_STATE_CODES.split())


# --- regions -------------------------------------------------------------------------------------------


def test_the_five_unesco_regions_are_listed_in_order() -> None:
    assert REGIONS == ("AFR", "APA", "ARB", "ENA", "LAC")


def test_known_countries_are_sorted_unique_upper_case_alpha2_codes() -> None:
    codes = known_countries()
    assert list(codes) == sorted(set(codes))
    assert all(len(code) == 2 and code.isalpha() and code.isupper() for code in codes)


def test_every_known_country_has_a_region_and_an_english_name() -> None:
    english = Locale.parse("en").territories
    for code in known_countries():
        assert region_of(code) in REGIONS, code
        assert code in english, code
        assert country_name(code, "en") == english[code]


def test_every_known_country_has_a_name_in_every_bot_language() -> None:
    for language in LANGUAGES:
        for code in known_countries():
            assert country_name(code, language) != code, (language, code)


def test_the_mapping_covers_all_193_un_member_states() -> None:
    assert len(UN_MEMBERS) == 193
    assert set(known_countries()) >= UN_MEMBERS
    by_region = {region: sum(region_of(code) == region for code in UN_MEMBERS) for region in REGIONS}
    assert by_region == {"AFR": 45, "APA": 44, "ARB": 20, "ENA": 51, "LAC": 33}


def test_the_arab_states_group_is_unescos_list_plus_western_sahara() -> None:
    arab = {code for code in known_countries() if region_of(code) == "ARB"}
    assert arab == ARAB_STATES | {"EH"}


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("SD", "ARB"),
        ("SO", "ARB"),
        ("DJ", "ARB"),
        ("MR", "ARB"),
        ("IL", "ENA"),
        ("TR", "ENA"),
        ("KZ", "APA"),
        ("IR", "APA"),
        ("MX", "LAC"),
        ("CU", "LAC"),
        ("EG", "ARB"),
        ("MA", "ARB"),
        ("ZA", "AFR"),
        ("RU", "ENA"),
        ("US", "ENA"),
        ("AU", "APA"),
        ("FJ", "APA"),
        ("PS", "ARB"),
        ("SS", "AFR"),
        ("KM", "AFR"),
        ("CY", "ENA"),
        ("AM", "ENA"),
        ("AZ", "ENA"),
        ("GE", "ENA"),
        ("CA", "ENA"),
        ("AF", "APA"),
        ("UZ", "APA"),
        ("TM", "APA"),
        ("KG", "APA"),
        ("TJ", "APA"),
        ("CK", "APA"),
        ("NU", "APA"),
        ("JM", "LAC"),
        ("TT", "LAC"),
    ],
)
def test_tricky_member_states_are_in_their_unesco_region(code: str, region: str) -> None:
    assert region_of(code) == region


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("PR", "LAC"),
        ("GP", "LAC"),
        ("CW", "LAC"),
        ("AW", "LAC"),
        ("GF", "LAC"),
        ("GL", "ENA"),
        ("BM", "ENA"),
        ("GI", "ENA"),
        ("FO", "ENA"),
        ("XK", "ENA"),
        ("VA", "ENA"),
        ("HK", "APA"),
        ("MO", "APA"),
        ("TW", "APA"),
        ("NC", "APA"),
        ("PF", "APA"),
        ("GU", "APA"),
        ("RE", "AFR"),
        ("YT", "AFR"),
    ],
)
def test_dependent_territories_take_the_region_where_they_lie(code: str, region: str) -> None:
    assert region_of(code) == region


@pytest.mark.parametrize(
    "code", ["001", "150", "419", "EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AQ", "IC", "EA"]
)
def test_codes_that_are_not_countries_are_not_known(code: str) -> None:
    assert code not in known_countries()
    assert region_of(code) is None


@pytest.mark.parametrize("code", ["", "XX", "FRA", "F", "france"])
def test_region_of_an_unknown_code_is_none(code: str) -> None:
    assert region_of(code) is None


def test_region_of_ignores_case_and_surrounding_spaces() -> None:
    assert region_of("fr") == region_of(" FR ") == "ENA"


# --- country names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("en", "France"),
        ("fr", "France"),
        ("es", "Francia"),
        ("ar", "فرنسا"),
        ("ru", "Франция"),
        ("zh", "法国"),
        ("pt", "França"),
    ],
)
def test_country_names_come_from_babel_in_each_language(language: str, name: str) -> None:
    assert country_name("FR", language) == name


def test_country_name_falls_back_to_english_then_to_the_code() -> None:
    assert country_name("fr", "xx") == "France"
    assert country_name("QQ", "fr") == "QQ"


# --- finding countries ---------------------------------------------------------------------------------


def _top(text: str) -> CountryMatch:
    matches = find_countries(text)
    assert matches, text
    return matches[0]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("France", "FR"),
        ("Francia", "FR"),
        ("Франция", "FR"),
        ("法国", "FR"),
        ("فرنسا", "FR"),
        ("França", "FR"),
        ("Brasil", "BR"),
        ("Brésil", "BR"),
        ("Allemagne", "DE"),
        ("Alemanha", "DE"),
        ("Германия", "DE"),
        ("德国", "DE"),
        ("ألمانيا", "DE"),
        ("Estados Unidos", "US"),
        ("États-Unis", "US"),
        ("Соединенные Штаты", "US"),
        ("Reino Unido", "GB"),
        ("Royaume-Uni", "GB"),
        ("Côte d’Ivoire", "CI"),
        ("Costa do Marfim", "CI"),
        ("Кот-д’Ивуар", "CI"),
        ("ساحل العاج", "CI"),
        ("科特迪瓦", "CI"),
        ("Afrique du Sud", "ZA"),
        ("Sudáfrica", "ZA"),
        ("Южно-Африканская Республика", "ZA"),
        ("南非", "ZA"),
        ("جنوب أفريقيا", "ZA"),
        ("Émirats arabes unis", "AE"),
        ("الإمارات العربية المتحدة", "AE"),
        ("阿拉伯联合酋长国", "AE"),
        ("المملكة العربية السعودية", "SA"),
        ("مصر", "EG"),
        ("المغرب", "MA"),
        ("中国", "CN"),
        ("日本", "JP"),
        ("印度", "IN"),
        ("肯尼亚", "KE"),
        ("Фарерские острова", "FO"),
        ("台灣", "TW"),
        ("Irão", "IR"),
    ],
)
def test_exact_names_in_the_bot_languages_score_100(text: str, code: str) -> None:
    assert _top(text) == CountryMatch(code, 100.0)


def test_arabic_and_chinese_country_names_are_found() -> None:
    for code in ("EG", "JO", "SA", "CN", "BR", "PS", "TW"):
        for language in ("ar", "zh"):
            name = country_name(code, language)
            assert _top(name).code == code, (language, name)


def test_every_name_babel_gives_in_every_bot_language_finds_its_country() -> None:
    for language in LANGUAGES:
        for code in known_countries():
            name = country_name(code, language)
            matches = find_countries(name)
            assert matches and matches[0].score >= 95, (language, code, name)
            assert code in {match.code for match in matches}, (language, code, name)


def test_every_english_name_is_conclusive() -> None:
    for code in known_countries():
        assert _top(country_name(code, "en")) == CountryMatch(code, 100.0), code


@pytest.mark.parametrize(
    ("text", "code"),
    [("fr", "FR"), ("FR", "FR"), ("Fr", "FR"), ("FRA", "FR"), ("DEU", "DE"), ("KEN", "KE"), ("xk", "XK")],
)
def test_iso_alpha2_and_alpha3_codes_are_found(text: str, code: str) -> None:
    assert _top(text) == CountryMatch(code, 100.0)


@pytest.mark.parametrize("code", ["ZAR", "DDR", "BUR"])
def test_withdrawn_alpha3_codes_are_not_countries(code: str) -> None:
    assert all(match.score < 100 for match in find_countries(code))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("USA", "US"),
        ("US", "US"),
        ("U.S.A.", "US"),
        ("United States of America", "US"),
        ("UK", "GB"),
        ("Great Britain", "GB"),
        ("England", "GB"),
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Turkey", "TR"),
        ("Czechia", "CZ"),
        ("Czech Republic", "CZ"),
        ("Holland", "NL"),
        ("The Netherlands", "NL"),
        ("South Korea", "KR"),
        ("Republic of Korea", "KR"),
        ("North Korea", "KP"),
        ("DPRK", "KP"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Iran", "IR"),
        ("Syria", "SY"),
        ("Laos", "LA"),
        ("Bolivia", "BO"),
        ("Venezuela", "VE"),
        ("Tanzania", "TZ"),
        ("Moldova", "MD"),
        ("DRC", "CD"),
        ("DR Congo", "CD"),
        ("Democratic Republic of the Congo", "CD"),
        ("Congo-Brazzaville", "CG"),
        ("Republic of the Congo", "CG"),
        ("Swaziland", "SZ"),
        ("Eswatini", "SZ"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("Cape Verde", "CV"),
        ("Cabo Verde", "CV"),
        ("East Timor", "TL"),
        ("Timor-Leste", "TL"),
        ("Ivory Coast", "CI"),
        ("Palestine", "PS"),
        ("Hong Kong", "HK"),
        ("Macau", "MO"),
        ("UAE", "AE"),
        ("Holy See", "VA"),
        ("North Macedonia", "MK"),
        ("The Gambia", "GM"),
        ("Saint Kitts and Nevis", "KN"),
        ("St Lucia", "LC"),
        ("Saint Vincent and the Grenadines", "VC"),
        ("Bosnia and Herzegovina", "BA"),
        ("Trinidad and Tobago", "TT"),
        ("Sao Tome and Principe", "ST"),
        ("Guinea-Bissau", "GW"),
        ("Kosovo", "XK"),
        ("沙特", "SA"),
    ],
)
def test_common_aliases_are_found(text: str, code: str) -> None:
    assert _top(text) == CountryMatch(code, 100.0)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Côte d'Ivoire", "CI"),
        ("cote divoire", "CI"),
        ("COTE D IVOIRE", "CI"),
        ("  france  ", "FR"),
        ("FRANCE!!!", "FR"),
        ("france.", "FR"),
        ("Perú", "PE"),
        ("peru", "PE"),
        ("Mexico", "MX"),
        ("méxico", "MX"),
        ("Reunion", "RE"),
        ("La Réunion", "RE"),
        ("brazil", "BR"),
        ("guinea bissau", "GW"),
        ("россия", "RU"),
        ("РОССИЯ", "RU"),
        ("Türkİye", "TR"),
        ("Åland Islands", "AX"),
        ("aland islands", "AX"),
        ("Curacao", "CW"),
        ("Sao Tome & Principe", "ST"),
        ("l'Inde", "IN"),
        ("المانيا", "DE"),
        ("السعوديه", "SA"),
        ("法國", "FR"),
        ("Объединенные Арабские Эмираты", "AE"),
        ("le Sénégal", "SN"),
        ("the Gambia", "GM"),
        ("o Brasil", "BR"),
    ],
)
def test_case_accents_spaces_and_punctuation_do_not_matter(text: str, code: str) -> None:
    assert _top(text) == CountryMatch(code, 100.0)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Frnace", "FR"),
        ("Franse", "FR"),
        ("Germny", "DE"),
        ("Argentinia", "AR"),
        ("Phillipines", "PH"),
        ("Swizerland", "CH"),
        ("Untied States", "US"),
        ("Mexcio", "MX"),
        ("Nigerai", "NG"),
        ("Camaroon", "CM"),
        ("Afghanistn", "AF"),
        ("Madagaskar", "MG"),
    ],
)
def test_small_typos_are_found_below_100(text: str, code: str) -> None:
    match = _top(text)
    assert match.code == code
    assert 80 < match.score < 100


def test_an_exact_match_comes_before_fuzzy_ones() -> None:
    matches = find_countries("Niger", limit=5)
    assert matches[0] == CountryMatch("NE", 100.0)
    assert all(match.score < 100 for match in matches[1:])


def test_matches_are_sorted_by_score_and_limited() -> None:
    matches = find_countries("Saint Martin", limit=10)
    assert [match.score for match in matches] == sorted((match.score for match in matches), reverse=True)
    assert len(find_countries("Saint Martin", limit=1)) == 1
    assert find_countries("France", limit=0) == []


@pytest.mark.parametrize(("text", "codes"), [("Congo", {"CD", "CG"}), ("Korea", {"KP", "KR"})])
def test_a_name_several_countries_share_offers_each_without_choosing(text: str, codes: set[str]) -> None:
    matches = find_countries(text)
    assert {match.code for match in matches} == codes
    assert all(match.score == 95 for match in matches)


@pytest.mark.parametrize(
    ("text", "code"), [("no", "NO"), ("No", "NO"), ("it", "IT"), ("in", "IN"), ("can", "CA")]
)
def test_a_code_that_is_an_everyday_word_is_offered_but_not_chosen(text: str, code: str) -> None:
    assert _top(text) == CountryMatch(code, 95.0)
    assert _top(text.upper()) == CountryMatch(code, 100.0)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I live in Kenya", "KE"),
        ("I'm from the UK", "GB"),
        ("Je viens du Sénégal", "SN"),
        ("Vivo en Argentina", "AR"),
        ("I live in South Sudan", "SS"),
        ("我来自中国", "CN"),
        ("我住在南苏丹", "SS"),
        ("أنا من مصر", "EG"),
    ],
)
def test_a_country_named_in_a_short_sentence_is_suggested(text: str, code: str) -> None:
    assert find_countries(text) == [CountryMatch(code, 90.0)]


_RANDOM = random.Random(20240601)
_RANDOM_TEXT = "".join(_RANDOM.choice("abcdefghijklmnopqrstuvwxyz ,.?!0123456789") for _ in range(500))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "what is OER?",
        "What is OER",
        "hello",
        "Hello!",
        "hi",
        "thanks",
        "thank you",
        "bonjour",
        "hola",
        "olá",
        "Привет",
        "你好",
        "谢谢",
        "مرحبا",
        "شكرا",
        "CC BY-SA",
        "CC BY-NC-ND 4.0",
        "CC0",
        "creative commons",
        "public domain",
        "license",
        "licence",
        "open educational resources",
        "How do I choose a licence for my course?",
        "tell us about the coalition",
        "x" * 500,
        _RANDOM_TEXT,
        "😀",
        "👍🎉🔥",
        "abcабв漢字",
        "ñ漢字テスト",
        "123456",
        "?!",
    ],
)
def test_nothing_matches_text_that_is_not_a_country(text: str) -> None:
    assert find_countries(text) == []


@pytest.mark.parametrize("text", ["chat", "march", "begin", "creative", "tatar", "start", "mango", "salad"])
def test_short_words_near_a_country_name_do_not_match(text: str) -> None:
    assert find_countries(text) == []


# --- timezones -----------------------------------------------------------------------------------------


def _loads(zone: str) -> bool:
    ZoneInfo(zone)
    return True


@pytest.mark.parametrize("code", ["FR", "US", "BR", "IN", "KE", "CN"])
def test_timezones_are_valid_iana_zones_from_babel(code: str) -> None:
    zones = timezones_for(code)
    assert zones
    assert all(_loads(zone) for zone in zones)
    assert set(zones) == set(get_global("territory_zones")[code])
    assert len(zones) == len(set(zones))


@pytest.mark.parametrize(
    ("code", "zone"), [("FR", "Europe/Paris"), ("IN", "Asia/Kolkata"), ("KE", "Africa/Nairobi")]
)
def test_a_single_zone_country_gives_exactly_one_zone(code: str, zone: str) -> None:
    assert timezones_for(code) == [zone]


@pytest.mark.parametrize(
    ("code", "first"),
    [
        ("US", "America/New_York"),
        ("BR", "America/Sao_Paulo"),
        ("CN", "Asia/Shanghai"),
        ("RU", "Europe/Moscow"),
        ("AU", "Australia/Sydney"),
        ("CA", "America/Toronto"),
        ("MX", "America/Mexico_City"),
        ("ID", "Asia/Jakarta"),
    ],
)
def test_the_most_populous_zone_comes_first(code: str, first: str) -> None:
    assert timezones_for(code)[0] == first


def test_every_known_countrys_zones_load_and_are_babels() -> None:
    territory_zones = get_global("territory_zones")
    for code in known_countries():
        zones = timezones_for(code)
        assert all(_loads(zone) for zone in zones), code
        assert set(zones) <= set(territory_zones.get(code, ())), code


@pytest.mark.parametrize("code", ["", "ZZ", "AQ", "EU", "001", "FRA", "XX"])
def test_timezones_for_an_unknown_code_is_empty(code: str) -> None:
    assert timezones_for(code) == []


def test_timezones_for_ignores_case() -> None:
    assert timezones_for("fr") == ["Europe/Paris"]


def test_timezone_labels_use_the_location_format() -> None:
    assert timezone_label("Europe/Paris", "fr") == "heure : France"
    assert timezone_label("Europe/Paris", "en") == "France Time"
    assert timezone_label("America/Sao_Paulo", "pt") == "Horário Brasil (São Paulo)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_timezone_labels_are_non_empty_in_every_language(language: str) -> None:
    for zone in ("Europe/Paris", "Asia/Shanghai", "Africa/Nairobi", "America/New_York"):
        label = timezone_label(zone, language)
        assert label.strip()
        assert label != zone


@pytest.mark.parametrize("language", ["ar", "zh"])
def test_arabic_and_chinese_timezone_labels_are_in_their_script(language: str) -> None:
    label = timezone_label("Europe/Paris", language)
    assert label
    assert not any("a" <= char.lower() <= "z" for char in label)


def test_russian_labels_do_not_claim_summer_time_all_year() -> None:
    assert timezone_label("Europe/Moscow", "ru") == "Россия (Москва)"
    assert timezone_label("Europe/Paris", "ru") == "Франция"


def test_fixed_offset_zones_are_labelled_with_their_real_offset() -> None:
    assert timezone_label("Etc/GMT-3", "en") == "GMT+03:00"
    assert timezone_label("Etc/GMT+5", "fr") == "UTC-05:00"
    assert timezone_label("Etc/UTC", "zh")


def test_a_label_for_an_unknown_zone_or_language_still_shows_something() -> None:
    assert timezone_label("Nowhere/Special", "en") == "Nowhere/Special"
    assert timezone_label("Europe/Paris", "xx") == "France Time"


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Europe/Paris", "Europe/Paris"),
        ("europe/paris", "Europe/Paris"),
        ("AMERICA/NEW_YORK", "America/New_York"),
        ("america/new york", "America/New_York"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("US/Eastern", "America/New_York"),
        ("UTC", "Etc/UTC"),
        ("utc", "Etc/UTC"),
        ("GMT", "Etc/UTC"),
        ("UTC+0", "Etc/UTC"),
        ("GMT-0", "Etc/UTC"),
        ("UTC+3", "Etc/GMT-3"),
        ("utc +3", "Etc/GMT-3"),
        ("UTC+03:00", "Etc/GMT-3"),
        ("GMT-5", "Etc/GMT+5"),
        ("gmt-05", "Etc/GMT+5"),
        ("UTC−4", "Etc/GMT+4"),
        ("+3", "Etc/GMT-3"),
        ("-03:00", "Etc/GMT+3"),
        ("UTC+14", "Etc/GMT-14"),
        ("UTC-12", "Etc/GMT+12"),
        ("Nairobi", "Africa/Nairobi"),
        ("nairobi", "Africa/Nairobi"),
        ("sao paulo", "America/Sao_Paulo"),
        ("São Paulo", "America/Sao_Paulo"),
        ("New York", "America/New_York"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("Kolkata", "Asia/Kolkata"),
        ("Calcutta", "Asia/Kolkata"),
        ("Москва", "Europe/Moscow"),
        ("Ciudad de México", "America/Mexico_City"),
        ("الرياض", "Asia/Riyadh"),
        ("上海", "Asia/Shanghai"),
        ("Beijing", "Asia/Shanghai"),
        ("Washington", "America/New_York"),
    ],
)
def test_find_timezone_understands_names_offsets_and_cities(text: str, zone: str) -> None:
    assert find_timezone(text) == zone
    assert _loads(zone)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "+05:30",
        "UTC+5:30",
        "UTC+05:45",
        "UTC+15",
        "UTC-13",
        "hello",
        "France",
        "what is OER?",
        "EST",
        "3",
    ],
)
def test_find_timezone_returns_none_for_what_it_cannot_place(text: str) -> None:
    assert find_timezone(text) is None


def test_utc_offsets_follow_posixs_inverted_sign() -> None:
    moment = datetime(2025, 1, 15, 12, 0)
    for hours in range(-12, 15):
        zone = find_timezone(f"UTC{hours:+d}")
        assert zone is not None
        assert ZoneInfo(zone).utcoffset(moment) == timedelta(hours=hours)
    assert find_timezone("UTC+3") == "Etc/GMT-3"
    assert find_timezone("UTC-3") == "Etc/GMT+3"
