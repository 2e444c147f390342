package coach.text;

import java.util.Locale;

/**
 * Character-level normalisation shared by search, rules, rubrics and every word comparison: lower case,
 * ё→е (Russian writes ё optionally), typographic quotes and dashes unified. The one place ё is folded.
 */
public final class Normalizer {
    private Normalizer() {
    }

    /** ё → е, Ё → Е; any other character as it is. */
    public static char foldYo(char c) {
        return c == 'ё' ? 'е' : c == 'Ё' ? 'Е' : c;
    }

    /** The text with ё → е and Ё → Е (the same string when it has neither). */
    public static String foldYo(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'ё' || c == 'Ё') {
                return s.replace('ё', 'е').replace('Ё', 'Е');
            }
        }
        return s;
    }

    /** Lower case and ё → е, nothing else: how a word is compared where punctuation still matters. */
    public static String fold(String s) {
        return foldYo(s.toLowerCase(Locale.ROOT));
    }

    public static String norm(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(normChar(s.charAt(i)));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    public static char normChar(char c) {
        switch (c) {
            case 'ё': case 'Ё': return foldYo(c);
            case '’': case '‘': case '`': return '\'';
            case '–': case '—': case '−': return '-';
            default: return c;
        }
    }
}
