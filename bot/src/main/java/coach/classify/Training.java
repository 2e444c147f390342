package coach.classify;

import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.util.TrainingParameters;

/**
 * How a model is trained: the OpenNLP algorithm ({@code MAXENT} = GIS, or {@code PERCEPTRON}),
 * iterations, the feature cutoff and any further trainer settings. Always one thread and no random
 * source, so the same corpus gives the same model, byte for byte.
 */
public record Training(String algorithm, int iterations, int cutoff, Map<String, String> settings) {

    public Training {
        settings = Map.copyOf(settings);
    }

    /** Maximum entropy (GIS) with Gaussian smoothing (sigma 2), which generalises better on a small corpus. */
    public static Training maxent(int iterations, int cutoff) {
        return new Training("MAXENT", iterations, cutoff, Map.of("GaussianSmoothing", "true"));
    }

    public static Training perceptron(int iterations, int cutoff) {
        return new Training("PERCEPTRON", iterations, cutoff, Map.of());
    }

    public Training with(String key, String value) {
        Map<String, String> s = new TreeMap<>(settings);
        s.put(key, value);
        return new Training(algorithm, iterations, cutoff, s);
    }

    TrainingParameters params() {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        p.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        p.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        p.put(TrainingParameters.THREADS_PARAM, 1);
        settings.forEach(p::put);
        return p;
    }

    /** A stable description, part of the model's fingerprint. */
    public String describe() {
        return algorithm + ":" + iterations + ":" + cutoff + ":" + new TreeMap<>(settings);
    }
}
