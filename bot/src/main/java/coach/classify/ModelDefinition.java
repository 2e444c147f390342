package coach.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything a model is made of: its name, the training examples, the feature generators, the
 * training settings and any other content the features read ({@code contentKey}, e.g. the text of
 * a cue lexicon). Its {@link #fingerprint()} decides whether a prebuilt model fits.
 */
public record ModelDefinition(String name, List<Example> examples, List<TextFeatureGenerator> generators, Training training, String contentKey) {
    /** Bump when the file format or the meaning of a stock feature changes. */
    static final String FORMAT = "coach-classify-1";

    public ModelDefinition {
        examples = List.copyOf(examples);
        generators = List.copyOf(generators);
        contentKey = contentKey == null ? "" : contentKey;
    }

    /** A SHA-256 over everything above: equal fingerprints mean an equal model. */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            StringBuilder b = new StringBuilder(FORMAT).append('\n').append(name).append('\n').append(training.describe()).append('\n');
            for (TextFeatureGenerator g : generators) {
                b.append(g.describe()).append('\n');
            }
            b.append(contentKey).append('\n');
            md.update(b.toString().getBytes(StandardCharsets.UTF_8));
            for (Example e : examples) {
                md.update((e.label() + '\t' + e.text() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
