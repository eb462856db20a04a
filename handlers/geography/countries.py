"""From what a member types to ISO country codes: normalisation, the country index and `find_countries`.

Answers and CLDR's names are folded alike (case, diacritics, punctuation, articles, Arabic letter variants)
and looked up in an index of every name, alias and code in the bot's languages, built on first use; failing
an exact match, a country named inside a short sentence or a misspelt name is found. Also a code's UNESCO
region and localised name; the timezone module reuses the normalisation, region table and locale lookup.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from handlers.geography.data import (
    _ALIASES,
    _ARABIC_FOLDS,
    _JOINERS,
    _LEADING_ARTICLES,
    _MEMBERS,
    _NAME_LOCALES,
    _RUSSIAN_ABBREVIATIONS,
    _TERRITORIES,
    _WITHDRAWN_ALPHA3,
    _WORD_LIKE_CODES,
)


@dataclass(frozen=True)
class CountryMatch:
    """One candidate country for what a member typed."""

    code: str  # ISO 3166-1 alpha-2, upper case, e.g. "FR"
    score: float  # 0..100, 100 = exact


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
# Scored just below an exact match: the whole answer was a typo, and "Frnace" must not outrank "France".
_FUZZY_CEILING = 99.0

# French elision is cut before apostrophes are dropped, or "l'Inde" would read as "linde".
_ELISION = re.compile(r"^\s*[dl]['’ʼ]\s*(?=\w)", re.IGNORECASE)


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
