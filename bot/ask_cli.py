"""`oerbot ask`: answer questions from standard input, one per line, for scripts and evaluation.

    printf 'What is CC BY?\\nQuel temps fait-il ?\\n' | oerbot ask --json

With --json each question gives one JSON object on its own line:
{"topic": <id or null>, "confidence": <0..1>, "lang": <answer language>, "answer": <text>,
"alternatives": [<ids>]}. `topic` is null when the bot abstains; for a "did you mean" it is the most
likely topic, with a confidence below the answer threshold. Without --lang each question's language
is detected. Standard output carries only the answers; logs and warnings go to standard error.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Annotated, TextIO

import typer

from bot.cli_support import fail, load_settings
from bot.core.i18n import SUPPORTED_LANGUAGES, Catalogs, MissingCatalogError
from handlers.faq.chat import render
from handlers.faq.engine import AnsweringEngine
from handlers.faq.knowledge import KnowledgeBaseError, load_knowledge_base

log = logging.getLogger("oerbot.ask")


def ask(
    lang: Annotated[
        str | None, typer.Option(help="Read and answer every question in this language (en, fr, ...).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Answer questions read from standard input, one per line (empty lines are skipped)."""
    settings = load_settings()
    if lang is not None and lang not in SUPPORTED_LANGUAGES:
        fail(f"unknown language {lang!r}; use one of {', '.join(SUPPORTED_LANGUAGES)}", code=2)
    try:
        kb = load_knowledge_base(settings.locales_dir, require_all_languages=False)
    except KnowledgeBaseError as error:
        fail(str(error))
    if lang is not None and lang not in kb.languages:
        fail(f"the knowledge base has no {lang} content yet ({settings.locales_dir}/{lang}/faq.yaml)")
    try:
        catalogs = Catalogs.load(settings.locales_dir)
    except MissingCatalogError as error:
        log.warning("%s; answering with English labels", error)
        catalogs = Catalogs.untranslated()
    answer_lines(AnsweringEngine(kb), catalogs, sys.stdin, sys.stdout, language=lang, as_json=as_json)


def answer_lines(
    engine: AnsweringEngine,
    catalogs: Catalogs,
    lines: TextIO,
    out: TextIO,
    *,
    language: str | None = None,
    as_json: bool = False,
) -> int:
    """Answer each non-empty line of `lines` on `out`; returns how many questions were answered."""
    count = 0
    for raw in lines:
        question = raw.strip()
        if not question:
            continue
        answer = engine.ask(question, language=language)
        translator = catalogs.translator(answer.lang)
        text = render(answer, engine.kb, translator, member_language=answer.lang).text
        if as_json:
            record = {
                "topic": answer.topic,
                "confidence": answer.confidence,
                "lang": answer.lang,
                "answer": text,
                "alternatives": list(answer.alternatives),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write(f"{text}\n\n")
        out.flush()
        count += 1
    return count


def main() -> None:
    """`python -m bot.ask_cli` runs the command on its own (`oerbot ask` once registered in bot.cli)."""
    typer.run(ask)


if __name__ == "__main__":
    main()
