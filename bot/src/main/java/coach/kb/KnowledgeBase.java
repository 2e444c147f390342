package coach.kb;

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
        Yaml.Node meta = Yaml.parse(PRINCIPLES, source.read(PRINCIPLES));

        Map<String, Yaml.Node> topicMeta = new HashMap<>();
        Map<String, String> topicIdByTitle = new HashMap<>();
        for (Yaml.Node t : list(meta, "topics")) {
            String id = id(t);
            String titleRu = t.required("title_ru", "id: " + id);
            t.required("title_en", "id: " + id);
            if (topicIdByTitle.put(titleRu, id) != null) {
                throw t.error("duplicate topic title '" + titleRu + "'");
            }
            topicMeta.put(id, t);
        }
        Map<String, Yaml.Node> principleMeta = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Yaml.Node p : list(meta, "principles")) {
            String id = id(p);
            if (!ids.add(id)) {
                throw p.error("duplicate principle id '" + id + "'");
            }
            String titleRu = p.required("title_ru", "id: " + id);
            for (String f : List.of("title_en", "summary_en", "advice_ru", "advice_en", "example_en")) {
                p.required(f, "id: " + id);
            }
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
            Yaml.Node tm = topicMeta.get(topicId);
            List<Principle> ps = new ArrayList<>();
            for (GuideParser.RawPrinciple rp : rt.principles()) {
                Yaml.Node pm = principleMeta.remove(rp.title());
                if (pm == null) {
                    throw new ContentException(GUIDE, rp.line(), "principle '" + rp.title() + "' has no entry in " + PRINCIPLES + " (title_ru must match the guide exactly)");
                }
                String id = pm.get("id").asText();
                if (!id.startsWith(topicId + ".")) {
                    throw pm.error("principle id '" + id + "' must start with its topic id '" + topicId + ".'");
                }
                Principle p = new Principle(id, topicId, rp.number(), rp.title(), rp.explanation(), rp.example(),
                        pm.get("title_en").asText(), pm.get("summary_en").asText(),
                        pm.get("advice_ru").asText(), pm.get("advice_en").asText(), pm.get("example_en").asText(),
                        List.copyOf(pm.strings("keywords_ru")), List.copyOf(pm.strings("keywords_en")));
                ps.add(p);
                principles.put(id, p);
            }
            topics.add(new Topic(topicId, topicNo, rt.title(), tm.get("title_en").asText(), List.copyOf(ps), List.copyOf(rt.materials())));
        }
        if (!principleMeta.isEmpty()) {
            Yaml.Node first = principleMeta.values().stream().min(java.util.Comparator.comparingInt(Yaml.Node::line)).orElseThrow();
            String title = first.get("title_ru").asText();
            throw first.error("title_ru", "principle '" + title + "' is not in the guide");
        }
        return new KnowledgeBase(source, guide.title(), List.copyOf(topics), Collections.unmodifiableMap(principles), guide.selfCheck());
    }

    private static List<Yaml.Node> list(Yaml.Node root, String field) {
        Yaml.Node v = root.get(field);
        if (!v.isList() || v.isEmpty()) {
            throw root.error(field, "'" + field + "' must be a non-empty list");
        }
        return v.items();
    }

    private static String id(Yaml.Node node) {
        Yaml.Node v = node.get("id");
        if (!v.isScalar() || !ID.matcher(v.value()).matches()) {
            throw node.error("every entry needs an id of lower-case letters, digits, '.' and '-'");
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
