package coach.match;

import coach.text.Normalizer;
import coach.text.Stemmer;
import coach.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A compiled token pattern: the one matcher that phrasing rules, drill rubrics and quiz key points
 * share. Patterns are written as text so editors can keep them in YAML:
 *
 * <pre>
 *   word        a token with the same Snowball stem as "word" (any inflection: наша/нашей/наши)
 *   =word       a token whose normalised form is exactly "word" (no stemming)
 *   word*       a token whose normalised form starts with "word"
 *   a|b|=c|d*   any of the alternatives
 *   !a|b        a token that is none of the alternatives (consumes one token)
 *   _           any one word or number
 *   #           a number
 *   ..N         skip up to N tokens (0-9), never across the end of a sentence
 *   X?          element X is optional
 *   , : ? ! - … a punctuation token, literally
 * </pre>
 *
 * Normalisation is the shared one (lower case, ё→е). Matches never cross a sentence end
 * ({@code . ! ? ;} or a line break) unless the pattern names that punctuation itself.
 */
public final class TokenPattern {
    private static final Set<String> SENTENCE_END = Set.of(".", "!", "?", ";", "…");

    private final String source;
    private final List<Element> elements;

    private TokenPattern(String source, List<Element> elements) {
        this.source = source;
        this.elements = elements;
    }

    public String source() {
        return source;
    }

    /** Compiles a pattern; throws {@link IllegalArgumentException} with a readable message when it is malformed. */
    public static TokenPattern compile(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("empty pattern");
        }
        List<Element> els = new ArrayList<>();
        for (String raw : source.strip().split("\\s+")) {
            els.add(element(raw, source));
        }
        boolean required = els.stream().anyMatch(e -> !e.optional && e.kind != Kind.GAP);
        if (!required) {
            throw new IllegalArgumentException("pattern '" + source + "' has no required element");
        }
        if (els.get(0).kind == Kind.GAP || els.get(els.size() - 1).kind == Kind.GAP) {
            throw new IllegalArgumentException("pattern '" + source + "' cannot start or end with a gap");
        }
        return new TokenPattern(source, List.copyOf(els));
    }

    private static Element element(String raw, String source) {
        if (raw.matches("\\.\\.[0-9]")) {
            return new Element(Kind.GAP, List.of(), false, false, raw.charAt(2) - '0');
        }
        boolean optional = false;
        String body = raw;
        if (body.length() > 1 && body.endsWith("?")) {
            optional = true;
            body = body.substring(0, body.length() - 1);
        }
        boolean negated = false;
        if (body.length() > 1 && body.startsWith("!")) {
            negated = true;
            body = body.substring(1);
        }
        if (body.equals("_")) {
            return new Element(Kind.ANY_WORD, List.of(), optional, false, 0);
        }
        if (body.equals("#")) {
            return new Element(Kind.NUMBER, List.of(), optional, false, 0);
        }
        List<Alt> alts = new ArrayList<>();
        for (String a : body.split("\\|")) {
            if (a.isEmpty()) {
                throw new IllegalArgumentException("empty alternative in '" + raw + "' of pattern '" + source + "'");
            }
            alts.add(alt(a));
        }
        return new Element(Kind.ALTS, List.copyOf(alts), optional, negated, 0);
    }

    private static Alt alt(String a) {
        if (a.startsWith("=") && a.length() > 1) {
            return new Alt(AltKind.EXACT, Normalizer.norm(a.substring(1)));
        }
        if (a.endsWith("*") && a.length() > 1) {
            return new Alt(AltKind.PREFIX, Normalizer.norm(a.substring(0, a.length() - 1)));
        }
        String n = Normalizer.norm(a);
        boolean word = Character.isLetter(n.codePointAt(0));
        return word ? new Alt(AltKind.STEM, Stemmer.stem(n)) : new Alt(AltKind.EXACT, n);
    }

    /** All non-overlapping matches, leftmost first, each as short as the pattern allows. */
    public List<Match> findAll(List<Token> tokens) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int end = matchAt(tokens, i, 0);
            if (end > i) {
                out.add(new Match(i, end, tokens.get(i).start(), tokens.get(end - 1).end()));
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    public boolean matches(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (matchAt(tokens, i, 0) > i) {
                return true;
            }
        }
        return false;
    }

    /** Returns the end token index of a match of elements[e..] starting at token t, or -1. */
    private int matchAt(List<Token> tokens, int t, int e) {
        if (e == elements.size()) {
            return t;
        }
        Element el = elements.get(e);
        if (el.kind == Kind.GAP) {
            for (int skip = 0; skip <= el.gap; skip++) {
                if (skip > 0) {
                    int k = t + skip - 1;
                    if (k >= tokens.size() || SENTENCE_END.contains(tokens.get(k).norm()) || tokens.get(k).text().contains("\n")) {
                        break;
                    }
                }
                int r = matchAt(tokens, t + skip, e + 1);
                if (r >= 0) {
                    return r;
                }
            }
            return -1;
        }
        if (t < tokens.size() && el.accepts(tokens.get(t))) {
            int r = matchAt(tokens, t + 1, e + 1);
            if (r >= 0) {
                return r;
            }
        }
        if (el.optional) {
            return matchAt(tokens, t, e + 1);
        }
        return -1;
    }

    @Override
    public String toString() {
        return source;
    }

    private enum Kind { ALTS, ANY_WORD, NUMBER, GAP }

    private enum AltKind { STEM, EXACT, PREFIX }

    private record Alt(AltKind kind, String value) {
        boolean accepts(Token tok) {
            return switch (kind) {
                case STEM -> tok.isWord() && tok.stem().equals(value);
                case EXACT -> tok.norm().equals(value);
                case PREFIX -> tok.norm().startsWith(value);
            };
        }
    }

    private record Element(Kind kind, List<Alt> alts, boolean optional, boolean negated, int gap) {
        boolean accepts(Token tok) {
            switch (kind) {
                case ANY_WORD:
                    return tok.kind() != Token.Kind.PUNCT;
                case NUMBER:
                    return tok.kind() == Token.Kind.NUMBER;
                default:
                    boolean any = false;
                    for (Alt a : alts) {
                        if (a.accepts(tok)) {
                            any = true;
                            break;
                        }
                    }
                    if (negated) {
                        return !any && tok.kind() != Token.Kind.PUNCT;
                    }
                    return any;
            }
        }
    }
}
