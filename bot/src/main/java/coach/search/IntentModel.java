package coach.search;

import coach.classify.Categorizer;
import coach.classify.Doc;
import coach.classify.Example;
import coach.classify.Features;
import coach.classify.ModelDefinition;
import coach.classify.TextFeatureGenerator;
import coach.classify.Training;
import coach.kb.Principle;
import coach.text.Token;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The intent model: a {@link Categorizer} (OpenNLP maximum entropy, from {@code coach.classify})
 * that maps a question to the principle, material, {@code none} or {@code smalltalk} whose
 * authored situations it resembles. It also learns from the guide's own wording (principle titles,
 * keywords and English summaries). Features: stems, stem bigrams and character trigrams of the
 * words, so a typo such as «клинт» still shares most features with «клиент». Training is
 * deterministic; the build writes {@code models/search-intent.bin}. Thread-safe.
 */
public final class IntentModel {
    public static final String NAME = "search-intent";
    static final Training TRAINING = Training.maxent(100, 2).with("GaussianSmoothingSigma", "0.6");
    static final List<TextFeatureGenerator> GENERATORS = List.of(Features.words(), Features.bigrams(), new CharTrigrams());

    private final Categorizer categorizer;
    private final List<String> labels;
    private final Map<String, Integer> index = new HashMap<>();

    private IntentModel(Categorizer categorizer) {
        this.categorizer = categorizer;
        this.labels = categorizer.labels();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
    }

    /** What the model is trained on: the situations, then the guide's wording of each principle. */
    static ModelDefinition definition(List<Situations.Example> situations, List<Principle> principles) {
        return definition(situations, principles, true);
    }

    /** As above; without {@code keywords} the principles' keywords are left out (the calibration probes with them). */
    static ModelDefinition definition(List<Situations.Example> situations, List<Principle> principles, boolean keywords) {
        List<Example> examples = new ArrayList<>();
        for (Situations.Example e : situations) {
            examples.add(new Example(e.id(), e.text(), e.file(), e.line()));
        }
        for (Principle p : principles) {
            examples.add(new Example(p.id(), p.titleRu(), "principles.yaml", 0));
            examples.add(new Example(p.id(), p.titleEn(), "principles.yaml", 0));
            examples.add(new Example(p.id(), p.summaryEn(), "principles.yaml", 0));
            if (keywords) {
                p.keywordsRu().forEach(k -> examples.add(new Example(p.id(), k, "principles.yaml", 0)));
                p.keywordsEn().forEach(k -> examples.add(new Example(p.id(), k, "principles.yaml", 0)));
            }
        }
        return new ModelDefinition(NAME, examples, GENERATORS, TRAINING, "");
    }

    public static IntentModel train(List<Situations.Example> situations, List<Principle> principles) {
        return new IntentModel(Categorizer.train(definition(situations, principles)));
    }

    static IntentModel trainWithoutKeywords(List<Situations.Example> situations, List<Principle> principles) {
        return new IntentModel(Categorizer.train(definition(situations, principles, false)));
    }

    /** The model the build wrote for exactly this content, or one trained now. */
    static IntentModel load(List<Situations.Example> situations, List<Principle> principles) {
        return new IntentModel(Categorizer.load(definition(situations, principles)));
    }

    void write(Path classes) throws IOException {
        categorizer.write(classes.resolve("models").resolve(NAME + ".bin"));
    }

    /** The model file's bytes (as the build writes them). */
    byte[] bytes() {
        return categorizer.bytes();
    }

    boolean prebuilt() {
        return categorizer.prebuilt();
    }

    /** Probability per outcome, indexed as {@link #outcome(int)}. */
    public double[] probabilities(String text) {
        Map<String, Double> scores = categorizer.scores(text);
        double[] out = new double[labels.size()];
        int i = 0;
        for (double d : scores.values()) {
            out[i++] = d;
        }
        return out;
    }

    public int outcomes() {
        return labels.size();
    }

    public String outcome(int i) {
        return labels.get(i);
    }

    /** Index of an outcome id, or -1 when the model has never seen it. */
    public int indexOf(String id) {
        return index.getOrDefault(id, -1);
    }

    /** {@code c=<trigram>} of each word of four letters or more, padded with ^ and $: robust to typos and endings. */
    static final class CharTrigrams extends TextFeatureGenerator {
        @Override
        public void features(Doc doc, List<String> out) {
            for (Token t : doc.tokens()) {
                if (t.isWord() && t.norm().length() >= 4) {
                    String padded = "^" + t.norm() + "$";
                    for (int k = 0; k + 3 <= padded.length(); k++) {
                        out.add("c=" + padded.substring(k, k + 3));
                    }
                }
            }
        }
    }
}
