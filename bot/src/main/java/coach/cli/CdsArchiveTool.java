package coach.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Build step (run by Maven after the shaded jar is written): creates the application class-data-sharing
 * archive {@code coach.jsa} next to {@code coach.jar}. One short training run ({@link CdsTraining}) lists
 * the classes the one-off commands load ({@code -XX:DumpLoadedClassList}); {@code -Xshare:dump} then writes a
 * <em>static</em> archive of them: the JDK's classes and the coach's in one file, with the lambda forms and
 * lambda proxies the run used and the class-file-version-49 classes (picocli) that a dynamic archive
 * cannot take. A JVM that cannot write a static archive gets a dynamic one ({@code -XX:ArchiveClassesAtExit},
 * Java 13+, on top of the JDK's base archive). Either archive is only valid for the JVM that wrote it and for
 * this very jar at this path (path, size and time are checked), so the JVM that runs Maven writes it; a JVM
 * that can write neither leaves a message and no archive, and the build goes on.
 * Usage: {@code CdsArchiveTool <coach.jar> <coach.jsa> [--skip=true]} ({@code --skip=true}: only delete an older archive).
 */
public final class CdsArchiveTool {
    private static final long TIMEOUT_SECONDS = 300;

    private CdsArchiveTool() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // the archive records the class path as given: an absolute one is valid from any working directory
        Path jar = Path.of(args.length > 0 ? args[0] : "bot/target/coach.jar").toAbsolutePath();
        Path jsa = Path.of(args.length > 1 ? args[1] : "bot/target/coach.jsa").toAbsolutePath();
        // an archive left from an older jar would not fit the new one: the JVM would then run without any class
        // sharing at all (a static archive replaces the JDK's own), slower than with no archive given
        Files.deleteIfExists(jsa);
        Path javaNote = Path.of(jsa + ".java");
        Files.deleteIfExists(javaNote);
        if (List.of(args).contains("--skip=true")) {
            System.out.println("[cds] skipped (-Dcoach.cds.skip=true): no class-data-sharing archive");
            return;
        }
        if (!Files.isRegularFile(jar)) {
            skip("no jar at " + jar);
            return;
        }
        if (Runtime.version().feature() < 13) {
            skip("Java " + Runtime.version() + " has no -XX:ArchiveClassesAtExit (Java 13 or later is needed)");
            return;
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path classList = Files.createTempFile("coach-cds", ".classlist");
        String kind;
        try {
            String failure = run(List.of(java.toString(), "-XX:DumpLoadedClassList=" + classList, "-cp", jar.toString(),
                    CdsTraining.class.getName()), jsa, false);
            if (failure == null) {
                failure = run(List.of(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                        "-XX:SharedArchiveFile=" + jsa, "-cp", jar.toString()), jsa, true);
            }
            kind = "static";
            if (failure != null) {
                System.out.println("[cds] no static archive (" + failure + "); trying a dynamic one");
                Files.deleteIfExists(jsa);
                failure = run(List.of(java.toString(), "-XX:ArchiveClassesAtExit=" + jsa, "-cp", jar.toString(),
                        CdsTraining.class.getName()), jsa, true);
                kind = "dynamic";
            }
            if (failure != null) {
                Files.deleteIfExists(jsa);
                skip(failure);
                return;
            }
        } finally {
            Files.deleteIfExists(classList);
        }
        // the launcher (bot/coach) runs the archive on the Java that wrote it: another one would silently ignore it
        Files.writeString(javaNote, java + "\n");
        System.out.printf("[cds] wrote %s (%s, %.1f MB) with %s (Java %s). Use it with that same Java and this jar:%n"
                        + "[cds]   %s -XX:SharedArchiveFile=%s -jar %s ...%n",
                jsa, kind, Files.size(jsa) / 1e6, System.getProperty("java.home"), Runtime.version(), java, jsa, jar);
    }

    /** Runs one step; null when it went well (and, if {@code writesArchive}, left a non-empty archive), else why not. */
    private static String run(List<String> cmd, Path jsa, boolean writesArchive) throws IOException, InterruptedException {
        Path log = Files.createTempFile("coach-cds", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return "'" + cmd.get(1) + "' took longer than " + TIMEOUT_SECONDS + " s";
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || (writesArchive && (!Files.isRegularFile(jsa) || Files.size(jsa) == 0))) {
                return "'" + cmd.get(1) + "' exited with " + p.exitValue() + (output.isBlank() ? "" : ":\n" + tail(output));
            }
            return null;
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
