"""Delivering replies to Slack: in a DM, ephemerally in a channel, through a response_url, or as files.

Every Web API failure ends here: it is logged by its error code (never with message text or user ids),
counted through `on_failure`, and, when Slack says the person cannot be reached, reported to the
identity registry. Rate limits are waited out by slack-sdk's retry handlers, within bounds.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.adapters.slack_people import TRANSPORT_ERRORS, SlackPeople, error_code
from bot.adapters.slack_render import SlackMessage, escape, render_reply
from bot.core.messages import Attachment, Reply, UserRef

log = logging.getLogger("oerbot.slack")

# Errors that mean this person cannot be reached, wherever we wrote to them.
PERSON_ERRORS = frozenset({"user_not_found", "user_disabled", "cannot_dm_bot"})
# Errors that mean the same when the conversation is the person's DM with the bot (in a channel they
# only mean the bot is not there).
CONVERSATION_ERRORS = frozenset({"channel_not_found", "is_archived", "not_in_channel"})
# Errors about the bot's own token or workspace: nobody can be reached; an operator must act.
WORKSPACE_ERRORS = frozenset(
    {"account_inactive", "invalid_auth", "not_authed", "token_revoked", "token_expired", "missing_scope"}
)
# A modal's trigger is good for one view, within three seconds.
TRIGGER_ERRORS = frozenset({"expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id"})
KNOWN_ERRORS = (
    PERSON_ERRORS
    | CONVERSATION_ERRORS
    | WORKSPACE_ERRORS
    | TRIGGER_ERRORS
    | {"msg_too_long", "invalid_blocks"}
)

MAX_RATE_LIMIT_RETRIES = 2
MAX_RATE_LIMIT_WAIT_SECONDS = 30


class BoundedRateLimitRetryHandler(AsyncRateLimitErrorRetryHandler):
    """Waits as long as Slack's Retry-After asks, but gives up rather than wait beyond `max_wait`."""

    def __init__(self, max_retry_count: int, max_wait: int) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        values = {key.lower(): value for key, value in response.headers.items()}.get("retry-after") or ["1"]
        try:
            return int(values[0]) <= self.max_wait
        except ValueError:
            return True


def retry_handlers() -> list[AsyncRetryHandler]:
    return [
        BoundedRateLimitRetryHandler(MAX_RATE_LIMIT_RETRIES, MAX_RATE_LIMIT_WAIT_SECONDS),
        AsyncConnectionErrorRetryHandler(max_retry_count=1),
    ]


@dataclass(frozen=True)
class Target:
    """Where the answers to one message go. `ephemeral`: only `person` sees them, in `channel`."""

    channel: str
    person: UserRef | None = None
    ephemeral: bool = False
    response_url: str | None = None
    thread_ts: str | None = None

    @property
    def is_persons_dm(self) -> bool:
        return not self.ephemeral and self.person is not None and self.channel[:1] in ("D", "U", "W")


