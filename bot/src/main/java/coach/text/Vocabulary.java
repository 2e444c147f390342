package coach.text;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide numbers for the words patterns ask for (stems, normalised forms, lemmas) and for the tags they
 * test, given when the patterns are compiled. A text's words carry these numbers ({@link Word}), so matching
 * compares ints instead of hashing and comparing Russian strings on every token. Only compiling adds to it
 * (a bounded set: the content's own words); a text's words are looked up, never added. Thread-safe.
 */
public final class Vocabulary {
    private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Integer> TAGS = new ConcurrentHashMap<>();
    /** Grows with every new word: a {@link Word} whose numbers were looked up at another generation looks them up again. */
    private static volatile int generation;

    private Vocabulary() {
    }

    /** The number of a pattern word, given now if it has none. */
    public static int register(String word) {
        Integer id = IDS.get(word);
        if (id != null) {
            return id;
        }
        synchronized (IDS) {
            id = IDS.get(word);
            if (id == null) {
                id = IDS.size();
                IDS.put(word, id);
                generation = generation + 1;
            }
            return id;
        }
    }

    /** The number of a word, or -1 when no pattern asks for it. */
    public static int id(String word) {
        Integer id = IDS.get(word);
        return id == null ? -1 : id;
    }

    /** The number of a tag a pattern tests ("VB:IMP"), given now if it has none. */
    public static int registerTag(String fields) {
        return TAGS.computeIfAbsent(fields, f -> TAGS.size());
    }

    static int generation() {
        return generation;
    }
}
