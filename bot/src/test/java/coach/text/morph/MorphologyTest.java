package coach.text.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The morphology on the real dictionaries and the real knowledge base's lexicon. */
class MorphologyTest {
    private static final Morphology M = Morphology.load(TestKb.source());

    private static Reading reading(String word, String lemma, String tag) {
        for (Reading r : M.analyze(word)) {
            if (r.lemma().equals(lemma) && r.tag().equals(tag)) {
                return r;
            }
        }
        throw new AssertionError(word + " has no reading " + lemma + "/" + tag + ": " + M.analyze(word));
    }

    @Test
    void ambiguousFormsHaveAllTheirReadings() {
        List<Reading> stali = M.analyze("стали");
        assertTrue(stali.contains(new Reading("стать", "VB:Past:INTR:PFV:PL")), stali.toString());
        assertTrue(stali.contains(new Reading("сталь", "NN:Inanim:Fem:Sin:R")), stali.toString());
        assertEquals(Set.of("стать", "сталь"), M.lemmas("стали"));

        List<Reading> moi = M.analyze("мой");
        assertTrue(moi.stream().anyMatch(r -> r.lemma().equals("мой") && r.isPronominalAdjective()
                && r.grammaticalCase() == Case.NOM && r.gender() == Gender.MASC), moi.toString());
        assertTrue(moi.stream().anyMatch(r -> r.lemma().equals("мыть") && r.isVerb() && r.has("IMP")), moi.toString());

        List<Reading> znayu = M.analyze("знаю");
        assertEquals(List.of(new Reading("знать", "VB:Real:TRANS:IMPFV:Sin:P1")), znayu);
        Reading z = znayu.get(0);
        assertEquals("VB", z.pos());
        assertEquals(Person.FIRST, z.person());
        assertEquals(GrammaticalNumber.SING, z.number());
        assertNull(z.grammaticalCase());
        assertNull(z.gender());
    }

    @Test
    void readingHelpersReadTheTagFields() {
        Reading noun = reading("менеджеру", "менеджер", "NN:Anim:Masc:Sin:D");
        assertTrue(noun.isNoun());
        assertEquals(Case.DAT, noun.grammaticalCase());
        assertEquals(GrammaticalNumber.SING, noun.number());
        assertEquals(Gender.MASC, noun.gender());
        assertEquals(Animacy.ANIM, noun.animacy());
        assertTrue(noun.has("Anim"));
        assertFalse(noun.has("An"));

        Reading adj = reading("новым", "новый", "ADJ:Posit:PL:D");
        assertTrue(adj.isAdjective());
        assertEquals(GrammaticalNumber.PLUR, adj.number());
        assertNull(adj.gender());
        Reading past = reading("сделала", "сделать", "VB:Past:TRANS:PFV:Fem");
        assertEquals(GrammaticalNumber.SING, past.number());
        assertEquals(Gender.FEM, past.gender());
        Reading pron = reading("тебе", "ты", "PNN:Sin:D:P2");
        assertTrue(pron.isPronoun());
        assertEquals(Person.SECOND, pron.person());
        assertEquals(Case.DAT, pron.grammaticalCase());
    }

    @Test
    void theSharedInstanceLoadsInTheBackgroundAndAnswersLikeAnyOther() {
        Morphology.preload();
        Morphology shared = Morphology.russian();
        assertTrue(shared == Morphology.russian());
        assertEquals(M.analyze("дедлайна"), shared.analyze("дедлайна"));
        assertEquals(M.lexiconSize(), shared.lexiconSize());
    }

    @Test
    void unknownWordsAndJunkGiveNothingAndNeverThrow() {
        for (String w : new String[] {"", "   ", "ъъъхщщ", "12345", "😀", "a+b", "word\u0000", "к".repeat(500), "Привет!"}) {
            assertEquals(List.of(), M.analyze(w), w);
        }
        assertEquals(List.of(), M.analyze(null));
        assertEquals(List.of(), M.synthesize("ъъъхщщ", "NN:Inanim:Masc:Sin:T"));
    }

