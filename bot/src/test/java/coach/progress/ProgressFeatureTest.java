package coach.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.core.Button;
import coach.core.ChatSender;
import coach.core.ChatType;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.core.SendResult;
import coach.core.Texts;
import coach.store.Feed;
import coach.store.Practice;
import coach.store.Store;
import coach.store.TipLedger;
import coach.text.Lang;
import coach.tips.TipScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress feature through the conversation core over a real SQLite store and a clock the test moves. */
class ProgressFeatureTest {
    static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    static final String GROUP = "-100500";

    static final class TestClock extends Clock {
        volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** What the scheduler sent, per chat. */
    static final class Sent implements ChatSender {
        final List<String[]> log = Collections.synchronizedList(new ArrayList<>());
        final List<Reply> replies = Collections.synchronizedList(new ArrayList<>());

        @Override
        public SendResult send(String chatId, Reply reply) {
            log.add(new String[]{chatId, reply.text().plain()});
            replies.add(reply);
            return SendResult.sent();
        }

        long to(String chat, String containing) {
            return log.stream().filter(l -> l[0].equals(chat) && l[1].contains(containing)).count();
        }
    }

    @TempDir
    Path dir;
    Store store;
    TestClock clock;
    Coach coach;

    @BeforeEach
    void up() {
        store = Store.open(dir);
        // Wednesday 2026-12-02 10:00 in Moscow
        clock = new TestClock(at("2026-12-02T10:00"));
        coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL).withClock(clock));
    }

    @AfterEach
    void down() {
        store.close();
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(MSK).toInstant();
    }

    List<Reply> say(String user, String chat, ChatType type, String text) {
        return coach.core().handle(Incoming.text(user, chat, type, Lang.RU, text));
    }

    List<Reply> priv(String user, String text) {
        return say(user, user, ChatType.PRIVATE, text);
    }

    static List<String> buttons(Reply r) {
        return r.buttons().stream().flatMap(List::stream).map(Button::data).toList();
    }

    static TipScheduler.Settings quiet() {
        return TipScheduler.Settings.defaults().withPollInterval(Duration.ofHours(1)).withSendThreads(1);
    }

    @Test
    void weeklyDigestGoesOncePerWeekAtItsLocalTimeNextToDailyTips() {
        say("7", GROUP, ChatType.SUPERGROUP, "/subscribe 09:00 Europe/Moscow");
        String done = say("7", GROUP, ChatType.SUPERGROUP, "/subscribe weekly пятница 16:00 Europe/Moscow").get(0).text().plain();
        assertTrue(done.contains("пятница") && done.contains("16:00"), done);
        String digestTitle = Texts.get(Lang.RU, "team.digest.title", "from", "").strip();

        Sent sent = new Sent();
        try (TipScheduler a = coach.tips().scheduler(sent, quiet()); TipScheduler b = coach.tips().scheduler(sent, quiet())) {
            a.runDue();
            assertEquals(0, sent.to(GROUP, digestTitle), "Wednesday: no digest yet");
            clock.now = at("2026-12-04T16:01");
            a.runDue();
            b.runDue(); // a second replica on the same store
            a.runDue();
            assertEquals(1, sent.to(GROUP, digestTitle), "Friday 16:01: exactly one digest");
            assertEquals(2, sent.log.stream().filter(l -> l[0].equals(GROUP)).count(), "and the daily tip of Friday");
            assertEquals(TipLedger.SENT, TipLedger.of(store, Feed.WEEKLY).delivery(GROUP, LocalDate.parse("2026-12-04")).orElseThrow().status());

            clock.now = at("2026-12-05T16:01");
            a.runDue();
            assertEquals(1, sent.to(GROUP, digestTitle), "Saturday: nothing more");
            clock.now = at("2026-12-11T16:30");
            b.runDue();
            assertEquals(2, sent.to(GROUP, digestTitle), "the next Friday: the next digest");
        }
        // down all of Friday: the week's digest is not sent late on Saturday
        try (TipScheduler c = coach.tips().scheduler(sent, quiet())) {
            clock.now = at("2026-12-19T12:00");
            c.runDue();
            assertEquals(2, sent.to(GROUP, digestTitle));
            clock.now = at("2026-12-25T16:00");
            c.runDue();
            assertEquals(3, sent.to(GROUP, digestTitle));
        }
        assertEquals(Texts.get(Lang.RU, "weekly.unsubscribed"), say("7", GROUP, ChatType.SUPERGROUP, "/unsubscribe weekly").get(0).text().plain());
        assertTrue(store.subscriptions().get(GROUP).orElseThrow().enabled(), "the daily tips stay");
    }

    @Test
    void weeklySubscriptionRejectsWhatItCannotReadAndChangesNothing() {
        String bad = say("7", GROUP, ChatType.SUPERGROUP, "/subscribe weekly пятница 25:00").get(0).text().plain();
        assertEquals(Texts.get(Lang.RU, "subscribe.bad_time", "value", "25:00"), bad);
        String word = say("7", GROUP, ChatType.SUPERGROUP, "/subscribe weekly когда-нибудь").get(0).text().plain();
        assertEquals(Texts.get(Lang.RU, "weekly.bad_word", "value", "когда-нибудь"), word);
        assertTrue(coach.core().handle(Incoming.text("7", "7", ChatType.PRIVATE, Lang.RU, "/subscribe weekly")).get(0).text().plain()
                .equals(Texts.get(Lang.RU, "weekly.needs_group")));
        assertTrue(coach.tips().catalogue().ids().size() > 0);
        assertFalse(coach.core().handle(Incoming.text("7", GROUP, ChatType.SUPERGROUP, Lang.RU, "/unsubscribe weekly")).get(0).text().plain()
                .equals(Texts.get(Lang.RU, "weekly.unsubscribed")), "nothing was subscribed");
    }

    @Test
    void aQuizQuestionAnsweredPoorlyComesBackSpacedInQuizAndInThePrivateDailyTip() {
        String user = "42";
        priv(user, "/subscribe 09:00 Europe/Moscow");
        priv(user, "/quiz");
        priv(user, "не знаю"); // question 1: no key point
        priv(user, "/cancel");
        assertFalse(priv(user, "/quiz").get(0).text().plain().contains(Texts.get(Lang.RU, "quiz.btn.all")),
                "not due yet: /quiz starts the self-check");
        priv(user, "/cancel");

        clock.now = clock.now.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1));
        Reply offer = priv(user, "/quiz").get(0);
        assertTrue(buttons(offer).contains("/quiz review"), offer.text().plain());
        Sent sent = new Sent();
        try (TipScheduler s = coach.tips().scheduler(sent, quiet())) {
            clock.now = at("2026-12-03T11:00");
            s.runDue();
        }
        Reply tip = sent.replies.stream().filter(r -> r.text().plain().contains(Texts.get(Lang.RU, "progress.tip.review", "count", 1))).findFirst().orElseThrow();
        assertTrue(buttons(tip).contains("/quiz review"), "the private daily tip offers the review");

        List<Reply> progress = priv(user, "/progress");
        Reply summary = progress.get(progress.size() - 1);
        assertTrue(summary.text().plain().contains(Texts.get(Lang.RU, "progress.reviews", "waiting", 1, "due", 1)), summary.text().plain());
        assertTrue(buttons(summary).contains("/quiz review"));

        List<Reply> review = priv(user, "/quiz review");
        assertTrue(review.get(0).text().plain().startsWith(Texts.get(Lang.RU, "quiz.review.title", "count", 1)), review.get(0).text().plain());
        // a good answer this time: the question moves to the 3-day box
        String reference = coach.drills().quizQuestion("q1", Lang.RU).orElseThrow();
        assertFalse(reference.isBlank());
        List<Reply> end = priv(user, referenceAnswer());
        assertTrue(end.get(end.size() - 1).text().plain().contains(Texts.get(Lang.RU, "quiz.review.end")), end.toString());
        Practice.Review box = Practice.of(store).review(user, "q1").orElseThrow();
        assertEquals(2, box.box());
        assertEquals(clock.now.plus(Duration.ofDays(3)), box.dueAt());
    }

    /** The quiz's own reference answer to question 1, which covers its key points. */
    String referenceAnswer() {
        return coach.drills().quizReference("q1", Lang.RU).orElseThrow();
    }

    @Test
    void aGroupUpgradedToASupergroupKeepsItsMembersAndDigest() {
        Practice p = Practice.of(store);
        p.memberSeen("-200", "8", "Вера", clock.now);
        p.memberSeen("-100200", "9", "Гена", clock.now);
        say("7", "-200", ChatType.GROUP, "/subscribe weekly понедельник 09:00");
        p.migrateChat("-200", "-100200");
        assertEquals(List.of("Вера", "Гена"), p.members("-100200").stream().map(Practice.Member::displayName).toList());
        assertTrue(p.members("-200").isEmpty());
        assertTrue(say("7", "-100200", ChatType.SUPERGROUP, "/subscribe weekly").get(0).text().plain().contains("понедельник"));
    }

    @Test
    void sharingIsOffByDefaultAndTeamExplainsItNeedsAGroup() {
        assertEquals(Texts.get(Lang.RU, "share.status.off"), priv("5", "/share").get(0).text().plain());
        assertEquals(Texts.get(Lang.RU, "team.needs_group"), priv("5", "/team").get(0).text().plain());
        assertEquals(Texts.get(Lang.RU, "forget.private_only"), say("5", GROUP, ChatType.SUPERGROUP, "/forget").get(0).text().plain());
        assertEquals(Texts.get(Lang.RU, "share.private_only"), say("5", GROUP, ChatType.SUPERGROUP, "/share on").get(0).text().plain());
    }
}
