package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot process (the real {@code telegram} command in a child JVM) is stopped with SIGTERM, and
 * later killed with SIGKILL, while updates are in progress and queued behind a reply that hangs in
 * flight. Telegram has been told they arrived; the restarted process must still answer every one of
 * them, and the log must say what happened.
 */
class StopAndCrashTest {
    @TempDir
    Path dir;

    Process start(FakeBotApi api, Path log) throws Exception {
        Process p = TelegramShutdownTest.launch(Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "TELEGRAM_API_URL", api.baseUrl(),
                "COACH_DATA_DIR", dir.resolve("state").toString(), "COACH_KB_DIR", TestKb.dir().toString(), "COACH_LOG_LEVEL", "INFO"), log);
        int polls = api.getUpdatesCalls();
        long deadline = System.currentTimeMillis() + 60_000;
        while (api.getUpdatesCalls() <= polls && p.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive() && api.getUpdatesCalls() > polls, "the bot polls: " + Files.readString(log));
        return p;
    }

    /** Replies to chat 1600 whose text shows the number of the draft they answer. */
    static long answered(FakeBotApi api, String marker) {
        return api.delivered("1600").stream().filter(c -> c.visible() != null && c.visible().contains(marker)).count();
    }

    static void waitFor(FakeBotApi api, String... markers) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        for (String m : markers) {
            while (answered(api, m) == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(answered(api, m) > 0, "answered " + m);
        }
    }

    /** Sends /help and waits for its answer: everything the chat had queued before it has been answered. */
    static void settle(FakeBotApi api) throws InterruptedException {
        long before = answered(api, "/ask");
        api.pushText(1600, 1600, "ru", "/help");
        long deadline = System.currentTimeMillis() + 30_000;
        while (answered(api, "/ask") <= before && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(answered(api, "/ask") > before, "/help answered");
    }

    @Test
    void updatesInProgressAtSigtermOrSigkillAreHandledAfterTheRestart() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1))) {
            Path log1 = dir.resolve("run1.log");
            Process p = start(api, log1);
            try {
                FakeBotApi.Gate hang = api.holdNext("sendmessage");
                api.pushText(1600, 1600, "ru", "/check Это не наша проблема, заказ 1111 задержан.");
                hang.awaitArrival(BotFixture.WAIT);
                api.pushText(1600, 1600, "ru", "/check Это не наша проблема, заказ 2222 задержан.");
                int last = api.pushText(1600, 1600, "ru", "/check Это не наша проблема, заказ 3333 задержан.");
                long deadline = System.currentTimeMillis() + 10_000;
                while (api.confirmedOffset() <= last && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10); // all three fetched: Telegram has been told they arrived
                }
                assertTrue(api.confirmedOffset() > last);
                p.destroy(); // SIGTERM while the first reply hangs and two updates wait behind it
                assertTrue(p.waitFor(10, TimeUnit.SECONDS), "exits within 10 s");
                hang.release();
                String out = Files.readString(log1, StandardCharsets.UTF_8);
                assertTrue(out.contains("kept in the store and handled on the next start") || out.contains("sent when it is back"), out);
                assertTrue(!out.contains("will come again on the next start"), "no untrue promise in the log: " + out);
                assertEquals(0, answered(api, "2222") + answered(api, "3333"), "not answered before the restart");
            } finally {
                p.destroyForcibly();
            }

            Path log2 = dir.resolve("run2.log");
            p = start(api, log2);
            try {
                waitFor(api, "1111", "2222", "3333");
                // how many messages one such answer has: a fresh draft, then /help behind it (the chat's order)
                api.pushText(1600, 1600, "ru", "/check Это не наша проблема, заказ 9999 задержан.");
                settle(api);
                long one = answered(api, "9999");
                assertTrue(one > 0);
                assertEquals(one, answered(api, "2222"), "answered once");
                assertEquals(one, answered(api, "3333"), "answered once");
                // now a crash: the same, then SIGKILL (no shutdown at all)
                FakeBotApi.Gate hang = api.holdNext("sendmessage");
                api.pushText(1600, 1600, "ru", "/check Это не наша проблема, заказ 4444 задержан.");
                hang.awaitArrival(BotFixture.WAIT);
                int last = api.pushText(1600, 1600, "ru", "/check Это не наша проблема, заказ 5555 задержан.");
                long deadline = System.currentTimeMillis() + 10_000;
                while (api.confirmedOffset() <= last && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue(api.confirmedOffset() > last);
                p.destroyForcibly();
                assertTrue(p.waitFor(10, TimeUnit.SECONDS));
                hang.release();
                assertEquals(0, answered(api, "5555"));
            } finally {
                p.destroyForcibly();
            }

            Path log3 = dir.resolve("run3.log");
            p = start(api, log3);
            try {
                waitFor(api, "5555");
                settle(api);
                assertEquals(answered(api, "9999"), answered(api, "5555"), "the queued update is answered once after the crash");
                assertTrue(answered(api, "4444") >= 1, "the one in flight is answered (again: after a crash it may come twice)");
                String out = Files.readString(log3, StandardCharsets.UTF_8);
                assertTrue(out.contains("updates left unfinished by the last run are handled now"), out);
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
                p.destroyForcibly();
            }
        }
    }
}
