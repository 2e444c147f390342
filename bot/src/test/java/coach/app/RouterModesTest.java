package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.KnowledgeBase;
import coach.phrasing.PhrasingEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The router on a labelled set of its own (routing/modes.tsv): drafts, questions and small talk in varied wording. */
class RouterModesTest {
    static QuestionOrDraftRouter router;

    @BeforeAll
    static void load() {
        KnowledgeBase kb = KnowledgeBase.load(TestKb.source());
        PhrasingEngine engine = PhrasingEngine.load(kb);
        router = new QuestionOrDraftRouter(kb, t -> engine.check(t).risky());
    }

    record Line(String label, String text) {
    }

    static List<Line> lines() throws IOException {
        return lines("/routing/modes.tsv");
    }

    static List<Line> lines(String resource) throws IOException {
        List<Line> out = new ArrayList<>();
        try (var in = RouterModesTest.class.getResourceAsStream(resource)) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] p = l.split("\t", 2);
                out.add(new Line(p[0], p[1]));
            }
        }
        return out;
    }

    static String label(QuestionOrDraftRouter.Mode m) {
        return switch (m) {
            case DRAFT -> "draft";
            case QUESTION -> "question";
            case CHAT -> "chat";
        };
    }

    @Test
    void accuracyOnTheLabelledSet() throws IOException {
        List<Line> set = lines();
        assertTrue(set.size() >= 80, "the set has " + set.size() + " lines");
        assertAccuracy(set, 0.95);
    }

    /** A set never used to tune the cues: a lower bar, the figure is printed. */
    @Test
    void accuracyOnAFreshSet() throws IOException {
        assertAccuracy(lines("/routing/modes-fresh.tsv"), 0.85);
    }

    static void assertAccuracy(List<Line> set, double bar) {
        int right = 0;
        List<String> wrong = new ArrayList<>();
        java.util.Map<String, int[]> perLabel = new java.util.TreeMap<>();
        for (Line l : set) {
            QuestionOrDraftRouter.Guess g = router.guess(l.text());
            int[] c = perLabel.computeIfAbsent(l.label(), k -> new int[2]);
            c[1]++;
            if (label(g.mode()).equals(l.label())) {
                right++;
                c[0]++;
            } else {
                wrong.add(l.label() + " → " + label(g.mode()) + " (d" + g.draftScore() + " q" + g.questionScore() + "): " + l.text());
            }
        }
        double acc = right / (double) set.size();
        System.out.printf(Locale.ROOT, "router accuracy %.3f (%d/%d)%n", acc, right, set.size());
        perLabel.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s %d/%d%n", k, v[0], v[1]));
        wrong.forEach(w -> System.out.println("  miss " + w));
        assertTrue(acc >= bar, "accuracy " + acc + "; misses:\n" + String.join("\n", wrong));
        for (var e : perLabel.entrySet()) {
            assertTrue(e.getValue()[0] >= (bar - 0.05) * e.getValue()[1], e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DRAFT|Коллеги, когда вы пришлёте подписанный акт за март?",
        "DRAFT|Ну и когда вы наконец пришлёте акт?",
        "DRAFT|Ваш заказ готов",
        "QUESTION|клиент не отвечает две недели, что делать?",
        "CHAT|привет",
        "CHAT|что ты умеешь",
        "CHAT|помощь",
        "CHAT|меню",
        "CHAT|спасибо",
    })
    void theIssuesExamples(QuestionOrDraftRouter.Mode mode, String text) {
        assertEquals(mode, router.guess(text).mode(), text);
    }
}
