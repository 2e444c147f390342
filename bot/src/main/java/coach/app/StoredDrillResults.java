package coach.app;

import coach.drill.DrillResults;
import coach.store.Progress;
import java.util.OptionalInt;

/** Keeps each user's drill runs and best score per scenario in the store's progress table. */
final class StoredDrillResults implements DrillResults {
    private final Progress progress;

    StoredDrillResults(Progress progress) {
        this.progress = progress;
    }

    @Override
    public OptionalInt completed(String userId, String scenarioId, int score) {
        String best = "drill." + scenarioId + ".best";
        progress.add(userId, "drill." + scenarioId + ".runs", 1);
        OptionalInt previous = progress.get(userId, best).map(v -> {
            try {
                return OptionalInt.of(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }).orElse(OptionalInt.empty());
        if (previous.isEmpty() || score > previous.getAsInt()) {
            progress.put(userId, best, Integer.toString(score));
        }
        return previous;
    }
}
