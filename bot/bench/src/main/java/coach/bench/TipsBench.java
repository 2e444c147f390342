package coach.bench;

import coach.core.ChatSender;
import coach.core.ChatType;
import coach.core.SendResult;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.store.Store;
import coach.text.Lang;
import coach.tips.TipCatalogue;
import coach.tips.TipScheduler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Daily tips: one day's broadcast to 10 000 subscribed chats in three time zones, on a fresh SQLite
 * file, with a sender that returns at once (the rate limit raised out of the way), so the figures are
 * the store's and the scheduler's own overhead: claim (one transaction), render, record (another),
 * with fsync on every commit. In real use the global limit bounds the broadcast at 10 000 / 25 msg/s.
 */
public final class TipsBench {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Moscow"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"));

    private TipsBench() {
    }

    public static void run(PrintStream out, int chats) throws Exception {
        TipCatalogue catalogue = TipCatalogue.load(KnowledgeBase.load(ContentSource.fromEnvironment()));
        Path dir = Files.createTempDirectory("coach-tips-bench");
        try {
            LocalDate day = LocalDate.of(2025, 6, 2);
            try (Store store = Store.open(dir)) {
                long t0 = System.nanoTime();
                for (int i = 0; i < chats; i++) {
                    ZoneId z = ZONES.get(i % ZONES.size());
                    store.subscriptions().subscribe("-100" + (1_000_000 + i), ChatType.SUPERGROUP, i % 5 == 0 ? Lang.EN : Lang.RU,
                            LocalTime.of(9, 0), z, "bench", day.atTime(9, 0).atZone(z).toInstant());
                }
                double subscribeMs = (System.nanoTime() - t0) / 1e6;
                out.printf("tips.subscribe chats=%d total_s=%.1f ms_per_chat=%.3f%n", chats, subscribeMs / 1000, subscribeMs / chats);

                for (int threads : new int[] {1, 4}) {
                    AtomicInteger sent = new AtomicInteger();
                    ChatSender instant = (chatId, reply) -> {
                        sent.incrementAndGet();
                        return SendResult.sent();
                    };
                    // a later day at 15:00 UTC: 09:00 has passed on that same date in Moscow, Berlin and New York
                    LocalDate d = day.plusDays(threads);
                    Clock clock = Clock.fixed(d.atTime(15, 0).atZone(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
                    try (TipScheduler s = new TipScheduler(store, catalogue, instant, clock, TipScheduler.Settings.defaults().withSendThreads(threads))) {
                        long b0 = System.nanoTime();
                        TipScheduler.Report r = s.runDue();
                        double ms = (System.nanoTime() - b0) / 1e6;
                        long i0 = System.nanoTime();
                        TipScheduler.Report idle = s.runDue();
                        double idleMs = (System.nanoTime() - i0) / 1e6;
                        out.printf("tips.broadcast chats=%d send_threads=%d sent=%d total_s=%.1f overhead_ms_per_chat=%.3f idle_pass_ms=%.1f%n",
                                chats, threads, r.sent(), ms / 1000, ms / Math.max(1, r.sent()), idleMs);
                        if (r.sent() != chats || sent.get() != chats || idle.sent() != 0) {
                            out.printf("tips.broadcast WARNING: expected %d sends, got %d (sender %d)%n", chats, r.sent(), sent.get());
                        }
                    }
                }
                out.printf("tips.broadcast_bound_at_25_msg_per_s_s=%.0f (Telegram's global limit, for %d chats)%n", chats / 25.0, chats);
                out.printf("tips.db_size_mb=%.1f%n", Files.size(dir.resolve("coach.db")) / 1e6);
                out.printf("tips.in_process_peak_rss_mb=%.0f%n", Bench.peakRssMb());
            }
        } finally {
            deleteTree(dir);
        }
        out.flush();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
