package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Russian informal register on messages we wrote ourselves (never taken from a dev set; {@code authored-ru-inf.tsv}:
 * label, lang, category, text, first; {@code -} = nothing may be offered): «ты» with chat slang, greetings, nicknames,
 * fillers, diminutives, across deliveries, clinics, real estate, HR, IT support, schools, tourism. Checked by the whole
 * engine (rules and tone model): each risky message is found, its first suggestion is exactly the judged one — the
 * whole message in business register, or nothing — and checks clean itself with every number kept; each polite
 * look-alike is left alone.
 */
class AuthoredRuInformalTest {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[ :.,]\\d+)*");
    private static PhrasingEngine engine;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws IOException {
        engine = PhrasingEngine.load(TestKb.kb());
        rows = AuthoredLines.read("authored-ru-inf.tsv", 5);
    }

    @Test
    void fortyMessagesOrMoreAndPoliteLookAlikes() {
        long risky = rows.stream().filter(r -> r[0].equals("risky")).count();
        long offered = rows.stream().filter(r -> r[0].equals("risky") && !r[4].equals("-")).count();
        assertTrue(risky >= 40, "risky lines: " + risky);
        assertTrue(offered >= 30, "lines with a judged version: " + offered);
        assertTrue(rows.stream().anyMatch(r -> r[0].equals("safe")), "no polite look-alikes");
    }

    @TestFactory
    List<DynamicTest> firstSuggestionIsTheJudgedOneOrNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] r : rows) {
            tests.add(DynamicTest.dynamicTest(r[3], () -> {
                CheckResult c = engine.check(r[3]);
                if (r[0].equals("safe")) {
                    assertFalse(c.risky(), "false alarm: " + c.findings());
                    return;
                }
                assertTrue(c.risky(), "not found");
                if (r[4].equals("-")) {
                    assertTrue(c.suggestions().isEmpty(), "nothing should be offered, got " + c.suggestions());
                    return;
                }
                assertEquals(r[4], c.suggestions().isEmpty() ? null : c.suggestions().get(0), "all: " + c.suggestions());
                CheckResult again = engine.check(r[4]);
                assertFalse(again.risky(), "the version is risky itself: " + again.findings());
                Matcher m = NUMBER.matcher(r[3]);
                while (m.find()) {
                    String n = m.group().replaceAll("[ .,]+$", "");
                    if (!n.matches("\\d+")) {
                        continue;
                    }
                    assertTrue(r[4].replace(" ", "").contains(n), "number " + n + " lost");
                }
            }));
        }
        return tests;
    }
}
