package coach.search;

import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The intent model as the search engine uses it: its outcomes mapped onto the engine's documents,
 * the calibrated weight and no-answer threshold, and the small-talk phrases.
 *
 * @param model       the trained categorizer
 * @param calibration the Lucene weight and the no-answer threshold chosen on a held-back split
 * @param outcomeOfDoc per document position, the model's outcome index (-1 when it has none)
 * @param noneIdx     the outcome index of {@code none} (-1 when absent)
 * @param smallIdx    the outcome index of {@code smalltalk} (-1 when absent)
 * @param smallTalk   the small-talk lines, as {@link Situations#key} keys
 */
record Intent(IntentModel model, IntentCalibration calibration, int[] outcomeOfDoc, int noneIdx, int smallIdx, Set<String> smallTalk) {
    /** A document the query does not match lexically is listed only from this fused score up. */
    static final double MIN_PROBABILITY = 0.03;
    /** Texts of at most this many words may be small talk by the model's judgement (longer ones only by an exact line). */
    static final int SMALL_TALK_MAX_WORDS = 3;

    /** The model and the situations it was trained on, before they are mapped onto documents. */
    record Loaded(IntentModel model, List<Situations.Example> examples) {
    }

    /** Reads the situations and opens the prebuilt model (or trains one); null when the content has no situations. */
    static Loaded loadModel(KnowledgeBase kb, boolean usePrebuilt) {
        ContentSource source = kb.source();
        if (!Situations.present(source)) {
            return null;
        }
        List<Situations.Example> examples = Situations.load(kb);
        IntentModel model = usePrebuilt ? IntentModel.load(examples, kb.principles()) : IntentModel.train(examples, kb.principles());
        return new Loaded(model, examples);
    }

    static Intent of(Loaded loaded, List<SearchDoc> docs) {
        return loaded == null ? null : of(loaded.model(), IntentCalibration.packaged(), docs, loaded.examples());
    }

    static Intent of(IntentModel model, IntentCalibration calibration, List<SearchDoc> docs, List<Situations.Example> examples) {
        int[] outcomeOfDoc = new int[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            outcomeOfDoc[i] = model.indexOf(docs.get(i).id());
        }
        Set<String> small = new HashSet<>();
        for (Situations.Example e : examples) {
            if (e.id().equals(Situations.SMALL_TALK)) {
                small.add(Situations.key(e.text()));
            }
        }
        return new Intent(model, calibration, outcomeOfDoc, model.indexOf(Situations.NONE), model.indexOf(Situations.SMALL_TALK), Set.copyOf(small));
    }

    /** Probability that the guide has no answer: the question is off-topic or small talk. */
    double noAnswerProbability(double[] probs) {
        return (noneIdx >= 0 ? probs[noneIdx] : 0) + (smallIdx >= 0 ? probs[smallIdx] : 0);
    }

    /** Whether the guide has no answer, given the model's probabilities and the query's best Lucene score. */
    boolean noAnswer(double[] probs, double lexicalTop) {
        return noAnswerProbability(probs) >= calibration.threshold(lexicalTop);
    }

    /** Per document position: its probability among the answerable outcomes (they sum to 1). */
    double[] answerProbabilities(double[] probs) {
        double rest = 1 - noAnswerProbability(probs);
        double[] out = new double[outcomeOfDoc.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = outcomeOfDoc[i] < 0 || rest <= 1e-9 ? 0 : probs[outcomeOfDoc[i]] / rest;
        }
        return out;
    }

    /** An exact small-talk line, or a very short text the model takes for small talk. */
    boolean isSmallTalk(String text, double[] probs) {
        String key = Situations.key(text);
        if (smallTalk.contains(key)) {
            return true;
        }
        if (smallIdx < 0 || key.isEmpty() || key.split(" ").length > SMALL_TALK_MAX_WORDS) {
            return false;
        }
        int best = 0;
        for (int i = 1; i < probs.length; i++) {
            if (probs[i] > probs[best]) {
                best = i;
            }
        }
        return best == smallIdx && probs[best] >= 0.5;
    }
}
