"""Questions and buttons shared by onboarding and /settings (one place, so both stay alike)."""

from __future__ import annotations

import re
import zoneinfo
from functools import cache

from babel.dates import format_time

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Button
from handlers import geography
from handlers.profile import LANGUAGE_NAMES, REGION_NAMES, TOPICS

FLOW_ONBOARDING = "onboarding"
FLOW_SETTINGS = "settings"
MAX_TIMEZONE_BUTTONS = 6
CHECK = "✓ "
UNKNOWN_TIMEZONE = N_(
    "I don't know the timezone “{name}”. Type a city such as Nairobi or Lima, or an offset such as UTC+3."
)


@cache
def _all_timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def valid_timezone(name: str) -> bool:
    return name in _all_timezones()


def looks_like_a_question(text: str) -> bool:
    """Typed text that is more likely a question than a country or a city name."""
    return "?" in text or "？" in text or "؟" in text or len(re.findall(r"\w+", text)) >= 4


def language_buttons(current: str) -> list[list[Button]]:
    """The seven languages, the current one first and ticked (it is what the platform suggested)."""
    ordered = [current, *(code for code in LANGUAGE_NAMES if code != current)]
    labels = [(CHECK if code == current else "") + LANGUAGE_NAMES[code] for code in ordered]
    buttons = [Button(label, f"pf:lang:{code}") for label, code in zip(labels, ordered, strict=True)]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


def country_summary(ctx: Context, country: str | None) -> str:
    if country is None:
        return ""
    region = geography.region_of(country)
    region_name = ctx.t(REGION_NAMES[region]) if region else ""
    return ctx.t(
        N_("Country: {country} (UNESCO region: {region})."),
        country=geography.country_name(country, ctx.language),
        region=region_name,
    )


def timezone_buttons(ctx: Context, country: str | None) -> list[list[Button]]:
    """The country's timezones with their local time now (it helps to pick), then "another"."""
    zones = geography.timezones_for(country)[:MAX_TIMEZONE_BUTTONS] if country else []
    rows = [[Button(timezone_choice_label(ctx, zone), f"pf:tz:{zone}")] for zone in zones if len(zone) <= 58]
    rows.append(
        [Button(ctx.t(N_("Another timezone")), "pf:tz:other"), Button(ctx.t(N_("Skip")), "pf:tz:skip")]
    )
    return rows


def timezone_choice_label(ctx: Context, zone: str) -> str:
    local_time = format_time(ctx.now, format="short", tzinfo=zoneinfo.ZoneInfo(zone), locale=ctx.language)
    return f"{geography.timezone_label(zone, ctx.language)} · {local_time}"


def topic_buttons(ctx: Context, chosen: list[str]) -> list[list[Button]]:
    rows = [
        [Button((CHECK if topic in chosen else "") + ctx.t(label), f"pf:topic:{topic}")]
        for topic, label in TOPICS.items()
    ]
    rows.append([Button(ctx.t(N_("Done")), "pf:topics:done")])
    return rows
