package coach.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.text.Lang;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generalisation on replies written from the scenario briefs only (test resources drill/heldout and drill/fresh,
 * labelled like the eval sets, Russian and English rows), scored with the real politeness check; and English replies
 * that say the same as Russian ones score the same.
 */
class ScenarioRepliesTest {
    static final List<String> SCENARIOS = List.of("project-delay", "unrealistic-deadline", "waiting-for-answer", "changed-priorities",
            "changed-requirements", "partner-anniversary");
    static Drills drills;

    @BeforeAll
    static void load() {
        drills = Drills.load(TestKb.kb(), Coach.impoliteText(TestKb.kb()));
    }

    private static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = ScenarioRepliesTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            List<String[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(line.split("\t", -1));
                }
            }
            return out;
        }
    }

    @Test
    void everyCriterionIsRightOnAtLeast85PercentAndEachSetOn90PercentOfTheWrittenReplies() throws IOException {
        StringBuilder report = new StringBuilder();
        boolean ok = true;
        int sets = 0;
        for (String dir : List.of("heldout", "fresh")) {
            for (String id : SCENARIOS) {
                List<String[]> rows = rows("/drill/" + dir + "/drill-" + id + ".tsv");
                if (rows.isEmpty()) {
                    continue;
                }
                sets++;
                Scenario s = drills.scenario(id).orElseThrow();
                String[] head = rows.get(0);
                int n = head.length - 1;
                int[] right = new int[n];
                List<Integer> full = new ArrayList<>();
                List<Integer> none = new ArrayList<>();
                for (String[] row : rows.subList(1, rows.size())) {
                    String reply = row[n];
                    Assessment a = drills.scorer().assess(s, reply, Lang.detect(reply));
                    Map<String, Boolean> got = a.criteria();
                    boolean allOne = true;
                    boolean allZero = true;
                    for (int c = 0; c < n; c++) {
                        boolean want = row[c].equals("1");
                        allOne &= want;
                        allZero &= !want;
                        if (got.get(head[c]) == want) {
                            right[c]++;
                        } else {
                            report.append("  ").append(dir).append('/').append(id).append(' ').append(head[c]).append(" want ").append(row[c])
                                    .append(": ").append(reply).append('\n');
                        }
                    }
                    if (allOne) {
                        full.add(a.score());
                    }
                    if (allZero) {
                        none.add(a.score());
                    }
                }
                double macro = 0;
                for (int c = 0; c < n; c++) {
                    double acc = (double) right[c] / (rows.size() - 1);
                    macro += acc / n;
                    ok &= acc >= 0.85;
                    report.append(dir).append('/').append(id).append(' ').append(head[c]).append(String.format(" %.3f%n", acc));
                }
                ok &= macro >= 0.9;
                if (!full.isEmpty() && !none.isEmpty()) {
                    ok &= full.stream().mapToInt(Integer::intValue).min().getAsInt() > none.stream().mapToInt(Integer::intValue).max().getAsInt();
                }
            }
        }
        assertTrue(sets >= 10, "sets: " + sets);
        assertTrue(ok, report.toString());
    }

    @Test
    void englishRepliesScoreLikeTheirRussianTwins() throws IOException {
        List<String[]> rows = rows("/drill/english-pairs.tsv");
        assertTrue(rows.size() > 8, "pairs: " + rows.size());
        for (String[] row : rows.subList(1, rows.size())) {
            Scenario s = drills.scenario(row[0]).orElseThrow();
            Assessment ru = drills.scorer().assess(s, row[1], Lang.RU);
            Assessment en = drills.scorer().assess(s, row[2], Lang.EN);
            assertEquals(ru.criteria(), en.criteria(), row[1] + "\n" + row[2]);
            assertEquals(ru.score(), en.score(), row[2]);
        }
    }
}
