package coach.classify;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;

/**
 * A text classifier trained with OpenNLP's {@link DocumentCategorizerME} on an authored corpus.
 *
 * <p>Train with {@link #train(ModelDefinition)}; {@link #scores} gives every label's probability,
 * {@link #best} the likeliest. {@link #load(ModelDefinition)} opens the model that
 * {@link ModelTool} wrote at build time into {@code models/<name>.bin} on the classpath when its
 * fingerprint matches the definition (the packaged content), and otherwise trains in memory (an
 * editor's {@code COACH_KB_DIR}). The file holds the fingerprint and OpenNLP's binary model
 * parameters, not OpenNLP's zip package, whose manifest carries a time stamp: the same definition
 * gives the same bytes. Immutable and thread-safe.
 */
public final class Categorizer {
    private static final String RESOURCE_DIR = "models/";

    private final String name;
    private final String fingerprint;
    private final MaxentModel model;
    private final List<TextFeatureGenerator> generators;
    private final boolean prebuilt;
    private final Map<String, String> metadata;

    private Categorizer(String name, String fingerprint, MaxentModel model, List<TextFeatureGenerator> generators, boolean prebuilt,
            Map<String, String> metadata) {
        this.name = name;
        this.fingerprint = fingerprint;
        this.model = model;
        this.prebuilt = prebuilt;
        this.generators = List.copyOf(generators);
        this.metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /** The API sketch: a model over a corpus with these features and settings (no further content). */
    public static Categorizer train(String name, Corpus corpus, List<TextFeatureGenerator> generators, Training training) {
        return train(new ModelDefinition(name, corpus.examples(), generators, training, ""));
    }

    public static Categorizer train(ModelDefinition def) {
        if (def.examples().isEmpty()) {
            throw new IllegalArgumentException("no examples to train " + def.name());
        }
        List<DocumentSample> samples = new ArrayList<>(def.examples().size());
        for (Example e : def.examples()) {
            Doc d = Doc.of(e.text());
            samples.add(new DocumentSample(e.label(), d.norms(), Map.of(Doc.KEY, d)));
        }
        FeatureGenerator[] g = def.generators().toArray(new FeatureGenerator[0]);
        try {
            DoccatModel m = DocumentCategorizerME.train("x-unspecified", ObjectStreamUtils.createObjectStream(samples),
                    def.training().params(), new DoccatFactory(g));
            return new Categorizer(def.name(), def.fingerprint(), m.getMaxentModel(), def.generators(), false, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prebuilt model when it matches the definition, else a freshly trained one. */
    public static Categorizer load(ModelDefinition def) {
        return load(def, c -> Map.of());
    }

    /**
     * The same, with metadata computed after training (e.g. thresholds calibrated on a held-back
     * part, see {@link ModelSpec#metadata}): read from the prebuilt file, or computed by
     * {@code metadata} on a freshly trained model.
     */
    public static Categorizer load(ModelDefinition def, Function<Categorizer, Map<String, String>> metadata) {
        Categorizer c = prebuilt(def.name(), def.fingerprint(), def::generators);
        if (c != null) {
            return c;
        }
        c = train(def);
        return c.withMetadata(metadata.apply(c));
    }

    /** This model identified by another fingerprint (a spec's own, see {@link ModelSpec#fingerprint}). */
    public Categorizer withFingerprint(String fp) {
        return new Categorizer(name, fp, model, generators, prebuilt, metadata);
    }

    /**
     * The model written at build time under {@code models/<name>.bin} when it carries this
     * fingerprint (any, when {@code fingerprint} is null: the caller knows the content is the
     * build's own); null otherwise (missing, other content, damaged).
     */
    public static Categorizer prebuilt(String name, String fingerprint, java.util.function.Supplier<List<TextFeatureGenerator>> generators) {
        try (InputStream in = Categorizer.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name + ".bin")) {
            if (in == null) {
                return null;
            }
            return read(new java.io.BufferedInputStream(in, 1 << 16), name, fingerprint, generators);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** This model with the given metadata (kept in its file). */
    public Categorizer withMetadata(Map<String, String> meta) {
        return new Categorizer(name, fingerprint, model, generators, prebuilt, meta);
    }

    /** Key-value data stored with the model, e.g. calibrated thresholds. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Reads a model file; null when it was built from other content than {@code fingerprint}. */
    static Categorizer read(InputStream in, String fingerprint, ModelDefinition def) throws IOException {
        return read(in, def.name(), fingerprint, def::generators);
    }

    private static Categorizer read(InputStream in, String name, String fingerprint, java.util.function.Supplier<List<TextFeatureGenerator>> generators)
            throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (!ModelDefinition.FORMAT.equals(data.readUTF())) {
            return null;
        }
        String stored = data.readUTF();
        if (fingerprint != null && !fingerprint.equals(stored)) {
            return null;
        }
        int n = data.readInt();
        Map<String, String> meta = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            meta.put(data.readUTF(), data.readUTF());
        }
        AbstractModel m = new GenericModelReader(new BinaryFileDataReader(data)).getModel();
        return new Categorizer(name, stored, m, generators.get(), true, meta);
    }

    /** The model file's bytes: format, fingerprint, metadata (sorted), then OpenNLP's binary model. */
    public byte[] bytes() {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buf);
            out.writeUTF(ModelDefinition.FORMAT);
            out.writeUTF(fingerprint);
            out.writeInt(metadata.size());
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            new GenericModelWriter((AbstractModel) model, out).persist();
            out.flush();
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes());
    }

    public String name() {
        return name;
    }

    /** Whether this model came from the build (true) or was trained at start. */
    public boolean prebuilt() {
        return prebuilt;
    }

    public List<String> labels() {
        List<String> out = new ArrayList<>(model.getNumOutcomes());
        for (int i = 0; i < model.getNumOutcomes(); i++) {
            out.add(model.getOutcome(i));
        }
        return out;
    }

    /** Every label's probability for the text, in the model's label order. */
    public Map<String, Double> scores(String text) {
        return scores(Doc.of(text));
    }

    public Map<String, Double> scores(Doc doc) {
        double[] p = probabilities(doc);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            out.put(model.getOutcome(i), p[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    public Scored best(String text) {
        return best(Doc.of(text));
    }

    public Scored best(Doc doc) {
        double[] p = probabilities(doc);
        int b = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[b]) {
                b = i;
            }
        }
        return new Scored(model.getOutcome(b), p[b]);
    }

    /** The label at index {@code i} of {@link #probabilities}. */
    public String label(int i) {
        return model.getOutcome(i);
    }

    /**
     * The model's probabilities, indexed like {@link #labels()}: the context is every generator's features, as OpenNLP's
     * DocumentCategorizerContextGenerator builds it (used directly because DocumentCategorizerME would
     * re-create the generators by class name and lose their settings).
     */
    public double[] probabilities(Doc doc) {
        return probabilities(features(doc));
    }

    /** The model's probabilities for features {@link #features} gave (a caller that needs both computes them once). */
    public double[] probabilities(List<String> features) {
        Flat f = flat;
        if (f == null) {
            f = flat = Flat.of(model);
        }
        return f == Flat.NONE ? model.eval(features.toArray(new String[0])) : f.eval(features);
    }

    /** Whether {@link #probabilities} evaluates from the flat arrays (for a test: OpenNLP's own eval is the slow path). */
    boolean evaluatesFlat() {
        Flat f = flat;
        if (f == null) {
            f = flat = Flat.of(model);
        }
        return f != Flat.NONE;
    }

    /** OpenNLP's own evaluation of the same features (for a test of {@link Flat#eval}). */
    double[] probabilitiesByOpenNlp(List<String> features) {
        return model.eval(features.toArray(new String[0]));
    }

    /** The model's parameters in flat arrays, read once from OpenNLP's ({@link Flat#of}); {@link Flat#NONE} for a model of another kind. */
    private volatile Flat flat;

    /**
     * A maximum entropy model with a uniform prior (OpenNLP's {@code GISModel}) in flat arrays: each feature's number in an
     * open-addressing table, and its weights in a row of one per outcome. {@link #eval} computes exactly what
     * {@code GISModel.eval} does, in the same order of additions (the same doubles), without a map entry and a context
     * object per feature or an array per call for the contexts.
     */
    private static final class Flat {
        static final Flat NONE = new Flat(new String[1], new int[1], new double[0], 0, 0);

        private final String[] keys;
        private final int[] ids;
        /**
         * Feature {@code i}'s weight for outcome {@code o} at {@code i * numOutcomes + o}, 0 where the model has none: one
         * row read in a row, and adding a 0 leaves a sum as it was, so the doubles are OpenNLP's.
         */
        private final double[] rows;
        private final int numOutcomes;
        private final double prior;

        private Flat(String[] keys, int[] ids, double[] rows, int numOutcomes, double prior) {
            this.keys = keys;
            this.ids = ids;
            this.rows = rows;
            this.numOutcomes = numOutcomes;
            this.prior = prior;
        }

        static Flat of(MaxentModel model) {
            if (model.getClass() != opennlp.tools.ml.maxent.GISModel.class || !uniformPrior(model)) {
                return NONE;
            }
            Object[] ds = ((AbstractModel) model).getDataStructures();
            @SuppressWarnings("unchecked")
            Map<String, opennlp.tools.ml.model.Context> pmap = (Map<String, opennlp.tools.ml.model.Context>) ds[1];
            int n = pmap.size();
            int k = model.getNumOutcomes();
            int cap = Integer.highestOneBit(Math.max(4, n * 2)) << 1;
            String[] keys = new String[cap];
            int[] ids = new int[cap];
            double[] rows = new double[n * k];
            int id = 0;
            for (Map.Entry<String, opennlp.tools.ml.model.Context> e : pmap.entrySet()) {
                int i = e.getKey().hashCode() & (cap - 1);
                while (keys[i] != null) {
                    i = (i + 1) & (cap - 1);
                }
                keys[i] = e.getKey();
                ids[i] = id;
                int[] outcomes = e.getValue().getOutcomes();
                double[] params = e.getValue().getParameters();
                for (int j = 0; j < outcomes.length; j++) {
                    rows[id * k + outcomes[j]] = params[j] * 1.0; // a context names each outcome once
                }
                id++;
            }
            return new Flat(keys, ids, rows, k, StrictMath.log(1.0 / k));
        }

        private static boolean uniformPrior(MaxentModel model) {
            try {
                // the field is declared by AbstractModel (GISModel has none of its own): looked up there, or the flat path never ran
                java.lang.reflect.Field f = AbstractModel.class.getDeclaredField("prior");
                f.setAccessible(true);
                Object p = f.get(model);
                return p != null && p.getClass() == opennlp.tools.ml.model.UniformPrior.class;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }

        /** The feature's number, or -1 when the model does not know it. */
        int id(String feature) {
            int mask = keys.length - 1;
            for (int i = feature.hashCode() & mask; ; i = (i + 1) & mask) {
                String k = keys[i];
                if (k == null) {
                    return -1;
                }
                if (k.equals(feature)) {
                    return ids[i];
                }
            }
        }

        double[] eval(List<String> features) {
            double[] p = new double[numOutcomes];
            java.util.Arrays.fill(p, prior);
            int k = numOutcomes;
            for (int f = 0, nf = features.size(); f < nf; f++) {
                int c = id(features.get(f));
                if (c < 0) {
                    continue;
                }
                for (int o = 0, j = c * k; o < k; o++, j++) {
                    p[o] += rows[j];
                }
            }
            double norm = 0;
            for (int o = 0; o < numOutcomes; o++) {
                p[o] = StrictMath.exp(p[o]); // OpenNLP's doubles exactly (CategorizerTest): Math.exp differs in the last bit
                norm += p[o];
            }
            for (int o = 0; o < numOutcomes; o++) {
                p[o] /= norm;
            }
            return p;
        }
    }

    /** Whether the model learnt anything about this feature (it occurred in training above the cutoff). */
    public boolean knows(String feature) {
        if (known == null) {
            Object[] ds = ((AbstractModel) model).getDataStructures();
            @SuppressWarnings("unchecked")
            Map<String, ?> pmap = (Map<String, ?>) ds[1];
            known = pmap.keySet();
        }
        return known.contains(feature);
    }

    private volatile java.util.Set<String> known;

    /** The features the model sees for a text (for debugging a corpus). */
    public List<String> features(Doc doc) {
        List<String> context = new ArrayList<>(32);
        for (TextFeatureGenerator g : generators) {
            g.features(doc, context);
        }
        return context;
    }

    /** A label with its probability. */
    public record Scored(String label, double probability) {
    }
}
