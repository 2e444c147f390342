package coach.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.core.ChatType;
import coach.core.SendResult;
import coach.core.SessionKey;
import coach.core.SessionState;
import coach.store.Store;
import coach.store.StoreConfig;
import coach.store.StoreException;
import coach.text.Lang;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same store on a real PostgreSQL server: runs when {@code COACH_TEST_PG_URL} is set (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/coach_test}, with {@code COACH_TEST_PG_USER} /
 * {@code COACH_TEST_PG_PASSWORD}), skipped otherwise. Each run works in a fresh schema.
 */
@EnabledIfEnvironmentVariable(named = "COACH_TEST_PG_URL", matches = ".+")
class PostgresStoreTest {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String SCHEMA = "coach_it";
    static String url;
    static String user;
    static String password;

    @BeforeAll
    static void freshSchema() throws Exception {
        coach.TestPg pg = coach.TestPg.freshSchema(SCHEMA);
        url = pg.url();
        user = pg.user();
        password = pg.password();
    }

    static Store open() {
        return Store.open(StoreConfig.jdbc(url, user, password));
    }

    @Test
    void theSameSchemaAndSqlWorkOnPostgres() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Store store = open()) {
            SessionKey key = new SessionKey("pg-chat", "pg-user");
            store.sessions().put(key, new SessionState("drill", json.createObjectNode().put("turn", 1).put("t", "«Где заказ?» 😡"), 1));
            SessionState s = store.sessions().get(key).orElseThrow();
            store.sessions().put(key, s.next(json.createObjectNode().put("turn", 2)));
            StoreException stale = assertThrows(StoreException.class, () -> store.sessions().put(key, s.next(json.createObjectNode())));
            assertEquals(StoreException.Kind.CONFLICT, stale.kind());
            store.users().setLanguage("pg-user", Lang.EN);
            store.progress().put("pg-user", "quiz.done", "true");
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.progress().add("pg-user", "drills.done", 1);
                    }
                });
                th.start();
                ts.add(th);
            }
            for (Thread th : ts) {
                th.join();
            }
        }
        try (Store store = open()) {
            assertEquals(2, store.sessions().get(new SessionKey("pg-chat", "pg-user")).orElseThrow().data().get("turn").asInt());
            assertEquals(Optional.of(Lang.EN), store.users().language("pg-user"));
            assertEquals(Optional.of("100"), store.progress().get("pg-user", "drills.done"));
            assertEquals(Optional.of("true"), store.progress().get("pg-user", "quiz.done"));
        }
    }

    @Test
    void twoReplicasOnOneDatabaseNeverDoubleSend() throws Exception {
        MutableClock clock = new MutableClock(LocalDateTime.parse("2025-06-02T08:00").atZone(MOSCOW).toInstant());
        TipCatalogue catalogue = TipCatalogue.load(TestKb.kb());
        int chats = 40;
        try (Store a = open(); Store b = open()) {
            for (int i = 0; i < chats; i++) {
                a.subscriptions().subscribe("pg" + i, ChatType.GROUP, Lang.RU, LocalTime.of(9, 0), MOSCOW, "admin",
                        DailySlots.firstFrom(clock.instant(), LocalTime.of(9, 0), MOSCOW));
            }
            Map<String, AtomicInteger> got = new ConcurrentHashMap<>();
            RecordingSender sa = new RecordingSender(clock).answering((chat, n) -> count(got, chat));
            RecordingSender sb = new RecordingSender(clock).answering((chat, n) -> count(got, chat));
            try (TipScheduler x = new TipScheduler(a, catalogue, sa, clock, TipScheduler.Settings.defaults().withSendThreads(3));
                 TipScheduler y = new TipScheduler(b, catalogue, sb, clock, TipScheduler.Settings.defaults().withSendThreads(3))) {
                for (int day = 0; day < 2; day++) {
                    clock.set(LocalDateTime.parse("2025-06-02T09:00").atZone(MOSCOW).toInstant().plus(Duration.ofDays(day)));
                    CountDownLatch go = new CountDownLatch(1);
                    List<Throwable> failures = new CopyOnWriteArrayList<>();
                    List<Thread> ts = new ArrayList<>();
                    for (TipScheduler s : List.of(x, y)) {
                        Thread th = new Thread(() -> {
                            try {
                                go.await();
                                TipScheduler.Report r = s.runDue();
                                if (r.errors() > 0) {
                                    failures.add(new AssertionError("errors: " + r));
                                }
                            } catch (Throwable e) {
                                failures.add(e);
                            }
                        });
                        th.start();
                        ts.add(th);
                    }
                    go.countDown();
                    for (Thread th : ts) {
                        th.join(60_000);
                    }
                    assertTrue(failures.isEmpty(), failures.toString());
                }
            }
            for (int i = 0; i < chats; i++) {
                assertEquals(2, got.get("pg" + i).get(), "pg" + i);
            }
            assertEquals(chats * 2, sa.delivered().size() + sb.delivered().size());
        }
    }

    private static SendResult count(Map<String, AtomicInteger> got, String chat) {
        got.computeIfAbsent(chat, k -> new AtomicInteger()).incrementAndGet();
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return SendResult.sent();
    }

    @Test
    void anUnreachableServerIsReportedWithoutThePassword() {
        StoreException e = assertThrows(StoreException.class, () ->
                Store.open(StoreConfig.jdbc("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2", "coach", "s3cret-pw")));
        assertEquals(StoreException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
        assertTrue(!e.getMessage().contains("s3cret-pw"), e.getMessage());
    }
}
