"""The import rules of the design are enforced, and only the configuration reads the environment."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_import_contracts_hold() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_only_the_configuration_reads_the_environment() -> None:
    reads_environment = re.compile(r"os\.environ|os\.getenv|getenv\(")
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("bot", "handlers", "storage")
        for path in (ROOT / package).rglob("*.py")
        if path.name != "config.py" and reads_environment.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_importing_the_bot_opens_no_database_and_reads_no_settings(tmp_path: Path) -> None:
    probe = (
        "import bot.cli, bot.bootstrap, handlers, storage.unit_of_work, storage.migrate;"
        "import pathlib; print(sorted(p.name for p in pathlib.Path('.').iterdir()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={"DATABASE_URL": "postgresql+asyncpg://nobody@127.0.0.1:1/none", "PATH": ""},
    )
    assert result.stdout.strip() == "[]"
