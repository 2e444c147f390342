package coach.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.core.ChatType;
import coach.core.SessionKey;
import coach.core.SessionState;
import coach.store.Feed;
import coach.store.Practice;
import coach.store.Store;
import coach.store.StoreConfig;
import coach.store.Subscriptions;
import coach.store.TipLedger;
import coach.text.Lang;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Practice history, sharing, memberships, the weekly feed and /forget on a real PostgreSQL server:
 * runs when {@code COACH_TEST_PG_URL} is set (see {@code coach.tips.PostgresStoreTest}), in a fresh schema.
 */
@EnabledIfEnvironmentVariable(named = "COACH_TEST_PG_URL", matches = ".+")
class PostgresPracticeTest {
    static final String SCHEMA = "coach_progress_it";
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

    @Test
    void historyTeamAndForgetWorkOnPostgres() throws Exception {
        try (Store store = Store.open(StoreConfig.jdbc(url, user, password))) {
            Practice p = Practice.of(store);
            Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
            p.record("u1", Practice.DRILL, "dissatisfied-client", 40, Map.of("apology", new int[]{0, 2}, "polite", new int[]{2, 2}), t0);
            p.record("u1", Practice.QUIZ, "q1", 0, Map.of("regular_contact", new int[]{0, 1}), t0.plusSeconds(60));
            p.record("u2", Practice.DRILL, "project-delay", 90, Map.of("apology", new int[]{1, 1}), t0);
            assertEquals(2, p.runs("u1", null, null).size());
            assertEquals("q1", p.runs("u1", null, null).get(0).itemId(), "newest first");
            assertEquals(3, p.criteria("u1", null).size());
            History h = History.of(p.runs("u1", null, null), p.criteria("u1", null));
            assertEquals("apology", h.weakest(1).get(0).criterionId(), "0 % of two beats 0 % of one");

            p.scheduleReview("u1", "q1", 1, t0.plusSeconds(86_400), 0);
            assertTrue(p.dueReviews("u1", t0).isEmpty());
            assertEquals(1, p.dueReviews("u1", t0.plusSeconds(86_400)).size());

            assertFalse(p.isShared("u1"));
            p.setShared("u1", true);
            p.memberSeen("-100", "u1", "Анна", t0);
            p.memberSeen("-100", "u2", "Борис", t0);
            List<Practice.Member> members = p.members("-100");
            assertEquals(List.of("Анна", "Борис"), members.stream().map(Practice.Member::displayName).toList());
            assertEquals(List.of(true, false), members.stream().map(Practice.Member::shared).toList());

            Subscriptions weekly = Subscriptions.of(store, Feed.WEEKLY);
            weekly.subscribe("-100", ChatType.SUPERGROUP, Lang.RU, DayOfWeek.FRIDAY, LocalTime.of(16, 0), ZoneId.of("Europe/Moscow"), "u1", t0);
            assertEquals(DayOfWeek.FRIDAY, weekly.get("-100").orElseThrow().weekday());
            TipLedger ledger = TipLedger.of(store, Feed.WEEKLY);
            LocalDate friday = LocalDate.parse("2026-12-04");
            assertTrue(ledger.claimSlot("-100", friday, t0.plusSeconds(7 * 86_400), "a", t0, "digest"));
            assertFalse(ledger.claimSlot("-100", friday, t0.plusSeconds(7 * 86_400), "b", t0, "digest"), "claimed once");
            store.subscriptions().subscribe("u1", ChatType.PRIVATE, Lang.RU, LocalTime.of(9, 0), ZoneId.of("Europe/Moscow"), "u1", t0);
            store.sessions().put(new SessionKey("u1", "u1"), new SessionState("quiz", JsonNodeFactory.instance.objectNode().put("format", 1), 1));
            store.users().setLanguage("u1", Lang.EN);
            store.progress().put("u1", "drill.dissatisfied-client.best", "40");

            // a group upgraded to a supergroup keeps its members and its digest
            p.memberSeen("-200", "u2", "Борис", t0);
            weekly.subscribe("-200", ChatType.GROUP, Lang.RU, DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("Europe/Moscow"), "u2", t0);
            p.migrateChat("-200", "-100200");
            assertEquals(List.of("u2"), p.members("-100200").stream().map(Practice.Member::userId).toList());
            assertTrue(p.members("-200").isEmpty());
            assertEquals(DayOfWeek.MONDAY, weekly.get("-100200").orElseThrow().weekday());
            assertTrue(weekly.get("-200").isEmpty());

            assertTrue(rowsWith("u1") > 5);
            p.forget("u1", "u1");
            assertEquals(0, rowsWith("u1"), "no row in any table of the schema holds the user's id");
            assertTrue(rowsWith("u2") > 0, "other users' rows stay");
            assertTrue(weekly.get("-100").orElseThrow().enabled(), "the group's digest stays, without its subscriber");
        }
    }

    static int rowsWith(String id) throws Exception {
        int n = 0;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, SCHEMA, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.contains("practice_runs"), tables.toString());
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + SCHEMA + "." + t)) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= cols; i++) {
                            String v = rs.getString(i);
                            if (v != null && (v.equals(id) || v.endsWith(":" + id) || v.contains(":" + id + ":"))) {
                                n++;
                                break;
                            }
                        }
                    }
                }
            }
        }
        return n;
    }
}
