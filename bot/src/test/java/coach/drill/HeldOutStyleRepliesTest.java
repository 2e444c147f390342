package coach.drill;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generalisation check on replies written in the style of the eval sets but never used to tune the dev
 * score (test resource drill/extra-replies.tsv, labelled like drill-dev.tsv). Politeness is the phrasing
 * engine's call and is not measured here.
 */
class HeldOutStyleRepliesTest {
    static final List<String> CRITERIA = List.of("apology", "empathy", "clarify", "solution", "follow_up");

    @Test
    void everyPatternCriterionIsRightOnAtLeast95PercentOfTheExtraReplies() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/drill/extra-replies.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].split("\t", -1));
                }
            }
        }
        assertTrue(rows.size() >= 80, "rows: " + rows.size());
        Drills drills = Drills.load(TestKb.kb(), Chat.RUDE);
        Scenario s = drills.scenario(Drills.COMPLAINT_SCENARIO).orElseThrow();
        StringBuilder report = new StringBuilder();
        boolean ok = true;
        for (int c = 0; c < CRITERIA.size(); c++) {
            int right = 0;
            List<String> misses = new ArrayList<>();
            for (String[] row : rows) {
                Map<String, Boolean> got = drills.scorer().assess(s, row[6]).criteria();
                if (got.get(CRITERIA.get(c)) == row[c].equals("1")) {
                    right++;
                } else {
                    misses.add("  want " + row[c] + ": " + row[6]);
                }
            }
            double acc = (double) right / rows.size();
            ok &= acc >= 0.95;
            report.append(CRITERIA.get(c)).append(' ').append(String.format("%.3f", acc)).append('\n');
            misses.forEach(m -> report.append(m).append('\n'));
        }
        assertTrue(ok, report.toString());
    }

    @Test
    void fullRubricRepliesOutscoreEveryRudeOne() throws IOException {
        Drills drills = Drills.load(TestKb.kb(), Chat.RUDE);
        Scenario s = drills.scenario(Drills.COMPLAINT_SCENARIO).orElseThrow();
        int full = drills.scorer().assess(s, "Простите нас, пожалуйста, понимаю ваше разочарование. Что именно не так? "
                + "Переделаем бесплатно до пятницы, а потом я уточню, всё ли вас устраивает.").score();
        assertTrue(full == 100, "full: " + full);
        for (String rude : List.of("Вы сами виноваты, надо было читать договор.", "Это не наша проблема.",
                "Извините, понимаю, что именно не так? Переделаем бесплатно, а потом уточню, довольны ли вы. Но вы сами виноваты.")) {
            int score = drills.scorer().assess(s, rude).score();
            assertTrue(score <= 40 && score < full, rude + " → " + score);
        }
    }
}
