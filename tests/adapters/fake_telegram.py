"""A fake Telegram Bot API on 127.0.0.1, update builders, and helpers to drive the real adapter.

The fake speaks the wire format python-telegram-bot uses (form or multipart POSTs, non-string fields
JSON-encoded), enforces the limits that matter (4096 characters after entity parsing, 64-byte
callback data, well-formed HTML), records every call with its arrival time, and can be scripted to
fail: fail_next (any status, with retry_after), block_user (403), delay (timeouts).
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.adapters.telegram import TelegramAdapter
from bot.bootstrap import App
from bot.core.menu import CommandMenus, command_menus
from bot.core.messages import IncomingMessage, Reply
from bot.core.ports import Dispatch, IdentityRegistry
from handlers.members import SqlIdentityRegistry

T = TypeVar("T")

TOKEN = "123456:TEST-fake-token"
BOT_ID = 123456
BOT_USERNAME = "oer_test_bot"
_TEXT_FIELDS = frozenset(
    {"text", "caption", "parse_mode", "callback_query_id", "language_code", "url", "secret_token", "name"}
)
_TAG = re.compile(
    r"<(/?)(b|strong|i|em|u|ins|s|strike|del|a|code|pre|tg-spoiler|span|blockquote|tg-emoji)(\s[^<>]*)?>"
)
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() on arrival
    status: int = 0  # the HTTP status answered; 0 while the call is held

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def visible_text(self) -> str:
        """The text as a person would read it: HTML parsed when parse_mode is HTML."""
        text = str(self.params.get("text", ""))
        return parse_html(text) if self.params.get("parse_mode") == "HTML" else text

    @property
    def buttons(self) -> list[list[dict[str, Any]]]:
        markup = self.params.get("reply_markup") or {}
        return list(markup.get("inline_keyboard", []))


@dataclass
class _Failure:
    status: int
    description: str
    retry_after: float | None
    chat_id: int | None

    def applies_to(self, params: dict[str, Any]) -> bool:
        return self.chat_id is None or params.get("chat_id") == self.chat_id


@dataclass
class FakeBotApi:
    token: str = TOKEN
    username: str = BOT_USERNAME
    calls: list[Call] = field(default_factory=list)
    blocked: set[int] = field(default_factory=set)
    webhook: dict[str, Any] = field(default_factory=dict)
    last_offset: int | None = None

    def __post_init__(self) -> None:
        self._pending: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1000)
        self._message_ids = itertools.count(1)
        self._failures: dict[str, deque[_Failure]] = defaultdict(deque)
        self._delays: dict[str, float] = {}
        self._arrival = asyncio.Event()
        self._closing = asyncio.Event()
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._server = TestServer(app, host="127.0.0.1", port=0)

    # -- lifecycle ----------------------------------------------------------------------------

    async def __aenter__(self) -> FakeBotApi:
        await self._server.start_server()
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._closing.set()  # releases held long polls and delayed answers
        self._arrival.set()
        await self._server.close()

    @property
    def api_url(self) -> str:
        return str(self._server.make_url("/bot"))

    # -- the script -----------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int,
        *,
        retry_after: float | None = None,
        description: str | None = None,
        chat_id: int | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next `times` calls of `method` (to `chat_id` only, if given) with this error."""
        default = {429: f"Too Many Requests: retry after {retry_after}", 400: "Bad Request"}
        text = description or default.get(status, "Internal Server Error" if status >= 500 else "Error")
        for _ in range(times):
            self._failures[method].append(_Failure(status, text, retry_after, chat_id))

    def block_user(self, chat_id: int) -> None:
        self.blocked.add(chat_id)

    def unblock_user(self, chat_id: int) -> None:
        self.blocked.discard(chat_id)

    def delay(self, seconds: float, method: str = "sendMessage") -> None:
        """Hold every call of `method` this long before answering (0 to stop)."""
        self._delays[method] = seconds

    # -- updates ------------------------------------------------------------------------------

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates; returns its update_id (assigned unless given)."""
        update = {"update_id": next(self._update_ids), **update}
        self._pending.append(update)
        self._arrival.set()
        self._arrival = asyncio.Event()
        return int(update["update_id"])

    @property
    def pending(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by a getUpdates offset."""
        return list(self._pending)

    # -- inspection ---------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def messages(self, chat_id: int | None = None) -> list[Call]:
        """sendMessage calls Telegram accepted, optionally to one chat."""
        return [
            call
            for call in self.calls_to("sendMessage")
            if call.ok and (chat_id is None or call.params["chat_id"] == chat_id)
        ]

    def texts(self, chat_id: int | None = None) -> list[str]:
        return [call.visible_text for call in self.messages(chat_id)]

    # -- the API ------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        call = Call(method, await _params(request), time.monotonic())
        self.calls.append(call)
        response = await self._answer(method, call.params)
        call.status = response.status
        return response

    async def _answer(self, method: str, params: dict[str, Any]) -> web.Response:
        if seconds := self._delays.get(method):
            await self._wait(seconds)
        failure = next((f for f in self._failures[method] if f.applies_to(params)), None)
        if failure is not None:
            self._failures[method].remove(failure)
            extra = {"retry_after": failure.retry_after} if failure.retry_after is not None else None
            return _error(failure.status, failure.description, extra)
        handler = getattr(self, f"_{method}", None)
        if handler is None:
            return _error(404, "Not Found: method not found")
        result: web.Response = await handler(params)
        return result

    async def _wait(self, seconds: float) -> None:
        with suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), timeout=seconds)

    async def _getMe(self, _params: dict[str, Any]) -> web.Response:
        return _ok(self._bot_user())

    async def _deleteWebhook(self, _params: dict[str, Any]) -> web.Response:
        self.webhook = {}
        return _ok(True)

    async def _setWebhook(self, params: dict[str, Any]) -> web.Response:
        self.webhook = dict(params)
        return _ok(True)

    async def _setMyCommands(self, params: dict[str, Any]) -> web.Response:
        for command in params.get("commands", []):
            if not 1 <= len(command["description"]) <= 256 or not re.fullmatch(
                r"[a-z0-9_]{1,32}", command["command"]
            ):
                return _error(400, "Bad Request: BOT_COMMAND_INVALID")
        return _ok(True)

    async def _deleteMyCommands(self, _params: dict[str, Any]) -> web.Response:
        return _ok(True)

    async def _answerCallbackQuery(self, _params: dict[str, Any]) -> web.Response:
        return _ok(True)

    async def _getUpdates(self, params: dict[str, Any]) -> web.Response:
        offset = int(params.get("offset") or 0)
        self.last_offset = offset
        if offset > 0:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while not self._pending and not self._closing.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                await asyncio.wait_for(self._arrival.wait(), timeout=remaining)
            except TimeoutError:
                break
        limit = int(params.get("limit") or 100)
        return _ok(self._pending[:limit])

    async def _sendMessage(self, params: dict[str, Any]) -> web.Response:
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked:
            return _error(403, "Forbidden: bot was blocked by the user")
        text = str(params.get("text", ""))
        if params.get("parse_mode") == "HTML":
            try:
                text = parse_html(text)
            except ValueError as problem:
                return _error(400, f"Bad Request: can't parse entities: {problem}")
        if not text.strip():
            return _error(400, "Bad Request: message text is empty")
        if len(text.encode("utf-16-le")) // 2 > 4096:
            return _error(400, "Bad Request: message is too long")
        for row in params.get("reply_markup", {}).get("inline_keyboard", []):
            for button in row:
                if not 1 <= len(button.get("callback_data", "").encode()) <= 64:
                    return _error(400, "Bad Request: BUTTON_DATA_INVALID")
        return _ok(self._message(chat_id, text=text))

    async def _sendDocument(self, params: dict[str, Any]) -> web.Response:
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked:
            return _error(403, "Forbidden: bot was blocked by the user")
        document = params.get("document")
        if not isinstance(document, dict):
            return _error(400, "Bad Request: there is no document in the request")
        file = {"file_id": "doc-1", "file_unique_id": "u-doc-1", "file_name": document["filename"]}
        return _ok(self._message(chat_id, document=file))

    def _bot_user(self) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "OER test bot", "username": self.username}

    def _message(self, chat_id: int, **content: Any) -> dict[str, Any]:
        chat = {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": self._bot_user(),
            **content,
        }


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        body = await request.json()
        return dict(body) if isinstance(body, dict) else {}
    params: dict[str, Any] = {}
    for name, value in (await request.post()).items():
        if isinstance(value, web.FileField):
            params[name] = {"filename": value.filename, "content": value.file.read()}
        elif name in _TEXT_FIELDS:
            params[name] = value
        else:
            try:
                params[name] = json.loads(value)
            except ValueError:
                params[name] = value
    return params


