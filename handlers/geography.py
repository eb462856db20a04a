"""Countries, UNESCO regions and timezones for onboarding: from what a member types to codes the bot stores.

A member answers "which country?" in any of the bot's seven languages, by ISO code, by a common alias or
with a typo; `find_countries` turns that into ranked ISO 3166-1 alpha-2 codes, `region_of` gives the UNESCO
regional group shown on their profile, and `timezones_for`, `timezone_label` and `find_timezone` help them
pick the IANA zone their reminders are scheduled in. Names come from babel (CLDR); the lookup tables are
built on first use and cached for the life of the process.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_timezone_gmt, get_timezone_location
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

__all__ = [
    "REGIONS",
    "CountryMatch",
    "country_name",
    "find_countries",
    "find_timezone",
    "known_countries",
    "region_of",
    "timezone_label",
    "timezones_for",
]

REGIONS: tuple[str, ...] = ("AFR", "APA", "ARB", "ENA", "LAC")
"""UNESCO's five regional groups: Africa, Asia and the Pacific, Arab States, Europe and North America,
Latin America and the Caribbean."""


@dataclass(frozen=True)
class CountryMatch:
    """One candidate country for what a member typed."""

    code: str  # ISO 3166-1 alpha-2, upper case, e.g. "FR"
    score: float  # 0..100, 100 = exact


# Sovereign states in UNESCO's own regional groups, which are not the UN geoscheme: Djibouti, Mauritania,
# Somalia and Sudan sit in the Arab States, Israel, Türkiye and the Caucasus in Europe and North America,
# Central Asia, Afghanistan and Iran in Asia and the Pacific. UNESCO's Associate Members (Aruba, the Faroes,
# Macao, New Caledonia, Tokelau, ...) are with the territories below, where geography gives the same group.
_MEMBERS: dict[str, str] = {
    "AFR": """AO BF BI BJ BW CD CF CG CI CM CV ER ET GA GH GM GN GQ GW KE KM LR LS MG ML MU MW MZ NA NE NG
              RW SC SL SN SS ST SZ TD TG TZ UG ZA ZM ZW""",
    "APA": """AF AU BD BN BT CK CN FJ FM ID IN IR JP KG KH KI KP KR KZ LA LK MH MM MN MV MY NP NR NU NZ PG
              PH PK PW SB SG TH TJ TL TM TO TV UZ VN VU WS""",
    "ARB": "AE BH DJ DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SO SY TN YE",
    "ENA": """AD AL AM AT AZ BA BE BG BY CA CH CY CZ DE DK EE ES FI FR GB GE GR HR HU IE IL IS IT LI LT LU
              LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM TR UA US""",
    "LAC": """AG AR BB BO BR BS BZ CL CO CR CU DM DO EC GD GT GY HN HT JM KN LC MX NI PA PE PY SR SV TT UY
              VC VE""",
}

# Territories that are not UNESCO members take the group that holds their UN M49 geographic area.
_TERRITORIES: dict[str, str] = {
    "AFR": "IO RE SH TF YT",
    "APA": "AS CC CX GU HK HM MO MP NC NF PF PN TK TW UM WF",
    "ARB": "EH",
    "ENA": "AX BM FO GG GI GL IM JE PM SJ VA XK",
    "LAC": "AI AW BL BQ BV CW FK GF GP GS KY MF MQ MS PR SX TC VG VI",
}

# The languages members write in, plus the other script or spelling standard of two of them, so that
# "臺灣" and "Irão" are recognised as readily as "台湾" and "Irã".
_NAME_LOCALES: tuple[str, ...] = ("en", "fr", "es", "ar", "ru", "zh", "pt", "zh_Hant", "pt_PT")

# Names people use that CLDR does not give (official UN names, former names, everyday short forms).
# Each may be shared by several countries: a member who types "Korea" is shown both.
_ALIASES: dict[str, tuple[str, ...]] = {
    "AE": ("UAE", "U.A.E.", "Emirates", "EAU", "Emiratos", "Объединённые Арабские Эмираты", "الإمارات"),
    "BA": ("Bosnia", "Bosnia-Herzegovina", "Bosnie", "Босния"),
    "BN": ("Brunei Darussalam",),
    "BO": (
        "Plurinational State of Bolivia",
        "Bolivia (Plurinational State of)",
        "Estado Plurinacional de Bolivia",
    ),
    "BS": ("The Bahamas",),
    "BY": ("Belorussia", "Byelorussia", "Белоруссия"),
    "CD": (
        "DRC",
        "DR Congo",
        "D.R. Congo",
        "DRCongo",
        "RDC",
        "RD Congo",
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "Congo, Democratic Republic of the",
        "République démocratique du Congo",
        "República Democrática do Congo",
        "Zaire",
        "ДР Конго",
        "ДРК",
        "Демократическая Республика Конго",
        "جمهورية الكونغو الديمقراطية",
        "刚果民主共和国",
        "Congo",
    ),
    "CG": (
        "Congo-Brazzaville",
        "Republic of the Congo",
        "Republic of Congo",
        "Congo Republic",
        "République du Congo",
        "República del Congo",
        "Республика Конго",
        "جمهورية الكونغو",
        "刚果共和国",
        "Congo",
    ),
    "CI": ("Ivory Coast", "Cote d'Ivoire", "Costa de Marfil", "Elfenbeinküste", "Берег Слоновой Кости"),
    "CN": ("PRC", "People's Republic of China", "中华人民共和国"),
    "CV": ("Cape Verde", "Cap Vert", "Cabo Verde"),
    "CZ": (
        "Czech Republic",
        "République tchèque",
        "República Checa",
        "República Tcheca",
        "Чешская Республика",
    ),
    "DE": ("Deutschland",),
    "FK": ("Falklands", "Malvinas"),
    "FM": ("Federated States of Micronesia",),
    "GB": (
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "United Kingdom of Great Britain and Northern Ireland",
        "Grande-Bretagne",
        "Angleterre",
        "Écosse",
        "Pays de Galles",
        "Gran Bretaña",
        "Inglaterra",
        "Escocia",
        "Grã-Bretanha",
        "Escócia",
        "Англия",
        "Соединённое Королевство",
        "بريطانيا",
        "英格兰",
    ),
    "GM": ("The Gambia",),
    "HK": ("Hong Kong", "Hongkong", "Hong Kong SAR", "香港", "Гонконг"),
    "IR": ("Islamic Republic of Iran", "Iran (Islamic Republic of)", "Persia"),
    "KG": ("Kyrgyz Republic", "Kirghizia", "Кыргызстан"),
    "KN": ("Saint Kitts and Nevis", "Saint Kitts", "St Kitts"),
    "KP": (
        "DPRK",
        "Democratic People's Republic of Korea",
        "Korea, Democratic People's Republic of",
        "Korea DPR",
        "Северная Корея",
        "Korea",
        "Корея",
    ),
    "KR": (
        "Republic of Korea",
        "Korea, Republic of",
        "Korea Republic",
        "ROK",
        "Южная Корея",
        "Korea",
        "Корея",
    ),
    "LA": ("Lao PDR", "Lao People's Democratic Republic", "Lao"),
    "LC": ("Saint Lucia",),
    "MD": ("Republic of Moldova", "Moldavia", "Молдавия"),
    "MK": ("Macedonia", "Republic of North Macedonia", "Macédoine", "Македония"),
    "MM": ("Burma", "Birmanie", "Birmania", "Birmânia", "Бирма", "بورما"),
    "MO": ("Macao", "Macau", "Macao SAR", "澳门", "澳門"),
    "NL": ("Holland", "Hollande", "Holanda", "The Netherlands", "Nederland", "Голландия"),
    "NZ": ("Aotearoa",),
    "PG": ("PNG",),
    "PS": (
        "Palestine",
        "State of Palestine",
        "Palestina",
        "Palestinian Territory",
        "État de Palestine",
        "Estado de Palestina",
        "Палестина",
        "فلسطين",
        "دولة فلسطين",
        "巴勒斯坦",
    ),
    "RU": ("Russian Federation", "Fédération de Russie", "Federación de Rusia", "Российская Федерация", "РФ"),
    "SA": ("KSA", "Saudi", "السعودية", "沙特"),
    "SK": ("Slovak Republic",),
    "ST": ("Sao Tome", "São Tomé and Príncipe"),
    "SY": ("Syrian Arab Republic",),
    "SZ": ("Swaziland", "Swazilandia", "Suazilandia", "Suazilândia", "Свазиленд", "سوازيلاند"),
    "TL": ("East Timor", "Timor Leste", "Timor Oriental"),
    "TR": ("Turkey", "Turkiye", "Republic of Türkiye", "Turquía", "Турция"),
    "TT": ("Trinidad", "Trinidad and Tobago"),
    "TW": ("臺灣",),
    "TZ": ("United Republic of Tanzania",),
    "US": (
        "USA",
        "US",
        "U.S.",
        "U.S.A.",
        "United States of America",
        "the States",
        "EEUU",
        "EE.UU.",
        "EUA",
        "Estados Unidos de América",
        "Estados Unidos da América",
        "États-Unis d'Amérique",
        "США",
        "Соединённые Штаты Америки",
        "أمريكا",
        "الولايات المتحدة الأمريكية",
        "美利坚合众国",
    ),
    "VA": ("Holy See", "Vatican", "Saint-Siège", "Santa Sede", "Ватикан"),
    "VC": ("Saint Vincent and the Grenadines", "Saint Vincent", "St Vincent"),
    "VE": ("Bolivarian Republic of Venezuela", "Venezuela (Bolivarian Republic of)"),
    "VN": ("Viet Nam",),
    "XK": ("Kosova", "Republic of Kosovo"),
}

# Current ISO alpha-3 codes come from CLDR's territory aliases; these withdrawn ones stay out, so that
# "ZAR" (also the rand's currency code) or "DDR" is not read as a country of today.
_WITHDRAWN_ALPHA3 = frozenset({"BUR", "DDR", "FXX", "TMP", "YMD", "ZAR"})

# CLDR lists a country's zones in identifier order, which puts e.g. America/Adak first for the USA; these
# are the zones most members of those countries live in, most populous first.
_PRIMARY_ZONES: dict[str, tuple[str, ...]] = {
    "AU": (
        "Australia/Sydney",
        "Australia/Melbourne",
        "Australia/Brisbane",
        "Australia/Perth",
        "Australia/Adelaide",
    ),
    "BR": ("America/Sao_Paulo", "America/Fortaleza", "America/Recife", "America/Bahia", "America/Manaus"),
    "CA": ("America/Toronto", "America/Vancouver", "America/Edmonton", "America/Winnipeg", "America/Halifax"),
    "CD": ("Africa/Kinshasa",),
    "CL": ("America/Santiago",),
    "CY": ("Asia/Nicosia",),
    "EC": ("America/Guayaquil",),
    "ES": ("Europe/Madrid",),
    "FM": ("Pacific/Pohnpei",),
    "GL": ("America/Nuuk",),
    "ID": ("Asia/Jakarta", "Asia/Makassar"),
    "KI": ("Pacific/Tarawa",),
    "KZ": ("Asia/Almaty",),
    "MH": ("Pacific/Majuro",),
    "MN": ("Asia/Ulaanbaatar",),
    "MX": ("America/Mexico_City", "America/Monterrey", "America/Tijuana", "America/Cancun"),
    "MY": ("Asia/Kuala_Lumpur",),
    "NZ": ("Pacific/Auckland",),
    "PF": ("Pacific/Tahiti",),
    "PG": ("Pacific/Port_Moresby",),
    "PS": ("Asia/Hebron",),
    "PT": ("Europe/Lisbon",),
    "RU": ("Europe/Moscow", "Asia/Yekaterinburg", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Europe/Samara"),
    "UA": ("Europe/Kyiv",),
    "US": (
        "America/New_York",
        "America/Chicago",
        "America/Los_Angeles",
        "America/Denver",
        "America/Phoenix",
        "America/Anchorage",
        "Pacific/Honolulu",
    ),
    "UZ": ("Asia/Tashkent",),
}

# A misspelt answer must score above 80 under both rapidfuzz's Indel ratio and its OSA similarity, which
# for OSA means fewer than one slip per five letters. Indel alone forgives too much ("march" keeps four
# letters of "Maroc": 80), and OSA counts a swapped pair as one slip. So "Frnace" (83), "Germny" (86) and
# "Phillipines" (82) pass, while a slip in a five-letter name is too little to tell it from another word:
# "begin"~"Benin", "tatar"~"Catar" and "creative"~"Croatie" (80 or less) stay out.
_FUZZY_THRESHOLD = 80.5
# Shorter answers cannot reach the threshold with even one slip, so they are not compared at all.
_FUZZY_MIN_LENGTH = 5
# Longer than any country name, so a pasted paragraph is not compared letter by letter.
_FUZZY_MAX_LENGTH = 60
# A country name inside a short sentence ("I live in Kenya") is likely what the member meant, but less
# certain than a whole answer, and long messages are about something else.
_CONTAINED_SCORE = 90.0
_CONTAINED_MAX_WORDS = 12
_CONTAINED_MAX_NGRAM = 5
_CONTAINED_MAX_HAN = 30
# An exact answer that is not conclusive: a name several countries share ("Congo", "Korea"), or a code
# that is also an everyday word typed as one ("no", "it", "can"). Below 100, so the member is asked.
_UNSURE_SCORE = 95.0
_WORDS_THAT_ARE_CODES = """ad ai al am ao as at be by de do es et id il in is it je la ma me mo my na ne no nu
    om re se si so to tv um us ye and are arm bel ben bra can che col com cub dom est fin gin ind ita jam ken
    lie mac mar mus nam nor pan per pol rus sen sur ton tun ven"""
_WORD_LIKE_CODES = frozenset(_WORDS_THAT_ARE_CODES.split())
# Scored just below an exact match: the whole answer was a typo, and "Frnace" must not outrank "France".
_FUZZY_CEILING = 99.0

# Apostrophes join rather than split words: "Côte d'Ivoire", "cote divoire" and "Cote D Ivoire" meet.
_JOINERS = frozenset("'’ʼ`´ʻ\u0640")
# Letters that Arabic keyboards and writers use interchangeably at the end of a word.
_ARABIC_FOLDS = str.maketrans({"ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"})
# Articles people put before names that CLDR writes without one: "the Gambia", "le Sénégal", "o Brasil".
_LEADING_ARTICLES = ("the ", "la ", "le ", "les ", "el ", "los ", "las ", "o ", "a ", "os ")
# French elision is cut before apostrophes are dropped, or "l'Inde" would read as "linde".
_ELISION = re.compile(r"^\s*[dl]['’ʼ]\s*(?=\w)", re.IGNORECASE)
# CLDR's Russian names abbreviate "острова"/"остров"; members type the words out.
_RUSSIAN_ABBREVIATIONS = (("о-ва", "острова"), ("о-в", "остров"))

# babel keeps CLDR's summer-time variant of a few locales' region format, so every Russian zone would read
# "…, летнее время" all year round; these are CLDR's year-round formats for them.
_REGION_FORMAT_FIXES: dict[str, str] = {"%s, летнее время": "%s", "hora de verano de %s": "hora de %s"}

# Capitals and large cities that tzdata files under another city's name.
_CITIES: dict[str, tuple[str, ...]] = {
    "America/New_York": ("Washington", "Washington DC", "Boston", "Philadelphia", "Atlanta", "Miami"),
    "America/Los_Angeles": ("San Francisco", "Seattle", "San Diego"),
    "America/Toronto": ("Ottawa", "Montreal", "Montréal", "Quebec", "Québec"),
    "America/Sao_Paulo": ("Brasília", "Brasilia", "Rio de Janeiro", "Belo Horizonte", "Curitiba"),
    "America/Bogota": ("Medellín", "Medellin", "Cali"),
    "Asia/Shanghai": ("Beijing", "Peking", "Pékin", "Pekín", "Pequim", "Пекин", "بكين", "北京"),
    "Asia/Kolkata": ("New Delhi", "Delhi", "Mumbai", "Bombay", "Bengaluru", "Bangalore", "Chennai"),
    "Asia/Karachi": ("Islamabad", "Lahore"),
    "Asia/Riyadh": ("Jeddah", "Mecca", "Medina"),
    "Asia/Dubai": ("Abu Dhabi", "Sharjah"),
    "Africa/Lagos": ("Abuja", "Ibadan"),
    "Africa/Casablanca": ("Rabat", "Marrakesh", "Marrakech"),
    "Africa/Johannesburg": ("Pretoria", "Cape Town", "Durban"),
    "Africa/Dar_es_Salaam": ("Dodoma",),
    "Africa/Abidjan": ("Yamoussoukro",),
    "Europe/Istanbul": ("Ankara", "Izmir"),
    "Europe/Zurich": ("Bern", "Berne", "Geneva", "Genève", "Ginebra", "Basel"),
    "Europe/Berlin": ("Munich", "Hamburg", "Frankfurt", "Cologne"),
    "Europe/Rome": ("Milan", "Turin"),
    "Europe/Madrid": ("Barcelona", "Seville", "Sevilla"),
    "Europe/Paris": ("Lyon", "Marseille", "Toulouse", "Strasbourg"),
    "Europe/London": ("Edinburgh", "Manchester", "Cardiff", "Glasgow"),
    "Australia/Sydney": ("Canberra",),
    "Pacific/Auckland": ("Wellington", "Christchurch"),
}

_OFFSET = re.compile(
    r"^(?P<prefix>utc|gmt)?\s*(?:(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?:\s*[:h.]?\s*(?P<minutes>\d{2}))?)?$",
    re.IGNORECASE,
)


def _plain(text: str) -> str:
    """Diacritics dropped and punctuation, symbols and runs of spaces made single spaces; case kept."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if char in _JOINERS:
            continue
        category = unicodedata.category(char)
        if category.startswith("M"):
            continue
        kept.append(" " if category[0] in "PSZC" else char)
    return " ".join("".join(kept).split())


