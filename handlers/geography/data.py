"""The hand-written geography tables: what CLDR and tzdata leave out, or put otherwise than members do.

UNESCO's regional groups and where each country and territory sits in them, the names people type that CLDR
does not give, the codes that are also everyday words, the spelling folds used to normalise answers, the
zones most people of a country live in, the cities tzdata files under another name and the corrections to
babel's zone labels. Data only: the code that reads these tables is in `countries` and `timezones`.
"""

from __future__ import annotations

REGIONS: tuple[str, ...] = ("AFR", "APA", "ARB", "ENA", "LAC")
"""UNESCO's five regional groups: Africa, Asia and the Pacific, Arab States, Europe and North America,
Latin America and the Caribbean."""

# Sovereign states in UNESCO's own regional groups, which are not the UN geoscheme: Djibouti, Mauritania,
# Somalia and Sudan sit in the Arab States, Israel, Türkiye and the Caucasus in Europe and North America,
# Central Asia, Afghanistan and Iran in Asia and the Pacific. UNESCO's Associate Members (Aruba, the Faroes,
# Macao, New Caledonia, Tokelau, ...) are with the territories below, where geography gives the same group.
_MEMBERS: dict[str, str] = {
    "AFR": """AO BF BI BJ BW CD CF CG CI CM CV ER ET GA GH GM GN GQ GW KE KM LR LS MG ML MU MW MZ NA NE NG
              RW SC SL SN SS ST SZ TD TG TZ UG ZA ZM ZW""",
    "APA": """AF AU BD BN BT CK CN FJ FM ID IN IR JP KG KH KI KP KR KZ LA LK MH MM MN MV MY NP NR NU NZ PG
              PH PK PW SB SG TH TJ TL TM TO TV UZ VN VU WS""",
    "ARB": "AE BH DJ DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SO SY TN YE",
    "ENA": """AD AL AM AT AZ BA BE BG BY CA CH CY CZ DE DK EE ES FI FR GB GE GR HR HU IE IL IS IT LI LT LU
              LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM TR UA US""",
    "LAC": """AG AR BB BO BR BS BZ CL CO CR CU DM DO EC GD GT GY HN HT JM KN LC MX NI PA PE PY SR SV TT UY
              VC VE""",
}

# Territories that are not UNESCO members take the group that holds their UN M49 geographic area.
_TERRITORIES: dict[str, str] = {
    "AFR": "IO RE SH TF YT",
    "APA": "AS CC CX GU HK HM MO MP NC NF PF PN TK TW UM WF",
    "ARB": "EH",
    "ENA": "AX BM FO GG GI GL IM JE PM SJ VA XK",
    "LAC": "AI AW BL BQ BV CW FK GF GP GS KY MF MQ MS PR SX TC VG VI",
}

# The languages members write in, plus the other script or spelling standard of two of them, so that
# "臺灣" and "Irão" are recognised as readily as "台湾" and "Irã".
_NAME_LOCALES: tuple[str, ...] = ("en", "fr", "es", "ar", "ru", "zh", "pt", "zh_Hant", "pt_PT")

