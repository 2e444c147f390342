package coach.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.core.ChatType;
import coach.core.CommandLine;
import coach.core.Permissions;
import coach.core.Texts;
import coach.kb.Principle;
import coach.store.Store;
import coach.store.Subscription;
import coach.store.TipLedger;
import coach.telegram.BotFixture;
import coach.telegram.FakeBotApi;
import coach.telegram.TelegramBot;
import coach.telegram.TelegramConfig;
import coach.text.Lang;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily tips end to end, as the {@code telegram} command wires them: chats subscribe with /subscribe
 * sent as Telegram updates to the real bot (TelegramBots long polling against {@link FakeBotApi} on
 * 127.0.0.1), the real {@link TipScheduler} on a clock the test moves sends through the real
 * TelegramSender (its rate limits, retries and 403 handling), and everything is kept in a real SQLite
 * file in a temporary directory. What the fake received, and the test clock at that moment, is what
 * is checked.
 */
class TipDeliveryEndToEndTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Duration WAIT = BotFixture.WAIT;
    /** Production limits with shorter windows, as in TelegramBotTest (TelegramResilienceTest times the real ones). */
    static final UnaryOperator<TelegramConfig> LIMITS = c -> c.withLimits(
            new TelegramConfig.Limits(25, 3, Duration.ofMillis(500), Duration.ofMillis(100), 20, Duration.ofSeconds(30)));
    static final String STORM = "Too Many Requests: retry after 1";

    static TipCatalogue catalogue;
    static TipFormat format;

    @TempDir
    Path dir;
    MutableClock clock;
    FakeBotApi api;
    final Deque<AutoCloseable> open = new ArrayDeque<>();
    /** Every sendMessage the fake answered, with the test clock at that moment. */
    final List<Sent> sends = new ArrayList<>();

    record Sent(FakeBotApi.Call call, Instant at) {
        String chatId() {
            return call.chatId();
        }

        String html() {
            return call.params().path("text").asText("");
        }

        boolean isDailyTip() {
            return html().startsWith("<b>💡 " + Texts.get(Lang.RU, "tip.daily.title") + " · ")
                    || html().startsWith("<b>💡 " + Texts.get(Lang.EN, "tip.daily.title") + " · ");
        }
    }

    /** One bot instance: its own Store on the shared file, a coach on the test clock, a bot, its tips scheduler. */
    record Replica(Store store, BotFixture bot, TipScheduler tips) {
    }

    @BeforeAll
    static void loadTips() {
        // as the coach loads it: the drills feature names the drill a tip offers
        catalogue = TipCatalogue.load(TestKb.kb(), coach.drill.Drills.load(TestKb.kb(), text -> false)::scenarioFor);
        format = new TipFormat(catalogue);
    }

    @BeforeEach
    void up() throws Exception {
        clock = new MutableClock(Instant.parse("2025-06-02T00:00:00Z"));
        api = FakeBotApi.start(Duration.ofSeconds(1));
        open.push(api);
        api.onCall(c -> {
            if (c.is("sendmessage")) {
                synchronized (sends) {
                    sends.add(new Sent(c, clock.instant()));
                    sends.notifyAll();
                }
            }
        });
    }

    @AfterEach
    void down() throws Exception {
        while (!open.isEmpty()) {
            open.pop().close();
        }
    }

    /**
     * A bot instance wired like {@code coach.cli.TelegramCmd}: membership events go to the store, the
     * scheduler sends through {@code bot.sender()} and runs as the bot's hook (started with the bot when
     * {@code startTips}; tests that count what one pass did drive {@link TipScheduler#runDue()} instead).
     */
    Replica replica(TipScheduler.Settings settings, boolean startTips) {
        Store store = Store.open(dir);
        open.push(store);
        Coach coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL).withClock(clock));
        BotFixture f = BotFixture.over(api, coach, dir, LIMITS);
        TipScheduler tips = coach.tips().scheduler(f.bot.sender(), settings);
        f.bot.addHook(TelegramBot.Hook.of(startTips ? tips::start : () -> { }, tips));
        open.push(f);
        f.bot.start();
        return new Replica(store, f, tips);
    }

    static TipScheduler.Settings settings() {
        // no periodic passes in the background: the test says when a pass runs (wake, start or runDue)
        return TipScheduler.Settings.defaults().withPollInterval(Duration.ofHours(1));
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    /** The text of the n-th message (1-based) the chat got. */
    String reply(long chat, int n) throws InterruptedException {
        return api.awaitDelivered(String.valueOf(chat), n, WAIT).get(n - 1).visible();
    }

    /** Daily tips delivered to the chat (answered 200), in order. */
    List<Sent> tips(String chat) {
        synchronized (sends) {
            return sends.stream().filter(s -> s.call().ok() && s.isDailyTip() && s.chatId().equals(chat)).toList();
        }
    }

    /** Every attempt to send the chat a daily tip, whatever the fake answered. */
    List<Sent> tipAttempts(String chat) {
        synchronized (sends) {
            return sends.stream().filter(s -> s.isDailyTip() && s.chatId().equals(chat)).toList();
        }
    }

    List<Sent> awaitTips(String chat, int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (sends) {
            while (true) {
                List<Sent> got = tips(chat);
                if (got.size() >= n) {
                    return got;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("chat " + chat + ": waited for " + n + " daily tips, got " + got.size());
                }
                sends.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Waits until no delivery is between its send and its record (the fake may answer just before the row is updated). */
    void awaitRecorded(Store store) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (store.tips().countByStatus().containsKey(TipLedger.CLAIMED) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(store.tips().countByStatus().containsKey(TipLedger.CLAIMED), store.tips().countByStatus().toString());
    }

    void awaitConfirmed(int updateId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (api.confirmedOffset() <= updateId && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(api.confirmedOffset() > updateId, "the bot confirmed update " + updateId);
    }

    /** The tip message reads as the issue asks, in the subscriber's language, and Telegram accepted its HTML. */
    void assertDailyTip(Sent s, Store store, Subscription sub, LocalDate date) {
        TipLedger.Delivery d = store.tips().delivery(sub.chatId(), date).orElseThrow(() -> new AssertionError("no delivery row " + sub.chatId() + " " + date));
        assertEquals(TipLedger.SENT, d.status(), d.toString());
        Tip tip = catalogue.tip(d.tipId()).orElseThrow();
        Principle p = TestKb.kb().principle(tip.principleId()).orElseThrow();
        Lang lang = sub.lang();
        FakeBotApi.Call c = s.call();
        assertEquals(200, c.status());
        assertTrue("html".equalsIgnoreCase(c.params().path("parse_mode").asText()), c.params().toString());
        String visible = c.visible();
        assertEquals(format.daily(tip, lang).text().plain(), visible, "exactly the tip the ledger names");
        assertTrue(visible.startsWith("💡 " + Texts.get(lang, "tip.daily.title") + " · " + p.title(lang) + "\n"), visible);
        assertTrue(s.html().startsWith("<b>💡 "), "the title is bold: " + s.html());
        assertTrue(visible.contains(tip.text(lang)), visible);
        assertTrue(visible.contains(Texts.get(lang, "tip.guide_example") + "\n" + TipFormat.unquote(p.example())), "the guide's example: " + visible);
        JsonNode rows = c.params().path("reply_markup").path("inline_keyboard");
        assertEquals(1, rows.size(), c.params().toString());
        assertEquals(1, rows.get(0).size());
        JsonNode button = rows.get(0).get(0);
        String data = button.path("callback_data").asText();
        String expected = catalogue.scenarioFor(p.id()).map(id -> "/drill " + id).orElse("/tip " + p.id());
        assertEquals(expected, data);
        assertTrue(data.getBytes(StandardCharsets.UTF_8).length <= 64, data);
        assertEquals(Texts.get(lang, data.startsWith("/drill ") ? "tip.btn.drill" : "tip.btn.more"), button.path("text").asText());
    }

    // ------------------------------------------------------------------ 1. three chats, three zones, DST

    @Test
    void threeChatsSubscribedThroughTelegramGetOneTipPerLocalDateAtTheirTimeAcrossDstSwitches() throws Exception {
        // 26 October 2025: Berlin falls back; 2 November: New York does; Tokyo has no DST.
        Instant start = Instant.parse("2025-10-23T12:00:00Z");
        Instant end = Instant.parse("2025-11-04T00:00:00Z");
        clock.set(start);
        Replica r = replica(settings(), true);

        long g = -1001001;
        api.setMember(g, 501, "administrator", false);
        api.pushGroupText(g, 502, "/subscribe 06:00 Europe/Berlin");
        assertEquals(Texts.get(Lang.RU, "access.admins_only", "name", "subscribe"), reply(g, 1), "members may not subscribe a group");
        api.pushGroupText(g, 501, "/subscribe 09:00 Europe/Berlin");
        assertTrue(reply(g, 2).contains("09:00 (Europe/Berlin)"), reply(g, 2));

        long ch = -1001002;
        api.setMember(ch, FakeBotApi.BOT_ID, "administrator", true);
        api.pushMyChatMember(ch, "channel", 601, "left", "administrator", true);
        api.pushChannelPost(ch, "/subscribe 08:30 America/New_York");
        assertTrue(reply(ch, 1).contains("08:30 (America/New_York)"), reply(ch, 1));

        long p = 1003;
        api.pushText(p, p, "en", "/subscribe 07:15 Asia/Tokyo");
        assertTrue(reply(p, 1).contains("07:15 (Asia/Tokyo)"), reply(p, 1));

        String gid = String.valueOf(g);
        String cid = String.valueOf(ch);
        String pid = String.valueOf(p);
        Map<String, Subscription> subs = new LinkedHashMap<>();
        for (String id : List.of(gid, cid, pid)) {
            subs.put(id, r.store().subscriptions().get(id).orElseThrow());
        }
        assertEquals(List.of(ChatType.SUPERGROUP, ChatType.CHANNEL, ChatType.PRIVATE), subs.values().stream().map(Subscription::chatType).toList());
        assertEquals(List.of(BERLIN, NEW_YORK, TOKYO), subs.values().stream().map(Subscription::zone).toList());
        assertEquals(List.of(Lang.RU, Lang.RU, Lang.EN), subs.values().stream().map(Subscription::lang).toList());
        assertTrue(subs.values().stream().allMatch(Subscription::enabled));

        // Move the clock from slot to slot; the scheduler's own timer runs each pass (woken as a change would).
        Map<String, Integer> expected = new HashMap<>();
        int steps = 0;
        while (true) {
            Instant next = r.store().subscriptions().earliestDue().orElseThrow();
            if (!next.isBefore(end)) {
                break;
            }
            clock.set(next.minus(Duration.ofMinutes(1)));
            assertEquals(0, r.tips().runDue().attempted(), "nothing is sent a minute early");
            List<Subscription> due = r.store().subscriptions().due(next, 10);
            clock.set(next);
            r.tips().wake();
            for (Subscription s : due) {
                awaitTips(s.chatId(), expected.merge(s.chatId(), 1, Integer::sum));
            }
            steps++;
        }
        assertTrue(steps >= 30, "steps: " + steps);
        awaitRecorded(r.store());
        clock.set(end);
        assertEquals(0, r.tips().runDue().attempted());

        for (Subscription sub : subs.values()) {
            List<LocalDate> want = new ArrayList<>();
            for (LocalDate d = LocalDate.ofInstant(start, sub.zone()); !d.isAfter(LocalDate.ofInstant(end, sub.zone())); d = d.plusDays(1)) {
                Instant slot = ZonedDateTime.of(d, sub.time(), sub.zone()).toInstant();
                if (!slot.isBefore(start) && slot.isBefore(end)) {
                    want.add(d);
                }
            }
            List<Sent> got = tips(sub.chatId());
            List<LocalDate> days = got.stream().map(s -> LocalDate.ofInstant(s.at(), sub.zone())).toList();
            assertEquals(want, days, sub.chatId() + ": one tip on every local date, none twice");
            assertEquals(got.size(), tipAttempts(sub.chatId()).size(), sub.chatId() + ": one sendMessage per tip, no other try");
            Set<String> tipIds = new HashSet<>();
            for (Sent s : got) {
                assertEquals(sub.time(), s.at().atZone(sub.zone()).toLocalTime(), sub.chatId() + " at its local time: " + s.at());
                LocalDate date = LocalDate.ofInstant(s.at(), sub.zone());
                assertDailyTip(s, r.store(), sub, date);
                tipIds.add(r.store().tips().delivery(sub.chatId(), date).orElseThrow().tipId());
            }
            assertEquals(got.size(), tipIds.size(), sub.chatId() + ": no tip repeats within the rotation");
        }
        assertEquals(List.of(11, 12, 12), subs.keySet().stream().map(id -> tips(id).size()).toList());
        // the same local time is another UTC hour on each side of a switch
        assertTrue(sentAt(gid, "2025-10-25T07:00:00Z") && sentAt(gid, "2025-10-27T08:00:00Z"), "Berlin 09:00 CEST, then CET");
        assertTrue(sentAt(cid, "2025-11-01T12:30:00Z") && sentAt(cid, "2025-11-03T13:30:00Z"), "New York 08:30 EDT, then EST");
        assertTrue(sentAt(pid, "2025-10-25T22:15:00Z") && sentAt(pid, "2025-11-02T22:15:00Z"), "Tokyo 07:15 all along");
        assertEquals(Map.of(TipLedger.SENT, 35), r.store().tips().countByStatus());

        // the button under a tip runs a real command
        Sent last = tips(pid).get(tips(pid).size() - 1);
        String data = last.call().params().path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
        assertTrue(r.bot().coach.registry().find(CommandLine.parse(data).orElseThrow().name()).isPresent(), data);
        int before = api.delivered(pid).size();
        api.pushCallback(p, "private", p, "en", last.call().messageId(), data, true);
        String answer = api.awaitDelivered(pid, before + 1, WAIT).get(before).visible();
        assertNotEquals(Texts.get(Lang.EN, "button.expired"), answer);
        assertFalse(answer.startsWith("💡 " + Texts.get(Lang.EN, "tip.daily.title")), answer);
    }

    private boolean sentAt(String chat, String instant) {
        return tips(chat).stream().anyMatch(s -> s.at().equals(Instant.parse(instant)));
    }

    // ------------------------------------------------------------------ 2. a 429 storm

    @Test
    void a429StormDuringTheBroadcastStillGivesEveryChatExactlyOneTipThatDay() throws Exception {
        clock.set(at("2025-06-02T08:00", MOSCOW));
        Replica r = replica(settings(), false);
        List<String> chats = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            long g = -1002000 - i;
            api.setMember(g, 700 + i, "administrator", false);
            api.pushGroupText(g, 700 + i, "/subscribe");
            long p = 2000 + i;
            api.pushText(p, p, "ru", "/subscribe");
            chats.add(String.valueOf(g));
            chats.add(String.valueOf(p));
        }
        for (String c : chats) {
            assertTrue(reply(Long.parseLong(c), 1).contains("09:00 (Europe/Moscow)"), "the default time and zone");
        }
        // Telegram throttles the bot: the broadcast's first sends get 429 retry_after 1; one group gets
        // more of them in a row than the sender retries, so that one is given up and left to the scheduler.
        String stormy = "-1002001";
        api.failNext("sendMessage", 8, 429, STORM, 1);
        api.failNextFor(stormy, "sendMessage", 4, 429, STORM, 1);

        clock.set(at("2025-06-02T09:00", MOSCOW));
        TipScheduler.Report first = r.tips().runDue();
        assertEquals(6, first.attempted(), first.toString());
        assertTrue(first.failed() >= 1 && first.sent() + first.failed() == 6, first.toString());
        TipScheduler.Report last = first;
        for (int round = 0; round < 3 && last.failed() > 0; round++) {
            clock.advance(Duration.ofMinutes(10)); // the scheduler's retry delay
            last = r.tips().runDue();
            assertTrue(last.retried() > 0, last.toString());
        }
        assertEquals(0, last.failed(), last.toString());
        clock.set(at("2025-06-02T23:59", MOSCOW));
        assertEquals(0, r.tips().runDue().attempted(), "nothing more that day");

        LocalDate day = LocalDate.parse("2025-06-02");
        for (String c : chats) {
            assertEquals(1, tips(c).size(), c + ": exactly one tip");
            assertEquals(TipLedger.SENT, r.store().tips().delivery(c, day).orElseThrow().status());
            List<Sent> attempts = tipAttempts(c);
            for (int i = 1; i < attempts.size(); i++) {
                // within one pass (the same test-clock time): the sender's own retries after a 429
                if (attempts.get(i - 1).call().status() == 429 && attempts.get(i).at().equals(attempts.get(i - 1).at())) {
                    long gapMs = (attempts.get(i).call().nanos() - attempts.get(i - 1).call().nanos()) / 1_000_000;
                    assertTrue(gapMs >= 950, c + ": retry_after honoured, next try after " + gapMs + " ms");
                }
            }
            assertEquals(1, attempts.stream().map(Sent::html).distinct().count(), c + ": every try carries the same tip");
        }
        synchronized (sends) {
            assertEquals(12, sends.stream().filter(s -> s.call().status() == 429).count(), "the whole storm was met");
        }
        assertTrue(tipAttempts(stormy).size() >= 5, "four refusals, then delivered");
        assertEquals(2, r.store().tips().delivery(stormy, day).orElseThrow().attempts(), "the scheduler's second attempt got it through");

        // the storm is over: the next morning is an ordinary one
        clock.set(at("2025-06-03T09:00", MOSCOW));
        TipScheduler.Report next = r.tips().runDue();
        assertEquals(6, next.sent(), next.toString());
        for (String c : chats) {
            assertEquals(2, tips(c).size());
        }
    }

    // ------------------------------------------------------------------ 3. a chat that kicked the bot

    @Test
    void aChatThatRemovedTheBotIsDisabledAndNeverSentToAgainWhileOthersGoOn() throws Exception {
        clock.set(at("2025-06-02T08:00", MOSCOW));
        Replica r = replica(settings(), false);
        long g = -1003001;
        long ch = -1003002;
        long p = 3003;
        String gid = String.valueOf(g);
        String cid = String.valueOf(ch);
        String pid = String.valueOf(p);
        api.setMember(g, 801, "administrator", false);
        api.pushGroupText(g, 801, "/subscribe");
        api.setMember(ch, FakeBotApi.BOT_ID, "administrator", true);
        api.pushChannelPost(ch, "/subscribe");
        api.pushText(p, p, "ru", "/subscribe");
        reply(g, 1);
        reply(ch, 1);
        reply(p, 1);
        clock.set(at("2025-06-02T09:00", MOSCOW));
        assertEquals(3, r.tips().runDue().sent());

        // The group blocked the bot without an update reaching us (Telegram answers 403);
        // the bot was removed from the channel and Telegram said so (my_chat_member "kicked").
        api.forbid(gid, true);
        api.pushMyChatMember(ch, "channel", 61, "administrator", "kicked", false);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (r.store().subscriptions().get(cid).orElseThrow().enabled() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(r.store().subscriptions().get(cid).orElseThrow().enabled(), "my_chat_member kicked: tips off");

        clock.set(at("2025-06-03T09:00", MOSCOW));
        TipScheduler.Report day2 = r.tips().runDue();
        assertEquals(1, day2.sent(), day2.toString());
        assertEquals(1, day2.forbidden(), day2.toString());
        assertEquals(2, day2.attempted(), "the channel is not even tried");
        assertFalse(r.store().subscriptions().get(gid).orElseThrow().enabled(), "403: tips off");
        assertEquals(TipLedger.FORBIDDEN, r.store().tips().delivery(gid, LocalDate.parse("2025-06-03")).orElseThrow().status());
        for (int day = 4; day <= 6; day++) {
            clock.set(at("2025-06-0" + day + "T09:00", MOSCOW));
            TipScheduler.Report rep = r.tips().runDue();
            assertEquals(1, rep.sent(), rep.toString());
            assertEquals(1, rep.attempted(), rep.toString());
        }
        List<Sent> toGroup = tipAttempts(gid);
        assertEquals(List.of(200, 403), toGroup.stream().map(s -> s.call().status()).toList(), "one refused try, not retried");
        assertEquals(1, tipAttempts(cid).size(), "nothing sent to the channel after the kick");
        assertEquals(5, tips(pid).size(), "the private chat got every day's tip");
        assertEquals(1, r.store().tips().deliveries(gid).stream().filter(d -> d.status().equals(TipLedger.SENT)).count());
        assertEquals(1, r.store().tips().deliveries(cid).size());

        // added back and subscribed again, the channel gets tips again
        api.pushMyChatMember(ch, "channel", 61, "left", "administrator", true);
        api.pushChannelPost(ch, "/subscribe");
        assertTrue(reply(ch, 3).contains("09:00 (Europe/Moscow)"), reply(ch, 3));
        clock.set(at("2025-06-07T09:00", MOSCOW));
        assertEquals(2, r.tips().runDue().sent());
        assertEquals(2, tips(cid).size());
        assertEquals(1, tipAttempts(gid).stream().filter(s -> s.call().ok()).count());
    }

    // ------------------------------------------------------------------ 4. two bot instances, one file

    @Test
    void twoBotInstancesSharingOneSqliteFileNeverSendAChatTwoTipsOnOneDay() throws Exception {
        clock.set(at("2025-06-02T08:00", MOSCOW));
        // one send thread each, so that holding one send keeps that instance's whole pass in flight
        TipScheduler.Settings oneThread = settings().withSendThreads(1);
        Replica a = replica(oneThread, false);
        List<String> chats = new ArrayList<>();
        int lastUpdate = 0;
        for (int i = 1; i <= 3; i++) {
            long g = -1004000 - i;
            api.setMember(g, 900 + i, "administrator", false);
            api.pushGroupText(g, 900 + i, "/subscribe 08:00 Europe/Berlin"); // the same instant as 09:00 in Moscow
            long p = 4000 + i;
            lastUpdate = api.pushText(p, p, "ru", "/subscribe 09:00 Europe/Moscow");
            chats.add(String.valueOf(g));
            chats.add(String.valueOf(p));
        }
        for (String c : chats) {
            reply(Long.parseLong(c), 1);
        }
        awaitConfirmed(lastUpdate); // so the second instance does not get those updates again
        Replica b = replica(oneThread, false);
        int n = chats.size();

        // Day 1: A's pass has read the due list and is sending its first tip when B's pass runs.
        clock.set(at("2025-06-02T09:00", MOSCOW));
        FakeBotApi.Gate gate = api.holdNext("sendMessage");
        CompletableFuture<TipScheduler.Report> passA = CompletableFuture.supplyAsync(a.tips()::runDue);
        String heldByA = gate.awaitArrival(WAIT).chatId();
        TipScheduler.Report rb = b.tips().runDue();
        gate.release();
        TipScheduler.Report ra = passA.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(n - 1, rb.sent(), rb.toString());
        assertEquals(1, ra.sent(), ra.toString());
        assertEquals(n - 1, ra.alreadyClaimed(), "A's stale due list met B's claims: " + ra);

        // Day 2: the other way round.
        clock.set(at("2025-06-03T09:00", MOSCOW));
        gate = api.holdNext("sendMessage");
        CompletableFuture<TipScheduler.Report> passB = CompletableFuture.supplyAsync(b.tips()::runDue);
        String heldByB = gate.awaitArrival(WAIT).chatId();
        ra = a.tips().runDue();
        gate.release();
        rb = passB.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(n - 1, ra.sent(), ra.toString());
        assertEquals(1, rb.sent(), rb.toString());
        assertEquals(n - 1, rb.alreadyClaimed(), rb.toString());

        // Day 3: both instances start (back after being down at nine) and race on their own timers.
        clock.set(at("2025-06-04T10:00", MOSCOW));
        a.tips().start();
        b.tips().start();
        for (String c : chats) {
            awaitTips(c, 3);
        }
        clock.set(at("2025-06-04T18:00", MOSCOW));
        assertEquals(0, a.tips().runDue().attempted());
        assertEquals(0, b.tips().runDue().attempted());

        for (String c : chats) {
            List<LocalDate> days = tips(c).stream().map(s -> LocalDate.ofInstant(s.at(), MOSCOW)).toList();
            assertEquals(List.of(LocalDate.parse("2025-06-02"), LocalDate.parse("2025-06-03"), LocalDate.parse("2025-06-04")), days, c);
            assertEquals(3, tipAttempts(c).size(), c + ": no other try");
        }
        awaitRecorded(a.store());
        assertEquals(Map.of(TipLedger.SENT, 3 * n), a.store().tips().countByStatus());
        for (String c : chats) {
            String day1 = a.store().tips().delivery(c, LocalDate.parse("2025-06-02")).orElseThrow().claimedBy();
            String day2 = b.store().tips().delivery(c, LocalDate.parse("2025-06-03")).orElseThrow().claimedBy();
            assertEquals(c.equals(heldByA) ? a.tips().instance() : b.tips().instance(), day1, c);
            assertEquals(c.equals(heldByB) ? b.tips().instance() : a.tips().instance(), day2, c);
        }
    }
}