def _normalise(text: str) -> str:
    """Fold case, diacritics and punctuation so that what people type meets what CLDR writes."""
    return _plain(text).casefold().translate(_ARABIC_FOLDS)


def _compact(normalised: str) -> str:
    return normalised.replace(" ", "")


def _without_article(normalised: str) -> str:
    for article in _LEADING_ARTICLES:
        if normalised.startswith(article) and len(normalised) > len(article) + 2:
            return normalised[len(article) :]
    return normalised


def _spellings(name: str) -> Iterator[str]:
    """CLDR's name and the spellings people type for it: "St. Kitts & Nevis" → "Saint Kitts and Nevis"."""
    yield name
    without_parentheses = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if without_parentheses and without_parentheses != name:
        yield without_parentheses
    for base in {name, without_parentheses}:
        if "&" in base:
            yield base.replace("&", "and")
        if base.startswith("St. "):
            for saint in ("Saint ", "St "):
                yield saint + base[4:].replace("&", "and")
        for short, full in _RUSSIAN_ABBREVIATIONS:
            if short in base:
                yield base.replace(short, full)


def _member_codes(groups: dict[str, str]) -> Iterator[tuple[str, str]]:
    for region, codes in groups.items():
        for code in codes.split():
            yield code, region


@cache
def _regions() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, region in (*_member_codes(_MEMBERS), *_member_codes(_TERRITORIES)):
        if code in table:
            raise ValueError(f"{code} is listed in both {table[code]} and {region}")
        table[code] = region
    return table


