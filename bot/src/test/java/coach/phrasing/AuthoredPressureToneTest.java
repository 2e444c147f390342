package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Russian pressure, rude, dismiss, vague, sarcasm and informal drafts we wrote ourselves (never taken from a dev set),
 * test resource {@code phrasing/authored-fpr.tsv} (label, lang, category, keep, text, first), checked by the whole
 * engine (rules, word lists and tone model). Where a stock version kept the pressure or changed the meaning, nothing is
 * offered ({@code -}): «Присылайте немедленно, иначе …», «нужен был вчера», «не надо … из-за мышки», «напишите потом»
 * without a time, «как сможем» / «когда руки дойдут», a thanks that stresses the wait, «Больше не пишите мне», «Какая
 * вам разница». Where the fact can stay without the pressure, the version says it calmly («у меня очередь из клиентов» →
 * «есть и другие заявки», «Если что, я позвоню» → «Если понадобится, …», «висит на сайте» → «есть на сайте»). Polite
 * look-alikes and a concrete «мастер позвонит завтра» ({@code safe}) are left alone.
 */
class AuthoredPressureToneTest {
    private static final String FILE = "authored-fpr.tsv";
    private static PhrasingEngine engine;
    private static List<String[]> rows;

    @BeforeAll
    static void load() throws Exception {
        engine = PhrasingEngine.load(TestKb.kb());
        rows = AuthoredLines.read(FILE, 6);
    }

    @Test
    void enoughLinesOfEveryCategoryAndLookAlikes() {
        assertTrue(rows.size() >= 40, rows.size() + " lines");
        for (String c : List.of("pressure", "rude", "dismiss", "vague", "sarcasm", "overpromise", "informal")) {
            assertTrue(rows.stream().filter(r -> r[0].equals("risky") && r[2].equals(c)).count() >= 4, c);
        }
        assertTrue(rows.stream().filter(r -> r[0].equals("safe")).count() >= 8, "look-alikes");
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
        int withheld = 0;
        for (String[] r : rows) {
            if (!r[0].equals("risky")) {
                continue;
            }
            CheckResult c = engine.check(r[4]);
            if (r[5].equals("-")) {
                assertTrue(c.suggestions().isEmpty(), r[4] + ": nothing may be offered, got " + c.suggestions());
                assertTrue(c.findings().stream().anyMatch(f -> !f.rewritable()), r[4] + ": the finding says to rephrase by hand");
                withheld++;
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
        assertTrue(withheld >= 15, withheld + " withheld");
    }

    @Test
    void aRegisterRewriteDropsHypeEmojiButKeepsOthers() {
        assertEquals("Документы подали, ждём ответа.", SentenceRewriter.withoutChatSmileys("Документы подали, ждём ответа 🔥🔥"));
        assertEquals("Номер подтвердили, отдыхайте.", SentenceRewriter.withoutChatSmileys("Номер подтвердили, отдыхайте 🏖️"));
        assertEquals("Готово 🎉", SentenceRewriter.withoutChatSmileys("Готово 🎉"));
        assertEquals("Звоните 📞 +7 900 000-00-00", SentenceRewriter.withoutChatSmileys("Звоните 📞 +7 900 000-00-00"));
    }
}
