package coach;

import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real knowledge base for tests, read from the repository's knowledge-base/ directory. */
public final class TestKb {
    private static KnowledgeBase kb;

    private TestKb() {
    }

    public static Path dir() {
        Path p = Path.of("..", "knowledge-base").toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            p = Path.of("knowledge-base").toAbsolutePath();
        }
        return p;
    }

    public static ContentSource source() {
        return ContentSource.directory(dir());
    }

    public static synchronized KnowledgeBase kb() {
        if (kb == null) {
            kb = KnowledgeBase.load(source());
        }
        return kb;
    }
}
