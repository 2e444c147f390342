package coach.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.text.Lang;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchEngineTest {
    static SearchEngine engine;

    @BeforeAll
    static void build() {
        engine = SearchEngine.build(TestKb.kb());
    }

    static List<String> analyze(CoachAnalyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void russianAnalysisKeepsNegationAndPronounsAndFoldsYo() throws IOException {
        List<String> t = analyze(new CoachAnalyzer(Lang.RU), "Я не обещаю вам ещё");
        assertTrue(t.contains("я"), t.toString());
        assertTrue(t.contains("не"), t.toString());
        assertTrue(t.contains("вам"), t.toString());
        assertTrue(t.stream().anyMatch(s -> s.startsWith("ещ") || s.startsWith("еще")), t.toString());
        assertEquals(analyze(new CoachAnalyzer(Lang.RU), "учёт"), analyze(new CoachAnalyzer(Lang.RU), "учет"));
    }

    private static String top(String q) {
        List<Hit> hits = engine.search(q);
        assertFalse(hits.isEmpty(), "no hits for " + q);
        return hits.get(0).id();
    }

    @Test
    void findsThePrincipleForCommonQuestions() {
        assertEquals("complaints.timely-response", top("клиент жалуется на задержку"));
        assertEquals("personalization.crm", top("как вести CRM"));
        assertEquals("expectations.realistic-promises", top("не обещать лишнего"));
        assertEquals("principles.politeness", top("politeness and respect"));
    }

    @Test
    void synonymsMapClientVocabularyOntoTheGuide() {
        List<String> ids = engine.search("клиент прислал претензию").stream().map(Hit::id).toList();
        assertTrue(ids.subList(0, 3).stream().anyMatch(id -> id.startsWith("complaints.")), ids.toString());
        List<String> fb = engine.search("как собрать фидбек").stream().map(Hit::id).toList();
        assertTrue(fb.subList(0, 3).contains("expectations.regular-feedback"), fb.toString());
    }

    @Test
    void snippetHighlightsMatchesInsideTheSentence() {
        Hit h = engine.search("жалоба").get(0);
        assertFalse(h.snippet().highlights().isEmpty());
        for (Snippet.Span s : h.snippet().highlights()) {
            String marked = h.snippet().text().substring(s.start(), s.end()).toLowerCase();
            assertTrue(marked.startsWith("жалоб"), marked);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "AND (", "*", "\"", "~", "title_ru:жалоба", "a OR b AND NOT (c", "\u0000\u0001\u0007",
        "😀😀😀", "жалоба 😀 complaint", "[[[]]]{}^", "\\", "?", "клиент~2 /регулярка/"})
    void badInputNeverThrows(String q) {
        List<Hit> hits = engine.search(q);
        assertTrue(hits.size() <= SearchEngine.MAX_HITS);
    }

    @Test
    void hugeQueryIsCutNotRejected() {
        String q = "жалоба клиента и задержка ответа ".repeat(4000);
        assertTrue(q.length() > 100_000);
        long t0 = System.nanoTime();
        List<Hit> hits = engine.search(q);
        assertFalse(hits.isEmpty());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "must not hang");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            many.append("слово").append(i).append(' ');
        }
        engine.search(many.toString());
    }
}
