package coach.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.core.Permissions;
import coach.core.Texts;
import coach.drill.Scenario;
import coach.store.Practice;
import coach.store.Store;
import coach.telegram.BotFixture;
import coach.telegram.FakeBotApi;
import coach.telegram.TelegramConfig;
import coach.text.Lang;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress, the team view and /forget end to end: the real bot (TelegramBots client, long polling)
 * against the fake Bot API on 127.0.0.1, over the real knowledge base and a real SQLite file.
 */
class ProgressEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Production limits, with a shorter private-chat window so a drill's dozen messages take no long. */
    static final UnaryOperator<TelegramConfig> LIMITS = c -> c.withLimits(
            new TelegramConfig.Limits(25, 3, Duration.ofMillis(300), Duration.ofMillis(50), 60, Duration.ofSeconds(30)))
            .withDelivery(new TelegramConfig.Delivery(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1),
                    Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofHours(1)));
    static final long GROUP = -100900;

    @TempDir
    static Path dir;
    static FakeBotApi api;
    static Store store;
    static Coach coach;
    static BotFixture bot;

    @BeforeAll
    static void up() throws Exception {
        api = FakeBotApi.start(Duration.ofSeconds(1));
        store = Store.open(dir);
        coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL));
        bot = BotFixture.over(api, coach, dir, LIMITS);
        bot.bot.keepIn(store); // wired as the telegram command wires it: updates and unsent replies kept in the store
        bot.bot.start();
    }

    @AfterAll
    static void down() {
        bot.close();
        api.close();
        store.close();
    }

    /** Sends a private message and waits until the chat got {@code n} more messages; returns them. */
    static List<FakeBotApi.Call> say(long user, String text, int n) throws InterruptedException {
        int before = api.delivered(String.valueOf(user)).size();
        api.pushText(user, user, "ru", text);
        List<FakeBotApi.Call> all = api.awaitDelivered(String.valueOf(user), before + n, WAIT);
        return all.subList(before, before + n);
    }

    static List<String> buttonData(FakeBotApi.Call c) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : c.params().path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                out.add(b.path("callback_data").asText());
            }
        }
        return out;
    }

    /** Runs a whole drill answering every turn with {@code answer}; returns the names of criteria marked missed, and "+name" for those met. */
    static List<String> drill(long user, String scenarioId, String answer) throws InterruptedException {
        Scenario s = coach.drills().scenario(scenarioId).orElseThrow();
        say(user, "/drill " + scenarioId, 2);
        List<String> out = new ArrayList<>();
        for (int turn = 0; turn < s.turnCount(); turn++) {
            boolean last = turn == s.turnCount() - 1;
            List<FakeBotApi.Call> replies = say(user, answer, last ? 3 : 2);
            Matcher m = Pattern.compile("(❌|✅) (.+?) — ").matcher(replies.get(0).visible());
            while (m.find()) {
                out.add((m.group(1).equals("✅") ? "+" : "") + m.group(2));
            }
        }
        return out;
    }

    @Test
    void afterTwoDrillsProgressSendsAChartAndNamesTheWeakestCriterionWithItsDrill() throws Exception {
        long user = 501;
        List<String> outcomes = new ArrayList<>(drill(user, "dissatisfied-client", "Извините, пожалуйста."));
        outcomes.addAll(drill(user, "dissatisfied-client", "Извините за неудобства."));

        List<FakeBotApi.Call> replies = say(user, "/progress", 2);
        FakeBotApi.Call photo = replies.get(0);
        assertTrue(photo.is("sendphoto"), "the chart comes as a photo: " + photo.method());
        byte[] png = Base64.getDecoder().decode(photo.params().path("photo").path("base64").asText());
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(png.length > 5_000 && png.length < 1_000_000, "a sensible size: " + png.length);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(Chart.WIDTH, img.getWidth());
        assertEquals(Chart.HEIGHT, img.getHeight());

        FakeBotApi.Call text = replies.get(1);
        String t = text.visible();
        assertTrue(t.contains(Texts.get(Lang.RU, "progress.weakest")), t);
        Matcher first = Pattern.compile("1\\. «(.+?)» — 0 %").matcher(t);
        assertTrue(first.find(), "the weakest criterion is named, met 0 % of the time: " + t);
        String weakest = first.group(1);
        assertTrue(outcomes.contains(weakest) && !outcomes.contains("+" + weakest), weakest + " was missed in every answer: " + outcomes);
        String drillButton = buttonData(text).get(0);
        assertTrue(drillButton.startsWith("/drill "), drillButton);
        String scenario = drillButton.substring("/drill ".length());
        assertTrue(coach.drills().scenario(scenario).orElseThrow().criterionIds().stream()
                        .anyMatch(id -> coach.drills().criterionName(id, Lang.RU).orElse("").equals(weakest)),
                "the button opens a drill that trains " + weakest + ": " + scenario);
        assertTrue(t.contains(coach.drills().scenario("dissatisfied-client").orElseThrow().title(Lang.RU)), "best/last per scenario: " + t);

        // /drill now lists the user's best score and puts the drill for the weak spot first
        FakeBotApi.Call list = say(user, "/drill", 1).get(0);
        assertEquals(drillButton, buttonData(list).get(0), "the weak spot's drill comes first");
        assertTrue(list.visible().contains(Texts.get(Lang.RU, "drill.list.best", "best", "").strip()), list.visible());
    }

    @Test
    void aChartTheApiCannotTakeNowIsKeptAndSentAsAPhotoWhenItIsBack() throws Exception {
        long user = 503;
        Practice.of(store).record(String.valueOf(user), Practice.DRILL, "project-delay", 50,
                java.util.Map.of("apology", new int[]{0, 2}, "polite", new int[]{2, 2}), java.time.Instant.now());
        api.failAllFor(String.valueOf(user), "sendphoto", 500, "Internal Server Error", null);
        int before = api.delivered(String.valueOf(user)).size();
        api.pushText(user, user, "ru", "/progress");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (store.outbox().count() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(store.outbox().count() > 0, "the chart and the text after it wait in the outbox");
        api.clearFailures();
        List<FakeBotApi.Call> got = api.awaitDelivered(String.valueOf(user), before + 2, WAIT).subList(before, before + 2);
        assertTrue(got.get(0).is("sendphoto"), got.get(0).method());
        byte[] png = Base64.getDecoder().decode(got.get(0).params().path("photo").path("base64").asText());
        assertEquals(Chart.WIDTH, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
        assertTrue(got.get(1).visible().startsWith(Texts.get(Lang.RU, "progress.title")), got.get(1).visible());
    }

    @Test
    void withoutHistoryProgressIsAFriendlyStartWithButtons() throws Exception {
        List<FakeBotApi.Call> replies = say(502, "/progress", 1);
        assertTrue(replies.get(0).is("sendmessage"));
        assertTrue(replies.get(0).visible().startsWith(Texts.get(Lang.RU, "progress.empty.title")));
        assertTrue(buttonData(replies.get(0)).contains("/drill dissatisfied-client"));
        assertTrue(api.calls("sendphoto").stream().noneMatch(c -> c.chatId().equals("502")), "no empty chart");
    }

    /** A group message from an admin posting anonymously (as the group). */
    static void anonymousAdmin(String text) {
        ObjectNode m = api.message(GROUP, "supergroup", 1087968824L, "ru", text);
        m.set("sender_chat", api.chat(GROUP, "supergroup"));
        api.push("message", m);
    }

    @Test
    void teamNamesOnlyMembersWhoSharedAndCountsTheOthersAndRefusesNonAdmins() throws Exception {
        String group = String.valueOf(GROUP);
        say(601, "/share on", 1);
        say(602, "/share off", 1);
        int before = api.delivered(group).size();
        api.pushGroupText(GROUP, 601, "/tip");
        api.pushGroupText(GROUP, 602, "/tip");
        api.awaitDelivered(group, before + 2, WAIT);

        before = api.delivered(group).size();
        anonymousAdmin("/team");
        String team = api.awaitDelivered(group, before + 1, WAIT).get(before).visible();
        assertTrue(team.contains("User601"), team);
        assertFalse(team.contains("User602"), "a member who did not share is never named: " + team);
        assertTrue(team.contains(Texts.get(Lang.RU, "team.hidden", "count", 1)), team);

        api.setMember(GROUP, 602, "member", false);
        before = api.delivered(group).size();
        api.pushGroupText(GROUP, 602, "/team");
        String refused = api.awaitDelivered(group, before + 1, WAIT).get(before).visible();
        assertEquals(Texts.get(Lang.RU, "access.admins_only", "name", "team"), refused);

        // a member who leaves is no longer one of the group's members
        ObjectNode left = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        left.set("chat", api.chat(GROUP, "supergroup"));
        left.set("from", api.user(601, "ru"));
        left.put("date", System.currentTimeMillis() / 1000);
        left.putObject("old_chat_member").put("status", "member").set("user", api.user(601, "ru"));
        left.putObject("new_chat_member").put("status", "left").set("user", api.user(601, "ru"));
        api.push("chat_member", left);
        before = api.delivered(group).size();
        anonymousAdmin("/team");
        String after = api.awaitDelivered(group, before + 1, WAIT).get(before).visible();
        assertFalse(after.contains("User601"), after);
        assertTrue(after.contains(Texts.get(Lang.RU, "team.nobody_shared")), after);

        // the console and private chats explain that /team needs a group
        assertEquals(Texts.get(Lang.RU, "team.needs_group"), say(601, "/team", 1).get(0).visible());
    }

    @Test
    void forgetWithItsConfirmationLeavesNoRowWithTheUsersId() throws Exception {
        long user = 7_000_777;
        long other = 7_000_778;
        say(user, "/lang en", 1);
        say(user, "/share on", 1);
        say(user, "/subscribe 09:00 Europe/Moscow", 1);
        say(user, "/tip", 1);
        drill(user, "dissatisfied-client", "Sorry for the trouble.");
        say(user, "/quiz all", 2);
        say(user, "Регулярно сообщать клиенту о статусе.", 2); // the quiz stays open: a session row
        int before = api.delivered(String.valueOf(GROUP)).size();
        api.pushGroupText(GROUP, user, "/tip");
        api.awaitDelivered(String.valueOf(GROUP), before + 1, WAIT);
        say(other, "/share on", 1);
        assertTrue(rowsWith(String.valueOf(user)) > 5, "the user has rows before /forget");

        FakeBotApi.Call ask = say(user, "/forget", 1).get(0);
        assertTrue(buttonData(ask).contains("/forget confirm"));
        assertTrue(rowsWith(String.valueOf(user)) > 5, "asking deletes nothing");
        int n = api.delivered(String.valueOf(user)).size();
        api.pushCallback(user, "private", user, "en", ask.messageId(), "/forget confirm", true);
        api.awaitDelivered(String.valueOf(user), n + 1, WAIT);

        // the confirmation is sent from the handler; the update's own bookkeeping may finish a moment later
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (rowsWith(String.valueOf(user)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, rowsWith(String.valueOf(user)), "no row in any table holds the user's id");
        assertTrue(rowsWith(String.valueOf(other)) > 0, "other users' rows stay");
        assertTrue(say(user, "/progress", 1).get(0).visible().startsWith(Texts.get(Lang.RU, "progress.empty.title")));
    }

    /** Rows in any table of the database file with a value equal to the id or holding it between separators. */
    static int rowsWith(String id) throws Exception {
        Pattern token = Pattern.compile("(^|[^0-9])" + Pattern.quote(id) + "([^0-9]|$)");
        int n = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("coach.db")); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertTrue(tables.contains("practice_runs") && tables.contains("sessions"), tables.toString());
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String v = rs.getString(i);
                            if (v != null && token.matcher(v).find()) {
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
