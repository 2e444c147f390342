package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.core.ChatType;
import coach.store.Practice;
import coach.store.Store;
import coach.store.StoreConfig;
import coach.text.Lang;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the bot (the real {@code telegram} command in child JVMs, webhook mode) on one
 * PostgreSQL server, behind a round-robin forwarder that plays Telegram and the load balancer, with the
 * fake Bot API taking the replies: 500 updates from 50 chats, each chat's updates alternating between
 * the replicas, some delivered twice (at once to the other replica, or again after the answer), both
 * replicas running the daily-tips scheduler, and one replica stopped with SIGTERM in the middle and
 * started again. Every update must be answered exactly once and in order, every drill must end with
 * the score the store recorded, every chat must get one daily tip, and the per-chat send limits must
 * hold over both replicas. Runs when {@code COACH_TEST_PG_URL} is set (as {@code .ci/run} does).
 */
@EnabledIfEnvironmentVariable(named = "COACH_TEST_PG_URL", matches = ".+")
class WebhookReplicasTest {
    static final String SCHEMA = "coach_webhook_it";
    static final String SECRET = "replica_test_secret_0123456789abcdef";
    static final String PATH = "/telegram/updates";
    static final String SCENARIO = "dissatisfied-client";
    static final String ANSWER = "Извините, пожалуйста, за задержку! Мне очень жаль. Уточните, пожалуйста, что именно не так — мы всё исправим до пятницы.";
    static final int CHATS = 50;
    static final int PER_CHAT = 10;
    static final long FIRST_CHAT = 8100;
    /** Private chats as in production: a burst of 3, then one message a second (3 per 3 s); 300 a second overall. */
    static final String LIMITS = "global=300,private=3/3s,group=20/60s,gap=1s";

    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final ObjectMapper json = new ObjectMapper();

