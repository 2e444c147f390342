package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.core.Command;
import coach.core.Texts;
import coach.text.Lang;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real bot end to end against the fake Bot API: commands, free text, buttons, inline mode. */
class TelegramBotTest {
    static BotFixture f;
    static FakeBotApi api;

    @BeforeAll
    static void up() throws Exception {
        // Real limits, but shorter windows so the suite stays fast (TelegramResilienceTest checks the limits themselves).
        f = BotFixture.start(c -> c.withLimits(new TelegramConfig.Limits(25, 3, Duration.ofSeconds(1), Duration.ofMillis(250), 20, Duration.ofMinutes(1))));
        api = f.api;
    }

    @AfterAll
    static void down() {
        f.close();
    }

    static String text(FakeBotApi.Call c) {
        return c.visible();
    }

    @Test
    void startPublishesCommandMenusInRussianAndEnglish() throws Exception {
        List<FakeBotApi.Call> menus = api.await(c -> c.is("setmycommands"), 2, BotFixture.WAIT);
        JsonNode ru = menus.stream().filter(c -> !c.params().has("language_code")).findFirst().orElseThrow().params();
        JsonNode en = menus.stream().filter(c -> "en".equals(c.params().path("language_code").asText())).findFirst().orElseThrow().params();
        assertEquals("default", ru.path("scope").path("type").asText());
        List<Command> listed = f.coach.registry().listed();
        assertEquals(listed.size(), ru.path("commands").size());
        for (int i = 0; i < listed.size(); i++) {
            assertEquals(listed.get(i).name(), ru.path("commands").get(i).path("command").asText());
            assertEquals(listed.get(i).description(coach.text.Lang.RU), ru.path("commands").get(i).path("description").asText());
            assertEquals(listed.get(i).description(coach.text.Lang.EN), en.path("commands").get(i).path("description").asText());
        }
        assertFalse(api.calls("deletewebhook").isEmpty(), "long polling deletes any webhook first");
        assertFalse(api.calls("getme").isEmpty());
    }

    @Test
    void startGreetsWithButtonsThatRunRealCommands() throws Exception {
        api.pushText(101, 101, "ru", "/start");
        FakeBotApi.Call c = api.awaitDelivered("101", 1, BotFixture.WAIT).get(0);
        assertTrue(text(c).contains("коуч"), text(c));
        assertTrue("html".equalsIgnoreCase(c.params().path("parse_mode").asText()));
        JsonNode rows = c.params().path("reply_markup").path("inline_keyboard");
        assertTrue(rows.size() > 0);
        for (JsonNode row : rows) {
            for (JsonNode b : row) {
                String data = b.path("callback_data").asText();
                String name = coach.core.CommandLine.parse(data).orElseThrow().name();
                assertTrue(f.coach.registry().find(name).isPresent(), data);
            }
        }
    }

    static String say(long chat, String text) throws Exception {
        int before = api.delivered(String.valueOf(chat)).size();
        api.pushText(chat, chat, "ru", text);
        return text(api.awaitDelivered(String.valueOf(chat), before + 1, BotFixture.WAIT).get(before));
    }

    @Test
    void helpListsEveryCommand() throws Exception {
        String help = say(102, "/help");
        for (Command c : f.coach.registry().listed()) {
            assertTrue(help.contains("/" + c.name()), "help lists /" + c.name() + ": " + help);
        }
    }

    @Test
    void everyRegisteredCommandAnswersInChat() throws Exception {
        long chat = 1000;
        for (Command c : f.coach.registry().all()) {
            if (c.name().equals("slow")) {
                continue;
            }
            chat++;
            api.pushText(chat, chat, "ru", "/" + c.name());
            FakeBotApi.Call reply = api.awaitDelivered(String.valueOf(chat), 1, BotFixture.WAIT).get(0);
            assertFalse(text(reply).isBlank(), "/" + c.name() + " answered");
        }
        // and none of them produced anything Telegram refused
        assertTrue(api.calls().stream().filter(c -> c.chatId().matches("10\\d\\d")).allMatch(FakeBotApi.Call::ok));
    }

    @Test
    void askAnswersFromTheGuideAndUserTextIsEscaped() throws Exception {
        assertTrue(say(103, "/ask клиент жалуется на задержку").contains("Своевременное реагирование на жалобы"));
        String echoed = say(103, "/echo <b>bold</b> & <script>alert(1)</script> &amp;");
        assertEquals("echo: <b>bold</b> & <script>alert(1)</script> &amp;", echoed);
        FakeBotApi.Call raw = api.delivered("103").get(1);
        assertTrue(raw.params().path("text").asText().contains("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;"), raw.params().toString());
    }

