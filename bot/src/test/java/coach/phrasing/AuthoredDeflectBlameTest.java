package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deflect and blame rules on messages the team wrote for them (test resource {@code phrasing/authored-deflect-blame.tsv}:
 * 1–5 sentences, facts around the risky part, varied domains; polite look-alikes marked {@code safe}), with the whole
 * engine (rules and tone model).
 */
class AuthoredDeflectBlameTest {
    private static PhrasingEngine engine;
    private static final List<String[]> rows = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        engine = PhrasingEngine.load(TestKb.kb());
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                AuthoredDeflectBlameTest.class.getResourceAsStream("/phrasing/authored-deflect-blame.tsv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null;) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
    }

    @Test
    void fourInFiveRiskyMessagesOfEachLanguageAndCategoryAreFound() {
        Map<String, int[]> found = new TreeMap<>();
        for (String[] row : rows) {
            if (row[0].equals("risky")) {
                int[] c = found.computeIfAbsent(row[1] + "." + row[2], k -> new int[2]);
                c[1]++;
                c[0] += engine.check(row[4]).findings().isEmpty() ? 0 : 1;
            }
        }
        assertEquals(4, found.size(), found.keySet().toString());
        found.forEach((k, c) -> assertTrue(c[0] >= 0.8 * c[1] && c[1] >= 15, k + ": " + c[0] + " of " + c[1]));
    }

    @Test
    void politeLookAlikesAreLeftAlone() {
        for (String[] row : rows) {
            if (row[0].equals("safe")) {
                assertTrue(engine.check(row[4]).findings().isEmpty(), row[4] + " → " + engine.check(row[4]).findings());
            }
        }
    }

    @Test
    void everyFirstSuggestionChecksCleanAndKeepsTheNumbers() {
        int offered = 0;
        for (String[] row : rows) {
            CheckResult r = engine.check(row[4]);
            if (r.suggestions().isEmpty()) {
                continue;
            }
            offered++;
            String first = r.suggestions().get(0);
            assertTrue(engine.check(first).findings().isEmpty(), row[4] + " → " + first + " → " + engine.check(first).findings());
            for (String number : row[4].replaceAll("[^0-9]+", " ").strip().split(" ")) {
                assertTrue(number.isEmpty() || first.contains(number), row[4] + " → " + first + ": lost " + number);
            }
            assertTrue(count(first.toLowerCase(), "к сожалению") <= Math.max(1, count(row[4].toLowerCase(), "к сожалению")),
                    "«к сожалению» twice: " + first);
        }
        assertTrue(offered >= rows.size() / 2, offered + " suggestions for " + rows.size() + " messages");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
