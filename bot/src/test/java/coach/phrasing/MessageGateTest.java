package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.text.Lang;
import coach.text.Segments;
import coach.text.TextAnalyzer;
import coach.text.Token;
import coach.tone.ToneChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The message-level checks before a whole-message suggestion is offered, on messages of our own: a sentence left as it
 * was that the tone model still suspects withholds the suggestion; one inserted regret per message; no stock next step
 * where the message already says who does what next; no chat smileys in a sentence put into the client's register; no
 * English version ending in a verb without its object.
 */
class MessageGateTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    private static List<String> all(CheckResult r) {
        List<String> out = new ArrayList<>(r.suggestions());
        out.addAll(r.partial());
        return out;
    }

    // ---------------------------------------------------------------- residual risk

    @Test
    void suspectLevelLiesAtOrBelowTheFlagLevel() {
        ToneChecker tone = engine.toneChecker();
        for (coach.text.Lang lang : coach.text.Lang.values()) {
            boolean lower = false;
            for (String label : tone.thresholds(lang).keySet()) {
                double s = tone.suspectThresholds(lang).get(label);
                assertTrue(s <= tone.thresholds(lang).get(label), lang + " " + label);
                lower |= s < tone.thresholds(lang).get(label);
            }
            assertTrue(lower, lang + ": some category has a suspect level below its threshold: " + tone.suspectThresholds(lang));
        }
    }

    /**
     * Reproaches said as a guess: the model reads them between its suspect level and its threshold. Which of them lands
     * there moves with every retraining of the corpus, so the tests take the first that does (and fail if none does).
     */
    private static final List<String> BORDERLINE = List.of("Видимо, договор вы не открывали.", "Понятно, что вы не читали договор.",
            "Видимо, инструкцию вы не видели.", "Вероятно, вы не заметили приложение.", "Похоже, письмо вы не открывали.",
            "Видимо, памятку вы не читали.", "Наверное, письмо до вас не дошло.");

    /** A sentence the model suspects but does not flag on its own. */
    private static String borderline() {
        ToneChecker tone = engine.toneChecker();
        for (String s : BORDERLINE) {
            if (tone.check(s).isEmpty() && tone.suspect(s, TextAnalyzer.analyze(s), false)) {
                return s;
            }
        }
        throw new AssertionError("none of " + BORDERLINE + " is suspect without being flagged");
    }

    @Test
    void aSuspectSentenceLeftAsItWasWithholdsTheSuggestion() {
        String doubt = borderline();

        String draft = "Добрый день. Курьер опоздал, это вопрос к службе доставки, а не к нам. " + doubt;
        CheckResult r = engine.check(draft);
        assertTrue(r.risky());
        assertTrue(r.suggestions().isEmpty(), r.suggestions().toString());
        assertEquals(List.of(doubt), r.doubtful());
        assertFalse(r.partial().isEmpty(), "the fixed version is still shown as a head start");
        assertTrue(r.partial().get(0).endsWith(doubt), r.partial().get(0));
        assertFalse(r.partial().get(0).contains("а не к нам"), r.partial().get(0));

        // the same message with a plain sentence there gets its suggestion
        CheckResult plain = engine.check("Добрый день. Курьер опоздал, это вопрос к службе доставки, а не к нам. Счёт за май пришлём в понедельник.");
        assertFalse(plain.suggestions().isEmpty(), plain.toString());
        assertTrue(plain.doubtful().isEmpty());
    }

    @Test
    void aPlainSentenceWithNoEvidenceOfRiskIsSuspectOnlyAtThePlainThreshold() {
        String plain = "Storage after Friday costs extra.";
        ToneChecker tone = engine.toneChecker();
        assertTrue(tone.check(plain).isEmpty(), tone.check(plain).toString());
        assertFalse(tone.suspect(plain, TextAnalyzer.analyze(plain), false), plain);
        // the lower level alone would hold it back (what the strict mode beside a sarcastic sentence keeps)
        assertTrue(tone.suspect(plain, TextAnalyzer.analyze(plain), true), plain);

        CheckResult r = engine.check("Good morning. Your driver was late, so the delay is entirely on you. " + plain);
        assertTrue(r.risky());
        assertFalse(r.suggestions().isEmpty(), r.toString());
        assertTrue(r.suggestions().get(0).endsWith(plain), r.suggestions().get(0));
        assertTrue(r.doubtful().isEmpty(), r.doubtful().toString());
    }

    @Test
    void aJibeBesideAQuestionToTheReaderIsNotLeftOut() {
        // without the jibe the question reads as the reproach it was part of
        for (String draft : List.of("Вы правда отправили заявку без номера договора? Видимо, мы должны угадать его сами.",
                "Did you even open the attachment? Sure, we'll just guess the address then.")) {
            CheckResult r = engine.check(draft);
            assertTrue(r.risky(), draft);
            assertTrue(r.suggestions().isEmpty(), r.suggestions().toString());
        }
        // the same jibe between plain sentences goes
        CheckResult r = engine.check("Заявку получили. Видимо, мы должны угадать его сами. Пришлите, пожалуйста, номер договора.");
        assertEquals(List.of("Заявку получили. Пришлите, пожалуйста, номер договора."), r.suggestions().subList(0, 1));
    }

    @Test
    void aShortSentenceOrAGreetingIsNeverSuspect() {
        ToneChecker tone = engine.toneChecker();
        for (String s : List.of("Здравствуйте.", "Добрый день, Ольга.", "Трек пришлём.", "Good afternoon.")) {
            assertFalse(tone.suspect(s, TextAnalyzer.analyze(s), false), s);
        }
    }

    @Test
    void aTellingCueMakesASentenceSuspect() {
        ToneChecker tone = engine.toneChecker();
        String s = "Счёт за май скинул ещё в понедельник.";
        assertTrue(tone.suspect(s, TextAnalyzer.analyze(s), false), s);
        String plain = "Счёт за май пришлём в понедельник.";
        assertFalse(tone.suspect(plain, TextAnalyzer.analyze(plain), false), plain);
    }

    @Test
    void theReportNamesTheSentencesToReread() {
        String doubt = borderline();
        String draft = "Добрый день. Курьер опоздал, это вопрос к службе доставки, а не к нам. " + doubt;
        String text = new CheckCommand(engine, TestKb.kb()).report(engine.check(draft), Lang.RU).plain();
        assertTrue(text.contains("перечитайте их"), text);
        assertTrue(text.contains(doubt), text);
        assertFalse(text.contains("Вежливые варианты всего сообщения"), text);
    }

    // ---------------------------------------------------------------- one regret per message

    private static int regrets(String s) {
        Matcher m = Pattern.compile("(?iu)к сожалению|unfortunately").matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aSecondInsertedRegretIsLeftOutOrTheVersionWithheld() {
        // each refusal alone is softened with a regret
        assertEquals(1, regrets(engine.check("Стекло не возим, а у вас в списке вазы.").suggestions().get(0)));
        for (String draft : List.of(
                "Добрый день. Заказ на 40 коробок получили. Стекло не возим, а у вас в списке вазы. Керамику тоже не возим, упаковки нет.",
                "Здравствуйте. Возврат без чека не принимаем. Обмен без чека тоже не делаем.",
                "Добрый день. К сожалению, склад в субботу закрыт. Доставку в выходные не делаем.")) {
            CheckResult r = engine.check(draft);
            assertTrue(r.risky(), draft);
            for (String s : all(r)) {
                assertTrue(regrets(s) <= 1, s);
            }
        }
    }

    @Test
    void theRegretComesOutWithItsCommas() {
        assertEquals("Вторую часть тоже не отгрузим, дробить заказ не сможем.",
                PhrasingEngine.withoutRegret("Вторую часть тоже не отгрузим, к сожалению, дробить заказ не сможем.",
                        "И вторую часть тоже не отгрузим, дробить заказ не будем."));
        assertEquals("Обратную связь не даём.", PhrasingEngine.withoutRegret("Обратную связь, к сожалению, не даём.", "Обратную связь не даём."));
        assertEquals("Доставку в субботу не делаем.",
                PhrasingEngine.withoutRegret("К сожалению, доставку в субботу не делаем.", "Доставку в субботу не делаем."));
        assertEquals("Примерку на дому не проводим.",
                PhrasingEngine.withoutRegret("Примерку на дому не проводим, к сожалению.", "Примерку на дому не проводим."));
        assertEquals("The refund is declined.", PhrasingEngine.withoutRegret("The refund is unfortunately declined.", "The refund is declined."));
    }

    // ---------------------------------------------------------------- no stock next step beside one

    private static boolean says(String sentence) {
        List<Token> ts = TextAnalyzer.analyze(sentence);
        return SentenceRewriter.saysNextStep(ts, 0, ts.size());
    }

    @Test
    void whoDoesWhatNextIsRecognised() {
        for (String s : List.of("Трек пришлём.", "Вернёмся с комментариями.", "Как будут, сообщим.", "Акт вышлем в пятницу.",
                "We will send tracking.", "We'll email you when it's ready.", "I will call you tomorrow.")) {
            assertTrue(says(s), s);
        }
        for (String s : List.of("Трек пришлют завтра.", "Сообщаем, что офис закрыт.", "Сообщение получили.", "Please send the file.",
                "The courier will call.", "We sent the tracking yesterday.")) {
            assertFalse(says(s), s);
        }
    }

    @Test
    void noStockNextStepWhereTheMessageAlreadySaysOne() {
        // alone, the vague promise gets a next step of ours
        List<String> alone = engine.check("Добрый день! Счёт согласуем в ближайшее время.").suggestions();
        assertFalse(alone.isEmpty());
        assertTrue(alone.get(0).contains("сообщу"), alone.get(0));
        for (String draft : List.of("Добрый день! Счёт согласуем в ближайшее время. Акт пришлём в пятницу.",
                "Добрый день! Смету посмотрим в ближайшее время. Вернёмся с вопросами, если будут.",
                "Hi, thanks for the order. The parts will arrive soonish. We will send tracking once they ship.")) {
            CheckResult r = engine.check(draft);
            assertTrue(r.risky(), draft);
            for (String s : all(r)) {
                assertFalse(s.contains("уточню") || s.contains("сообщу вам") || s.contains("let you know"), s);
            }
        }
    }

    @Test
    void twoRewrittenSentencesDoNotBothPromiseANextStep() {
        String alone = engine.check("По оплате спрашивайте у бухгалтерии.").suggestions().get(0);
        assertTrue(alone.contains("вернёмся к вам"), alone);
        CheckResult r = engine.check("Добрый день! Договор подпишем в ближайшее время. По оплате спрашивайте у бухгалтерии.");
        assertFalse(all(r).isEmpty(), r.toString());
        for (String s : all(r)) {
            assertFalse(s.contains("сообщу вам") && s.contains("вернёмся к вам"), s);
        }
    }

    // ---------------------------------------------------------------- a removed clause leaves no subject clash

    private static boolean coordinated(String version, String original) {
        return SentenceRewriter.coordinatedVerbsAgree(TextAnalyzer.analyze(version), TextAnalyzer.analyze(original));
    }

    @Test
    void verbsJoinedByAndShareTheirPerson() {
        assertFalse(coordinated("Смету проверяет главный инженер и ускорить, к сожалению, не могу.",
                "Смету проверяет главный инженер, когда закончит — не знаю и ускорить не могу."));
        assertTrue(coordinated("Смету проверим и пришлём до среды.", "Смету проверим и пришлём до среды."));
        assertTrue(coordinated("Смету проверяет инженер, и мы пришлём её до среды.", "Смету проверяет инженер, мы пришлём её до среды."));
        assertTrue(coordinated("Инженер смету проверяет и я пришлю её до среды.", "Инженер смету проверяет, я пришлю её до среды."));
        // the client's own pair is not corrected
        assertTrue(coordinated("Документы готовит бухгалтер и отправлю их сегодня.", "Документы готовит бухгалтер и отправлю их сегодня."));
    }

    // ---------------------------------------------------------------- register

    @Test
    void aSentenceRewrittenForRegisterLosesItsChatSmileys() {
        String a = engine.check("Ок, договорились на среду, до встречи)))").suggestions().get(0);
        assertFalse(a.contains(")"), a);
        assertTrue(a.endsWith("до встречи."), a);
        String b = engine.check("Зая, счёт готов, забирайте 😘").suggestions().get(0);
        assertFalse(b.contains("😘"), b);
        // faces and chat gestures go too («👍», «😉»); emoji that carry a meaning stay as the user wrote them
        String c = engine.check("Ок, счёт отправил 👍").suggestions().get(0);
        assertFalse(c.contains("👍"), c);
        String d = engine.check("Ок, счёт отправил ✅").suggestions().get(0);
        assertTrue(d.endsWith("✅"), d);
    }

    @Test
    void chatSmileysAndOnlyThemComeOut() {
        assertEquals("До связи.", SentenceRewriter.withoutChatSmileys("До связи)))"));
        assertEquals("Спасибо, ждём.", SentenceRewriter.withoutChatSmileys("Спасибо, ждём :)"));
        assertEquals("Ждём. Адрес тот же.", SentenceRewriter.withoutChatSmileys("Ждём)) Адрес тот же."));
        assertEquals("Счёт готов.", SentenceRewriter.withoutChatSmileys("Счёт готов 😘"));
        assertEquals("Готово 🎉", SentenceRewriter.withoutChatSmileys("Готово 🎉"));
        assertEquals("Счёт (за май) готов.", SentenceRewriter.withoutChatSmileys("Счёт (за май) готов."));
        // a lone «)» between clauses ended the first one; a bracket with its pair stays
        assertEquals("Спасибо за заказ. Букет соберём к 10.", SentenceRewriter.withoutChatSmileys("Спасибо за заказ) букет соберём к 10"));
        assertEquals("Здравствуйте! Всё отмыли.", SentenceRewriter.withoutChatSmileys("Здравствуйте) всё отмыли"));
        assertEquals("Работаем (кроме субботы) до восьми", SentenceRewriter.withoutChatSmileys("Работаем (кроме субботы) до восьми"));
        // hype emoji go, an emoji that carries information stays
        assertEquals("Документы подали, ждём ответа.", SentenceRewriter.withoutChatSmileys("Документы подали, ждём ответа 🔥🔥"));
        assertEquals("Номер подтвердили, отдыхайте.", SentenceRewriter.withoutChatSmileys("Номер подтвердили, отдыхайте 🏖️"));
        assertEquals("Звоните 📞 +7 900 000-00-00", SentenceRewriter.withoutChatSmileys("Звоните 📞 +7 900 000-00-00"));
    }

    // ---------------------------------------------------------------- English objects

    private static boolean bare(String sentence) {
        List<Token> ts = TextAnalyzer.analyze(sentence);
        return SentenceRewriter.barePredicate(ts, Segments.sentences(sentence, ts).get(0));
    }

    @Test
    void aTransitiveVerbEndingTheSentenceIsBare() {
        for (String s : List.of("So it's best to contact.", "It's best to ask.", "You should email.", "Please inform.")) {
            assertTrue(bare(s), s);
        }
        for (String s : List.of("It's best to contact them.", "Feel free to ask.", "Give us a call.", "I'll check and call you.",
                "Thanks for getting in touch.")) {
            assertFalse(bare(s), s);
        }
    }

    @Test
    void aPointerToSomeoneElseKeepsItsObject() {
        CheckResult r = engine.check("Warranty repairs are done by the service centre, so all complaints go to them.");
        assertFalse(r.suggestions().isEmpty(), r.toString());
        for (String s : all(r)) {
            assertFalse(s.matches("(?s).*\\bcontact\\.\\s*$") || s.contains("contact. "), s);
        }
        assertTrue(r.suggestions().get(0).contains("contact them"), r.suggestions().get(0));
    }
}