# Names people use that CLDR does not give (official UN names, former names, everyday short forms).
# Each may be shared by several countries: a member who types "Korea" is shown both.
_ALIASES: dict[str, tuple[str, ...]] = {
    "AE": ("UAE", "U.A.E.", "Emirates", "EAU", "Emiratos", "Объединённые Арабские Эмираты", "الإمارات"),
    "BA": ("Bosnia", "Bosnia-Herzegovina", "Bosnie", "Босния"),
    "BN": ("Brunei Darussalam",),
    "BO": (
        "Plurinational State of Bolivia",
        "Bolivia (Plurinational State of)",
        "Estado Plurinacional de Bolivia",
    ),
    "BS": ("The Bahamas",),
    "BY": ("Belorussia", "Byelorussia", "Белоруссия"),
    "CD": (
        "DRC",
        "DR Congo",
        "D.R. Congo",
        "DRCongo",
        "RDC",
        "RD Congo",
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "Congo, Democratic Republic of the",
        "République démocratique du Congo",
        "República Democrática do Congo",
        "Zaire",
        "ДР Конго",
        "ДРК",
        "Демократическая Республика Конго",
        "جمهورية الكونغو الديمقراطية",
        "刚果民主共和国",
        "Congo",
    ),
    "CG": (
        "Congo-Brazzaville",
        "Republic of the Congo",
        "Republic of Congo",
        "Congo Republic",
        "République du Congo",
        "República del Congo",
        "Республика Конго",
        "جمهورية الكونغو",
        "刚果共和国",
        "Congo",
    ),
    "CI": ("Ivory Coast", "Cote d'Ivoire", "Costa de Marfil", "Elfenbeinküste", "Берег Слоновой Кости"),
    "CN": ("PRC", "People's Republic of China", "中华人民共和国"),
    "CV": ("Cape Verde", "Cap Vert", "Cabo Verde"),
    "CZ": (
        "Czech Republic",
        "République tchèque",
        "República Checa",
        "República Tcheca",
        "Чешская Республика",
    ),
    "DE": ("Deutschland",),
    "FK": ("Falklands", "Malvinas"),
    "FM": ("Federated States of Micronesia",),
    "GB": (
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "United Kingdom of Great Britain and Northern Ireland",
        "Grande-Bretagne",
        "Angleterre",
        "Écosse",
        "Pays de Galles",
        "Gran Bretaña",
        "Inglaterra",
        "Escocia",
        "Grã-Bretanha",
        "Escócia",
        "Англия",
        "Соединённое Королевство",
        "بريطانيا",
        "英格兰",
    ),
    "GM": ("The Gambia",),
    "HK": ("Hong Kong", "Hongkong", "Hong Kong SAR", "香港", "Гонконг"),
    "IR": ("Islamic Republic of Iran", "Iran (Islamic Republic of)", "Persia"),
    "KG": ("Kyrgyz Republic", "Kirghizia", "Кыргызстан"),
    "KN": ("Saint Kitts and Nevis", "Saint Kitts", "St Kitts"),
    "KP": (
        "DPRK",
        "Democratic People's Republic of Korea",
        "Korea, Democratic People's Republic of",
        "Korea DPR",
        "Северная Корея",
        "Korea",
        "Корея",
    ),
    "KR": (
        "Republic of Korea",
        "Korea, Republic of",
        "Korea Republic",
        "ROK",
        "Южная Корея",
        "Korea",
        "Корея",
    ),
    "LA": ("Lao PDR", "Lao People's Democratic Republic", "Lao"),
    "LC": ("Saint Lucia",),
    "MD": ("Republic of Moldova", "Moldavia", "Молдавия"),
    "MK": ("Macedonia", "Republic of North Macedonia", "Macédoine", "Македония"),
    "MM": ("Burma", "Birmanie", "Birmania", "Birmânia", "Бирма", "بورما"),
    "MO": ("Macao", "Macau", "Macao SAR", "澳门", "澳門"),
    "NL": ("Holland", "Hollande", "Holanda", "The Netherlands", "Nederland", "Голландия"),
    "NZ": ("Aotearoa",),
    "PG": ("PNG",),
    "PS": (
        "Palestine",
        "State of Palestine",
        "Palestina",
        "Palestinian Territory",
        "État de Palestine",
        "Estado de Palestina",
        "Палестина",
        "فلسطين",
        "دولة فلسطين",
        "巴勒斯坦",
    ),
    "RU": ("Russian Federation", "Fédération de Russie", "Federación de Rusia", "Российская Федерация", "РФ"),
    "SA": ("KSA", "Saudi", "السعودية", "沙特"),
    "SK": ("Slovak Republic",),
    "ST": ("Sao Tome", "São Tomé and Príncipe"),
    "SY": ("Syrian Arab Republic",),
    "SZ": ("Swaziland", "Swazilandia", "Suazilandia", "Suazilândia", "Свазиленд", "سوازيلاند"),
    "TL": ("East Timor", "Timor Leste", "Timor Oriental"),
    "TR": ("Turkey", "Turkiye", "Republic of Türkiye", "Turquía", "Турция"),
    "TT": ("Trinidad", "Trinidad and Tobago"),
    "TW": ("臺灣",),
    "TZ": ("United Republic of Tanzania",),
    "US": (
        "USA",
        "US",
        "U.S.",
        "U.S.A.",
        "United States of America",
        "the States",
        "EEUU",
        "EE.UU.",
        "EUA",
        "Estados Unidos de América",
        "Estados Unidos da América",
        "États-Unis d'Amérique",
        "США",
        "Соединённые Штаты Америки",
        "أمريكا",
        "الولايات المتحدة الأمريكية",
        "美利坚合众国",
    ),
    "VA": ("Holy See", "Vatican", "Saint-Siège", "Santa Sede", "Ватикан"),
    "VC": ("Saint Vincent and the Grenadines", "Saint Vincent", "St Vincent"),
    "VE": ("Bolivarian Republic of Venezuela", "Venezuela (Bolivarian Republic of)"),
    "VN": ("Viet Nam",),
    "XK": ("Kosova", "Republic of Kosovo"),
}

