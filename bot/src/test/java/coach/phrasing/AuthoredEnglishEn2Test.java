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
 * English messages of our own (never taken from a dev set) for the en2 rules ({@code authored-en2.tsv}: label, category,
 * text, first): chat register put into a business one, ultimatums said as calm conditions, sarcastic impossibilities,
 * guaranteed predictions, Incoterms explained, bare orders as options. Each risky line gets exactly that first
 * suggestion (or «-»: none, the sentence is rephrased by hand); polite lines that share their words stay quiet. Checked by
 * the whole engine (rules and tone model) on the real knowledge base.
 */
class AuthoredEnglishEn2Test {
    private static PhrasingEngine engine;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws IOException {
        engine = PhrasingEngine.load(TestKb.kb());
        rows = AuthoredLines.read("authored-en2.tsv", 4);
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