@cache
def _locale(language: str) -> Locale:
    """The babel locale for a language tag; English when babel does not know it, so a label always shows."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en")


@dataclass(frozen=True)
class _Index:
    codes: dict[str, str]  # lower-case alpha-2 and alpha-3 code → alpha-2 code
    names: dict[str, frozenset[str]]  # compact normalised name or alias → alpha-2 codes
    initialisms: frozenset[str]  # compact keys that are abbreviations, matched only as a whole answer
    fuzzy_keys: tuple[str, ...]  # compact keys long enough to compare letter by letter
    cjk_names: tuple[tuple[str, frozenset[str]], ...]  # Han-script names, longest first, for substring search


def _is_initialism(alias: str) -> bool:
    letters = [char for char in alias if char.isalpha()]
    return 0 < len(letters) <= 5 and all(char.isupper() for char in letters)


def _is_han(text: str) -> bool:
    return bool(text) and all("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" for char in text)


@cache
def _index() -> _Index:
    known = set(_regions())
    names: defaultdict[str, set[str]] = defaultdict(set)
    initialisms: set[str] = set()

    def add(code: str, spelling: str, *, initialism: bool = False) -> None:
        key = _compact(_normalise(spelling))
        if key:
            names[key].add(code)
            if initialism:
                initialisms.add(key)

    for language in _NAME_LOCALES:
        territories = Locale.parse(language).territories
        for code in known:
            name = territories.get(code)
            if name:
                for spelling in _spellings(name):
                    add(code, spelling, initialism=_is_initialism(spelling))
    for code, aliases in _ALIASES.items():
        for alias in aliases:
            add(code, alias, initialism=_is_initialism(alias))

    codes = {code.lower(): code for code in known}
    for alias, targets in get_global("territory_aliases").items():
        current = alias.isalpha() and alias not in _WITHDRAWN_ALPHA3
        if len(alias) == 3 and current and len(targets) == 1 and targets[0] in known:
            codes[alias.lower()] = targets[0]

    frozen = {key: frozenset(found) for key, found in names.items()}
    fuzzy_keys = tuple(
        sorted(key for key in frozen if len(key) >= _FUZZY_MIN_LENGTH and key not in initialisms)
    )
    cjk = sorted(
        ((key, found) for key, found in frozen.items() if _is_han(key)), key=lambda item: -len(item[0])
    )
    return _Index(codes, frozen, frozenset(initialisms), fuzzy_keys, tuple(cjk))


def region_of(country_code: str) -> str | None:
    """UNESCO region code ("AFR", "APA", "ARB", "ENA" or "LAC") for an ISO alpha-2 code, None if unknown."""
    return _regions().get(country_code.strip().upper())


def country_name(country_code: str, language: str) -> str:
    """The country's name in `language` as CLDR writes it; the English name, or the code, if none exists."""
    code = country_code.strip().upper()
    return _locale(language).territories.get(code) or _locale("en").territories.get(code) or code


