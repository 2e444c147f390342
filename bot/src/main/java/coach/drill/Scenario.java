package coach.drill;

import coach.text.Lang;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A drill scenario, loaded from {@code knowledge-base/scenarios/<id>.yaml}: the client the coach plays,
 * the opening line, the turns with their model answers and reactions, and the rubric.
 */
public final class Scenario {
    private final String id;
    private final String titleRu;
    private final String titleEn;
    private final String topicId;
    private final String persona;
    private final String situation;
    private final String opening;
    private final Map<String, List<String>> variables;
    private final List<Criterion> rubric;
    private final List<Turn> turns;
    private final List<String> principleIds;

    Scenario(String id, String titleRu, String titleEn, String topicId, String persona, String situation, String opening,
             Map<String, List<String>> variables, List<Criterion> rubric, List<Turn> turns, List<String> principleIds) {
        this.id = id;
        this.titleRu = titleRu;
        this.titleEn = titleEn;
        this.topicId = topicId;
        this.persona = persona;
        this.situation = situation;
        this.opening = opening;
        this.variables = variables;
        this.rubric = rubric;
        this.turns = turns;
        this.principleIds = principleIds;
    }

    public String id() {
        return id;
    }

    public String title(Lang lang) {
        return lang == Lang.EN ? titleEn : titleRu;
    }

    /** The guide topic the scenario trains. */
    public String topicId() {
        return topicId;
    }

    /** Ids of the guide principles the scenario practises. */
    public List<String> principleIds() {
        return principleIds;
    }

    /** The rubric's criterion ids, in order. */
    public List<String> criterionIds() {
        return rubric.stream().map(Criterion::id).toList();
    }

    public int turnCount() {
        return turns.size();
    }

    String persona() {
        return persona;
    }

    String situation() {
        return situation;
    }

    String opening() {
        return opening;
    }

    List<Criterion> rubric() {
        return rubric;
    }

    List<Turn> turns() {
        return turns;
    }

    Map<String, List<String>> variables() {
        return variables;
    }

    /** The variable values of one run; the same seed always gives the same values. */
    Map<String, String> pick(long seed) {
        Random r = new Random(seed);
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((k, vs) -> out.put(k, vs.get(r.nextInt(vs.size()))));
        return out;
    }

    /** The first value of every variable: what the batch scorer fills into hints. */
    Map<String, String> defaults() {
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((k, vs) -> out.put(k, vs.get(0)));
        return out;
    }

    /** The client's line before turn {@code turn} (0-based), given the band of the previous answer. */
    String clientLine(int turn, Band previous) {
        return turn == 0 ? opening : turns.get(turn - 1).reactions().get(previous);
    }
}
