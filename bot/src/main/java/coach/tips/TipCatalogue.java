package coach.tips;

import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.kb.Yaml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * All tips: the authored ones from {@code knowledge-base/tips/tips.yaml} plus one per principle built
 * from the guide (its explanation and its example). Validated when loaded: a malformed file, a
 * duplicate or malformed id, an unknown principle, a missing translation or an unknown field fails
 * start-up with a {@link ContentException} naming the file and line. Immutable afterwards.
 *
 * <p>Which drill practises a principle it asks the drills feature (see {@code Drills#scenarioFor}), handed in
 * at load; without it a tip offers no drill.
 */
public final class TipCatalogue {
    public static final String FILE = "tips/tips.yaml";
    static final int MAX_TEXT = 600;
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
    private static final Set<String> FIELDS = Set.of("id", "principle", "ru", "en", "example_ru", "example_en");

    private final KnowledgeBase kb;
    private final Map<String, Tip> tips;
    private final List<String> ids;
    private final Function<String, Optional<String>> drillFor;

    private TipCatalogue(KnowledgeBase kb, Map<String, Tip> tips, Function<String, Optional<String>> drillFor) {
        this.kb = kb;
        this.tips = Collections.unmodifiableMap(tips);
        this.ids = tips.keySet().stream().sorted().toList();
        this.drillFor = drillFor;
    }

    /** The tips alone: no tip offers a drill. */
    public static TipCatalogue load(KnowledgeBase kb) {
        return load(kb, principleId -> Optional.empty());
    }

    /** @param drillFor principle id → the id of the drill scenario that practises it (the drills feature's answer) */
    public static TipCatalogue load(KnowledgeBase kb, Function<String, Optional<String>> drillFor) {
        ContentSource src = kb.source();
        Yaml.Node root = Yaml.parse(FILE, src.read(FILE));
        Yaml.Node list = root.get("tips");
        if (!list.isList() || list.isEmpty()) {
            throw new ContentException(FILE, 1, "'tips' must be a non-empty list");
        }
        Map<String, Tip> tips = new LinkedHashMap<>();
        for (Yaml.Node t : list.items()) {
            Yaml.Node idNode = t.get("id");
            String id = idNode.isScalar() ? idNode.asText() : null;
            int line = t.lineOf("id");
            if (!t.isMap()) {
                throw new ContentException(FILE, line, "every tip must be a mapping with id, principle, ru and en");
            }
            if (id == null || !ID.matcher(id).matches()) {
                throw new ContentException(FILE, line, "tip without a valid id (lower-case letters, digits, '.' and '-'): " + (id == null ? "missing" : "'" + id + "'"));
            }
            if (id.startsWith(Tip.GUIDE_PREFIX)) {
                throw new ContentException(FILE, line, "tip id '" + id + "': the prefix '" + Tip.GUIDE_PREFIX + "' is reserved for tips built from the guide");
            }
            for (String f : t.fields().keySet()) {
                if (!FIELDS.contains(f)) {
                    throw new ContentException(FILE, line, "tip '" + id + "' has an unknown field '" + f + "' (allowed: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
                }
            }
            String principle = field(t, "principle", id, line, true);
            kb.requirePrinciple(principle, FILE, line);
            String ru = field(t, "ru", id, line, true);
            String en = field(t, "en", id, line, true);
            String exRu = field(t, "example_ru", id, line, false);
            String exEn = field(t, "example_en", id, line, false);
            if ((exRu == null) != (exEn == null)) {
                throw new ContentException(FILE, line, "tip '" + id + "' needs both example_ru and example_en, or neither");
            }
            if (tips.put(id, new Tip(id, principle, ru, en, exRu, exEn, false)) != null) {
                throw new ContentException(FILE, line, "duplicate tip id '" + id + "'");
            }
        }
        for (Principle p : kb.principles()) {
            String id = Tip.GUIDE_PREFIX + p.id();
            tips.put(id, new Tip(id, p.id(), p.explanation(), p.summaryEn(), p.example(), p.exampleEn(), true));
        }
        return new TipCatalogue(kb, tips, drillFor);
    }

    private static String field(Yaml.Node t, String name, String id, int line, boolean required) {
        Yaml.Node v = t.get(name);
        if (v.isNull()) {
            if (required) {
                throw new ContentException(FILE, line, "tip '" + id + "' is missing '" + name + "'");
            }
            return null;
        }
        if (!v.isScalar() || v.value().isBlank()) {
            throw new ContentException(FILE, line, "tip '" + id + "': '" + name + "' must be non-empty text");
        }
        String s = v.asText().replaceAll("\\s+", " ");
        if (s.length() > MAX_TEXT) {
            throw new ContentException(FILE, line, "tip '" + id + "': '" + name + "' is " + s.length() + " characters; a tip must stay short (at most " + MAX_TEXT + ")");
        }
        return s;
    }

    public KnowledgeBase kb() {
        return kb;
    }

    public int size() {
        return tips.size();
    }

    /** Every tip id, sorted (the base of every rotation order). */
    public List<String> ids() {
        return ids;
    }

    public List<Tip> all() {
        return List.copyOf(tips.values());
    }

    public Optional<Tip> tip(String id) {
        return Optional.ofNullable(tips.get(id));
    }

    public List<Tip> forPrinciple(String principleId) {
        List<Tip> out = new ArrayList<>();
        for (Tip t : tips.values()) {
            if (t.principleId().equals(principleId)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The drill scenario that practises the principle, as the drills feature says. */
    public Optional<String> scenarioFor(String principleId) {
        return drillFor.apply(principleId);
    }
}
