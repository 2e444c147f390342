package coach.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.store.Practice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryAndLeitnerTest {
    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    /** Results of one criterion, newest first, from (met, assessed) pairs given oldest first. */
    static List<Practice.CriterionResult> results(String id, int[]... oldestFirst) {
        List<Practice.CriterionResult> out = new ArrayList<>();
        for (int i = 0; i < oldestFirst.length; i++) {
            out.add(0, new Practice.CriterionResult("r" + i, id, oldestFirst[i][0], oldestFirst[i][1], T.plusSeconds(i)));
        }
        return out;
    }

    @Test
    void trendComparesTheNewerHalfOfTheLastRunsWithTheOlderHalf() {
        assertEquals(History.Trend.UP, History.trend(results("a", new int[]{0, 2}, new int[]{0, 2}, new int[]{2, 2}, new int[]{2, 2})));
        assertEquals(History.Trend.DOWN, History.trend(results("a", new int[]{2, 2}, new int[]{1, 1}, new int[]{0, 1})));
        assertEquals(History.Trend.STEADY, History.trend(results("a", new int[]{1, 2}, new int[]{1, 2})));
        assertEquals(History.Trend.NEW, History.trend(results("a", new int[]{1, 2})));
    }

    @Test
    void ratesUseOnlyTheLastRunsAndTheWeakestComesFirst() {
        List<Practice.CriterionResult> rs = new ArrayList<>();
        int[][] apology = new int[15][];
        for (int i = 0; i < 15; i++) {
            apology[i] = i < 5 ? new int[]{0, 1} : new int[]{1, 1}; // the five misses are older than the last ten runs
        }
        rs.addAll(results("apology", apology));
        rs.addAll(results("empathy", new int[]{0, 1}, new int[]{1, 1}));
        rs.addAll(results("polite", new int[]{1, 1}));
        History h = History.of(List.of(), rs);
        assertEquals(100, h.criterion("apology").orElseThrow().percent());
        assertEquals(10, h.criterion("apology").orElseThrow().runs());
        assertEquals(List.of("empathy"), h.weakest(2).stream().map(History.CriterionStat::criterionId).toList(), "fully met criteria are not weak spots");
    }

    @Test
    void bestAndLastScorePerScenario() {
        History h = History.of(List.of(
                new Practice.Run("3", Practice.DRILL, "a", 40, T.plusSeconds(3)),
                new Practice.Run("2", Practice.DRILL, "a", 80, T.plusSeconds(2)),
                new Practice.Run("1", Practice.DRILL, "b", 55, T.plusSeconds(1)),
                new Practice.Run("0", Practice.QUIZ, "q1", 0, T)), List.of());
        History.ScoreStat a = h.scores(Practice.DRILL).get(0);
        assertEquals(new History.ScoreStat("a", 2, 80, 40), a);
        assertEquals(2, h.scores(Practice.DRILL).size());
        assertEquals(58, h.average(Practice.DRILL));
    }

    @Test
    void leitnerBoxesAreOneThreeAndSevenDaysThenTheQuestionIsLearnt() {
        assertEquals(Optional.empty(), Leitner.next(Optional.empty(), 100, T), "answered well the first time: no review");
        Leitner.Step s1 = Leitner.next(Optional.empty(), 20, T).orElseThrow();
        assertEquals(new Leitner.Step(1, T.plus(Duration.ofDays(1))), s1);
        Leitner.Step s2 = Leitner.next(Optional.of(1), 80, T).orElseThrow();
        assertEquals(new Leitner.Step(2, T.plus(Duration.ofDays(3))), s2);
        assertEquals(new Leitner.Step(3, T.plus(Duration.ofDays(7))), Leitner.next(Optional.of(2), 80, T).orElseThrow());
        assertEquals(Optional.empty(), Leitner.next(Optional.of(3), 80, T), "learnt");
        assertEquals(1, Leitner.next(Optional.of(3), Leitner.PASS - 1, T).orElseThrow().box(), "a poor answer starts over");
        assertTrue(Leitner.next(Optional.of(2), Leitner.PASS, T).isPresent());
    }
}
