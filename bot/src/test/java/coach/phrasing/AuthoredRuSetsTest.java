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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Russian authored sets, one runner: jargon, deflect and refuse on messages we wrote ourselves (never taken from a dev set), test resource
 * {@code phrasing/authored-ru-jdr.tsv}: label, lang, category, keep, text, first. Checked by the whole engine (rules and
 * tone model): every risky line is found, every polite look-alike ({@code safe}) is left alone; where {@code first} is
 * given the first suggestion is exactly that (judged sendable as is), {@code -} means nothing may be offered. Every first
 * suggestion offered checks clean, keeps the numbers and the words of {@code keep}, and says «к сожалению» at most once.
 * Among them: jargon inflected through the lexicon («по таймингу» → «по графику», «кандов» → «кандидатов»), a redirect
 * said once («— лучше обратиться к таксопарку» and no «Можно связаться с ним напрямую» after it), no stock sentence
 * between a redirect and the sentence that goes on with it.
 *
 * <p>The same checks run on {@code phrasing/authored-fdef.tsv} (deflect, blame, refuse, jargon): a deflection to our own
 * partner, contractor or carrier gets nothing («…лаборатория-партнёр, мы за их работу не отвечаем»: the writer takes it
 * on); «потому что вы …» and «мы же предупреждали» get nothing (a passive or «обратите внимание» still blames or
 * lectures); «вы не предупредили, что …» → «мы не знали, что …»; «надо было читать договор» → the place and an offer to
 * explain; a negated command is no redirect («Не звоните в банк: справку мы запросили сами»); «висят на сайте» →
 * «опубликованы на сайте»; a suggestion that keeps an unexplained term («редлайн», «БД», «ОМС», «КП») is withheld.
 *
 * <p>And on {@code phrasing/authored-fpr.tsv} (pressure, rude, dismiss, vague, sarcasm, overpromise, informal): where a
 * stock version kept the pressure or changed the meaning, nothing is offered («Присылайте немедленно, иначе …», «нужен
 * был вчера», «как сможем», «Больше не пишите мне», «Какая вам разница»); where the fact can stay without the pressure,
 * the version says it calmly («у меня очередь из клиентов» → «есть и другие заявки», «висит на сайте» → «есть на
 * сайте»). And on {@code phrasing/authored-ru-sar.tsv} (sarcasm, insult): a mocking opener goes when the rest is a whole
 * sentence («Браво, платёж поступил» → «Платёж поступил»), «спасибо, что наконец…» becomes plain thanks, a label
 * between subject and verb goes alone, an insult inside its clause takes its neutral word; where the insult is the
 * judgement itself («нужно быть идиотом…») nothing is offered. Where nothing is offered, the report says what to
 * rephrase by hand (a finding marked not rewritable, or the sentence the last gate doubted).
 */
class AuthoredRuSetsTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    /** Each set, the categories its risky lines cover and the fewest risky lines per category. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"authored-ru-jdr.tsv;deflect,jargon,refuse;10", "authored-fdef.tsv;blame,deflect,jargon,refuse;4",
            "authored-fpr.tsv;dismiss,informal,overpromise,pressure,rude,sarcasm,vague;4", "authored-ru-sar.tsv;insult,sarcasm;15"})
    void everyRiskyLineIsFoundAndEveryPoliteOneLeftAlone(String resource, String categories, int least) throws IOException {
        List<String[]> rows = AuthoredLines.read(resource, 6);
        Map<String, Integer> risky = new TreeMap<>();
        for (String[] r : rows) {
            assertEquals("ru", r[1], resource + ": " + r[4]);
            CheckResult c = engine.check(r[4]);
            if (r[0].equals("risky")) {
                risky.merge(r[2], 1, Integer::sum);
                assertTrue(c.findings().stream().anyMatch(f -> f.category().equals(r[2])), resource + ": missed " + r[2] + ": " + r[4] + " " + c.findings());
            } else {
                assertEquals("safe", r[0], resource + ": label of " + r[4]);
                assertFalse(c.risky(), resource + ": false alarm: " + r[4] + " " + c.findings());
            }
        }
        assertEquals(List.of(categories.split(",")), List.copyOf(risky.keySet()));
        risky.forEach((k, n) -> assertTrue(n >= least, k + ": only " + n + " risky lines"));
    }

    @ParameterizedTest
    @CsvSource({"authored-ru-jdr.tsv", "authored-fdef.tsv", "authored-fpr.tsv", "authored-ru-sar.tsv"})
    void firstSuggestionsAreTheJudgedOnesAndSafe(String resource) throws IOException {
        List<String[]> rows = AuthoredLines.read(resource, 6);
        int judged = 0;
        for (String[] r : rows) {
            if (!r[0].equals("risky")) {
                continue;
            }
            CheckResult c = engine.check(r[4]);
            String where = resource + ": " + r[4];
            if (r[5].equals("-")) {
                assertTrue(c.suggestions().isEmpty(), where + " → no version should be offered, got " + c.suggestions());
                // the report says what to rephrase by hand: a finding marked so, or the sentence the last gate doubted
                assertTrue(c.findings().stream().anyMatch(f -> !f.rewritable()) || !c.doubtful().isEmpty(), where + ": nothing says what to rephrase by hand");
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
        assertTrue(judged >= 40, resource + ": only " + judged + " lines with a judged first suggestion");
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
