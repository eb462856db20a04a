"""The words that say a question is about the bot's subject, per language.

Open educational resources, open licences, copyright, the UNESCO Recommendation and the coalition:
almost every question the knowledge base covers names one of these, and most questions it does not
cover (the weather, a recipe, a job at UNESCO, "recommend a good movie") name none. Whether the
question has one is one of the features of the confidence. Written as members write them; the
engine reads each through the language's analyser, so inflected forms and typos without accents
match too. Licence names (CC BY-SA, CC0, ...) always count.
"""

from __future__ import annotations

ANCHORS: dict[str, str] = {
    "en": """
        oer oers open openly license licence licenses licensed licensing creative commons cc copyright
        copyrighted domain coalition recommendation declaration attribution attribute
        sharealike noncommercial noderivatives derivative remix repository repositories igf webinar
        webinars portal secretariat bot chatbot 5rs textbook textbooks
        """,
    "fr": """
        rel ree libre libres ouvert ouverte ouverts ouvertes licence
        licences creative commons cc auteur domaine coalition recommandation declaration
        attribution attribuer depot webinaire webinaires portail secretariat bot robot manuel manuels
        """,
    "es": """
        rea abierto abierta abiertos abiertas licencia licencias creative
        commons cc autor dominio coalicion recomendacion declaracion atribucion
        atribuir repositorio webinar portal secretaria bot
        """,
    "pt": """
        rea aberto aberta abertos abertas licenca licencas creative
        commons cc autorais dominio coalizao recomendacao declaracao atribuicao
        atribuir repositorio webinar portal secretariado bot didatico
        """,
    "ru": """
        оор открытые открытый открытых открытого лицензия лицензии лицензий лицензирование creative
        commons cc авторское авторские достояние коалиция коалиции рекомендация
        рекомендации декларация атрибуция репозиторий вебинар вебинары портал секретариат бот учебник
        """,
    "ar": """
        مفتوحة المفتوحة مفتوح رخصة الرخصة رخص ترخيص التراخيص المشاع الإبداعي
        المؤلف الائتلاف التحالف توصية التوصية إعلان مستودع ندوة بوابة الأمانة
        بوت روبوت
        """,
    "zh": """
        开放 许可 许可证 授权 知识共享 版权 著作权 公有领域 联盟 建议书 宣言 署名 资源库 存储库
        研讨会 门户 秘书处 机器人 教材
        """,
}
