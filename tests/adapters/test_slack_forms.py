"""Forms as Slack modals, end to end: the real adapter opens the core's form with the trigger Slack sent,
a signed view_submission comes back, rejected values are shown next to their fields in the still-open
modal, and an accepted form's answer is posted where the form was opened."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.adapters import slack as slack_module
from bot.bootstrap import App
from bot.core.messages import IncomingMessage, Reply
from handlers.licensing import attribution
from handlers.licensing.names import LicenseRef, parse_license
from tests.adapters.fake_slack import SlackHarness, command_form, dm_of, eventually, running_slack
from tests.adapters.fake_slack_modals import ack_errors, view_submission
from tests.fakes import FakeClock

CELL = {"title": "Cell Structure", "author": "Jane Doe", "source": "https://example.org/cell-structure"}
CHANGES = "Cropped and labels translated into Spanish."


@pytest.fixture
async def slack(app: App, clock: FakeClock) -> AsyncIterator[SlackHarness]:
    async with running_slack(app, clock) as harness:
        yield harness


def lic(name: str) -> LicenseRef:
    named = parse_license(name)
    assert isinstance(named, LicenseRef)
    return named


def section_texts(call_params: dict[str, Any]) -> list[str]:
    return [block["text"]["text"] for block in call_params["blocks"] if block["type"] == "section"]


async def opened_modal(slack: SlackHarness, count: int = 1) -> dict[str, Any]:
    await eventually(lambda: len(slack.fake.calls_to("views.open")) == count)
    view: dict[str, Any] = slack.fake.calls_to("views.open")[-1].params["view"]
    return view


async def test_oer_attribute_opens_the_form_as_a_modal_with_the_commands_trigger(slack: SlackHarness) -> None:
    posted = await slack.command("U1RUI", "attribute", channel=dm_of("U1RUI"))

    assert (posted.status, posted.text) == (200, "")
    view = await opened_modal(slack)
    (call,) = slack.fake.calls_to("views.open")
    assert call.params["trigger_id"].endswith(".command")
    assert (view["title"]["text"], view["submit"]["text"]) == ("Credit a work", "Write the credit")
    labels = {block["block_id"]: block["label"]["text"] for block in view["blocks"]}
    assert labels["title"] == "Title of the work" and labels["license"] == "License of the work"
    elements = {block["block_id"]: block["element"]["type"] for block in view["blocks"]}
    assert elements["source"] == "url_text_input" and elements["license"] == "static_select"
    assert elements["changed"] == "radio_buttons" and elements["title"] == "plain_text_input"
    assert [b["block_id"] for b in view["blocks"] if not b["optional"]] == ["changed"]
    await slack.adapter.drain()
    assert slack.fake.sent() == []  # the modal is the answer: nothing else is posted


async def test_a_submitted_modal_closes_and_the_credit_arrives_in_the_dm(slack: SlackHarness) -> None:
    await slack.command("U1RUI", "attribute", channel=dm_of("U1RUI"))
    view = await opened_modal(slack)

    posted = await slack.submit(
        "U1RUI", view, {**CELL, "license": "CC-BY-4.0", "changed": "mod", "changes": CHANGES}
    )

    assert (posted.status, ack_errors(posted.text)) == (200, {})  # an empty ack closes the modal
    await eventually(lambda: len(slack.fake.calls_to("chat.postMessage")) == 3)
    notes, plain, html = (call.params for call in slack.fake.calls_to("chat.postMessage"))
    assert {notes["channel"], plain["channel"], html["channel"]} == {dm_of("U1RUI")}
    expected = attribution.attribute(attribution.Work(**CELL), lic("by"), CHANGES)
    assert section_texts(plain) == [
        expected.plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    ]
    assert "Here is the credit" in section_texts(notes)[0]


async def test_rejected_values_are_shown_by_field_and_the_modal_stays_open(slack: SlackHarness) -> None:
    await slack.command("U2ODA", "attribute", channel=dm_of("U2ODA"))
    view = await opened_modal(slack)

    posted = await slack.submit(
        "U2ODA", view, {"author": "UNESCO", "older_license": "CC BY-SA 3.0 IGO", "changed": "adapt"}
    )

    errors = ack_errors(posted.text)
    assert set(errors) == {"title", "adapted"}
    assert "versions 3.0 and earlier require the title" in errors["title"]
    assert set(errors) <= {block["block_id"] for block in view["blocks"]}
    await slack.adapter.drain()
    assert slack.fake.sent() == []  # nothing posted: the member corrects the form

    corrected = {"title": "ICT Competency Framework for Teachers", "changed": "no"}
    posted = await slack.submit(
        "U2ODA", view, {"author": "UNESCO", "older_license": "CC BY-SA 3.0 IGO", **corrected}
    )
    assert ack_errors(posted.text) == {}
    await eventually(lambda: len(slack.fake.calls_to("chat.postMessage")) == 3)
    plain = slack.fake.calls_to("chat.postMessage")[1].params
    assert section_texts(plain)[0].startswith('"ICT Competency Framework for Teachers" by UNESCO')


async def test_in_a_channel_the_form_answers_only_to_the_person_through_the_commands_response_url(
    slack: SlackHarness,
) -> None:
    await slack.command("U3PIA", "attribute", channel="C0GENERAL", key="k-att")
    view = await opened_modal(slack)
    metadata = json.loads(view["private_metadata"])
    assert (metadata["channel"], metadata["ephemeral"]) == ("C0GENERAL", True)

    await slack.submit("U3PIA", view, {**CELL, "license": "CC0-1.0", "changed": "no"})

    # The response_url works even in a channel the bot was never invited to.
    await eventually(lambda: len(slack.fake.calls_to("response_url")) == 3)
    answers = slack.fake.calls_to("response_url")
    assert {(a.params["key"], a.params["response_type"]) for a in answers} == {("k-att", "ephemeral")}
    assert slack.fake.calls_to("chat.postMessage") == []


async def test_after_the_response_url_expired_the_answer_is_posted_ephemerally(slack: SlackHarness) -> None:
    await slack.command("U3PIA", "attribute", channel="C0GENERAL", key="k-old")
    view = await opened_modal(slack)
    slack.fake.fail("response_url", status=404, error="expired_url", times=3)

    await slack.submit("U3PIA", view, {**CELL, "license": "CC0-1.0", "changed": "no"})

    await eventually(lambda: len(slack.fake.calls_to("chat.postEphemeral")) == 3)
    assert {call.params["user"] for call in slack.fake.calls_to("chat.postEphemeral")} == {"U3PIA"}
    assert slack.fake.calls_to("chat.postMessage") == []


async def test_without_a_trigger_the_offer_is_posted_and_its_button_opens_the_form(
    slack: SlackHarness,
) -> None:
    offer = await slack.dm("U4LEO", "/attribute")  # a DM message carries no trigger: no modal yet

    assert "Fill in the form, or answer my questions here one at a time" in section_texts(offer.params)[0]
    assert slack.fake.calls_to("views.open") == []
    await slack.press("U4LEO", offer.params, "att:form", type="message", channel_id=dm_of("U4LEO"))
    view = await opened_modal(slack)
    assert view["callback_id"] == "oer-form"
    assert slack.fake.calls_to("views.open")[0].params["trigger_id"].endswith(".press")

    await slack.press("U4LEO", offer.params, "att:steps", type="message", channel_id=dm_of("U4LEO"))
    await eventually(lambda: len(slack.fake.calls_to("chat.postMessage")) == 2)
    assert (
        "What is the title of the work you reuse?"
        in section_texts(slack.fake.calls_to("chat.postMessage")[1].params)[0]
    )


async def test_when_slack_refuses_the_modal_the_offer_is_posted_instead(slack: SlackHarness) -> None:
    slack.fake.fail("views.open", error="expired_trigger_id")

    await slack.command("U5KAI", "attribute", channel=dm_of("U5KAI"))

    await eventually(lambda: bool(slack.fake.calls_to("chat.postMessage")))
    offer = slack.fake.calls_to("chat.postMessage")[0].params
    assert [value for _, value in _buttons(offer)] == ["att:form", "att:steps"]
    assert slack.failures == ["expired_trigger_id"]


async def test_the_modal_speaks_the_members_language(slack: SlackHarness) -> None:
    slack.fake.locales["U6ANA"] = "es-ES"
    await slack.command("U6ANA", "attribute", channel=dm_of("U6ANA"))
    view = await opened_modal(slack)
    assert view["title"]["text"] != "Credit a work"

    posted = await slack.submit("U6ANA", view, {"license": "CC-BY-4.0"})

    errors = ack_errors(posted.text)
    assert list(errors) == ["changed"] and "Please choose" not in errors["changed"]


async def test_a_verdict_slower_than_slacks_deadline_is_posted_as_a_message(
    app: App, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(slack_module, "FORM_VERDICT_SECONDS", 0.05)
    gate = asyncio.Event()

    async def slow_core(message: IncomingMessage) -> list[Reply]:
        if message.form_values is not None:
            await gate.wait()
        return await app.router.dispatch(message)

    async with running_slack(app, clock, dispatch=slow_core) as slack:
        await slack.command("U7SAM", "attribute", channel=dm_of("U7SAM"))
        view = await opened_modal(slack)
        posted = await slack.submit("U7SAM", view, {"license": "CC-BY-4.0"})
        assert ack_errors(posted.text) == {}  # acked in time; the modal closes
        gate.set()
        await eventually(lambda: bool(slack.fake.calls_to("chat.postMessage")))
        text = section_texts(slack.fake.calls_to("chat.postMessage")[0].params)[0]
    assert text.startswith("Please correct the form:") and "whether you changed the work" in text


async def test_a_malformed_submission_is_acked_and_ignored(slack: SlackHarness) -> None:
    await slack.command("U8EVE", "attribute", channel=dm_of("U8EVE"))
    view = await opened_modal(slack)

    posted = await slack.submit("U8EVE", {**view, "private_metadata": "not json"}, {"changed": "no"})

    assert (posted.status, posted.text) == (200, "")
    await slack.adapter.drain()
    assert slack.fake.sent() == []


def _buttons(params: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (element["text"]["text"], element["value"])
        for block in params["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
    ]


async def test_over_socket_mode_the_errors_travel_in_the_envelopes_ack(app: App, clock: FakeClock) -> None:
    async with running_slack(app, clock, socket_mode=True) as slack:
        await eventually(lambda: bool(slack.fake._sockets))
        fields = command_form("U9NOA", "attribute", dm_of("U9NOA"), slack.fake.response_url("sock"))
        await slack.fake.push_envelope("slash_commands", fields, "env-cmd")
        view = await opened_modal(slack)

        await slack.fake.push_envelope("interactive", view_submission("U9NOA", view, {}), "env-form")

        await eventually(lambda: any(ack["envelope_id"] == "env-form" for ack in slack.fake.socket_acks))
        (ack,) = [ack for ack in slack.fake.socket_acks if ack["envelope_id"] == "env-form"]
        assert ack["payload"]["response_action"] == "errors"
        assert set(ack["payload"]["errors"]) == {"license", "changed"}
