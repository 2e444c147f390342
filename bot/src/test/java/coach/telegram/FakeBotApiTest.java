package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake refuses what Telegram refuses, so the end-to-end tests can trust an accepted call. */
class FakeBotApiTest {
    static FakeBotApi api;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void up() throws Exception {
        api = FakeBotApi.start(Duration.ofMillis(300));
    }

    @AfterAll
    static void down() {
        api.close();
    }

    static HttpResponse<String> post(String token, String method, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/bot" + token + "/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void methodNamesMatchCaseInsensitivelyAndTheTokenIsChecked() throws Exception {
        assertEquals(200, post(FakeBotApi.TOKEN, "sendmessage", "{\"chat_id\":1,\"text\":\"hi\"}").statusCode());
        assertEquals(200, post(FakeBotApi.TOKEN, "SendMessage", "{\"chat_id\":1,\"text\":\"hi\"}").statusCode());
        assertEquals("{\"ok\":true,\"result\":true}", post(FakeBotApi.TOKEN, "deleteWebhook", "{}").body());
        assertEquals(401, post("1:" + "x".repeat(35), "getMe", "{}").statusCode());
        assertEquals(404, post(FakeBotApi.TOKEN, "noSuchMethod", "{}").statusCode());
    }

    @Test
    void rejectsWhatTelegramRejects() throws Exception {
        HttpResponse<String> r = post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":1,\"text\":\"a <x> b\",\"parse_mode\":\"HTML\"}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("can't parse entities"), r.body());
        assertEquals(400, post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":1,\"text\":\"<b>a</i>\",\"parse_mode\":\"HTML\"}").statusCode());
        assertEquals(400, post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":1,\"text\":\"AT&T\",\"parse_mode\":\"HTML\"}").statusCode());
        assertEquals(400, post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":1,\"text\":\"<b>open\",\"parse_mode\":\"HTML\"}").statusCode());
        assertEquals(200, post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":1,\"text\":\"" + "я".repeat(4096) + "\"}").statusCode());
        r = post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":1,\"text\":\"" + "я".repeat(4097) + "\"}");
        assertTrue(r.body().contains("message is too long"), r.body());
        assertEquals(400, post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":1,\"text\":\"  \"}").statusCode());
        String cyr33 = "ж".repeat(33); // 66 bytes
        r = post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":1,\"text\":\"x\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"b\",\"callback_data\":\"" + cyr33 + "\"}]]}}");
        assertTrue(r.body().contains("BUTTON_DATA_INVALID"), r.body());
        assertEquals(200, post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":1,\"text\":\"x\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"b\",\"callback_data\":\"" + "ж".repeat(32) + "\"}]]}}").statusCode());
    }

    @Test
    void faultsScriptedForOneChatComeFirstAndLeaveOtherChatsAlone() throws Exception {
        api.failNextFor("-77", "sendMessage", 2, 429, "Too Many Requests: retry after 1", 1);
        api.failNext("sendMessage", 1, 500, "Internal Server Error", null);
        HttpResponse<String> r = post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":-77,\"text\":\"a\"}");
        assertEquals(429, r.statusCode());
        assertTrue(r.body().contains("\"retry_after\":1"), r.body());
        assertEquals(500, post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":78,\"text\":\"b\"}").statusCode(), "the method's script is for any chat");
        assertEquals(200, post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":79,\"text\":\"c\"}").statusCode());
        assertEquals(429, post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":\"-77\",\"text\":\"a\"}").statusCode());
        assertEquals(200, post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":-77,\"text\":\"a\"}").statusCode());
    }

    @Test
    void aHeldCallIsRecordedAndAnsweredOnlyOnceReleased() throws Exception {
        FakeBotApi.Gate gate = api.holdNext("sendMessage");
        java.util.concurrent.CompletableFuture<HttpResponse<String>> held = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":80,\"text\":\"held\"}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("held", gate.awaitArrival(Duration.ofSeconds(5)).visible());
        assertEquals(200, post(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":81,\"text\":\"free\"}").statusCode(), "only the next call is held");
        Thread.sleep(100);
        assertTrue(!held.isDone(), "answered only once released");
        gate.release();
        assertEquals(200, held.get(5, java.util.concurrent.TimeUnit.SECONDS).statusCode());
    }

    @Test
    void getUpdatesHoldsWhileIdleAndForgetsConfirmedUpdates() throws Exception {
        long t0 = System.nanoTime();
        assertEquals("{\"ok\":true,\"result\":[]}", post(FakeBotApi.TOKEN, "getUpdates", "{\"timeout\":5}").body());
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 250, "held while idle (capped)");
        int id = api.pushText(5, 5, "ru", "hello");
        assertTrue(post(FakeBotApi.TOKEN, "getUpdates", "{\"offset\":0}").body().contains("\"update_id\":" + id));
        assertEquals("{\"ok\":true,\"result\":[]}", post(FakeBotApi.TOKEN, "getUpdates", "{\"offset\":" + (id + 1) + "}").body());
        assertEquals(id + 1, api.confirmedOffset());
    }
}
