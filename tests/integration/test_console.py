"""The console chat (`oerbot chat`), scripted through a pipe as a person at a terminal would use it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.core.i18n import Catalogs

ROOT = Path(__file__).resolve().parents[2]
OERBOT = Path(sys.executable).with_name("oerbot")


def oerbot(*args: str, script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(cwd),
        "OERBOT_LOCALES_DIR": str(ROOT / "locales"),
        **env,
    }
    return subprocess.run(
        [str(OERBOT), *args],
        input=script,
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_scripted_example_prints_the_french_help(tmp_path: Path, catalogs: Catalogs) -> None:
    result = oerbot("chat", "--user", "alice", script="/start\n/language fr\n/help\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    french = catalogs.translator("fr")
    assert french.gettext("what I can do") in result.stdout
    assert f"/help — {french.gettext('what I can do')}" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert (tmp_path / "oerbot.db").exists()  # the embedded database was created and migrated


def test_typing_a_number_presses_that_button(tmp_path: Path) -> None:
    result = oerbot("chat", "--user", "bob", script="/start\n1\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "  [1] " in result.stdout
    assert "Which language should I use?" in result.stdout


def test_the_console_keeps_going_after_bad_input(tmp_path: Path) -> None:
    script = "\n".join(["", "/nosuchcommand", "x" * 20_000, "\u200b\u200b", "مرحبا CC BY-SA", "/help", ""])
    result = oerbot("chat", "--user", "carol", script=script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "I don't know the command /nosuchcommand" in result.stdout
    assert "20,000" in result.stdout
    assert "empty message" in result.stdout
    assert result.stdout.count("/mydata") >= 1  # /help at the end still answered


def test_mydata_saves_the_export_file_next_to_the_chat(tmp_path: Path) -> None:
    result = oerbot("chat", "--user", "dan", script="/start\n1\n/mydata\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "oerbot-my-data.json").is_file()


def test_run_without_any_token_explains_how_to_configure_one(tmp_path: Path) -> None:
    result = oerbot("run", script="", cwd=tmp_path)
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr and "oerbot chat" in result.stderr


def test_an_unreachable_postgresql_is_reported_without_a_traceback(tmp_path: Path) -> None:
    result = oerbot(
        "chat", script="/help\n", cwd=tmp_path, DATABASE_URL="postgresql+asyncpg://nobody:x@127.0.0.1:9/none"
    )
    assert result.returncode == 1
    assert "oerbot:" in result.stderr and "Traceback" not in result.stderr


def test_health_and_db_commands(tmp_path: Path) -> None:
    assert oerbot("health", script="", cwd=tmp_path).returncode == 1  # no database yet
    upgraded = oerbot("db", "upgrade", script="", cwd=tmp_path)
    assert upgraded.returncode == 0, upgraded.stderr
    healthy = oerbot("health", script="", cwd=tmp_path)
    assert healthy.returncode == 0 and healthy.stdout.strip() == "ok"


def test_admin_grant_from_the_command_line_is_audited(tmp_path: Path) -> None:
    assert oerbot("db", "upgrade", script="", cwd=tmp_path).returncode == 0
    granted = oerbot("admin", "grant", "secretariat", "telegram:4242", script="", cwd=tmp_path)
    assert granted.returncode == 0, granted.stderr
    listing = oerbot("admin", "list", script="", cwd=tmp_path)
    assert "secretariat" in listing.stdout and "telegram:4242" in listing.stdout
    audit = oerbot("audit", script="", cwd=tmp_path)
    assert "command line" in audit.stdout and "role=secretariat" in audit.stdout
    bad = oerbot("admin", "grant", "secretariat", "fax:1", script="", cwd=tmp_path)
    assert bad.returncode == 2 and "unknown platform" in bad.stderr
