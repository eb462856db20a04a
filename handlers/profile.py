"""The vocabulary of a member's profile: languages, regions and topics of interest."""

from __future__ import annotations

from bot.core.i18n import N_, SUPPORTED_LANGUAGES

# Each language in its own name: a member looking for theirs must recognise it whatever the bot speaks.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ar": "العربية",
    "ru": "Русский",
    "zh": "中文",
    "pt": "Português",
}
assert tuple(LANGUAGE_NAMES) == SUPPORTED_LANGUAGES

REGION_NAMES: dict[str, str] = {
    "AFR": N_("Africa"),
    "APA": N_("Asia and the Pacific"),
    "ARB": N_("Arab States"),
    "ENA": N_("Europe and North America"),
    "LAC": N_("Latin America and the Caribbean"),
}

# Topics a member can follow; announcements are targeted by them. Ids are stored: never rename one.
TOPICS: dict[str, str] = {
    "licensing": N_("Open licensing and Creative Commons"),
    "recommendation": N_("The 2019 UNESCO Recommendation on OER and its reporting"),
    "policy": N_("Open policies"),
    "capacity": N_("Capacity building and training"),
    "repositories": N_("Repositories and infrastructure"),
    "quality": N_("Quality assurance"),
    "privacy": N_("Data privacy and security"),
    "ai": N_("Artificial intelligence and OER"),
    "events": N_("Events and webinars"),
}

ROLE_NAMES: dict[str, str] = {
    "member": N_("member"),
    "advisory": N_("Advisory Group member"),
    "secretariat": N_("secretariat"),
}


def language_from_text(text: str) -> str | None:
    """A language code from what someone typed: "fr", "FR", "français", "Français", "العربية"."""
    wanted = text.strip().casefold()
    for code, name in LANGUAGE_NAMES.items():
        if wanted in (code, name.casefold()):
            return code
    return None
