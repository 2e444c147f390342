package coach.match;

import coach.text.Normalizer;
import coach.text.Stemmer;
import java.util.ArrayList;
import java.util.List;

/**
 * The second stage of the pattern language: one plain source (after {@link PatternExpander}) becomes a
 * {@link TokenPattern} — its elements, its marks and its named captures — or a readable
 * {@link IllegalArgumentException}.
 */
final class PatternCompiler {
    /** Stems of pattern words: rule sets repeat the same words thousands of times, and stemming them once keeps start-up short. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> STEMS = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Compiled elements by their source word («~менеджер|=босс?»): elements are immutable and the rule files repeat the
     * same words thousands of times, so each distinct one is split, normalised, stemmed and numbered once (most of
     * a cold start's compiling). Only elements that compiled are kept; a malformed one throws every time.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, TokenPattern.Element> ELEMENTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern INNER_COMPOUND = java.util.regex.Pattern.compile(".*\\p{L}['’-]\\p{L}.*");
    private static final java.util.regex.Pattern CAPTURE_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

    private PatternCompiler() {
    }

    private static boolean anyConsumes(List<TokenPattern.Element> els) {
        for (TokenPattern.Element e : els) {
            if (e.consumes()) {
                return true;
            }
        }
        return false;
    }

    private static boolean maybeCompound(String raw) {
        return raw.length() > 1 && (raw.indexOf('\'') >= 0 || raw.indexOf('’') >= 0 || raw.indexOf('-') > 0);
    }


    /** Compiles a pattern; throws {@link IllegalArgumentException} with a readable message when it is malformed. */
    public static TokenPattern compile(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("empty pattern");
        }
        List<TokenPattern.Element> els = new ArrayList<>();
        int markFrom = -1;
        int markTo = -1;
        List<String> names = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        int open = -1;
        for (String raw : PatternExpander.words(source)) {
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
            } else if (maybeCompound(raw) && PatternExpander.COMPOUND.matcher(raw).matches()) {
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
        if (els.get(0).kind() == TokenPattern.Kind.GAP || els.get(els.size() - 1).kind() == TokenPattern.Kind.GAP
                || els.get(markFrom).kind() == TokenPattern.Kind.GAP || els.get(markTo - 1).kind() == TokenPattern.Kind.GAP) {
            throw new IllegalArgumentException("pattern '" + source + "' cannot start or end (or mark) with a gap");
        }
        return new TokenPattern(source, List.copyOf(els), markFrom, markTo, names, ranges);
    }

    private static TokenPattern.Element element(String raw, String source) {
        TokenPattern.Element known = ELEMENTS.get(raw);
        if (known != null) {
            return known;
        }
        TokenPattern.Element e = compileElement(raw, source);
        ELEMENTS.putIfAbsent(raw, e);
        return e;
    }

    private static TokenPattern.Element compileElement(String raw, String source) {
        if (PatternExpander.GAP.matcher(raw).matches()) {
            return new TokenPattern.Element(TokenPattern.Kind.GAP, List.of(), false, false, Integer.parseInt(raw.substring(2)));
        }
        switch (raw) {
            case "..," -> {
                return new TokenPattern.Element(TokenPattern.Kind.REST_OF_CLAUSE, List.of(), false, false, 0);
            }
            case "..." -> {
                return new TokenPattern.Element(TokenPattern.Kind.REST_OF_SENTENCE, List.of(), false, false, 0);
            }
            case "^" -> {
                return new TokenPattern.Element(TokenPattern.Kind.SENTENCE_START, List.of(), false, false, 0);
            }
            case "$" -> {
                return new TokenPattern.Element(TokenPattern.Kind.SENTENCE_END, List.of(), false, false, 0);
            }
            default -> {
                if (raw.startsWith("..") && raw.length() > 2) {
                    throw new IllegalArgumentException("'" + raw + "' in pattern '" + source + "': a gap is ..N (N = 0-99), the rest"
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
            return new TokenPattern.Element(TokenPattern.Kind.ANY_WORD, List.of(), optional, false, 0);
        }
        if (body.equals("#")) {
            return new TokenPattern.Element(TokenPattern.Kind.NUMBER, List.of(), optional, false, 0);
        }
        List<TokenPattern.Alt> alts = new ArrayList<>();
        for (String a : body.split("\\|")) {
            if (a.isEmpty()) {
                throw new IllegalArgumentException("empty alternative in '" + raw + "' of pattern '" + source + "'");
            }
            if (a.indexOf('{') >= 0 || a.indexOf('}') >= 0) {
                throw new IllegalArgumentException("'" + raw + "' in pattern '" + source + "': a group {a b|c} is expanded before"
                        + " compiling (TokenPattern.expand), and stands as one whole element, not among alternatives");
            }
            alts.add(alt(a));
        }
        return new TokenPattern.Element(TokenPattern.Kind.ALTS, List.copyOf(alts), optional, negated, 0);
    }

    /** Compiled alternatives by their source («~менеджер», «=босс»), as {@link #ELEMENTS}: the same words recur across elements. */
    private static final java.util.concurrent.ConcurrentHashMap<String, TokenPattern.Alt> ALTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static TokenPattern.Alt alt(String a) {
        TokenPattern.Alt known = ALTS.get(a);
        if (known != null) {
            return known;
        }
        TokenPattern.Alt alt = compileAlt(a);
        ALTS.putIfAbsent(a, alt);
        return alt;
    }

    /** Particles a pattern means as written: their stems are shared by pronouns («не» — «неё»). */
    private static final java.util.Set<String> NEGATIONS = java.util.Set.of("не", "ни");

    private static TokenPattern.Alt compileAlt(String a) {
        if ((a.indexOf('\'') > 0 || a.indexOf('’') > 0 || a.indexOf('-') > 0) && INNER_COMPOUND.matcher(a).matches()) {
            throw new IllegalArgumentException("'" + a + "': a compound word among alternatives or negated is written as a"
                    + " group, e.g. {that's|this is}, or as its tokens with spaces ('что - то')");
        }
        if (a.startsWith("=") && a.length() > 1) {
            return new TokenPattern.Alt(TokenPattern.AltKind.EXACT, Normalizer.norm(a.substring(1)));
        }
        if (a.startsWith("%") && a.length() > 1) {
            return new TokenPattern.Alt(TokenPattern.AltKind.TAG, a.substring(1));
        }
        if (a.startsWith("~") && a.length() > 1) {
            return new TokenPattern.Alt(TokenPattern.AltKind.LEMMA, Normalizer.norm(a.substring(1)));
        }
        if (a.startsWith("*") && a.length() > 1) {
            return new TokenPattern.Alt(TokenPattern.AltKind.SUFFIX, Normalizer.norm(a.substring(1)));
        }
        if (a.endsWith("*") && a.length() > 1) {
            return new TokenPattern.Alt(TokenPattern.AltKind.PREFIX, Normalizer.norm(a.substring(0, a.length() - 1)));
        }
        String n = Normalizer.norm(a);
        boolean word = Character.isLetter(n.codePointAt(0));
        if (NEGATIONS.contains(n)) {
            // «не» by stem would match «неё» («ответственность за неё несём» is no «не несём»): the particle is its form
            return new TokenPattern.Alt(TokenPattern.AltKind.EXACT, n);
        }
        return word ? new TokenPattern.Alt(TokenPattern.AltKind.STEM, STEMS.computeIfAbsent(n, Stemmer::stem), SameLemma.checks(n, STEMS.get(n)) ? n : null) : new TokenPattern.Alt(TokenPattern.AltKind.EXACT, n);
    }

}