    static String pgUrl() {
        String base = System.getenv("COACH_TEST_PG_URL");
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    /** One replica process and the port its webhook listens on. */
    record Replica(Process process, int port, Path log) {
    }

    Replica launch(FakeBotApi api, String name, Map<String, String> extra) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "TELEGRAM_API_URL", api.baseUrl(),
                "TELEGRAM_WEBHOOK_URL", "https://coach.example.org" + PATH, "TELEGRAM_WEBHOOK_SECRET", SECRET,
                "COACH_WEBHOOK_PORT", String.valueOf(port), "COACH_DB_URL", pgUrl(),
                "COACH_DATA_DIR", dir.resolve(name).toString(), "COACH_KB_DIR", TestKb.dir().toString(),
                "COACH_LOG_LEVEL", "INFO", "COACH_SEND_LIMITS", LIMITS));
        String user = System.getenv("COACH_TEST_PG_USER");
        String password = System.getenv("COACH_TEST_PG_PASSWORD");
        if (user != null) {
            env.put("COACH_DB_USER", user);
        }
        if (password != null) {
            env.put("COACH_DB_PASSWORD", password);
        }
        env.putAll(extra);
        Path log = dir.resolve(name + ".log");
        return new Replica(TelegramShutdownTest.launch(env, log), port, log);
    }

    void awaitReady(Replica r) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline && r.process().isAlive()) {
            try {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port() + "/readyz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("replica not ready: " + Files.readString(r.log(), StandardCharsets.UTF_8));
    }

    int post(int port, String body) {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header(WebhookServer.SECRET_HEADER, SECRET).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return res.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The forwarder: tries the chosen replica, then the other (as a load balancer and Telegram's retries do) until one answers 200. */
    void deliver(AtomicReferenceArray<Replica> replicas, int first, String body) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        for (int attempt = 0; System.currentTimeMillis() < deadline; attempt++) {
            Replica r = replicas.get((first + attempt) % 2);
            if (r != null && post(r.port(), body) == 200) {
                return;
            }
            if (attempt % 2 == 1) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no replica took an update");
    }

    static List<FakeBotApi.Call> messages(FakeBotApi api, long chat) {
        return api.delivered(String.valueOf(chat));
    }

    static int turns() throws IOException {
        java.nio.file.Path file = TestKb.dir().resolve("scenarios").resolve(SCENARIO + ".yaml");
        return coach.kb.Yaml.parse(file.toString(), java.nio.file.Files.readString(file)).get("turns").size();
    }

    static String draft(long chat, int k) {
        return "/check Это не наша проблема, заказ " + marker(chat, k) + " задержан.";
    }

    /** A number only this draft has (six digits, none inside another), kept by every version of the draft. */
    static String marker(long chat, int k) {
        return String.valueOf(chat * 100 + k);
    }

    @Test
    void twoReplicasAnswerEveryUpdateOnceInOrderThroughARollingRestart() throws Exception {
        int turns = turns();
        assertTrue(turns >= 2 && turns + 2 <= PER_CHAT, "scenario turns: " + turns);
        try (Connection c = DriverManager.getConnection(System.getenv("COACH_TEST_PG_URL"), System.getenv("COACH_TEST_PG_USER"),
                System.getenv("COACH_TEST_PG_PASSWORD")); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            st.execute("CREATE SCHEMA " + SCHEMA);
        }
        try (FakeBotApi api = FakeBotApi.start(Duration.ofSeconds(1));
             Store store = Store.open(StoreConfig.jdbc(pgUrl(), System.getenv("COACH_TEST_PG_USER"), System.getenv("COACH_TEST_PG_PASSWORD")))) {
            // every chat subscribed to daily tips, due now: both replicas' schedulers try to send them at start
            LocalTime slot = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).minusMinutes(1);
            for (int i = 0; i < CHATS; i++) {
                store.subscriptions().subscribe(String.valueOf(FIRST_CHAT + i), ChatType.PRIVATE, Lang.RU, slot, ZoneOffset.UTC, "test", Instant.now());
            }
            Replica a = launch(api, "a", Map.of());
            Replica b = launch(api, "b", Map.of("COACH_LOG_FORMAT", "json"));
            List<Replica> all = new ArrayList<>(List.of(a, b));
            try {
                awaitReady(a);
                awaitReady(b);
                // the updates, built up front: update ids rise per chat as Telegram's do
                Map<Long, List<String>> updates = new HashMap<>();
                for (int i = 0; i < CHATS; i++) {
                    long chat = FIRST_CHAT + i;
                    List<String> u = new ArrayList<>();
                    u.add(api.webhookText(chat, chat, "ru", "/drill " + SCENARIO));
                    for (int t = 0; t < turns; t++) {
                        u.add(api.webhookText(chat, chat, "ru", ANSWER));
                    }
                    for (int k = turns + 1; k < PER_CHAT; k++) {
                        u.add(api.webhookText(chat, chat, "ru", draft(chat, k)));
                    }
                    updates.put(chat, u);
                }
                AtomicReferenceArray<Replica> live = new AtomicReferenceArray<>(new Replica[]{a, b});
                AtomicInteger done = new AtomicInteger();
                AtomicInteger twice = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(CHATS + 8);
                try {
                    List<Future<?>> chats = new ArrayList<>();
                    for (int i = 0; i < CHATS; i++) {
                        long chat = FIRST_CHAT + i;
                        int ci = i;
                        chats.add(pool.submit(() -> {
                            List<String> u = updates.get(chat);
                            for (int k = 0; k < u.size(); k++) {
                                int replica = (ci + k) % 2; // each chat alternates between the replicas
                                String body = u.get(k);
                                if ((ci * 7 + k) % 10 == 3) {
                                    // a redelivery at once, to the other replica (Telegram retrying a slow answer)
                                    Future<?> again = pool.submit(() -> {
                                        deliver(live, replica + 1, body);
                                        return null;
                                    });
                                    deliver(live, replica, body);
                                    again.get(90, TimeUnit.SECONDS);
                                    twice.incrementAndGet();
                                } else {
                                    deliver(live, replica, body);
                                }
                                if ((ci * 3 + k) % 10 == 7) {
                                    deliver(live, replica + 1, body); // delivered again after it was answered
                                    twice.incrementAndGet();
                                }
                                done.incrementAndGet();
                            }
                            return null;
                        }));
                    }
                    // the rolling restart: once 40 % is through, replica a gets SIGTERM, stops, and a new one takes its place
                    long deadline = System.currentTimeMillis() + 60_000;
                    while (done.get() < CHATS * PER_CHAT * 2 / 5 && System.currentTimeMillis() < deadline) {
                        Thread.sleep(20);
                    }
                    a.process().destroy();
                    long t0 = System.nanoTime();
                    assertTrue(a.process().waitFor(10, TimeUnit.SECONDS), "SIGTERM: the replica exits within 10 s");
                    long stopMs = (System.nanoTime() - t0) / 1_000_000;
                    live.set(0, null);
                    Replica a2 = launch(api, "a2", Map.of());
                    all.add(a2);
                    awaitReady(a2);
                    live.set(0, a2);
                    for (Future<?> f : chats) {
                        f.get(120, TimeUnit.SECONDS);
                    }
                    String logA = Files.readString(a.log(), StandardCharsets.UTF_8);
                    Files.copy(a.log(), Path.of(System.getProperty("java.io.tmpdir"), "webhook-replica-a.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    assertTrue(logA.contains("no new updates are taken"), logA);
                    assertTrue(logA.contains("Telegram bot stopped"), logA);
                    System.out.println("webhook replicas: SIGTERM to exit " + stopMs + " ms, " + twice.get() + " updates delivered twice");
                    assertTrue(twice.get() >= 50, "some updates were delivered twice: " + twice.get());
                    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.port() + "/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    assertTrue(metrics.contains("coach_updates_duplicate_total"), metrics);
                    assertTrue(metrics.contains("coach_updates_handled_total{kind=\"message\"}"), metrics);
                } finally {
                    pool.shutdownNow();
                }
                // the tips: exactly one per chat, though both schedulers (and the restarted replica's) ran
                long tipDeadline = System.currentTimeMillis() + 30_000;
                while (sentTips() < CHATS && System.currentTimeMillis() < tipDeadline) {
                    Thread.sleep(100);
                }
                assertEquals(CHATS, sentTips(), "one daily tip per chat, recorded as sent");

                Practice practice = Practice.of(store);
                Pattern total = Pattern.compile("Итог: (\\d+)/100");
                int perDraft = -1;
                int maxPerSecond = 0;
                for (int i = 0; i < CHATS; i++) {
                    long chat = FIRST_CHAT + i;
                    List<FakeBotApi.Call> got = messages(api, chat);
                    List<String> texts = got.stream().map(FakeBotApi.Call::visible).toList();
                    // the drill: opened, every turn answered, one summary, with the score the store keeps
                    int drillMessages = 2 + 2 * (turns - 1) + 3;
                    List<String> summaries = texts.stream().filter(t -> total.matcher(t).find()).toList();
                    assertEquals(1, summaries.size(), "one drill summary in chat " + chat + ": " + texts);
                    Matcher m = total.matcher(summaries.get(0));
                    assertTrue(m.find());
                    List<Practice.Run> runs = practice.runs(String.valueOf(chat), Practice.DRILL, null);
                    assertEquals(1, runs.size(), "one drill run kept for " + chat);
                    assertEquals(Integer.parseInt(m.group(1)), runs.get(0).score(), "the score shown is the score kept, chat " + chat);
                    // every draft answered once, in the order sent, after the drill
                    int lastIndex = texts.indexOf(summaries.get(0));
                    int drafts = 0;
                    for (int k = turns + 1; k < PER_CHAT; k++) {
                        String mk = marker(chat, k);
                        List<Integer> at = new ArrayList<>();
                        for (int j = 0; j < texts.size(); j++) {
                            if (texts.get(j).contains(mk)) {
                                at.add(j);
                            }
                        }
                        assertFalse(at.isEmpty(), mk + " answered: " + texts);
                        if (perDraft < 0) {
                            perDraft = at.size();
                        }
                        assertEquals(perDraft, at.size(), mk + " answered once (as many messages as every draft)");
                        assertTrue(at.get(0) > lastIndex, mk + " after what came before it in chat " + chat + ": " + texts);
                        lastIndex = at.get(at.size() - 1);
                        drafts += at.size();
                    }
                    // what is left is the daily tip: one message
                    assertEquals(drillMessages + drafts + 1, got.size(), "chat " + chat + ": drill, drafts and one tip, nothing twice: " + texts);
                    // the private-chat limit over both replicas (each chat's messages come from both): within any 5 s at
                    // most the burst of 3 plus 5 (one a second), and one more for the way to the fake on a busy machine;
                    // (the cross-replica arithmetic itself: SendPaceTest, two stores on one database)
                    int most = 0;
                    for (int x = 0; x < got.size(); x++) {
                        int n = 0;
                        for (int y = x; y < got.size() && got.get(y).nanos() - got.get(x).nanos() < 5_000_000_000L; y++) {
                            n++;
                        }
                        most = Math.max(most, n);
                    }
                    maxPerSecond = Math.max(maxPerSecond, most);
                    assertTrue(most <= 9, "chat " + chat + ": " + most + " messages within 5 s");
                }
                assertEquals(CHATS * PER_CHAT, store.updates().count(), "every update recorded as handled once");
                assertEquals(CHATS, pacedChats(), "every chat's messages were paced through the store, which both replicas share");
                System.out.println("webhook replicas: at most " + maxPerSecond + " messages to one chat within 5 s");

                // JSON logs: every log line of replica b is a JSON object; no secret, token or password anywhere
                String logB = Files.readString(b.log(), StandardCharsets.UTF_8);
                int jsonLines = 0;
                for (String line : logB.split("\n")) {
                    if (line.startsWith("{")) {
                        JsonNode n = json.readTree(line);
                        assertTrue(n.has("level") && n.has("formattedMessage"), line);
                        jsonLines++;
                    }
                }
                assertTrue(jsonLines >= 3, logB);
                for (Replica r : all) {
                    String log = Files.readString(r.log(), StandardCharsets.UTF_8);
                    assertFalse(log.contains(SECRET), "the webhook secret is never logged");
                    assertFalse(log.contains(FakeBotApi.TOKEN.substring(FakeBotApi.TOKEN.indexOf(':') + 1)), "the token is never logged");
                }
            } finally {
                for (Replica r : all) {
                    r.process().destroy();
                }
                for (Replica r : all) {
                    if (!r.process().waitFor(10, TimeUnit.SECONDS)) {
                        r.process().destroyForcibly();
                    }
                }
            }
        }
    }

    static int pacedChats() throws Exception {
        try (Connection c = DriverManager.getConnection(pgUrl(), System.getenv("COACH_TEST_PG_USER"), System.getenv("COACH_TEST_PG_PASSWORD"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM send_pace WHERE pace_key LIKE 'chat:81%' AND tat > 0")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static int sentTips() throws Exception {
        try (Connection c = DriverManager.getConnection(pgUrl(), System.getenv("COACH_TEST_PG_USER"), System.getenv("COACH_TEST_PG_PASSWORD"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT chat_id) FROM tip_deliveries WHERE status = 'sent'")) {
            rs.next();
            assertEquals(rs.getInt(1), rs.getInt(2), "never two deliveries for one chat");
            return rs.getInt(1);
        }
    }
}
