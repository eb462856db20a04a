"""The Slack adapter: slack-bolt receives, the core decides, Block Kit answers.

Events (direct messages, mentions, App Home), the `/oer` slash command and button presses arrive at
POST /slack/events on the bot's own HTTP server (or over Socket Mode when an app token is set). Bolt
verifies each request's signature; every listener hands the work to a task of its own and acks at once,
so Slack gets its answer within milliseconds however slow the core is. A person's messages are handled
one after another, in the order they arrived. Privacy: in a channel the bot answers ephemerally, so
that only the person sees replies that may show their settings; in a DM it answers in the DM.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from functools import partial
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters import slack_forms, slack_inbound
from bot.adapters.slack_delivery import SlackDelivery, Target, retry_handlers
from bot.adapters.slack_people import Lru, SeenEvents, SlackPeople, Turns, error_code
from bot.adapters.slack_render import ACTION_PREFIX, home_view
from bot.core.i18n import N_, Catalogs, negotiate
from bot.core.messages import ChatRef, IncomingMessage, OutgoingMessage, Platform, Reply, UserRef
from bot.core.ports import Clock, Dispatch, IdentityRegistry, SystemClock

log = logging.getLogger("oerbot.slack")

EVENTS_PATH = "/slack/events"
HOME_SETTINGS_HEADING = N_("Your settings")
HOME_HELP_HEADING = N_("What I can do")
STOP_GRACE_SECONDS = 10.0
FORM_VERDICT_SECONDS = 2.5  # Slack closes a modal with an error when its submission is not acked in 3 s

Work = Callable[[], Awaitable[None]]
Job = tuple[str, Work]  # whose message it is, and what to do with it
HomeParts = list[tuple[str | None, list[Reply]]]

_ANY_COMMAND = re.compile(r"^/")  # whatever the workspace named the command, it is ours
_OUR_ACTIONS = re.compile(rf"^{ACTION_PREFIX}\d+$")


class SlackStartError(RuntimeError):
    """Slack refused the bot's tokens at start-up: a configuration problem, reported by its error code."""


