package coach.text;

import coach.text.morph.BoundedCache;
import java.util.Arrays;
import java.util.Set;

/**
 * One written word form, analysed once for every token that has it: the normalised form, its stem, its kind, and
 * the {@link Vocabulary} numbers of its form, stem and lemmas, so patterns and the tone features test a token by
 * comparing ints. Shared across threads: every lazily computed part is immutable once published.
 */
public final class Word {
    /** Words by their written form (at most two generations of 20 000): analysing a message mostly meets words seen before. */
    private static final BoundedCache<Word> BY_RAW = new BoundedCache<>(20_000);
    private static final int MAX_CACHED = 40;

    private final String norm;
    private final String stem;
    private final Token.Kind kind;
    private volatile Ids ids;
    /** Two bits per tag number below 32: bit 2k says tag k was tested, bit 2k+1 its answer. */
    private volatile long tags;
    /** The same for tag numbers 32 to 63 (tag 32 + k at bits 2k and 2k+1). */
    private volatile long moreTags;
    /** What components derived from this form alone, by {@link Derived} number. */
    private volatile Object[] derived;

    /**
     * Something a component derives from a word form alone (feature names, flags) and keeps with the word, so it is
     * made once per form, not once per token. Make one per kind of value, as a constant.
     */
    public static final class Derived<V> {
        private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();
        private final int index = COUNT.getAndIncrement();
        private final java.util.function.Function<Word, V> make;

        /** @param make how the value is derived; must depend on the word alone and return an immutable value */
        public Derived(java.util.function.Function<Word, V> make) {
            this.make = make;
        }
    }

    /** The value {@code d} derives from this word, made on first use. */
    @SuppressWarnings("unchecked")
    public <V> V get(Derived<V> d) {
        Object[] a = derived;
        if (a != null && d.index < a.length && a[d.index] != null) {
            return (V) a[d.index];
        }
        V v = d.make.apply(this);
        Object[] b = a == null ? new Object[Math.max(d.index + 1, 2)] : a.length > d.index ? a.clone() : Arrays.copyOf(a, d.index + 1);
        b[d.index] = v;
        derived = b;
        return v;
    }

    /** The vocabulary numbers, valid for one vocabulary generation. */
    private static final class Ids {
        final int generation;
        final int norm;
        final int stem;
        /** Numbers of the normalised form and of every lemma that some pattern asks for (words only). */
        final int[] lemmas;

        Ids(int generation, int norm, int stem, int[] lemmas) {
            this.generation = generation;
            this.norm = norm;
            this.stem = stem;
            this.lemmas = lemmas;
        }
    }

    Word(String norm, String stem, Token.Kind kind) {
        this.norm = norm;
        this.stem = stem;
        this.kind = kind;
    }

    /** The word of a token as written (never empty). */
    static Word of(String raw) {
        Word w = BY_RAW.get(raw);
        if (w == null) {
            String norm = Normalizer.norm(raw);
            Token.Kind kind = kindOf(norm);
            w = new Word(norm, kind == Token.Kind.WORD ? Stemmer.stem(norm) : norm, kind);
            if (raw.length() <= MAX_CACHED) {
                BY_RAW.put(raw, w);
            }
        }
        return w;
    }

    static Token.Kind kindOf(String norm) {
        int cp = norm.codePointAt(0);
        if (Character.isLetter(cp)) {
            return Token.Kind.WORD;
        }
        if (Character.isDigit(cp)) {
            return Token.Kind.NUMBER;
        }
        return Token.Kind.PUNCT;
    }

    public String norm() {
        return norm;
    }

    public String stem() {
        return stem;
    }

    public Token.Kind kind() {
        return kind;
    }

    private Ids ids() {
        Ids i = ids;
        int g = Vocabulary.generation();
        if (i == null || i.generation != g) {
            i = new Ids(g, Vocabulary.id(norm), Vocabulary.id(stem), kind == Token.Kind.WORD ? computeLemmaIds() : new int[0]);
            ids = i;
        }
        return i;
    }

    private int[] computeLemmaIds() {
        int[] out = new int[4];
        int n = 0;
        int own = Vocabulary.id(norm);
        if (own >= 0) {
            out[n++] = own;
        }
        Set<String> ls = Lemmas.of(norm);
        for (String l : ls) {
            int id = Vocabulary.id(l);
            if (id >= 0 && id != own) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = id;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The vocabulary number of the normalised form, or -1. */
    public int normId() {
        return ids().norm;
    }

    /** The vocabulary number of the stem, or -1. */
    public int stemId() {
        return ids().stem;
    }

    /** The vocabulary numbers of the normalised form and the lemmas that patterns ask for (empty for a non-word); do not modify. */
    public int[] lemmas() {
        return ids().lemmas;
    }

    /** Whether the form or one of its lemmas is vocabulary word {@code id} (a word; see {@link Lemmas#of}). */
    public boolean hasLemma(int id) {
        for (int l : ids().lemmas) {
            if (l == id) {
                return true;
            }
        }
        return false;
    }

    /** {@link Lemmas#hasTag} of this form, remembered per tag number ({@link Vocabulary#registerTag}). */
    public boolean hasTag(int tag, String fields) {
        if (tag < 0 || tag >= 64) {
            return Lemmas.hasTag(norm, fields);
        }
        if (tag >= 32) {
            long known = 1L << (2 * (tag - 32));
            long t = moreTags;
            if ((t & known) != 0) {
                return (t & (known << 1)) != 0;
            }
            boolean v = Lemmas.hasTag(norm, fields);
            moreTags = t | known | (v ? known << 1 : 0);
            return v;
        }
        long known = 1L << (2 * tag);
        long t = tags;
        if ((t & known) != 0) {
            return (t & (known << 1)) != 0;
        }
        boolean v = Lemmas.hasTag(norm, fields);
        tags = t | known | (v ? known << 1 : 0);
        return v;
    }
}
