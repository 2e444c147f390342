package coach.materials;

import coach.text.Normalizer;
import coach.kb.ContentException;
import coach.kb.KnowledgeBase;
import coach.kb.Topic;
import coach.kb.Yaml;
import coach.search.SearchDoc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads and validates the materials: front matter fields, a known topic and principles, a title the
 * guide promises, and well-formed {@code {{placeholders}}} (templates only).
 */
public final class MaterialCatalog {
    static final String DIR = "materials";
    /** A well-formed placeholder: lower-case Cyrillic or Latin letters, digits and underscores. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zа-яё0-9_]{1,30})\\}\\}");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final String FILL_HEADING = "## Текст";

    private final Map<String, Material> byId;

    private MaterialCatalog(Map<String, Material> byId) {
        this.byId = byId;
    }

    public static MaterialCatalog load(KnowledgeBase kb) {
        Map<String, Material> out = new LinkedHashMap<>();
        for (String path : kb.source().list(DIR, ".md")) {
            Material m = parse(kb, path, kb.source().read(path));
            if (out.put(m.id(), m) != null) {
                throw new ContentException(path, 2, "duplicate material id '" + m.id() + "'");
            }
        }
        // Every material the guide promises must exist.
        for (Topic t : kb.topics()) {
            for (String promised : t.materials()) {
                String want = normTitle(promised);
                boolean found = out.values().stream().anyMatch(m -> normTitle(m.titleRu()).equals(want));
                if (!found) {
                    throw new ContentException(DIR, 0, "the guide promises «" + promised + "» (topic '" + t.id() + "') but no material has that title_ru");
                }
            }
        }
        // Order: by topic as in the guide, then as the guide lists them.
        List<Material> sorted = new ArrayList<>(out.values());
        sorted.sort((a, b) -> Integer.compare(order(kb, a), order(kb, b)));
        Map<String, Material> ordered = new LinkedHashMap<>();
        sorted.forEach(m -> ordered.put(m.id(), m));
        return new MaterialCatalog(ordered);
    }

    private static int order(KnowledgeBase kb, Material m) {
        Topic t = kb.topic(m.topicId()).orElseThrow();
        int i = 0;
        for (String promised : t.materials()) {
            if (normTitle(promised).equals(normTitle(m.titleRu()))) {
                break;
            }
            i++;
        }
        return t.number() * 100 + i;
    }

    static String normTitle(String s) {
        return Normalizer.fold(s).replaceAll("[.\\s]+$", "").replaceAll("\\s+", " ").strip();
    }

    static Material parse(KnowledgeBase kb, String path, String text) {
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) {
            throw new ContentException(path, 1, "a material starts with YAML front matter between '---' lines");
        }
        int end = t.indexOf("\n---\n", 4);
        if (end < 0) {
            throw new ContentException(path, 1, "the front matter is not closed with a '---' line");
        }
        String front = t.substring(4, end + 1);
        String body = t.substring(end + 5).strip();
        Yaml.Node meta = Yaml.parse(path, front, 1); // the front matter starts on line 2
        if (!meta.isMap()) {
            throw meta.valueError("the front matter is a mapping of fields (key: value)");
        }
        String id = meta.required("id", "id:");
        String fileId = path.substring(path.lastIndexOf('/') + 1, path.length() - 3);
        if (!ID.matcher(id).matches() || !id.equals(fileId)) {
            throw meta.error("id", "id '" + id + "' must be lower-case latin with hyphens and equal the file name '" + fileId + "'");
        }
        String titleRu = meta.required("title_ru", "title_ru");
        String titleEn = meta.required("title_en", "title_en");
        String summaryRu = meta.required("summary_ru", "summary_ru");
        String summaryEn = meta.required("summary_en", "summary_en");
        String topic = meta.required("topic", "topic");
        if (kb.topic(topic).isEmpty()) {
            throw meta.error("topic", "unknown topic '" + topic + "'");
        }
        Material.Kind kind;
        try {
            kind = Material.Kind.valueOf(meta.required("kind", "kind").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw meta.error("kind", "kind must be guide, checklist or template");
        }
        List<String> principles = meta.strings("principles");
        for (String p : principles) {
            kb.requirePrinciple(p, path, meta.lineOf("principles"));
        }
        if (body.isEmpty()) {
            throw new ContentException(path, 0, "the material has no text");
        }
        checkBraces(path, text);
        String fillText = body;
        int at = body.indexOf("\n" + FILL_HEADING + "\n");
        if (at >= 0) {
            fillText = body.substring(at + FILL_HEADING.length() + 2);
            int next = fillText.indexOf("\n## ");
            fillText = (next >= 0 ? fillText.substring(0, next) : fillText).strip();
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(fillText);
        while (m.find()) {
            names.add(m.group(1));
        }
        if (kind == Material.Kind.TEMPLATE && names.isEmpty()) {
            throw new ContentException(path, 0, "a template needs at least one {{placeholder}} in its '" + FILL_HEADING + "' section");
        }
        if (kind != Material.Kind.TEMPLATE && PLACEHOLDER.matcher(body).find()) {
            throw new ContentException(path, 0, "only templates have {{placeholders}}");
        }
        java.util.Map<String, String> fieldsEn = new java.util.LinkedHashMap<>();
        Yaml.Node fe = meta.get("fields_en");
        if (!fe.isNull()) {
            if (!fe.isMap()) {
                throw fe.error("fields_en maps each {{field}} to its English name");
            }
            fe.fields().forEach((k, v) -> {
                if (!names.contains(k)) {
                    throw v.error("fields_en names '" + k + "', which is not a field of the template");
                }
                fieldsEn.put(k, v.asText());
            });
        }
        if (kind == Material.Kind.TEMPLATE && !fieldsEn.isEmpty() && !fieldsEn.keySet().containsAll(names)) {
            List<String> missing = names.stream().filter(n -> !fieldsEn.containsKey(n)).toList();
            throw fe.error("fields_en lacks " + missing);
        }
        Yaml.Node textEnNode = meta.get("text_en");
        String textEn = textEnNode.isNull() ? null : textEnNode.asText();
        if (textEn != null) {
            Set<String> en = new LinkedHashSet<>();
            Matcher me = PLACEHOLDER.matcher(textEn);
            while (me.find()) {
                en.add(me.group(1));
            }
            if (!en.equals(names)) {
                throw textEnNode.error("text_en must have the same fields as the Russian text: "
                        + names + ", it has " + en);
            }
        }
        String enPath = DIR + "/en/" + id + ".md";
        String bodyEn = kb.source().exists(enPath) ? kb.source().read(enPath).strip() : null;
        if (bodyEn != null && bodyEn.isEmpty()) {
            throw new ContentException(enPath, 1, "the English text of the material is empty");
        }
        return new Material(id, titleRu, titleEn, summaryRu, summaryEn, topic, kind, List.copyOf(principles), body, fillText, List.copyOf(names),
                java.util.Map.copyOf(fieldsEn), textEn, bodyEn);
    }

    /** Every "{{" must open a well-formed placeholder, and every "}}" close one. */
    private static void checkBraces(String path, String text) {
        String stripped = PLACEHOLDER.matcher(text).replaceAll("");
        int open = stripped.indexOf("{{");
        int pos = open >= 0 ? open : stripped.indexOf("}}");
        if (pos >= 0) {
            String near = stripped.substring(pos, Math.min(stripped.length(), pos + 30)).split("\n")[0];
            int at = text.indexOf(near);
            int line = at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            throw new ContentException(path, line, "malformed placeholder near '" + near
                    + "': write {{name}} with lower-case letters, digits and underscores");
        }
    }