class SlackDelivery:
    def __init__(
        self,
        client: AsyncWebClient,
        people: SlackPeople,
        *,
        timeout: float,
        on_failure: Callable[[str], None] | None = None,
    ) -> None:
        self._client = client
        self._people = people
        self._timeout = timeout
        self._on_failure = on_failure

    async def deliver(self, target: Target, replies: Sequence[Reply]) -> bool:
        """Send every reply in order; stop at the first one Slack refuses."""
        for reply in replies:
            if not await self._deliver_one(target, reply):
                return False
        return True

    async def publish_home(self, person: UserRef, view: dict[str, Any]) -> bool:
        target = Target(person.user_id, person)
        return await self._call(
            "views.publish", target, self._client.views_publish(user_id=person.user_id, view=view)
        )

    async def open_modal(self, trigger_id: str, view: dict[str, Any], target: Target) -> bool:
        """Open a modal for the person who triggered it; False if Slack refused (e.g. an expired trigger)."""
        call = self._client.views_open(trigger_id=trigger_id, view=view)
        return await self._call("views.open", target, call)

    async def _deliver_one(self, target: Target, reply: Reply) -> bool:
        notes: list[str] = []
        if target.ephemeral and reply.attachments:
            # Files shown in a channel would be everyone's: they go to the person's DM, linked from here.
            notes = await self._upload_to_dm(target, reply.attachments)
        for message in render_reply(reply, notes):
            if not await self._post(target, message):
                return False
        if not target.ephemeral:
            for attachment in reply.attachments:
                if await self._upload(target, attachment) is None:
                    return False
        return True

    async def _post(self, target: Target, message: SlackMessage) -> bool:
        if target.ephemeral and target.response_url:
            problem = await self._respond(target.response_url, message)
            if problem is None:
                return True
            if target.person is None:
                self._failed("response_url", problem, logging.WARNING)
                return False
            log.info("slack: response_url refused (%s); sending with chat.postEphemeral", problem)
        if target.ephemeral and target.person is not None:
            call = self._client.chat_postEphemeral(
                channel=target.channel,
                user=target.person.user_id,
                text=message.text,
                blocks=message.blocks,
                thread_ts=target.thread_ts,
            )
            return await self._call("chat.postEphemeral", target, call)
        call = self._client.chat_postMessage(
            channel=target.channel, text=message.text, blocks=message.blocks, thread_ts=target.thread_ts
        )
        return await self._call("chat.postMessage", target, call)

    async def _respond(self, url: str, message: SlackMessage) -> str | None:
        """Answer through a slash command's or button's response_url (ephemeral, never replacing the
        message with the button); None when it worked, else why not (expired after 30 minutes, ...)."""
        webhook = AsyncWebhookClient(
            url,
            timeout=self._timeout,  # type: ignore[arg-type]  # aiohttp takes float seconds
            retry_handlers=retry_handlers(),
            logger=log,
        )
        body = {"response_type": "ephemeral", "replace_original": False}
        try:
            response = await webhook.send_dict({**body, "text": message.text, "blocks": message.blocks})
        except TRANSPORT_ERRORS as error:
            return _transport_reason(error)
        if response.status_code == 200:
            return None
        return (
            str(response.body)
            if response.body in ("expired_url", "used_url", "invalid_blocks")
            else "http_error"
        )

    async def _upload_to_dm(self, target: Target, attachments: Sequence[Attachment]) -> list[str]:
        if target.person is None:
            return []
        channel = await self._people.dm_channel(target.person.user_id)
        if channel is None:
            return []
        notes = []
        dm = Target(channel, target.person)
        for attachment in attachments:
            link = await self._upload(dm, attachment)
            name = escape(attachment.filename)
            notes.append(f"📎 <{link}|{name}>" if link else f"📎 {name}")
        return notes

    async def _upload(self, target: Target, attachment: Attachment) -> str | None:
        """files_upload_v2 into the conversation; the file's permalink ("" if Slack gave none), or None."""
        response: dict[str, Any] = {}

        async def upload() -> None:
            result = await self._client.files_upload_v2(
                channel=target.channel,
                content=attachment.content,
                filename=attachment.filename,
                title=attachment.filename,
                thread_ts=target.thread_ts,
            )
            response.update(result.get("file") or {})

        if not await self._call("files.upload", target, upload()):
            return None
        return str(response.get("permalink") or "")

    async def _call(self, method: str, target: Target, call: Awaitable[Any]) -> bool:
        try:
            await call
        except SlackApiError as error:
            await self._api_error(method, target, error)
            return False
        except TRANSPORT_ERRORS as error:
            self._failed(method, _transport_reason(error), logging.WARNING)
            return False
        return True

    async def _api_error(self, method: str, target: Target, error: SlackApiError) -> None:
        status = error.response.status_code
        code = error_code(error)
        if status == 429:
            reason = "ratelimited"
        elif status >= 500:
            reason = "server_error"
        else:
            reason = code if code in KNOWN_ERRORS else "api_error"
        self._failed(method, reason, logging.ERROR if code in WORKSPACE_ERRORS else logging.WARNING)
        person_gone = code in PERSON_ERRORS or (code in CONVERSATION_ERRORS and target.is_persons_dm)
        if person_gone and target.person is not None:
            await self._people.unreachable(target.person)

    def _failed(self, method: str, reason: str, level: int) -> None:
        log.log(level, "slack: %s failed: %s", method, reason)
        if self._on_failure is not None:
            try:
                self._on_failure(reason)
            except Exception:  # a metrics hook must never break delivery
                log.exception("slack: the delivery-failure hook failed")


def _transport_reason(error: BaseException) -> str:
    if isinstance(error, TimeoutError):
        return "timeout"
    if isinstance(error, aiohttp.ClientError | OSError):
        return "connection"
    return "client_error"
