"""Every user-visible string exists, translated, in all seven languages, and the catalogues compile."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.core.i18n import SUPPORTED_LANGUAGES, placeholders

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
TRANSLATED = [language for language in SUPPORTED_LANGUAGES if language != "en"]


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


KEYWORDS = {"N_": None, "t": None, "nt": (1, 2)}  # as in the Makefile's `extract` target


def extract_from_source() -> set[str]:
    """The msgids the code asks to translate today, extracted the way `make extract` does."""
    found: set[str] = set()
    for package in ("bot", "handlers"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            found.add(message if isinstance(message, str) else message[0])
    return found


def ids(catalog: Catalog) -> set[str]:
    return {message.id if isinstance(message.id, str) else message.id[0] for message in catalog if message.id}


@pytest.fixture(scope="module")
def source() -> set[str]:
    return extract_from_source()


def test_the_template_lists_exactly_the_strings_in_the_code(source: set[str]) -> None:
    template = read_catalog(LOCALES / "messages.pot")
    assert ids(template) == source, "run `make update-catalogs`, then translate the new strings"


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_catalogue_has_every_string_of_the_code(language: str, source: set[str]) -> None:
    catalog = read_catalog(LOCALES / language / "LC_MESSAGES" / "messages.po")
    missing = source - ids(catalog)
    assert not missing, f"{language} lacks {sorted(missing)[:5]}: run `make update-catalogs`"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_and_none_is_fuzzy(language: str) -> None:
    catalog = read_catalog(LOCALES / language / "LC_MESSAGES" / "messages.po")
    untranslated = [m.id for m in catalog if m.id and not _translated(m)]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated, f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    assert not fuzzy, f"{language}: fuzzy entries {fuzzy[:3]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_placeholders_of_the_english(language: str) -> None:
    catalog = read_catalog(LOCALES / language / "LC_MESSAGES" / "messages.po")
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, str):
            if placeholders(message.string) != placeholders(message.id):
                wrong.append(message.id)
        else:
            expected = placeholders(message.id[1])
            wrong += [message.id[0] for form in message.string if placeholders(form) != expected]
    assert not wrong, f"{language}: placeholders differ in {wrong[:3]}"


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_catalogue_compiles(language: str) -> None:
    catalog = read_catalog(LOCALES / language / "LC_MESSAGES" / "messages.po")
    errors = [(message.id, error) for message, error_list in catalog.check() for error in error_list]
    assert not errors, errors
    write_mo(BytesIO(), catalog)


def _translated(message: Message) -> bool:
    if isinstance(message.string, str):
        return bool(message.string.strip())
    return all(form.strip() for form in message.string)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_each_catalogue_declares_its_language_and_its_plural_rules(language: str) -> None:
    """Without its header a catalogue falls back to English plurals: Arabic has six forms, Russian three."""
    catalog = read_catalog(LOCALES / language / "LC_MESSAGES" / "messages.po")
    assert str(catalog.locale) == language
    expected_forms = {"en": 2, "fr": 2, "es": 2, "ar": 6, "ru": 3, "zh": 1, "pt": 2}[language]
    header = dict(catalog.mime_headers)
    assert f"nplurals={expected_forms};" in header["Plural-Forms"]
