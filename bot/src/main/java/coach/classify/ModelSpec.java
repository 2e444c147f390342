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

    /**
     * What identifies the model of this content; a prebuilt model is used only when its file carries
     * the same value. By default the definition's own fingerprint (reads the whole corpus); a spec may
     * hash its raw content files instead, so that a matching start never parses the corpus.
     */
    default String fingerprint(ContentSource source) {
        return define(source).fingerprint();
    }

    /** The model's name (its file is {@code models/<name>.bin}). By default from the definition. */
    default String name(ContentSource source) {
        return define(source).name();
    }

    /** The feature generators, for a prebuilt model. By default from the definition. */
    default java.util.List<TextFeatureGenerator> generators(ContentSource source) {
        return define(source).generators();
    }

    /** The model trained now on this content, with its metadata and {@link #fingerprint}, as the build writes it. */
    default Categorizer train(ContentSource source) {
        Categorizer c = Categorizer.train(define(source)).withFingerprint(fingerprint(source));
        return c.withMetadata(metadata(c, source));
    }

    /** The model for this content: prebuilt when it matches, else trained (and its metadata computed) now. */
    default Categorizer load(ContentSource source) {
        Categorizer c = Categorizer.prebuilt(name(source), fingerprint(source), () -> generators(source));
        return c != null ? c : train(source);
    }
}
