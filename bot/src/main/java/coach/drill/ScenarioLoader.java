package coach.drill;

import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Loads and validates {@code knowledge-base/scenarios/*.yaml}; any mistake fails with file and line. */
final class ScenarioLoader {
    static final String DIR = "scenarios";
    static final int MIN_TURNS = 2;
    static final int MAX_TURNS = 4;
    /** Scenario ids go into button data ("/drill abandon <id>") which Telegram limits to 64 bytes. */
    static final Pattern SCENARIO_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final int MAX_ID = 40;
    private static final Set<String> FIELDS = Set.of("id", "title_ru", "title_en", "topic", "principles", "persona",
            "situation", "opening", "variables", "words", "rubric", "turns");
    private static final Set<String> TURN_FIELDS = Set.of("expects", "model_answer", "reactions");
    private static final Set<String> RESERVED = Set.of("abandon", "continue", "list");

    private ScenarioLoader() {
    }

    static Map<String, Scenario> loadAll(ContentSource source, KnowledgeBase kb) {
        Map<String, Scenario> out = new LinkedHashMap<>();
        for (String path : source.list(DIR, ".yaml")) {
            Scenario s = load(path, source.read(path), kb);
            out.put(s.id(), s);
        }
        return out;
    }

    static Scenario load(String file, String text, KnowledgeBase kb) {
        YamlDoc doc = YamlDoc.parse(file, text);
        YamlDoc.Node root = doc.root();
        root.onlyFields(FIELDS);
        String id = root.text("id");
        String expectedId = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.yaml$", "");
        if (!SCENARIO_ID.matcher(id).matches() || id.length() > MAX_ID || RESERVED.contains(id)) {
            throw root.error("id", "scenario id '" + id + "' must be lower-case latin letters and digits joined by '-', at most "
                    + MAX_ID + " characters, and not one of " + RESERVED);
        }
        if (!id.equals(expectedId)) {
            throw root.error("id", "scenario id '" + id + "' must equal the file name '" + expectedId + "'");
        }
        String titleRu = root.text("title_ru");
        String titleEn = root.text("title_en");
        String topic = root.text("topic");
        if (kb.topic(topic).isEmpty()) {
            throw root.error("topic", "unknown topic '" + topic + "' (see principles.yaml)");
        }
        List<String> principles = new ArrayList<>();
        for (YamlDoc.Node p : root.texts("principles", true)) {
            if (kb.principle(p.asText()).isEmpty()) {
                throw p.error("unknown principle id '" + p.asText() + "'");
            }
            principles.add(p.asText());
        }

        Map<String, List<String>> variables = new LinkedHashMap<>();
        for (Map.Entry<String, YamlDoc.Node> e : root.map("variables", false).entrySet()) {
            if (!e.getKey().matches("[a-z][a-z0-9_]*")) {
                throw e.getValue().error("variable name '" + e.getKey() + "' must be lower-case latin letters, digits and '_'");
            }
            YamlDoc.Node holder = new YamlDoc.Node(doc, root.json().get("variables"), "/variables");
            List<String> values = new ArrayList<>();
            holder.texts(e.getKey(), true).forEach(v -> values.add(v.asText()));
            variables.put(e.getKey(), List.copyOf(values));
        }

        String persona = templ(root, "persona", variables);
        String situation = templ(root, "situation", variables);
        String opening = templ(root, "opening", variables);

        Map<String, String> words = CriterionReader.words(root);
        Map<String, Criterion> rubric = new LinkedHashMap<>();
        for (YamlDoc.Node c : root.list("rubric", true)) {
            Criterion cr = CriterionReader.read(c, kb, true, words);
            if (rubric.put(cr.id(), cr) != null) {
                throw c.error("id", "criterion '" + cr.id() + "' is defined twice");
            }
            checkTemplate(c, "hint_ru", cr.hintRu(), variables);
            checkTemplate(c, "hint_en", cr.hintEn(), variables);
        }

        List<YamlDoc.Node> turnNodes = root.list("turns", true);
        if (turnNodes.size() < MIN_TURNS || turnNodes.size() > MAX_TURNS) {
            throw root.error("turns", "a scenario has " + MIN_TURNS + " to " + MAX_TURNS + " turns, not " + turnNodes.size());
        }
        List<Turn> turns = new ArrayList<>();
        Set<String> expectedSomewhere = new java.util.HashSet<>();
        for (YamlDoc.Node t : turnNodes) {
            if (!t.json().isObject()) {
                throw t.error("a turn must be a mapping with expects, model_answer and reactions");
            }
            t.onlyFields(TURN_FIELDS);
            List<Criterion> expects = new ArrayList<>();
            if (t.has("expects")) {
                for (YamlDoc.Node e : t.texts("expects", true)) {
                    Criterion c = rubric.get(e.asText());
                    if (c == null) {
                        throw e.error("turn expects '" + e.asText() + "', which is not a criterion of the rubric " + rubric.keySet());
                    }
                    if (expects.contains(c)) {
                        throw e.error("criterion '" + e.asText() + "' is listed twice");
                    }
                    expects.add(c);
                }
            } else {
                expects.addAll(rubric.values());
            }
            expects.forEach(c -> expectedSomewhere.add(c.id()));
            String model = templ(t, "model_answer", variables);
            Map<String, YamlDoc.Node> rs = t.map("reactions", true);
            Map<Band, String> reactions = new EnumMap<>(Band.class);
            for (Map.Entry<String, YamlDoc.Node> r : rs.entrySet()) {
                Band band = bandOf(r.getKey());
                if (band == null) {
                    throw r.getValue().error("reaction band '" + r.getKey() + "' must be weak, fair or good");
                }
                YamlDoc.Node holder = t.child("reactions");
                reactions.put(band, templ(holder, r.getKey(), variables));
            }
            for (Band b : Band.values()) {
                if (!reactions.containsKey(b)) {
                    throw t.error("reactions", "reactions need weak, fair and good; '" + b.key() + "' is missing");
                }
            }
            turns.add(new Turn(List.copyOf(expects), model, reactions));
        }
        for (Criterion c : rubric.values()) {
            if (!expectedSomewhere.contains(c.id())) {
                throw root.error("turns", "no turn expects criterion '" + c.id() + "'");
            }
        }
        return new Scenario(id, titleRu, titleEn, topic, persona, situation, opening, variables,
                List.copyOf(rubric.values()), List.copyOf(turns), List.copyOf(principles));
    }

    private static Band bandOf(String key) {
        for (Band b : Band.values()) {
            if (b.key().equals(key)) {
                return b;
            }
        }
        return null;
    }

    private static String templ(YamlDoc.Node n, String field, Map<String, List<String>> variables) {
        String t = n.text(field);
        checkTemplate(n, field, t, variables);
        return t;
    }

    private static void checkTemplate(YamlDoc.Node n, String field, String text, Map<String, List<String>> variables) {
        if (Template.hasStrayBraces(text)) {
            throw n.error(field, "malformed placeholder in '" + field + "': write {{name}}");
        }
        for (String v : Template.names(text)) {
            if (!variables.containsKey(v)) {
                throw n.error(field, "'" + field + "' uses {{" + v + "}}, which is not under 'variables'");
            }
        }
    }

    /** Fails when {@code required} is not among the loaded scenarios (the quiz task and the batch contract use it). */
    static void require(Map<String, Scenario> all, String required) {
        if (!all.containsKey(required)) {
            throw new ContentException(DIR + "/" + required + ".yaml", 0, "the scenario '" + required + "' is required but missing");
        }
    }
}
