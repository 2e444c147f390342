package coach.text.morph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * LanguageTool's Russian dictionaries (from AOT), read with morfologik, each loaded once per
 * process on first use (lazy holder classes: class initialisation is thread-safe). A morfologik
 * {@link Dictionary} is immutable and shared; a {@link DictionaryLookup} keeps mutable buffers and
 * is not thread-safe, so each thread gets its own through a {@link ThreadLocal}.
 */
final class Dictionaries {
    static final String DIR = "/org/languagetool/resource/ru/";

    private Dictionaries() {
    }

    private static Dictionary read(String name) {
        try (InputStream fsa = Dictionaries.class.getResourceAsStream(DIR + name + ".dict");
             InputStream info = Dictionaries.class.getResourceAsStream(DIR + name + ".info")) {
            if (fsa == null || info == null) {
                throw new IllegalStateException("the Russian dictionary " + DIR + name + ".dict is missing from the build");
            }
            return Dictionary.read(fsa, info);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Russian dictionary " + name, e);
        }
    }

    static String resource(String name) {
        try (InputStream in = Dictionaries.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException(DIR + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Analysis: form → lemma + tag ({@code russian.dict}), plus LanguageTool's manual additions ({@code added.txt}). */
    static final class Analysis {
        static final Dictionary DICT = read("russian");
        static final Lexicon ADDED = Lexicon.parseLenient(resource("added.txt"));
        private static final ThreadLocal<DictionaryLookup> LOOKUP = ThreadLocal.withInitial(() -> new DictionaryLookup(DICT));

        private Analysis() {
        }

        /** Adds the dictionary's readings of a lower-case form to {@code out}. */
        static void lookup(String form, List<Reading> out) {
            for (WordData wd : LOOKUP.get().lookup(form)) {
                CharSequence stem = wd.getStem();
                CharSequence tag = wd.getTag();
                if (stem != null && tag != null) {
                    out.add(new Reading(stem.toString(), tag.toString()));
                }
            }
        }
    }

    /** Synthesis: {@code lemma|TAG} → forms ({@code russian_synth.dict}). */
    static final class Synthesis {
        static final Dictionary DICT = read("russian_synth");
        private static final ThreadLocal<DictionaryLookup> LOOKUP = ThreadLocal.withInitial(() -> new DictionaryLookup(DICT));

        private Synthesis() {
        }

        static List<String> lookup(String key) {
            List<WordData> found = LOOKUP.get().lookup(key);
            if (found.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>(found.size());
            for (WordData wd : found) {
                if (wd.getStem() != null) {
                    String s = wd.getStem().toString();
                    if (!out.contains(s)) {
                        out.add(s);
                    }
                }
            }
            return out;
        }
    }

    /** Every tag the dictionaries use ({@code tags_russian.txt}); lexicon entries must use one of them. */
    static final class Tags {
        static final Set<String> ALL = load();

        private Tags() {
        }

        private static Set<String> load() {
            Set<String> s = new HashSet<>();
            for (String line : resource("tags_russian.txt").split("\r?\n")) {
                String t = line.strip();
                if (!t.isEmpty()) {
                    s.add(t);
                }
            }
            return java.util.Collections.unmodifiableSet(s);
        }
    }
}
