package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A version does not both promise our own follow-up and send the client elsewhere: «Я уточню этот вопрос у коллег и
 * вернусь к вам с ответом. Советуем обратиться к своему терапевту.» says two opposite things.
 */
class HelpAndRedirectTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Результаты анализов готовы с 14 марта, заберите в регистратуре. А расшифровывать их — не наша работа, идите к своему терапевту.",
            "Справку выдадим в пятницу. А консультировать по налогам — не наша работа, идите к своему бухгалтеру."})
    void noVersionPromisesOurHelpAndSendsTheClientAway(String text) {
        CheckResult r = engine.check(text);
        assertTrue(r.risky(), text);
        for (String s : r.suggestions()) {
            String l = s.toLowerCase(Locale.ROOT);
            boolean ours = l.contains("у коллег") || l.contains("вернусь к вам");
            boolean away = l.contains("советуем обратиться") || l.contains("лучше обратиться") || l.contains("рекомендуем обратиться");
            assertFalse(ours && away, s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Your laptop repair (ticket 4410) is on schedule for Friday. As for the printer, that's not our job, go ask facilities.",
            "The invoice is attached. Refunds are not our department, go and ask the bank."})
    void noEnglishVersionPassesTheQuestionOnAndSaysGoAsk(String text) {
        CheckResult r = engine.check(text);
        assertTrue(r.risky(), text);
        for (String s : r.suggestions()) {
            String l = s.toLowerCase(Locale.ROOT);
            assertFalse((l.contains("pass your question") || l.contains("make sure you get an answer")) && l.matches("(?s).*\\bgo (and )?ask\\b.*"), s);
        }
    }
}
