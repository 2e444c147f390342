package coach.text;

import java.util.ArrayList;
import java.util.List;
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

    public static List<Token> analyze(String text) {
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
