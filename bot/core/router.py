"""Routes each incoming message to one handler, and turns every failure into a polite reply.

Commands ("/help"), button payloads ("prefix:..."), text while a flow waits for an answer, other free
text, and scheduled events each have their own table. Whatever goes wrong, the person gets a
translated message and the bot keeps running; unexpected errors are logged with a short reference.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.core.context import Context
from bot.core.i18n import N_, Catalogs, Translator, negotiate
from bot.core.messages import IncomingMessage, OutgoingMessage, Reply, Role, ScheduledEvent
from bot.core.ports import Clock, MemberDirectory, MemberProfile
from bot.core.sanitize import MAX_TEXT_LENGTH, clean_text, is_command, split_command
from bot.core.session import Session, SessionStore

log = logging.getLogger("oerbot.router")

HandlerResult = Sequence[Reply] | Reply | None
Handler = Callable[[Context], Awaitable[HandlerResult]]
TextAnswerHandler = Callable[[Context, str], Awaitable[HandlerResult]]
EventHandler = Callable[[ScheduledEvent], Awaitable[Sequence[OutgoingMessage]]]

MAX_PAYLOAD_BYTES = 64
NOT_AN_ANSWER: Sequence[Reply] = ()
STORAGE_UNAVAILABLE = N_(
    "I can't reach my records right now, so nothing was changed. Please try again in a few minutes."
)  # a flow's text handler returns this when the text is something else


class UserFacingError(Exception):
    """A problem the person can fix; `message` is an English msgid, translated when shown."""

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message)
        self.message = message
        self.values = values


class StaleButton(UserFacingError):
    def __init__(self) -> None:
        super().__init__(
            N_("That button has expired or is not valid any more. Type /help to see what I can do.")
        )


class FormRejected(UserFacingError):
    """Some values of a submitted form cannot be used. `errors`: field name -> translated explanation."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__(N_("Please correct the form:"))
        self.errors = dict(errors)


@dataclass(frozen=True)
class CommandRoute:
    name: str
    handler: Handler
    role: Role = Role.MEMBER
    summary: str = ""
    usage: str = ""
    # Commands that show or change personal data answer only in a private chat, never in a group.
    private: bool = False


@dataclass(frozen=True)
class ButtonRoute:
    prefix: str
    handler: Handler
    role: Role = Role.MEMBER


@dataclass(frozen=True)
class FlowRoute:
    """A multi-step conversation waiting for typed text. `on_text` answers NOT_AN_ANSWER when the
    text is not an answer to the current step; the router then treats it as a question and
    `reprompt` asks the step's question again afterwards."""

    flow: str
    on_text: TextAnswerHandler
    reprompt: Handler
    # Checked at every answer, as for commands and buttons: a role can be withdrawn mid-flow.
    role: Role = Role.MEMBER