def known_countries() -> tuple[str, ...]:
    """Every ISO alpha-2 code the bot accepts, sorted."""
    return _sorted_codes()


@cache
def _sorted_codes() -> tuple[str, ...]:
    return tuple(sorted(_regions()))


def _readings(text: str) -> tuple[str, ...]:
    """The answer as typed, and without a leading article or elided "l'", each normalised and compacted."""
    normalised = _normalise(text)
    forms = (normalised, _without_article(normalised), _normalise(_ELISION.sub("", text)))
    return tuple(dict.fromkeys(_compact(form) for form in forms if form))


def _exact(index: _Index, readings: tuple[str, ...]) -> frozenset[str]:
    for reading in readings:
        found = index.names.get(reading)
        if found:
            return found
    return frozenset()


def _fuzzy(index: _Index, readings: tuple[str, ...]) -> dict[str, float]:
    scores: dict[str, float] = {}
    for query in readings:
        if not _FUZZY_MIN_LENGTH <= len(query) <= _FUZZY_MAX_LENGTH:
            continue
        # The Indel ratio is the cheap filter; only its survivors are scored by OSA as well.
        for key, ratio, _ in process.extract(
            query, index.fuzzy_keys, scorer=fuzz.ratio, limit=None, score_cutoff=_FUZZY_THRESHOLD
        ):
            if key == query:
                continue  # an exact match, scored by find_countries itself
            score = min(float(ratio), OSA.normalized_similarity(query, key) * 100.0, _FUZZY_CEILING)
            if score < _FUZZY_THRESHOLD:
                continue
            for code in index.names[key]:
                scores[code] = max(scores.get(code, 0.0), score)
    return scores


