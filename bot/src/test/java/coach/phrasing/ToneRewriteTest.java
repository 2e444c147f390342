package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.text.Segments;
import coach.text.TextAnalyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tone mechanisms of the rewriter on the real knowledge base: a listed word left out alone, verb templates. */
class ToneRewriteTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    private static String drop(String text, String word) {
        int at = text.indexOf(word);
        var seg = Segments.sentences(text, TextAnalyzer.analyze(text)).get(0);
        Rewriter.Edit e = SentenceRewriter.dropEdit(text, seg, at, at + word.length());
        return SentenceRewriter.tidy(Rewriter.apply(text, java.util.List.of(e)));
    }

    @Test
    void aWordLeftOutTakesItsSeparatorsWithIt() {
        assertEquals("Счёт пришёл вчера.", drop("Счёт, сука, пришёл вчера.", "сука"));
        assertEquals("Счёт пришёл вчера.", drop("Сука, счёт пришёл вчера.", "Сука"));
        assertEquals("Акт подписали.", drop("Акт подписали, гады.", "гады"));
    }

    private static String dropAfterAddress(String text, String piece) {
        int at = text.indexOf(piece);
        var tokens = TextAnalyzer.analyze(text);
        var seg = Segments.sentences(text, tokens).get(0);
        Rewriter.Edit e = SentenceRewriter.dropEdit(text, tokens, seg, at, at + piece.length());
        return SentenceRewriter.tidy(Rewriter.apply(text, java.util.List.of(e)));
    }

    @Test
    void aPieceLeftOutAfterTheClientsNameLeavesTheAddressItsComma() {
        assertEquals("Hi Anna, the gym is closed on Monday.", dropAfterAddress("Hi Anna, as I said, the gym is closed on Monday.", "as I said"));
        assertEquals("Ольга, счёт пришёл вчера.", dropAfterAddress("Ольга, блин, счёт пришёл вчера.", "блин"));
        assertEquals("The invoice is paid.", dropAfterAddress("The invoice, as I said, is paid.", "as I said"));
        assertEquals("Счёт пришёл вчера.", dropAfterAddress("Счёт, сука, пришёл вчера.", "сука"));
        var o = engine.check("Hi Tom, as I said, the office is closed on Monday.");
        assertEquals("Hi Tom, the office is closed on Monday.", o.suggestions().get(0));
    }

    @Test
    void onlyAWordThatStandsApartOrQualifiesTheNextIsDroppedAlone() {
        var t = TextAnalyzer.analyze("Не пишите мне эту хрень вечером.");
        int k = 0;
        while (!t.get(k).norm().equals("хрень")) {
            k++;
        }
        assertFalse(ToneFindings.droppableWord(t, k, k + 1), "a noun inside a clause takes its sentence, not a gap");
        var u = TextAnalyzer.analyze("Этот гребаный проездной не работает.");
        assertTrue(ToneFindings.droppableWord(u, 1, 2), "an adjective before its noun can go");
        var v = TextAnalyzer.analyze("Ты, бля, служил?");
        assertTrue(ToneFindings.droppableWord(v, 2, 3), "an interjection between commas can go");
    }

    @Test
    void verbTemplatesMakePoliteImperativesAndInflectALemmaLikeTheMarkedWord() {
        assertEquals("внесите задаток до пятницы", Templates.verbs("внесёте задаток до пятницы", "imp").orElseThrow());
        assertTrue(Templates.verbs("задаток до пятницы", "imp").isEmpty(), "no verb, no version");
        assertEquals("пришлите", Templates.likeMarked("прислать", "скиньте").orElseThrow());
        assertEquals("Пришлю", Templates.likeMarked("прислать", "Скину").orElseThrow());
        assertEquals("позвоню", Templates.likeMarked("позвонить", "наберу").orElseThrow(), "the surname reading of «наберу» is ignored");
    }

    @Test
    void anUltimatumBecomesARequestThatKeepsItsDeadline() {
        CheckResult r = engine.check("Если задаток не внесёте сегодня, квартиру отдадим другим.");
        assertEquals("Чтобы мы сохранили квартиру за вами, пожалуйста, внесите сегодня задаток.", r.suggestions().get(0));
        CheckResult s = engine.check("Счёт, сука, пришёл вчера.");
        assertFalse(s.suggestions().isEmpty() && s.suggestions().get(0).contains("сука"));
    }
}
