package coach.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import coach.LogCapture;
import coach.TestKb;
import coach.core.ChatType;
import coach.store.Store;
import coach.text.Lang;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tips claimed by a process that died before recording the send are reported as soon as the next one starts. */
class LostTipsReportTest {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path dir;

    @Test
    void claimsWithoutARecordedSendAreReportedAtOnceOnAQuickRestart() throws Exception {
        Instant nine = LocalDateTime.parse("2025-06-02T09:00").atZone(MOSCOW).toInstant();
        LocalDate day = LocalDate.parse("2025-06-02");
        TipCatalogue catalogue = TipCatalogue.load(TestKb.kb());
        try (Store store = Store.open(dir)) {
            for (int i = 0; i < 23; i++) {
                String chat = "-100" + (700 + i);
                store.subscriptions().subscribe(chat, ChatType.SUPERGROUP, Lang.RU, LocalTime.of(9, 0), MOSCOW, "admin", nine);
                // the crashed process claimed them and died before the result was recorded
                store.tips().claimDaily(chat, day, nine.plus(Duration.ofDays(1)), "crashed-1", nine, "daily:" + chat,
                        Rotation.picker(catalogue.ids(), "daily:" + chat));
            }
        }
        MutableClock clock = new MutableClock(nine.plusSeconds(20)); // restarted 20 s later
        try (Store store = Store.open(dir); LogCapture log = new LogCapture(TipScheduler.class.getName(), Level.WARN)) {
            RecordingSender sender = new RecordingSender(clock);
            try (TipScheduler s = new TipScheduler(store, catalogue, sender, clock, TipScheduler.Settings.defaults())) {
                s.start();
                List<String> warned = log.messages();
                assertEquals(1, warned.size(), warned.toString());
                assertTrue(warned.get(0).startsWith("23 daily tip(s) were claimed but their sending was never confirmed"), warned.get(0));
                assertTrue(warned.get(0).contains("-100700 on 2025-06-02"), warned.get(0));
            }
            assertEquals(List.of(), sender.calls(), "and none of them is sent again");
        }
    }
}
