package coach.classify;

import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.List;
import java.util.Map;

/**
 * A text as feature generators see it: the raw text (for capitals, punctuation runs, emoji) and its
 * tokens from {@link TextAnalyzer} (normalised forms and stems). Analysed once per text, shared by
 * every generator.
 *
 * @param text   the text as written
 * @param tokens its tokens
 * @param extra  anything the caller adds for its own generators (e.g. the sentence's position in a message)
 */
public record Doc(String text, List<Token> tokens, Map<String, Object> extra) {
    /** The key under which the Doc travels in OpenNLP's {@code extraInformation} map. */
    static final String KEY = "coach.classify.doc";

    public static Doc of(String text) {
        return new Doc(text, TextAnalyzer.analyze(text), Map.of());
    }

    public static Doc of(String text, List<Token> tokens) {
        return new Doc(text, tokens, Map.of());
    }

    /** The normalised token forms, what OpenNLP receives as the document. */
    String[] norms() {
        String[] out = new String[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tokens.get(i).norm();
        }
        return out;
    }
}
