package coach.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The benchmarks, outside the product jar: {@code java -jar bot/bench/target/coach-bench.jar [BENCH...]}.
 * Cold-start figures time child runs of the product jar ({@link Bench#productJar()}).
 */
@Command(name = "coach-bench", mixinStandardHelpOptions = true,
        description = "Measure speed and memory: coach-bench [morphology|search|phrasing|tone|drill|telegram|tips|reliability|progress] (all by default). Figures are medians/percentiles; see README.")
public final class BenchMain implements Callable<Integer> {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line; the exit code (2 for a usage error). */
    public static int run(String... args) {
        // The fake Bot API's JDK server: without TCP_NODELAY its small writes meet delayed ACKs (~40 ms per call on loopback).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return new picocli.CommandLine(new BenchMain()).execute(args);
    }

    /** The benchmarks; picocli refuses any other name (exit 2) and lists these. */
    enum Which { morphology, search, phrasing, tone, drill, telegram, tips, reliability, progress }

    @Parameters(arity = "0..*", paramLabel = "BENCH", description = "Which benchmarks to run: morphology, search, phrasing, tone, drill, telegram, tips, reliability, progress (default: all).")
    List<String> names = List.of();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final java.util.EnumSet<Which> which = java.util.EnumSet.noneOf(Which.class);

    @Option(names = "--cold-runs", defaultValue = "7", description = "Child processes per cold-start figure.")
    int coldRuns = 7;

    @Option(names = "--tips-chats", defaultValue = "10000", description = "Subscribed chats in the daily-tips benchmark.")
    int tipsChats = 10_000;

    private boolean wants(Which w) {
        return which.isEmpty() || which.contains(w);
    }

    private void parseNames() {
        for (String n : names) {
            try {
                which.add(Which.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Unknown benchmark '" + n + "': expected one of "
                        + String.join(", ", java.util.Arrays.stream(Which.values()).map(Enum::name).toList()));
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        parseNames();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, java.nio.charset.StandardCharsets.UTF_8);
        out.printf("# java %s, %d cpus%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (wants(Which.morphology)) {
            MorphologyBench.run(out, coldRuns);
        }
        if (wants(Which.search)) {
            SearchBench.run(out, coldRuns);
        }
        if (wants(Which.telegram)) {
            TelegramBench.run(out);
        }
        if (wants(Which.reliability)) {
            ReliabilityBench.run(out);
        }
        if (wants(Which.tips)) {
            TipsBench.run(out, tipsChats);
        }
        if (wants(Which.drill)) {
            DrillBench.run(out, coldRuns);
        }
        if (wants(Which.phrasing)) {
            PhrasingBench.run(out, coldRuns);
        }
        if (wants(Which.progress)) {
            ProgressBench.run(out, coldRuns);
        }
        if (wants(Which.tone)) {
            ToneBench.run(out);
        }
        // Each feature adds its own benchmark class in coach.bench (module bot/bench) and one line here.
        return 0;
    }
}
