package coach.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.KnowledgeBase;
import coach.materials.MaterialCatalog;
import coach.text.Normalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search as a whole (intent model + Lucene, the prebuilt model of the build) on two labelled
 * sets: the situational dev set (colloquial, written before tuning, never trained on) and the shared
 * keyword-style dev set. Measured as score.py does: the rank of the first expected principle among
 * the principle hits, and for NONE rows whether no principle is offered.
 */
class IntentSearchTest {
    static KnowledgeBase kb;
    static SearchEngine engine;

    @BeforeAll
    static void build() {
        kb = TestKb.kb();
        engine = SearchEngine.build(kb, MaterialCatalog.load(kb).searchDocs(kb));
    }

    record Row(String lang, String query, List<String> expected) {
    }

    record Scores(double ruHit1, double ruHit3, double enHit3, double noneRate, List<String> misses) {
    }

    static List<Row> read(String resource) throws IOException {
        try (InputStream in = IntentSearchTest.class.getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<Row> out = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                String[] c = l.split("\t");
                out.add(new Row(c[0], c[1], c[2].equals("NONE") ? List.of() : Arrays.stream(c[2].split("\\|")).map(IntentSearchTest::norm).toList()));
            }
            return out;
        }
    }

    static String norm(String s) {
        return Normalizer.norm(s).strip();
    }

    static Scores score(List<Row> rows) {
        int[] n = new int[2];
        int[] h1 = new int[2];
        int[] h3 = new int[2];
        int none = 0;
        int noneOk = 0;
        List<String> misses = new ArrayList<>();
        for (Row r : rows) {
            List<String> titles = engine.search(r.query()).stream().filter(h -> h.kind().equals("principle")).map(h -> norm(h.title())).toList();
            if (r.expected().isEmpty()) {
                none++;
                noneOk += titles.isEmpty() ? 1 : 0;
                if (!titles.isEmpty()) {
                    misses.add("ANSWERED " + r.query() + " -> " + titles.get(0));
                }
                continue;
            }
            int k = r.lang().equals("en") ? 1 : 0;
            n[k]++;
            int rank = -1;
            for (int i = 0; i < titles.size() && rank < 0; i++) {
                if (r.expected().contains(titles.get(i))) {
                    rank = i;
                }
            }
            h1[k] += rank == 0 ? 1 : 0;
            h3[k] += rank >= 0 && rank < 3 ? 1 : 0;
            if (rank != 0) {
                misses.add((rank < 0 ? "MISS " : "RANK" + (rank + 1) + " ") + r.query() + " -> " + titles.stream().limit(3).toList());
            }
        }
        return new Scores((double) h1[0] / Math.max(1, n[0]), (double) h3[0] / Math.max(1, n[0]), (double) h3[1] / Math.max(1, n[1]),
                none == 0 ? 1 : (double) noneOk / none, misses);
    }

    static void atLeast(double min, double value, String what, Scores s) {
        assertTrue(value >= min, String.format(Locale.ROOT, "%s %.3f < %.3f; misses:%n%s", what, value, min, String.join("\n", s.misses())));
    }

    @Test
    void situationalQuestionsFindTheirPrinciple() throws IOException {
        Scores s = score(read("/eval/search-situations.tsv"));
        atLeast(0.80, s.ruHit1(), "ru hit@1", s);
        atLeast(0.93, s.ruHit3(), "ru hit@3", s);
        atLeast(0.86, s.enHit3(), "en hit@3", s);
        atLeast(0.90, s.noneRate(), "none rate", s);
    }

    @Test
    void wordingCloseToTheGuideStillWins() throws IOException {
        Scores s = score(read("/eval/search-dev.tsv"));
        atLeast(0.95, s.ruHit1(), "ru hit@1", s);
        atLeast(1.0, s.ruHit3(), "ru hit@3", s);
        atLeast(1.0, s.enHit3(), "en hit@3", s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"привет", "Привет!", "что ты умеешь?", "помощь", "меню", "спасибо", "hi", "what can you do", "thanks!"})
    void smallTalkIsNotSearched(String text) {
        assertTrue(engine.isSmallTalk(text), text);
        assertEquals(List.of(), engine.search(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"привет, клиент грубит в чате, что ответить?", "как ответить на жалобу", "клиент не отвечает на письма уже две недели, что делать?",
        "the client keeps adding scope mid-project"})
    void questionsAreNotSmallTalk(String text) {
        assertFalse(engine.isSmallTalk(text), text);
        assertFalse(engine.search(text).isEmpty(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"какой пароль от вайфая в офисе?", "как провести накладную в 1С", "where do I get a new laptop charger"})
    void questionsTheGuideDoesNotAnswerGetNoHits(String text) {
        assertEquals(List.of(), engine.search(text), text);
    }

    @Test
    void atMostFiveHitsBestFirstAndNoExampleInTheSnippet() {
        List<Hit> hits = engine.search("клиент жалуется на задержку и требует компенсацию");
        assertTrue(hits.size() <= SearchEngine.MAX_HITS && !hits.isEmpty());
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).score() >= hits.get(i).score(), "best first");
        }
        for (Hit h : hits) {
            kb.principle(h.id()).ifPresent(p -> assertFalse(p.example().contains(h.snippet().text()), "the snippet is not the example: " + h.snippet().text()));
        }
    }

    @Test
    void englishQueriesGetEnglishSnippets() {
        Hit h = engine.search("the customer wants a refund").get(0);
        assertFalse(h.snippet().text().chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC), h.snippet().text());
    }
}
