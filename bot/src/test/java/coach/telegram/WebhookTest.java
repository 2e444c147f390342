package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.core.Permissions;
import coach.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook mode of the real bot (SQLite store, real coach, the fake Bot API taking the replies): the
 * URL is registered with setWebhook, updates POSTed with the secret are answered once, and forged
 * requests are refused without any effect.
 */
class WebhookTest {
    static final String SECRET = "s3cret_for_loopback_tests_only-0123456789";
    static final String PATH = "/tg/hook";

    @TempDir
    static Path dir;
    static FakeBotApi api;
    static Store store;
    static BotFixture fixture;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base;

    @BeforeAll
    static void up() throws Exception {
        api = FakeBotApi.start(Duration.ofSeconds(1));
        store = Store.open(dir);
        Coach coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL));
        fixture = BotFixture.over(api, coach, dir, c -> c);
        fixture.bot.keepIn(store);
        fixture.bot.useWebhook(new WebhookConfig("https://coach.example.org" + PATH, 0, PATH, SECRET, 40, 64 * 1024));
        fixture.bot.start();
        base = "http://127.0.0.1:" + fixture.bot.webhookPort();
    }

    @AfterAll
    static void down() {
        fixture.close();
        api.close();
        store.close();
    }

    static HttpResponse<String> post(String path, String secret, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header(WebhookServer.SECRET_HEADER, secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void registersTheWebhookWithItsSecretAndTheUpdatesItNeeds() {
        var w = api.webhook();
        assertNotNull(w, "setWebhook was called");
        assertEquals("https://coach.example.org" + PATH, w.path("url").asText());
        assertEquals(SECRET, w.path("secret_token").asText());
        assertEquals("false", w.path("drop_pending_updates").asText());
        assertEquals("40", w.path("max_connections").asText());
        assertTrue(w.path("allowed_updates").toString().contains("callback_query"), w.toString());
        assertTrue(w.path("allowed_updates").toString().contains("my_chat_member"), w.toString());
        assertTrue(api.calls("getupdates").isEmpty(), "no long polling in webhook mode");
    }

    @Test
    void anUpdateIsAnsweredOnceAlsoWhenDeliveredAgain() throws Exception {
        int handledBefore = store.updates().count();
        String update = api.webhookText(5101, 5101, "ru", "/check Это не наша проблема, заказ 4242 задержан.");
        HttpResponse<String> r = post(PATH, SECRET, update);
        assertEquals(200, r.statusCode(), r.body());
        // answered 200 only once handled: the replies are there already
        int replies = api.delivered("5101").size();
        assertTrue(replies > 0 && api.delivered("5101").stream().anyMatch(c -> c.visible().contains("4242")));
        assertEquals(200, post(PATH, SECRET, update).statusCode(), "a redelivery is acknowledged");
        assertEquals(200, post(PATH, SECRET, update).statusCode());
        assertEquals(replies, api.delivered("5101").size(), "and not answered again");
        assertEquals(handledBefore + 1, store.updates().count(), "recorded once");
        String metrics = get("/metrics").body();
        assertTrue(metrics.contains("coach_updates_handled_total{kind=\"message\"}"), metrics);
        assertTrue(metrics.matches("(?s).*coach_updates_duplicate_total(\\{[^}]*\\})? [2-9].*"), metrics);
        assertTrue(metrics.contains("coach_store_latency_seconds"), metrics);
        assertTrue(metrics.contains("coach_replies_sent_total"), metrics);
    }

    @Test
    void forgedRequestsAreRefusedAndChangeNothing() throws Exception {
        int handledBefore = store.updates().count();
        int callsBefore = api.calls().size();
        String update = api.webhookText(5102, 5102, "ru", "/help");
        assertEquals(401, post(PATH, null, update).statusCode(), "no secret");
        assertEquals(401, post(PATH, "wrong-secret-0123456789", update).statusCode(), "wrong secret");
        assertEquals(401, post(PATH, SECRET.substring(1), update).statusCode(), "a prefix of the secret");
        String huge = update.substring(0, update.length() - 1) + ",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertEquals(413, post(PATH, SECRET, huge).statusCode(), "oversized body");
        assertEquals(404, post("/tg/other", SECRET, update).statusCode(), "wrong path");
        assertEquals(404, post(PATH + "/", SECRET, update).statusCode(), "not the exact path");
        HttpResponse<String> g = http.send(HttpRequest.newBuilder(URI.create(base + PATH)).header(WebhookServer.SECRET_HEADER, SECRET).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, g.statusCode(), "GET");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + PATH)).header(WebhookServer.SECRET_HEADER, SECRET)
                .PUT(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode(), "PUT");
        assertEquals(400, post(PATH, SECRET, "{\"not\": \"an update\"}").statusCode(), "not an update");
        assertEquals(400, post(PATH, SECRET, "{{{").statusCode(), "not JSON");
        assertEquals(handledBefore, store.updates().count(), "nothing recorded");
        assertTrue(api.delivered("5102").isEmpty(), "nothing sent");
        assertEquals(callsBefore, api.calls().size(), "no Bot API call at all");
        // the same update with the secret goes through
        assertEquals(200, post(PATH, SECRET, update).statusCode());
        assertFalse(api.delivered("5102").isEmpty());
    }

    @Test
    void healthAndReadiness() throws Exception {
        assertEquals(200, get("/healthz").statusCode());
        assertEquals(200, get("/readyz").statusCode());
        assertEquals(405, post("/readyz", null, "").statusCode());
        assertEquals(404, get("/").statusCode());
        assertTrue(get("/metrics").body().contains("coach_queue_updates"));
    }

    @Test
    void configurationFromTheEnvironment() {
        assertEquals(null, WebhookConfig.fromEnvironment(Map.of()), "no URL: long polling");
        WebhookConfig c = WebhookConfig.fromEnvironment(Map.of("TELEGRAM_WEBHOOK_URL", "https://bot.example.com/telegram/x",
                "TELEGRAM_WEBHOOK_SECRET", SECRET));
        assertEquals(8443, c.port());
        assertEquals("/telegram/x", c.path());
        assertFalse(c.toString().contains(SECRET), "the secret is never shown");
        assertEquals(9000, WebhookConfig.fromEnvironment(Map.of("TELEGRAM_WEBHOOK_URL", "https://bot.example.com/t",
                "TELEGRAM_WEBHOOK_SECRET", SECRET, "COACH_WEBHOOK_PORT", "9000")).port());
        for (Map<String, String> bad : List.of(
                Map.of("TELEGRAM_WEBHOOK_URL", "https://bot.example.com/t"),
                Map.of("TELEGRAM_WEBHOOK_URL", "http://bot.example.com/t", "TELEGRAM_WEBHOOK_SECRET", SECRET),
                Map.of("TELEGRAM_WEBHOOK_URL", "https://bot.example.com/t", "TELEGRAM_WEBHOOK_SECRET", "short"),
                Map.of("TELEGRAM_WEBHOOK_URL", "https://bot.example.com/healthz", "TELEGRAM_WEBHOOK_SECRET", SECRET),
                Map.of("TELEGRAM_WEBHOOK_URL", "https://bot.example.com/t", "TELEGRAM_WEBHOOK_SECRET", SECRET, "COACH_WEBHOOK_PORT", "http"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookConfig.fromEnvironment(bad), bad.toString());
            assertFalse(e.getMessage().contains(SECRET));
        }
        assertEquals(TelegramConfig.Limits.defaults(), TelegramConfig.Limits.parse(""));
        TelegramConfig.Limits l = TelegramConfig.Limits.parse("global=200,private=3/300ms,group=20/60s,gap=50ms");
        assertEquals(200, l.globalPerSecond());
        assertEquals(Duration.ofMillis(300), l.privateWindow());
        assertEquals(20, l.groupPerMinute());
        assertEquals(Duration.ofMillis(50), l.groupInterval());
        assertThrows(IllegalArgumentException.class, () -> TelegramConfig.Limits.parse("global=fast"));
    }
}
