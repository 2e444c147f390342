package coach.tone;

import coach.classify.Categorizer;
import coach.classify.Doc;
import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.kb.Yaml;
import coach.text.Lang;
import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tone check of a message: each sentence goes through the trained tone model ({@link ToneModel});
 * its risk is 1 − p(ok), its category the likeliest risky label, and it is flagged when the risk is
 * at or above that category's threshold in the sentence's language ({@link ToneModel#language}), calibrated on the
 * held-back sentences of that language; obscene, coarse and insulting words are flagged by
 * {@link Profanity} wherever they are. What the report says about each category (principle, reason,
 * guidance) is data in {@code knowledge-base/tone/categories.yaml}. Immutable and thread-safe.
 */
public final class ToneChecker {
    public static final String CATEGORIES = "tone/categories.yaml";

    /**
     * How a category is reported.
     *
     * @param line        the line of its principle in {@value #CATEGORIES}
     * @param noFactWords per language, the lemmas of nouns that carry no fact when a sentence of this category is
     *                    left out («сюрприз», «рекорд»: what a jibe is made of); any other noun the rest of the
     *                    message does not repeat keeps the sentence in
     */
    public record Category(String id, String principleId, Map<Lang, String> why, Map<Lang, String> guidance, int line,
            Map<Lang, java.util.Set<String>> noFactWords) {
        public Category(String id, String principleId, Map<Lang, String> why, Map<Lang, String> guidance, int line) {
            this(id, principleId, why, guidance, line, Map.of());
        }
    }

    /** Where a flag comes from: the trained model (a whole sentence) or the word list (one word). */
    public enum Source { MODEL, LEXICON }

    /**
     * One flagged span.
     *
     * @param category   a risky label of {@link ToneModel#RISKY}
     * @param start      offset of the sentence (or word) in the text
     * @param end        offset after it
     * @param confidence the model's probability that the sentence is risky, 1 − p(ok) (1.0 for a listed word)
     * @param source     model or word list
     * @param kind       for a listed word, what it is; null for the model
     */
    public record Flag(String category, int start, int end, double confidence, Source source, Profanity.Kind kind) {
    }

    private final Categorizer model;
    /** Per language, the level per category ({@code threshold.<lang>.<label>} of the model's metadata). */
    private final Map<Lang, Map<String, Double>> thresholds;
    /** Per language, the lower suspect level per category ({@code suspect.<lang>.<label>}). */
    private final Map<Lang, Map<String, Double>> suspect;
    /** Per language, the level per category for a sentence without evidence of risk besides its words ({@code bare.<lang>.<label>}). */
    private final Map<Lang, Map<String, Double>> bare;
    private final Profanity profanity;
    private final Map<String, Category> categories;
    /** What a version to send must not keep ({@code tone/residual.tsv}). */
    private final ResidualRisk residual;

    private ToneChecker(Categorizer model, Map<Lang, Map<String, Double>> thresholds, Map<Lang, Map<String, Double>> suspect,
            Map<Lang, Map<String, Double>> bare,
            Profanity profanity, Map<String, Category> categories, ResidualRisk residual) {
        this.residual = residual;
        this.model = model;
        this.thresholds = thresholds;
        this.suspect = suspect;
        this.bare = bare;
        this.profanity = profanity;
        this.categories = categories;
    }

    /** The prebuilt model when it matches the content, else one trained now (seconds); the word lists; the category texts. */
    public static ToneChecker load(ContentSource source) {
        Map<String, Category> categories = readCategories(source);
        ToneModel spec = new ToneModel();
        Categorizer model = spec.load(source);
        Map<Lang, Map<String, Double>> ts = new EnumMap<>(Lang.class);
        Map<Lang, Map<String, Double>> ss = new EnumMap<>(Lang.class);
        Map<Lang, Map<String, Double>> bs = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            Map<String, Double> t = new LinkedHashMap<>();
            Map<String, Double> s = new LinkedHashMap<>();
            Map<String, Double> b = new LinkedHashMap<>();
            String l = lang.code() + ".";
            for (String label : ToneModel.RISKY) {
                String v = model.metadata().get("threshold." + l + label);
                t.put(label, v == null ? coach.classify.Calibration.NEVER : Double.parseDouble(v));
                String w = model.metadata().get("suspect." + l + label);
                s.put(label, w == null ? t.get(label) : Math.min(t.get(label), Double.parseDouble(w)));
                String v2 = model.metadata().get("bare." + l + label);
                b.put(label, v2 == null ? t.get(label) : Math.max(t.get(label), Double.parseDouble(v2)));
            }
            ts.put(lang, Collections.unmodifiableMap(t));
            ss.put(lang, Collections.unmodifiableMap(s));
            bs.put(lang, Collections.unmodifiableMap(b));
        }
        return new ToneChecker(model, Collections.unmodifiableMap(ts), Collections.unmodifiableMap(ss), Collections.unmodifiableMap(bs),
                spec.profanity(source), categories, ResidualRisk.load(source));
    }

    static Map<String, Category> readCategories(ContentSource source) {
        Yaml.Node root = Yaml.parse(CATEGORIES, source.read(CATEGORIES));
        Yaml.Node cats = root.get("categories");
        if (!cats.isMap()) {
            throw new ContentException(CATEGORIES, 1, "'categories' must map each category to its principle and texts");
        }
        Map<String, Category> out = new LinkedHashMap<>();
        for (String id : ToneModel.RISKY) {
            Yaml.Node c = cats.get(id);
            if (c.isMissing()) {
                throw new ContentException(CATEGORIES, 0, "category '" + id + "' is missing");
            }
            String where = id + ":";
            Map<Lang, String> why = new EnumMap<>(Lang.class);
            Map<Lang, String> guidance = new EnumMap<>(Lang.class);
            for (Lang l : Lang.values()) {
                why.put(l, c.required("why_" + l.code(), where));
                guidance.put(l, c.required("guidance_" + l.code(), where));
            }
            Map<Lang, java.util.Set<String>> noFact = new EnumMap<>(Lang.class);
            for (Lang l : Lang.values()) {
                String field = "no_fact_words_" + l.code();
                java.util.Set<String> words = new java.util.LinkedHashSet<>();
                for (String w : c.strings(field)) {
                    for (String x : w.split("\\s+")) {
                        if (!x.isEmpty() && !x.matches("[\\p{Ll}-]+")) {
                            throw c.error(field, "'" + x + "' in '" + field + "' of '" + id + "' must be a lemma in lower case");
                        }
                        if (!x.isEmpty()) {
                            words.add(coach.text.Normalizer.norm(x));
                        }
                    }
                }
                noFact.put(l, java.util.Set.copyOf(words));
            }
            out.put(id, new Category(id, c.required("principle", where), why, guidance, c.lineOf("principle"), noFact));
        }
        for (String n : cats.fields().keySet()) {
            if (!out.containsKey(n)) {
                throw cats.error(n, "unknown category '" + n + "' (known: " + String.join(", ", ToneModel.RISKY) + ")");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Checks that every category names a principle of the guide. */
    public ToneChecker validate(KnowledgeBase kb) {
        for (Category c : categories.values()) {
            if (kb.principle(c.principleId()).isEmpty()) {
                throw new ContentException(CATEGORIES, c.line(), "unknown principle '" + c.principleId() + "' for category '" + c.id() + "'");
            }
        }
        return this;
    }

    public Category category(String id) {
        return categories.get(id);
    }

    /** The categories' no-fact nouns and the coarse-word list, without the model: for an engine on rules alone. */
    public record NoFactWords(Map<String, Category> categories, Profanity profanity) {
        public boolean test(Lang lang, String word) {
            for (Category c : categories.values()) {
                java.util.Set<String> s = c.noFactWords().get(lang);
                if (s != null && s.contains(word)) {
                    return true;
                }
            }
            return !profanity.find(word).isEmpty();
        }
    }

    public static NoFactWords noFactWords(ContentSource source) {
        return new NoFactWords(readCategories(source), Profanity.load(source, false));
    }

    /** Whether a noun's lemma is one a jibe is made of in some category (see {@link Category#noFactWords}). */
    public boolean noFactWord(Lang lang, String lemma) {
        for (Category c : categories.values()) {
            java.util.Set<String> s = c.noFactWords().get(lang);
            if (s != null && s.contains(lemma)) {
                return true;
            }
        }
        return false;
    }

    public Profanity profanity() {
        return profanity;
    }

    /** The phrases a version to send must not keep. */
    public ResidualRisk residual() {
        return residual;
    }

    public Categorizer model() {
        return model;
    }

    /** The level per category at which a sentence of {@code lang} is flagged. */
    public Map<String, Double> thresholds(Lang lang) {
        return thresholds.get(lang);
    }

    /** The level per category a sentence of {@code lang} without evidence of risk besides its words must reach: at or above {@link #thresholds(Lang)}. */
    public Map<String, Double> bareThresholds(Lang lang) {
        return bare.get(lang);
    }

    /** The suspect level per category for a sentence of {@code lang}: at or below {@link #thresholds(Lang)}. */
    public Map<String, Double> suspectThresholds(Lang lang) {
        return suspect.get(lang);
    }

    /** A sentence of fewer words says too little for the model to suspect it (a greeting, «Трек пришлём»). */
    static final int SUSPECT_MIN_WORDS = 3;
    /**
     * Cue classes whose presence alone makes a sentence suspect (by the corpus, over four in five of their sentences are
     * risky). Not «command» (its stems catch indicative forms: «делает», «waiting»), «sarcasm» («видимо», «рекорд») nor
     * «threat» («либо», «иначе» in plain alternatives).
     */
    static final java.util.Set<String> SUSPECT_CUES = java.util.Set.of("cue=reproach", "cue=dismissive", "cue=slang");

    /**
     * Whether a sentence the checker does not flag still may sound risky: the model's risk reaches its category's
     * suspect level in the sentence's language, or a cue of a telling class is in it. For a suggestion that would leave the sentence as it was.
     *
     * A sentence with no evidence of risk besides its words ({@link ToneFeatures#evidence}) is suspect only at the
     * plain threshold unless {@code strict}.
     *
     * @param sentence a sentence's text
     * @param tokens   its tokens
     * @param strict   the lower level for every sentence, evidence or not (beside a sarcastic sentence)
     */
    public boolean suspect(String sentence, List<Token> tokens, boolean strict) {
        return suspect(sentence, tokens, strict, null);
    }

    /**
     * {@link #suspect(String, List, boolean)}, reusing the model's reading of the sentence when {@code known} has it (the
     * check of the whole message scored the same sentence with the same tokens).
     */
    public boolean suspect(String sentence, List<Token> tokens, boolean strict, Scores known) {
        if (words(tokens) < SUSPECT_MIN_WORDS || !hasOwnLetters(tokens, 0, tokens.size())) {
            return false;
        }
        Doc doc = new Doc(sentence, tokens, Map.of());
        Scores.Scored sc = known == null ? null : known.find(sentence, tokens);
        List<String> features = sc != null ? sc.features() : model.features(doc);
        for (String f : features) {
            if (SUSPECT_CUES.contains(f)) {
                return true;
            }
        }
        ToneModel.Decision d = ToneModel.decide(model, sc != null ? sc.p() : model.probabilities(features));
        // a sentence with no evidence of risk besides its words («Redelivery costs extra.», «Наш сервер работает.») is
        // suspect only at the plain threshold: the lower level is for sentences that show something
        Lang lang = ToneModel.language(doc.text());
        double level = strict || ToneFeatures.evidence(features) ? suspect.get(lang).get(d.category()) : thresholds.get(lang).get(d.category());
        return d.risk() >= level && knowsAWord(doc);
    }

    /** Whether the model has seen one of the sentence's words: of a sentence of unknown words it knows nothing. */
    private boolean knowsAWord(Doc doc) {
        for (Token t : doc.tokens()) {
            if (t.isWord() && model.knows("w=" + t.stem())) {
                return true;
            }
        }
        return !ToneFeatures.listed(profanity, doc).isEmpty();
    }

    /** Whether a word of the sentence is written in Cyrillic or Latin: the model knows nothing of other scripts. */
    /**
     * The sentence as the model reads it: without the client's words it quotes («Вы написали: «сколько можно ждать»»,
     * «спасибо за ваше «ок»»), which are not the writer's tone.
     */
    private static Doc unquoted(String text, int[] s, List<Token> tokens, int ti, int tj, Map<String, Object> extra) {
        List<int[]> quotes = coach.text.QuotedSpeech.spans(tokens, ti, tj);
        if (quotes.isEmpty()) {
            return new Doc(text.substring(s[0], s[1]), tokens.subList(ti, tj), extra);
        }
        StringBuilder b = new StringBuilder();
        List<Token> kept = new ArrayList<>(tj - ti);
        int at = s[0];
        int t = ti;
        for (int[] q : quotes) {
            b.append(text, at, tokens.get(q[0]).start());
            at = tokens.get(q[1]).end();
            for (; t < q[0]; t++) {
                kept.add(tokens.get(t));
            }
            t = q[1] + 1;
        }
        b.append(text, at, s[1]);
        for (; t < tj; t++) {
            kept.add(tokens.get(t));
        }
        return new Doc(b.toString(), kept, extra);
    }

    /** Fewer words than this beside a quotation are the frame that reports it, not a sentence of the writer's own. */
    static final int QUOTE_FRAME_WORDS = 8;

    private static int words(List<Token> tokens) {
        int n = 0;
        for (Token t : tokens) {
            n += t.isWord() ? 1 : 0;
        }
        return n;
    }

    private static boolean hasOwnLetters(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isWord()) {
                char c = t.norm().charAt(0);
                if (c < 128 || Lang.isCyrillic(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    public List<Flag> check(String text) {
        return check(text, TextAnalyzer.analyze(text));
    }

    /**
     * Flags of a text whose tokens are {@code tokens}; in text order (a word flag may lie inside a sentence flag). Never throws.
     * A sentence with no evidence of risk besides its words ({@link ToneFeatures#evidence}) is flagged only at its
     * category's {@link #bareThresholds(Lang) bare level} in its language.
     */
    public List<Flag> check(String text, List<Token> tokens) {
        return check(text, tokens, true, null);
    }

    /** {@link #check(String, List)}, keeping the model's reading of every sentence in {@code keep}. */
    public List<Flag> check(String text, List<Token> tokens, Scores keep) {
        return check(text, tokens, true, keep);
    }

    /**
     * The model's reading (features and probabilities) of the sentences of one check, so that a later question about the
     * same sentence — same text, the same token objects — is answered without scoring it again. One per check; not shared
     * between threads.
     */
    public static final class Scores {
        private final List<Scored> scored = new ArrayList<>(2);

        record Scored(String text, List<Token> tokens, List<String> features, double[] p) {
        }

        void add(String text, List<Token> tokens, List<String> features, double[] p) {
            scored.add(new Scored(text, tokens, features, p));
        }

        Scored find(String text, List<Token> tokens) {
            for (Scored s : scored) {
                if (s.tokens().size() == tokens.size() && s.text().equals(text) && sameTokens(s.tokens(), tokens)) {
                    return s;
                }
            }
            return null;
        }

        private static boolean sameTokens(List<Token> a, List<Token> b) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The same at the plain thresholds for every sentence, evidence or not: what a version the coach writes must pass
     * (the leniency for a sentence without evidence is for the writer's own sentences, not for the coach's).
     */
    public List<Flag> checkVersion(String text, List<Token> tokens) {
        return check(text, tokens, false, null);
    }

    private List<Flag> check(String text, List<Token> tokens, boolean evidenceRule, Scores keep) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Flag> out = new ArrayList<>(0);
        int ti = 0;
        List<Profanity.Hit> listed = profanity.find(text);
        for (int[] s : Sentences.split(text)) {
            while (ti < tokens.size() && tokens.get(ti).end() <= s[0]) {
                ti++;
            }
            int tj = ti;
            while (tj < tokens.size() && tokens.get(tj).start() < s[1]) {
                tj++;
            }
            if (tj > ti && hasOwnLetters(tokens, ti, tj)) {
                // a sentence that is the whole text has the text's listed words (found once, not once per use)
                Doc doc = unquoted(text, s, tokens, ti, tj,
                        s[0] == 0 && s[1] == text.length() ? Map.of(ToneFeatures.LISTED, listed) : Map.of());
                if (doc.tokens().size() < tj - ti && words(doc.tokens()) < QUOTE_FRAME_WORDS) {
                    // what is left beside the client's quoted words is only the frame that reports them («Вы писали, что
                    // ребёнок «…»», "Dear parents, you asked that Lily "…""): no tone of the writer's own to read
                    ti = tj;
                    continue;
                }
                List<String> features = model.features(doc);
                double[] p = model.probabilities(features);
                if (keep != null) {
                    keep.add(doc.text(), doc.tokens(), features, p);
                }
                ToneModel.Decision d = ToneModel.decide(model, p);
                // the levels of the sentence's own language: each language is calibrated on its own held-back sentences
                Lang lang = ToneModel.language(text.subSequence(s[0], s[1]));
                if (d.risk() >= thresholds.get(lang).get(d.category()) && knowsAWord(doc)
                        && (!evidenceRule || d.risk() >= bare.get(lang).get(d.category()) || ToneFeatures.evidence(features))) {
                    out.add(new Flag(d.category(), s[0], s[1], d.risk(), Source.MODEL, null));
                }
            }
            ti = tj;
        }
        for (Profanity.Hit h : listed) {
            out.add(new Flag("insult", h.start(), h.end(), 1.0, Source.LEXICON, h.kind()));
        }
        out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        return out;
    }
}
