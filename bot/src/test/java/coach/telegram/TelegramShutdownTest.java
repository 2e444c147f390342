package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graceful shutdown: in-flight updates finish, handled ones are confirmed, every thread stops, SIGTERM exits in time. */
class TelegramShutdownTest {

    static List<String> botThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.startsWith("coach-tg-")).toList();
    }

    @Test
    void closeFinishesUpdatesInProgressConfirmsThemAndStopsEveryThread() throws Exception {
        BotFixture f = BotFixture.start();
        try {
            int slow = f.api.pushText(601, 601, "ru", "/slow 1200");
            int queued = f.api.pushText(601, 601, "ru", "/echo queued behind");
            long deadline = System.currentTimeMillis() + 10_000;
            while (f.api.confirmedOffset() <= queued && System.currentTimeMillis() < deadline) {
                Thread.sleep(10); // both fetched: the poller asked for the next ones
            }
            assertTrue(f.api.delivered("601").isEmpty(), "still in progress when the bot is told to stop");
            long t0 = System.nanoTime();
            f.bot.close();
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(tookMs < 10_000, "close took " + tookMs + " ms");
            List<FakeBotApi.Call> done = f.api.delivered("601");
            assertEquals(2, done.size(), "in-flight and queued updates were finished");
            assertEquals("slow done 1200", done.get(0).visible());
            assertEquals("echo: queued behind", done.get(1).visible());
            assertTrue(f.api.confirmedOffset() > Math.max(slow, queued), "handled updates are confirmed");
            int polls = f.api.getUpdatesCalls();
            deadline = System.currentTimeMillis() + 3000;
            while (!botThreads().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of(), botThreads(), "no thread of the bot survives close()");
            Thread.sleep(300);
            assertEquals(polls, f.api.getUpdatesCalls(), "polling stopped");
            f.bot.close(); // twice is harmless
        } finally {
            f.close();
        }
    }

    static Process launch(Map<String, String> env, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and the serial collector: a child starts faster on a busy 2-core machine (behaviour is the same)
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "coach.cli.Main", "telegram");
        pb.environment().remove("TELEGRAM_BOT_TOKEN");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }

    @Test
    void sigtermStopsTheBotProcessWithinTenSecondsAfterFinishingItsWork(@TempDir Path dir) throws Exception {
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1))) {
            Path log = dir.resolve("coach-tg.log");
            Path data = Files.createDirectory(dir.resolve("coach-data"));
            Process p = launch(Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "TELEGRAM_API_URL", api.baseUrl(),
                    "COACH_DATA_DIR", data.resolve("state").toString(), "COACH_KB_DIR", TestKb.dir().toString(), "COACH_LOG_LEVEL", "INFO"), log);
            try {
                long deadline = System.currentTimeMillis() + 30_000;
                while (api.getUpdatesCalls() == 0 && p.isAlive() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(api.getUpdatesCalls() > 0, "the bot polls: " + Files.readString(log));
                assertTrue(Files.isDirectory(data.resolve("state")), "COACH_DATA_DIR is created");
                // the reply is held up by a rate limit when the signal comes
                api.failNext("sendmessage", 1, 429, "Too Many Requests: retry after 2", 2);
                int id = api.pushText(701, 701, "ru", "/help");
                api.await(c -> c.chatId().equals("701") && c.status() == 429, 1, BotFixture.WAIT);
                long t0 = System.nanoTime();
                p.destroy(); // SIGTERM
                assertTrue(p.waitFor(10, TimeUnit.SECONDS), "exited within 10 s of SIGTERM");
                long tookMs = (System.nanoTime() - t0) / 1_000_000;
                String out = Files.readString(log, StandardCharsets.UTF_8);
                assertTrue(tookMs < 10_000, "took " + tookMs);
                assertEquals(1, api.delivered("701").size(), "the reply in flight was delivered: " + out);
                assertTrue(api.delivered("701").get(0).visible().contains("/ask"));
                assertTrue(api.confirmedOffset() > id, "and confirmed");
                assertTrue(out.contains("stopped"), out);
                assertFalse(out.contains(FakeBotApi.TOKEN.substring(FakeBotApi.TOKEN.indexOf(':') + 1)), "the token is never logged");
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aMalformedTokenIsRefusedAtStartWithoutEchoingIt(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("coach-tg.log");
        String bad = "12345:short-secret";
        Process p = launch(Map.of("TELEGRAM_BOT_TOKEN", bad, "COACH_KB_DIR", TestKb.dir().toString()), log);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("TELEGRAM_BOT_TOKEN is malformed"), out);
        assertFalse(out.contains("short-secret"), out);
    }
}
