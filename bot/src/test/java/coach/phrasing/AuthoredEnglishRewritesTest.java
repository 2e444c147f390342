package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * English messages of our own (never taken from a dev set), each with the first suggestion a careful editor would send
 * as is, or «-» where the sentence must be rephrased by hand (label, category, text, first):
 * {@code authored-en-rewrites.tsv} over every category, {@code authored-en2.tsv} over chat register, ultimatums said as
 * calm conditions, sarcastic impossibilities, guaranteed predictions, Incoterms explained and bare orders as options,
 * {@code authored-en-fen.tsv} over customs papers and chat abbreviations in full, «right there» as where to find it,
 * «you didn't send X» as what we did not receive, bare demands as requests and busy or «whatever» openers left out.
 * Checked by the whole engine (rules and tone model) on the real knowledge base: risky lines are found and get exactly
 * that first suggestion (or none), polite lines that share their words stay quiet.
 */
class AuthoredEnglishRewritesTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    private static List<String[]> rows(String file) throws IOException {
        List<String[]> rows = AuthoredLines.read(file, 4);
        assertTrue(rows.size() >= 40, file + ": too few lines: " + rows.size());
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"authored-en-rewrites.tsv", "authored-en2.tsv", "authored-en-fen.tsv"})
    void riskyLinesGetTheEditorsFirstSuggestionOrNone(String file) throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows(file)) {
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
        assertTrue(wrong.isEmpty(), file + ":\n" + String.join("\n", wrong));
    }

    @ParameterizedTest
    @ValueSource(strings = {"authored-en-rewrites.tsv", "authored-en2.tsv", "authored-en-fen.tsv"})
    void politeLinesStayQuiet(String file) throws IOException {
        for (String[] r : rows(file)) {
            if (r[0].equals("safe")) {
                CheckResult res = engine.check(r[2]);
                assertFalse(res.risky(), r[2] + " → " + res.findings());
            }
        }
    }
}
