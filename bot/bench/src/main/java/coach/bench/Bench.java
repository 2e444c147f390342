package coach.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Small helpers for the benchmarks ({@link BenchMain}): percentiles, peak RSS and timed child processes. */
public final class Bench {
    private Bench() {
    }

    public static double percentile(long[] nanos, double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1_000_000.0;
    }

    public static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Peak resident set size of this process in MB (VmHWM), or -1 where /proc is missing. */
    public static double peakRssMb() {
        return procStatusKb("VmHWM") / 1024.0;
    }

    static long procStatusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1024;
        }
        return -1024;
    }

    /**
     * The product jar whose cold starts are timed: {@code -Dcoach.jar=PATH}, else {@code bot/target/coach.jar}
     * beside this module's {@code bot/bench/target/coach-bench.jar}, else {@code bot/target/coach.jar} under the
     * working directory.
     */
    public static String productJar() {
        String set = System.getProperty("coach.jar");
        if (set != null && !set.isBlank()) {
            return set;
        }
        try {
            Path self = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = self.getParent().resolve("../../target/coach.jar").normalize();
            if (Files.isRegularFile(beside)) {
                return beside.toString();
            }
        } catch (Exception e) {
            // not run from a jar: fall through
        }
        return "bot/target/coach.jar";
    }

    /** The classpath of this JVM, for child JVMs that run a benchmark class of their own (a cold load, a first chart). */
    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** Result of one child run: wall time and the child's own peak RSS (it prints it when COACH_PRINT_PEAK_RSS is set). */
    public record ChildRun(double wallMs, double peakRssMb, int exitCode) {
    }

    public static ChildRun runChild(List<String> args, String stdin) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("java", "-jar", productJar()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("COACH_PRINT_PEAK_RSS", "1");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e6;
        double rss = -1;
        for (String line : err.split("\n")) {
            if (line.startsWith("peak-rss-mb=")) {
                rss = Double.parseDouble(line.substring("peak-rss-mb=".length()).strip());
            }
        }
        return new ChildRun(wall, rss, code);
    }
}