    public List<Material> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Material> find(String id) {
        return Optional.ofNullable(byId.get(id == null ? "" : id.strip().toLowerCase(Locale.ROOT)));
    }

    /** The materials as search documents (kind "material"), indexed with the guide. */
    public List<SearchDoc> searchDocs(KnowledgeBase kb) {
        List<SearchDoc> docs = new ArrayList<>();
        for (Material m : byId.values()) {
            Topic t = kb.topic(m.topicId()).orElseThrow();
            String withoutTitle = m.body().startsWith("# ") ? m.body().substring(m.body().indexOf('\n') + 1) : m.body();
            String plain = PLACEHOLDER.matcher(withoutTitle).replaceAll(r -> r.group(1).replace('_', ' '))
                    .replaceAll("[#*>\\[\\]`]+", " ");
            docs.add(new SearchDoc("material", m.id(), m.titleRu(), m.titleEn(), t.id(), t.titleRu(), t.titleEn(),
                    plain, "", m.summaryEn(), List.of(m.summaryRu(), kindWords(m.kind())), List.of(kindWordsEn(m.kind())),
                    List.of(kindWords(m.kind()), kindWordsEn(m.kind()), "материал материалы образец пример material sample")));
        }
        return docs;
    }

    private static String kindWords(Material.Kind k) {
        return switch (k) {
            case GUIDE -> "методичка руководство памятка инструкция";
            case CHECKLIST -> "чек-лист чеклист список проверки";
            case TEMPLATE -> "шаблон образец бланк письмо";
        };
    }

    private static String kindWordsEn(Material.Kind k) {
        return switch (k) {
            case GUIDE -> "handbook guide manual";
            case CHECKLIST -> "checklist check list";
            case TEMPLATE -> "template sample form letter";
        };
    }
}
