package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Russian deflect, blame and refuse on messages we wrote ourselves (never taken from a dev set): 1–5 sentences, facts
 * around the risky part, many domains ({@code authored-deflect.tsv}, {@code authored-blame.tsv},
 * {@code authored-refuse.tsv}: label, lang, category, keep, text, first). Checked by the whole engine (rules and tone
 * model): every risky line is found, every polite look-alike ({@code safe}) is left alone, and where {@code first} is
 * given the first suggestion is exactly that (a reader judged it sendable as is); {@code -} there means no suggestion
 * may be offered (no sendable version exists, the sentence is rephrased by hand). Every first suggestion offered checks
 * clean, keeps the numbers and the words of {@code keep}, and says «к сожалению» at most once.
 */
class AuthoredRuCategoriesTest {
    private static PhrasingEngine engine;

    record Row(int line, boolean risky, String category, List<String> keep, String text, String first) {
    }

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    static List<Row> read(String resource) throws IOException {
        try (InputStream in = AuthoredRuCategoriesTest.class.getResourceAsStream("/phrasing/" + resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            assertEquals("label\tlang\tcategory\tkeep\ttext\tfirst", lines[0], resource + ": header");
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] c = lines[i].split("\t", -1);
                assertEquals(6, c.length, resource + ":" + (i + 1));
                assertEquals("ru", c[1], resource + ":" + (i + 1));
                rows.add(new Row(i + 1, c[0].equals("risky"), c[2], c[3].isEmpty() ? List.of() : List.of(c[3].split(",")), c[4], c[5]));
            }
            return rows;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"authored-deflect.tsv", "authored-blame.tsv", "authored-refuse.tsv"})
    void everyRiskyLineIsFoundAndEveryPoliteOneLeftAlone(String resource) throws IOException {
        List<Row> rows = read(resource);
        String category = resource.replace("authored-", "").replace(".tsv", "");
        assertTrue(rows.stream().filter(r -> r.risky() && r.category().equals(category)).count() >= 15, resource + ": too few risky lines");
        assertTrue(rows.stream().anyMatch(r -> !r.risky()), resource + ": no polite look-alikes");
        for (Row r : rows) {
            CheckResult c = engine.check(r.text());
            if (r.risky()) {
                assertTrue(c.risky(), resource + ":" + r.line() + " missed: " + r.text());
            } else {
                assertFalse(c.risky(), resource + ":" + r.line() + " false alarm: " + r.text() + " " + c.findings());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"authored-deflect.tsv", "authored-blame.tsv", "authored-refuse.tsv"})
    void firstSuggestionsAreTheJudgedOnesAndSafe(String resource) throws IOException {
        int judged = 0;
        for (Row r : read(resource)) {
            if (!r.risky()) {
                continue;
            }
            CheckResult c = engine.check(r.text());
            String where = resource + ":" + r.line() + " " + r.text();
            if (r.first().equals("-")) {
                assertTrue(c.suggestions().isEmpty(), where + " → no version should be offered, got " + c.suggestions());
                judged++;
                continue;
            }
            if (!r.first().isEmpty()) {
                assertFalse(c.suggestions().isEmpty(), where + " → nothing offered");
                assertEquals(r.first(), c.suggestions().get(0), where);
                judged++;
            }
            if (c.suggestions().isEmpty()) {
                continue;
            }
            String first = c.suggestions().get(0);
            assertFalse(engine.check(first).risky(), where + " → " + first + " → " + engine.check(first).findings());
            for (String number : r.text().replaceAll("[^0-9]+", " ").strip().split(" ")) {
                assertTrue(number.isEmpty() || first.contains(number), where + " → " + first + ": lost " + number);
            }
            for (String k : r.keep()) {
                assertTrue(first.contains(k), where + " → " + first + ": lost «" + k + "»");
            }
            assertTrue(count(first.toLowerCase(), "к сожалению") <= Math.max(1, count(r.text().toLowerCase(), "к сожалению")),
                    where + " → «к сожалению» twice: " + first);
        }
        assertTrue(judged >= 12, resource + ": only " + judged + " lines with a judged first suggestion");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
