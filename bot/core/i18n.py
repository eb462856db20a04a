"""Translations: catalogues loaded once at start-up, a locale chosen for every message.

Strings are written in English in the code and looked up in locales/<lang>/LC_MESSAGES/messages.mo.
Placeholders use str.format names ("{count}"); values are inserted after translation, and in a
right-to-left language every inserted value is wrapped in a Unicode isolate so that a Latin name
such as "CC BY-SA" or a command such as "/help" keeps its own order inside Arabic text.
"""

from __future__ import annotations

import gettext as gettext_module
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_datetime as babel_format_datetime
from babel.numbers import format_decimal

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "ar", "ru", "zh", "pt")
RTL_LANGUAGES = frozenset({"ar"})
DOMAIN = "messages"

# Unicode bidi controls (UAX #9): isolate a run of either direction, and mark a paragraph as right-to-left.
FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
RIGHT_TO_LEFT_MARK = "\u200f"

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def N_(message: str) -> str:
    """Mark a string for extraction where it is defined; it is translated later, where it is shown."""
    return message


class MissingCatalogError(RuntimeError):
    """A compiled catalogue is missing: the bot refuses to start rather than silently speak English."""


def language_of(tag: str | None) -> str | None:
    """The supported language a BCP 47 or POSIX tag names ("pt-BR" -> "pt", "zh_Hant" -> "zh")."""
    if not tag:
        return None
    cleaned = tag.strip().replace("-", "_")
    try:
        language = Locale.parse(cleaned).language
    except (UnknownLocaleError, ValueError):
        language = cleaned.split("_", 1)[0].lower()
    return language if language in SUPPORTED_LANGUAGES else None


def negotiate(candidates: Iterable[str | None], default: str = "en") -> str:
    """The first candidate we speak, in order of preference (stored setting, platform hint, ...)."""
    for candidate in candidates:
        language = language_of(candidate)
        if language:
            return language
    return default


class Catalogs:
    """All compiled catalogues, loaded once and shared by every message."""

    def __init__(self, translations: Mapping[str, gettext_module.NullTranslations]) -> None:
        self._translations = dict(translations)

    @classmethod
    def load(cls, locales_dir: Path, languages: Iterable[str] = SUPPORTED_LANGUAGES) -> Catalogs:
        translations: dict[str, gettext_module.NullTranslations] = {}
        for language in languages:
            mo_file = locales_dir / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
            if not mo_file.is_file():
                raise MissingCatalogError(
                    f"compiled catalogue {mo_file} is missing: run `make catalogs` "
                    f"(pybabel compile -D {DOMAIN} -d {locales_dir})"
                )
            with mo_file.open("rb") as handle:
                translations[language] = gettext_module.GNUTranslations(handle)
        return cls(translations)

    @classmethod
    def untranslated(cls) -> Catalogs:
        """English only, straight from the source strings: for tests that do not check wording."""
        return cls({language: gettext_module.NullTranslations() for language in SUPPORTED_LANGUAGES})

    def translator(self, language: str, timezone: str | None = None) -> Translator:
        return Translator(language, self._translations[language], timezone)


@dataclass(frozen=True)
class Translator:
    """Everything language-dependent for one message: wording, number and date formats, direction."""

    language: str
    _translations: gettext_module.NullTranslations
    timezone: str | None = None

    @property
    def is_rtl(self) -> bool:
        return self.language in RTL_LANGUAGES

    @property
    def direction(self) -> str:
        return "rtl" if self.is_rtl else "ltr"

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message)

    def t(self, message: str, /, **values: Any) -> str:
        """Translate `message`, then fill its {placeholders} with `values`."""
        return self._fill(self._translations.gettext(message), values)

    def nt(self, singular: str, plural: str, count: int, /, **values: Any) -> str:
        """Translate with the plural form the language needs for `count`; {count} is filled in too."""
        translated = self._translations.ngettext(singular, plural, count)
        return self._fill(translated, {"count": self.number(count), **values})

    def number(self, value: float) -> str:
        return str(format_decimal(value, locale=self.language))

    def datetime(self, moment: datetime, format: str = "medium") -> str:
        """A moment in this member's timezone and language, e.g. "24 nov. 2026, 15:00:00"."""
        zone = ZoneInfo(self.timezone) if self.timezone else ZoneInfo("UTC")
        return str(babel_format_datetime(moment, format=format, tzinfo=zone, locale=self.language))

    def isolate(self, value: str) -> str:
        """Keep an inserted value's own reading order inside right-to-left text."""
        if not self.is_rtl:
            return value
        return f"{FIRST_STRONG_ISOLATE}{value}{POP_DIRECTIONAL_ISOLATE}"

    def paragraphs(self, text: str) -> str:
        """Start every line of right-to-left text with a mark, so that a line which begins with a Latin
        word, a number or a command is still laid out from the right."""
        if not self.is_rtl:
            return text
        return "\n".join(f"{RIGHT_TO_LEFT_MARK}{line}" if line else line for line in text.split("\n"))

    @staticmethod
    def plain(text: str) -> str:
        """Text without the paragraph marks added by paragraphs(), to embed it in a longer reply."""
        return text.replace(RIGHT_TO_LEFT_MARK, "")

    def _fill(self, template: str, values: Mapping[str, Any]) -> str:
        if not values:
            return template

        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in values:
                return match.group(0)
            return self.isolate(str(values[name]))

        return _PLACEHOLDER.sub(substitute, template)


def placeholders(message: str) -> set[str]:
    """The {names} a message expects; a translation must keep exactly these."""
    return set(_PLACEHOLDER.findall(message))
