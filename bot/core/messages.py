"""The neutral vocabulary spoken at the boundary between adapters and the rest of the bot."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.core.forms import Form


class Platform(StrEnum):
    CONSOLE = "console"
    TELEGRAM = "telegram"
    SLACK = "slack"


class Role(StrEnum):
    """What a member may do; each role includes the ones before it."""

    MEMBER = "member"
    ADVISORY = "advisory"
    SECRETARIAT = "secretariat"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def includes(self, other: Role) -> bool:
        return self.rank >= other.rank


@dataclass(frozen=True)
class UserRef:
    """Who wrote: a platform identity. `language_hint` is what the platform says (e.g. "pt-BR")."""

    platform: Platform
    user_id: str
    language_hint: str | None = None

    @property
    def key(self) -> str:
        return f"{self.platform.value}:{self.user_id}"


@dataclass(frozen=True)
class ChatRef:
    """Where to answer. A private chat is a one-to-one conversation with the bot."""

    platform: Platform
    chat_id: str
    is_private: bool = True


@dataclass(frozen=True)
class IncomingMessage:
    """One thing a person did: typed `text`, pressed a button carrying `button_payload`, or submitted a
    form: then `button_payload` is the form's payload and `form_values` what was entered."""

    user: UserRef
    chat: ChatRef
    received_at: datetime
    text: str | None = None
    button_payload: str | None = None
    message_id: str | None = None
    # Sent by the platform on the person's behalf (e.g. to draw Slack's Home tab), not by them: it
    # must not move their conversation along, so whatever step they were in still waits.
    passive: bool = False
    form_values: Mapping[str, str] | None = None
    # The surface can show a form (a Slack modal) in answer to this message.
    can_show_forms: bool = False


@dataclass(frozen=True)
class Button:
    """A choice offered under a reply; pressing it sends `payload` back (at most 64 bytes)."""

    label: str
    payload: str


@dataclass(frozen=True)
class Attachment:
    """A file sent with a reply, such as the JSON export of a member's data."""

    filename: str
    content: bytes
    media_type: str


@dataclass(frozen=True)
class Reply:
    """What the bot says back. `buttons` are rows of choices; `direction` is "rtl" for Arabic.

    `language`: what the adapter writes around the reply should match it (e.g. Slack's Home headings).
    `form`: a form to open with this reply where the surface can (the reply's text and buttons remain
    the way in when it cannot be opened right away). `field_errors`: a submitted form's problems, field
    name -> translated explanation; the text says the same for surfaces that cannot show them by field.
    """

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    attachments: tuple[Attachment, ...] = ()
    direction: str = "ltr"
    form: Form | None = None
    field_errors: tuple[tuple[str, str], ...] = ()
    language: str | None = None  # the language it is written in, where the core knows it

    @property
    def all_buttons(self) -> tuple[Button, ...]:
        return tuple(button for row in self.buttons for button in row)


@dataclass(frozen=True)
class ScheduledEvent:
    """A due job from the scheduler, routed like any message (e.g. a meeting reminder)."""

    name: str
    due_at: datetime
    payload: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class OutgoingMessage:
    """A message the bot starts itself (announcement, reminder), sent through a Messenger."""

    to: ChatRef
    reply: Reply


def parse_identity(text: str) -> tuple[Platform, str]:
    """ "telegram:12345" -> (Platform.TELEGRAM, "12345"); raises ValueError with a readable reason."""
    platform_name, separator, user_id = text.strip().partition(":")
    if not separator or not user_id.strip():
        raise ValueError(f"{text.strip()!r} is not PLATFORM:USER_ID (for example telegram:123456789)")
    try:
        platform = Platform(platform_name.strip().lower())
    except ValueError:
        names = ", ".join(p.value for p in Platform)
        raise ValueError(
            f"unknown platform {platform_name!r} in {text.strip()!r}; use one of {names}"
        ) from None
    return platform, user_id.strip()