class Router:
    def __init__(
        self,
        *,
        catalogs: Catalogs,
        members: MemberDirectory,
        sessions: SessionStore,
        clock: Clock,
        default_language: str = "en",
        unavailable_errors: tuple[type[BaseException], ...] = (),
    ) -> None:
        self._catalogs = catalogs
        self._members = members
        self._sessions = sessions
        self._clock = clock
        self._default_language = default_language
        self._unavailable_errors = unavailable_errors
        self._commands: dict[str, CommandRoute] = {}
        self._buttons: dict[str, ButtonRoute] = {}
        self._flows: dict[str, FlowRoute] = {}
        self._events: dict[str, EventHandler] = {}
        self._free_text: TextAnswerHandler | None = None

    # -- registration -------------------------------------------------------------------------

    def command(
        self,
        name: str,
        handler: Handler,
        *,
        role: Role = Role.MEMBER,
        summary: str = "",
        usage: str = "",
        private: bool = False,
    ) -> None:
        self._commands[name] = CommandRoute(name, handler, role, summary, usage, private)

    def button(self, prefix: str, handler: Handler, *, role: Role = Role.MEMBER) -> None:
        if ":" in prefix:
            raise ValueError(f"button prefix {prefix!r} must not contain ':'")
        self._buttons[prefix] = ButtonRoute(prefix, handler, role)

    def flow(self, route: FlowRoute) -> None:
        self._flows[route.flow] = route

    def free_text(self, handler: TextAnswerHandler) -> None:
        self._free_text = handler

    def event(self, name: str, handler: EventHandler) -> None:
        self._events[name] = handler

    def commands_for(self, role: Role) -> list[CommandRoute]:
        """The commands someone with `role` may use, in registration order (for /help and menus)."""
        return [route for route in self._commands.values() if role.includes(route.role) and route.summary]

    @property
    def sessions(self) -> SessionStore:
        return self._sessions

    # -- dispatch -----------------------------------------------------------------------------

    async def dispatch(self, message: IncomingMessage) -> list[Reply]:
        """Handle one message and return what to answer. Never raises."""
        now = self._clock.now()
        key = message.user.key
        session = self._sessions.get(key, now)
        try:
            profile = await self._members.profile_for(message.user)
        except Exception as error:  # noqa: BLE001 - every failure must become a reply
            translator = self._translator(MemberProfile(), session, message)
            return [self._failure_reply(translator, error, message)]

        translator = self._translator(profile, session, message)
        ctx = Context(
            message=message,
            member=profile,
            catalogs=self._catalogs,
            translator=translator,
            now=now,
            session=session,
        )
        try:
            replies = await self._route(ctx)
        except FormRejected as rejected:
            replies = [_rejected_form_reply(ctx, rejected)]
        except UserFacingError as problem:
            replies = [ctx.reply(ctx.t(problem.message, **problem.values))]
        except Exception as error:  # noqa: BLE001 - every failure must become a reply
            replies = [self._failure_reply(ctx.translator, error, message)]
        if not message.passive:
            self._remember(key, ctx.session, now)
        return replies

    async def dispatch_event(self, event: ScheduledEvent) -> list[OutgoingMessage]:
        """Run a due job's handler; a failure is logged and the job's messages are not sent."""
        handler = self._events.get(event.name)
        if handler is None:
            log.error("no handler for scheduled event %r", event.name)
            return []
        try:
            return list(await handler(event))
        except Exception:
            log.exception("scheduled event %r failed", event.name)
            return []

    async def _route(self, ctx: Context) -> list[Reply]:
        message = ctx.message
        if message.button_payload is not None:
            return await self._route_button(ctx, message.button_payload)
        cleaned = clean_text(message.text)
        if cleaned.too_long:
            raise UserFacingError(
                N_(
                    "That message is too long for me ({length} characters). "
                    "Please keep it to {limit} characters or fewer."
                ),
                length=ctx.translator.number(cleaned.original_length),
                limit=ctx.translator.number(MAX_TEXT_LENGTH),
            )
        if cleaned.empty:
            raise UserFacingError(
                N_("I received an empty message. Type a question, or /help to see what I can do.")
            )
        if is_command(cleaned.text):
            name, ctx.args = split_command(cleaned.text)
            return await self._route_command(ctx, name)
        return await self._route_text(ctx, cleaned.text)

    async def _route_command(self, ctx: Context, name: str) -> list[Reply]:
        route = self._commands.get(name)
        if route is None:
            raise UserFacingError(
                N_("I don't know the command {command}. Type /help to see what I can do."), command=f"/{name}"
            )
        if not ctx.role.includes(route.role):
            raise UserFacingError(
                N_("The command {command} is only for the coalition's secretariat."), command=f"/{name}"
            )
        if route.private and not ctx.message.chat.is_private:
            raise UserFacingError(
                N_("For your privacy, please use {command} in a private chat with me."), command=f"/{name}"
            )
        return _as_list(await route.handler(ctx))

    async def _route_button(self, ctx: Context, payload: str) -> list[Reply]:
        prefix, _, _ = payload.partition(":")
        route = self._buttons.get(prefix)
        if route is None or len(payload.encode()) > MAX_PAYLOAD_BYTES or not payload.isprintable():
            log.info("refused button payload %r from %s", payload[:80], ctx.message.user.platform)
            raise StaleButton()
        if not ctx.role.includes(route.role):
            raise StaleButton()
        return _as_list(await route.handler(ctx))

    async def _route_text(self, ctx: Context, text: str) -> list[Reply]:
        flow = self._flows.get(ctx.session.flow or "")
        if flow is not None and not ctx.role.includes(flow.role):
            ctx.move_to(None)  # the flow was started under a role the member no longer has
            flow = None
        if flow is not None:
            answered = _as_list(await flow.on_text(ctx, text))
            if answered:
                return answered
        replies = _as_list(await self._free_text(ctx, text)) if self._free_text else []
        if flow is not None and ctx.session.flow == flow.flow:
            replies += _as_list(await flow.reprompt(ctx))
        return replies

    # -- helpers ------------------------------------------------------------------------------

    def _translator(self, profile: MemberProfile, session: Session, message: IncomingMessage) -> Translator:
        language = negotiate(
            [profile.language, session.language, message.user.language_hint], default=self._default_language
        )
        return self._catalogs.translator(language, profile.timezone)

    def _failure_reply(self, translator: Translator, error: BaseException, message: IncomingMessage) -> Reply:
        if isinstance(error, self._unavailable_errors):
            log.warning("storage unavailable while serving %s: %s", message.user.platform, error)
            text = translator.t(STORAGE_UNAVAILABLE)
        else:
            reference = secrets.token_hex(4)
            log.exception("unexpected error [ref %s] while serving %s", reference, message.user.platform)
            text = translator.t(
                N_(
                    "Sorry, something went wrong on my side and nothing was changed. "
                    "If it happens again, please tell the secretariat this reference: {reference}"
                ),
                reference=reference,
            )
        return Reply(text=translator.paragraphs(text), direction=translator.direction)

    def _remember(self, key: str, session: Session, now: datetime) -> None:
        if session.flow is None and session.language is None:
            self._sessions.forget(key)
        else:
            self._sessions.put(key, session, now)


def _rejected_form_reply(ctx: Context, rejected: FormRejected) -> Reply:
    """The problems by field for surfaces that show them there, and as text for any other."""
    lines = [ctx.t(rejected.message), *(f"• {error}" for error in rejected.errors.values())]
    reply = ctx.reply("\n".join(lines))
    return replace(reply, field_errors=tuple(rejected.errors.items()))


def _as_list(result: HandlerResult) -> list[Reply]:
    if result is None:
        return []
    if isinstance(result, Reply):
        return [result]
    return list(result)
