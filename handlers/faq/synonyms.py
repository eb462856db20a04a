"""A few words members use for the same thing, mapped to one before stemming.

Kept deliberately small: only everyday synonyms of the knowledge base's central ideas (an image, to
credit someone, to revoke, to localise), in folded form (lowercase, Latin accents removed). A word
listed here stops being itself: add one only when it never means anything else in these questions.
"""

from __future__ import annotations


def _groups(*groups: tuple[str, str]) -> dict[str, str]:
    return {word: target for target, words in groups for word in words.split()}


SYNONYMS: dict[str, dict[str, str]] = {
    "en": _groups(
        ("image", "photo photos photograph photographs picture pictures pic pics illustration illustrations"),
        ("image", "diagram diagrams graphic graphics drawing drawings infographic infographics"),
        ("attribute", "credit credits crediting credited acknowledge acknowledging acknowledgement"),
        ("revoke", "withdraw withdrawing withdrawn retract retracting rescind cancel cancelling"),
        ("translate", "localise localize localising localizing localisation localization"),
        ("sell", "sold sale sales"),
        ("ai", "gpt llm llms gemini copilot deepseek"),
    ),
    "fr": _groups(
        ("image", "photo photos photographie photographies illustration illustrations schema schemas"),
        ("image", "dessin dessins graphique graphiques infographie"),
        ("attribuer", "crediter credite creditee citer cite citee mentionner"),
        ("revoquer", "retirer retire annuler annule"),
        ("traduire", "localiser localisation"),
        ("ia", "gpt llm llms gemini copilot deepseek"),
    ),
    "es": _groups(
        ("imagen", "foto fotos fotografia fotografias ilustracion ilustraciones diagrama diagramas"),
        ("imagen", "dibujo dibujos grafico graficos infografia"),
        ("atribuir", "acreditar citar reconocer"),
        ("revocar", "retirar cancelar anular"),
        ("traducir", "localizar localizacion"),
        ("libro", "manual manuales"),  # a textbook
        ("ia", "gpt llm llms gemini copilot deepseek"),
    ),
    "pt": _groups(
        ("imagem", "foto fotos fotografia fotografias ilustracao ilustracoes diagrama diagramas"),
        ("imagem", "desenho desenhos grafico graficos infografico"),
        ("atribuir", "creditar citar"),
        ("revogar", "retirar cancelar anular"),
        ("traduzir", "localizar localizacao"),
        ("ia", "gpt llm llms gemini copilot deepseek"),
    ),
    "ru": _groups(
        ("изображение", "фото фотография фотографии фотографию картинка картинки картинку"),
        ("изображение", "иллюстрация иллюстрации иллюстрацию схема схемы схему рисунок рисунки"),
        ("отозвать", "отменить отмена отменять забрать"),
        ("перевести", "локализовать локализация"),
        # ChatGPT as Russians type it, and neural networks as everyday Russian says "AI"
        ("chatgpt", "чатгпт чатджипити чатжпт джипити гпт gpt"),
        ("ии", "нейросеть нейросети нейросетью нейросетей нейросетям нейронка нейронки нейронку нейронкой"),
    ),
    "ar": _groups(
        ("صورة", "صور صوره الصوره الصورة الصور رسم رسوم رسمة مخطط"),
        ("الائتلاف", "التحالف تحالف"),  # the coalition: "alliance" is how many members say it
        ("الدينامي", "الديناميكي ديناميكي الديناميكية"),
    ),
}

