"""The knowledge base under locales/: what ships is valid, and broken content is refused clearly."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.i18n import SUPPORTED_LANGUAGES
from handlers.faq.knowledge import (
    MAX_ANSWER_CHARS,
    KnowledgeBaseError,
    link_problem,
    load_knowledge_base,
)

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
SHARED_TOPICS = ROOT.parent / "shared" / "faq" / "topics.yaml"

Edit = Callable[[dict[str, Any]], None]


def test_every_topic_exists_in_every_language() -> None:
    """THE completeness test: fails until all seven languages' faq.yaml have landed, and whenever a
    topic is missing in any language afterwards."""
    kb = load_knowledge_base(LOCALES, require_all_languages=True)
    assert kb.languages == SUPPORTED_LANGUAGES
    for topic in kb.topics:
        assert set(topic.texts) == set(SUPPORTED_LANGUAGES), topic.id


def test_the_shipped_knowledge_base_is_valid_in_every_language_it_has() -> None:
    kb = load_knowledge_base(LOCALES, require_all_languages=False)
    assert "en" in kb.languages
    assert len(kb.topics) == 74
    for topic in kb.topics:
        english = topic.texts["en"]
        assert english.title and english.answer and len(english.phrasings) >= 6
        assert len(topic.related) >= 2, f"{topic.id} offers fewer than two follow-ups"


def test_the_knowledge_base_answers_every_topic_of_the_shared_catalogue() -> None:
    if not SHARED_TOPICS.is_file():
        pytest.skip(f"{SHARED_TOPICS} is not beside this checkout")
    catalogue = yaml.safe_load(SHARED_TOPICS.read_text(encoding="utf-8"))
    expected = [item["id"] for item in catalogue["topics"]]
    kb = load_knowledge_base(LOCALES, require_all_languages=False)
    assert [topic.id for topic in kb.topics] == expected


# -- broken copies ---------------------------------------------------------------------------------


@pytest.fixture
def copy(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the neutral file and the English file, changed by the given edits."""

    def make(topics: Edit | None = None, english: Edit | None = None) -> Path:
        (tmp_path / "en").mkdir(exist_ok=True)
        for name, edit in (("faq_topics.yaml", topics), ("en/faq.yaml", english)):
            source, target = LOCALES / name, tmp_path / name
            if edit is None:
                shutil.copyfile(source, target)
                continue
            data = yaml.safe_load(source.read_text(encoding="utf-8"))
            edit(data)
            target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return tmp_path

    return make


def problems_of(locales: Path) -> str:
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(locales, languages=["en"])
    return str(raised.value)


def test_an_untouched_copy_loads(copy: Callable[..., Path]) -> None:
    kb = load_knowledge_base(copy(), languages=["en"])
    assert kb.languages == ("en",)


def test_a_topic_missing_in_a_language_is_named_with_its_file(copy: Callable[..., Path]) -> None:
    message = problems_of(copy(english=lambda data: data["topics"].pop("cc-by-sa")))
    assert "en/faq.yaml: topic 'cc-by-sa' is missing" in message


def test_a_malformed_link_is_named_with_its_topic(copy: Callable[..., Path]) -> None:
    def break_link(data: dict[str, Any]) -> None:
        data["topics"][0]["sources"] = ["htps://www.unesco.org/en/open-educational-resources"]

    message = problems_of(copy(topics=break_link))
    assert "faq_topics.yaml: topic 'oer-definition'" in message
    assert "htps://www.unesco.org" in message and "https://" in message


def test_a_link_with_spaces_in_the_read_more_is_refused(copy: Callable[..., Path]) -> None:
    def break_link(data: dict[str, Any]) -> None:
        data["topics"][1]["read_more"] = "https://www.unesco.org/en/open educational resources"

    assert "contains spaces" in problems_of(copy(topics=break_link))


def test_an_answer_too_long_for_a_chat_message_is_refused(copy: Callable[..., Path]) -> None:
    def lengthen(data: dict[str, Any]) -> None:
        data["topics"]["cc0"]["answer"] = "x" * (MAX_ANSWER_CHARS + 1)

    message = problems_of(copy(english=lengthen))
    assert (
        f"topic 'cc0': answer is {MAX_ANSWER_CHARS + 1} characters; the limit is {MAX_ANSWER_CHARS}"
        in message
    )


def test_too_few_phrasings_are_refused(copy: Callable[..., Path]) -> None:
    def shorten(data: dict[str, Any]) -> None:
        data["topics"]["cc0"]["phrasings"] = data["topics"]["cc0"]["phrasings"][:5]

    assert "topic 'cc0': has 5 distinct phrasings; at least 6 are needed" in problems_of(
        copy(english=shorten)
    )


def test_an_unknown_related_topic_is_refused(copy: Callable[..., Path]) -> None:
    def relate(data: dict[str, Any]) -> None:
        data["topics"][0]["related"] = ["no-such-topic"]

    assert "related topic 'no-such-topic' does not exist" in problems_of(copy(topics=relate))


def test_a_review_date_that_is_not_a_date_is_refused(copy: Callable[..., Path]) -> None:
    def misdate(data: dict[str, Any]) -> None:
        data["topics"][0]["last_reviewed"] = "last spring"

    assert "'last_reviewed' must be a date written YYYY-MM-DD" in problems_of(copy(topics=misdate))


def test_a_topic_unknown_to_the_neutral_file_is_refused(copy: Callable[..., Path]) -> None:
    def add(data: dict[str, Any]) -> None:
        data["topics"]["cc-by-zz"] = data["topics"]["cc0"]

    assert "topic 'cc-by-zz' is not in faq_topics.yaml" in problems_of(copy(english=add))


def test_every_problem_is_reported_at_once(copy: Callable[..., Path]) -> None:
    def two(data: dict[str, Any]) -> None:
        data["topics"].pop("cc0")
        data["topics"]["cc-by"]["title"] = "A title much longer than forty characters, for sure"

    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(copy(english=two), languages=["en"])
    assert len(raised.value.problems) == 2


def test_a_language_file_not_written_yet_is_an_error_unless_allowed(copy: Callable[..., Path]) -> None:
    locales = copy()
    with pytest.raises(KnowledgeBaseError, match=r"fr/faq\.yaml: file is missing"):
        load_knowledge_base(locales, languages=["en", "fr"])
    kb = load_knowledge_base(locales, languages=["en", "fr"], require_all_languages=False)
    assert kb.languages == ("en",)


def test_invalid_yaml_is_reported_with_its_file(copy: Callable[..., Path]) -> None:
    locales = copy()
    (locales / "en" / "faq.yaml").write_text("topics: [unclosed\n", encoding="utf-8")
    assert "en/faq.yaml: not valid YAML" in problems_of(locales)


@pytest.mark.parametrize(
    ("url", "fine"),
    [
        ("https://creativecommons.org/licenses/by/4.0/", True),
        ("http://www.opencontent.org/definition/", True),
        ("https://www.unesco.org/en/articles/x?lang=fr#part", True),
        ("ftp://example.org/file", False),
        ("https://", False),
        ("https://localhost/page", False),
        ("www.unesco.org", False),
        ("https://www.unesco .org", False),
        (None, False),
    ],
)
def test_links_must_be_public_web_addresses(url: object, fine: bool) -> None:
    assert (link_problem(url) is None) is fine
