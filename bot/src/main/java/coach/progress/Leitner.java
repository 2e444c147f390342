package coach.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leitner boxes for quiz questions: a question answered poorly goes to box 1 and comes back after a
 * day; answered well when it comes back it moves up (box 2 after 3 days, box 3 after 7 days) and
 * after box 3 it is learnt and leaves review; answered poorly again it starts over in box 1. A
 * question answered well the first time never enters review.
 */
final class Leitner {
    /** A question whose key points are covered at least this much (percent) counts as answered well. */
    static final int PASS = 60;
    static final Duration[] INTERVALS = {Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7)};

    /** Where an item goes: a box and when it is due, or out of review (empty). */
    record Step(int box, Instant due) {
    }

    private Leitner() {
    }

    /**
     * The next state of an item answered with {@code score} at {@code now}, from its current box
     * (empty: not in review). Empty result: not in review (any more).
     */
    static Optional<Step> next(Optional<Integer> currentBox, int score, Instant now) {
        boolean good = score >= PASS;
        if (!good) {
            return Optional.of(new Step(1, now.plus(INTERVALS[0])));
        }
        if (currentBox.isEmpty()) {
            return Optional.empty();
        }
        int box = currentBox.get() + 1;
        if (box > INTERVALS.length) {
            return Optional.empty();
        }
        return Optional.of(new Step(box, now.plus(INTERVALS[box - 1])));
    }
}
