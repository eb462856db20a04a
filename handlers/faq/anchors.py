"""The words that say a question is about the bot's subject, per language, strong and weak.

Open educational resources, open licences, copyright, the UNESCO Recommendation and the coalition:
almost every question the knowledge base covers names one of these, and most questions it does not
cover (the weather, a recipe, a job at UNESCO, "recommend a good movie") name none. Whether the
question has one is one of the features of the confidence. Written as members write them; the
engine reads each through the language's analyser, so inflected forms and typos without accents
match too. Licence names (CC BY-SA, CC0, ...) always count, as strong anchors.

Strong anchors name the subject and little else: OER, Creative Commons, the coalition, and phrases
("open+educational": every word of it in the question, in any order). Weak ones name it only in
context: "open" (the library is open on Saturday), "licence" (a driving licence), "copyright",
"recommendation" (also "recommend a good film"). The confidence weighs the two apart.
"""

from __future__ import annotations

ANCHORS: dict[str, str] = {
    "en": """
        oer oers creative+commons cc coalition declaration attribution attribute sharealike
        noncommercial noderivatives remix igf webinar webinars secretariat 5rs open+educational
        open+resources open+license open+licence open+licensing open+textbook open+access
        public+domain unesco+recommendation commercial+use
        """,
    "fr": """
        oer rel ree creative+commons cc coalition declaration attribution webinaire webinaires
        secretariat ressources+libres ressources+educatives educatives+libres licence+libre
        licences+libres licence+ouverte manuel+libre acces+ouvert domaine+public unesco+recommandation
        utilisation+commerciale usage+commercial
        """,
    "es": """
        oer rea creative+commons cc coalicion declaracion atribucion webinar secretaria
        recursos+educativos+abiertos recursos+abiertos licencia+abierta licencias+abiertas
        acceso+abierto dominio+publico unesco+recomendacion uso+comercial
        """,
    "pt": """
        oer rea creative+commons cc coalizao declaracao atribuicao webinar secretariado
        recursos+educacionais+abertos recursos+abertos licenca+aberta licencas+abertas acesso+aberto
        dominio+publico unesco+recomendacao uso+comercial
        """,
    "ru": """
        oer оор creative+commons cc коалиция коалиции декларация атрибуция вебинар вебинары
        секретариат открытые+образовательные образовательные+ресурсы открытая+лицензия
        открытые+лицензии открытый+доступ общественное+достояние юнеско+рекомендация
        коммерческое+использование
        """,
    "ar": """
        oer المشاع+الإبداعي الائتلاف التحالف الأمانة الموارد+التعليمية الموارد+المفتوحة
        الرخص+المفتوحة الترخيص+المفتوح الوصول+المفتوح الملك+العام اليونسكو+التوصية
        الاستخدام+التجاري
        """,
    "zh": """
        oer 知识共享 开放教育 教育资源 开放教材 开放课程 开放资源 开放许可 开放获取 公有领域 动态联盟
        秘书处 署名 研讨会 商用
        商业用途
        """,
}

WEAK_ANCHORS: dict[str, str] = {
    "en": """
        open openly license licence licenses licensed licensing copyright copyrighted domain
        recommendation repository repositories portal bot chatbot textbook textbooks derivative
        """,
    "fr": """
        libre libres ouvert ouverte ouverts ouvertes licence licences auteur domaine recommandation
        depot portail bot robot manuel manuels attribuer
        """,
    "es": """
        abierto abierta abiertos abiertas licencia licencias autor dominio recomendacion repositorio
        portal bot atribuir
        """,
    "pt": """
        aberto aberta abertos abertas licenca licencas autorais dominio recomendacao repositorio portal
        bot didatico atribuir
        """,
    "ru": """
        открытые открытый открытых открытого лицензия лицензии лицензий лицензирование авторское
        авторские достояние рекомендация рекомендации репозиторий портал бот учебник
        """,
    "ar": """
        مفتوحة المفتوحة مفتوح رخصة الرخصة رخص ترخيص التراخيص المؤلف توصية التوصية مستودع ندوة بوابة
        بوت روبوت إعلان
        """,
    "zh": """
        开放 许可 许可证 授权 版权 著作权 建议书 资源库 存储库 门户 机器人 教材 联盟 宣言
        """,
}
