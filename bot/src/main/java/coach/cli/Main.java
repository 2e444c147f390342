package coach.cli;

import coach.kb.ContentException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The coach's command line. With no subcommand it runs the Telegram bot when
 * {@code TELEGRAM_BOT_TOKEN} is set, and the console otherwise.
 */
@Command(name = "coach", mixinStandardHelpOptions = true, version = "coach 1.0",
        description = "Client communication coach: console, Telegram bot and batch tools.",
        subcommands = {ConsoleCmd.class, SearchCmd.class, CheckCmd.class, DrillScoreCmd.class, DrillPlayCmd.class, TelegramCmd.class, BackupCmd.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    public static void main(String[] args) {
        if (System.getenv("COACH_PRINT_PEAK_RSS") != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() ->
                    System.err.printf("peak-rss-mb=%.1f%n", peakRssMb())));
        }
        System.exit(run(args));
    }

    /** Peak resident set size in MB (VmHWM of /proc/self/status), -1 where there is none: what the benchmarks read from child runs. */
    static double peakRssMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * The subcommands by name. A one-off command line such as {@code search "…"} builds only its own
     * subcommand's picocli model instead of the whole tree (a sizeable part of a cold start); anything
     * else (no subcommand, --help, a typo) goes through the full tree.
     */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> DIRECT = java.util.Map.of(
            "search", SearchCmd::new, "check", CheckCmd::new, "drill-score", DrillScoreCmd::new, "drill-play", DrillPlayCmd::new);

    public static int run(String... args) {
        CommandLine cl = args.length > 0 && DIRECT.containsKey(args[0])
                ? new CommandLine(DIRECT.get(args[0]).get()).setCommandName("coach " + args[0])
                : new CommandLine(new Main());
        String[] rest = args.length > 0 && DIRECT.containsKey(args[0]) ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ContentException) {
                cmd.getErr().println("Content error: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof coach.store.StoreException) {
                cmd.getErr().println("Storage error: " + ex.getMessage());
                return 2;
            }
            cmd.getErr().println("Error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("failure", ex);
            return 1;
        });
        return cl.execute(rest);
    }

    @Override
    public Integer call() throws Exception {
        String token = System.getenv("TELEGRAM_BOT_TOKEN");
        if (token != null && !token.isBlank()) {
            return run("telegram");
        }
        return new ConsoleCmd().call();
    }
}