def parse_html(text: str) -> str:
    """What Telegram shows for `text` sent with parse_mode HTML; ValueError as Telegram's 400 would."""
    visible: list[str] = []
    open_tags: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        offset = len(text[:index].encode())
        if char == "<":
            tag = _TAG.match(text, index)
            if tag is None:
                raise ValueError(f"Unsupported start tag at byte offset {offset}")
            closing, name = tag.group(1), tag.group(2)
            if not closing:
                open_tags.append(name)
            elif not open_tags or open_tags.pop() != name:
                raise ValueError(f"Unexpected end tag at byte offset {offset}")
            index = tag.end()
        elif char == "&":
            entity = _ENTITY.match(text, index)
            if entity is None:
                raise ValueError(f"Unsupported HTML entity at byte offset {offset}")
            visible.append(html.unescape(entity.group()))
            index = entity.end()
        elif char == ">":
            raise ValueError(f"Unexpected '>' at byte offset {offset}")
        else:
            visible.append(char)
            index += 1
    if open_tags:
        raise ValueError(f"Can't find end tag corresponding to start tag {open_tags[-1]}")
    return "".join(visible)


def _ok(result: object) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(status: int, description: str, parameters: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=status)


# -- update builders (the JSON Telegram sends; update_id is added by push_update) ---------------


