package coach.match;

import coach.text.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Several patterns for one idea (word-order variants, synonyms) with exceptions that cancel a match
 * they overlap: "не наша проблема" but not inside "это не наша проблема, а наша задача" if an editor
 * says so. Used for phrasing rules and rubric criteria alike.
 */
public final class PhraseSet {
    private final List<TokenPattern> patterns;
    private final List<TokenPattern> exceptions;
    /**
     * Exceptions compiled on the first match of a pattern (exceptions only ever run after one): a jargon term's
     * derived exceptions — the term explained in brackets, defined, named — are tens of thousands of patterns over
     * the glossaries, and a cold check of a draft without that term never needs them. Null when there are none.
     */
    private final java.util.function.Supplier<List<TokenPattern>> later;
    private volatile Later laterCompiled;
    private final boolean negatable;

    public PhraseSet(List<TokenPattern> patterns, List<TokenPattern> exceptions) {
        this(patterns, exceptions, false);
    }

    /** @param negatable a match inside a negation ({@link Negation}) does not count: "извиняться не буду" is no apology */
    public PhraseSet(List<TokenPattern> patterns, List<TokenPattern> exceptions, boolean negatable) {
        this(patterns, exceptions, null, negatable);
    }

    /**
     * @param later more exceptions, compiled once when a pattern first matches ({@link #laterExceptions()} forces them,
     *              for a check of the content at build time)
     */
    public PhraseSet(List<TokenPattern> patterns, List<TokenPattern> exceptions, java.util.function.Supplier<List<TokenPattern>> later,
            boolean negatable) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("at least one pattern is needed");
        }
        this.patterns = List.copyOf(patterns);
        this.exceptions = List.copyOf(exceptions);
        this.later = later;
        this.negatable = negatable;
    }

    /**
     * The later exceptions with an index over them: they are many (over a hundred per jargon term), and a text has the
     * words of only a few, so only those run.
     */
    private record Later(List<TokenPattern> patterns, PatternIndex<TokenPattern> index) {
    }

    /** The exceptions compiled on first use (compiling them now if they were not yet); empty when there are none. */
    public List<TokenPattern> laterExceptions() {
        Later l = later();
        return l == null ? List.of() : l.patterns();
    }

    private Later later() {
        if (later == null) {
            return null;
        }
        Later l = laterCompiled;
        if (l == null) {
            synchronized (this) {
                l = laterCompiled;
                if (l == null) {
                    List<TokenPattern> ps = List.copyOf(later.get());
                    PatternIndex<TokenPattern> index = new PatternIndex<>();
                    for (TokenPattern p : ps) {
                        index.add(p, p);
                    }
                    l = new Later(ps, index);
                    laterCompiled = l;
                }
            }
        }
        return l;
    }

    public static PhraseSet of(List<String> patterns, List<String> exceptions) {
        return new PhraseSet(patterns.stream().map(TokenPattern::compile).toList(),
                exceptions.stream().map(TokenPattern::compile).toList());
    }

    public List<TokenPattern> patterns() {
        return patterns;
    }

    /** Matches of any pattern that no exception overlaps; overlapping matches are merged into the earliest, longest one. */
    public List<Match> findAll(List<Token> tokens) {
        return findAll(tokens, p -> true);
    }

    /**
     * {@link #findAll(List)}, running only the patterns {@code mayMatch} lets through: for a caller that knows the others
     * cannot match these tokens (a {@link PatternIndex} does); the exceptions all run.
     */
    public List<Match> findAll(List<Token> tokens, java.util.function.Predicate<TokenPattern> mayMatch) {
        List<Match> found = new ArrayList<>();
        for (TokenPattern p : patterns) {
            if (mayMatch.test(p)) {
                found.addAll(p.findAll(tokens));
            }
        }
        if (found.isEmpty()) {
            return found;
        }
        List<Match> excluded = new ArrayList<>();
        for (TokenPattern x : exceptions) {
            excluded.addAll(x.findAll(tokens));
        }
        Later l = later();
        if (l != null) {
            for (TokenPattern x : l.index().candidates(tokens)) {
                excluded.addAll(x.findAll(tokens));
            }
        }
        found.removeIf(m -> excluded.stream().anyMatch(m::overlaps) || (negatable && Negation.negates(tokens, m)));
        found.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed()));
        List<Match> out = new ArrayList<>();
        for (Match m : found) {
            if (out.isEmpty() || !out.get(out.size() - 1).overlaps(m)) {
                out.add(m);
            }
        }
        return out;
    }

    public boolean matches(List<Token> tokens) {
        return !findAll(tokens).isEmpty();
    }
}
