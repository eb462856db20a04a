"""Forms: several answers collected at once where the platform has a form surface (Slack's modals).

A handler describes a form in neutral terms; an adapter that can show forms renders it and, when the
person submits it, sends back an IncomingMessage whose `button_payload` is the form's `payload` and whose
`form_values` hold what was entered (every field present, "" when left empty). The handler checks the
values and either answers or raises `router.FormRejected` with a translated message per field; the reply
then carries those `field_errors`, which the adapter shows next to the fields. Platforms without forms
never receive one: handlers offer a form only when `IncomingMessage.can_show_forms` is true, and
otherwise ask one question at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FieldKind(StrEnum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # several lines
    LINK = "link"  # a web address
    CHOICE = "choice"  # one of `choices`


@dataclass(frozen=True)
class Choice:
    label: str
    value: str


@dataclass(frozen=True)
class FormField:
    """One question of a form. `label` and `hint` are already translated; `max_length` counts characters."""

    name: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    max_length: int | None = None
    hint: str = ""
    choices: tuple[Choice, ...] = ()

    def __post_init__(self) -> None:
        if (self.kind is FieldKind.CHOICE) != bool(self.choices):
            raise ValueError(f"field {self.name!r}: choices go with, and only with, a choice field")


@dataclass(frozen=True)
class Form:
    """A form to show. `payload` is routed like a button's when it is submitted (at most 64 bytes)."""

    title: str
    submit_label: str
    payload: str
    fields: tuple[FormField, ...]

    def __post_init__(self) -> None:
        names = [field.name for field in self.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"form {self.payload!r} has two fields with the same name")
