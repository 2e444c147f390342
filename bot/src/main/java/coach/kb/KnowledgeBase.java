package coach.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The guide as structured, validated data: topics, principles (with authored English titles and
 * keywords) and the self-check. Built once at start; immutable and thread-safe afterwards.
 */
public final class KnowledgeBase {
    public static final String GUIDE = "guide.md";
    public static final String PRINCIPLES = "principles.yaml";
    public static final String SYNONYMS = "synonyms.txt";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

    private final ContentSource source;
    private final String guideTitle;
    private final List<Topic> topics;
    private final Map<String, Principle> principles;
    private final SelfCheck selfCheck;

    private KnowledgeBase(ContentSource source, String guideTitle, List<Topic> topics, Map<String, Principle> principles, SelfCheck selfCheck) {
        this.source = source;
        this.guideTitle = guideTitle;
        this.topics = topics;
        this.principles = principles;
        this.selfCheck = selfCheck;
    }

    public static KnowledgeBase load(ContentSource source) {
        GuideParser.RawGuide guide = GuideParser.parse(GUIDE, source.read(GUIDE));
        String metaText = source.read(PRINCIPLES);
        JsonNode meta = Yaml.read(PRINCIPLES, metaText);

        Map<String, JsonNode> topicMeta = new HashMap<>();
        Map<String, String> topicIdByTitle = new HashMap<>();
        for (JsonNode t : list(meta, "topics", metaText)) {
            String id = id(t, metaText);
            String titleRu = Yaml.text(t, "title_ru", PRINCIPLES, metaText, "id: " + id);
            Yaml.text(t, "title_en", PRINCIPLES, metaText, "id: " + id);
            if (topicIdByTitle.put(titleRu, id) != null) {
                throw new ContentException(PRINCIPLES, Yaml.lineOf(metaText, "id: " + id), "duplicate topic title '" + titleRu + "'");
            }
            topicMeta.put(id, t);
        }
        Map<String, JsonNode> principleMeta = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode p : list(meta, "principles", metaText)) {
            String id = id(p, metaText);
            if (!ids.add(id)) {
                throw new ContentException(PRINCIPLES, Yaml.lineOf(metaText, "id: " + id), "duplicate principle id '" + id + "'");
            }
            String titleRu = Yaml.text(p, "title_ru", PRINCIPLES, metaText, "id: " + id);
            Yaml.text(p, "title_en", PRINCIPLES, metaText, "id: " + id);
            Yaml.text(p, "summary_en", PRINCIPLES, metaText, "id: " + id);
            Yaml.text(p, "advice_ru", PRINCIPLES, metaText, "id: " + id);
            Yaml.text(p, "advice_en", PRINCIPLES, metaText, "id: " + id);
            Yaml.text(p, "example_en", PRINCIPLES, metaText, "id: " + id);
            principleMeta.put(titleRu, p);
        }

        List<Topic> topics = new ArrayList<>();
        Map<String, Principle> principles = new LinkedHashMap<>();
        int topicNo = 0;
        for (GuideParser.RawTopic rt : guide.topics()) {
            topicNo++;
            String topicId = topicIdByTitle.get(rt.title());
            if (topicId == null) {
                throw new ContentException(GUIDE, rt.line(), "topic '" + rt.title() + "' has no entry in " + PRINCIPLES + " (title_ru must match the heading exactly)");
            }
            JsonNode tm = topicMeta.get(topicId);
            List<Principle> ps = new ArrayList<>();
            for (GuideParser.RawPrinciple rp : rt.principles()) {
                JsonNode pm = principleMeta.remove(rp.title());
                if (pm == null) {
                    throw new ContentException(GUIDE, rp.line(), "principle '" + rp.title() + "' has no entry in " + PRINCIPLES + " (title_ru must match the guide exactly)");
                }
                String id = pm.get("id").asText();
                if (!id.startsWith(topicId + ".")) {
                    throw new ContentException(PRINCIPLES, Yaml.lineOf(metaText, "id: " + id), "principle id '" + id + "' must start with its topic id '" + topicId + ".'");
                }
                Principle p = new Principle(id, topicId, rp.number(), rp.title(), rp.explanation(), rp.example(),
                        pm.get("title_en").asText().strip(), pm.get("summary_en").asText().strip(),
                        pm.get("advice_ru").asText().strip(), pm.get("advice_en").asText().strip(), pm.get("example_en").asText().strip(),
                        List.copyOf(Yaml.strings(pm, "keywords_ru")), List.copyOf(Yaml.strings(pm, "keywords_en")));
                ps.add(p);
                principles.put(id, p);
            }
            topics.add(new Topic(topicId, topicNo, rt.title(), tm.get("title_en").asText().strip(), List.copyOf(ps), List.copyOf(rt.materials())));
        }
        if (!principleMeta.isEmpty()) {
            String title = principleMeta.keySet().iterator().next();
            throw new ContentException(PRINCIPLES, Yaml.lineOf(metaText, title), "principle '" + title + "' is not in the guide");
        }
        return new KnowledgeBase(source, guide.title(), List.copyOf(topics), Collections.unmodifiableMap(principles), guide.selfCheck());
    }

    private static List<JsonNode> list(JsonNode root, String field, String text) {
        JsonNode v = root.get(field);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new ContentException(PRINCIPLES, 0, "'" + field + "' must be a non-empty list");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private static String id(JsonNode node, String text) {
        JsonNode v = node.get("id");
        if (v == null || !ID.matcher(v.asText()).matches()) {
            throw new ContentException(PRINCIPLES, Yaml.lineOf(text, String.valueOf(v)), "every entry needs an id of lower-case letters, digits, '.' and '-'");
        }
        return v.asText();
    }

    public ContentSource source() {
        return source;
    }

    public String guideTitle() {
        return guideTitle;
    }

    public List<Topic> topics() {
        return topics;
    }

    public List<Principle> principles() {
        return List.copyOf(principles.values());
    }

    public Optional<Principle> principle(String id) {
        return Optional.ofNullable(principles.get(id));
    }

    public Principle requirePrinciple(String id, String file, int line) {
        Principle p = principles.get(id);
        if (p == null) {
            throw new ContentException(file, line, "unknown principle id '" + id + "'");
        }
        return p;
    }

    public Optional<Topic> topic(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public SelfCheck selfCheck() {
        return selfCheck;
    }
}
