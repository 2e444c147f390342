package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.text.Lang;
import coach.text.Segments;
import coach.text.TextAnalyzer;
import coach.text.Token;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Splices that broke a sentence or lost its content, on messages we wrote ourselves ({@code authored-f-broken.tsv}:
 * label, category, text, first): a negated guarantee is no overpromise and «гарантированно» gets no fragment swap; a
 * clause that is the predicate of an earlier subject is never taken out; «когда-нибудь решим и сообщим» is not glued
 * (main: left to the writer); «к» after a number is a thousand only beside money; «лучше обратиться» never
 * joins a chain of imperatives; an English rule reports but never rewrites a Russian sentence; abbreviations neither
 * shout nor get lowered; an insult inside a hyphenated compound goes with its hyphen; texting leftovers («r», «c u»,
 * «sat») are written out or the version is withheld; a stock sentence never stands in for the case's own words.
 */
class AuthoredBrokenSplicesTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    @Test
    void everyLineIsFoundOrLeftAloneAndGetsTheEditorsFirstSuggestionOrNone() throws IOException {
        List<String[]> rows = AuthoredLines.read("authored-f-broken.tsv", 4);
        assertTrue(rows.size() >= 40, "too few lines: " + rows.size());
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            CheckResult res = engine.check(r[2]);
            if (r[0].equals("safe")) {
                if (res.risky()) {
                    wrong.add("false alarm: " + r[2] + " " + res.findings());
                }
                continue;
            }
            if (!res.risky()) {
                wrong.add("missed: " + r[2]);
                continue;
            }
            String first = res.suggestions().isEmpty() ? "-" : res.suggestions().get(0);
            if (!first.equals(r[3])) {
                wrong.add(r[2] + "\n   expected: " + r[3] + "\n   got:      " + first);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void noSuggestionCarriesABrokenSplice() throws IOException {
        for (String[] r : AuthoredLines.read("authored-f-broken.tsv", 4)) {
            for (String s : engine.check(r[2]).suggestions()) {
                assertFalse(s.contains("постараемся обеспечить не") || s.contains("постараемся обеспечить сда"), s);
                assertFalse(s.contains("-человек") || s.contains("лучше обратиться в поддержку") && s.contains("научитесь"), s);
                assertFalse(s.contains("consignment note") || s.contains("for handover"), s);
                assertFalse(s.matches(".*№ \\d+ 000 ₽.*"), s);
            }
        }
    }

    @Test
    void anEnglishRuleReportsARussianSentenceButDoesNotRewriteIt() {
        CheckResult res = engine.check("Контейнер прибыл, отгрузка на условиях FCA Новороссийск, CMR пришлём вечером.");
        assertTrue(res.risky());
        assertTrue(res.findings().stream().allMatch(f -> f.rule().startsWith("en.") && !f.rewritable()), res.findings().toString());
        assertTrue(res.suggestions().isEmpty(), res.suggestions().toString());
        // the same rules still rewrite an English sentence
        CheckResult en = engine.check("Your goods will ship FCA Rotterdam, the CMR follows tonight.");
        assertTrue(en.findings().stream().anyMatch(f -> f.rule().startsWith("en.jargon") && f.rewritable()), en.findings().toString());
    }

    private static Segments.Segment only(String s, List<Token> tokens) {
        List<Segments.Segment> ss = Segments.sentences(s, tokens);
        assertEquals(1, ss.size());
        return ss.get(0);
    }

    @Test
    void abbreviationsNeitherShoutNorGetLowered() {
        String s = "По ОСАГО: УУ откроем после извещения о ДТП, калькуляцию согласуем по ЕМ и выдадим направление на СТОА.";
        List<Token> t = TextAnalyzer.analyze(s);
        assertFalse(Shouting.shouts(t, only(s, t), Lang.RU));
        assertEquals(0, Shouting.capsWords(t, only(s, t), Lang.RU));
        assertEquals(s, Shouting.calm(s, Lang.RU));
        String loud = "ВЫ ДО СИХ ПОР НЕ ПРИСЛАЛИ АКТ СВЕРКИ по ЭДО.";
        List<Token> lt = TextAnalyzer.analyze(loud);
        assertTrue(Shouting.shouts(lt, only(loud, lt), Lang.RU));
        // short words beside a lowered one go with it; the abbreviation stays
        assertEquals("Вы до сих пор не прислали акт сверки по ЭДО.", Shouting.calm(loud, Lang.RU));
        String two = "Оплатите СЕГОДНЯ, это ВАЖНО.";
        List<Token> tt = TextAnalyzer.analyze(two);
        assertTrue(Shouting.shouts(tt, only(two, tt), Lang.RU));
    }
}