    @Test
    void freeTextQuestionIsRoutedLikeTheConsoleDoes() throws Exception {
        String r = say(104, "Как ответить на жалобу клиента?");
        assertTrue(r.contains(Texts.get(Lang.RU, "ask.example")), r);
    }

    @Test
    void englishUsersReadEnglishAndOthersRussian() throws Exception {
        api.pushText(105, 105, "en-GB", "/help");
        assertTrue(text(api.awaitDelivered("105", 1, BotFixture.WAIT).get(0)).contains("Commands"));
        api.pushText(106, 106, "de", "/help");
        assertTrue(text(api.awaitDelivered("106", 1, BotFixture.WAIT).get(0)).contains("Команды"));
    }

    @Test
    void cancelUnknownCommandsAndNonTextMessagesGetClearAnswers() throws Exception {
        assertTrue(say(107, "/cancel").contains("нечего прерывать"));
        assertTrue(say(107, "/frobnicate").contains("/help"));
        ObjectNode sticker = api.message(107, "private", 107L, "ru", null);
        sticker.putObject("sticker").put("file_id", "x").put("file_unique_id", "y").put("type", "regular").put("width", 1).put("height", 1)
                .put("is_animated", false).put("is_video", false);
        api.push("message", sticker);
        assertEquals(Texts.get(Lang.RU, "telegram.text_only"), text(api.awaitDelivered("107", 3, BotFixture.WAIT).get(2)));
    }

    @Test
    void aFailingCommandGetsAnApologyAndTheBotGoesOn() throws Exception {
        assertTrue(say(108, "/boom").contains("Что-то пошло не так"));
        assertTrue(say(108, "/echo still here").contains("still here"));
    }

    @Test
    void documentsAreSentAfterTheText() throws Exception {
        api.pushText(109, 109, "ru", "/doc");
        List<FakeBotApi.Call> d = api.awaitDelivered("109", 2, BotFixture.WAIT);
        assertTrue(d.get(0).is("sendmessage"));
        assertTrue(d.get(1).is("senddocument"));
        assertEquals("template.md", d.get(1).params().path("document").path("file_name").asText());
        assertTrue(d.get(1).params().path("document").path("content").asText().contains("# Шаблон"));
    }

    @Test
    void aLongAnswerIsSplitAtParagraphsWithinTelegramsLimit() throws Exception {
        api.pushText(110, 110, "ru", "/long <i>&");
        // the private-chat limit spaces the parts out; the last one carries the buttons
        api.await(c -> c.chatId().equals("110") && c.params().has("reply_markup"), 1, BotFixture.WAIT);
        List<FakeBotApi.Call> parts = api.calls("sendmessage").stream().filter(c -> c.chatId().equals("110")).toList();
        assertTrue(parts.size() >= 3, "split into " + parts.size());
        assertTrue(parts.stream().allMatch(FakeBotApi.Call::ok), "Telegram accepted every part");
        String all = parts.stream().map(FakeBotApi.Call::visible).collect(Collectors.joining("\n\n"));
        int at = -1;
        for (int i = 1; i <= 60; i++) {
            int next = all.indexOf("Paragraph " + i + ":");
            assertTrue(next > at, "paragraph " + i + " in order");
            at = next;
        }
        for (FakeBotApi.Call p : parts) {
            assertTrue(p.params().path("text").asText().length() <= 4096);
            assertTrue(p.visible().startsWith("Paragraph") || p.visible().startsWith("Long"), "parts start at a paragraph: " + p.visible().substring(0, 20));
        }
        for (int i = 0; i < parts.size(); i++) {
            assertEquals(i == parts.size() - 1, parts.get(i).params().has("reply_markup"), "buttons only under the last part");
        }
        assertTrue(all.contains("user <b>text</b> & \"quotes\" <i>&"));
    }

    // ------------------------------------------------------------------ buttons

