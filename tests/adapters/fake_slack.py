"""A fake Slack on 127.0.0.1: the Web API the adapter uses, response_urls, file uploads and Socket Mode.

It behaves like Slack where the adapter could tell the difference: Bearer-token auth, users.info as a
GET with a query string, JSON bodies for chat.* and views.*, form bodies otherwise, API errors as HTTP
200 {"ok": false, "error": ...}, rate limits as 429 with Retry-After. It enforces Block Kit's limits and
records every violation, so a rendering bug fails loudly. Failures are scripted per method.

Also here: payload builders for what Slack sends the bot, request signing as Slack does it, the
`SlackHarness` that runs the real adapter against this fake, and `eventually` to wait without sleeping.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer
from slack_sdk.signature import SignatureVerifier

from bot.adapters.http import HttpServer
from bot.adapters.slack import SlackAdapter
from bot.bootstrap import App
from bot.core.i18n import Catalogs
from bot.core.messages import IncomingMessage, Reply, Role
from bot.core.ports import Clock, Dispatch, IdentityRegistry
from handlers.members import SqlIdentityRegistry
from tests.adapters.fake_slack_modals import modal_problems, view_submission

BOT_TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-test-token"
SIGNING_SECRET = "test-signing-secret"
BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T0OER"
JSON_METHODS = ("chat.", "views.")


@dataclass
class Call:
    """One request the fake received: Web API method (or "response_url", "upload"), its parameters."""

    method: str
    params: dict[str, Any]
    at: float
    http_method: str = "POST"
    content_type: str = ""


@dataclass
class Failure:
    method: str
    error: str | None = None
    status: int = 200
    retry_after: int | None = None
    delay: float = 0.0
    times: int = 1
    when: Callable[[dict[str, Any]], bool] | None = None


@dataclass
class FakeSlack:
    locales: dict[str, str] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    uploads: dict[str, bytes] = field(default_factory=dict)
    socket_acks: list[dict[str, Any]] = field(default_factory=list)
    _failures: list[Failure] = field(default_factory=list)
    _server: TestServer | None = None
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _used_triggers: set[str] = field(default_factory=set)

    # -- lifecycle --------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/respond/{key}", self._respond)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/link", self._link)
        self._server = TestServer(app, host="127.0.0.1", port=0)
        await self._server.start_server(access_log=None)  # its request lines would contain user ids

    async def close(self) -> None:
        for socket in self._sockets:
            await socket.close()
        if self._server is not None:
            await self._server.close()

    def url(self, path: str) -> str:
        assert self._server is not None
        return str(self._server.make_url(path))

    @property
    def api_url(self) -> str:
        return self.url("/api/")

    def response_url(self, key: str) -> str:
        return self.url(f"/respond/{key}")

    # -- scripting and reading --------------------------------------------------------------------

    def fail(self, method: str, **how: Any) -> None:
        """The next `times` calls of `method` (matching `when`) fail as described."""
        self._failures.append(Failure(method, **how))

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def sent(self) -> list[Call]:
        """Everything the bot said: messages, ephemeral messages and response_url answers."""
        kinds = ("chat.postMessage", "chat.postEphemeral", "response_url")
        return [call for call in self.calls if call.method in kinds]

    def texts(self) -> list[str]:
        """The mrkdwn of every section the bot sent, in order."""
        return [
            block["text"]["text"]
            for call in self.sent()
            for block in call.params.get("blocks") or []
            if block["type"] == "section"
        ]

    async def push_envelope(self, kind: str, payload: dict[str, Any], envelope_id: str) -> None:
        """Socket Mode: deliver an envelope to every connected client."""
        message = {"envelope_id": envelope_id, "type": kind, "payload": payload}
        message["accepts_response_payload"] = kind != "events_api"
        for socket in self._sockets:
            await socket.send_json(message)

    # -- the Web API ------------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params = await _params(request)
        self.calls.append(Call(method, params, time.monotonic(), request.method, request.content_type))
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        expected = APP_TOKEN if method == "apps.connections.open" else BOT_TOKEN
        if token != expected:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        scripted = await self._scripted(method, params)
        if scripted is not None:
            return scripted
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        if handler is None:
            return web.json_response({"ok": False, "error": "unknown_method"}, status=404)
        if method.startswith(JSON_METHODS) and request.content_type != "application/json":
            return self._violation(f"{method} was not sent as JSON")
        result: dict[str, Any] = await handler(params, request)
        return web.json_response(result)

    async def _scripted(self, method: str, params: dict[str, Any]) -> web.StreamResponse | None:
        for failure in self._failures:
            if failure.method != method or failure.times <= 0:
                continue
            if failure.when is not None and not failure.when(params):
                continue
            failure.times -= 1
            if failure.delay:
                await asyncio.sleep(failure.delay)  # the fake is slow, to provoke the client's timeout
            if failure.status == 429:
                headers = {"Retry-After": str(failure.retry_after or 1)}
                return web.json_response({"ok": False, "error": "ratelimited"}, status=429, headers=headers)
            if failure.status >= 500:
                return web.Response(status=failure.status, text="<html>upstream trouble</html>")
            if failure.status != 200:
                return web.Response(status=failure.status, text=failure.error or "refused")
            if failure.error:
                return web.json_response({"ok": False, "error": failure.error})
        return None

    def _violation(self, what: str) -> web.Response:
        self.violations.append(what)
        return web.json_response({"ok": False, "error": "invalid_blocks"})

    async def _auth_test(self, _params: dict[str, Any], _request: web.Request) -> dict[str, Any]:
        return {"ok": True, "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "team": "OER DC"}

    async def _users_info(self, params: dict[str, Any], request: web.Request) -> dict[str, Any]:
        if request.method != "GET":
            self.violations.append("users.info must be a GET with a query string")
        user = {"id": params["user"], "name": params["user"].lower(), "tz": "Europe/Paris"}
        if params.get("include_locale") in ("1", "true"):
            user["locale"] = self.locales.get(params["user"], "en-US")
        return {"ok": True, "user": user}

    async def _chat_postMessage(self, params: dict[str, Any], _request: web.Request) -> dict[str, Any]:
        problems = _message_problems(params, MESSAGE_BLOCKS)
        if problems:
            return self._problems(problems)
        return {"ok": True, "channel": params["channel"], "ts": f"1700000000.{next(self._ts):06d}"}

    async def _chat_postEphemeral(self, params: dict[str, Any], _request: web.Request) -> dict[str, Any]:
        problems = _message_problems(params, MESSAGE_BLOCKS) + ([] if params.get("user") else ["no user"])
        if problems:
            return self._problems(problems)
        return {"ok": True, "message_ts": f"1700000000.{next(self._ts):06d}"}

    async def _views_publish(self, params: dict[str, Any], _request: web.Request) -> dict[str, Any]:
        view = params.get("view") or {}
        problems = [] if view.get("type") == "home" and params.get("user_id") else ["not a home view"]
        problems += _blocks_problems(view.get("blocks") or [], VIEW_BLOCKS)
        if problems:
            return self._problems(problems)
        return {"ok": True, "view": {"id": "V1", **view}}

    async def _views_open(self, params: dict[str, Any], _request: web.Request) -> dict[str, Any]:
        trigger = str(params.get("trigger_id") or "")
        view = params.get("view") or {}
        if not trigger or trigger in self._used_triggers:
            return {"ok": False, "error": "exchanged_trigger_id" if trigger else "invalid_trigger_id"}
        self._used_triggers.add(trigger)  # a trigger opens one view, once
        problems = modal_problems(view)
        if problems:
            return self._problems(problems)
        return {"ok": True, "view": {"id": f"V{next(self._ts)}", **view, "state": {"values": {}}}}

    async def _conversations_open(self, params: dict[str, Any], _request: web.Request) -> dict[str, Any]:
        return {"ok": True, "channel": {"id": "D" + str(params["users"]).removeprefix("U")}}

    async def _files_getUploadURLExternal(self, params: dict[str, Any], _r: web.Request) -> dict[str, Any]:
        file_id = f"F{next(self._ts)}"
        self.uploads[file_id] = b""
        self.calls[-1].params["file_id"] = file_id
        return {"ok": True, "upload_url": self.url(f"/upload/{file_id}"), "file_id": file_id}

    async def _files_completeUploadExternal(self, params: dict[str, Any], _r: web.Request) -> dict[str, Any]:
        files = json.loads(params["files"])
        if not params.get("channel_id") or any(not self.uploads.get(f["id"]) for f in files):
            return self._problems(["completeUploadExternal without a channel or an uploaded file"])
        shared = [
            {"id": f["id"], "title": f.get("title"), "permalink": f"https://oer.slack/files/{f['id']}"}
            for f in files
        ]
        return {"ok": True, "files": shared}

    async def _apps_connections_open(self, _params: dict[str, Any], _request: web.Request) -> dict[str, Any]:
        return {"ok": True, "url": self.url("/link").replace("http://", "ws://")}

    def _problems(self, problems: list[str]) -> dict[str, Any]:
        self.violations.extend(problems)
        return {"ok": False, "error": "invalid_blocks"}

    # -- beyond the Web API -----------------------------------------------------------------------

    async def _respond(self, request: web.Request) -> web.StreamResponse:
        params = await request.json()
        params["key"] = request.match_info["key"]
        self.calls.append(Call("response_url", params, time.monotonic(), content_type=request.content_type))
        scripted = await self._scripted("response_url", params)
        if scripted is not None:
            return scripted
        problems = _message_problems(params, MESSAGE_BLOCKS)
        if problems:
            self.violations.extend(problems)
            return web.Response(status=400, text="invalid_blocks")
        return web.Response(text="ok")

    async def _upload(self, request: web.Request) -> web.StreamResponse:
        file_id = request.match_info["file_id"]
        data = await request.read()
        self.calls.append(Call("upload", {"file_id": file_id, "size": len(data)}, time.monotonic()))
        if file_id not in self.uploads:
            return web.Response(status=404, text="no such upload")
        self.uploads[file_id] = data
        return web.Response(text=f"OK - {len(data)}")

    async def _link(self, request: web.Request) -> web.StreamResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._sockets.append(socket)
        await socket.send_json({"type": "hello", "num_connections": 1})
        async for message in socket:
            if message.type.name == "TEXT":
                self.socket_acks.append(json.loads(message.data))
        return socket


async def _params(request: web.Request) -> dict[str, Any]:
    """Query string and body together, as Slack reads them (slack-sdk sends form methods' `params` in
    the query string even on POST)."""
    params: dict[str, Any] = dict(request.query)
    if request.method == "GET":
        return params
    if request.content_type == "application/json":
        body = await request.json()
        return {**params, **body} if isinstance(body, dict) else params
    return {**params, **dict(await request.post())}


# -- Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks) ---------------------------

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100


def _message_problems(params: dict[str, Any], max_blocks: int) -> list[str]:
    blocks = params.get("blocks")
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    text = params.get("text") or ""
    problems = [] if params.get("channel") or "key" in params else ["no channel"]
    if not text and not blocks:
        problems.append("neither text nor blocks")
    if len(text) > 40_000:
        problems.append(f"text of {len(text)} characters")
    return problems + _blocks_problems(blocks or [], max_blocks)


def _blocks_problems(blocks: list[dict[str, Any]], max_blocks: int) -> list[str]:
    problems = [f"{len(blocks)} blocks (at most {max_blocks})"] if len(blocks) > max_blocks else []
    action_ids: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "section":
            text = block["text"]["text"]
            if not 1 <= len(text) <= 3000:
                problems.append(f"section text of {len(text)} characters")
        elif kind == "header":
            if not 1 <= len(block["text"]["text"]) <= 150 or block["text"]["type"] != "plain_text":
                problems.append("bad header")
        elif kind == "actions":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= 25:
                problems.append(f"actions block with {len(elements)} elements")
            for element in elements:
                problems += _button_problems(element)
                action_ids.append(element.get("action_id", ""))
        elif kind == "context":
            if not 1 <= len(block.get("elements") or []) <= 10:
                problems.append("context block without 1-10 elements")
        elif kind != "divider":
            problems.append(f"unexpected block type {kind!r}")
    if len(set(action_ids)) != len(action_ids):
        problems.append("action_id used twice")
    return problems


def _button_problems(button: dict[str, Any]) -> list[str]:
    problems = []
    label = button.get("text", {}).get("text", "")
    if button.get("type") != "button" or button.get("text", {}).get("type") != "plain_text":
        problems.append("not a plain_text button")
    if not 1 <= len(label) <= 75:
        problems.append(f"button text of {len(label)} characters")
    if not 1 <= len(button.get("action_id", "")) <= 255:
        problems.append("action_id missing or longer than 255")
    if len(button.get("value", "")) > 2000:
        problems.append("button value longer than 2000")
    return problems


# -- what Slack sends the bot ------------------------------------------------------------------------

_event_ids = itertools.count(1)
_triggers = itertools.count(1)


def event_callback(event: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "api_app_id": "A0OER",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_event_ids):08d}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
    }


def dm_event(user: str, text: str, channel: str | None = None, **extra: Any) -> dict[str, Any]:
    ts = f"{time.time():.6f}"
    event = {"type": "message", "channel": channel or dm_of(user), "user": user, "text": text, "ts": ts}
    return {**event, "channel_type": "im", "event_ts": ts, **extra}


def mention_event(user: str, text: str, channel: str = "C0GENERAL", **extra: Any) -> dict[str, Any]:
    ts = f"{time.time():.6f}"
    return {"type": "app_mention", "channel": channel, "user": user, "text": text, "ts": ts, **extra}


def home_opened_event(user: str, tab: str = "home") -> dict[str, Any]:
    return {"type": "app_home_opened", "user": user, "channel": dm_of(user), "tab": tab}


def dm_of(user: str) -> str:
    """The DM channel the fake's conversations.open gives the bot with `user`."""
    return "D" + user.removeprefix("U")


