package coach.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-label decision thresholds from a held-back part of the corpus ({@link Corpus#split}): for
 * each label, the lowest probability at which "best label = this one and probability ≥ threshold"
 * is still right at least {@code precision} of the time on the held-back examples. A label that
 * never reaches it gets {@code 1.0 + epsilon}, i.e. is never reported.
 */
public final class Calibration {
    /** Above every probability: a label with this threshold is never reported. */
    public static final double NEVER = 1.000001;

    private Calibration() {
    }

    /** One held-back example's best label and probability. */
    public record Outcome(String gold, String predicted, double probability) {
    }

    public static List<Outcome> outcomes(Categorizer c, Corpus heldOut) {
        List<Outcome> out = new ArrayList<>(heldOut.size());
        for (Example e : heldOut.examples()) {
            Categorizer.Scored s = c.best(e.text());
            out.add(new Outcome(e.label(), s.label(), s.probability()));
        }
        return out;
    }

    /**
     * @param labels    the labels to calibrate (e.g. every label but the neutral one)
     * @param precision the precision each label must keep, e.g. 0.95
     * @param minSupport the fewest held-back predictions a threshold may rest on
     */
    public static Map<String, Double> thresholds(List<Outcome> outcomes, Collection<String> labels, double precision, int minSupport) {
        return thresholds(outcomes, labels, precision, minSupport, o -> o.gold().equals(o.predicted()));
    }

    /**
     * The same with another notion of a right prediction, e.g. "the example is risky at all" when
     * the label only names the kind of risk.
     */
    public static Map<String, Double> thresholds(List<Outcome> outcomes, Collection<String> labels, double precision, int minSupport,
            java.util.function.Predicate<Outcome> right) {
        return thresholds(outcomes, labels, precision, minSupport, right, 1.0);
    }

    /**
     * The same, counting each wrong prediction {@code wrongWeight} times: the precision expected where
     * the negatives are that much more frequent than in the held-back part (real messages are mostly polite).
     */
    public static Map<String, Double> thresholds(List<Outcome> outcomes, Collection<String> labels, double precision, int minSupport,
            java.util.function.Predicate<Outcome> right, double wrongWeight) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String label : labels) {
            List<Outcome> predicted = new ArrayList<>();
            for (Outcome o : outcomes) {
                if (o.predicted().equals(label)) {
                    predicted.add(o);
                }
            }
            predicted.sort((a, b) -> Double.compare(b.probability(), a.probability()));
            double best = NEVER;
            int correct = 0;
            for (int i = 0; i < predicted.size(); i++) {
                Outcome o = predicted.get(i);
                correct += right.test(o) ? 1 : 0;
                boolean lastOfTie = i + 1 == predicted.size() || predicted.get(i + 1).probability() < o.probability();
                double wrong = (i + 1 - correct) * wrongWeight;
                if (lastOfTie && i + 1 >= minSupport && correct >= precision * (correct + wrong)) {
                    best = o.probability();
                }
            }
            out.put(label, best);
        }
        return out;
    }

    /** Precision and recall of one label on the outcomes under the given thresholds. */
    public record Quality(String label, int flagged, int correct, int gold) {
        public double precision() {
            return flagged == 0 ? 1.0 : (double) correct / flagged;
        }

        public double recall() {
            return gold == 0 ? 1.0 : (double) correct / gold;
        }
    }

    public static Quality quality(List<Outcome> outcomes, String label, double threshold) {
        return quality(outcomes, label, threshold, o -> o.gold().equals(o.predicted()));
    }

    /** The same with another notion of a right prediction; recall counts examples whose gold label is {@code label}. */
    public static Quality quality(List<Outcome> outcomes, String label, double threshold, java.util.function.Predicate<Outcome> right) {
        int flagged = 0;
        int correct = 0;
        int gold = 0;
        for (Outcome o : outcomes) {
            boolean f = o.predicted().equals(label) && o.probability() >= threshold;
            flagged += f ? 1 : 0;
            correct += f && right.test(o) ? 1 : 0;
            gold += o.gold().equals(label) ? 1 : 0;
        }
        return new Quality(label, flagged, correct, gold);
    }
}
