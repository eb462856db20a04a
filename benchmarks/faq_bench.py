"""`make bench` (FAQ part): start-up time, per-question latency and memory of the answering engine.

    .venv/bin/python benchmarks/faq_bench.py [--questions 3000]

Measures, on this machine, as printed numbers (not timed tests):
- loading and validating the knowledge base, and building the index for every language it has
  (target: under 2 s together);
- latency per question over a few thousand questions: the knowledge base's own phrasings and the
  development set, with typos and word-order changes mixed in (target: p99 under 10 ms);
- resident memory of the whole process afterwards, and its peak (target: under 250 MB).
"""

from __future__ import annotations

import argparse
import gc
import random
import time

from faq_common import DEV, Stopwatch, current_rss_mb, load_kb, load_questions, peak_rss_mb, percentile, say

from handlers.faq.engine import AnsweringEngine

BUILD_TARGET_S = 2.0
P99_TARGET_MS = 10.0
RSS_TARGET_MB = 250.0


def questions(engine: AnsweringEngine, count: int, seed: int = 7) -> list[str]:
    """Real-looking questions: phrasings and dev questions, some with a typo or shuffled words."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    pool = [q.text for q in load_questions(DEV)]
    for topic in engine.kb.topics:
        for text in topic.texts.values():
            pool.extend(text.phrasings)
    chosen = []
    for _ in range(count):
        text = rng.choice(pool)
        roll = rng.random()
        if roll < 0.2 and len(text) > 4:
            position = rng.randrange(len(text) - 1)
            text = text[:position] + text[position + 1] + text[position] + text[position + 2 :]
        elif roll < 0.3:
            words = text.split()
            rng.shuffle(words)
            text = " ".join(words)
        chosen.append(text)
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=3000)
    args = parser.parse_args()
    before = current_rss_mb()
    with Stopwatch() as loading:
        kb = load_kb()
    with Stopwatch() as building:
        engine = AnsweringEngine(kb)
    startup = loading.seconds + building.seconds
    languages = ", ".join(kb.languages)
    say(f"knowledge base: {len(kb.topics)} topics in {len(kb.languages)} language(s): {languages}")
    say(f"load + validate      {loading.seconds * 1000:8.1f} ms")
    say(f"index build          {building.seconds * 1000:8.1f} ms")
    say(f"start-up total       {startup * 1000:8.1f} ms   (target < {BUILD_TARGET_S * 1000:.0f} ms)")

    batch = questions(engine, args.questions)
    for text in batch[:50]:  # warm the caches as the first minutes of traffic would
        engine.ask(text)
    gc.collect()
    latencies = []
    for text in batch:
        start = time.perf_counter()
        engine.ask(text)
        latencies.append((time.perf_counter() - start) * 1000)
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    say(f"questions            {len(batch):8d}")
    say(f"latency p50          {p50:8.3f} ms")
    say(f"latency p99          {p99:8.3f} ms   (target < {P99_TARGET_MS:.0f} ms)")
    say(f"latency max          {max(latencies):8.3f} ms")
    long_question = " ".join(batch[:400])[:20_000]
    with Stopwatch() as long_one:
        engine.ask(long_question)
    say(f"20,000-char question {long_one.seconds * 1000:8.3f} ms")
    rss, peak = current_rss_mb(), peak_rss_mb()
    say(f"resident memory      {rss:8.1f} MB   (engine: +{rss - before:.1f} MB; peak {peak:.1f} MB)")
    say(f"                              (target < {RSS_TARGET_MB:.0f} MB)")
    met = startup < BUILD_TARGET_S and p99 < P99_TARGET_MS and peak < RSS_TARGET_MB
    say("all bench targets met" if met else "BENCH TARGET MISSED")


if __name__ == "__main__":
    main()
