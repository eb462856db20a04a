"""One language's search index: BM25 over the phrasings, plus what the confidence is computed from.

Documents are the phrasings and the title of each topic (BM25, k1=1.2, b=0.75; a topic scores as its
best-matching phrasing) and, with a lower weight, its answer. Query terms the vocabulary does not
know are matched to the nearest known term within one edit (two for long words), at a discount:
"licnese", "atribution", "comercial" still find their topic.

Besides the ranking, `search` measures how much of the question the best topic explains: the share
of the question's information (inverse topic frequency of its terms; an unknown word counts as the
rarest) found in that topic's phrasings, title or answer. A question about the weather explains
almost nothing, however close its nearest topic is. It also notes whether the question names the
subject (anchors.py), asks a kind of fact the best topic never answers (intents.py: topics whose
phrasings ask "who", "when"... as the question does also rank a little higher), and `focus` drops
the sentences of a member's context that the best topic knows nothing of.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import repeat
from operator import add, mul

from handlers.faq.analysis import STOP_MARK, WEAK_MARK, Analyser, exact_key
from handlers.faq.intents import intents, mismatch
from handlers.faq.licences import LICENCE_ELEMENTS
from handlers.faq.scoring import (
    K1,
    MIN_FUZZY_LENGTH,
    NO_POSTINGS,
    B,
    Field,
    QueryTerm,
    Ranked,
    SearchResult,
    Weighted,
    forgive_straddling,
    idf,
    is_han_pair,
    nearest,
    one_edit_away,
    straddling,
    weigh,
)

ANSWER_WEIGHT = 0.5  # an answer's words are evidence, weaker than a phrasing's
TOPIC_WEIGHT = 1.5  # all of a topic's phrasings together, as one document
FUZZY_DISCOUNT = 0.75
WEAK_WEIGHT = 0.25  # a Chinese character on its own: it ranks, but the bigrams judge the question
STOP_WEIGHT = 0.3  # a function word's weight in the ranking (it never counts towards confidence)
COVERED = 3  # how many of the best topics are ranked, with their coverage (nothing reads further)
SHORT_WORD = 4  # an unknown word this short is weak evidence of anything (often a typo)
SHORT_UNKNOWN = 0.5
INTENT_BONUS = 0.2  # a topic whose phrasings ask what the question asks ("who...") ranks higher
MAX_CONTEXT_CHARS = 600
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|[。！？；，\n]+")


def _leader(scores: list[float]) -> int | None:
    """The topic a view ranks first (the lower number among equals), None when it found nothing."""
    best = max(scores, default=0.0)
    return scores.index(best) if best > 0 else None


class LanguageIndex:
    def __init__(
        self,
        language: str,
        analyse: Analyser,
        topic_count: int,
        stopwords: frozenset[str] = frozenset(),
        anchors: Sequence[tuple[frozenset[str], float]] = (),
    ) -> None:
        self._language = language
        self._anchors = tuple(anchors)
        self._stopword_typos = one_edit_away(stopwords)
        self._analyse = analyse
        self._exact: dict[str, int] = {}
        self._topic_count = topic_count
        self._postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._weighted: dict[str, Weighted] = {}  # the postings with their BM25 parts (_refresh)
        self._doc_information: list[float] = []
        self._topic_spans: list[slice] = []  # where each topic's documents are scored (_refresh)
        self._doc_topic: list[int] = []
        self._doc_length: list[int] = []
        self._doc_terms: list[frozenset[str]] = []
        self._topic_docs: list[list[int]] = [[] for _ in range(topic_count)]
        self._titles: dict[int, frozenset[str]] = {}
        self._answer = Field()
        self._together = Field()
        self._topic_terms: list[dict[str, float]] = [{} for _ in range(topic_count)]
        self._topic_intents: list[frozenset[str]] = [frozenset() for _ in range(topic_count)]
        self._pair_counts: dict[str, int] = defaultdict(int)  # Chinese bigrams in all the text
        self._fuzzy = lru_cache(maxsize=16_384)(lambda term: nearest(term, self._vocabulary))
        self._vocabulary: list[str] = []
        self._stale = True

    # -- building -----------------------------------------------------------------------------

    def add_phrasing(self, topic: int, text: str) -> None:
        self._exact.setdefault(exact_key(text, self._language), topic)
        self._topic_intents[topic] |= intents(text, self._language)
        terms = self._analyse(text)
        if not terms:
            return
        self._count_pairs(terms)
        self._together.add(topic, terms)
        doc = len(self._doc_topic)
        self._topic_docs[topic].append(doc)
        self._doc_topic.append(topic)
        self._doc_length.append(len(terms))
        self._doc_terms.append(frozenset(t for t in terms if t[0] not in (STOP_MARK, WEAK_MARK)))
        for term, count in Counter(terms).items():
            self._postings[term].append((doc, count))
            self._topic_terms[topic][term] = 1.0
        self._stale = True

    def add_title(self, topic: int, text: str) -> None:
        """The topic's title: a phrasing, and the words that name its subject."""
        self.add_phrasing(topic, text)
        self._titles[topic] = frozenset(t for t in self._analyse(text) if t[0] not in (STOP_MARK, WEAK_MARK))

    def add_answer(self, topic: int, text: str) -> None:
        terms = self._analyse(text)
        self._count_pairs(terms)
        self._answer.add(topic, terms)
        for term in terms:
            self._topic_terms[topic].setdefault(term, 0.5)
        self._stale = True

    def _count_pairs(self, terms: list[str]) -> None:
        if self._language == "zh":
            for term in terms:
                if is_han_pair(term.lstrip(STOP_MARK)):
                    self._pair_counts[term.lstrip(STOP_MARK)] += 1

    def prepare(self) -> None:
        """Compute now what searching needs (weights, information, vocabulary); a search does it
        itself when phrasings were added since."""
        self._refresh()

    def _refresh(self) -> None:
        if not self._stale:
            return
        docs = max(1, len(self._doc_topic))
        self._average_length = sum(self._doc_length) / docs
        self._idf = {t: idf(docs, len(p)) for t, p in self._postings.items()}
        # Documents are scored in topic order (a topic's phrasings side by side, those promoted after
        # loading too), so that a topic's best phrasing is the maximum of one slice of the scores.
        order = [doc for placed in self._topic_docs for doc in placed]
        place = [0] * len(order)
        for position, doc in enumerate(order):
            place[doc] = position
        norms = [K1 * (1 - B + B * self._doc_length[doc] / self._average_length) for doc in order]
        self._weighted = {
            term: weigh(((place[doc], count) for doc, count in postings), norms)
            for term, postings in self._postings.items()
        }
        self._topic_spans = []
        start = 0
        for placed in self._topic_docs:
            # A topic without documents gets the slot past the last one, always 0.
            self._topic_spans.append(
                slice(start, start + len(placed)) if placed else slice(len(order), len(order) + 1)
            )
            start += len(placed)
        self._answer.refresh()
        self._together.refresh()
        topic_frequency: dict[str, int] = defaultdict(int)
        for terms in self._topic_terms:
            for term in terms:
                topic_frequency[term] += 1
        self._information = {t: idf(self._topic_count, n) for t, n in topic_frequency.items()}
        self._rarest = idf(self._topic_count, 0)
        self._doc_information = [self._information_of(terms) for terms in self._doc_terms]
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
        analysed = self._analyse(text)
        if self._language == "zh":
            chance = straddling(analysed, self._pair_counts)
            analysed = [term for term in analysed if term.lstrip(STOP_MARK) not in chance]
        terms = tuple(self._query_term(term) for term in dict.fromkeys(analysed))
        if self._language == "zh":
            terms = forgive_straddling(terms)
        # Scores accumulate in lists indexed by document and by topic: the inner loops below run
        # over every posting of every query term, and a list is the cheapest place to add to.
        doc_scores = [0.0] * (len(self._doc_topic) + 1)
        together = [0.0] * self._topic_count
        answers = [0.0] * self._topic_count
        for query in terms:
            if query.weight == 0:
                continue
            rarity = query.weight * self._idf.get(query.term, 0.0)
            docs, parts = self._weighted.get(query.term, NO_POSTINGS)
            for doc, part in zip(docs, parts, strict=True):
                doc_scores[doc] += rarity * part
            self._answer.score(query, ANSWER_WEIGHT, answers)
            self._together.score(query, TOPIC_WEIGHT, together)
        # A topic scores as its best-matching phrasing; 0 is no evidence at all (scores are positive).
        best_doc = list(map(max, map(doc_scores.__getitem__, self._topic_spans)))
        scores = list(map(add, map(add, best_doc, together), answers))
        asked = intents(text, self._language)
        if asked:  # "who implements...": topics whose phrasings ask "who" rank a little higher
            for topic, intended in enumerate(self._topic_intents):
                if not asked.isdisjoint(intended):
                    scores[topic] *= 1 + INTENT_BONUS
        total = sum(term.information for term in terms) or 1.0
        # Only the first few topics are read further (the runner-up's margin, "did you mean"), and
        # only they get their coverage. Best first; the lower number first among equals (the sort is
        # stable).
        leaders = sorted(range(self._topic_count), key=scores.__getitem__, reverse=True)[:COVERED]
        ranked = [
            Ranked(topic, scores[topic], *self._coverage(topic, terms, total))
            for topic in leaders
            if scores[topic] > 0
        ]
        exact = self._exact.get(exact_key(text, self._language))
        if ranked:
            best = ranked[0]
            weights = self._query_weights(terms)
            views = (best_doc, together, answers)
            ranked[0] = replace(
                best,
                phrasing_coverage=self._phrasing_coverage(best.topic, weights),
                title_coverage=self._share(self._titles.get(best.topic, frozenset()), weights),
                agreement=sum(1 for view in views if _leader(view) == best.topic) / len(views),
            )
        anchored = self._anchoring(terms)
        return SearchResult(
            terms=terms,
            ranked=tuple(ranked),
            exact=exact,
            rarest=self._rarest,
            anchored=anchored,
            intent_mismatch=mismatch(asked, self._topic_intents[ranked[0].topic]) if ranked else 0.0,
        )

    def _anchoring(self, terms: Sequence[QueryTerm]) -> float:
        """How strongly the question names the subject: its strongest anchor all there (a licence
        name or element is a strong one), 0 for none."""
        found = {term.term for term in terms if term.weight > 0}
        if any(term.startswith("cc") or term in LICENCE_ELEMENTS for term in found):
            return 1.0
        return max((strength for words, strength in self._anchors if words <= found), default=0.0)

    @staticmethod
    def _query_weights(terms: Sequence[QueryTerm]) -> dict[str, float]:
        """The question's known terms and how surely each was recognised (typos count less)."""
        return {term.term: term.weight for term in terms if term.weight > 0}

    def _phrasing_coverage(self, topic: int, asked: dict[str, float]) -> float:
        """How much of the topic's best-matched phrasing the question contains (its information)."""
        return max(
            (
                self._contained(self._doc_terms[doc], self._doc_information[doc], asked)
                for doc in self._topic_docs[topic]
            ),
            default=0.0,
        )

    def _share(self, words: frozenset[str], asked: dict[str, float]) -> float:
        """The share of `words`' information that the question contains."""
        return self._contained(words, self._information_of(words), asked)

    def _contained(self, words: frozenset[str], information: float, asked: dict[str, float]) -> float:
        if not words:
            return 0.0
        # Each word's information times how surely the question has it, summed in the words' order.
        known = map(self._information.get, words, repeat(0.0))
        found: float = sum(map(mul, known, map(asked.get, words, repeat(0.0))))
        return found / (information or 1.0)

    def _information_of(self, words: frozenset[str]) -> float:
        return sum(self._information.get(t, 0.0) for t in words)

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

    def focus(self, text: str, topic: int) -> str | None:
        """The question without its sentences that say nothing `topic` knows ("I'm a librarian in
        Ghana."), or None when every sentence counts (or there is only one)."""
        self._refresh()
        if len(text) > MAX_CONTEXT_CHARS:
            return None  # beyond a few sentences, this is no longer a question with its context
        sentences = [part for part in _SENTENCE.split(text) if part and part.strip()]
        if len(sentences) < 2:
            return None
        known = self._topic_terms[topic]
        kept = [sentence for sentence in sentences if self._speaks_of(sentence, known)]
        return " ".join(kept) if kept and len(kept) < len(sentences) else None

    def _speaks_of(self, sentence: str, known: dict[str, float]) -> bool:
        terms = [self._query_term(t) for t in self._analyse(sentence) if t[0] not in (STOP_MARK, WEAK_MARK)]
        return not terms or any(term.weight > 0 and term.term in known for term in terms)
