"""What a typed message asks, in any of the seven languages: to combine licenses, to explain one, or a plain
yes or no. Deliberately narrow: when in doubt the answer is "not recognised", and the question is left to
the general answerer (or asked again), never guessed.
"""

from __future__ import annotations

import re
from enum import Enum

from handlers.licensing.vocabulary import clean

REMIX_WORDS = (
    "remix",
    "combin",
    "mix",
    "merge",
    "mash",
    "adapt",
    "together",
    "derivative",
    "build upon",
    "compatib",
    "mélang",
    "melang",
    "fusion",
    "ensemble",
    "associer",
    "dériv",
    "remezcl",
    "mezcl",
    "junt",
    "unir",
    "misturar",
    "mesclar",
    "remixar",
    "ремикс",
    "объедин",
    "совмест",
    "смеш",
    "сочета",
    "комбинир",
    "адаптир",
    "混合",
    "组合",
    "合并",
    "结合",
    "混编",
    "改编",
    "一起",
    "重混",
    "兼容",
    "دمج",
    "مزج",
    "جمع",
    "ريمكس",
    "اقتباس",
    "تكييف",
    "معا",
    "توافق",
)
EXPLAIN_WORDS = (
    "what is",
    "what's",
    "what does",
    "what are",
    "explain",
    "meaning",
    "mean",
    "tell me about",
    "qu'est-ce",
    "qu'est ce",
    "c'est quoi",
    "signifie",
    "expliqu",
    "que veut dire",
    "qué es",
    "que es",
    "significa",
    "explica",
    "o que é",
    "o que e",
    "что такое",
    "что означает",
    "что значит",
    "объясн",
    "расскажи",
    "什么是",
    "是什么",
    "什么意思",
    "解释",
    "含义",
    "ما هو",
    "ما هي",
    "ماذا يعني",
    "ماذا تعني",
    "اشرح",
    "ما معنى",
    "معنى",
)


class YesNo(Enum):
    YES = "yes"
    NO = "no"
    BOTH = "both"  # "yes and no": contradictory, to be asked again


_YES = ("yes", "y", "yeah", "yep", "sure", "ok", "oui", "sí", "si", "sim", "да", "نعم", "أجل", "اجل", "بلى")
_NO = ("no", "n", "nope", "non", "não", "nao", "нет", "لا", "كلا")
_ZH_NO = ("不需要", "不要", "不允许", "不可以", "不是", "不用", "不", "否", "没有")
_ZH_YES = ("需要", "允许", "可以", "是的", "是", "对", "好", "要")
_SHAREALIKE = (
    "share alike",
    "sharealike",
    "same license",
    "partage",
    "mêmes conditions",
    "compartir igual",
    "compartirigual",
    "compartilha",
    "mesma licença",
    "на тех же условиях",
    "相同方式共享",
    "بالمثل",
)


def wants_combination(text: str) -> bool:
    folded = clean(text).casefold()
    return any(word in folded for word in REMIX_WORDS)


def wants_explanation(text: str) -> bool:
    folded = clean(text).casefold()
    return any(word in folded for word in EXPLAIN_WORDS)


def yes_or_no(text: str) -> YesNo | None:
    """A typed yes or no in any of the seven languages; BOTH when the text says both; None otherwise."""
    folded = clean(text).casefold()
    words = set(re.findall(r"\w+", folded))
    yes = bool(words & set(_YES))
    no = bool(words & set(_NO))
    rest = folded
    for phrase in _ZH_NO:
        if phrase in rest:
            no = True
            rest = rest.replace(phrase, " ")
    yes = yes or any(phrase in rest for phrase in _ZH_YES)
    if yes and no:
        return YesNo.BOTH
    return YesNo.YES if yes else YesNo.NO if no else None


def mentions_share_alike(text: str) -> bool:
    folded = clean(text).casefold()
    return any(word in folded for word in _SHAREALIKE)


def is_question(text: str) -> bool:
    """Typed text that reads as a question rather than a name or a link: a question mark, or four words
    or more ("CC-BY-4.0-ish" and "example.org/cell-structure" are one word each)."""
    return any(mark in text for mark in "?？؟") or len(text.split()) >= 4
