package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import coach.LogCapture;
import coach.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Bot API outage longer than any retry budget: the replies are kept in the store and sent when the
 * API is back, in order per chat; one chat's failures do not hold up another; a kept reply past the
 * age limit is dropped with a log line; kept replies survive a restart.
 */
class OutageTest {
    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-10T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final UnaryOperator<TelegramConfig> QUICK = c -> c
            .withDelivery(new TelegramConfig.Delivery(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1),
                    Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofHours(1)))
            .withDrainTimeout(Duration.ofMillis(500))
            .withLimits(new TelegramConfig.Limits(200, 50, Duration.ofSeconds(1), Duration.ZERO, 0, Duration.ofSeconds(30)));

    BotFixture bot(FakeBotApi api, Store store, Clock clock) {
        BotFixture f = BotFixture.over(api, BotFixture.sharedCoach(), dir, QUICK);
        f.bot.keepIn(store, clock);
        f.bot.start();
        return f;
    }

    static List<String> texts(FakeBotApi api, String chat) {
        return api.delivered(chat).stream().map(FakeBotApi.Call::visible).toList();
    }

    @Test
    void repliesDuringAnOutageAreKeptAndSentInOrderWhenTheApiIsBack() throws Exception {
        TestClock clock = new TestClock();
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1)); Store store = Store.open(dir.resolve("state"))) {
            try (BotFixture f = bot(api, store, clock)) {
                api.failAll("sendmessage", 500, "Internal Server Error", null);
                for (int i = 0; i < 5; i++) {
                    for (int chat = 0; chat < 4; chat++) {
                        api.pushText(1300 + chat, 1300 + chat, "ru", "/echo c" + chat + " n" + i);
                    }
                }
                // every update handled, every reply kept (none given up)
                long deadline = System.currentTimeMillis() + BotFixture.WAIT.toMillis();
                while (store.outbox().count() < 20 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(20, store.outbox().count(), "all 20 replies are kept during the outage");
                // a 429 asking for longer than a reply waits in line: kept as well
                api.clearFailures();
                api.failAll("sendmessage", 429, "Too Many Requests: retry after 30", 30);
                api.pushText(1304, 1304, "ru", "/echo rate limited");
                while (store.outbox().count() < 21 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(21, store.outbox().count());
                api.clearFailures(); // the API is back
                for (int chat = 0; chat < 4; chat++) {
                    String id = String.valueOf(1300 + chat);
                    api.awaitDelivered(id, 5, BotFixture.WAIT);
                    List<String> got = texts(api, id);
                    for (int i = 0; i < 5; i++) {
                        assertEquals("echo: c" + chat + " n" + i, got.get(i), "in order in chat " + id + ": " + got);
                    }
                }
                assertEquals("echo: rate limited", api.awaitDelivered("1304", 1, BotFixture.WAIT).get(0).visible());
                // a reply that comes after the outage, in a chat that had replies waiting, comes after them
                api.pushText(1300, 1300, "ru", "/echo after");
                assertEquals("echo: after", api.awaitDelivered("1300", 6, BotFixture.WAIT).get(5).visible());
                waitEmpty(store);
            }
        }
    }

    @Test
    void oneChatsFailuresDoNotHoldUpOthersAndOldRepliesAreDropped() throws Exception {
        TestClock clock = new TestClock();
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1)); Store store = Store.open(dir.resolve("state"));
             LogCapture log = new LogCapture(ReplyOutbox.class.getName(), Level.INFO)) {
            try (BotFixture f = bot(api, store, clock)) {
                api.failAllFor("1400", "sendmessage", 502, "Bad Gateway", null);
                for (int i = 0; i < 3; i++) {
                    api.pushText(1400, 1400, "ru", "/echo stuck " + i);
                }
                long deadline = System.currentTimeMillis() + BotFixture.WAIT.toMillis();
                while (store.outbox().count() < 3 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                // chat 1400 keeps failing (and backing off); the others are answered meanwhile
                for (int i = 0; i < 8; i++) {
                    api.pushText(1410 + i, 1410 + i, "ru", "/echo free " + i);
                }
                for (int i = 0; i < 8; i++) {
                    assertEquals("echo: free " + i, api.awaitDelivered(String.valueOf(1410 + i), 1, BotFixture.WAIT).get(0).visible());
                }
                assertEquals(3, store.outbox().count(), "chat 1400's replies are still waiting");
                api.await(c -> c.is("sendmessage") && c.chatId().equals("1400"), 5, BotFixture.WAIT); // and being retried, backing off
                // two hours later the outage in that chat ends: its replies are too old to be worth sending
                clock.now = clock.now.plus(Duration.ofHours(2));
                api.clearFailures();
                waitEmpty(store);
                assertEquals(List.of(), texts(api, "1400"));
                assertEquals(3, log.count("is older than PT1H and is dropped unsent"), log.messages().toString());
            }
        }
    }

    @Test
    void keptRepliesSurviveARestart() throws Exception {
        TestClock clock = new TestClock();
        Path state = dir.resolve("state");
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1))) {
            try (Store store = Store.open(state); BotFixture f = bot(api, store, clock)) {
                api.failAll("sendmessage", 503, "Service Unavailable", null);
                api.pushText(1500, 1500, "ru", "/echo one");
                api.pushText(1500, 1500, "ru", "/echo two");
                long deadline = System.currentTimeMillis() + BotFixture.WAIT.toMillis();
                while (store.outbox().count() < 2 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(2, store.outbox().count());
            } // stopped during the outage
            api.clearFailures();
            assertEquals(List.of(), texts(api, "1500"));
            try (Store store = Store.open(state); BotFixture f = bot(api, store, clock)) {
                api.awaitDelivered("1500", 2, BotFixture.WAIT);
                assertEquals(List.of("echo: one", "echo: two"), texts(api, "1500"));
                waitEmpty(store);
            }
        }
    }

    static void waitEmpty(Store store) throws InterruptedException {
        long deadline = System.currentTimeMillis() + BotFixture.WAIT.toMillis();
        while (store.outbox().count() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, store.outbox().count(), "the outbox is empty");
    }
}
