package coach.text;

import java.util.Locale;

/** Character-level normalisation shared by search, rules and rubrics: lower case, ё→е, typographic quotes and dashes unified. */
public final class Normalizer {
    private Normalizer() {
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
            case 'ё': return 'е';
            case 'Ё': return 'Е';
            case '’': case '‘': case '`': return '\'';
            case '–': case '—': case '−': return '-';
            default: return c;
        }
    }
}
