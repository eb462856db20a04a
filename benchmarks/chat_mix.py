"""The chat traffic the throughput benchmark sends: what members type, in the languages they type it in.

Each sender writes in one language, drawn once (en 30 %, fr and es 15 % each, ar, ru, zh and pt 10 %
each), and Telegram reports it as their app language. Each of their messages is, by a seeded draw:

- 70 %: a member's question from the development sets (tests/data/faq_dev.yaml and faq_dev2.yaml,
  in-scope and out-of-scope alike, some 1,400 distinct questions) in the sender's language: short
  and long, with typos, context sentences and licence names, as members write them;
- 10 %: a question about remixing or explaining named licences, for the licensing assistant;
- 10 %: a greeting or a thank-you in the sender's language, written a few ways;
- 10 %: a command: /help, /privacy, /explain or /combine with licence names.

The held-out evaluation set (faq_eval.yaml) is never read here: it stays unseen by anything tuned.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # when run as a script

from benchmarks.faq_common import DEV, DEV2, load_questions

SEED = 20_240_611
LANGUAGE_SHARES = {"en": 0.30, "fr": 0.15, "es": 0.15, "ar": 0.10, "ru": 0.10, "zh": 0.10, "pt": 0.10}
KIND_SHARES = {"question": 0.70, "licensing": 0.10, "small_talk": 0.10, "command": 0.10}

LICENSING_QUESTIONS = {
    "en": (
        "Can I remix a CC BY-SA photo with CC BY-NC text?",
        "what is CC BY-SA 3.0 IGO?",
        "Can I combine CC BY and CC0 material in one course?",
        "is CC BY-NC-ND compatible with CC BY-SA?",
    ),
    "fr": (
        "Puis-je mélanger une image CC BY-SA avec un texte CC BY-NC ?",
        "C'est quoi la licence CC BY-NC-SA 4.0 ?",
        "Peut-on associer du CC BY et du CC0 ?",
    ),
    "es": (
        "¿Puedo mezclar un video CC BY-SA con un texto CC BY-NC?",
        "¿Qué es CC BY 4.0?",
        "¿Se pueden combinar materiales CC BY-ND y CC BY?",
    ),
    "pt": (
        "Posso misturar conteúdo CC BY-SA com CC BY-NC?",
        "O que é a licença CC BY-NC?",
        "Dá para mesclar CC0 e CC BY-SA num mesmo livro?",
    ),
    "ru": (
        "Можно ли объединить материалы CC BY-SA и CC BY-NC?",
        "Что такое CC BY-SA 4.0?",
        "Совместимы ли лицензии CC BY и CC0?",
    ),
    "ar": (
        "هل يمكنني دمج صورة CC BY-SA مع نص CC BY-NC؟",
        "ما هي رخصة CC BY-NC-SA؟",
        "هل يمكن مزج CC0 و CC BY في درس واحد؟",
    ),
    "zh": (
        "可以把CC BY-SA的图片和CC BY-NC的文字混合吗？",
        "什么是CC BY-ND 4.0？",
        "CC BY和CC0的材料可以合并吗？",
    ),
}
SMALL_TALK = {
    "en": ("hello", "Hi there!", "Good morning", "thanks!", "Thank you very much", "thx bot"),
    "fr": ("Bonjour", "salut !", "Bonsoir", "merci", "Merci beaucoup 🙏"),
    "es": ("Hola", "¡Buenos días!", "gracias", "Muchas gracias"),
    "pt": ("Olá", "Bom dia!", "obrigado", "Muito obrigada!"),
    "ru": ("Привет", "Здравствуйте!", "спасибо", "Большое спасибо"),
    "ar": ("مرحبا", "السلام عليكم", "شكرا", "شكرا جزيلا"),
    "zh": ("你好", "您好！", "谢谢", "非常感谢"),
}
COMMANDS = ("/help", "/privacy", "/explain CC BY-SA 3.0 IGO", "/explain CC0", "/combine BY-SA BY-NC")


@dataclass(frozen=True)
class ChatMessage:
    sender: int
    language: str
    text: str


def development_questions() -> dict[str, list[str]]:
    """Every question of the development sets, by language, in file order."""
    by_language: dict[str, list[str]] = {language: [] for language in LANGUAGE_SHARES}
    for question in [*load_questions(DEV), *load_questions(DEV2)]:
        by_language[question.lang].append(question.text)
    return by_language


def chat_mix(count: int, senders: int, first_sender: int = 10_000, seed: int = SEED) -> list[ChatMessage]:
    """`count` messages from `senders` people in turn, the same for the same arguments."""
    rng = random.Random(seed)  # noqa: S311 - reproducible traffic, not security
    questions = development_questions()
    languages, language_weights = zip(*LANGUAGE_SHARES.items(), strict=True)
    kinds, kind_weights = zip(*KIND_SHARES.items(), strict=True)
    spoken = rng.choices(languages, language_weights, k=senders)
    pools: dict[str, Mapping[str, Sequence[str]]] = {
        "question": questions,
        "licensing": LICENSING_QUESTIONS,
        "small_talk": SMALL_TALK,
        "command": dict.fromkeys(LANGUAGE_SHARES, COMMANDS),
    }
    messages = []
    for index in range(count):
        number = index % senders
        language = spoken[number]
        kind = rng.choices(kinds, kind_weights)[0]
        text = rng.choice(pools[kind][language])
        messages.append(ChatMessage(first_sender + number, language, text))
    return messages


if __name__ == "__main__":
    from collections import Counter

    sample = chat_mix(5000, 500)
    print(len({m.text for m in sample}), "distinct texts;", Counter(m.language for m in sample))  # noqa: T201
