package coach.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of the self-check quiz as JSON. The machine:
 * <pre>
 *   start ──► QUESTION(0) ──answer──► QUESTION(1) … ──► TASK ──answer──► (session ends)
 * </pre>
 *
 * @param index   the question awaited (QUESTION), or the number of questions (TASK)
 * @param covered key point ids named in each answered question
 * @param total   key points of each answered question
 * @param review  the question indices of a review round (questions answered poorly before, due again), which
 *                has no task; empty for the whole self-check
 */
record QuizState(Phase phase, int index, List<List<String>> covered, List<Integer> total, List<Integer> review) {
    static final int FORMAT = 1;

    enum Phase { QUESTION, TASK }

    static QuizState start() {
        return new QuizState(Phase.QUESTION, 0, List.of(), List.of(), List.of());
    }

    /** A review round over these question indices (0-based), in this order. */
    static QuizState review(List<Integer> questions) {
        return new QuizState(Phase.QUESTION, 0, List.of(), List.of(), List.copyOf(questions));
    }

    boolean isReview() {
        return !review.isEmpty();
    }

    /** The 0-based index of the question awaited, in the quiz's list. */
    int question() {
        return isReview() ? review.get(index) : index;
    }

    /** Questions in this round. */
    int questions(int all) {
        return isReview() ? review.size() : all;
    }

    QuizState answered(List<String> coveredIds, int points, int questions) {
        List<List<String>> c = new ArrayList<>(covered);
        c.add(List.copyOf(coveredIds));
        List<Integer> t = new ArrayList<>(total);
        t.add(points);
        int next = index + 1;
        return new QuizState(next < questions ? Phase.QUESTION : Phase.TASK, next, List.copyOf(c), List.copyOf(t), review);
    }

    int coveredCount() {
        return covered.stream().mapToInt(List::size).sum();
    }

    int totalCount() {
        return total.stream().mapToInt(Integer::intValue).sum();
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", FORMAT);
        o.put("phase", phase.name());
        o.put("index", index);
        if (isReview()) {
            ArrayNode r = o.putArray("review");
            review.forEach(r::add);
        }
        ArrayNode answers = o.putArray("answers");
        for (int i = 0; i < covered.size(); i++) {
            ObjectNode a = answers.addObject();
            ArrayNode ids = a.putArray("covered");
            covered.get(i).forEach(ids::add);
            a.put("total", total.get(i));
        }
        return o;
    }

    static QuizState fromJson(ObjectNode o) {
        if (o == null || o.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException("not a quiz state of format " + FORMAT);
        }
        List<List<String>> covered = new ArrayList<>();
        List<Integer> total = new ArrayList<>();
        for (JsonNode a : o.path("answers")) {
            List<String> ids = new ArrayList<>();
            a.path("covered").forEach(x -> ids.add(x.asText()));
            covered.add(List.copyOf(ids));
            total.add(a.path("total").asInt());
        }
        Phase phase = Phase.valueOf(o.path("phase").asText());
        int index = o.path("index").asInt(-1);
        if (index != covered.size()) {
            throw new IllegalArgumentException("index " + index + " does not follow " + covered.size() + " answers");
        }
        List<Integer> review = new ArrayList<>();
        o.path("review").forEach(x -> review.add(x.asInt()));
        if (!review.isEmpty() && phase == Phase.QUESTION && index >= review.size()) {
            throw new IllegalArgumentException("review index " + index + " past " + review.size() + " questions");
        }
        return new QuizState(phase, index, List.copyOf(covered), List.copyOf(total), List.copyOf(review));
    }
}
