"""One language's search index: BM25 over the phrasings, plus what the confidence is computed from.

Documents are the phrasings and the title of each topic (BM25, k1=1.2, b=0.75; a topic scores as its
best-matching phrasing) and, with a lower weight, its answer. Query terms the vocabulary does not
know are matched to the nearest known term within one edit (two for long words), at a discount:
"licnese", "atribution", "comercial" still find their topic.

Besides the ranking, `search` measures how much of the question the best topic explains: the share
of the question's information (inverse topic frequency of its terms; an unknown word counts as the
rarest) found in that topic's phrasings, title or answer. A question about the weather explains
almost nothing, however close its nearest topic is.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from handlers.faq.analysis import STOP_MARK, WEAK_MARK, Analyser, exact_key

K1 = 1.2
B = 0.75
ANSWER_WEIGHT = 0.5  # an answer's words are evidence, weaker than a phrasing's
TOPIC_WEIGHT = 1.5  # all of a topic's phrasings together, as one document
ANSWER_MATCH = 0.6  # how much a term found only in the answer explains, next to one in a phrasing
FUZZY_DISCOUNT = 0.75
WEAK_WEIGHT = 1.0  # a Chinese character on its own: it ranks, but the bigrams judge the question
STOP_WEIGHT = 0.3  # a function word's weight in the ranking (it never counts towards confidence)
COVERED = 3  # how many of the best topics get their coverage computed
MIN_FUZZY_LENGTH = 5
SHORT_WORD = 4  # an unknown word this short is weak evidence of anything (often a typo)
SHORT_UNKNOWN = 0.5


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
    ranked: tuple[Ranked, ...]  # best first, only topics with some evidence
    exact: int | None = None  # the topic whose phrasing is exactly the question, if any
    rarest: float = 0.0  # the information of a word no topic knows
    anchored: bool = False  # the question names the bot's subject (see anchors.py)

    @property
    def information(self) -> float:
        return sum(term.information for term in self.terms)

    @property
    def unknown(self) -> float:
        """How many words no topic knows (a short one counts half)."""
        return sum(term.unknown for term in self.terms)


class LanguageIndex:
    def __init__(
        self,
        language: str,
        analyse: Analyser,
        topic_count: int,
        stopwords: frozenset[str] = frozenset(),
        anchors: frozenset[str] = frozenset(),
    ) -> None:
        self._language = language
        self._anchors = anchors
        self._stopword_typos = _one_edit_away(stopwords)
        self._analyse = analyse
        self._exact: dict[str, int] = {}
        self._topic_count = topic_count
        self._postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._doc_topic: list[int] = []
        self._doc_length: list[int] = []
        self._doc_terms: list[frozenset[str]] = []
        self._topic_docs: list[list[int]] = [[] for _ in range(topic_count)]
        self._titles: dict[int, frozenset[str]] = {}
        self._answer = _Field()
        self._together = _Field()
        self._topic_terms: list[dict[str, float]] = [{} for _ in range(topic_count)]
        self._fuzzy = lru_cache(maxsize=16_384)(self._nearest)
        self._vocabulary: list[str] = []
        self._stale = True

    # -- building -----------------------------------------------------------------------------

    def add_phrasing(self, topic: int, text: str) -> None:
        self._exact.setdefault(exact_key(text, self._language), topic)
        terms = self._analyse(text)
        if not terms:
            return
        self._together.add(topic, terms)
        doc = len(self._doc_topic)
        self._topic_docs[topic].append(doc)
        self._doc_topic.append(topic)
        self._doc_length.append(len(terms))
        self._doc_terms.append(frozenset(t for t in terms if t[0] not in (STOP_MARK, WEAK_MARK)))
        for term, count in _counts(terms).items():
            self._postings[term].append((doc, count))
            self._topic_terms[topic][term] = 1.0
        self._stale = True

    def add_title(self, topic: int, text: str) -> None:
        """The topic's title: a phrasing, and the words that name its subject."""
        self.add_phrasing(topic, text)
        self._titles[topic] = frozenset(t for t in self._analyse(text) if t[0] not in (STOP_MARK, WEAK_MARK))

    def add_answer(self, topic: int, text: str) -> None:
        terms = self._analyse(text)
        self._answer.add(topic, terms)
        for term in terms:
            self._topic_terms[topic].setdefault(term, 0.5)
        self._stale = True

    def _refresh(self) -> None:
        if not self._stale:
            return
        docs = max(1, len(self._doc_topic))
        self._average_length = sum(self._doc_length) / docs
        self._idf = {t: _idf(docs, len(p)) for t, p in self._postings.items()}
        self._answer.refresh()
        self._together.refresh()
        topic_frequency: dict[str, int] = defaultdict(int)
        for terms in self._topic_terms:
            for term in terms:
                topic_frequency[term] += 1
        self._information = {t: _idf(self._topic_count, n) for t, n in topic_frequency.items()}
        self._rarest = _idf(self._topic_count, 0)
        # Typos are corrected towards the phrasings' words only: an answer's long tail of words
        # would turn too many unknown words ("invention") into known ones ("incentive").
        self._vocabulary = sorted(
            t
            for t in self._postings
            if len(t) >= MIN_FUZZY_LENGTH - 1 and "_" not in t and t[0] not in (STOP_MARK, WEAK_MARK)
        )
        self._fuzzy.cache_clear()
        self._stale = False

    # -- searching ----------------------------------------------------------------------------

    def search(self, text: str) -> SearchResult:
        self._refresh()
        terms = tuple(self._query_term(term) for term in dict.fromkeys(self._analyse(text)))
        answers: dict[int, float] = defaultdict(float)
        together: dict[int, float] = defaultdict(float)
        best_doc: dict[int, float] = defaultdict(float)
        doc_scores: dict[int, float] = defaultdict(float)
        for query in terms:
            if query.weight == 0:
                continue
            idf = self._idf.get(query.term, 0.0)
            for doc, count in self._postings.get(query.term, ()):
                norm = K1 * (1 - B + B * self._doc_length[doc] / self._average_length)
                doc_scores[doc] += query.weight * idf * count * (K1 + 1) / (count + norm)
            self._answer.score(query, ANSWER_WEIGHT, answers)
            self._together.score(query, TOPIC_WEIGHT, together)
        for doc, score in doc_scores.items():
            topic = self._doc_topic[doc]
            best_doc[topic] = max(best_doc[topic], score)
        scores: dict[int, float] = defaultdict(float)
        for view in (best_doc, together, answers):
            for topic, score in view.items():
                scores[topic] += score
        total = sum(term.information for term in terms) or 1.0
        order = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        # Coverage decides only among the first few: computing it for every topic would cost more.
        ranked = [
            Ranked(topic, score, *(self._coverage(topic, terms, total) if place < COVERED else (0.0, 0.0)))
            for place, (topic, score) in enumerate(order)
        ]
        exact = self._exact.get(exact_key(text, self._language))
        if ranked:
            best = ranked[0]
            views = (best_doc, together, answers)
            ranked[0] = replace(
                best,
                phrasing_coverage=self._phrasing_coverage(best.topic, terms),
                title_coverage=self._share(self._titles.get(best.topic, frozenset()), terms),
                agreement=sum(1 for view in views if view and _top(view) == best.topic) / len(views),
            )
        anchored = any(t.weight > 0 and (t.term in self._anchors or t.term.startswith("cc")) for t in terms)
        return SearchResult(
            terms=terms, ranked=tuple(ranked), exact=exact, rarest=self._rarest, anchored=anchored
        )

    def _phrasing_coverage(self, topic: int, terms: Sequence[QueryTerm]) -> float:
        """How much of the topic's best-matched phrasing the question contains (its information)."""
        return max((self._share(self._doc_terms[doc], terms) for doc in self._topic_docs[topic]), default=0.0)

    def _share(self, words: frozenset[str], terms: Sequence[QueryTerm]) -> float:
        """The share of `words`' information that the question contains."""
        if not words:
            return 0.0
        asked = {term.term: term.weight for term in terms if term.weight > 0}
        total = sum(self._information.get(t, 0.0) for t in words) or 1.0
        return sum(self._information.get(t, 0.0) * asked.get(t, 0.0) for t in words) / total

    def _coverage(self, topic: int, terms: Sequence[QueryTerm], total: float) -> tuple[float, float]:
        """Shares of the question's information found in the phrasings, and only in the answer."""
        known = self._topic_terms[topic]
        phrasings = answer = 0.0
        for term in terms:
            where = known.get(term.term, 0.0)
            if where == 1.0:
                phrasings += term.information * term.weight
            elif where:
                answer += term.information * term.weight
        return phrasings / total, answer / total

    def _query_term(self, term: str) -> QueryTerm:
        if term.startswith(STOP_MARK):
            return QueryTerm(term, STOP_WEIGHT if term in self._idf else 0.0, 0.0)
        if term.startswith(WEAK_MARK):
            return QueryTerm(term, WEAK_WEIGHT if term in self._idf else 0.0, 0.0)
        if term in self._information:
            return QueryTerm(term, 1.0, self._information[term])
        nearest = self._fuzzy(term)
        if nearest is not None:
            found, similarity = nearest
            return QueryTerm(found, FUZZY_DISCOUNT * similarity, self._information[found])
        if term in self._stopword_typos:
            return QueryTerm(STOP_MARK + term, 0.0, 0.0)  # "wat", "hwo": a function word misspelt
        unknown = SHORT_UNKNOWN if len(term) <= SHORT_WORD else 1.0
        return QueryTerm(term, 0.0, self._rarest * unknown, unknown)

    def _nearest(self, term: str) -> tuple[str, float] | None:
        if len(term) < MIN_FUZZY_LENGTH - 1 or "_" in term or term.isdigit():
            return None
        limit = 1 if len(term) < 8 else 2
        match = process.extractOne(term, self._vocabulary, scorer=OSA.distance, score_cutoff=limit)
        if match is None:
            return None
        found, distance = match[0], match[1]
        if len(term) < MIN_FUZZY_LENGTH and len(found) <= len(term):
            return None  # a four-letter word is corrected only for a letter left out ("alow")
        return found, 1 - distance / max(len(term), len(found))

    @property
    def documents(self) -> int:
        return len(self._doc_topic)