class SlackAdapter:
    platform = Platform.SLACK

    def __init__(
        self,
        *,
        bot_token: str,
        signing_secret: str | None,
        dispatch: Dispatch,
        identities: IdentityRegistry,
        catalogs: Catalogs,
        api_url: str = "https://slack.com/api/",
        app_token: str | None = None,
        on_delivery_failure: Callable[[str], None] | None = None,
        commands: Iterable[str] = (),
        clock: Clock | None = None,
        timeout: float = 10.0,
    ) -> None:
        """`commands`: the bot's command names, so that `/oer language fr` means "/language fr"."""
        if signing_secret is None and app_token is None:
            raise ValueError("Slack needs a signing secret (events over HTTP) or an app token (Socket Mode)")
        self._dispatch = self._with_slack_commands(dispatch)
        self._catalogs = catalogs
        self._app_token = app_token
        self._commands = frozenset(name.lower() for name in commands) | {"help"}
        self._clock = clock or SystemClock()
        self._client = _web_client(bot_token, api_url, timeout)
        self._people = SlackPeople(self._client, identities)
        self._delivery = SlackDelivery(
            self._client, self._people, timeout=timeout, on_failure=on_delivery_failure
        )
        self._seen = SeenEvents()
        self._homes: Lru[str, HomeParts] = Lru(1000)
        self._bolt = _bolt_app(self._client, signing_secret)
        self._register_listeners()
        self._bot_user_id: str | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._turns = Turns()
        self._stopping = False

    # -- the PlatformAdapter protocol -----------------------------------------------------------

    def routes(self) -> list[web.RouteDef]:
        return [] if self._app_token else [web.post(EVENTS_PATH, self._handle_http)]

    async def start(self) -> None:
        """Learn the bot's own user id (auth.test); in Socket Mode, open the WebSocket."""
        try:
            auth = await self._client.auth_test()
        except SlackApiError as error:
            raise SlackStartError(f"Slack refused SLACK_BOT_TOKEN ({error_code(error)})") from error
        self._bot_user_id = str(auth.get("user_id") or "") or None
        if self._app_token:
            try:
                opened = await self._client.apps_connections_open(app_token=self._app_token)
            except SlackApiError as error:
                raise SlackStartError(f"Slack refused SLACK_APP_TOKEN ({error_code(error)})") from error
            self._socket = AsyncSocketModeHandler(
                self._bolt, app_token=self._app_token, web_client=self._client
            )
            self._socket.client.wss_uri = str(opened["url"])
            await self._socket.connect_async()  # type: ignore[no-untyped-call]
            log.info("slack: Socket Mode connected")

    async def stop(self) -> None:
        self._stopping = True  # events arriving from now on are refused, so that Slack sends them again
        if self._socket is not None:
            client = self._socket.client
            await self._socket.close_async()  # type: ignore[no-untyped-call]
            pending = [client.message_processor, client.current_session_monitor, client.message_receiver]
            await asyncio.gather(
                *(future for future in pending if future is not None), return_exceptions=True
            )
            self._socket = None
        if not await self.drain(STOP_GRACE_SECONDS):
            log.warning("slack: stopped with %d messages still being answered", len(self._tasks))
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def send(self, message: OutgoingMessage) -> bool:
        """A message the bot starts itself: to a user id (their DM with the bot) or a channel id."""
        chat_id = message.to.chat_id
        owner = self._people.owner_of(chat_id)
        person = UserRef(Platform.SLACK, owner) if owner else None
        return await self._delivery.deliver(Target(chat_id, person), [message.reply])

    async def drain(self, within: float = 5.0) -> bool:
        """Wait until everything received so far is answered; False if `within` seconds ran out first."""
        try:
            async with asyncio.timeout(within):
                while self._tasks:
                    await asyncio.wait(list(self._tasks))
        except TimeoutError:
            return False
        return True

    # -- receiving ------------------------------------------------------------------------------

    async def _handle_http(self, request: web.Request) -> web.StreamResponse:
        if self._stopping:
            return web.Response(status=503)  # not acknowledged: Slack retries, to the next instance
        try:
            bolt_request = await to_bolt_request(request)
        except (ValueError, TypeError, AttributeError, KeyError):
            return web.json_response({"error": "malformed payload"}, status=400)
        response = await self._bolt.async_dispatch(bolt_request)
        if response.status == 404:  # verified, but nothing for us (an event type we do not handle)
            return web.Response(status=200)
        if response.status == 500:  # verified, but bolt could not match its shape: malformed, not our fault
            return web.json_response({"error": "malformed payload"}, status=400)
        return await to_aiohttp_response(response)

    def _register_listeners(self) -> None:
        def listener(
            parse: Callable[[dict[str, Any], str | None], Job | None],
        ) -> Callable[..., Awaitable[None]]:
            async def accept(ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext) -> None:
                try:
                    job = parse(body, context.bot_user_id or self._bot_user_id)
                    if job is not None:
                        self._spawn(*job)
                except (KeyError, TypeError, AttributeError, ValueError, IndexError) as error:
                    log.warning("slack: ignored a malformed %s (%s)", body.get("type"), type(error).__name__)
                finally:
                    await ack()  # empty: every answer comes afterwards, from the task

            return accept

        self._bolt.event("message")(listener(self._direct_message))
        self._bolt.event("app_mention")(listener(self._mention))
        self._bolt.event("app_home_opened")(listener(self._home_opened))
        self._bolt.command(_ANY_COMMAND)(listener(self._command))
        self._bolt.action({"type": "block_actions", "action_id": _OUR_ACTIONS})(listener(self._button))
        self._bolt.view({"type": "view_submission", "callback_id": slack_forms.CALLBACK_ID})(self._submitted)

    def _spawn(self, user_id: str, work: Work) -> None:
        task = asyncio.create_task(self._run(user_id, work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, user_id: str, work: Work) -> None:
        async with self._turns.of(user_id):
            try:
                await work()
            except Exception as error:  # one message failing must not stop the others
                log.error("slack: answering a message failed (%s)", type(error).__name__)
                log.debug("slack: the failure in detail", exc_info=True)

    # -- what each kind of payload means --------------------------------------------------------

    def _direct_message(self, body: dict[str, Any], bot_user_id: str | None) -> Job | None:
        inbound = slack_inbound.direct_message(body, bot_user_id)
        if inbound is None or not self._seen.first_time(body.get("event_id")):
            return None
        self._people.remember_dm(inbound.user_id, inbound.chat.chat_id)
        return inbound.user_id, partial(self._answer, inbound)

    def _mention(self, body: dict[str, Any], bot_user_id: str | None) -> Job | None:
        inbound = slack_inbound.mention(body, bot_user_id)
        if inbound is None or not self._seen.first_time(body.get("event_id")):
            return None
        return inbound.user_id, partial(self._answer, inbound)

    def _button(self, body: dict[str, Any], _bot_user_id: str | None) -> Job | None:
        inbound = slack_inbound.button(body)
        if inbound is None:
            return None
        if inbound.in_home:
            return inbound.user_id, partial(self._press_in_home, inbound)
        return inbound.user_id, partial(self._answer, inbound)

    def _command(self, body: dict[str, Any], _bot_user_id: str | None) -> Job:
        command = slack_inbound.slash_command(body, self._commands)

        async def work() -> None:
            # Visible in the DM with the bot only; anywhere else (a channel, someone else's DM) ephemeral.
            dm = await self._people.dm_channel(command.user_id) if command.channel.startswith("D") else None
            private = dm == command.channel
            target = Target(command.channel, ephemeral=not private, response_url=command.response_url)
            chat = ChatRef(Platform.SLACK, command.channel, is_private=private)
            inbound = slack_inbound.Inbound(
                command.user_id, chat, target, text=command.text, trigger_id=command.trigger_id
            )
            await self._answer(inbound)

        return command.user_id, work

    def _home_opened(self, body: dict[str, Any], _bot_user_id: str | None) -> Job | None:
        opened = slack_inbound.home_opened(body)
        if opened is None or not self._seen.first_time(body.get("event_id")):
            return None  # the Messages tab needs nothing
        user_id, channel = opened
        if channel:
            self._people.remember_dm(user_id, channel)
        return user_id, partial(self._publish_home, user_id)

    # -- answering ------------------------------------------------------------------------------

    async def _answer(self, inbound: slack_inbound.Inbound) -> None:
        user = await self._arrived(inbound.user_id)
        message = self._incoming(user, inbound.chat, inbound.text, inbound.payload, inbound.message_id)
        replies = await self._dispatch(replace(message, can_show_forms=True))
        target = replace(inbound.target, person=user)
        replies = await self._open_forms(inbound.trigger_id, target, replies)
        await self._delivery.deliver(target, replies)

    async def _open_forms(self, trigger_id: str | None, target: Target, replies: list[Reply]) -> list[Reply]:
        """A reply offering a form opens it as a modal when Slack gave a trigger for one; the reply itself
        (the text and the buttons to open the form later) is then not posted. Without a trigger, or if
        Slack refuses to open the modal, the reply is posted and its button opens the form."""
        remaining = []
        for reply in replies:
            if reply.form is not None and trigger_id is not None:
                opened = await self._delivery.open_modal(
                    trigger_id, slack_forms.modal_view(reply.form, target), target
                )
                trigger_id = None  # a trigger opens one view
                if opened:
                    continue
            remaining.append(reply)
        return remaining

    async def _submitted(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        """A submitted modal: the core's verdict decides the ack. Rejected values are shown in the modal,
        by field; once accepted, the modal closes and the answer is posted where the form was opened.
        Slack waits three seconds for the ack: a verdict that takes longer is posted as a message."""
        try:
            submitted = slack_forms.submission(body)
        except (KeyError, TypeError, AttributeError, ValueError) as error:
            log.warning("slack: ignored a malformed view_submission (%s)", type(error).__name__)
            await ack()
            return
        verdict: asyncio.Future[dict[str, str]] = asyncio.get_running_loop().create_future()
        self._spawn(submitted.user_id, partial(self._answer_form, submitted, verdict))
        try:
            errors = await asyncio.wait_for(asyncio.shield(verdict), FORM_VERDICT_SECONDS)
        except TimeoutError:
            verdict.cancel()
            errors = {}
        if errors:
            await ack(response_action="errors", errors=errors)
        else:
            await ack()

    async def _answer_form(
        self, submitted: slack_forms.Submission, verdict: asyncio.Future[dict[str, str]]
    ) -> None:
        try:
            user = await self._arrived(submitted.user_id)
            message = replace(
                self._incoming(user, submitted.chat, None, submitted.payload, None),
                form_values=submitted.values,
                can_show_forms=True,
            )
            replies = await self._dispatch(message)
            errors = slack_forms.field_errors(replies)
            if not verdict.done():
                verdict.set_result(errors)
                if errors:
                    return  # shown in the modal, which stays open
            await self._delivery.deliver(replace(submitted.target, person=user), replies)
        finally:
            if not verdict.done():
                verdict.set_result({})

    async def _publish_home(self, user_id: str) -> None:
        user = await self._arrived(user_id)
        await self._delivery.publish_home(user, home_view(await self._home_parts(user)))

    async def _press_in_home(self, inbound: slack_inbound.Inbound) -> None:
        """A button in the Home tab: its answer on top of the Home, above what the Home showed."""
        user = await self._arrived(inbound.user_id)
        parts = self._homes.get(user.user_id) or await self._home_parts(user)
        message = self._incoming(user, self._home_chat(user), None, inbound.payload, None)
        replies = await self._dispatch(message)
        await self._delivery.publish_home(user, home_view([(None, replies), *parts]))

    async def _home_parts(self, user: UserRef) -> HomeParts:
        """What the core answers this person to /settings and /help, under headings in the language the
        core answered in (their chosen one, which may differ from their Slack interface's)."""
        parts: HomeParts = []
        for heading, command in ((HOME_SETTINGS_HEADING, "/settings"), (HOME_HELP_HEADING, "/help")):
            home = self._incoming(user, self._home_chat(user), command, None, None)
            replies = await self._dispatch(replace(home, passive=True))
            language = next((reply.language for reply in replies if reply.language), None)
            translator = self._catalogs.translator(language or negotiate([user.language_hint]))
            parts.append((translator.gettext(heading), replies))
        self._homes.put(user.user_id, parts)
        return parts

    def _home_chat(self, user: UserRef) -> ChatRef:
        return ChatRef(Platform.SLACK, self._people.known_dm(user.user_id) or user.user_id)

    async def _arrived(self, user_id: str) -> UserRef:
        user = await self._people.user(user_id)
        await self._people.arrived(user)
        return user

    def _with_slack_commands(self, dispatch: Dispatch) -> Dispatch:
        async def dispatch_for_slack(message: IncomingMessage) -> list[Reply]:
            replies = await dispatch(message)
            return [replace(reply, text=slack_command_hints(reply.text, self._commands)) for reply in replies]

        return dispatch_for_slack

    def _incoming(
        self, user: UserRef, chat: ChatRef, text: str | None, payload: str | None, message_id: str | None
    ) -> IncomingMessage:
        return IncomingMessage(
            user=user,
            chat=chat,
            received_at=self._clock.now(),
            text=text,
            button_payload=payload,
            message_id=message_id,
        )


def slack_command_hints(text: str, commands: frozenset[str]) -> str:
    """Slack takes any message starting with "/" as one of its own slash commands, so the bot's commands
    are typed through its one slash command there: "/language" is shown as "/oer language"."""
    return _COMMAND_MENTION.sub(
        lambda match: f"/oer {match.group(1)}" if match.group(1).lower() in commands else match.group(0), text
    )


_COMMAND_MENTION = re.compile(r"(?<![\w/])/([a-z]+)\b")


def _web_client(bot_token: str, api_url: str, timeout: float) -> AsyncWebClient:
    return AsyncWebClient(
        token=bot_token,
        base_url=api_url,
        timeout=timeout,  # type: ignore[arg-type]  # aiohttp takes float seconds
        retry_handlers=retry_handlers(),
        logger=logging.getLogger("oerbot.slack.sdk"),
    )


def _bolt_app(client: AsyncWebClient, signing_secret: str | None) -> AsyncApp:
    """Bolt verifies signatures (not needed in Socket Mode, hence "") and acks before listeners finish."""
    return AsyncApp(
        client=client,
        signing_secret=signing_secret or "",
        process_before_response=False,
        logger=logging.getLogger("oerbot.slack.bolt"),
    )
