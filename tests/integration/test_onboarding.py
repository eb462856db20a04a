"""A member's first minutes, through the whole bot on a real (SQLite) database."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import text

from bot.bootstrap import App
from storage.models import Member
from tests.fakes import Chat


async def stored_members(app: App, chat: Chat) -> list[Member]:
    """Every stored member: at most the one behind `chat`, since each test has one person who may agree."""
    async with app.uow() as uow:
        member = await uow.members.by_identity(chat.user.platform.value, chat.user.user_id)
        assert await uow.members.count() == (0 if member is None else 1)
        return [] if member is None else [member]


async def identity_count(app: App) -> int:
    """Every identity row, whoever it belongs to (one left without a member would be a leak too)."""
    async with app.engine.connect() as connection:
        return int((await connection.execute(text("SELECT COUNT(*) FROM identity"))).scalar_one())


async def agree_and_choose_english(chat: Chat) -> None:
    await chat.send("/start")
    await chat.press("consent:yes")
    await chat.press("pf:lang:en")


async def onboard(chat: Chat, country: str = "Kenya") -> None:
    await agree_and_choose_english(chat)
    await chat.send(country)
    await chat.press(chat.last[0].buttons[0][0].payload)  # the country's first timezone
    await chat.press("pf:topic:licensing")
    await chat.press("pf:topics:done")


async def test_start_stores_nothing_until_the_member_agrees(app: App, chat_with: Callable[..., Chat]) -> None:
    chat = chat_with("amina-7301", language_hint="en")
    await chat.send("/start")
    assert "May I store these settings?" in chat.text
    assert "language, country, timezone and topics" in chat.text
    assert await stored_members(app, chat) == []
    assert await identity_count(app) == 0


async def test_a_member_who_agrees_is_walked_through_language_country_timezone_and_topics(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("amina-7301", language_hint="fr-FR")
    await chat.send("/start")
    await chat.press("consent:yes")
    # The language question offers the platform's language first, ticked.
    first_choice = chat.last[0].buttons[0][0]
    assert first_choice.payload == "pf:lang:fr" and first_choice.label.startswith("✓")
    await chat.press("pf:lang:es")
    await chat.send("kenia")
    assert "Kenia" in chat.text and "África" in chat.text  # the answer is now in Spanish
    # The country's timezone is offered, labelled in Spanish with its local time.
    assert chat.button("pf:tz:Africa/Nairobi").label == "hora de Kenia · 12:30"
    await chat.press("pf:tz:Africa/Nairobi")
    await chat.press("pf:topic:licensing")
    await chat.press("pf:topic:policy")
    await chat.press("pf:topic:licensing")  # pressing again un-ticks it
    assert [b.label.startswith("✓") for b in chat.last[0].all_buttons[:3]] == [False, False, True]
    await chat.press("pf:topics:done")

    (member,) = await stored_members(app, chat)
    assert member.consent is True and member.consent_changed_at is not None
    assert (member.language, member.country, member.timezone, member.topics) == (
        "es",
        "KE",
        "Africa/Nairobi",
        "policy",
    )
    assert member.onboarded_at is not None
    assert member.created_at.tzinfo is not None
    await chat.send("/start")
    assert "/settings" in chat.text  # welcome back, no second onboarding


async def test_a_member_who_declines_is_not_stored_and_can_still_use_the_bot(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("bruno-1187")
    await chat.send("/start")
    await chat.press("consent:no")
    assert "won't store anything" in chat.text
    await chat.send("What is a CC BY license?")
    # A question is still answered: here by the license's explainer.
    assert chat.text.splitlines()[0] == "CC BY 4.0 — Creative Commons Attribution 4.0 International"
    assert "Deed: https://creativecommons.org/licenses/by/4.0/" in chat.text
    await chat.send("/help")
    assert "/mydata" in chat.text
    await chat.send("/settings")
    assert "/start" in chat.text
    assert await stored_members(app, chat) == []


async def test_a_question_in_the_middle_of_onboarding_is_answered_and_onboarding_resumes(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("chen-5520")
    await agree_and_choose_english(chat)
    assert "Which country" in chat.text
    replies = await chat.send("Can I use a CC BY-NC image in a course I charge for?")
    assert len(replies) == 2
    assert "Which country" not in replies[0].text  # first the answer to the question...
    assert "Which country" in replies[1].text  # ...then the step again
    await chat.send("Brazil")
    assert "Which timezone" in chat.text
    (member,) = await stored_members(app, chat)
    assert member.country == "BR"


async def test_a_question_before_consent_is_answered_and_the_consent_question_comes_back(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("chen-5520")
    await chat.send("/start")
    replies = await chat.send("is OER the same as open access?")
    assert len(replies) == 2 and "May I store these settings?" in replies[1].text
    await chat.press("consent:yes")
    assert "Which language" in chat.text


async def test_onboarding_left_half_way_resumes_where_the_stored_answers_stop(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("dara-0042")
    await agree_and_choose_english(chat)
    await chat.send("Peru")
    app.router.sessions.forget(chat.user.key)  # the conversation expired (or the bot restarted)
    await chat.send("/start")
    assert "finish setting up" in chat.text and "Which timezone" in chat.text
    assert "pf:tz:America/Lima" in [b.payload for b in chat.last[0].all_buttons]


async def test_typos_get_did_you_mean_buttons_and_nonsense_is_refused_kindly(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("eli-3391")
    await agree_and_choose_english(chat)
    await chat.send("Argentinia")
    assert "Did you mean" in chat.text
    await chat.press("Argentina")
    await chat.press("pf:tz:other")
    await chat.send("Atlantis Standard Time")
    assert "I don't know the timezone" in chat.text
    await chat.send("UTC-3")
    (member,) = await stored_members(app, chat)
    assert (member.country, member.timezone) == ("AR", "Etc/GMT+3")


async def test_country_and_timezone_can_be_skipped(app: App, chat_with: Callable[..., Chat]) -> None:
    chat = chat_with("femi-2210")
    await agree_and_choose_english(chat)
    await chat.press("pf:country:skip")
    await chat.press("pf:tz:skip")
    await chat.press("pf:topics:done")
    assert "all set" in chat.text
    (member,) = await stored_members(app, chat)
    assert (member.country, member.timezone, member.onboarded_at is not None) == (None, None, True)


async def test_language_chosen_before_consent_lives_only_in_the_conversation(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("gia-8812")
    await chat.send("/start")
    await chat.send("/language pt")
    assert await stored_members(app, chat) == []
    await chat.send("/help")
    english_help = (await chat_with("other-0001").send("/help"))[0].text
    assert chat.text != english_help
    await chat.press_payload("consent:yes")
    (member,) = await stored_members(app, chat)
    assert member.language == "pt"  # kept once the member agreed
    assert "pf:country:skip" in [b.payload for b in chat.last[0].all_buttons]  # language step skipped


async def test_a_language_chosen_without_consent_ends_the_choice(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("ines-2207", language_hint="en")
    await chat.send("/language")
    await chat.press("pf:lang:pt")

    await chat.send("English")  # a word typed afterwards, not another answer to the question
    await chat.send("/help")

    help_heading = "I'm the assistant of the UNESCO/IGF OER Dynamic Coalition. Here is what I can do:"
    assert chat.text.startswith(app.catalogs.translator("pt").gettext(help_heading))  # still Portuguese


async def test_settings_change_one_thing_at_a_time(app: App, chat_with: Callable[..., Chat]) -> None:
    chat = chat_with("hana-4410")
    await onboard(chat)
    await chat.send("/settings")
    assert "Kenya" in chat.text and "Africa" in chat.text and "Open licensing" in chat.text
    await chat.press("set:country")
    await chat.send("Japan")
    assert "/settings" in chat.text
    await chat.send("/timezone Tokyo")
    await chat.send("/language zh")
    (member,) = await stored_members(app, chat)
    assert (member.country, member.timezone, member.language) == ("JP", "Asia/Tokyo", "zh")
    await chat.send("/language klingon")
    assert "klingon" in chat.text and "pt (Português)" in chat.text


async def test_an_old_onboarding_button_pressed_later_still_does_the_right_thing(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("ivo-5521")
    await onboard(chat)
    await chat.press_payload("pf:lang:ru")  # a language button from the first message
    (member,) = await stored_members(app, chat)
    assert member.language == "ru"
    await chat.press_payload("consent:maybe")
    assert chat.last and "/help" in chat.text
    await chat.press_payload("pf:country:ZZ")
    (member,) = await stored_members(app, chat)
    assert member.country == "KE"


async def test_a_deep_link_with_a_language_greets_in_that_language(
    app: App, chat_with: Callable[..., Chat]
) -> None:
    chat = chat_with("tara-2020", language_hint="en")
    await chat.send("/start es")
    assert app.catalogs.translator("es").gettext("May I store these settings?") in chat.text
    await chat.press("consent:yes")
    (member,) = await stored_members(app, chat)
    assert member.language == "es"
