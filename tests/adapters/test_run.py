"""`oerbot run` as an operator starts it: one process with the Telegram adapter, the scheduler and the
HTTP server, answering members and stopping cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import aiohttp

from tests.adapters.fake_telegram import FakeBotApi, command, eventually

ROOT = Path(__file__).resolve().parents[2]
OERBOT = Path(sys.executable).with_name("oerbot")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_oerbot_run_serves_telegram_health_and_metrics_then_stops_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    async with FakeBotApi() as fake:
        environment = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(tmp_path),
            "NO_PROXY": "127.0.0.1,localhost",
            "OERBOT_LOCALES_DIR": str(ROOT / "locales"),
            "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'oerbot.db'}",
            "TELEGRAM_BOT_TOKEN": fake.token,
            "TELEGRAM_API_URL": fake.api_url,
            "OERBOT_HTTP_PORT": str(port),
            "OERBOT_LOG_LEVEL": "INFO",
        }
        process = await asyncio.create_subprocess_exec(
            str(OERBOT),
            "run",
            cwd=tmp_path,
            env=environment,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            await eventually(lambda: fake.calls_to("getUpdates"), timeout=60)
            fake.push_update(command("help", user_id=777))
            (reply,) = await eventually(lambda: fake.messages(777), timeout=30)
            assert "/mydata" in reply.visible_text
            async with aiohttp.ClientSession() as client:
                async with client.get(f"http://127.0.0.1:{port}/healthz") as health:
                    assert health.status == 200
                async with client.get(f"http://127.0.0.1:{port}/metrics") as metrics:
                    assert (
                        'oerbot_messages_total{kind="text",platform="telegram"} 1.0' in await metrics.text()
                    )
            process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    assert process.returncode == 0, stderr.decode()
    assert b"Traceback" not in stderr
    assert b"stopped" in stderr
    assert fake.token.encode() not in stderr  # the token never reaches the logs
