package coach.match;

import coach.text.Token;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A prefilter for many patterns over one text: each pattern is filed under the alternatives of one
 * of its required elements (its anchor), so a text only runs the patterns whose anchor occurs in it
 * and whose every other required element has some alternative in the text. Never drops a pattern
 * that could match; it only saves running the ones that cannot. Immutable once built; thread-safe.
 *
 * @param <T> what a pattern belongs to (a rule, a criterion); told apart by identity
 */
public final class PatternIndex<T> {
    private static final int PREFIX_KEY = 2;

    private final List<Integer> valueOf = new ArrayList<>();
    private final List<TokenPattern> patterns = new ArrayList<>();
    private final Map<String, List<Integer>> byStem = new HashMap<>();
    private final Map<String, List<Integer>> byNorm = new HashMap<>();
    private final Map<String, List<Integer>> byPrefix = new HashMap<>();
    private final Map<String, List<Integer>> byLemma = new HashMap<>();
    private final List<Integer> always = new ArrayList<>();
    private final List<T> distinct = new ArrayList<>();
    private final Map<T, Integer> order = new java.util.IdentityHashMap<>();

    /** Files {@code pattern} for {@code value}; a value may have many patterns. */
    public PatternIndex<T> add(TokenPattern pattern, T value) {
        int id = patterns.size();
        patterns.add(pattern);
        valueOf.add(order.computeIfAbsent(value, v -> {
            distinct.add(v);
            return distinct.size() - 1;
        }));
        TokenPattern.Element anchor = anchor(pattern);
        if (anchor == null) {
            always.add(id);
            return this;
        }
        for (TokenPattern.Alt a : anchor.alts()) {
            switch (a.kind()) {
                case STEM -> byStem.computeIfAbsent(a.value(), k -> new ArrayList<>()).add(id);
                case EXACT -> byNorm.computeIfAbsent(a.value(), k -> new ArrayList<>()).add(id);
                case SUFFIX, TAG -> always.add(id);
                case LEMMA -> byLemma.computeIfAbsent(a.value(), k -> new ArrayList<>()).add(id);
                case PREFIX -> {
                    if (a.value().length() < PREFIX_KEY) {
                        always.add(id);
                    } else {
                        byPrefix.computeIfAbsent(a.value().substring(0, PREFIX_KEY), k -> new ArrayList<>()).add(id);
                    }
                }
            }
        }
        return this;
    }

    /** The required, non-negated element with the fewest and longest alternatives, or null. */
    private static TokenPattern.Element anchor(TokenPattern p) {
        TokenPattern.Element best = null;
        double bestScore = Double.MAX_VALUE;
        for (TokenPattern.Element e : p.elements()) {
            if (e.kind() != TokenPattern.Kind.ALTS || e.optional() || e.negated() || hasSuffix(e) || hasTag(e)) {
                continue;
            }
            int len = Integer.MAX_VALUE;
            for (TokenPattern.Alt a : e.alts()) {
                len = Math.min(len, a.value().length());
            }
            double score = e.alts().size() * 10 - Math.min(len, 9);
            if (score < bestScore) {
                bestScore = score;
                best = e;
            }
        }
        return best;
    }

    private static boolean hasTag(TokenPattern.Element e) {
        for (TokenPattern.Alt a : e.alts()) {
            if (a.kind() == TokenPattern.AltKind.TAG) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSuffix(TokenPattern.Element e) {
        for (TokenPattern.Alt a : e.alts()) {
            if (a.kind() == TokenPattern.AltKind.SUFFIX) {
                return true;
            }
        }
        return false;
    }

    /** Values (in the order first added) that have a pattern which may match {@code tokens}. */
    public List<T> candidates(List<Token> tokens) {
        BitSet seen = new BitSet(patterns.size());
        Set<String> stems = new HashSet<>();
        Set<String> norms = new HashSet<>();
        for (Token t : tokens) {
            norms.add(t.norm());
            if (t.isWord()) {
                stems.add(t.stem());
            }
        }
        for (String s : stems) {
            mark(byStem.get(s), seen);
        }
        Set<String> lemmas = byLemma.isEmpty() ? Set.of() : new HashSet<>();
        if (!byLemma.isEmpty()) {
            for (Token t : tokens) {
                if (t.isWord()) {
                    lemmas.add(t.norm());
                    lemmas.addAll(coach.text.Lemmas.of(t.norm()));
                }
            }
            for (String l : lemmas) {
                mark(byLemma.get(l), seen);
            }
        }
        for (String n : norms) {
            mark(byNorm.get(n), seen);
            if (n.length() >= PREFIX_KEY) {
                List<Integer> ids = byPrefix.get(n.substring(0, PREFIX_KEY));
                if (ids != null) {
                    for (int id : ids) {
                        seen.set(id);
                    }
                }
            }
        }
        mark(always, seen);
        BitSet valueSeen = new BitSet(distinct.size());
        for (int id = seen.nextSetBit(0); id >= 0; id = seen.nextSetBit(id + 1)) {
            int v = valueOf.get(id);
            if (!valueSeen.get(v) && allRequiredPresent(patterns.get(id), stems, norms, lemmas)) {
                valueSeen.set(v);
            }
        }
        List<T> out = new ArrayList<>(valueSeen.cardinality());
        for (int v = valueSeen.nextSetBit(0); v >= 0; v = valueSeen.nextSetBit(v + 1)) {
            out.add(distinct.get(v));
        }
        return out;
    }

    private static void mark(List<Integer> ids, BitSet seen) {
        if (ids != null) {
            for (int id : ids) {
                seen.set(id);
            }
        }
    }

    private static boolean allRequiredPresent(TokenPattern p, Set<String> stems, Set<String> norms, Set<String> lemmas) {
        for (TokenPattern.Element e : p.elements()) {
            if (e.kind() == TokenPattern.Kind.ALTS && !e.optional() && !e.negated() && !present(e, stems, norms, lemmas)) {
                return false;
            }
        }
        return true;
    }

    private static boolean present(TokenPattern.Element e, Set<String> stems, Set<String> norms, Set<String> lemmas) {
        for (TokenPattern.Alt a : e.alts()) {
            switch (a.kind()) {
                case LEMMA -> {
                    if (lemmas.contains(a.value())) {
                        return true;
                    }
                }
                case TAG -> {
                    return true;
                }
                case STEM -> {
                    if (stems.contains(a.value())) {
                        return true;
                    }
                }
                case EXACT -> {
                    if (norms.contains(a.value())) {
                        return true;
                    }
                }
                case PREFIX -> {
                    for (String n : norms) {
                        if (n.startsWith(a.value())) {
                            return true;
                        }
                    }
                }
                case SUFFIX -> {
                    for (String n : norms) {
                        if (n.length() > a.value().length() && n.endsWith(a.value())) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    public int size() {
        return patterns.size();
    }
}
