package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.core.ChatType;
import coach.core.CommandRegistry;
import coach.core.Context;
import coach.core.ConversationCore;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.core.SessionHandler;
import coach.core.SessionKey;
import coach.core.SessionState;
import coach.text.Lang;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store on real files. */
class StoreTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void createsTheFileInWalModeWithTheMigratedSchema() throws Exception {
        try (Store store = Store.open(dir.resolve("new/nested"))) {
            assertTrue(store.describe().endsWith("coach.db"));
        }
        Path db = dir.resolve("new/nested/coach.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
                assertTrue(rs.next());
                assertEquals("1", rs.getString(1));
                assertEquals(1, rs.getInt(2));
            }
        }
        // opening again does not migrate again and keeps everything
        try (Store store = Store.open(dir.resolve("new/nested"))) {
            assertEquals(0, store.subscriptions().countEnabled());
        }
    }

    @Test
    void sessionsSurviveARestart() {
        SessionKey key = new SessionKey("chat-1", "user-1");
        ObjectNode d = JSON.createObjectNode().put("turn", 2).put("text", "Клиент: «Где мой заказ?!» 😡 <b>&amp;\u0001");
        try (Store store = Store.open(dir)) {
            store.sessions().put(key, new SessionState("drill", d, 1));
            store.sessions().put(key, new SessionState("drill", d.deepCopy().put("turn", 3), 2));
        }
        try (Store store = Store.open(dir)) {
            SessionState s = store.sessions().get(key).orElseThrow();
            assertEquals("drill", s.kind());
            assertEquals(2, s.version());
            assertEquals(3, s.data().get("turn").asInt());
            assertEquals(d.get("text").asText(), s.data().get("text").asText());
            assertTrue(store.sessions().get(new SessionKey("chat-1", "user-2")).isEmpty(), "keyed by chat and user");
            store.sessions().remove(key);
            assertTrue(store.sessions().get(key).isEmpty());
        }
    }

    @Test
    void aStaleSessionSaveIsRefusedNotSilentlyLost() {
        SessionKey key = new SessionKey("c", "u");
        try (Store store = Store.open(dir)) {
            ObjectNode d = JSON.createObjectNode().put("step", "a");
            store.sessions().put(key, new SessionState("quiz", d, 1));
            SessionState read = store.sessions().get(key).orElseThrow();
            store.sessions().put(key, read.next(JSON.createObjectNode().put("step", "b")));
            // a second handler that also started from version 1 saves version 2 again
            StoreException e = assertThrows(StoreException.class, () -> store.sessions().put(key, read.next(JSON.createObjectNode().put("step", "c"))));
            assertEquals(StoreException.Kind.CONFLICT, e.kind());
            assertEquals("b", store.sessions().get(key).orElseThrow().data().get("step").asText());
            // starting a new session (version 1) always replaces the old one
            store.sessions().put(key, new SessionState("drill", JSON.createObjectNode(), 1));
            assertEquals("drill", store.sessions().get(key).orElseThrow().kind());
        }
    }

    /** A tiny session handler: counts the messages of a "conversation". */
    static final class Counter implements SessionHandler {
        @Override
        public String kind() {
            return "counter";
        }

        @Override
        public List<Reply> onText(Context ctx, SessionState state, String text) {
            int n = state.data().get("n").asInt() + 1;
            ctx.saveSession(state.next(state.data().deepCopy().put("n", n)));
            return List.of(Reply.of("n=" + n));
        }

        @Override
        public String title(Context ctx, SessionState state) {
            return "counter";
        }
    }

    static ConversationCore core(Store store) {
        CommandRegistry reg = new CommandRegistry();
        reg.register(new coach.core.Command() {
            public String name() {
                return "count";
            }

            public String description(Lang l) {
                return "count";
            }

            public List<Reply> run(Context ctx, String args) {
                ctx.startSession("counter", JSON.createObjectNode().put("n", 0));
                return List.of(Reply.of("n=0"));
            }
        });
        return new ConversationCore(reg, List.of(new Counter()), store.sessions(), (c, t) -> "count", Permissions.ALL);
    }

    static String say(ConversationCore core, String text) {
        return core.handle(Incoming.text("u1", "c1", ChatType.PRIVATE, Lang.RU, text)).get(0).text().plain();
    }

    @Test
    void aConversationInProgressResumesAfterARestart() {
        try (Store store = Store.open(dir)) {
            ConversationCore core = core(store);
            assertEquals("n=0", say(core, "/count"));
            assertEquals("n=1", say(core, "раз"));
            assertEquals("n=2", say(core, "два"));
        }
        try (Store store = Store.open(dir)) {
            assertEquals("n=3", say(core(store), "три"));
        }
    }

    @Test
    void progressIsAKeyValueMapPerUserAndAddsAtomically() throws Exception {
        try (Store store = Store.open(dir)) {
            Progress p = store.progress();
            assertTrue(p.get("u1", "drill.best.dissatisfied-client").isEmpty());
            p.put("u1", "drill.best.dissatisfied-client", "85");
            p.put("u1", "drill.best.late-project", "{\"score\":70}");
            p.put("u1", "quiz.done", "true");
            p.put("u2", "drill.best.dissatisfied-client", "40");
            assertEquals(Optional.of("85"), p.get("u1", "drill.best.dissatisfied-client"));
            assertEquals(List.of("drill.best.dissatisfied-client", "drill.best.late-project"), new ArrayList<>(p.all("u1", "drill.").keySet()));
            assertEquals(3, p.all("u1", "").size());
            assertTrue(p.remove("u1", "quiz.done"));
            assertFalse(p.remove("u1", "quiz.done"));

            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        p.add("u1", "drills.done", 1);
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            pool.shutdown();
            assertEquals(Optional.of("200"), p.get("u1", "drills.done"));
            assertEquals(205, p.add("u1", "drills.done", 5));
        }
        try (Store store = Store.open(dir)) {
            assertEquals(Optional.of("205"), store.progress().get("u1", "drills.done"));
        }
    }

    @Test
    void userLanguageIsRemembered() {
        try (Store store = Store.open(dir)) {
            assertTrue(store.users().language("42").isEmpty());
            store.users().setLanguage("42", Lang.EN);
            store.users().setLanguage("43", Lang.RU);
        }
        try (Store store = Store.open(dir)) {
            assertEquals(Optional.of(Lang.EN), store.users().language("42"));
            assertEquals(Optional.of(Lang.RU), store.users().language("43"));
            store.users().setLanguage("42", null);
            assertTrue(store.users().language("42").isEmpty());
        }
    }

    @Test
    void subscriptionsAreKeptChangedDisabledAndListedWhenDue() {
        Instant t0 = Instant.parse("2025-06-02T06:00:00Z");
        try (Store store = Store.open(dir)) {
            Subscriptions subs = store.subscriptions();
            subs.subscribe("-100", ChatType.CHANNEL, Lang.RU, LocalTime.of(9, 0), ZoneId.of("Europe/Moscow"), "7", t0);
            subs.subscribe("-200", ChatType.SUPERGROUP, Lang.EN, LocalTime.of(8, 30), ZoneId.of("Europe/Berlin"), "8", t0.plusSeconds(3600));
            assertEquals(2, subs.countEnabled());
            assertEquals(List.of("-100"), subs.due(t0, 10).stream().map(Subscription::chatId).toList());
            assertEquals(Optional.of(t0), subs.earliestDue());
            assertTrue(subs.disable("-100", Subscriptions.REASON_UNSUBSCRIBED));
            assertFalse(subs.disable("-100", Subscriptions.REASON_REMOVED), "already off");
            assertTrue(subs.due(t0.plusSeconds(7200), 10).stream().noneMatch(s -> s.chatId().equals("-100")));
            subs.reschedule("-200", t0.minusSeconds(60));
            assertEquals(t0.plusSeconds(3600), subs.get("-200").orElseThrow().nextDueAt(), "reschedule only moves forward");
        }
        try (Store store = Store.open(dir)) {
            Subscription s = store.subscriptions().get("-100").orElseThrow();
            assertFalse(s.enabled());
            assertEquals(Subscriptions.REASON_UNSUBSCRIBED, s.disabledReason());
            assertEquals(ChatType.CHANNEL, s.chatType());
            Subscription again = store.subscriptions().subscribe("-100", ChatType.CHANNEL, Lang.EN, LocalTime.of(7, 15), ZoneId.of("Asia/Almaty"), "9", t0);
            assertTrue(again.enabled());
            assertEquals(null, again.disabledReason());
            assertEquals(LocalTime.of(7, 15), again.time());
            assertEquals(ZoneId.of("Asia/Almaty"), again.zone());
            assertEquals(Lang.EN, again.lang());
            assertEquals("9", again.subscribedBy());
        }
    }

    @Test
    void dailyClaimsAreUniquePerChatAndDate() {
        java.time.LocalDate day = java.time.LocalDate.parse("2025-06-02");
        Instant now = Instant.parse("2025-06-02T06:00:00Z");
        try (Store store = Store.open(dir)) {
            store.subscriptions().subscribe("c", ChatType.GROUP, Lang.RU, LocalTime.of(9, 0), ZoneId.of("Europe/Moscow"), "u", now);
            TipLedger.Picker picker = (cycle, seen, last) -> new TipLedger.Pick("tip-" + seen.size(), cycle);
            assertEquals(Optional.of("tip-0"), store.tips().claimDaily("c", day, now.plusSeconds(86400), "a", now, "daily:c", picker));
            assertEquals(Optional.empty(), store.tips().claimDaily("c", day, now.plusSeconds(86400), "b", now, "daily:c", picker));
            assertEquals(Optional.of("tip-1"), store.tips().claimDaily("c", day.plusDays(1), now.plusSeconds(2 * 86400), "b", now, "daily:c", picker));
            TipLedger.Delivery d = store.tips().delivery("c", day).orElseThrow();
            assertEquals("a", d.claimedBy());
            assertEquals(TipLedger.CLAIMED, d.status());
            assertEquals(now.plusSeconds(2 * 86400), store.subscriptions().get("c").orElseThrow().nextDueAt());
        }
    }

    @Test
    void identifiersAreChecked() {
        try (Store store = Store.open(dir)) {
            assertThrows(IllegalArgumentException.class, () -> store.sessions().get(new SessionKey("x".repeat(200), "u")));
            assertThrows(IllegalArgumentException.class, () -> store.progress().put("", "k", "v"));
            assertThrows(IllegalArgumentException.class, () -> store.progress().put("u", "k", null));
        }
    }
}
