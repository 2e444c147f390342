package coach.bench;

import coach.app.Coach;
import coach.core.ChatEvents;
import coach.core.Permissions;
import coach.core.SessionStore;
import coach.kb.ContentSource;
import coach.store.Store;
import coach.store.StoreConfig;
import coach.telegram.FakeBotApi;
import coach.telegram.TelegramBot;
import coach.telegram.TelegramConfig;
import coach.telegram.WebhookConfig;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput of one replica in webhook mode: updates POSTed on loopback at rising steady rates
 * (open loop), each answered 200 only after it was handled and its reply taken by the fake Bot API;
 * the figure is the highest rate whose p99 (POST → 200) stays within 50 ms. Long polling at the same
 * rates beside it ({@link TelegramBench#latency}). The store of handled update ids is the one
 * {@code COACH_DB_URL} names (PostgreSQL, as replicas use it), else a temporary SQLite file.
 */
public final class WebhookBench {
    static final String SECRET = "bench_secret_0123456789abcdef";
    static final int[] RATES = {100, 200, 400, 800, 1200};

    private WebhookBench() {
    }

    public static void run(PrintStream out) throws Exception {
        Coach coach = Coach.create(ContentSource.fromEnvironment(), SessionStore.inMemory(), Permissions.ALL);
        StoreConfig sc = System.getenv("COACH_DB_URL") != null && !System.getenv("COACH_DB_URL").isBlank()
                ? StoreConfig.fromEnvironment().withPoolSize(24) : StoreConfig.sqlite(Files.createTempDirectory("coach-bench-webhook"));
        int best = 0;
        try (Store store = Store.open(sc)) {
            // a first run warms the JIT and the connections up; its figures are not the replica's
            webhook(new PrintStream(java.io.OutputStream.nullOutputStream()), coach, store, 200, 6);
            for (int rate : RATES) {
                double p99 = webhook(out, coach, store, rate, 5);
                if (p99 <= 50) {
                    best = rate;
                } else {
                    break;
                }
            }
            out.printf("webhook.max_updates_per_s_at_p99_le_50ms=%d (one replica, store %s)%n", best, sc.isPostgres() ? "PostgreSQL" : "SQLite");
        }
        for (int rate : new int[]{100, Math.max(200, best)}) {
            TelegramBench.latency(out, coach, rate, 5, TelegramConfig.Limits.defaults().globalPerSecond() * 1000, "long polling, per-chat limits on, global cap lifted");
        }
        out.flush();
    }

    /** Returns the p99 in ms of POST → 200 at {@code perSecond} updates a second. */
    static double webhook(PrintStream out, Coach coach, Store store, int perSecond, int seconds) throws Exception {
        System.gc();
        store.updates().purge(java.time.Instant.now().plusSeconds(1)); // each run's fake numbers its updates from 1 again
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1))) {
            api.recordCalls(false);
            AtomicInteger replies = new AtomicInteger();
            api.onCall(c -> {
                if (c.is("sendmessage")) {
                    replies.incrementAndGet();
                }
            });
            TelegramBot bot = new TelegramBot(TelegramBench.config(api.baseUrl(), TelegramConfig.Limits.defaults().globalPerSecond() * 1000),
                    coach.core(), ChatEvents.NONE);
            bot.keepIn(store);
            bot.useWebhook(new WebhookConfig("https://bench.example.org/hook", 0, "/hook", SECRET, 100, 1 << 20));
            bot.start();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + bot.webhookPort() + "/hook");
            try {
                int chats = perSecond * 5; // each chat writes every five seconds: within the per-chat limit
                int warm = Math.min(perSecond * 2, 400);
                int total = perSecond * seconds;
                long period = 1_000_000_000L / perSecond;
                List<CompletableFuture<long[]>> calls = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < warm + total; i++) {
                    long wait = start + i * period - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    long chat = 50_000 + i % chats;
                    String body = api.webhookText(chat, chat, "ru", TelegramBench.TEXTS.get(i % TelegramBench.TEXTS.size()));
                    long t0 = System.nanoTime();
                    boolean measured = i >= warm;
                    calls.add(http.sendAsync(HttpRequest.newBuilder(uri).header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.discarding())
                            .thenApply(r -> new long[]{measured ? 1 : 0, r.statusCode(), System.nanoTime() - t0})
                            .exceptionally(e -> new long[]{measured ? 1 : 0, -1, System.nanoTime() - t0}));
                }
                double secs = (System.nanoTime() - start) / 1e9;
                List<Long> lat = new ArrayList<>();
                int failed = 0;
                for (CompletableFuture<long[]> f : calls) {
                    long[] r = f.get(60, TimeUnit.SECONDS);
                    if (r[0] == 1) {
                        if (r[1] == 200) {
                            lat.add(r[2]);
                        } else {
                            failed++;
                        }
                    }
                }
                long[] a = lat.stream().mapToLong(Long::longValue).toArray();
                double p99 = Bench.percentile(a, 99);
                out.printf("webhook.update_latency_ms at %d updates/s (POST -> handled, reply sent -> 200): p50=%.1f p99=%.1f max=%.1f (n=%d, failed=%d, %.1f s)%n",
                        perSecond, Bench.percentile(a, 50), p99, Bench.percentile(a, 100), a.length, failed, secs);
                return failed > 0 ? Double.MAX_VALUE : p99;
            } finally {
                bot.close();
            }
        }
    }
}
