package coach.bench;

import coach.app.Coach;
import coach.core.ChatEvents;
import coach.core.Permissions;
import coach.core.SessionStore;
import coach.kb.ContentSource;
import coach.store.Store;
import coach.telegram.FakeBotApi;
import coach.telegram.TelegramBot;
import coach.telegram.TelegramConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Reliability figures through the fake Bot API on loopback, with every production limit on: how soon
 * button presses are answered while their chats' queues are stuck (a reply hangs in flight) and the
 * presses flood them; and how long replies kept during a Bot API outage take to leave once it is over.
 */
public final class ReliabilityBench {
    private ReliabilityBench() {
    }

    public static void run(PrintStream out) throws Exception {
        Coach coach = Coach.create(ContentSource.fromEnvironment(), SessionStore.inMemory(), Permissions.ALL);
        buttons(out, coach);
        outage(out, coach);
        keptLatency(out, coach, false);
        keptLatency(out, coach, true);
        out.flush();
    }

    static TelegramConfig config(FakeBotApi api) throws Exception {
        return TelegramConfig.of(FakeBotApi.TOKEN, api.baseUrl(), Files.createTempDirectory("coach-bench")).withPollTimeout(Duration.ofSeconds(1));
    }

    /** 600 presses in 3 chats as fast as they come, each chat's first reply held in flight: press → answerCallbackQuery. */
    static void buttons(PrintStream out, Coach coach) throws Exception {
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1))) {
            api.recordCalls(false);
            Map<String, Long> answeredAt = new ConcurrentHashMap<>();
            api.onCall(c -> {
                if (c.is("answercallbackquery")) {
                    answeredAt.put(c.params().path("callback_query_id").asText(), System.nanoTime());
                }
            });
            TelegramBot bot = new TelegramBot(config(api), coach.core(), ChatEvents.NONE);
            bot.start();
            List<FakeBotApi.Gate> gates = new ArrayList<>();
            try {
                for (int chat = 0; chat < 3; chat++) {
                    gates.add(api.holdNext("sendmessage"));
                    api.pushText(30_000 + chat, 30_000 + chat, "ru", "/help");
                }
                for (FakeBotApi.Gate g : gates) {
                    g.awaitArrival(Duration.ofSeconds(10));
                }
                int n = 600;
                long[] pushedAt = new long[n];
                for (int i = 0; i < n; i++) {
                    pushedAt[i] = System.nanoTime();
                    api.pushCallback(30_000 + i % 3, "private", 30_000 + i % 3, "ru", 1, "/help", true);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (answeredAt.size() < n && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                // callback ids are cq<k> with k increasing in push order
                List<String> ids = new ArrayList<>(answeredAt.keySet());
                ids.sort((a, b) -> Long.compare(Long.parseLong(a.substring(2)), Long.parseLong(b.substring(2))));
                long[] ms = new long[ids.size()];
                for (int i = 0; i < ids.size(); i++) {
                    ms[i] = answeredAt.get(ids.get(i)) - pushedAt[i];
                }
                out.printf("reliability.button_answer_ms (600 presses in 3 chats whose queues are stuck, production limits): p50=%.1f p99=%.1f max=%.1f (answered %d of %d)%n",
                        Bench.percentile(ms, 50), Bench.percentile(ms, 99), Bench.percentile(ms, 100), ids.size(), n);
            } finally {
                gates.forEach(FakeBotApi.Gate::release);
                bot.close();
            }
        }
    }

    /** Reply latency at 20 updates/s, production limits, with and without the store keeping updates and replies (its cost). */
    static void keptLatency(PrintStream out, Coach coach, boolean kept) throws Exception {
        Path dir = Files.createTempDirectory("coach-bench-store");
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1)); Store store = Store.open(dir)) {
            api.recordCalls(false);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> lat = java.util.Collections.synchronizedList(new ArrayList<>());
            api.onCall(c -> {
                if (c.is("sendmessage")) {
                    Long t = sentAt.remove(c.chatId());
                    if (t != null) {
                        lat.add(System.nanoTime() - t);
                    }
                }
            });
            TelegramBot bot = new TelegramBot(config(api), coach.core(), ChatEvents.NONE);
            if (kept) {
                bot.keepIn(store);
            }
            bot.start();
            try {
                int perSecond = 20;
                int total = 300;
                long period = 1_000_000_000L / perSecond;
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long wait = start + i * period - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (i == 60) {
                        lat.clear(); // warm-up
                    }
                    long chat = 32_000 + i % 100;
                    sentAt.put(String.valueOf(chat), System.nanoTime());
                    api.pushText(chat, chat, "ru", "/cancel");
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                long[] a = lat.stream().mapToLong(Long::longValue).toArray();
                out.printf("reliability.reply_latency_ms at 20 updates/s, production limits, %s: p50=%.1f p99=%.1f (n=%d)%n",
                        kept ? "updates kept in the SQLite store until handled" : "nothing kept", Bench.percentile(a, 50), Bench.percentile(a, 99), a.length);
            } finally {
                bot.close();
            }
        }
    }

    /** 200 replies in 20 chats during an outage (every sendMessage answers 500); then the API is back: time until all are out. */
    static void outage(PrintStream out, Coach coach) throws Exception {
        Path dir = Files.createTempDirectory("coach-bench-store");
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1)); Store store = Store.open(dir)) {
            api.recordCalls(false);
            Map<String, Integer> delivered = new ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicLong firstAt = new java.util.concurrent.atomic.AtomicLong();
            api.onCall(c -> {
                if (c.is("sendmessage") && c.ok()) {
                    delivered.merge(c.chatId(), 1, Integer::sum);
                    firstAt.compareAndSet(0, System.nanoTime());
                }
            });
            TelegramBot bot = new TelegramBot(config(api), coach.core(), ChatEvents.NONE);
            bot.keepIn(store);
            bot.start();
            try {
                api.failAll("sendmessage", 500, "Internal Server Error", null);
                int chats = 20;
                int each = 10;
                for (int i = 0; i < chats * each; i++) {
                    api.pushText(31_000 + i % chats, 31_000 + i % chats, "ru", "/cancel");
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (store.outbox().count() < chats * each && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                int kept = store.outbox().count();
                long t0 = System.nanoTime();
                api.clearFailures();
                while (store.outbox().count() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    if (System.getProperty("coach.bench.debug") != null && (System.nanoTime() - t0) % 1_000_000_000L < 20_000_000L) {
                        out.println("  t=" + (System.nanoTime() - t0) / 1_000_000 + " ms sent " + delivered.values().stream().mapToInt(Integer::intValue).sum());
                    }
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                int sent = delivered.values().stream().mapToInt(Integer::intValue).sum();
                out.printf("reliability.outage_drain_s (%d replies kept in %d chats during an outage, production limits): first sent after %.1f s, all after %.1f s (sent %d)%n",
                        kept, chats, (firstAt.get() - t0) / 1e9, secs, sent);
            } finally {
                bot.close();
            }
        }
    }
}
