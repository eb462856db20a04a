"""The router: commands, buttons, flows, free text and failures, with fake members and no database."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from bot.core.context import Context
from bot.core.i18n import Catalogs
from bot.core.messages import ChatRef, IncomingMessage, Platform, Reply, Role, ScheduledEvent, UserRef
from bot.core.ports import MemberProfile
from bot.core.router import NOT_AN_ANSWER, FlowRoute, Router, StaleButton
from bot.core.session import SessionStore
from tests.fakes import FakeClock


class FakeDirectory:
    def __init__(self) -> None:
        self.profiles: dict[str, MemberProfile] = {}
        self.failure: BaseException | None = None

    async def profile_for(self, user: UserRef) -> MemberProfile:
        if self.failure:
            raise self.failure
        return self.profiles.get(user.key, MemberProfile())


class DatabaseDown(Exception):
    pass


@pytest.fixture
def directory() -> FakeDirectory:
    return FakeDirectory()


@pytest.fixture
def router(catalogs: Catalogs, directory: FakeDirectory) -> Router:
    router = Router(
        catalogs=catalogs,
        members=directory,
        sessions=SessionStore(),
        clock=FakeClock(),
        unavailable_errors=(DatabaseDown,),
    )

    async def echo(ctx: Context) -> Reply:
        return ctx.reply(f"echo:{ctx.args}")

    async def secret(ctx: Context) -> Reply:
        return ctx.reply("secret")

    async def broken(ctx: Context) -> Reply:
        raise RuntimeError("boom: traceback details")

    async def pressed(ctx: Context) -> Reply:
        return ctx.reply(f"pressed:{ctx.message.button_payload}")

    async def ask_name(ctx: Context) -> Reply:
        ctx.move_to("naming", "name")
        return ctx.reply("your name?")

    async def on_name(ctx: Context, text: str) -> list[Reply]:
        if "?" in text:
            return list(NOT_AN_ANSWER)
        ctx.move_to(None)
        return [ctx.reply(f"hello {text}")]

    async def reprompt(ctx: Context) -> Reply:
        return ctx.reply("your name?")

    async def answer(ctx: Context, text: str) -> Reply:
        return ctx.reply(f"answer:{text}")

    router.command("echo", echo, summary="echo")
    router.command("secret", secret, role=Role.SECRETARIAT, summary="secret")
    router.command("broken", broken)
    router.command("name", ask_name)
    router.button("btn", pressed)
    router.button("admin", pressed, role=Role.SECRETARIAT)
    router.flow(FlowRoute("naming", on_name, reprompt))
    router.free_text(answer)
    return router


def message(
    text: str | None = None, payload: str | None = None, user: str = "u1", hint: str | None = None
) -> IncomingMessage:
    return IncomingMessage(
        user=UserRef(Platform.TELEGRAM, user, hint),
        chat=ChatRef(Platform.TELEGRAM, user),
        received_at=datetime(2026, 11, 24, tzinfo=UTC),
        text=text,
        button_payload=payload,
    )


async def texts(router: Router, msg: IncomingMessage) -> list[str]:
    return [reply.text for reply in await router.dispatch(msg)]


async def test_commands_receive_their_arguments_and_ignore_a_bot_suffix(router: Router) -> None:
    assert await texts(router, message("/echo hello world")) == ["echo:hello world"]
    assert await texts(router, message("/ECHO@oer_bot x")) == ["echo:x"]


async def test_an_unknown_command_is_named_back_in_the_members_language(router: Router) -> None:
    (english,) = await texts(router, message("/frobnicate"))
    assert "/frobnicate" in english and "/help" in english
    (french,) = await texts(router, message("/frobnicate", hint="fr-FR"))
    assert "/frobnicate" in french and french != english


async def test_secretariat_commands_and_buttons_are_refused_to_members(
    router: Router, directory: FakeDirectory
) -> None:
    (refusal,) = await texts(router, message("/secret"))
    assert "secretariat" in refusal
    assert await texts(router, message(payload="admin:do")) == [StaleButton().message]
    directory.profiles["telegram:u1"] = MemberProfile(member_id=1, role=Role.SECRETARIAT, consent=True)
    assert await texts(router, message("/secret")) == ["secret"]
    assert await texts(router, message(payload="admin:do")) == ["pressed:admin:do"]


@pytest.mark.parametrize(
    "payload",
    ["nope:1", "", "btn:" + "x" * 80, "btn:\x00\x01", "onb:lang:fr"],
)
async def test_forged_or_unknown_button_payloads_get_a_clear_answer(router: Router, payload: str) -> None:
    (reply,) = await texts(router, message(payload=payload))
    assert "expired" in reply


async def test_empty_and_invisible_messages_are_answered_not_routed(router: Router) -> None:
    for text in ["", "   ", "\u200b\u200d\ufeff", "\x00\x07\x1b"]:
        (reply,) = await texts(router, message(text))
        assert "empty message" in reply


async def test_a_20000_character_message_is_refused_with_its_length(router: Router) -> None:
    (reply,) = await texts(router, message("a" * 20_000))
    assert "20,000" in reply and "4,000" in reply
    (french,) = await texts(router, message("a" * 20_000, hint="fr"))
    assert "20\u202f000" in french


async def test_control_zero_width_and_bidi_characters_are_removed_before_routing(router: Router) -> None:
    assert await texts(router, message("/ec\u200bho\u202e x\x07")) == ["echo:x"]
    assert await texts(router, message("\u200f\u0645\u0631\u062d\u0628\u0627")) == [
        "answer:\u0645\u0631\u062d\u0628\u0627"
    ]


async def test_a_question_typed_while_a_flow_waits_is_answered_then_the_flow_asks_again(
    router: Router,
) -> None:
    assert await texts(router, message("/name")) == ["your name?"]
    assert await texts(router, message("what is OER?")) == ["answer:what is OER?", "your name?"]
    assert await texts(router, message("Amina")) == ["hello Amina"]
    assert await texts(router, message("and now?")) == ["answer:and now?"]


async def test_an_unexpected_error_becomes_an_apology_with_a_reference_and_is_logged(
    router: Router, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="oerbot.router"):
        (reply,) = await texts(router, message("/broken"))
    assert "boom" not in reply and "Traceback" not in reply
    reference = reply.rsplit(" ", 1)[-1].strip(".")
    assert len(reference) == 8
    assert any(reference in record.getMessage() for record in caplog.records)
    assert await texts(router, message("/echo still here")) == ["echo:still here"]


async def test_an_unreachable_database_gets_a_translated_try_again_message(
    router: Router, directory: FakeDirectory
) -> None:
    directory.failure = DatabaseDown("connection refused")
    (english,) = await texts(router, message("/echo x"))
    assert "try again" in english
    (arabic,) = await texts(router, message("/echo x", hint="ar"))
    assert arabic != english and arabic.startswith("\u200f")


async def test_scheduled_events_reach_their_handler_and_failures_send_nothing(router: Router) -> None:
    from bot.core.messages import OutgoingMessage

    async def remind(event: ScheduledEvent) -> list[OutgoingMessage]:
        return [OutgoingMessage(ChatRef(Platform.SLACK, "C1"), Reply(text=f"due {event.payload['what']}"))]

    async def failing(event: ScheduledEvent) -> list[OutgoingMessage]:
        raise RuntimeError("no")

    router.event("remind", remind)
    router.event("failing", failing)
    due = datetime(2026, 12, 1, tzinfo=UTC)
    (sent,) = await router.dispatch_event(ScheduledEvent("remind", due, {"what": "meeting"}))
    assert sent.reply.text == "due meeting"
    assert await router.dispatch_event(ScheduledEvent("failing", due)) == []
    assert await router.dispatch_event(ScheduledEvent("unknown", due)) == []


def test_help_lists_only_the_commands_a_role_may_use(router: Router) -> None:
    assert [route.name for route in router.commands_for(Role.MEMBER)] == ["echo"]
    assert [route.name for route in router.commands_for(Role.SECRETARIAT)] == ["echo", "secret"]


async def test_a_passive_message_answers_without_moving_the_conversation_along(router: Router) -> None:
    from dataclasses import replace

    async def show_settings(ctx: Context) -> Reply:
        ctx.move_to(None)  # like /settings, which leaves any flow
        return ctx.reply("settings")

    router.command("show", show_settings)
    assert await texts(router, message("/name")) == ["your name?"]
    assert [r.text for r in await router.dispatch(replace(message("/show"), passive=True))] == ["settings"]
    assert await texts(router, message("Amina")) == ["hello Amina"]  # the name step still waited
    assert await texts(router, message("/name")) == ["your name?"]
    await router.dispatch(message("/show"))
    assert await texts(router, message("Amina")) == ["answer:Amina"]  # a real /show does end the flow
