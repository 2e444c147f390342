package coach.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Build step (run by Maven after the shaded jar is written): creates the application class-data-sharing
 * archive {@code coach.jsa} next to {@code coach.jar} by one short training run ({@link CdsTraining}) under
 * {@code -XX:ArchiveClassesAtExit} (Java 13+). The archive is only valid for the JVM that wrote it and for
 * this very jar (path, size and time are checked), so the JVM that runs Maven writes it; a JVM that cannot
 * (an older Java, no base CDS archive) leaves a message and no archive, and the build goes on.
 * Usage: {@code CdsArchiveTool <coach.jar> <coach.jsa>}.
 */
public final class CdsArchiveTool {
    private static final long TIMEOUT_SECONDS = 300;

    private CdsArchiveTool() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path jar = Path.of(args.length > 0 ? args[0] : "bot/target/coach.jar");
        Path jsa = Path.of(args.length > 1 ? args[1] : "bot/target/coach.jsa");
        Files.deleteIfExists(jsa);
        if (!Files.isRegularFile(jar)) {
            skip("no jar at " + jar);
            return;
        }
        if (Runtime.version().feature() < 13) {
            skip("Java " + Runtime.version() + " has no -XX:ArchiveClassesAtExit (Java 13 or later is needed)");
            return;
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("coach-cds", ".log");
        try {
            Process p = new ProcessBuilder(List.of(java.toString(), "-XX:ArchiveClassesAtExit=" + jsa,
                    "-cp", jar.toString(), CdsTraining.class.getName()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                Files.deleteIfExists(jsa);
                skip("the training run took longer than " + TIMEOUT_SECONDS + " s");
                return;
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || !Files.isRegularFile(jsa) || Files.size(jsa) == 0) {
                Files.deleteIfExists(jsa);
                skip("the training run exited with " + p.exitValue() + (output.isBlank() ? "" : ":\n" + tail(output)));
                return;
            }
            System.out.printf("[cds] wrote %s (%.1f MB) with %s (Java %s). Use it with that same Java and this jar:%n"
                            + "[cds]   %s -XX:SharedArchiveFile=%s -jar %s ...%n",
                    jsa, Files.size(jsa) / 1e6, System.getProperty("java.home"), Runtime.version(), java, jsa, jar);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void skip(String why) {
        System.out.println("[cds] no class-data-sharing archive: " + why
                + ". The jar runs without it (java -jar coach.jar), only its cold start is slower.");
    }

    private static String tail(String output) {
        String[] lines = output.strip().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 15), lines.length));
    }
}
