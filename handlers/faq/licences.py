"""Licence names, however they are written, as single terms the index compares.

"by-nc-sa", "CC BY-NC-SA 4.0", "Attribution-NonCommercial-ShareAlike" and their translations all
become `cc_by_nc_sa`; version numbers `v4_0`; "Creative Commons" and its translations `cc`; CC0
`cc_zero`; the 5Rs of openness `5rs`. The element names (NC, SA, ND) written out become their codes,
which the analysers never take for function words (French "sa" is also a possessive: see
`mark_french_possessive`).

Works on casefolded text whose Latin letters are accent-folded, and whose Latin words are apart from
the words of other scripts (`split_scripts`: "什么是CC0" is "什么是 cc0").
"""

from __future__ import annotations

import re

LICENCE_ELEMENTS = frozenset({"nc", "sa", "nd"})

# Element names as written out in each language (accents already folded for Latin scripts).
_ELEMENTS: dict[str, tuple[str, ...]] = {
    "nc": (
        r"\bnon[\s\-]?commercial(?:ly)?\b",
        r"\bpas d[\s'’]?utilisation commerciale\b",
        r"\bno[\s\-]?comercial(?:es)?\b",
        r"\bnao[\s\-]?comercia(?:l|is)\b",
        r"\bне[\s\-]?коммерческ\w*(?:\s+использовани\w*)?",
        r"غير\s+(?:ال)?تجاري\w*",
        r"非商业性?使用",
        r"非商业",
    ),
    "sa": (
        r"\bshare[\s\-]?alike\b",
        r"\bpartage dans les memes conditions\b",
        r"\bcompartir[\s\-]?igual\b",
        r"\bcompartilha[\s\-]?igual\b",
        r"\b(?:распространение\s+)?на\s+тех\s+же\s+условиях\b",
        r"\bс\s+сохранением\s+условий\b",
        r"(?:الترخيص|المشاركة)\s+بالمثل",
        r"相同方式共享",
    ),
    "nd": (
        r"\bno[\s\-]?deriv(?:ative|ed)?s?(?:\s+works)?\b",
        r"\bpas de modifications?\b",
        r"\bsin\s*(?:obras?\s*)?derivadas?\b",
        r"\bsem\s*deriva(?:coes|cao|dos)\b",
        r"\bбез\s+производных(?:\s+произведений)?\b",
        r"(?:منع|بدون|لا)\s+(?:ال)?اشتقاق",
        r"禁止演绎",
    ),
}
_BY = (
    r"(?<![a-z])by(?![a-z])|\battribution\b|\breconocimiento\b|\batribucion\b|\batribuicao\b|\bатрибуция\b"
    r"|\bс\s+указанием\s+авторства\b|نسب\s+المصنف|署名"
)
# "Creative Commons" as written in Latin letters (typos included), in Russian transliterations
# (криэйтив, креатив, криейтив; коммонс, коммонз; together or apart), in Arabic and in Chinese.
_CC = (
    r"(?<![a-z0-9_])cc(?![a-z0-9_])|\bcreati?ve?\s*com+on+s?\b"
    r"|\bк(?:ри|ре)(?:эй|ей|а|э)тив\w*[\s\-]*ком+он[сз]\w*"
    r"|المشاع\s+الإبداعي|المشاع\s+الابداعي|知识共享"
)
_SEPARATOR = r"[\s\-‐–—_/+,.:]*"
_VERSION = re.compile(r"(?<![\w.])v?(\d)[.,](\d)(?![\w.]|\.\d)")
_ELEMENT = re.compile("|".join(f"(?P<{code}>{'|'.join(patterns)})" for code, patterns in _ELEMENTS.items()))
_BY_HINT = re.compile(_BY)
_DIGIT = re.compile(r"\d")
_LICENCE = re.compile(
    rf"(?:(?P<cc>{_CC}){_SEPARATOR})?(?P<by>{_BY})"
    rf"(?P<rest>(?:{_SEPARATOR}(?<![a-z])(?:nc|sa|nd)(?![a-z])){{0,2}})"
    rf"(?:{_SEPARATOR}(?P<version>(?<![a-z])v\d_\d(?!\d)))?"
)
_ZERO = re.compile(rf"(?:{_CC})[\s\-]*(?:0|zero|ноль)(?!\w)|\bcc0\b")
_CC_ALONE = re.compile(_CC)
_ORDER = ("nc", "sa", "nd")
_FIVE_RS = re.compile(r"\b(?:5|five)[\s\-]*r'?s?\b")  # the 5Rs of openness, however written
# "СС BY-NC" typed with Cyrillic С (U+0421), as Russian keyboards make easy; "ВУ" for BY after it.
_CYRILLIC_CC = re.compile(r"(?<![^\W\d_])сс(?![^\W\d_])(?:([\s\-]*)ву(?![^\W\d_]))?")

