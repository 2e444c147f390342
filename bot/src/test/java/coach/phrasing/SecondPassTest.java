package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import coach.TestKb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second pass over a version another rule still finds something in: when that pass would leave the whole version
 * out, the first pass weighs leaving the draft's sentence out (its facts, its lost words), as for any other version.
 */
class SecondPassTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    @Test
    void aVersionTheSecondPassLeavesOutTakesItsSentenceOut() {
        CheckResult r = engine.check("Расчёт отпускных для Сидоровой А.В. сделан верно, 38 450 руб. Обсуждать тут больше нечего, вопрос закрыт.");
        assertFalse(r.suggestions().isEmpty(), r.toString());
        assertEquals("Расчёт отпускных для Сидоровой А.В. сделан верно, 38 450 руб.", r.suggestions().get(0));
    }

    @Test
    void aSentenceWithFactsIsNotLeftOutThatWay() {
        // the tail goes, the sentence with the amount stays: nothing of a fact is left out with the second pass
        CheckResult r = engine.check("Сумма 38 450 руб., обсуждать тут больше нечего, вопрос закрыт.");
        r.suggestions().forEach(s -> assertFalse(s.isBlank(), r.toString()));
        r.suggestions().forEach(s -> assertFalse(!s.contains("38 450"), r.toString()));
    }

    @Test
    void aSentenceTheNextOneLeansOnIsNotLeftOut() {
        // «It» would point at nothing once the sentence naming the invoice is gone
        CheckResult r = engine.check("WHY are you still asking about the invoice?? It was sent on March 3, check your spam!!!");
        r.suggestions().forEach(s -> assertFalse(s.startsWith("It "), r.toString()));
        CheckResult ok = engine.check("Обсуждать тут больше нечего, вопрос закрыт. Счёт № 12 оплачен 3 марта.");
        assertEquals("Счёт № 12 оплачен 3 марта.", ok.suggestions().isEmpty() ? null : ok.suggestions().get(0), ok.toString());
    }
}
