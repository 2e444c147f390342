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

    private Stemmer() {
    }

    /** Stems a normalised word; the language is taken from the word's own script. */
    public static String stem(String normWord) {
        if (normWord.isEmpty()) {
            return normWord;
        }
        char c = normWord.charAt(0);
        if (c >= 0x0400 && c <= 0x04FF) {
            return RU.get().stem(normWord).toString();
        }
        if (c < 128 && Character.isLetter(c)) {
            return EN.get().stem(normWord).toString();
        }
        return normWord;
    }
}
