"""The knowledge base: curated, sourced answers per topic and language, validated when loaded.

Two kinds of file under the locales directory, both plain YAML the secretariat edits without code:

- `faq_topics.yaml` (one, language-neutral): every topic's id, category, source links, "read more"
  link, last-reviewed date and related topics;
- `<lang>/faq.yaml` (one per language): every topic's title, answer and phrasings in that language.

Loading checks everything a member would otherwise meet as a broken answer: a topic missing in a
language, an unknown id, a malformed link, an answer too long for a chat message, too few phrasings
for the engine to recognise the topic. All problems are reported at once, each naming its file and
topic, in a `KnowledgeBaseError`; the bot refuses to start rather than answer from broken content.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from bot.core.i18n import SUPPORTED_LANGUAGES

log = logging.getLogger("oerbot.faq")

TOPICS_FILE = "faq_topics.yaml"
LANGUAGE_FILE = "faq.yaml"
MAX_ANSWER_CHARS = 900
MAX_TITLE_CHARS = 40
MIN_PHRASINGS = {"en": 6}
MIN_PHRASINGS_OTHER = 4
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_SHOWN_PROBLEMS = 25
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeBaseError(ValueError):
    """The content cannot be served; `problems` lists each one as "file: topic 'id': what"."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = self.problems[:_SHOWN_PROBLEMS]
        more = len(self.problems) - len(shown)
        lines = [f"the knowledge base has {len(self.problems)} problem(s):", *(f"  - {p}" for p in shown)]
        if more:
            lines.append(f"  ... and {more} more")
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class TopicText:
    """A topic in one language."""

    title: str
    answer: str
    phrasings: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    id: str
    category: str
    sources: tuple[str, ...]
    read_more: str | None
    last_reviewed: date
    related: tuple[str, ...]
    texts: Mapping[str, TopicText]

    def text(self, language: str) -> TopicText:
        """This topic in `language`, or in English when that language is not loaded."""
        return self.texts.get(language) or self.texts["en"]


@dataclass(frozen=True)
class KnowledgeBase:
    topics: tuple[Topic, ...]
    languages: tuple[str, ...]

    @cached_property
    def _by_id(self) -> dict[str, Topic]:
        return {topic.id: topic for topic in self.topics}

    def topic(self, topic_id: str) -> Topic | None:
        return self._by_id.get(topic_id)


def load_knowledge_base(
    locales_dir: Path,
    languages: Iterable[str] = SUPPORTED_LANGUAGES,
    *,
    require_all_languages: bool = True,
) -> KnowledgeBase:
    """Read and validate the knowledge base. With `require_all_languages=False` a language whose
    file does not exist yet is left out (logged); English is always required, and every file that
    exists must be complete and valid."""
    problems: list[str] = []
    topics_path = locales_dir / TOPICS_FILE
    neutral = _parse_topics(topics_path, _read_yaml(topics_path, problems), problems)
    texts: dict[str, dict[str, TopicText]] = {}
    loaded: list[str] = []
    for language in languages:
        path = locales_dir / language / LANGUAGE_FILE
        if not path.is_file() and not require_all_languages and language != "en":
            log.warning("knowledge base: %s is missing; questions in %s are not understood", path, language)
            continue
        data = _read_yaml(path, problems)
        if data is None:
            continue
        texts[language] = _parse_language(path, language, data, [n["id"] for n in neutral], problems)
        loaded.append(language)
    if problems:
        raise KnowledgeBaseError(problems)
    topics = tuple(
        Topic(
            id=item["id"],
            category=item["category"],
            sources=item["sources"],
            read_more=item["read_more"],
            last_reviewed=item["last_reviewed"],
            related=item["related"],
            texts={language: texts[language][item["id"]] for language in loaded},
        )
        for item in neutral
    )
    return KnowledgeBase(topics=topics, languages=tuple(loaded))


# -- the language-neutral file ---------------------------------------------------------------------


def _read_yaml(path: Path, problems: list[str]) -> Any:
    if not path.is_file():
        problems.append(f"{path}: file is missing")
        return None
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LOADER)  # noqa: S506 - a safe loader (libyaml's when present)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(f"{path}: not valid YAML ({error})".replace("\n", " "))
        return None


def _parse_topics(path: Path, data: Any, problems: list[str]) -> list[dict[str, Any]]:
    if data is None:
        return []
    items = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        problems.append(f"{path}: expected a non-empty list under 'topics'")
        return []
    parsed: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        topic = _parse_topic(path, index, item, problems)
        if topic is not None:
            if any(other["id"] == topic["id"] for other in parsed):
                problems.append(f"{path}: topic '{topic['id']}': the id is listed twice")
                continue
            parsed.append(topic)
    known = {topic["id"] for topic in parsed}
    for topic in parsed:
        for related in topic["related"]:
            if related not in known:
                problems.append(f"{path}: topic '{topic['id']}': related topic '{related}' does not exist")
            elif related == topic["id"]:
                problems.append(f"{path}: topic '{topic['id']}': a topic cannot be related to itself")
    return parsed