def user(user_id: int, *, language_code: str | None = "en", is_bot: bool = False) -> dict[str, Any]:
    sender: dict[str, Any] = {"id": user_id, "is_bot": is_bot, "first_name": f"Person {user_id}"}
    if language_code is not None:
        sender["language_code"] = language_code
    return sender


def chat(chat_id: int, chat_type: str = "private") -> dict[str, Any]:
    if chat_type == "private":
        return {"id": chat_id, "type": "private", "first_name": f"Person {chat_id}"}
    return {"id": chat_id, "type": chat_type, "title": "OER Dynamic Coalition"}


def message(
    text: str | None,
    *,
    user_id: int = 501,
    chat_id: int | None = None,
    chat_type: str = "private",
    language_code: str | None = "en",
    is_bot: bool = False,
    entities: list[dict[str, Any]] | None = None,
    extra: dict[str, Any] | None = None,
    kind: str = "message",
) -> dict[str, Any]:
    """A message update (`kind` "edited_message" for an edit); `extra` adds fields (sticker, photo)."""
    body: dict[str, Any] = {
        "message_id": next(_builder_ids),
        "date": int(time.time()),
        "chat": chat(chat_id if chat_id is not None else user_id, chat_type),
        "from": user(user_id, language_code=language_code, is_bot=is_bot),
    }
    if text is not None:
        body["text"] = text
    if entities:
        body["entities"] = entities
    body.update(extra or {})
    return {kind: body}


