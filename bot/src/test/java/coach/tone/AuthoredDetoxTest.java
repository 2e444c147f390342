package coach.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.phrasing.CheckResult;
import coach.phrasing.PhrasingEngine;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rude comments in the style of public detoxification sets, written by us (never taken from any data set), test resource
 * {@code tone/authored-detox.tsv} (label, text, first), checked by the whole engine: a listed word takes its neutral
 * word in its form («эти казлы» → «эти люди», «роже» → «лицу»), an insult beside a name, a noun or a pronoun goes
 * («этот дебил вася» → «вася»), a call to violence becomes «наказать», an interjection or an intensifier goes; where the
 * insult is the judgement itself, the message is nothing but insult or the form is unsure, nothing is offered ({@code -}).
 * «хуйня» → «ерунда» is made but withheld by the last gate ({@code tone/residual.tsv} lists «ерунда» as dismissive).
 * Harmless look-alikes ({@code safe}: рожь, Мордовия, кол для палатки) are left alone.
 */
class AuthoredDetoxTest {
    private static final String FILE = "/tone/authored-detox.tsv";
    private static PhrasingEngine engine;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws Exception {
        engine = PhrasingEngine.load(TestKb.kb());
        rows = coach.phrasing.AuthoredLines.readResource(FILE, 3);
    }

    @Test
    void enoughLinesOfEveryKind() {
        long risky = rows.stream().filter(r -> r[0].equals("risky")).count();
        assertTrue(risky >= 60, risky + " rude lines");
        assertTrue(rows.stream().filter(r -> r[0].equals("risky") && !r[2].equals("-")).count() >= 40, "rewritten lines");
        assertTrue(rows.stream().filter(r -> r[0].equals("risky") && r[2].equals("-")).count() >= 10, "lines with nothing offered");
        assertTrue(rows.stream().filter(r -> r[0].equals("safe")).count() >= 5, "look-alikes");
    }

    @Test
    void rudeLinesAreFoundAndLookAlikesLeftAlone() {
        for (String[] r : rows) {
            CheckResult c = engine.check(r[1]);
            if (r[0].equals("risky")) {
                assertTrue(c.risky(), FILE + " missed: " + r[1]);
            } else {
                assertFalse(c.risky(), FILE + " false alarm: " + r[1] + " " + c.findings());
            }
        }
    }

    @Test
    void firstSuggestionIsTheWrittenOneOrNothing() {
        for (String[] r : rows) {
            if (!r[0].equals("risky")) {
                continue;
            }
            CheckResult c = engine.check(r[1]);
            if (r[2].equals("-")) {
                assertTrue(c.suggestions().isEmpty(), r[1] + ": nothing may be offered, got " + c.suggestions());
                continue;
            }
            assertFalse(c.suggestions().isEmpty(), r[1] + ": no suggestion; findings " + c.findings());
            String first = c.suggestions().get(0);
            assertEquals(r[2], first, r[1]);
            // the model read the sentence before; the words left as written are not asked about again (see ToneFindings)
            assertTrue(engine.check(first).findings().stream().allMatch(f -> f.source().equals(coach.phrasing.Finding.MODEL)),
                    first + " → " + engine.check(first).findings());
        }
    }
}
