package coach.bench;

import coach.app.Coach;
import coach.core.ChatEvents;
import coach.core.Permissions;
import coach.core.SessionStore;
import coach.kb.ContentSource;
import coach.telegram.FakeBotApi;
import coach.telegram.InProcessBot;
import coach.telegram.TelegramBot;
import coach.telegram.TelegramConfig;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Telegram front end: updates handled per second in-process (the real bot, its HTTP calls answered
 * by an in-process fake Bot API), reply latency through the fake Bot API on loopback at a steady
 * 100 updates/s, and peak RSS of the bot running as {@code java -jar coach.jar telegram} under load.
 */
public final class TelegramBench {
    /** What users send: commands, a guide question, free text. */
    static final List<String> TEXTS = List.of("/start", "/help", "/ask клиент жалуется на задержку",
            "Как ответить на жалобу клиента?", "как предупредить о задержке проекта", "/cancel", "/ask respond to clients quickly");

    /** JVM flags the README recommends for running the bot (a small heap keeps the resident set small). */
    public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx128m");

    private TelegramBench() {
    }

    public static void run(PrintStream out) throws Exception {
        Coach coach = Coach.create(ContentSource.fromEnvironment(), SessionStore.inMemory(), Permissions.ALL);
        throughput(out, coach, TEXTS, "mixed: commands, guide questions, free text");
        throughput(out, coach, List.of("/start", "/help", "/cancel", "/unknown"), "menu commands only: the transport's own cost");
        latency(out, coach, 100, 20, TelegramConfig.Limits.defaults().globalPerSecond() * 1000, "per-chat limits on, global cap lifted");
        latency(out, coach, 20, 10, TelegramConfig.Limits.defaults().globalPerSecond(), "all production limits");
        childRss(out, JVM_FLAGS);
        out.flush();
    }

    static TelegramConfig config(String url, int globalPerSecond) throws Exception {
        TelegramConfig.Limits d = TelegramConfig.Limits.defaults();
        return TelegramConfig.of(FakeBotApi.TOKEN, url, Files.createTempDirectory("coach-bench"))
                .withPollTimeout(Duration.ofSeconds(1))
                .withLimits(new TelegramConfig.Limits(globalPerSecond, d.privateBurst(), d.privateWindow(), d.groupInterval(), d.groupPerMinute(), d.maxWait()));
    }

    /** Pushes updates as fast as the bot takes them; counts the replies. Each update comes from its own chat turn. */
    static void throughput(PrintStream out, Coach coach, List<String> texts, String what) throws Exception {
        try (FakeBotApi api = FakeBotApi.inProcess(Duration.ofMillis(200))) {
            api.recordCalls(false);
            AtomicInteger replies = new AtomicInteger();
            api.onCall(c -> {
                if (c.is("sendmessage")) {
                    replies.incrementAndGet();
                }
            });
            TelegramConfig cfg = config("http://127.0.0.1:1", 0).withLimits(TelegramConfig.Limits.off());
            TelegramBot bot = InProcessBot.create(cfg, coach, api);
            bot.start();
            try {
                int warm = 5000;
                int n = 30_000;
                for (int round = 0; round < 2; round++) {
                    int count = round == 0 ? warm : n;
                    replies.set(0);
                    long t0 = System.nanoTime();
                    for (int i = 0; i < count; i++) {
                        api.pushText(10_000 + i % 2000, 10_000 + i % 2000, i % 3 == 0 ? "en" : "ru", texts.get(i % texts.size()));
                    }
                    while (replies.get() < count && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(120)) {
                        Thread.sleep(5);
                    }
                    double secs = (System.nanoTime() - t0) / 1e9;
                    if (round == 1) {
                        out.printf("telegram.in_process_updates_per_s=%.0f (%s; n=%d, %d chats, replies=%d, %.1f s)%n", replies.get() / secs, what, n, 2000, replies.get(), secs);
                    }
                }
            } finally {
                bot.close();
            }
        }
    }

