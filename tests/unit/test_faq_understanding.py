"""What the engine understands beyond words: the problems translators reported, the kind of fact a
question asks for, how strongly it names the subject, and a member's context around a question."""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers.faq.analysis import STOP_MARK, WEAK_MARK, analyse
from handlers.faq.engine import ANSWER_AT, AnsweringEngine
from handlers.faq.index import LanguageIndex
from handlers.faq.intents import intents, mismatch
from handlers.faq.knowledge import load_knowledge_base
from handlers.faq.scoring import QueryTerm, forgive_straddling, straddling

LOCALES = Path(__file__).resolve().parents[2] / "locales"
KB = load_knowledge_base(LOCALES, require_all_languages=False)


@pytest.fixture(scope="module")
def engine() -> AnsweringEngine:
    return AnsweringEngine(KB)


def content(text: str, language: str) -> list[str]:
    return [term for term in analyse(text, language) if term[0] not in (STOP_MARK, WEAK_MARK)]


# -- what the content translators reported ----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # French: the element SA is not the possessive "sa"
        ("que veut dire SA", "sa-sharealike"),
        ("Partage dans les mêmes conditions, ça veut dire quoi ?", "sa-sharealike"),
        # Russian: креатив коммонс, СС in Cyrillic letters, чатгпт
        ("что такое креатив коммонс", "cc-what"),
        ("что разрешает лицензия сс by-nc", "cc-by-nc"),
        ("что разрешает СС BY-SA", "cc-by-sa"),
        ("можно ли делать ООР с чатгпт", "oer-generative-ai"),
        # Chinese: Latin touching Han characters
        ("什么是CC0", "cc0"),
        ("5R是什么", "oer-5rs"),
        ("CC BY-NC协议允许什么", "cc-by-nc"),
        # phrasing gaps
        ("how do I credit a photo I found under CC", "attribution"),
        ("how should I attribute a picture", "attribution"),
        ("what came before the Recommendation", "rec-history"),
        ("is there a coalition website", "dc-portal"),
        ("不同许可的材料能放在同一个课程里吗", "license-compatibility"),
        ("两年前发布的CC作品可以收回吗", "license-irrevocable"),
        ("le doyen veut revenir en arrière sur la licence CC BY de notre cours", "license-irrevocable"),
    ],
)
def test_what_the_translators_reported_is_understood(
    engine: AnsweringEngine, question: str, topic: str
) -> None:
    answer = engine.ask(question)
    assert (answer.kind, answer.topic) == ("answer", topic), answer


@pytest.mark.parametrize(
    ("question", "language", "kept"),
    [
        ("I keep hearing about OERs, what are they?", "en", ["oer"]),
        ("Un collègue m'a parlé des REL", "fr", ["rel"]),
        ("Un colega me habló de los REA", "es", ["rea"]),
        ("Um colega me falou de REA", "pt", ["rea"]),
        ("Коллега рассказал мне про ООР", "ru", ["оор"]),
        ("حدثني زميل عن الموارد", "ar", ["موارد"]),
    ],
)
def test_where_a_member_heard_of_something_is_not_the_question(
    question: str, language: str, kept: list[str]
) -> None:
    # "told", "talked" would otherwise find the topic about talking to the secretariat
    assert content(question, language)[-len(kept) :] == kept
    assert not any(word in content(question, language) for word in ("told", "habl", "falou", "parl"))


def test_everyday_phrases_meet_the_knowledge_bases_words() -> None:
    assert "revoqu" in content("le doyen veut revenir en arrière", "fr")
    assert "revog" in content("a reitoria quer voltar atrás", "pt")
    assert content("artificial intelligence", "en") == content("AI", "en")
    assert content("искусственный интеллект", "ru") == content("ИИ", "ru")
    assert "图片" in content("博物馆的照片", "zh")
    assert "加入" in content("我们想参加动态联盟", "zh") and "保存" in content("你会记录我的提问吗", "zh")
    assert content("التحالف الديناميكي", "ar") == content("الائتلاف الدينامي", "ar")  # synonyms as stems


