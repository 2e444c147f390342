package coach.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.core.ChatType;
import coach.store.Store;
import coach.store.TipLedger;
import coach.text.Lang;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot process is killed (SIGKILL) in the middle of a broadcast, between claiming a chat's tip and
 * recording its result; the restarted process must send every other chat its tip once and never send
 * the interrupted chat a second one.
 */
class TipCrashTest {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final LocalDate DAY = LocalDate.parse("2025-06-02");
    static final int CHATS = 12;
    static final int BLOCK_AT = 5;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"before-send", "after-send"})
    void aKilledProcessNeverCausesADoubleSend(String mode) throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("sent.log");
        Instant eight = DAY.atTime(8, 0).atZone(MOSCOW).toInstant();
        try (Store store = Store.open(data)) {
            for (int i = 0; i < CHATS; i++) {
                store.subscriptions().subscribe(String.format("chat%02d", i), ChatType.GROUP, Lang.RU, LocalTime.of(9, 0), MOSCOW, "admin",
                        DailySlots.firstFrom(eight, LocalTime.of(9, 0), MOSCOW));
            }
        }
        Instant nine = DAY.atTime(9, 0).atZone(MOSCOW).toInstant();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                data.toString(), TestKb.dir().toString(), log.toString(), Integer.toString(BLOCK_AT), mode, nine.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String blocked = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("BLOCKED ")) {
                    blocked = line.substring("BLOCKED ".length()).strip();
                    break;
                }
            }
            assertNotNull(blocked, "the child reached the send it hangs in:\n" + output);
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no graceful close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        List<String> sentByChild = Files.exists(log) ? Files.readAllLines(log) : List.of();
        assertEquals(mode.equals("after-send") ? BLOCK_AT : BLOCK_AT - 1, sentByChild.size(), sentByChild.toString());

        // the restarted bot, a few minutes later
        MutableClock clock = new MutableClock(nine.plus(Duration.ofMinutes(3)));
        RecordingSender sender = new RecordingSender(clock);
        try (Store store = Store.open(data);
             TipScheduler s = new TipScheduler(store, TipCatalogue.load(TestKb.kb()), sender, clock, TipScheduler.Settings.defaults())) {
            TipScheduler.Report r = s.runDue();
            assertEquals(CHATS - BLOCK_AT, r.sent());
            assertEquals(0, r.errors());
            TipLedger.Delivery d = store.tips().delivery(blocked, DAY).orElseThrow();
            assertEquals(TipLedger.CLAIMED, d.status(), "the interrupted claim stays as it was");
            assertEquals(1, store.tips().interrupted(clock.instant()).size());
            assertEquals(0, s.runDue().sent(), "a second pass sends nothing");
        }
        Map<String, Integer> perChat = new HashMap<>();
        sentByChild.forEach(c -> perChat.merge(c, 1, Integer::sum));
        sender.delivered().forEach(c -> perChat.merge(c.chatId(), 1, Integer::sum));
        assertTrue(perChat.values().stream().allMatch(n -> n == 1), "never twice: " + perChat);
        assertFalse(sender.deliveredTo(blocked).size() > 0, "the interrupted chat is not sent again");
        if (mode.equals("after-send")) {
            assertEquals(CHATS, perChat.size(), "every chat got its tip exactly once");
        } else {
            assertEquals(CHATS - 1, perChat.size(), "only the chat in flight missed its tip");
            assertFalse(perChat.containsKey(blocked));
        }
    }
}