def command(name: str, args: str = "", *, addressed_to: str | None = None, **options: Any) -> dict[str, Any]:
    """ "/name[@addressed_to] args", with the bot_command entity Telegram adds."""
    head = f"/{name}" + (f"@{addressed_to}" if addressed_to else "")
    text = f"{head} {args}" if args else head
    entity = {"type": "bot_command", "offset": 0, "length": _utf16(head)}
    return message(text, entities=[entity], **options)


def group_message(text: str, *, chat_id: int = -1001234, **options: Any) -> dict[str, Any]:
    return message(text, chat_id=chat_id, chat_type="supergroup", **options)


def mention(text: str, *, username: str = BOT_USERNAME, before: str = "", **options: Any) -> dict[str, Any]:
    """ "{before}@username text" in a group, with the mention entity Telegram adds."""
    handle = f"@{username}"
    full = f"{before}{handle} {text}"
    entity = {"type": "mention", "offset": _utf16(before), "length": _utf16(handle)}
    options.setdefault("chat_id", -1001234)
    options.setdefault("chat_type", "supergroup")
    return message(full, entities=[entity], **options)


def sticker(**options: Any) -> dict[str, Any]:
    file = {"file_id": "st-1", "file_unique_id": "u-st-1", "width": 512, "height": 512}
    return message(
        None,
        extra={"sticker": {**file, "is_animated": False, "is_video": False, "type": "regular"}},
        **options,
    )


def callback_query(
    data: str,
    *,
    user_id: int = 501,
    chat_id: int | None = None,
    chat_type: str = "private",
    language_code: str | None = "en",
) -> dict[str, Any]:
    """A press on an inline button under one of the bot's messages."""
    pressed_on = {
        "message_id": next(_builder_ids),
        "date": int(time.time()),
        "chat": chat(chat_id if chat_id is not None else user_id, chat_type),
        "from": {"id": BOT_ID, "is_bot": True, "first_name": "OER test bot", "username": BOT_USERNAME},
        "text": "a question with buttons",
    }
    query_id = str(next(_builder_ids))
    sender = user(user_id, language_code=language_code)
    return {
        "callback_query": {
            "id": query_id,
            "from": sender,
            "chat_instance": "ci-1",
            "data": data,
            "message": pressed_on,
        }
    }


_builder_ids = itertools.count(1)


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# -- driving the adapter ------------------------------------------------------------------------


async def eventually(predicate: Callable[[], T], timeout: float = 5.0) -> T:  # noqa: ASYNC109
    """Wait until `predicate()` is truthy (checked every 10 ms) and return it; fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition still false after {timeout} s")
        await asyncio.sleep(0.01)


class RecordingDispatch:
    """Passes every message on to `inner` and keeps it, to see exactly what the core was given."""

    def __init__(self, inner: Dispatch) -> None:
        self.inner = inner
        self.seen: list[IncomingMessage] = []

    async def __call__(self, message: IncomingMessage) -> list[Reply]:
        self.seen.append(message)
        return await self.inner(message)


def wiring(app: App, dispatch: Dispatch | None = None) -> dict[str, Any]:
    """The adapter's collaborators from the real app (its router, identity table and menus)."""
    return {
        "dispatch": dispatch or app.router.dispatch,
        "identities": SqlIdentityRegistry(app.uow),
        "menus": command_menus(app.router, app.catalogs),
    }


@asynccontextmanager
async def running_adapter(
    fake: FakeBotApi,
    *,
    dispatch: Dispatch,
    identities: IdentityRegistry,
    menus: CommandMenus,
    request_timeout: float = 5.0,
    **options: Any,
) -> AsyncIterator[TelegramAdapter]:
    """The real adapter against the fake, started (polling unless webhook_url is given) and stopped."""
    adapter = TelegramAdapter(
        token=fake.token,
        dispatch=dispatch,
        identities=identities,
        menus=menus,
        api_url=fake.api_url,
        request_timeout=request_timeout,
        **options,
    )
    await adapter.start()
    try:
        yield adapter
    finally:
        await adapter.stop()
