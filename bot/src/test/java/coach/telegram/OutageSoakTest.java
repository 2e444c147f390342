package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long run of mixed faults (API-wide 500s and 429s, one chat's 502s, answers held in flight) while
 * 40 chats keep writing; at the end every reply has arrived in order in its chat. Only with
 * {@code mvn -B verify -Psoak} ({@code -Dcoach.soak.minutes=N}, default 10).
 */
@Tag("soak")
class OutageSoakTest {
    @TempDir
    Path dir;

    @Test
    void everyReplyArrivesInOrderThroughMinutesOfMixedFaults() throws Exception {
        long minutes = Long.getLong("coach.soak.minutes", 10);
        Random random = new Random(12);
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1)); Store store = Store.open(dir.resolve("state"))) {
            BotFixture f = BotFixture.over(api, BotFixture.sharedCoach(), dir, c -> c.withLimits(
                    new TelegramConfig.Limits(25, 3, Duration.ofSeconds(3), Duration.ofSeconds(1), 20, Duration.ofMinutes(1))));
            f.bot.keepIn(store, Clock.systemUTC());
            f.bot.start();
            Map<Integer, Integer> sent = new HashMap<>();
            List<FakeBotApi.Gate> gates = new ArrayList<>();
            try (f) {
                long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
                long nextFault = System.nanoTime();
                while (System.nanoTime() < end) {
                    int chat = random.nextInt(40);
                    int n = sent.merge(chat, 1, Integer::sum) - 1;
                    api.pushText(1700 + chat, 1700 + chat, "ru", "/echo s" + chat + " n" + n);
                    if (System.nanoTime() > nextFault) {
                        api.clearFailures();
                        gates.forEach(FakeBotApi.Gate::release);
                        switch (random.nextInt(5)) {
                            case 0 -> api.failAll("sendmessage", 500, "Internal Server Error", null);
                            case 1 -> api.failAll("sendmessage", 429, "Too Many Requests: retry after 7", 7);
                            case 2 -> api.failAllFor(String.valueOf(1700 + random.nextInt(40)), "sendmessage", 502, "Bad Gateway", null);
                            case 3 -> gates.add(api.holdNext("sendmessage"));
                            default -> { } // a quiet spell
                        }
                        nextFault = System.nanoTime() + Duration.ofSeconds(5 + random.nextInt(40)).toNanos();
                    }
                    Thread.sleep(100 + random.nextInt(200));
                }
                api.clearFailures();
                gates.forEach(FakeBotApi.Gate::release);
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                for (Map.Entry<Integer, Integer> e : sent.entrySet()) {
                    String id = String.valueOf(1700 + e.getKey());
                    while (distinct(api, id) < e.getValue() && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    List<String> got = api.delivered(id).stream().map(FakeBotApi.Call::visible).distinct().toList();
                    assertEquals(e.getValue(), got.size(), "every reply arrived in chat " + id);
                    for (int i = 0; i < got.size(); i++) {
                        assertEquals("echo: s" + e.getKey() + " n" + i, got.get(i), "in order in chat " + id);
                    }
                }
                assertTrue(store.outbox().count() == 0 || System.nanoTime() < deadline);
            } finally {
                gates.forEach(FakeBotApi.Gate::release);
            }
        }
    }

    static long distinct(FakeBotApi api, String chat) {
        return api.delivered(chat).stream().map(FakeBotApi.Call::visible).distinct().count();
    }
}