def command_form(user: str, text: str, channel: str, response_url: str) -> dict[str, str]:
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "channel_id": channel,
        "channel_name": "directmessage" if channel.startswith("D") else "general",
        "user_id": user,
        "user_name": user.lower(),
        "command": "/oer",
        "text": text,
        "api_app_id": "A0OER",
        "response_url": response_url,
        "trigger_id": f"1337.{next(_triggers)}.command",
    }


def button_payload(
    user: str, block_or_call: dict[str, Any], payload: str, **container: Any
) -> dict[str, Any]:
    """A press of the button carrying `payload` in a message the fake recorded (or a home view)."""
    blocks = block_or_call.get("blocks") or block_or_call.get("view", {}).get("blocks") or []
    (button,) = [
        element
        for block in blocks
        if block["type"] == "actions"
        for element in block["elements"]
        if element["value"] == payload
    ]
    action = {**button, "block_id": "b1", "action_ts": f"{time.time():.6f}"}
    return {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
        "api_app_id": "A0OER",
        "token": "legacy-verification-token",
        "container": container,
        "trigger_id": f"1337.{next(_triggers)}.press",
        "team": {"id": TEAM_ID, "domain": "oer"},
        "actions": [action],
        **({"channel": {"id": container["channel_id"]}} if "channel_id" in container else {}),
    }


