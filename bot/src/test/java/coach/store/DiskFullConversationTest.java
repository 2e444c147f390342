package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import coach.LogCapture;
import coach.TestKb;
import coach.app.Coach;
import coach.core.ChatType;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.text.Lang;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up while the coach runs: the user is told what could not be saved (not «Что-то пошло
 * не так»), the log gets one line without a stack trace, and everything works again once space is back.
 */
class DiskFullConversationTest {
    /** The file's cap in pages: room for the schema (51 pages with V30), then filled up by the test. */
    static final int PAGES = 56;
    @TempDir
    Path dir;

    static String say(Coach coach, String text) {
        List<Reply> r = coach.core().handle(Incoming.text("admin1", "-100777", ChatType.SUPERGROUP, Lang.RU, text));
        return r.stream().map(x -> x.text().plain()).collect(Collectors.joining("\n"));
    }

    /** Fills the capped database to the last page, through the tables the commands write to (fast: no fsync). */
    static void fill(StoreConfig config) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(config.url()); var st = c.createStatement()) {
            st.execute("PRAGMA synchronous = OFF");
            st.execute("PRAGMA max_page_count = " + PAGES);
            String[] inserts = {
                "INSERT INTO progress (user_id, item_key, item_value, updated_at) VALUES ('filler', 'k%d', '%s', 0)",
                "INSERT INTO subscriptions (chat_id, chat_type, lang, send_time, time_zone, enabled, next_due_at, subscribed_by, created_at, updated_at) "
                        + "VALUES ('-fill%d', 'GROUP', 'ru', '12:00', 'Europe/Moscow', 0, 0, 'filler%s', 0, 0)",
                "INSERT INTO sessions (chat_id, user_id, kind, data, version, updated_at) VALUES ('fill%d', 'u', 'drill', '%s', 1, 0)"};
            int n = 0;
            for (String sql : inserts) {
                for (int size : new int[] {4_000, 400, 40, 1}) {
                    while (n < 100_000) {
                        try {
                            st.execute(String.format(sql, n++, "x".repeat(sql.contains("filler%s") ? 0 : size)));
                        } catch (java.sql.SQLException e) {
                            break;
                        }
                    }
                }
            }
        }
    }

    @Test
    void aFullDiskIsExplainedToTheUserWithoutStackTracesAndPassesWhenSpaceIsBack() throws Exception {
        StoreConfig config = StoreConfig.sqlite(dir).withSqliteMaxPageCount(PAGES);
        try (Store store = Store.open(config); LogCapture log = new LogCapture("coach", Level.WARN)) {
            Coach coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL));
            fill(config);
            String sub = say(coach, "/subscribe 10:00 Europe/Moscow");
            assertTrue(sub.contains("Не получилось сохранить настройку совета дня"), sub);
            assertTrue(sub.contains("закончилось место"), sub);
            assertFalse(sub.contains("Что-то пошло не так"), sub);
            String drill = say(coach, "/drill dissatisfied-client");
            assertTrue(drill.contains("Не получилось сохранить"), drill);
            assertTrue(log.events().stream().noneMatch(e -> e.getThrowableProxy() != null),
                    "no stack trace is logged: " + log.messages());
            assertTrue(log.messages().stream().anyMatch(m -> m.contains("disk is full")), log.messages().toString());

            // space is back
            try (var c = java.sql.DriverManager.getConnection(config.url()); PreparedStatement ps = c.prepareStatement("DELETE FROM progress WHERE user_id = 'filler'");
                 PreparedStatement ps2 = c.prepareStatement("DELETE FROM subscriptions WHERE subscribed_by = 'filler'");
                 PreparedStatement ps3 = c.prepareStatement("DELETE FROM sessions WHERE chat_id LIKE 'fill%'")) {
                ps3.executeUpdate();
                ps.executeUpdate();
                ps2.executeUpdate();
            }
            String ok = say(coach, "/subscribe 10:00 Europe/Moscow");
            assertTrue(ok.contains("10:00"), ok);
            assertEquals("10:00", store.subscriptions().get("-100777").orElseThrow().time().toString());
        }
    }
}