def _contained(index: _Index, text: str) -> set[str]:
    """Countries named inside a short sentence, by whole words (or, in Chinese, by characters).

    Longer names are read first and their words used up, so "South Sudan" is not also read as "Sudan";
    an abbreviation counts only in capitals, so "tell us" is not the USA but "I'm in the UK" is Britain.
    """
    marked = _plain(text).split()
    found: set[str] = set()
    if 1 < len(marked) <= _CONTAINED_MAX_WORDS:
        words = [_normalise(word) for word in marked]
        used = [False] * len(words)
        for size in range(min(_CONTAINED_MAX_NGRAM, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                span = range(start, start + size)
                key = "".join(words[start : start + size])
                codes = index.names.get(key)
                if not codes or any(used[i] for i in span):
                    continue
                if key in index.initialisms and not all(marked[i].isupper() for i in span):
                    continue
                found.update(codes)
                for i in span:
                    used[i] = True
    remaining = _compact(_normalise(text))
    if len(remaining) > _CONTAINED_MAX_HAN:
        return found
    for key, codes in index.cjk_names:
        if len(key) >= 2 and key in remaining:
            found.update(codes)
            remaining = remaining.replace(key, " ")
    return found


def find_countries(text: str, limit: int = 3) -> list[CountryMatch]:
    """Best matches for what a person typed, in any of the bot's languages, highest score first.

    A whole answer that is a code, name or alias of one country scores 100 (95 when several countries share
    it, or when it is a code that is also an everyday word, like "no"); a country named inside a short
    sentence scores 90; a misspelt name scores its similarity, above 80 and below 100. Nothing plausible
    gives an empty list.
    """
    if limit <= 0:
        return []
    readings = _readings(text)
    if not readings:
        return []
    index = _index()
    scores: dict[str, float] = {}

    def offer(code: str, score: float) -> None:
        scores[code] = max(scores.get(code, 0.0), score)

    compact = readings[0]
    typed_as_word = compact in _WORD_LIKE_CODES and not text.strip().isupper()
    exact = set(_exact(index, readings))
    if len(compact) <= 3 and compact in index.codes:
        exact.add(index.codes[compact])
    certain = len(exact) == 1 and not typed_as_word
    for found in exact:
        offer(found, 100.0 if certain else _UNSURE_SCORE)
    if not exact:
        for found in _contained(index, text):
            offer(found, _CONTAINED_SCORE)
    for found, score in _fuzzy(index, readings).items():
        offer(found, score)

    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [CountryMatch(found, round(score, 1)) for found, score in ranked[:limit]]


@cache
def _zones_of(country_code: str) -> tuple[str, ...]:
    zones: list[str] = list(get_global("territory_zones").get(country_code, ()))
    leading = [zone for zone in _PRIMARY_ZONES.get(country_code, ()) if zone in zones]
    ordered = [*leading, *(zone for zone in zones if zone not in leading)]
    return tuple(zone for zone in ordered if _loads(zone))


def _loads(zone: str) -> bool:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def timezones_for(country_code: str) -> list[str]:
    """IANA zones of a country, [] for a code the bot does not know.

    Where a country has several, the zones most of its people live in come first, then CLDR's order.
    """
    code = country_code.strip().upper()
    if code not in _regions():
        return []
    return list(_zones_of(code))


def timezone_label(zone: str, language: str) -> str:
    """A zone as a member would recognise it, e.g. "heure : France"; fixed offsets as "UTC+03:00"."""
    locale = _locale(language)
    if zone.startswith("Etc/") or zone in {"UTC", "GMT"}:
        # CLDR calls Etc/GMT-3 "Unknown Region (GMT-3)", with POSIX's inverted sign: show the real offset.
        try:
            return get_timezone_gmt(datetime(2000, 1, 1, tzinfo=ZoneInfo(zone)), locale=locale)
        except (ZoneInfoNotFoundError, ValueError):
            return zone
    try:
        label = get_timezone_location(zone, locale=locale)
    except LookupError:
        return zone
    wrong = locale.zone_formats.get("region", "%s")
    right = _REGION_FORMAT_FIXES.get(wrong)
    prefix, _, suffix = wrong.partition("%s")
    if right and label.startswith(prefix) and label.endswith(suffix):
        return right % label[len(prefix) : len(label) - len(suffix)]
    return label


def _offset_zone(match: re.Match[str]) -> str | None:
    if not match["sign"]:
        return "Etc/UTC"
    hours = int(match["hours"])
    if match["minutes"] and int(match["minutes"]):
        return None  # Etc/ zones exist for whole hours only; a half-hour offset needs a named zone.
    if hours == 0:
        return "Etc/UTC"
    east = match["sign"] == "+"
    if (east and hours > 14) or (not east and hours > 12):
        return None
    # POSIX counts west of Greenwich as positive, so UTC+3 is Etc/GMT-3.
    return f"Etc/GMT{'-' if east else '+'}{hours}"


@dataclass(frozen=True)
class _ZoneIndex:
    names: dict[str, str]  # lower-case IANA name, spaces as underscores → canonical IANA name
    cities: dict[str, str]  # compact normalised city → canonical IANA name


def _city_key(city: str) -> str:
    return _compact(_normalise(city.replace("_", " ")))


@cache
def _zone_index() -> _ZoneIndex:
    aliases: Mapping[str, str] = get_global("zone_aliases")
    available = available_timezones()
    names: dict[str, str] = {}
    for zone in available:
        canonical = aliases.get(zone, zone)
        if "/" in zone and canonical in available:
            names[zone.lower()] = canonical

    # IANA city names win over old ones, then over CLDR's translated city names, then over the capitals
    # added by hand; a city name that means two different zones within one tier is left out, not guessed.
    canonical_zones = [
        zone for zone in get_global("zone_territories") if zone in available and not zone.startswith("Etc/")
    ]
    tiers: list[defaultdict[str, set[str]]] = [defaultdict(set) for _ in range(4)]
    for zone in canonical_zones:
        tiers[0][_city_key(zone.rsplit("/", 1)[-1])].add(zone)
    for alias, zone in aliases.items():
        if "/" in alias and not alias.startswith("Etc/") and zone in available:
            tiers[1][_city_key(alias.rsplit("/", 1)[-1])].add(zone)
    for language in _NAME_LOCALES:
        localised = _locale(language).time_zones
        for zone in canonical_zones:
            city = localised.get(zone, {}).get("city")
            if city:
                tiers[2][_city_key(city)].add(zone)
    for zone, cities_there in _CITIES.items():
        for city in cities_there:
            tiers[3][_city_key(city)].add(zone)
    cities: dict[str, str] = {}
    for tier in tiers:
        for key, zones in tier.items():
            if key and key not in cities and len(zones) == 1:
                cities[key] = next(iter(zones))
    return _ZoneIndex(names, cities)


def find_timezone(text: str) -> str | None:
    """The IANA zone a member means by "Europe/Paris", "UTC+3", "GMT" or "Nairobi"; None if unknown.

    Whole-hour UTC offsets become Etc/GMT zones, whose sign POSIX inverts: "UTC+3" is "Etc/GMT-3".
    Abbreviations such as "EST" or "CET" are not guessed: tzdata now links them to one city each
    (EST is Panama, without daylight saving), which is rarely what a member means.
    """
    cleaned = text.replace("\u2212", "-").strip()
    if not cleaned:
        return None
    offset = _OFFSET.match(cleaned)
    if offset and (offset["prefix"] or offset["sign"]):
        return _offset_zone(offset)
    index = _zone_index()
    named = index.names.get(re.sub(r"\s+", "_", cleaned.lower()))
    if named:
        return named
    return index.cities.get(_city_key(cleaned))
