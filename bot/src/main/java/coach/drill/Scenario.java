package coach.drill;

import coach.text.Lang;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A drill scenario, loaded from {@code knowledge-base/scenarios/<id>.yaml}: the client the coach plays,
 * the opening line, the turns with their model answers and reactions, and the rubric, in Russian and English.
 * A run draws one value per variable (cause, term, item, name…); every text of the run is rendered from them.
 */
public final class Scenario {
    /** Persona, situation and opening in one language. */
    record Texts(String persona, String situation, String opening) {
    }

    private final String id;
    private final String titleRu;
    private final String titleEn;
    private final String topicId;
    private final Map<Lang, Texts> texts;
    /** Variable → its values in each language (the same index is the same fact). */
    private final Map<String, Map<Lang, List<String>>> variables;
    /** A linked fact → the variable it is drawn with (the same index). */
    private final Map<String, String> linked;
    private final List<Criterion> rubric;
    private final List<Turn> turns;
    private final List<String> principleIds;

    Scenario(String id, String titleRu, String titleEn, String topicId, Map<Lang, Texts> texts,
             Map<String, Map<Lang, List<String>>> variables, Map<String, String> linked, List<Criterion> rubric, List<Turn> turns, List<String> principleIds) {
        this.id = id;
        this.titleRu = titleRu;
        this.titleEn = titleEn;
        this.topicId = topicId;
        this.texts = texts;
        this.variables = variables;
        this.linked = linked;
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

    String persona(Lang lang) {
        return texts.get(lang).persona();
    }

    String situation(Lang lang) {
        return texts.get(lang).situation();
    }

    String opening(Lang lang) {
        return texts.get(lang).opening();
    }

    String persona() {
        return persona(Lang.RU);
    }

    String situation() {
        return situation(Lang.RU);
    }

    String opening() {
        return opening(Lang.RU);
    }

    List<Criterion> rubric() {
        return rubric;
    }

    List<Turn> turns() {
        return turns;
    }

    /** Variable names and how many values each has. */
    Map<String, Integer> variableSizes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        variables.forEach((k, v) -> out.put(k, v.get(Lang.RU).size()));
        return out;
    }

    /** The drawn value indexes of one run; the same seed always gives the same indexes. */
    Map<String, Integer> draw(long seed) {
        Random r = new Random(seed);
        Map<String, Integer> out = new LinkedHashMap<>();
        variables.forEach((k, vs) -> {
            if (!linked.containsKey(k)) {
                out.put(k, r.nextInt(vs.get(Lang.RU).size()));
            }
        });
        linked.forEach((k, parent) -> out.put(k, out.get(parent)));
        return out;
    }

    /** The values of drawn indexes in one language. */
    Map<String, String> values(Map<String, Integer> drawn, Lang lang) {
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((k, vs) -> out.put(k, vs.get(lang).get(drawn.getOrDefault(k, 0))));
        return out;
    }

    /** The Russian variable values of one run; the same seed always gives the same values. */
    Map<String, String> pick(long seed) {
        return values(draw(seed), Lang.RU);
    }

    Map<String, String> pick(long seed, Lang lang) {
        return values(draw(seed), lang);
    }

    /** The first value of every variable: what the batch scorer fills into hints. */
    Map<String, String> defaults() {
        return defaults(Lang.RU);
    }

    Map<String, String> defaults(Lang lang) {
        Map<String, Integer> first = new LinkedHashMap<>();
        variables.keySet().forEach(k -> first.put(k, 0));
        return values(first, lang);
    }

    /** Every combination of variable values (for the content test that renders each of them). */
    List<Map<String, Integer>> allDraws() {
        List<Map<String, Integer>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, Integer> e : variableSizes().entrySet()) {
            if (linked.containsKey(e.getKey())) {
                continue;
            }
            List<Map<String, Integer>> next = new ArrayList<>();
            for (Map<String, Integer> d : out) {
                for (int i = 0; i < e.getValue(); i++) {
                    Map<String, Integer> m = new LinkedHashMap<>(d);
                    m.put(e.getKey(), i);
                    next.add(m);
                }
            }
            out = next;
        }
        for (Map<String, Integer> d : out) {
            linked.forEach((k, parent) -> d.put(k, d.get(parent)));
        }
        return out;
    }

    static Map<Lang, Texts> texts(Texts ru, Texts en) {
        Map<Lang, Texts> m = new EnumMap<>(Lang.class);
        m.put(Lang.RU, ru);
        m.put(Lang.EN, en);
        return m;
    }
}