    @Test
    void oddInputNeverThrowsAnywhere() {
        java.util.Random rnd = new java.util.Random(17);
        String alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЯabcXYZ019-'.+|:\u0301\u0000\t 😀№«»";
        PhraseInflector p = M.phrases();
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            int len = rnd.nextInt(14);
            for (int k = 0; k < len; k++) {
                b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, rnd.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String w = b.toString();
            List<Reading> rs = M.analyze(w);
            M.lemmas(w);
            M.toPolitePlural(w);
            M.synthesize(w, "NN:Inanim:Masc:Sin:T");
            M.synthesize("менеджер", w);
            for (Reading r : rs) {
                M.inflect(w, r, Case.INS);
                M.inflect(w, r, Map.of(Morphology.NUMBER, "PL"));
                M.inflectLike(w, r);
            }
            p.inflect(w, Case.INS);
            p.inflect(w + " менеджеру", Case.DAT, Case.INS, GrammaticalNumber.PLUR);
            p.agrees(List.of(w, "менеджеру"));
        }
    }

    @Test
    void yoAndYeAreReadBothWays() {
        assertEquals(M.analyze("ёлка"), M.analyze("елка"));
        assertEquals(Set.of("ёлка"), M.lemmas("елка"));
        assertEquals(M.lemmas("ещё"), M.lemmas("еще"));
        assertEquals(Set.of("счёт"), M.lemmas("счет"));
        // synthesis from the е-spelling of a ё-lemma
        assertEquals("ёлкой", M.synthesize("елка", "NN:Inanim:Fem:Sin:T").get(0));
        // a lexicon word written with е
        assertEquals(Set.of("удалёнка"), M.lemmas("удаленку"));
    }

    @Test
    void capitalisationIsRestored() {
        Reading ivan = reading("Иван", "иван", "NN:Name:Masc:Sin:Nom");
        assertEquals(Optional.of("Иваном"), M.inflect("Иван", ivan, Case.INS));
        assertEquals(Optional.of("ИВАНОМ"), M.inflect("ИВАН", ivan, Case.INS));
        assertEquals(Optional.of("иваном"), M.inflect("иван", ivan, Case.INS));
        assertEquals("Вашим", Casing.restore("Своим", "вашим"));
        // a writer who spells ё as е keeps doing so
        Reading schet = reading("счет", "счёт", "NN:Inanim:Masc:Sin:Nom");
        assertEquals(Optional.of("счетом"), M.inflect("счет", schet, Case.INS));
        assertEquals(Optional.of("счётом"), M.inflect("счёт", schet, Case.INS));
        assertEquals(M.analyze("замок"), M.analyze("за\u0301мок"));
        // but a real е stays one and ё appears where the form has it
        assertEquals(Optional.of("днём"), M.inflect("день", reading("день", "день", "NN:Inanim:Masc:Sin:Nom"), Case.INS));
        assertEquals(Optional.of("идете"), M.toPolitePlural("идешь"));
        assertEquals(Optional.of("идёте"), M.toPolitePlural("идёшь"));
        assertEquals(Optional.of("удаленкой"), M.inflect("удаленка", reading("удаленка", "удалёнка", "NN:Inanim:Fem:Sin:Nom"), Case.INS));
    }

    @Test
    void synthesisProducesExactTagsWithThePreferredFormFirst() {
        assertEquals(List.of("менеджером"), M.synthesize("менеджер", "NN:Anim:Masc:Sin:T"));
        assertEquals(List.of("своим"), M.synthesize("свой", "ADJ:MPR:Masc:T"));
        assertEquals(List.of("сделали"), M.synthesize("сделать", "VB:Past:TRANS:PFV:PL"));
        assertEquals(Set.of("новый", "нового"), Set.copyOf(M.synthesize("новый", "ADJ:Posit:Masc:V")));
        assertEquals(List.of("нового"), M.synthesize("новый", "ADJ:Posit:Masc:V:Anim"));
        assertEquals(List.of("новый"), M.synthesize("новый", "ADJ:Posit:Masc:V:Inanim"));
        assertEquals("ёлкой", M.synthesize("ёлка", "NN:Inanim:Fem:Sin:T").get(0)); // before «ёлкою»
        assertEquals("отправленной", M.synthesize("отправить", "PT:Past:TRANS:PFV:STR:Fem:T").get(0));
        assertEquals("обращение", M.synthesize("обращение", "NN:Inanim:Neut:Sin:Nom").get(0)); // before «обращенье»
        assertEquals("сделав", M.synthesize("сделать", "DPT:Past:TRANS:PFV").get(0)); // before «сделавши»
        assertEquals("уверены", M.synthesize("уверенный", "ADJ:Short:PL").get(0));
        assertEquals("договоры", M.synthesize("договор", "NN:Inanim:Masc:PL:Nom").get(0));
        assertEquals("анатольевич", M.synthesize("анатолий", "NN:Patr:Masc:Sin:Nom").get(0));
        assertEquals(List.of(), M.synthesize("менеджер", "NN:Anim:Masc:Sin:Q"));
    }

