package coach.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.text.TextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPatternTest {
    private static boolean m(String pattern, String text) {
        return TokenPattern.compile(pattern).matches(TextAnalyzer.analyze(text));
    }

    @Test
    void stemsCoverInflection() {
        String p = "не наш проблема";
        assertTrue(m(p, "Это не наша проблема."));
        assertTrue(m(p, "Это не наши проблемы."));
        assertTrue(m(p, "Это не нашей проблемой было."));
        assertFalse(m(p, "Это не ваша проблема."));
    }

    @Test
    void theNegationParticleIsItsOwnForm() {
        assertTrue(m("ответствен* ..4 не несем|несём", "Ответственность за это мы не несём."));
        assertFalse(m("ответствен* ..4 не несем|несём", "Ответственность за неё несём мы."));
    }

    @Test
    void gapsAllowSmallInsertionsWithinASentence() {
        String p = "не ..2 наш проблема";
        assertTrue(m(p, "это вообще не наша проблема"));
        assertTrue(m(p, "это не совсем уж наша проблема"));
        assertFalse(m(p, "это не. Наша проблема"));
        assertFalse(m("это ..3 проблема", "это x y z w проблема"));
        // a two-digit gap is a gap, not a literal word that never matches
        assertTrue(m("это ..12 проблема", "это a b c d e f g h i j k проблема"));
        assertFalse(m("это ..10 проблема", "это a b c d e f g h i j k проблема"));
        assertThrows(IllegalArgumentException.class, () -> TokenPattern.compile("это ..100 проблема"));
    }

    @Test
    void optionalNegatedExactPrefixAndNumbers() {
        assertTrue(m("вообще? не наш", "не наш"));
        assertTrue(m("вообще? не наш", "вообще не наш"));
        assertTrue(m("!ваш проблема", "наша проблема"));
        assertFalse(m("!ваш проблема", "ваша проблема"));
        assertTrue(m("=не", "Не"));
        assertTrue(m("зарелиз*", "мы зарелизим"));
        assertTrue(m("на # процент", "на 100 процентов"));
        assertTrue(m("ё|е", "Ёлка ё"));
    }

    @Test
    void offsetsAreUtf16AroundSurrogatePairs() {
        String text = "😀 Это не наша проблема";
        List<Match> ms = TokenPattern.compile("не наш проблема").findAll(TextAnalyzer.analyze(text));
        assertEquals(1, ms.size());
        assertEquals("не наша проблема", text.substring(ms.get(0).start(), ms.get(0).end()));
    }

    @Test
    void exceptionsCancelOverlappingMatches() {
        PhraseSet s = PhraseSet.of(List.of("не проблема"), List.of("совсем не проблема"));
        assertTrue(s.matches(TextAnalyzer.analyze("это не проблема")));
        assertFalse(s.matches(TextAnalyzer.analyze("это совсем не проблема")));
    }

    @Test
    void malformedPatternsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TokenPattern.compile(" "));
        assertThrows(IllegalArgumentException.class, () -> TokenPattern.compile("..2 слово"));
        assertThrows(IllegalArgumentException.class, () -> TokenPattern.compile("слово? другое?"));
        assertThrows(IllegalArgumentException.class, () -> TokenPattern.compile("a||b"));
        // a {group} is expanded before compiling; compiled as it stands it would silently match nothing
        assertThrows(IllegalArgumentException.class, () -> TokenPattern.compile("называется|{the term} ..2 тикет"));
        assertEquals(2, TokenPattern.expand("{называется|the term} ..2 тикет").size());
    }
}
