package coach.progress;

import coach.drill.DrillResults;
import coach.drill.Drills;
import coach.store.Practice;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every finished drill and quiz answer with its per-criterion outcomes, schedules poorly
 * answered quiz questions for review, and tells /drill and /quiz what the history says. The personal
 * best shown after a drill stays with {@code best} (the store's progress items).
 */
final class Recorder implements DrillResults {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);

    private final ProgressFeature feature;
    private final Practice practice;
    private final Drills drills;
    private final DrillResults best;
    private final Clock clock;

    Recorder(ProgressFeature feature, Practice practice, Drills drills, DrillResults best, Clock clock) {
        this.feature = feature;
        this.practice = practice;
        this.drills = drills;
        this.best = best;
        this.clock = clock;
    }

    @Override
    public OptionalInt completed(String userId, String scenarioId, int score) {
        return best.completed(userId, scenarioId, score);
    }

    @Override
    public OptionalInt completed(String userId, String scenarioId, int score, Map<String, int[]> criteria) {
        practice.record(userId, Practice.DRILL, scenarioId, score, criteria, clock.instant());
        return best.completed(userId, scenarioId, score);
    }

    @Override
    public void quizAnswered(String userId, String itemId, int score, Map<String, int[]> criteria) {
        Instant now = clock.instant();
        practice.record(userId, Practice.QUIZ, itemId, score, criteria, now);
        if (drills.quizQuestionIndex(itemId) < 0) {
            return; // the task is practised as a drill, not reviewed
        }
        try {
            Optional<Integer> box = practice.review(userId, itemId).map(Practice.Review::box);
            Optional<Leitner.Step> step = Leitner.next(box, score, now);
            if (step.isPresent()) {
                practice.scheduleReview(userId, itemId, step.get().box(), step.get().due(), score);
            } else if (box.isPresent()) {
                practice.retireReview(userId, itemId);
            }
        } catch (RuntimeException e) {
            // the answer is recorded; only its review date is lost
            LOG.warn("could not schedule quiz review of {}: {}", itemId, e.getMessage());
        }
    }

    @Override
    public List<String> dueQuizItems(String userId) {
        return practice.dueReviews(userId, clock.instant()).stream().map(Practice.Review::itemId).toList();
    }

    @Override
    public Standing standing(String userId) {
        History h = feature.history(userId);
        Map<String, Integer> bests = new LinkedHashMap<>();
        for (History.ScoreStat s : h.scores(Practice.DRILL)) {
            bests.put(s.itemId(), s.best());
        }
        // personal bests kept before per-run history existed ("drill.<id>.best")
        feature.storedBests(userId).forEach((id, best) -> bests.merge(id, best, Math::max));
        String first = h.weakest(1).stream().findFirst().flatMap(c -> feature.trainingScenario(c.criterionId(), h)).orElse(null);
        return new Standing(bests, first);
    }
}