    @Test
    void inflectChangesCaseNumberGenderPerson() {
        Reading manager = reading("менеджеру", "менеджер", "NN:Anim:Masc:Sin:D");
        assertEquals(Optional.of("менеджерами"), M.inflect("менеджеру", manager,
                Map.of(Morphology.CASE, "T", Morphology.NUMBER, "PL")));
        Reading newF = reading("новая", "новый", "ADJ:Posit:Fem:Nom");
        assertEquals(Optional.of("новое"), M.inflect("новая", newF, Map.of(Morphology.GENDER, "Neut")));
        assertEquals(Optional.of("новые"), M.inflect("новая", newF, Map.of(Morphology.NUMBER, "PL")));
        // plural has no gender to change
        Reading newPl = reading("новые", "новый", "ADJ:Posit:PL:Nom");
        assertEquals(Optional.empty(), M.inflect("новые", newPl, Map.of(Morphology.GENDER, "Fem")));
        assertEquals(Optional.of("новая"), M.inflect("новые", newPl, Map.of(Morphology.NUMBER, "Sin", Morphology.GENDER, "Fem")));
        Reading znaesh = reading("знаешь", "знать", "VB:Real:TRANS:IMPFV:Sin:P2");
        assertEquals(Optional.of("знаю"), M.inflect("знаешь", znaesh, Map.of(Morphology.PERSON, "P1")));
        // a masculine accusative adjective needs the noun's animacy
        Reading newD = reading("новому", "новый", "ADJ:Posit:Masc:D");
        assertEquals(Optional.empty(), M.inflect("новому", newD, Case.ACC));
        assertEquals(Optional.of("нового"), M.inflect("новому", newD, Map.of(Morphology.CASE, "V", Morphology.ANIMACY, "Anim")));
        assertEquals(Optional.of("новый"), M.inflect("новому", newD, Map.of(Morphology.CASE, "V", Morphology.ANIMACY, "Inanim")));
        // a noun's gender is its own
        assertEquals(Optional.empty(), M.inflect("менеджеру", manager, Map.of(Morphology.GENDER, "Fem")));
    }

    @Test
    void animacyDecidesTheAccusativeOfAdjectives() {
        // «вижу нового клиента»: нового is the animate accusative, клиента the accusative of an animate noun
        Reading novogo = reading("нового", "новый", "ADJ:Posit:Masc:V:Anim");
        assertEquals(Animacy.ANIM, novogo.animacy());
        assertEquals("ADJ:Posit:Masc:V", novogo.dictionaryTag());
        assertEquals("NN:Anim:Masc:Sin:V", reading("клиента", "клиент", "NN:Anim:Masc:Sin:V").dictionaryTag());
        Reading klienta = reading("клиента", "клиент", "NN:Anim:Masc:Sin:V");
        assertTrue(M.agree(novogo, klienta));
        // «новый договор»: новый is the inanimate accusative
        Reading novyi = reading("новый", "новый", "ADJ:Posit:Masc:V:Inanim");
        Reading dogovor = reading("договор", "договор", "NN:Inanim:Masc:Sin:V");
        assertTrue(M.agree(novyi, dogovor));
        assertFalse(M.agree(novogo, dogovor), "«нового договор» is not an accusative phrase");
        assertFalse(M.agree(novyi, klienta), "«новый клиента» is not an accusative phrase");
        // the genitive reading of «нового» agrees with the genitive of клиента
        assertTrue(M.agree(reading("нового", "новый", "ADJ:Posit:Masc:R"), reading("клиента", "клиент", "NN:Anim:Masc:Sin:R")));
    }

    @Test
    void agreementNeedsCaseNumberAndGender() {
        Reading vasha = reading("ваша", "ваш", "ADJ:MPR:Fem:Nom");
        Reading zayavka = reading("заявка", "заявка", "NN:Inanim:Fem:Sin:Nom");
        assertTrue(M.agree(vasha, zayavka));
        assertFalse(M.agree(vasha, reading("договор", "договор", "NN:Inanim:Masc:Sin:Nom")));
        assertFalse(M.agree(reading("ваши", "ваш", "ADJ:MPR:PL:Nom"), zayavka));
        assertTrue(M.agree(reading("ваши", "ваш", "ADJ:MPR:PL:Nom"), reading("заявки", "заявка", "NN:Inanim:Fem:PL:Nom")));
        assertFalse(M.agree(reading("вашей", "ваш", "ADJ:MPR:Fem:D"), zayavka));
        // a noun is no modifier
        assertFalse(M.agree(zayavka, zayavka));
    }

