package coach.text;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * The one language-processing layer of the coach: OpenNLP tokenisation, normalisation and Snowball
 * stems. Search analysis, phrasing rules and drill rubrics all see text through it.
 */
public final class TextAnalyzer {
    private TextAnalyzer() {
    }

    public static List<Token> analyze(String text) {
        Span[] spans = SimpleTokenizer.INSTANCE.tokenizePos(text);
        List<Token> out = new ArrayList<>(spans.length);
        for (Span s : spans) {
            String raw = text.substring(s.getStart(), s.getEnd());
            Word w = Word.of(raw);
            out.add(new Token(raw, s.getStart(), s.getEnd(), w.norm(), w.stem(), w.kind(), w));
        }
        return out;
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
