package coach.match;

import coach.text.Token;
import coach.text.Word;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A prefilter for many patterns over one text: a pattern is a candidate only when every one of its required elements
 * (not optional, not negated, no tag) has some alternative in the text; patterns are filed under the alternatives
 * of one required element (their anchor), so a text only tests the patterns whose anchor occurs in it. Never drops
 * a pattern that could match; it only saves running the ones that cannot.
 *
 * <p>Every stem, normalised form and lemma a required element asks for, and every prefix and suffix, is a "key"
 * numbered per index; a text's words mark the keys they have through their vocabulary numbers ({@link Word}) and
 * two tries (prefixes, reversed suffixes), with no string hashing. Patterns are added while building; the lookup
 * tables are made on the first query (and again after a later {@link #add}). Thread-safe for queries once built.
 *
 * @param <T> what a pattern belongs to (a rule, a criterion); told apart by identity
 */
public final class PatternIndex<T> {
    private final List<Integer> valueOf = new ArrayList<>();
    private final List<TokenPattern> patterns = new ArrayList<>();
    private final List<T> distinct = new ArrayList<>();
    private final Map<T, Integer> order = new IdentityHashMap<>();
    /** Keys by kind: vocabulary number → key number. */
    private final IntMap stemKeys = new IntMap();
    private final IntMap normKeys = new IntMap();
    private final IntMap lemmaKeys = new IntMap();
    private final Trie prefixKeys = new Trie();
    private final Trie suffixKeys = new Trie();
    private int keys;
    /** Per pattern: its required elements, each as the keys of its alternatives. */
    private final List<int[][]> required = new ArrayList<>();
    /**
     * Per pattern: which of its required elements may be its anchor (no suffix alternative); a pattern with none is
     * always tested. The anchor itself is chosen when the tables are made, from every pattern's keys.
     */
    private final List<boolean[]> anchorable = new ArrayList<>();
    /** Per pattern: the {@link #score} of each required element (lower is better), the tie-break. */
    private final List<double[]> anchorScore = new ArrayList<>();
    /** Per pattern: for each required element, how common its alternatives are in any text, as far as their form tells. */
    private final List<int[]> anchorPenalty = new ArrayList<>();
    private volatile Tables tables;

    /** For each key, the patterns anchored on it; the patterns tested always; per pattern its value and its required keys. */
    private record Tables(int keys, int[][] anchored, int[] always, boolean lemmas, int[] valueOf, int[][][] required,
            TokenPattern[] patterns, ThreadLocal<Scratch> scratch) {
    }

    /** Files {@code pattern} for {@code value}; a value may have many patterns. */
    public synchronized PatternIndex<T> add(TokenPattern pattern, T value) {
        patterns.add(pattern);
        valueOf.add(order.computeIfAbsent(value, v -> {
            distinct.add(v);
            return distinct.size() - 1;
        }));
        List<int[]> req = new ArrayList<>();
        List<Boolean> can = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Integer> penalties = new ArrayList<>();
        for (TokenPattern.Element e : pattern.elements()) {
            if (e.kind() != TokenPattern.Kind.ALTS || e.optional() || e.negated() || hasTag(e)) {
                continue; // not required, or (a tag) always taken as present
            }
            int[] ks = new int[e.alts().size()];
            for (int k = 0; k < ks.length; k++) {
                ks[k] = key(e.alts().get(k));
            }
            req.add(ks);
            can.add(!hasSuffix(e));
            scores.add(score(e));
            penalties.add(penalty(e));
        }
        required.add(req.toArray(new int[0][]));
        boolean[] c = new boolean[can.size()];
        double[] sc = new double[can.size()];
        int[] pen = new int[can.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = can.get(i);
            sc[i] = scores.get(i);
            pen[i] = penalties.get(i);
        }
        anchorable.add(c);
        anchorScore.add(sc);
        anchorPenalty.add(pen);
        tables = null;
        return this;
    }

    private int key(TokenPattern.Alt a) {
        int k = switch (a.kind()) {
            case STEM -> stemKeys.putIfAbsent(a.id(), keys);
            case EXACT -> normKeys.putIfAbsent(a.id(), keys);
            case LEMMA -> lemmaKeys.putIfAbsent(a.id(), keys);
            case PREFIX -> prefixKeys.putIfAbsent(a.value(), keys);
            case SUFFIX -> suffixKeys.putIfAbsent(new StringBuilder(a.value()).reverse().toString(), keys);
            case TAG -> throw new AssertionError("tags are skipped");
        };
        if (k == keys) {
            keys++;
        }
        return k;
    }

    private Tables tables() {
        Tables t = tables;
        if (t != null) {
            return t;
        }
        synchronized (this) {
            if (tables == null) {
                List<int[]> anchors = chooseAnchors();
                int[] counts = new int[keys];
                int nAlways = 0;
                for (int[] a : anchors) {
                    if (a == null) {
                        nAlways++;
                    } else {
                        for (int k : distinctKeys(a)) {
                            counts[k]++;
                        }
                    }
                }
                int[][] anchored = new int[keys][];
                for (int k = 0; k < keys; k++) {
                    anchored[k] = new int[counts[k]];
                }
                int[] fill = new int[keys];
                int[] always = new int[nAlways];
                int ai = 0;
                for (int id = 0; id < anchors.size(); id++) {
                    int[] a = anchors.get(id);
                    if (a == null) {
                        always[ai++] = id;
                    } else {
                        for (int k : distinctKeys(a)) {
                            anchored[k][fill[k]++] = id;
                        }
                    }
                }
                int[] values = new int[valueOf.size()];
                for (int id = 0; id < values.length; id++) {
                    values[id] = valueOf.get(id);
                }
                int nKeys = keys;
                int nPatterns = values.length;
                int nValues = distinct.size();
                // each pattern's required elements, fewest alternatives first: one that is absent is told sooner
                int[][][] req = required.toArray(new int[0][][]);
                for (int id = 0; id < req.length; id++) {
                    req[id] = req[id].clone();
                    java.util.Arrays.sort(req[id], java.util.Comparator.comparingInt(r -> r.length));
                }
                // a text's lemmas are looked at only when some required element asks for one
                tables = new Tables(keys, anchored, always, lemmaKeys.size > 0, values, req, patterns.toArray(new TokenPattern[0]),
                        ThreadLocal.withInitial(() -> new Scratch(nKeys, nPatterns, nValues)));
            }
            return tables;
        }
    }

    /**
     * Each pattern's anchor: of its required elements that may be one, the one whose alternatives the fewest patterns
     * require (a word many patterns need, «не», «you», «not», is one many texts have, and anchoring on it would mark
     * those patterns for most texts), marks and short words counted as common ({@link #penalty}); ties by
     * {@link #score}. Which element is the anchor changes only how many patterns are looked at, never which pass: a
     * pattern passes when every required element is present.
     */
    private List<int[]> chooseAnchors() {
        int[] df = new int[keys];
        for (int[][] req : required) {
            for (int[] r : req) {
                for (int k : distinctKeys(r)) {
                    df[k]++;
                }
            }
        }
        List<int[]> out = new ArrayList<>(required.size());
        for (int id = 0; id < required.size(); id++) {
            int[][] req = required.get(id);
            boolean[] can = anchorable.get(id);
            double[] sc = anchorScore.get(id);
            int[] pen = anchorPenalty.get(id);
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            for (int i = 0; i < req.length; i++) {
                if (!can[i]) {
                    continue;
                }
                long cost = pen[i];
                for (int k : distinctKeys(req[i])) {
                    cost += df[k];
                }
                if (cost < bestCost || cost == bestCost && sc[i] < sc[best]) {
                    best = i;
                    bestCost = cost;
                }
            }
            out.add(best < 0 ? null : req[best]);
        }
        return out;
    }

    /** The keys of one element without repeats, in their order (a plain loop: the build calls it for every element of every pattern). */
    private static int[] distinctKeys(int[] ks) {
        if (ks.length > 32) {
            return java.util.Arrays.stream(ks).distinct().toArray(); // rare: an element of many alternatives
        }
        int n = 0;
        int[] out = null;
        for (int i = 0; i < ks.length; i++) {
            boolean seen = false;
            for (int j = 0; j < i && !seen; j++) {
                seen = ks[j] == ks[i];
            }
            if (seen) {
                if (out == null) {
                    out = ks.clone();
                    n = i;
                }
            } else if (out != null) {
                out[n++] = ks[i];
            }
        }
        return out == null ? ks : java.util.Arrays.copyOf(out, n);
    }

    /**
     * How common an element's alternatives are in texts, by their form: a mark or a number (few patterns ask for «!»,
     * but most texts have one) far more than a word, a word of one or two letters («я», «we») more than a longer one.
     */
    private static int penalty(TokenPattern.Element e) {
        int p = 0;
        for (TokenPattern.Alt a : e.alts()) {
            String v = a.value();
            boolean letter = false;
            for (int i = 0; i < v.length() && !letter; i++) {
                letter = Character.isLetter(v.charAt(i));
            }
            p += !letter ? 1000 : v.length() <= 2 ? 20 : 0;
        }
        return p;
    }

    /** Fewer and longer alternatives score lower (better). */
    private static double score(TokenPattern.Element e) {
        int len = Integer.MAX_VALUE;
        for (TokenPattern.Alt a : e.alts()) {
            len = Math.min(len, a.value().length());
        }
        return e.alts().size() * 10 - Math.min(len, 9);
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
        return candidates(tokens, null);
    }

    /**
     * {@link #candidates(List)}, adding to {@code mayMatch} (when not null; a set by identity) every pattern whose
     * required elements all occur in the text: the others of a candidate value cannot match and need not be run.
     */
    public List<T> candidates(List<Token> tokens, java.util.Set<TokenPattern> mayMatch) {
        Tables tb = tables();
        Scratch seen = tb.scratch().get();
        seen.start();
        for (Token t : tokens) {
            Word w = t.word();
            String n = t.norm();
            mark(tb, normKeys.get(w.normId()), seen);
            prefixKeys.markPrefixes(n, tb, seen);
            suffixKeys.markSuffixes(n, tb, seen);
            if (t.isWord()) {
                mark(tb, stemKeys.get(w.stemId()), seen);
                if (tb.lemmas()) {
                    for (int l : w.lemmas()) {
                        mark(tb, lemmaKeys.get(l), seen);
                    }
                }
            }
        }
        for (int id : tb.always()) {
            seen.add(id);
        }
        // the patterns marked are few of many: they are visited from the list of those marked, not by a scan of every bit
        int[] found = new int[Math.min(seen.size, distinct.size())];
        int[] valueOf = tb.valueOf();
        int[][][] required = tb.required();
        int n = 0;
        for (int i = 0; i < seen.size; i++) {
            int id = seen.ids[i];
            int v = valueOf[id];
            if (mayMatch != null) {
                if (allRequiredPresent(required[id], seen)) {
                    mayMatch.add(tb.patterns()[id]);
                    if (seen.firstOfValue(v)) {
                        found[n++] = v;
                    }
                }
            } else if (!seen.valueFound(v) && allRequiredPresent(required[id], seen)) {
                seen.firstOfValue(v);
                found[n++] = v;
            }
        }
        java.util.Arrays.sort(found, 0, n);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(distinct.get(found[i]));
        }
        return out;
    }

    /**
     * One thread's working memory for the queries of one set of tables: the keys present, the patterns marked worth
     * testing (each once, in the order marked) and the values found, each told by a stamp equal to the query's number,
     * so a query neither allocates nor clears arrays as long as the patterns.
     */
    private static final class Scratch {
        private final int[] keyStamp;
        private final int[] patternStamp;
        private final int[] valueStamp;
        private int[] ids = new int[64];
        private int size;
        private int epoch;

        Scratch(int keys, int patterns, int values) {
            keyStamp = new int[keys];
            patternStamp = new int[patterns];
            valueStamp = new int[values];
        }

        /** Forgets the last query. */
        void start() {
            size = 0;
            if (++epoch == 0) {
                java.util.Arrays.fill(keyStamp, 0);
                java.util.Arrays.fill(patternStamp, 0);
                java.util.Arrays.fill(valueStamp, 0);
                epoch = 1;
            }
        }

        boolean present(int k) {
            return keyStamp[k] == epoch;
        }

        /** Marks key {@code k} present; false when it was already. */
        boolean setPresent(int k) {
            if (keyStamp[k] == epoch) {
                return false;
            }
            keyStamp[k] = epoch;
            return true;
        }

        void add(int id) {
            if (patternStamp[id] == epoch) {
                return;
            }
            patternStamp[id] = epoch;
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        boolean valueFound(int v) {
            return valueStamp[v] == epoch;
        }

        /** Notes value {@code v} found; whether this is the first time in this query. */
        boolean firstOfValue(int v) {
            if (valueStamp[v] == epoch) {
                return false;
            }
            valueStamp[v] = epoch;
            return true;
        }
    }

    /** Marks key {@code k} present (when it is a key) and the patterns anchored on it as worth testing. */
    private static void mark(Tables tb, int k, Scratch seen) {
        if (k < 0 || k >= tb.keys() || !seen.setPresent(k)) {
            return;
        }
        for (int id : tb.anchored()[k]) {
            seen.add(id);
        }
    }

    private static boolean allRequiredPresent(int[][] required, Scratch present) {
        for (int[] r : required) {
            boolean any = false;
            for (int k : r) {
                if (present.present(k)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return patterns.size();
    }

    /** An open-addressing map from a non-negative int to a non-negative int. */
    static final class IntMap {
        private int[] keys = new int[16];
        private int[] values = new int[16];
        private int size;

        IntMap() {
            java.util.Arrays.fill(keys, -1);
        }

        /** The value of {@code key}, or -1. */
        int get(int key) {
            if (key < 0) {
                return -1;
            }
            int[] ks = keys;
            int mask = ks.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                int k = ks[i];
                if (k == key) {
                    return values[i];
                }
                if (k < 0) {
                    return -1;
                }
            }
        }

        /** The value of {@code key}; puts {@code value} first if it has none (and then counts it as taken). */
        int putIfAbsent(int key, int value) {
            int old = get(key);
            if (old >= 0) {
                return old;
            }
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            insert(key, value);
            size++;
            return value;
        }

        private void insert(int key, int value) {
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (keys[i] >= 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
        }

        private void grow() {
            int[] ok = keys;
            int[] ov = values;
            keys = new int[ok.length * 2];
            values = new int[ok.length * 2];
            java.util.Arrays.fill(keys, -1);
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] >= 0) {
                    insert(ok[i], ov[i]);
                }
            }
        }

        private static int mix(int k) {
            int h = k * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    /** A character trie of prefixes (or of reversed suffixes), each with its key. */
    static final class Trie {
        private char[][] labels = new char[1][0];
        private int[][] children = new int[1][0];
        private int[] key = {-1};
        private int nodes = 1;
        private int max = -1;

        /** The key of {@code s}; puts {@code value} first if it has none. */
        int putIfAbsent(String s, int value) {
            int node = 0;
            for (int i = 0; i < s.length(); i++) {
                int next = child(node, s.charAt(i));
                if (next < 0) {
                    next = newNode();
                    char[] l = java.util.Arrays.copyOf(labels[node], labels[node].length + 1);
                    int[] c = java.util.Arrays.copyOf(children[node], children[node].length + 1);
                    l[l.length - 1] = s.charAt(i);
                    c[c.length - 1] = next;
                    labels[node] = l;
                    children[node] = c;
                }
                node = next;
            }
            if (key[node] < 0) {
                key[node] = value;
                max = Math.max(max, value);
            }
            return key[node];
        }

        private int newNode() {
            if (nodes == key.length) {
                int n = nodes * 2;
                labels = java.util.Arrays.copyOf(labels, n);
                children = java.util.Arrays.copyOf(children, n);
                key = java.util.Arrays.copyOf(key, n);
                for (int i = nodes; i < n; i++) {
                    labels[i] = new char[0];
                    children[i] = new int[0];
                    key[i] = -1;
                }
            }
            return nodes++;
        }

        private int child(int node, char c) {
            char[] l = labels[node];
            for (int i = 0; i < l.length; i++) {
                if (l[i] == c) {
                    return children[node][i];
                }
            }
            return -1;
        }

        /** Marks every prefix that {@code s} starts with. */
        void markPrefixes(String s, Tables tb, Scratch seen) {
            if (max < 0) {
                return;
            }
            int node = 0;
            for (int i = 0; ; i++) {
                if (key[node] >= 0) {
                    mark(tb, key[node], seen);
                }
                if (i == s.length() || (node = child(node, s.charAt(i))) < 0) {
                    return;
                }
            }
        }

        /** Marks every suffix that {@code s} ends with and is longer than. */
        void markSuffixes(String s, Tables tb, Scratch seen) {
            if (max < 0) {
                return;
            }
            int node = 0;
            for (int i = s.length() - 1; i > 0; i--) {
                if ((node = child(node, s.charAt(i))) < 0) {
                    return;
                }
                if (key[node] >= 0) {
                    mark(tb, key[node], seen);
                }
            }
        }
    }
}