    @Test
    void templateHelpersAgreeCountAndConjugate() {
        Reading managerT = reading("менеджером", "менеджер", "NN:Anim:Masc:Sin:T");
        assertEquals(Optional.of("вашим"), M.agreeing("ваш", managerT));
        assertEquals(Optional.of("нового"), M.agreeing("новый", reading("клиента", "клиент", "NN:Anim:Masc:Sin:V")));
        assertEquals(Optional.of("новый"), M.agreeing("новый", reading("договор", "договор", "NN:Inanim:Masc:Sin:V")));
        assertEquals(Optional.of("новые"), M.agreeing("новый", reading("заявки", "заявка", "NN:Inanim:Fem:PL:Nom")));
        assertEquals(Optional.empty(), M.agreeing("менеджер", managerT));

        Reading day = reading("день", "день", "NN:Inanim:Masc:Sin:Nom");
        Map<Long, String> days = Map.of(1L, "день", 2L, "дня", 4L, "дня", 5L, "дней", 11L, "дней", 14L, "дней",
                21L, "день", 22L, "дня", 111L, "дней", 0L, "дней");
        days.forEach((n, form) -> assertEquals(Optional.of(form), M.countForm("день", day, n), String.valueOf(n)));
        assertEquals(Optional.of("Заявки"), M.countForm("Заявка", reading("заявка", "заявка", "NN:Inanim:Fem:Sin:Nom"), 3));

        Reading sent = reading("отправил", "отправить", "VB:Past:TRANS:PFV:Masc");
        assertEquals(Optional.of("отправила"), M.agreeWith("отправил", sent, reading("заявка", "заявка", "NN:Inanim:Fem:Sin:Nom")));
        assertEquals(Optional.of("отправили"), M.agreeWith("отправил", sent, reading("мы", "мы", "PNN:PL:Nom:P1")));
        assertEquals(Optional.empty(), M.agreeWith("отправил", sent, reading("я", "я", "PNN:Sin:Nom:P1")));
        assertEquals(Optional.of("ответим"), M.agreeWith("ответит", reading("ответит", "ответить", "VB:Fut:INTR:PFV:Sin:P3"),
                reading("мы", "мы", "PNN:PL:Nom:P1")));
        assertEquals(Optional.of("готовы"), M.agreeWith("готов", reading("готов", "готовый", "ADJ:Short:Masc"),
                reading("документы", "документ", "NN:Inanim:Masc:PL:Nom")));
    }

    @Test
    void replacementsTakeTheFormOfTheWordTheyReplace() {
        Reading onStage = reading("стейдже", "стейдж", "NN:Inanim:Masc:Sin:P");
        assertEquals(Optional.of("тестовой среде"), M.inflectLike("тестовая среда", onStage));
        assertEquals(Optional.of("тестовых средах"), M.inflectLike("тестовая среда", reading("стейджах", "стейдж", "NN:Inanim:Masc:PL:P")));
        assertEquals(Optional.of("сроку"), M.inflectLike("срок", reading("дедлайну", "дедлайн", "NN:Inanim:Masc:Sin:D")));
        Reading deployed = reading("задеплоили", "задеплоить", "VB:Past:TRANS:PFV:PL");
        assertEquals(Optional.of("выложили на сервер"), M.inflectLike("выложить на сервер", deployed));
        assertEquals(Optional.of("передаю"), M.conjugateLike("передавать", reading("эскалирую", "эскалировать", "VB:Real:TRANS:IMPFV:Sin:P1")));
        assertEquals(Optional.of("исправим"), M.conjugateLike("исправить", reading("пофиксим", "пофиксить", "VB:Fut:TRANS:PFV:PL:P1")));
        // a perfective verb has no present tense
        assertEquals(Optional.empty(), M.conjugateLike("исправить", reading("эскалирую", "эскалировать", "VB:Real:TRANS:IMPFV:Sin:P1")));
    }

