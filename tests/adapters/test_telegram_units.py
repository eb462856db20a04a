"""The Telegram adapter's parts on their own: splitting, tokens, menus, pacing, update translation, and
the fake's own honesty (its builders parse as real updates, its HTML check refuses what Telegram would).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable
from typing import Any

import pytest
from telegram import Bot, Update
from telegram.error import RetryAfter

from bot.adapters.telegram import _file_url, _RedactToken
from bot.adapters.telegram_inbound import to_incoming
from bot.adapters.telegram_limits import PerSenderUpdateProcessor, TelegramRateLimiter
from bot.adapters.telegram_render import (
    STORED_PREFIX,
    BoundedLru,
    PayloadStore,
    bot_commands,
    escape,
    keyboard,
    shorten,
    split_text,
    utf16_length,
)
from bot.core.menu import MenuEntry
from bot.core.messages import Button, ChatRef, IncomingMessage, Platform, UserRef
from tests.adapters.fake_telegram import (
    BOT_USERNAME,
    callback_query,
    command,
    group_message,
    mention,
    message,
    parse_html,
    sticker,
)

BOT = Bot("123456:TEST-fake-token")


def incoming(update: dict[str, Any], resolve: Any = lambda data: data) -> IncomingMessage | None:
    parsed = Update.de_json({"update_id": 1, **update}, BOT)
    assert parsed is not None
    return to_incoming(parsed, bot_username=BOT_USERNAME, resolve_payload=resolve)


# -- splitting and escaping -------------------------------------------------------------------


def test_a_short_text_is_one_part_and_a_blank_one_none() -> None:
    assert split_text("Hello") == ["Hello"]
    assert split_text("  \n ") == []


def test_long_text_is_cut_at_paragraphs_first_and_reads_the_same_once_joined() -> None:
    paragraphs = [f"Paragraph {n}. " + "word " * 150 for n in range(12)]  # about 9,000 characters
    text = "\n\n".join(paragraphs)
    parts = split_text(text)
    assert len(parts) == 3
    assert all(utf16_length(part) <= 4096 for part in parts)
    assert "\n\n".join(parts) == text
    assert all(part.startswith("Paragraph") for part in parts)


def test_without_paragraphs_lines_then_words_then_anything_will_do() -> None:
    lines = "\n".join("line " * 100 for _ in range(20))  # 10,000 characters, no blank line
    assert "\n".join(split_text(lines)) == lines
    words = " ".join(["abcdefghij"] * 1000)
    assert " ".join(split_text(words)) == words
    blob = "x" * 9000
    assert [len(part) for part in split_text(blob)] == [4096, 4096, 808]


def test_parts_are_measured_as_telegram_counts_and_never_split_a_character() -> None:
    emoji = "📚" * 3000  # 2 UTF-16 units each
    parts = split_text(emoji)
    assert "".join(parts) == emoji
    assert all(utf16_length(part) <= 4096 for part in parts)
    assert [len(part) for part in parts] == [2048, 952]


def test_random_texts_always_fit() -> None:
    rng = random.Random(7)
    alphabet = ["a", "é", "字", "📚", " ", "\n", "\n\n", "<", "&"]
    for _ in range(30):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12_000)))
        parts = split_text(text)
        assert all(0 < utf16_length(part) <= 4096 for part in parts)
        assert sum(len(part) for part in parts) <= len(text)


def test_escaping_covers_exactly_what_telegram_html_needs() -> None:
    assert escape('<b>"Tom" & Jerry\'s</b>') == '&lt;b&gt;"Tom" &amp; Jerry\'s&lt;/b&gt;'
    assert parse_html(escape("5 < 6 & 7 > 2")) == "5 < 6 & 7 > 2"


def test_the_fake_refuses_html_that_telegram_would_refuse() -> None:
    for bad in ("<b>&", "a < b", "x > y", "<unknown>", "<b>open", "AT&T"):
        with pytest.raises(ValueError, match=r"offset|end tag"):
            parse_html(bad)
    assert parse_html("<b>bold</b> &amp; &#65;") == "bold & A"


# -- buttons, payload tokens, menus -----------------------------------------------------------


def test_short_payloads_are_sent_as_they_are_and_long_ones_as_a_token() -> None:
    store = PayloadStore()
    assert store.callback_data("consent:yes") == "consent:yes"
    long_payload = "pick:" + "x" * 60
    token = store.callback_data(long_payload)
    assert token.startswith(STORED_PREFIX) and len(token.encode()) <= 64
    assert store.resolve(token) == long_payload
    tricky = store.callback_data(STORED_PREFIX + "short")  # never mistaken for a token
    assert tricky != STORED_PREFIX + "short" and store.resolve(tricky) == STORED_PREFIX + "short"
    assert store.resolve(STORED_PREFIX + "unknown") == ""
    assert store.resolve("consent:yes") == "consent:yes"


def test_the_payload_store_forgets_the_oldest_beyond_its_capacity() -> None:
    store = PayloadStore(capacity=3)
    tokens = [store.callback_data(f"p:{n}:" + "y" * 70) for n in range(5)]
    assert len(store) == 3
    assert [store.resolve(token) != "" for token in tokens] == [False, False, True, True, True]


def test_buttons_become_inline_keyboard_rows() -> None:
    markup = keyboard(((Button("A", "x:a"), Button("B", "x:b")), (), (Button("C", "x:c"),)), PayloadStore())
    assert markup is not None
    assert [[b.callback_data for b in row] for row in markup.inline_keyboard] == [["x:a", "x:b"], ["x:c"]]
    assert keyboard((), PayloadStore()) is None


def test_menu_descriptions_fit_telegram_and_bad_command_names_are_left_out() -> None:
    entries = [
        MenuEntry("help", "what I can do"),
        MenuEntry("long", "word " * 100),
        MenuEntry("Bad-Name", "refused by Telegram"),
        MenuEntry("blank", "  "),
        MenuEntry("fr", "configurer votre profil\u00a0: langue"),
    ]
    commands = {command.command: command.description for command in bot_commands(entries)}
    assert set(commands) == {"help", "long", "blank", "fr"}
    assert len(commands["long"]) <= 256 and commands["long"].endswith("…")
    assert not commands["long"].endswith(" …")
    assert commands["blank"] == "blank"
    assert commands["fr"] == "configurer votre profil\u00a0: langue"  # the French space is kept
    assert shorten("short", 10) == "short"


def test_bounded_lru_remembers_recent_keys_only() -> None:
    seen = BoundedLru(2)
    assert seen.add(1) and seen.add(2) and not seen.add(1)
    assert seen.add(3)  # forgets 2, the least recently seen
    assert 1 in seen and 2 not in seen and len(seen) == 2
    seen.discard(1)
    assert 1 not in seen


# -- pacing -----------------------------------------------------------------------------------


async def timed_calls(limiter: TelegramRateLimiter, chat_ids: list[object]) -> list[float]:
    started = time.monotonic()
    moments: list[float] = []

    async def call() -> bool:
        moments.append(time.monotonic() - started)
        return True

    for chat_id in chat_ids:
        data = {} if chat_id is None else {"chat_id": chat_id}
        await limiter.process_request(call, (), {}, "sendMessage", data, None)
    return moments


async def test_groups_are_paced_by_their_own_limit() -> None:
    limiter = TelegramRateLimiter(chat_rate=100, group_rate=2, group_period=1.0)
    moments = await timed_calls(limiter, [-100, -100, -100])
    assert moments[1] < 0.3 <= moments[2] < 2  # a burst of two, then 1 every 0.5 s


async def test_the_overall_limit_spans_chats_and_calls_without_a_chat_are_not_paced() -> None:
    limiter = TelegramRateLimiter(overall_rate=2, overall_period=1.0)
    moments = await timed_calls(limiter, [1, 2, 3])
    assert 0.3 <= moments[2] < 2
    assert (await timed_calls(limiter, [None] * 10))[-1] < 0.3


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's own RetryAfter
async def test_flood_control_is_retried_a_bounded_number_of_times() -> None:
    refusals: list[str] = []
    limiter = TelegramRateLimiter(max_retries=2, on_retry_after=lambda: refusals.append("429"))
    attempts = 0

    async def always_flooded() -> bool:
        nonlocal attempts
        attempts += 1
        raise RetryAfter(0)

    with pytest.raises(RetryAfter):
        await limiter.process_request(always_flooded, (), {}, "getMe", {}, None)
    assert attempts == 3 and refusals == ["429"] * 3


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_a_retry_after_beyond_the_bound_is_not_waited_for() -> None:
    limiter = TelegramRateLimiter(max_retry_after=5)

    async def long_ban() -> bool:
        raise RetryAfter(3600)

    started = time.monotonic()
    with pytest.raises(RetryAfter):
        await limiter.process_request(long_ban, (), {}, "sendMessage", {"chat_id": 1}, None)
    assert time.monotonic() - started < 1


async def test_memory_for_chats_is_bounded() -> None:
    limiter = TelegramRateLimiter(capacity=8, chat_rate=1000, overall_rate=1000)
    await timed_calls(limiter, list(range(1, 50)))
    assert limiter.tracked_chats <= 8


async def test_one_persons_updates_run_in_order_and_different_people_at_once() -> None:
    processor = PerSenderUpdateProcessor()
    log: list[str] = []

    def update(user_id: int) -> Update:
        parsed = Update.de_json({"update_id": 1, **message("hi", user_id=user_id)}, BOT)
        assert parsed is not None
        return parsed

    async def work(name: str, pause: float) -> None:
        log.append(f"{name} starts")
        await asyncio.sleep(pause)
        log.append(f"{name} ends")

    jobs: list[Awaitable[None]] = [
        processor.process_update(update(1), work("a1", 0.05)),
        processor.process_update(update(1), work("a2", 0)),
        processor.process_update(update(2), work("b1", 0)),
    ]
    await asyncio.gather(*jobs)
    assert log.index("a1 ends") < log.index("a2 starts")
    assert log.index("b1 ends") < log.index("a1 ends")
    assert processor.tracked == 0


# -- translating updates ----------------------------------------------------------------------


def test_a_private_message_names_the_person_their_language_and_the_chat() -> None:
    result = incoming(message("Hello", user_id=42, language_code="pt-BR"))
    assert result is not None
    assert result.user == UserRef(Platform.TELEGRAM, "42", language_hint="pt-BR")
    assert result.chat == ChatRef(Platform.TELEGRAM, "42", is_private=True)
    assert result.text == "Hello" and result.button_payload is None


def test_captions_count_as_text_and_media_without_one_as_empty_text() -> None:
    photo = [{"file_id": "p", "file_unique_id": "u", "width": 1, "height": 1}]
    captioned = incoming(message(None, extra={"photo": photo, "caption": "my poster"}))
    assert captioned is not None and captioned.text == "my poster"
    bare = incoming(sticker())
    assert bare is not None and bare.text == ""


def test_group_rules() -> None:
    assert incoming(group_message("just chatting")) is None
    assert incoming(group_message("/help@another_bot")) is None
    assert incoming(group_message("/help", is_bot=True)) is None
    addressed = incoming(command("language", "fr", addressed_to=BOT_USERNAME, chat_id=-5, chat_type="group"))
    assert addressed is not None and addressed.text == "/language fr" and not addressed.chat.is_private
    mentioned = incoming(mention("is CC BY-NC open?", before="Hi "))
    assert mentioned is not None and mentioned.text == "Hi is CC BY-NC open?"
    named_in_passing = group_message(f"email {BOT_USERNAME}@example.org")
    assert incoming(named_in_passing) is None  # no mention entity: not addressed to the bot
    channel = message("news", chat_id=-9, chat_type="channel")
    assert incoming(channel) is None


def test_a_button_press_carries_the_resolved_payload() -> None:
    press = incoming(callback_query("~tok", user_id=7, chat_id=-3, chat_type="supergroup"), resolve=str.upper)
    assert press is not None
    assert press.button_payload == "~TOK" and press.text is None
    assert press.user.user_id == "7" and press.chat == ChatRef(Platform.TELEGRAM, "-3", is_private=False)


def test_the_file_url_sits_beside_the_api_url() -> None:
    assert _file_url("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    assert _file_url("http://127.0.0.1:8081/bot{token}/test") == "http://127.0.0.1:8081/file/bot{token}/test"


def test_the_token_never_reaches_the_http_log(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("httpx")
    redact = _RedactToken("123:SECRET")
    logger.addFilter(redact)
    try:
        with caplog.at_level(logging.INFO, logger="httpx"):
            logger.info("HTTP Request: POST %s", "https://api.telegram.org/bot123:SECRET/getMe")
    finally:
        logger.removeFilter(redact)
    assert "SECRET" not in caplog.text and "bot<TELEGRAM_BOT_TOKEN>/getMe" in caplog.text
