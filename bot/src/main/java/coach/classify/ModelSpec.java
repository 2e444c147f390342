package coach.classify;

import coach.kb.ContentSource;

/**
 * A model the build trains: {@link ModelTool} instantiates the class (public no-argument
 * constructor) and writes {@code models/<name>.bin}; at start the owner calls
 * {@code Categorizer.load(spec.define(source))} with the same source it reads content from.
 */
public interface ModelSpec {
    /** The model's definition over this content (reads and validates the corpus). */
    ModelDefinition define(ContentSource source);
}
