package coach.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.core.ChatType;
import coach.core.SendResult;
import coach.store.Store;
import coach.store.Subscription;
import coach.store.Subscriptions;
import coach.store.TipLedger;
import coach.text.Lang;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily scheduler over a real SQLite file, with the clock moved by hand. */
class TipSchedulerTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static TipCatalogue catalogue;

    @TempDir
    Path dir;
    Store store;
    MutableClock clock;
    List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void loadTips() {
        catalogue = TipCatalogue.load(TestKb.kb());
    }

    @BeforeEach
    void open() {
        store = Store.open(dir);
        clock = new MutableClock(Instant.parse("2025-03-05T00:00:00Z"));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        store.close();
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    void subscribe(Store s, String chat, String time, ZoneId zone) {
        LocalTime t = LocalTime.parse(time);
        s.subscriptions().subscribe(chat, ChatType.GROUP, Lang.RU, t, zone, "admin", DailySlots.firstFrom(clock.instant(), t, zone));
    }

    TipScheduler scheduler(Store s, RecordingSender sender, TipScheduler.Settings settings) {
        TipScheduler sch = new TipScheduler(s, catalogue, sender, clock, settings);
        toClose.add(0, sch);
        return sch;
    }

    TipScheduler scheduler(RecordingSender sender) {
        return scheduler(store, sender, TipScheduler.Settings.defaults().withPollInterval(Duration.ofHours(6)));
    }

    /** Local dates on which the chat got a tip, in order. */
    static List<LocalDate> dates(RecordingSender sender, String chat, ZoneId zone) {
        return sender.deliveredTo(chat).stream().map(s -> LocalDate.ofInstant(s.at(), zone)).toList();
    }

    @Test
    void threeZonesAcrossBothDstSwitchesGetOneTipEveryLocalDayAtNine() {
        // 2025-03-09: New York springs forward; 2025-03-30: Berlin does; Moscow has no DST.
        clock.set(Instant.parse("2025-03-05T00:00:00Z"));
        subscribe(store, "berlin", "09:00", BERLIN);
        subscribe(store, "newyork", "09:00", NEW_YORK);
        subscribe(store, "moscow", "09:00", MOSCOW);
        RecordingSender sender = new RecordingSender(clock);
        TipScheduler sch = scheduler(sender);
        Random random = new Random(42);
        Instant end = Instant.parse("2025-04-03T00:00:00Z");
        int passes = 0;
        while (clock.instant().isBefore(end)) {
            TipScheduler.Report r = sch.runDue();
            passes++;
            assertEquals(0, r.errors());
            // like the real timer: wake at the next slot; sometimes also at a random earlier moment
            Instant next = r.nextWake();
            assertTrue(next.isAfter(clock.instant()), "the next wake is ahead once due work is done");
            if (random.nextInt(3) == 0) {
                long span = Duration.between(clock.instant(), next).toMillis();
                next = clock.instant().plusMillis(1 + (long) (random.nextDouble() * span));
            }
            clock.set(next);
        }
        assertTrue(passes > 84, "passes: " + passes);
        Map<String, ZoneId> chats = Map.of("berlin", BERLIN, "newyork", NEW_YORK, "moscow", MOSCOW);
        for (Map.Entry<String, ZoneId> e : chats.entrySet()) {
            List<LocalDate> days = dates(sender, e.getKey(), e.getValue());
            assertEquals(LocalDate.parse("2025-03-05"), days.get(0), e.getKey());
            assertEquals(LocalDate.parse("2025-04-02"), days.get(days.size() - 1), e.getKey());
            assertEquals(29, days.size(), e.getKey() + " one tip per local day: " + days);
            assertEquals(29, new HashSet<>(days).size(), e.getKey() + " never twice a day");
            for (RecordingSender.Sent s : sender.deliveredTo(e.getKey())) {
                assertEquals(LocalTime.of(9, 0), s.at().atZone(e.getValue()).toLocalTime(), e.getKey() + " at nine local: " + s.at());
            }
        }
        // the same local nine o'clock is a different UTC hour on each side of a DST switch
        assertTrue(sentOn(sender, "newyork", "2025-03-07T14:00:00Z"));
        assertTrue(sentOn(sender, "newyork", "2025-03-10T13:00:00Z"));
        assertTrue(sentOn(sender, "berlin", "2025-03-28T08:00:00Z"));
        assertTrue(sentOn(sender, "berlin", "2025-03-31T07:00:00Z"));
        assertTrue(sentOn(sender, "moscow", "2025-03-10T06:00:00Z"));
        assertTrue(sentOn(sender, "moscow", "2025-03-31T06:00:00Z"));
        // every delivery row is "sent", one per chat and day
        assertEquals(Map.of(TipLedger.SENT, 87), store.tips().countByStatus());
    }

    private static boolean sentOn(RecordingSender sender, String chat, String instant) {
        return sender.deliveredTo(chat).stream().anyMatch(s -> s.at().equals(Instant.parse(instant)));
    }

    @Test
    void aTimeSkippedOrRepeatedByDstIsSentOnceThatDay() {
        clock.set(at("2025-03-28T12:00", BERLIN));
        subscribe(store, "night", "02:30", BERLIN);
        RecordingSender sender = new RecordingSender(clock);
        TipScheduler sch = scheduler(sender);
        // tick every 10 minutes over the spring-forward night and the fall-back night
        for (Instant t = clock.instant(); t.isBefore(at("2025-04-01T00:00", BERLIN)); t = t.plus(Duration.ofMinutes(10))) {
            clock.set(t);
            sch.runDue();
        }
        clock.set(at("2025-10-24T12:00", BERLIN));
        for (Instant t = clock.instant(); t.isBefore(at("2025-10-28T00:00", BERLIN)); t = t.plus(Duration.ofMinutes(10))) {
            clock.set(t);
            sch.runDue();
        }
        List<LocalDate> days = dates(sender, "night", BERLIN);
        assertEquals(List.of("2025-03-29", "2025-03-30", "2025-03-31", "2025-10-24", "2025-10-25", "2025-10-26", "2025-10-27"),
                days.stream().map(LocalDate::toString).toList());
        // 02:30 does not exist on 30 March: the tip comes at 03:30 CEST; on 26 October 02:30 happens twice: the first one
        assertTrue(sentOn(sender, "night", "2025-03-30T01:30:00Z"), sender.deliveredTo("night").toString());
        assertTrue(sentOn(sender, "night", "2025-10-26T00:30:00Z"), sender.deliveredTo("night").toString());
    }

    @Test
    void downAtSendTimeAndBackTheSameDaySendsOnceOnStart() {
        clock.set(at("2025-06-02T08:00", MOSCOW));
        subscribe(store, "c1", "09:00", MOSCOW);
        RecordingSender sender = new RecordingSender(clock);
        clock.set(at("2025-06-02T13:17", MOSCOW)); // the process was down from 08:00 to 13:17
        TipScheduler sch = scheduler(sender);
        assertEquals(1, sch.runDue().sent());
        assertEquals(0, sch.runDue().sent());
        clock.set(at("2025-06-02T23:59", MOSCOW));
        assertEquals(0, sch.runDue().sent());
        assertEquals(List.of(LocalDate.parse("2025-06-02")), dates(sender, "c1", MOSCOW));
        assertEquals(at("2025-06-03T09:00", MOSCOW), store.subscriptions().get("c1").orElseThrow().nextDueAt());
    }

    @Test
    void aMissedDayIsNotSentLate() {
        clock.set(at("2025-06-02T08:00", MOSCOW));
        subscribe(store, "c1", "09:00", MOSCOW);
        subscribe(store, "c2", "09:00", MOSCOW);
        RecordingSender sender = new RecordingSender(clock);
        TipScheduler sch = scheduler(sender);
        // down all of Monday; c1 comes back Tuesday before nine, c2 ... both see Tuesday only
        clock.set(at("2025-06-03T08:30", MOSCOW));
        TipScheduler.Report r = sch.runDue();
        assertEquals(0, r.sent());
        assertEquals(2, r.rescheduled());
        assertEquals(at("2025-06-03T09:00", MOSCOW), r.nextWake());
        clock.set(at("2025-06-03T09:00", MOSCOW));
        assertEquals(2, sch.runDue().sent());
        // down from Tuesday after the tip until Thursday noon: Wednesday is skipped, Thursday is sent on start
        clock.set(at("2025-06-05T12:00", MOSCOW));
        assertEquals(2, sch.runDue().sent());
        assertEquals(List.of(LocalDate.parse("2025-06-03"), LocalDate.parse("2025-06-05")), dates(sender, "c1", MOSCOW));
        assertTrue(store.tips().delivery("c1", LocalDate.parse("2025-06-04")).isEmpty());
    }

    @Test
    void subscribingAfterTodaysTimeStartsTomorrow() {
        clock.set(at("2025-06-02T10:00", MOSCOW));
        subscribe(store, "c1", "09:00", MOSCOW);
        RecordingSender sender = new RecordingSender(clock);
        TipScheduler sch = scheduler(sender);
        assertEquals(0, sch.runDue().sent());
        clock.set(at("2025-06-03T09:00", MOSCOW));
        assertEquals(1, sch.runDue().sent());
        // re-subscribing the same day with a later time does not bring a second tip today
        subscribe(store, "c1", "18:00", MOSCOW);
        clock.set(at("2025-06-03T18:05", MOSCOW));
        TipScheduler.Report r = sch.runDue();
        assertEquals(0, r.sent());
        assertEquals(1, r.alreadyClaimed());
        clock.set(at("2025-06-04T18:00", MOSCOW));
        assertEquals(1, sch.runDue().sent());
    }

    @Test
    void eachChatGoesThroughAllTipsBeforeAnyRepeat() {
        clock.set(at("2025-01-01T08:00", MOSCOW));
        subscribe(store, "c1", "09:00", MOSCOW);
        subscribe(store, "c2", "09:00", MOSCOW);
        RecordingSender sender = new RecordingSender(clock);
        TipScheduler sch = scheduler(sender);
        int n = catalogue.size();
        for (int day = 0; day < n + 5; day++) {
            clock.set(at("2025-01-01T09:00", MOSCOW).plus(Duration.ofDays(day)));
            assertEquals(2, sch.runDue().sent());
        }
        List<String> c1 = tipIds("c1");
        List<String> c2 = tipIds("c2");
        assertEquals(n, new HashSet<>(c1.subList(0, n)).size(), "first cycle shows every tip once");
        assertEquals(Set.copyOf(catalogue.ids()), new HashSet<>(c1.subList(0, n)));
        assertFalse(c1.subList(0, 10).equals(c2.subList(0, 10)), "each chat has its own order");
        assertEquals(Rotation.order(catalogue.ids(), "daily:c1", 0), c1.subList(0, n), "the order is the reproducible shuffle");
        assertFalse(c1.get(n - 1).equals(c1.get(n)), "no repeat across the cycle boundary");
    }

    private List<String> tipIds(String chat) {
        return store.tips().deliveries(chat).stream().map(TipLedger.Delivery::tipId).toList();
    }

    @Test
    void a429StormIsRetriedTheSameDayAndNeverDoubles() {
        clock.set(at("2025-06-02T08:00", MOSCOW));
        for (int i = 0; i < 10; i++) {
            subscribe(store, "c" + i, "09:00", MOSCOW);
        }
        // the transport gave up on the first 15 messages (rate limited), then recovered
        RecordingSender sender = new RecordingSender(clock).answering((chat, n) ->
                n <= 15 ? SendResult.failed("429 Too Many Requests: retry after 30") : SendResult.sent());
        TipScheduler sch = scheduler(store, sender, TipScheduler.Settings.defaults().withRetryDelay(Duration.ofMinutes(10)).withMaxAttempts(3)
                .withPollInterval(Duration.ofHours(6)));
        clock.set(at("2025-06-02T09:00", MOSCOW));
        TipScheduler.Report r1 = sch.runDue();
        assertEquals(10, r1.failed());
        assertEquals(at("2025-06-02T09:10", MOSCOW), r1.nextWake(), "wakes for the retries");
        clock.set(r1.nextWake());
        TipScheduler.Report r2 = sch.runDue();
        assertEquals(10, r2.retried());
        assertEquals(5, r2.sent());
        clock.set(r2.nextWake());
        TipScheduler.Report r3 = sch.runDue();
        assertEquals(5, r3.sent());
        for (int i = 0; i < 10; i++) {
            assertEquals(1, sender.deliveredTo("c" + i).size());
            TipLedger.Delivery d = store.tips().delivery("c" + i, LocalDate.parse("2025-06-02")).orElseThrow();
            assertEquals(TipLedger.SENT, d.status());
        }
        // retries send the tip that was claimed, not a new one
        Set<String> texts = new HashSet<>();
        for (RecordingSender.Sent s : sender.calls()) {
            if (s.chatId().equals("c0")) {
                texts.add(s.reply().text().plain());
            }
        }
        assertEquals(1, texts.size());
    }

    @Test
    void anEndlessStormGivesUpAfterMaxAttemptsAndTheNextDayIsFine() {
        clock.set(at("2025-06-02T08:00", MOSCOW));
        subscribe(store, "c1", "09:00", MOSCOW);
        AtomicInteger broken = new AtomicInteger(1);
        RecordingSender sender = new RecordingSender(clock).answering((chat, n) -> {
            if (broken.get() == 1) {
                throw new IllegalStateException("connection reset");
            }
            return SendResult.sent();
        });
        TipScheduler sch = scheduler(store, sender, TipScheduler.Settings.defaults().withRetryDelay(Duration.ofMinutes(10)).withMaxAttempts(3));
        clock.set(at("2025-06-02T09:00", MOSCOW));
        for (int i = 0; i < 10; i++) {
            sch.runDue();
            clock.advance(Duration.ofMinutes(10));
        }
        assertEquals(3, sender.calls().size(), "three attempts, then it stops");
        TipLedger.Delivery d = store.tips().delivery("c1", LocalDate.parse("2025-06-02")).orElseThrow();
        assertEquals(TipLedger.FAILED, d.status());
        assertEquals(3, d.attempts());
        assertTrue(d.detail().contains("connection reset"), d.detail());
        broken.set(0);
        clock.set(at("2025-06-03T09:00", MOSCOW));
        assertEquals(1, sch.runDue().sent());
        assertTrue(store.subscriptions().get("c1").orElseThrow().enabled());
    }

    @Test
    void aRetryThatWouldCrossMidnightIsNotSentLate() {
        clock.set(at("2025-06-02T08:00", MOSCOW));
        subscribe(store, "c1", "23:55", MOSCOW);
        RecordingSender sender = new RecordingSender(clock).answering((chat, n) -> n == 1 ? SendResult.failed("429") : SendResult.sent());
        TipScheduler sch = scheduler(store, sender, TipScheduler.Settings.defaults().withRetryDelay(Duration.ofMinutes(10)));
        clock.set(at("2025-06-02T23:55", MOSCOW));
        assertEquals(1, sch.runDue().failed());
        clock.set(at("2025-06-03T00:05", MOSCOW));
        TipScheduler.Report r = sch.runDue();
        assertEquals(1, r.expired());
        assertEquals(0, r.sent());
        assertEquals(TipLedger.EXPIRED, store.tips().delivery("c1", LocalDate.parse("2025-06-02")).orElseThrow().status());
        clock.set(at("2025-06-03T23:55", MOSCOW));
        assertEquals(1, sch.runDue().sent());
    }

    @Test
    void aChatThatKickedTheBotIsDisabledAndNotRetried() {
        clock.set(at("2025-06-02T08:00", MOSCOW));
        subscribe(store, "kicked", "09:00", MOSCOW);
        subscribe(store, "removed", "09:00", MOSCOW);
        subscribe(store, "fine", "09:00", MOSCOW);
        RecordingSender sender = new RecordingSender(clock).answering((chat, n) ->
                chat.equals("kicked") ? SendResult.forbidden("403 Forbidden: bot was kicked from the group chat") : SendResult.sent());
        TipScheduler sch = scheduler(sender);
        // the transport saw my_chat_member "kicked" for the other chat before the send time
        store.chatEvents().botRemoved("removed");
        clock.set(at("2025-06-02T09:00", MOSCOW));
        TipScheduler.Report r = sch.runDue();
        assertEquals(1, r.forbidden());
        assertEquals(1, r.sent());
        Subscription k = store.subscriptions().get("kicked").orElseThrow();
        assertFalse(k.enabled());
        assertEquals(Subscriptions.REASON_FORBIDDEN, k.disabledReason());
        assertEquals(Subscriptions.REASON_REMOVED, store.subscriptions().get("removed").orElseThrow().disabledReason());
        assertEquals(TipLedger.FORBIDDEN, store.tips().delivery("kicked", LocalDate.parse("2025-06-02")).orElseThrow().status());
        for (int day = 1; day <= 3; day++) {
            clock.set(at("2025-06-02T09:00", MOSCOW).plus(Duration.ofDays(day)));
            sch.runDue();
        }
        assertEquals(1, sender.calls().stream().filter(s -> s.chatId().equals("kicked")).count(), "not retried");
        assertEquals(0, sender.calls().stream().filter(s -> s.chatId().equals("removed")).count());
        assertEquals(4, sender.deliveredTo("fine").size());
    }

    @Test
    void twoSchedulersSharingOneDatabaseNeverDoubleSend() throws Exception {
        clock.set(at("2025-06-02T08:00", MOSCOW));
        int chats = 60;
        for (int i = 0; i < chats; i++) {
            subscribe(store, "c" + i, "09:00", i % 2 == 0 ? MOSCOW : BERLIN);
        }
        try (Store second = Store.open(dir)) {
            Map<String, AtomicInteger> got = new ConcurrentHashMap<>();
            RecordingSender s1 = new RecordingSender(clock).answering((chat, n) -> slowSent(got, chat));
            RecordingSender s2 = new RecordingSender(clock).answering((chat, n) -> slowSent(got, chat));
            TipScheduler a = scheduler(store, s1, TipScheduler.Settings.defaults().withSendThreads(3));
            TipScheduler b = scheduler(second, s2, TipScheduler.Settings.defaults().withSendThreads(3));
            for (int day = 0; day < 3; day++) {
                clock.set(at("2025-06-02T11:00", MOSCOW).plus(Duration.ofDays(day)));
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
                for (TipScheduler sch : List.of(a, b)) {
                    Thread t = new Thread(() -> {
                        try {
                            go.await();
                            TipScheduler.Report r = sch.runDue();
                            if (r.errors() > 0) {
                                failures.add(new AssertionError("errors in pass: " + r));
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    });
                    t.start();
                    threads.add(t);
                }
                go.countDown();
                for (Thread t : threads) {
                    t.join(60_000);
                }
                assertTrue(failures.isEmpty(), failures.toString());
            }
            for (int i = 0; i < chats; i++) {
                assertEquals(3, got.get("c" + i).get(), "c" + i + " one tip a day for three days");
            }
            assertEquals(chats * 3, s1.delivered().size() + s2.delivered().size());
            assertTrue(s1.delivered().size() > 0 && s2.delivered().size() > 0,
                    "both instances worked: " + s1.delivered().size() + " / " + s2.delivered().size());
        }
    }

    private static SendResult slowSent(Map<String, AtomicInteger> got, String chat) {
        got.computeIfAbsent(chat, k -> new AtomicInteger()).incrementAndGet();
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return SendResult.sent();
    }

    @Test
    void aRestartInTheMiddleOfABroadcastSendsTheRestOnceAndNothingTwice() throws Exception {
        clock.set(at("2025-06-02T08:00", MOSCOW));
        int chats = 40;
        for (int i = 0; i < chats; i++) {
            subscribe(store, String.format("c%02d", i), "09:00", MOSCOW);
        }
        clock.set(at("2025-06-02T09:00", MOSCOW));
        CountDownLatch tenSent = new CountDownLatch(10);
        RecordingSender first = new RecordingSender(clock).answering((chat, n) -> {
            tenSent.countDown();
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SendResult.sent();
        });
        TipScheduler a = new TipScheduler(store, catalogue, first, clock, TipScheduler.Settings.defaults().withSendThreads(2));
        Thread pass = new Thread(a::runDue);
        pass.start();
        assertTrue(tenSent.await(30, TimeUnit.SECONDS));
        a.close(); // SIGTERM: stop claiming, finish the sends in flight
        pass.join(30_000);
        store.close();
        int sentBefore = first.delivered().size();
        assertTrue(sentBefore >= 10 && sentBefore < chats, "stopped mid-broadcast: " + sentBefore);
        Map<String, Integer> statuses = countStatuses(dir);
        assertEquals(Map.of(TipLedger.SENT, sentBefore), statuses, "a graceful stop leaves no claim unsent");

        store = Store.open(dir); // the restarted process
        clock.set(at("2025-06-02T09:03", MOSCOW));
        RecordingSender second = new RecordingSender(clock);
        TipScheduler b = scheduler(store, second, TipScheduler.Settings.defaults());
        assertEquals(chats - sentBefore, b.runDue().sent());
        Map<String, Integer> perChat = new HashMap<>();
        for (RecordingSender.Sent s : first.delivered()) {
            perChat.merge(s.chatId(), 1, Integer::sum);
        }
        for (RecordingSender.Sent s : second.delivered()) {
            perChat.merge(s.chatId(), 1, Integer::sum);
        }
        assertEquals(chats, perChat.size());
        assertTrue(perChat.values().stream().allMatch(v -> v == 1), perChat.toString());
    }

    private static Map<String, Integer> countStatuses(Path dir) {
        try (Store s = Store.open(dir)) {
            return s.tips().countByStatus();
        }
    }

    @Test
    void startSendsWhatIsDueAndWakeSendsANewSubscriptionAtOnce() throws Exception {
        // real time: a slot at 00:00 UTC has always passed today
        java.time.Clock system = java.time.Clock.systemUTC();
        Instant today0 = LocalDate.now(system).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        store.subscriptions().subscribe("early", ChatType.CHANNEL, Lang.EN, LocalTime.MIDNIGHT, ZoneId.of("UTC"), "admin", today0);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        RecordingSender sender = new RecordingSender(system).answering((chat, n) -> {
            (chat.equals("early") ? first : second).countDown();
            return SendResult.sent();
        });
        Tips tips = Tips.create(TestKb.kb(), store, system);
        try (TipScheduler sch = tips.scheduler(sender)) {
            sch.start();
            assertTrue(first.await(20, TimeUnit.SECONDS), "sent on start");
            store.subscriptions().subscribe("late", ChatType.GROUP, Lang.RU, LocalTime.MIDNIGHT, ZoneId.of("UTC"), "admin", today0);
            sch.wake();
            assertTrue(second.await(20, TimeUnit.SECONDS), "a wake runs a pass at once");
        }
        assertEquals(1, sender.deliveredTo("early").size());
        assertEquals(1, sender.deliveredTo("late").size());
        assertTrue(sender.deliveredTo("early").get(0).reply().text().plain().startsWith("💡 Tip of the day"), "in the subscriber's language");
    }

    @Test
    void aWakeDuringAPassAddsOnePassNotASecondChainOfPasses() throws Exception {
        // Real clock. Every pass makes exactly one send: the chat's tip keeps failing and is retried at once
        // (retry delay 0), so the sender's calls are the scheduler's passes, which come at most every 200 ms.
        java.time.Clock system = java.time.Clock.systemUTC();
        Instant today0 = LocalDate.now(system).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        store.subscriptions().subscribe("c1", ChatType.GROUP, Lang.RU, LocalTime.MIDNIGHT, ZoneId.of("UTC"), "admin", today0);
        CountDownLatch inFirstPass = new CountDownLatch(1);
        CountDownLatch woken = new CountDownLatch(1);
        List<Long> callNanos = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordingSender sender = new RecordingSender(system).answering((chat, n) -> {
            callNanos.add(System.nanoTime());
            if (n == 1) {
                inFirstPass.countDown();
                try {
                    woken.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return SendResult.failed("429 Too Many Requests");
        });
        TipScheduler sch = new TipScheduler(store, catalogue, sender, system, TipScheduler.Settings.defaults()
                .withRetryDelay(Duration.ZERO).withMaxAttempts(1000).withPollInterval(Duration.ofSeconds(30)));
        toClose.add(0, sch);
        sch.start();
        assertTrue(inFirstPass.await(20, TimeUnit.SECONDS));
        sch.wake(); // e.g. someone ran /subscribe while the morning broadcast is being sent
        woken.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (callNanos.size() < 12 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(callNanos.size() >= 12, "passes keep coming: " + callNanos.size());
        // after the pass the wake asked for, passes are one chain again: never two within the minimum delay
        long minGapMs = Long.MAX_VALUE;
        for (int i = 5; i < 12; i++) {
            minGapMs = Math.min(minGapMs, (callNanos.get(i) - callNanos.get(i - 1)) / 1_000_000);
        }
        assertTrue(minGapMs >= 150, "one pass at a time, 200 ms apart; the smallest gap was " + minGapMs + " ms");
    }

    @Test
    void theDailyMessageHasTitleTipGuideExampleAndAPracticeButton() {
        clock.set(at("2025-06-02T08:00", MOSCOW));
        subscribe(store, "c1", "09:00", MOSCOW);
        RecordingSender sender = new RecordingSender(clock);
        TipScheduler sch = scheduler(sender);
        clock.set(at("2025-06-02T09:00", MOSCOW));
        sch.runDue();
        RecordingSender.Sent s = sender.delivered().get(0);
        String tipId = store.tips().delivery("c1", LocalDate.parse("2025-06-02")).orElseThrow().tipId();
        Tip tip = catalogue.tip(tipId).orElseThrow();
        var p = TestKb.kb().principle(tip.principleId()).orElseThrow();
        String text = s.reply().text().plain();
        assertTrue(text.startsWith("💡 Совет дня · " + p.titleRu()), text);
        assertTrue(text.contains(tip.ru()), text);
        assertTrue(text.contains("Из руководства:\n" + TipFormat.unquote(p.example())), text);
        assertFalse(text.contains("\"\""), text);
        assertEquals(1, s.reply().buttons().size());
        String data = s.reply().buttons().get(0).get(0).data();
        assertTrue(data.equals("/tip " + p.id()) || data.startsWith("/drill "), data);
    }
}
