"""The answering engine: from a question in any of the seven languages to a topic, or an honest "no".

1. The language: the script for Arabic, Cyrillic and Han; among Latin-script languages the n-gram
   classifier (`language.py`) alone when it is sure, otherwise also how well each of the likeliest
   languages' indexes explains the question, the member's language breaking ties.
2. The topic: that language's BM25 index over the phrasings, titles and answers (`index.py`).
3. The decision, from a confidence in 0..1: a logistic function of how much of the question the best
   topic explains, how clearly it beats the runner-up, how strong its score is, whether the question
   names the subject and asks what the topic answers (see `features`), fitted on the development
   sets (benchmarks/faq_calibrate.py) so that it estimates the chance the topic is right. A member's
   context around the question is set aside first (`LanguageIndex.focus`).
   - confidence >= ANSWER_AT: answer;
   - otherwise, when the question is mostly explained but two or three topics are close: ask
     "did you mean" with them;
   - otherwise abstain, and offer to forward the question to the secretariat. The nearest topic is
     never passed off as the answer to a question the knowledge base does not cover.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from handlers.faq.analysis import LATIN_LANGUAGES, STOP_MARK, WEAK_MARK, analyser_for
from handlers.faq.anchors import ANCHORS, WEAK_ANCHORS
from handlers.faq.index import LanguageIndex
from handlers.faq.knowledge import KnowledgeBase
from handlers.faq.language import NgramClassifier, script_of
from handlers.faq.licences import canonical_licences
from handlers.faq.scoring import SearchResult
from handlers.faq.stopwords import STOPWORDS

Kind = Literal["answer", "ambiguous", "abstain"]

MAX_QUESTION_CHARS = 1000  # a question longer than this is read up to here (the router stops at 4000)
ANSWER_AT = 0.45
EXACT_CONFIDENCE = 0.99
SUGGEST_AT = 0.2  # below this, not even a "did you mean"
SUGGEST_COVERAGE = 0.55  # ... and only when the close topics explain most of the question
LATIN_READINGS = 2
# A question the n-gram classifier gives to one Latin-script language with at least this belief is
# read in that language (and the member's) only: on the development sets no reading in a third
# language ever won against such a belief, and each reading costs as much as the first.
SURE_PRIOR = 0.95
TIE = 0.1  # languages whose evidence differs by less than this are tied: the member's language wins
CLOSE_RATIO = 0.8  # a runner-up within this share of the best score is a real alternative
TIED_RATIO = 0.95  # a runner-up this close makes even a confident reading a "did you mean"
WEAK_ANCHOR = 0.5  # how strongly "open" or "licence" alone names the subject (anchors.py)
# Logistic calibration (benchmarks/faq_calibrate.py): bias, then one weight per feature (see features).
WEIGHTS = (-4.85, 1.53, 0.08, 0.45, 0.58, -1.03, 1.19, 0.94, 1.0, 0.21, 2.07, 0.22, -0.74)


@dataclass(frozen=True)
class Answer:
    """What the engine decided. `topic` is the best topic (None when abstaining), `alternatives`
    the other topics worth offering; `lang` is the language to answer in."""

    topic: str | None
    confidence: float
    lang: str
    alternatives: list[str] = field(default_factory=list)
    kind: Kind = "abstain"


@dataclass(frozen=True)
class Reading:
    """The question as read in one language."""

    language: str
    result: SearchResult
    confidence: float

    @property
    def coverage(self) -> float:
        return self.result.ranked[0].explained if self.result.ranked else 0.0


class AnsweringEngine:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._topic_index = {topic.id: number for number, topic in enumerate(kb.topics)}
        self._indexes: dict[str, LanguageIndex] = {}
        for language in kb.languages:
            index = LanguageIndex(
                language, analyser_for(language), len(kb.topics), STOPWORDS[language], _anchors(language)
            )
            for number, topic in enumerate(kb.topics):
                text = topic.texts[language]
                index.add_title(number, text.title)
                for phrasing in text.phrasings:
                    index.add_phrasing(number, phrasing)
                index.add_answer(number, text.answer)
            index.prepare()  # now, rather than while the first member waits for an answer
            self._indexes[language] = index
        latin = [language for language in kb.languages if language in LATIN_LANGUAGES]
        self._classifier = NgramClassifier(
            {
                language: [
                    part
                    for topic in kb.topics
                    for part in (topic.texts[language].answer, *topic.texts[language].phrasings)
                ]
                for language in latin
            }
        )

    def has_topic(self, topic: str) -> bool:
        return topic in self._topic_index

    def add_phrasing(self, topic: str, lang: str, text: str) -> None:
        """Teach the engine another way to ask about `topic` (a phrasing the secretariat promoted)."""
        if topic not in self._topic_index:
            raise KeyError(f"unknown topic {topic!r}")
        if lang not in self._indexes:
            raise KeyError(f"the knowledge base has no language {lang!r}")
        self._indexes[lang].add_phrasing(self._topic_index[topic], text)

    def ask(self, question: str, member_language: str | None = None, language: str | None = None) -> Answer:
        """Answer `question`; `language` forces the language, `member_language` breaks ties."""
        reading = self.read(question, member_language, language)
        if reading is None:
            fallback = self.fallback_language(member_language)
            return Answer(None, 0.0, language if language in self._indexes else fallback)
        return self._decide(reading)

    def read(
        self, question: str, member_language: str | None = None, language: str | None = None
    ) -> Reading | None:
        """The question as read in its language (None: no language of the knowledge base)."""
        text = question[:MAX_QUESTION_CHARS]
        candidates = self._candidates(text, language)
        if not candidates:
            return None
        if len(candidates) == 1:
            return self._read(text, candidates[0])
        prior = self._prior(text)
        likely = sorted(candidates, key=lambda c: prior.get(c, 0.0), reverse=True)
        # The two likeliest Latin-script languages, or only the likeliest when the n-grams are
        # sure, and the member's: reading in all four would cost twice the time for the rare
        # question the n-grams get badly wrong.
        likely = likely[: 1 if prior.get(likely[0], 0.0) >= SURE_PRIOR else LATIN_READINGS]
        if member_language in candidates and member_language not in likely:
            likely.append(str(member_language))
        readings = [self._read(text, candidate) for candidate in likely]
        return self._choose(readings, prior, member_language)

    # -- language -------------------------------------------------------------------------------

    def fallback_language(self, member_language: str | None) -> str:
        """The member's language when the knowledge base has it, else English (else its first)."""
        if member_language in self._indexes:
            return str(member_language)
        return "en" if "en" in self._indexes else self.kb.languages[0]

    def _candidates(self, text: str, forced: str | None) -> list[str]:
        if forced is not None:
            return [forced] if forced in self._indexes else []
        script = script_of(text)
        if script == "latin":
            return [language for language in LATIN_LANGUAGES if language in self._indexes]
        if script in self._indexes:
            return [str(script)]
        return []

    def _prior(self, text: str) -> dict[str, float]:
        """The n-gram classifier's belief; licence names, written alike everywhere, are left out."""
        words = [w for w in canonical_licences(text.casefold()).split() if "_" not in w and w != "cc"]
        return self._classifier.posteriors(" ".join(words))

    def _choose(
        self, readings: Sequence[Reading], prior: dict[str, float], member_language: str | None
    ) -> Reading:
        if len(readings) == 1:
            return readings[0]

        # When no reading understands the question, it will be declined: in the language the
        # question looks written in, not the one whose index happened to know "Python".
        understood = any(reading.confidence >= SUGGEST_AT for reading in readings)

        def weight(reading: Reading) -> float:
            exact = 1.0 if reading.result.exact is not None else 0.0
            return prior.get(reading.language, 0.0) + (reading.coverage + exact if understood else 0.0)

        ranked = sorted(readings, key=weight, reverse=True)
        best, runner_up = ranked[0], ranked[1]
        if weight(best) - weight(runner_up) < TIE and member_language in (runner_up.language,):
            return runner_up
        return best

    # -- topic ----------------------------------------------------------------------------------

    def _read(self, text: str, language: str) -> Reading:
        index = self._indexes[language]
        result = index.search(text)
        if result.ranked and result.exact is None:
            # A member's context ("I'm a librarian in Ghana.") is not part of the question: judged
            # without the sentences the best topic knows nothing of, when it stays the best.
            focused = index.focus(text, result.ranked[0].topic)
            if focused is not None:
                narrowed = index.search(focused)
                if narrowed.ranked and narrowed.ranked[0].topic == result.ranked[0].topic:
                    result = narrowed
        return Reading(language, result, confidence(result))

    def _decide(self, reading: Reading) -> Answer:
        ranked = reading.result.ranked
        exact = reading.result.exact
        if exact is not None:  # the question is one of the phrasings, word for word
            others = [self.kb.topics[r.topic].id for r in ranked[:3] if r.topic != exact][:2]
            return Answer(self.kb.topics[exact].id, EXACT_CONFIDENCE, reading.language, others, "answer")
        if not ranked:
            return Answer(None, 0.0, reading.language)
        ids = [self.kb.topics[r.topic].id for r in ranked[:3]]
        best = ranked[0]
        rounded = round(reading.confidence, 3)
        suggestible = [
            self.kb.topics[r.topic].id
            for r in ranked[:3]
            if r.explained >= SUGGEST_COVERAGE and r.score >= CLOSE_RATIO * best.score
        ]
        # Two topics explain the question equally well: let the member choose rather than guess.
        tied = len(ranked) > 1 and ranked[1].score >= TIED_RATIO * best.score and len(suggestible) >= 2
        if reading.confidence >= ANSWER_AT and not tied:
            return Answer(ids[0], rounded, reading.language, ids[1:], "answer")
        if reading.confidence >= SUGGEST_AT and len(suggestible) >= 2 and suggestible[0] == ids[0]:
            return Answer(ids[0], rounded, reading.language, suggestible[1:], "ambiguous")
        return Answer(None, rounded, reading.language, [], "abstain")


