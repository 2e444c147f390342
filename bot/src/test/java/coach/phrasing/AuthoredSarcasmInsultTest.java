package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Russian sarcasm and insults on messages we wrote ourselves (never taken from a dev set), test resource
 * {@code phrasing/authored-ru-sar.tsv} (label, lang, category, keep, text, first), checked by the whole engine (rules,
 * word lists and tone model): a mocking opener goes when the rest is a whole sentence («Браво, платёж поступил» →
 * «Платёж поступил»), «спасибо, что наконец…» becomes plain thanks, a jibe that asks nothing and names nothing new is
 * left out, a label between subject and verb goes alone, an insult inside its clause takes its neutral word; where the
 * insult is the judgement itself («нужно быть идиотом…») or the jibe names something («…ставил кондиционер?») nothing is
 * offered ({@code -}). Polite look-alikes ({@code safe}) are left alone.
 */
class AuthoredSarcasmInsultTest {
    private static final String FILE = "authored-ru-sar.tsv";
    private static PhrasingEngine engine;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws Exception {
        engine = PhrasingEngine.load(TestKb.kb());
        rows = AuthoredLines.read(FILE, 6);
    }

    @Test
    void enoughLinesOfBothCategoriesAndLookAlikes() {
        assertTrue(rows.size() >= 40, rows.size() + " lines");
        for (String c : List.of("sarcasm", "insult")) {
            assertTrue(rows.stream().filter(r -> r[0].equals("risky") && r[2].equals(c)).count() >= 15, c);
        }
        assertTrue(rows.stream().filter(r -> r[0].equals("safe")).count() >= 5, "look-alikes");
    }

    @Test
    void riskyLinesAreFoundAndLookAlikesLeftAlone() {
        for (String[] r : rows) {
            CheckResult c = engine.check(r[4]);
            if (r[0].equals("risky")) {
                assertTrue(c.risky(), FILE + " missed: " + r[4]);
            } else {
                assertFalse(c.risky(), FILE + " false alarm: " + r[4] + " " + c.findings());
            }
        }
    }

    @Test
    void firstSuggestionIsTheJudgedOneOrNothing() {
        int offered = 0;
        for (String[] r : rows) {
            if (!r[0].equals("risky")) {
                continue;
            }
            CheckResult c = engine.check(r[4]);
            if (r[5].equals("-")) {
                assertTrue(c.suggestions().isEmpty(), r[4] + ": nothing may be offered, got " + c.suggestions());
                continue;
            }
            offered++;
            assertFalse(c.suggestions().isEmpty(), r[4] + ": no suggestion; findings " + c.findings());
            String first = c.suggestions().get(0);
            assertEquals(r[5], first, r[4]);
            assertTrue(engine.check(first).findings().isEmpty(), first + " → " + engine.check(first).findings());
            for (String number : r[4].replaceAll("[^0-9]+", " ").strip().split(" ")) {
                assertTrue(number.isEmpty() || first.contains(number), r[4] + " → " + first + ": lost " + number);
            }
            for (String keep : r[3].isEmpty() ? new String[0] : r[3].split(",")) {
                assertTrue(first.contains(keep), r[4] + " → " + first + ": lost " + keep);
            }
        }
        assertTrue(offered >= 15, offered + " suggestions");
    }
}
