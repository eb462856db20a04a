"""Replies rendered as Block Kit within Slack's limits, and Slack markup read back as plain text."""

from __future__ import annotations

import itertools

import pytest

from bot.adapters.slack_inbound import command_text
from bot.adapters.slack_render import (
    BUTTON_TEXT_LIMIT,
    MESSAGE_BLOCK_LIMIT,
    SECTION_TEXT_LIMIT,
    actions_blocks,
    button_label,
    escape,
    home_view,
    incoming_text,
    render_reply,
    split_text,
)
from bot.bootstrap import App
from bot.core.messages import Button, IncomingMessage, Reply
from tests.adapters.fake_slack import running_slack
from tests.fakes import FakeClock


def test_only_ampersand_and_angle_brackets_are_escaped() -> None:
    assert escape("<@U1> & <!channel> *bold* _it_ \"q\" 'a'") == (
        "&lt;@U1&gt; &amp; &lt;!channel&gt; *bold* _it_ \"q\" 'a'"
    )


@pytest.mark.parametrize(
    ("slack_text", "plain"),
    [
        ("<@UBOT> what is OER?", "what is OER?"),
        ("hello <@UBOT|oerbot>", "hello"),
        ("is &lt;b&gt; &amp; co ok?", "is <b> & co ok?"),
        ("see <https://oerworld.org|OER World Map>", "see https://oerworld.org"),
        ("mail <mailto:dc@unesco.org|dc@unesco.org>", "mail dc@unesco.org"),
        ("ask <@U0OTHER> and <!here>", "ask <@U0OTHER> and <!here>"),
        ("&amp;lt; stays literal", "&lt; stays literal"),
    ],
)
def test_incoming_slack_markup_becomes_what_the_person_meant(slack_text: str, plain: str) -> None:
    assert incoming_text(slack_text, "UBOT") == plain


@pytest.mark.parametrize(
    ("typed", "core_text"),
    [("", "/help"), ("  help ", "/help"), ("Language fr", "/language fr"), ("what is OER?", "what is OER?")],
)
def test_the_slash_command_text_maps_to_the_core(typed: str, core_text: str) -> None:
    assert command_text(typed, frozenset({"help", "language"})) == core_text


def test_long_text_is_split_at_paragraphs_first() -> None:
    paragraphs = [f"Paragraph {n}. " + "word " * 250 for n in range(6)]  # about 1,270 characters each

    pieces = split_text("\n\n".join(paragraphs))

    assert pieces == [
        "\n\n".join(paragraphs[0:2]),
        "\n\n".join(paragraphs[2:4]),
        "\n\n".join(paragraphs[4:6]),
    ]


def test_splitting_counts_escaped_characters_and_loses_nothing() -> None:
    text = ("a & b < c " * 500).strip() + "\n" + "x" * 7000  # escaping makes it much longer than it looks

    pieces = split_text(text)

    assert all(len(escape(piece)) <= SECTION_TEXT_LIMIT for piece in pieces)
    assert "".join(pieces).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_button_labels_are_cut_at_a_word_with_an_ellipsis() -> None:
    label = "Creative Commons Attribution-ShareAlike 4.0 International, the licence of most OER repositories"

    short = button_label(label)

    assert len(short) <= BUTTON_TEXT_LIMIT and short.endswith("…")
    assert label.startswith(short[:-1]) and short[-2] != " "
    assert button_label("  ✓  English ") == "✓ English"


def test_rows_of_more_than_25_buttons_continue_in_another_actions_block() -> None:
    row = tuple(Button(f"B{n}", f"p:{n}") for n in range(30))

    blocks = actions_blocks([row], itertools.count())

    assert [len(block["elements"]) for block in blocks] == [25, 5]
    assert len({e["action_id"] for block in blocks for e in block["elements"]}) == 30


def test_a_button_whose_payload_slack_cannot_carry_is_left_out() -> None:
    blocks = actions_blocks([(Button("ok", "p:1"), Button("huge", "p:" + "x" * 2000))], itertools.count())

    assert [e["value"] for e in blocks[0]["elements"]] == ["p:1"]


def test_the_notification_text_never_ends_inside_an_entity() -> None:
    (message,) = render_reply(Reply(text="&" * 2000))

    assert len(message.text) <= 3000 and message.text.endswith("&amp;…")


def test_the_home_view_keeps_to_100_blocks() -> None:
    many = Reply(text="x", buttons=tuple((Button(str(n), f"p:{n}"),) for n in range(150)))

    view = home_view([("Heading", [many])])

    assert view["type"] == "home" and len(view["blocks"]) == 100


async def test_a_long_reply_is_split_into_messages_within_slacks_limits(app: App, clock: FakeClock) -> None:
    text = "\n\n".join(f"Section {n}: " + "OER & open licences <3 " * 40 for n in range(120))
    buttons = tuple((Button(f"Choice {n} " + "long " * 20, f"c:{n}"),) for n in range(60))

    async def verbose_core(_message: IncomingMessage) -> list[Reply]:
        return [Reply(text=text, buttons=buttons)]

    async with running_slack(app, clock, dispatch=verbose_core) as slack:
        await slack.dm("U1AMINA", "tell me everything")
        await slack.adapter.drain()
        messages = [call.params for call in slack.fake.calls_to("chat.postMessage")]
    # The fake refused nothing (running_slack checks it) and every limit held:
    assert len(messages) > 2
    assert all(len(m["blocks"]) <= MESSAGE_BLOCK_LIMIT for m in messages)
    sections = [b["text"]["text"] for m in messages for b in m["blocks"] if b["type"] == "section"]
    assert all(len(s) <= SECTION_TEXT_LIMIT for s in sections)
    assert sections[0].startswith("Section 0: OER &amp; open licences &lt;3")
    assert "\n\n".join(sections) == escape(text)  # cut only at paragraph boundaries, nothing lost
    pressed = [
        e["value"] for m in messages for b in m["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert pressed == [f"c:{n}" for n in range(60)]  # buttons in order, after all the text
    assert all(m["text"] for m in messages)
