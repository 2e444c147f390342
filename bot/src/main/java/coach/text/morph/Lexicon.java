package coach.text.morph;

import coach.text.Normalizer;
import coach.kb.ContentException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word forms added to the dictionary: lines {@code form<TAB>lemma<TAB>tag} in the dictionary's tag
 * format; {@code #} starts a comment line, blank lines are skipped. Each entry is a reading for
 * analysis ({@code form} → lemma/tag) and a form for synthesis ({@code lemma|tag} → form).
 * Forms are looked up with ё read as е, so one entry serves both spellings.
 *
 * <p>Parsed at start-up, often in a cold JVM: the parser scans each line once by hand (no regular
 * expressions, no string concatenation through invokedynamic) to keep that cheap. The maps are
 * never changed after parsing and never handed out for writing.
 */
final class Lexicon {
    static final Lexicon EMPTY = new Builder().build();

    /** е-folded lower-case form → readings. */
    private final Map<String, List<Reading>> readings;
    /** {@code lemma|tag} (lemma е-folded) → forms. */
    private final Map<String, List<String>> forms;
    /** The forms as written (ё kept). */
    private final Set<String> spelled;
    private final int entries;

    private Lexicon(Builder b) {
        this.readings = b.readings;
        this.forms = b.forms;
        this.spelled = b.spelled;
        this.entries = b.entries;
    }

    List<Reading> readings(String foldedForm) {
        List<Reading> r = readings.get(foldedForm);
        return r == null ? List.of() : r;
    }

    /** Whether {@code form} (lower case, exact ё/е spelling) is a form of some entry. */
    boolean hasForm(String form) {
        return spelled.contains(form);
    }

    List<String> forms(String foldedLemma, String tag) {
        List<String> f = forms.get(synthKey(foldedLemma, tag));
        return f == null ? List.of() : f;
    }

    boolean isEmpty() {
        return entries == 0;
    }

    int size() {
        return entries;
    }

    /**
     * Parses and validates a lexicon file of the knowledge base: three tab-separated fields, lower
     * case form and lemma without spaces, a tag the dictionary's tag set knows, no duplicate entry.
     *
     * @throws ContentException naming {@code file} and the line of the first problem
     */
    static Lexicon parse(String file, String text, Set<String> knownTags) {
        Builder b = new Builder();
        Map<String, Integer> seen = new HashMap<>();
        int lineNo = 0;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNo++;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int t1 = line.indexOf('\t');
            int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
            if (t1 < 0 || t2 < 0 || line.indexOf('\t', t2 + 1) >= 0) {
                int fields = 1;
                for (int i = 0; i < line.length(); i++) {
                    fields += line.charAt(i) == '\t' ? 1 : 0;
                }
                throw new ContentException(file, lineNo, "expected three tab-separated fields: form, lemma, tag (found "
                        + fields + ")");
            }
            String form = line.substring(0, t1).strip();
            String lemma = line.substring(t1 + 1, t2).strip();
            String tag = line.substring(t2 + 1).strip();
            checkWord(file, lineNo, "form", form);
            checkWord(file, lineNo, "lemma", lemma);
            if (tag.isEmpty()) {
                throw new ContentException(file, lineNo, "the tag is empty");
            }
            if (!knownTags.contains(tag)) {
                throw new ContentException(file, lineNo, "unknown tag '" + tag
                        + "': use a tag of the dictionary's tag set (tags_russian.txt), e.g. NN:Inanim:Masc:Sin:Nom");
            }
            Integer before = seen.putIfAbsent(line.strip(), lineNo);
            if (before != null) {
                throw new ContentException(file, lineNo, "duplicate entry (same as line " + before + ")");
            }
            b.add(form, lemma, tag);
        }
        return b.build();
    }

    /** Lenient parse of a resource in the same format (LanguageTool's own additions, lower case): bad lines are skipped. */
    static Lexicon parseLenient(String text) {
        Builder b = new Builder();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int t1 = text.indexOf('\t', start);
            int t2 = t1 < 0 || t1 >= end ? -1 : text.indexOf('\t', t1 + 1);
            if (text.charAt(start) != '#' && t1 > start && t2 > t1 + 1 && t2 < end - 1) {
                String tag = text.substring(t2 + 1, end).strip();
                if (!tag.isEmpty() && tag.indexOf('\t') < 0) {
                    b.add(text.substring(start, t1), text.substring(t1 + 1, t2), tag);
                }
            }
            start = end + 1;
        }
        return b.build();
    }

    private static void checkWord(String file, int line, String what, String w) {
        if (w.isEmpty()) {
            throw new ContentException(file, line, "the " + what + " is empty");
        }
        boolean letter = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (Character.isUpperCase(c)) {
                    throw new ContentException(file, line, "the " + what + " '" + w + "' must be in lower case");
                }
            } else if (c != '-' && c != '.' && c != '\'') {
                throw new ContentException(file, line, "the " + what + " '" + w
                        + "' may hold only letters, '-', '.' and an apostrophe");
            }
        }
        if (!letter) {
            throw new ContentException(file, line, "the " + what + " '" + w + "' has no letter");
        }
    }

    static String foldYo(String s) {
        return Normalizer.foldYo(s);
    }

    private static String synthKey(String foldedLemma, String tag) {
        return new StringBuilder(foldedLemma.length() + 1 + tag.length()).append(foldedLemma).append('|').append(tag).toString();
    }

    private static final class Builder {
        private final Map<String, List<Reading>> readings = new HashMap<>();
        private final Map<String, List<String>> forms = new HashMap<>();
        private final Set<String> spelled = new HashSet<>();
        private int entries;

        void add(String form, String lemma, String tag) {
            entries++;
            spelled.add(form);
            Reading r = new Reading(lemma, tag);
            String key = foldYo(form);
            List<Reading> rs = readings.get(key);
            if (rs == null) {
                rs = new ArrayList<>(2);
                readings.put(key, rs);
            }
            if (!rs.contains(r)) {
                rs.add(r);
            }
            String synthKey = synthKey(foldYo(lemma), tag);
            List<String> fs = forms.get(synthKey);
            if (fs == null) {
                fs = new ArrayList<>(1);
                forms.put(synthKey, fs);
            }
            if (!fs.contains(form)) {
                fs.add(form);
            }
        }

        Lexicon build() {
            return new Lexicon(this);
        }
    }
}
