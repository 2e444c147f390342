package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Russian deflect, blame, refuse and jargon on messages we wrote ourselves (never taken from a dev set), test resource
 * {@code phrasing/authored-fdef.tsv}: label, lang, category, keep, text, first. Checked by the whole engine (rules and
 * tone model) as {@link AuthoredRuJargonDeflectRefuseTest} checks its set. Among them: a deflection to our own partner,
 * contractor or carrier gets nothing («…лаборатория-партнёр, мы за их работу не отвечаем»: the writer takes it on);
 * «потому что вы …» and «мы же предупреждали» get nothing (a passive or «обратите внимание» still blames or lectures);
 * «вы не предупредили, что …» → «мы не знали, что …»; «надо было читать договор» → the place and an offer to explain;
 * a negated command is no redirect («Не звоните в банк: справку мы запросили сами»); «висят на сайте» →
 * «опубликованы на сайте»; a suggestion that keeps an unexplained term («редлайн», «БД», «ОМС», «КП») is withheld.
 */
class AuthoredFdefTest {
    private static final String RESOURCE = "authored-fdef.tsv";
    private static PhrasingEngine engine;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws IOException {
        engine = PhrasingEngine.load(TestKb.kb());
        rows = AuthoredLines.read(RESOURCE, 6);
    }

    @Test
    void everyRiskyLineIsFoundAndEveryPoliteOneLeftAlone() {
        Map<String, Integer> risky = new TreeMap<>();
        for (String[] r : rows) {
            assertEquals("ru", r[1], RESOURCE + ": " + r[4]);
            CheckResult c = engine.check(r[4]);
            if (r[0].equals("risky")) {
                risky.merge(r[2], 1, Integer::sum);
                assertTrue(c.findings().stream().anyMatch(f -> f.category().equals(r[2])), RESOURCE + ": missed " + r[2] + ": " + r[4] + " " + c.findings());
            } else {
                assertEquals("safe", r[0], RESOURCE + ": label of " + r[4]);
                assertFalse(c.risky(), RESOURCE + ": false alarm: " + r[4] + " " + c.findings());
            }
        }
        assertEquals(List.of("blame", "deflect", "jargon", "refuse"), List.copyOf(risky.keySet()));
        risky.forEach((k, n) -> assertTrue(n >= 4, k + ": only " + n + " risky lines"));
    }

    @Test
    void firstSuggestionsAreTheJudgedOnesAndSafe() {
        int judged = 0;
        for (String[] r : rows) {
            if (!r[0].equals("risky")) {
                continue;
            }
            CheckResult c = engine.check(r[4]);
            String where = RESOURCE + ": " + r[4];
            if (r[5].equals("-")) {
                assertTrue(c.suggestions().isEmpty(), where + " → no version should be offered, got " + c.suggestions());
                judged++;
                continue;
            }
            if (!r[5].isEmpty()) {
                assertFalse(c.suggestions().isEmpty(), where + " → nothing offered");
                assertEquals(r[5], c.suggestions().get(0), where);
                judged++;
            }
            if (c.suggestions().isEmpty()) {
                continue;
            }
            String first = c.suggestions().get(0);
            assertFalse(engine.check(first).risky(), where + " → " + first + " → " + engine.check(first).findings());
            for (String number : r[4].replaceAll("[^0-9]+", " ").strip().split(" ")) {
                assertTrue(number.isEmpty() || first.contains(number), where + " → " + first + ": lost " + number);
            }
            for (String k : r[3].isEmpty() ? new String[0] : r[3].split(",")) {
                assertTrue(first.contains(k), where + " → " + first + ": lost «" + k + "»");
            }
            assertTrue(count(first.toLowerCase(), "к сожалению") <= Math.max(1, count(r[4].toLowerCase(), "к сожалению")),
                    where + " → «к сожалению» twice: " + first);
        }
        assertTrue(judged >= 40, RESOURCE + ": only " + judged + " lines with a judged first suggestion");
    }

    @Test
    void aVersionSaysWhereToTurnOnce() {
        assertTrue(PhrasingEngine.redirectsTwice("По возврату — лучше обратиться к банку. Можно связаться с ними напрямую."));
        assertFalse(PhrasingEngine.redirectsTwice("По возврату лучше обратиться к банку. Если нужно, я помогу составить обращение."));
        // two rules of one sentence (to-whom and contact-them-after) each bring their redirect: the message says it once
        for (String draft : new String[] {"По возврату — это к банку, звоните им сами.", "Насчёт пропуска — это к охране бизнес-центра, пишите им напрямую."}) {
            CheckResult c = engine.check(draft);
            assertTrue(c.risky(), draft);
            for (String v : c.suggestions()) {
                assertFalse(PhrasingEngine.redirectsTwice(v), draft + " → " + v);
            }
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
