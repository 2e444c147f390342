package coach.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.text.TextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lemma and tag alternatives and named captures, on the real Russian dictionaries. */
class TokenPatternMorphologyTest {

    private static boolean matches(String pattern, String text) {
        return TokenPattern.compile(pattern).matches(TextAnalyzer.analyze(text));
    }

    @Test
    void aLemmaMatchesEveryFormOfTheWordAndNothingElse() {
        assertTrue(matches("~идти", "Курьер уже шёл к вам."));
        assertTrue(matches("~идти", "Пойдёте ли вы?") == false); // «пойти» is another lemma
        assertTrue(matches("~пойти", "Пойдёте ли вы?"));
        assertTrue(matches("не ~смочь", "Мы не смогли приехать."));
        assertTrue(matches("не ~мочь", "Мы не могли приехать."));
        assertFalse(matches("~мочь", "Мы приедем."));
    }

    @Test
    void aTagMatchesAReadingWithAllItsFields() {
        assertTrue(matches("%VB:IMP", "Переделайте заявку."));
        assertFalse(matches("%VB:P2:Sin", "Спасибо, что пришли."), "«пришли» is also a past form");
        assertFalse(matches("%VB:IMP", "Мы переделали заявку."));
        assertTrue(matches("%NN:D", "Напишите менеджеру."));
    }

    @Test
    void capturesReportTheTokensTheirElementsTook() {
        List<Match> ms = TokenPattern.compile("пишите [who _ ..1 _ ] $").findAll(TextAnalyzer.analyze("Пишите своему менеджеру."));
        assertEquals(1, ms.size());
        Match.Span who = ms.get(0).captures().get("who");
        assertEquals("своему менеджеру", "Пишите своему менеджеру.".substring(who.start(), who.end()));
    }

    @Test
    void malformedCapturesAreReported() {
        for (String bad : List.of("пишите [who _", "пишите ] _", "[a [b _ ] ]", "[Who _ ]", "[x ]")) {
            try {
                TokenPattern.compile(bad);
                throw new AssertionError("compiled: " + bad);
            } catch (IllegalArgumentException expected) {
                assertFalse(expected.getMessage().isBlank());
            }
        }
    }
}
