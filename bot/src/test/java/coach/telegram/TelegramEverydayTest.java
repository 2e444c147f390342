package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.core.Texts;
import coach.phrasing.CheckResult;
import coach.text.Lang;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Everyday use through the real TelegramBots client against the fake Bot API: modes, copy buttons, menus, forms, zones. */
class TelegramEverydayTest {
    static BotFixture f;
    static FakeBotApi api;

    @BeforeAll
    static void up() throws Exception {
        f = BotFixture.start(c -> c.withLimits(new TelegramConfig.Limits(1000, 1000, java.time.Duration.ofSeconds(1),
                java.time.Duration.ofMillis(1), 1000, java.time.Duration.ofSeconds(1))));
        api = f.api;
    }

    @AfterAll
    static void down() {
        f.close();
    }

    /** Sends a text and waits for {@code n} new messages in that chat. */
    static List<FakeBotApi.Call> say(long chat, String text, int n) throws Exception {
        int before = api.delivered(String.valueOf(chat)).size();
        api.pushText(chat, chat, "ru", text);
        List<FakeBotApi.Call> all = api.awaitDelivered(String.valueOf(chat), before + n, BotFixture.WAIT);
        return new ArrayList<>(all.subList(before, all.size()));
    }

    static List<FakeBotApi.Call> press(long chat, int messageId, String data, int n) throws Exception {
        int before = api.delivered(String.valueOf(chat)).size();
        api.pushCallback(chat, "private", chat, "ru", messageId, data, true);
        List<FakeBotApi.Call> all = api.awaitDelivered(String.valueOf(chat), before + n, BotFixture.WAIT);
        return new ArrayList<>(all.subList(before, all.size()));
    }

