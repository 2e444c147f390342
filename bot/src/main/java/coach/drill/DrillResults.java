package coach.drill;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where finished drills and quiz answers are recorded (the store's per-user progress), and what that
 * history tells the drills feature back: the previous best, the scenario to suggest first, the quiz
 * items due for review. By default nothing is kept.
 */
@FunctionalInterface
public interface DrillResults {
    /** A finished drill; returns the user's previous best in the scenario. */
    OptionalInt completed(String userId, String scenarioId, int score);

    /**
     * A finished drill with how often each rubric criterion was met over its turns (criterion id →
     * {met, assessed}); returns the previous best.
     */
    default OptionalInt completed(String userId, String scenarioId, int score, Map<String, int[]> criteria) {
        return completed(userId, scenarioId, score);
    }

    /**
     * An answered quiz item ({@link Drills#quizItemId question id} or {@link Drills#QUIZ_TASK}), scored
     * 0–100, with its key points or rubric criteria (id → {met, assessed}).
     */
    default void quizAnswered(String userId, String itemId, int score, Map<String, int[]> criteria) {
    }

    /** Quiz question ids due for review now, most overdue first. */
    default List<String> dueQuizItems(String userId) {
        return List.of();
    }

    /** The user's best score per scenario id, and the scenario that trains their weakest criterion (or null). */
    default Standing standing(String userId) {
        return Standing.NONE;
    }

    record Standing(Map<String, Integer> best, String first) {
        public static final Standing NONE = new Standing(Map.of(), null);
    }

    DrillResults NONE = (user, scenario, score) -> OptionalInt.empty();
}
