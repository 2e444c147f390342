package coach.text.morph;

import coach.kb.ContentException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Word forms added to the dictionary: lines {@code form<TAB>lemma<TAB>tag} in the dictionary's tag
 * format; {@code #} starts a comment line, blank lines are skipped. Each entry is a reading for
 * analysis ({@code form} → lemma/tag) and a form for synthesis ({@code lemma|tag} → form).
 * Forms are looked up with ё read as е, so one entry serves both spellings.
 */
final class Lexicon {
    static final Lexicon EMPTY = new Lexicon(Map.of(), Map.of(), 0);

    /** е-folded lower-case form → readings. */
    private final Map<String, List<Reading>> readings;
    /** {@code lemma|tag} (lemma е-folded) → forms. */
    private final Map<String, List<String>> forms;
    private final int entries;

    private Lexicon(Map<String, List<Reading>> readings, Map<String, List<String>> forms, int entries) {
        this.readings = readings;
        this.forms = forms;
        this.entries = entries;
    }

    List<Reading> readings(String foldedForm) {
        return readings.getOrDefault(foldedForm, List.of());
    }

    List<String> forms(String foldedLemma, String tag) {
        return forms.getOrDefault(foldedLemma + "|" + tag, List.of());
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
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                throw new ContentException(file, lineNo, "expected three tab-separated fields: form, lemma, tag (found "
                        + f.length + ")");
            }
            String form = f[0].strip();
            String lemma = f[1].strip();
            String tag = f[2].strip();
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

    /** Lenient parse of a resource in the same format (LanguageTool's own additions): bad lines are skipped. */
    static Lexicon parseLenient(String text) {
        Builder b = new Builder();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length == 3 && !f[0].isBlank() && !f[1].isBlank() && !f[2].isBlank()) {
                b.add(f[0].strip().toLowerCase(Locale.ROOT), f[1].strip().toLowerCase(Locale.ROOT), f[2].strip());
            }
        }
        return b.build();
    }

    private static void checkWord(String file, int line, String what, String w) {
        if (w.isEmpty()) {
            throw new ContentException(file, line, "the " + what + " is empty");
        }
        if (!w.equals(w.toLowerCase(Locale.ROOT))) {
            throw new ContentException(file, line, "the " + what + " '" + w + "' must be in lower case");
        }
        boolean letter = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
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
        return s.indexOf('ё') < 0 ? s : s.replace('ё', 'е');
    }

    private static final class Builder {
        private final Map<String, List<Reading>> readings = new LinkedHashMap<>();
        private final Map<String, List<String>> forms = new LinkedHashMap<>();
        private int entries;

        void add(String form, String lemma, String tag) {
            entries++;
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
            String synthKey = foldYo(lemma) + "|" + tag;
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
            Map<String, List<Reading>> r = new HashMap<>(readings.size() * 2);
            for (Map.Entry<String, List<Reading>> e : readings.entrySet()) {
                r.put(e.getKey(), List.copyOf(e.getValue()));
            }
            Map<String, List<String>> f = new HashMap<>(forms.size() * 2);
            for (Map.Entry<String, List<String>> e : forms.entrySet()) {
                f.put(e.getKey(), List.copyOf(e.getValue()));
            }
            return new Lexicon(r, f, entries);
        }
    }
}
