package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.text.Lang;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The last gate on our own messages ({@code authored-f-gate.tsv}: expect, draft, what): a rule fixes its phrase, and
 * a version that keeps a phrase of {@code tone/residual.tsv}, or chat emoji / «!!» after a register or rude finding,
 * is withheld exactly like a doubtful one (findings kept, the version shown apart, the sentence named); a version
 * that keeps none is offered. Checked by the rules, like the other authored sets.
 */
class LastGateTest {
    private static PhrasingEngine engine;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws IOException {
        engine = PhrasingEngine.rulesOnly(TestKb.kb());
        rows = AuthoredLines.read("authored-f-gate.tsv", 3);
    }

    @Test
    void bothKindsInBothLanguages() {
        int withheld = 0;
        int kept = 0;
        int en = 0;
        for (String[] r : rows) {
            withheld += r[0].equals("withheld") ? 1 : 0;
            kept += r[0].equals("kept") ? 1 : 0;
            en += Lang.detect(r[1]) == Lang.EN ? 1 : 0;
        }
        assertEquals(rows.size(), withheld + kept, "expect is withheld or kept");
        assertTrue(withheld >= 15 && kept >= 15 && en >= 10, withheld + " withheld, " + kept + " kept, " + en + " English");
    }

    @TestFactory
    List<DynamicTest> aVersionThatKeepsAListedPhraseIsWithheld() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] r : rows) {
            tests.add(DynamicTest.dynamicTest(r[0] + ": " + r[1], () -> {
                CheckResult c = engine.check(r[1]);
                assertTrue(c.risky(), "not found");
                if (r[0].equals("kept")) {
                    assertNull(c.kept(), "withheld for «" + c.kept() + "»: " + c.partial());
                    assertEquals(r[2], c.suggestions().isEmpty() ? null : c.suggestions().get(0), "all: " + c.suggestions());
                    return;
                }
                assertTrue(c.suggestions().isEmpty(), "offered: " + c.suggestions());
                assertEquals(r[2], c.kept(), "partial: " + c.partial());
                assertFalse(c.partial().isEmpty(), "the withheld version is shown apart");
                assertEquals(1, c.doubtful().size());
                assertTrue(c.partial().get(0).contains(c.doubtful().get(0)), "the named sentence is the version's: " + c.doubtful());
                assertTrue(c.doubtful().get(0).contains(r[2]), "the named sentence holds it: " + c.doubtful());
                assertTrue(c.findings().stream().allMatch(Finding::rewritable), "rewritable stays as it was: " + c.findings());
            }));
        }
        return tests;
    }

    @Test
    void theReportNamesTheSentenceAndWhatItKept() {
        CheckResult c = engine.check("Это не наша проблема, курьеры работают как хотят. Ждите звонка, не пишите сюда.");
        String report = new CheckCommand(engine, TestKb.kb()).report(c, Lang.RU).plain();
        assertTrue(report.contains("осталось «как хотят»"), report);
        assertTrue(report.contains("урьеры работают как хотят."), report);
    }

    @Test
    void meaningfulEmojiPassAndChatOnesDoNot() {
        assertNull(LastGate.chatMark("Чек во вложении 📎, подписанный акт ✅, звоните ☎️ 📞, встреча в 🕒 15:00 ➡️ каб. 4"));
        assertEquals("🔥", LastGate.chatMark("В пятницу подаём 🔥🔥"));
        assertEquals("😉", LastGate.chatMark("Ждём вас 😉"));
        assertEquals("!!", LastGate.chatMark("Срок до пятницы! ! Не позже."));
        assertNull(LastGate.chatMark("Спасибо! Срок до пятницы. № 5, 20 °C, © 2024"));
    }

    private static String broken(String version, String draft) {
        return LastGate.kept(version, draft, coach.text.TextAnalyzer.analyze(draft), Lang.detect(draft),
                coach.tone.ResidualRisk.load(TestKb.source()), false).map(LastGate.Kept::what).orElse(null);
    }

    @Test
    void whatASpliceBrokeIsWithheldToo() {
        // a word doubled where the draft has it once; a doubled pair the draft has is the author's
        assertEquals("хорошо", broken("Хорошо, хорошо, ждём вас в среду.", "Ок, норм, ждём вас в среду."));
        assertNull(broken("Да, да, всё верно. Ждём вас в среду.", "Да, да, всё верно, ждём вас в среду."));
        assertNull(broken("Я проверю это. Это займёт час.", "Я проверю это. Это займёт час."));
        // a number the draft does not have; thousands for the draft's «3к» are the same number
        assertEquals("000", broken("Счёт № 45 000 ₽ оплачен.", "Счёт № 45 к оплате принят."));
        assertNull(broken("Прислал вам счёт на 3 000 ₽.", "Кинул вам счётик на 3к."));
        // an abbreviation of the draft in small letters; a shouted draft calmed is not one
        assertEquals("снилс", broken("Пришлите, пожалуйста, снилс и ИНН до пятницы.", "Скиньте СНИЛС и ИНН до пятницы."));
        assertNull(broken("Мы ждём оплату до пятницы.", "МЫ ЖДЁМ ОПЛАТУ до пятницы."));
        // a Latin word a Russian version adds (a gloss spliced into the sentence)
        assertEquals("free", broken("Отгрузка по free on board (FOB) в пятницу.", "Отгрузка по FOB в пятницу."));
        assertNull(broken("Отгрузка по FOB в пятницу, пришлём PDF.", "Отгрузка по FOB в пятницу, пришлём PDF."));
        assertNull(broken("Переустановим Windows на ноутбуке в пятницу.", "Переставим винду на ноуте в пятницу."), "one name spelled out");
    }

    @Test
    void runsOfMarksBecomeOneCalmMark() {
        assertEquals("Адрес был в письме.", LastGate.calmMarks("Адрес был в письме!!"));
        assertEquals("Вы получили счёт? Оплата до 5 мая.", LastGate.calmMarks("Вы получили счёт?!! Оплата до 5 мая!! !"));
        assertEquals("Добрый день! Спасибо.", LastGate.calmMarks("Добрый день! Спасибо!!!"));
        assertEquals("Правда??", LastGate.calmMarks("Правда??"));
    }
}
