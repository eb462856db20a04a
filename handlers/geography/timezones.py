"""Timezones for onboarding: a country's zones in a useful order, their labels, and `find_timezone`.

A country's IANA zones are listed with those most of its people live in first; a zone is labelled as CLDR
names it in the member's language, and fixed offsets by their real UTC offset; and what a member types
(an IANA name, a UTC offset or a city, in any of the bot's languages) is read as the zone they mean.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel.core import get_global
from babel.dates import get_timezone_gmt, get_timezone_location

from handlers.geography.countries import _compact, _locale, _normalise, _regions
from handlers.geography.data import _CITIES, _NAME_LOCALES, _PRIMARY_ZONES, _REGION_FORMAT_FIXES

_OFFSET = re.compile(
    r"^(?P<prefix>utc|gmt)?\s*(?:(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?:\s*[:h.]?\s*(?P<minutes>\d{2}))?)?$",
    re.IGNORECASE,
)


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
