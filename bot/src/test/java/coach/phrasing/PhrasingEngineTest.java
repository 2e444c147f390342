package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.text.Lang;
import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhrasingEngineTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    @Test
    void aSemicolonBeforeALowerCaseWordStaysASemicolon() {
        // «;» ends a sentence for the rules, but the text goes on: the rewritten part keeps it, the rest stays lower case
        for (String[] c : new String[][] {
                {"We'll ping you; the file is ready.", "We'll message you; the file is ready."},
                {"Sure; we'll ping you when the file is ready.", null}}) {
            CheckResult r = engine.check(c[0]);
            assertTrue(r.risky(), c[0]);
            if (c[1] != null) {
                assertEquals(c[1], r.suggestions().get(0));
            }
            for (String s : r.suggestions()) {
                assertFalse(s.matches(".*[.!?] \\p{Ll}.*"), s);
            }
        }
    }

    @Test
    void anEnglishJargonTermInARussianTextIsReportedButNotGlossedInEnglish() {
        CheckResult r = engine.check("Ваш заказ уже в нашей WMS, отгрузим завтра.");
        assertTrue(r.risky());
        Finding f = r.findings().stream().filter(x -> x.rule().equals("en.jargon.wms")).findFirst().orElseThrow();
        assertFalse(f.rewritable());
        assertFalse(f.why().isBlank());
        for (String s : r.suggestions()) {
            assertFalse(s.contains("warehouse system"), s);
        }
        // the same term in an English text is put in plain words
        assertEquals("Your order is already in our warehouse system.", engine.check("Your order is already in our WMS.").suggestions().get(0));
    }

    @Test
    void theIssueExample() {
        String text = "Анна, это не наша проблема, заказ № 4512 потерял перевозчик.";
        CheckResult r = engine.check(text);
        assertTrue(r.risky());
        assertEquals(Lang.RU, r.lang());
        assertEquals(1, r.findings().size());
        Finding f = r.findings().get(0);
        assertEquals("ru.deflect.not-our-problem", f.rule());
        assertEquals("deflect", f.category());
        assertEquals(6, f.start());
        assertEquals(26, f.end());
        assertEquals("это не наша проблема", f.fragment());
        assertEquals("principles.politeness", f.principleId());
        assertEquals("Вежливость и уважение", f.principle());
        assertFalse(f.why().isBlank());
        assertTrue(f.rewritable());
        assertEquals(Finding.RULE, f.source());
        assertFalse(r.suggestions().isEmpty() || r.suggestions().size() > 3, r.suggestions().toString());
        for (String s : r.suggestions()) {
            // the risky clause is replaced in place; the name opens the message and the fact stays whole
            assertTrue(s.startsWith("Анна, ") && s.toLowerCase().contains("заказ № 4512 потерял перевозчик."), s);
            assertFalse(s.contains("не наша проблема"), s);
            assertFalse(engine.check(s).risky(), s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Это не наша проблема.", "Это не наши проблемы.", "Это было не нашей проблемой.", "Это вообще не наша проблема.",
        "Это уже точно не наша проблема.", "Проблема не наша.", "Нас это не касается.", "Это нас не касается.",
        "Мы тут ни при чём.", "Нашей вины тут нет.",
    })
    void inflectionInsertionsAndWordOrderAreCovered(String text) {
        CheckResult r = engine.check(text);
        assertTrue(r.risky(), text);
        assertEquals("deflect", r.findings().get(0).category(), text);
        assertFalse(r.suggestions().isEmpty(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Это не проблема, исправим сегодня.", "Это не ваша вина.", "Вы ни при чём: на сервере произошла авария.",
        "Я не могу ответить сейчас, но вернусь к вам до 15:00.", "Подождите, пожалуйста, минуту.",
        "Одну минуту, пожалуйста, я посмотрю в системе.", "Ждём вас на примерке в субботу.",
        "Это вовсе не сложно — отправим акт ещё раз.", "Никаких дополнительных платежей нет.",
        "Условия возврата позволяют сдать куртку в течение 14 дней — помогу оформить возврат.",
        "К пятнице не закончим, но можем передать черновик уже в четверг.",
        "Пока не знаю точно, но узнаю и позвоню до вечера.",
        "Это не входит в тариф, но мы можем подключить расширенное обслуживание.",
        "Если возникнут вопросы по счёту, звоните в любое время.", "Чем могу быть полезна?",
        "No trouble at all, we'll send the contract again.", "The error wasn't on your side; our server went down.",
        "I'm not sure yet, but I'll check and write back by noon.", "Please wait a moment while I look into it.",
        "Мы учли ваши замечания в новой версии. Спасибо, что обратили на это внимание!",
    })
    void politeSentencesThatShareWordsWithRiskyOnesStaySilent(String text) {
        CheckResult r = engine.check(text);
        assertFalse(r.risky(), text + " -> " + r.findings());
        assertTrue(r.suggestions().isEmpty());
    }

    @Test
    void suggestionsRepairTheSentenceAndKeepEverythingElse() {
        CheckResult r = engine.check("Как я уже писал, монтаж начнётся 3-го.");
        assertEquals("Напомню, монтаж начнётся 3-го.", r.suggestions().get(0));
        assertEquals("Монтаж начнётся 3-го.", r.suggestions().get(1), "a deleted opening clause takes its comma and the capital letter moves on");
        r = engine.check("Поставка будет 10-го, как я уже говорил.");
        assertTrue(r.suggestions().contains("Поставка будет 10-го."), r.suggestions().toString());
        r = engine.check("Курьер приезжал в 14:00, но вы же не предупредили охрану.");
        assertEquals("Курьер приезжал в 14:00, но охрана не была предупреждена.", r.suggestions().get(0),
                "the reproach becomes a statement of the fact (the object the subject of a passive): the facts stay");
        r = engine.check("Сбоев не будет, обещаю.");
        assertFalse(r.suggestions().isEmpty() || r.suggestions().get(0).contains("обещаю"), r.suggestions().toString());
        for (String s : r.suggestions()) {
            assertFalse(s.contains("  ") || s.contains(" ,") || s.contains(",.") || s.contains(" ."), s);
        }
    }

    @Test
    void numbersAndNamesInsideARiskySpanAreNeverDropped() {
        CheckResult r = engine.check("Вы должны были прислать оплату до 5 числа.");
        assertTrue(r.risky());
        for (String x : r.suggestions()) {
            assertTrue(x.contains("5 числа"), x);
        }
        r = engine.check("Денис, это уже не наша проблема: акт № 42 подписали вы.");
        for (String s : r.suggestions()) {
            assertTrue(s.startsWith("Денис, ") && s.contains("№ 42"), s);
        }
    }

    @Test
    void jargonIsReplacedWithPlainWordsInTheRightForm() {
        CheckResult r = engine.check("Мы задеплоим фичу после код-ревью, сейчас она на стейдже.");
        assertEquals(4, r.findings().size());
        assertTrue(r.findings().stream().allMatch(f -> f.category().equals("jargon") && f.principle().equals("Четкость и доступность информации")));
        assertEquals("Мы установим функцию после проверки кода, сейчас она на тестовом сервере.", r.suggestions().get(0));
        Finding sla = engine.check("SLA пока не нарушен.").findings().get(0);
        assertTrue(sla.why().contains("«SLA»") && sla.why().contains("срок ответа по договору"), sla.why());
    }

    @Test
    void aTermThatIsExplainedInBracketsIsNoLongerJargon() {
        CheckResult r = engine.check("Ваш запрос в работе, SLA пока не нарушен.");
        assertEquals("Ваш запрос в работе, срок ответа по договору пока не нарушен.", r.suggestions().get(0));
        assertFalse(engine.check("Ваш запрос в работе, SLA (срок ответа, закреплённый в договоре) пока не нарушен.").risky());
    }

    @Test
    void englishMessages() {
        CheckResult r = engine.check("Anna, that's not our problem, the courier lost parcel 4512.");
        assertEquals(Lang.EN, r.lang());
        assertEquals("that's not our problem", r.findings().get(0).fragment());
        String first = r.suggestions().get(0);
        assertTrue(first.startsWith("Anna, ") && first.contains("parcel 4512") && !engine.check(first).risky(), first);
        r = engine.check("You need to talk to the shipping company, not us.");
        assertTrue(r.risky() && r.suggestions().stream().allMatch(x -> !engine.check(x).risky()), r.suggestions().toString());
    }

    @Test
    void emptyAndBlankInputIsCleanAndValid() {
        for (String s : new String[] {"", " ", "\n\t  \n", null}) {
            CheckResult r = engine.check(s);
            assertFalse(r.risky());
            assertEquals(Lang.RU, r.lang());
            assertTrue(r.findings().isEmpty() && r.suggestions().isEmpty());
        }
    }

    @Test
    void offsetsStayCorrectAroundEmojiAndSurrogatePairs() {
        String text = "😀👍🏽 Это не наша проблема 🙏, заказ 𝟘 № 4512.";
        CheckResult r = engine.check(text);
        Finding f = r.findings().get(0);
        assertEquals("Это не наша проблема", text.substring(f.start(), f.end()));
        assertEquals(f.fragment(), text.substring(f.start(), f.end()));
        assertFalse(Character.isLowSurrogate(text.charAt(f.start())));
        String first = r.suggestions().get(0);
        assertTrue(first.contains("𝟘 № 4512") && !first.contains("не наша проблема"), first);
    }

    @Test
    void markupAndControlCharactersAreText() {
        CheckResult r = engine.check("<b>Это не наша проблема</b>, <script>alert(1)</script>. **Ждите ответа.**");
        assertEquals(2, r.findings().size());
        for (String x : r.suggestions()) {
            assertTrue(x.contains("<script>alert(1)</script>") || !r.findings().get(0).rewritable(), x); // markup is text, kept as written
        }
        String ctl = "\u0000\u0007Это не наша проблема\u001b[31m, ждите\r\n";
        r = engine.check(ctl);
        assertTrue(r.risky());
        for (Finding f : r.findings()) {
            assertEquals(f.fragment(), ctl.substring(f.start(), f.end()));
        }
        for (String x : r.suggestions()) {
            assertFalse(x.contains("не наша проблема"), x); // a terminal escape («[31m») carries a number: no version may drop it
        }
    }

    @Test
    void otherScriptsAreCleanAndMixedMessagesSeeBothLanguages() {
        for (String s : new String[] {"这不是我们的问题", "هذه ليست مشكلتنا", "Αυτό δεν είναι πρόβλημά μας", "12345 !!! ???"}) {
            CheckResult r = engine.check(s);
            assertFalse(r.risky(), s);
        }
        CheckResult r = engine.check("Not our problem, и это не наша проблема тоже.");
        assertEquals(2, r.findings().size());
        assertEquals("en.deflect.not-our-problem", r.findings().get(0).rule());
        assertEquals("ru.deflect.not-our-problem", r.findings().get(1).rule());
    }

    @Test
    void aHundredThousandCharactersAreCheckedWithCorrectOffsets() {
        StringBuilder b = new StringBuilder();
        while (b.length() < 100_000) {
            b.append("Спасибо за ваш вопрос, я уточню детали и вернусь к вам сегодня. ");
        }
        b.setLength(b.lastIndexOf(". ", 99_970) + 1);
        b.append(" Это не наша проблема.");
        String text = b.toString();
        CheckResult r = engine.check(text);
        assertEquals(1, r.findings().size());
        Finding f = r.findings().get(0);
        assertEquals("Это не наша проблема", text.substring(f.start(), f.end()));
        assertTrue(r.suggestions().get(0).endsWith(" Мы понимаем вашу ситуацию и готовы помочь вам решить возникшие трудности."));
        assertTrue(r.suggestions().get(0).startsWith(text.substring(0, f.start())));

        String letters = "ж".repeat(100_000);
        assertFalse(engine.check(letters).risky());
        String noPunctuation = "это не наша проблема ждите ".repeat(4000);
        r = engine.check(noPunctuation);
        assertTrue(r.findings().size() >= 4000);
        for (Finding x : r.findings()) {
            assertEquals(x.fragment(), noPunctuation.substring(x.start(), x.end()));
        }
    }

    @Test
    void findingsAreOrderedAndDoNotOverlap() {
        CheckResult r = engine.check("Это уже не наша проблема, разбирайтесь с перевозчиком. Ждите ответа. Как я уже писал, SLA не нарушен.");
        int end = -1;
        for (Finding f : r.findings()) {
            assertTrue(f.start() >= end, r.findings().toString());
            end = f.end();
        }
        assertEquals(5, r.findings().size(), r.findings().toString());
    }

    @Test
    void checkIsThreadSafe() throws Exception {
        List<String> texts = List.of("Это уже не наша проблема, разбирайтесь с перевозчиком.", "Спасибо за обращение!", "Not our problem.",
                "Ваша заявка эскалирована на L2, SLA пока соблюдается, ждём фикса.", "Сделаем, как сможем.", "We'll see.");
        List<CheckResult> expected = texts.stream().map(engine::check).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        int k = i % texts.size();
                        if (!engine.check(texts.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : futures) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRouterPredicateIsRiskyOnly() {
        assertTrue(engine.check("Какая вам разница?").risky());
        assertFalse(engine.check("Какая разница в цене между тарифами?").risky());
        assertNotEquals(engine.check("Ждите ответа."), engine.check("Пожалуйста, ожидайте ответа."));
    }

    @Test
    void tokensOfSuggestionsAreProperText() {
        for (String s : engine.check("Это уже не наша проблема, разбирайтесь с перевозчиком.").suggestions()) {
            List<Token> t = TextAnalyzer.analyze(s);
            assertTrue(Character.isUpperCase(t.get(0).text().charAt(0)), s);
            assertTrue(s.endsWith("."), s);
        }
    }

    @Test
    void theNumberOfAnOverpromiseIsNotAFactToKeep() {
        CheckResult r = engine.check("Всё будет готово завтра, 100%.");
        assertTrue(r.risky());
        assertFalse(r.suggestions().isEmpty(), "the '100%' may go: it is the promise, not a fact");
        for (String s : r.suggestions()) {
            assertFalse(engine.check(s).risky(), s);
            assertTrue(s.contains("завтра"), s);
        }
        // A real fact next to a promise stays.
        CheckResult dated = engine.check("Гарантирую, что доставим 12 июня.");
        assertFalse(dated.suggestions().isEmpty());
        dated.suggestions().forEach(s -> assertTrue(s.contains("12 июня"), s));
    }
}
