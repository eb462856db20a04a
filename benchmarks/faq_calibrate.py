"""Fit the engine's confidence on the development sets' tuning part, never the eval set.

    .venv/bin/python benchmarks/faq_calibrate.py [--show-errors]

The tuning part is tests/data/faq_dev.yaml and tests/data/faq_dev2.yaml without its held-out
questions (one in four: see faq_common.split_dev2 and faq_dev.py). Each question, read as the chat
reads it (the engine detects the language), gives the engine's features for its best topic and a
label: 1 when that topic is the right one, 0 when it is wrong or the question is out of scope. A
logistic regression (L2, plain gradient descent) on those labels gives the weights to paste into
handlers/faq/engine.py (WEIGHTS): the confidence is then an estimate of the chance that the answer
is right. The script also prints the results with the engine's current weights and thresholds.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter

from faq_common import load_kb, say, tuning_questions

from handlers.faq.engine import AnsweringEngine, features

OUT_OF_SCOPE_WEIGHT = 4.0


def fit(rows: list[tuple[list[float], int, float]], l2: float = 0.01, steps: int = 20_000) -> list[float]:
    """Weighted logistic regression: out-of-scope rows weigh OUT_OF_SCOPE_WEIGHT times more, since
    the dev set (like real traffic, hopefully) has fewer of them than the cost of a wrong answer."""
    import numpy as np

    x = np.array([[1.0, *features] for features, _, _ in rows])
    y = np.array([label for _, label, _ in rows], dtype=float)
    sample = np.array([weight for _, _, weight in rows])
    sample = sample / sample.mean()
    weights = np.zeros(x.shape[1])
    rate = 0.5
    for _ in range(steps):
        predictions = 1 / (1 + np.exp(-x @ weights))
        gradient = x.T @ (sample * (predictions - y)) / len(y) + l2 * np.r_[0, weights[1:]]
        weights -= rate * gradient
    return [round(float(w), 2) for w in weights]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    kb = load_kb()
    engine = AnsweringEngine(kb)
    questions = [q for q in tuning_questions() if q.lang in kb.languages]
    rows: list[tuple[list[float], int, float]] = []
    outcome: Counter[str] = Counter()
    for question in questions:
        reading = engine.read(question.text)
        answer = engine.ask(question.text)
        best = kb.topics[reading.result.ranked[0].topic].id if reading and reading.result.ranked else None
        if reading is not None and reading.result.ranked:
            right = question.topic is not None and best == question.topic
            weight = 1.0 if question.topic else OUT_OF_SCOPE_WEIGHT
            rows.append(([*features(reading.result)], int(right), weight))
        scope = "in" if question.topic else "out"
        ok = answer.topic == question.topic if question.topic else answer.kind == "abstain"
        outcome[f"{scope}:{'ok' if ok else 'wrong'}"] += 1
        outcome[f"{scope}:{answer.kind}"] += 1
        if args.show_errors and not ok:
            shown = ", ".join(f"{x:.2f}" for x in features(reading.result)) if reading else "-"
            say(
                f"[{question.lang}] {question.text!r}: want {question.topic}, got {answer.kind} "
                f"{answer.topic} (best {best}) conf={answer.confidence} f=({shown})"
            )
    say("dev outcome:", dict(sorted(outcome.items())))
    inside = outcome["in:ok"] + outcome["in:wrong"]
    outside = outcome["out:ok"] + outcome["out:wrong"]
    accuracy, abstention = outcome["in:ok"] / max(1, inside), outcome["out:ok"] / max(1, outside)
    say(f"top-1 in scope {accuracy:.3f}, abstention {abstention:.3f}")
    weights = fit(rows)
    say("fitted WEIGHTS (bias, then one per feature of engine.features):", tuple(weights))
    positives = sum(label for _, label, _ in rows)
    say(f"{len(rows)} rows, {positives} right top-1")
    loss = 0.0
    for feats, label, _ in rows:
        z = weights[0] + sum(w * f for w, f in zip(weights[1:], feats, strict=True))
        p = min(max(1 / (1 + math.exp(-z)), 1e-9), 1 - 1e-9)
        loss -= math.log(p if label else 1 - p)
    say(f"log-loss per row with the fitted weights: {loss / max(1, len(rows)):.3f}")


if __name__ == "__main__":
    main()
