package coach.match;

import coach.text.Token;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /**
     * Every stem, normalised form and lemma a required element of some pattern asks for, numbered; a text's
     * words are looked up once each and the required elements of the candidates are then tested as bits.
     */
    private final Map<String, Integer> stemIds = new HashMap<>();
    private final Map<String, Integer> normIds = new HashMap<>();
    private final Map<String, Integer> lemmaIds = new HashMap<>();
    /** For each pattern, its required elements (see {@link Required}), those that are always present left out. */
    private final List<Required[]> required = new ArrayList<>();

    /** A required element: present when the text has one of {@code ids}, or a form with one of the prefixes or suffixes. */
    private record Required(int[] ids, String[] prefixes, String[] suffixes) {
    }

    /** Files {@code pattern} for {@code value}; a value may have many patterns. */
    public PatternIndex<T> add(TokenPattern pattern, T value) {
        int id = patterns.size();
        patterns.add(pattern);
        valueOf.add(order.computeIfAbsent(value, v -> {
            distinct.add(v);
            return distinct.size() - 1;
        }));
        required.add(required(pattern));
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

    private Required[] required(TokenPattern p) {
        List<Required> out = new ArrayList<>();
        for (TokenPattern.Element e : p.elements()) {
            if (e.kind() != TokenPattern.Kind.ALTS || e.optional() || e.negated() || hasTag(e)) {
                continue; // not required, or (a tag) always taken as present
            }
            List<Integer> ids = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            List<String> suffixes = new ArrayList<>();
            for (TokenPattern.Alt a : e.alts()) {
                switch (a.kind()) {
                    case STEM -> ids.add(id(stemIds, a.value()));
                    case EXACT -> ids.add(id(normIds, a.value()));
                    case LEMMA -> ids.add(id(lemmaIds, a.value()));
                    case PREFIX -> prefixes.add(a.value());
                    case SUFFIX -> suffixes.add(a.value());
                    case TAG -> throw new AssertionError("tags are skipped above");
                }
            }
            out.add(new Required(ids.stream().mapToInt(Integer::intValue).toArray(), prefixes.toArray(new String[0]),
                    suffixes.toArray(new String[0])));
        }
        return out.toArray(new Required[0]);
    }

    private int id(Map<String, Integer> ids, String value) {
        Integer id = ids.get(value);
        if (id == null) {
            id = stemIds.size() + normIds.size() + lemmaIds.size();
            ids.put(value, id);
        }
        return id;
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
        BitSet present = new BitSet(stemIds.size() + normIds.size() + lemmaIds.size());
        boolean lemmas = !byLemma.isEmpty();
        for (Token t : tokens) {
            String n = t.norm();
            mark(byNorm.get(n), seen);
            bit(normIds, n, present);
            if (n.length() >= PREFIX_KEY) {
                mark(byPrefix.get(n.substring(0, PREFIX_KEY)), seen);
            }
            if (t.isWord()) {
                mark(byStem.get(t.stem()), seen);
                bit(stemIds, t.stem(), present);
                if (lemmas) {
                    mark(byLemma.get(n), seen);
                    bit(lemmaIds, n, present);
                    for (String l : coach.text.Lemmas.of(n)) {
                        mark(byLemma.get(l), seen);
                        bit(lemmaIds, l, present);
                    }
                }
            }
        }
        mark(always, seen);
        BitSet valueSeen = new BitSet(distinct.size());
        for (int id = seen.nextSetBit(0); id >= 0; id = seen.nextSetBit(id + 1)) {
            int v = valueOf.get(id);
            if (!valueSeen.get(v) && allRequiredPresent(required.get(id), present, tokens)) {
                valueSeen.set(v);
            }
        }
        List<T> out = new ArrayList<>(valueSeen.cardinality());
        for (int v = valueSeen.nextSetBit(0); v >= 0; v = valueSeen.nextSetBit(v + 1)) {
            out.add(distinct.get(v));
        }
        return out;
    }

    private static void bit(Map<String, Integer> ids, String value, BitSet present) {
        Integer id = ids.get(value);
        if (id != null) {
            present.set(id);
        }
    }

    private static void mark(List<Integer> ids, BitSet seen) {
        if (ids != null) {
            for (int id : ids) {
                seen.set(id);
            }
        }
    }

    private static boolean allRequiredPresent(Required[] required, BitSet present, List<Token> tokens) {
        for (Required r : required) {
            if (!present(r, present, tokens)) {
                return false;
            }
        }
        return true;
    }

    private static boolean present(Required r, BitSet present, List<Token> tokens) {
        for (int id : r.ids()) {
            if (present.get(id)) {
                return true;
            }
        }
        for (String p : r.prefixes()) {
            for (Token t : tokens) {
                if (t.norm().startsWith(p)) {
                    return true;
                }
            }
        }
        for (String s : r.suffixes()) {
            for (Token t : tokens) {
                String n = t.norm();
                if (n.length() > s.length() && n.endsWith(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    public int size() {
        return patterns.size();
    }
}
