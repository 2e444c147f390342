package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our own messages (never taken from a dev set) with the first suggestion a careful editor would send as it stands
 * ({@code authored-rewrites-tone-vague.tsv}: label, lang, category, text, first; «—» = nothing may be offered, the
 * sentence is left to the user), checked by the rules (like {@link RuleExamplesTest}: the tone model is retrained
 * whenever its corpus grows and may then veto one more version): each risky message is found, its first suggestion
 * is exactly that text and checks clean itself; each polite "hard" line checks clean.
 */
class AuthoredRewritesTest {
    private static final String NOTHING = "—";
    private static PhrasingEngine engine;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws IOException {
        engine = PhrasingEngine.rulesOnly(TestKb.kb());
        rows = AuthoredLines.read("authored-rewrites-tone-vague.tsv", 5);
    }

    @Test
    void tenMessagesOrMoreInEachCategory() {
        Map<String, Integer> n = new TreeMap<>();
        for (String[] r : rows) {
            n.merge(r[2], 1, Integer::sum);
        }
        for (String c : List.of("vague", "overpromise", "pressure", "sarcasm", "dismiss", "rude", "informal", "jargon")) {
            assertTrue(n.getOrDefault(c, 0) >= 10, c + ": " + n);
        }
    }

    @TestFactory
    List<DynamicTest> firstSuggestionIsTheEditorsVersionOrNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] r : rows) {
            tests.add(DynamicTest.dynamicTest(r[2] + ": " + r[3], () -> {
                CheckResult c = engine.check(r[3]);
                if (r[0].equals("safe")) {
                    assertFalse(c.risky(), "false alarm: " + c.findings());
                    return;
                }
                assertTrue(c.risky(), "not found");
                if (r[4].equals(NOTHING)) {
                    assertTrue(c.suggestions().isEmpty(), "nothing should be offered, got " + c.suggestions());
                    return;
                }
                assertEquals(r[4], c.suggestions().isEmpty() ? null : c.suggestions().get(0), "all: " + c.suggestions());
                CheckResult again = engine.check(r[4]);
                assertFalse(again.risky(), "the version is risky itself: " + again.findings());
            }));
        }
        return tests;
    }
}
