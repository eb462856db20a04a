"""Countries, UNESCO regions and timezones for onboarding: from what a member types to codes the bot stores.

A member answers "which country?" in any of the bot's seven languages, by ISO code, by a common alias or
with a typo; `find_countries` turns that into ranked ISO 3166-1 alpha-2 codes, `region_of` gives the UNESCO
regional group shown on their profile, and `timezones_for`, `timezone_label` and `find_timezone` help them
pick the IANA zone their reminders are scheduled in. Names come from babel (CLDR); the lookup tables are
built on first use and cached for the life of the process.
"""

from __future__ import annotations

from handlers.geography.countries import (
    CountryMatch,
    country_name,
    find_countries,
    known_countries,
    region_of,
)
from handlers.geography.data import REGIONS
from handlers.geography.timezones import find_timezone, timezone_label, timezones_for

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
