package coach.text;

/**
 * Literal prefilters for case-insensitive regular expressions ({@code (?iu)}, {@code (?iuU)}): a text that does not
 * hold some literal every match needs cannot match, and telling that costs a pass over the text instead of the
 * expression's search (which tries every alternative at every position).
 */
public final class CaseFold {
    private CaseFold() {
    }

    /** A character as {@code (?iu)} compares it: upper-cased, then lower-cased. */
    public static char fold(char c) {
        // the common letters first: ASCII, and Cyrillic А–Я / а–я / Ё / ё (their folds are their lower case)
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        if (c >= '\u0410' && c <= '\u044F') {
            return c <= '\u042F' ? (char) (c + 32) : c;
        }
        if (c == '\u0401' || c == '\u0451') {
            return '\u0451';
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The text with every character folded as {@link #fold(char)} folds it. */
    public static String fold(String s) {
        int i = 0;
        while (i < s.length() && fold(s.charAt(i)) == s.charAt(i)) {
            i++;
        }
        if (i == s.length()) {
            return s; // already folded: no copy
        }
        char[] f = s.toCharArray();
        for (; i < f.length; i++) {
            f[i] = fold(f[i]);
        }
        return new String(f);
    }

    /**
     * Whether the text, folded, contains one of {@code literals} (each given folded: lower case, no character whose
     * fold differs from it). A {@code (?iu)} expression each of whose matches holds one of them cannot match a text
     * for which this is false.
     */
    public static boolean containsAny(String s, String... literals) {
        String folded = fold(s);
        for (String w : literals) {
            if (folded.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
