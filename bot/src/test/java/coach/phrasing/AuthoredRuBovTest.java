package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Russian pressure, overpromise, blame and vague on messages we wrote ourselves (never taken from a dev set), by family:
 * «оплатите до пятницы, иначе скидка сгорит» → a polite condition with the same deadline and consequence; «потом такой цены
 * не будет», «решайтесь», «такой вы больше не найдёте» → the fact without the pressure; «будет как новая», «вы даже не
 * заметите» → the promise goes, the action stays; «цена точно 35 000, больше не выйдет» → the sum and a promise to agree
 * any change first; «накладную подписали вы» → a passive fact; «сами виноваты, надо было читать договор» → where it is written.
 * {@code authored-ru-bov.tsv}: label, lang, category, keep, text, first ({@code -} = nothing may be offered). Checked by the
 * whole engine (rules and tone model): every risky line is found, every polite look-alike left alone, the first suggestion
 * is exactly the judged one, checks clean itself and keeps every number and the words of {@code keep}.
 */
class AuthoredRuBovTest {
    private static PhrasingEngine engine;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws IOException {
        engine = PhrasingEngine.load(TestKb.kb());
        rows = AuthoredLines.read("authored-ru-bov.tsv", 6);
    }

    @Test
    void enoughLinesInEachFamilyAndPoliteLookAlikes() {
        Map<String, Integer> risky = new TreeMap<>();
        int safe = 0;
        int versions = 0;
        for (String[] r : rows) {
            if (r[0].equals("safe")) {
                safe++;
            } else {
                risky.merge(r[2], 1, Integer::sum);
                versions += r[5].equals("-") ? 0 : 1;
            }
        }
        assertTrue(rows.size() >= 40, "rows: " + rows.size());
        assertTrue(risky.getOrDefault("pressure", 0) >= 10 && risky.getOrDefault("overpromise", 0) >= 10, risky.toString());
        assertTrue(safe >= 10, "polite look-alikes: " + safe);
        assertTrue(versions >= 30, "judged versions: " + versions);
    }

    @TestFactory
    List<DynamicTest> firstSuggestionIsTheJudgedOneOrNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] r : rows) {
            tests.add(DynamicTest.dynamicTest(r[2] + ": " + r[4], () -> {
                assertEquals("ru", r[1]);
                CheckResult c = engine.check(r[4]);
                if (r[0].equals("safe")) {
                    assertFalse(c.risky(), "false alarm: " + c.findings());
                    return;
                }
                assertTrue(c.risky(), "not found");
                if (r[5].equals("-")) {
                    assertTrue(c.suggestions().isEmpty(), "nothing should be offered, got " + c.suggestions());
                    return;
                }
                assertFalse(c.suggestions().isEmpty(), "nothing offered");
                String first = c.suggestions().get(0);
                assertEquals(r[5], first, "all: " + c.suggestions());
                assertFalse(engine.check(first).risky(), "the version is risky itself: " + engine.check(first).findings());
                for (String number : r[4].replaceAll("[^0-9]+", " ").strip().split(" ")) {
                    assertTrue(number.isEmpty() || first.contains(number), "lost " + number);
                }
                for (String k : r[3].isEmpty() ? new String[0] : r[3].split(",")) {
                    assertTrue(first.contains(k), "lost «" + k + "»");
                }
            }));
        }
        return tests;
    }
}
