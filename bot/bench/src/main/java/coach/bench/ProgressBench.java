package coach.bench;

import coach.app.Coach;
import coach.core.ChatType;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.drill.Drills;
import coach.drill.Scenario;
import coach.kb.ContentSource;
import coach.progress.Chart;
import coach.store.Practice;
import coach.store.Store;
import coach.telegram.FakeBotApi;
import coach.text.Lang;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress: the chart's rendering time cold (the first chart in a fresh JVM: AWT, fonts and XChart
 * load) and warm, the latency of {@code /progress} through the core over an SQLite store (history
 * read, chart, text), and the peak RSS of the bot as an operator runs it while users ask for their
 * progress (the chart's images must not push it over the README's figure).
 */
public final class ProgressBench {
    private ProgressBench() {
    }

    /** A child JVM's cold chart: prints {@code chart-cold-ms=…}; {@code rss <jvm flags…>} runs only the bot's RSS figure with those flags. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("rss")) {
            childRss(System.out, List.of(args).subList(1, args.length));
            return;
        }
        long t0 = System.nanoTime();
        byte[] png = Chart.png("Выполнение критериев, %", "% ответов", sampleBars());
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.println("chart-cold-ms=" + ms + " bytes=" + png.length);
    }

    static List<Chart.Bar> sampleBars() {
        String[] names = {"Извинение", "Сочувствие", "Уточнение деталей", "Конкретное решение", "Проверка удовлетворённости", "Вежливость",
            "Честный срок", "Варианты решения"};
        List<Chart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            bars.add(new Chart.Bar(names[i], 10 + i * 11));
        }
        return bars;
    }

    public static void run(PrintStream out, int coldRuns) throws Exception {
        cold(out, coldRuns);
        long[] warm = new long[200];
        for (int i = 0; i < 20; i++) {
            Chart.png("t", "y", sampleBars());
        }
        int bytes = 0;
        for (int i = 0; i < warm.length; i++) {
            long t0 = System.nanoTime();
            bytes = Chart.png("Выполнение критериев, %", "% ответов", sampleBars()).length;
            warm[i] = System.nanoTime() - t0;
        }
        out.printf("progress.chart_warm_ms p50=%.1f p99=%.1f (n=%d, 800×500 PNG of 8 bars, %d bytes)%n",
                Bench.percentile(warm, 50), Bench.percentile(warm, 99), warm.length, bytes);

        Path dir = Files.createTempDirectory("coach-bench-progress");
        try (Store store = Store.open(dir)) {
            Coach coach = Coach.create(ContentSource.fromEnvironment(), Coach.Options.withStore(store, Permissions.ALL));
            seed(store, coach.drills(), List.of("bench-user"), 30);
            Incoming in = Incoming.text("bench-user", "bench-user", ChatType.PRIVATE, Lang.RU, "/progress");
            for (int i = 0; i < 20; i++) {
                coach.core().handle(in);
            }
            long[] lat = new long[200];
            int replies = 0;
            for (int i = 0; i < lat.length; i++) {
                long t0 = System.nanoTime();
                List<Reply> r = coach.core().handle(in);
                lat[i] = System.nanoTime() - t0;
                replies = r.size();
            }
            out.printf("progress.command_ms p50=%.1f p99=%.1f (n=%d, /progress of a user with 30 drills: history from SQLite, chart, text; %d replies)%n",
                    Bench.percentile(lat, 50), Bench.percentile(lat, 99), lat.length, replies);
            Incoming empty = Incoming.text("nobody", "nobody", ChatType.PRIVATE, Lang.RU, "/progress");
            long[] none = new long[200];
            for (int i = 0; i < none.length; i++) {
                long t0 = System.nanoTime();
                coach.core().handle(empty);
                none[i] = System.nanoTime() - t0;
            }
            out.printf("progress.command_no_history_ms p50=%.2f p99=%.2f%n", Bench.percentile(none, 50), Bench.percentile(none, 99));
        }
        childRss(out, TelegramBench.JVM_FLAGS);
        out.flush();
    }

    /** Drill runs with per-criterion outcomes, as the drills feature records them. */
    static void seed(Store store, Drills drills, List<String> users, int runsEach) {
        Practice p = Practice.of(store);
        Random r = new Random(16);
        List<Scenario> scenarios = drills.scenarios();
        Instant t = Instant.now().minus(Duration.ofDays(20));
        for (String u : users) {
            for (int i = 0; i < runsEach; i++) {
                Scenario s = scenarios.get(r.nextInt(scenarios.size()));
                Map<String, int[]> criteria = new LinkedHashMap<>();
                for (String c : s.criterionIds()) {
                    int assessed = 1 + r.nextInt(3);
                    criteria.put(c, new int[]{r.nextInt(assessed + 1), assessed});
                }
                p.record(u, Practice.DRILL, s.id(), r.nextInt(101), criteria, t.plusSeconds(3600L * i));
            }
        }
    }

