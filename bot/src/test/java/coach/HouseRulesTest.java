package coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering the design promises, checked on the production sources and classes: the front ends know the
 * core's ports only, the core knows no transport, and no test double or benchmark ships in the product jar.
 */
class HouseRulesTest {
    private static final Path MAIN = Path.of("src/main/java/coach");
    private static final Path CLASSES = Path.of("target/classes/coach");

    private static List<Path> sources(String pkg) throws IOException {
        try (Stream<Path> s = Files.walk(MAIN.resolve(pkg))) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    /** Files of {@code pkg} (and below) that mention a package matching {@code forbidden} in code. */
    private static List<String> offenders(String pkg, String forbidden) throws IOException {
        Pattern use = Pattern.compile("(?m)^(?!\\s*(?://|\\*|/\\*)).*\\b(" + forbidden + ")\\.[A-Za-z]");
        return sources(pkg).stream().filter(p -> {
            try {
                return use.matcher(Files.readString(p)).find();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).map(p -> MAIN.relativize(p).toString()).toList();
    }

    @Test
    void theFrontEndsKnowTheCoresPortsNotTheCompositionRoot() throws IOException {
        assertEquals(List.of(), offenders("telegram", "coach\\.app|coach\\.phrasing|coach\\.drill|coach\\.tips|coach\\.materials|coach\\.search|coach\\.progress"));
        assertEquals(List.of(), offenders("console", "coach\\.app|coach\\.phrasing|coach\\.drill|coach\\.tips|coach\\.materials|coach\\.search|coach\\.progress"));
    }

    @Test
    void theCoreKnowsNoTransportAndNoFeature() throws IOException {
        assertEquals(List.of(), offenders("core", "org\\.telegram|okhttp3|org\\.jline|coach\\.telegram|coach\\.console|coach\\.app|coach\\.cli"));
    }

    @Test
    void noTestDoubleOrBenchmarkIsAProductClass() throws IOException {
        assertTrue(Files.isDirectory(CLASSES), "compiled classes in " + CLASSES.toAbsolutePath());
        try (Stream<Path> s = Files.walk(CLASSES)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && (n.contains("Fake") || n.contains("Bench"))).toList());
        }
        assertTrue(Files.notExists(MAIN.resolve("bench")), "benchmarks live in bot/bench");
    }
}
