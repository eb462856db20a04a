"""One member's conversation with the real bot through each surface, in one small vocabulary.

The contract tests (test_contract.py) script a conversation once and run it on the console, on Telegram
(the real adapter against FakeBotApi) and on Slack (the real adapter against FakeSlack). A `Surface`:

    platform, user_id   who the member is there (their identity in the store is (platform, user_id))
    say(text)           the member writes `text`; returns the text of every reply they then read, in order
    press(payload)      the member presses the button carrying `payload` in the latest replies
    offered()           the neutral payloads of the buttons in the latest replies, in order
    attachments()       the files that came with the latest replies (the /mydata export)
    as_shown(text)      a catalogue sentence as this surface shows it (see "Slack" below)
    shows_forms         whether several answers are asked at once in a form (Slack's modals); then
    fill_in_form(values) submits the form the latest command or press opened

Telegram and Slack surfaces also have forge(payload): a press carrying a payload the bot never offered (an
old message's button, or a crafted client). A console member can only type the number of a choice on
screen, so the console cannot forge one.

How the member does each thing, the platform's way:

    surface    say("/language es")                   say("Kenya")     press(payload)
    console    handle_line("/language es")           the line         types the choice's number
    telegram   a message with a bot_command entity   a message        a callback_query with the button's
                                                                      callback_data
    slack      `/oer language es` in the DM with     a DM (message    a block_actions payload for the
               the bot (Slack keeps "/..." for its   event), & < >    message that carried the button
               slash commands, so the bot's          escaped as
               commands are subcommands of /oer)     Slack does

What the member reads: the console's printed text; on Telegram the HTML as the app shows it (parsed by
the fake); on Slack the sections' mrkdwn, unescaped. A reply that the platform cut into several
messages (Telegram above 4096 characters, Slack above 3000 per section or 50 blocks) is read as one text,
its parts joined by a blank line; the contract conversations have short replies.

Waiting, without sleeps: every surface wraps the core's dispatch in a `Transcript`, which records each
message the core handled with the replies it returned. From those replies the driver knows how many
sends must reach the fake (Telegram: one sendMessage per part of split_text, one sendDocument per file;
Slack: one message per render_reply chunk, one completed upload per file), and waits, with a deadline,
until the core has handled the message and the fake holds exactly that many sends for this member. A
send the fake refuses, or a Slack limit violated, fails at once instead of waiting out the deadline.

Differences papered over here, and why they stay out of the tests:

* Slack shows the bot's commands as /oer subcommands ("Type /oer help"): deliberate and visible to
  members, done in the adapter (slack_command_hints). `as_shown` applies that same function to the
  expected sentence, so tests compare what Slack members really read.
* Telegram replaces payloads longer than 64 bytes with "~token" callback data kept by the adapter; a
  shown button's neutral payload is then the core's button at the same place (labels are checked to
  match). The console shows no payloads at all (only "[n] label"), so its neutral payloads also come
  from the core's replies, checked against the printed numbers and labels. Its private `_choices` is
  not read: pressing types the number and the driver checks the core received that payload.
* Telegram paces replies at one a second per chat (Telegram's flood limit); the driver gives the adapter
  the same TelegramRateLimiter with test rates, as the throughput benchmark does, or every reply would
  cost a second. Pacing itself is tested in test_telegram_units.py.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from bot.adapters.console import ConsoleChat
from bot.adapters.slack import slack_command_hints
from bot.adapters.slack_render import button_label, render_reply
from bot.adapters.slack_render import escape as slack_escape
from bot.adapters.telegram_limits import TelegramRateLimiter
from bot.adapters.telegram_render import split_text
from bot.bootstrap import App
from bot.core.i18n import negotiate
from bot.core.messages import Button, IncomingMessage, Platform, Reply, Role
from bot.core.ports import Dispatch
from tests.adapters import fake_slack, fake_telegram
from tests.adapters.fake_slack import SlackHarness, dm_event, dm_of, running_slack
from tests.adapters.fake_telegram import FakeBotApi, callback_query, command, message, running_adapter, wiring
from tests.fakes import FakeClock

SURFACES = ("console", "telegram", "slack")
DEADLINE = 10.0  # seconds for one message to be handled and every reply to reach the fake

CONSOLE_USER = "ada-at-the-terminal"
TELEGRAM_USER = 7300451982
TELEGRAM_APP_LANGUAGE = "en"  # the language_code Telegram sends: the member's app language
SLACK_USER = "U0CONTRACT"  # the fake's users.info gives every member the locale en-US


@runtime_checkable
class Surface(Protocol):
    platform: Platform
    user_id: str

    async def say(self, text: str) -> list[str]: ...

    async def press(self, payload: str) -> list[str]: ...

    def offered(self) -> list[str]: ...

    def attachments(self) -> list[bytes]: ...

    def as_shown(self, text: str) -> str: ...

    # Whether several answers are asked at once, in a form (Slack's modals), rather than one at a time.
    shows_forms: bool

    async def fill_in_form(self, values: dict[str, str]) -> list[str]: ...


@runtime_checkable
class ForgingSurface(Surface, Protocol):
    async def forge(self, payload: str) -> list[str]: ...


# -- the core's side of the conversation ----------------------------------------------------------------


@dataclass(frozen=True)
class Turn:
    message: IncomingMessage
    replies: tuple[Reply, ...]


class Transcript:
    """The dispatch given to an adapter: passes each message to the core and records it with the replies
    the core returned, once it returned them (so a turn's presence means "the core has handled it")."""

    def __init__(self, inner: Dispatch) -> None:
        self._inner = inner
        self.turns: list[Turn] = []

    async def __call__(self, message: IncomingMessage) -> list[Reply]:
        replies = await self._inner(message)
        self.turns.append(Turn(message, tuple(replies)))
        return replies


# -- what the member sees -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """A button as shown: its label there, its neutral payload, and how this surface presses it (the
    console's number, Telegram's callback_data, the Slack message that carried it)."""

    label: str
    payload: str
    handle: Any


@dataclass(frozen=True)
class Shown:
    """One reply as the member sees it."""

    text: str
    choices: tuple[Choice, ...] = ()
    files: tuple[bytes, ...] = ()


def paired(
    platform: Platform,
    shown: Sequence[tuple[str, str | None, Any]],
    core: Sequence[Button],
    label: Callable[[str], str] = str,
) -> tuple[Choice, ...]:
    """The buttons a surface shows as (label, payload if it shows one, handle), checked against the core's
    buttons of the same reply: the same number, in the same order, with the same labels and payloads."""
    shown_labels = [entry[0] for entry in shown]
    expected_labels = [label(button.label) for button in core]
    assert shown_labels == expected_labels, (
        f"{platform} shows buttons {shown_labels}, the core gave {expected_labels}"
    )
    choices = []
    for (shown_label, data, handle), button in zip(shown, core, strict=True):
        assert data is None or data == button.payload, f"{platform} button {shown_label!r} carries {data!r}"
        choices.append(Choice(shown_label, button.payload, handle))
    return tuple(choices)


class _Driver:
    platform: Platform
    user_id: str
    shows_forms = False

    def __init__(self, transcript: Transcript) -> None:
        self.transcript = transcript
        self.latest: list[Shown] = []

    # -- the vocabulary -------------------------------------------------------------------------------

    async def say(self, text: str) -> list[str]:
        return self._seen(await self._say(text))

    async def press(self, payload: str) -> list[str]:
        choice = self._choice(payload)
        shown = await self._press(choice)
        pressed = self._turns()[-1].message.button_payload
        assert pressed == payload, f"pressing {payload!r} on {self.platform} sent the core {pressed!r}"
        return self._seen(shown)

    def offered(self) -> list[str]:
        return [choice.payload for shown in self.latest for choice in shown.choices]

    def attachments(self) -> list[bytes]:
        return [file for shown in self.latest for file in shown.files]

    def as_shown(self, text: str) -> str:
        return text

    async def fill_in_form(self, values: dict[str, str]) -> list[str]:
        raise AssertionError(f"{self.platform} asks one question at a time; it shows no forms")

    # -- for the drivers ------------------------------------------------------------------------------

    async def _say(self, text: str) -> list[Shown]:
        raise NotImplementedError

    async def _press(self, choice: Choice) -> list[Shown]:
        raise NotImplementedError

    def _turns(self) -> list[Turn]:
        """The turns of this member (a surface may serve others too, e.g. the Slack Home tab)."""
        return [
            turn
            for turn in self.transcript.turns
            if (turn.message.user.platform, turn.message.user.user_id) == (self.platform, self.user_id)
        ]

    def _choice(self, payload: str) -> Choice:
        for shown in self.latest:
            for choice in shown.choices:
                if choice.payload == payload:
                    return choice
        raise AssertionError(
            f"no button {payload!r} in the latest replies on {self.platform}: {self.offered()}"
        )

    def _seen(self, shown: list[Shown]) -> list[str]:
        self.latest = shown
        return [reply.text for reply in shown]


# -- the console --------------------------------------------------------------------------------------

_CHOICE_LINE = re.compile(r"  \[(\d+)\] (.*)\n")
_FILE_LINE = re.compile(r"  📎 (.*)\n")


class ConsoleSurface(_Driver):
    """A ConsoleChat as `oerbot chat --user ...` runs it through a pipe; what it prints is what is read."""

    platform = Platform.CONSOLE

    def __init__(self, app: App, files_dir: Path, user_id: str = CONSOLE_USER) -> None:
        super().__init__(Transcript(app.router.dispatch))
        self.user_id = user_id
        files_dir.mkdir(parents=True, exist_ok=True)  # where the console saves files it is sent
        self._printed = io.StringIO()
        self._read_up_to = 0
        hint = app.settings.default_language  # what `oerbot chat` passes without --lang
        self.chat = ConsoleChat(
            dispatch=self.transcript,
            now=app.clock.now,
            user_id=user_id,
            translator=app.catalogs.translator(negotiate([hint])),
            language_hint=hint,
            stdin=io.StringIO(),
            stdout=self._printed,
            interactive=False,
            files_dir=files_dir,
        )

    async def _say(self, text: str) -> list[Shown]:
        return await self._type(text)

    async def _press(self, choice: Choice) -> list[Shown]:
        return await self._type(choice.handle)  # its number

    async def _type(self, line: str) -> list[Shown]:
        before = len(self._turns())
        await self.chat.handle_line(line)  # returns once the replies are printed
        turns = self._turns()
        assert len(turns) == before + 1, f"the console passed {len(turns) - before} messages for one line"
        printed = self._printed.getvalue()
        new, self._read_up_to = printed[self._read_up_to :], len(printed)
        return self._read(new, turns[-1].replies)

    def _read(self, printed: str, replies: Sequence[Reply]) -> list[Shown]:
        """Cut what was printed into the replies: each is its text, its numbered choices (numbered on from
        one reply to the next), its saved files, and a blank line."""
        shown: list[Shown] = []
        at, number = 0, 0
        for reply in replies:
            text, at = printed[at : at + len(reply.text)], at + len(reply.text)
            at = _expect(printed, at, "\n")
            entries = []
            for _ in reply.all_buttons:
                line = _CHOICE_LINE.match(printed, at)
                number += 1
                assert line and int(line[1]) == number, f"choice [{number}] expected at {printed[at:]!r}"
                entries.append((line[2], None, line[1]))
                at = line.end()
            files = []
            for _ in reply.attachments:
                line = _FILE_LINE.match(printed, at)
                assert line, f"a saved file expected at {printed[at:]!r}"
                files.append(Path(line[1]).read_bytes())
                at = line.end()
            at = _expect(printed, at, "\n")
            choices = paired(self.platform, entries, reply.all_buttons)
            shown.append(Shown(text, choices, tuple(files)))
        assert at == len(printed), f"the console printed more than the replies: {printed[at:]!r}"
        return shown


def _expect(printed: str, at: int, what: str) -> int:
    assert printed.startswith(what, at), f"{what!r} expected at {printed[at:]!r}"
    return at + len(what)


# -- the platforms behind a network -------------------------------------------------------------------


class _Networked(_Driver):
    """An adapter that receives over HTTP and answers asynchronously: each exchange waits for the core
    to have handled the message and for every reply to have reached the fake."""

    async def forge(self, payload: str) -> list[str]:
        return self._seen(await self._exchange(lambda: self._send_forged(payload)))

    async def _say(self, text: str) -> list[Shown]:
        return await self._exchange(lambda: self._send_text(text))

    async def _press(self, choice: Choice) -> list[Shown]:
        return await self._exchange(lambda: self._send_press(choice))

    async def _exchange(self, act: Callable[[], Awaitable[None]]) -> list[Shown]:
        turns_before, sends_before = len(self._turns()), len(self._sends())
        await act()

        def expected_sends() -> int | None:
            turns = self._turns()
            if len(turns) == turns_before:
                return None
            return sends_before + sum(self._sends_for(reply) for reply in turns[turns_before].replies)

        def settled() -> bool:
            self._fail_fast()
            expected = expected_sends()
            return expected is not None and len(self._sends()) >= expected

        try:
            await self._eventually(settled)
        except AssertionError as error:
            raise AssertionError(
                f"{self.platform}: after {DEADLINE} s the core handled {len(self._turns()) - turns_before} "
                f"messages and {len(self._sends()) - sends_before} sends reached the fake "
                f"(expected 1 message, {(expected_sends() or sends_before) - sends_before} sends)"
            ) from error
        await self._quiet()
        turns = self._turns()
        assert len(turns) == turns_before + 1, f"{self.platform} passed {len(turns) - turns_before} messages"
        assert len(self._sends()) == expected_sends(), f"{self.platform} sent more than the replies"
        return self._read(turns[-1].replies, self._sends()[sends_before:])

    async def _quiet(self) -> None:
        """Whatever else makes sure nothing is still in flight."""

    # -- per platform ---------------------------------------------------------------------------------

    async def _eventually(self, predicate: Callable[[], bool]) -> None:
        raise NotImplementedError

    async def _send_text(self, text: str) -> None:
        raise NotImplementedError

    async def _send_press(self, choice: Choice) -> None:
        raise NotImplementedError

    async def _send_forged(self, payload: str) -> None:
        raise NotImplementedError

    def _sends(self) -> list[Any]:
        raise NotImplementedError

    def _sends_for(self, reply: Reply) -> int:
        raise NotImplementedError

    def _fail_fast(self) -> None:
        raise NotImplementedError

    def _read(self, replies: Sequence[Reply], sends: Sequence[Any]) -> list[Shown]:
        raise NotImplementedError


class TelegramSurface(_Networked):
    """A private chat with the bot: updates pushed to the fake Bot API, read back by long polling."""

    platform = Platform.TELEGRAM

    def __init__(self, fake: FakeBotApi, transcript: Transcript, user_id: int = TELEGRAM_USER) -> None:
        super().__init__(transcript)
        self.fake = fake
        self.user_id = str(user_id)
        self._id = user_id  # in a private chat, the chat id is the member's id

    async def _send_text(self, text: str) -> None:
        if text.startswith("/"):  # Telegram's apps mark a typed command with a bot_command entity
            name, _, args = text[1:].partition(" ")
            update = command(name, args.strip(), user_id=self._id, language_code=TELEGRAM_APP_LANGUAGE)
        else:
            update = message(text, user_id=self._id, language_code=TELEGRAM_APP_LANGUAGE)
        self.fake.push_update(update)

    async def _send_press(self, choice: Choice) -> None:
        answered = len(self.fake.calls_to("answerCallbackQuery"))
        await self._send_forged(choice.handle)
        # The spinner on the member's button stops (answerCallbackQuery), whatever the answer.
        await self._eventually(lambda: len(self.fake.calls_to("answerCallbackQuery")) > answered)

    async def _send_forged(self, payload: str) -> None:
        self.fake.push_update(callback_query(payload, user_id=self._id, language_code=TELEGRAM_APP_LANGUAGE))

    async def _eventually(self, predicate: Callable[[], bool]) -> None:
        await fake_telegram.eventually(predicate, timeout=DEADLINE)

    def _sends(self) -> list[fake_telegram.Call]:
        return [
            call
            for call in self.fake.calls
            if call.method in ("sendMessage", "sendDocument") and call.params.get("chat_id") == self._id
        ]

    def _sends_for(self, reply: Reply) -> int:
        return len(split_text(reply.text)) + len(reply.attachments)

    def _fail_fast(self) -> None:
        refused = [call for call in self._sends() if call.status not in (0, 200)]
        assert not refused, f"the fake Bot API refused {[(c.method, c.status) for c in refused]}"

    def _read(self, replies: Sequence[Reply], sends: Sequence[fake_telegram.Call]) -> list[Shown]:
        calls = iter(sends)
        shown = []
        for reply in replies:
            parts = [next(calls) for _ in split_text(reply.text)]
            documents = [next(calls) for _ in reply.attachments]
            assert [c.method for c in parts + documents] == ["sendMessage"] * len(parts) + [
                "sendDocument"
            ] * len(documents), "a reply's text parts come first, then its files"
            keyboard = [button for row in parts[-1].buttons for button in row] if parts else []
            entries = [
                (
                    button["text"],
                    None if button["callback_data"].startswith("~") else button["callback_data"],
                    button["callback_data"],
                )
                for button in keyboard
            ]
            choices = paired(self.platform, entries, reply.all_buttons)
            files = tuple(document.params["document"]["content"] for document in documents)
            shown.append(Shown("\n\n".join(part.visible_text for part in parts), choices, files))
        return shown


class SlackSurface(_Networked):
    """The member's DM with the bot: events and /oer commands signed and posted to the adapter, answers
    read from the fake Web API."""

    platform = Platform.SLACK
    shows_forms = True

    def __init__(
        self,
        harness: SlackHarness,
        transcript: Transcript,
        commands: frozenset[str],
        user_id: str = SLACK_USER,
    ) -> None:
        super().__init__(transcript)
        self.harness = harness
        self.fake = harness.fake
        self.user_id = user_id
        self.dm = dm_of(user_id)
        self._commands = commands
        self._sent = 0
        self._triggered = False  # whether the latest act gave Slack's trigger to open a modal with
        self._form: dict[str, Any] | None = None  # the modal last opened

    def as_shown(self, text: str) -> str:
        return slack_command_hints(text, self._commands)

    async def fill_in_form(self, values: dict[str, str]) -> list[str]:
        """Submit the open modal with `values`; the modal must close (an empty ack) and the answers come."""
        view = self._form
        assert view is not None, "no form is open"
        self._form = None

        async def submit() -> None:
            self._triggered = False
            posted = await self.harness.submit(self.user_id, view, values)
            assert (posted.status, posted.text) == (200, ""), f"the form was not accepted: {posted}"

        return self._seen(await self._exchange(submit))

    async def _send_text(self, text: str) -> None:
        self._sent += 1
        self._triggered = text.startswith("/")
        if text.startswith("/"):  # typed as `/oer language es` in the DM: Slack keeps "/..." for itself
            posted = await self.harness.command(
                self.user_id, slack_escape(text[1:]), channel=self.dm, key=f"said-{self._sent}"
            )
        else:
            posted = await self.harness.event(dm_event(self.user_id, slack_escape(text)))
        assert (posted.status, posted.text) == (200, ""), posted

    async def _send_press(self, choice: Choice) -> None:
        await self._post_press(choice.handle, choice.payload)

    async def _send_forged(self, payload: str) -> None:
        button = {
            "type": "button",
            "text": {"type": "plain_text", "text": "An old button", "emoji": True},
            "action_id": "oer-0",
            "value": payload,
        }
        await self._post_press({"blocks": [{"type": "actions", "elements": [button]}]}, payload)

    async def _post_press(self, carrier: dict[str, Any], payload: str) -> None:
        self._triggered = True
        posted = await self.harness.press(
            self.user_id, carrier, payload, type="message", channel_id=self.dm, is_ephemeral=False
        )
        assert (posted.status, posted.text) == (200, ""), posted

    async def _eventually(self, predicate: Callable[[], bool]) -> None:
        await fake_slack.eventually(predicate, timeout=DEADLINE)

    async def _quiet(self) -> None:
        assert await self.harness.adapter.drain(DEADLINE), "the Slack adapter is still answering"

    def _sends(self) -> list[fake_slack.Call]:
        """Everything the bot said to this member: in the DM, ephemerally, through a response_url, or a
        file shared into the DM (the fake serves this member only, so all of it is theirs)."""
        kinds = (
            "chat.postMessage",
            "chat.postEphemeral",
            "response_url",
            "files.completeUploadExternal",
            "views.open",
        )
        return [call for call in self.fake.calls if call.method in kinds]

    def _sends_for(self, reply: Reply) -> int:
        if self._opens_form(reply):
            return 1  # the modal instead of the reply
        return len(render_reply(self._as_sent(reply))) + len(reply.attachments)

    def _opens_form(self, reply: Reply) -> bool:
        return reply.form is not None and self._triggered

    def _as_sent(self, reply: Reply) -> Reply:
        return replace(reply, text=self.as_shown(reply.text))

    def _fail_fast(self) -> None:
        assert not self.fake.violations, f"Slack's limits were violated: {self.fake.violations}"
        assert not self.harness.failures, f"delivering to Slack failed: {self.harness.failures}"

    def _read(self, replies: Sequence[Reply], sends: Sequence[fake_slack.Call]) -> list[Shown]:
        calls = iter(sends)
        shown = []
        for reply in replies:
            if self._opens_form(reply):
                opened = next(calls)
                assert opened.method == "views.open", "a form offered after a command or a press opens"
                self._form = opened.params["view"]
                shown.append(Shown(opened.params["view"]["title"]["text"]))
                continue
            messages = [next(calls) for _ in render_reply(self._as_sent(reply))]
            uploads = [next(calls) for _ in reply.attachments]
            assert [c.method for c in messages] == ["chat.postMessage"] * len(messages), "answered in the DM"
            assert all(c.params["channel"] == self.dm for c in messages), "answered in the member's DM"
            assert [c.method for c in uploads] == ["files.completeUploadExternal"] * len(uploads)
            assert all(c.params["channel_id"] == self.dm for c in uploads), "files shared into the DM"
            blocks = [(m.params, block) for m in messages for block in m.params["blocks"]]
            sections = [_unescape(block["text"]["text"]) for _, block in blocks if block["type"] == "section"]
            entries = [
                (element["text"]["text"], element["value"], carrier)
                for carrier, block in blocks
                if block["type"] == "actions"
                for element in block["elements"]
            ]
            choices = paired(self.platform, entries, reply.all_buttons, label=button_label)
            files = tuple(
                self.fake.uploads[shared["id"]]
                for upload in uploads
                for shared in json.loads(upload.params["files"])
            )
            shown.append(Shown("\n\n".join(sections), choices, files))
        return shown


def _unescape(mrkdwn: str) -> str:
    """What Slack shows for escaped mrkdwn text: the three entities Slack uses, as characters."""
    return mrkdwn.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


# -- opening a surface on the real bot ----------------------------------------------------------------


@contextlib.asynccontextmanager
async def open_surface(name: str, app: App, clock: FakeClock, files_dir: Path) -> AsyncIterator[Surface]:
    """The surface `name` ("console", "telegram", "slack") on the running bot `app`; torn down on exit
    (the adapter stopped, the fake closed, Slack's limits checked)."""
    if name == "console":
        yield ConsoleSurface(app, files_dir)
    elif name == "telegram":
        transcript = Transcript(app.router.dispatch)
        fast = TelegramRateLimiter(chat_rate=1000, overall_rate=1000)  # see the module docstring
        async with FakeBotApi() as fake, running_adapter(fake, **wiring(app, transcript), rate_limiter=fast):
            yield TelegramSurface(fake, transcript)
    elif name == "slack":
        transcript = Transcript(app.router.dispatch)
        commands = frozenset(route.name.lower() for route in app.router.commands_for(Role.SECRETARIAT))
        async with running_slack(app, clock, dispatch=transcript) as harness:
            yield SlackSurface(harness, transcript, commands | {"help"})
    else:
        raise ValueError(f"no surface {name!r}; there are {SURFACES}")
