package coach.drill;

import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.kb.Yaml;
import coach.text.Lang;
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
            "situation", "opening", "persona_en", "situation_en", "opening_en", "variables", "words", "rubric", "turns");
    private static final Set<String> TURN_FIELDS = Set.of("expects", "model_answer", "model_answer_en", "reactions");
    private static final Set<String> RESERVED = Set.of("abandon", "continue", "list");

    private ScenarioLoader() {
    }

    static Map<String, Scenario> loadAll(ContentSource source, KnowledgeBase kb) {
        return loadAll(source, kb, Slots.load(source));
    }

    static Map<String, Scenario> loadAll(ContentSource source, KnowledgeBase kb, Slots slots) {
        Map<String, Scenario> out = new LinkedHashMap<>();
        for (String path : source.list(DIR, ".yaml")) {
            Scenario s = load(path, source.read(path), kb, slots.names());
            out.put(s.id(), s);
        }
        return out;
    }

    static Scenario load(String file, String text, KnowledgeBase kb, Set<String> slotNames) {
        Yaml.Node root = Yaml.parseMapping(file, text);
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
        for (Yaml.Node p : root.texts("principles", true)) {
            if (kb.principle(p.asText()).isEmpty()) {
                throw p.error("unknown principle id '" + p.asText() + "'");
            }
            principles.add(p.asText());
        }

        Map<String, Map<Lang, List<String>>> variables = new LinkedHashMap<>();
        Map<String, String> linked = new LinkedHashMap<>();
        for (Map.Entry<String, Yaml.Node> e : root.map("variables", false).entrySet()) {
            if (!e.getKey().matches("[a-z][a-z0-9_]*")) {
                throw e.getValue().error("variable name '" + e.getKey() + "' must be lower-case latin letters, digits and '_'");
            }
            if (slotNames.contains(e.getKey())) {
                throw e.getValue().error("variable name '" + e.getKey() + "' is the name of a slot read from replies (" + Slots.FILE + ")");
            }
            Yaml.Node holder = root.get("variables");
            List<String> ru = new ArrayList<>();
            List<String> en = new ArrayList<>();
            // linked facts: extra keys of a value are variables drawn together with it (the item and its short name)
            Map<String, List<String>> linkedRu = new LinkedHashMap<>();
            Map<String, List<String>> linkedEn = new LinkedHashMap<>();
            List<Yaml.Node> values = holder.list(e.getKey(), true);
            for (int i = 0; i < values.size(); i++) {
                Yaml.Node v = values.get(i);
                if (v.isMap()) {
                    ru.add(v.text("ru"));
                    en.add(v.text("en"));
                    Set<String> keys = new java.util.LinkedHashSet<>();
                    keys.addAll(v.fields().keySet());
                    keys.remove("ru");
                    keys.remove("en");
                    if (i == 0) {
                        keys.forEach(k -> {
                            linkedRu.put(k, new ArrayList<>());
                            linkedEn.put(k, new ArrayList<>());
                        });
                    } else if (!keys.equals(linkedRu.keySet())) {
                        throw v.error("every value of '" + e.getKey() + "' must link the same facts " + linkedRu.keySet() + ", not " + keys);
                    }
                    for (String k : keys) {
                        Yaml.Node lv = v.get(k);
                        if (lv.isMap()) {
                            lv.onlyFields(Set.of("ru", "en"));
                            linkedRu.get(k).add(lv.text("ru"));
                            linkedEn.get(k).add(lv.text("en"));
                        } else {
                            linkedRu.get(k).add(v.text(k));
                            linkedEn.get(k).add(v.text(k));
                        }
                    }
                } else if (v.isScalar() && !v.asText().isBlank()) {
                    if (!linkedRu.isEmpty()) {
                        throw v.error("every value of '" + e.getKey() + "' must link the facts " + linkedRu.keySet());
                    }
                    ru.add(v.asText());
                    en.add(v.asText());
                } else {
                    throw v.error("a variable value is a text (the same in both languages) or a mapping with ru and en");
                }
            }
            Map<Lang, List<String>> m = new EnumMap<>(Lang.class);
            m.put(Lang.RU, List.copyOf(ru));
            m.put(Lang.EN, List.copyOf(en));
            variables.put(e.getKey(), m);
            for (String k : linkedRu.keySet()) {
                if (variables.containsKey(k) || root.get("variables").fields().containsKey(k) || slotNames.contains(k) || !k.matches("[a-z][a-z0-9_]*")) {
                    throw e.getValue().error("linked fact '" + k + "' must be a new lower-case name (not a variable or a slot)");
                }
                Map<Lang, List<String>> lm = new EnumMap<>(Lang.class);
                lm.put(Lang.RU, List.copyOf(linkedRu.get(k)));
                lm.put(Lang.EN, List.copyOf(linkedEn.get(k)));
                variables.put(k, lm);
                linked.put(k, e.getKey());
            }
        }
        Set<String> varNames = variables.keySet();

        Scenario.Texts ru = new Scenario.Texts(templ(root, "persona", varNames), templ(root, "situation", varNames), templ(root, "opening", varNames));
        Scenario.Texts en = new Scenario.Texts(templ(root, "persona_en", varNames), templ(root, "situation_en", varNames),
                templ(root, "opening_en", varNames));

        Map<String, String> words = CriterionReader.words(root);
        Map<String, Criterion> rubric = new LinkedHashMap<>();
        for (Yaml.Node c : root.list("rubric", true)) {
            Criterion cr = CriterionReader.read(c, kb, true, words, true);
            if (rubric.put(cr.id(), cr) != null) {
                throw c.error("id", "criterion '" + cr.id() + "' is defined twice");
            }
            checkTemplate(c, "hint_ru", cr.hintRu(), varNames);
            checkTemplate(c, "hint_en", cr.hintEn(), varNames);
        }

        List<Yaml.Node> turnNodes = root.list("turns", true);
        if (turnNodes.size() < MIN_TURNS || turnNodes.size() > MAX_TURNS) {
            throw root.error("turns", "a scenario has " + MIN_TURNS + " to " + MAX_TURNS + " turns, not " + turnNodes.size());
        }
        List<Turn> turns = new ArrayList<>();
        Set<String> expectedSomewhere = new java.util.HashSet<>();
        for (Yaml.Node t : turnNodes) {
            if (!t.isMap()) {
                throw t.error("a turn must be a mapping with expects, model_answer, model_answer_en and reactions");
            }
            t.onlyFields(TURN_FIELDS);
            List<Criterion> expects = new ArrayList<>();
            if (t.has("expects")) {
                for (Yaml.Node e : t.texts("expects", true)) {
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
            String model = templ(t, "model_answer", varNames);
            String modelEn = templ(t, "model_answer_en", varNames);
            List<Reaction> reactions = new ArrayList<>();
            List<Yaml.Node> rs = t.list("reactions", true);
            for (int i = 0; i < rs.size(); i++) {
                Reaction r = reaction(rs.get(i), rubric.keySet(), slotNames, varNames);
                boolean last = i == rs.size() - 1;
                if (last != r.unconditional()) {
                    throw rs.get(i).error(last ? "the last reaction of a turn has no 'when': it answers every other reply"
                            : "only the last reaction of a turn may be without 'when' (the ones after it could never be chosen)");
                }
                reactions.add(r);
            }
            turns.add(new Turn(List.copyOf(expects), model, modelEn, List.copyOf(reactions)));
        }
        for (Criterion c : rubric.values()) {
            if (!expectedSomewhere.contains(c.id())) {
                throw root.error("turns", "no turn expects criterion '" + c.id() + "'");
            }
        }
        return new Scenario(id, titleRu, titleEn, topic, Scenario.texts(ru, en), variables, linked,
                List.copyOf(rubric.values()), List.copyOf(turns), List.copyOf(principles));
    }

    private static final Set<String> WHEN_FIELDS = Set.of("rude", "off_topic", "met", "missed", "has", "lacks", "band");

    private static Reaction reaction(Yaml.Node n, Set<String> criteria, Set<String> slotNames, Set<String> varNames) {
        if (!n.isMap()) {
            throw n.error("a reaction is a mapping with id, when (except the last), ru, en and examples");
        }
        n.onlyFields(Set.of("id", "when", "ru", "en", "examples"));
        String id = n.text("id");
        Boolean rude = null;
        Boolean offTopic = null;
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        List<String> has = new ArrayList<>();
        List<String> lacks = new ArrayList<>();
        Set<Band> bands = java.util.EnumSet.noneOf(Band.class);
        if (n.has("when")) {
            Yaml.Node w = n.get("when");
            if (!w.isMap() || w.isEmpty()) {
                throw n.error("when", "'when' is a mapping of conditions: " + new java.util.TreeSet<>(WHEN_FIELDS));
            }
            w.onlyFields(WHEN_FIELDS);
            rude = w.has("rude") ? w.bool("rude") : null;
            offTopic = w.has("off_topic") ? w.bool("off_topic") : null;
            names(w, "met", criteria, "criterion", met);
            names(w, "missed", criteria, "criterion", missed);
            names(w, "has", slotNames, "slot", has);
            names(w, "lacks", slotNames, "slot", lacks);
            for (Yaml.Node b : w.texts("band", false)) {
                Band band = bandOf(b.asText());
                if (band == null) {
                    throw b.error("band must be weak, fair or good, not '" + b.asText() + "'");
                }
                bands.add(band);
            }
        }
        Set<String> allowed = new java.util.HashSet<>(varNames);
        allowed.addAll(has);
        String ru = templ(n, "ru", allowed);
        String en = templ(n, "en", allowed);
        List<String> exRu = new ArrayList<>();
        List<String> exEn = new ArrayList<>();
        if (n.has("examples")) {
            Yaml.Node ex = n.get("examples");
            ex.onlyFields(Set.of("ru", "en"));
            ex.texts("ru", true).forEach(x -> exRu.add(x.asText()));
            ex.texts("en", true).forEach(x -> exEn.add(x.asText()));
        } else {
            throw n.error("examples", "reaction '" + id + "' needs examples: replies in ru and en that select it");
        }
        return new Reaction(id, rude, offTopic, List.copyOf(met), List.copyOf(missed), List.copyOf(has), List.copyOf(lacks),
                bands, ru, en, List.copyOf(exRu), List.copyOf(exEn), n.line());
    }

    private static void names(Yaml.Node w, String field, Set<String> known, String what, List<String> out) {
        for (Yaml.Node x : w.texts(field, false)) {
            if (!known.contains(x.asText())) {
                throw x.error("unknown " + what + " '" + x.asText() + "' (known: " + known + ")");
            }
            out.add(x.asText());
        }
    }

    private static Band bandOf(String key) {
        for (Band b : Band.values()) {
            if (b.key().equals(key)) {
                return b;
            }
        }
        return null;
    }

    private static String templ(Yaml.Node n, String field, Set<String> variables) {
        String t = n.text(field);
        checkTemplate(n, field, t, variables);
        return t;
    }

    private static void checkTemplate(Yaml.Node n, String field, String text, Set<String> variables) {
        if (Template.hasStrayBraces(text)) {
            throw n.error(field, "malformed placeholder in '" + field + "': write {{name}}");
        }
        for (String v : Template.names(text)) {
            if (!variables.contains(v)) {
                throw n.error(field, "'" + field + "' uses {{" + v + "}}, which is neither under 'variables' nor a slot the reaction requires (when: has)");
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