    static void cold(PrintStream out, int coldRuns) throws Exception {
        String jar = Bench.classPath();
        double[] ms = new double[coldRuns];
        for (int i = 0; i < coldRuns; i++) {
            List<String> cmd = new ArrayList<>(List.of("java"));
            cmd.addAll(TelegramBench.JVM_FLAGS);
            cmd.addAll(List.of("-Djava.awt.headless=true", "-cp", jar, ProgressBench.class.getName()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            ms[i] = -1;
            for (String line : o.split("\n")) {
                if (line.startsWith("chart-cold-ms=")) {
                    ms[i] = Double.parseDouble(line.substring("chart-cold-ms=".length()).split(" ")[0]);
                }
            }
        }
        out.printf("progress.chart_cold_ms median=%.0f (runs=%d, the first chart in a fresh JVM: AWT, fonts, XChart)%n", Bench.median(ms), coldRuns);
    }

    /** The bot as the README runs it; 300 users with history each ask for /progress (photo and text), then SIGTERM. */
    static void childRss(PrintStream out, List<String> flags) throws Exception {
        String jar = Bench.productJar();
        if (!Files.isRegularFile(Path.of(jar))) {
            out.println("progress.bot_peak_rss_mb=skipped (no product jar " + jar + ": mvn -DskipTests package)");
            return;
        }
        Path data = Files.createTempDirectory("coach-bench-progress-bot");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            users.add(String.valueOf(50_000 + i));
        }
        try (Store store = Store.open(data)) {
            Coach coach = Coach.create(ContentSource.fromEnvironment(), Coach.Options.withStore(store, Permissions.ALL));
            seed(store, coach.drills(), users, 12);
        }
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1))) {
            api.recordCalls(false);
            AtomicInteger photos = new AtomicInteger();
            AtomicInteger texts = new AtomicInteger();
            CountDownLatch polling = new CountDownLatch(1);
            api.onCall(c -> {
                if (c.is("sendphoto") && c.ok()) {
                    photos.incrementAndGet();
                } else if (c.is("sendmessage")) {
                    if (texts.incrementAndGet() == 1 && System.getenv("COACH_BENCH_CHILD_LOG") != null) {
                        out.println("  first text: " + c.visible());
                    }
                } else if (c.is("deletewebhook")) {
                    polling.countDown();
                }
            });
            Path log = Files.createTempFile("coach-bench-progress", ".log");
            ProcessBuilder pb = TelegramBench.childBot(flags, jar, api, data, log);
            Process p = pb.start();
            try {
                if (!polling.await(60, TimeUnit.SECONDS)) {
                    out.println("progress.bot_peak_rss_mb=failed: the bot did not start; " + Files.readString(log));
                    return;
                }
                long start = System.nanoTime();
                for (int i = 0; i < users.size(); i++) { // 12 /progress a second: 24 sends a second, under the global 25/s
                    long wait = start + i * 83_000_000L - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    long u = Long.parseLong(users.get(i));
                    api.pushText(u, u, "ru", "/progress");
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (photos.get() < users.size() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                p.destroy();
                p.waitFor(15, TimeUnit.SECONDS);
                double rss = -1;
                for (String line : Files.readString(log, StandardCharsets.UTF_8).split("\n")) {
                    if (System.getenv("COACH_BENCH_CHILD_LOG") != null) {
                        out.println("  | " + line);
                    }
                    if (line.startsWith("peak-rss-mb=")) {
                        rss = Double.parseDouble(line.substring("peak-rss-mb=".length()).strip());
                    }
                }
                out.printf("progress.bot_peak_rss_mb=%.0f (java %s -jar coach.jar telegram; %d /progress, %d photos and %d texts sent)%n",
                        rss, String.join(" ", flags), users.size(), photos.get(), texts.get());
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
