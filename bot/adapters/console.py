"""The console adapter: chat with the bot in a terminal, or script it through a pipe.

Buttons become numbered choices; typing a number presses the button. When standard input is not a
terminal, each line is one message and the replies are printed, so a conversation can be scripted:

    printf '/start\\n/language fr\\n/help\\n' | oerbot chat --user alice
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bot.core.i18n import N_, Translator
from bot.core.messages import Button, ChatRef, IncomingMessage, OutgoingMessage, Platform, Reply, UserRef
from bot.core.ports import Dispatch

Now = Callable[[], datetime]


class ConsoleChat:
    def __init__(
        self,
        *,
        dispatch: Dispatch,
        now: Now,
        user_id: str,
        translator: Translator,
        language_hint: str | None = None,
        stdin: TextIO,
        stdout: TextIO,
        interactive: bool,
        files_dir: Path,
    ) -> None:
        self._dispatch = dispatch
        self._now = now
        self._user = UserRef(Platform.CONSOLE, user_id, language_hint)
        self._chat = ChatRef(Platform.CONSOLE, user_id, is_private=True)
        self._translator = translator
        self._stdin = stdin
        self._stdout = stdout
        self._interactive = interactive
        self._files_dir = files_dir
        self._choices: tuple[Button, ...] = ()
        self._sequence = 0

    async def run(self) -> None:
        if self._interactive:
            self._say(
                self._translator.t(
                    N_(
                        "Console chat with oerbot as “{user}”. "
                        "Type /start to begin, /help for the commands, Ctrl-D to leave."
                    ),
                    user=self._user.user_id,
                )
            )
        while True:
            line = await asyncio.to_thread(self._read_line)
            if line is None:
                break
            await self.handle_line(line)

    async def send(self, message: OutgoingMessage) -> bool:
        """A message the bot starts itself: shown if it is for this console's user; nobody else is here."""
        if message.to.platform != Platform.CONSOLE or message.to.chat_id != self._user.user_id:
            return False
        self._show([message.reply])
        return True

    async def handle_line(self, line: str) -> None:
        """One line typed: a number presses that button of the last replies, anything else is a message."""
        replies = await self._dispatch(self._message_for(line.rstrip("\r\n")))
        self._show(replies)

    def _read_line(self) -> str | None:
        if self._interactive:
            try:
                return input("> ")
            except EOFError:
                return None
        line = self._stdin.readline()
        return line if line else None

    def _message_for(self, line: str) -> IncomingMessage:
        self._sequence += 1
        choice = line.strip()
        button = None
        if choice.isdecimal() and self._choices and 1 <= int(choice) <= len(self._choices):
            button = self._choices[int(choice) - 1]
        return IncomingMessage(
            user=self._user,
            chat=self._chat,
            received_at=self._now(),
            text=None if button else line,
            button_payload=button.payload if button else None,
            message_id=str(self._sequence),
        )

    def _show(self, replies: list[Reply]) -> None:
        """Print the replies; their buttons are numbered on from one reply to the next."""
        choices: list[Button] = []
        for reply in replies:
            self._say(reply.text)
            for button in reply.all_buttons:
                choices.append(button)
                self._say(f"  [{len(choices)}] {button.label}")
            for attachment in reply.attachments:
                path = self._files_dir / attachment.filename
                path.write_bytes(attachment.content)
                self._say(f"  📎 {path}")
            self._say("")
        self._choices = tuple(choices)

    def _say(self, text: str) -> None:
        self._stdout.write(text + "\n")
        self._stdout.flush()
