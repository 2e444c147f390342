package coach.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.core.ChatType;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.core.SessionStore;
import coach.store.Store;
import coach.store.Subscription;
import coach.store.Subscriptions;
import coach.store.TipLedger;
import coach.text.Lang;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /tip, /subscribe and /unsubscribe through the whole coach with a real store. */
class TipCommandsTest {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    @TempDir
    static Path dir;
    static Store store;
    static Coach coach;
    static MutableClock clock;
    /** Chats where the bot may not post (a channel where it is not an admin). */
    static final Set<String> MUTED = Set.of("-100muted");

    static final Permissions PERMS = new Permissions() {
        @Override
        public boolean isChatAdmin(String chatId, String userId) {
            return userId.startsWith("admin");
        }

        @Override
        public boolean botCanPost(String chatId) {
            return !MUTED.contains(chatId);
        }
    };

    @BeforeAll
    static void setUp() {
        store = Store.open(dir);
        clock = new MutableClock(LocalDateTime.parse("2025-06-02T10:00").atZone(MOSCOW).toInstant());
        coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, PERMS).withClock(clock));
    }

    @AfterAll
    static void tearDown() {
        store.close();
    }

    static String say(String user, String chat, ChatType type, Lang lang, String text) {
        List<Reply> r = coach.core().handle(Incoming.text(user, chat, type, lang, text));
        return String.join("\n---\n", r.stream().map(x -> x.text().plain()).toList());
    }

    static String group(String user, String chat, String text) {
        return say(user, chat, ChatType.SUPERGROUP, Lang.RU, text);
    }

    @Test
    void tipOnDemandGoesThroughEveryTipWithoutRepeats() {
        int n = TipCatalogue.load(TestKb.kb()).size();
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < n; i++) {
            List<Reply> r = coach.core().handle(Incoming.text("u-tip", "p-tip", ChatType.PRIVATE, Lang.RU, "/tip"));
            assertEquals(1, r.size());
            String text = r.get(0).text().plain();
            assertTrue(text.startsWith("💡 Совет · "), text);
            texts.add(text);
            assertEquals(1, r.get(0).buttons().size());
        }
        assertEquals(n, texts.size(), "no tip twice in one cycle");
        assertTrue(say("u-tip", "p-tip", ChatType.PRIVATE, Lang.EN, "/tip").startsWith("💡 Tip · "));
    }

    @Test
    void tipOnDemandDoesNotMoveTheChatsDailyRotation() {
        String chat = "-100daily";
        assertTrue(group("admin1", chat, "/subscribe 09:00").contains("09:00"));
        for (int i = 0; i < 7; i++) {
            group("user" + i, chat, "/tip");
        }
        RecordingSender sender = new RecordingSender(clock);
        TipCatalogue catalogue = coach.tips().catalogue();
        try (TipScheduler s = coach.tips().scheduler(sender)) {
            Instant nine = LocalDateTime.parse("2025-06-03T09:00").atZone(MOSCOW).toInstant();
            for (int day = 0; day < 3; day++) {
                clock.set(nine.plusSeconds(86400L * day));
                s.runDue();
            }
        } finally {
            clock.set(LocalDateTime.parse("2025-06-02T10:00").atZone(MOSCOW).toInstant());
        }
        List<String> daily = store.tips().deliveries(chat).stream().map(TipLedger.Delivery::tipId).toList();
        assertEquals(Rotation.order(catalogue.ids(), "daily:" + chat, 0).subList(0, 3), daily);
    }

    @Test
    void tipAboutAPrincipleOrATipById() {
        String p = say("u1", "p1", ChatType.PRIVATE, Lang.RU, "/tip principles.politeness");
        assertTrue(p.startsWith("📘 Вежливость и уважение"), p);
        assertTrue(p.contains("Советы по этому принципу"), p);
        String t = say("u1", "p1", ChatType.PRIVATE, Lang.EN, "/tip politeness-01");
        assertTrue(t.contains("Replace deflection with a willingness to help"), t);
        String bad = say("u1", "p1", ChatType.PRIVATE, Lang.RU, "/tip <b>нет такого</b>");
        assertTrue(bad.contains("Не знаю принципа или совета «<b>нет такого</b>»"), bad);
    }

    @Test
    void subscribeWithDefaultsThenShowChangeAndUnsubscribe() {
        String chat = "-100team";
        String done = group("admin1", chat, "/subscribe");
        assertTrue(done.contains("каждый день в 09:00 (Europe/Moscow)"), done);
        assertTrue(done.contains("3 июня в 09:00"), "the next tip is tomorrow (today's 09:00 has passed): " + done);
        Subscription s = store.subscriptions().get(chat).orElseThrow();
        assertEquals(LocalTime.of(9, 0), s.time());
        assertEquals(MOSCOW, s.zone());
        assertEquals(ChatType.SUPERGROUP, s.chatType());
        assertEquals("admin1", s.subscribedBy());

        String shown = group("admin2", chat, "/subscribe");
        assertTrue(shown.contains("Этот чат подписан на совет дня: каждый день в 09:00 (Europe/Moscow)"), shown);

        String changed = group("admin2", chat, "/subscribe europe/berlin 7:30");
        assertTrue(changed.contains("07:30 (Europe/Berlin)"), changed);
        String city = group("admin2", chat, "/subscribe Almaty");
        assertTrue(city.contains("07:30 (Asia/Almaty)"), "a bare city works and the time is kept: " + city);

        assertTrue(group("admin1", chat, "/unsubscribe").contains("больше приходить не будет"));
        assertEquals(Subscriptions.REASON_UNSUBSCRIBED, store.subscriptions().get(chat).orElseThrow().disabledReason());
        assertTrue(group("admin1", chat, "/unsubscribe").contains("не подписан"));
        String again = group("admin1", chat, "/subscribe");
        assertTrue(again.contains("07:30 (Asia/Almaty)"), "re-subscribing keeps the previous setting: " + again);
    }

    @Test
    void invalidTimeOrZoneChangesNothing() {
        String chat = "-100strict";
        group("admin1", chat, "/subscribe 08:15 Europe/Moscow");
        Subscription before = store.subscriptions().get(chat).orElseThrow();
        String[][] cases = {
            {"/subscribe 25:99", "Время «25:99» не распознано"},
            {"/subscribe 10:00 Mars/Olympus", "Не знаю часового пояса «Mars/Olympus»"},
            {"/subscribe 9", "Время «9» не распознано"},
            {"/subscribe 9am", "Время «9am» не распознано"},
            {"/subscribe 10:00 11:00", "Время «11:00» не распознано"},
            {"/subscribe Europe/Berlin Europe/Paris", "Не знаю часового пояса «Europe/Berlin Europe/Paris»"},
            {"/subscribe 10:00 Europe/Berlin please", "Не знаю часового пояса «Europe/Berlin please»"},
            {"/subscribe 10:00 a b c d e", "/subscribe [ЧЧ:ММ]"},
            {"/subscribe 10:00 <script>", "Не знаю часового пояса «<script>»"},
            {"/subscribe 10:00 Springfield", "Не знаю часового пояса"},
        };
        for (String[] c : cases) {
            String r = group("admin1", chat, c[0]);
            assertTrue(r.contains(c[1]), c[0] + " → " + r);
            assertEquals(before, store.subscriptions().get(chat).orElseThrow(), c[0] + " changed nothing");
        }
        String en = say("admin1", chat, ChatType.SUPERGROUP, Lang.EN, "/subscribe 24:00");
        assertTrue(en.contains("I can't read the time \"24:00\""), en);
    }

    @Test
    void onlyAdminsChangeItAndTheBotMustBeAbleToPost() {
        String r = group("member", "-100members", "/subscribe 10:00");
        assertTrue(r.contains("только администраторы"), r);
        assertTrue(store.subscriptions().get("-100members").isEmpty());
        String u = group("member", "-100members", "/unsubscribe");
        assertTrue(u.contains("только администраторы"), u);

        String muted = say("admin1", "-100muted", ChatType.CHANNEL, Lang.RU, "/subscribe");
        assertTrue(muted.contains("Сделайте меня администратором с правом публикации"), muted);
        assertTrue(store.subscriptions().get("-100muted").isEmpty());

        String priv = say("someone", "555", ChatType.PRIVATE, Lang.EN, "/subscribe 21:00 America/New_York");
        assertTrue(priv.contains("every day at 21:00 (America/New_York)"), priv);
        assertEquals(Lang.EN, store.subscriptions().get("555").orElseThrow().lang());
    }

    @Test
    void theCommandsAreListedAndWorkWithoutAStoreToo() {
        String help = say("u1", "p1", ChatType.PRIVATE, Lang.RU, "/help");
        assertTrue(help.contains("/tip") && help.contains("/subscribe") && help.contains("/unsubscribe"), help);

        Coach plain = Coach.create(TestKb.source(), SessionStore.inMemory(), Permissions.ALL);
        assertTrue(plain.registry().find("tip").isPresent());
        assertFalse(plain.registry().find("subscribe").isPresent());
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            texts.add(plain.core().handle(Incoming.console("/tip")).get(0).text().plain());
        }
        assertEquals(30, texts.size(), "the in-memory rotation does not repeat either");
    }

    @Test
    void citiesInRussianAndEnglishAndUtcOffsetsAreUnderstood() {
        String chat = "-100cities";
        String msk = group("admin1", chat, "/subscribe 08:15 Москва");
        assertEquals(java.time.ZoneId.of("Europe/Moscow"), store.subscriptions().get(chat).orElseThrow().zone());
        assertEquals(LocalTime.of(8, 15), store.subscriptions().get(chat).orElseThrow().time());
        assertTrue(msk.contains("«Москва» — это Europe/Moscow, UTC+3"), "says which zone it understood: " + msk);
        String[][] cases = {
            {"/subscribe Новосибирск", "Asia/Novosibirsk"},
            {"/subscribe 10:00 Berlin", "Europe/Berlin"},
            {"/subscribe Нижний Новгород 07:00", "Europe/Moscow"},
            {"/subscribe ростов на дону", "Europe/Moscow"},
            {"/subscribe Екатеринбург", "Asia/Yekaterinburg"},
            {"/subscribe New York", "America/New_York"},
            {"/subscribe 09:00 Europe/Berlin", "Europe/Berlin"},
        };
        for (String[] c : cases) {
            group("admin1", chat, c[0]);
            assertEquals(java.time.ZoneId.of(c[1]), store.subscriptions().get(chat).orElseThrow().zone(), c[0]);
        }
        for (String offset : new String[] {"UTC+3", "+03:00", "utc+3", "GMT+3", "+3"}) {
            String r = group("admin1", chat, "/subscribe 09:00 " + offset);
            assertEquals(java.time.ZoneOffset.ofHours(3), store.subscriptions().get(chat).orElseThrow().zone(), offset);
            assertTrue(r.contains("(UTC+3)"), r);
        }
        group("admin1", chat, "/subscribe 09:00 UTC-05:30");
        assertEquals(java.time.ZoneOffset.ofHoursMinutes(-5, -30), store.subscriptions().get(chat).orElseThrow().zone());
        String bad = group("admin1", chat, "/subscribe 09:00 Урюпинск-на-Марсе");
        assertTrue(bad.contains("Напишите город (например, Москва"), "the Russian hint suggests Russian cities: " + bad);
        String shown = group("admin1", chat, "/subscribe");
        assertTrue(shown.contains("Этот чат подписан на совет дня"), "/subscribe alone shows the setting: " + shown);
    }
}
