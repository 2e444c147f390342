package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive written at package time ({@code target/coach.jsa}) is mapped by the JVM
 * and serves the coach's own classes. Runs in Maven's verify phase, after the archive step; skipped when no
 * archive was built (a JVM that cannot write one, {@code -Dcoach.cds.skip=true}).
 */
class CdsArchiveTest {
    private static final Path JAR = Path.of("target", "coach.jar");
    private static final Path JSA = Path.of("target", "coach.jsa");

    record Run(int code, String out) {
    }

    private static Run java(Path dir, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java.toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void theArchiveIsMappedAndServesTheCoachClasses(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isRegularFile(JSA),
                "no " + JSA + " (built by the cds-archive step of mvn package)");
        Path classLog = dir.resolve("classes.log");
        // -Xshare:on: the JVM refuses to start unless it maps the archive.
        Run run = java(dir, "-XX:SharedArchiveFile=" + JSA, "-Xshare:on",
                "-Xlog:class+load=info:file=" + classLog, "-Xlog:cds=info",
                "-jar", JAR.toString(), "check", "Это не наша проблема, ждите.");
        assertEquals(0, run.code(), run.out());
        assertTrue(run.out().contains("Это не наша проблема"), "the check report: " + run.out());
        String classes = Files.readString(classLog, StandardCharsets.UTF_8);
        // a static archive says "shared objects file", the top layer of a dynamic one "shared objects file (top)"
        assertTrue(classes.contains("coach.cli.CheckCmd source: shared objects file"),
                "CheckCmd should come from the archive:\n" + grep(classes, "coach.cli."));
        long shared = classes.lines().filter(l -> l.contains(" coach.") && l.contains("source: shared objects file")).count();
        long fromJar = classes.lines().filter(l -> l.contains(" coach.") && l.contains("source: file:")).count();
        assertTrue(shared > 50, "coach classes from the archive: " + shared);
        assertTrue(shared > fromJar, shared + " coach classes from the archive, " + fromJar + " from the jar");
        if (!run.out().contains("dynamic region")) {
            // the static archive (the one the build writes when the JVM can) also holds picocli's old class files
            assertTrue(classes.contains("picocli.CommandLine source: shared objects file"),
                    "picocli should come from the static archive:\n" + grep(classes, "picocli.CommandLine "));
        }
    }

    @Test
    void theJarStillRunsWithoutTheArchive(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "no " + JAR);
        Path classLog = dir.resolve("classes.log");
        Run run = java(dir, "-Xlog:class+load=info:file=" + classLog, "-jar", JAR.toString(),
                "check", "Это не наша проблема, ждите.");
        assertEquals(0, run.code(), run.out());
        assertTrue(run.out().contains("Это не наша проблема"), run.out());
        assertFalse(Files.readString(classLog, StandardCharsets.UTF_8)
                .contains("coach.cli.CheckCmd source: shared objects file"), "no archive given, none used");
    }

    @Test
    void theLauncherRunsTheSameCommandOnTheArchive(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isRegularFile(JSA) && Files.isRegularFile(Path.of("coach")),
                "no archive or no launcher");
        Path classLog = dir.resolve("classes.log");
        ProcessBuilder pb = new ProcessBuilder("sh", "coach", "check", "Это не наша проблема, ждите.").redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.txt").toFile());
        pb.environment().put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
        assertEquals(0, p.exitValue());
        String viaLauncher = Files.readString(dir.resolve("launcher.txt"), StandardCharsets.UTF_8);
        Run plain = java(dir, "-jar", JAR.toString(), "check", "Это не наша проблема, ждите.");
        assertEquals(plain.out(), viaLauncher, "the launcher changes how fast, not what");
        assertTrue(Files.readString(classLog, StandardCharsets.UTF_8).contains("coach.cli.CheckCmd source: shared objects file"),
                "the launcher should map the archive");
    }

    private static String grep(String text, String what) {
        return String.join("\n", text.lines().filter(l -> l.contains(what)).limit(20).toList());
    }
}
