package coach.drill;

import coach.text.Lang;
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
 * @param lang    the language of the run (its texts, variable values and the patterns replies are scored with)
 * @param client  the client's last message (what a resumed drill repeats); null before the opening is rendered
 */
record DrillState(String scenario, long seed, Map<String, String> vars, Phase phase, int turn, List<TurnResult> results,
                  Lang lang, String client) {
    static final int FORMAT = 1;

    enum Phase { ANSWERING }

    /**
     * The verdict of one answered turn: met and missed are the criteria the turn expects; {@code anyMet} every
     * criterion of the rubric the reply met (whole-conversation criteria count wherever they are made).
     */
    record TurnResult(int score, List<String> met, List<String> missed, List<String> anyMet, String reaction) {
        TurnResult(int score, List<String> met, List<String> missed) {
            this(score, met, missed, met, null);
        }

        Band band() {
            return Band.of(score);
        }
    }

    static DrillState start(Scenario s, long seed) {
        return start(s, seed, Lang.RU);
    }

    static DrillState start(Scenario s, long seed, Lang lang) {
        Map<String, String> vars = s.pick(seed, lang);
        return new DrillState(s.id(), seed, vars, Phase.ANSWERING, 0, List.of(), lang, Template.fill(s.opening(lang), vars));
    }

    DrillState answered(TurnResult r) {
        List<TurnResult> rs = new ArrayList<>(results);
        rs.add(r);
        return new DrillState(scenario, seed, vars, Phase.ANSWERING, turn + 1, List.copyOf(rs), lang, r.reaction());
    }

    /** The client's message that turn {@code i} (0-based) answered. */
    String clientBefore(Scenario s, int i) {
        if (i == 0) {
            return Template.fill(s.opening(lang), vars);
        }
        String r = i - 1 < results.size() ? results.get(i - 1).reaction() : null;
        return r != null ? r : client;
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
        o.put("lang", lang.code());
        if (client != null) {
            o.put("client", client);
        }
        ArrayNode rs = o.putArray("results");
        for (TurnResult r : results) {
            ObjectNode j = rs.addObject();
            j.put("score", r.score());
            r.met().forEach(j.putArray("met")::add);
            ArrayNode missed = j.putArray("missed");
            r.missed().forEach(missed::add);
            ArrayNode any = j.putArray("any_met");
            r.anyMet().forEach(any::add);
            if (r.reaction() != null) {
                j.put("reaction", r.reaction());
            }
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
            List<String> met = strings(r.path("met"));
            results.add(new TurnResult(r.path("score").asInt(), met, strings(r.path("missed")),
                    r.has("any_met") ? strings(r.path("any_met")) : met, r.path("reaction").isTextual() ? r.get("reaction").asText() : null));
        }
        Phase phase = Phase.valueOf(o.path("phase").asText());
        int turn = o.path("turn").asInt(-1);
        if (turn != results.size()) {
            throw new IllegalArgumentException("turn " + turn + " does not follow " + results.size() + " results");
        }
        Lang lang = Lang.fromCode(o.path("lang").asText("ru"));
        String client = o.path("client").isTextual() ? o.get("client").asText() : null;
        return new DrillState(o.get("scenario").asText(), o.path("seed").asLong(), vars, phase, turn, List.copyOf(results), lang, client);
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return List.copyOf(out);
    }
}
