package coach.tone;

import coach.classify.Calibration;
import coach.classify.Categorizer;
import coach.classify.Corpus;
import coach.classify.ModelDefinition;
import coach.classify.ModelSpec;
import coach.classify.Training;
import coach.kb.ContentSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentence tone model: trained at build time ({@code coach.classify.ModelTool}) on the authored
 * corpus {@code knowledge-base/tone/ru.tsv} and {@code en.tsv}, less a held-back part
 * ({@value #HELD_OUT_PERCENT}% of the lines, chosen by a hash of each line) that sets each
 * category's threshold so that precision on it is at least {@value #PRECISION}: per language, each on the held-back
 * sentences of its own language (one model, two sets of levels).
 */
public final class ToneModel implements ModelSpec {
    public static final String NAME = "tone";
    public static final List<String> CORPUS = List.of("tone/ru.tsv", "tone/en.tsv");
    public static final String OK = "ok";
    /** The risky labels, in report order. */
    public static final List<String> RISKY = List.of("pressure", "sarcasm", "informal", "insult", "rude",
            "deflect", "blame", "refuse", "dismiss", "vague", "overpromise");
    public static final Set<String> LABELS;
    static final int HELD_OUT_PERCENT = 15;
    static final double PRECISION = 0.95;
    /**
     * The precision of the lower "suspect" level ({@code suspect.<label>}): a sentence at or above it is not flagged,
     * but a suggestion that leaves it as it was is not offered (coach.phrasing: the rest of the message may still sound
     * risky). Chosen on the dev sets: lower withholds many good suggestions, higher catches too little.
     */
    static final double SUSPECT_PRECISION = 0.7;
    /**
     * For the suspect level a false alarm on the held-back part counts this many times: at 1, three in ten plain
     * sentences of polite messages were suspect; at 3, about one in fourteen.
     */
    static final double SUSPECT_OK_WEIGHT = 3.0;
    /** A threshold rests on at least this many held-back predictions. */
    static final int MIN_SUPPORT = 5;
    /**
     * Real messages are mostly polite sentences, the held-back part only about half: a false alarm
     * on it counts this many times when the thresholds are set.
     */
    static final double OK_WEIGHT = 1.0;
    /**
     * A sentence with no evidence of risk but its words ({@link ToneFeatures#evidence}) is flagged only at its category's
     * {@code bare.<label>} level: calibrated like the threshold on the held-back sentences without evidence, a false alarm
     * counting {@value #BARE_OK_WEIGHT} times (such sentences are most of a real polite message), on at least
     * {@value #BARE_MIN_SUPPORT} held-back predictions; never below {@value #BARE_FLOOR} nor the category's threshold.
     * A category the held-back part predicts fewer times than that without evidence, or whose sentences without evidence
     * never reach the precision there, gets {@value #BARE_THIN}: too little support for a lower level.
     */
    static final double BARE_OK_WEIGHT = 1.0;
    static final int BARE_MIN_SUPPORT = 10;
    static final double BARE_FLOOR = 0.8;
    static final double BARE_THIN = 0.8;
    static final Training TRAINING = Training.maxent(100, 2).with("GaussianSmoothingSigma", "1");

    static {
        List<String> all = new ArrayList<>();
        all.add(OK);
        all.addAll(RISKY);
        LABELS = Set.copyOf(all);
    }

    /** The corpus, validated. */
    public static Corpus corpus(ContentSource source) {
        return Corpus.read(source, CORPUS, LABELS);
    }

    public static Corpus.Split split(ContentSource source) {
        return corpus(source).split(HELD_OUT_PERCENT);
    }

    private Profanity profanity;
    private Cues cues;
    /** Set when the content is the build's (its examples were checked there). */
    private boolean trusted;

    /** The word list, read once per spec instance. */
    synchronized Profanity profanity(ContentSource source) {
        if (profanity == null) {
            profanity = Profanity.load(source, !trusted);
        }
        return profanity;
    }

    /** The prebuilt model when it matches (the word list's examples then need no second check), else one trained now. */
    @Override
    public Categorizer load(ContentSource source) {
        // the knowledge base packed with the classes is the one the build trained on: no need to hash it
        String fp = isPackaged(source) ? null : fingerprint(source);
        synchronized (this) {
            trusted = true;
        }
        Categorizer c = Categorizer.prebuilt(NAME, fp, () -> generators(source));
        if (c != null) {
            return c;
        }
        synchronized (this) {
            trusted = false;
            profanity = null;
        }
        return train(source);
    }

    private synchronized Cues cues(ContentSource source) {
        if (cues == null) {
            cues = Cues.load(source);
        }
        return cues;
    }

    private static boolean isPackaged(ContentSource source) {
        try {
            return source.describe().equals(ContentSource.packaged().describe());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public ModelDefinition define(ContentSource source) {
        Corpus.Split split = split(source);
        return new ModelDefinition(NAME, split.train().examples(), generators(source), TRAINING, fingerprint(source));
    }

    @Override
    public String name(ContentSource source) {
        return NAME;
    }

    @Override
    public List<coach.classify.TextFeatureGenerator> generators(ContentSource source) {
        return List.of(new ToneFeatures(cues(source), profanity(source)));
    }

    /**
     * A hash of the raw content the model is made of (corpus files, cue lexicon, word list) and of
     * every setting: a start whose content matches the build opens the prebuilt model without
     * parsing the corpus.
     */
    @Override
    public String fingerprint(ContentSource source) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            StringBuilder settings = new StringBuilder(NAME).append('|').append(TRAINING.describe()).append('|').append(HELD_OUT_PERCENT)
                    .append('|').append(PRECISION).append('|').append(SUSPECT_PRECISION).append('|').append(SUSPECT_OK_WEIGHT).append('|').append(MIN_SUPPORT).append('|').append(OK_WEIGHT).append('|')
                    .append(BARE_OK_WEIGHT).append('|').append(BARE_MIN_SUPPORT).append('|').append(BARE_FLOOR).append('|').append(BARE_THIN).append('|')
                    .append("levels per language").append('|')
                    .append(new ToneFeatures(null, null).describe()).append('|').append(LABELS.stream().sorted().toList());
            md.update(settings.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<String> files = new ArrayList<>(CORPUS);
            files.add(Cues.FILE);
            files.add(Profanity.FILE);
            for (String f : files) {
                md.update(('\n' + f + '\n').getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(source.read(f).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Per-language, per-category thresholds from the held-back part: {@code threshold.<lang>.<label>} → probability
     * (flagged), the lower {@code suspect.<lang>.<label>} (never above the threshold) and {@code bare.<lang>.<label>}.
     * Each language is calibrated on its own held-back sentences ({@link #language}) with the same precision targets
     * and minimum supports: pooled, the lines of one language moved the levels of the other. A category with too little
     * held-back support in a language is never flagged there by the model.
     */
    @Override
    public Map<String, String> metadata(Categorizer trained, ContentSource source) {
        Corpus heldOut = split(source).heldOut();
        Map<String, String> out = new LinkedHashMap<>();
        for (coach.text.Lang lang : coach.text.Lang.values()) {
            List<coach.classify.Example> held = heldOut.examples().stream().filter(e -> language(e.text()) == lang).toList();
            List<Calibration.Outcome> outcomes = outcomes(trained, held);
            Map<String, Double> t = Calibration.thresholds(outcomes, RISKY, PRECISION, MIN_SUPPORT, ToneModel::flagRight, OK_WEIGHT);
            Map<String, Double> s = suspectThresholds(outcomes, t);
            Map<String, Double> b = bareThresholds(trained, held, t);
            String l = lang.code() + ".";
            t.forEach((k, v) -> out.put("threshold." + l + k, Double.toString(v)));
            s.forEach((k, v) -> out.put("suspect." + l + k, Double.toString(v)));
            b.forEach((k, v) -> out.put("bare." + l + k, Double.toString(v)));
        }
        return out;
    }

    /**
     * The language whose levels a sentence is checked at, and calibrated with: by its script ({@link coach.text.Lang#detect}),
     * so a Latin sentence in a Russian message is read at the English levels. Every line of {@code ru.tsv} reads as
     * Russian and every line of {@code en.tsv} as English.
     */
    public static coach.text.Lang language(CharSequence sentence) {
        return coach.text.Lang.detect(sentence);
    }

    /** The level a sentence without evidence must reach per category: see {@link #BARE_OK_WEIGHT}. */
    static Map<String, Double> bareThresholds(Categorizer c, List<coach.classify.Example> heldOut, Map<String, Double> thresholds) {
        List<Calibration.Outcome> bare = new ArrayList<>();
        for (coach.classify.Example e : heldOut) {
            coach.classify.Doc doc = coach.classify.Doc.of(e.text());
            if (!ToneFeatures.evidence(c.features(doc))) {
                Decision d = decide(c, c.probabilities(doc));
                bare.add(new Calibration.Outcome(e.label(), d.category(), d.risk()));
            }
        }
        Map<String, Double> b = Calibration.thresholds(bare, RISKY, PRECISION, BARE_MIN_SUPPORT, ToneModel::flagRight, BARE_OK_WEIGHT);
        Map<String, Double> out = new LinkedHashMap<>();
        b.forEach((k, v) -> {
            long support = bare.stream().filter(o -> o.predicted().equals(k)).count();
            double level = support < BARE_MIN_SUPPORT || v >= Calibration.NEVER ? BARE_THIN : v;
            out.put(k, Math.max(BARE_FLOOR, Math.max(level, thresholds.get(k))));
        });
        return out;
    }

    /** The suspect level of each category: calibrated at {@link #SUSPECT_PRECISION} and {@link #SUSPECT_OK_WEIGHT}, at most its threshold. */
    static Map<String, Double> suspectThresholds(List<Calibration.Outcome> outcomes, Map<String, Double> thresholds) {
        Map<String, Double> s = Calibration.thresholds(outcomes, RISKY, SUSPECT_PRECISION, MIN_SUPPORT, ToneModel::flagRight, SUSPECT_OK_WEIGHT);
        Map<String, Double> out = new LinkedHashMap<>();
        s.forEach((k, v) -> out.put(k, Math.min(v, thresholds.get(k))));
        return out;
    }

    /** The plain thresholds of one language, calibrated on its held-back sentences. */
    static Map<String, Double> thresholds(Categorizer c, Corpus heldOut, coach.text.Lang lang) {
        return Calibration.thresholds(outcomes(c, heldOut, lang), RISKY, PRECISION, MIN_SUPPORT, ToneModel::flagRight, OK_WEIGHT);
    }

    /** A flag is right when the sentence is risky at all: its category only says which kind of risk. */
    static boolean flagRight(Calibration.Outcome o) {
        return !o.gold().equals(OK);
    }

    /** Each held-back example as the checker decides it: the likeliest risky category and the risk (1 − p(ok)). */
    static List<Calibration.Outcome> outcomes(Categorizer c, Corpus heldOut) {
        return outcomes(c, heldOut.examples());
    }

    /** The same for the held-back sentences of one language. */
    static List<Calibration.Outcome> outcomes(Categorizer c, Corpus heldOut, coach.text.Lang lang) {
        return outcomes(c, heldOut.examples().stream().filter(e -> language(e.text()) == lang).toList());
    }

    static List<Calibration.Outcome> outcomes(Categorizer c, List<coach.classify.Example> heldOut) {
        List<Calibration.Outcome> out = new ArrayList<>(heldOut.size());
        for (coach.classify.Example e : heldOut) {
            Decision d = decide(c, c.probabilities(coach.classify.Doc.of(e.text())));
            out.add(new Calibration.Outcome(e.label(), d.category(), d.risk()));
        }
        return out;
    }

    /** The likeliest risky category and the sentence's risk. */
    record Decision(String category, double risk, double categoryProbability) {
    }

    static Decision decide(Categorizer c, double[] p) {
        int best = -1;
        double ok = 0;
        for (int i = 0; i < p.length; i++) {
            if (c.label(i).equals(OK)) {
                ok = p[i];
            } else if (best < 0 || p[i] > p[best]) {
                best = i;
            }
        }
        return new Decision(c.label(best), 1 - ok, p[best]);
    }
}
