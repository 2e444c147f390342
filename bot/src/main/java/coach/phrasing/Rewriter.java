package coach.phrasing;

import coach.text.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a whole-message suggestion: each risky span replaced, the sentence repaired around it
 * (capital letter at a sentence start, lower case inside a sentence, no dangling or doubled
 * punctuation, no doubled spaces), everything else left as it was.
 */
final class Rewriter {
    private static final String SENTENCE_END = ".!?…";
    private static final String CLAUSE_MARKS = ",;:";
    private static final String CLOSERS = ".,!?;:)]»”…";
    /** An HTML tag, skipped when looking for the start of a sentence ("<b>Это…" starts one). */
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("</?[A-Za-z][^<>]{0,200}>");

    private Rewriter() {
    }

    /** A span to replace; an empty replacement deletes it. */
    record Edit(int start, int end, String replacement) {
    }

    /** Applies non-overlapping edits sorted by start. */
    static String apply(String text, List<Edit> edits) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        boolean capNext = false;
        for (Edit e : edits) {
            appendSource(out, text, at, e.start(), capNext);
            capNext = false;
            String r = e.replacement();
            if (r.isEmpty()) {
                at = delete(out, text, e.end());
                capNext = atSentenceStart(out);
                continue;
            }
            boolean attached = ",;".indexOf(r.charAt(0)) >= 0; // «…9 900 руб., к сожалению, …»: a comma joins what stands before
            if (!attached && (atSentenceStart(out) || (Character.isUpperCase(text.charAt(e.start())) && afterEmoji(out)))) {
                r = capitalise(r); // «… 😉 Тетрадку захвати» : the emoji ended the sentence before
            } else if (!latinName(r, text)) {
                r = decapitalise(r);
            }
            char spanLast = text.charAt(e.end() - 1);
            if (SENTENCE_END.indexOf(spanLast) >= 0 && SENTENCE_END.indexOf(r.charAt(r.length() - 1)) < 0) {
                // the span took the sentence's own end: the replacement must end it again
                r = r + (spanLast == '?' ? '.' : spanLast);
            }
            if (out.length() > 0 && Character.isLetterOrDigit(out.charAt(out.length() - 1)) && Character.isLetterOrDigit(r.charAt(0))) {
                out.append(' ');
            }
            out.append(r);
            int k = e.end();
            if (SENTENCE_END.indexOf(r.charAt(r.length() - 1)) >= 0) {
                while (k < text.length() && SENTENCE_END.indexOf(text.charAt(k)) >= 0) {
                    k++;
                }
            }
            if (k < text.length() && Character.isLetterOrDigit(text.charAt(k))) {
                out.append(' ');
            }
            at = k;
        }
        appendSource(out, text, at, text.length(), capNext);
        return out.toString();
    }

    private static void appendSource(StringBuilder out, String text, int from, int to, boolean capitalise) {
        if (from >= to) {
            return;
        }
        if (!capitalise) {
            out.append(text, from, to);
            return;
        }
        int i = from;
        while (i < to && !Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        out.append(text, from, i);
        if (i < to) {
            out.append(Character.toUpperCase(text.charAt(i)));
            out.append(text, i + 1, to);
        }
    }

    /** Removes a deleted span's seam: spaces, the clause mark left dangling, an emptied sentence. Returns where the source resumes. */
    private static int delete(StringBuilder out, String text, int end) {
        int trimmed = out.length();
        while (trimmed > 0 && isBlank(out.charAt(trimmed - 1))) {
            trimmed--;
        }
        String leftGap = out.substring(trimmed);
        out.setLength(trimmed);
        int k = end;
        while (k < text.length() && isBlank(text.charAt(k))) {
            k++;
        }
        String rightGap = text.substring(end, k);
        char left = out.length() == 0 ? 0 : out.charAt(out.length() - 1);
        char right = k < text.length() ? text.charAt(k) : 0;
        boolean open = atSentenceStart(out);
        if (right != 0 && CLAUSE_MARKS.indexOf(right) >= 0 && (open || CLAUSE_MARKS.indexOf(left) >= 0 || left == '—' || left == '–' || left == '(')) {
            k = skipBlank(text, k + 1);
            right = k < text.length() ? text.charAt(k) : 0;
        } else if (right != 0 && (right == '—' || right == '–') && open) {
            k = skipBlank(text, k + 1);
            right = k < text.length() ? text.charAt(k) : 0;
        } else if ((CLAUSE_MARKS.indexOf(left) >= 0 || left == '—' || left == '–')
                && (right == 0 || right == '\n' || SENTENCE_END.indexOf(right) >= 0 || right == ')')) {
            out.setLength(out.length() - 1);
            while (out.length() > 0 && isBlank(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1);
            }
        }
        if (open && right != 0 && SENTENCE_END.indexOf(right) >= 0) {
            while (k < text.length() && SENTENCE_END.indexOf(text.charAt(k)) >= 0) {
                k++;
            }
            k = skipBlank(text, k);
            right = k < text.length() ? text.charAt(k) : 0;
            if (out.length() > 0 && right != 0 && right != '\n' && !isBlank(out.charAt(out.length() - 1))) {
                out.append(leftGap.isEmpty() ? " " : leftGap);
            }
            return k;
        }
        if (out.length() == 0 || out.charAt(out.length() - 1) == '\n' || right == 0 || right == '\n' || CLOSERS.indexOf(right) >= 0) {
            return k;
        }
        out.append(!leftGap.isEmpty() ? leftGap : !rightGap.isEmpty() ? rightGap : " ");
        return k;
    }

    private static int skipBlank(String text, int k) {
        while (k < text.length() && isBlank(text.charAt(k))) {
            k++;
        }
        return k;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F';
    }

    /** Whether text appended now would begin a sentence: at the start, after . ! ? … or a paragraph. */
    /** Whether the text written so far ends in an emoji or a chat bracket smiley («)»), spaces aside. */
    private static boolean afterEmoji(CharSequence out) {
        int i = out.length() - 1;
        while (i >= 0 && Character.isWhitespace(out.charAt(i))) {
            i--;
        }
        if (i < 0 || i == out.length() - 1) {
            return false;
        }
        char c = out.charAt(i);
        if (c == ')' || c == '(') {
            return true;
        }
        if (Character.isLowSurrogate(c) && i > 0) {
            int cp = Character.toCodePoint(out.charAt(i - 1), c);
            return Character.getType(cp) == Character.OTHER_SYMBOL;
        }
        return c == '\uFE0F' || Character.getType(c) == Character.OTHER_SYMBOL;
    }

    /** A replacement that opens with a capitalised Latin word inside Cyrillic text: a product name («Windows»), kept. */
    private static boolean latinName(String r, String text) {
        if (r.isEmpty() || r.charAt(0) >= 128 || !Character.isUpperCase(r.charAt(0))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (coach.text.Lang.isCyrillic(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean atSentenceStart(CharSequence out) {
        int i = out.length() - 1;
        while (i >= 0) {
            char c = out.charAt(i);
            if (c == '\n') {
                int j = i - 1;
                while (j >= 0 && Character.isWhitespace(out.charAt(j))) {
                    j--;
                }
                return j < 0 || (out.charAt(j) != ',' && out.charAt(j) != ':' && out.charAt(j) != '—');
            }
            if (c == '>') {
                int lt = out.toString().lastIndexOf('<', i);
                if (lt >= 0 && i - lt > 1 && TAG.matcher(out.subSequence(lt, i + 1)).matches()) {
                    i = lt - 1;
                    continue;
                }
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c) || "«\"“„'([*_~`#>".indexOf(c) >= 0 || Character.isSurrogate(c)
                    || Character.getType(c) == Character.OTHER_SYMBOL) {
                i--;
                continue;
            }
            return SENTENCE_END.indexOf(c) >= 0;
        }
        return true;
    }

    static String capitalise(String r) {
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (Character.isLetter(c)) {
                return r.substring(0, i) + Character.toUpperCase(c) + r.substring(i + 1);
            }
            if (Character.isDigit(c)) {
                return r;
            }
        }
        return r;
    }

    /** Lower-cases a sentence-case replacement used inside a sentence; acronyms and English "I" stay. */
    static String decapitalise(String r) {
        if (r.isEmpty()) {
            return r; // a removed piece: nothing to lower
        }
        char c = r.charAt(0);
        if (!Character.isUpperCase(c)) {
            return r;
        }
        boolean english = c < 128;
        if (english && c == 'I' && (r.length() == 1 || !Character.isLetter(r.charAt(1)))) {
            return r;
        }
        if (r.length() > 1 && Character.isUpperCase(r.charAt(1))) {
            return r;
        }
        if (english && PROPER.contains(r.split("[^A-Za-z]", 2)[0])) {
            return r; // «for Saturday»: English weekdays and months keep their capital
        }
        return Character.toLowerCase(c) + r.substring(1);
    }

    /** English words always written with a capital: weekdays and months. */
    private static final java.util.Set<String> PROPER = java.util.Set.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday", "January", "February", "March", "April", "June", "July", "August", "September", "October",
            "November", "December");

    /**
     * The facts of a text: its numbers and the capitalised words inside sentences (names). Tokens in
     * the exempt spans (jargon that is meant to go) and the first word of a risky span (a capital
     * there starts the phrase, it is no name) do not count.
     */
    static List<Token> facts(String text, List<Token> tokens, List<int[]> exempt, List<int[]> spans) {
        List<Token> out = new java.util.ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (inside(t, exempt) || startsSpan(t, spans)) {
                continue;
            }
            boolean fact = t.kind() == Token.Kind.NUMBER;
            if (!fact && t.isWord() && Character.isUpperCase(t.text().charAt(0)) && !t.text().equals("I") && i > 0) {
                Token p = tokens.get(i - 1);
                boolean sentenceStart = p.norm().length() == 1 && SENTENCE_END.indexOf(p.norm().charAt(0)) >= 0
                        || text.substring(p.end(), t.start()).indexOf('\n') >= 0;
                fact = !sentenceStart;
            }
            if (fact) {
                out.add(t);
            }
        }
        return out;
    }

    static Map<String, Integer> count(List<Token> facts) {
        Map<String, Integer> out = new HashMap<>();
        for (Token t : facts) {
            out.merge(t.text(), 1, Integer::sum);
        }
        return out;
    }

    private static boolean startsSpan(Token t, List<int[]> spans) {
        for (int[] s : spans) {
            if (t.start() == s[0]) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(Token t, List<int[]> spans) {
        for (int[] s : spans) {
            if (t.start() >= s[0] && t.end() <= s[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether every fact of the original still occurs (at least as often) in the suggestion's tokens. */
    static boolean keepsFacts(Map<String, Integer> facts, List<Token> suggestion) {
        if (facts.isEmpty()) {
            return true;
        }
        Map<String, Integer> have = new HashMap<>();
        for (Token t : suggestion) {
            if (facts.containsKey(t.text())) {
                have.merge(t.text(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : facts.entrySet()) {
            if (have.getOrDefault(e.getKey(), 0) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