def signed(body: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    """The headers Slack adds: X-Slack-Request-Timestamp and the v0 HMAC-SHA256 signature."""
    ts = str(timestamp if timestamp is not None else int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}


def form(data: dict[str, str]) -> str:
    return urlencode(data)


async def eventually(predicate: Callable[[], bool], timeout: float = 5.0) -> None:  # noqa: ASYNC109
    """Poll `predicate` until it holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition still false after {timeout} s")
        await asyncio.sleep(0.01)


# -- the real adapter, served on the bot's own HTTP server, talking to the fake -----------------------


class SlackHarness:
    """The real SlackAdapter on a real HttpServer (port 0), pointed at a running FakeSlack."""

    def __init__(
        self,
        fake: FakeSlack,
        *,
        dispatch: Dispatch,
        identities: IdentityRegistry,
        catalogs: Catalogs,
        clock: Clock,
        commands: list[str] | None = None,
        socket_mode: bool = False,
        timeout: float = 2.0,
    ) -> None:
        self.fake = fake
        self.failures: list[str] = []
        self.adapter = SlackAdapter(
            bot_token=BOT_TOKEN,
            signing_secret=None if socket_mode else SIGNING_SECRET,
            app_token=APP_TOKEN if socket_mode else None,
            dispatch=dispatch,
            identities=identities,
            catalogs=catalogs,
            api_url=fake.api_url,
            on_delivery_failure=self.failures.append,
            commands=commands or (),
            clock=clock,
            timeout=timeout,
        )
        self.server = HttpServer(
            host="127.0.0.1",
            port=0,
            health=_healthy,
            metrics=lambda: b"",
            metrics_content_type="text/plain",
            routes=self.adapter.routes(),
        )
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> SlackHarness:
        await self.server.start()
        await self.adapter.start()
        self._session = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *_exc: object) -> None:
        if self._session is not None:
            await self._session.close()
        await self.adapter.stop()
        await self.server.stop()

    @property
    def events_url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}/slack/events"

    async def post(
        self,
        body: str,
        content_type: str = "application/json",
        *,
        headers: dict[str, str] | None = None,
        sign: bool = True,
        timestamp: int | None = None,
    ) -> Posted:
        assert self._session is not None
        all_headers = {"Content-Type": content_type, **(signed(body, timestamp=timestamp) if sign else {})}
        all_headers.update(headers or {})
        started = time.monotonic()
        async with self._session.post(self.events_url, data=body.encode(), headers=all_headers) as response:
            text = await response.text()
            return Posted(response.status, response.content_type, text, time.monotonic() - started)

    async def event(
        self, event: dict[str, Any], *, event_id: str | None = None, retry: int | None = None
    ) -> Posted:
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else {}
        return await self.post(json.dumps(event_callback(event, event_id)), headers=headers)

    async def command(self, user: str, text: str, channel: str, key: str = "cmd") -> Posted:
        body = form(command_form(user, text, channel, self.fake.response_url(key)))
        return await self.post(body, "application/x-www-form-urlencoded")

    async def press(self, user: str, message: dict[str, Any], payload: str, **container: Any) -> Posted:
        body = form({"payload": json.dumps(button_payload(user, message, payload, **container))})
        return await self.post(body, "application/x-www-form-urlencoded")

    async def submit(self, user: str, view: dict[str, Any], values: dict[str, str]) -> Posted:
        """Submit the modal `view` (as views.open received it) filled in with `values`."""
        body = form({"payload": json.dumps(view_submission(user, view, values))})
        return await self.post(body, "application/x-www-form-urlencoded")

    async def dm(self, user: str, text: str) -> Call:
        """Write to the bot in the DM and wait for its (first new) answer there."""
        before = len(self.fake.calls_to("chat.postMessage"))
        posted = await self.event(dm_event(user, text))
        assert posted.status == 200, posted
        await eventually(lambda: len(self.fake.calls_to("chat.postMessage")) > before)
        await self.adapter.drain()
        return self.fake.calls_to("chat.postMessage")[before]


@dataclass(frozen=True)
class Posted:
    status: int
    content_type: str
    text: str
    seconds: float


async def _healthy() -> bool:
    return True


@contextlib.asynccontextmanager
async def running_slack(
    app: App,
    clock: Clock,
    *,
    dispatch: Dispatch | None = None,
    received: list[IncomingMessage] | None = None,
    socket_mode: bool = False,
    api_timeout: float = 2.0,
) -> AsyncIterator[SlackHarness]:
    """A fake Slack and the real adapter on the real bot (or on `dispatch`), torn down in order; the fake
    must have seen no violation of Slack's limits. `received` collects what the core was given."""
    core = dispatch or app.router.dispatch

    async def recording(message: IncomingMessage) -> list[Reply]:
        if received is not None:
            received.append(message)
        return await core(message)

    crashes = _CrashWatch()
    logging.getLogger("oerbot.slack").addHandler(crashes)
    fake = FakeSlack()
    await fake.start()
    try:
        async with SlackHarness(
            fake,
            dispatch=recording,
            identities=SqlIdentityRegistry(app.uow),
            catalogs=app.catalogs,
            clock=clock,
            commands=[route.name for route in app.router.commands_for(Role.SECRETARIAT)],
            socket_mode=socket_mode,
            timeout=api_timeout,
        ) as harness:
            yield harness
    finally:
        await fake.close()
        logging.getLogger("oerbot.slack").removeHandler(crashes)
    assert fake.violations == []
    assert crashes.records == [], "a message's task failed unexpectedly (see the log)"


class _CrashWatch(logging.Handler):
    """Collects the adapter's "answering a message failed" errors: a bug, never an expected outcome."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if "answering a message failed" in record.getMessage():
            self.records.append(record.getMessage())
