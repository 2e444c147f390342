package coach.classify;

import coach.kb.ContentSource;

/**
 * A model the build trains: {@link ModelTool} instantiates the class (public no-argument
 * constructor) and writes {@code models/<name>.bin}; at start the owner calls
 * {@code spec.load(source)} with the same source it reads content from.
 */
public interface ModelSpec {
    /** The model's definition over this content (reads and validates the corpus). */
    ModelDefinition define(ContentSource source);

    /** Data computed on the trained model and stored with it (e.g. thresholds from a held-back part); none by default. */
    default java.util.Map<String, String> metadata(Categorizer trained, ContentSource source) {
        return java.util.Map.of();
    }

    /** The model for this content: prebuilt when it matches, else trained (and its metadata computed) now. */
    default Categorizer load(ContentSource source) {
        return Categorizer.load(define(source), c -> metadata(c, source));
    }
}
