package coach.match;

import coach.text.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled token pattern: the one matcher that phrasing rules, drill rubrics and quiz key points
 * share. Patterns are written as text so editors can keep them in YAML:
 *
 * <pre>
 *   word        a token with the same Snowball stem as "word" (any inflection: наша/нашей/наши)
 *   =word       a token whose normalised form is exactly "word" (no stemming)
 *   ~lemma      a token one of whose dictionary forms (lemmas) is "lemma": ~идти finds «шёл», «пойдёте»
 *   %TAG:FIELDS a token with a reading whose tag has all these fields, in any order: %VB:IMP (an imperative),
 *               %VB:P2:Sin (a «ты» verb), %NN:D (a noun in the dative); tags as in the morphology (LanguageTool's)
 *   word*       a token whose normalised form starts with "word"
 *   *ending     a word that ends with "ending" and is longer than it (*ли: a Russian past-tense plural)
 *   a|b|=c|d*   any of the alternatives
 *   !a|b        a token that is none of the alternatives (consumes one token)
 *   _           any one word or number
 *   #           a number
 *   ..N         skip up to N tokens (0-9), never across the end of a sentence
 *   ..,         the rest of the clause: every token up to the next , ; : ( ) or spaced dash, or the sentence end
 *   ...         the rest of the sentence: every token up to . ! ? ; … (both take as much as there is, maybe
 *               nothing, at most {@value #MAX_REST} tokens)
 *   ^  $        the start / the end of a sentence (they consume nothing)
 *   X?          element X is optional
 *   , : ? ! - … a punctuation token, literally
 *   [name ... ] a named capture: the tokens the enclosed elements take are reported as {@code name}
 *   &lt; ... &gt;   marks the part of the match that is reported (LanguageTool's marker): the
 *               elements outside the marks are context that must be there but is not part of
 *               the match, e.g. {@code < пишите|обращайтесь > в|к}
 * </pre>
 *
 * A plain word written with an inner apostrophe or hyphen ({@code that's}, {@code can't},
 * {@code =код-ревью}, {@code что-то?}) stands for the tokens the tokenizer makes of it ({@code that ' s}).
 * Alternatives of several tokens are written as a group that {@link #expand} turns into several
 * patterns: {@code {that's|this is} not}.
 * Normalisation is the shared one (lower case, ё→е). Matches never cross a sentence end
 * ({@code . ! ? ;} or a line break) unless the pattern names that punctuation itself.
 */
public final class TokenPattern {


    private final String source;
    private final List<Element> elements;
    /** Element index where the reported part starts, and the index after its last element. */
    private final int markFrom;
    private final int markTo;
    /** Named captures: for capture k, elements [captureFrom[k], captureTo[k]) with the name captureNames[k]. */
    private final String[] captureNames;
    private final int[] captureFrom;
    private final int[] captureTo;

    /** The first element when a match must start with a token it accepts (not optional, not a gap or an anchor), else null. */
    private final Element first;
    /**
     * When there is no such first element: a required element (not optional, not negated, no tag) that some token must
     * pass for any match, so a text none of whose tokens does is told at once; else null.
     */
    private final Element required;

    TokenPattern(String source, List<Element> elements, int markFrom, int markTo, List<String> names, List<int[]> ranges) {
        this.source = source;
        this.elements = elements;
        Element e0 = elements.isEmpty() ? null : elements.get(0);
        this.first = e0 != null && e0.consumes() ? e0 : null;
        Element req = null;
        for (Element e : elements) {
            if (first == null && req == null && e.kind == Kind.ALTS && !e.optional && !e.negated && !e.hasTag()) {
                req = e;
            }
        }
        this.required = req;
        this.markFrom = markFrom;
        this.markTo = markTo;
        this.captureNames = names.toArray(new String[0]);
        this.captureFrom = new int[ranges.size()];
        this.captureTo = new int[ranges.size()];
        for (int k = 0; k < ranges.size(); k++) {
            captureFrom[k] = ranges.get(k)[0];
            captureTo[k] = ranges.get(k)[1];
        }
    }

    /** The names of the pattern's captures, in order of their opening bracket. */
    public List<String> captureNames() {
        return List.of(captureNames);
    }

    public String source() {
        return source;
    }

    /** Expands {@code {a|b c}} groups into plain sources: see {@link PatternExpander#expand}. */
    public static List<String> expand(String source) {
        return PatternExpander.expand(source);
    }

    /** Compiles a pattern: see {@link PatternCompiler#compile}. */
    public static TokenPattern compile(String source) {
        return PatternCompiler.compile(source);
    }

    /**
     * All non-overlapping matches, leftmost first, each as short as the pattern allows. With marks
     * ({@code < >}) a match covers the marked tokens only. A match starts and ends on a token an
     * element took, never on one a gap skipped or an optional element let pass.
     */
    public List<Match> findAll(List<Token> tokens) {
        List<Match> out = new ArrayList<>();
        if (required != null && !anyAccepts(required, tokens)) {
            return out;
        }
        int[] mark = new int[slots()];
        int i = 0;
        while (i < tokens.size()) {
            if (first != null && !first.accepts(tokens.get(i))) {
                i++; // what attempt would find at once
                continue;
            }
            int end = attempt(tokens, i, mark);
            if (end > i) {
                int from = Math.max(mark[0], mark[2]);
                int to = Math.min(mark[1], mark[3] + 1);
                if (to > from) {
                    out.add(new Match(from, to, tokens.get(from).start(), tokens.get(to - 1).end(), captures(tokens, mark)));
                }
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    public boolean matches(List<Token> tokens) {
        if (required != null && !anyAccepts(required, tokens)) {
            return false;
        }
        int[] mark = new int[slots()];
        for (int i = 0; i < tokens.size(); i++) {
            if ((first == null || first.accepts(tokens.get(i))) && attempt(tokens, i, mark) > i) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyAccepts(Element e, List<Token> tokens) {
        for (int i = 0, n = tokens.size(); i < n; i++) {
            if (e.accepts(tokens.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * mark[0..1]: token range of the marked elements; [2..3]: first and last token taken inside it; [4]: first token taken at all;
     * then for capture k, [5 + 2k] and [6 + 2k]: the first and last token its elements took.
     */
    private static final int MARK_SLOTS = 5;

    private int slots() {
        return MARK_SLOTS + 2 * captureNames.length;
    }

    private Match.Captures captures(List<Token> tokens, int[] mark) {
        if (captureNames.length == 0) {
            return Match.Captures.NONE;
        }
        java.util.Map<String, Match.Span> out = new java.util.LinkedHashMap<>();
        for (int k = 0; k < captureNames.length; k++) {
            int from = mark[MARK_SLOTS + 2 * k];
            int last = mark[MARK_SLOTS + 2 * k + 1];
            if (last >= from && from != Integer.MAX_VALUE) {
                out.put(captureNames[k], new Match.Span(from, last + 1, tokens.get(from).start(), tokens.get(last).end()));
            }
        }
        return new Match.Captures(out);
    }

    /** A match starting at token i, or -1; one whose first token was skipped rather than taken does not start at i. */
    private int attempt(List<Token> tokens, int i, int[] mark) {
        mark[2] = Integer.MAX_VALUE;
        mark[3] = -1;
        mark[4] = Integer.MAX_VALUE;
        for (int k = MARK_SLOTS; k < mark.length; k += 2) {
            mark[k] = Integer.MAX_VALUE;
            mark[k + 1] = -1;
        }
        int end = matchAt(tokens, i, 0, mark);
        return end > i && mark[4] == i ? end : -1;
    }

    /**
     * Returns the end token index of a match of elements[e..] starting at token t, or -1. On success
     * {@code mark} holds the token range of the marked elements.
     */
    private int matchAt(List<Token> tokens, int t, int e, int[] mark) {
        int r = matchRest(tokens, t, e, mark);
        if (r >= 0) {
            if (e == markFrom) {
                mark[0] = t;
            }
            if (e == markTo) {
                mark[1] = t;
            }
        }
        return r;
    }

    /** Notes that element e took tokens [from, to) on the successful path. */
    private void took(int e, int from, int to, int[] mark) {
        if (to <= from) {
            return;
        }
        mark[4] = Math.min(mark[4], from);
        if (e >= markFrom && e < markTo) {
            mark[2] = Math.min(mark[2], from);
            mark[3] = Math.max(mark[3], to - 1);
        }
        for (int k = 0; k < captureNames.length; k++) {
            if (e >= captureFrom[k] && e < captureTo[k]) {
                int s = MARK_SLOTS + 2 * k;
                mark[s] = Math.min(mark[s], from);
                mark[s + 1] = Math.max(mark[s + 1], to - 1);
            }
        }
    }

    /** The words a gap skipped belong to the captures around it: «[act %VB:PL:P2 ..8 ]» takes the verb and its object. */
    private void skipped(int e, int from, int to, int[] mark) {
        if (to <= from) {
            return;
        }
        for (int k = 0; k < captureNames.length; k++) {
            if (e >= captureFrom[k] && e < captureTo[k]) {
                int s = MARK_SLOTS + 2 * k;
                mark[s] = Math.min(mark[s], from);
                mark[s + 1] = Math.max(mark[s + 1], to - 1);
            }
        }
    }

    private int matchRest(List<Token> tokens, int t, int e, int[] mark) {
        if (e == elements.size()) {
            return t;
        }
        Element el = elements.get(e);
        switch (el.kind) {
            case SENTENCE_START -> {
                return t == 0 || (t <= tokens.size() && sentenceEnd(tokens.get(t - 1))) ? matchAt(tokens, t, e + 1, mark) : -1;
            }
            case SENTENCE_END -> {
                return t >= tokens.size() || sentenceEnd(tokens.get(t)) ? matchAt(tokens, t, e + 1, mark) : -1;
            }
            case REST_OF_CLAUSE, REST_OF_SENTENCE -> {
                int k = t;
                int max = Math.min(tokens.size(), t + MAX_REST);
                while (k < max && !(el.kind == Kind.REST_OF_CLAUSE ? clauseEnd(tokens, k) : sentenceEnd(tokens.get(k)))) {
                    k++;
                }
                int r = matchAt(tokens, k, e + 1, mark);
                if (r >= 0) {
                    took(e, t, k, mark);
                }
                return r;
            }
            default -> {
            }
        }
        if (el.kind == Kind.GAP) {
            for (int skip = 0; skip <= el.gap; skip++) {
                if (skip > 0) {
                    int k = t + skip - 1;
                    if (k >= tokens.size() || sentenceEnd(tokens.get(k)) || tokens.get(k).text().contains("\n")) {
                        break;
                    }
                }
                int r = matchAt(tokens, t + skip, e + 1, mark);
                if (r >= 0) {
                    skipped(e, t, t + skip, mark);
                    return r;
                }
            }
            return -1;
        }
        if (t < tokens.size() && el.accepts(tokens.get(t))) {
            int r = matchAt(tokens, t + 1, e + 1, mark);
            if (r >= 0) {
                took(e, t, t + 1, mark);
                return r;
            }
        }
        if (el.optional) {
            return matchAt(tokens, t, e + 1, mark);
        }
        return -1;
    }

    /** A rest-of-clause or rest-of-sentence element takes at most this many tokens (keeps matching linear on huge texts). */
    static final int MAX_REST = 40;

    /** Whether a token ends a sentence: . ! ? ; … (a test of one character: no hashing on every token). */
    private static boolean sentenceEnd(Token tok) {
        String n = tok.norm();
        return n.length() == 1 && ".!?;…".indexOf(n.charAt(0)) >= 0;
    }

    private static boolean clauseEnd(List<Token> tokens, int k) {
        Token tok = tokens.get(k);
        String n = tok.norm();
        if (n.length() == 1 && ",;:.!?…()".indexOf(n.charAt(0)) >= 0) {
            return true;
        }
        // a dash set off by spaces ("ждём — это долго") ends a clause; a hyphen inside a word ("что-то") does not
        return tok.norm().equals("-") && k > 0 && tokens.get(k - 1).end() < tok.start();
    }

    /**
     * Whether one of the pattern's own words (a stem, form, lemma, prefix, suffix or tag; not {@code _}, a number, a
     * negation or a gap) accepts the token: the words the pattern names, as against the words its wildcards took.
     */
    public boolean names(Token tok) {
        for (Element el : elements) {
            if (el.kind != Kind.ALTS || el.negated) {
                continue;
            }
            for (Alt a : el.altArray) {
                if (a.accepts(tok)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The elements, for {@link PatternIndex}. */
    List<Element> elements() {
        return elements;
    }

    @Override
    public String toString() {
        return source;
    }

    enum Kind { ALTS, ANY_WORD, NUMBER, GAP, REST_OF_CLAUSE, REST_OF_SENTENCE, SENTENCE_START, SENTENCE_END }

    enum AltKind { STEM, EXACT, PREFIX, SUFFIX, LEMMA, TAG }

    /**
     * One alternative; {@code id} is the vocabulary number of its word (stem, form or lemma) or of its tag, so a token
     * is tested by comparing ints ({@link coach.text.Word}).
     */
    record Alt(AltKind kind, String value, int id, String word) {
        Alt(AltKind kind, String value) {
            this(kind, value, null);
        }

        /** @param word for a stem: the word as the pattern writes it (normalised), whose lemmas a token must share ({@link SameLemma}) */
        Alt(AltKind kind, String value, String word) {
            this(kind, value, switch (kind) {
                case STEM, EXACT, LEMMA -> coach.text.Vocabulary.register(value);
                case TAG -> coach.text.Vocabulary.registerTag(value);
                case PREFIX, SUFFIX -> -1;
            }, word);
        }

        boolean accepts(Token tok) {
            return switch (kind) {
                case STEM -> tok.isWord() && tok.word().stemId() == id && (word == null || SameLemma.of(word, tok.word()));
                case EXACT -> tok.word().normId() == id;
                case PREFIX -> tok.norm().startsWith(value);
                case SUFFIX -> tok.isWord() && tok.norm().length() > value.length() && tok.norm().endsWith(value);
                case LEMMA -> tok.isWord() && tok.word().hasLemma(id);
                case TAG -> tok.isWord() && tok.word().hasTag(id, value);
            };
        }
    }

    /**
     * One element of a pattern. Its alternatives are also kept in an array, so testing a token (the matcher's innermost
     * step) walks them without an iterator.
     */
    static final class Element {
        private final Kind kind;
        private final List<Alt> alts;
        private final Alt[] altArray;
        private final boolean optional;
        private final boolean negated;
        private final int gap;

        Element(Kind kind, List<Alt> alts, boolean optional, boolean negated, int gap) {
            this.kind = kind;
            this.alts = alts;
            this.altArray = alts.toArray(new Alt[0]);
            this.optional = optional;
            this.negated = negated;
            this.gap = gap;
        }

        Kind kind() {
            return kind;
        }

        List<Alt> alts() {
            return alts;
        }

        boolean optional() {
            return optional;
        }

        boolean negated() {
            return negated;
        }

        int gap() {
            return gap;
        }

        boolean hasTag() {
            for (Alt a : altArray) {
                if (a.kind() == AltKind.TAG) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the element always takes a token when it matches. */
        boolean consumes() {
            return !optional && (kind == Kind.ALTS || kind == Kind.ANY_WORD || kind == Kind.NUMBER);
        }

        boolean accepts(Token tok) {
            switch (kind) {
                case ANY_WORD:
                    return tok.kind() != Token.Kind.PUNCT;
                case NUMBER:
                    return tok.kind() == Token.Kind.NUMBER;
                default:
                    boolean any = false;
                    for (Alt a : altArray) {
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

        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && kind == e.kind && optional == e.optional && negated == e.negated && gap == e.gap
                    && alts.equals(e.alts);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(kind, alts, optional, negated, gap);
        }

        @Override
        public String toString() {
            return "Element[kind=" + kind + ", alts=" + alts + ", optional=" + optional + ", negated=" + negated + ", gap=" + gap + "]";
        }
    }
}
