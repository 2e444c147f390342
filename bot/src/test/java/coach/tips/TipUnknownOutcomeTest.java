package coach.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import coach.LogCapture;
import coach.TestKb;
import coach.app.Coach;
import coach.core.ChatType;
import coach.core.Permissions;
import coach.core.Reply;
import coach.store.Store;
import coach.store.TipLedger;
import coach.telegram.BotFixture;
import coach.telegram.FakeBotApi;
import coach.telegram.TelegramConfig;
import coach.text.Lang;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Telegram accepts a tip's sendMessage but its answer comes after the read timeout: the tip may have
 * arrived, so it is neither retried at once nor later ("never two" wins over "at most one missed"),
 * and the case is logged. A 429 (surely not sent) is still retried.
 */
class TipUnknownOutcomeTest {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path dir;

    @Test
    void aTipWhoseAnswerTimedOutIsNotSentAgain() throws Exception {
        Instant eight = LocalDateTime.parse("2025-06-02T08:00").atZone(MOSCOW).toInstant();
        MutableClock clock = new MutableClock(eight);
        List<FakeBotApi.Gate> gates = new ArrayList<>();
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1)); Store store = Store.open(dir.resolve("state"));
             LogCapture log = new LogCapture(TipScheduler.class.getName(), Level.WARN)) {
            Coach coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL).withClock(clock));
            BotFixture f = BotFixture.over(api, coach, dir, c -> c.withDelivery(new TelegramConfig.Delivery(Duration.ofMillis(400),
                    Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofHours(6))));
            try (f; TipScheduler tips = coach.tips().scheduler(f.bot.sender(), TipScheduler.Settings.defaults().withRetryDelay(Duration.ofMinutes(5)))) {
                f.bot.start();
                for (int i = 0; i < 5; i++) {
                    store.subscriptions().subscribe("-100" + (800 + i), ChatType.SUPERGROUP, Lang.RU, LocalTime.of(9, 0), MOSCOW, "admin",
                            LocalDateTime.parse("2025-06-02T09:00").atZone(MOSCOW).toInstant());
                    gates.add(api.holdNext("sendmessage")); // accepted, answered too late
                }
                store.subscriptions().subscribe("-100900", ChatType.SUPERGROUP, Lang.RU, LocalTime.of(9, 0), MOSCOW, "admin",
                        LocalDateTime.parse("2025-06-02T09:00").atZone(MOSCOW).toInstant());
                clock.set(LocalDateTime.parse("2025-06-02T09:00").atZone(MOSCOW).toInstant());
                TipScheduler.Report r = tips.runDue();
                gates.forEach(FakeBotApi.Gate::release);
                assertEquals(1, r.sent(), "the one tip not held was answered in time");
                assertEquals(5, r.failed());
                java.util.Map<String, Integer> statuses = new java.util.TreeMap<>();
                for (String chat : List.of("-100800", "-100801", "-100802", "-100803", "-100804", "-100900")) {
                    assertEquals(1, api.calls("sendmessage").stream().filter(c -> c.chatId().equals(chat)).count(), chat + ": sent once, not repeated");
                    statuses.merge(store.tips().delivery(chat, LocalDate.parse("2025-06-02")).orElseThrow().status(), 1, Integer::sum);
                }
                assertEquals(java.util.Map.of(TipLedger.UNKNOWN, 5, TipLedger.SENT, 1), statuses);
                clock.set(clock.instant().plus(Duration.ofMinutes(30)));
                assertEquals(0, tips.runDue().attempted(), "nor later the same day");
                assertEquals(6, api.calls("sendmessage").size());
                assertEquals(5, log.count("went out without an answer"), log.messages().toString());
                // a rate limit is a definite "not sent": that one is still retried
                api.failNextFor("-100950", "sendmessage", 1, 429, "Too Many Requests: retry after 1", 1);
                assertTrue(f.bot.sender().send("-100950", Reply.of("tip")).ok());
                assertEquals(2, api.calls("sendmessage").stream().filter(c -> c.chatId().equals("-100950")).count());
            }
        } finally {
            gates.forEach(FakeBotApi.Gate::release);
        }
    }
}