# Where Latin letters or digits touch another script ("什么是CC0", "5R是什么", "лицензияCC").
_OTHER_SCRIPT = "\u0400-\u04ff\u0600-\u06ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LATIN = "a-zA-Z0-9\u00c0-\u024f"
_SCRIPT_BOUNDARY = re.compile(f"(?<=[{_LATIN}])(?=[{_OTHER_SCRIPT}])|(?<=[{_OTHER_SCRIPT}])(?=[{_LATIN}])")

# The uppercase element BY on its own ("what does BY mean"), written out in each language: "by"
# alone is a preposition in English, but not when a member types it in capitals.
_UPPER_BY = re.compile(r"(?<![\w\-‐])BY(?![\w\-‐])")
_SHOUTED = re.compile(r"^[^a-z]*[A-Z]{2,}[^a-z]+[A-Z]{2,}[^a-z]*$")  # "WHAT DOES CC BY ALLOW"
_BY_WORD = {"ru": "атрибуция", "ar": "نسب المصنف", "zh": "署名", "es": "atribucion", "pt": "atribuicao"}
# French "sa" typed in lowercase before a word is the possessive ("sa licence"), unless a licence
# name precedes it ("by sa", "cc by-nc sa"); "SA" in capitals, or at the end, is the element.
_FRENCH_SA = re.compile(r"(?<![\w\-‐/+])[Ss]a(?=\s+[^\W\d_])")
_LICENCE_WORD_BEFORE = re.compile(r"(?:\b(?:by|nc|nd|cc)|[\-‐/+])\s*$", re.IGNORECASE)


def split_scripts(text: str) -> str:
    """A space wherever Latin letters or digits touch Han, Cyrillic or Arabic letters."""
    return _SCRIPT_BOUNDARY.sub(" ", text) if not text.isascii() else text


def mark_uppercase_elements(text: str, language: str) -> str:
    """Before casefolding: "BY" in capitals written out as the element, and in French the
    possessive "sa" told apart from the element "SA" (it becomes "son", also a possessive)."""
    if "BY" in text and not _SHOUTED.search(text):
        text = _UPPER_BY.sub(_BY_WORD.get(language, "attribution"), text)
    if language == "fr" and ("sa" in text or "Sa" in text):
        text = _FRENCH_SA.sub(_french_possessive, text)
    return text


def _french_possessive(match: re.Match[str]) -> str:
    before = match.string[: match.start()]
    return match.group(0) if _LICENCE_WORD_BEFORE.search(before) else "son"


def canonical_licences(text: str) -> str:
    """Casefolded, accent-folded text with licence names replaced by single terms (`cc_by_sa`)."""
    if "сс" in text:
        text = _CYRILLIC_CC.sub(_latin_cc, text)
    if _DIGIT.search(text):
        text = _VERSION.sub(r" v\1_\2 ", text)
    if _DIGIT.search(text) or "five" in text:
        text = _FIVE_RS.sub(" 5rs ", text)
    if _DIGIT.search(text) or "zero" in text or "ноль" in text:
        text = _ZERO.sub(" cc_zero ", text)
    text = _ELEMENT.sub(_element_code, text)
    if _BY_HINT.search(text):
        text = _LICENCE.sub(_licence_term, text)
    return _CC_ALONE.sub(" cc ", text)


def _latin_cc(match: re.Match[str]) -> str:
    return "cc" if match.group(1) is None else f"cc{match.group(1)}by"


def _element_code(match: re.Match[str]) -> str:
    return f" {match.lastgroup} "


def _licence_term(match: re.Match[str]) -> str:
    elements = set(re.findall(r"nc|sa|nd", match.group("rest") or ""))
    if not match.group("cc") and not elements:
        return match.group(0)  # "by" alone is a preposition, "attribution" alone a word
    name = "_".join(["cc_by", *(code for code in _ORDER if code in elements)])
    version = match.group("version")
    return f" {name} {version} " if version else f" {name} "