    @Test
    void pressingAButtonAnswersTheCallbackAndRunsItsCommand() throws Exception {
        api.pushText(201, 201, "ru", "/start");
        FakeBotApi.Call greeting = api.awaitDelivered("201", 1, BotFixture.WAIT).get(0);
        int before = api.calls("answercallbackquery").size();
        api.pushCallback(201, "private", 201, "ru", greeting.messageId(), "/help", true);
        String help = text(api.awaitDelivered("201", 2, BotFixture.WAIT).get(1));
        assertTrue(help.contains("/ask"), help);
        // the callback answer is a call of its own, sent beside the reply: wait for it rather than race it
        api.await(c -> c.is("answercallbackquery"), before + 1, BotFixture.WAIT);
    }

    @Test
    void anEditReplyReplacesThePressedMessage() throws Exception {
        api.pushText(202, 202, "ru", "/page 1");
        FakeBotApi.Call first = api.awaitDelivered("202", 1, BotFixture.WAIT).get(0);
        api.pushCallback(202, "private", 202, "ru", first.messageId(), "/page 2", true);
        FakeBotApi.Call edit = api.awaitDelivered("202", 2, BotFixture.WAIT).get(1);
        assertTrue(edit.is("editmessagetext"), edit.method());
        assertEquals(first.messageId(), edit.params().path("message_id").asInt());
        assertEquals("Page 2", edit.visible());
        assertEquals("/page 3", edit.params().path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText());
    }

    @Test
    void aButtonUnderAGoneMessageSendsANewOne() throws Exception {
        api.pushCallback(203, "private", 203, "ru", 424242, "/page 5", true);
        FakeBotApi.Call c = api.awaitDelivered("203", 1, BotFixture.WAIT).get(0);
        assertTrue(c.is("sendmessage"));
        assertEquals("Page 5", c.visible());
        api.pushCallback(203, "private", 203, "ru", 424243, "/page 6", false);
        c = api.awaitDelivered("203", 2, BotFixture.WAIT).get(1);
        assertTrue(c.is("sendmessage"));
        assertEquals("Page 6", c.visible());
    }

    @Test
    void staleAndForgedButtonsArePolitelyExpired() throws Exception {
        String expired = Texts.get(Lang.RU, "button.expired");
        int answered = api.calls("answercallbackquery").size();
        String[] forged = {"/nope 1", "\u0000junk", "x".repeat(64), "/drill@other_bot x", "not a command"};
        for (int i = 0; i < forged.length; i++) {
            api.pushCallback(204, "private", 204, "ru", 1, forged[i], true);
        }
        List<FakeBotApi.Call> replies = api.awaitDelivered("204", forged.length - 1, BotFixture.WAIT);
        for (FakeBotApi.Call r : replies) {
            assertEquals(expired, r.visible());
        }
        api.await(c -> c.is("answercallbackquery"), answered + forged.length, BotFixture.WAIT);
    }

    // ------------------------------------------------------------------ inline mode

    @Test
    void inlineQueriesGetUpToThreeArticlesReadyToSend() throws Exception {
        int before = api.calls("answerinlinequery").size();
        api.pushInline(301, "ru", "клиент жалуется на задержку заказа");
        FakeBotApi.Call c = api.await(x -> x.is("answerinlinequery"), before + 1, BotFixture.WAIT).get(before);
        assertTrue(c.ok(), c.params().toString());
        JsonNode results = c.params().path("results");
        assertTrue(results.size() >= 1 && results.size() <= 3, results.toString());
        assertTrue(c.params().path("is_personal").asBoolean());
        assertTrue(c.params().path("cache_time").asInt() <= 30);
        for (JsonNode r : results) {
            assertEquals("article", r.path("type").asText());
            assertFalse(r.path("title").asText().isBlank());
            assertTrue("html".equalsIgnoreCase(r.path("input_message_content").path("parse_mode").asText()));
        }
        // a clean draft comes back as it is, marked as fine
        assertEquals(1, results.size());
        assertEquals("клиент жалуется на задержку заказа",
                FakeBotApi.visibleHtml(results.get(0).path("input_message_content").path("message_text").asText()));
        assertEquals(Texts.get(Lang.RU, "telegram.inline.fine"), results.get(0).path("title").asText());

        // a risky draft gets polite versions of the whole message that keep its facts
        api.pushInline(303, "ru", "Анна, это не наша проблема, заказ № 4512 потерял перевозчик.");
        FakeBotApi.Call risky = api.await(x -> x.is("answerinlinequery"), before + 2, BotFixture.WAIT).get(before + 1);
        JsonNode versions = risky.params().path("results");
        assertTrue(versions.size() >= 1 && versions.size() <= 3, versions.toString());
        for (JsonNode v : versions) {
            String text = FakeBotApi.visibleHtml(v.path("input_message_content").path("message_text").asText());
            assertTrue(text.contains("4512") && text.contains("Анна"), text);
            assertFalse(text.toLowerCase().contains("не наша проблема"), text);
        }
        before++;

        api.pushInline(302, "en", "");
        FakeBotApi.Call empty = api.await(x -> x.is("answerinlinequery"), before + 2, BotFixture.WAIT).get(before + 1);
        assertEquals(0, empty.params().path("results").size());
        assertEquals("Open the coach", empty.params().path("button").path("text").asText());
    }

