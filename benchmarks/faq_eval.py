"""`make eval`: the answering engine on the evaluation set, next to a plain BM25 baseline.

    .venv/bin/python benchmarks/faq_eval.py [--languages en,fr] [--errors]

The evaluation set (tests/data/faq_eval.yaml) was written apart from the knowledge base and from the
engine's development set; it is never used for tuning. For each question the engine detects the
language itself, as in the chat.

- In scope: right when the engine's topic is the expected one ("did you mean" counts with its first
  topic); an abstention is wrong. Target: top-1 accuracy >= 0.92 in every language.
- Out of scope: right when the engine abstains. Target: >= 0.95.
- Baseline: rank-bm25's BM25Okapi over the same phrasings and titles, all languages in one index,
  tokens = lowercase \\w+ runs (Han characters one by one), no stemming, no typo tolerance; it
  answers its best topic and abstains only when no word matches.
- Target: the engine clearly above the baseline (at least 5 points of accuracy overall).

Exits 1 when a target is missed, so `make eval` is honest; languages without content count as missed.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TypeVar

from faq_common import ROOT, Question, Stopwatch, is_right, load_kb, load_questions, percentile, say
from rank_bm25 import BM25Okapi

from bot.core.i18n import SUPPORTED_LANGUAGES
from handlers.faq.engine import Answer, AnsweringEngine
from handlers.faq.knowledge import KnowledgeBase

EVAL = ROOT / "tests" / "data" / "faq_eval.yaml"
ACCURACY_TARGET = 0.92
ABSTENTION_TARGET = 0.95
BASELINE_MARGIN = 0.05
_TOKEN = re.compile(r"[\u3400-\u9fff]|\w+")

T = TypeVar("T")
# Right or wrong per in-scope language, right or wrong out of scope, latencies in ms.
Scores = tuple[dict[str, list[bool]], list[bool], list[float]]


class Baseline:
    """Plain BM25 over phrasings: what one gets without analysis, calibration or abstention."""

    def __init__(self, kb: KnowledgeBase) -> None:
        documents: list[list[str]] = []
        self._topics: list[str] = []
        for topic in kb.topics:
            for text in topic.texts.values():
                for phrasing in (text.title, *text.phrasings):
                    documents.append(tokens(phrasing))
                    self._topics.append(topic.id)
        self._bm25 = BM25Okapi(documents)

    def predict(self, question: str) -> str | None:
        query = tokens(question)
        if not query:
            return None
        scores = self._bm25.get_scores(query)
        best = int(scores.argmax())
        return self._topics[best] if scores[best] > 0 else None


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def timed(predict: Callable[[str], T], questions: list[Question]) -> tuple[list[T], list[float]]:
    """What `predict` says to each question, and how long it took (ms)."""
    results: list[T] = []
    latencies: list[float] = []
    for question in questions:
        start = time.perf_counter()
        results.append(predict(question.text))
        latencies.append((time.perf_counter() - start) * 1000)
    return results, latencies


def tally(questions: list[Question], right: Iterable[bool], latencies: list[float]) -> Scores:
    per_language: dict[str, list[bool]] = defaultdict(list)
    out_of_scope: list[bool] = []
    for question, ok in zip(questions, right, strict=True):
        if question.topic is None:
            out_of_scope.append(ok)
        else:
            per_language[question.lang].append(ok)
    return per_language, out_of_scope, latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--languages", default=",".join(SUPPORTED_LANGUAGES), help="in-scope languages to score"
    )
    parser.add_argument("--errors", action="store_true", help="print every question the engine got wrong")
    args = parser.parse_args()
    chosen = [language.strip() for language in args.languages.split(",") if language.strip()]
    kb = load_kb()
    with Stopwatch() as build:
        engine = AnsweringEngine(kb)
    questions = [q for q in load_questions(EVAL) if q.topic is None or q.lang in chosen]
    languages = ", ".join(kb.languages)
    say(f"knowledge base: {len(kb.topics)} topics in {languages}; index built in {build.seconds:.2f} s")
    say(f"evaluation set: {EVAL.relative_to(ROOT)}, {len(questions)} questions ({','.join(chosen)})\n")

    answers, mine_ms = timed(engine.ask, questions)
    topics, base_ms = timed(Baseline(kb).predict, questions)
    mine = tally(questions, map(is_right, questions, answers), mine_ms)
    # The baseline abstains when it answers no topic: right out of scope, where none is expected.
    base = tally(questions, (topic == q.topic for q, topic in zip(questions, topics, strict=True)), base_ms)
    if args.errors:
        show_errors(questions, answers)
    return report(kb, chosen, mine, base, kinds(questions, answers))


def kinds(questions: list[Question], answers: list[Answer]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for question, answer in zip(questions, answers, strict=True):
        counts["out" if question.topic is None else question.lang][answer.kind] += 1
    return counts


def show_errors(questions: list[Question], answers: list[Answer]) -> None:
    for question, answer in zip(questions, answers, strict=True):
        if not is_right(question, answer):
            say(
                f"  [{question.lang}] {question.text!r}: expected {question.topic}, got {answer.kind} "
                f"{answer.topic} ({answer.confidence}, answered in {answer.lang})"
            )
    say()


def rate(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def report(
    kb: KnowledgeBase,
    chosen: list[str],
    mine: Scores,
    base: Scores,
    counts: dict[str, dict[str, int]],
) -> int:
    missed: list[str] = []
    say(f"{'':<22}{'n':>5}{'oerbot':>9}{'baseline':>10}   oerbot answer/did-you-mean/abstain")
    for language in chosen:
        results, baseline = mine[0].get(language, []), base[0].get(language, [])
        kind = counts.get(language, {})
        mix = f"{kind.get('answer', 0)}/{kind.get('ambiguous', 0)}/{kind.get('abstain', 0)}"
        content = "" if language in kb.languages else "  (no content yet)"
        figures = f"{len(results):>5}{rate(results):>9.3f}{rate(baseline):>10.3f}"
        say(f"top-1 accuracy {language:<7}{figures}   {mix}{content}")
        if rate(results) < ACCURACY_TARGET:
            missed.append(f"top-1 accuracy in {language} is {rate(results):.3f} < {ACCURACY_TARGET}")
    everything = [r for language in chosen for r in mine[0].get(language, [])]
    everything_base = [r for language in chosen for r in base[0].get(language, [])]
    figures = f"{len(everything):>5}{rate(everything):>9.3f}{rate(everything_base):>10.3f}"
    say(f"{'top-1 accuracy, all':<22}{figures}")
    kind = counts.get("out", {})
    mix = f"{kind.get('answer', 0)}/{kind.get('ambiguous', 0)}/{kind.get('abstain', 0)}"
    say(f"{'out-of-scope abstain':<22}{len(mine[1]):>5}{rate(mine[1]):>9.3f}{rate(base[1]):>10.3f}   {mix}")
    ours = f"{percentile(mine[2], 0.5):.2f}/{percentile(mine[2], 0.99):.2f}"
    theirs = f"{percentile(base[2], 0.5):.2f}/{percentile(base[2], 0.99):.2f}"
    say(f"{'latency p50/p99 ms':<22}{'':>5}{ours:>12}{theirs:>12}")
    if rate(mine[1]) < ABSTENTION_TARGET:
        missed.append(f"out-of-scope abstention is {rate(mine[1]):.3f} < {ABSTENTION_TARGET}")
    if rate(everything) < rate(everything_base) + BASELINE_MARGIN:
        missed.append("top-1 accuracy is not clearly above the baseline")
    say()
    for problem in missed:
        say(f"MISSED: {problem}")
    say("all targets met" if not missed else f"{len(missed)} target(s) missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
