"""Text analysis per language: from a question or a phrasing to the terms the index compares.

Every language: Unicode NFKC, casefold, licence names canonicalised to one term ("by-nc-sa",
"CC BY-NC-SA 4.0", "Attribution-NonCommercial-ShareAlike" and their translations all become
`cc_by_nc_sa`), version numbers to `v4_0`, and function words dropped. Then:

- en, fr, es, pt: accents folded (so "educacion" and "educación" meet), Snowball stemming;
- ru: ё folded to е, Snowball stemming;
- ar: diacritics and tatweel removed, alef variants unified, "وال" split, Snowball's Arabic stemmer,
  then ta marbuta and alef maqsura unified in what remains;
- zh: character unigrams and bigrams (Lucene's CJK approach): no dictionary to load, and names the
  dictionary does not know still match.

Typo tolerance needs the index's vocabulary, so it lives in the engine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache

import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type information

from handlers.faq.licences import (
    LICENCE_ELEMENTS,
    canonical_licences,
    mark_uppercase_elements,
    split_scripts,
)
from handlers.faq.stopwords import STOPWORDS
from handlers.faq.synonyms import PHRASES, SYNONYMS

LATIN_LANGUAGES = ("en", "fr", "es", "pt")
WEAK_MARK = "^"  # Chinese single characters: ranked on, never judged by (see _ChineseAnalyser)
STOP_MARK = "~"  # function words are kept, marked: they help rank ("which licence should I...")
# but a question is never judged by them (they explain nothing and are never unknown)
_SNOWBALL = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "ru": "russian",
    "ar": "arabic",
}

# -- normalisation ------------------------------------------------------------------------------

_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_ARABIC_AFTER_STEM = str.maketrans({"ة": "ه", "ى": "ي"})
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_WORD = re.compile(r"\w+")
# A word of Latin letters with at least one outside ASCII (Latin-1, Extended-A/B, Additional).
_LATIN_LETTER = "a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_ACCENTED_LATIN_WORD = re.compile(
    f"[{_LATIN_LETTER}]*[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff][{_LATIN_LETTER}]*"
)
_BRITISH = re.compile(r"\blicenc(?=(?:e|es|ed|ing)\b)")
PARTICLES = frozenset("的了吗呢吧啊是我你您他她它们在和与及或这那个把被也都就里么")
_PHRASES = {
    language: tuple((re.compile(pattern), replacement) for pattern, replacement in phrases)
    for language, phrases in PHRASES.items()
}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def fold_accents(text: str) -> str:
    """ "éducación" -> "educacion": Latin letters without their diacritics."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def normalise_arabic(text: str) -> str:
    """Strip diacritics (tashkeel) and tatweel, unify alef forms and digits."""
    return _TASHKEEL.sub("", text).translate(_ALEF).translate(_ARABIC_DIGITS)


@lru_cache(maxsize=4096)
def normalise(text: str, language: str) -> str:
    """The text as every later step sees it: NFKC, casefolded, script-specific folding, licences."""
    text = unicodedata.normalize("NFKC", text)
    text = mark_uppercase_elements(split_scripts(text), language).casefold()
    if language == "ar":
        text = normalise_arabic(text)
    elif language == "ru":
        text = text.replace("ё", "е")
    elif language == "en":
        text = _BRITISH.sub("licens", text)  # licence, licenced: the same word as licence's US twin
    # Latin words are accent-folded in every language: "Créative Commons" inside Arabic text too.
    text = _fold_latin_words(text)
    text = canonical_licences(text.replace("’", "'"))
    for pattern, replacement in _PHRASES.get(language, ()):
        text = pattern.sub(f" {replacement} ", text)
    return text


def _fold_latin_words(text: str) -> str:
    if text.isascii():
        return text
    return _ACCENTED_LATIN_WORD.sub(lambda m: fold_accents(m.group(0)), text)


# -- analysers ----------------------------------------------------------------------------------

Analyser = Callable[[str], list[str]]


