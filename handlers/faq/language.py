"""Which language a question is written in.

The script decides for Arabic, Cyrillic and Han. Among the Latin-script languages (en, fr, es, pt) a
character n-gram naive Bayes classifier decides, trained at start-up on the knowledge base's own text
in each language (titles, answers, phrasings: some 60,000 characters each) - the method of langid.py
and CLD, without a model to download or 80 MB of a general-purpose one to hold in memory. The engine
then weighs this against how well each language's index explains the question.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import repeat

ORDERS = (1, 2, 3, 4)
MAX_SCRIPT_CHARS = 2000
MIN_OTHER_SCRIPT_SHARE = 0.15
_LATIN_ONLY = re.compile(r"[^a-zàâäçéèêëîïôöûùüÿñœæáíóúãõ' ]+")


def script_shares(text: str) -> dict[str, float]:
    """The share of the letters of each script: "ar", "ru", "zh", "latin", or "other" (a script no
    language here uses). A Han character counts as two letters (it is often a whole word). Latin
    letters are counted in every question, since licence names are written in them everywhere."""
    counts: Counter[str] = Counter()
    # Each distinct character is looked at once, in order of first appearance (as the scripts are).
    for char, times in Counter(text[:MAX_SCRIPT_CHARS]).items():
        script = _script_of_letter(char)
        if script is not None:
            counts[script] += 2 * times if script == "zh" else times
    total = sum(counts.values())
    return {script: count / total for script, count in counts.most_common()} if total else {}


@lru_cache(maxsize=8192)
def _script_of_letter(char: str) -> str | None:
    """The script of one letter, by its Unicode name; None for anything but a letter."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        return "latin"
    if name.startswith("ARABIC"):
        return "ar"
    if name.startswith("CYRILLIC"):
        return "ru"
    if name.startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH")):
        return "zh"
    return "other"


def script_of(text: str) -> str | None:
    """The script a question is written in, or None when it has no letters. A question that mixes
    Latin letters with another script is written in the other one ("什么是CC BY?" is Chinese,
    "Знак Public Domain Mark" Russian) unless that script is a word or two in a Latin sentence."""
    shares = script_shares(text)
    if not shares:
        return None
    others = {script: share for script, share in shares.items() if script != "latin"}
    if others:
        script, share = max(others.items(), key=lambda item: item[1])
        if share >= MIN_OTHER_SCRIPT_SHARE:
            return script
    return "latin"


class NgramClassifier:
    """Naive Bayes over character 1-4-grams with add-one smoothing; `posteriors` sums to 1."""

    def __init__(self, samples: Mapping[str, Iterable[str]]) -> None:
        log_probs: dict[str, dict[str, float]] = {}
        unseen: dict[str, float] = {}
        for language, texts in samples.items():
            counts: Counter[str] = Counter()
            for text in texts:
                counts.update(_ngrams(text))
            total = sum(counts.values())
            vocabulary = len(counts) + 1
            log_probs[language] = {
                gram: math.log((count + 1) / (total + vocabulary)) for gram, count in counts.items()
            }
            unseen[language] = math.log(1 / (total + vocabulary))
        self._languages = tuple(log_probs)
        # One row per n-gram with every language's log-probability (an unseen one's where it is
        # unseen): a question's n-grams are then looked up once, not once per language.
        self._unseen_row = tuple(unseen[language] for language in self._languages)
        self._rows = {
            gram: tuple(log_probs[language].get(gram, unseen[language]) for language in self._languages)
            for gram in {gram for table in log_probs.values() for gram in table}
        }

    def posteriors(self, text: str) -> dict[str, float]:
        grams = _ngrams(text)
        if not grams or not self._languages:
            share = 1 / max(1, len(self._languages))
            return dict.fromkeys(self._languages, share)
        rows = map(self._rows.get, grams, repeat(self._unseen_row, len(grams)))
        # Each language's column summed in n-gram order, in C.
        log_likelihood = dict(zip(self._languages, map(sum, zip(*rows, strict=True)), strict=True))
        # Tempered by the number of n-grams: they are far from independent, and raw naive Bayes
        # would be certain after three words.
        scale = 1 / math.sqrt(len(grams))
        best = max(log_likelihood.values())
        weights = {lang: math.exp((ll - best) * scale) for lang, ll in log_likelihood.items()}
        total = sum(weights.values())
        return {language: weight / total for language, weight in weights.items()}


def _ngrams(text: str) -> list[str]:
    cleaned = " ".join(_LATIN_ONLY.sub(" ", text.casefold().replace("’", "'")).split())
    padded = f" {cleaned} "
    if len(padded) <= 2:
        return []
    return [padded[i : i + order] for order in ORDERS for i in range(len(padded) - order + 1)]
