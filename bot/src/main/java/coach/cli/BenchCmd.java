package coach.cli;

import coach.bench.DrillBench;
import coach.bench.PhrasingBench;
import coach.bench.SearchBench;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed and memory: bench [morphology|search|phrasing|tone|drill|telegram|webhook|tips|reliability|progress] (all by default). Figures are medians/percentiles; see README.")
final class BenchCmd implements Callable<Integer> {
    /** The benchmarks; picocli refuses any other name (exit 2) and lists these. */
    enum Which { morphology, search, phrasing, tone, drill, telegram, webhook, tips, reliability, progress }

    @Parameters(arity = "0..*", paramLabel = "BENCH", description = "Which benchmarks to run: morphology, search, phrasing, tone, drill, telegram, webhook, tips, reliability, progress (default: all).")
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
        PrintStream out = Io.stdout();
        out.printf("# java %s, %d cpus%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (wants(Which.morphology)) {
            coach.bench.MorphologyBench.run(out, coldRuns);
        }
        if (wants(Which.search)) {
            SearchBench.run(out, coldRuns);
        }
        if (wants(Which.telegram)) {
            coach.bench.TelegramBench.run(out);
        }
        if (wants(Which.webhook)) {
            coach.bench.WebhookBench.run(out);
        }
        if (wants(Which.reliability)) {
            coach.bench.ReliabilityBench.run(out);
        }
        if (wants(Which.tips)) {
            coach.bench.TipsBench.run(out, tipsChats);
        }
        if (wants(Which.drill)) {
            DrillBench.run(out, coldRuns);
        }
        if (wants(Which.phrasing)) {
            PhrasingBench.run(out, coldRuns);
        }
        if (wants(Which.progress)) {
            coach.bench.ProgressBench.run(out, coldRuns);
        }
        if (wants(Which.tone)) {
            coach.bench.ToneBench.run(out);
        }
        // Each feature adds its own benchmark class in coach.bench and one line here.
        return 0;
    }
}
