"""The core's forms as Block Kit modals, within Slack's limits, and submitted values read back."""

from __future__ import annotations

import json

import pytest

from bot.adapters.slack_delivery import Target
from bot.adapters.slack_forms import field_errors, modal_view, submission
from bot.core.forms import Choice, FieldKind, Form, FormField
from bot.core.messages import Reply
from tests.adapters.fake_slack_modals import modal_problems, view_submission


def a_form(title: str = "Credit a work", choices: int = 3) -> Form:
    return Form(
        title=title,
        submit_label="Write the credit",
        payload="att:submit",
        fields=(
            FormField("name", "Name", max_length=120, hint="As they ask to be credited"),
            FormField("notes", "Notes", FieldKind.LONG_TEXT, max_length=300),
            FormField("link", "Link", FieldKind.LINK),
            FormField(
                "pick", "Pick", FieldKind.CHOICE, required=True,
                choices=tuple(Choice(f"Option {n} " + "x" * 80, f"v{n}") for n in range(choices)),
            ),
        ),
    )  # fmt: skip


def test_a_form_becomes_a_modal_within_slacks_limits() -> None:
    view = modal_view(a_form("Créditer une œuvre réutilisée, pas à pas"), Target("D1", ephemeral=False))

    assert modal_problems(view) == []
    assert view["title"]["text"] == "Créditer une œuvre réut…" and len(view["title"]["text"]) == 24
    name, notes, link, pick = view["blocks"]
    assert (name["optional"], pick["optional"]) == (True, False)
    assert name["element"] == {"type": "plain_text_input", "action_id": "value", "max_length": 120}
    assert name["hint"]["text"] == "As they ask to be credited"
    assert notes["element"]["multiline"] is True
    assert link["element"] == {"type": "url_text_input", "action_id": "value"}
    assert pick["element"]["type"] == "radio_buttons"
    assert all(len(option["text"]["text"]) <= 75 for option in pick["element"]["options"])


@pytest.mark.parametrize(
    ("choices", "kind", "shown"),
    [(5, "radio_buttons", 5), (6, "static_select", 6), (150, "static_select", 100)],
)
def test_many_choices_become_a_menu_of_at_most_100(choices: int, kind: str, shown: int) -> None:
    view = modal_view(a_form(choices=choices), Target("D1"))
    element = view["blocks"][3]["element"]
    assert (element["type"], len(element["options"])) == (kind, shown)
    assert modal_problems(view) == []


def test_the_return_address_and_the_values_come_back_from_the_submission() -> None:
    where = Target(
        "C0GENERAL",
        ephemeral=True,
        response_url="https://hooks.slack.test/c/1",
        thread_ts="1700000000.000100",
    )
    view = modal_view(a_form(), where)
    body = view_submission("U1", view, {"name": "Jane Doe", "pick": "v2"})

    submitted = submission(json.loads(json.dumps(body)))

    assert submitted.user_id == "U1" and submitted.payload == "att:submit"
    assert submitted.values == {"name": "Jane Doe", "notes": "", "link": "", "pick": "v2"}
    assert submitted.target == where
    assert submitted.chat.is_private is False


def test_a_submission_without_its_metadata_is_malformed() -> None:
    body = view_submission("U1", modal_view(a_form(), Target("D1")), {})
    body["view"]["private_metadata"] = ""
    with pytest.raises(json.JSONDecodeError):
        submission(body)


def test_field_errors_are_collected_from_the_replies() -> None:
    replies = [Reply("Please correct the form:", field_errors=(("name", "Too long"),)), Reply("other")]
    assert field_errors(replies) == {"name": "Too long"}
    assert field_errors([Reply("fine")]) == {}
