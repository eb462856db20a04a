"""Shared by the FAQ benchmarks: loading the knowledge base and question sets, timing, memory."""

from __future__ import annotations

import logging
import os
import resource
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handlers.faq.knowledge import KnowledgeBase, load_knowledge_base  # noqa: E402

if TYPE_CHECKING:
    from handlers.faq.engine import Answer

LOCALES = Path(os.environ.get("FAQ_LOCALES", ROOT / "locales"))  # another copy: FAQ_LOCALES=dir
DEV = ROOT / "tests" / "data" / "faq_dev.yaml"
DEV2 = ROOT / "tests" / "data" / "faq_dev2.yaml"
HOLDOUT_EVERY = 4  # one question of faq_dev2.yaml in four is held out: never tuned on


@dataclass(frozen=True)
class Question:
    text: str
    lang: str
    topic: str | None  # None: out of scope


def load_kb() -> KnowledgeBase:
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    return load_knowledge_base(LOCALES, require_all_languages=False)


def load_questions(path: Path) -> list[Question]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = [Question(str(item["q"]), item["lang"], item["topic"]) for item in data.get("in_scope") or []]
    questions += [Question(str(item["q"]), item["lang"], None) for item in data.get("out_of_scope") or []]
    return questions


def is_right(question: Question, answer: Answer) -> bool:
    """The engine's answer is right: its topic is the expected one ("did you mean" counts with its
    first topic), or, for a question out of scope, it abstains."""
    return answer.kind == "abstain" if question.topic is None else answer.topic == question.topic


def split_dev2() -> tuple[list[Question], list[Question]]:
    """faq_dev2.yaml as (tuning part, held-out part). A question is held out when a checksum of its
    text falls in one bucket of HOLDOUT_EVERY: about one in four, spread over languages and topics,
    and the same one however the file is reordered or extended."""
    if not DEV2.exists():
        return [], []
    tuning: list[Question] = []
    held_out: list[Question] = []
    for question in load_questions(DEV2):
        bucket = zlib.crc32(question.text.encode("utf-8")) % HOLDOUT_EVERY
        (held_out if bucket == 0 else tuning).append(question)
    return tuning, held_out


def tuning_questions() -> list[Question]:
    """What the engine may be tuned and calibrated on: faq_dev.yaml and the tuning part of dev2."""
    return load_questions(DEV) + split_dev2()[0]


def say(*parts: object) -> None:
    """Benchmark output goes to standard output; logs go to standard error."""
    print(*parts, flush=True)  # noqa: T201


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    position = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[position]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return peak_rss_mb()


class Stopwatch:
    def __enter__(self) -> Stopwatch:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *_: object) -> None:
        self.seconds = time.perf_counter() - self.start