# -- the kind of fact asked for -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "language", "kinds"),
    [
        ("How long does copyright last?", "en", {"amount"}),
        ("combien coûte une revue en libre accès ?", "fr", {"amount"}),
        ("¿Dónde encuentro REA?", "es", {"place"}),
        ("Когда была принята Рекомендация?", "ru", {"time"}),
        ("著作权保护期是多少年？", "zh", {"amount"}),
        ("متى تم اعتماد التوصية؟", "ar", {"time"}),
        ("who implements the Recommendation", "en", {"person"}),
        ("How should I give attribution when reusing CC content?", "en", set()),  # "when" + -ing
        ("Puis-je quand même le publier ?", "fr", set()),  # "quand même" is "anyway"
        ("开放教育资源平台存在哪些隐私问题", "zh", set()),  # 存在哪些 is not 在哪
    ],
)
def test_the_kind_of_fact_a_question_asks_for(question: str, language: str, kinds: set[str]) -> None:
    assert intents(question, language) == kinds


def test_a_topic_never_asked_that_way_is_a_mismatch() -> None:
    assert mismatch(frozenset({"amount"}), frozenset({"time"})) == 1.0
    assert mismatch(frozenset({"amount", "time"}), frozenset({"time"})) == 0.0
    assert mismatch(frozenset(), frozenset()) == 0.0


@pytest.mark.parametrize(
    "question",
    [
        "How long does copyright last after the author dies?",
        "Is the library open on Saturday?",
        "recommend a good movie",
        "How much does a fishing licence cost?",
    ],
)
def test_near_misses_are_declined(engine: AnsweringEngine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.kind == "abstain" and answer.confidence < ANSWER_AT, answer


# -- anchors, Chinese bigrams, context --------------------------------------------------------------


def test_open_alone_names_the_subject_weakly_and_with_education_strongly(engine: AnsweringEngine) -> None:
    library = engine.read("Is the library open on Saturday?")
    oer = engine.read("Are open educational resources free?")
    assert library is not None and oer is not None
    assert 0 < library.result.anchored < 1.0
    assert oer.result.anchored == 1.0
    licence = engine.read("Что значит SA?")
    assert licence is not None and licence.result.anchored == 1.0  # a licence element is strong


def test_chinese_bigrams_straddling_two_known_words_are_not_unknown_words() -> None:
    terms = (
        QueryTerm("~如何", 0.3, 0.0),
        QueryTerm("何正", 0.0, 2.5, 0.5),  # 如何|正确: straddles
        QueryTerm("正确", 0.0, 2.5, 0.5),  # a word no topic knows
        QueryTerm("确署", 0.0, 2.5, 0.5),  # 正确|署名: straddles
        QueryTerm("署名", 1.0, 1.2),
    )
    forgiven = {term.term: term.unknown for term in forgive_straddling(terms)}
    assert forgiven == {"~如何": 0.0, "何正": 0.0, "正确": 0.5, "确署": 0.0, "署名": 0.0}


def test_chinese_bigrams_far_rarer_than_both_neighbours_straddle_two_words() -> None:
    terms = analyse("作品能用", "zh")  # 作品 | 能用: 品能 is there by chance
    counts = {"作品": 20, "品能": 1, "能用": 8}
    assert straddling(terms, counts) == {"品能"}
    assert straddling(terms, {"作品": 20, "品能": 6, "能用": 8}) == frozenset()
    assert straddling(analyse("作品能", "zh"), counts) == frozenset()  # at a run's edge: kept


def test_a_word_snowball_leaves_whole_meets_its_root() -> None:
    index = LanguageIndex("pt", lambda text: content(text, "pt"), 1)
    index.add_phrasing(0, "como entrar na coalizão")
    terms = {term.term: term.weight for term in index.search("como entro na coalizão").terms}
    assert 0 < terms["entrar"] < 1  # "entro" (I enter): a discount, as for a typo


def test_the_context_a_member_gives_is_set_aside() -> None:
    index = LanguageIndex("en", lambda text: content(text, "en"), 2)
    index.add_phrasing(0, "can I translate an open textbook")
    index.add_phrasing(1, "what is the weather like")
    question = "I teach chemistry in a rural school in Ghana. Can I translate an open textbook?"
    assert index.focus(question, 0) == "Can I translate an open textbook?"
    assert index.focus("Can I translate an open textbook?", 0) is None
    assert index.focus("Can I translate it? Is this an open textbook?", 0) is None


def test_a_declined_question_is_declined_in_the_language_it_is_written_in(engine: AnsweringEngine) -> None:
    answer = engine.ask("Quel temps fera-t-il demain à Dakar ?", member_language="en")
    assert (answer.kind, answer.lang) == ("abstain", "fr")
