"""Clean what people type before anything reads or stores it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Invisible characters that change nothing a person means but can hide text, spoof commands or
# reorder a stored line: zero-width spaces and joiners' cousins, the BOM, and bidi overrides/isolates.
_INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width space, (non-)joiner, word joiner, BOM, soft hyphen
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\u200e\u200f\u061c"  # directional marks
)
MAX_TEXT_LENGTH = 4000


@dataclass(frozen=True)
class CleanText:
    text: str
    original_length: int

    @property
    def too_long(self) -> bool:
        return self.original_length > MAX_TEXT_LENGTH

    @property
    def empty(self) -> bool:
        return not self.text


def clean_text(raw: str | None) -> CleanText:
    """NFC-normalise, drop control and invisible characters (keeping line breaks), trim the ends.

    Zero-width joiners inside emoji sequences are dropped too: the text only needs to be understood,
    never shown back character for character.
    """
    if raw is None:
        return CleanText("", 0)
    normalised = unicodedata.normalize("NFC", raw)
    kept = []
    for char in normalised:
        if char in _INVISIBLE:
            continue
        if char in "\n\t":
            kept.append(" " if char == "\t" else char)
            continue
        if unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn") or char in "\u2028\u2029":
            continue
        kept.append(char)
    return CleanText("".join(kept).strip(), len(normalised))


def is_command(text: str) -> bool:
    return text.startswith("/") and len(text) > 1 and not text[1].isspace()


def split_command(text: str) -> tuple[str, str]:
    """ "/Language@oer_bot fr" -> ("language", "fr"). The @bot suffix is what Telegram adds in groups."""
    head, _, rest = text[1:].partition(" ")
    name = head.split("@", 1)[0].lower()
    return name, rest.strip()


def parse_number(text: str) -> int | None:
    """A positive whole number typed by a person ("12"), or None; bounded so it fits any database."""
    text = text.strip().lstrip("#")
    return int(text) if text.isdecimal() and len(text) < 10 else None