    static List<String> callbacks(FakeBotApi.Call c) {
        List<String> out = new ArrayList<>();
        c.params().path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> out.add(b.path("callback_data").asText(""))));
        return out;
    }

    @Test
    void theBestVersionComesAloneWithACopyButtonCarryingExactlyTheFirstSuggestion() throws Exception {
        String draft = "Анна, это не наша проблема, заказ № 4512 потерял перевозчик.";
        CheckResult r = f.coach.phrasing().check(draft);
        String best = r.suggestions().get(0);
        List<FakeBotApi.Call> got = say(301, draft, 2);
        assertTrue(got.get(0).visible().contains("это не наша проблема"), got.get(0).visible());
        assertTrue(callbacks(got.get(0)).contains("/mode ask"), "the guess can be switched: " + callbacks(got.get(0)));
        assertEquals(best, got.get(1).visible(), "a message with only the rewrite");
        JsonNode button = got.get(1).params().path("reply_markup").path("inline_keyboard").get(0).get(0);
        assertEquals(best, button.path("copy_text").path("text").asText());
        assertFalse(button.has("callback_data"));
    }

    @Test
    void aDraftEndingInAQuestionMarkIsCheckedAndCanBeSwitchedToAQuestion() throws Exception {
        List<FakeBotApi.Call> got = say(302, "Коллеги, когда вы пришлёте подписанный акт за март?", 1);
        assertTrue(got.get(0).visible().contains(Texts.get(Lang.RU, "check.clean").substring(0, 20)), got.get(0).visible());
        List<FakeBotApi.Call> asked = press(302, got.get(0).messageId(), "/mode ask", 1);
        assertTrue(callbacks(asked.get(0)).contains("/mode check"), "and back: " + callbacks(asked.get(0)));
    }

    @Test
    void smallTalkGetsAFriendlyAnswerNotAVerdict() throws Exception {
        for (String s : List.of("привет", "что ты умеешь", "спасибо", "меню")) {
            String reply = say(303, s, 1).get(0).visible();
            assertFalse(reply.contains("Можно отправлять"), s + " → " + reply);
            assertFalse(reply.contains(Texts.get(Lang.RU, "ask.none")), s + " → " + reply);
        }
    }

    @Test
    void aLongReportIsShortFirstAndDetailsEditItInPlace() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append("Это не наша проблема, разбирайтесь с поставщиком сами. Ждите ответа. ");
        }
        b.append("Вы сами виноваты, надо было читать договор.");
        List<FakeBotApi.Call> got = say(304, b.toString(), 2);
        FakeBotApi.Call shortReport = got.get(0);
        assertTrue(shortReport.visible().startsWith("Рискованных мест:"), shortReport.visible());
        assertTrue(callbacks(shortReport).contains("/mode full"), callbacks(shortReport).toString());
        List<FakeBotApi.Call> details = press(304, shortReport.messageId(), "/mode full", 1);
        assertTrue(details.get(0).is("editmessagetext") || details.get(0).is("sendmessage"), details.get(0).method());
        if (details.get(0).is("editmessagetext")) {
            assertEquals(shortReport.messageId(), details.get(0).params().path("message_id").asInt());
        }
        assertTrue(details.get(0).visible().contains(Texts.get(Lang.RU, "check.why")), details.get(0).visible());
    }

    @Test
    void aLongLetterShowsTypingFirst() throws Exception {
        String letter = "Добрый день! " + "Благодарим вас за обращение и подробное описание ситуации. ".repeat(40) + "Ждите, ответим когда сможем.";
        say(305, letter, 1);
        List<FakeBotApi.Call> actions = api.calls("sendchataction").stream().filter(c -> c.chatId().equals("305")).toList();
        assertFalse(actions.isEmpty());
        assertEquals("typing", actions.get(0).params().path("action").asText());
    }

    @Test
    void commandMenusPerLanguageAndScope() throws Exception {
        List<FakeBotApi.Call> menus = api.await(c -> c.is("setmycommands"), 8, BotFixture.WAIT);
        Set<String> seen = new java.util.HashSet<>();
        for (FakeBotApi.Call c : menus) {
            String scope = c.params().path("scope").path("type").asText();
            String lang = c.params().path("language_code").asText("ru");
            seen.add(scope + "/" + lang);
            List<String> names = new ArrayList<>();
            c.params().path("commands").forEach(x -> names.add(x.path("command").asText()));
            if (scope.equals("all_group_chats")) {
                assertFalse(names.contains("subscribe"), "group members do not see admin-only commands: " + names);
            } else {
                assertTrue(names.contains("subscribe"), scope + ": " + names);
            }
        }
        for (String s : List.of("default", "all_private_chats", "all_group_chats", "all_chat_administrators")) {
            assertTrue(seen.contains(s + "/ru") && seen.contains(s + "/en"), s + " in " + seen);
        }
    }

    @Test
    void aDashSkipsATemplateFieldAndTheResultComesAsADocumentWithARecheckButton() throws Exception {
        long chat = 306;
        say(chat, "/materials complaint-response-template fill", 2);
        say(chat, "Анна Викторовна", 1);
        List<FakeBotApi.Call> afterDash = say(chat, "-", 1);
        assertTrue(afterDash.get(0).visible().startsWith("Поле 3 из"), afterDash.get(0).visible());
        List<FakeBotApi.Call> done = say(chat, "готово", 4);
        assertTrue(done.stream().anyMatch(c -> c.is("senddocument") && c.visible().equals("complaint-response-template-filled.md")),
                done.stream().map(FakeBotApi.Call::method).toList().toString());
        FakeBotApi.Call last = done.get(done.size() - 1);
        assertTrue(callbacks(last).contains("/fill check"), callbacks(last).toString());
        assertFalse(done.stream().anyMatch(c -> c.visible().contains(" -.")), "«-» is not inserted literally");
    }

    @Test
    void subscribeWithACityStoresItsZone() throws Exception {
        String r = say(307, "/subscribe 08:15 Москва", 1).get(0).visible();
        assertEquals(ZoneId.of("Europe/Moscow"), BotFixture.store.subscriptions().get("307").orElseThrow().zone(), r);
        assertTrue(r.contains("Europe/Moscow"), r);
    }
}
