package coach.search;

import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.text.Lang;
import coach.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The situations and questions each principle or material answers, as assistants type them:
 * {@code knowledge-base/situations/ru.tsv} and {@code en.tsv}, one {@code id<TAB>text} per line,
 * {@code #} comments. An id is a principle, a material, {@link #NONE} (the guide does not answer
 * this) or {@link #SMALL_TALK} (greetings and questions about the bot). They train the intent model.
 */
public final class Situations {
    public static final String DIR = "situations";
    public static final String NONE = "none";
    public static final String SMALL_TALK = "smalltalk";
    /** Every principle needs at least this many situations per language file. */
    static final int MIN_PER_PRINCIPLE = 5;

    /** One labelled line. */
    public record Example(Lang lang, String id, String text, String file, int line) {
    }

    private Situations() {
    }

    public static String file(Lang lang) {
        return DIR + "/" + lang.code() + ".tsv";
    }

    /** True when the knowledge base has situation files at all (older or trimmed copies may not). */
    public static boolean present(ContentSource source) {
        return source.exists(file(Lang.RU)) || source.exists(file(Lang.EN));
    }

    /** Reads and validates both files against the knowledge base's principles and material files ({@code materials/<id>.md}). */
    public static List<Example> load(coach.kb.KnowledgeBase kb) {
        Set<String> principles = new java.util.LinkedHashSet<>();
        kb.principles().forEach(p -> principles.add(p.id()));
        Set<String> materials = new java.util.LinkedHashSet<>();
        for (String path : kb.source().list("materials", ".md")) {
            materials.add(path.substring(path.lastIndexOf('/') + 1, path.length() - 3));
        }
        return load(kb.source(), principles, materials);
    }

    /**
     * Reads and validates both files. {@code principleIds} must each have situations in every present
     * file; {@code materialIds} may. Unknown ids, malformed lines and one text under two ids are errors
     * naming the file and line.
     */
    public static List<Example> load(ContentSource source, Set<String> principleIds, Set<String> materialIds) {
        List<Example> out = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            String file = file(lang);
            if (source.exists(file)) {
                out.addAll(parse(file, lang, source.read(file), principleIds, materialIds));
            }
        }
        return out;
    }

    static List<Example> parse(String file, Lang lang, String text, Set<String> principleIds, Set<String> materialIds) {
        List<Example> out = new ArrayList<>();
        Map<String, Integer> countById = new HashMap<>();
        Map<String, Example> byText = new HashMap<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new ContentException(file, no, "expected 'id<TAB>text', found no tab");
            }
            String id = line.substring(0, tab).strip();
            String body = line.substring(tab + 1).strip();
            if (body.indexOf('\t') >= 0) {
                throw new ContentException(file, no, "expected 'id<TAB>text', found more than one tab");
            }
            if (body.isEmpty()) {
                throw new ContentException(file, no, "the situation text is empty");
            }
            if (!principleIds.contains(id) && !materialIds.contains(id) && !id.equals(NONE) && !id.equals(SMALL_TALK)) {
                throw new ContentException(file, no, "unknown id '" + id + "': use a principle id from principles.yaml, a material id, '"
                        + NONE + "' or '" + SMALL_TALK + "'");
            }
            Example e = new Example(lang, id, body, file, no);
            Example before = byText.putIfAbsent(key(body), e);
            if (before != null && !before.id().equals(id)) {
                throw new ContentException(file, no, "the same text is already listed under '" + before.id() + "' at line " + before.line());
            }
            if (before == null) {
                out.add(e);
                countById.merge(id, 1, Integer::sum);
            }
        }
        Set<String> thin = new TreeSet<>();
        for (String p : principleIds) {
            if (countById.getOrDefault(p, 0) < MIN_PER_PRINCIPLE) {
                thin.add(p);
            }
        }
        if (!thin.isEmpty()) {
            throw new ContentException(file, 0, "every principle needs at least " + MIN_PER_PRINCIPLE + " situations; too few for " + thin);
        }
        return out;
    }

    /** The text as compared for duplicates and small talk: normalised, punctuation dropped, spaces collapsed. */
    static String key(String text) {
        String n = Normalizer.norm(text);
        StringBuilder b = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                b.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return b.toString();
    }
}
