"""Locale negotiation, formatting in the member's locale and timezone, and right-to-left text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from bidi import get_display

from bot.core.i18n import (
    FIRST_STRONG_ISOLATE,
    POP_DIRECTIONAL_ISOLATE,
    RIGHT_TO_LEFT_MARK,
    Catalogs,
    MissingCatalogError,
    language_of,
    negotiate,
)


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("fr", "fr"),
        ("pt-BR", "pt"),
        ("pt_PT", "pt"),
        ("zh-Hans", "zh"),
        ("zh-TW", "zh"),
        ("es-419", "es"),
        ("ar-EG", "ar"),
        ("EN-us", "en"),
        ("ru", "ru"),
        ("de-DE", None),
        ("", None),
        (None, None),
        ("not a tag!", None),
    ],
)
def test_platform_language_tags_map_to_the_languages_the_bot_speaks(
    tag: str | None, language: str | None
) -> None:
    assert language_of(tag) == language


def test_stored_preference_wins_over_the_platform_hint_and_unknown_languages_fall_through() -> None:
    assert negotiate(["es", "fr-FR"]) == "es"
    assert negotiate([None, "fr-FR"]) == "fr"
    assert negotiate([None, "de-DE", "sw"], default="en") == "en"
    assert negotiate([], default="fr") == "fr"


def test_a_missing_compiled_catalogue_stops_the_bot_instead_of_speaking_english(tmp_path) -> None:
    with pytest.raises(MissingCatalogError, match="make catalogs"):
        Catalogs.load(tmp_path)


def test_every_language_has_its_own_wording(catalogs: Catalogs) -> None:
    english = catalogs.translator("en").gettext("Saved.")
    wordings = {
        language: catalogs.translator(language).gettext("Saved.")
        for language in ("fr", "es", "ar", "ru", "zh", "pt")
    }
    assert all(wording != english for wording in wordings.values()), wordings


def test_numbers_and_dates_follow_the_members_locale_and_timezone(catalogs: Catalogs) -> None:
    moment = datetime(2026, 3, 5, 14, 0, tzinfo=UTC)
    assert catalogs.translator("en").number(20000) == "20,000"
    assert catalogs.translator("fr").number(20000) == "20\u202f000"
    assert catalogs.translator("es", "America/Lima").datetime(moment, "short") == "5/3/26, 9:00"
    assert "7:30\u202fPM" in catalogs.translator("en", "Asia/Kolkata").datetime(moment, "short")
    assert "22:00" in catalogs.translator("zh", "Asia/Shanghai").datetime(moment, "short")
    assert catalogs.translator("en").datetime(moment, "short").endswith("2:00\u202fPM")  # no timezone: UTC


def test_values_inside_arabic_text_are_isolated_and_lines_start_right_to_left(catalogs: Catalogs) -> None:
    arabic = catalogs.translator("ar")
    filled = arabic.t("Language: {value}", value="CC BY-SA 4.0")
    assert f"{FIRST_STRONG_ISOLATE}CC BY-SA 4.0{POP_DIRECTIONAL_ISOLATE}" in filled
    laid_out = arabic.paragraphs("/help\nسطر")
    assert all(line.startswith(RIGHT_TO_LEFT_MARK) for line in laid_out.split("\n"))
    assert catalogs.translator("fr").t("Language: {value}", value="CC BY-SA") == catalogs.translator(
        "fr"
    ).gettext("Language: {value}").replace("{value}", "CC BY-SA")


def _visual(line: str) -> str:
    """What a screen shows, left to right, after the Unicode bidi algorithm, without control marks."""
    return "".join(ch for ch in get_display(line) if ch not in "\u200e\u200f\u2066\u2067\u2068\u2069")


def test_arabic_with_a_latin_license_name_displays_in_the_right_order(catalogs: Catalogs) -> None:
    arabic = catalogs.translator("ar")
    label = arabic.gettext("Language: {value}").replace("{value}", "").strip(" :")
    assert label and label != "Language", "the Arabic catalogue must translate this line"
    shown = _visual(arabic.paragraphs(arabic.t("Language: {value}", value="CC BY-SA 4.0")))
    # The Latin name stays whole, and in a right-to-left line the Arabic label sits to its right.
    assert "CC BY-SA 4.0" in shown
    assert shown.index("CC BY-SA 4.0") < shown.index(label[::-1])


def test_an_arabic_line_that_starts_with_a_latin_name_is_still_laid_out_from_the_right(
    catalogs: Catalogs,
) -> None:
    arabic = catalogs.translator("ar")
    line = f"CC BY-SA — {arabic.gettext('what I can do')}"
    assert _visual(arabic.paragraphs(line)).rstrip().endswith("CC BY-SA")
    # Without the paragraph mark the line would be laid out from the left: the mark is what matters.
    assert _visual(line).startswith("CC BY-SA")


def test_a_plural_is_chosen_by_each_languages_own_rules(catalogs: Catalogs) -> None:
    singular, plural = "{count} audit log entry concerns you.", "{count} audit log entries concern you."
    russian = catalogs.translator("ru")
    assert russian.nt(singular, plural, 1) != russian.nt(singular, plural, 5)
    assert "1" in catalogs.translator("en").nt(singular, plural, 1)
    assert "entries" in catalogs.translator("en").nt(singular, plural, 3)
