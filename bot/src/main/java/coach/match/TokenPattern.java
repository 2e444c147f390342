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
    private static final Set<String> SENTENCE_END = Set.of(".", "!", "?", ";", "…");

    private static final java.util.regex.Pattern COMPOUND = java.util.regex.Pattern.compile("=?(?:\\p{L}+(?:['’-]\\p{L}+)+|['’]\\p{L}+)\\??");
    /** Stems of pattern words: rule sets repeat the same words thousands of times, and stemming them once keeps start-up short. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> STEMS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern INNER_COMPOUND = java.util.regex.Pattern.compile(".*\\p{L}['’-]\\p{L}.*");
    private static final java.util.regex.Pattern GAP = java.util.regex.Pattern.compile("\\.\\.[0-9]");
    private static final java.util.regex.Pattern CAPTURE_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");
    private static final java.util.regex.Pattern GROUP = java.util.regex.Pattern.compile("\\{([^{}]*)\\}(\\??)");
    /** At most this many patterns come out of one source with {@code {a b|c}} groups. */
    static final int MAX_EXPANSION = 64;

    private final String source;
    private final List<Element> elements;
    /** Element index where the reported part starts, and the index after its last element. */
    private final int markFrom;
    private final int markTo;
    /** Named captures: for capture k, elements [captureFrom[k], captureTo[k]) with the name captureNames[k]. */
    private final String[] captureNames;
    private final int[] captureFrom;
    private final int[] captureTo;

    private TokenPattern(String source, List<Element> elements, int markFrom, int markTo, List<String> names, List<int[]> ranges) {
        this.source = source;
        this.elements = elements;
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

    /**
     * Expands {@code {a b|c|d e f}} groups (alternatives of several tokens each; {@code {...}?} when
     * the group may be missing) into plain pattern sources, one per combination:
     * {@code "{that's|this is} not"} gives {@code "that's not"} and {@code "this is not"}. A source
     * without groups comes back as it is.
     */
    public static List<String> expand(String source) {
        if (source.indexOf('{') < 0 && source.indexOf('}') < 0) {
            return List.of(source.strip());
        }
        List<String> out = new ArrayList<>();
        out.add(source);
        while (true) {
            List<String> next = new ArrayList<>();
            boolean any = false;
            for (String s : out) {
                java.util.regex.Matcher m = GROUP.matcher(s);
                if (!m.find()) {
                    next.add(s);
                    continue;
                }
                any = true;
                // single plain tokens fold into one alternation element; phrases and compounds each get a pattern
                List<String> singles = new ArrayList<>();
                List<String> phrases = new ArrayList<>();
                for (String alt : m.group(1).split("\\|", -1)) {
                    String a = alt.strip();
                    if (a.isEmpty()) {
                        throw new IllegalArgumentException("empty alternative in group '" + m.group() + "' of pattern '" + source + "'");
                    }
                    if (a.contains(" ") || COMPOUND.matcher(a).matches() || a.endsWith("?") || a.startsWith("!")) {
                        phrases.add(a);
                    } else {
                        singles.add(a);
                    }
                }
                if (!singles.isEmpty()) {
                    phrases.add(0, String.join("|", singles) + (m.group(2).isEmpty() ? "" : "?"));
                } else if (!m.group(2).isEmpty()) {
                    phrases.add(NOTHING);
                }
                for (String alt : phrases) {
                    next.add(s.substring(0, m.start()) + " " + alt + " " + s.substring(m.end()));
                }
            }
            if (next.size() > MAX_EXPANSION) {
                throw new IllegalArgumentException("pattern '" + source + "' expands to more than " + MAX_EXPANSION + " patterns");
            }
            out = next;
            if (!any) {
                break;
            }
        }
        List<String> clean = new ArrayList<>();
        for (String s : out) {
            if (s.indexOf('{') >= 0 || s.indexOf('}') >= 0) {
                throw new IllegalArgumentException("unbalanced '{' or '}' in pattern '" + source + "'");
            }
            clean.add(dropNothing(words(s)));
        }
        return clean;
    }

    /** The whitespace-separated words of a pattern source (no regular expression: rule sets compile thousands of patterns at start-up). */
    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < n && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            if (j > i) {
                out.add(s.substring(i, j));
            }
            i = j;
        }
        return out;
    }

    private static boolean anyConsumes(List<Element> els) {
        for (Element e : els) {
            if (e.consumes()) {
                return true;
            }
        }
        return false;
    }

    private static boolean maybeCompound(String raw) {
        return raw.length() > 1 && (raw.indexOf('\'') >= 0 || raw.indexOf('’') >= 0 || raw.indexOf('-') > 0);
    }

    /** Stands for the missing alternative of an optional group until the gap next to it is tidied away. */
    private static final String NOTHING = "\u0000";

    /** Removes the placeholder of a missing optional group and a gap it leaves at an edge of the pattern or the marks. */
    private static String dropNothing(List<String> raw) {
        List<String> t = new ArrayList<>(raw);
        int i;
        while ((i = t.indexOf(NOTHING)) >= 0) {
            t.remove(i);
            boolean atStart = i == 0 || t.get(i - 1).equals("<");
            boolean atEnd = i == t.size() || t.get(i).equals(">");
            if (atStart && i < t.size() && GAP.matcher(t.get(i)).matches()) {
                t.remove(i);
            } else if (atEnd && i > 0 && GAP.matcher(t.get(i - 1)).matches()) {
                t.remove(i - 1);
            }
        }
        return String.join(" ", t);
    }

    /** Compiles a pattern; throws {@link IllegalArgumentException} with a readable message when it is malformed. */
    public static TokenPattern compile(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("empty pattern");
        }
        List<Element> els = new ArrayList<>();
        int markFrom = -1;
        int markTo = -1;
        List<String> names = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        int open = -1;
        for (String raw : words(source)) {
            if (raw.length() > 1 && raw.charAt(0) == '[') {
                String name = raw.substring(1);
                if (open >= 0) {
                    throw new IllegalArgumentException("pattern '" + source + "': captures cannot nest ('" + raw + "' inside '["
                            + names.get(open) + "')");
                }
                if (!CAPTURE_NAME.matcher(name).matches() || names.contains(name)) {
                    throw new IllegalArgumentException("pattern '" + source + "': '" + raw + "' must name a new capture in lower-case"
                            + " Latin letters, e.g. [who");
                }
                names.add(name);
                ranges.add(new int[] {els.size(), -1});
                open = names.size() - 1;
            } else if (raw.equals("]")) {
                if (open < 0) {
                    throw new IllegalArgumentException("pattern '" + source + "' has a ']' without a '[name' before it");
                }
                ranges.get(open)[1] = els.size();
                if (ranges.get(open)[1] == ranges.get(open)[0]) {
                    throw new IllegalArgumentException("pattern '" + source + "': capture [" + names.get(open) + " is empty");
                }
                open = -1;
            } else if (raw.equals("<")) {
                if (markFrom >= 0) {
                    throw new IllegalArgumentException("pattern '" + source + "' has more than one '<'");
                }
                markFrom = els.size();
            } else if (raw.equals(">")) {
                if (markFrom < 0 || markTo >= 0) {
                    throw new IllegalArgumentException("pattern '" + source + "' has a '>' without a '<' before it");
                }
                markTo = els.size();
            } else if (maybeCompound(raw) && COMPOUND.matcher(raw).matches()) {
                boolean exact = raw.startsWith("=");
                boolean optional = raw.endsWith("?");
                String body = raw.substring(exact ? 1 : 0, raw.length() - (optional ? 1 : 0));
                for (String part : body.split("(?=['’-])|(?<=['’-])")) {
                    boolean word = Character.isLetter(part.codePointAt(0));
                    els.add(element((word && exact ? "=" : "") + part + (optional ? "?" : ""), source));
                }
            } else {
                els.add(element(raw, source));
            }
        }
        if (markFrom >= 0 && markTo < 0) {
            throw new IllegalArgumentException("pattern '" + source + "' has a '<' without a closing '>'");
        }
        if (open >= 0) {
            throw new IllegalArgumentException("pattern '" + source + "': capture [" + names.get(open) + " has no closing ']'");
        }
        if (markFrom < 0) {
            markFrom = 0;
            markTo = els.size();
        }
        if (els.isEmpty()) {
            throw new IllegalArgumentException("pattern '" + source + "' has no element");
        }
        boolean required = anyConsumes(els);
        if (!required) {
            throw new IllegalArgumentException("pattern '" + source + "' has no required element");
        }
        boolean markedRequired = anyConsumes(els.subList(markFrom, markTo));
        if (!markedRequired) {
            throw new IllegalArgumentException("pattern '" + source + "' marks no required element between '<' and '>'");
        }
        if (els.get(0).kind == Kind.GAP || els.get(els.size() - 1).kind == Kind.GAP
                || els.get(markFrom).kind == Kind.GAP || els.get(markTo - 1).kind == Kind.GAP) {
            throw new IllegalArgumentException("pattern '" + source + "' cannot start or end (or mark) with a gap");
        }
        return new TokenPattern(source, List.copyOf(els), markFrom, markTo, names, ranges);
    }

    private static Element element(String raw, String source) {
        if (raw.length() == 3 && raw.startsWith("..") && GAP.matcher(raw).matches()) {
            return new Element(Kind.GAP, List.of(), false, false, raw.charAt(2) - '0');
        }
        switch (raw) {
            case "..," -> {
                return new Element(Kind.REST_OF_CLAUSE, List.of(), false, false, 0);
            }
            case "..." -> {
                return new Element(Kind.REST_OF_SENTENCE, List.of(), false, false, 0);
            }
            case "^" -> {
                return new Element(Kind.SENTENCE_START, List.of(), false, false, 0);
            }
            case "$" -> {
                return new Element(Kind.SENTENCE_END, List.of(), false, false, 0);
            }
            default -> {
                if (raw.startsWith("..") && raw.length() > 2 && !Character.isLetterOrDigit(raw.charAt(2))) {
                    throw new IllegalArgumentException("'" + raw + "' in pattern '" + source + "': a gap is ..N (N = 0-9), the rest"
                            + " of the clause is '..,' and the rest of the sentence is '...'");
                }
            }
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
        if ((a.indexOf('\'') > 0 || a.indexOf('’') > 0 || a.indexOf('-') > 0) && INNER_COMPOUND.matcher(a).matches()) {
            throw new IllegalArgumentException("'" + a + "': a compound word among alternatives or negated is written as a"
                    + " group, e.g. {that's|this is}, or as its tokens with spaces ('что - то')");
        }
        if (a.startsWith("=") && a.length() > 1) {
            return new Alt(AltKind.EXACT, Normalizer.norm(a.substring(1)));
        }
        if (a.startsWith("%") && a.length() > 1) {
            return new Alt(AltKind.TAG, a.substring(1));
        }
        if (a.startsWith("~") && a.length() > 1) {
            return new Alt(AltKind.LEMMA, Normalizer.norm(a.substring(1)));
        }
        if (a.startsWith("*") && a.length() > 1) {
            return new Alt(AltKind.SUFFIX, Normalizer.norm(a.substring(1)));
        }
        if (a.endsWith("*") && a.length() > 1) {
            return new Alt(AltKind.PREFIX, Normalizer.norm(a.substring(0, a.length() - 1)));
        }
        String n = Normalizer.norm(a);
        boolean word = Character.isLetter(n.codePointAt(0));
        return word ? new Alt(AltKind.STEM, STEMS.computeIfAbsent(n, Stemmer::stem)) : new Alt(AltKind.EXACT, n);
    }

    /**
     * All non-overlapping matches, leftmost first, each as short as the pattern allows. With marks
     * ({@code < >}) a match covers the marked tokens only. A match starts and ends on a token an
     * element took, never on one a gap skipped or an optional element let pass.
     */
    public List<Match> findAll(List<Token> tokens) {
        List<Match> out = new ArrayList<>();
        int[] mark = new int[slots()];
        int i = 0;
        while (i < tokens.size()) {
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
        int[] mark = new int[slots()];
        for (int i = 0; i < tokens.size(); i++) {
            if (attempt(tokens, i, mark) > i) {
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

    private int matchRest(List<Token> tokens, int t, int e, int[] mark) {
        if (e == elements.size()) {
            return t;
        }
        Element el = elements.get(e);
        switch (el.kind) {
            case SENTENCE_START -> {
                return t == 0 || (t <= tokens.size() && SENTENCE_END.contains(tokens.get(t - 1).norm())) ? matchAt(tokens, t, e + 1, mark) : -1;
            }
            case SENTENCE_END -> {
                return t >= tokens.size() || SENTENCE_END.contains(tokens.get(t).norm()) ? matchAt(tokens, t, e + 1, mark) : -1;
            }
            case REST_OF_CLAUSE, REST_OF_SENTENCE -> {
                int k = t;
                int max = Math.min(tokens.size(), t + MAX_REST);
                while (k < max && !(el.kind == Kind.REST_OF_CLAUSE ? clauseEnd(tokens, k) : SENTENCE_END.contains(tokens.get(k).norm()))) {
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
                    if (k >= tokens.size() || SENTENCE_END.contains(tokens.get(k).norm()) || tokens.get(k).text().contains("\n")) {
                        break;
                    }
                }
                int r = matchAt(tokens, t + skip, e + 1, mark);
                if (r >= 0) {
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
    private static final Set<String> CLAUSE_END = Set.of(",", ";", ":", ".", "!", "?", "…", "(", ")");

    private static boolean clauseEnd(List<Token> tokens, int k) {
        Token tok = tokens.get(k);
        if (CLAUSE_END.contains(tok.norm())) {
            return true;
        }
        // a dash set off by spaces ("ждём — это долго") ends a clause; a hyphen inside a word ("что-то") does not
        return tok.norm().equals("-") && k > 0 && tokens.get(k - 1).end() < tok.start();
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

    record Alt(AltKind kind, String value) {
        boolean accepts(Token tok) {
            return switch (kind) {
                case STEM -> tok.isWord() && tok.stem().equals(value);
                case EXACT -> tok.norm().equals(value);
                case PREFIX -> tok.norm().startsWith(value);
                case SUFFIX -> tok.isWord() && tok.norm().length() > value.length() && tok.norm().endsWith(value);
                case LEMMA -> tok.isWord() && (tok.norm().equals(value) || coach.text.Lemmas.of(tok.norm()).contains(value));
                case TAG -> tok.isWord() && coach.text.Lemmas.hasTag(tok.norm(), value);
            };
        }
    }

    record Element(Kind kind, List<Alt> alts, boolean optional, boolean negated, int gap) {
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