    /** A steady stream of updates through the fake Bot API on 127.0.0.1; latency from the update's arrival to its reply. */
    static void latency(PrintStream out, Coach coach, int perSecond, int seconds, int globalCap, String what) throws Exception {
        System.gc(); // the garbage of the throughput runs is not this run's pause
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1))) {
            api.recordCalls(false);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> lat = java.util.Collections.synchronizedList(new ArrayList<>());
            Map<Long, Long> debug = new ConcurrentHashMap<>();
            api.onCall(c -> {
                if (c.is("sendmessage")) {
                    Long t = sentAt.remove(c.chatId());
                    if (t != null) {
                        lat.add(System.nanoTime() - t);
                        debug.put(t, System.nanoTime() - t);
                    }
                }
            });
            TelegramBot bot = new TelegramBot(config(api.baseUrl(), globalCap), coach.core(), ChatEvents.NONE);
            bot.start();
            try {
                int chats = perSecond * 5; // each chat writes every five seconds: within the per-chat limit
                int total = perSecond * seconds;
                int warm = Math.min(perSecond * 5, total / 2); // JIT and connection warm-up, not measured
                long period = 1_000_000_000L / perSecond;
                long start = System.nanoTime();
                for (int i = 0; i < warm + total; i++) {
                    long due = start + i * period;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (i == warm) {
                        lat.clear();
                    }
                    long chat = 20_000 + i % chats;
                    sentAt.put(String.valueOf(chat), System.nanoTime());
                    api.pushText(chat, chat, "ru", TEXTS.get(i % TEXTS.size()));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                long[] a = lat.stream().mapToLong(Long::longValue).toArray();
                if (System.getProperty("coach.bench.debug") != null) {
                    java.util.TreeMap<Long, Integer> slow = new java.util.TreeMap<>();
                    for (Map.Entry<Long, Long> e : debug.entrySet()) {
                        if (e.getValue() > 100_000_000L) {
                            slow.merge((e.getKey() - start) / 1_000_000_000L, 1, Integer::sum);
                        }
                    }
                    out.println("slow (>100ms) replies by second of the run: " + slow);
                }
                out.printf("telegram.reply_latency_ms at %d updates/s (%s): p50=%.1f p99=%.1f max=%.1f (n=%d, lost=%d)%n",
                        perSecond, what, Bench.percentile(a, 50), Bench.percentile(a, 99), Bench.percentile(a, 100), a.length, sentAt.size());
            } finally {
                bot.close();
            }
        }
    }

    /** The jar as an operator runs it, against the fake on loopback: 100 updates/s for 15 s plus a burst; then SIGTERM. */
    static void childRss(PrintStream out, List<String> flags) throws Exception {
        String jar = Bench.productJar();
        if (!Files.isRegularFile(Path.of(jar))) {
            out.println("telegram.peak_rss_mb=skipped (no product jar " + jar + ": mvn -DskipTests package)");
            return;
        }
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1))) {
            api.recordCalls(false);
            AtomicInteger replies = new AtomicInteger();
            CountDownLatch polling = new CountDownLatch(1);
            api.onCall(c -> {
                if (c.is("sendmessage")) {
                    replies.incrementAndGet();
                } else if (c.is("deletewebhook")) {
                    polling.countDown();
                }
            });
            Path log = Files.createTempFile("coach-bench-tg", ".log");
            ProcessBuilder pb = childBot(flags, jar, api, Files.createTempDirectory("coach-bench-data"), log);
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                if (!polling.await(60, TimeUnit.SECONDS)) {
                    out.println("telegram.peak_rss_mb=failed: the bot did not start; " + Files.readString(log));
                    return;
                }
                double startMs = (System.nanoTime() - t0) / 1e6;
                int sent = 0;
                long start = System.nanoTime();
                for (int i = 0; i < 500; i++) { // 25 updates/s for 20 s: what the global send limit lets through
                    long wait = start + i * 40_000_000L - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    api.pushText(30_000 + i % 500, 30_000 + i % 500, "ru", TEXTS.get(i % TEXTS.size()));
                    sent++;
                }
                for (int i = 0; i < 300; i++) { // a burst from many chats at once
                    api.pushText(40_000 + i, 40_000 + i, "ru", TEXTS.get(i % TEXTS.size()));
                    sent++;
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (replies.get() < sent && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                long t1 = System.nanoTime();
                p.destroy();
                boolean exited = p.waitFor(15, TimeUnit.SECONDS);
                double stopMs = (System.nanoTime() - t1) / 1e6;
                double rss = -1;
                for (String line : Files.readString(log, StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("peak-rss-mb=")) {
                        rss = Double.parseDouble(line.substring("peak-rss-mb=".length()).strip());
                    }
                }
                out.printf("telegram.peak_rss_mb=%.0f (java %s -jar coach.jar telegram; %d updates, %d replies)%n", rss, String.join(" ", flags), sent, replies.get());
                out.printf("telegram.start_to_polling_ms=%.0f telegram.sigterm_to_exit_ms=%.0f (exited=%s)%n", startMs, stopMs, exited);
            } finally {
                p.destroyForcibly();
            }
        }
    }

    /** The coach's Telegram bot as a child JVM against the fake Bot API, output to {@code log}, peak RSS printed at exit. */
    static ProcessBuilder childBot(List<String> flags, String jar, FakeBotApi api, Path data, Path log) {
        List<String> cmd = new ArrayList<>(List.of("java"));
        cmd.addAll(flags);
        cmd.addAll(List.of("-jar", jar, "telegram"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        pb.environment().put("TELEGRAM_API_URL", api.baseUrl());
        pb.environment().put("COACH_DATA_DIR", data.toString());
        pb.environment().put("COACH_PRINT_PEAK_RSS", "1");
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
}
