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

from handlers.faq.stopwords import STOPWORDS
from handlers.faq.synonyms import SYNONYMS

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

# -- licence names ------------------------------------------------------------------------------

# Element names as written out in each language (accents already folded for Latin scripts).
_ELEMENTS: dict[str, tuple[str, ...]] = {
    "nc": (
        r"\bnon[\s\-]?commercial(?:ly)?\b",
        r"\bpas d[\s'’]?utilisation commerciale\b",
        r"\bno[\s\-]?comercial(?:es)?\b",
        r"\bnao[\s\-]?comercia(?:l|is)\b",
        r"\bне[\s\-]?коммерческ\w*(?:\s+использовани\w*)?",
        r"غير\s+(?:ال)?تجاري\w*",
        r"非商业性?使用",
        r"非商业",
    ),
    "sa": (
        r"\bshare[\s\-]?alike\b",
        r"\bpartage dans les memes conditions\b",
        r"\bcompartir[\s\-]?igual\b",
        r"\bcompartilha[\s\-]?igual\b",
        r"\b(?:распространение\s+)?на\s+тех\s+же\s+условиях\b",
        r"\bс\s+сохранением\s+условий\b",
        r"(?:الترخيص|المشاركة)\s+بالمثل",
        r"相同方式共享",
    ),
    "nd": (
        r"\bno[\s\-]?deriv(?:ative|ed)?s?(?:\s+works)?\b",
        r"\bpas de modifications?\b",
        r"\bsin\s*(?:obras?\s*)?derivadas?\b",
        r"\bsem\s*deriva(?:coes|cao|dos)\b",
        r"\bбез\s+производных(?:\s+произведений)?\b",
        r"(?:منع|بدون|لا)\s+(?:ال)?اشتقاق",
        r"禁止演绎",
    ),
}
_BY = (
    r"(?<![a-z])by(?![a-z])|\battribution\b|\breconocimiento\b|\batribucion\b|\batribuicao\b|\bатрибуция\b"
    r"|\bс\s+указанием\s+авторства\b|نسب\s+المصنف|署名"
)
_CC = (
    r"(?<![a-z0-9_])cc(?![a-z0-9_])|\bcreati?ve?\s*com+on+s?\b|\bкриэйтив\s+коммонс\b"
    r"|المشاع\s+الإبداعي|المشاع\s+الابداعي|知识共享"
)
_SEPARATOR = r"[\s\-‐–—_/+,.:]*"
_VERSION = re.compile(r"(?<![\w.])v?(\d)[.,](\d)(?![\w.]|\.\d)")
_ELEMENT = re.compile("|".join(f"(?P<{code}>{'|'.join(patterns)})" for code, patterns in _ELEMENTS.items()))
_BY_HINT = re.compile(_BY)
_DIGIT = re.compile(r"\d")
_LICENCE = re.compile(
    rf"(?:(?P<cc>{_CC}){_SEPARATOR})?(?P<by>{_BY})"
    rf"(?P<rest>(?:{_SEPARATOR}(?<![a-z])(?:nc|sa|nd)(?![a-z])){{0,2}})"
    rf"(?:{_SEPARATOR}(?P<version>(?<![a-z])v\d_\d(?!\d)))?"
)
_ZERO = re.compile(rf"(?:{_CC})[\s\-]*(?:0|zero|ноль)(?!\w)|\bcc0\b")
_CC_ALONE = re.compile(_CC)
_ORDER = ("nc", "sa", "nd")
_FIVE_RS = re.compile(r"\b(?:5|five)[\s\-]*r'?s?\b")  # the 5Rs of openness, however written


def canonical_licences(text: str) -> str:
    """Casefolded, accent-folded text with licence names replaced by single terms (`cc_by_sa`)."""
    if _DIGIT.search(text):
        text = _VERSION.sub(r" v\1_\2 ", text)
    if _DIGIT.search(text) or "five" in text:
        text = _FIVE_RS.sub(" 5rs ", text)
    if _DIGIT.search(text) or "zero" in text or "ноль" in text:
        text = _ZERO.sub(" cc_zero ", text)
    text = _ELEMENT.sub(_element_code, text)
    if _BY_HINT.search(text):
        text = _LICENCE.sub(_licence_term, text)
    return _CC_ALONE.sub(" cc ", text)


def _element_code(match: re.Match[str]) -> str:
    return f" {match.lastgroup} "


def _licence_term(match: re.Match[str]) -> str:
    elements = set(re.findall(r"nc|sa|nd", match.group("rest") or ""))
    if not match.group("cc") and not elements:
        return match.group(0)  # "by" alone is a preposition, "attribution" alone a word
    name = "_".join(["cc_by", *(code for code in _ORDER if code in elements)])
    version = match.group("version")
    return f" {name} {version} " if version else f" {name} "


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
_PARTICLES = frozenset("的了吗呢吧啊是我你您他她它们在和与及或这那个把被也都就里么")
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
    text = unicodedata.normalize("NFKC", text).casefold()
    if language == "ar":
        text = normalise_arabic(text)
    elif language == "ru":
        text = text.replace("ё", "е")
    elif language == "en":
        text = _BRITISH.sub("licens", text)  # licence, licenced: the same word as licence's US twin
    # Latin words are accent-folded in every language: "Créative Commons" inside Arabic text too.
    text = _fold_latin_words(text)
    return canonical_licences(text.replace("’", "'"))


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

    def __call__(self, text: str) -> list[str]:
        terms: list[str] = []
        for word in _WORD.findall(normalise(text, self._language)):
            if "_" in word:  # a canonical licence or version term
                terms.append(word)
            elif word in self._stop:
                terms.append(STOP_MARK + word)
            elif not _is_filler(word):
                stem = self._stem(self._synonyms.get(word, word))
                terms.append(STOP_MARK + stem if stem in self._stop else stem)
        return terms

    def _stem_word(self, word: str) -> str:
        if self._language == "ar":
            if word.startswith("وال") and len(word) > 5:
                word = word[1:]
            if word.startswith("ال") and word.endswith("ه") and len(word) > 5:
                word = word[:-1] + "ة"  # ta marbuta written as ha, a common spelling
            return str(self._stemmer.stemWord(word)).translate(_ARABIC_AFTER_STEM)
        if word.isdigit() or (self._language == "ru" and word.isascii()):
            return word
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
            STOP_MARK + gram if gram in self._stop or not _PARTICLES.isdisjoint(gram) else gram
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
