package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * English messages of our own (never taken from a dev set), each with the first suggestion a careful editor would send
 * as is, or «-» where the sentence must be rephrased by hand ({@code authored-en-rewrites.tsv}: label, category, text,
 * first). Checked by the whole engine (rules and tone model) on the real knowledge base: risky lines are found and get
 * exactly that first suggestion (or none), polite lines that share their words stay quiet.
 */
class AuthoredEnglishRewritesTest {
    private static PhrasingEngine engine;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws IOException {
        engine = PhrasingEngine.load(TestKb.kb());
        rows = AuthoredLines.read("authored-en-rewrites.tsv", 4);
        assertTrue(rows.size() >= 40, "too few lines: " + rows.size());
    }

    @Test
    void riskyLinesGetTheEditorsFirstSuggestionOrNone() {
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            if (!r[0].equals("risky")) {
                continue;
            }
            CheckResult res = engine.check(r[2]);
            assertTrue(res.risky(), "not found: " + r[2]);
            String first = res.suggestions().isEmpty() ? "-" : res.suggestions().get(0);
            if (!first.equals(r[3])) {
                wrong.add(r[2] + "\n   expected: " + r[3] + "\n   got:      " + first);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void politeLinesStayQuiet() {
        for (String[] r : rows) {
            if (r[0].equals("safe")) {
                CheckResult res = engine.check(r[2]);
                assertFalse(res.risky(), r[2] + " → " + res.findings());
            }
        }
    }
}
