"""The arithmetic of one language's index: query terms, what a search returns, BM25 over
one-document-per-topic fields, and the small term-level rules (Chinese bigrams that straddle two
words, misspelt function words).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import process
from rapidfuzz.distance import OSA

from handlers.faq.analysis import PARTICLES, STOP_MARK
from handlers.faq.stopwords import STOPWORDS

K1 = 1.2
B = 0.75
CHINESE_FUNCTION_WORDS = STOPWORDS["zh"]
MIN_FUZZY_LENGTH = 5
STRADDLE_RATIO = 4  # a bigram this many times rarer than both neighbours straddles two words
ANSWER_MATCH = 0.6  # how much a term found only in the answer explains, next to one in a phrasing


@dataclass(frozen=True)
class QueryTerm:
    term: str  # as found in the index (after typo correction)
    weight: float  # 1 for an exact match, less for a corrected typo, 0 when unknown
    information: float  # inverse topic frequency (unknown terms: the highest)
    unknown: float = 0.0  # 1 for a word no topic knows, less for a short one


@dataclass(frozen=True)
class Ranked:
    topic: int
    score: float
    coverage: float  # share of the question's information found in the topic's phrasings or title
    answer_coverage: float  # ... found only in its answer
    phrasing_coverage: float = 0.0  # share of its closest phrasing found in the question (best only)
    title_coverage: float = 0.0  # share of its title found in the question (best only)
    agreement: float = 0.0  # share of the three views (phrasing, all phrasings, answer) ranking it first

    @property
    def explained(self) -> float:
        return self.coverage + ANSWER_MATCH * self.answer_coverage


@dataclass(frozen=True)
class SearchResult:
    terms: tuple[QueryTerm, ...]
    ranked: tuple[Ranked, ...]  # the few best topics, best first, only topics with some evidence
    exact: int | None = None  # the topic whose phrasing is exactly the question, if any
    rarest: float = 0.0  # the information of a word no topic knows
    anchored: float = 0.0  # how strongly the question names the bot's subject (see anchors.py)
    intent_mismatch: float = 0.0  # it asks how much, when or where; the best topic never does

    @property
    def information(self) -> float:
        return sum(term.information for term in self.terms)

    @property
    def unknown(self) -> float:
        """How many words no topic knows (a short one counts half)."""
        return sum(term.unknown for term in self.terms)


# A term's postings with each one's BM25 term-frequency part, count * (k1 + 1) / (count + norm),
# computed once per refresh so that scoring a query term only multiplies: the documents (or topics)
# and their parts, as two tuples (half the memory of a tuple of pairs).
Weighted = tuple[tuple[int, ...], tuple[float, ...]]
NO_POSTINGS: Weighted = ((), ())


def weigh(postings: Iterable[tuple[int, int]], norms: Sequence[float] | Mapping[int, float]) -> Weighted:
    """`postings` as (document, count) pairs, weighted by each document's length norm."""
    docs, parts = [], []
    for doc, count in postings:
        docs.append(doc)
        parts.append(count * (K1 + 1) / (count + norms[doc]))
    return tuple(docs), tuple(parts)


class Field:
    """One document per topic (its answer, or all its phrasings together), scored with BM25."""

    def __init__(self) -> None:
        self.postings: dict[str, dict[int, int]] = defaultdict(dict)
        self.lengths: dict[int, int] = defaultdict(int)
        self.weighted: dict[str, Weighted] = {}

    def add(self, topic: int, terms: list[str]) -> None:
        self.lengths[topic] += len(terms)
        for term, count in Counter(terms).items():
            self.postings[term][topic] = self.postings[term].get(topic, 0) + count

    def refresh(self) -> None:
        self.average = sum(self.lengths.values()) / max(1, len(self.lengths))
        self.idf = {t: idf(max(1, len(self.lengths)), len(p)) for t, p in self.postings.items()}
        norms = {topic: K1 * (1 - B + B * length / self.average) for topic, length in self.lengths.items()}
        self.weighted = {term: weigh(found.items(), norms) for term, found in self.postings.items()}

    def score(self, query: QueryTerm, weight: float, scores: list[float]) -> None:
        """Add the query term's BM25 score to each topic's entry of `scores`."""
        idf = self.idf.get(query.term, 0.0) * weight * query.weight
        topics, parts = self.weighted.get(query.term, NO_POSTINGS)
        for topic, part in zip(topics, parts, strict=True):
            scores[topic] += idf * part


