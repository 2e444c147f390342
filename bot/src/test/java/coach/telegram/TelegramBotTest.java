package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.core.Command;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real bot end to end against the fake Bot API: commands, free text, buttons, inline mode. */
class TelegramBotTest {
    static BotFixture f;
    static FakeBotApi api;

    @BeforeAll
    static void up() throws Exception {
        f = BotFixture.start();
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
}
