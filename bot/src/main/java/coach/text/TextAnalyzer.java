package coach.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * The one language-processing layer of the coach: OpenNLP tokenisation, normalisation and Snowball
 * stems. Search analysis, phrasing rules and drill rubrics all see text through it.
 */
public final class TextAnalyzer {
    private TextAnalyzer() {
    }

    /** One user-perceived character: an emoji with its modifiers, variation selector and joined parts is one. */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    /** Texts longer than this are not remembered by {@link #remembering}: memory stays what one analysis takes. */
    private static final int MEMO_MAX_CHARS = 4_000;

    /** The analyses of the current {@link #remembering} call on this thread, by text; null outside one. */
    private static final ThreadLocal<Map<String, List<Token>>> MEMO = new ThreadLocal<>();

    /**
     * Runs {@code body} with every text it analyses remembered until it returns: one piece of work (a check of a
     * draft) analyses the same versions and suggestions again in several steps, and each step then gets the same
     * tokens (an unmodifiable list) without tokenising again. Nested calls share the outer memory.
     */
    public static <T> T remembering(java.util.function.Supplier<T> body) {
        if (MEMO.get() != null) {
            return body.get();
        }
        MEMO.set(new HashMap<>());
        try {
            return body.get();
        } finally {
            MEMO.remove();
        }
    }

    public static List<Token> analyze(String text) {
        Map<String, List<Token>> memo = MEMO.get();
        if (memo == null || text.length() > MEMO_MAX_CHARS) {
            return tokenize(text);
        }
        List<Token> ts = memo.get(text);
        if (ts == null) {
            ts = Collections.unmodifiableList(tokenize(text));
            memo.put(text, ts);
        }
        return ts;
    }

    private static List<Token> tokenize(String text) {
        Span[] spans = SimpleTokenizer.INSTANCE.tokenizePos(text);
        List<Token> out = new ArrayList<>(spans.length);
        Matcher cluster = null;
        for (int i = 0; i < spans.length; i++) {
            int start = spans[i].getStart();
            int end = spans[i].getEnd();
            if (symbolAt(text, start)) {
                // the tokenizer cuts an emoji into its UTF-16 halves and parts («👍🏻», «❤️», «👨‍👩‍👧»): it is one token
                if (cluster == null) {
                    cluster = GRAPHEME.matcher(text);
                }
                cluster.region(start, text.length());
                if (cluster.lookingAt() && cluster.end() > end) {
                    int j = i;
                    while (j + 1 < spans.length && spans[j + 1].getEnd() <= cluster.end()) {
                        j++;
                    }
                    if (spans[j].getEnd() == cluster.end()) {
                        i = j;
                        end = cluster.end();
                    }
                }
            }
            if (end - start > 1 && closingRun(text, start, end)) {
                // the tokenizer keeps «!!!», «...», «??» as one token: each mark is one, so a run ends its sentence
                for (int k = start; k < end; k++) {
                    String mark = text.substring(k, k + 1);
                    Word w = Word.of(mark);
                    out.add(new Token(mark, k, k + 1, w.norm(), w.stem(), w.kind(), w));
                }
                continue;
            }
            String raw = text.substring(start, end);
            Word w = Word.of(raw);
            out.add(new Token(raw, start, end, w.norm(), w.stem(), w.kind(), w));
        }
        return out;
    }

    /** Whether text[start, end) is a run of sentence-closing marks only («!!», «...», «?!»). */
    private static boolean closingRun(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            if (".!?".indexOf(text.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether an emoji or another symbol (not a letter, digit or punctuation mark) starts at {@code i}. */
    private static boolean symbolAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) || Character.getType(c) == Character.OTHER_SYMBOL;
    }

    /** Stems of the words of a text, in order; handy for building patterns and indexes. */
    public static List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : analyze(text)) {
            if (t.isWord() || t.kind() == Token.Kind.NUMBER) {
                out.add(t.stem());
            }
        }
        return out;
    }
}
