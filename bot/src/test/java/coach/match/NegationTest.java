package coach.match;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.text.TextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Negation scope of a negatable phrase set: before the match, after it with a modal, never across a clause end. */
class NegationTest {
    private static final PhraseSet APOLOGY = new PhraseSet(List.of(TokenPattern.compile("извин*|apolog*")), List.of(), true);
    private static final PhraseSet PLAIN = new PhraseSet(List.of(TokenPattern.compile("извин*|apolog*")), List.of());
    private static final PhraseSet EARLY = new PhraseSet(List.of(TokenPattern.compile("=раньше|=позже ..2 =утра|#")), List.of(), true);
    private static final PhraseSet LATE = new PhraseSet(List.of(TokenPattern.compile("не ..1 =успеваем")), List.of(), true);

    private static boolean m(PhraseSet p, String text) {
        return p.matches(TextAnalyzer.analyze(text));
    }

    @Test
    void aNegatorJustBeforeOrANegatedModalAfterCancelsTheMatch() {
        assertFalse(m(APOLOGY, "Мы не будем извиняться."));
        assertFalse(m(APOLOGY, "Извиняться не буду."));
        assertFalse(m(APOLOGY, "Извиняться за ожидание не буду."));
        assertFalse(m(APOLOGY, "We will not apologise."));
        assertFalse(m(APOLOGY, "We won't apologise."));
        assertTrue(m(PLAIN, "Мы не будем извиняться."), "a phrase set that is not negatable ignores negation (phrasing rules)");
    }

    @Test
    void aClauseEndStopsTheScopeAndOwnOrComparativeNegationsAreKept() {
        assertTrue(m(APOLOGY, "Не переживайте, извините нас."));
        assertTrue(m(APOLOGY, "Извините, что не предупредили."));
        assertTrue(m(APOLOGY, "Извините — не будем больше задерживать."));
        assertTrue(m(LATE, "Никак не успеваем, простите."), "a match that starts with its own «не» is not negated again");
        assertTrue(m(EARLY, "Директор ответит не раньше утра."), "«не раньше» is a comparative, not a negation");
    }
}