    @Test
    void politePluralOfVerbsAndPronouns() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("приезжай", "приезжайте"), Map.entry("забирай", "забирайте"),
                Map.entry("можешь", "можете"), Map.entry("сделал", "сделали"), Map.entry("сделала", "сделали"),
                Map.entry("постарайся", "постарайтесь"), Map.entry("сделаешь", "сделаете"),
                Map.entry("ты", "вы"), Map.entry("тебя", "вас"), Map.entry("тебе", "вам"), Map.entry("тобой", "вами"),
                Map.entry("твой", "ваш"), Map.entry("твоя", "ваша"), Map.entry("твоё", "ваше"), Map.entry("твое", "ваше"),
                Map.entry("твоего", "вашего"), Map.entry("твоему", "вашему"), Map.entry("твоими", "вашими"),
                Map.entry("твои", "ваши"), Map.entry("готов", "готовы"), Map.entry("Можешь", "Можете"),
                Map.entry("сам", "сами"), Map.entry("сама", "сами"), Map.entry("уверен", "уверены"),
                Map.entry("жалуешься", "жалуетесь"), Map.entry("зашёл", "зашли"), Map.entry("ТЕБЯ", "ВАС"));
        expected.forEach((ty, vy) -> assertEquals(Optional.of(vy), M.toPolitePlural(ty), ty));
        // words that are not «ты» forms, or are also other words, stay
        for (String w : new String[] {"мой", "три", "знаю", "вы", "договор", "хорошо", "приезжайте"}) {
            assertEquals(Optional.empty(), M.toPolitePlural(w), w);
        }
    }

    @Test
    void politePluralOfAClauseFollowsTheSubject() {
        assertEquals(List.of("вы", "ж", "сами", "подписали", "акт", "без", "замечаний"),
                M.toPolitePlural(List.of("ты", "ж", "сам", "подписал", "акт", "без", "замечаний")));
        assertEquals(List.of("Слушайте", ",", "у", "вас", "винда", "криво", "встала"),
                M.toPolitePlural(List.of("Слушай", ",", "у", "тебя", "винда", "криво", "встала")));
        assertEquals(List.of("Вы", "сказали", ",", "что", "она", "пришла"),
                M.toPolitePlural(List.of("Ты", "сказал", ",", "что", "она", "пришла")));
        assertEquals(List.of("Вы", "пришли", "и", "всё", "сделали"),
                M.toPolitePlural(List.of("Ты", "пришёл", "и", "всё", "сделал")));
        assertEquals(List.of("Забирайте", "вашу", "машину", "когда", "удобно"),
                M.toPolitePlural(List.of("Забирай", "твою", "машину", "когда", "удобно")));
        assertEquals(List.of("думаю", "о", "вас", "и", "пишу", "вам"), M.toPolitePlural(List.of("думаю", "о", "тебе", "и", "пишу", "тебе")));
        // a past verb with no «ты» around stays
        assertEquals(List.of("Менеджер", "позвонил", "вам"), M.toPolitePlural(List.of("Менеджер", "позвонил", "тебе")));
        assertEquals(List.of("мой", "отчёт", "готов"), M.toPolitePlural(List.of("мой", "отчёт", "готов")));
    }

    @Test
    void lexiconWordsAreAnalysedAndSynthesised() {
        assertTrue(M.lexiconSize() > 500, "lexicon entries: " + M.lexiconSize());
        assertEquals(Set.of("дедлайн"), M.lemmas("дедлайна"));
        assertTrue(M.analyze("дедлайну").contains(new Reading("дедлайн", "NN:Inanim:Masc:Sin:D")));
        assertEquals(List.of("дедлайнами"), M.synthesize("дедлайн", "NN:Inanim:Masc:PL:T"));
        assertEquals(List.of("техподдержкой"), M.synthesize("техподдержка", "NN:Inanim:Fem:Sin:T"));
        assertEquals(Set.of("маркетплейс"), M.lemmas("Маркетплейсе"));
        assertEquals(Set.of("e-mail"), M.lemmas("E-mail"));
        assertEquals(Optional.of("вашим дедлайном"), M.phrases().inflect("свой дедлайн", Case.INS));
        assertEquals(Optional.of("нашей техподдержкой"), M.phrases().inflect("нашей техподдержке", Case.DAT, Case.INS, null));
        // the dictionary alone lacks them
        Morphology bare = Morphology.load(coach.kb.ContentSource.directory(emptyKb));
        assertEquals(List.of(), bare.analyze("дедлайна"));
        assertEquals(0, bare.lexiconSize());
    }

    /** An empty knowledge base, removed after the test. */
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path emptyKb;
}