def forgive_straddling(terms: tuple[QueryTerm, ...]) -> tuple[QueryTerm, ...]:
    """Chinese bigrams no topic knows that straddle two words ("何正" in "如何正确署名": 如何 and 署名
    are known) are reading artefacts, not unknown words: they neither count against the question
    nor weigh in its information. A bigram ends a known word where its first character ends a known
    bigram (or a function word), or starts one where its second character starts one."""
    known = [
        t.term.lstrip(STOP_MARK) for t in terms if t.weight > 0 and is_han_pair(t.term.lstrip(STOP_MARK))
    ]
    known = [gram for gram in known if gram in CHINESE_FUNCTION_WORDS or PARTICLES.isdisjoint(gram)]
    if not known:
        return terms
    ends, starts = {gram[1] for gram in known}, {gram[0] for gram in known}
    return tuple(
        replace(term, information=0.0, unknown=0.0)
        if term.unknown and is_han_pair(term.term) and (term.term[0] in ends or term.term[1] in starts)
        else term
        for term in terms
    )


def straddling(terms: Sequence[str], counts: Mapping[str, int]) -> frozenset[str]:
    """Chinese bigrams far rarer in the knowledge base's text than the bigrams on both sides of
    them: "品能" in "作品能用" (作品 and 能用 are words; 品能 occurs once, by chance). Known, rare and
    so weighty, such a bigram would otherwise pull the question towards the one phrasing that has
    it. `terms` are an analyser's, in order; `counts` how often each bigram occurs in the text."""
    found: set[str] = set()
    chain: list[str] = []
    for term in (*terms, ""):
        gram = term.lstrip(STOP_MARK)
        if is_han_pair(gram) and (not chain or chain[-1][1] == gram[0]):
            chain.append(gram)
            continue
        for place in range(1, len(chain) - 1):  # between two bigrams, never at a run's edge
            sides = counts.get(chain[place - 1], 0), counts.get(chain[place + 1], 0)
            if STRADDLE_RATIO * counts.get(chain[place], 0) < min(sides):
                found.add(chain[place])
        chain = [gram] if is_han_pair(gram) else []
    return frozenset(found)


def is_han_pair(term: str) -> bool:
    return len(term) == 2 and all("\u3400" <= char <= "\u9fff" for char in term)


def nearest(term: str, vocabulary: list[str]) -> tuple[str, float] | None:
    """The known word (of the sorted `vocabulary`) `term` is a typo of, within one edit (two for
    long words), or a word Snowball left whole that shares all but its ending with a known one
    (Portuguese "entro" and "entrar": the stemmer leaves short verbs); and how similar they are."""
    if len(term) < MIN_FUZZY_LENGTH - 1 or "_" in term or term.isdigit():
        return None
    limit = 1 if len(term) < 8 else 2
    match = process.extractOne(term, vocabulary, scorer=OSA.distance, score_cutoff=limit)
    if match is None:
        return _same_root(term, vocabulary)
    found, distance = match[0], match[1]
    if len(term) < MIN_FUZZY_LENGTH and len(found) <= len(term):
        return None  # a four-letter word is corrected only for a letter left out ("alow")
    return found, 1 - distance / max(len(term), len(found))


def _same_root(term: str, vocabulary: list[str]) -> tuple[str, float] | None:
    if len(term) < MIN_FUZZY_LENGTH:
        return None
    root = term[: max(MIN_FUZZY_LENGTH - 1, len(term) - 1)]
    start = bisect_left(vocabulary, root)
    for found in vocabulary[start : start + 8]:
        if not found.startswith(root):
            break
        if len(found) - len(root) <= 2:
            return found, len(root) / max(len(term), len(found))
    return None


def one_edit_away(words: frozenset[str]) -> frozenset[str]:
    """Every misspelling of these (function) words by one deletion, transposition or doubling."""
    typos: set[str] = set()
    for word in words:
        if len(word) < 3 or not word.isalpha():
            continue
        for i in range(len(word)):
            typos.add(word[:i] + word[i + 1 :])
            typos.add(word[:i] + word[i] + word[i:])
            if i < len(word) - 1:
                typos.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return frozenset(typos - words - {""})


def idf(documents: int, frequency: int) -> float:
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))
