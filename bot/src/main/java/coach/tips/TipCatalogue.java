package coach.tips;

import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.kb.Yaml;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * All tips: the authored ones from {@code knowledge-base/tips/tips.yaml} plus one per principle built
 * from the guide (its explanation and its example). Validated when loaded: a malformed file, a
 * duplicate or malformed id, an unknown principle, a missing translation or an unknown field fails
 * start-up with a {@link ContentException} naming the file and line. Immutable afterwards.
 *
 * <p>It also knows which drill practises a principle: scenarios in {@code knowledge-base/scenarios/*.yaml}
 * declare {@code id} and {@code principles: [...]}; a principle without its own scenario is practised by a
 * scenario of the same topic, if any.
 */
public final class TipCatalogue {
    public static final String FILE = "tips/tips.yaml";
    static final String SCENARIOS = "scenarios";
    static final int MAX_TEXT = 600;
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
    private static final Set<String> FIELDS = Set.of("id", "principle", "ru", "en", "example_ru", "example_en");

    private final KnowledgeBase kb;
    private final Map<String, Tip> tips;
    private final List<String> ids;
    private final Map<String, String> scenarioByPrinciple;

    private TipCatalogue(KnowledgeBase kb, Map<String, Tip> tips, Map<String, String> scenarioByPrinciple) {
        this.kb = kb;
        this.tips = Collections.unmodifiableMap(tips);
        this.ids = tips.keySet().stream().sorted().toList();
        this.scenarioByPrinciple = Map.copyOf(scenarioByPrinciple);
    }

    public static TipCatalogue load(KnowledgeBase kb) {
        ContentSource src = kb.source();
        String text = src.read(FILE);
        JsonNode root = Yaml.read(FILE, text);
        JsonNode list = root.get("tips");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ContentException(FILE, 1, "'tips' must be a non-empty list");
        }
        Map<String, Tip> tips = new LinkedHashMap<>();
        int searchFrom = 0;
        for (JsonNode t : list) {
            JsonNode idNode = t.get("id");
            String id = idNode == null || !idNode.isValueNode() ? null : idNode.asText().strip();
            int at = id == null ? -1 : text.indexOf("id: " + id, searchFrom);
            int line = at < 0 ? 0 : lineAt(text, at);
            if (at >= 0) {
                searchFrom = at + 1;
            }
            if (!t.isObject()) {
                throw new ContentException(FILE, line, "every tip must be a mapping with id, principle, ru and en");
            }
            if (id == null || !ID.matcher(id).matches()) {
                throw new ContentException(FILE, line, "tip without a valid id (lower-case letters, digits, '.' and '-'): " + (id == null ? "missing" : "'" + id + "'"));
            }
            if (id.startsWith(Tip.GUIDE_PREFIX)) {
                throw new ContentException(FILE, line, "tip id '" + id + "': the prefix '" + Tip.GUIDE_PREFIX + "' is reserved for tips built from the guide");
            }
            for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
                String f = it.next();
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
        return new TipCatalogue(kb, tips, scenarios(kb));
    }

    private static String field(JsonNode t, String name, String id, int line, boolean required) {
        JsonNode v = t.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ContentException(FILE, line, "tip '" + id + "' is missing '" + name + "'");
            }
            return null;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new ContentException(FILE, line, "tip '" + id + "': '" + name + "' must be non-empty text");
        }
        String s = v.asText().strip().replaceAll("\\s+", " ");
        if (s.length() > MAX_TEXT) {
            throw new ContentException(FILE, line, "tip '" + id + "': '" + name + "' is " + s.length() + " characters; a tip must stay short (at most " + MAX_TEXT + ")");
        }
        return s;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Principle id → scenario id, from the scenario files (exact principle first, then the same topic). */
    private static Map<String, String> scenarios(KnowledgeBase kb) {
        Map<String, String> exact = new HashMap<>();
        Map<String, String> byTopic = new HashMap<>();
        for (String file : kb.source().list(SCENARIOS, ".yaml")) {
            JsonNode s = Yaml.read(file, kb.source().read(file));
            String id = Yaml.optText(s, "id");
            if (id == null || !ID.matcher(id).matches() || !ButtonData.fits("/drill " + id)) {
                continue; // the drills feature validates its own files; an unusable id just offers no drill here
            }
            for (String pid : Yaml.strings(s, "principles")) {
                Optional<Principle> p = kb.principle(pid);
                if (p.isPresent()) {
                    exact.putIfAbsent(pid, id);
                    byTopic.putIfAbsent(p.get().topicId(), id);
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        for (Principle p : kb.principles()) {
            String sc = exact.getOrDefault(p.id(), byTopic.get(p.topicId()));
            if (sc != null) {
                out.put(p.id(), sc);
            }
        }
        return out;
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

    /** The drill scenario that practises the principle, if the scenario files name one. */
    public Optional<String> scenarioFor(String principleId) {
        return Optional.ofNullable(scenarioByPrinciple.get(principleId));
    }

    /** Button data length guard (Telegram's callback data limit). */
    static final class ButtonData {
        private ButtonData() {
        }

        static boolean fits(String data) {
            return data.getBytes(StandardCharsets.UTF_8).length <= coach.core.Button.MAX_DATA_BYTES;
        }
    }
}
