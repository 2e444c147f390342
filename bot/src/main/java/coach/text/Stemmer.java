package coach.text;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * Snowball stemming through OpenNLP for Russian and English. OpenNLP's stemmers keep state, so each
 * thread gets its own pair.
 */
public final class Stemmer {
    private static final ThreadLocal<SnowballStemmer> RU =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.RUSSIAN));
    private static final ThreadLocal<SnowballStemmer> EN =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));

    /** Stems of frequent words: stemming is the largest single cost of analysing a message. */
    private static final coach.text.morph.BoundedCache<String> CACHE = new coach.text.morph.BoundedCache<>(50_000);

    private Stemmer() {
    }

    /** Stems a normalised word; the language is taken from the word's own script. */
    public static String stem(String normWord) {
        if (normWord.isEmpty()) {
            return normWord;
        }
        String cached = CACHE.get(normWord);
        if (cached != null) {
            return cached;
        }
        char c = normWord.charAt(0);
        String stem;
        if (Lang.isCyrillic(c)) {
            stem = RU.get().stem(normWord).toString();
        } else if (c < 128 && Character.isLetter(c)) {
            stem = EN.get().stem(normWord).toString();
        } else {
            return normWord;
        }
        if (normWord.length() <= 40) {
            CACHE.put(normWord, stem);
        }
        return stem;
    }
}
