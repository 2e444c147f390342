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
 */
record QuizState(Phase phase, int index, List<List<String>> covered, List<Integer> total) {
    static final int FORMAT = 1;

    enum Phase { QUESTION, TASK }

    static QuizState start() {
        return new QuizState(Phase.QUESTION, 0, List.of(), List.of());
    }

    QuizState answered(List<String> coveredIds, int points, int questions) {
        List<List<String>> c = new ArrayList<>(covered);
        c.add(List.copyOf(coveredIds));
        List<Integer> t = new ArrayList<>(total);
        t.add(points);
        int next = index + 1;
        return new QuizState(next < questions ? Phase.QUESTION : Phase.TASK, next, List.copyOf(c), List.copyOf(t));
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
        return new QuizState(phase, index, List.copyOf(covered), List.copyOf(total));
    }
}
