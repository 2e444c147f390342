package coach.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import coach.LogCapture;
import coach.TestKb;
import coach.app.Coach;
import coach.core.ChatType;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.store.Store;
import coach.store.StoreConfig;
import coach.store.Subscriptions;
import coach.text.Lang;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscription row the scheduler cannot decode (a zone a newer JDK knows, a row written by another
 * replica or by hand) is skipped and reported; every other chat still gets its tip, and the bad
 * chat's /subscribe shows the problem and stores a fresh setting.
 */
class BadSubscriptionRowTest {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path dir;

    /** Writes a row as another program would, bypassing the store's own checks. */
    static void rawRow(Path dir, String chat, String type, String time, String zone, long nextDue) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(StoreConfig.DB_FILE));
             PreparedStatement ps = c.prepareStatement("INSERT INTO subscriptions (chat_id, chat_type, lang, send_time, time_zone, enabled, "
                     + "next_due_at, subscribed_by, created_at, updated_at) VALUES (?, ?, 'ru', ?, ?, 1, ?, 'admin', 0, 0)")) {
            ps.setString(1, chat);
            ps.setString(2, type);
            ps.setString(3, time);
            ps.setString(4, zone);
            ps.setLong(5, nextDue);
            ps.executeUpdate();
        }
    }

    @Test
    void badRowsAreSkippedAndReportedOnceWhileEveryOtherChatGetsItsTip() throws Exception {
        Instant eight = LocalDateTime.parse("2025-06-02T08:00").atZone(MOSCOW).toInstant();
        MutableClock clock = new MutableClock(eight);
        try (Store store = Store.open(dir)) {
            for (int i = 0; i < 19; i++) {
                store.subscriptions().subscribe("-100" + (500 + i), ChatType.SUPERGROUP, Lang.RU, LocalTime.of(9, 0), MOSCOW, "admin",
                        DailySlots.firstFrom(eight, LocalTime.of(9, 0), MOSCOW));
            }
        }
        long due = eight.plusSeconds(1800).toEpochMilli();
        // earlier than the healthy rows, so they come first in the due list; more of them than a batch
        for (int i = 0; i < 12; i++) {
            rawRow(dir, "-200" + i, "SUPERGROUP", "09:00", "America/Coyhaique" + (i == 0 ? "" : "X" + i), due - 1000);
        }
        rawRow(dir, "-300", "SUPERGROUP", "9 am", "Europe/Moscow", due - 1000);
        rawRow(dir, "-301", "HOLOGRAM", "09:00", "Europe/Moscow", due - 1000);
        clock.set(LocalDateTime.parse("2025-06-02T09:00").atZone(MOSCOW).toInstant());
        try (Store store = Store.open(dir);
             LogCapture log = new LogCapture(Subscriptions.class.getName(), Level.WARN)) {
            RecordingSender sender = new RecordingSender(clock);
            try (TipScheduler s = new TipScheduler(store, TipCatalogue.load(TestKb.kb()), sender, clock,
                    TipScheduler.Settings.defaults().withBatchSize(10))) {
                TipScheduler.Report r = s.runDue();
                assertEquals(0, r.errors());
                assertEquals(19, r.sent(), "every healthy chat got its tip");
                assertEquals(19, sender.delivered().stream().map(RecordingSender.Sent::chatId).distinct().count());
                assertEquals(0, s.runDue().sent(), "and only once");
            }
            assertEquals(1, log.count("-2000"), "reported once, with the chat id: " + log.messages());
            assertTrue(log.messages().stream().anyMatch(m -> m.contains("-2000") && m.contains("America/Coyhaique")), log.messages().toString());
            assertEquals(1, log.count("-300 "), log.messages().toString());
            assertEquals(1, log.count("-301 "), log.messages().toString());
            // the start-up check lists them
            List<Subscriptions.BadRow> bad = store.subscriptions().unreadable();
            assertEquals(14, bad.size(), bad.toString());
            assertEquals("zone", bad.stream().filter(b -> b.chatId().equals("-2000")).findFirst().orElseThrow().field());
            assertEquals(14, log.events().size(), "each bad row is logged once per process, also by the start-up check: "
                    + log.messages().stream().collect(Collectors.joining("\n")));
        }
    }

    @Test
    void theBadChatsSubscribeShowsTheProblemAndAnAdminCanFixIt() throws Exception {
        Store.open(dir).close();
        rawRow(dir, "-2001", "SUPERGROUP", "09:00", "America/Coyhaique", 0);
        try (Store store = Store.open(dir)) {
            Coach coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL));
            String shown = say(coach, "/subscribe");
            assertTrue(shown.contains("America/Coyhaique"), shown);
            assertTrue(shown.contains("/subscribe 09:00 Europe/Moscow"), shown);
            assertTrue(!shown.contains("Что-то пошло не так"), shown);
            String fixed = say(coach, "/subscribe 10:30 Europe/Moscow");
            assertTrue(fixed.contains("10:30"), fixed);
            assertEquals(LocalTime.of(10, 30), store.subscriptions().get("-2001").orElseThrow().time());
            assertEquals(List.of(), store.subscriptions().unreadable());
            assertTrue(say(coach, "/subscribe").contains("10:30"));
        }
    }

    static String say(Coach coach, String text) {
        List<Reply> r = coach.core().handle(Incoming.text("admin1", "-2001", ChatType.SUPERGROUP, Lang.RU, text));
        return r.stream().map(x -> x.text().plain()).collect(Collectors.joining("\n"));
    }
}