# Current ISO alpha-3 codes come from CLDR's territory aliases; these withdrawn ones stay out, so that
# "ZAR" (also the rand's currency code) or "DDR" is not read as a country of today.
_WITHDRAWN_ALPHA3 = frozenset({"BUR", "DDR", "FXX", "TMP", "YMD", "ZAR"})

# CLDR lists a country's zones in identifier order, which puts e.g. America/Adak first for the USA; these
# are the zones most members of those countries live in, most populous first.
_PRIMARY_ZONES: dict[str, tuple[str, ...]] = {
    "AU": (
        "Australia/Sydney",
        "Australia/Melbourne",
        "Australia/Brisbane",
        "Australia/Perth",
        "Australia/Adelaide",
    ),
    "BR": ("America/Sao_Paulo", "America/Fortaleza", "America/Recife", "America/Bahia", "America/Manaus"),
    "CA": ("America/Toronto", "America/Vancouver", "America/Edmonton", "America/Winnipeg", "America/Halifax"),
    "CD": ("Africa/Kinshasa",),
    "CL": ("America/Santiago",),
    "CY": ("Asia/Nicosia",),
    "EC": ("America/Guayaquil",),
    "ES": ("Europe/Madrid",),
    "FM": ("Pacific/Pohnpei",),
    "GL": ("America/Nuuk",),
    "ID": ("Asia/Jakarta", "Asia/Makassar"),
    "KI": ("Pacific/Tarawa",),
    "KZ": ("Asia/Almaty",),
    "MH": ("Pacific/Majuro",),
    "MN": ("Asia/Ulaanbaatar",),
    "MX": ("America/Mexico_City", "America/Monterrey", "America/Tijuana", "America/Cancun"),
    "MY": ("Asia/Kuala_Lumpur",),
    "NZ": ("Pacific/Auckland",),
    "PF": ("Pacific/Tahiti",),
    "PG": ("Pacific/Port_Moresby",),
    "PS": ("Asia/Hebron",),
    "PT": ("Europe/Lisbon",),
    "RU": ("Europe/Moscow", "Asia/Yekaterinburg", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Europe/Samara"),
    "UA": ("Europe/Kyiv",),
    "US": (
        "America/New_York",
        "America/Chicago",
        "America/Los_Angeles",
        "America/Denver",
        "America/Phoenix",
        "America/Anchorage",
        "Pacific/Honolulu",
    ),
    "UZ": ("Asia/Tashkent",),
}

# Codes, alpha-2 and alpha-3, that are also everyday words ("no", "it", "can"): typed other than in
# capitals, an exact match on one is not conclusive, so the member is asked.
_WORDS_THAT_ARE_CODES = """ad ai al am ao as at be by de do es et id il in is it je la ma me mo my na ne no nu
    om re se si so to tv um us ye and are arm bel ben bra can che col com cub dom est fin gin ind ita jam ken
    lie mac mar mus nam nor pan per pol rus sen sur ton tun ven"""
_WORD_LIKE_CODES = frozenset(_WORDS_THAT_ARE_CODES.split())

# Apostrophes join rather than split words: "Côte d'Ivoire", "cote divoire" and "Cote D Ivoire" meet.
_JOINERS = frozenset("'’ʼ`´ʻ\u0640")
# Letters that Arabic keyboards and writers use interchangeably at the end of a word.
_ARABIC_FOLDS = str.maketrans({"ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"})
# Articles people put before names that CLDR writes without one: "the Gambia", "le Sénégal", "o Brasil".
_LEADING_ARTICLES = ("the ", "la ", "le ", "les ", "el ", "los ", "las ", "o ", "a ", "os ")
# CLDR's Russian names abbreviate "острова"/"остров"; members type the words out.
_RUSSIAN_ABBREVIATIONS = (("о-ва", "острова"), ("о-в", "остров"))

# babel keeps CLDR's summer-time variant of a few locales' region format, so every Russian zone would read
# "…, летнее время" all year round; these are CLDR's year-round formats for them.
_REGION_FORMAT_FIXES: dict[str, str] = {"%s, летнее время": "%s", "hora de verano de %s": "hora de %s"}

# Capitals and large cities that tzdata files under another city's name.
_CITIES: dict[str, tuple[str, ...]] = {
    "America/New_York": ("Washington", "Washington DC", "Boston", "Philadelphia", "Atlanta", "Miami"),
    "America/Los_Angeles": ("San Francisco", "Seattle", "San Diego"),
    "America/Toronto": ("Ottawa", "Montreal", "Montréal", "Quebec", "Québec"),
    "America/Sao_Paulo": ("Brasília", "Brasilia", "Rio de Janeiro", "Belo Horizonte", "Curitiba"),
    "America/Bogota": ("Medellín", "Medellin", "Cali"),
    "Asia/Shanghai": ("Beijing", "Peking", "Pékin", "Pekín", "Pequim", "Пекин", "بكين", "北京"),
    "Asia/Kolkata": ("New Delhi", "Delhi", "Mumbai", "Bombay", "Bengaluru", "Bangalore", "Chennai"),
    "Asia/Karachi": ("Islamabad", "Lahore"),
    "Asia/Riyadh": ("Jeddah", "Mecca", "Medina"),
    "Asia/Dubai": ("Abu Dhabi", "Sharjah"),
    "Africa/Lagos": ("Abuja", "Ibadan"),
    "Africa/Casablanca": ("Rabat", "Marrakesh", "Marrakech"),
    "Africa/Johannesburg": ("Pretoria", "Cape Town", "Durban"),
    "Africa/Dar_es_Salaam": ("Dodoma",),
    "Africa/Abidjan": ("Yamoussoukro",),
    "Europe/Istanbul": ("Ankara", "Izmir"),
    "Europe/Zurich": ("Bern", "Berne", "Geneva", "Genève", "Ginebra", "Basel"),
    "Europe/Berlin": ("Munich", "Hamburg", "Frankfurt", "Cologne"),
    "Europe/Rome": ("Milan", "Turin"),
    "Europe/Madrid": ("Barcelona", "Seville", "Sevilla"),
    "Europe/Paris": ("Lyon", "Marseille", "Toulouse", "Strasbourg"),
    "Europe/London": ("Edinburgh", "Manchester", "Cardiff", "Glasgow"),
    "Australia/Sydney": ("Canberra",),
    "Pacific/Auckland": ("Wellington", "Christchurch"),
}
