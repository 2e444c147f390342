package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.core.Reply;
import coach.core.SendResult;
import coach.core.Texts;
import coach.text.Lang;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limits, retries, refusals and floods, each on a bot of its own. */
class TelegramResilienceTest {
    BotFixture f;

    @AfterEach
    void down() {
        if (f != null) {
            f.close();
        }
    }

    static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfter() throws Exception {
        f = BotFixture.start();
        f.api.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 1", 1);
        f.api.pushText(401, 401, "ru", "/echo patience");
        List<FakeBotApi.Call> tries = f.api.await(c -> c.chatId().equals("401") && c.is("sendmessage"), 2, BotFixture.WAIT);
        assertEquals(429, tries.get(0).status());
        assertEquals(200, tries.get(1).status());
        assertEquals("echo: patience", tries.get(1).visible());
        assertTrue(ms(tries.get(1).nanos() - tries.get(0).nanos()) >= 950, "waited retry_after");
    }

    @Test
    void serverErrorsAndGatewayPagesAreRetriedWithBackoff() throws Exception {
        f = BotFixture.start();
        f.api.failNext("sendmessage", 2, 500, "Internal Server Error", null);
        f.api.failNextWithHtmlPage("sendmessage", 1);
        f.api.pushText(402, 402, "ru", "/echo again");
        List<FakeBotApi.Call> tries = f.api.await(c -> c.chatId().equals("402") && c.is("sendmessage"), 4, BotFixture.WAIT);
        assertEquals(List.of(500, 500, 502, 200), tries.stream().map(FakeBotApi.Call::status).toList());
        assertEquals("echo: again", tries.get(3).visible());
    }

    @Test
    void retriesAreBoundedAndOneLostReplyDoesNotStopTheBot() throws Exception {
        f = BotFixture.start();
        f.api.failNext("sendmessage", 4, 500, "Internal Server Error", null); // first try + 3 retries
        f.api.pushText(403, 403, "ru", "/echo lost");
        f.api.await(c -> c.chatId().equals("403") && c.status() == 500, 4, BotFixture.WAIT);
        f.api.pushText(404, 404, "ru", "/echo fine");
        assertEquals("echo: fine", f.api.awaitDelivered("404", 1, BotFixture.WAIT).get(0).visible());
        assertEquals(4, f.api.calls("sendmessage").stream().filter(c -> c.chatId().equals("403")).count(), "gave up after the retries");
        // a rate limit that asks for too long a wait is not honoured for ever either
        f.api.failNext("sendmessage", 1, 429, "Too Many Requests: retry after 3600", 3600);
        SendResult r = f.bot.sender().send("405", Reply.of("tip"));
        assertEquals(SendResult.Status.FAILED, r.status());
    }

