"""Human handoff: a member's question reaches the secretariat, and the answer comes back to the member."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.bootstrap import App, apply_configured_admins
from bot.core.messages import OutgoingMessage, Platform, Role, UserRef
from handlers.members import set_role
from tests.fakes import Chat


class RecordingMessenger:
    def __init__(self, unreachable: tuple[str, ...] = ()) -> None:
        self.sent: list[OutgoingMessage] = []
        self.unreachable = unreachable

    async def send(self, message: OutgoingMessage) -> bool:
        if message.to.chat_id in self.unreachable:
            return False
        self.sent.append(message)
        return True

    def to(self, chat_id: str) -> list[OutgoingMessage]:
        return [message for message in self.sent if message.to.chat_id == chat_id]


@pytest.fixture
async def messenger(app: App) -> RecordingMessenger:
    recording = RecordingMessenger()
    app.messenger.use(recording)
    app.settings.admins = "telegram:1001"
    await apply_configured_admins(app)
    return recording


async def test_a_question_goes_to_the_secretariat_and_the_answer_comes_back(
    app: App, chat_with: Callable[..., Chat], messenger: RecordingMessenger
) -> None:
    member = chat_with("2002", language_hint="fr", platform=Platform.TELEGRAM)
    await member.send("/ask Quand aura lieu la prochaine réunion du groupe consultatif ?")
    french = app.catalogs.translator("fr").t(
        "I've forwarded your question to the coalition's secretariat (number {number}). "
        "Their answer will arrive here.",
        number=1,
    )
    assert french in member.text

    (notice,) = messenger.to("1001")
    assert "prochaine réunion" in notice.reply.text
    assert notice.reply.all_buttons[0].payload == "ans:1"

    secretariat = chat_with("1001", platform=Platform.TELEGRAM)
    await secretariat.send("/questions")
    assert "#1" in secretariat.text
    await secretariat.press_payload("ans:1")
    assert "prochaine réunion" in secretariat.text
    await secretariat.send("The next meeting will be announced here in January.")
    assert "delivered" in secretariat.text

    (answer,) = messenger.to("2002")
    assert "announced here in January" in answer.reply.text
    french = app.catalogs.translator("fr").gettext(
        "The coalition's secretariat answered your question “{question}”:"
    )
    assert french.split("{question}")[0].strip() in answer.reply.text  # in the asker's language

    async with app.uow() as uow:
        (question,) = await uow.questions.with_status("answered")
        entries = await uow.audit.latest()
    assert question.asker_user_id is None and question.asker_chat_id is None  # the asker is forgotten
    assert entries[0].action == "question.answer"
    await secretariat.send("/questions")
    assert "No question" in secretariat.text


async def test_the_offer_under_an_unsure_answer_forwards_the_question_itself(
    app: App, chat_with: Callable[..., Chat], messenger: RecordingMessenger
) -> None:
    member = chat_with("3003", language_hint="en", platform=Platform.TELEGRAM)
    question = "La boutique de notre musée peut-elle imprimer l'illustration sur des sacs en tissu ?"
    await member.send(question)  # a question the bot is not sure of, in French
    await member.press("ask:offer")

    (notice,) = messenger.to("1001")
    assert question in notice.reply.text
    assert "written in Français" in notice.reply.text  # the question's language, not the member's English
    await member.press_payload("ask:offer")
    assert "expired" in member.text  # forwarded once, not twice


async def test_a_question_to_an_unreachable_member_is_marked_undeliverable(
    app: App, chat_with: Callable[..., Chat], messenger: RecordingMessenger
) -> None:
    messenger.unreachable = ("4004",)
    member = chat_with("4004", platform=Platform.TELEGRAM)
    await member.send("/ask Where is the portal?")
    secretariat = chat_with("1001", platform=Platform.TELEGRAM)
    await secretariat.press_payload("ans:1")
    await secretariat.send("Here: the OER DC portal.")
    assert "could not deliver" in secretariat.text
    await secretariat.press_payload("ans:1")
    assert "already been answered" in secretariat.text


async def test_members_cannot_answer_forwarded_questions(
    app: App, chat_with: Callable[..., Chat], messenger: RecordingMessenger
) -> None:
    member = chat_with("5005", platform=Platform.TELEGRAM)
    await member.send("/ask A question")
    await member.press_payload("ans:1")
    assert "expired" in member.text
    await member.send("/questions")
    assert "secretariat" in member.text


async def test_an_empty_ask_explains_how_to_use_it(app: App, chat_with: Callable[..., Chat]) -> None:
    member = chat_with("6006")
    await member.send("/ask")
    assert "/ask" in member.text


async def test_an_anonymous_asker_sees_and_can_erase_their_open_question(
    app: App, chat_with: Callable[..., Chat], messenger: RecordingMessenger
) -> None:
    member = chat_with("7007", platform=Platform.TELEGRAM)
    await member.send("/ask Can I translate a CC BY-ND video?")
    (reply,) = await member.send("/mydata")
    assert reply.attachments and b"translate a CC BY-ND video" in reply.attachments[0].content
    await member.send("/forget")
    await member.press("forget:yes")
    async with app.uow() as uow:
        (question,) = await uow.questions.with_status("open")
    assert question.asker_user_id is None  # kept for the secretariat, no longer linked to the member


async def test_an_answer_typed_after_losing_the_secretariat_role_is_not_relayed(
    app: App, chat_with: Callable[..., Chat], messenger: RecordingMessenger
) -> None:
    member = chat_with("8008", platform=Platform.TELEGRAM)
    await member.send("/ask Is the portal open?")
    secretariat = chat_with("1001", platform=Platform.TELEGRAM)
    await secretariat.press_payload("ans:1")  # now waiting for the typed answer
    async with app.uow() as uow:
        await set_role(
            uow,
            target=UserRef(Platform.TELEGRAM, "1001"),
            role=Role.MEMBER,
            now=app.clock.now(),
            actor="test",
        )
        await uow.commit()

    await secretariat.send("Yes, since Monday.")

    assert messenger.to("8008") == []  # nothing reached the member
    async with app.uow() as uow:
        assert [q.id for q in await uow.questions.with_status("open")] == [1]