def _anchors(language: str) -> tuple[tuple[frozenset[str], float], ...]:
    """The analysed anchors of a language, each a set of terms that must all be in the question,
    with its strength: 1 for a strong one, WEAK_ANCHOR for a weak one."""
    analyse = analyser_for(language)
    anchors: dict[frozenset[str], float] = {}
    for words, strength in ((WEAK_ANCHORS, WEAK_ANCHOR), (ANCHORS, 1.0)):
        for phrase in words.get(language, "").split():
            terms = frozenset(
                term
                for word in phrase.split("+")
                for term in analyse(word)
                if term[0] not in (STOP_MARK, WEAK_MARK)
            )
            if terms:
                anchors[terms] = strength
    return tuple(anchors.items())


def features(result: SearchResult) -> tuple[float, ...]:
    """What the confidence is computed from, for the best topic: the share of the question found
    in its phrasings, the share found only in its answer, the margin over the runner-up, the
    strength of its score, the share of words no topic knows, how much of its closest phrasing and
    of its title the question contains, how much of the question it explains, whether the views
    agree, whether the question names the subject strongly or only weakly, and whether it asks a
    kind of fact (how much, when, where, who) the topic's phrasings never ask."""
    ranked = result.ranked
    if not ranked:
        return (0.0, 0.0, 0.0, 0.0, float(result.unknown), 0.0, 0.0, 0.0, 0.0, *_anchoring(result), 0.0)
    best = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    margin = (best.score - runner_up) / best.score if best.score > 0 else 0.0
    strength = min(math.log1p(best.score) / math.log1p(10.0), 1.5)
    # Unknown words as a share of the question's information: a long question from a member has a
    # few words no topic knows (their university, their country); a question off the subject is
    # mostly made of them.
    unknown = result.unknown * result.rarest / result.information if result.information else 0.0
    return (
        best.coverage,
        best.answer_coverage,
        margin,
        strength,
        unknown,
        best.phrasing_coverage,
        best.title_coverage,
        min(best.coverage * result.information / result.rarest, 3.0) if result.rarest else 0.0,
        best.agreement,
        *_anchoring(result),
        result.intent_mismatch,
    )


def _anchoring(result: SearchResult) -> tuple[float, float]:
    """Whether the question names the subject strongly (OER, a licence), or only weakly ("open")."""
    return float(result.anchored >= 1.0), float(0 < result.anchored < 1.0)


def confidence(result: SearchResult) -> float:
    bias, *weights = WEIGHTS
    if not result.ranked or result.information == 0:  # nothing but function words
        return 0.0
    z = bias + sum(w * x for w, x in zip(weights, features(result), strict=True))
    return 1 / (1 + math.exp(-z))
