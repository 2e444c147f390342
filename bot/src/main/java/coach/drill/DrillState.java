package coach.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one drill as JSON (kept by the session store, so a database store can resume it after a
 * restart). The machine has one waiting state per turn:
 * <pre>
 *   start ──► ANSWERING(turn 0) ──answer──► ANSWERING(turn 1) … ──last answer──► (session ends)
 *   an answer that is empty, too long or without words keeps the state; /cancel ends it at any time
 * </pre>
 *
 * @param vars    the variable values of this run (stored, so editing the lists does not change a drill in progress)
 * @param turn    the 0-based turn whose answer is awaited
 * @param results one entry per answered turn
 */
record DrillState(String scenario, long seed, Map<String, String> vars, Phase phase, int turn, List<TurnResult> results) {
    static final int FORMAT = 1;

    enum Phase { ANSWERING }

    /** The verdict of one answered turn. */
    record TurnResult(int score, List<String> met, List<String> missed) {
        Band band() {
            return Band.of(score);
        }
    }

    static DrillState start(Scenario s, long seed) {
        return new DrillState(s.id(), seed, s.pick(seed), Phase.ANSWERING, 0, List.of());
    }

    DrillState answered(TurnResult r) {
        List<TurnResult> rs = new ArrayList<>(results);
        rs.add(r);
        return new DrillState(scenario, seed, vars, Phase.ANSWERING, turn + 1, List.copyOf(rs));
    }

    ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("format", FORMAT);
        o.put("scenario", scenario);
        o.put("seed", seed);
        ObjectNode v = o.putObject("vars");
        vars.forEach(v::put);
        o.put("phase", phase.name());
        o.put("turn", turn);
        ArrayNode rs = o.putArray("results");
        for (TurnResult r : results) {
            ObjectNode j = rs.addObject();
            j.put("score", r.score());
            r.met().forEach(j.putArray("met")::add);
            ArrayNode missed = j.putArray("missed");
            r.missed().forEach(missed::add);
        }
        return o;
    }

    /** Reads a stored state; throws {@link IllegalArgumentException} when it is not one this version understands. */
    static DrillState fromJson(ObjectNode o) {
        if (o == null || o.path("format").asInt() != FORMAT || !o.path("scenario").isTextual()) {
            throw new IllegalArgumentException("not a drill state of format " + FORMAT);
        }
        Map<String, String> vars = new LinkedHashMap<>();
        o.path("vars").fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
        List<TurnResult> results = new ArrayList<>();
        for (JsonNode r : o.path("results")) {
            results.add(new TurnResult(r.path("score").asInt(), strings(r.path("met")), strings(r.path("missed"))));
        }
        Phase phase = Phase.valueOf(o.path("phase").asText());
        int turn = o.path("turn").asInt(-1);
        if (turn != results.size()) {
            throw new IllegalArgumentException("turn " + turn + " does not follow " + results.size() + " results");
        }
        return new DrillState(o.get("scenario").asText(), o.path("seed").asLong(), vars, phase, turn, List.copyOf(results));
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return List.copyOf(out);
    }
}
