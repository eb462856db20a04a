"""What kind of fact a question asks for, when that is a quantity, a time, a place or a person.

"How long does copyright last after the author's death?", "How much does it cost to publish in an
open access journal?", "Where will the next IGF be held?": these share their words with a topic
(copyright, open access, the IGF) but ask for a fact no answer gives. A topic whose phrasings never
ask "how much", "when" or "where" is unlikely to answer a question that does; whether the best
topic's phrasings ask what the question asks is one of the features of the confidence.

Patterns are matched on casefolded text with its accents (French "où" is not "ou"), both spellings
where members often leave accents out.
"""

from __future__ import annotations

import re
import unicodedata

_PATTERNS: dict[str, dict[str, str]] = {
    "en": {
        "amount": r"\bhow (?:much|many|long)\b|\bcosts?\b|\bprices?\b|\bfees?\b",
        "time": r"\bwhen\b(?! \w+ing\b)|\b(?:what|which) (?:year|date|day|month)\b",
        "place": r"\bwhere\b",
        "person": r"\bwho(?:m|se)?\b",
    },
    "fr": {
        "amount": r"\bcombien\b|\bco[uû]t(?:e|ent|s)?\b|\bprix\b|\bfrais\b|\btarifs?\b",
        "time": r"\bquand\b(?! m[êe]me\b)|\bquelle (?:ann[ée]e|date)\b",
        "place": r"\boù\b",
        "person": r"^\W*qui\b|\b(?:à|a|par|pour) qui\b|\bqui (?:doit|doivent)\b",
    },
    "es": {
        "amount": r"(?<!en )\bcu[aá]nt[oa]s?\b|\bcuestan?\b|\bcostos?\b|\bprecios?\b|\btarifas?\b",
        "time": r"\bcu[aá]ndo\b|\b(?:qu[eé]|cu[aá]l) (?:a[nñ]o|fecha)\b",
        "place": r"\bd[oó]nde\b",
        "person": r"\bqui[eé]n(?:es)?\b",
    },
    "pt": {
        "amount": r"\bquant[oa]s?\b(?! a\b)|\bcustam?\b|\bcustos?\b|\bpre[cç]os?\b",
        "time": r"\bquando\b|\b(?:que|qual) (?:ano|data)\b",
        "place": r"\bonde\b",
        "person": r"\bquem\b",
    },
    "ru": {
        "amount": r"\bсколько\b|\bстоит\b|\bстоимост\w*|\bцен[аы]\b",
        "time": r"\bкогда\b|\bв каком году\b",
        "place": r"\bгде\b|\bкуда\b",
        "person": r"\bкто\b|\bкем\b|\bкому\b",
    },
    "ar": {
        "amount": r"(?<!\w)كم(?!\w)|تكلف[ةه]|سعر|رسوم",
        "time": r"متى|متي",
        "place": r"(?<!\w)[أا]ين(?!\w)",
    },
    "zh": {
        "amount": r"多少|多长|多久|几年|费用|价格",
        "time": r"什么时候|何时|哪一?年",
        "place": r"哪里|(?<!存)在哪|哪儿",
        "person": r"谁",
    },
}
_COMPILED = {
    language: tuple((intent, re.compile(pattern)) for intent, pattern in patterns.items())
    for language, patterns in _PATTERNS.items()
}


def mismatch(asked: frozenset[str], answered: frozenset[str]) -> float:
    """1 when the question asks for a kind of fact none of the topic's phrasings asks for."""
    return 1.0 if asked and asked.isdisjoint(answered) else 0.0


def intents(text: str, language: str) -> frozenset[str]:
    """The kinds of fact `text` asks for among "amount", "time", "place", "person" (often none)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return frozenset(intent for intent, pattern in _COMPILED.get(language, ()) if pattern.search(folded))
