package coach.classify;

import coach.text.Token;
import java.util.List;

/** The stock feature generators: bag of words and word bigrams over stems of {@link coach.text.TextAnalyzer}. */
public final class Features {
    private Features() {
    }

    /** {@code w=<stem>} for every word and number token. */
    public static TextFeatureGenerator words() {
        return new Words();
    }

    /** {@code bi=<stem>_<stem>} for adjacent words, with {@code ^} and {@code $} marking the text's start and end. */
    public static TextFeatureGenerator bigrams() {
        return new Bigrams();
    }

    static boolean content(Token t) {
        return t.isWord() || t.kind() == Token.Kind.NUMBER;
    }

    static final class Words extends TextFeatureGenerator {
        @Override
        public void features(Doc doc, List<String> out) {
            for (Token t : doc.tokens()) {
                if (content(t)) {
                    out.add("w=" + (t.kind() == Token.Kind.NUMBER ? "#" : t.stem()));
                }
            }
        }
    }

    static final class Bigrams extends TextFeatureGenerator {
        @Override
        public void features(Doc doc, List<String> out) {
            String prev = "^";
            for (Token t : doc.tokens()) {
                if (content(t)) {
                    String s = t.kind() == Token.Kind.NUMBER ? "#" : t.stem();
                    out.add("bi=" + prev + "_" + s);
                    prev = s;
                }
            }
            out.add("bi=" + prev + "_$");
        }
    }
}