class _StemmingAnalyser:
    """Words of a stemmed language: stop words out, licence terms kept whole, the rest stemmed."""

    def __init__(self, language: str) -> None:
        self._language = language
        self._stemmer = Stemmer.Stemmer(_SNOWBALL[language])
        self._stop = STOPWORDS[language]
        self._synonyms = SYNONYMS.get(language, {})
        self._stem = lru_cache(maxsize=65_536)(self._stem_word)
        # Synonyms meet as stems too: inflected ("credited") and prefixed ("بالتحالف") forms.
        self._stem_synonyms = {
            self._stem_word(word): self._stem_word(target) for word, target in self._synonyms.items()
        }

    def __call__(self, text: str) -> list[str]:
        terms: list[str] = []
        for word in _WORD.findall(normalise(text, self._language)):
            if "_" in word or word in LICENCE_ELEMENTS:  # a licence or version term; NC, SA, ND
                terms.append(word)  # are never function words (French "sa": see licences.py)
            elif word in self._stop:
                terms.append(STOP_MARK + word)
            elif not _is_filler(word):
                stem = self._stem(self._synonyms.get(word, word))
                stem = self._stem_synonyms.get(stem, stem)
                terms.append(STOP_MARK + stem if stem in self._stop else stem)
        return terms

    def _stem_word(self, word: str) -> str:
        if self._language == "ar":
            if word.startswith("وال") and len(word) > 5:
                word = word[1:]
            if word.startswith("ال") and word.endswith("ه") and len(word) > 5:
                word = word[:-1] + "ة"  # ta marbuta written as ha, a common spelling
            return str(self._stemmer.stemWord(word)).translate(_ARABIC_AFTER_STEM)
        if word.isdigit() or (self._language == "ru" and (word.isascii() or len(word) <= 3)):
            return word  # Russian acronyms stay whole: Snowball makes "ии" (AI) the conjunction "и"
        return str(self._stemmer.stemWord(word))


class _ChineseAnalyser:
    """Han runs become unigrams and bigrams; Latin words in between are kept (lowercase)."""

    def __init__(self) -> None:
        self._stop = STOPWORDS["zh"]

    def __call__(self, text: str) -> list[str]:
        normalised = normalise(text, "zh")
        terms: list[str] = []
        position = 0
        for run in _HAN.finditer(normalised):
            terms.extend(self._latin(normalised[position : run.start()]))
            terms.extend(self._han(run.group(0)))
            position = run.end()
        terms.extend(self._latin(normalised[position:]))
        return terms

    def _han(self, run: str) -> list[str]:
        bigrams = [run[i : i + 2] for i in range(len(run) - 1)]
        # Single characters rank (they catch words the bigrams split), but only bigrams - nearly
        # words - decide whether the question is understood: common characters are everywhere.
        # A bigram with a particle in it ("的章" in "的章节") straddles two words: it only ranks.
        unigrams = [WEAK_MARK + char if bigrams else char for char in run]
        marked = [
            STOP_MARK + gram if gram in self._stop or not PARTICLES.isdisjoint(gram) else gram
            for gram in bigrams
        ]
        return [STOP_MARK + gram if gram in self._stop else gram for gram in unigrams] + marked

    def _latin(self, text: str) -> list[str]:
        return [w for w in _WORD.findall(text) if w not in STOPWORDS["en"] and not _is_filler(w)]


def _is_filler(word: str) -> bool:
    """Single letters (French elisions, stray initials) and emoji-free punctuation leftovers."""
    return len(word) == 1 and not word.isdigit() and word.isascii()


@cache
def analyser_for(language: str) -> Analyser:
    """The analyser of one of the seven languages (built once; stateless apart from caches)."""
    if language == "zh":
        return _ChineseAnalyser()
    if language in _SNOWBALL:
        return _StemmingAnalyser(language)
    raise ValueError(f"no analyser for language {language!r}")


def analyse(text: str, language: str) -> list[str]:
    return analyser_for(language)(text)


def exact_key(text: str, language: str) -> str:
    """The question's words as typed (normalised, stop words kept): for exact phrasing matches."""
    return " ".join(_WORD.findall(normalise(text, language)))
