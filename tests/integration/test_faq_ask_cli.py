"""`oerbot ask`: questions on standard input, answers (only) on standard output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from bot.ask_cli import ask

ROOT = Path(__file__).resolve().parents[2]
KEYS = ["topic", "confidence", "lang", "answer", "alternatives"]
Invoke = Callable[..., tuple[int, list[str]]]


@pytest.fixture
def run(tmp_path: Path) -> Invoke:
    app = typer.Typer()
    app.command()(ask)
    runner = CliRunner()
    env = {
        "OERBOT_LOCALES_DIR": str(ROOT / "locales"),
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/x.db",
    }

    def invoke(*args: str, lines: str) -> tuple[int, list[str]]:
        result = runner.invoke(app, list(args), input=lines, env=env)
        return result.exit_code, result.stdout.splitlines()

    return invoke


def test_each_question_gets_one_json_line(run: Invoke) -> None:
    code, lines = run("--json", lines="What does CC BY-SA allow?\n\n   \nWhat's the weather in Oslo?\n")
    assert code == 0
    first, second = (json.loads(line) for line in lines)
    assert list(first) == KEYS and list(second) == KEYS
    assert (first["topic"], first["lang"]) == ("cc-by-sa", "en")
    assert 0.5 <= first["confidence"] <= 1 and first["answer"].startswith("CC BY-SA")
    assert isinstance(first["alternatives"], list)
    assert (second["topic"], second["alternatives"]) == (None, [])
    assert "rather not guess" in second["answer"]


def test_a_forced_language_is_reported_as_the_answers_language(run: Invoke) -> None:
    code, lines = run("--json", "--lang", "en", lines="CC0\n")
    assert code == 0 and json.loads(lines[0])["lang"] == "en"


def test_an_unknown_language_is_refused(run: Invoke) -> None:
    code, lines = run("--lang", "xx", lines="CC0\n")
    assert code == 2 and lines == []


def test_without_json_the_answer_text_is_printed(run: Invoke) -> None:
    code, lines = run(lines="What is CC0?\n")
    assert code == 0 and "Sources:" in lines


def test_bad_lines_each_get_an_answer(run: Invoke) -> None:
    questions = ["x" * 20_000, "😀😀😀", "مرحبا CC BY-SA", "Что такое OER? 什么是OER?", "오픈 교육 자료"]
    code, lines = run("--json", lines="\n".join(questions) + "\n")
    assert code == 0
    assert len(lines) == len(questions)
    assert all(list(json.loads(line)) == KEYS for line in lines)


def test_the_real_command_prints_only_json_lines_on_standard_output(tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "OERBOT_LOCALES_DIR": str(ROOT / "locales"),
        "OERBOT_LOG_LEVEL": "INFO",
    }
    questions = "What is CC BY?\nQuelle est la météo demain ?\n\nHow do I attribute a photo?\n"
    result = subprocess.run(
        [sys.executable, "-m", "bot.ask_cli", "--json"],
        input=questions,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [record["topic"] for record in records] == ["cc-by", None, "attribution"]
    assert "Traceback" not in result.stderr
