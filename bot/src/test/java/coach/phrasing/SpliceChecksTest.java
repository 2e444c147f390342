package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.text.Segments;
import coach.text.TextAnalyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Splices blind readers called broken on fresh drafts (2026-12-06): what a version may not leave behind once a
 * risky piece is cut, and abbreviations that are not the end of a sentence.
 */
class SpliceChecksTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    private static void noSuggestionHas(String draft, String broken) {
        CheckResult r = engine.check(draft);
        assertTrue(r.risky(), draft);
        for (String s : r.suggestions()) {
            assertFalse(s.contains(broken), s);
        }
    }

    @Test
    void anInstructionIsNotLeftABareInfinitive() {
        noSuggestionHas("Добрый день. Вам же ясно было написано: ключи оставить у консьержа. Бригада простояла 40 минут.",
                "Ключи оставить у консьержа.");
    }

    @Test
    void theCommaBeforeButStays() {
        noSuggestionHas("Ваш бывший партнёр, конечно, мудак, но договор вы подписали сами.", "конечно но");
    }

    @Test
    void aSubordinateClauseIsNotLeftAlone() {
        noSuggestionHas("Счёт за март — 1 290 руб. Надо было раньше думать, прежде чем подключать тариф с роумингом!",
                "Прежде чем");
    }

    @Test
    void regretIsSaidOnce() {
        CheckResult r = engine.check("По заказу 88213: держать препарат неделю не будем, это исключено.");
        assertTrue(r.risky());
        for (String s : r.suggestions()) {
            assertEquals(s.indexOf("сожалению"), s.lastIndexOf("сожалению"), s);
        }
    }

    @Test
    void aReproachLeftOutHandsTheClientsNameOn() {
        CheckResult r = engine.check("Сергей, вы вообще читаете, что вам пишут? Выписку за март отправили вам вчера в 10:15.");
        assertTrue(r.risky());
        assertFalse(r.suggestions().isEmpty());
        assertEquals("Сергей, выписку за март отправили вам вчера в 10:15.", r.suggestions().get(0));
        assertEquals("Анна, счёт во вложении.", PhrasingEngine.addressed("Анна,", "Счёт во вложении."));
        assertEquals(" Ольга, Ирина передаст документы.", PhrasingEngine.addressed("Ольга,", " Ирина передаст документы."));
    }

    @Test
    void noOfferToSortItOutWhereTheRequestIsClosed() {
        noSuggestionHas("Коллеги, добрый день. Проблема с почтой на стороне вашего провайдера, мы тут ни при чём, пишите им сами. "
                + "Заявка 4471 закрыта.", "разбер");
    }

    @Test
    void abbreviationsDoNotEndASentence() {
        for (String t : new String[] {"Ждём согласования от фин.отдела до пятницы.", "Доступ пропал т.к. вы не продлили подписку."}) {
            assertEquals(1, Segments.sentences(t, TextAnalyzer.analyze(t)).size(), t);
        }
        String two = "Привезли в бункера.твари не ждали.";
        assertEquals(2, Segments.sentences(two, TextAnalyzer.analyze(two)).size());
        CheckResult r = engine.check("Ваша заявка на возврат в бэклоге, ждём апрув от фин.отдела.");
        assertFalse(r.suggestions().isEmpty());
        assertTrue(r.suggestions().get(0).contains("от фин.отдела"), r.suggestions().get(0));
    }
}