class _Field:
    """One document per topic (its answer, or all its phrasings together), scored with BM25."""

    def __init__(self) -> None:
        self.postings: dict[str, dict[int, int]] = defaultdict(dict)
        self.lengths: dict[int, int] = defaultdict(int)

    def add(self, topic: int, terms: list[str]) -> None:
        self.lengths[topic] += len(terms)
        for term, count in _counts(terms).items():
            self.postings[term][topic] = self.postings[term].get(topic, 0) + count

    def refresh(self) -> None:
        self.average = sum(self.lengths.values()) / max(1, len(self.lengths))
        self.idf = {t: _idf(max(1, len(self.lengths)), len(p)) for t, p in self.postings.items()}

    def score(self, query: QueryTerm, weight: float, scores: dict[int, float]) -> None:
        idf = self.idf.get(query.term, 0.0) * weight * query.weight
        for topic, count in self.postings.get(query.term, {}).items():
            norm = K1 * (1 - B + B * self.lengths[topic] / self.average)
            scores[topic] += idf * count * (K1 + 1) / (count + norm)


def _top(scores: dict[int, float]) -> int:
    return max(scores.items(), key=lambda item: (item[1], -item[0]))[0]


def _one_edit_away(words: frozenset[str]) -> frozenset[str]:
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


def _idf(documents: int, frequency: int) -> float:
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


def _counts(terms: list[str]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for term in terms:
        counts[term] += 1
    return counts
