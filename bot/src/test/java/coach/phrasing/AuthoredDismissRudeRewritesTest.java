package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Russian dismiss and rude drafts we wrote ourselves (never taken from a dev set), with the rewrite a careful editor
 * would send ({@code authored-ru-dr.tsv}: label, lang, category, keep, text, first): sentence-scope templates such as
 * «Не поможет — тогда пишите.» → «Если не поможет, пожалуйста, пишите.», «Не звоните мне на личный, для этого есть
 * офисный номер.» → «Пожалуйста, звоните на офисный номер.». Checked by the whole engine (rules and tone model): every
 * risky line is found with a finding of its category, every polite look-alike ({@code safe}) is left alone, the first
 * suggestion is exactly {@code first} ({@code -}: none may be offered, the sentence is rephrased by hand), and every
 * first suggestion checks clean, keeps the numbers and the words of {@code keep} and says «к сожалению» at most once.
 */
class AuthoredDismissRudeRewritesTest {
    private static PhrasingEngine engine;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws IOException {
        engine = PhrasingEngine.load(TestKb.kb());
        rows = AuthoredLines.read("authored-ru-dr.tsv", 6);
    }

    @Test
    void enoughLinesOfBothCategoriesAndLookAlikes() {
        assertTrue(rows.size() >= 40, "only " + rows.size() + " lines");
        for (String category : new String[] {"dismiss", "rude"}) {
            long n = rows.stream().filter(r -> r[0].equals("risky") && r[2].equals(category)).count();
            assertTrue(n >= 15, category + ": only " + n + " risky lines");
        }
        assertTrue(rows.stream().filter(r -> r[0].equals("safe")).count() >= 6, "too few polite look-alikes");
    }

    @Test
    void riskyLinesAreFoundAndPoliteOnesLeftAlone() {
        for (String[] r : rows) {
            CheckResult c = engine.check(r[4]);
            if (r[0].equals("risky")) {
                assertTrue(c.findings().stream().anyMatch(f -> f.category().equals(r[2])), r[4] + " → no " + r[2] + " finding: " + c.findings());
            } else {
                assertFalse(c.risky(), r[4] + " → false alarm: " + c.findings());
            }
        }
    }

    @Test
    void firstSuggestionsAreTheJudgedOnesAndSafe() {
        int offered = 0;
        for (String[] r : rows) {
            if (!r[0].equals("risky")) {
                continue;
            }
            CheckResult c = engine.check(r[4]);
            String where = r[4];
            if (r[5].equals("-")) {
                assertTrue(c.suggestions().isEmpty(), where + " → no version should be offered, got " + c.suggestions());
                continue;
            }
            assertFalse(c.suggestions().isEmpty(), where + " → nothing offered; findings " + c.findings());
            String first = c.suggestions().get(0);
            assertEquals(r[5], first, where);
            offered++;
            assertFalse(engine.check(first).risky(), where + " → " + first + " → " + engine.check(first).findings());
            for (String number : r[4].replaceAll("[^0-9]+", " ").strip().split(" ")) {
                assertTrue(number.isEmpty() || first.contains(number), where + " → " + first + ": lost " + number);
            }
            for (String k : r[3].isEmpty() ? new String[0] : r[3].split(",")) {
                assertTrue(first.contains(k), where + " → " + first + ": lost «" + k + "»");
            }
            String low = first.toLowerCase(Locale.ROOT);
            assertTrue(low.indexOf("к сожалению") == low.lastIndexOf("к сожалению"), where + " → «к сожалению» twice: " + first);
        }
        assertTrue(offered >= 30, "only " + offered + " lines with a judged first suggestion");
    }
}
