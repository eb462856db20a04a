"""Function words and chat filler per language, dropped before indexing and matching.

Written after folding (lowercase, Latin accents removed, Arabic normalised), since that is the form
the analyser compares. Question words that carry intent ("when", "who", "why", "where", "how") are
kept: "When was the Recommendation adopted?" is a different topic from "What is the Recommendation?".
Filler such as "please", "tell me", "I would like to know" is dropped, so that it neither matches a
topic nor counts as an unknown word that makes the bot abstain.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        """
        a an the and or but if then so of to in on at for from with without by about as into onto over
        under than too very just also only even still yet there here this that these those it its it's
        i me my mine myself we us our ours you your yours he him his she her they them their theirs one
        is are was were be been being am do does did doing done have has had having will would shall
        should can could may might must ought let lets get got gets
        what whats what's which whom whose whether
        please pls thanks thank thx hi hello hey dear sir madam ok okay yes no not don't dont doesn't
        tell explain know want wanted wish like would i'd i'm im i've ive you're you've we're
        help me kindly briefly simply actually really exactly
        some any all each every much more most such same other another own s t d ll re ve m
        something anything thing things way ways kind sort stuff lot lots
        mean means meaning meant
        want wants wanting need needs needed would like likes wish wishes hope try trying
        again ago already now today currently recently soon still yet ever never always often
        small big large little huge main new old whole certain several many few lot
        mind finish finished wrote write written said say says told think thought guess
        our ours us we colleague colleagues someone somebody anyone everyone guys
        """
    ),
    "fr": _words(
        """
        a au aux avec ce ces cet cette ceci cela ca c ce qu que qui quoi quel quelle quels quelles
        dans de des du d en et ou mais donc or ni car le la les l un une uns unes y par pour sur sous
        sans vers chez entre est sont etre ete etait etaient suis es sommes etes sera seront serait
        ai as avons avez ont avoir eu fait faire fais font peut peuvent puis peux pouvez pouvons
        pourrait pourrais dois doit doivent devons devez il elle ils elles on je j tu te t me m moi toi
        nous vous se s lui leur leurs mon ma mes ton ta tes son sa ses notre nos votre vos ne n pas plus
        tres bien aussi alors si oui non merci bonjour salut svp stp s'il vous plait plait
        dire dites explique expliquer expliquez savoir voudrais voulais aimerais souhaite souhaiterais
        question questions aide aider cela celui celle ceux celles
        chose choses est-ce exactement vraiment signifie signifient veut veulent
        veux voulons besoin aimerais deja encore maintenant aujourd hui recemment toujours jamais
        petit petite grand grande nouveau nouvelle ancien plusieurs beaucoup peu collegue collegues
        """
    ),
    "es": _words(
        """
        a al ante bajo con contra de del desde en entre hacia hasta para por segun sin sobre tras
        el la lo los las un una unos unas y e o u ni pero mas sino que quien cual cuales
        es son era eran ser sido estar esta estan estoy esto este estos estas ese esa esos esas eso
        aquel aquella hay ha han he has hemos haber habia tiene tienen tengo tener puede pueden puedo
        podemos podria podrias debo debe deben hacer hace hago se me te le les nos os mi mis tu tus su
        sus nuestro nuestra vuestro yo tambien muy ya si no gracias hola favor porfavor
        decir dime explica explicar explicame saber quiero quisiera gustaria me gustaria necesito
        pregunta preguntas ayuda ayudar algo cosa cosas exactamente realmente significa significan
        quiero queremos necesitamos ya todavia ahora hoy recientemente siempre nunca pequeno grande
        nuevo nueva viejo varios muchos pocos colega colegas nuestros nuestras
        """
    ),
    "pt": _words(
        """
        a o as os um uma uns umas e ou mas nem de do da dos das em no na nos nas por pelo pela pelos
        pelas para com sem sob sobre entre ate ao aos que qual quais quem se me te lhe lhes nos vos
        eu tu ele ela eles elas voce voces meu minha meus minhas seu sua seus suas nosso nossa
        e sao foi foram ser sido estar esta estao estou isto isso este esta esse essa aquilo
        ha tem tenho ter pode podem posso podemos poderia devo deve devem fazer faz faco
        tambem muito ja sim nao obrigado obrigada ola favor por favor
        dizer diga explica explicar explique saber quero queria gostaria preciso
        pergunta perguntas ajuda ajudar algo coisa coisas exatamente realmente significa significam
        queremos precisamos ainda agora hoje recentemente sempre nunca pequeno grande novo nova
        velho varios muitos poucos colega colegas nossos nossas
        """
    ),
    "ru": _words(
        """
        а и или но да нет не ни в во на с со к ко у о об от до из за по при для без про через над под
        что чем чего чему кто кого кому это этот эта эти этого этой тот та те то так также тоже
        ли же бы вот уже еще ещё очень я меня мне мой моя мои мы нас нам наш наша ты тебя тебе вы вас
        вам ваш ваша он она оно они его ее её их ему ей им себя свой своя свои
        есть быть был была было были будет будут является являются
        могу может можно могут мочь нужно надо должен должна должны
        пожалуйста спасибо здравствуйте привет скажите скажи объясните объясни расскажите расскажи
        хочу хотел хотела хотелось бы знать узнать вопрос помогите помочь какой какая какое какие
        значит означает означают такое
        хотим хотят хотелось нужна нужен нужны уже сейчас сегодня недавно всегда никогда снова опять
        маленький большой новый новая новое старый несколько много мало коллега коллеги наши нашей
        нашего нашем который которая которые которое
        """
    ),
    "ar": _words(
        """
        في من الي علي عن مع هل ما ماذا لماذا كيف اين متي من هو هي هم هن انا انت انتم نحن هذا هذه
        ذلك تلك الذي التي الذين او و ثم ان انه انها كان كانت يكون تكون ليس لا نعم لم لن قد
        به بها له لها لي لك لنا لهم عند كل بعض اي ايضا جدا فقط
        يمكن يمكنني يمكنك استطيع اريد اود ارجو من فضلك شكرا مرحبا السلام عليكم
        اخبرني اشرح اشرحوا اعرف معرفه سؤال ساعدني يعني تعني معني
        نريد نحتاج احتاج الان اليوم مؤخرا دائما ابدا جديد جديده قديم كثير قليل زميل زملاء لدينا لدي
        """
    ),
    # Single characters and bigrams of function words (the analyser makes both from Han runs).
    "zh": _words(
        """
        的 了 吗 呢 吧 啊 是 我 你 您 他 她 它 们 在 有 和 与 及 或 这 那 个 么 什 请 问
        也 都 就 要 会 能 把 被
        什么 是什 么是 怎么 怎样 如何 我们 你们 他们 请问 可以 是否 一个 这个 那个 哪些 有什 有没 没有
        我的 你的 谢谢 您好 你好 告诉 一下 想知 知道 是不 不是
        """
    ),
}
