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
    ),
    "fr": _groups(
        ("image", "photo photos photographie photographies illustration illustrations schema schemas"),
        ("image", "dessin dessins graphique graphiques infographie"),
        ("attribuer", "crediter credite creditee citer cite citee mentionner"),
        ("revoquer", "retirer retire annuler annule"),
        ("traduire", "localiser localisation"),
    ),
    "es": _groups(
        ("imagen", "foto fotos fotografia fotografias ilustracion ilustraciones diagrama diagramas"),
        ("imagen", "dibujo dibujos grafico graficos infografia"),
        ("atribuir", "acreditar citar reconocer"),
        ("revocar", "retirar cancelar anular"),
        ("traducir", "localizar localizacion"),
    ),
    "pt": _groups(
        ("imagem", "foto fotos fotografia fotografias ilustracao ilustracoes diagrama diagramas"),
        ("imagem", "desenho desenhos grafico graficos infografico"),
        ("atribuir", "creditar citar"),
        ("revogar", "retirar cancelar anular"),
        ("traduzir", "localizar localizacao"),
    ),
    "ru": _groups(
        ("изображение", "фото фотография фотографии фотографию картинка картинки картинку"),
        ("изображение", "иллюстрация иллюстрации иллюстрацию схема схемы схему рисунок рисунки"),
        ("отозвать", "отменить отмена отменять забрать"),
        ("перевести", "локализовать локализация"),
    ),
    "ar": _groups(
        ("صورة", "صور صوره الصوره الصورة الصور رسم رسوم رسمة مخطط"),
    ),
}
