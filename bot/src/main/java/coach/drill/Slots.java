package coach.drill;

import coach.kb.ContentSource;
import coach.kb.Yaml;
import coach.match.Match;
import coach.match.TokenPattern;
import coach.match.WordClasses;
import coach.text.Lang;
import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a drill reads from the assistant's reply ({@code knowledge-base/drill-slots.yaml}): named slots (the time,
 * day or date promised, the amount or discount, the channel, the option offered, who will act), each a list of
 * token patterns per language whose marked part ({@code < >}) is the slot's value, quoted back by client reactions.
 */
final class Slots {
    static final String FILE = "drill-slots.yaml";

    /** One slot: its patterns per language. */
    record Slot(String name, Map<Lang, List<TokenPattern>> patterns) {
    }

    /** A slot example: in this language, this reply gives this value (or none, when value is absent). */
    record Example(String slot, Lang lang, String reply, String value, int line) {
    }

    private final Map<String, Slot> slots;
    private final List<Example> examples;
    private final Map<Lang, List<TokenPattern>> boilerplate;

    private Slots(Map<String, Slot> slots, List<Example> examples, Map<Lang, List<TokenPattern>> boilerplate) {
        this.slots = slots;
        this.boilerplate = boilerplate;
        this.examples = examples;
    }

    Set<String> names() {
        return slots.keySet();
    }

    List<Example> examples() {
        return examples;
    }

    static Slots load(ContentSource source) {
        String text = source.read(FILE);
        Yaml.Node root = Yaml.parseMapping(FILE, text);
        root.onlyFields(Set.of("words", "slots", "boilerplate"));
        Map<String, String> words = CriterionReader.words(root);
        Map<Lang, List<TokenPattern>> boilerplate = new EnumMap<>(Lang.class);
        Yaml.Node bp = root.get("boilerplate");
        bp.onlyFields(Set.of("ru", "en"));
        for (Lang l : Lang.values()) {
            boilerplate.put(l, patterns(bp.texts(l.code(), true), words));
        }
        Map<String, Slot> slots = new LinkedHashMap<>();
        List<Example> examples = new ArrayList<>();
        for (Map.Entry<String, Yaml.Node> e : root.map("slots", true).entrySet()) {
            String name = e.getKey();
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw e.getValue().error("slot name '" + name + "' must be lower-case latin letters, digits and '_'");
            }
            Yaml.Node n = e.getValue();
            n.onlyFields(Set.of("ru", "en", "examples"));
            Map<Lang, List<TokenPattern>> ps = new EnumMap<>(Lang.class);
            for (Lang l : Lang.values()) {
                ps.put(l, patterns(n.texts(l.code(), true), words));
            }
            slots.put(name, new Slot(name, ps));
            Set<Lang> seen = new HashSet<>();
            for (Yaml.Node x : n.list("examples", true)) {
                x.onlyFields(Set.of("lang", "reply", "value"));
                String lang = x.text("lang");
                if (!lang.equals("ru") && !lang.equals("en")) {
                    throw x.error("lang", "lang must be ru or en");
                }
                Lang l = Lang.fromCode(lang);
                seen.add(l);
                examples.add(new Example(name, l, x.text("reply"), x.optText("value"), x.line()));
            }
            if (seen.size() < 2) {
                throw n.error("examples", "slot '" + name + "' needs examples in both languages");
            }
        }
        return new Slots(slots, List.copyOf(examples), boilerplate);
    }

    private static List<TokenPattern> patterns(List<Yaml.Node> nodes, Map<String, String> words) {
        List<TokenPattern> list = new ArrayList<>();
        for (Yaml.Node p : nodes) {
            try {
                for (String src : TokenPattern.expand(WordClasses.expand(p.asText(), words))) {
                    list.add(TokenPattern.compile(src));
                }
            } catch (IllegalArgumentException ex) {
                throw p.error("bad pattern: " + ex.getMessage());
            }
        }
        return List.copyOf(list);
    }

    /** Whether the text has a line of pleasantries («Мы всегда рады помочь», «Хорошего дня!»). */
    boolean boilerplate(List<Token> tokens, Lang lang) {
        for (TokenPattern p : boilerplate.get(lang)) {
            if (p.matches(tokens)) {
                return true;
            }
        }
        return false;
    }

    /** The slots found in a reply (per slot, the first of its patterns that matches): name → the reply's own words (first letter lower-cased unless it is an abbreviation). */
    Map<String, String> read(String reply, Lang lang) {
        List<Token> tokens = TextAnalyzer.analyze(reply);
        Map<String, String> out = new LinkedHashMap<>();
        for (Slot s : slots.values()) {
            // the first pattern that matches wins, with its leftmost match: patterns are listed most specific first
            Match best = null;
            for (TokenPattern p : s.patterns().get(lang)) {
                List<Match> ms = p.findAll(tokens);
                if (!ms.isEmpty()) {
                    best = ms.get(0);
                    break;
                }
            }
            if (best != null) {
                out.put(s.name(), value(reply.substring(best.start(), best.end())));
            }
        }
        return out;
    }

    static String value(String raw) {
        String v = raw.strip();
        if (v.length() > 1 && Character.isUpperCase(v.charAt(0)) && !Character.isUpperCase(v.charAt(1))) {
            v = Character.toLowerCase(v.charAt(0)) + v.substring(1);
        }
        return v;
    }
}