# Several words for one idea, rewritten in the normalised text (regular expressions, folded form)
# before it is split into words: "artificial intelligence" is what "AI" says in one word.
# How members say where they heard of something ("a colleague told me about OER, what are they?"):
# context, not question. "Told", "talked", "heard" would otherwise find the topic about talking to
# the secretariat.
_HEARD = {
    "en": r"\b(?:told|tell|telling)\s+(?:me|us)\s+about\b|\b(?:heard|hearing|hear)\s+(?:of|about)\b"
    r"|\b(?:keeps?|kept)\s+(?:hearing\s+(?:of|about)|mentioning|talking\s+about)\b|\btalked\s+about\b",
    "fr": r"\b(?:m|nous)\s*'\s*(?:a|ont)\s+parle\s+(?:de|des|du)\b|\bentendu\s+parler\s+(?:de|des|du)\b",
    "es": r"\b(?:me|nos)\s+(?:hablo|hablaron|conto|contaron|comento|comentaron|menciono|mencionaron)"
    r"\s+(?:de|del|sobre)\b|\b(?:oi|escuche|escuchado|oido)\s+hablar\s+(?:de|del|sobre)\b",
    "pt": r"\b(?:me|nos)\s+(?:falou|falaram|contou|contaram|comentou|comentaram)"
    r"\s+(?:de|do|da|dos|das|sobre)\b|\b(?:ouvi|ouvimos)\s+falar\s+(?:de|do|da|dos|das|em|sobre)\b",
    "ru": r"\b(?:рассказал[аи]?|говорил[аи]?|слышал[аи]?)\s+(?:мне\s+|нам\s+)?(?:о|об|про)\b",
    "ar": r"(?:حدثني|حدثنا|حدثتني|اخبرني|اخبرنا|سمعت|سمعنا)\s+(?:\S+\s+)?عن",
    "zh": r"听(?:[^，。？！,?!]{0,4})?说(?:过)?|提到(?:过)?",
}

PHRASES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        (r"\bartificial[\s\-]+intelligence\b", "ai"),
        (r"\blarge[\s\-]+language[\s\-]+models?\b", "ai"),
        (r"\bchat[\s\-]+gpt\b", "chatgpt"),
        (r"\b(?:take|taking|took|taken)\s+(?:it\s+|them\s+)?back\b|\bgo(?:ing)?\s+back\s+on\b", "revoke"),
        (_HEARD["en"], " "),
    ),
    "fr": (
        (r"\bintelligences?[\s\-]+artificielles?\b", "ia"),
        (r"\bchat[\s\-]+gpt\b", "chatgpt"),
        (r"\b(?:revenir|reviens|revient|revenons)\s+en\s+arriere\b|\bmarche\s+arriere\b", "revoquer"),
        (r"\b(?:reprendre|reprise)\s+(?:la|sa|une|notre|ma)\s+licence\b", "revoquer licence"),
        (_HEARD["fr"], " "),
    ),
    "es": (
        (r"\binteligencias?[\s\-]+artificial(?:es)?\b", "ia"),
        (r"\bchat[\s\-]+gpt\b", "chatgpt"),
        (r"\b(?:echar(?:se|me|nos)?|dar\s+marcha|volver(?:se)?)\s+atras\b", "revocar"),
        (_HEARD["es"], " "),
    ),
    "pt": (
        (r"\binteligencias?[\s\-]+artificia(?:l|is)\b", "ia"),
        (r"\bchat[\s\-]+gpt\b", "chatgpt"),
        (r"\b(?:voltar|volta|voltam|voltamos|dar)\s+atras\b|\bmarcha\s+a\s*re\b", "revogar"),
        (_HEARD["pt"], " "),
        (r"\bobrigad[oa]s?\s+a\b", "obrigatoria"),  # obliged to ("obrigado" alone is "thank you")
    ),
    "ru": (
        (r"\bискусственн\w*[\s\-]+интеллект\w*", "ии"),
        (r"\bчат[\s\-]*(?:гпт|gpt|джипити)\b", "chatgpt"),
        (r"\bchat[\s\-]+gpt\b", "chatgpt"),
        (r"\b(?:забрать|вернуть|забирать)\s+(?:\w+\s+)?(?:обратно|назад)\b", "отозвать"),
        (_HEARD["ru"], " "),
    ),
    "ar": ((_HEARD["ar"], " "),),
    "zh": (
        (r"人工智能", " ai "),
        (r"chat[\s\-]+gpt", "chatgpt"),
        (r"大(?:语言)?模型", " ai "),
        (r"照片|相片|插图|配图|图像", "图片"),  # a photo: the knowledge base says 图片 (a picture)
        (r"(?:参加|参与|加盟)(?=[^，。？！,?!]{0,8}联盟)", "加入"),  # to join the coalition
        (r"标注|标明", "注明"),  # to credit: 注明出处, 注明作者
        (r"记录|存储|储存|留存", "保存"),  # what the bot keeps
        (r"强制性?|硬性", "约束力"),  # is the Recommendation binding
        (_HEARD["zh"], " "),
    ),
}
