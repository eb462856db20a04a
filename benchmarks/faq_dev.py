"""The engine on the development sets, per language, as `make eval` scores the evaluation set.

    .venv/bin/python benchmarks/faq_dev.py [--errors]

Three parts, each scored like faq_eval.py (the engine detects the language itself; "did you mean"
counts with its first topic; out of scope is right only when the engine abstains):
- dev: tests/data/faq_dev.yaml (tuned on);
- dev2 tuning: tests/data/faq_dev2.yaml without its held-out questions (tuned on);
- dev2 held out: one question of faq_dev2.yaml in four (by a checksum of its text), never tuned
  on: the honest estimate.
`--errors` lists the mistakes of the tuning parts only; the held-out part is scored only with
`--held-out`, and only ever counted.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from faq_common import DEV, Question, is_right, load_kb, load_questions, say, split_dev2

from bot.core.i18n import SUPPORTED_LANGUAGES
from handlers.faq.engine import AnsweringEngine


def score(engine: AnsweringEngine, name: str, questions: list[Question], errors: bool) -> None:
    right: dict[str, list[bool]] = defaultdict(list)
    for question in questions:
        answer = engine.ask(question.text)
        ok = is_right(question, answer)
        right["out" if question.topic is None else question.lang].append(ok)
        if errors and not ok:
            say(
                f"  [{question.lang}] {question.text!r}: want {question.topic}, got {answer.kind} "
                f"{answer.topic} ({answer.confidence}, read as {answer.lang})"
            )
    cells = []
    for key in (*SUPPORTED_LANGUAGES, "out"):
        values = right.get(key, [])
        cells.append(f"{key} {sum(values) / len(values):.3f}/{len(values)}" if values else f"{key} -")
    inside = [ok for key, values in right.items() if key != "out" for ok in values]
    overall = sum(inside) / len(inside) if inside else 0.0
    say(f"{name:<14} " + "  ".join(cells) + f"  | in-scope {overall:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the tuning parts' mistakes")
    parser.add_argument("--held-out", action="store_true", help="also score the held-out part")
    args = parser.parse_args()
    engine = AnsweringEngine(load_kb())
    tuning, held_out = split_dev2()
    score(engine, "dev", load_questions(DEV), args.errors)
    if tuning:
        score(engine, "dev2 tuning", tuning, args.errors)
        if args.held_out:  # looked at rarely, so that nothing is tuned on it even by accident
            score(engine, "dev2 held out", held_out, errors=False)
    else:
        say("dev2: tests/data/faq_dev2.yaml is not there yet")


if __name__ == "__main__":
    main()