def _parse_topic(path: Path, index: int, item: Any, problems: list[str]) -> dict[str, Any] | None:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        problems.append(f"{path}: topic number {index + 1} has no 'id'")
        return None
    topic_id = item["id"]
    where = f"{path}: topic '{topic_id}'"
    if not _ID.match(topic_id):
        problems.append(f"{where}: the id must be lowercase words joined by hyphens")
    sources = item.get("sources") or []
    if not isinstance(sources, list):
        problems.append(f"{where}: 'sources' must be a list of links (or [] when there is no public one)")
        sources = []
    read_more = item.get("read_more")
    for url in [*sources, *([read_more] if read_more is not None else [])]:
        if (problem := link_problem(url)) is not None:
            problems.append(f"{where}: {problem}")
    reviewed = item.get("last_reviewed")
    if isinstance(reviewed, str):
        try:
            reviewed = date.fromisoformat(reviewed)
        except ValueError:
            reviewed = None
    if not isinstance(reviewed, date):
        problems.append(f"{where}: 'last_reviewed' must be a date written YYYY-MM-DD")
    related = item.get("related") or []
    if not isinstance(related, list) or not all(isinstance(r, str) for r in related):
        problems.append(f"{where}: 'related' must be a list of topic ids")
        related = []
    category = item.get("category")
    if not isinstance(category, str) or not category:
        problems.append(f"{where}: needs a 'category'")
    return {
        "id": topic_id,
        "category": category or "",
        "sources": tuple(str(s) for s in sources),
        "read_more": read_more if isinstance(read_more, str) else None,
        "last_reviewed": reviewed,
        "related": tuple(related),
    }


def link_problem(url: object) -> str | None:
    """Why `url` is not a well-formed public web link, or None when it is one."""
    if not isinstance(url, str) or not url.strip():
        return "a link is missing"
    if url != url.strip() or any(c.isspace() for c in url):
        return f"link {url!r} contains spaces"
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        return f"link {url!r} is malformed"
    if parts.scheme not in ("http", "https"):
        return f"link {url!r} must start with https:// (or http://)"
    if not _HOST.match(host) or not port_ok or parts.username or parts.password:
        return f"link {url!r} has no valid host name"
    return None


# -- the per-language files ------------------------------------------------------------------------


def _parse_language(
    path: Path, language: str, data: Any, ids: list[str], problems: list[str]
) -> dict[str, TopicText]:
    if not isinstance(data, dict) or not isinstance(data.get("topics"), dict):
        problems.append(f"{path}: expected 'language: {language}' and a mapping under 'topics'")
        return {}
    if data.get("language") != language:
        problems.append(f"{path}: says 'language: {data.get('language')}', expected '{language}'")
    entries: dict[str, Any] = data["topics"]
    for extra in sorted(set(entries) - set(ids)):
        problems.append(f"{path}: topic '{extra}' is not in {TOPICS_FILE}")
    texts: dict[str, TopicText] = {}
    seen: dict[str, str] = {}
    for topic_id in ids:
        if topic_id not in entries:
            problems.append(f"{path}: topic '{topic_id}' is missing")
            continue
        text = _parse_text(f"{path}: topic '{topic_id}'", language, entries[topic_id], problems)
        if text is None:
            continue
        texts[topic_id] = text
        for phrasing in text.phrasings:
            key = " ".join(phrasing.casefold().split()).rstrip("?？؟ ")
            if key in seen and seen[key] != topic_id:
                problems.append(
                    f"{path}: topic '{topic_id}': phrasing {phrasing!r} is also under '{seen[key]}'"
                )
            seen[key] = topic_id
    return texts


def _parse_text(where: str, language: str, entry: Any, problems: list[str]) -> TopicText | None:
    if not isinstance(entry, dict):
        problems.append(f"{where}: expected title, answer and phrasings")
        return None
    title, answer, phrasings = entry.get("title"), entry.get("answer"), entry.get("phrasings")
    if not isinstance(title, str) or not title.strip():
        problems.append(f"{where}: needs a 'title'")
        title = ""
    elif len(title.strip()) > MAX_TITLE_CHARS:
        problems.append(f"{where}: title is {len(title.strip())} characters; the limit is {MAX_TITLE_CHARS}")
    if not isinstance(answer, str) or not answer.strip():
        problems.append(f"{where}: needs an 'answer'")
        answer = ""
    elif len(answer.strip()) > MAX_ANSWER_CHARS:
        problems.append(
            f"{where}: answer is {len(answer.strip())} characters; the limit is {MAX_ANSWER_CHARS}"
        )
    if not isinstance(phrasings, list) or not all(isinstance(p, str) and p.strip() for p in phrasings):
        problems.append(f"{where}: 'phrasings' must be a list of questions")
        phrasings = []
    needed = MIN_PHRASINGS.get(language, MIN_PHRASINGS_OTHER)
    distinct = list(dict.fromkeys(p.strip() for p in phrasings))
    if len(distinct) < needed:
        problems.append(f"{where}: has {len(distinct)} distinct phrasings; at least {needed} are needed")
    return TopicText(title=title.strip(), answer=answer.strip(), phrasings=tuple(distinct))
