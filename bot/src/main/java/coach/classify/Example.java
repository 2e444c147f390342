package coach.classify;

/**
 * One labelled line of a corpus.
 *
 * @param label the category, e.g. {@code ok} or {@code pressure}
 * @param text  the sentence (or short message) as written
 * @param file  the knowledge-base file it came from
 * @param line  its line number there (1-based)
 */
public record Example(String label, String text, String file, int line) {
}
