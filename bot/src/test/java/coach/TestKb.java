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

    /** Copies the real knowledge base into {@code target}, for tests that break or change content. */
    public static Path copyTo(Path target) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir())) {
            for (Path p : files.toList()) {
                Path to = target.resolve(dir().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    public static synchronized KnowledgeBase kb() {
        if (kb == null) {
            kb = KnowledgeBase.load(source());
        }
        return kb;
    }
}
