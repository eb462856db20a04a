"""Greetings and thanks: answered kindly, in the language they were written in.

People greet a bot and thank it. Those messages are not questions: answering them with "I'm not sure"
would be odd, and logging them for the secretariat's review would bury the real questions.
"""

from __future__ import annotations

import re
import unicodedata

from bot.core.context import Context
from bot.core.i18n import N_
from bot.core.messages import Reply
from handlers.faq.analysis import fold_accents, normalise_arabic

GREETING = N_(
    "Hello! Ask me anything about open educational resources, open licensing or the 2019 UNESCO "
    "Recommendation on OER, or type /help to see what I can do."
)
THANKS = N_("You're welcome! Ask me anything else whenever you like.")

_NOT_WORDS = re.compile(r"[^\w\s]")
_BOT_WORDS = frozenset({"bot", "oerbot"})


def _normalise(text: str) -> str:
    # Compatibility forms, accents, Arabic diacritics, tatweel and alef variants go (as the FAQ's
    # analysis folds them); so do punctuation, emoji and "bot".
    plain = fold_accents(normalise_arabic(unicodedata.normalize("NFKD", text.casefold())))
    words = [word for word in _NOT_WORDS.sub(" ", plain).split() if word not in _BOT_WORDS]
    return " ".join(words)


def _phrases(table: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Phrases normalised as messages are, so that "здравствуйте" still matches itself."""
    return {
        language: frozenset(_normalise(phrase) for phrase in phrases) for language, phrases in table.items()
    }


# Whole messages only (after dropping punctuation, emoji and the word "bot"): "hi" is a greeting,
# "hi, what is CC BY?" is a question.
_GREETINGS = _phrases(
    {
        "en": {
            "hi",
            "hello",
            "hey",
            "hi there",
            "hello there",
            "good morning",
            "good afternoon",
            "good evening",
        },
        "fr": {"bonjour", "salut", "bonsoir", "coucou", "bonjour a tous"},
        "es": {"hola", "buenas", "buenos dias", "buenas tardes", "buenas noches", "saludos"},
        "pt": {"ola", "oi", "bom dia", "boa tarde", "boa noite"},
        "ar": {"مرحبا", "اهلا", "اهلا وسهلا", "السلام عليكم", "صباح الخير", "مساء الخير"},
        "ru": {"привет", "здравствуйте", "добрый день", "доброе утро", "добрый вечер"},
        "zh": {"你好", "您好", "嗨", "早上好", "下午好", "晚上好", "大家好"},
    }
)
_THANKS = _phrases(
    {
        "en": {"thanks", "thank you", "thx", "many thanks", "thanks a lot", "thank you very much", "ty"},
        "fr": {"merci", "merci beaucoup", "merci bien", "grand merci"},
        "es": {"gracias", "muchas gracias", "mil gracias"},
        "pt": {"obrigado", "obrigada", "muito obrigado", "muito obrigada", "valeu"},
        "ar": {"شكرا", "شكرا جزيلا", "شكرا لك", "الف شكر"},
        "ru": {"спасибо", "спасибо большое", "большое спасибо", "благодарю"},
        "zh": {"谢谢", "多谢", "谢谢你", "谢谢您", "感谢", "非常感谢"},
    }
)


def reply_to_small_talk(ctx: Context, text: str) -> Reply | None:
    """A reply if the whole message is a greeting or a thank-you, else None."""
    said = _normalise(text)
    for phrases, message in ((_THANKS, THANKS), (_GREETINGS, GREETING)):
        languages = [language for language, known in phrases.items() if said in known]
        if languages:
            language = ctx.language if ctx.language in languages else languages[0]
            translator = ctx.catalogs.translator(language, ctx.translator.timezone)
            return Reply(text=translator.paragraphs(translator.t(message)), direction=translator.direction)
    return None
