package coach.tone;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a message into sentences: after {@code . ! ? …} (and runs of them, closing quotes and
 * brackets) followed by a space and something that can start a sentence, and at line breaks. A dot
 * after a common abbreviation (т. е., г., ул., д., им., № …), an initial (А. С. Пушкин) or inside a
 * number (3.5) does not end a sentence. Linear in the text's length.
 */
public final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "т", "е", "г", "гг", "ул", "д", "им", "стр", "кв", "корп", "пр", "пер", "обл", "р", "руб", "коп", "тыс", "млн", "млрд",
            "см", "напр", "др", "т.е", "т.д", "т.п", "и.о", "тел", "доб", "каб", "эт", "мин", "сек", "ч", "ср", "вт", "пн",
            "чт", "пт", "сб", "вс", "янв", "фев", "мар", "апр", "авг", "сент", "окт", "нояб", "дек", "гр", "шт", "mr", "mrs",
            "ms", "dr", "st", "no", "vs", "etc", "e.g", "i.e", "inc", "ltd", "jr", "sr", "approx", "dept");

    private Sentences() {
    }

    /** The sentences as {@code [start, end)} offsets, trimmed, in order; empty for a blank text. */
    public static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(out, text, start, i);
                start = i + 1;
                i++;
                continue;
            }
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                int j = i;
                while (j < n && ".!?…".indexOf(text.charAt(j)) >= 0) {
                    j++;
                }
                while (j < n && "»\"”’)]".indexOf(text.charAt(j)) >= 0) {
                    j++;
                }
                boolean ends = j >= n || (Character.isWhitespace(text.charAt(j)) && startsSentence(text, j));
                if (ends && c == '.' && j == i + 1 && abbreviation(text, i)) {
                    ends = false;
                }
                if (ends) {
                    add(out, text, start, j);
                    start = j;
                }
                i = j;
                continue;
            }
            i++;
        }
        add(out, text, start, n);
        return out;
    }

    private static boolean startsSentence(String text, int from) {
        int k = from;
        while (k < text.length() && Character.isWhitespace(text.charAt(k)) && text.charAt(k) != '\n') {
            k++;
        }
        if (k >= text.length()) {
            return true;
        }
        char c = text.charAt(k);
        return Character.isUpperCase(c) || Character.isDigit(c) || "«\"“(—–-".indexOf(c) >= 0 || c == '\n'
                || Character.isSurrogate(c) || Character.getType(c) == Character.OTHER_SYMBOL;
    }

    /** Whether the dot at {@code dot} closes an abbreviation or an initial rather than a sentence. */
    public static boolean abbreviation(CharSequence text, int dot) {
        int k = dot;
        while (k > 0 && (Character.isLetter(text.charAt(k - 1)) || text.charAt(k - 1) == '.')) {
            k--;
        }
        String word = text.subSequence(k, dot).toString();
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    private static void add(List<int[]> out, String text, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            out.add(new int[] {s, e});
        }
    }
}
