package coach.drill;

import java.util.OptionalInt;

/** Where finished drills are recorded (the store's per-user progress); returns the user's previous best. */
@FunctionalInterface
public interface DrillResults {
    OptionalInt completed(String userId, String scenarioId, int score);

    DrillResults NONE = (user, scenario, score) -> OptionalInt.empty();
}
