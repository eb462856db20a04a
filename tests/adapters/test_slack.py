"""Slack conversations end to end: signed requests to the real adapter on the bot's HTTP server, the real
bot behind it, and the fake Slack Web API recording what members would see."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from bot.bootstrap import App
from bot.core.i18n import Catalogs
from bot.core.messages import (
    Attachment,
    Button,
    ChatRef,
    IncomingMessage,
    OutgoingMessage,
    Platform,
    Reply,
    UserRef,
)
from tests.adapters.fake_slack import (
    SlackHarness,
    dm_of,
    eventually,
    home_opened_event,
    mention_event,
    running_slack,
)
from tests.fakes import FakeClock


@pytest.fixture
def received() -> list[IncomingMessage]:
    """What the core was given, in order."""
    return []


@pytest.fixture
async def slack(app: App, clock: FakeClock, received: list[IncomingMessage]) -> AsyncIterator[SlackHarness]:
    async with running_slack(app, clock, received=received) as harness:
        yield harness


def buttons_of(params: dict[str, object]) -> list[tuple[str, str]]:
    blocks = params["blocks"]
    assert isinstance(blocks, list)
    return [
        (element["text"]["text"], element["value"])
        for block in blocks
        if block["type"] == "actions"
        for element in block["elements"]
    ]


async def test_start_in_a_direct_message_asks_for_consent_with_block_kit_buttons(slack: SlackHarness) -> None:
    answer = await slack.dm("U1AMINA", "/start")

    assert answer.params["channel"] == dm_of("U1AMINA")
    blocks = answer.params["blocks"]
    assert blocks[0]["type"] == "section" and blocks[0]["text"]["type"] == "mrkdwn"
    assert "May I store these settings?" in blocks[0]["text"]["text"]
    assert blocks[1:] == [
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Yes, store my settings", "emoji": True},
                    "action_id": "oer-0",
                    "value": "consent:yes",
                }
            ],
        },
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "No, thanks", "emoji": True},
                    "action_id": "oer-1",
                    "value": "consent:no",
                }
            ],
        },
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Read the privacy notice", "emoji": True},
                    "action_id": "oer-2",
                    "value": "privacy:show",
                }
            ],
        },
    ]
    assert "May I store these settings?" in answer.params["text"]  # the notification fallback


async def test_pressing_a_button_sends_its_payload_and_the_next_question_arrives(slack: SlackHarness) -> None:
    question = await slack.dm("U1AMINA", "/start")

    posted = await slack.press(
        "U1AMINA",
        question.params,
        "consent:yes",
        type="message",
        channel_id=dm_of("U1AMINA"),
        is_ephemeral=False,
    )

    assert (posted.status, posted.text) == (200, "")
    await eventually(lambda: len(slack.fake.calls_to("chat.postMessage")) == 2)
    following = slack.fake.calls_to("chat.postMessage")[1].params
    assert following["channel"] == dm_of("U1AMINA")
    assert "Which language should I use?" in following["blocks"][0]["text"]["text"]
    assert ("✓ English", "pf:lang:en") in buttons_of(following)


async def test_the_slack_locale_chooses_the_language_and_is_looked_up_once(slack: SlackHarness) -> None:
    slack.fake.locales["U2LUC"] = "fr-FR"

    first = await slack.dm("U2LUC", "/help")
    second = await slack.dm("U2LUC", "/privacy")

    assert "Voici ce que je peux faire" in first.params["blocks"][0]["text"]["text"]
    assert "confidentialité" in second.params["blocks"][0]["text"]["text"].lower()
    (lookup,) = slack.fake.calls_to("users.info")
    assert lookup.http_method == "GET"
    assert lookup.params == {"user": "U2LUC", "include_locale": "1"}


async def test_a_mention_in_a_channel_is_answered_ephemerally_without_the_mention(
    slack: SlackHarness, received: list[IncomingMessage]
) -> None:
    posted = await slack.event(mention_event("U3ZOE", "<@UBOT> /help", channel="C0GENERAL"))

    assert posted.status == 200
    await eventually(lambda: bool(slack.fake.calls_to("chat.postEphemeral")))
    (answer,) = slack.fake.calls_to("chat.postEphemeral")
    assert (answer.params["channel"], answer.params["user"]) == ("C0GENERAL", "U3ZOE")
    assert "Here is what I can do" in answer.params["blocks"][0]["text"]["text"]
    assert slack.fake.calls_to("chat.postMessage") == []  # nothing visible to the channel
    (message,) = received
    assert message.text == "/help"
    assert message.user == UserRef(Platform.SLACK, "U3ZOE", "en-US")
    assert message.chat == ChatRef(Platform.SLACK, "C0GENERAL", is_private=False)


async def test_a_mention_in_a_thread_is_answered_in_the_thread(slack: SlackHarness) -> None:
    await slack.event(mention_event("U3ZOE", "<@UBOT|oerbot> /help", thread_ts="1700000000.000100"))

    await eventually(lambda: bool(slack.fake.calls_to("chat.postEphemeral")))
    assert slack.fake.calls_to("chat.postEphemeral")[0].params["thread_ts"] == "1700000000.000100"


async def test_the_slash_command_acks_empty_then_answers_through_the_response_url(
    slack: SlackHarness,
) -> None:
    posted = await slack.command("U4ADA", "help", channel="C0GENERAL", key="k1")

    assert (posted.status, posted.text) == (200, "")  # an empty ack: Slack shows nothing in the channel
    await eventually(lambda: bool(slack.fake.calls_to("response_url")))
    (answer,) = slack.fake.calls_to("response_url")
    assert answer.params["key"] == "k1"
    assert (answer.params["response_type"], answer.params["replace_original"]) == ("ephemeral", False)
    assert "Here is what I can do" in answer.params["blocks"][0]["text"]["text"]
    assert slack.fake.calls_to("chat.postMessage") == []


async def test_oer_language_fr_switches_to_french(slack: SlackHarness) -> None:
    posted = await slack.command("U4ADA", "language fr", channel=dm_of("U4ADA"))

    assert (posted.status, posted.text) == (200, "")
    await eventually(lambda: bool(slack.fake.calls_to("chat.postMessage")))
    (answer,) = slack.fake.calls_to("chat.postMessage")
    assert "Je parlerai Français" in answer.params["blocks"][0]["text"]["text"]


@pytest.mark.parametrize(
    ("typed", "core_text"),
    [
        ("", "/help"),
        ("help", "/help"),
        ("PRIVACY", "/privacy"),
        ("language   fr", "/language fr"),
        ("/settings", "/settings"),
        ("what is OER?", "what is OER?"),
        ("languages of OER", "languages of OER"),
        ("is CC BY &amp; CC0 &lt;ok&gt;?", "is CC BY & CC0 <ok>?"),
    ],
)
async def test_the_slash_command_turns_a_first_command_word_into_that_command(
    slack: SlackHarness, received: list[IncomingMessage], typed: str, core_text: str
) -> None:
    await slack.command("U4ADA", typed, channel="C0GENERAL")

    await eventually(lambda: bool(slack.fake.calls_to("response_url")))
    assert [message.text for message in received] == [core_text]
    assert received[0].chat == ChatRef(Platform.SLACK, "C0GENERAL", is_private=False)
    assert "I don't know the command" not in " ".join(slack.fake.texts())


async def test_the_slash_command_in_the_dm_with_the_bot_answers_in_the_dm(slack: SlackHarness) -> None:
    posted = await slack.command("U4ADA", "help", channel=dm_of("U4ADA"))

    assert posted.status == 200
    await eventually(lambda: bool(slack.fake.calls_to("chat.postMessage")))
    assert slack.fake.calls_to("chat.postMessage")[0].params["channel"] == dm_of("U4ADA")
    assert slack.fake.calls_to("response_url") == []


async def test_the_slash_command_in_someone_elses_dm_stays_ephemeral(slack: SlackHarness) -> None:
    await slack.command("U4ADA", "help", channel="D0SOMEONEELSE")

    await eventually(lambda: bool(slack.fake.calls_to("response_url")))
    assert slack.fake.calls_to("chat.postMessage") == []


async def test_opening_the_home_tab_publishes_settings_and_help(slack: SlackHarness) -> None:
    posted = await slack.event(home_opened_event("U5NOA"))

    assert posted.status == 200
    await eventually(lambda: bool(slack.fake.calls_to("views.publish")))
    (published,) = slack.fake.calls_to("views.publish")
    assert published.params["user_id"] == "U5NOA"
    blocks = published.params["view"]["blocks"]
    headers = [block["text"]["text"] for block in blocks if block["type"] == "header"]
    assert headers == ["Your settings", "What I can do"]
    text = json.dumps(blocks)
    assert "/oer start" in text and "Here is what I can do" in text


async def test_the_home_headings_follow_the_language_chosen_not_slacks(
    slack: SlackHarness, catalogs: Catalogs
) -> None:
    await slack.dm("U5NOA", "/language fr")  # Slack itself shows this person English (en-US)

    await slack.event(home_opened_event("U5NOA"))

    await eventually(lambda: bool(slack.fake.calls_to("views.publish")))
    blocks = slack.fake.calls_to("views.publish")[0].params["view"]["blocks"]
    headers = [block["text"]["text"] for block in blocks if block["type"] == "header"]
    french = catalogs.translator("fr")
    assert (
        headers
        == [french.gettext("Your settings"), french.gettext("What I can do")]
        != [
            "Your settings",
            "What I can do",
        ]
    )


async def test_the_messages_tab_publishes_nothing(slack: SlackHarness) -> None:
    await slack.event(home_opened_event("U5NOA", tab="messages"))
    await slack.dm("U5NOA", "/help")  # answered after the tab event was handled

    assert slack.fake.calls_to("views.publish") == []


async def test_a_button_in_the_home_tab_answers_on_top_of_the_home(app: App, slack: SlackHarness) -> None:
    slack.fake.locales["U5NOA"] = "es-ES"
    await slack.dm("U5NOA", "/start")
    await slack.press(
        "U5NOA",
        slack.fake.calls_to("chat.postMessage")[0].params,
        "consent:yes",
        type="message",
        channel_id=dm_of("U5NOA"),
    )
    await eventually(lambda: len(slack.fake.calls_to("chat.postMessage")) == 2)
    await slack.event(home_opened_event("U5NOA"))
    await eventually(lambda: bool(slack.fake.calls_to("views.publish")))
    home = slack.fake.calls_to("views.publish")[0].params
    spanish = app.catalogs.translator("es")  # the headings follow the Slack locale
    assert [b["text"]["text"] for b in home["view"]["blocks"] if b["type"] == "header"] == [
        spanish.gettext("Your settings"),
        spanish.gettext("What I can do"),
    ]

    await slack.press("U5NOA", home, "set:topics", type="view", view_id="V1")

    await eventually(lambda: len(slack.fake.calls_to("views.publish")) == 2)
    view = slack.fake.calls_to("views.publish")[1].params["view"]
    assert "¿Qué temas le interesan?" in view["blocks"][0]["text"]["text"]
    assert sum(block["type"] == "header" for block in view["blocks"]) == 2  # the home stays below


async def test_user_text_is_escaped_so_it_can_never_ping_anyone(slack: SlackHarness) -> None:
    answer = await slack.dm("U6EVE", "/language &lt;@U1&gt; &amp; &lt;!channel&gt;")

    text = answer.params["blocks"][0]["text"]["text"]
    assert "“&lt;@U1&gt; &amp; &lt;!channel&gt;”" in text
    assert "<!channel>" not in json.dumps(answer.params) and "<@U1>" not in json.dumps(answer.params)


async def test_a_real_mention_in_user_text_comes_back_escaped(slack: SlackHarness) -> None:
    answer = await slack.dm("U6EVE", "/language <@U1> & <!channel>")

    assert "“&lt;@U1&gt; &amp; &lt;!channel&gt;”" in answer.params["blocks"][0]["text"]["text"]


async def test_a_20000_character_message_gets_the_too_long_answer(slack: SlackHarness) -> None:
    answer = await slack.dm("U7MAX", "a" * 20_000)

    assert "That message is too long for me (20,000 characters)" in answer.params["blocks"][0]["text"]["text"]


async def agree(slack: SlackHarness, user_id: str) -> None:
    question = await slack.dm(user_id, "/start")
    await slack.press(user_id, question.params, "consent:yes", type="message", channel_id=dm_of(user_id))
    await eventually(lambda: len(slack.fake.calls_to("chat.postMessage")) >= 2)
    await slack.adapter.drain()


async def test_mydata_in_the_dm_uploads_the_json_file_to_the_dm(slack: SlackHarness) -> None:
    await agree(slack, "U8MIA")

    answer = await slack.dm("U8MIA", "/mydata")
    await eventually(lambda: bool(slack.fake.calls_to("files.completeUploadExternal")))

    assert "Everything I store about you" in answer.params["blocks"][0]["text"]["text"]
    (ticket,) = slack.fake.calls_to("files.getUploadURLExternal")
    (completed,) = slack.fake.calls_to("files.completeUploadExternal")
    assert ticket.params["filename"] == "oerbot-my-data.json"
    assert int(ticket.params["length"]) == len(slack.fake.uploads[ticket.params["file_id"]])
    assert completed.params["channel_id"] == dm_of("U8MIA")
    exported = json.loads(slack.fake.uploads[ticket.params["file_id"]])
    assert exported["identities"][0]["platform_user_id"] == "U8MIA"
    assert exported["member"]["consent"] is True


async def test_a_file_for_someone_in_a_channel_goes_to_their_dm_and_is_linked(
    app: App, clock: FakeClock
) -> None:
    # Whatever the core allows in a channel, a file never lands there: only the person may see it.
    export = Attachment("oerbot-my-data.json", b'{"member": {}}', "application/json")

    async def core_with_a_file(_message: IncomingMessage) -> list[Reply]:
        return [Reply(text="Everything I store about you:", attachments=(export,))]

    async with running_slack(app, clock, dispatch=core_with_a_file) as slack:
        await slack.command("U8MIA", "mydata", channel="C0GENERAL", key="k-data")
        await eventually(lambda: bool(slack.fake.calls_to("response_url")))

    (completed,) = slack.fake.calls_to("files.completeUploadExternal")
    assert completed.params["channel_id"] == dm_of("U8MIA")  # never into the channel
    file_id = json.loads(completed.params["files"])[0]["id"]
    assert slack.fake.uploads[file_id] == export.content
    (answer,) = slack.fake.calls_to("response_url")
    assert answer.params["response_type"] == "ephemeral"
    notes = [b for b in answer.params["blocks"] if b["type"] == "context"]
    assert notes[0]["elements"][0]["text"] == f"📎 <https://oer.slack/files/{file_id}|oerbot-my-data.json>"


async def test_send_delivers_a_message_the_bot_starts_to_a_members_dm(slack: SlackHarness) -> None:
    reply = Reply(
        text="Reminder: the Advisory Group meets on Thursday at 15:00 UTC.",
        buttons=((Button("I'll be there", "rsvp:yes"), Button("I can't come", "rsvp:no")),),
    )

    delivered = await slack.adapter.send(OutgoingMessage(ChatRef(Platform.SLACK, "U8MIA"), reply))

    assert delivered is True
    (posted,) = slack.fake.calls_to("chat.postMessage")
    assert posted.params["channel"] == "U8MIA"  # Slack posts to the bot's DM with that person
    assert posted.params["text"] == reply.text
    assert buttons_of(posted.params) == [("I'll be there", "rsvp:yes"), ("I can't come", "rsvp:no")]
