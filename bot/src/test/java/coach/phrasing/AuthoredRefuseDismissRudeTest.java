package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Messages of our own (never taken from a dev set) for the refuse, dismiss and rude categories and polite "hard" lines
 * that look like them ({@code authored-refuse-dismiss-rude.tsv}: label, lang, category, text), checked by the whole
 * engine (rules and tone model): recall per language and category, no false alarm on the hard lines, and the first
 * suggestion neither shouts nor says «к сожалению» twice nor repeats the offer of other options.
 */
class AuthoredRefuseDismissRudeTest {
    private static PhrasingEngine engine;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws IOException {
        engine = PhrasingEngine.load(TestKb.kb());
        rows = AuthoredLines.read("authored-refuse-dismiss-rude.tsv", 4);
    }

    @Test
    void findsNineInTenOfEachCategory() {
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        for (String[] r : rows) {
            if (!r[0].equals("risky")) {
                continue;
            }
            boolean found = engine.check(r[3]).risky();
            int[] c = byCategory.computeIfAbsent(r[1] + "." + r[2], k -> new int[2]);
            c[0] += found ? 1 : 0;
            c[1]++;
            if (!found) {
                missed.add(r[3]);
            }
        }
        assertEquals(6, byCategory.size(), byCategory.keySet().toString());
        byCategory.forEach((k, c) -> {
            assertTrue(c[1] >= 8, k + ": too few lines");
            assertTrue(c[0] >= 0.85 * c[1], k + ": found " + c[0] + " of " + c[1] + "; missed " + missed);
        });
    }

    @Test
    void politeLinesStayQuiet() {
        for (String[] r : rows) {
            if (r[0].equals("safe")) {
                CheckResult res = engine.check(r[3]);
                assertFalse(res.risky(), r[3] + " → " + res.findings());
            }
        }
    }

    @Test
    void firstSuggestionsDoNotShoutOrStack() {
        for (String[] r : rows) {
            if (!r[0].equals("risky")) {
                continue;
            }
            CheckResult res = engine.check(r[3]);
            if (res.suggestions().isEmpty()) {
                continue;
            }
            String s = res.suggestions().get(0);
            String low = s.toLowerCase(Locale.ROOT);
            assertTrue(count(low, "к сожалению") <= 1 || count(r[3].toLowerCase(Locale.ROOT), "к сожалению") > 1, s);
            assertTrue(count(low, "другие варианты") <= 1, s);
            assertFalse(s.contains("!!"), s);
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