    // ------------------------------------------------------------------ groups and channels

    @Test
    void inGroupsTheBotAnswersOnlyWhatIsAddressedToIt() throws Exception {
        long g = -100201;
        String gid = String.valueOf(g);
        api.pushGroupText(g, 11, "Коллеги, кто сегодня дежурит?");
        api.pushGroupText(g, 11, "/help@other_bot");
        api.pushGroupText(g, 11, "/help@" + FakeBotApi.BOT_USERNAME);
        FakeBotApi.Call help = api.awaitDelivered(gid, 1, BotFixture.WAIT).get(0);
        assertTrue(help.visible().contains("/ask"));
        assertTrue(help.params().path("reply_parameters").path("message_id").asInt() > 0, "in a group the bot answers the message");
        api.pushGroupText(g, 12, "@" + FakeBotApi.BOT_USERNAME + " как ответить на жалобу клиента?");
        assertTrue(api.awaitDelivered(gid, 2, BotFixture.WAIT).get(1).visible().contains(Texts.get(Lang.RU, "ask.example")));
        ObjectNode reply = api.message(g, "supergroup", 13L, "ru", "/echo a reply");
        reply.put("text", "спасибо, а что делать с повторной жалобой?");
        reply.remove("entities");
        reply.set("reply_to_message", api.message(g, "supergroup", null, null, "Ответ бота"));
        ((ObjectNode) reply.get("reply_to_message")).set("from", api.user(FakeBotApi.BOT_ID, null).put("is_bot", true));
        api.push("message", reply);
        api.awaitDelivered(gid, 3, BotFixture.WAIT);
        api.pushGroupText(g, 11, "/echo last");
        List<FakeBotApi.Call> all = api.awaitDelivered(gid, 4, BotFixture.WAIT);
        Thread.sleep(200);
        assertEquals(4, api.delivered(gid).size(), "chatter and other bots' commands were ignored");
        assertEquals("echo: last", all.get(3).visible());
    }

    @Test
    void adminCommandsInGroupsAreCheckedWithGetChatMember() throws Exception {
        long g = -100202;
        String gid = String.valueOf(g);
        api.setMember(g, 21, "administrator", false);
        api.setMember(g, 22, "member", false);
        api.setMember(g, 23, "creator", false);
        api.pushGroupText(g, 22, "/admintest");
        assertTrue(api.awaitDelivered(gid, 1, BotFixture.WAIT).get(0).visible().contains("только администраторы"));
        api.pushGroupText(g, 21, "/admintest");
        assertEquals("admin command ran", api.awaitDelivered(gid, 2, BotFixture.WAIT).get(1).visible());
        api.pushGroupText(g, 23, "/admintest@" + FakeBotApi.BOT_USERNAME);
        assertEquals("admin command ran", api.awaitDelivered(gid, 3, BotFixture.WAIT).get(2).visible());
        // an anonymous admin posts as the group itself
        ObjectNode anon = api.message(g, "supergroup", UpdateHandler.ANONYMOUS_ADMIN_BOT, "ru", "/admintest");
        anon.set("sender_chat", api.chat(g, "supergroup"));
        api.push("message", anon);
        assertEquals("admin command ran", api.awaitDelivered(gid, 4, BotFixture.WAIT).get(3).visible());
        assertTrue(api.calls("getchatmember").stream().anyMatch(c -> c.params().path("user_id").asLong() == 22));
        // in a private chat everybody runs their own settings
        assertEquals("admin command ran", say(205, "/admintest"));
    }

    @Test
    void channelsGetAnswersToCommandPostsOnly() throws Exception {
        long ch = -100203;
        String cid = String.valueOf(ch);
        api.pushChannelPost(ch, "Доброе утро, команда!");
        api.pushChannelPost(ch, "/admintest");
        assertEquals("admin command ran", api.awaitDelivered(cid, 1, BotFixture.WAIT).get(0).visible());
        Thread.sleep(200);
        assertEquals(1, api.delivered(cid).size());
    }

