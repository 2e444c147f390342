package coach.progress;

import coach.store.Practice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a user's practice history says: for each criterion how often it was met in the user's last
 * runs and whether that is improving, and the best and last score per scenario. Pure computation over
 * rows read from {@link Practice}.
 */
final class History {
    /** A criterion's rate is taken over the user's last this many runs that assessed it. */
    static final int LAST_RUNS = 10;
    /** Percentage points between the older and the newer half of those runs that count as a change. */
    static final int TREND_POINTS = 10;

    enum Trend { UP, DOWN, STEADY, NEW }

    /** One criterion over the user's last runs: met in {@code met} of {@code assessed} turns. */
    record CriterionStat(String criterionId, int met, int assessed, int runs, Trend trend) {
        int percent() {
            return assessed == 0 ? 0 : Math.round(100f * met / assessed);
        }
    }

    /** A scenario (or quiz item): runs, best and last score. */
    record ScoreStat(String itemId, int runs, int best, int last) {
    }

    private final List<Practice.Run> runs;
    private final Map<String, CriterionStat> criteria;

    private History(List<Practice.Run> runs, Map<String, CriterionStat> criteria) {
        this.runs = runs;
        this.criteria = criteria;
    }

    /** From rows newest first, as {@link Practice} returns them. */
    static History of(List<Practice.Run> runs, List<Practice.CriterionResult> results) {
        Map<String, List<Practice.CriterionResult>> byCriterion = new LinkedHashMap<>();
        for (Practice.CriterionResult r : results) {
            List<Practice.CriterionResult> l = byCriterion.computeIfAbsent(r.criterionId(), k -> new ArrayList<>());
            if (l.size() < LAST_RUNS) {
                l.add(r);
            }
        }
        Map<String, CriterionStat> stats = new LinkedHashMap<>();
        byCriterion.forEach((id, rs) -> {
            int met = rs.stream().mapToInt(Practice.CriterionResult::met).sum();
            int assessed = rs.stream().mapToInt(Practice.CriterionResult::assessed).sum();
            stats.put(id, new CriterionStat(id, met, assessed, rs.size(), trend(rs)));
        });
        return new History(List.copyOf(runs), stats);
    }

    /** Newer half against older half of the runs (newest first); fewer than two runs is NEW. */
    static Trend trend(List<Practice.CriterionResult> newestFirst) {
        int n = newestFirst.size();
        if (n < 2) {
            return Trend.NEW;
        }
        List<Practice.CriterionResult> newer = newestFirst.subList(0, n / 2);
        List<Practice.CriterionResult> older = newestFirst.subList(n / 2, n);
        int delta = rate(newer) - rate(older);
        return delta >= TREND_POINTS ? Trend.UP : delta <= -TREND_POINTS ? Trend.DOWN : Trend.STEADY;
    }

    private static int rate(List<Practice.CriterionResult> rs) {
        int met = rs.stream().mapToInt(Practice.CriterionResult::met).sum();
        int assessed = rs.stream().mapToInt(Practice.CriterionResult::assessed).sum();
        return assessed == 0 ? 0 : Math.round(100f * met / assessed);
    }

    boolean isEmpty() {
        return runs.isEmpty() && criteria.isEmpty();
    }

    List<Practice.Run> runs() {
        return runs;
    }

    /** Criteria, weakest first (lowest rate; among equals the more often assessed, then by id). */
    List<CriterionStat> criteriaWeakestFirst() {
        List<CriterionStat> out = new ArrayList<>(criteria.values());
        out.sort(Comparator.comparingInt(CriterionStat::percent)
                .thenComparing(Comparator.comparingInt(CriterionStat::assessed).reversed())
                .thenComparing(CriterionStat::criterionId));
        return out;
    }

    /** The weakest criteria that are not fully met, at most {@code n}. */
    List<CriterionStat> weakest(int n) {
        return criteriaWeakestFirst().stream().filter(c -> c.percent() < 100).limit(n).toList();
    }

    Optional<CriterionStat> criterion(String id) {
        return Optional.ofNullable(criteria.get(id));
    }

    /** Per scenario (kind drill) or quiz item (kind quiz): runs, best and last score, most recent first. */
    List<ScoreStat> scores(String kind) {
        Map<String, int[]> acc = new LinkedHashMap<>(); // runs, best, last
        for (Practice.Run r : runs) {
            if (!r.kind().equals(kind)) {
                continue;
            }
            int[] a = acc.get(r.itemId());
            if (a == null) {
                acc.put(r.itemId(), new int[]{1, r.score(), r.score()});
            } else {
                a[0]++;
                a[1] = Math.max(a[1], r.score());
            }
        }
        List<ScoreStat> out = new ArrayList<>();
        acc.forEach((id, a) -> out.add(new ScoreStat(id, a[0], a[1], a[2])));
        return out;
    }

    int count(String kind) {
        return (int) runs.stream().filter(r -> r.kind().equals(kind)).count();
    }

    /** The average score of the runs of a kind, or -1 without runs. */
    int average(String kind) {
        return (int) Math.round(runs.stream().filter(r -> r.kind().equals(kind)).mapToInt(Practice.Run::score).average().orElse(-1));
    }
}
