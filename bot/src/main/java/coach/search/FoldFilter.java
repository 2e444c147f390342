package coach.search;

import coach.text.Normalizer;
import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene stage that folds each character as the rest of the coach does ({@link Normalizer#normChar}: ё→е,
 * typographic quotes and dashes), in place, so offsets stay those of the original text.
 */
final class FoldFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    FoldFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buf = term.buffer();
        for (int i = 0, n = term.length(); i < n; i++) {
            buf[i] = Normalizer.normChar(buf[i]);
        }
        return true;
    }
}