    @Test
    void membershipChangesOfTheBotAreReported() throws Exception {
        api.pushMyChatMember(-100204, "supergroup", 31, "left", "member", true);
        api.pushMyChatMember(-100205, "channel", 31, "left", "administrator", false);
        api.pushMyChatMember(-100206, "channel", 31, "left", "administrator", true);
        api.pushMyChatMember(-100204, "supergroup", 31, "member", "kicked", false);
        api.pushMyChatMember(206, "private", 206, "member", "kicked", false);
        long deadline = System.currentTimeMillis() + 10_000;
        while (f.events.log.stream().filter(e -> e.contains("-10020") || e.contains(" 206")).count() < 5 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        List<String> log = f.events.log;
        assertTrue(log.contains("joined -100204 SUPERGROUP true"), log.toString());
        assertTrue(log.contains("joined -100205 CHANNEL false"), log.toString());
        assertTrue(log.contains("joined -100206 CHANNEL true"), log.toString());
        assertTrue(log.indexOf("removed -100204") > log.indexOf("joined -100204 SUPERGROUP true"), log.toString());
        assertTrue(log.contains("removed 206"), log.toString());
        assertTrue(f.bot.sender().isForbidden("206"));
        // the user unblocks the bot and writes again
        assertTrue(say(206, "/echo back").contains("back"));
        assertFalse(f.bot.sender().isForbidden("206"));
    }

    // ------------------------------------------------------------------ robustness

    @Test
    void malformedAndUnknownUpdatesAreSkippedWithoutStallingTheBot() throws Exception {
        int bad1 = api.pushRaw("\"message\":\"oops\"");
        api.pushRaw("\"message\":{\"message_id\":\"x\",\"chat\":[1,2],\"date\":\"yesterday\"}");
        api.pushRaw("\"some_future_kind\":{\"a\":1}");
        api.pushRaw("\"edited_message\":" + api.message(207, "private", 207L, "ru", "/help"));
        api.pushRaw("");
        String r = say(207, "/echo after junk");
        assertEquals("echo: after junk", r);
        assertEquals(1, api.delivered("207").size(), "the edited message and unknown kinds got no answer");
        long deadline = System.currentTimeMillis() + 5000;
        while (api.confirmedOffset() <= bad1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(api.confirmedOffset() > bad1, "malformed updates are confirmed, not fetched forever");
    }

    @Test
    void updatesOfOneChatKeepTheirOrderWhileOtherChatsGoOn() throws Exception {
        api.pushText(208, 208, "ru", "/slow 800");
        api.pushText(208, 208, "ru", "/echo second");
        api.pushText(209, 209, "ru", "/echo other chat");
        FakeBotApi.Call other = api.awaitDelivered("209", 1, BotFixture.WAIT).get(0);
        List<FakeBotApi.Call> mine = api.awaitDelivered("208", 2, BotFixture.WAIT);
        assertEquals("slow done 800", mine.get(0).visible());
        assertEquals("echo: second", mine.get(1).visible());
        assertTrue(other.nanos() < mine.get(0).nanos(), "a slow chat does not hold up another chat");
    }

    // ------------------------------------------------------------------ daily tips through Telegram

    @Test
    void groupSubscriptionsAreForAdminsAndEndWhenTheBotIsRemoved() throws Exception {
        long g = -100301;
        String gid = String.valueOf(g);
        api.setMember(g, 51, "member", false);
        api.setMember(g, 52, "administrator", false);
        api.pushGroupText(g, 51, "/subscribe 10:00 Europe/Berlin");
        assertTrue(api.awaitDelivered(gid, 1, BotFixture.WAIT).get(0).visible().contains("только администраторы"));
        assertTrue(BotFixture.store.subscriptions().get(gid).isEmpty(), "nothing changed");
        api.pushGroupText(g, 52, "/subscribe 10:00 Europe/Berlin");
        assertTrue(api.awaitDelivered(gid, 2, BotFixture.WAIT).get(1).visible().contains("10:00"));
        assertTrue(BotFixture.store.subscriptions().get(gid).orElseThrow().enabled());
        api.pushMyChatMember(g, "supergroup", 52, "member", "kicked", false);
        long deadline = System.currentTimeMillis() + 5000;
        while (BotFixture.store.subscriptions().get(gid).orElseThrow().enabled() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(BotFixture.store.subscriptions().get(gid).orElseThrow().enabled(), "removed from the group: tips stop");
    }

    @Test
    void aChannelSubscribesOnlyWhenTheBotMayPostThere() throws Exception {
        long ch = -100302;
        String cid = String.valueOf(ch);
        api.setMember(ch, FakeBotApi.BOT_ID, "administrator", false);
        api.pushChannelPost(ch, "/subscribe");
        assertEquals(Texts.get(Lang.RU, "subscribe.cannot_post"), api.awaitDelivered(cid, 1, BotFixture.WAIT).get(0).visible());
        api.setMember(ch, FakeBotApi.BOT_ID, "administrator", true);
        api.pushMyChatMember(ch, "channel", 61, "administrator", "administrator", true);
        api.pushChannelPost(ch, "/subscribe 08:30");
        assertTrue(api.awaitDelivered(cid, 2, BotFixture.WAIT).get(1).visible().contains("08:30"));
        assertTrue(BotFixture.store.subscriptions().get(cid).orElseThrow().enabled());
        api.pushChannelPost(ch, "/unsubscribe");
        api.awaitDelivered(cid, 3, BotFixture.WAIT);
        assertFalse(BotFixture.store.subscriptions().get(cid).orElseThrow().enabled());
    }

    @Test
    void aTipOnDemandCarriesAPractiseButton() throws Exception {
        api.pushText(210, 210, "ru", "/tip");
        FakeBotApi.Call tip = api.awaitDelivered("210", 1, BotFixture.WAIT).get(0);
        assertTrue(tip.ok());
        assertFalse(tip.visible().isBlank());
        for (JsonNode row : tip.params().path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                api.pushCallback(210, "private", 210, "ru", tip.messageId(), b.path("callback_data").asText(), true);
            }
        }
        int buttons = tip.params().path("reply_markup").path("inline_keyboard").size();
        if (buttons > 0) {
            assertTrue(api.awaitDelivered("210", 2, BotFixture.WAIT).stream().allMatch(FakeBotApi.Call::ok));
        }
    }

    // ------------------------------------------------------------------ drills and the quiz through Telegram

    @Test
    void aDrillRunsAsASessionThroughButtonsAndFreeText() throws Exception {
        String chat = "211";
        api.pushText(211, 211, "ru", "/drill");
        FakeBotApi.Call list = api.awaitDelivered(chat, 1, BotFixture.WAIT).get(0);
        assertTrue(list.visible().contains(Texts.get(Lang.RU, "drill.list.title")), list.visible());
        String data = null;
        for (JsonNode row : list.params().path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (b.path("callback_data").asText().equals("/drill dissatisfied-client")) {
                    data = b.path("callback_data").asText();
                }
            }
        }
        assertEquals("/drill dissatisfied-client", data, "a button per scenario, holding its id");
        api.pushCallback(211, "private", 211, "ru", list.messageId(), data, true);
        List<FakeBotApi.Call> opened = api.awaitDelivered(chat, 2, BotFixture.WAIT);
        Thread.sleep(300);
        int afterOpen = api.delivered(chat).size();
        assertTrue(api.delivered(chat).stream().skip(1).anyMatch(c -> c.visible().contains("Тренировка")), opened.toString());
        api.pushText(211, 211, "ru", "Приносим извинения! Понимаю ваше недовольство. Расскажите, что именно не так? Переделаем работу бесплатно до пятницы и потом уточню, всё ли вас устроило.");
        List<FakeBotApi.Call> turn = api.awaitDelivered(chat, afterOpen + 1, BotFixture.WAIT);
        String feedback = turn.get(afterOpen).visible();
        assertTrue(feedback.contains("/100"), "the answer went to the drill, not to search: " + feedback);
        assertTrue(say(211, "/cancel").length() > 0);
        assertTrue(api.delivered(chat).stream().allMatch(FakeBotApi.Call::ok));
    }

    @Test
    void theQuizAsksItsQuestionsInChat() throws Exception {
        String q = say(212, "/quiz");
        assertFalse(q.isBlank());
        int before = api.delivered("212").size();
        api.pushText(212, 212, "ru", "Отвечать быстро, признавать проблему и предлагать решение.");
        String answer = api.awaitDelivered("212", before + 1, BotFixture.WAIT).get(before).visible();
        assertFalse(answer.contains(Texts.get(Lang.RU, "ask.example")), "the answer went to the quiz: " + answer);
        say(212, "/cancel");
    }
}
