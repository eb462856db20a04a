"""How people write license names: the words for each license element in the seven languages.

CC's official names where they exist ("Attribution - Partage dans les Mêmes Conditions", "Atribución-
CompartirIgual", "Атрибуция — На тех же условиях", "署名-相同方式共享", "نسب المصنف - الترخيص بالمثل"), older
official names (fr "Paternité", es "Reconocimiento", ru "С указанием авторства") and everyday spellings.
Text is compared after clean(): Arabic short vowels removed, dashes and apostrophes unified, any case.
"""

from __future__ import annotations

import re
import unicodedata

ELEMENT_WORDS: dict[str, tuple[str, ...]] = {
    "by": (
        "attribution",
        "by",
        "atribución",
        "atribucion",
        "reconocimiento",
        "atribuição",
        "atribuicao",
        "paternité",
        "paternite",
        "атрибуция",
        "с указанием авторства",
        "署名",
        "نسب المصنف",
    ),
    "sa": (
        "share alike",
        "sa",
        "partage dans les mêmes conditions",
        "partage dans les memes conditions",
        "partage des conditions initiales à l'identique",
        "partage à l'identique",
        "partage a l'identique",
        "compartir igual",
        "compartilha igual",
        "compartilhamento pela mesma licença",
        "на тех же условиях",
        "с сохранением условий",
        "相同方式共享",
        "الترخيص بالمثل",
    ),
    "nc": (
        "non commercial",
        "nc",
        "pas d'utilisation commerciale",
        "no comercial",
        "não comercial",
        "nao comercial",
        "некоммерческое использование",
        "некоммерческое",
        "некоммерческая",
        "非商业性使用",
        "非商业性",
        "非商业",
        "غير تجاري",
    ),
    "nd": (
        "no derivatives",
        "no derivative works",
        "no derivs",
        "nd",
        "pas de modification",
        "sin derivadas",
        "sin obra derivada",
        "sem derivações",
        "sem derivacoes",
        "sem derivados",
        "без производных произведений",
        "без производных",
        "禁止演绎",
        "منع الاشتقاق",
        "بدون اشتقاق",
        "بدون مشتقات",
    ),
}

CC_PREFIX_WORDS = ("creative commons", "cc", "知识共享", "المشاع الإبداعي", "المشاع الابداعي")
VERSION_WORDS = ("version", "versión", "versão", "versao", "версии", "версия", "版本", "الإصدار")
SUFFIX_WORDS = (
    "unported",
    "international",
    "internacional",
    "internationale",
    "всемирная",
    "международная",
    "国际",
    "دولي",
    "generic",
    "universal",
    "universel",
    "универсальная",
    "通用",
    "عالمي",
)
CC0_WORDS = (
    "creative commons zero",
    "cc zero",
    "cc 0",
    "public domain dedication",
    "dédicace au domaine public",
    "dedicación al dominio público",
    "dedicação ao domínio público",
)
PDM_WORDS = (
    "public domain mark",
    "pdm",
    "marque du domaine public",
    "marca de dominio público",
    "marca de domínio público",
    "знак общественного достояния",
    "公共领域标记",
    "公有领域标记",
    "公有领域标识",
    "علامة الملك العام",
    "علامة الملكية العامة",
)
PUBLIC_DOMAIN_WORDS = (
    "public domain",
    "domaine public",
    "dominio público",
    "dominio publico",
    "domínio público",
    "dominio publico",
    "общественное достояние",
    "общественном достоянии",
    "公共领域",
    "公有领域",
    "الملك العام",
    "الملكية العامة",
)
FAL_WORDS = ("free art license", "free art licence", "licence art libre", "fal")
# Jurisdictions as older ported licenses name them ("Reconocimiento 3.0 España", "Paternité 2.0 France").
PORT_NAMES = {
    "france": "fr",
    "españa": "es",
    "espana": "es",
    "spain": "es",
    "brasil": "br",
    "brazil": "br",
    "portugal": "pt",
    "deutschland": "de",
    "germany": "de",
    "méxico": "mx",
    "mexico": "mx",
    "argentina": "ar",
    "chile": "cl",
    "colombia": "co",
    "united states": "us",
    "china mainland": "cn",
    "中国大陆": "cn",
    "suisse": "ch",
    "schweiz": "ch",
    "canada": "ca",
    "belgique": "be",
    "luxembourg": "lu",
}
NOISE_WORDS = (
    "license",
    "licence",
    "licenses",
    "licences",
    "licencia",
    "licencias",
    "licença",
    "licenças",
    "licenca",
    "лицензия",
    "лицензии",
    "лицензию",
    "许可协议",
    "许可证",
    "许可",
    "协议",
    "رخصة",
    "ترخيص",
    "the",
    "a",
    "an",
    "la",
    "le",
    "el",
    "public",
    "publique",
    "pública",
    "publica",
    "deed",
    "legal code",
    "legalcode",
)
JOIN_WORDS = (
    "and",
    "et",
    "y",
    "e",
    "и",
    "和",
    "与",
    "及",
    "و",
    "with",
    "avec",
    "con",
    "com",
    "с",
    "plus",
    "or",
    "ou",
    "o",
    "или",
    "或",
)

_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_DASHES = re.compile("[\u2010-\u2015\u2212\u2e3a\u2e3b_]")
_APOSTROPHES = re.compile("[\u2018\u2019\u02bc`´]")


def clean(text: str) -> str:
    """Text ready for matching (same letters and case; marks, dashes and apostrophes unified)."""
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_MARKS.sub("", text)
    text = _DASHES.sub("-", text)
    return _APOSTROPHES.sub("'", text)


def words_pattern(phrases: tuple[str, ...]) -> str:
    """A regular expression for any of the phrases, longest first; a space may also be a hyphen or nothing,
    and words in scripts with spaces get word boundaries (Chinese needs none)."""
    parts = [_phrase(phrase) for phrase in sorted(phrases, key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")"


def starts_pattern(phrases: tuple[str, ...]) -> str:
    """A lookahead that every match of words_pattern(phrases) passes: the start of a word beginning
    with one of their first letters (for Chinese phrases, their first character anywhere). Put before
    a long alternation, it lets the regex engine pass over the middle of words and most other places
    at once instead of trying every phrase there."""
    word_starts = sorted({phrase[0] for phrase in phrases if not _is_cjk(phrase[0])})
    anywhere = sorted({phrase[0] for phrase in phrases if _is_cjk(phrase[0])})
    branches = []
    if word_starts:
        branches.append(rf"(?<!\w)[{''.join(map(re.escape, word_starts))}]")
    if anywhere:
        branches.append(f"[{''.join(map(re.escape, anywhere))}]")
    return f"(?={'|'.join(branches)})" if branches else ""


def _phrase(phrase: str) -> str:
    body = r"[\s\-]*".join(re.escape(word) for word in phrase.split(" "))
    if _is_cjk(phrase[0]):
        return body
    return rf"(?<!\w){body}(?!\w)"


def _is_cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"