    @Test
    void aChatThatBlockedTheBotIsRecordedAndLeftAlone() throws Exception {
        f = BotFixture.start();
        f.api.forbid("406", true);
        f.api.pushText(406, 406, "ru", "/echo hello");
        f.api.await(c -> c.chatId().equals("406") && c.status() == 403, 1, BotFixture.WAIT);
        long deadline = System.currentTimeMillis() + 5000;
        while (!f.events.log.contains("removed 406") && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(f.events.log.contains("removed 406"), f.events.log.toString());
        int calls = f.api.calls().size();
        SendResult r = f.bot.sender().send("406", Reply.of("daily tip"));
        assertEquals(SendResult.Status.FORBIDDEN, r.status());
        assertEquals(calls, f.api.calls().size(), "nothing more is sent to a chat that refused the bot");
        assertEquals(1, f.events.log.stream().filter(e -> e.equals("removed 406")).count(), "reported once");
        // a tip to a chat deleted meanwhile is reported the same way
        f.api.failNext("sendmessage", 1, 400, "Bad Request: chat not found", null);
        assertEquals(SendResult.Status.FORBIDDEN, f.bot.sender().send("-100407", Reply.of("tip")).status());
        assertTrue(f.events.log.contains("removed -100407"));
        // the user unblocks the bot and writes again
        f.api.forbid("406", false);
        f.api.pushText(406, 406, "ru", "/echo back");
        assertEquals("echo: back", f.api.awaitDelivered("406", 1, BotFixture.WAIT).get(0).visible());
        assertTrue(f.bot.sender().send("406", Reply.of("tip")).ok());
    }

    @Test
    void aFloodingUserDoesNotStarveOthers() throws Exception {
        f = BotFixture.start(c -> c.withWorkers(4, 5).withLimits(new TelegramConfig.Limits(25, 3, Duration.ofMillis(300), Duration.ofMillis(100), 20, Duration.ofMinutes(1))));
        for (int i = 0; i < 300; i++) {
            f.api.pushText(408, 408, "ru", "/echo flood " + i);
        }
        f.api.pushText(409, 409, "ru", "/echo calm");
        FakeBotApi.Call calm = f.api.awaitDelivered("409", 1, BotFixture.WAIT).get(0);
        assertEquals("echo: calm", calm.visible());
        String notice = Texts.get(Lang.RU, "telegram.flood");
        f.api.await(c -> c.chatId().equals("408") && notice.equals(c.visible()), 1, BotFixture.WAIT);
        List<FakeBotApi.Call> flood = f.api.delivered("408");
        assertTrue(flood.size() < 20, "most of the flood was skipped, not queued: " + flood.size());
        int last = -1;
        for (FakeBotApi.Call c : flood) {
            if (c.visible().startsWith("echo: flood ")) {
                int n = Integer.parseInt(c.visible().substring("echo: flood ".length()));
                assertTrue(n > last, "in order");
                last = n;
            }
        }
        assertTrue(ms(calm.nanos() - flood.get(0).nanos()) < 2000, "the calm user was answered promptly");
    }

    @Test
    void sendLimitsSpaceMessagesPerChatAndOverall() throws Exception {
        f = BotFixture.start(c -> c.withLimits(new TelegramConfig.Limits(8, 2, Duration.ofMillis(600), Duration.ofMillis(300), 20, Duration.ofMinutes(1))));
        for (int i = 0; i < 3; i++) {
            f.api.pushGroupText(-100410, 41, "/echo g" + i);
        }
        List<FakeBotApi.Call> g = f.api.awaitDelivered("-100410", 3, BotFixture.WAIT);
        // Arrival times at the fake carry HTTP jitter that can shorten one gap, so each gap gets a
        // generous floor and the span over both intervals (2 × 300 ms) a tighter one; without the
        // limiter the three arrive within a few milliseconds.
        for (int i = 1; i < 3; i++) {
            assertTrue(ms(g.get(i).nanos() - g.get(i - 1).nanos()) >= 150, "group messages spaced: " + ms(g.get(i).nanos() - g.get(i - 1).nanos()));
        }
        assertTrue(ms(g.get(2).nanos() - g.get(0).nanos()) >= 500, "group messages spaced overall: " + ms(g.get(2).nanos() - g.get(0).nanos()));
        // private chats may burst a little: 2 at once, the third waits for the window
        for (int i = 0; i < 3; i++) {
            f.api.pushText(411, 411, "ru", "/echo p" + i);
        }
        List<FakeBotApi.Call> p = f.api.awaitDelivered("411", 3, BotFixture.WAIT);
        assertTrue(ms(p.get(2).nanos() - p.get(0).nanos()) >= 400, "third private message waited");
        // overall: 16 chats at 8 messages a second take about two seconds
        long t0 = System.nanoTime();
        for (int i = 0; i < 16; i++) {
            f.api.pushText(500 + i, 500 + i, "ru", "/echo x");
        }
        for (int i = 0; i < 16; i++) {
            f.api.awaitDelivered(String.valueOf(500 + i), 1, BotFixture.WAIT);
        }
        assertTrue(ms(System.nanoTime() - t0) >= 1500, "global limit held: " + ms(System.nanoTime() - t0) + " ms");
    }

    @Test
    void aBadTokenOrUnreachableApiFailsTheStartClearly() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1))) {
            String other = "123456:" + "B".repeat(35);
            TelegramConfig cfg = TelegramConfig.of(other, api.baseUrl(), java.nio.file.Files.createTempDirectory("tg"))
                    .withRetry(new TelegramConfig.Retry(1, Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofSeconds(1)));
            TelegramBot bot = new TelegramBot(cfg, BotFixture.sharedCoach().core(), coach.core.ChatEvents.NONE);
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, bot::start);
            assertTrue(e.getMessage().contains("401"), e.getMessage());
            assertFalse(e.getMessage().contains(other.substring(7)), "no token in the message");
        }
    }
}
